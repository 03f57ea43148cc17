#!/usr/bin/env bash
# Starts the built container image (target/tsunagu-image.tar) the way the Helm chart runs it, with
# no container engine: its layers unpacked in order into one file system, mounted read-only in a
# mount namespace of its own, a fresh /tmp, the session keys mounted read-only at
# /deployments/keys, and the image's own entry point, user, working directory and environment
# (read from the image's config) plus the chart's ConfigMap settings. Against the machine's
# PostgreSQL 15 (a database of its own, dropped at the end) it waits for /q/health/ready, then
# checks that the Java process runs as uid 185 and holds the ports, that the sign-in page, a page
# behind the sign-in and the metrics answer, that the live engine (GraalJS) starts and warms, that
# nothing failed on the read-only file system, and that SIGTERM stops it gracefully. Exits non-zero
# on any failure.
#
#   mvn -B package -DskipTests -Pimage && sudo helm/image/run-image.sh
#
# Needs: root (mounts, chroot, the local postgres cluster as CI uses it), util-linux, python3,
# openssl, curl, procps. PORT / MGMT_PORT (default 8080 / 9000, as in the pod) move the ports.
set -euo pipefail
cd "$(dirname "$0")/../.."
IMAGE=target/tsunagu-image.tar
[ "$(id -u)" = 0 ] || { echo "run-image.sh: run as root" >&2; exit 2; }
[ -f "$IMAGE" ] || { echo "run-image.sh: $IMAGE missing (mvn -B package -DskipTests -Pimage)" >&2; exit 2; }
PORT=${PORT:-8080}
MGMT_PORT=${MGMT_PORT:-9000}
for p in "$PORT" "$MGMT_PORT"; do
  if [ -n "$(ss -Hltn "sport = :$p" 2>/dev/null)" ]; then
    echo "run-image.sh: port $p is already taken on this machine (set PORT / MGMT_PORT)" >&2; exit 2
  fi
done
DB=tsunagu_image_check
ROLE=tsunagu_image_check
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
WORK=$(mktemp -d)
ROOT="$WORK/rootfs"
APP=""
cleanup() {
  # unshare --fork passes no signal on: the Java process (its child, through exec) is told
  if [ -n "$APP" ]; then
    pkill -TERM -P "$APP" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$APP" 2>/dev/null || break; sleep 0.5; done
    pkill -KILL -P "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
  fi
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS ${DB}' -c 'DROP ROLE IF EXISTS ${ROLE}'" >/dev/null 2>&1 || true
  [ -n "${KEEP_LOG:-}" ] && cp "$WORK/app.log" "$KEEP_LOG" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# 1. the image: its layers in the manifest's order, and what its config says to run
mkdir -p "$WORK/image" "$ROOT"
tar -xf "$IMAGE" -C "$WORK/image"
python3 - "$WORK/image" >"$WORK/image.env" <<'PY'
import json, shlex, sys
d = sys.argv[1]
m = json.load(open(f"{d}/manifest.json"))[0]
c = json.load(open(f"{d}/{m['Config']}"))["config"]
print("LAYERS=" + shlex.quote(" ".join(m["Layers"])))
print("USER_ID=" + shlex.quote(c.get("User", "0")))
print("WORKDIR=" + shlex.quote(c.get("WorkingDir", "/")))
print("IMAGE_ENV=(" + " ".join(shlex.quote(e) for e in c.get("Env", [])) + ")")
print("ENTRYPOINT=(" + " ".join(shlex.quote(a) for a in (c.get("Entrypoint") or []) + (c.get("Cmd") or [])) + ")")
print("PORTS=" + shlex.quote(" ".join(sorted(c.get("ExposedPorts", {})))))
PY
# shellcheck disable=SC1091
. "$WORK/image.env"
for layer in $LAYERS; do tar -xzf "$WORK/image/$layer" -C "$ROOT" --numeric-owner --warning=no-unknown-keyword; done
echo "image: $(du -h "$IMAGE" | cut -f1), $(echo "$LAYERS" | wc -w) layers, user $USER_ID, ports $PORTS"
echo "entry point: ${ENTRYPOINT[*]}"
[ "$USER_ID" = 185 ] || { echo "FAIL: the image runs as '$USER_ID', the chart expects 185" >&2; exit 1; }
[ -x "$ROOT/deployments/quarkus-run.jar" ] || [ -f "$ROOT/deployments/quarkus-run.jar" ] \
  || { echo "FAIL: /deployments/quarkus-run.jar missing" >&2; exit 1; }
mkdir -p "$ROOT/deployments/keys"

# 2. the session keys, as the chart's Secret provides them
mkdir -p "$WORK/keys"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/keys/private.pem" 2>/dev/null
openssl pkey -in "$WORK/keys/private.pem" -pubout -out "$WORK/keys/public.pem"
chown -R 185:185 "$WORK/keys"; chmod 0440 "$WORK/keys"/*.pem

# 3. a database of its own on the machine's PostgreSQL 15
pg_ctlcluster 15 main start >/dev/null 2>&1 || true
for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL >/dev/null
SET client_min_messages = warning;
DROP DATABASE IF EXISTS ${DB};
DROP ROLE IF EXISTS ${ROLE};
CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
CREATE DATABASE ${DB} OWNER ${ROLE} ENCODING 'UTF8' TEMPLATE template0;
\c ${DB}
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL

# 4. the chart's ConfigMap (templates/configmap.yaml) for this database, and the Secret's values;
#    the live engine is warmed at start here, so that its part of the image runs too
RAM=$(sed -n 's/^javaMaxRamPercentage: *\([0-9]*\).*/\1/p' helm/tsunagu/values.yaml)
# a pod's JVM sees its memory limit (resources.limits.memory, 1Gi) as the machine's memory
LIMIT=$(awk '/^resources:/ {r = 1} r && /limits:/ {l = 1} r && l && /memory:/ {print $2; exit}' helm/tsunagu/values.yaml)
case "$LIMIT" in *Gi) MAXRAM="${LIMIT%Gi}g";; *Mi) MAXRAM="${LIMIT%Mi}m";; *) MAXRAM=1g;; esac
CHART_ENV=(
  QUARKUS_PROFILE=prod
  "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/${DB}"
  "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/${DB}"
  "QUARKUS_DATASOURCE_USERNAME=${ROLE}" "QUARKUS_DATASOURCE_PASSWORD=${PASSWORD}"
  TSUNAGU_BASE_URL=https://tsunagu.example
  TSUNAGU_JWT_KEY_DIR=/deployments/keys
  TSUNAGU_JWT_ISSUER=https://tsunagu.example
  TSUNAGU_DEMO_ENABLED=false
  QUARKUS_SHUTDOWN_TIMEOUT=20s
  QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY=/tmp/uploads
  "JAVA_OPTS_APPEND=-XX:MaxRAM=${MAXRAM} -XX:MaxRAMPercentage=${RAM:-60} -Djava.io.tmpdir=/tmp -Dvertx.cacheDirBase=/tmp/vertx-cache"
  TSUNAGU_LIVE_WARM_UP=true
  "QUARKUS_HTTP_PORT=${PORT}" "QUARKUS_MANAGEMENT_PORT=${MGMT_PORT}"
)

# 5. the pod: read-only root, /proc, the host's devices, an empty /tmp, the keys read-only
t0=$(date +%s%N)
# the environment goes through a file only root can read (not the command line, which ps shows)
ENV_FILE="$WORK/env"
( umask 077; printf '%s\n' "${IMAGE_ENV[@]}" "${CHART_ENV[@]}" >"$ENV_FILE" )
unshare --mount --fork --kill-child /bin/bash -c '
  set -e
  R=$1; K=$2; U=$3; W=$4; E=$5; shift 5
  mapfile -t envs <"$E"; cmd=("$@")
  mount --make-rprivate /
  mount --bind "$R" "$R"
  mount -t proc proc "$R/proc"
  mount --rbind /dev "$R/dev"
  mount -t tmpfs -o mode=1777,size=256m tmpfs "$R/tmp"
  mount --bind "$K" "$R/deployments/keys"
  mount -o remount,bind,ro "$R/deployments/keys"
  mount -o remount,bind,ro "$R"
  # env -i: only the image'"'"'s and the chart'"'"'s variables; sh changes to the working directory
  exec chroot --userspec="$U:$U" "$R" /usr/bin/env -i HOME=/deployments "${envs[@]}" \
    /bin/sh -c "cd \"\$0\" && exec \"\$@\"" "$W" "${cmd[@]}"
' run "$ROOT" "$WORK/keys" "$USER_ID" "$WORKDIR" "$ENV_FILE" "${ENTRYPOINT[@]}" >"$WORK/app.log" 2>&1 &
APP=$!
tries=0
until curl -sf -m 5 -o /dev/null "http://127.0.0.1:${MGMT_PORT}/q/health/ready"; do
  kill -0 "$APP" 2>/dev/null || { echo "FAIL: the image's process ended"; tail -40 "$WORK/app.log" >&2; exit 1; }
  tries=$((tries + 1)); [ "$tries" -lt 1200 ] || { echo "FAIL: not ready after 120 s" >&2; tail -40 "$WORK/app.log" >&2; exit 1; }
  sleep 0.1
done
t1=$(date +%s%N)
echo "ready after $(( (t1 - t0) / 1000000 )) ms (fresh database: migrations included)"

fail=0
JAVA_PID=$(pgrep -P "$APP" || true)
[ -n "$JAVA_PID" ] || { echo "FAIL: no Java process under the image's entry point" >&2; tail -40 "$WORK/app.log" >&2; exit 1; }
# the answers below come from this process: it holds the ports
ss -Hltnp "sport = :$PORT" | grep -q "pid=$JAVA_PID," \
  || { echo "FAIL: port $PORT is not held by the image's Java process" >&2; exit 1; }
uid=$(ps -o uid= -p "$JAVA_PID" | tr -d ' ')
[ "$uid" = 185 ] && echo "ok: the Java process runs as uid 185" || { echo "FAIL: the Java process runs as uid '$uid'"; fail=1; }
code=$(curl -s -m 10 -o "$WORK/signin.html" -w '%{http_code}' "http://127.0.0.1:${PORT}/login")
if [ "$code" = 200 ] && grep -q 'lang="ja"' "$WORK/signin.html"; then echo "ok: GET /login 200, Japanese page"
else echo "FAIL: GET /login answered $code"; fail=1; fi
code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT}/meetings")
case "$code" in 302|303|401) echo "ok: GET /meetings without a session answers $code";;
  *) echo "FAIL: GET /meetings without a session answered $code"; fail=1;; esac
code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:${MGMT_PORT}/q/metrics")
[ "$code" = 200 ] && echo "ok: metrics on the management port" || { echo "FAIL: /q/metrics answered $code"; fail=1; }
# the live engine (GraalJS) is the part that might want a file: it must have started and warmed
for i in $(seq 1 120); do grep -q 'Live documents warm' "$WORK/app.log" && break; sleep 0.5; done
if grep -q 'Live documents warm' "$WORK/app.log"; then echo "ok: the live documents' engine started and warmed"
else echo "FAIL: the live documents' engine did not warm within 60 s"; fail=1; fi
if grep -q -i -E 'Read-only file system|AccessDenied' "$WORK/app.log"; then
  echo "FAIL: the application tried to write outside /tmp:"; grep -i -E 'Read-only file system|AccessDenied' "$WORK/app.log" | head -5; fail=1
else echo "ok: nothing written outside /tmp (the root file system is mounted read-only)"; fi
rss=$(ps -o rss= -p "$JAVA_PID" | tr -d ' ')
echo "resident memory after start and the live engine's warm-up: $(( rss / 1024 )) MB (the pod's limit: ${LIMIT:-1Gi})"
kill -TERM "$JAVA_PID" 2>/dev/null || true   # a graceful stop, as the kubelet's
wait "$APP" 2>/dev/null || true; APP=""
grep -q -E 'stopped in' "$WORK/app.log" && echo "ok: stopped gracefully on SIGTERM" || { echo "FAIL: no graceful stop"; fail=1; }
[ "$fail" = 0 ] || { tail -40 "$WORK/app.log" >&2; exit 1; }
echo "the image serves as the chart runs it"
