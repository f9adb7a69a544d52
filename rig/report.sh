#!/bin/bash
# Turn guest console logs into one TAP stream and a closing
# "N passed, N failed" line.  Arguments: LOG LIST [LOG LIST...].
# Per boot: one line per test of the list, and one for a clean guest log.
# Fails on any failed or missing test, on a time-out, and on any kernel
# splat (WARN, BUG, Oops, lockdep, KASAN, UBSAN, hung task, soft lockup, RCU
# stall, kmemleak) in a log.
set -euo pipefail

# Kernel messages carry a "[    1.234567]" timestamp; test output does not.
splat='^\[ *[0-9]+\.[0-9]+\] .*(WARNING:|BUG:|BUG |Oops|Kernel panic|UBSAN:|KASAN|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|blocked for more than|Call Trace:|general protection fault|soft lockup|detected stall|self-detected stall|suspected memory leak)'

# A failed test's own output, from its first failure on (or its last
# lines), so that a CI log says why without the console log.
failure_output() {
	local section first run
	section=$(awk -v start="rig: start $2:" 'index($0, start) == 1 { on = 1; next }
		on && /^(not )?ok [0-9]+ / { exit } on' "$1" | tr -d '\r')
	first=$(grep -nE -m1 '^# (not ok |# *FAIL|==== Test Assertion)' <<< "$section" | cut -d: -f1 || true)
	echo "# the test's output$([ -n "$first" ] && echo ' from its first failure'):"
	if [ -n "$first" ]; then
		# from the start of the failed harness case, if there is one
		run=$(head -n "$first" <<< "$section" | grep -n '^# # *RUN ' | tail -n 1 | cut -d: -f1 || true)
		tail -n "+${run:-$((first > 3 ? first - 3 : 1))}" <<< "$section" | head -n 40
	else
		tail -n 30 <<< "$section"
	fi | sed 's/^/#   /'
}

total=0
args=("$@")
for ((i = 1; i < $#; i += 2)); do
	total=$((total + $(awk '!/^#/ && NF >= 3' "${args[i]}" | wc -l) + 1))
done
echo "TAP version 13"
echo "1..$total"
n=0 passed=0 failed=0
while [ $# -ge 2 ]; do
	log=$1 list=$2
	shift 2
	what=$(basename "$list" .list)
	echo "# tests/$what.list, log $log"
	declare -A seen=()
	while IFS= read -r line; do
		status=${line%% [0-9]*}
		rest=${line#* [0-9]* }
		seen[${rest%% *}]=1
		n=$((n + 1))
		echo "$status $n $what/$rest"
		if [ "$status" = ok ]; then passed=$((passed + 1)); else
			failed=$((failed + 1))
			failure_output "$log" "${rest%% *}"
		fi
	done < <(grep -aE '^(not )?ok [0-9]+ ' "$log" | tr -d '\r')
	while read -r name _; do
		[ -n "${seen[$name]:-}" ] && continue
		n=$((n + 1))
		echo "not ok $n $what/$name # did not report"
		failed=$((failed + 1))
	done < <(awk '!/^#/ && NF >= 3' "$list")
	unset seen
	grep -a '^rig: RETRIED' "$log" | sed 's/^/# /' || true
	if grep -aq '^rig: TIMEOUT' "$log"; then
		echo "# QEMU timed out; last lines of the log:"
		tail -n 20 "$log" | tr -d '\r' | sed 's/^/#   /'
	fi
	n=$((n + 1))
	splats=$(grep -aE "$splat" "$log" | tr -d '\r' || true)
	if [ -z "$splats" ]; then
		echo "ok $n $what/guest-log-clean"
		passed=$((passed + 1))
	else
		echo "not ok $n $what/guest-log-clean"
		echo "$splats" | head -n 20 | sed 's/^/#   /'
		first=$(grep -anE -m1 "$splat" "$log" | cut -d: -f1 || true)
		echo "# the log around the first of them (lines $((first > 5 ? first - 5 : 1))-$((first + 40))):"
		sed -n "$((first > 5 ? first - 5 : 1)),$((first + 40))p" "$log" | tr -d '\r' | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
