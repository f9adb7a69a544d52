#!/bin/bash
# Configure (tinyconfig + config/$ARCH.config [+ config/debug.config]) and
# build the kernel image and the uapi headers out of tree, with ccache.
# Arguments: other targets to build instead (rig/arm64.sh: arch/arm64/kvm/).
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$SRC/.git" ] || die "no tree at $SRC; run 'make tree'"
frags=("$TOP/config/$RIG_ARCH.config")
[ "$DEBUG" = 1 ] && frags+=("$TOP/config/debug.config")
mkdir -p "$OBJ"
kmake() { make -s -C "$SRC" O="$OBJ" "${KARCH[@]}" CC="$KCC" HOSTCC="ccache gcc" -j"$JOBS" "$@"; }

# Reconfigure only when a fragment changed, so that rebuilds stay incremental.
want=$(cat "${frags[@]}" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$OBJ/.rig-config" 2>/dev/null)" != "$want" ] || [ ! -f "$OBJ/.config" ]; then
	kmake tinyconfig
	env "${KARCH[@]}" "$SRC/scripts/kconfig/merge_config.sh" -m -O "$OBJ" "$OBJ/.config" "${frags[@]}" >/dev/null
	kmake olddefconfig
	# Like kunit.py: every requested option must survive olddefconfig.
	missing=$(cat "${frags[@]}" | grep -o '^CONFIG_[A-Z0-9_]*=.*' | while read -r opt; do
		grep -qxF "$opt" "$OBJ/.config" || echo "$opt"
	done)
	[ -z "$missing" ] || die "options lost by olddefconfig: $(echo "$missing" | tr '\n' ' ')"
	echo "$want" > "$OBJ/.rig-config"
fi
if [ $# -gt 0 ]; then
	kmake "$@"
	exit 0
fi
kmake "$(basename "$IMAGE")"
kmake headers
say "kernel: $OBJ/$IMAGE"
