#!/bin/sh
# parallel.sh ARTX - the README's "Beyond one machine": GNU parallel, here
# with the local host ':' as its one ssh host, converts the corpus to EPUB
# with one artx process per page and gives the same bytes as one artx
# process with -j 2 over the same pages.  Run from the repository's top
# folder:
#   sh tests/cli/parallel.sh build/artx
set -u
suite=cli-parallel
. "$(dirname "$0")/../lib.sh"
artx=${1:-build/artx}
need parallel parallel || finish
need_shared corpus || finish
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
abs=$(cd "$(dirname "$artx")" && pwd)/$(basename "$artx")

set -- "$SHARED"/corpus/*.html "$SHARED"/corpus/*.txt
mkdir "$t/j" "$t/p"
"$abs" -q -j 2 -t epub -o "$t/j/" "$@" || bad "artx -j 2 over the corpus: exit $?"
# {/.}: the input's base name without its extension, as artx names outputs.
if parallel --will-cite -S : "$abs -q -t epub -o $t/p/{/.}.epub {}" ::: "$@" 2>"$t/err"; then
    ok "parallel -S : over $# pages"
else
    bad "parallel -S :: exit $?: $(head -c 300 "$t/err")"
fi
n=$(ls "$t/p" | wc -l)
[ "$n" -eq $# ] && ok || bad "parallel wrote $n outputs for $# inputs"
diff -r "$t/j" "$t/p" >"$t/diff" 2>&1 && ok "parallel gives the bytes of -j 2" ||
    bad "parallel differs from -j 2: $(head -3 "$t/diff")"
# Spark's RDD.pipe and Hadoop Streaming hand a filter one path per line:
# xargs turns them into artx's inputs, and -t stats gives a line each.
printf '%s\n' "$@" | xargs "$abs" -q -t stats >"$t/stats.jsonl" &&
    [ "$(wc -l <"$t/stats.jsonl")" -eq $# ] && ok "paths on standard input: one stats line each" ||
    bad "xargs artx -t stats: $(wc -l <"$t/stats.jsonl") lines for $# paths"
finish
