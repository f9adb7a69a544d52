#!/bin/bash
# The boots of `make check`, after lint and the build: LISTS on the kernel,
# then SMOKE_LISTS through make bench's script (rig/bench.sh, our kernel
# only, results in build/bench-smoke/), DEBUG_LISTS on the debug kernel
# (none if empty, or if DEBUG=1), then ARM64_LISTS on the arm64 kernel
# (none if empty).
# A boot keeps about one of the two cores busy, so the debug kernel, and
# then the arm64 kernel, its selftests and initramfs, build meanwhile at the
# lowest priority; their output is in build/logs/.  If a boot fails, the
# lists after it do not run.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

read -r -a lists <<< "${LISTS:-default}"
read -r -a debug_lists <<< "${DEBUG_LISTS:-}"
read -r -a arm64_lists <<< "${ARM64_LISTS:-}"
read -r -a smoke_lists <<< "${SMOKE_LISTS:-}"
# DEBUG=1 runs only the debug kernel.
[ "$DEBUG" = 1 ] && { debug_lists=(); arm64_lists=(); smoke_lists=(); }
mkdir -p "$BUILD/logs"
pid=
trap '[ -z "$pid" ] || kill -- -"$pid" 2>/dev/null || true' EXIT
# background LOG COMMAND...: in a process group of its own, so that an
# early exit stops it.
background() {
	local log=$1
	shift
	say "building meanwhile: $*, log in ${log#"$TOP"/}"
	set -m
	(renice -n 19 "$BASHPID" > /dev/null && "$@") < /dev/null > "$log" 2>&1 &
	pid=$!
	set +m
}
finish() {
	local log=$1
	if ! wait "$pid"; then
		pid=
		tail -n 30 "$log" >&2
		die "the build in the background failed"
	fi
	pid=
}
arm64_build() {
	export RIG_ARCH=arm64 DEBUG=0
	"$TOP/rig/kernel.sh" && "$TOP/rig/selftests.sh" && "$TOP/rig/initramfs.sh"
}

dlog=$BUILD/logs/kernel-debug.log alog=$BUILD/logs/build-arm64.log
if [ ${#debug_lists[@]} -gt 0 ]; then
	background "$dlog" env DEBUG=1 "$TOP/rig/kernel.sh"
elif [ ${#arm64_lists[@]} -gt 0 ]; then
	background "$alog" arm64_build
fi
"$TOP/rig/boot.sh" "${lists[@]}"
if [ ${#smoke_lists[@]} -gt 0 ]; then
	BENCH_LISTS="${smoke_lists[*]}" BENCH_PASSES=1 BENCH_STOCK=0 BENCH_OUT=$BUILD/bench-smoke \
		"$TOP/rig/bench.sh"
fi
if [ ${#debug_lists[@]} -gt 0 ]; then
	finish "$dlog"
	[ ${#arm64_lists[@]} -eq 0 ] || background "$alog" arm64_build
	DEBUG=1 "$TOP/rig/boot.sh" "${debug_lists[@]}"
fi
[ ${#arm64_lists[@]} -gt 0 ] || exit 0
finish "$alog"
DEBUG=0 RIG_ARCH=arm64 "$TOP/rig/boot.sh" "${arm64_lists[@]}"
