#!/bin/sh
# golden.sh ARTX [--update] - whole conversions of samples/ in every format
# against the reviewed outputs in tests/golden/ (an EPUB by its listing and
# package document), and the bilingual books and TMX translation memories
# of the translated XLIFF files there.  With --update the outputs are
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
# compare NAME.EXT: $tmp/out against the golden file (or updates it).
compare() {
    want=$dir/$1
    if [ "$update" = --update ]; then
        cp "$tmp/out" "$want"
        echo "updated $want"
    elif [ ! -f "$want" ]; then
        bad "$1: no golden file $want (make golden-update)"
    elif cmp -s "$tmp/out" "$want"; then
        ok "$1"
    else
        bad "$1: output differs from $want:"
        diff -u "$want" "$tmp/out" | head -20
    fi
}
# An EPUB is compared by its listing and its package document.
epub_listing() {
    mv "$tmp/out" "$tmp/out.epub"
    { unzip -Z1 "$tmp/out.epub" && unzip -p "$tmp/out.epub" EPUB/package.opf; } >"$tmp/out"
}
for input in samples/*; do
    case $input in *.json) continue ;; esac
    name=$(basename "$input")
    name=${name%.*}
    for fmt in article:xml text:txt xliff:xlf xliff12:xlf12 docbook:dbk xhtml:html epub:epub.txt stats:json; do
        to=${fmt%%:*}
        ext=${fmt##*:}
        [ "$to" != epub ] || [ $have_unzip = 1 ] || continue
        if ! SOURCE_DATE_EPOCH=1700000000 "$artx" -t "$to" -T en -o "$tmp/out" "$input" 2>"$tmp/err"; then
            bad "$name.$ext: artx exited non-zero: $(head -c 300 "$tmp/err")"
            continue
        fi
        [ "$to" != epub ] || epub_listing
        compare "$name.$ext"
    done
done
# Translated XLIFF files of the samples (NAME.LANG.xlf, some segments left
# untranslated) as bilingual books: source, then translation.
for input in "$dir"/*.*.xlf; do
    name=$(basename "$input" .xlf)
    for fmt in xhtml:bilingual.html epub:bilingual.epub.txt; do
        to=${fmt%%:*}
        ext=${fmt#*:}
        [ "$to" != epub ] || [ $have_unzip = 1 ] || continue
        if ! SOURCE_DATE_EPOCH=1700000000 "$artx" --from xliff --bilingual -t "$to" -o "$tmp/out" \
            "$input" 2>"$tmp/err"; then
            bad "$name.$ext: artx exited non-zero: $(head -c 300 "$tmp/err")"
            continue
        fi
        [ "$to" != epub ] || epub_listing
        compare "$name.$ext"
    done
done
# The same translated files, and 1.2 ones (NAME.LANG.xlf12, OmegaT-style
# targets, some segments left as the prefilled copy or emptied), as TMX
# translation memories; no SOURCE_DATE_EPOCH, so no creationdate.
for input in "$dir"/*.*.xlf "$dir"/*.*.xlf12; do
    name=$(basename "$input")
    name=${name%.*}
    if ! env -u SOURCE_DATE_EPOCH "$artx" --from xliff -t tmx -o "$tmp/out" "$input" 2>"$tmp/err"; then
        bad "$name.tmx: artx exited non-zero: $(head -c 300 "$tmp/err")"
        continue
    fi
    compare "$name.tmx"
done
finish
