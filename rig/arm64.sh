#!/bin/bash
# Compile KVM for arm64 (arch/arm64/kvm/, which builds virt/kvm/ and the
# KUnit suite of the ring too) with Debian's cross compiler, in the object
# directory and with the configuration of the arm64 guest kernel
# (config/arm64.config), so that `make check` later reuses the objects.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

command -v aarch64-linux-gnu-gcc >/dev/null || die "no aarch64-linux-gnu-gcc; run 'make deps'"
DEBUG=0 RIG_ARCH=arm64 "$TOP/rig/kernel.sh" arch/arm64/kvm/
grep -qx CONFIG_HAVE_KVM_DIRTY_RING_ACQ_REL=y "$BUILD/obj-arm64/.config" ||
	die "arm64: KVM does not select the acquire/release dirty ring"
say "arm64: KVM and its dirty ring compile"
