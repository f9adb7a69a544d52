#!/bin/bash
# Build the KVM selftests statically against the headers of the built kernel.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$OBJ/usr/include/linux" ] || die "no headers in $OBJ; run 'make kernel' first"
out=$BUILD/selftests
mkdir -p "$out"
make -s -C "$SRC/tools/testing/selftests/kvm" -j"$JOBS" OUTPUT="$out" \
	CC="ccache gcc" KHDR_INCLUDES="-isystem $OBJ/usr/include" USERLDFLAGS=-static
say "selftests: $out"
