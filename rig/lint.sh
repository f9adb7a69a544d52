#!/bin/bash
# checkpatch.pl --strict on every patch in base/ and patches/, shellcheck on
# the harness, the series as distributions take it applied to pristine 6.12
# (rig/series.sh, rig/series-check.sh), the KVM uapi against stock's
# (rig/uapi-check.sh), and compiles of KVM for 32-bit x86 (rig/i386.sh) and
# for arm64 (rig/arm64.sh).  Remaining checkpatch messages must be listed, with the
# reason, in rig/checkpatch.allow.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

cd "$TOP" || exit
shellcheck rig/*.sh .ci/run
# An entry names a patch without its number, which changes when the series
# is reordered: "KVM-Add-the-dirty-ring.patch WARNING:TYPE reason".
allowed() {
	awk -v name="${1#[0-9][0-9][0-9][0-9]-}" -v type="$2" \
		'$1 == name && $2 == type { found = 1 } END { exit !found }' rig/checkpatch.allow
}
bad=0
for p in base/*.patch patches/*.patch; do
	[ -e "$p" ] || continue
	# spdxcheck.py needs python3-ply and python3-git: use Debian's python3,
	# not another on PATH.  An absolute path, or checkpatch takes a patch
	# that git tracks for a source file.
	out=$(PATH=/usr/bin:$PATH "$SRC/scripts/checkpatch.pl" --strict --terse --no-summary --show-types \
		--root="$SRC" "$TOP/$p" 2>&1 || true)
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		# "file:line: WARNING:TYPE: text" -> "WARNING:TYPE"
		type=$(echo "$line" | sed -n 's/^[^:]*:[0-9]*: \([A-Z]*:[A-Z_0-9]*\):.*/\1/p')
		if ! allowed "$(basename "$p")" "${type:-none}"; then
			echo "$line"
			bad=1
		fi
	done <<< "$out"
done
[ "$bad" = 0 ] || die "checkpatch --strict is not clean (see above)"
"$TOP/rig/uapi-check.sh"
"$TOP/rig/series.sh"
"$TOP/rig/series-check.sh"
"$TOP/rig/i386.sh"
"$TOP/rig/arm64.sh"
say "lint: clean"
