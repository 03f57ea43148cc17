#!/usr/bin/env bash
# Directory import benchmark (issue 15, item 5): the national data set's 337 centers loaded
# through the import itself. The demo has 56 of them (the seeds' centers); bench/national-centers.csv
# holds the other 281 (fictitious, one catchment area each, spread over the prefectures as the
# seeds count them: Hokkaido 12, Chiba 16, Osaka 18, about 6–7 elsewhere). The file is imported
# through POST /api/organizations/import as the secretariat (each line its own transaction), then
# imported again (every line unchanged), then the whole directory is exported; beside these, the
# same rows are loaded by PostgreSQL alone (COPY into a staging table, one INSERT … SELECT).
# Needs: root (to use the local postgres cluster as CI does), the built application
# (mvn -B package -DskipTests), Java 17, curl. Prints the rates side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8096}
MGMT_PORT=${MGMT_PORT:-$((PORT + 1000))}   # health and metrics (the management interface)
DB=tsunagu_bench_dir
ROLE=tsunagu_bench_dir
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
WORK=$(mktemp -d)
FILE=bench/national-centers.csv
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

QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/${DB}" \
QUARKUS_DATASOURCE_USERNAME=${ROLE} QUARKUS_DATASOURCE_PASSWORD=${PASSWORD} \
java -Dquarkus.profile=demo -Dquarkus.http.port=${PORT} -Dquarkus.management.port=${MGMT_PORT} -Dtsunagu.jwt.key-dir="${WORK}/keys" -Dquarkus.log.level=WARN \
     -jar "${WORK}/app/quarkus-run.jar" > "${WORK}/app.log" 2>&1 &
APP=$!
cleanup() {
  kill "${APP}" 2>/dev/null || true; wait "${APP}" 2>/dev/null || true
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS ${DB}' -c 'DROP ROLE IF EXISTS ${ROLE}'" >/dev/null 2>&1 || true
  rm -rf "${WORK}"
}
trap cleanup EXIT
for i in $(seq 1 300); do curl -sf "http://127.0.0.1:${MGMT_PORT}/q/health/ready" >/dev/null && break; sleep 1; done

TOKEN=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"admin@demo.tsunagu.jp","password":"tsunagu-demo"}' \
  "http://127.0.0.1:${PORT}/api/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')
LINES=$(( $(wc -l < "${FILE}") - 1 ))
import() {
  curl -sf -o "${WORK}/report.json" -w '%{time_total}' -H "Authorization: Bearer ${TOKEN}" -H 'Content-Type: text/csv' \
    --data-binary @"${FILE}" "http://127.0.0.1:${PORT}/api/organizations/import"
}
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.1f lines/s (%d lines in %.2f s)", n / t, n, t }'; }
summary() { sed -E 's/.*"added":([0-9]+),"updated":([0-9]+),"unchanged":([0-9]+),"refused":([0-9]+).*/added=\1 updated=\2 unchanged=\3 refused=\4/' "${WORK}/report.json"; }

echo "1. import ${LINES} centers through the application (first time: every line added, one area each)"
T=$(import); echo "   $(rate "${LINES}" "${T}") — $(summary)"
echo "   centers now: $(${PSQL} -At -c "SELECT count(*) FROM organization WHERE org_type = 'NAKAPOTSU'")"
echo "2. the same file again (every line read, compared and left unchanged)"
T=$(import); echo "   $(rate "${LINES}" "${T}") — $(summary)"
echo "3. export the whole directory"
ORGS=$(${PSQL} -At -c "SELECT count(*) FROM organization")
T=$(curl -sf -o "${WORK}/export.csv" -w '%{time_total}' -H "Authorization: Bearer ${TOKEN}" \
  "http://127.0.0.1:${PORT}/api/organizations/export.csv")
echo "   $(rate "${ORGS}" "${T}")"

echo "4. PostgreSQL alone: the same ${LINES} rows by COPY and one INSERT … SELECT (areas included)"
${PSQL} -c "DELETE FROM organization WHERE code LIKE 'nat-%'" -c "DELETE FROM catchment_area WHERE name LIKE '%（架空）'" >/dev/null
T0=$(date +%s.%N)
${PSQL} -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE staging (code text, type text, name text, short_name text, prefecture_code smallint, municipality text,
  areas text, address text, corporation text, phone text, fax text, email text, website text);
\copy staging FROM '${FILE}' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')
INSERT INTO organization (code, name, short_name, org_type, prefecture_code, municipality)
SELECT code, name, short_name, type, prefecture_code, nullif(municipality, '') FROM staging
ON CONFLICT (code) DO UPDATE SET name = excluded.name;
INSERT INTO catchment_area (prefecture_code, name, kind) SELECT prefecture_code, areas, 'CATCHMENT' FROM staging
ON CONFLICT (prefecture_code, name) DO NOTHING;
INSERT INTO organization_area (organization_id, area_id) SELECT o.id, a.id FROM staging s
JOIN organization o ON o.code = s.code JOIN catchment_area a ON a.prefecture_code = s.prefecture_code AND a.name = s.areas;
SQL
T1=$(date +%s.%N)
echo "   $(rate "${LINES}" "$(awk -v a="${T0}" -v b="${T1}" 'BEGIN { print b - a }')") (including psql's start)"
echo "   centers now: $(${PSQL} -At -c "SELECT count(*) FROM organization WHERE org_type = 'NAKAPOTSU'")"
