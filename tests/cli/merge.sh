#!/bin/sh
# merge.sh ARTX - the command line of a merge (artx --from xliff): which
# segments count as untranslated (a missing or empty target, or a copy of
# the source whose state says it was not translated), how the message
# names them, --strict making them an error; the merged article's language
# (the file's target language, else -T, else exit 2); and --from xliff or
# article on another kind of input, named by its root element.  The XLIFF
# files are extracted from samples/ by artx itself and edited here as a
# CAT tool would.  Run from the repository's top folder:
#   sh tests/cli/merge.sh build/artx
set -u
suite=cli-merge
. "$(dirname "$0")/../lib.sh"
artx=${1:-build/artx}
PYTHON=${PYTHON:-/usr/bin/python3}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
[ -x "$artx" ] || { bad "no artx binary at $artx"; finish; }
need "$PYTHON" python3 || finish

# edit IN OUT MODE: an XLIFF file as a CAT tool leaves it.
#   copy       2.0: every segment a target that copies its source (state as extracted)
#   confirm    2.0: as copy, every segment state="translated"
#   translate  every target's text changed (2.0: added, state as extracted;
#              1.2: each target mrk's text, state left at needs-translation, as
#              OmegaT leaves it)
#   all-but-p2.s1  as translate, but segment p2.s1 left a copy of its source
#   nostate    1.2: every target a copy of its source with no state
#   (1.2 with -p unit=sentence: translate and all-but-p2.s1 change the
#   target of each segment's trans-unit, never an x-artx-between one's)
edit() {
    "$PYTHON" - "$@" <<'PY'
import re, sys
src, dst, mode = sys.argv[1:4]
text = open(src, encoding="utf-8").read()

def seg20(m):
    seg_open, body = m.group(1), m.group(2)
    sid = re.search(r'id="([^"]*)"', seg_open).group(1)
    source = re.search(r"<source>(.*?)</source>", body, re.S).group(1)
    target = source
    if mode in ("translate", "all-but-p2.s1") and not (mode == "all-but-p2.s1" and sid == "p2.s1"):
        target = "FR " + source
    if mode == "confirm":
        seg_open = seg_open.replace('state="initial"', 'state="translated"')
    return "%s%s<target>%s</target></segment>" % (seg_open, body, target)

def mrk12(m):
    mid, content = m.group(1), m.group(2)
    if mode == "all-but-p2.s1" and mid == "p2.s1":
        return m.group(0)
    return '<mrk mtype="seg" mid="%s">FR %s</mrk>' % (mid, content)

if "urn:oasis:names:tc:xliff:document:2.0" in text:
    text = re.sub(r'(<segment [^>]*>)(.*?)</segment>', seg20, text, flags=re.S)
elif 'restype="x-artx-block"' in text:
    def unit(m):
        if "x-artx-between" in m.group(1) or (mode == "all-but-p2.s1" and 'id="p2.s1"' in m.group(1)):
            return m.group(0)
        return re.sub(r"(<target[^>]*>)", r"\1FR ", m.group(0))
    text = re.sub(r"(<trans-unit [^>]*>).*?</trans-unit>", unit, text, flags=re.S)
elif mode == "nostate":
    text = re.sub(r'<target state="needs-translation"', "<target", text)
else:
    def target(m):
        return re.sub(r'<mrk mtype="seg" mid="([^"]*)">(.*?)</mrk>', mrk12, m.group(0), flags=re.S)
    text = re.sub(r"<target[ >].*?</target>", target, text, flags=re.S)
open(dst, "w", encoding="utf-8").write(text)
PY
}

page=samples/daum-article.html
"$artx" -t xliff -T fr -o "$t/d20.xlf" "$page" &&
    "$artx" -t xliff12 -T fr -p prefill-target=yes -o "$t/d12.xlf" "$page" &&
    "$artx" -t xliff -o "$t/nolang20.xlf" "$page" &&
    "$artx" -t xliff12 -o "$t/nolang12.xlf" "$page" ||
    { bad "extract $page"; finish; }
for mode in copy confirm translate all-but-p2.s1; do
    edit "$t/d20.xlf" "$t/d20-$mode.xlf" $mode || bad "edit d20.xlf: $mode"
done
for mode in translate all-but-p2.s1 nostate; do
    edit "$t/d12.xlf" "$t/d12-$mode.xlf" $mode || bad "edit d12.xlf: $mode"
done
all16="16 segments untranslated: title.s1, f1.alt/seg1, f1.c.s1, f1.credit/seg1, p1.s1, p2.s1, p2.s2, p2.s3, p3.s1, p3.s2, p3.s3, p4.s1, p4.s2, p5.s1, p5.s2, p5.s3"

# --- 1, 2: untranslated segments, named; --strict fails on them ---------------
expect "2.0 without targets: warned, every segment named" 0 \
    "^artx: $t/d20.xlf: $all16\$" -- --from xliff -o "$t/o1.xml" "$t/d20.xlf"
expect "2.0 without targets, --strict: exit 1, the reason is --strict" 1 \
    "^artx: $t/d20.xlf: $all16 (--strict: " -- --strict --from xliff -o "$t/o2.xml" "$t/d20.xlf"
[ ! -e "$t/o2.xml" ] && ok "--strict failure: no output file" || bad "--strict failure: output left"
expect "2.0 copies in state initial: untranslated" 1 "^artx: $t/d20-copy.xlf: $all16 (--strict" \
    -- --strict --from xliff -o "$t/o3.xml" "$t/d20-copy.xlf"
expect "2.0 copies in state translated: translated" 0 "" \
    -- --strict --from xliff -o "$t/o4.xml" "$t/d20-confirm.xlf"
[ ! -s "$t/stderr" ] && ok "2.0 confirmed copies: nothing said" || bad "2.0 confirmed copies: $(head -c 300 "$t/stderr")"
expect "2.0 translated targets, state initial: translated" 0 "" \
    -- --strict --from xliff -o "$t/o5.xml" "$t/d20-translate.xlf"
grep -q '>FR ' "$t/o5.xml" && ok "2.0 translated targets merged" || bad "2.0 translated targets not in the article"
expect "2.0 one copy left: one segment named" 1 \
    "^artx: $t/d20-all-but-p2.s1.xlf: 1 segment untranslated: p2.s1 (--strict" \
    -- --strict --from xliff -o "$t/o6.xml" "$t/d20-all-but-p2.s1.xlf"
expect "2.0 one copy left, no --strict: a warning" 0 \
    "^artx: $t/d20-all-but-p2.s1.xlf: 1 segment untranslated: p2.s1\$" \
    -- --from xliff -o "$t/o7.xml" "$t/d20-all-but-p2.s1.xlf"
expect "-q: no warning" 0 "" -- -q --from xliff -o "$t/o8.xml" "$t/d20-all-but-p2.s1.xlf"
[ ! -s "$t/stderr" ] && ok "-q: stderr empty" || bad "-q: $(head -c 300 "$t/stderr")"

expect "1.2 prefilled, untouched: untranslated" 1 "^artx: $t/d12.xlf: $all16 (--strict" \
    -- --strict --from xliff -o "$t/o9.xml" "$t/d12.xlf"
expect "1.2 prefilled, translated (state still needs-translation, as OmegaT leaves it)" 0 "" \
    -- --strict --from xliff -o "$t/o10.xml" "$t/d12-translate.xlf"
expect "1.2 one prefilled copy left: named" 1 \
    "^artx: $t/d12-all-but-p2.s1.xlf: 1 segment untranslated: p2.s1 (--strict" \
    -- --strict --from xliff -o "$t/o11.xml" "$t/d12-all-but-p2.s1.xlf"
expect "1.2 copies with no state: translations (1.2 has no default state)" 0 "" \
    -- --strict --from xliff -o "$t/o12.xml" "$t/d12-nostate.xlf"

# 1.2 with a trans-unit per sentence (-p unit=sentence): the same segments
# untranslated, and the same article as the block layout once translated.
"$artx" -t xliff12 -T fr -p prefill-target=yes -p unit=sentence -o "$t/s12.xlf" "$page" &&
    "$artx" -t xliff12 -T fr -p unit=sentence -o "$t/s12-bare.xlf" "$page" || bad "extract unit=sentence"
for mode in translate all-but-p2.s1; do
    edit "$t/s12.xlf" "$t/s12-$mode.xlf" $mode || bad "edit s12.xlf: $mode"
done
expect "1.2 unit=sentence prefilled, untouched: untranslated" 1 "^artx: $t/s12.xlf: $all16 (--strict" \
    -- --strict --from xliff -o "$t/s1.xml" "$t/s12.xlf"
expect "1.2 unit=sentence without targets: untranslated" 1 "^artx: $t/s12-bare.xlf: $all16 (--strict" \
    -- --strict --from xliff -o "$t/s2.xml" "$t/s12-bare.xlf"
expect "1.2 unit=sentence translated" 0 "" -- --strict --from xliff -o "$t/s3.xml" "$t/s12-translate.xlf"
cmp -s "$t/s3.xml" "$t/o10.xml" && ok "1.2 unit=sentence translated: the block layout's article" ||
    bad "1.2 unit=sentence translated: not the block layout's article: $(diff "$t/o10.xml" "$t/s3.xml" | head -c 300)"
expect "1.2 unit=sentence, one prefilled copy left: named" 1 \
    "^artx: $t/s12-all-but-p2.s1.xlf: 1 segment untranslated: p2.s1 (--strict" \
    -- --strict --from xliff -o "$t/s4.xml" "$t/s12-all-but-p2.s1.xlf"
"$PYTHON" - "$t/s12-translate.xlf" "$t/s12-mixed.xlf" <<'PY' || bad "edit s12: mixed states"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text = text.replace('<trans-unit id="p2.s2"', '<trans-unit id="p2.s2" x="1"', 1)
text = re.sub(r'(<trans-unit id="p2.s2" x="1".*?<target) state="needs-translation"', r'\1 state="translated"', text, count=1, flags=re.S)
open(sys.argv[2], "w", encoding="utf-8").write(text.replace(' x="1"', ''))
PY
grep -q 'state="translated"' "$t/s12-mixed.xlf" || bad "edit s12: no target in state translated"
expect "1.2 unit=sentence, targets of one block in different states" 0 "" \
    -- --strict --from xliff -o "$t/s5.xml" "$t/s12-mixed.xlf"
cmp -s "$t/s5.xml" "$t/o10.xml" && ok "1.2 unit=sentence, mixed states: the same article" ||
    bad "1.2 unit=sentence, mixed states: a different article"
sed 's/ resname="[^"]*\.s[0-9]*"//' "$t/s12-translate.xlf" >"$t/s12-noname.xlf"
grep -q 'resname="p1.s1"' "$t/s12-noname.xlf" && bad "edit s12: resname left"
expect "1.2 unit=sentence, a tool dropped resname" 0 "" -- --strict --from xliff -o "$t/s6.xml" "$t/s12-noname.xlf"
cmp -s "$t/s6.xml" "$t/o10.xml" && ok "1.2 unit=sentence without resname: the same article" ||
    bad "1.2 unit=sentence without resname: a different article"

# More than 20: the first 20 named, then how many more.
"$PYTHON" - "$t/long.html" <<'PY'
import sys
paras = "".join("<p>Paragraph number %d has one sentence in it.</p>\n" % i for i in range(1, 26))
open(sys.argv[1], "w").write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    "<title>A long article</title></head><body><article><h1>A long article</h1>\n"
    + paras + "</article></body></html>\n")
PY
"$artx" -t xliff -T de -o "$t/long.xlf" "$t/long.html" || bad "extract long.html"
n=$(grep -c '<segment ' "$t/long.xlf")
expect "more than 20 untranslated: 20 named, the rest counted" 1 \
    "^artx: $t/long.xlf: $n segments untranslated: \([^,]*, \)\{19\}[^,]* and $((n - 20)) more (--strict" \
    -- --strict --from xliff -o "$t/o13.xml" "$t/long.xlf"

# --- 3: the merged article's language ----------------------------------------
lang_of() { sed -n 's/.*<article [^>]*xml:lang="\([^"]*\)".*/\1/p' "$1" | head -1; }
expect "2.0 merge" 0 "" -- -q --from xliff -o "$t/l1.xml" "$t/d20.xlf"
[ "$(lang_of "$t/l1.xml")" = fr ] && ok "2.0: xml:lang is trgLang" || bad "2.0: xml:lang $(lang_of "$t/l1.xml"), want fr"
expect "1.2 merge" 0 "" -- -q --from xliff -o "$t/l2.xml" "$t/d12.xlf"
[ "$(lang_of "$t/l2.xml")" = fr ] && ok "1.2: xml:lang is target-language" || bad "1.2: xml:lang $(lang_of "$t/l2.xml"), want fr"
expect "the file's target language wins over -T" 0 "" -- -q -T de --from xliff -o "$t/l3.xml" "$t/d20.xlf"
[ "$(lang_of "$t/l3.xml")" = fr ] && ok "-T does not relabel a file's target language" || bad "xml:lang $(lang_of "$t/l3.xml"), want fr"
for v in 20 12; do
    expect "no target language ($v), -T de" 0 "" -- -q -T de --from xliff -o "$t/l$v.xml" "$t/nolang$v.xlf"
    [ "$(lang_of "$t/l$v.xml")" = de ] && ok "no target language ($v): xml:lang from -T" ||
        bad "no target language ($v): xml:lang $(lang_of "$t/l$v.xml"), want de"
    expect "no target language ($v), no -T: usage error" 2 \
        "^artx: $t/nolang$v.xlf: the XLIFF names no target language: give it with -T LANG" \
        -- --from xliff -o "$t/n$v.xml" "$t/nolang$v.xlf"
    [ ! -e "$t/n$v.xml" ] && ok "no target language ($v): no output file" || bad "no target language ($v): output left"
done

# --- 4: --from on another kind of input ----------------------------------------
expect "--from xliff on an HTML page" 1 "^artx: $page: not an XLIFF file (root element html)\$" \
    -- --from xliff -o "$t/w1.xml" "$page"
printf '<!doctype html>\n<html lang=en><body><p>one<br>two</p></body></html>\n' >"$t/html5.html"
expect "--from xliff on HTML5 (lowercase doctype, <br>)" 1 \
    "^artx: $t/html5.html: not an XLIFF file (root element html)\$" -- --from xliff "$t/html5.html"
expect "--from article on an HTML page" 1 "^artx: $page: not an article file (root element html)\$" \
    -- --from article -o "$t/w2.xml" "$page"
expect "--from article on an XLIFF file" 1 \
    "not an article file (root element {urn:oasis:names:tc:xliff:document:2.0}xliff)" \
    -- --from article -o "$t/w3.xml" "$t/d20.xlf"
head -c 2000 "$t/d20.xlf" >"$t/truncated.xlf"
expect "--from xliff on a truncated XLIFF: the parser's reason" 1 \
    "^artx: $t/truncated.xlf: not well-formed XML: " -- --from xliff -o "$t/w4.xml" "$t/truncated.xlf"
[ ! -e "$t/w1.xml" ] && [ ! -e "$t/w2.xml" ] && [ ! -e "$t/w4.xml" ] &&
    ok "wrong kind of input: no output file" || bad "wrong kind of input: output left"
expect "XLIFF found without --from" 0 "" -- -q -o "$t/w5.xml" "$t/d20-translate.xlf"
grep -q '>FR ' "$t/w5.xml" && ok "auto-detected XLIFF is merged" || bad "auto-detected XLIFF: not merged"

finish
