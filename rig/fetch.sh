#!/bin/bash
# Download the pinned linux-source-6.12 .deb and check its SHA-256.
# PKG_VERSION=... selects another 6.12.y; its hash is then printed, not checked.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

mkdir -p "$BUILD/dl"
cd "$BUILD/dl" || exit
deb=${PKG}_${PKG_VERSION}_all.deb
case "$PKG_VERSION" in
6.12.*) ;;
*) die "PKG_VERSION=$PKG_VERSION is not a 6.12.y version" ;;
esac
if [ ! -f "$deb" ]; then
	# grep without -q reads all its input: no SIGPIPE for apt-cache under pipefail.
	have() { apt-cache madison "$PKG" | grep -F "| $PKG_VERSION |" >/dev/null; }
	have || apt-get update -qq || true
	if ! have; then
		echo "rig: $PKG $PKG_VERSION is no longer available; versions available:" >&2
		apt-cache madison "$PKG" | awk -F'|' '{print "rig:  " $2}' >&2
		say "the pinned one stays on snapshot.debian.org: download $deb from"
		say "  https://snapshot.debian.org/binary/$PKG/ (version $PKG_VERSION)"
		say "into $BUILD/dl/ (its SHA-256 is checked), or select another with PKG_VERSION=<version>"
		die "$PKG $PKG_VERSION: not in the configured mirrors"
	fi
	apt-get download -q "$PKG=$PKG_VERSION" >&2
	[ -f "$deb" ] || die "apt-get download did not produce $deb"
fi
sum=$(sha256sum "$deb" | cut -d' ' -f1)
if [ "$PKG_VERSION" = 6.12.117-1~deb12u1 ]; then
	[ "$sum" = "$PKG_SHA256" ] || die "$deb: SHA-256 $sum, expected $PKG_SHA256"
else
	say "override: $deb has SHA-256 $sum (not pinned)"
fi
echo "$BUILD/dl/$deb"
