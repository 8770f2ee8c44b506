#!/bin/sh
# golden.sh ARTX [--update] - whole conversions of samples/ in every format
# against the reviewed outputs in tests/golden/ (an EPUB by its listing and
# package document).  With --update the outputs are
# rewritten instead (review the diff; say why in the commit message).
set -u
artx=$1
update=${2:-}
dir=$(dirname "$0")/golden
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for input in samples/*; do
    case $input in *.json) continue ;; esac
    name=$(basename "$input")
    name=${name%.*}
    for fmt in article:xml text:txt xliff:xlf xliff12:xlf12 docbook:dbk xhtml:html epub:epub.txt; do
        to=${fmt%%:*}
        ext=${fmt##*:}
        want=$dir/$name.$ext
        if ! SOURCE_DATE_EPOCH=1700000000 "$artx" -t "$to" -T en -o "$tmp/out" "$input" 2>"$tmp/err"; then
            echo "FAIL $name.$ext: artx exited non-zero: $(head -c 300 "$tmp/err")"
            fail=$((fail + 1))
            continue
        fi
        # An EPUB is compared by its listing and its package document.
        if [ "$to" = epub ]; then
            mv "$tmp/out" "$tmp/out.epub"
            { unzip -Z1 "$tmp/out.epub" && unzip -p "$tmp/out.epub" EPUB/package.opf; } >"$tmp/out"
        fi
        if [ "$update" = --update ]; then
            cp "$tmp/out" "$want"
            echo "updated $want"
        elif [ ! -f "$want" ]; then
            echo "FAIL $name.$ext: no golden file $want (make golden-update)"
            fail=$((fail + 1))
        elif cmp -s "$tmp/out" "$want"; then
            echo "PASS $name.$ext"
            pass=$((pass + 1))
        else
            echo "FAIL $name.$ext: output differs from $want:"
            diff -u "$want" "$tmp/out" | head -20
            fail=$((fail + 1))
        fi
    done
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
