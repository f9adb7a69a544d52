#!/bin/bash
# Export the commits after tag "base" into patches/ with a series file.
# With BASE=1, export the prep patch (pristine..base) into base/ instead.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$SRC/.git" ] || die "no tree at $SRC; run 'make tree'"
git -C "$SRC" diff --quiet HEAD || say "note: uncommitted changes in build/linux are not exported"

# A fixed abbreviation: the default grows with the number of objects.
fp() { git -C "$SRC" -c core.abbrev=12 format-patch -q --zero-commit --no-signature --no-numbered "$@"; }

if [ "${BASE:-0}" = 1 ]; then
	rm -f "$TOP"/base/*.patch
	fp -o "$TOP/base" pristine..base
	stamp > "$SRC/.git/rig-stamp"
	git -C "$SRC" rev-parse HEAD > "$SRC/.git/rig-head"
	exit 0
fi

rm -f "$TOP"/patches/*.patch
fp -o "$TOP/patches" base..HEAD
{
	echo "# Dirty ring series for Linux 6.12; apply in order on base/."
	last=
	for f in "$TOP"/patches/*.patch; do
		[ -e "$f" ] || continue
		area=$(sed -n 's/^Subject: \(\[[^]]*\] \)\{0,1\}\(KVM\(: [^:]*\)\{0,1\}\): .*/\2/p' "$f" | head -n 1)
		if [ "$area" != "$last" ]; then
			echo "# ${area:-other}"
			last=$area
		fi
		basename "$f"
	done
} > "$TOP/patches/series"
stamp > "$SRC/.git/rig-stamp"
# What rig/assemble.sh may throw away with FORCE=1.
git -C "$SRC" rev-parse HEAD > "$SRC/.git/rig-head"
say "exported $(git -C "$SRC" rev-list --count base..HEAD) patches"
