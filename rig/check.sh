#!/bin/bash
# The boots of `make check`, after lint and the build: LISTS on the kernel,
# then DEBUG_LISTS on the debug kernel (none if empty, or if DEBUG=1).
# A boot keeps about one of the two cores busy, so the debug kernel builds
# meanwhile, at the lowest priority; its output is in build/logs/.  If the
# first lists fail, the debug lists do not run.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

read -r -a lists <<< "${LISTS:-default}"
read -r -a debug_lists <<< "${DEBUG_LISTS:-}"
[ "$DEBUG" = 1 ] && debug_lists=()
mkdir -p "$BUILD/logs"
pid=
if [ ${#debug_lists[@]} -gt 0 ]; then
	say "building the debug kernel meanwhile, log in build/logs/kernel-debug.log"
	# A process group of its own, so that an early exit stops the build.
	set -m
	DEBUG=1 nice -n 19 "$TOP/rig/kernel.sh" > "$BUILD/logs/kernel-debug.log" 2>&1 &
	pid=$!
	set +m
	trap 'kill -- -"$pid" 2>/dev/null || true' EXIT
fi
"$TOP/rig/boot.sh" "${lists[@]}"
[ -n "$pid" ] || exit 0
if ! wait "$pid"; then
	tail -n 30 "$BUILD/logs/kernel-debug.log" >&2
	die "the debug kernel did not build"
fi
DEBUG=1 "$TOP/rig/boot.sh" "${debug_lists[@]}"
