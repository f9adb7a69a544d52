#!/bin/bash
# Compile KVM (arch/x86/kvm, which builds virt/kvm too) for 32-bit x86, as
# stock 6.12 does: catches 64-bit atomics and other i386-only breakage.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$SRC/.git" ] || die "no tree at $SRC; run 'make tree'"
obj=$BUILD/obj-i386
mkdir -p "$obj"
kmake() { make -s -C "$SRC" O="$obj" ARCH=i386 CC="ccache gcc" HOSTCC="ccache gcc" -j"$JOBS" "$@"; }
if [ ! -f "$obj/.config" ]; then
	kmake tinyconfig
	printf '%s\n' CONFIG_SMP=y CONFIG_PCI=y CONFIG_ACPI=y CONFIG_VIRTUALIZATION=y CONFIG_KVM=y \
		CONFIG_KVM_AMD=y CONFIG_KVM_INTEL=y CONFIG_KVM_XEN=y CONFIG_KVM_HYPERV=y > "$obj/kvm.config"
	"$SRC/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "$obj/kvm.config" >/dev/null
	kmake olddefconfig
	grep -qx CONFIG_KVM=y "$obj/.config" || die "i386: olddefconfig dropped CONFIG_KVM"
fi
kmake olddefconfig
kmake arch/x86/kvm/
say "i386: arch/x86/kvm and virt/kvm compile"
