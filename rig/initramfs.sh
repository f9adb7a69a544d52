#!/bin/bash
# Build the initramfs of the guest: busybox, the guest init, the test lists
# of the architecture ("#! arch: arm64" in a list; x86_64 if none) and every
# selftest that they name.  On x86_64 the host's busybox-static; on arm64
# Debian's arm64 busybox-static, fetched with apt into build/dl/apt-arm64
# (private lists and cache: the host's dpkg is left alone).
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

dpkg -s busybox-static >/dev/null 2>&1 || die "need Debian's busybox-static ('make deps')"
busybox=/bin/busybox
if [ "$RIG_ARCH" = arm64 ]; then
	apt=$BUILD/dl/apt-arm64
	busybox=$apt/root/bin/busybox
	# The same version as the host's, whose applet list is used below.
	want=$(dpkg-query -W -f='${Version}' busybox-static)
	if [ ! -x "$busybox" ] || [ "$(cat "$apt/version" 2>/dev/null)" != "$want" ]; then
		rm -rf "$apt/root" "$apt"/*.deb
		mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
		o=(-qq -o APT::Architecture=arm64 -o APT::Architectures::=arm64
			-o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache")
		apt-get "${o[@]}" update
		# As root apt warns that it downloads unsandboxed: shown on failure only.
		if ! (cd "$apt" && apt-get "${o[@]}" download "busybox-static=$want" 2> "$apt/err"); then
			cat "$apt/err" >&2
			die "apt could not download busybox-static $want for arm64"
		fi
		dpkg-deb -x "$apt"/busybox-static_*_arm64.deb "$apt/root"
		[ -x "$busybox" ] || die "no arm64 busybox-static $want from apt in $apt"
		echo "$want" > "$apt/version"
	fi
fi
lists=()
for l in "$TOP"/tests/*.list; do
	a=$(sed -n 's/^#! arch: //p' "$l" | tail -n 1)
	[ "${a:-x86_64}" = "$RIG_ARCH" ] && lists+=("$l")
done
root=$BUILD/initramfs-$RIG_ARCH
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,kvm,rig}
cp "$busybox" "$root/bin/busybox"
# The applets of the host's busybox: the same Debian version on arm64.
for app in $(/bin/busybox --list); do
	[ "$app" = busybox ] || ln -s busybox "$root/bin/$app"
done
install -m 0755 "$TOP/rig/guest-init.sh" "$root/init"
install -m 0755 "$TOP/rig/kunit.sh" "$root/kvm/kunit"
cp "${lists[@]}" "$root/rig/"
# qemu/ comes with the second initramfs (rig/qemu-initramfs.sh).
awk '!/^#/ && NF >= 3 && $3 !~ /^qemu\// && $3 != "kunit" { print $3 }' "${lists[@]}" | sort -u | while read -r bin; do
	[ -x "$SELFTESTS/$bin" ] || die "selftest $bin was not built"
	mkdir -p "$root/kvm/$(dirname "$bin")"
	cp "$SELFTESTS/$bin" "$root/kvm/$bin"
done
(cd "$root" && find . | sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) > "$INITRD"
say "initramfs: $INITRD ($(du -h "$INITRD" | cut -f1))"
