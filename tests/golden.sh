#!/bin/sh
# golden.sh ARTX [--update] - whole conversions of samples/ in every format
# against the reviewed outputs in tests/golden/ (an EPUB by its listing and
# package document), one XLIFF 1.2 with -p unit=sentence, the bilingual
# books and TMX translation memories of the translated XLIFF files there,
# and the books (--book, EPUB and DocBook) of the four samples.  With
# --update the outputs are
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
# XLIFF 1.2 with a trans-unit per sentence (prefilled, as translate-toolkit
# users would fill it in).
if SOURCE_DATE_EPOCH=1700000000 "$artx" -t xliff12 -T en -p unit=sentence -p prefill-target=yes \
    -o "$tmp/out" samples/web-article.html 2>"$tmp/err"; then
    compare web-article-sentences.xlf12
else
    bad "web-article-sentences.xlf12: artx exited non-zero: $(head -c 300 "$tmp/err")"
fi
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
# The four samples as one book (--book), in the order of samples/.
if SOURCE_DATE_EPOCH=1700000000 "$artx" -q --book "Samples" -t docbook -o "$tmp/out" \
    $(ls samples/* | grep -v '\.json$') 2>"$tmp/err"; then
    compare samples.book.dbk
else
    bad "samples.book.dbk: artx exited non-zero: $(head -c 300 "$tmp/err")"
fi
if [ $have_unzip = 1 ]; then
    if SOURCE_DATE_EPOCH=1700000000 "$artx" -q --book "Samples" -t epub -o "$tmp/out" \
        $(ls samples/* | grep -v '\.json$') 2>"$tmp/err"; then
        epub_listing
        compare samples.book.epub.txt
    else
        bad "samples.book.epub.txt: artx exited non-zero: $(head -c 300 "$tmp/err")"
    fi
fi
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
