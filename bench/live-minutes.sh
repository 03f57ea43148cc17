#!/usr/bin/env bash
# Live minutes benchmark (issue 16): two application instances on the machine's PostgreSQL 15,
# 30 simulated editors (bench/live-minutes.mjs: real Yjs documents) on one minutes document, split
# over both instances, each typing a character every 200 ms for 60 s into the same item.
# Prints keystroke-to-other-screen propagation p50/p99, characters lost (against what each editor
# sent, on every screen and in the stored minutes), and CPU per instance; beside them, the
# database's own rate for what each keystroke costs it (pgbench: one INSERT into minutes_update
# and one pg_notify per transaction). Needs: root (the local postgres cluster, as CI uses it), the
# built application (mvn -B package -DskipTests), Java 17, Node 20 (its WebSocket), curl, pgbench.
# The editors sign in as two accounts (one per instance), so the sockets-per-account cap is raised.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT_A=${PORT_A:-8101}
PORT_B=${PORT_B:-8102}
EDITORS=${EDITORS:-30}
DURATION_MS=${DURATION_MS:-60000}
DB=tsunagu_bench_live
ROLE=tsunagu_bench_live
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
WORK=$(mktemp -d)
cp -r target/quarkus-app "${WORK}/app"

pg_ctlcluster 15 main start 2>/dev/null || true
for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
DROP DATABASE IF EXISTS ${DB};
DROP ROLE IF EXISTS ${ROLE};
CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
CREATE DATABASE ${DB} OWNER ${ROLE} ENCODING 'UTF8' TEMPLATE template0;
\c ${DB}
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
export PGPASSWORD=${PASSWORD}
PSQL="psql -q -h 127.0.0.1 -U ${ROLE} -d ${DB}"

start() {
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/${DB}" \
  QUARKUS_DATASOURCE_USERNAME=${ROLE} QUARKUS_DATASOURCE_PASSWORD=${PASSWORD} \
  java -Xmx768m ${JAVA_OPTS:+${JAVA_OPTS//@PORT@/$1}} -Dtsunagu.live.warm-up=true -Dquarkus.profile=demo -Dquarkus.http.port="$1" -Dquarkus.management.port="$(( $1 + 1000 ))" -Dtsunagu.jwt.key-dir="${WORK}/keys" -Dquarkus.log.level=WARN -Dquarkus.log.category.\"jp.tsunagu\".level=DEBUG \
       -Dtsunagu.login.client-max-failures=1000 -Dtsunagu.live.sockets-per-account=64 -jar "${WORK}/app/quarkus-run.jar" > "${WORK}/app-$1.log" 2>&1 &
  echo $!
}
ready() { for i in $(seq 1 300); do curl -sf "http://127.0.0.1:$(( $1 + 1000 ))/q/health/ready" >/dev/null && return 0; sleep 1; done; return 1; }
A=$(start "${PORT_A}")
B=""
cleanup() {
  kill "${A}" ${B:+"${B}"} 2>/dev/null || true; wait 2>/dev/null || true
  mkdir -p target && cp "${WORK}"/app-*.log target/ 2>/dev/null || true   # the instances' logs stay readable after the run (target/app-PORT.log)
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS ${DB}' -c 'DROP ROLE IF EXISTS ${ROLE}'" >/dev/null 2>&1 || true
  rm -rf "${WORK}"
}
trap cleanup EXIT
ready "${PORT_A}"   # the first instance loads the demo data; the second finds it there
B=$(start "${PORT_B}")
ready "${PORT_B}"
# both have warmed their live script (the warm-up runs in the background after the start)
for port in "${PORT_A}" "${PORT_B}"; do
  for i in $(seq 1 120); do grep -q 'Live documents warm' "${WORK}/app-${port}.log" && break; sleep 0.5; done
  grep -q 'Live documents warm' "${WORK}/app-${port}.log" || echo "instance ${port}: live documents not warm after 60 s" >&2
done

login() {
  curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$2@demo.tsunagu.jp\",\"password\":\"tsunagu-demo\"}" \
    "http://127.0.0.1:$1/api/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
TOKEN_A=$(login "${PORT_A}" bridge)
TOKEN_B=$(login "${PORT_B}" partner)
MEETING=$(${PSQL} -At -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO meeting SELECT (jsonb_populate_record(NULL::meeting, to_jsonb(m) || jsonb_build_object(
  'id', nextval(pg_get_serial_sequence('meeting', 'id')), 'title', 'ベンチマーク 議事録', 'series_id', NULL, 'number', NULL,
  'minutes_published_at', NULL, 'status', 'HELD', 'minutes_version', 0, 'minutes_doc_mark', NULL))).*
FROM meeting m WHERE m.title = '第0回 就労移行等情報交換会' RETURNING id;
SQL
)
MEETING=$(echo "${MEETING}" | head -1)
${PSQL} -c "INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at) SELECT ${MEETING}, id, now() FROM organization WHERE code IN ('okinawa-bridge', 'okinawa-transition-1')"

cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICKS=$(getconf CLK_TCK)
CPU_A0=$(cpu "${A}"); CPU_B0=$(cpu "${B}"); T0=$(date +%s.%N)
set +e
MEETING=${MEETING} TARGETS="${PORT_A}=${TOKEN_A},${PORT_B}=${TOKEN_B}" EDITORS=${EDITORS} DURATION_MS=${DURATION_MS} \
  node --experimental-websocket --no-warnings bench/live-minutes.mjs | tee "${WORK}/load.txt"
STATUS=${PIPESTATUS[0]}
set -e
T1=$(date +%s.%N); CPU_A1=$(cpu "${A}"); CPU_B1=$(cpu "${B}")
awk -v a0="${CPU_A0}" -v a1="${CPU_A1}" -v b0="${CPU_B0}" -v b1="${CPU_B1}" -v t0="${T0}" -v t1="${T1}" -v hz="${TICKS}" \
  'BEGIN { s = t1 - t0; printf "CPU per instance over %.0f s: first %.0f%% of one core, second %.0f%%\n", s, 100 * (a1 - a0) / hz / s, 100 * (b1 - b0) / hz / s }'

sleep 3 # the stored text is derived a moment after the last change
SENT=$(sed -nE 's/^RESULT sent=([0-9]+).*/\1/p' "${WORK}/load.txt")
STORED=$(${PSQL} -At -c "SELECT coalesce(sum(char_length(content)), 0) FROM minutes_item WHERE meeting_id = ${MEETING}")
UPDATES=$(${PSQL} -At -c "SELECT count(*) FROM minutes_update WHERE meeting_id = ${MEETING}")
echo "stored minutes: ${STORED} characters for ${SENT} sent (lost in storage: $(( SENT - STORED ))); ${UPDATES} updates in minutes_update"

echo "PostgreSQL alone, what a keystroke costs it (pgbench, 2 clients, 10 s: INSERT into minutes_update + pg_notify per transaction):"
cat > "${WORK}/keystroke.sql" <<SQL
INSERT INTO minutes_update (meeting_id, body, account_id) VALUES (${MEETING}, '\\x0101a0b8e50100040107636f6e74656e7401e4b8800000'::bytea, NULL);
SELECT pg_notify('tsunagu_bench', 'x');
SQL
pgbench -n -h 127.0.0.1 -U "${ROLE}" -c 2 -j 2 -T 10 -f "${WORK}/keystroke.sql" "${DB}" 2>/dev/null | grep -E "^(tps|latency average)"
exit "${STATUS}"
