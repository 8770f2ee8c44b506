#!/bin/sh
# golden.sh ARTX [--update] - whole conversions of samples/ in every format
# against the reviewed outputs in tests/golden/ (an EPUB by its listing and
# package document).  With --update the outputs are
# rewritten instead (review the diff; say why in the commit message).
set -u
suite=golden
. "$(dirname "$0")/lib.sh"
artx=$1
update=${2:-}
dir=$(dirname "$0")/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
have_unzip=0
need unzip unzip && have_unzip=1
for input in samples/*; do
    case $input in *.json) continue ;; esac
    name=$(basename "$input")
    name=${name%.*}
    for fmt in article:xml text:txt xliff:xlf xliff12:xlf12 docbook:dbk xhtml:html epub:epub.txt stats:json; do
        to=${fmt%%:*}
        ext=${fmt##*:}
        [ "$to" != epub ] || [ $have_unzip = 1 ] || continue
        want=$dir/$name.$ext
        if ! SOURCE_DATE_EPOCH=1700000000 "$artx" -t "$to" -T en -o "$tmp/out" "$input" 2>"$tmp/err"; then
            bad "$name.$ext: artx exited non-zero: $(head -c 300 "$tmp/err")"
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
            bad "$name.$ext: no golden file $want (make golden-update)"
        elif cmp -s "$tmp/out" "$want"; then
            ok "$name.$ext"
        else
            bad "$name.$ext: output differs from $want:"
            diff -u "$want" "$tmp/out" | head -20
        fi
    done
done
finish
