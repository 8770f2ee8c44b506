#!/bin/sh
# book.sh ARTX - --book TITLE: the four samples as one EPUB (and, when
# $SHARED/corpus is there, a book of corpus pages in three languages) pass
# epubcheck with no error and no warning; the nav and the NCX list every
# article's title with its outlet and day, in input order; the package has
# dc:title TITLE, the languages of the articles (the first article's first),
# one spine item per article, dcterms:modified from SOURCE_DATE_EPOCH, a
# urn:uuid of the title and the articles, and the TDM reservation when one
# article reserves (and not when none does); each content document keeps its
# article's byline, rights and source as the single article's EPUB has them;
# two articles' images do not collide; the same inputs give the same bytes,
# -j 2 those of -j 1, -o - those of -o FILE; -t docbook (or -o FILE.dbk)
# makes a DocBook 5 book of the articles, valid against docbook5-xml's RELAX
# NG, its ids unique; --book with another format, an empty title,
# --bilingual or -o DIR is a usage error (exit 2, no output);
# a failing input writes no book (exit 1, the input named, an existing file
# left as it was).  The golden test holds the four samples' listing and
# package document (tests/golden/samples.book.epub.txt).  Run from the
# repository's top folder:
#   sh tests/cli/book.sh build/artx
set -u
suite=cli-book
. "$(dirname "$0")/../lib.sh"
artx=${1:-build/artx}
PYTHON=${PYTHON:-/usr/bin/python3}
epubcheck_jar=/usr/share/java/epubcheck.jar
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
[ -x "$artx" ] || { bad "no artx binary at $artx"; finish; }
need unzip unzip || finish
need "$PYTHON" python3 || finish
need lxml python3-lxml "$PYTHON -c 'import lxml'" || finish
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

set -- samples/daum-article.html samples/naver-article.html samples/web-article.html \
    samples/board-dump.txt
samples="$*"

# ---- the four samples ------------------------------------------------------------
expect "a book of the four samples" 0 "" -- -q --book "Four samples" -o "$t/four.epub" "$@"
unzip -tq "$t/four.epub" >/dev/null 2>&1 && ok "unzip -t" || bad "unzip -t $t/four.epub"
[ "$(unzip -Z1 "$t/four.epub" | head -1)" = mimetype ] && ok "mimetype first" || bad "mimetype not first"
for n in 1 2 3 4; do
    "$artx" -q -t article -o "$t/a$n.xml" "$1" || bad "the article of $1"
    "$artx" -q -t epub -o "$t/single$n.epub" "$1" || bad "the EPUB of $1"
    shift
done

# book_check EPUB N TITLE: the Python checks of a book of the articles
# $t/a1.xml ... $t/aN.xml (and their single EPUBs $t/singleK.epub, when
# there); each failed check is a line "FAIL what", each passed one "PASS what".
book_check() {
    "$PYTHON" - "$@" "$t" <<'PY'
import sys, zipfile
from lxml import etree
epub, n, title, t = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
NS = {"a": "urn:artx:article", "h": "http://www.w3.org/1999/xhtml",
      "o": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "n": "http://www.daisy.org/z3986/2005/ncx/"}
z = zipfile.ZipFile(epub)
part = lambda name: etree.fromstring(z.read(name))
opf, nav, ncx = part("EPUB/package.opf"), part("EPUB/nav.xhtml"), part("EPUB/toc.ncx")
arts = [etree.parse("%s/a%d.xml" % (t, k)) for k in range(1, n + 1)]
def check(what, got, want):
    print(("PASS %s" if got == want else "FAIL %s: %r, expected %r") % ((what,) if got == want else (what, got, want)))
def text(doc, path):
    return " ".join("".join(doc.xpath("string(%s)" % path, namespaces=NS)).split())
titles = [text(a, "/a:article/a:head/a:title") for a in arts]
check("OPF: dc:title", opf.xpath("string(//dc:title)", namespaces=NS), title)
check("OPF: one spine item per article, in input order",
      opf.xpath("//o:itemref/@idref", namespaces=NS), ["a%d" % k for k in range(1, n + 1)])
langs = []
for a in arts:
    lang = a.getroot().get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang not in langs:
        langs.append(lang)
check("OPF: the languages, the first article's first", opf.xpath("//dc:language/text()", namespaces=NS), langs)
check("OPF: xml:lang is the first article's", opf.get("{http://www.w3.org/XML/1998/namespace}lang"), langs[0])
check("OPF: dcterms:modified from SOURCE_DATE_EPOCH",
      opf.xpath("string(//o:meta[@property='dcterms:modified'])", namespaces=NS), "2023-11-14T22:13:20Z")
uid = opf.xpath("string(//dc:identifier)", namespaces=NS)
check("OPF: a urn:uuid", uid.startswith("urn:uuid:") and len(uid) == 45, True)
check("NCX: dtb:uid is the identifier", ncx.xpath("string(//n:meta[@name='dtb:uid']/@content)", namespaces=NS), uid)
reserves = any(a.xpath("/a:article/a:head/a:reservation", namespaces=NS) for a in arts)
check("OPF: tdm:reservation when an article reserves",
      opf.xpath("string(//o:meta[@property='tdm:reservation'])", namespaces=NS), "1" if reserves else "")
ids = opf.xpath("//o:item/@id", namespaces=NS)
check("OPF: manifest ids unique", len(ids), len(set(ids)))
hrefs = opf.xpath("//o:item/@href", namespaces=NS)
check("OPF: every manifest item is in the container", [h for h in hrefs if "EPUB/" + h not in z.namelist()], [])
entries = [" ".join(e.xpath("string(.)").split()) for e in nav.xpath("//h:nav/h:ol/h:li/h:a", namespaces=NS)]
check("nav: an entry per article", len(entries), n)
check("nav: every article's title, in input order",
      [e.startswith(ti) for e, ti in zip(entries, titles)], [True] * n)
labels = [" ".join(e.split()) for e in ncx.xpath("//n:navMap/n:navPoint/n:navLabel/n:text/text()", namespaces=NS)]
check("NCX: every article's title, in input order", [l.startswith(ti) for l, ti in zip(labels, titles)], [True] * n)
orders = [int(p) for p in ncx.xpath("//n:navPoint/@playOrder", namespaces=NS)]
check("NCX: playOrder 1, 2, ... in document order", orders, list(range(1, len(orders) + 1)))
for k, a in enumerate(arts, 1):
    pub = text(a, "/a:article/a:head/a:publisher")
    day = text(a, "/a:article/a:head/a:published")[:10]
    if pub or day:
        check("nav: article %d's outlet and day" % k, entries[k - 1],
              titles[k - 1] + " — " + ", ".join(x for x in (pub, day) if x))
    doc = part("EPUB/a%d.xhtml" % k)
    check("a%d.xhtml: the article's headline" % k, text(doc, "//h:h1"), titles[k - 1])
    single = "%s/single%d.epub" % (t, k)
    try:
        one = etree.fromstring(zipfile.ZipFile(single).read("EPUB/article.xhtml"))
    except (OSError, KeyError):
        continue
    for what in ("footer", "header"):
        got = [etree.tostring(e) for e in doc.xpath("//h:" + what, namespaces=NS)]
        want = [etree.tostring(e) for e in one.xpath("//h:" + what, namespaces=NS)]
        check("a%d.xhtml: the %s (byline; rights and source) of the single EPUB" % (k, what), got, want)
PY
}
# checks: the lines of book_check counted.
checks() {
    book_check "$@" >"$t/checks" 2>&1 || bad "book checks of $1: $(tail -3 "$t/checks")"
    while IFS= read -r line; do
        case $line in
        PASS*) ok "${line#PASS }" ;;
        FAIL*) bad "${line#FAIL }" ;;
        esac
    done <"$t/checks"
}
checks "$t/four.epub" 4 "Four samples"

# ---- the same bytes -----------------------------------------------------------
set -- $samples
"$artx" -q -j 1 --book "Four samples" -o "$t/j1.epub" "$@" &&
    "$artx" -q -j 2 --book "Four samples" -o "$t/j2.epub" "$@" || bad "-j 1, -j 2: exit $?"
cmp -s "$t/j1.epub" "$t/j2.epub" && ok "-j 2 gives the bytes of -j 1" || bad "-j 2 differs from -j 1"
cmp -s "$t/j1.epub" "$t/four.epub" && ok "the same inputs give the same bytes" ||
    bad "two runs with SOURCE_DATE_EPOCH differ"
"$artx" -q --book "Four samples" -t epub -o - "$@" >"$t/stdout.epub" &&
    cmp -s "$t/stdout.epub" "$t/four.epub" && ok "-o - gives the bytes of -o FILE" ||
    bad "-o - differs from -o FILE"
SOURCE_DATE_EPOCH=1800000000 "$artx" -q --book "Four samples" -o "$t/later.epub" "$@" &&
    ! cmp -s "$t/later.epub" "$t/four.epub" && ok "another SOURCE_DATE_EPOCH, other bytes" ||
    bad "SOURCE_DATE_EPOCH does not reach the book"
uid() { unzip -p "$1" EPUB/package.opf | sed -n 's/.*<dc:identifier id="uid">\(.*\)<.*/\1/p'; }
"$artx" -q --book "Another title" -o "$t/other.epub" "$@" &&
    [ "$(uid "$t/other.epub")" != "$(uid "$t/four.epub")" ] && ok "another title, another identifier" ||
    bad "the identifier does not follow the title"
"$artx" -q --book "Four samples" -o "$t/reordered.epub" samples/naver-article.html \
    samples/daum-article.html samples/web-article.html samples/board-dump.txt &&
    [ "$(uid "$t/reordered.epub")" != "$(uid "$t/four.epub")" ] && ok "another order, another identifier" ||
    bad "the identifier does not follow the order"
unzip -p "$t/reordered.epub" EPUB/a1.xhtml | grep -q '섬마을 초등학교' && ok "the order is the inputs'" ||
    bad "a1.xhtml of the reordered book is not the first input's"

# Two articles without a reservation: no TDM metadata.
"$artx" -q --book "Unreserved" -o "$t/free.epub" samples/naver-article.html samples/web-article.html ||
    bad "a book of naver-article and web-article"
unzip -p "$t/free.epub" EPUB/package.opf | grep -q tdm && bad "TDM metadata without a reservation" ||
    ok "no reservation, no TDM metadata"

# ---- images: the same figure id in two articles ----------------------------------
"$artx" -q --book "Photos" --images tests/epub -o "$t/images.epub" tests/epub/local-images.html \
    samples/web-article.html tests/epub/local-images.html || bad "a book with --images: exit $?"
[ "$(unzip -Z1 "$t/images.epub" | grep -c '^EPUB/images/')" = 2 ] &&
    unzip -Z1 "$t/images.epub" | grep -qx EPUB/images/a1-f1.png &&
    unzip -Z1 "$t/images.epub" | grep -qx EPUB/images/a3-f1.png &&
    ok "each article's image under a name of its own" ||
    bad "images: $(unzip -Z1 "$t/images.epub" | grep images/ | tr '\n' ' ')"
unzip -p "$t/images.epub" EPUB/a3.xhtml | grep -q 'src="images/a3-f1.png"' &&
    ok "a3.xhtml shows its own image" || bad "a3.xhtml does not point at images/a3-f1.png"

# ---- the corpus: pages in three languages -----------------------------------------
corpus=
if need_shared corpus; then
    # The first two pages of each language that convert.
    for lang in en ja ko; do
        m=0
        for page in "$SHARED"/corpus/$lang-*.html; do
            [ -f "$page" ] && "$artx" -q -t stats "$page" >/dev/null 2>&1 || continue
            corpus="$corpus $page"
            m=$((m + 1))
            [ $m -ge 2 ] && break
        done
    done
    set -- $corpus
    if [ $# -ge 4 ]; then
        ok "$# corpus pages"
        expect "a book of $# corpus pages" 0 "" -- -q -j 2 --book "Corpus" -o "$t/corpus.epub" "$@"
        k=0
        rm -f "$t"/single*.epub
        for page; do
            k=$((k + 1))
            "$artx" -q -t article -o "$t/a$k.xml" "$page" || bad "the article of $page"
            "$artx" -q -t epub -o "$t/single$k.epub" "$page" || bad "the EPUB of $page"
        done
        checks "$t/corpus.epub" $# "Corpus"
    else
        bad "fewer than 4 corpus pages convert: $corpus"
    fi
fi

# ---- epubcheck ---------------------------------------------------------------------
books="$t/four.epub $t/images.epub $t/free.epub"
[ -f "$t/corpus.epub" ] && books="$books $t/corpus.epub"
if need epubcheck epubcheck "command -v java && [ -f $epubcheck_jar ]"; then
    if command -v javac >/dev/null 2>&1; then
        # One JVM for them all (tests/epubcheck/EpubBatch.java).
        timeout 300 java -cp "$epubcheck_jar" tests/epubcheck/EpubBatch.java $books >"$t/epubcheck" 2>&1 &&
            ok "epubcheck: no errors or warnings in $(echo $books | wc -w) books" ||
            bad "epubcheck: $(grep -v '^$' "$t/epubcheck" | head -20 | tr '\n' ' ')"
    else
        for b in $books; do
            timeout 120 java -jar "$epubcheck_jar" "$b" >"$t/epubcheck" 2>&1
            grep -q 'No errors or warnings detected' "$t/epubcheck" && ok "epubcheck $(basename "$b")" ||
                bad "epubcheck $(basename "$b"): $(grep -e ERROR -e WARNING -e FATAL "$t/epubcheck" | head -5 | tr '\n' ' ')"
        done
    fi
fi

# ---- DocBook ---------------------------------------------------------------------
set -- $samples
docbook_rng=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
expect "a DocBook book of the four samples" 0 "" -- -q --book "Four samples" -o "$t/four.dbk" "$@"
"$artx" -q -j 1 --book "Four samples" -t docbook "$@" >"$t/j1.dbk" &&
    cmp -s "$t/j1.dbk" "$t/four.dbk" && ok "DocBook: -j 1 to standard output, the same bytes" ||
    bad "DocBook: -j 1 to standard output differs"
"$PYTHON" - "$t/four.dbk" "$@" <<'PY' >"$t/checks" 2>&1 || bad "DocBook checks: $(tail -3 "$t/checks")"
import sys
from lxml import etree
NS = {"d": "http://docbook.org/ns/docbook"}
book = etree.parse(sys.argv[1])
def check(what, got, want):
    print(("PASS %s" if got == want else "FAIL %s: %r, expected %r") % ((what,) if got == want else (what, got, want)))
check("DocBook: a book", book.getroot().tag, "{http://docbook.org/ns/docbook}book")
check("DocBook: its title", book.xpath("string(/d:book/d:info/d:title)", namespaces=NS), "Four samples")
arts = book.xpath("/d:book/d:article", namespaces=NS)
check("DocBook: an article per input", len(arts), len(sys.argv) - 2)
ids = book.xpath("//@xml:id")
check("DocBook: ids unique", len(ids), len(set(ids)))
for k, a in enumerate(arts, 1):
    title = " ".join(a.xpath("string(d:info/d:title)", namespaces=NS).split())
    check("DocBook: article %d's ids start a%d-" % (k, k),
          all(i.startswith("a%d-" % k) for i in a.xpath(".//@xml:id")), True)
    check("DocBook: article %d has its title" % k, bool(title), True)
PY
while IFS= read -r line; do
    case $line in PASS*) ok "${line#PASS }" ;; FAIL*) bad "${line#FAIL }" ;; esac
done <"$t/checks"
if need docbook5-xml docbook5-xml "test -f $docbook_rng" && need xmllint libxml2-utils; then
    xmllint --noout --relaxng "$docbook_rng" "$t/four.dbk" 2>"$t/err" && ok "DocBook: the book is valid" ||
        bad "DocBook: $(head -c 300 "$t/err")"
fi

# ---- usage errors ----------------------------------------------------------------
for to in article text xliff xliff12 xhtml stats; do
    expect "--book -t $to: exit 2" 2 "^artx: --book: a book is written as epub or docbook, not $to" \
        -- --book T -t $to -o "$t/u.$to" "$@"
    [ ! -e "$t/u.$to" ] && ok "--book -t $to: no output" || bad "--book -t $to: output written"
done
expect "--book, the format from -o book.html: exit 2" 2 "^artx: --book: .*not xhtml" \
    -- --book T -o "$t/u.html" "$@"
expect "--book without a format: exit 2" 2 "^artx: --book: .*not article" -- --book T "$@"
expect "--book '': exit 2" 2 "^artx: --book '': a book needs a title" -- --book '' -t epub -o "$t/u.epub" "$@"
expect "--book --bilingual: exit 2" 2 "^artx: --book: not with --bilingual" \
    -- --book T --bilingual -t epub -o "$t/u.epub" "$@"
expect "--book -o DIR/: exit 2" 2 "^artx: --book: -o $t/books/: a directory" \
    -- --book T -t epub -o "$t/books/" "$@"
[ ! -e "$t/books" ] && ok "--book -o DIR/: no folder made" || bad "--book -o DIR/: a folder was made"
mkdir "$t/dir"
expect "--book -o an existing folder: exit 2" 2 "a directory" -- --book T -t epub -o "$t/dir" "$@"
expect "--book without a title: exit 2" 2 "needs an argument" -- -t epub --book
[ ! -e "$t/u.epub" ] && ok "usage errors: no output" || bad "usage errors: output written"

# ---- a failing input ----------------------------------------------------------------
printf '<html><body></body></html>\n' >"$t/empty.html"
expect "a failing input: exit 1, named" 1 "^artx: $t/empty.html: " \
    -- --book T -o "$t/failed.epub" samples/web-article.html "$t/empty.html" samples/daum-article.html
grep -q "^artx: --book: not written: 1 of 3 inputs failed" "$t/stderr" && ok "a failing input: the book is not written" ||
    bad "a failing input: $(cat "$t/stderr")"
[ ! -e "$t/failed.epub" ] && [ -z "$(ls -A "$t" | grep '^\.artx-')" ] && ok "a failing input: no file, no temporary" ||
    bad "a failing input left $(ls -A "$t" | grep -e failed -e '^\.artx-')"
cp "$t/four.epub" "$t/kept.epub"
expect "a missing input: exit 1" 1 "^artx: $t/missing.html: " \
    -- --book T -o "$t/kept.epub" samples/web-article.html "$t/missing.html"
cmp -s "$t/kept.epub" "$t/four.epub" && ok "a failing input: the file there is kept" ||
    bad "a failing input changed the file at -o"
cp samples/web-article.html "$t/in.html"
expect "--book -o one of its inputs: exit 1" 1 "^artx: $t/in.html: refusing to overwrite the input" \
    -- --book T -t epub -o "$t/in.html" samples/daum-article.html "$t/in.html"
cmp -s "$t/in.html" samples/web-article.html && ok "the input is kept" || bad "the input was overwritten"

# ---- documented ---------------------------------------------------------------------
"$artx" --help | grep -q -- '--book TITLE' && ok "--help lists --book" || bad "--help lacks --book"
grep -q '^.BI .-.-book " TITLE"' artx.1 && ok "the man page has --book" || bad "artx.1 lacks --book"
grep -q -- '^| `--book TITLE`' README.md && ok "the README's options table has --book" ||
    bad "README.md's table lacks --book"
finish
