#!/bin/bash
# Build stock 6.12 (tag "pristine", with its own dirty ring) with the rig's
# config, for side-by-side runs:
#   make boot KERNEL=build/obj-stock/arch/x86/boot/bzImage LISTS=qemu
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
[ "$RIG_ARCH" = x86_64 ] || die "${0##*/} is for x86_64 only (no ARCH=arm64)"

[ -f "$OBJ/.config" ] || die "build the kernel once first ('make kernel')"
stock=$BUILD/stock
obj=$BUILD/obj-stock
if [ ! -d "$stock/.git" ] && [ ! -f "$stock/.git" ]; then
	git -C "$SRC" worktree add -q --detach "$stock" pristine
fi
mkdir -p "$obj"
# The same options; those that only the series has are dropped by olddefconfig.
cp "$OBJ/.config" "$obj/.config"
make -s -C "$stock" O="$obj" CC="ccache gcc" HOSTCC="ccache gcc" -j"$JOBS" olddefconfig bzImage
say "stock kernel: $obj/arch/x86/boot/bzImage"
