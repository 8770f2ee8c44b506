#!/bin/sh
# badinput.sh ARTX - the command-line contract on bad input: a clear
# "artx: FILE: reason" on stderr, exit 1 (2 for usage), no output file left
# behind, the input untouched, and the other inputs still converted.
set -u
suite=badinput
. "$(dirname "$0")/lib.sh"
artx=$1
PYTHON=${PYTHON:-/usr/bin/python3}
t=$(mktemp -d)
trap 'chmod -R u+w "$t"; rm -rf "$t"' EXIT

good=samples/board-dump.txt
: >"$t/empty.html"
printf 'PK\003\004\000\000\001\002binary\000\377\376' >"$t/binary.html"
printf '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>' >"$t/noarticle.html"
printf '<article xmlns="urn:artx:article"><head>' >"$t/broken.xml"
# A section front (links only), a one-word page; and a one-sentence article, which passes.
printf '<html><body><div><a href="https://news.example/1">Storm hits the coast overnight</a><br><a href="https://news.example/2">Markets close higher on Friday</a></div></body></html>' >"$t/front.html"
printf '<html><body><p>안녕하세요</p></body></html>' >"$t/word.html"
printf '<html><body><article><p>서울시는 내일부터 버스 요금을 올린다.</p></article></body></html>' >"$t/sentence.html"
printf '<html><body><p>%s</p></body></html>' "$(printf 'x%.0s' $(seq 1 50))" >"$t/short.html"

expect "empty input" 1 "artx: $t/empty.html: empty input" -- -o "$t/empty.xml" "$t/empty.html"
[ -e "$t/empty.xml" ] && bad "empty input: output file left behind" || ok "empty input: no output file"
expect "binary input" 1 "artx: $t/binary.html: binary data" -- -o "$t/binary.xml" "$t/binary.html"
[ -e "$t/binary.xml" ] && bad "binary input: output file left behind" || ok "binary input: no output file"
expect "page with no article" 1 "artx: $t/noarticle.html: no article found" -- -o "$t/na.xml" "$t/noarticle.html"
expect "a page of links" 1 "artx: $t/front.html: no article found" -- -o "$t/front.xml" "$t/front.html"
expect "a one-word page" 1 "artx: $t/word.html: no article found" -- -o "$t/word.xml" "$t/word.html"
expect "a one-sentence article" 0 "" -- -o "$t/sentence.xml" "$t/sentence.html"
[ -e "$t/na.xml" ] && bad "no article: output file left behind" || ok "no article: no output file"
expect "missing file" 1 "artx: $t/missing.html: No such file or directory" -- "$t/missing.html"
expect "broken article XML" 1 "artx: $t/broken.xml: not well-formed XML" -- --from article "$t/broken.xml"
expect "html as article" 1 "artx: $t/noarticle.html: not an article file (root element html)" -- --from article "$t/noarticle.html"
expect "unknown option" 2 "Try 'artx --help'" -- --no-such-option
expect "unknown format" 2 "-t pdf: unknown format (article, text, xliff, xliff12, docbook, xhtml, epub, stats, tmx)" -- -t pdf "$good"
expect "unknown input format" 2 "--from doc: unknown input format (auto, html" -- --from doc "$good"
expect "several inputs need -o" 2 "several inputs need -o DIR" -- "$good" "$good"
expect "help" 0 "" -- --help
grep -q '^Usage: artx' "$t/stdout" && ok "help text on stdout" || bad "help text missing"
expect "version" 0 "" -- --version
grep -q '^artx [0-9]' "$t/stdout" && ok "version on stdout" || bad "version text missing"

# One bad input among good ones: the good ones are converted, exit 1.
mkdir "$t/out"
expect "mixed inputs" 1 "artx: $t/empty.html: empty input" -- -o "$t/out" "$good" "$t/empty.html" samples/naver-article.html
if [ -s "$t/out/board-dump.xml" ] && [ -s "$t/out/naver-article.xml" ] && [ ! -e "$t/out/empty.xml" ]; then
    ok "mixed inputs: good outputs written, bad one not"
else
    bad "mixed inputs: outputs are $(ls "$t/out" | tr '\n' ' ')"
fi

# Unwritable target folder (root ignores permissions, so a folder that is
# a plain file stands in for it there): exit 1, nothing left behind.
mkdir "$t/ro"
chmod a-w "$t/ro"
if [ "$(id -u)" -ne 0 ]; then
    expect "unwritable output" 1 "cannot write $t/ro/a.xml" -- -o "$t/ro/a.xml" "$good"
else
    : >"$t/ro-file"
    expect "unwritable output" 1 "cannot write $t/ro-file/a.xml" -- -o "$t/ro-file/a.xml" "$good"
fi
[ -z "$(ls -A "$t/ro")" ] && ok "unwritable output: no stray file" || bad "unwritable output: stray files"
# A target inside a missing folder.
expect "output in missing folder" 1 "cannot write $t/nodir/a.xml" -- -o "$t/nodir/a.xml" "$good"

# A full disk, played by a file size limit: exit 1, no partial file.
(ulimit -f 1 && exec "$artx" -o "$t/full.xml" samples/naver-article.html) 2>"$t/stderr"
st=$?
[ $st -eq 1 ] && grep -q "cannot write $t/full.xml" "$t/stderr" && ok "full disk: clear error" ||
    bad "full disk: exit $st, $(head -c 200 "$t/stderr")"
[ ! -e "$t/full.xml" ] && ok "full disk: no partial file" || bad "full disk: partial file left"

# The input is never overwritten.
cp "$good" "$t/in.txt"
expect "output is the input" 1 "refusing to overwrite the input" -- -o "$t/in.txt" "$t/in.txt"
cmp -s "$good" "$t/in.txt" && ok "input untouched" || bad "input was modified"

# Outputs: only files are replaced.  A device or FIFO is written in place,
# a link is followed (and stays a link), anything else is refused.
want_text=$("$artx" -t text "$good")
# A device of the test's own, never /dev/null: an artx that gets this
# wrong must not break the machine it runs on.
if [ "$(id -u)" = 0 ] && mknod "$t/null" c 1 3 2>/dev/null; then
    expect "-o a character device" 0 "" -- -o "$t/null" "$good"
    [ -c "$t/null" ] && ok "-o a character device: still a device" ||
        bad "-o a character device: replaced by $(ls -l "$t/null")"
else
    ok "-o a character device: not root (or no mknod), nothing to replace"
fi
mkfifo "$t/fifo"
timeout 20 cat "$t/fifo" >"$t/fifo.out" &
reader=$!
expect "-o FIFO" 0 "" -- -t text -o "$t/fifo" "$good"
wait $reader
[ -p "$t/fifo" ] && [ "$(cat "$t/fifo.out")" = "$want_text" ] && ok "-o FIFO: written through, still a FIFO" ||
    bad "-o FIFO: $(ls -l "$t/fifo")"
echo old >"$t/real.txt"
ln -s real.txt "$t/link.txt"
expect "-o a symbolic link" 0 "" -- -t text -o "$t/link.txt" "$good"
[ -L "$t/link.txt" ] && [ "$(cat "$t/real.txt")" = "$want_text" ] &&
    ok "-o a symbolic link: the file it names is replaced, the link stays" ||
    bad "-o a symbolic link: $(ls -l "$t/link.txt" "$t/real.txt")"
"$PYTHON" -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$t/sock"
expect "-o a socket" 1 "cannot write $t/sock: not a file" -- -o "$t/sock" "$good"
[ -S "$t/sock" ] && ok "-o a socket: left as it was" || bad "-o a socket: replaced"
ln -s nowhere "$t/dangling"
expect "-o a dangling link" 1 "cannot write $t/dangling: No such file or directory" -- -o "$t/dangling" "$good"

# Two inputs that would write one file in a folder: refused before anything
# is written (no folder made).
mkdir -p "$t/a" "$t/b"
cp "$good" "$t/a/page.txt"
cp samples/daum-article.html "$t/b/page.html"
expect "two inputs, one output name" 2 "$t/a/page.txt and $t/b/page.html would both be written to $t/collide/page.xml" \
    -- -o "$t/collide" "$t/a/page.txt" "$t/b/page.html"
[ ! -e "$t/collide" ] && ok "two inputs, one output name: nothing written" ||
    bad "two inputs, one output name: $(ls -R "$t/collide")"

# Past the HTML parser's limits (nesting, one text's size) libxml2 stops
# and keeps what came before: artx fails rather than drop the rest.
"$PYTHON" -c 'print("<html><body>" + "<div>" * 300 + "<p>deep text</p>" + "</div>" * 300 + "<p>after</p></body></html>")' >"$t/deep.html"
expect "nesting past 256 levels" 1 "artx: $t/deep.html: the page is past a limit of the HTML parser" -- -o "$t/deep.xml" "$t/deep.html"
[ ! -e "$t/deep.xml" ] && ok "nesting past 256 levels: no output" || bad "nesting past 256 levels: output left"
"$PYTHON" -c 'print("<html><body><p>" + "word " * 2100000 + "end</p></body></html>")' >"$t/huge.html"
expect "a text over 10 MB" 1 "huge text node" -- -o "$t/huge.xml" "$t/huge.html"

# Standard input and output.
"$artx" <"$good" >"$t/stdin.xml" 2>"$t/stderr" && "$artx" "$good" >"$t/file.xml" &&
    cmp -s "$t/stdin.xml" "$t/file.xml" && ok "stdin equals file" || bad "stdin differs from file"
"$artx" - <"$t/empty.html" >/dev/null 2>"$t/stderr"
[ $? -eq 1 ] && grep -q '^artx: <stdin>: empty input' "$t/stderr" && ok "stdin error names <stdin>" ||
    bad "stdin error: $(cat "$t/stderr")"

# Characters XML 1.0 forbids, as bytes and as references: removed, and the
# output stays well-formed and valid.
printf '<html><body><p>bad\001chars\013 here \357\277\276 and &#1; &#xFFFE; ok</p><p>second &amp; &lt;tag&gt; para&nbsp;&nbsp;x</p></body></html>' >"$t/hostile.html"
if ! need xmllint libxml2-utils; then
    :
elif "$artx" "$t/hostile.html" >"$t/hostile.xml" 2>"$t/stderr" &&
    xmllint --noout --relaxng xslt/article.rng "$t/hostile.xml" 2>/dev/null &&
    grep -q '>badchars here and ok<' "$t/hostile.xml" &&
    grep -q '>second &amp; &lt;tag&gt; para x<' "$t/hostile.xml"; then
    ok "forbidden characters removed, output valid"
else
    bad "forbidden characters: $(head -c 300 "$t/hostile.xml") $(head -c 200 "$t/stderr")"
fi

# A customised stylesheet that does not compile: exit 1 naming it, no output.
mkdir "$t/xsl"
printf '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:value-of select="((("/></xsl:template></xsl:stylesheet>' >"$t/xsl/article-to-text.xsl"
expect "stylesheet error" 1 "article-to-text.xsl" -- --stylesheets "$t/xsl" -t text -o "$t/xsl.txt" "$good"
[ ! -e "$t/xsl.txt" ] && ok "stylesheet error: no output file" || bad "stylesheet error: output file left"
# Files the folder lacks come from the built-in set.
expect "partial stylesheet folder" 0 "" -- --stylesheets "$t/xsl" -t docbook "$good"
expect "bad -p" 2 "-p novalue: not NAME=VALUE" -- -p novalue "$good"

# Merge refusals: exit 1, "artx: FILE: unit ID: reason", no output file.
"$artx" -t xliff -T en -o "$t/m.xlf" "$good"
sed 's/<unit id="p2"/<unit id="p99"/' "$t/m.xlf" >"$t/unknown-unit.xlf"
expect "merge: unknown unit" 1 "artx: $t/unknown-unit.xlf: unit p99: " -- --from xliff -t epub -o "$t/m1.epub" "$t/unknown-unit.xlf"
[ ! -e "$t/m1.epub" ] && ok "merge: unknown unit: no output file" || bad "merge: unknown unit: output left"
if need "$PYTHON" python3; then
    "$PYTHON" - "$t/m.xlf" "$t/missing-unit.xlf" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text = re.sub(r'<unit id="p3".*?</unit>', '', text, count=1, flags=re.S)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
    expect "merge: missing unit" 1 "unit p3: missing" -- --from xliff -o "$t/m2.xml" "$t/missing-unit.xlf"
    [ ! -e "$t/m2.xml" ] && ok "merge: missing unit: no output file" || bad "merge: missing unit: output left"
fi
head -c 300 "$t/m.xlf" >"$t/truncated.xlf"
expect "merge: not well-formed" 1 "artx: $t/truncated.xlf: not well-formed XML" -- --from xliff -o "$t/m3.xml" "$t/truncated.xlf"
printf '<?xml version="1.0"?><root><unit id="p1"/></root>' >"$t/not-xliff.xml"
expect "merge: not XLIFF" 1 "artx: $t/not-xliff.xml: not an XLIFF file (root element root)" -- --from xliff -o "$t/m4.xml" "$t/not-xliff.xml"
[ ! -e "$t/m3.xml" ] && [ ! -e "$t/m4.xml" ] && ok "merge: bad files leave no output" || bad "merge: output left"
expect "merge: --strict with untranslated segments" 1 "segments untranslated: .*(--strict" -- --strict --from xliff -o "$t/m5.xml" "$t/m.xlf"
expect "merge: untranslated segments reported" 0 "segments untranslated: " -- --from xliff -o "$t/m6.xml" "$t/m.xlf"

# Sentence rules: a file that is not SRX, or has a rule that does not
# compile, is refused naming the file (and the rule); nothing is written.
printf '<srx version="2.0"><header' >"$t/broken.srx"
expect "srx: not well-formed" 1 "artx: $t/broken.srx: " -- --srx "$t/broken.srx" -o "$t/s1.xml" "$good"
printf '<html/>' >"$t/html.srx"
expect "srx: not SRX" 1 "artx: $t/html.srx: " -- segment -l ko --srx "$t/html.srx" -o "$t/s2.txt" "$good"
cat >"$t/badrule.srx" <<'SRX'
<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="no"/>
<body><languagerules><languagerule languagerulename="Broken">
<rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="no"><beforebreak>(unclosed</beforebreak><afterbreak></afterbreak></rule>
</languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="Broken"/></maprules></body></srx>
SRX
expect "srx: rule that does not compile" 1 "rule 2 of languagerule 'Broken'" -- segment -l en --srx "$t/badrule.srx" -o "$t/s3.txt" "$good"
[ ! -e "$t/s1.xml" ] && [ ! -e "$t/s2.txt" ] && [ ! -e "$t/s3.txt" ] && ok "srx: no output files" || bad "srx: output left"
# The public SRX files load and segment.
if need_shared seg/srx; then
    for srx in "$SHARED"/seg/srx/*.srx; do
        [ -f "$srx" ] || { bad "srx: no SRX files in $SHARED/seg/srx"; break; }
        printf 'First sentence here. Second one follows! A third?\n' |
            "$artx" segment -l en --srx "$srx" >"$t/seg.out" 2>"$t/stderr" &&
            [ "$(grep -c . "$t/seg.out")" -ge 2 ] && ok "srx: $(basename "$srx") segments" ||
            bad "srx: $(basename "$srx"): $(head -c 300 "$t/stderr")"
    done
fi
expect "segment needs -l" 2 "segment needs -l LANG" -- segment "$good"

# No temporary files left anywhere.
leftover=$(find "$t" -name '.artx-*' | head -1)
[ -z "$leftover" ] && ok "no temporary files left" || bad "temporary file left: $leftover"

finish
