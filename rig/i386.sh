#!/bin/bash
# Build KVM for 32-bit x86 as modules (kvm.ko, kvm-amd.ko, kvm-intel.ko),
# as stock 6.12 can: catches 64-bit atomics and other i386-only breakage,
# and symbols that the vendor modules need but kvm.ko does not export
# (modpost), which the built-in x86_64 kernels of the rig cannot see.  The
# KUnit suite of the ring is built too, with 32-bit longs.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$SRC/.git" ] || die "no tree at $SRC; run 'make tree'"
obj=$BUILD/obj-i386
mkdir -p "$obj"
kmake() { make -s -C "$SRC" O="$obj" ARCH=i386 CC="ccache gcc" HOSTCC="ccache gcc" -j"$JOBS" "$@"; }
if [ ! -f "$obj/.config" ]; then
	kmake tinyconfig
	printf '%s\n' CONFIG_SMP=y CONFIG_PCI=y CONFIG_ACPI=y CONFIG_MODULES=y CONFIG_VIRTUALIZATION=y \
		CONFIG_KVM=m CONFIG_KVM_AMD=m CONFIG_KVM_INTEL=m CONFIG_KVM_XEN=y CONFIG_KVM_HYPERV=y \
		CONFIG_KUNIT=y CONFIG_KVM_DIRTY_RING_KUNIT_TEST=y > "$obj/kvm.config"
	"$SRC/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "$obj/kvm.config" >/dev/null
	kmake olddefconfig
	for opt in CONFIG_KVM=m CONFIG_KVM_DIRTY_RING_KUNIT_TEST=y; do
		grep -qx "$opt" "$obj/.config" || die "i386: olddefconfig dropped $opt"
	done
fi
kmake olddefconfig
kmake vmlinux modules
say "i386: kvm.ko, kvm-amd.ko and kvm-intel.ko build"
