#!/usr/bin/env bash
# Builds the container image's base: Debian 12 (minbase) with the OpenJDK 17 runtime and the
# account uid/gid 185 the chart runs as, written as an image archive (the `docker save` layout,
# one layer) that Jib reads as `tar://`. Needs root and Debian's package archive (debootstrap);
# no container engine and no registry.
#
#   sudo helm/image/base-image.sh            # -> target/image/base-image.tar
#
# DEBIAN_MIRROR names the archive; by default it is the Debian archive this machine's apt uses
# (on another system, set it). SOURCE_DATE_EPOCH (default: 2026-01-01) fixes every file's time,
# so the same packages give the same layer.
set -euo pipefail
cd "$(dirname "$0")/../.."

[ "$(id -u)" = 0 ] || { echo "base-image.sh: run as root (debootstrap)" >&2; exit 2; }
if ! command -v debootstrap >/dev/null; then
  echo "Installing debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null
fi

SUITE=bookworm
PACKAGES=openjdk-17-jre-headless
EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
OUT=target/image
ARCH=$(dpkg --print-architecture)

mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  # shellcheck disable=SC1091
  [ "$(. /etc/os-release && echo "${ID:-}")" = debian ] \
    || { echo "base-image.sh: not a Debian machine; set DEBIAN_MIRROR to a Debian archive" >&2; return 2; }
  # the first main archive apt is configured with (deb822 or one-line form)
  local m
  m=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1 || true)
  [ -n "$m" ] || m=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) {print $i; exit}}' | grep -v security | head -1 || true)
  [ -n "$m" ] || { echo "base-image.sh: no Debian archive configured; set DEBIAN_MIRROR" >&2; return 2; }
  echo "$m"
}
MIRROR=$(mirror)

WORK=$(mktemp -d)
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
ROOT="$WORK/rootfs"
mkdir -p "$ROOT" "$WORK/archive" "$OUT"

echo "debootstrap $SUITE ($PACKAGES, $ARCH)"
debootstrap --variant=minbase --arch="$ARCH" --include="$PACKAGES" "$SUITE" "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -20 "$WORK/debootstrap.log" >&2; exit 1; }

# the account the chart runs as (runAsUser 185), and the application's folder
chroot "$ROOT" groupadd --system --gid 185 tsunagu
chroot "$ROOT" useradd --system --uid 185 --gid 185 --no-create-home --home-dir /deployments --shell /usr/sbin/nologin tsunagu
mkdir -p "$ROOT/deployments"
JAVA_HOME_IN=$(chroot "$ROOT" readlink -f /usr/bin/java); JAVA_HOME_IN=${JAVA_HOME_IN%/bin/java}

# what a running server does not need: package lists and caches, documentation (the packages'
# copyright files stay: they are their licences), logs, and the archive this machine used
rm -rf "$ROOT"/var/cache/apt/* "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/log/* \
  "$ROOT"/usr/share/man/* "$ROOT"/usr/share/info/* "$ROOT"/usr/share/locale/* \
  "$ROOT"/var/cache/debconf/*-old "$ROOT"/tmp/* "$ROOT"/root/.bash_history "$ROOT"/etc/apt/sources.list
find "$ROOT/usr/share/doc" \( -type f -o -type l \) ! -name copyright -delete
find "$ROOT/usr/share/doc" -mindepth 1 -type d -empty -delete
rm -rf "$ROOT"/dev/* "$ROOT"/proc/* "$ROOT"/sys/* "$ROOT"/run/*
# the container runtime provides name resolution
: >"$ROOT/etc/resolv.conf"; : >"$ROOT/etc/hostname"

LAYER="$WORK/archive/layer.tar"
tar --create --file "$LAYER" --directory "$ROOT" --format=posix --sort=name --numeric-owner \
  --mtime="@$EPOCH" --clamp-mtime --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime .
DIFF_ID=sha256:$(sha256sum "$LAYER" | cut -d' ' -f1)
CREATED=$(date -u -d "@$EPOCH" +%Y-%m-%dT%H:%M:%SZ)

cat >"$WORK/archive/config.json" <<JSON
{"architecture":"$ARCH","os":"linux","created":"$CREATED",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","JAVA_HOME=$JAVA_HOME_IN"],
           "User":"185","WorkingDir":"/deployments"},
 "rootfs":{"type":"layers","diff_ids":["$DIFF_ID"]},
 "history":[{"created":"$CREATED","created_by":"helm/image/base-image.sh: debootstrap --variant=minbase $SUITE + $PACKAGES"}]}
JSON
cat >"$WORK/archive/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["tsunagu-base:$SUITE"],"Layers":["layer.tar"]}]
JSON
tar --create --file "$OUT/base-image.tar" --directory "$WORK/archive" --sort=name --numeric-owner \
  --mtime="@$EPOCH" manifest.json config.json layer.tar
# the build that reads it may run as the user who called sudo
[ -n "${SUDO_UID:-}" ] && chown -R "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" "$OUT"
echo "$OUT/base-image.tar: $(du -h "$OUT/base-image.tar" | cut -f1), Java $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$ROOT$JAVA_HOME_IN/release"), layer $DIFF_ID"
