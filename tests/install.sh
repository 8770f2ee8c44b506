#!/bin/sh
# install.sh - `make install DESTDIR=...` gives a library that a
# program outside the tree builds against with pkg-config, shared and
# static, and runs on the seed: the program is the one in README.md.
# MODE is the build's (make passes it); under a sanitizer the program is
# built with SAN_FLAGS too, as the library was.
set -u
suite=install
. "$(dirname "$0")/lib.sh"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
prefix=/usr/local

san=${SAN_FLAGS:-}
if ! make -s install MODE="${MODE:-release}" DESTDIR="$t/root" PREFIX=$prefix \
    >"$t/install.log" 2>&1; then
    bad "make install DESTDIR: $(tail -c 300 "$t/install.log")"
    finish
fi
for f in lib/libartx.a lib/libartx.so.0 lib/libartx.so include/artx.h lib/pkgconfig/artx.pc \
    bin/artx share/bash-completion/completions/artx share/zsh/site-functions/_artx; do
    [ -e "$t/root$prefix/$f" ] && ok || bad "make install: no $prefix/$f"
done
soname=$(objdump -p "$t/root$prefix/lib/libartx.so.0" 2>/dev/null | awk '/SONAME/ {print $2}')
[ "$soname" = libartx.so.0 ] && ok || bad "libartx.so.0: soname '$soname'"

# The README's program, between the first ```c and the next ```.
sed -n '/^## Using libartx from C/,/^## /p' README.md |
    sed -n '/^```c$/,/^```$/p' | sed '1d;$d' >"$t/to-xliff.c"
[ -s "$t/to-xliff.c" ] || bad "README.md: no C program under 'Using libartx from C'"

# What artx.pc would say installed at DESTDIR itself (pkg-config's
# --define-variable would move libxml2's prefix too).
mkdir -p "$t/pc"
sed "s|^prefix=.*|prefix=$t/root$prefix|" "$t/root$prefix/lib/pkgconfig/artx.pc" >"$t/pc/artx.pc"
export PKG_CONFIG_PATH="$t/pc"
pc=pkg-config
# Outside the tree: nothing of src/ on the include path.
case $SHARED in /*) ;; *) SHARED=$(pwd)/$SHARED ;; esac
cd "$t" || exit 1
if cc -std=c11 -Wall -Wextra -Werror $san to-xliff.c $($pc --cflags --libs artx) \
    -o to-xliff 2>"$t/cc.log"; then
    ok
else
    bad "cc to-xliff.c \$(pkg-config --cflags --libs artx): $(head -c 400 "$t/cc.log")"
fi
run_on_seed() { # run_on_seed PROGRAM LABEL
    need_shared corpus/seed.txt || return
    if LD_LIBRARY_PATH="$t/root$prefix/lib" "$1" "$SHARED/corpus/seed.txt" >"$t/out.xlf" 2>"$t/err" &&
        grep -q '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"' "$t/out.xlf" &&
        grep -q '<segment' "$t/out.xlf"; then
        ok
    else
        bad "$2 on the seed: $(head -c 300 "$t/err")"
    fi
}
[ ! -x to-xliff ] || run_on_seed ./to-xliff "the shared build"
if [ -x to-xliff ] && LD_LIBRARY_PATH="$t/root$prefix/lib" ldd to-xliff |
    grep -q "libartx.so.0 => $t/root$prefix/lib/libartx.so.0"; then
    ok
else
    bad "to-xliff does not load the installed libartx.so.0"
fi

# Static: the same program against libartx.a alone.
rm -f "$t/root$prefix/lib/libartx.so" "$t/root$prefix/lib/libartx.so.0"
if cc -std=c11 $san to-xliff.c $($pc --static --cflags --libs artx) -o to-xliff-static \
    2>"$t/cc.log"; then
    ok
    run_on_seed ./to-xliff-static "the static build"
else
    bad "cc to-xliff.c \$(pkg-config --static --cflags --libs artx): $(head -c 400 "$t/cc.log")"
fi
finish
