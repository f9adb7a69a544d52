#!/bin/bash
# Write what a maintainer or a distribution takes into build/series/, from
# the commits pristine..HEAD of build/linux: the prep patch of base/ first,
# then patches/, so that both apply on pristine 6.12.
#   mbox/           git format-patch files with a cover letter (git am)
#   quilt/patches/  the same patches with DEP-3 headers, and a series file
#   commit          the commit of build/linux they were written from
# The cover letter takes its text from README.md (between the "cover letter"
# comments) and series/changes.txt (first line: the version, as "v2").
# rig/series-check.sh applies both to pristine 6.12.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$SRC/.git" ] || die "no tree at $SRC; run 'make tree'"
git -C "$SRC" diff --quiet HEAD || say "note: uncommitted changes in build/linux are not in the series"
head=$(git -C "$SRC" rev-parse HEAD)
ids() { git -C "$SRC" patch-id --stable | cut -d' ' -f1; }
[ "$(cat "$TOP"/base/*.patch "$TOP"/patches/*.patch | ids)" = \
	"$(git -C "$SRC" log -p --reverse --format='commit %H' "pristine..$head" | ids)" ] ||
	say "note: build/linux differs from base/ and patches/: the series is build/linux's (export first?)"

out=$BUILD/series
version=$(sed -n '1s/^v\([0-9][0-9]*\)$/\1/p' "$TOP/series/changes.txt")
[ -n "$version" ] || die "series/changes.txt: the first line must be the version, as 'v2'"
total=$(git -C "$SRC" rev-list --count "pristine..$head")
nbase=$(git -C "$SRC" rev-list --count pristine..base)
rm -rf "$out"
mkdir -p "$out/mbox" "$out/quilt/patches"
echo "$head" > "$out/commit"

# mbox/: format-patch, named as in patches/ after "v2-"; then the cover
# letter's placeholders filled in.
git -C "$SRC" -c core.abbrev=12 format-patch -q --zero-commit --no-signature \
	--filename-max-length=$((64 + ${#version} + 2)) --cover-letter --base=pristine \
	-v "$version" -o "$out/mbox" "pristine..$head"
first="Patch 1"
[ "$nbase" = 1 ] || first="Patches 1-$nbase"
blurb=$out/blurb.txt
{
	cat <<-EOF
	This series replaces the dirty ring of Linux 6.12, ring-based dirty
	memory tracking for KVM, with a new implementation of the same ABI,
	with its selftests and documentation.

	$first removes the dirty ring that stock 6.12 carries and patches
	$((nbase + 1))-$total add the new one, so that the series applies to pristine 6.12.
	x86, arm64 and LoongArch select the new ring, as they select stock's.
	The base-commit below is a git import (git add -f -A) of Debian's source:
	  $(git -C "$SRC" log -1 --format=%s pristine)
	  tree $(git -C "$SRC" rev-parse 'pristine^{tree}')

	EOF
	awk '/^<!-- end of cover letter -->$/ { on = 0; print ""; next }
		/^<!-- cover letter/ { on = 1; next }
		on' "$TOP/README.md"
	echo "Changes since the last version"
	echo "=============================="
	tail -n +2 "$TOP/series/changes.txt"
} > "$blurb"
cover=$out/mbox/v$version-0000-cover-letter.patch
sed -i -e 's/\*\*\* SUBJECT HERE \*\*\*/KVM: The dirty ring for Linux 6.12/' \
	-e "/^\*\*\* BLURB HERE \*\*\*\$/{r $blurb" -e 'd;}' "$cover"
rm "$blurb"
! grep -q 'HERE \*\*\*' "$cover" || die "$cover: a placeholder is left"

# quilt/: each commit with a DEP-3 header, named as in mbox/ less "v2-".
i=0
echo "# KVM dirty ring for Linux 6.12 (v$version): quilt push -a on pristine 6.12" > "$out/quilt/patches/series"
for c in $(git -C "$SRC" rev-list --reverse "pristine..$head"); do
	i=$((i + 1))
	name=$(cd "$out/mbox" && echo "v$version-$(printf %04d "$i")"-*.patch)
	name=${name#"v$version-"}
	if [ "$i" -le "$nbase" ]; then
		origin=base/$name
	else
		origin=patches/$(printf %04d $((i - nbase)))-${name#????-}
	fi
	{
		git -C "$SRC" log -1 --format='Description: %s' "$c"
		# Continuation lines start with a space; an empty line is " .".
		git -C "$SRC" log -1 --format=%b "$c" |
			awk 'NF { while (e) { print " ."; e-- } print " " $0; next } { e++ }'
		git -C "$SRC" log -1 --format='Author: %an <%ae>' "$c"
		echo "Origin: other, KVM dirty ring series for Linux 6.12 v$version, $origin"
		echo "Forwarded: no"
		git -C "$SRC" log -1 --format='Last-Update: %ad' --date=short "$c"
		echo "---"
		git -C "$SRC" diff-tree --no-commit-id --stat --summary -p "$c"
	} > "$out/quilt/patches/$name"
	echo "$name" >> "$out/quilt/patches/series"
done
say "series: $total patches (v$version) in $out/mbox and $out/quilt"
