#!/usr/bin/env bash
# Posting search benchmark (issue 5): national-scale data (337 centers, 5,000 partner
# organizations, 300 circles, 200,000 postings) in the machine's PostgreSQL 15, the application
# (demo profile) on top, and the main search — text + two filters + visibility — under 50
# concurrent users (with and without think time); then the same SQL statement straight against
# PostgreSQL with pgbench.
# Needs: root (to use the local postgres cluster as CI does), the built application
# (mvn -B package -DskipTests), Java 17, pgbench. Prints both rates and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-50}
SECONDS_RUN=${SECONDS_RUN:-30}
PORT=${PORT:-8095}
MGMT_PORT=${MGMT_PORT:-$((PORT + 1000))}   # health and metrics (the management interface)
DB=tsunagu_bench
ROLE=tsunagu_bench
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
WORK=$(mktemp -d)
# run a copy, so rebuilding the project meanwhile does not pull the jars from under the running app
cp -r target/quarkus-app "${WORK}/app"

pg_ctlcluster 15 main start 2>/dev/null || true
for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
DROP DATABASE IF EXISTS ${DB};
DROP ROLE IF EXISTS ${ROLE};
CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
CREATE DATABASE ${DB} OWNER ${ROLE} ENCODING 'UTF8' TEMPLATE template0;
SQL
export PGPASSWORD=${PASSWORD}
PSQL="psql -q -h 127.0.0.1 -U ${ROLE} -d ${DB}"

start_app() {
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/${DB}" \
  QUARKUS_DATASOURCE_USERNAME=${ROLE} QUARKUS_DATASOURCE_PASSWORD=${PASSWORD} \
  java -Dquarkus.profile=demo -Dquarkus.http.port=${PORT} -Dquarkus.management.port=${MGMT_PORT} -Dtsunagu.jwt.key-dir="${WORK}/keys" \
       -Dquarkus.log.level=WARN -Dquarkus.log.category.\"jp.tsunagu\".level=INFO \
       -jar "${WORK}/app/quarkus-run.jar" > "${WORK}/app.log" 2>&1 &
  APP=$!
  for i in $(seq 1 900); do curl -sf "http://127.0.0.1:${MGMT_PORT}/q/health/ready" >/dev/null && return 0; sleep 1; done
  echo "the application did not start; see ${WORK}/app.log"; exit 1
}
stop_app() { kill "${APP}" 2>/dev/null || true; wait "${APP}" 2>/dev/null || true; }
trap 'stop_app' EXIT

echo "1. schema and demo data"
start_app
stop_app
echo "2. national data set"
time ${PSQL} -f bench/national-data.sql
${PSQL} -At -c "SELECT 'centers=' || count(*) FILTER (WHERE org_type = 'NAKAPOTSU') || ' organizations=' || count(*) FROM organization"
${PSQL} -At -c "SELECT 'circles=' || count(*) FROM circle"
${PSQL} -At -c "SELECT 'postings=' || count(*) || ' open=' || count(*) FILTER (WHERE status = 'OPEN') FROM posting"
echo "3. the application indexes the new postings at start (Kuromoji + bigrams)"
T0=$(date +%s)
start_app
echo "   started and indexed in $(( $(date +%s) - T0 )) s"; grep -h "Indexed" "${WORK}/app.log" || true
${PSQL} -c "ANALYZE posting; ANALYZE posting_share;"

TOKEN=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"bridge@demo.tsunagu.jp","password":"tsunagu-demo"}' \
  "http://127.0.0.1:${PORT}/api/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')
QUERY="q=%E6%B8%85%E6%8E%83&prefecture=13&employmentType=PART_TIME"
URL="http://127.0.0.1:${PORT}/api/postings?${QUERY}"
echo "   sample: $(curl -sf -H "Authorization: Bearer ${TOKEN}" "${URL}" | head -c 200)…"

echo "4. application: ${USERS} users, ${SECONDS_RUN} s each (search 清掃 + prefecture 13 + part-time + visibility)"
java bench/LoadTest.java "${URL}" "${TOKEN}" "${USERS}" 20 >/dev/null  # the JIT compiler's warm-up
# with think time: people who read a page before the next search (0.5-1.5 s, 50-150 ms)
for THINK in 1000 100; do
  echo "   think ${THINK} ms: $(java bench/LoadTest.java "${URL}" "${TOKEN}" "${USERS}" "${SECONDS_RUN}" "${THINK}")"
done
# without: every user sends the next search the moment an answer comes (the saturation rate)
APP_RESULT=$(java bench/LoadTest.java "${URL}" "${TOKEN}" "${USERS}" "${SECONDS_RUN}")
echo "   no think time: ${APP_RESULT}"

echo "5. PostgreSQL alone: the same statement with pgbench (${USERS} clients)"
ORG=$(${PSQL} -At -c "SELECT id FROM organization WHERE code = 'okinawa-bridge'")
CIRCLES=$(${PSQL} -At -c "SELECT string_agg(circle_id::text, ',') FROM circle_member WHERE organization_id = ${ORG}")
# The statement PostingSearch.statement builds for this viewer and these filters, parameters inlined.
# The policy's visibility rule behind the audience keys (V7), as the application writes it.
W="p.audience && '{-${ORG},0,${CIRCLES}}'::bigint[] AND (p.owner_org_id = ANY('{${ORG}}'::bigint[]) OR (true AND p.visibility = 'NETWORK')
  OR (p.visibility = 'CIRCLES' AND EXISTS (SELECT 1 FROM posting_share s WHERE s.posting_id = p.id AND s.circle_id = ANY('{${CIRCLES}}'::bigint[]))))
  AND p.status = 'OPEN' AND p.search_vector @@ '''清掃'''::tsquery AND p.prefecture_code = 13::smallint AND p.employment_type = 'PART_TIME'"
cat > "${WORK}/search.sql" <<SQL
SELECT p.id, p.kind, p.title, p.company_name, pr.name_ja AS prefecture, p.municipality, p.job_category, p.employment_type,
 p.hours_per_week, p.wage_type, p.wage_yen, (p.split_shift OR p.short_hours OR p.weekly_pay OR p.daily_pay OR p.trial_step) AS carving,
 p.visibility, p.do_not_forward, p.expires_on, p.created_at, o.name AS owner, p.status, p.owner_org_id,
 p.source, p.hello_work_number, ARRAY(SELECT s.circle_id FROM posting_share s WHERE s.posting_id = p.id) AS circle_ids, hits.total
FROM (SELECT p.id, p.created_at, p.expires_on, ts_rank(p.search_vector, '''清掃'' | ''掃'''::tsquery) AS rank, count(*) OVER () AS total
 FROM posting p WHERE ${W}
 ORDER BY rank DESC, p.created_at DESC, p.id DESC LIMIT 20 OFFSET 0) hits
JOIN posting p ON p.id = hits.id JOIN prefecture pr ON pr.code = p.prefecture_code JOIN organization o ON o.id = p.owner_org_id
ORDER BY hits.rank DESC, p.created_at DESC, p.id DESC;
SQL
echo "   plan (jit off, as the application's connections):"
PGOPTIONS='-c jit=off' ${PSQL} -At -c "EXPLAIN (ANALYZE, BUFFERS) $(cat "${WORK}/search.sql")" | sed 's/^/     /'
# extended protocol with unnamed statements, planned at each execution: as the application's client sends it
PGBENCH=$(PGOPTIONS='-c jit=off' pgbench -n -M extended -h 127.0.0.1 -U ${ROLE} -c "${USERS}" -j 2 -T "${SECONDS_RUN}" -f "${WORK}/search.sql" "${DB}" 2>&1)
echo "   extended (as the application): $(echo "${PGBENCH}" | grep -E "latency average|tps" | tr '\n' ' ' || echo "${PGBENCH}")"
# for reference, a statement prepared once per connection (planning saved)
PREPARED=$(PGOPTIONS='-c jit=off' pgbench -n -M prepared -h 127.0.0.1 -U ${ROLE} -c "${USERS}" -j 2 -T "${SECONDS_RUN}" -f "${WORK}/search.sql" "${DB}" 2>&1)
echo "   prepared once (reference): $(echo "${PREPARED}" | grep -E "latency average|tps" | tr '\n' ' ' || echo "${PREPARED}")"

APP_TPS=$(echo "${APP_RESULT}" | sed -E 's/.*throughput=([0-9.]+).*/\1/')
DB_TPS=$(echo "${PGBENCH}" | grep -E '^tps' | sed -E 's/tps = ([0-9.]+).*/\1/')
echo "6. result: application ${APP_TPS}/s, PostgreSQL alone ${DB_TPS}/s, ratio $(awk "BEGIN {printf \"%.2f\", ${APP_TPS}/${DB_TPS}}")"
stop_app
su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS ${DB}' -c 'DROP ROLE IF EXISTS ${ROLE}'" || true
rm -rf "${WORK}"
