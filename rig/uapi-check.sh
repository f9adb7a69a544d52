#!/bin/bash
# The series' KVM uapi is a superset of stock 6.12's: every macro that a KVM
# uapi header of the pristine tree defines (include/uapi/linux/kvm.h,
# arch/*/include/uapi/asm/kvm.h and their tools/ copies) is defined by the
# assembled tree with the same body, so that a VMM built against stock's
# headers builds against ours and means the same.
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

[ -d "$SRC/.git" ] || die "no tree at $SRC; run 'make tree'"
cd "$SRC" || exit

# "NAME body" for every #define, continuation lines joined, blanks squeezed.
defines() {
	awk '{ while (sub(/\\$/, "")) { getline next_line; $0 = $0 next_line } }
	     /^[ \t]*#[ \t]*define[ \t]/ { sub(/^[ \t]*#[ \t]*define[ \t]+/, ""); gsub(/[ \t]+/, " ");
	                                  sub(/ $/, ""); print }' | sort -u
}

bad=0
checked=0
headers=$(git ls-tree -r --name-only pristine -- include/uapi/linux/kvm.h tools/include/uapi/linux/kvm.h \
	arch tools/arch | grep -E '(^|/)include/uapi/(linux|asm)/kvm\.h$')
for h in $headers; do
	if [ ! -f "$h" ]; then
		echo "uapi: $h: stock has it, the series removes it"
		bad=1
		continue
	fi
	mapfile -t missing < <(comm -23 <(git show "pristine:$h" | defines) <(defines < "$h"))
	if [ "${#missing[@]}" -gt 0 ]; then
		echo "uapi: $h: stock defines, the series does not (or differently):"
		printf '  #define %s\n' "${missing[@]}"
		bad=1
	fi
	checked=$((checked + 1))
done
[ "$checked" -gt 4 ] || die "uapi: found only $checked KVM uapi headers in the pristine tree"
[ "$bad" = 0 ] || die "uapi: the series' KVM uapi is not a superset of stock 6.12's"
say "uapi: every macro of stock's $checked KVM uapi headers is defined, with the same body"
