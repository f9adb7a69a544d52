#!/bin/sh
# /init of the guest.  rig.list=NAME runs /rig/NAME.list and prints one TAP
# line per test; the selftests' own output is indented with "# ".
# rig.shell gives an interactive shell instead.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
export PATH=/bin:/kvm

list=
read -r cmdline < /proc/cmdline
for arg in $cmdline; do
	case "$arg" in
	rig.list=*) list=${arg#rig.list=} ;;
	rig.shell) list= ; shell=1 ;;
	esac
done

if [ -n "$shell" ] || [ -z "$list" ]; then
	echo "rig: guest shell; the selftests are in /kvm.  'reboot -f' leaves QEMU."
	setsid cttyhack sh -l
	reboot -f
fi

npt=/sys/module/kvm_amd/parameters/npt
echo "rig: kvm: $(ls /dev/kvm 2>&1)$([ -r "$npt" ] && echo ", npt=$(cat "$npt")")"
n=0
while read -r name limit cmd; do
	case "$name" in ''|'#'*) continue ;; esac
	n=$((n + 1))
	echo "rig: start $name: $cmd"
	start=$(date +%s)
	# shellcheck disable=SC2086 # the command line is split on purpose
	{
		timeout "$limit" /kvm/$cmd 2>&1
		echo $? > /tmp/rc
	} | tee /tmp/out | sed 's/^/# /'
	rc=$(cat /tmp/rc)
	# A test that exits 0 but skipped a case (kselftest's "ok N ... # SKIP",
	# or a harness total "skip:N") skipped where it should run.
	if [ "$rc" = 0 ] && grep -Eq '^ok [0-9]+ .*# *SKIP|[[:space:]]skip:[1-9]' /tmp/out; then
		rc=4
	fi
	took=$(($(date +%s) - start))
	case $rc in
	0) echo "ok $n $name # ${took}s" ;;
	4) echo "not ok $n $name # exit 4: skipped all or part, a failure on the rig (${took}s)" ;;
	124|143) echo "not ok $n $name # TIMEOUT after ${limit}s" ;;
	*) echo "not ok $n $name # exit $rc (${took}s)" ;;
	esac
done < "/rig/$list.list"
echo "rig: done $n"
# With kmemleak (DEBUG=1): two scans, so that objects freed late are not
# reported; a leak prints "suspected memory leak", which fails the run.
leaks=/sys/kernel/debug/kmemleak
if [ -w "$leaks" ]; then
	echo scan > "$leaks"
	sleep 6
	echo scan > "$leaks"
	sed 's/^/rig: kmemleak: /' "$leaks"
fi
sync
reboot -f
