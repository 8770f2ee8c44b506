#!/bin/sh
# tmx.sh ARTX - -t tmx on the command line: a usage error (exit 2, no
# output) with --from other than xliff or auto, on an input that turns out
# not to be XLIFF, with a parameter it does not read or a bad
# SOURCE_DATE_EPOCH; a file the merge refuses fails (exit 1).  From a page
# of our own (a paragraph with a link, strong and a line break, protected
# text, a translate="no" paragraph) extracted as XLIFF 2.0 and 1.2 and
# translated in part: one tu per translated segment, none for the segments
# left untranslated (no target, an empty one, the untouched prefilled copy)
# and none for the translate="no" unit; a target equal to its source whose
# state says translated is kept; protected text is its text between a bpt
# and an ept; codes are bpt/ept/ph with i paired in each seg and x the same in source and
# target; the props name the article (the EPUB's dc:identifier of the page),
# the unit and the segment; every TMX is valid against tests/tmx14.dtd; -o
# FILE.tmx names the format, -o DIR/ names the file, standard input goes to
# standard output with the same bytes; the same file gives the same bytes,
# and a creationdate only with SOURCE_DATE_EPOCH; -v describes the source
# article.  The golden test holds
# whole TMX files (tests/golden/*.tmx), tests/omegat.sh OmegaT reading one.
# Run from the repository's top folder:
#   sh tests/cli/tmx.sh build/artx
set -u
suite=cli-tmx
. "$(dirname "$0")/../lib.sh"
artx=${1:-build/artx}
PYTHON=${PYTHON:-/usr/bin/python3}
dtd=$(dirname "$0")/../tmx14.dtd
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
[ -x "$artx" ] || { bad "no artx binary at $artx"; finish; }
need "$PYTHON" python3 || finish
need xmllint libxml2-utils || finish
need unzip unzip || finish

cat >"$t/page.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>River ferry returns after repairs</title>
<meta property="article:published_time" content="2025-04-02T08:00:00+01:00">
</head>
<body>
<article>
<h1>River ferry returns after repairs</h1>
<p>The ferry between Eastbank and Millford runs again from Monday. Tickets cost the same as last year.</p>
<p>The timetable is on <a href="https://ferry.example.org/times">the operator's site</a>, and <strong>bicycles travel free</strong> and<br>dogs are welcome.</p>
<p>Questions go to <span class="notranslate">Harbour Desk 7</span> by phone. Replies come within a day.</p>
<p translate="no">FERRY-2025-04</p>
<p>Kim Lee.</p>
</article>
</body>
</html>
EOF
"$artx" -t xliff -T de -o "$t/p.xlf" "$t/page.html" 2>"$t/err" &&
    "$artx" -t xliff12 -T de -p prefill-target=yes -o "$t/p12.xlf" "$t/page.html" 2>>"$t/err" ||
    { bad "extract the page: $(head -c 300 "$t/err")"; finish; }

# Translate as a CAT tool would: every segment's text gets "DE " in front
# (codes and protected text kept), except p1.s2 (2.0: no target; 1.2: the
# prefilled copy left), p3.s2 (an empty target) and p5.s1 (the name, kept
# as it is but marked translated: a translation).
"$PYTHON" - "$t/p.xlf" "$t/p.de.xlf" "$t/p12.xlf" "$t/p12.de.xlf" <<'PY' || bad "translate the XLIFF files"
import copy, sys
from lxml import etree
X2 = "urn:oasis:names:tc:xliff:document:2.0"
X1 = "urn:oasis:names:tc:xliff:document:1.2"
def prefix(el):
    el.text = "DE " + (el.text or "")
doc = etree.parse(sys.argv[1])
for seg in doc.iter("{%s}segment" % X2):
    sid = seg.get("id")
    if sid == "p1.s2":
        continue
    tgt = copy.deepcopy(seg.find("{%s}source" % X2))
    tgt.tag = "{%s}target" % X2
    if sid == "p3.s2":
        for k in list(tgt):
            tgt.remove(k)
        tgt.text = ""
    elif sid != "p5.s1":
        prefix(tgt)
    seg.append(tgt)
    seg.set("state", "translated")
doc.write(sys.argv[2], xml_declaration=True, encoding="UTF-8")
doc = etree.parse(sys.argv[3])
for m in doc.iter("{%s}mrk" % X1):
    if m.get("mtype") != "seg" or m.getparent().tag != "{%s}target" % X1:
        continue
    mid = m.get("mid")
    if mid == "p3.s2":
        for k in list(m):
            m.remove(k)
        m.text = ""
    elif mid == "p5.s1":
        m.getparent().set("state", "translated")
    elif mid != "p1.s2":
        prefix(m)
doc.write(sys.argv[4], xml_declaration=True, encoding="UTF-8")
PY

# ---- usage errors and refusals ------------------------------------------------
for from in html dump article; do
    expect "-t tmx --from $from: exit 2" 2 \
        "^artx: -t tmx needs a translated XLIFF: --from xliff, or no --from\$" \
        -- --from $from -t tmx "$t/page.html"
done
expect "-t tmx on a page: exit 2, named by its root element" 2 \
    "^artx: $t/page.html: -t tmx needs a translated XLIFF, not this input (root element html)\$" \
    -- -t tmx -o "$t/u.tmx" "$t/page.html"
[ ! -e "$t/u.tmx" ] && ok "-t tmx on a page: no output" || bad "-t tmx on a page: output written"
"$artx" -o "$t/page.xml" "$t/page.html" || bad "the article of the page"
expect "-t tmx on article XML: exit 2" 2 "not this input (root element article)" \
    -- -t tmx "$t/page.xml"
expect "-t tmx -p prefill-target: exit 2" 2 "^artx: -p prefill-target: not read by -t tmx" \
    -- -t tmx -p prefill-target=yes "$t/p.de.xlf"
SOURCE_DATE_EPOCH=soon expect "-t tmx, SOURCE_DATE_EPOCH=soon: exit 2" 2 \
    "SOURCE_DATE_EPOCH=soon: not a number" -- -t tmx "$t/p.de.xlf"
sed 's/ trgLang="de"//' "$t/p.de.xlf" >"$t/nolang.xlf"
expect "-t tmx, no target language: exit 2" 2 "names no target language" -- -t tmx "$t/nolang.xlf"
expect "-t tmx -T de, no target language in the file: exit 0" 0 "" -- -t tmx -T de "$t/nolang.xlf"
sed 's/<pc id="1"/<pc id="9"/' "$t/p.de.xlf" >"$t/lost.xlf"
expect "-t tmx, a target with a code the source lacks: exit 1" 1 "is not in the source of this segment" \
    -- -t tmx -o "$t/u.tmx" "$t/lost.xlf"
[ ! -e "$t/u.tmx" ] && ok "a refused file: no output" || bad "a refused file: output written"
expect "-t tmx --strict with untranslated segments: exit 1" 1 \
    "untranslated: p1.s2, p3.s2 (--strict" -- -t tmx --strict "$t/p.de.xlf"

# ---- the TMX of each version -------------------------------------------------------
# facts FILE: one line per tu, "UNIT SEGMENT | SOURCE SEG | TARGET SEG" with
# the segs' markup as written; then the header's attributes.
cat >"$t/facts.py" <<'PY'
import sys
from lxml import etree
d = etree.parse(sys.argv[1])
h = d.find("header")
print("header " + " ".join("%s=%s" % kv for kv in sorted(h.attrib.items())))
for tu in d.iter("tu"):
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    segs = []
    for tuv in tu.findall("tuv"):
        seg = tuv.find("seg")
        inner = (seg.text or "") + "".join(etree.tostring(k, encoding="unicode") for k in seg)
        segs.append(tuv.get("{http://www.w3.org/XML/1998/namespace}lang") + ":" + inner)
    print("%s %s %s | %s" % (props.get("x-artx-article"), props.get("x-artx-unit"),
                             props.get("x-artx-segment"), " | ".join(segs)))
PY
"$artx" -t epub -o "$t/page.epub" "$t/page.html" &&
    uid=$(unzip -p "$t/page.epub" EPUB/package.opf | sed -n 's/.*<dc:identifier id="uid">\(.*\)<\/dc:identifier>.*/\1/p')
[ -n "${uid:-}" ] || bad "no dc:identifier in the page's EPUB"
version=$("$artx" --version | sed -n '1s/.* \([0-9][0-9.]*\).*/\1/p')

for v in 2.0:p.de.xlf 1.2:p12.de.xlf; do
    ver=${v%%:*}
    in=$t/${v#*:}
    if "$artx" --from xliff -t tmx -o "$t/out.tmx" "$in" 2>"$t/err"; then
        ok "XLIFF $ver: -t tmx exits 0"
    else
        bad "XLIFF $ver: -t tmx: $(head -c 300 "$t/err")"
        continue
    fi
    grep -q "segments untranslated: p1.s2, p3.s2 (left out of the TMX)" "$t/err" &&
        ok "XLIFF $ver: the untranslated segments named as left out" ||
        bad "XLIFF $ver: stderr: $(head -c 300 "$t/err")"
    xmllint --noout --dtdvalid "$dtd" "$t/out.tmx" 2>"$t/err" &&
        ok "XLIFF $ver: valid against tests/tmx14.dtd" ||
        bad "XLIFF $ver: not valid against tests/tmx14.dtd: $(head -c 300 "$t/err")"
    "$PYTHON" "$t/facts.py" "$t/out.tmx" >"$t/facts" 2>"$t/err" || bad "XLIFF $ver: facts: $(head -c 300 "$t/err")"
    head -1 "$t/facts" | grep -qx "header adminlang=en creationtool=artx creationtoolversion=$version datatype=xml o-tmf=artx segtype=sentence srclang=en" &&
        ok "XLIFF $ver: the header (no creationdate)" || bad "XLIFF $ver: header: $(head -1 "$t/facts")"
    units=$(sed 1d "$t/facts" | cut -d' ' -f3 | tr '\n' ' ')
    [ "$units" = "title.s1 p1.s1 p2.s1 p3.s1 p5.s1 " ] &&
        ok "XLIFF $ver: a tu for each translated segment, none for p1.s2, p3.s2, p4 (translate=no)" ||
        bad "XLIFF $ver: the tu are for: $units"
    [ "$(sed 1d "$t/facts" | cut -d' ' -f1 | sort -u)" = "$uid" ] &&
        ok "XLIFF $ver: x-artx-article is the page's EPUB dc:identifier" ||
        bad "XLIFF $ver: x-artx-article: $(sed 1d "$t/facts" | cut -d' ' -f1 | sort -u | tr '\n' ' ') (want $uid)"
    grep -q '^[^ ]* p5 p5.s1 | en:Kim Lee. | de:Kim Lee.$' "$t/facts" &&
        ok "XLIFF $ver: a target equal to its source, marked translated, is kept" ||
        bad "XLIFF $ver: p5.s1: $(grep ' p5 ' "$t/facts")"
    prot='<bpt i="1" x="1" type="x-protected">[^<]*</bpt>Harbour Desk 7<ept i="1">[^<]*</ept>'
    grep -q "^[^ ]* p3 p3.s1 | en:Questions go to $prot by phone. | de:DE Questions go to $prot by phone.\$" "$t/facts" &&
        ok "XLIFF $ver: protected text between a bpt and an ept" ||
        bad "XLIFF $ver: p3.s1: $(grep ' p3 ' "$t/facts")"
    # p2.s1: a link, strong, and a ph where the br was.
    line=$(grep ' p2 p2.s1 ' "$t/facts")
    src=${line#* | }
    src=${src%% | *}
    tgt=${line##* | }
    case $src in
    *'<bpt i="1" x="1">'*'</bpt>the operator'"'"'s site<ept i="1">'*'</ept>, and <bpt i="2" x="2">'*'</bpt>bicycles travel free<ept i="2">'*'</ept> and<ph x="3">'*'</ph>dogs are welcome.') ok "XLIFF $ver: codes as bpt/ept, i paired" ;;
    *) bad "XLIFF $ver: p2.s1 source: $src" ;;
    esac
    [ "$(echo "$src" | sed 's/[^<]*\(<[a-z]* [^>]*>\)[^<]*/\1 /g' | tr -s ' ')" = \
      "$(echo "$tgt" | sed 's/^de:DE /en:/; s/[^<]*\(<[a-z]* [^>]*>\)[^<]*/\1 /g' | tr -s ' ')" ] &&
        ok "XLIFF $ver: the target has the source's codes, the same i and x" ||
        bad "XLIFF $ver: codes differ: $src ~ $tgt"
    # The same bytes again, from standard input to standard output too.
    "$artx" -t tmx <"$in" >"$t/again.tmx" 2>/dev/null
    cmp -s "$t/out.tmx" "$t/again.tmx" && ok "XLIFF $ver: standard input to standard output, the same bytes" ||
        bad "XLIFF $ver: stdin to stdout differs from -o"
    SOURCE_DATE_EPOCH=1700000000 "$artx" -t tmx -o "$t/dated.tmx" "$in" 2>/dev/null
    grep -q '<header [^>]*creationdate="20231114T221320Z"' "$t/dated.tmx" &&
        xmllint --noout --dtdvalid "$dtd" "$t/dated.tmx" 2>/dev/null &&
        ok "XLIFF $ver: SOURCE_DATE_EPOCH gives creationdate 20231114T221320Z" ||
        bad "XLIFF $ver: SOURCE_DATE_EPOCH: $(grep '<header' "$t/dated.tmx")"
done

expect "-v -t tmx describes the source article" 0 \
    'xliff 2.0, encoding UTF-8, [0-9]* units merged, language en, title "River ferry returns after repairs"' \
    -- -v -t tmx -o "$t/v.tmx" "$t/p.de.xlf"

# ---- the format from -o, and a directory ------------------------------------------
expect "-o FILE.tmx names the format" 0 "" -- -o "$t/named.tmx" "$t/p.de.xlf"
"$artx" -t tmx "$t/p.de.xlf" 2>/dev/null | cmp -s - "$t/named.tmx" &&
    ok "-o FILE.tmx: the TMX" || bad "-o FILE.tmx: $(head -c 200 "$t/named.tmx")"
mkdir "$t/dir"
expect "-t tmx -o DIR/ with two files" 0 "" -- -t tmx -o "$t/dir/" "$t/p.de.xlf" "$t/p12.de.xlf"
[ -s "$t/dir/p.de.tmx" ] && [ -s "$t/dir/p12.de.tmx" ] && ok "-o DIR/: NAME.tmx for each input" ||
    bad "-o DIR/: $(ls "$t/dir" | tr '\n' ' ')"
finish
