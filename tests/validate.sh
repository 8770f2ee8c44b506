#!/bin/sh
# validate.sh ARTX - every page (samples/, $SHARED/corpus, $SHARED/corpus-web)
# converted to every output format, each checked by a real validator:
# XLIFF 2.0 and 1.2 (both layouts) by the OASIS schemas (plus tests/xliff_check.py for what
# they cannot see), DocBook by docbook5-xml's RNG, EPUB by epubcheck (0
# errors, 0 warnings) with the OCF rules on mimetype checked by unzip, and
# the standalone XHTML for well-formedness.
set -u
suite=validate
. "$(dirname "$0")/lib.sh"
artx=$1
python=${PYTHON:-/usr/bin/python3}
docbook_rng=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
epubcheck_jar=/usr/share/java/epubcheck.jar
x20=schemas/xliff2.0/xliff_2.0_with_modules.xsd
x12=schemas/xliff12/xliff-core-1.2-strict.xsd
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

need_shared corpus corpus-web
pages=$(ls samples/* "$SHARED"/corpus/* "$SHARED"/corpus-web/*/source.html 2>/dev/null | grep -v '\.json$')
[ -n "$pages" ] || { bad "no pages found"; finish; }

have_xmllint=0; need xmllint libxml2-utils && have_xmllint=1
have_schemas=0; need_shared $x20 $x12 && have_schemas=1
have_docbook=0; need docbook5-xml docbook5-xml "test -f $docbook_rng" && have_docbook=1
have_epubcheck=0; need epubcheck epubcheck "test -f $epubcheck_jar && command -v java" && have_epubcheck=1
have_jdk=0; [ $have_epubcheck = 1 ] && need javac default-jdk-headless && have_jdk=1
have_unzip=0; need unzip unzip && have_unzip=1
have_python=0; need "$python" python3 && have_python=1

export SOURCE_DATE_EPOCH=1700000000
n=0
for page in $pages; do
    n=$((n + 1))
    name=$(echo "$page" | sed 's|.*/corpus-web/||; s|/source.html$||; s|.*/||')
    for fmt in xliff xliff12 docbook epub xhtml; do
        out=$t/$n-$name.$fmt
        if ! "$artx" -t $fmt -T en -o "$out" "$page" 2>"$t/err"; then
            bad "$name: -t $fmt: $(head -c 300 "$t/err")"
            continue
        fi
        ok
        [ $have_xmllint = 1 ] || continue
        case $fmt in
        xliff) [ $have_schemas = 1 ] || continue
               xmllint --nonet --noout --schema "$SHARED/$x20" "$out" 2>"$t/err" && ok ||
                   bad "$name: XLIFF 2.0 invalid: $(head -c 400 "$t/err")" ;;
        xliff12) [ $have_schemas = 1 ] || continue
                 xmllint --nonet --noout --schema "$SHARED/$x12" "$out" 2>"$t/err" && ok ||
                   bad "$name: XLIFF 1.2 invalid: $(head -c 400 "$t/err")"
                 "$artx" -t xliff12 -T en -p prefill-target=yes -o "$out.prefill" "$page" &&
                   xmllint --nonet --noout --schema "$SHARED/$x12" "$out.prefill" 2>"$t/err" && ok ||
                   bad "$name: XLIFF 1.2 with prefilled targets invalid: $(head -c 400 "$t/err")"
                 "$artx" -t xliff12 -T en -p prefill-target=yes -p unit=sentence -o "$out.sentences" "$page" &&
                   xmllint --nonet --noout --schema "$SHARED/$x12" "$out.sentences" 2>"$t/err" && ok ||
                   bad "$name: XLIFF 1.2 with a trans-unit per sentence invalid: $(head -c 400 "$t/err")" ;;
        docbook) [ $have_docbook = 1 ] || continue
                 xmllint --nonet --noout --relaxng "$docbook_rng" "$out" 2>"$t/err" && ok ||
                   bad "$name: DocBook invalid: $(head -c 400 "$t/err")" ;;
        xhtml) xmllint --nonet --noout "$out" 2>"$t/err" && ok ||
                   bad "$name: XHTML not well-formed: $(head -c 400 "$t/err")" ;;
        esac
    done
done

# What the schemas cannot see: unique ids, resolvable references, merge data.
if [ $have_python = 0 ]; then
    :
elif "$python" tests/xliff_check.py "$t"/*.xliff "$t"/*.xliff12 "$t"/*.prefill >"$t/check" 2>&1; then
    ok
else
    bad "xliff_check: $(grep -v ' passed, 0 failed' "$t/check" | head -20)"
fi

# OCF: mimetype first, stored, no extra field, exact bytes; the archive tests
# clean with an independent reader.
if [ $have_unzip = 1 ]; then
    for e in "$t"/*.epub; do
        if unzip -tq "$e" >/dev/null 2>&1 && [ "$(unzip -Z1 "$e" | head -1)" = mimetype ] &&
            [ "$(unzip -p "$e" mimetype)" = "application/epub+zip" ] &&
            unzip -Zv "$e" mimetype | grep -q 'compression method: *none (stored)' &&
            unzip -Zv "$e" mimetype | grep -q 'length of extra field: *0 bytes'; then
            ok
        else
            bad "$(basename "$e"): OCF container rules"
        fi
    done
fi

# Reproducible: the same input and SOURCE_DATE_EPOCH give the same bytes.
for fmt in epub xliff xliff12 docbook; do
    "$artx" -t $fmt -T en -o "$t/r1" samples/board-dump.txt && "$artx" -t $fmt -T en -o "$t/r2" samples/board-dump.txt &&
        cmp -s "$t/r1" "$t/r2" && ok || bad "-t $fmt: two runs give different bytes"
done

# The seed's package metadata.
if [ -f "$SHARED/corpus/seed.txt" ] && [ $have_unzip = 1 ]; then
    "$artx" -t epub -o "$t/seed.epub" "$SHARED/corpus/seed.txt" && unzip -p "$t/seed.epub" EPUB/package.opf >"$t/seed.opf"
    for want in '<dc:title>오픈AI “한국 스타게이트 프로젝트 시동…이번주 삼성·SK 만나”</dc:title>' \
        '<dc:language>ko</dc:language>' '<dc:date>2025-12-04</dc:date>' \
        '<dc:creator id="creator1">선담은</dc:creator>' '<dc:publisher>한겨레</dc:publisher>' \
        '<dc:rights>Copyright © 한겨레신문사 All Rights Reserved. 무단 전재, 재배포, AI 학습 및 활용 금지</dc:rights>' \
        '<meta property="tdm:reservation">1</meta>'; do
        grep -qF "$want" "$t/seed.opf" && ok || bad "seed package lacks $want"
    done
fi

# A photo packaged from --images DIR (by the file name its URL ends with),
# and a file there that only pretends to be one; without --images, none.
if [ $have_unzip = 1 ]; then
    "$artx" -t epub --images tests/epub -o "$t/local-images.epub" tests/epub/local-images.html &&
        unzip -l "$t/local-images.epub" | grep -q 'EPUB/images/f1.png' &&
        ! unzip -l "$t/local-images.epub" | grep -q 'EPUB/images/f2' &&
        unzip -p "$t/local-images.epub" EPUB/package.opf | grep -q 'href="images/f1.png" media-type="image/png"' &&
        ok || bad "local images: packaging"
    "$artx" -t epub -o "$t/no-images.epub" tests/epub/local-images.html &&
        ! unzip -l "$t/no-images.epub" | grep -q 'EPUB/images/' &&
        ok || bad "local images: packaged without --images"
fi

# epubcheck over every EPUB made above, in one JVM.
if [ $have_jdk = 1 ]; then
    if java -cp "$epubcheck_jar" tests/epubcheck/EpubBatch.java "$t"/*.epub >"$t/epubcheck" 2>&1; then
        ok
    else
        bad "epubcheck: $(grep -v '^$' "$t/epubcheck" | head -30)"
    fi
    tail -1 "$t/epubcheck"
fi

finish
