#!/bin/bash
# Turn a guest console log into TAP and a closing "N passed, N failed" line.
# Fails on any failed or missing test, on a time-out, and on any kernel
# splat (WARN, BUG, Oops, lockdep, KASAN, UBSAN, hung task) in the log.
set -euo pipefail
log=$1
list=$2

expected=$(awk '!/^#/ && NF >= 3' "$list" | wc -l)
results=$(grep -aE '^(not )?ok [0-9]+ ' "$log" | tr -d '\r' || true)
# Kernel messages carry a "[    1.234567]" timestamp; test output does not.
splats=$(grep -aE '^\[ *[0-9]+\.[0-9]+\] .*(WARNING:|BUG:|BUG |Oops|Kernel panic|UBSAN:|KASAN|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|blocked for more than|Call Trace:|general protection fault)' "$log" | tr -d '\r' || true)

echo "TAP version 13"
echo "1..$((expected + 1))"
grep -aE '^# |^rig: ' "$log" | tr -d '\r' | grep -E '^rig: (start|done|kvm)' || true
[ -z "$results" ] || echo "$results"
passed=$(grep -c '^ok ' <<< "$results" || true)
failed=$(grep -c '^not ok ' <<< "$results" || true)
missing=$((expected - passed - failed))
if [ "$missing" -gt 0 ]; then
	echo "# $missing test(s) did not report; last lines of the log:"
	tail -n 20 "$log" | tr -d '\r' | sed 's/^/#   /'
	failed=$((failed + missing))
fi
if [ -z "$splats" ]; then
	echo "ok $((expected + 1)) guest log is clean"
	passed=$((passed + 1))
else
	echo "not ok $((expected + 1)) guest log is clean"
	echo "$splats" | head -n 20 | sed 's/^/#   /'
	failed=$((failed + 1))
fi
grep -aq '^rig: TIMEOUT' "$log" && echo "# QEMU timed out"
echo "log: $log"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
