#!/bin/sh
# bilingual.sh ARTX - --bilingual on the command line: a usage error (exit
# 2, no output) with a format other than xhtml and epub, with --from other
# than xliff or auto, and on an input that turns out not to be XLIFF; from
# a translated XLIFF 1.2 (a sample extracted with prefill-target=yes, its
# headline and two paragraphs translated), an XHTML page and an EPUB that hold each block
# in the source language then the translation, untranslated blocks once in
# the source language, both languages in the package (the translation's
# first), the rights and the TDM reservation of the monolingual book; and
# xsltproc with the parameter source-article writes the same page.  The
# golden test holds a whole bilingual page (tests/golden/*.bilingual.html),
# the round trip test has epubcheck pass every sample's and corpus page's
# bilingual book.  Run from the repository's top folder:
#   sh tests/cli/bilingual.sh build/artx
set -u
suite=cli-bilingual
. "$(dirname "$0")/../lib.sh"
artx=${1:-build/artx}
PYTHON=${PYTHON:-/usr/bin/python3}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
[ -x "$artx" ] || { bad "no artx binary at $artx"; finish; }
need "$PYTHON" python3 || finish
need unzip unzip || finish

page=samples/board-dump.txt
"$artx" -t xliff12 -T en -p prefill-target=yes -o "$t/b.xlf" "$page" || { bad "extract $page"; finish; }
# The headline, p1 and p2 translated as OmegaT writes a translation (the
# state left);
# every other target still the prefilled copy of its source.
"$PYTHON" - "$t/b.xlf" "$t/b.en.xlf" <<'PY' || bad "translate the headline, p1, p2"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def unit(m):
    return re.sub(r'(<target[^>]*>.*?</target>)',
                  lambda t: re.sub(r'(<mrk mtype="seg" mid="[^"]*">)', r'\1EN ', t.group(1)),
                  m.group(0), flags=re.S)
text, n = re.subn(r'<trans-unit id="(title|p1|p2)".*?</trans-unit>', unit, text, flags=re.S)
assert n == 3, n
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY

# ---- usage errors --------------------------------------------------------------
for to in article text xliff xliff12 docbook stats; do
    expect "--bilingual -t $to: exit 2" 2 "^artx: --bilingual writes xhtml or epub, not $to\$" \
        -- --bilingual --from xliff -t $to -o "$t/u.$to" "$t/b.en.xlf"
    [ ! -e "$t/u.$to" ] && ok "--bilingual -t $to: no output" || bad "--bilingual -t $to: output written"
done
expect "--bilingual, the format from -o page.dbk: exit 2" 2 "not docbook" \
    -- --bilingual -o "$t/u.dbk" "$t/b.en.xlf"
for from in html dump article; do
    expect "--bilingual --from $from: exit 2" 2 \
        "^artx: --bilingual needs a translated XLIFF: --from xliff, or no --from" \
        -- --bilingual --from $from -t xhtml "$page"
done
expect "--bilingual on a page: exit 2, named by its root element" 2 \
    "^artx: $page: --bilingual needs a translated XLIFF, not this input (root element html)\$" \
    -- --bilingual -t epub -o "$t/u.epub" "$page"
[ ! -e "$t/u.epub" ] && ok "--bilingual on a page: no output" || bad "--bilingual on a page: output written"
"$artx" -t article -o "$t/b.xml" "$page" || bad "the article of $page"
expect "--bilingual on article XML: exit 2" 2 "root element article" \
    -- --bilingual -t xhtml "$t/b.xml"
# The input is read only when the options hold: -t text is refused first.
expect "--bilingual -t text, no input read" 2 "not text" -- --bilingual -t text /nonexistent.xlf

# ---- XHTML ------------------------------------------------------------------
expect "--bilingual -t xhtml" 0 "segments untranslated" \
    -- --bilingual -t xhtml -o "$t/b.html" "$t/b.en.xlf"
expect "--bilingual --from xliff, format from -o .epub" 0 "" \
    -- -q --bilingual --from xliff -o "$t/b.epub" "$t/b.en.xlf"
"$artx" --from xliff -q -t epub -o "$t/mono.epub" "$t/b.en.xlf" || bad "the monolingual EPUB"

# xp FILE XPATH: the XPath 1.0 value (string, number or node count) in FILE.
xp() {
    "$PYTHON" - "$@" <<'PY'
import sys
from lxml import etree
doc = etree.parse(sys.argv[1])
ns = {"h": "http://www.w3.org/1999/xhtml", "o": "http://www.idpf.org/2007/opf",
      "dc": "http://purl.org/dc/elements/1.1/"}
r = doc.xpath(sys.argv[2], namespaces=ns)
print(r if not isinstance(r, float) else int(r))
PY
}
# check NAME FILE XPATH EXPECTED
check() {
    got=$(xp "$2" "$3" 2>&1)
    [ "$got" = "$4" ] && ok "$1" || bad "$1: $3 is '$got', expected '$4'"
}
need_lxml=0; need lxml python3-lxml "$PYTHON -c 'import lxml'" && need_lxml=1
if [ $need_lxml = 1 ]; then
    h=$t/b.html
    check "the page is in English" "$h" "string(/h:html/@lang)" en
    check "the headline: Korean, then English" "$h" \
        "concat(//h:h1/h:span[1]/@lang, ' ', //h:h1/h:span[2]/@xml:lang, ' ', starts-with(//h:h1/h:span[2], 'EN '))" \
        "ko en true"
    check "p1: the Korean paragraph first, without the id" "$h" \
        "concat(//h:p[@id='p1']/preceding-sibling::*[1][self::h:p][@class='source']/@lang, ' ', //h:p[@id='p1']/@lang)" \
        "ko en"
    check "p1's translation is the target" "$h" "starts-with(//h:p[@id='p1'], 'EN ')" True
    check "p3 untranslated: once, in Korean" "$h" \
        "concat(//h:p[@id='p3']/@lang, ' ', count(//h:p[@id='p3']/preceding-sibling::*[1][@class='source']))" \
        "ko 0"
    check "every text block has a language" "$h" \
        "count(//h:article//h:p[not(ancestor-or-self::*[@lang])] | //h:figcaption[not(.//*[@lang])])" 0
    check "untranslated captions and credits once, in Korean" "$h" \
        "concat(count(//h:figcaption//*[@class='source']), ' ', count(//h:figcaption//*[@lang='ko']))" \
        "0 $(xp "$h" "count(//h:figcaption) + count(//h:figcaption/h:span[@class='credit'])")"
    check "the rights once" "$h" "count(//h:p[@class='rights'][contains(., '무단 전재')])" 1
    check "the TDM reservation" "$h" "string(//h:meta[@name='tdm-reservation']/@content)" 1

    unzip -p "$t/b.epub" EPUB/package.opf >"$t/b.opf" && unzip -p "$t/mono.epub" EPUB/package.opf >"$t/mono.opf" ||
        bad "the package documents"
    check "OPF: English first, then Korean" "$t/b.opf" \
        "concat(//dc:language[1], ' ', //dc:language[2], ' ', count(//dc:language))" "en ko 2"
    check "OPF: the rights of the monolingual book" "$t/b.opf" "string(//dc:rights)" \
        "$(xp "$t/mono.opf" "string(//dc:rights)")"
    check "OPF: the TDM reservation" "$t/b.opf" \
        "concat(//o:meta[@property='tdm:reservation'], ' ', /o:package/@prefix)" \
        "1 tdm: http://www.w3.org/ns/tdmrep#"
    check "OPF: not the monolingual book's identifier" "$t/b.opf" \
        "//dc:identifier != '$(xp "$t/mono.opf" "string(//dc:identifier)")'" True
    unzip -p "$t/b.epub" EPUB/article.xhtml >"$t/b.xhtml" || bad "the content document"
    check "EPUB content: p1 in both languages" "$t/b.xhtml" \
        "count(//h:p[@id='p1'] | //h:p[@id='p1']/preceding-sibling::*[1][@lang='ko'])" 2
fi

# ---- the same page from xsltproc, the source article given as a path ----------
# With artx's libxslt module (built beside the binary), as the page's
# inline style comes from its artx:resource().
if need xsltproc xsltproc; then
    "$artx" -q --from xliff -t article -o "$t/b.en.xml" "$t/b.en.xlf" &&
        plugin_host "$(dirname "$artx")/plugin" xsltproc --stringparam source-article "$t/b.xml" xslt/article-to-xhtml.xsl "$t/b.en.xml" \
            >"$t/x.html" && cmp -s "$t/x.html" "$t/b.html" &&
        ok "xsltproc --stringparam source-article gives the bytes of --bilingual" ||
        bad "xsltproc with source-article differs from artx --bilingual"
fi
finish
