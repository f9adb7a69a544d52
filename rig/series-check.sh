#!/bin/bash
# Check build/series (rig/series.sh) on pristine 6.12: git am of mbox/ and
# quilt push -a of quilt/ must each apply cleanly and give the tree of the
# commit of build/linux that the series was written from; git am must also
# give the same authors, dates and messages.  Both run in one temporary
# worktree of build/linux at tag pristine, sparse: only the directories that
# the series touches are checked out, not the whole 1.5 GB tree.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

series=$BUILD/series
[ -f "$series/commit" ] || die "no $series; run 'make series'"
head=$(cat "$series/commit")
[ "$head" = "$(git -C "$SRC" rev-parse HEAD)" ] ||
	say "note: build/linux HEAD moved since 'make series'; checking against ${head:0:12}"
want=$(git -C "$SRC" rev-parse "$head^{tree}")
wt=$BUILD/series-check
cleanup() {
	git -C "$SRC" worktree remove --force "$wt" 2>/dev/null || rm -rf "$wt"
	git -C "$SRC" worktree prune
}
cleanup
trap cleanup EXIT
git -C "$SRC" worktree add -q --no-checkout --detach "$wt" pristine
# shellcheck disable=SC2046 # one directory per word
git -C "$wt" sparse-checkout set $(git -C "$SRC" log --format= --name-only "pristine..$head" |
	sed 's,/[^/]*$,,' | sort -u)
git -C "$wt" read-tree -mu HEAD

# Compare a tree with that of the series' commit.
same() {
	[ "$2" = "$want" ] && return 0
	git -C "$SRC" diff --stat "$head" "$2" >&2
	die "series: $1 on pristine does not give build/linux ${head:0:12} (differences above)"
}

git -C "$wt" am -q --empty=drop "$series"/mbox/*.patch ||
	die "series: git am of $series/mbox does not apply on pristine"
same "git am of mbox/" "$(git -C "$wt" rev-parse 'HEAD^{tree}')"
log() { git -C "$SRC" log --format='%an <%ae> %ad%n%B' "pristine..$1"; }
diff -u <(log "$head") <(log "$(git -C "$wt" rev-parse HEAD)") >&2 ||
	die "series: git am of mbox/ gives other authors, dates or messages than build/linux (above)"

git -C "$wt" checkout -q --detach pristine
if ! out=$(cd "$wt" && QUILT_PATCHES=$series/quilt/patches quilt --quiltrc=- push -a -q --fuzz=0 2>&1); then
	echo "$out" | tail -n 20 >&2
	die "series: quilt push -a of $series/quilt does not apply on pristine"
fi
rm -rf "$wt/.pc"
git -C "$wt" add -f -A
same "quilt push -a of quilt/" "$(git -C "$wt" write-tree)"
say "series: mbox/ (git am) and quilt/ (quilt push -a) give build/linux ${head:0:12} on pristine"
