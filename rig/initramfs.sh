#!/bin/bash
# Build build/initramfs.cpio.gz: busybox, the guest init, the test lists
# and every selftest that a list in tests/ names.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

busybox=/bin/busybox
dpkg -s busybox-static >/dev/null 2>&1 || die "need Debian's busybox-static ('make deps')"
root=$BUILD/initramfs
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,kvm,rig}
cp "$busybox" "$root/bin/busybox"
for app in $("$busybox" --list); do
	[ "$app" = busybox ] || ln -s busybox "$root/bin/$app"
done
install -m 0755 "$TOP/rig/guest-init.sh" "$root/init"
install -m 0755 "$TOP/rig/kunit.sh" "$root/kvm/kunit"
cp "$TOP"/tests/*.list "$root/rig/"
# qemu/ comes with the second initramfs (rig/qemu-initramfs.sh).
awk '!/^#/ && NF >= 3 && $3 !~ /^qemu\// && $3 != "kunit" { print $3 }' "$TOP"/tests/*.list | sort -u | while read -r bin; do
	[ -x "$BUILD/selftests/$bin" ] || die "selftest $bin was not built"
	mkdir -p "$root/kvm/$(dirname "$bin")"
	cp "$BUILD/selftests/$bin" "$root/kvm/$bin"
done
(cd "$root" && find . | sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) > "$BUILD/initramfs.cpio.gz"
say "initramfs: $BUILD/initramfs.cpio.gz ($(du -h "$BUILD/initramfs.cpio.gz" | cut -f1))"
