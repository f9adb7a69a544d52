#!/bin/bash
# The boots of `make check`, after lint and the build: LISTS on the kernel,
# then DEBUG_LISTS on the debug kernel (none if empty, or if DEBUG=1).
# A boot keeps about one of the two cores busy, so the debug kernel builds
# meanwhile, at the lowest priority; its output is in build/logs/.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

read -r -a lists <<< "${LISTS:-default}"
read -r -a debug_lists <<< "${DEBUG_LISTS:-}"
[ "$DEBUG" = 1 ] && debug_lists=()
mkdir -p "$BUILD/logs"
pid=
if [ ${#debug_lists[@]} -gt 0 ]; then
	say "building the debug kernel meanwhile, log in build/logs/kernel-debug.log"
	DEBUG=1 nice -n 19 "$TOP/rig/kernel.sh" > "$BUILD/logs/kernel-debug.log" 2>&1 &
	pid=$!
fi
rc=0
"$TOP/rig/boot.sh" "${lists[@]}" || rc=$?
if [ -n "$pid" ]; then
	if ! wait "$pid"; then
		tail -n 30 "$BUILD/logs/kernel-debug.log" >&2
		die "the debug kernel did not build"
	fi
	DEBUG=1 "$TOP/rig/boot.sh" "${debug_lists[@]}" || rc=$?
fi
exit "$rc"
