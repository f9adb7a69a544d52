# shellcheck shell=bash
# Variables here are used by the scripts that source this file.
# shellcheck disable=SC2034
# Shared settings for the rig scripts.  Sourced, never run.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
SRC=$BUILD/linux
DEBUG=${DEBUG:-0}
if [ "$DEBUG" = 1 ]; then
	OBJ=$BUILD/obj-x86-debug
else
	OBJ=$BUILD/obj-x86
fi
JOBS=${JOBS:-$(nproc)}
# Outside the clone, so that a fresh clone (CI) builds warm when the machine
# has built before; CCACHE_DIR=empty-dir measures a cold build.
export CCACHE_DIR=${CCACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-$BUILD}/.cache}/kvm-dirty-ring-ccache}

# Debian's linux-source-6.12 package pinned for the base.
PKG=linux-source-6.12
PKG_VERSION=${PKG_VERSION:-6.12.117-1~deb12u1}
PKG_SHA256=e849faf31ca3555757f3a8877cb01af92122f744f75d1f3102734651c4e14703

die() { echo "rig: $*" >&2; exit 1; }
say() { echo "rig: $*" >&2; }

# Fingerprint of the inputs of the assembled tree.
stamp() { cat "$TOP"/base/*.patch "$TOP/patches/series" "$TOP"/patches/*.patch 2>/dev/null | sha256sum | cut -d' ' -f1; }
