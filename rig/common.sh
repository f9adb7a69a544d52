# shellcheck shell=bash
# Variables here are used by the scripts that source this file.
# shellcheck disable=SC2034
# Shared settings for the rig scripts.  Sourced, never run.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
SRC=$BUILD/linux
DEBUG=${DEBUG:-0}
# ARCH=arm64 selects the arm64 guest (kernel, selftests, initramfs, boot);
# kept as RIG_ARCH and taken out of the environment (the Makefile keeps it
# out of MAKEFLAGS), so that it reaches only the make commands given it.
RIG_ARCH=${RIG_ARCH:-${ARCH:-x86_64}}
unset ARCH
case $RIG_ARCH in
x86|x86_64)
	RIG_ARCH=x86_64
	KARCH=()
	KCC="ccache gcc"
	IMAGE=arch/x86/boot/bzImage
	SELFTESTS=$BUILD/selftests
	INITRD=$BUILD/initramfs.cpio.gz
	if [ "$DEBUG" = 1 ]; then OBJ=$BUILD/obj-x86-debug; else OBJ=$BUILD/obj-x86; fi
	;;
arm64)
	KARCH=(ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
	KCC="ccache aarch64-linux-gnu-gcc"
	IMAGE=arch/arm64/boot/Image
	SELFTESTS=$BUILD/selftests-arm64
	INITRD=$BUILD/initramfs-arm64.cpio.gz
	OBJ=$BUILD/obj-arm64
	[ "$DEBUG" != 1 ] || { echo "rig: DEBUG=1 is for x86_64 only" >&2; exit 1; }
	;;
*) echo "rig: ARCH=$RIG_ARCH: x86_64 or arm64" >&2; exit 1 ;;
esac
export RIG_ARCH
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
