#!/bin/bash
# Build the KVM selftests statically against the headers of the built kernel,
# and stock 6.12's dirty_log_test, unmodified, against stock 6.12's uapi: a
# program written against the published ABI, to run against our kernel.
# ARCH=arm64: the same, cross-compiled, in build/selftests-arm64.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$OBJ/usr/include/linux" ] || die "no headers in $OBJ; run 'make kernel' first"
sel() {
	local out=$1 hdr=$2 tree=$3
	shift 3
	# abs_objdir: else the arm64 build writes generated headers into the tree.
	mkdir -p "$out/tools"
	make -s -C "$tree/tools/testing/selftests/kvm" -j"$JOBS" "${KARCH[@]}" OUTPUT="$out" \
		abs_objdir="$out" CC="$KCC" KHDR_INCLUDES="-isystem $hdr/usr/include" USERLDFLAGS=-static "$@"
}
sel "$SELFTESTS" "$OBJ" "$SRC"

stock=$BUILD/stock
if [ ! -d "$stock/.git" ] && [ ! -f "$stock/.git" ]; then
	git -C "$SRC" worktree prune
	git -C "$SRC" worktree add -q --detach "$stock" pristine
fi
hdr=$BUILD/obj-stock-hdr
[ "$RIG_ARCH" = x86_64 ] || hdr=$hdr-$RIG_ARCH
make -s -C "$stock" O="$hdr" "${KARCH[@]}" headers
sel "$SELFTESTS/stock" "$hdr" "$stock" "$SELFTESTS/stock/dirty_log_test"
say "selftests: $SELFTESTS"
