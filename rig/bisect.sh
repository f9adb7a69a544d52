#!/bin/bash
# Bisectability: build the kernel and the KVM selftests at every commit of
# the series (base, then each patch) in a separate worktree.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -f "$OBJ/.config" ] || die "build the kernel once first ('make kernel')"
wt=$BUILD/bisect
obj=$BUILD/obj-bisect
git -C "$SRC" worktree remove --force "$wt" 2>/dev/null || rm -rf "$wt"
git -C "$SRC" worktree add -q --detach "$wt" base
mkdir -p "$obj"
cp "$OBJ/.config" "$obj/.config"
for c in base $(git -C "$SRC" rev-list --reverse base..HEAD); do
	git -C "$wt" checkout -q "$c"
	say "bisect: $(git -C "$wt" log -1 --format='%h %s')"
	make -s -C "$wt" O="$obj" CC="ccache gcc" -j"$JOBS" olddefconfig bzImage headers ||
		die "kernel build fails at $c"
	make -s -C "$wt/tools/testing/selftests/kvm" -j"$JOBS" OUTPUT="$obj/selftests" \
		CC="ccache gcc" KHDR_INCLUDES="-isystem $obj/usr/include" USERLDFLAGS=-static ||
		die "selftests build fails at $c"
done
git -C "$SRC" worktree remove --force "$wt"
say "bisect: every step builds"
