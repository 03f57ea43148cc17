#!/usr/bin/env bash
# The heaviest pages under load (issue 18, item 5): each page read by USERS people with think time
# (0.5–1.5 × THINK ms) and at saturation (no think time), with the SQL statements it sends per
# request and the time PostgreSQL itself spends on them, both from PostgreSQL's own statistics
# (pg_stat_statements, loaded by the embedded database). Jobs are off, so every statement counted
# is a page's. Beside the application's rate, pgbench sends the same statements (one request's,
# as PostgreSQL logged them with their parameters) from as many clients: the database's own rate.
# NATIONAL=1 first loads bench/national-data.sql (337 centers, 5,000 partner organizations, 20,000
# accounts, 300 circles, 10,000 meetings in 500 series and alone, 2,000 conferences, 3 program
# years of 50 pairs, 200,000 postings) into the same database.
# DATA_DIR=dir keeps the embedded database in dir (kept afterwards; NATIONAL=1 loads the national data
# only when dir does not hold it yet), so a second run measures again without the eight-minute load.
# ONLY=regex measures only the pages whose names match; WARMUP seconds (default 5) of reading by four
# users come before each page's figures, so no page pays for the JIT compiling the code it shares.
# Needs: the built application (mvn -B package -DskipTests), Java 17, psql, pgbench. Prints one table.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-50}
SECONDS_RUN=${SECONDS_RUN:-15}
THINK=${THINK:-1000}
PORT=${PORT:-8099}
MGMT_PORT=${MGMT_PORT:-$((PORT + 1000))}   # health and metrics (the management interface)
NATIONAL=${NATIONAL:-0}
DATA_DIR=${DATA_DIR:-}
ONLY=${ONLY:-.}
WARMUP=${WARMUP:-5}
CORES=$(nproc)
WORK=$(mktemp -d)
cp -r target/quarkus-app "${WORK}/app"
DB_DIR=${DATA_DIR:-${WORK}/postgres}
# psql from the machine's PostgreSQL (the embedded server is PostgreSQL 17; any recent client will do)
PSQL_BIN=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | tail -1)
PGBENCH_BIN=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
[ -n "${PGBENCH_BIN}" ] || { echo "pgbench not found (install postgresql-client or postgresql-15)"; exit 1; }

JOBS_OFF=""
for job in reminders survey-reminders seminar-retention case-retention posting-expiry digest sign-in-records; do
  JOBS_OFF="${JOBS_OFF} -Dtsunagu.jobs.${job}.cron=off"
done
start_app() {
  # shellcheck disable=SC2086
  java -Dquarkus.profile=demo -Dquarkus.http.port=${PORT} -Dquarkus.management.port=${MGMT_PORT} \
       -Dtsunagu.jwt.key-dir="${WORK}/keys" -Dtsunagu.embedded.data-dir="${DB_DIR}" -Dtsunagu.embedded.log-detail=true -Dtsunagu.login.client-max-failures=1000 \
       -Dquarkus.log.level=WARN -Dquarkus.log.category.\"jp.tsunagu\".level=INFO ${JOBS_OFF} \
       -jar "${WORK}/app/quarkus-run.jar" > "${WORK}/app.log" 2>&1 &
  APP=$!
  for i in $(seq 1 900); do
    if curl -sf "http://127.0.0.1:${MGMT_PORT}/q/health/ready" >/dev/null; then
      # the embedded database takes a free port at every start
      DB_PORT=$(grep -o 'Embedded PostgreSQL listening on localhost:[0-9]*' "${WORK}/app.log" | tail -1 | sed 's/.*://')
      PSQL="${PSQL_BIN} -q -At -h 127.0.0.1 -p ${DB_PORT} -U postgres -d tsunagu"
      return 0
    fi
    sleep 1
  done
  echo "the application did not start; see ${WORK}/app.log"; exit 1
}
stop_app() { kill "${APP}" 2>/dev/null || true; wait "${APP}" 2>/dev/null || true; }
trap 'stop_app; rm -rf "${WORK}"' EXIT

start_app
${PSQL} -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
if [ "${NATIONAL}" = "1" ] && [ "$(${PSQL} -c "SELECT count(*) >= 5000 FROM organization")" != "t" ]; then
  echo "national data set (the application indexes the new postings at its next start)"
  ${PSQL} -f bench/national-data.sql
  stop_app
  start_app
fi
echo "data: $(${PSQL} -c "SELECT count(*) FROM organization") organizations, $(${PSQL} -c "SELECT count(*) FROM meeting") meetings, $(${PSQL} -c "SELECT count(*) FROM posting") postings"

login() {
  curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$1@demo.tsunagu.jp\",\"password\":\"tsunagu-demo\"}" \
    "http://127.0.0.1:${PORT}/api/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
declare -A TOKEN
for who in bridge partner admin; do TOKEN[$who]=$(login "$who"); done
MEETING=$(${PSQL} -c "SELECT id FROM meeting WHERE title = '第0回 就労移行等情報交換会'")
SERIES=$(${PSQL} -c "SELECT series_id FROM meeting WHERE series_id IS NOT NULL ORDER BY id LIMIT 1")
CIRCLE=$(${PSQL} -c "SELECT id FROM circle WHERE code = 'okinawa-south-exchange'")
PROGRAM=$(${PSQL} -c "SELECT id FROM program WHERE fiscal_year = 2023")
PAIRING=$(${PSQL} -c "SELECT id FROM pairing ORDER BY id LIMIT 1")
CONFERENCE=$(${PSQL} -c "SELECT id FROM conference WHERE title = '第2回 事例検討会（野中式）'")
PAGES=(
  "home|bridge|/"
  "meeting|bridge|/meetings/${MEETING}"
  "meeting (participant)|partner|/meetings/${MEETING}"
  "series|bridge|/series/${SERIES}"
  "minutes|bridge|/meetings/${MEETING}/minutes"
  "meetings list|bridge|/meetings"
  "circle|bridge|/circles/${CIRCLE}"
  "national overview|admin|/programs/${PROGRAM}/overview"
  "pair workspace|admin|/pairings/${PAIRING}"
  "postings search|bridge|/postings?q=%E6%B8%85%E6%8E%83"
  "conference board|bridge|/conferences/${CONFERENCE}/board"
  "learnings library|bridge|/learnings"
  "directory|bridge|/directory/results?q=%E3%83%96%E3%83%AA%E3%83%83%E3%82%B8"
)
# the statements of one request, and PostgreSQL's own time for them (ms), from its statistics
count_one() {
  local who=$1 url=$2 n=10 i
  ${PSQL} -c "SELECT pg_stat_statements_reset()" >/dev/null
  for i in $(seq 1 ${n}); do
    curl -sf -o /dev/null -H "Authorization: Bearer ${TOKEN[$who]}" -H 'Accept: text/html' "http://127.0.0.1:${PORT}${url}" \
      || { echo "${url}: request ${i} failed (see ${WORK}/app.log)" >&2; tail -20 "${WORK}/app.log" >&2; exit 1; }
  done
  ${PSQL} -c "SELECT round(sum(calls)::numeric / ${n}, 1) || ' ' || round(sum(total_exec_time + total_plan_time)::numeric / ${n}, 3)
    FROM pg_stat_statements WHERE query !~* 'pg_stat_statements' AND query <> 'SELECT \$1'
    AND query !~* '^\s*(BEGIN|COMMIT|ROLLBACK)'"
}
# the page's statements as PostgreSQL logged them for one request, with their parameters, as a
# pgbench script (bench/PageStatements.java); PostgreSQL's own log is in the data directory
capture_one() {
  local who=$1 url=$2 log before
  log=$(ls -t "${DB_DIR}"/log/*.log | head -1); before=$(stat -c %s "${log}")
  ${PSQL} -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.3
  curl -sf -o /dev/null -H "Authorization: Bearer ${TOKEN[$who]}" -H 'Accept: text/html' "http://127.0.0.1:${PORT}${url}" \
    || echo "${url}: the captured request failed" >&2
  sleep 0.3
  ${PSQL} -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -c +$((before + 1)) "${log}" > "${WORK}/page.log"
  java bench/PageStatements.java "${WORK}/page.log" > "${WORK}/page.sql" 2>"${WORK}/capture.err" \
    || { echo "${url}: the statements could not be read: $(tail -2 "${WORK}/capture.err")" >&2; : > "${WORK}/page.sql"; }
}
# the same statements sent by pgbench from USERS clients without pause: the database's own rate
pgbench_rate() {
  "${PGBENCH_BIN}" -n -M prepared -c "${USERS}" -j "${CORES}" -T "${SECONDS_RUN}" -h 127.0.0.1 -p "${DB_PORT}" -U postgres \
    -f "${WORK}/page.sql" tsunagu 2>"${WORK}/pgbench.err" | sed -nE 's/^tps = ([0-9.]+) .*/\1/p' | awk '{printf "%.0f", $1}' || true
}
printf '\n%-22s %6s %9s %9s %9s %10s %9s %10s %7s\n' page stmts "db ms" "p50 read" "p99 read" "sat. /s" "sat. p99" "pgbench /s" ratio
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name who url <<< "${entry}"
  [[ "${name}" =~ ${ONLY} ]] || continue
  curl -sf -o /dev/null -H "Authorization: Bearer ${TOKEN[$who]}" "http://127.0.0.1:${PORT}${url}" \
    || { echo "${name}: ${url} does not answer 200"; exit 1; }
  [ "${WARMUP}" -gt 0 ] && ACCEPT=text/html java bench/LoadTest.java "http://127.0.0.1:${PORT}${url}" "${TOKEN[$who]}" 4 "${WARMUP}" >/dev/null
  COUNTS=$(count_one "${who}" "${url}") || exit 1
  read -r STMTS DBMS <<< "${COUNTS}"
  READ=$(ACCEPT=text/html java bench/LoadTest.java "http://127.0.0.1:${PORT}${url}" "${TOKEN[$who]}" "${USERS}" "${SECONDS_RUN}" "${THINK}")
  SAT=$(ACCEPT=text/html java bench/LoadTest.java "http://127.0.0.1:${PORT}${url}" "${TOKEN[$who]}" "${USERS}" "${SECONDS_RUN}")
  P50=$(echo "${READ}" | sed -E 's/.*p50=([0-9.]+)ms.*/\1/')
  P99=$(echo "${READ}" | sed -E 's/.*p99=([0-9.]+)ms.*/\1/')
  SAT_TPS=$(echo "${SAT}" | sed -E 's/.*throughput=([0-9.]+).*/\1/')
  SAT_P99=$(echo "${SAT}" | sed -E 's/.*p99=([0-9.]+)ms.*/\1/')
  capture_one "${who}" "${url}"
  DB_RATE=$(pgbench_rate)
  grep -q 'aborted' "${WORK}/pgbench.err" && DB_RATE=""  # a client that stopped makes the rate meaningless
  [ -n "${DB_RATE}" ] || { echo "${name}: pgbench failed: $(grep -m3 -i 'error\|fatal' "${WORK}/pgbench.err" || true)"; FAILED=$(mktemp --suffix=.sql); cp "${WORK}/page.sql" "${FAILED}"; echo "  (its statements: ${FAILED})"; DB_RATE=0; }
  RATIO=$(awk "BEGIN {printf \"%.2f\", (${DB_RATE} > 0 ? ${SAT_TPS} / ${DB_RATE} : 0)}")
  ERR=$(echo "${READ} ${SAT}" | grep -o 'errors=[1-9][0-9]*' | head -1 || true)
  printf '%-22s %6s %9s %9s %9s %10s %9s %10s %7s %s\n' "${name}" "${STMTS}" "${DBMS}" "${P50}" "${P99}" "${SAT_TPS}" "${SAT_P99}" "${DB_RATE}" "${RATIO}" "${ERR}"
done
echo
echo "stmts: SQL statements per request; db ms: PostgreSQL's own execution and planning time for them;"
echo "read: ${USERS} users thinking 0.5-1.5 x ${THINK} ms; sat.: ${USERS} users without think time;"
echo "pgbench /s: the same statements with one request's parameters, sent by pgbench from ${USERS} clients without pause"
echo "(prepared, ${CORES} threads, on the same cores); ratio: sat. / pgbench."
