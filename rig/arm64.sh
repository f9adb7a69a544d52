#!/bin/bash
# Compile KVM for arm64 (arch/arm64/kvm/, which builds virt/kvm/ too, and
# the KUnit suite of the ring) with the cross compiler from Debian
# (gcc-aarch64-linux-gnu), so that the arm64 and generic parts of the ring
# keep building where no arm64 guest boots.  Objects only, no link: a few
# minutes cold on a tinyconfig.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$SRC/.git" ] || die "no tree at $SRC; run 'make tree'"
command -v aarch64-linux-gnu-gcc >/dev/null || die "no aarch64-linux-gnu-gcc; run 'make deps'"
obj=$BUILD/obj-arm64
mkdir -p "$obj"
kmake() {
	make -s -C "$SRC" O="$obj" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- \
		CC="ccache aarch64-linux-gnu-gcc" HOSTCC="ccache gcc" -j"$JOBS" "$@"
}
if [ ! -f "$obj/.config" ]; then
	kmake tinyconfig
	printf '%s\n' CONFIG_VIRTUALIZATION=y CONFIG_KVM=y CONFIG_KUNIT=y \
		CONFIG_KVM_DIRTY_RING_KUNIT_TEST=y > "$obj/kvm.config"
	"$SRC/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "$obj/kvm.config" >/dev/null
	kmake olddefconfig
	for opt in CONFIG_KVM=y CONFIG_HAVE_KVM_DIRTY_RING_ACQ_REL=y CONFIG_KVM_DIRTY_RING_KUNIT_TEST=y; do
		grep -qx "$opt" "$obj/.config" || die "arm64: olddefconfig dropped $opt"
	done
fi
kmake olddefconfig
kmake arch/arm64/kvm/
say "arm64: KVM and its dirty ring compile"
