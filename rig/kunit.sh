#!/bin/sh
# /kvm/kunit SUITE, in the guest: print the KTAP of a KUnit suite that ran at
# boot (CONFIG_KUNIT_DEBUGFS) and pass only if every case of it passed.  A
# suite that did not run, or that skipped a case, fails.
results=/sys/kernel/debug/kunit/$1/results
if [ ! -r "$results" ]; then
	echo "no results for KUnit suite $1: not built or not run"
	exit 1
fi
cat "$results"
planned=$(sed -n 's/^    1\.\.\([0-9]*\)$/\1/p' "$results")
passed=$(grep -c '^    ok [0-9]* ' "$results")
if grep -q '# SKIP' "$results"; then
	echo "KUnit suite $1 skipped cases"
	exit 1
fi
[ -n "$planned" ] && [ "$passed" = "$planned" ] && tail -n 1 "$results" | grep -qx "ok 1 $1"
