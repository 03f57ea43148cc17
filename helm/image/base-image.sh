#!/usr/bin/env bash
# Builds the container image's base: Debian 12 (minbase) with the OpenJDK 17 runtime and the
# account uid/gid 185 the chart runs as, written as an image archive (the `docker save` layout,
# one layer) that Jib reads as `tar://`. Needs root and Debian's package archive (debootstrap);
# no container engine and no registry.
#
#   sudo helm/image/base-image.sh            # -> target/image/base-image.tar
#
# DEBIAN_MIRROR overrides the archive; by default it is the one this machine's apt uses.
# SOURCE_DATE_EPOCH (default: 2026-01-01) fixes every file's time, so the same packages give the
# same layer.
set -euo pipefail
cd "$(dirname "$0")/../.."

[ "$(id -u)" = 0 ] || { echo "base-image.sh: run as root (debootstrap)" >&2; exit 2; }
command -v debootstrap >/dev/null || {
  echo "Installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

SUITE=bookworm
PACKAGES=openjdk-17-jre-headless
EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
OUT=target/image
mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  # the first main archive apt is configured with (deb822 or one-line form)
  local m
  m=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1 || true)
  [ -n "$m" ] || m=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) {print $i; exit}}' | grep -v security | head -1 || true)
  [ -n "$m" ] || { echo "base-image.sh: no Debian archive configured; set DEBIAN_MIRROR" >&2; exit 2; }
  echo "$m"
}

rm -rf "$OUT/rootfs" "$OUT/archive"
mkdir -p "$OUT/rootfs" "$OUT/archive"
ROOT=$(cd "$OUT/rootfs" && pwd)

echo "debootstrap $SUITE ($PACKAGES)"
debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$ROOT" "$(mirror)" >"$OUT/debootstrap.log" 2>&1 \
  || { tail -20 "$OUT/debootstrap.log" >&2; exit 1; }

# the account the chart runs as (runAsUser 185), and the application's folder
chroot "$ROOT" groupadd --system --gid 185 tsunagu
chroot "$ROOT" useradd --system --uid 185 --gid 185 --no-create-home --home-dir /deployments --shell /usr/sbin/nologin tsunagu
mkdir -p "$ROOT/deployments"

# what a running server does not need: package lists and caches, documentation, logs
rm -rf "$ROOT"/var/cache/apt/* "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/log/* \
  "$ROOT"/usr/share/doc/* "$ROOT"/usr/share/man/* "$ROOT"/usr/share/info/* \
  "$ROOT"/usr/share/locale/* "$ROOT"/var/cache/debconf/*-old "$ROOT"/tmp/* "$ROOT"/root/.bash_history
rm -rf "$ROOT"/dev/* "$ROOT"/proc/* "$ROOT"/sys/* "$ROOT"/run/*
# the container runtime provides name resolution
: >"$ROOT/etc/resolv.conf"; : >"$ROOT/etc/hostname"

JAVA_BIN=$(readlink -f "$ROOT/usr/bin/java"); JAVA_BIN=${JAVA_BIN#"$ROOT"}
LAYER="$OUT/archive/layer.tar"
tar --create --file "$LAYER" --directory "$ROOT" --format=posix --sort=name --numeric-owner \
  --mtime="@$EPOCH" --clamp-mtime --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime .
DIFF_ID=sha256:$(sha256sum "$LAYER" | cut -d' ' -f1)
CREATED=$(date -u -d "@$EPOCH" +%Y-%m-%dT%H:%M:%SZ)

cat >"$OUT/archive/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$CREATED",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","JAVA_HOME=${JAVA_BIN%/bin/java}"],
           "User":"185","WorkingDir":"/deployments"},
 "rootfs":{"type":"layers","diff_ids":["$DIFF_ID"]},
 "history":[{"created":"$CREATED","created_by":"helm/image/base-image.sh: debootstrap --variant=minbase $SUITE + $PACKAGES"}]}
JSON
cat >"$OUT/archive/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["tsunagu-base:$SUITE"],"Layers":["layer.tar"]}]
JSON
tar --create --file "$OUT/base-image.tar" --directory "$OUT/archive" --sort=name --numeric-owner \
  --mtime="@$EPOCH" manifest.json config.json layer.tar
rm -rf "$OUT/archive"
echo "$OUT/base-image.tar: $(du -h "$OUT/base-image.tar" | cut -f1), Java $(cat "$ROOT"/usr/lib/jvm/java-17-openjdk-amd64/release | sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' | head -1), layer $DIFF_ID"
