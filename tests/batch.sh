#!/bin/sh
# batch.sh ARTX - several inputs at once (-j): every format over the samples and the corpus
# gives the same bytes with -j 2 (and more jobs than inputs) as with -j 1; a failing input
# is named and the others are converted; the summary line counts them; several text
# outputs on standard output keep the order of the inputs; --stat names every stage;
# a bad -j is a usage error.  SOURCE_DATE_EPOCH makes the EPUBs comparable.
set -u
suite=batch
. "$(dirname "$0")/lib.sh"
artx=$1
need_shared corpus || finish
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

set -- samples/*.html samples/*.txt "$SHARED"/corpus/*.html "$SHARED"/corpus/*.txt
inputs=$#
for fmt in article text xliff xliff12 docbook xhtml epub; do
    for j in 1 2 16; do
        mkdir "$t/$fmt-$j"
        "$artx" -q -j $j -t $fmt -T en -o "$t/$fmt-$j" "$@" 2>"$t/err-$fmt-$j"
        echo $? >"$t/rc-$fmt-$j"
    done
    if [ "$(cat "$t/rc-$fmt-1")" != 0 ]; then
        bad "$fmt: -j 1 over $inputs inputs: exit $(cat "$t/rc-$fmt-1"): $(head -1 "$t/err-$fmt-1")"
        continue
    fi
    n=$(ls "$t/$fmt-1" | wc -l)
    [ "$n" -eq "$inputs" ] && ok || bad "$fmt: $n outputs for $inputs inputs"
    for j in 2 16; do
        if [ "$(cat "$t/rc-$fmt-$j")" = 0 ] && diff -r "$t/$fmt-1" "$t/$fmt-$j" >"$t/diff" 2>&1
        then
            ok "$fmt: -j $j gives the bytes of -j 1 ($n outputs)"
        else
            bad "$fmt: -j $j differs from -j 1: exit $(cat "$t/rc-$fmt-$j"): $(head -2 "$t/diff")"
        fi
    done
done

# A failing input among good ones: named, the rest converted, exit 1, counted.
printf '<html><body><nav><a href="/a">Home</a></nav></body></html>' >"$t/broken.html"
mkdir "$t/mixed"
"$artx" -j 2 -o "$t/mixed" samples/*.html "$t/broken.html" samples/board-dump.txt \
    2>"$t/mixed.err"
rc=$?
good=$(ls samples/*.html samples/board-dump.txt | wc -l)
if [ $rc -eq 1 ] && grep -q "^artx: $t/broken.html: " "$t/mixed.err" &&
    [ "$(ls "$t/mixed" | wc -l)" -eq "$good" ]; then
    ok "a failing input is named, exit 1, and the other $good are converted"
else
    bad "a failing input: exit $rc, $(ls "$t/mixed" | wc -l) outputs: $(head -3 "$t/mixed.err")"
fi
total=$((good + 1))
grep -q "^artx: $total inputs in [0-9.]* s ([0-9.]* a second): $good converted, 1 failed$" \
    "$t/mixed.err" && ok "the summary line counts them" ||
    bad "no summary line: $(tail -1 "$t/mixed.err")"
"$artx" -q -j 2 -o "$t/mixed" samples/*.html 2>"$t/quiet.err"
[ ! -s "$t/quiet.err" ] && ok "-q: no summary line" || bad "-q printed: $(head -1 "$t/quiet.err")"

# Several text outputs on standard output: in the order of the inputs.
"$artx" -j 1 -t text samples/*.html samples/board-dump.txt >"$t/serial.txt" 2>/dev/null
"$artx" -j 4 -t text samples/*.html samples/board-dump.txt >"$t/parallel.txt" 2>/dev/null
[ -s "$t/serial.txt" ] && cmp -s "$t/serial.txt" "$t/parallel.txt" &&
    ok "text on standard output keeps the order of the inputs" ||
    bad "text on standard output: -j 4 differs from -j 1"

# --stat: every stage, with its share.
"$artx" -j 2 --stat -o "$t/mixed" samples/*.html 2>"$t/stat.err"
for stage in read parse "normalise or merge" segment transform write; do
    grep -q "^artx:   $stage.* [0-9.]* s *[0-9.]* %$" "$t/stat.err" || {
        bad "--stat has no line for $stage: $(cat "$t/stat.err")"
        continue
    }
    ok
done

# -j takes a whole number from 1 to 64.
for arg in 0 -1 65 x 2x ''; do
    "$artx" -j "$arg" samples/board-dump.txt >/dev/null 2>"$t/j.err"
    rc=$?
    [ $rc -eq 2 ] && grep -q "^artx: -j $arg: not a number of jobs from 1 to 64" "$t/j.err" &&
        ok || bad "-j '$arg': exit $rc: $(head -1 "$t/j.err")"
done
ok "-j rejects 0, -1, 65, x, 2x and ''"
finish
