#!/bin/bash
# Boot the built kernel under QEMU (TCG, -cpu max: SVM with nested paging).
#   rig/boot.sh LIST   run tests/LIST.list, keep the console log, report TAP
#   rig/boot.sh shell  interactive guest shell
# DRY_RUN=1 prints the QEMU command line instead of running it.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

what=${1:-default}
kernel=$OBJ/arch/x86/boot/bzImage
initrd=$BUILD/initramfs.cpio.gz
append="console=ttyS0 tsc=reliable panic=-1 oops=panic panic_on_warn=0 ${APPEND:-}"
qemu=(qemu-system-x86_64 -accel tcg -cpu max -smp "${SMP:-2}" -m "${MEM:-4G}"
	-kernel "$kernel" -initrd "$initrd" -no-reboot -display none -nodefaults)

if [ "$what" = shell ]; then
	cmd=("${qemu[@]}" -serial mon:stdio -append "$append rig.shell")
	[ "${DRY_RUN:-0}" = 1 ] && { printf '%q ' "${cmd[@]}"; echo; exit 0; }
	exec "${cmd[@]}"
fi

list=$TOP/tests/$what.list
[ -f "$list" ] || die "no test list $list"
# The whole run may take the sum of the per-test limits plus boot time.
limit=$(awk '!/^#/ && NF >= 3 { s += $2 } END { print s + 180 }' "$list")
cmd=("${qemu[@]}" -serial stdio -append "$append rig.list=$what")
if [ "${DRY_RUN:-0}" = 1 ]; then
	printf '%q ' timeout "$limit" "${cmd[@]}"
	echo
	exit 0
fi
for f in "$kernel" "$initrd"; do
	[ -f "$f" ] || die "no $f; 'make check' builds it"
done

mkdir -p "$BUILD/logs"
suffix=
if [ "$DEBUG" = 1 ]; then suffix=-debug; fi
log=$BUILD/logs/$what$suffix.log
say "booting, console log in ${log#"$TOP"/} (limit ${limit}s)"
rc=0
timeout -k 10 "$limit" "${cmd[@]}" < /dev/null > "$log" 2>&1 || rc=$?
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
	echo "rig: TIMEOUT: QEMU stopped after ${limit}s" >> "$log"
fi
exec "$TOP/rig/report.sh" "$log" "$list"
