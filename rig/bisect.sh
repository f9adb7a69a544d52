#!/bin/bash
# Bisectability: build the kernel and the KVM selftests at every commit of
# the series (base, then each patch) in a separate worktree, and compile
# KVM for arm64 (arch/arm64/kvm/, with the arm64 guest's configuration).
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
[ "$RIG_ARCH" = x86_64 ] || die "${0##*/} is for x86_64 only (no ARCH=arm64)"

[ -f "$OBJ/.config" ] || die "build the kernel once first ('make kernel')"
[ -f "$BUILD/obj-arm64/.config" ] || die "configure arm64 once first ('make lint')"
wt=$BUILD/bisect
obj=$BUILD/obj-bisect
git -C "$SRC" worktree remove --force "$wt" 2>/dev/null || rm -rf "$wt"
git -C "$SRC" worktree add -q --detach "$wt" base
mkdir -p "$obj" "$obj-arm64"
for c in base $(git -C "$SRC" rev-list --reverse base..HEAD); do
	git -C "$wt" checkout -q "$c"
	say "bisect: $(git -C "$wt" log -1 --format='%h %s')"
	# Each step from the full configuration: olddefconfig at a step that
	# lacks an option of the series drops it, and later steps need it back.
	cp "$OBJ/.config" "$obj/.config"
	cp "$BUILD/obj-arm64/.config" "$obj-arm64/.config"
	make -s -C "$wt" O="$obj" CC="ccache gcc" -j"$JOBS" olddefconfig bzImage headers ||
		die "kernel build fails at $c"
	make -s -C "$wt/tools/testing/selftests/kvm" -j"$JOBS" OUTPUT="$obj/selftests" \
		CC="ccache gcc" KHDR_INCLUDES="-isystem $obj/usr/include" USERLDFLAGS=-static ||
		die "selftests build fails at $c"
	make -s -C "$wt" O="$obj-arm64" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- \
		CC="ccache aarch64-linux-gnu-gcc" HOSTCC="ccache gcc" -j"$JOBS" olddefconfig arch/arm64/kvm/ ||
		die "arm64 KVM build fails at $c"
done
git -C "$SRC" worktree remove --force "$wt"
say "bisect: every step builds"
