#!/bin/bash
# make bench (issue 10): dirty_log_perf_test collecting with the bitmap,
# with manual protection (clear-log) and with the dirty ring, on our kernel
# and on stock 6.12 (tag "pristine", the same config, rig/stock-kernel.sh),
# booted alternately in one session.
#   BENCH_LISTS="bench bench-smp"  the lists to boot (tests/NAME.list)
#   BENCH_PASSES=2                 boots of each list per kernel
#   BENCH_STOCK=1                  0: our kernel only (make check's smoke run)
#   BENCH_OUT=build/bench          where the results go
# Writes BENCH_OUT: each boot's console log, bench.csv (one line per case
# and boot), bench.md (the table), bench.png (the plot), and prints the
# ratios (rig/bench-report.py).  Nothing here asserts a timing: a boot
# fails only if a case fails on our kernel.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
[ "$RIG_ARCH" = x86_64 ] || die "${0##*/} is for x86_64 only (no ARCH=arm64)"
[ "$DEBUG" != 1 ] || die "${0##*/} measures the normal kernel (no DEBUG=1)"

read -r -a lists <<< "${BENCH_LISTS:-bench bench-smp}"
passes=${BENCH_PASSES:-2}
out=${BENCH_OUT:-$BUILD/bench}
kernels=(ours)
[ "${BENCH_STOCK:-1}" = 0 ] || kernels+=(stock)
image() { if [ "$1" = ours ]; then echo "$OBJ/$IMAGE"; else echo "$BUILD/obj-stock/$IMAGE"; fi; }

[ -f "$(image ours)" ] || die "no $(image ours); run 'make kernel' first"
if [ "${BENCH_STOCK:-1}" != 0 ] && [ ! -f "$(image stock)" ]; then
	"$TOP/rig/stock-kernel.sh"
fi
rm -rf "$out"
mkdir -p "$out"
csv=$out/bench.csv
echo "kernel,list,pass,case,mode,vcpus,mem_mib,pages,collect_ns,reset_ns,pages_per_s,full_exits,resets,locks,flushes" > "$csv"
for pass in $(seq "$passes"); do
	for list in "${lists[@]}"; do
		for k in "${kernels[@]}"; do
			say "bench: pass $pass of $passes, tests/$list.list on the $k kernel"
			rc=0
			KERNEL=$(image "$k") "$TOP/rig/boot.sh" "$list" || rc=$?
			log=$out/$list-$k-$pass.log
			cp "$BUILD/logs/$list.log" "$log"
			# Stock has no KVM_DIRTY_RING_WAIT: its ring-wait cases skip,
			# and nothing else may fail.
			if [ "$rc" != 0 ] && { [ "$k" = ours ] ||
				grep -a '^not ok' "$log" | grep -qv '\.ring-wait.*# exit 4:'; }; then
				die "bench: tests/$list.list failed on the $k kernel ($log)"
			fi
			# "rig: start CASE: ..." then the case's "# bench: key=value ..." line.
			tr -d '\r' < "$log" | awk -v k="$k" -v l="$list" -v p="$pass" '
				/^rig: start / { c = $3; sub(/:$/, "", c) }
				/^# bench: / {
					s = k "," l "," p "," c
					for (i = 3; i <= NF; i++) { sub(/^[a-z_]*=/, "", $i); s = s "," $i }
					print s
				}' >> "$csv"
		done
	done
done
python3 "$TOP/rig/bench-report.py" "$out"
