#!/bin/bash
# Build build/qemu.cpio.gz, the second initramfs of the lists that say
# "#! initrd: qemu": Debian's own qemu-system-x86_64 (7.2, unmodified) with
# its libraries and firmware, an L2 guest (the rig's kernel and
# tests/qemu/l2-writer.c as its /init) and tests/qemu/migrate.sh.  The guest
# kernel unpacks it over the first one.  Rebuilt only when an input changed.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
[ "$RIG_ARCH" = x86_64 ] || die "${0##*/} is for x86_64 only (no ARCH=arm64)"

qemu=/usr/bin/qemu-system-x86_64
# The L2 guest always runs the rig's normal kernel, also for DEBUG=1 runs.
kernel=$BUILD/obj-x86/arch/x86/boot/bzImage
out=$BUILD/qemu.cpio.gz
[ -x "$qemu" ] || die "need Debian's qemu-system-x86 ('make deps')"
[ -f "$kernel" ] || die "no $kernel; 'make kernel' builds it"
inputs=$(cat "$qemu" "$kernel" "$TOP"/tests/qemu/* "$0" | sha256sum | cut -d' ' -f1)
if [ -f "$out" ] && [ "$(cat "$out.stamp" 2>/dev/null)" = "$inputs" ]; then
	say "qemu initramfs: $out (cached)"
	exit 0
fi
root=$BUILD/qemu-root
rm -rf "$root"
mkdir -p "$root"/qemu/{bin,l2,share/qemu,share/seabios} "$root/kvm/qemu"
cp "$qemu" "$root/qemu/bin/"
# The libraries at their own paths, so that the dynamic loader finds them.
ldd "$qemu" | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }' | while read -r lib; do
	mkdir -p "$root$(dirname "$lib")"
	cp -L "$lib" "$root$lib"
done
# The firmware that a -kernel boot of the pc machine loads, where QEMU looks
# for it: ../share/{qemu,seabios} from its binary.
cp -L /usr/share/seabios/bios-256k.bin "$root/qemu/share/seabios/"
cp -L /usr/share/qemu/{linuxboot_dma.bin,kvmvapic.bin} "$root/qemu/share/qemu/"
# The L2 guest.
cp "$kernel" "$root/qemu/l2/bzImage"
l2=$BUILD/qemu-l2
rm -rf "$l2"
mkdir -p "$l2/dev"
gcc -O2 -static -pthread -Wall -Werror -o "$l2/init" "$TOP/tests/qemu/l2-writer.c"
(cd "$l2" && find . | sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) > "$root/qemu/l2/initrd.gz"
install -m 0755 "$TOP/tests/qemu/migrate.sh" "$root/kvm/qemu/migrate.sh"
(cd "$root" && find . | sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) > "$out"
echo "$inputs" > "$out.stamp"
say "qemu initramfs: $out ($(du -h "$out" | cut -f1))"
