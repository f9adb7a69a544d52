#!/bin/bash
# Boot the built kernel under QEMU (TCG, -cpu max: SVM with nested paging;
# ARCH=arm64: the virt machine at EL2 with a GICv3, KVM in VHE mode).
#   rig/boot.sh LIST...  boot once per tests/LIST.list, keep each console log,
#                        report all results as one TAP stream
#   rig/boot.sh shell    interactive guest shell
# A list may add guest kernel parameters with a line "#! append: PARAMS",
# QEMU itself for the guest with "#! initrd: qemu", single-threaded TCG
# with "#! tcg: single", N guest CPUs with "#! smp: N", a guest clock
# that counts instructions with "#! icount: SHIFT" (QEMU's -icount
# shift=SHIFT,sleep=off: one instruction is 2^SHIFT ns, whatever the load
# on the host; single-threaded TCG), and says that it is for arm64 with
# "#! arch: arm64".
# KERNEL=bzImage boots another kernel (e.g. stock's, rig/stock-kernel.sh);
# DRY_RUN=1 prints the QEMU command lines instead of running them;
# SMP=n guest CPUs (2, or the list's), MEM=size (4G), TCG_THREAD=single|multi;
# VERBOSE=1 shows the tests' output as they run; BOOT_LIMIT=seconds caps
# one boot (default 1800 s).
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

kernel=${KERNEL:-$OBJ/$IMAGE}
initrd=$INITRD
if [ "$RIG_ARCH" = arm64 ]; then
	append="console=ttyAMA0 panic=-1 oops=panic ${APPEND:-}"
	machine=(qemu-system-aarch64 -M "virt,virtualization=on,gic-version=3")
else
	append="console=ttyS0 tsc=reliable panic=-1 oops=panic ${APPEND:-}"
	machine=(qemu-system-x86_64)
	# The debug kernel runs with 4-level paging.  With LA57 (-cpu max has
	# it), stock 6.12's identify_cpu() clears the boot CPU's features with
	# interrupts on, before the alternatives are patched; KASAN then takes
	# an interrupt's 5-level direct-map address as wild, a false report
	# in the first seconds of boot (seen once, 2026-12-03).  The other
	# x86 boots keep 5-level paging, so that KVM's NPT is 5-level there.
	if [ "$DEBUG" = 1 ]; then append+=" no5lvl"; fi
fi
# x86 boots use one TCG thread for all guest CPUs.  With one host thread
# per guest CPU (multi-threaded TCG), QEMU 7.2 mis-emulates nested SVM now
# and then for L2 guests with several vCPUs (a triple fault or a hang), on
# stock 6.12 as on ours (README).  arm64 boots, which do not meet it, keep
# one thread per CPU, and so the races of truly parallel CPUs.  A list may
# choose with "#! tcg: single|multi", TCG_THREAD=single|multi every boot.
tcg_default=single
if [ "$RIG_ARCH" = arm64 ]; then tcg_default=multi; fi
qemu_for() {
	qemu=("${machine[@]}" -accel "tcg,thread=${TCG_THREAD:-$1}" -cpu max -smp "${SMP:-${2:-2}}"
		-m "${MEM:-4G}" -kernel "$kernel" -no-reboot -display none -nodefaults)
	if [ -n "${3:-}" ]; then qemu+=(-icount "shift=$3,sleep=off"); fi
}
qemu_for "$tcg_default"
# QEMU 7.2's nested SVM now and then lets the guest kernel run with its L2
# guest's GS base, 0: a per-CPU access, `current` first, then reads the
# address of pcpu_hot itself.  That faults there (seen once, in CI's debug
# run of 2026-12-02), or, on the debug kernel, KASAN reports it as a
# user-memory access at that address, after whatever the garbage read led
# to (a jump to -1 in dirty_ring_reliability_test's concurrent_collectors,
# 2026-12-03).  Only stock's __svm_vcpu_run runs with that GS base, between
# #VMEXIT and the host's VMLOAD, which the series does not touch; so a boot
# that ends so is the emulation's, and it is booted once more, its log kept.
gs_glitch() {
	local map addr
	map=$(dirname "$kernel")/../../../System.map
	[ -f "$map" ] || return 1
	addr=$(awk '$3 == "pcpu_hot" { print $1; exit }' "$map")
	[ -n "$addr" ] && grep -aqE "BUG: unable to handle page fault for address: $addr|KASAN: probably user-memory-access in range \[0x$addr-" "$1"
}
dry() { [ "${DRY_RUN:-0}" = 1 ] && { printf '%q ' "$@"; echo; }; }

if [ "${1:-}" = shell ]; then
	cmd=("${qemu[@]}" -initrd "$initrd" -serial mon:stdio -append "$append rig.shell")
	dry "${cmd[@]}" && exit 0
	exec "${cmd[@]}"
fi

[ $# -gt 0 ] || set -- default
if [ "${DRY_RUN:-0}" != 1 ]; then
	for f in "$kernel" "$initrd"; do
		[ -f "$f" ] || die "no $f; 'make check' builds it"
	done
fi
mkdir -p "$BUILD/logs"
suffix=
if [ "$DEBUG" = 1 ]; then suffix=-debug; fi
if [ "$RIG_ARCH" != x86_64 ]; then suffix=-$RIG_ARCH; fi
pairs=()
for what in "$@"; do
	list=$TOP/tests/$what.list
	[ -f "$list" ] || die "no test list $list"
	arch=$(sed -n 's/^#! arch: //p' "$list" | tail -n 1)
	[ "${arch:-x86_64}" = "$RIG_ARCH" ] || die "$list is for ${arch:-x86_64}: ARCH=${arch:-x86_64}"
	extra=$(sed -n 's/^#! append: //p' "$list" | tr '\n' ' ')
	tcg=$(sed -n 's/^#! tcg: //p' "$list" | tail -n 1)
	case ${tcg:-$tcg_default} in
	single|multi) ;;
	*) die "$list: '#! tcg: $tcg' is neither single nor multi" ;;
	esac
	smp=$(sed -n 's/^#! smp: //p' "$list" | tail -n 1)
	case ${smp:-2} in
	[1-8]) ;;
	*) die "$list: '#! smp: $smp' is not a number of CPUs from 1 to 8" ;;
	esac
	icount=$(sed -n 's/^#! icount: //p' "$list" | tail -n 1)
	case $icount in
	'') ;;
	[0-9]|10) [ "${TCG_THREAD:-${tcg:-$tcg_default}}" = single ] || die "$list: '#! icount' needs single-threaded TCG" ;;
	*) die "$list: '#! icount: $icount' is not a shift from 0 to 10" ;;
	esac
	qemu_for "${tcg:-$tcg_default}" "${smp:-2}" "$icount"
	# "#! initrd: qemu" adds build/qemu.cpio.gz (rig/qemu-initramfs.sh).
	rd=$initrd
	if grep -q '^#! initrd: qemu' "$list"; then
		rd=$BUILD/initramfs-qemu.cpio.gz
		[ "${DRY_RUN:-0}" = 1 ] || cat "$initrd" "$BUILD/qemu.cpio.gz" > "$rd"
	fi
	# The whole run may take the sum of the per-test limits plus boot time,
	# but no more than BOOT_LIMIT (a hung guest kernel ignores the per-test
	# limits; CI must end well within its 90 minutes).
	# 1800 s is 4 times the longest boot of `make check` (the debug
	# list, 7 min); a debug boot that hung was seen once, 2026-12-03.
	cap=${BOOT_LIMIT:-1800}
	limit=$(awk -v cap="$cap" '!/^#/ && NF >= 3 { s += $2 } END { s += 180; print (s < cap ? s : cap) }' "$list")
	cmd=(timeout -k 10 "$limit" "${qemu[@]}" -initrd "$rd" -serial stdio -append "$append $extra rig.list=$what")
	dry "${cmd[@]}" && continue
	log=$BUILD/logs/$what$suffix.log
	rm -f "$log.glitch"
	for try in 1 2; do
		say "booting for tests/$what.list, console log in ${log#"$TOP"/} (limit ${limit}s)"
		rc=0
		if [ "${VERBOSE:-0}" = 1 ]; then
			# Show the tests' own output ("# " lines) while they run.
			"${cmd[@]}" < /dev/null 2>&1 | tee "$log" | sed -un 's/^# //p' || rc=${PIPESTATUS[0]}
		else
			"${cmd[@]}" < /dev/null > "$log" 2>&1 || rc=$?
		fi
		if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
			echo "rig: TIMEOUT: QEMU stopped after ${limit}s" >> "$log"
		fi
		if [ "$try" = 2 ] || ! gs_glitch "$log"; then break; fi
		mv "$log" "$log.glitch"
		say "the guest kernel ran with its L2 guest's GS base (QEMU 7.2's nested SVM); booting once more"
	done
	if [ -f "$log.glitch" ]; then
		echo "rig: RETRIED: the first boot read current with the L2 guest's GS base; its log is ${log#"$TOP"/}.glitch" >> "$log"
	fi
	pairs+=("$log" "$list")
done
[ "${DRY_RUN:-0}" = 1 ] || exec "$TOP/rig/report.sh" "${pairs[@]}"
