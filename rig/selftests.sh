#!/bin/bash
# Build the KVM selftests statically against the headers of the built kernel,
# and stock 6.12's dirty_log_test, unmodified, against stock 6.12's uapi: a
# program written against the published ABI, to run against our kernel.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$OBJ/usr/include/linux" ] || die "no headers in $OBJ; run 'make kernel' first"
out=$BUILD/selftests
mkdir -p "$out"
make -s -C "$SRC/tools/testing/selftests/kvm" -j"$JOBS" OUTPUT="$out" \
	CC="ccache gcc" KHDR_INCLUDES="-isystem $OBJ/usr/include" USERLDFLAGS=-static

stock=$BUILD/stock
if [ ! -d "$stock/.git" ] && [ ! -f "$stock/.git" ]; then
	git -C "$SRC" worktree add -q --detach "$stock" pristine
fi
make -s -C "$stock" O="$BUILD/obj-stock-hdr" headers
make -s -C "$stock/tools/testing/selftests/kvm" -j"$JOBS" OUTPUT="$out/stock" \
	CC="ccache gcc" KHDR_INCLUDES="-isystem $BUILD/obj-stock-hdr/usr/include" \
	USERLDFLAGS=-static "$out/stock/dirty_log_test"
say "selftests: $out"
