#!/usr/bin/env bash
# Start-up and memory (issue 18, item 6): the packaged application on the machine's PostgreSQL 15,
# on a database already migrated (one start first, not counted), started RUNS times: the time from
# launching the JVM to the first ready answer of /q/health/ready (polled every 50 ms), Quarkus' own
# "started in", and the resident memory (RSS) after 10 s idle. Set JAVA_OPTS to try JVM flags
# (e.g. an AppCDS archive: -XX:SharedArchiveFile=…).
# Needs: root (to use the local postgres cluster as CI does), the built application
# (mvn -B package -DskipTests), Java 17, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8098}
MGMT_PORT=${MGMT_PORT:-$((PORT + 1000))}   # health and metrics (the management interface)
RUNS=${RUNS:-3}
DB=tsunagu_bench_start
ROLE=tsunagu_bench_start
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
WORK=$(mktemp -d)
cp -a target/quarkus-app "${WORK}/app"   # -a: an AppCDS archive checks the jars' times
rm -rf "${WORK}/app/data"
# an AppCDS archive from a build with -Dquarkus.package.jar.aot.enabled=true is used (and must load)
AOT_OPTS=""
[ -f "${WORK}/app/app-cds.jsa" ] && AOT_OPTS="-XX:SharedArchiveFile=${WORK}/app/app-cds.jsa -Xshare:on"

pg_ctlcluster 15 main start 2>/dev/null || true
for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL >/dev/null 2>&1
DROP DATABASE IF EXISTS ${DB};
DROP ROLE IF EXISTS ${ROLE};
CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
CREATE DATABASE ${DB} OWNER ${ROLE} ENCODING 'UTF8' TEMPLATE template0;
\c ${DB}
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
APP=""
cleanup() {
  [ -n "${APP}" ] && { kill "${APP}" 2>/dev/null || true; wait "${APP}" 2>/dev/null || true; }
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS ${DB}' -c 'DROP ROLE IF EXISTS ${ROLE}'" >/dev/null 2>&1 || true
  rm -rf "${WORK}"
}
trap cleanup EXIT

run() { # prints: ms-to-ready started-in rss-MB
  local t0 t1
  t0=$(date +%s%N)
  # from the application's directory: an AppCDS archive records the class path as it was built
  (cd "${WORK}/app" && exec env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/${DB}" \
    QUARKUS_DATASOURCE_USERNAME=${ROLE} QUARKUS_DATASOURCE_PASSWORD=${PASSWORD} \
    java ${JAVA_OPTS:-} ${AOT_OPTS:-} -Dquarkus.profile=prod -Dquarkus.http.port=${PORT} -Dquarkus.management.port=${MGMT_PORT} -Dtsunagu.jwt.key-dir="${WORK}/keys" \
       -Dquarkus.log.console.json.enabled=false -jar quarkus-run.jar) > "${WORK}/app.log" 2>&1 &
  APP=$!
  local tries=0
  until curl -sf -o /dev/null "http://127.0.0.1:${MGMT_PORT}/q/health/ready"; do
    kill -0 "${APP}" 2>/dev/null || { tail -30 "${WORK}/app.log" >&2; exit 1; }
    tries=$((tries + 1)); [ "${tries}" -lt 2400 ] || { echo "not ready after 120 s" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  sleep 10
  local rss; rss=$(ps -o rss= -p "${APP}")
  local started; started=$(grep -o 'started in [0-9.]*s' "${WORK}/app.log" | head -1 | sed 's/started in //')
  kill "${APP}"; wait "${APP}" 2>/dev/null || true; APP=""
  [ -n "${KEEP_LOG:-}" ] && cp "${WORK}/app.log" "${KEEP_LOG}"
  echo "$(( (t1 - t0) / 1000000 )) ${started} $(( rss / 1024 ))"
}

run >/dev/null # migrates the fresh database; not counted
echo "run  launch→ready  Quarkus 'started in'  RSS after 10 s idle"
for i in $(seq 1 "${RUNS}"); do
  read -r ms started rss < <(run)
  printf "%3d  %8d ms   %18s  %6d MB\n" "${i}" "${ms}" "${started}" "${rss}"
done
