#!/bin/bash
# Assemble build/linux as a git tree: pristine source, base/ prep patch
# (tag "base"), then patches/series with git am.  The tree is put together
# in build/linux.tmp and moved into place only when every patch applied, so
# a failed or interrupted run never leaves a tree that looks good.  An
# existing tree is left alone unless FORCE=1, and even then only if it holds
# no work that was not exported (commits after the last `make export`, or
# uncommitted changes).
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

if [ -d "$SRC/.git" ]; then
	[ -f "$SRC/.git/rig-stamp" ] ||
		die "build/linux is incomplete (from an old rig?): move it aside, then 'make tree'"
	if [ "${FORCE:-0}" != 1 ]; then
		if [ "$(cat "$SRC/.git/rig-stamp")" != "$(stamp)" ]; then
			say "note: base/ or patches/ changed since build/linux was assembled"
			say "      (export your work first, then 'make tree FORCE=1' to rebuild it)"
		fi
		exit 0
	fi
	git -C "$SRC" diff --quiet HEAD ||
		die "build/linux has uncommitted changes; commit and export them first"
	[ "$(git -C "$SRC" rev-parse HEAD)" = "$(cat "$SRC/.git/rig-head" 2>/dev/null)" ] ||
		die "build/linux has commits that were never exported; 'make export' first (or move build/linux aside)"
fi

deb=$("$TOP/rig/fetch.sh")
tmp=$SRC.tmp
rm -rf "$tmp"
mkdir -p "$tmp"
say "unpacking $deb"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/src/linux-source-6.12.tar.xz | tar -xJ -C "$tmp"
[ -d "$tmp/linux-source-6.12" ] || die "$deb holds no linux-source-6.12 tree"

cd "$tmp/linux-source-6.12" || exit
git init -q -b master
# Commit in the tree as the project commits, also where git has no identity.
if ! git config user.email >/dev/null; then
	git config user.name "$(git -C "$TOP" log -1 --format=%an)"
	git config user.email "$(git -C "$TOP" log -1 --format=%ae)"
fi
# Debian's top-level .gitignore ignores everything; -f keeps the import whole.
git add -f -A .
git commit -q -m "Linux $(make -s kernelversion) (Debian $PKG $PKG_VERSION)"
git tag pristine
git am -q "$TOP"/base/*.patch
git tag base
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	git am -q "$TOP/patches/$p" || die "patches/$p does not apply"
done < "$TOP/patches/series"
stamp > .git/rig-stamp
git rev-parse HEAD > .git/rig-head
n=$(git rev-list --count base..HEAD)
cd "$TOP" || exit
rm -rf "$SRC"
mv "$tmp/linux-source-6.12" "$SRC"
rmdir "$tmp"
say "assembled $n patches on pristine"
