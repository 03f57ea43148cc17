#!/usr/bin/env bash
# Backup and restore, tested (issue 18, item 7): Tsunagu runs on the machine's PostgreSQL 15 with
# the demo data, signed in to (sessions and audit rows written), while pg_dump backs its database
# up (custom format, one consistent snapshot); pg_restore loads the dump into a fresh database;
# the application is started on the restored database alone (prod profile, no demo loader) and
# must answer ready, sign a demo account in and show the same directory and statistics as before;
# every table holds the same rows as the source (each table's rows compared by count and by an md5
# of their text in order). Exits non-zero on any difference, or if there is little to compare.
# Needs: root (to use the local postgres cluster as CI does), the built application
# (mvn -B package -DskipTests), Java 17, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
MGMT_PORT=${MGMT_PORT:-$((PORT + 1000))}   # health and metrics (the management interface)
SOURCE=tsunagu_backup_src
TARGET=tsunagu_backup_dst
ROLE=tsunagu_backup
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
WORK=$(mktemp -d)
cp -r target/quarkus-app "${WORK}/app"
PG=/usr/lib/postgresql/15/bin

pg_ctlcluster 15 main start 2>/dev/null || true
for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
DROP DATABASE IF EXISTS ${SOURCE};
DROP DATABASE IF EXISTS ${TARGET};
DROP ROLE IF EXISTS ${ROLE};
CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
CREATE DATABASE ${SOURCE} OWNER ${ROLE} ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE ${TARGET} OWNER ${ROLE} ENCODING 'UTF8' TEMPLATE template0;
\c ${SOURCE}
CREATE EXTENSION IF NOT EXISTS pg_trgm;
\c ${TARGET}
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
export PGPASSWORD=${PASSWORD}
APP=""
start() { # database, profile
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$1" \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$1" \
  QUARKUS_DATASOURCE_USERNAME=${ROLE} QUARKUS_DATASOURCE_PASSWORD=${PASSWORD} \
  java -Dquarkus.profile="$2" -Dquarkus.http.port=${PORT} -Dquarkus.management.port=${MGMT_PORT} -Dtsunagu.jwt.key-dir="${WORK}/keys" -Dtsunagu.cookie.secure=false \
       -Dquarkus.mailer.mock=true -Dquarkus.scheduler.enabled=false -jar "${WORK}/app/quarkus-run.jar" > "${WORK}/app-$1.log" 2>&1 &
  APP=$!
  for i in $(seq 1 300); do
    kill -0 "${APP}" 2>/dev/null || { echo "the application stopped on $1"; tail -40 "${WORK}/app-$1.log"; exit 1; }
    curl -sf "http://127.0.0.1:${MGMT_PORT}/q/health/ready" >/dev/null && return 0
    sleep 1
  done
  echo "the application did not become ready on $1"; tail -40 "${WORK}/app-$1.log"; exit 1
}
stop() { kill "${APP}" 2>/dev/null || true; wait "${APP}" 2>/dev/null || true; APP=""; }
cleanup() {
  stop
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS ${SOURCE}' -c 'DROP DATABASE IF EXISTS ${TARGET}' -c 'DROP ROLE IF EXISTS ${ROLE}'" \
    >/dev/null 2>&1 || true
  rm -rf "${WORK}"
}
trap cleanup EXIT

token() {
  curl -sf -H 'Content-Type: application/json' -d '{"email":"admin@demo.tsunagu.jp","password":"tsunagu-demo"}' \
    "http://127.0.0.1:${PORT}/api/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
facts() { # what a reader sees, through the application: the directory's size, the FY2023 national statistics
  local t; t=$(token)
  curl -sf -H "Authorization: Bearer ${t}" "http://127.0.0.1:${PORT}/api/organizations?size=1" | sed -E 's/.*"total":([0-9]+).*/directory=\1/'
  echo
  curl -sf -H "Authorization: Bearer ${t}" "http://127.0.0.1:${PORT}/api/statistics?fiscalYear=2023" \
    | sed -E 's/.*"total":\{[^}]*"reporting":([0-9]+),"registered":([0-9]+).*/reporting=\1 registered=\2/'
}
counts() { # every table: its rows' count and an md5 of their text in order
  psql -q -At -h 127.0.0.1 -U ${ROLE} -d "$1" <<'SQL'
SELECT string_agg(format('%s=%s', c.relname, (xpath('/row/n/text()', query_to_xml(format(
         'SELECT count(*) || '':'' || md5(coalesce(string_agg(t::text, ''|'' ORDER BY t::text), '''')) AS n FROM %I t',
         c.relname), false, true, '')))[1]::text), ' ' ORDER BY c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'
SQL
}

echo "1. Tsunagu on ${SOURCE} with the demo data"
start ${SOURCE} demo
# the sign-ins while it runs are writes too (their sessions, the audit log): they must survive the round trip
BEFORE_FACTS=$(facts)
echo "   ${BEFORE_FACTS//$'\n'/ }"

echo "2. pg_dump while it runs (custom format), then pg_restore into ${TARGET}"
START=$(date +%s.%N)
${PG}/pg_dump -h 127.0.0.1 -U ${ROLE} -d ${SOURCE} -Fc -f "${WORK}/tsunagu.dump"
MID=$(date +%s.%N)
stop
BEFORE_COUNTS=$(counts ${SOURCE}) # nothing wrote after the dump: the scheduler is off and no request came
# the extension is made in the fresh database by its administrator (as for a first install); its
# entries in the dump (owned by the superuser) are left out of the restore
${PG}/pg_restore -l "${WORK}/tsunagu.dump" | grep -v -E 'EXTENSION - pg_trgm|COMMENT - EXTENSION pg_trgm' > "${WORK}/restore.list"
${PG}/pg_restore -h 127.0.0.1 -U ${ROLE} -d ${TARGET} --no-owner --exit-on-error -L "${WORK}/restore.list" "${WORK}/tsunagu.dump"
END=$(date +%s.%N)
AFTER_COUNTS=$(counts ${TARGET})
echo "   dump $(du -h "${WORK}/tsunagu.dump" | cut -f1), $(awk -v a="${START}" -v b="${MID}" 'BEGIN{printf "%.1f", b-a}') s;" \
  "restore $(awk -v a="${MID}" -v b="${END}" 'BEGIN{printf "%.1f", b-a}') s"

echo "3. Tsunagu on the restored ${TARGET} alone (prod profile: migrations checked, no demo loader)"
start ${TARGET} prod
AFTER_FACTS=$(facts)
echo "   ${AFTER_FACTS//$'\n'/ }"
stop
TABLES=$(wc -w <<<"${AFTER_COUNTS}")
if [ "${TABLES}" -lt 50 ] || ! grep -q 'directory=[1-9]' <<<"${BEFORE_FACTS}" || ! grep -q 'reporting=[1-9]' <<<"${BEFORE_FACTS}"; then
  echo "FAILED: too little to compare (${TABLES} tables; ${BEFORE_FACTS//$'\n'/ })"; exit 1
fi
if [ "${BEFORE_FACTS}" != "${AFTER_FACTS}" ]; then
  echo "FAILED: the restored application shows other facts"; echo "before: ${BEFORE_FACTS}"; echo "after:  ${AFTER_FACTS}"; exit 1
fi
if [ "${BEFORE_COUNTS}" != "${AFTER_COUNTS}" ]; then
  echo "FAILED: the restored database has other row counts"
  diff <(tr ' ' '\n' <<<"${BEFORE_COUNTS}") <(tr ' ' '\n' <<<"${AFTER_COUNTS}") || true
  exit 1
fi
echo "   every table has the same rows (${TABLES} tables, compared by count and md5); the demo accounts sign in; restored intact"
