#!/bin/bash
# Assemble build/linux as a git tree: pristine source, base/ prep patch
# (tag "base"), then patches/series with git am.  An existing tree is left
# alone unless FORCE=1, because it may hold unexported work.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"


if [ -d "$SRC/.git" ] && [ "${FORCE:-0}" != 1 ]; then
	if [ "$(cat "$SRC/.git/rig-stamp" 2>/dev/null)" != "$(stamp)" ]; then
		say "note: base/ or patches/ changed since build/linux was assembled"
		say "      (export your work first, then 'make tree FORCE=1' to rebuild it)"
	fi
	exit 0
fi

deb=$("$TOP/rig/fetch.sh")
if [ -d "$SRC/.git" ]; then
	git -C "$SRC" diff --quiet HEAD || die "build/linux has uncommitted changes; commit and export them first"
fi
rm -rf "$SRC" "$SRC.tmp"
mkdir -p "$SRC.tmp"
say "unpacking $deb"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/src/linux-source-6.12.tar.xz | tar -xJ -C "$SRC.tmp"
mv "$SRC.tmp/linux-source-6.12" "$SRC"
rmdir "$SRC.tmp"

cd "$SRC" || exit
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
say "assembled $(git rev-list --count base..HEAD) patches on $(git describe --tags --always pristine)"
