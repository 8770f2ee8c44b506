#!/bin/sh
# run.sh [BUILD] - the libxslt plugin (BUILD/plugin/artx_example_xslt.so,
# default BUILD=build) against the CLI (BUILD/artx), from the repository's
# top folder, with LIBXSLT_PLUGINS_PATH=BUILD/plugin:
#   1. xsltproc --html --encoding utf-8 xslt/html-to-article.xsl PAGE equals
#      artx -t article PAGE (canonical XML; the line says when the bytes are
#      identical too)
#   2. xsltproc --stringparam target-lang en xslt/article-to-xliff20.xsl on
#      that article equals artx -t xliff -T en PAGE (canonical XML)
#   3. both again through Python's lxml (python3-lxml), and lxml on several
#      threads at once
#   4. nm -D: the module exports artx_example_xslt_init and nothing else
#   5. errors in the functions (arity, argument type, an SRX file or a
#      resource that does not exist): a message naming the function, a
#      non-zero exit, no crash; artx:resource gives a built-in file's bytes
#   6. artx:segment agrees with `artx segment`, and the CLI registers the
#      same functions for its own (customised) stylesheets
#   7. valgrind on xsltproc with the module: no leaks, no invalid accesses
# PAGE: $SHARED/corpus/seed.txt, the dev gold pages and samples/.
# Missing xsltproc, python3-lxml, valgrind or the pages is a loud skip, a
# failure under CI=true.
set -u
suite=plugin
. "$(dirname "$0")/../lib.sh"
build=${1:-build}
artx=$build/artx
plugin=$build/plugin/artx_example_xslt.so
PYTHON=${PYTHON:-/usr/bin/python3}
here=$(dirname "$0")
corpus=$SHARED/corpus
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

LIBXSLT_PLUGINS_PATH=$build/plugin
export LIBXSLT_PLUGINS_PATH

# The last lines of a log, without libxml2's HTML parser chatter.
tail_of() { grep -v -e 'HTML parser error' -e '^ *\^$' "$1" | grep -v '^.\{60,\}$' | tail -n 4; }

# Python's own allocations are not ours to leak-check under ASan.
asan=$(plugin_asan "$build/plugin")
xsltproc_() { plugin_host "$build/plugin" xsltproc "$@"; }
python_() {
    plugin_host "$build/plugin" env ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 "$PYTHON" "$@"
}
same() { # same NAME A B: canonical equality, noting identical bytes
    if cmp -s "$2" "$3"; then
        ok "$1 (bytes identical)"
    elif "$PYTHON" "$here/canon.py" "$2" "$3" >"$t/canon" 2>&1; then
        ok "$1 (canonical XML)"
    else
        bad "$1: $(head -c 600 "$t/canon")"
    fi
}

pages=$(ls samples/*.html samples/*.txt)
vg_page=samples/daum-article.html
if need_shared corpus/seed.txt; then
    pages="$corpus/seed.txt $corpus/ko-daumrepost-hani-po20231110700169879902913.html
$corpus/ko-naver2020-025-0003017071.html $corpus/ko-yonhapnewstv-MYH20230420008700641.html
$pages"
    vg_page=$corpus/seed.txt
fi
have_xsltproc=0
need xsltproc xsltproc && have_xsltproc=1

for f in "$artx" "$plugin"; do
    [ -f "$f" ] || { bad "$f not built (make plugin)"; finish; }
done

# ---- 4. exported symbols --------------------------------------------------------
syms=$(nm -D --defined-only "$plugin" | awk '{print $3}')
if [ "$syms" = artx_example_xslt_init ]; then
    ok "nm -D: only artx_example_xslt_init"
else
    bad "nm -D exports more than artx_example_xslt_init: $(echo "$syms" | head -5 | tr '\n' ' ')"
fi

# The comparison itself must see a difference.
"$artx" -t article samples/daum-article.html >"$t/a.xml"
sed 's/<p id="p1">/<p id="p1">x/' "$t/a.xml" >"$t/b.xml"
if "$PYTHON" "$here/canon.py" "$t/a.xml" "$t/b.xml" >/dev/null 2>&1; then
    bad "canon.py: does not see a changed paragraph"
else
    ok "canon.py: sees a changed paragraph"
fi

# ---- 1, 2. xsltproc ------------------------------------------------------------------
if [ $have_xsltproc = 1 ]; then
    for page in $pages; do
        name=$(basename "$page")
        "$artx" -t article "$page" >"$t/want.xml" 2>"$t/err" &&
            "$artx" -t xliff -T en "$page" >"$t/want.xlf" 2>>"$t/err" ||
            { bad "$name: artx failed: $(head -c 300 "$t/err")"; continue; }
        if xsltproc_ --html --encoding utf-8 xslt/html-to-article.xsl "$page" >"$t/got.xml" 2>"$t/err"; then
            same "xsltproc html-to-article.xsl = artx -t article: $name" "$t/got.xml" "$t/want.xml"
        else
            bad "xsltproc html-to-article.xsl $name: exit $?: $(tail_of "$t/err")"
            continue
        fi
        if xsltproc_ --stringparam target-lang en xslt/article-to-xliff20.xsl "$t/got.xml" \
            >"$t/got.xlf" 2>"$t/err"; then
            same "xsltproc article-to-xliff20.xsl = artx -t xliff -T en: $name" "$t/got.xlf" "$t/want.xlf"
        else
            bad "xsltproc article-to-xliff20.xsl $name: exit $?: $(tail_of "$t/err")"
        fi
    done
fi

# ---- 3. lxml ---------------------------------------------------------------------------
if need "lxml for $PYTHON" python3-lxml "$PYTHON -c 'import lxml.etree'"; then
    for page in $pages; do
        name=$(basename "$page")
        "$artx" -t article "$page" >"$t/want.xml" 2>"$t/err" &&
            "$artx" -t xliff -T en "$page" >"$t/want.xlf" 2>>"$t/err" ||
            { bad "$name: artx failed: $(head -c 300 "$t/err")"; continue; }
        if python_ "$here/lxml_run.py" article "$page" utf-8 "$t/got.xml" 2>"$t/err"; then
            same "lxml html-to-article.xsl = artx -t article: $name" "$t/got.xml" "$t/want.xml"
        else
            bad "lxml html-to-article.xsl $name: $(tail_of "$t/err")"
            continue
        fi
        if python_ "$here/lxml_run.py" xliff "$t/got.xml" en "$t/got.xlf" 2>"$t/err"; then
            same "lxml article-to-xliff20.xsl = artx -t xliff -T en: $name" "$t/got.xlf" "$t/want.xlf"
        else
            bad "lxml article-to-xliff20.xsl $name: $(tail_of "$t/err")"
        fi
    done
    # shellcheck disable=SC2086
    if python_ "$here/lxml_run.py" threads 8 $pages 2>"$t/err"; then
        ok "lxml: 8 threads at once give the single-threaded results"
    else
        bad "lxml on 8 threads: $(tail_of "$t/err")"
    fi
fi

# ---- 5, 6. errors, artx:segment, the CLI's functions ---------------------------------
call() { # call XPATH: a stylesheet that copies the value of XPATH into <r>
    printf '%s\n' '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"' \
        '    xmlns:artx="http://artx.example/xslt" exclude-result-prefixes="artx">' \
        '  <xsl:template match="/"><r><xsl:copy-of select="'"$1"'"/></r></xsl:template>' \
        '</xsl:stylesheet>' >"$t/call.xsl"
}
echo '<x/>' >"$t/x.xml"
if [ $have_xsltproc = 1 ]; then
    # expect_error NAME XPATH STDERR-PATTERN
    expect_error() {
        call "$2"
        xsltproc_ "$t/call.xsl" "$t/x.xml" >"$t/out" 2>"$t/err"
        rc=$?
        if [ "$rc" -eq 0 ] || [ "$rc" -ge 126 ]; then
            bad "$1: exit $rc (expected an error exit, no crash): $(tail_of "$t/err")"
        elif ! grep -q -- "$3" "$t/err"; then
            bad "$1: stderr lacks '$3': $(tail_of "$t/err")"
        else
            ok "$1: exit $rc, $(grep -- "$3" "$t/err" | head -n 1)"
        fi
    }
    expect_error "artx:segment() with no arguments" "artx:segment()" \
        'artx:segment(string, lang\[, srx-path\]): called with 0 arguments'
    expect_error "artx:segment() with one argument" "artx:segment('x')" 'called with 1 argument'
    expect_error "artx:segment() with four arguments" "artx:segment('x', 'ko', '', 4)" \
        'called with 4 arguments'
    expect_error "artx:segment() with an SRX file that does not exist" \
        "artx:segment('x', 'ko', '/nonexistent.srx')" \
        'artx:segment(): /nonexistent.srx: cannot open'
    expect_error "artx:article() of a string" "artx:article('x')" \
        'artx:article(): the first argument must be a node-set'
    expect_error "artx:article() of a page without an article" "artx:article(/)" \
        'artx:article(): no article found'
    expect_error "artx:version() with an argument" "artx:version(1)" 'artx:version(): called with 1'
    expect_error "artx:resource() of a file artx does not have" "artx:resource('none.css')" \
        'artx:resource(): none.css: no built-in file none.css'
    # The text of a built-in file, to the byte (the XHTML page inlines epub.css so).
    call "artx:resource('epub.css')"
    if xsltproc_ "$t/call.xsl" "$t/x.xml" >"$t/out" 2>"$t/err" &&
        "$PYTHON" -c 'import sys, xml.etree.ElementTree as ET
sys.stdout.write(ET.parse(sys.argv[1]).getroot().text)' "$t/out" | cmp -s - xslt/epub.css; then
        ok "artx:resource('epub.css') = xslt/epub.css"
    else
        bad "artx:resource('epub.css') differs from xslt/epub.css: $(tail_of "$t/err")"
    fi
    # A page that has an article, but the rules cannot be read.
    if xsltproc_ --html --encoding utf-8 --stringparam srx /nonexistent.srx \
        xslt/html-to-article.xsl samples/daum-article.html >"$t/out" 2>"$t/err"; then
        bad "html-to-article.xsl with srx=/nonexistent.srx: exit 0"
    elif grep -q 'artx:article(): /nonexistent.srx: cannot open' "$t/err"; then
        ok "html-to-article.xsl with srx=/nonexistent.srx: an error naming the file"
    else
        bad "html-to-article.xsl with srx=/nonexistent.srx: $(tail_of "$t/err")"
    fi

    # artx:segment gives the sentences `artx segment` gives, without the
    # whitespace between them (ideographic spaces too).
    text='한국기자협회는 “당 대표의 잘못에 수석대변인이 사과를 한 것은 진정성이 의심받을 수 있다”며 촉구했다.  이어 “그러나 이 대표는 공인이다.　기자의 질문에 대응하는 것은 적절치 못했다”고 지적했다. Mr. Kim은 3.5% 올랐다고 말했다.　'
    call "artx:segment('$text', 'ko')"
    printf '%s\n' "$text" | "$artx" segment -l ko | sed '/^$/d' >"$t/want.txt"
    if xsltproc_ "$t/call.xsl" "$t/x.xml" >"$t/out" 2>"$t/err" &&
        "$PYTHON" -c 'import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
for s in r: print(s.tag + "\t" + s.text)' "$t/out" >"$t/got.txt" &&
        sed 's/^/{urn:artx:article}s\t/' "$t/want.txt" | cmp -s - "$t/got.txt" &&
        [ "$(wc -l <"$t/got.txt")" -gt 1 ]; then
        ok "artx:segment(TEXT, 'ko') = artx segment -l ko ($(wc -l <"$t/got.txt") s elements)"
    else
        bad "artx:segment(TEXT, 'ko') differs from artx segment -l ko: $(head -c 400 "$t/got.txt") $(tail_of "$t/err")"
    fi
fi

# The CLI: a customised article-to-text.xsl calls the same functions.
mkdir -p "$t/sheets"
cat >"$t/sheets/article-to-text.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:artx="http://artx.example/xslt" xmlns:a="urn:artx:article"
    extension-element-prefixes="artx">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="concat('artx ', artx:version(), '&#10;')"/>
    <xsl:for-each select="artx:segment('One sentence. Another one!  A third?', 'en')">
      <xsl:value-of select="concat('[', ., ']')"/>
    </xsl:for-each>
    <xsl:value-of select="concat('&#10;', count(artx:article(/)/a:body/a:p))"/>
  </xsl:template>
</xsl:stylesheet>
EOF
version=$("$artx" --version | awk '{print $NF; exit}')
want="artx $version
[One sentence.][Another one!][A third?]
$("$artx" -t article samples/daum-article.html | grep -c '^    <p ')"
if got=$(env -u LIBXSLT_PLUGINS_PATH "$artx" --stylesheets "$t/sheets" -t text \
    samples/daum-article.html 2>"$t/err") && [ "$got" = "$want" ]; then
    ok "artx CLI: a customised stylesheet calls artx:version, artx:segment, artx:article"
else
    bad "artx CLI with artx:* functions: got '$got', expected '$want' $(tail_of "$t/err")"
fi

# ---- 7. valgrind on xsltproc with the module ------------------------------------------
if [ -n "$asan" ]; then
    echo "plugin: valgrind skipped under ASan (the ASan runtime checks this build)"
elif ! need valgrind valgrind; then
    :
elif [ $have_xsltproc = 1 ]; then
    vg() { # vg NAME ok|error XSLTPROC-ARGS...
        name=$1 want=$2
        shift 2
        valgrind -q --suppressions="$here/../valgrind.supp" --leak-check=full \
            --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
            xsltproc "$@" >/dev/null 2>"$t/vg"
        rc=$?
        if [ "$rc" -eq 99 ] || grep -q '^==[0-9]*== ' "$t/vg"; then
            bad "valgrind xsltproc $name: $(grep '^==' "$t/vg" | head -n 12)"
        elif { [ "$want" = ok ] && [ "$rc" -ne 0 ]; } ||
            { [ "$want" = error ] && { [ "$rc" -eq 0 ] || [ "$rc" -ge 126 ]; }; }; then
            bad "valgrind xsltproc $name: exit $rc, expected $want: $(tail_of "$t/vg")"
        else
            ok "valgrind xsltproc $name: no leaks, no errors"
        fi
    }
    vg "html-to-article.xsl ${vg_page##*/}" ok --html --encoding utf-8 \
        xslt/html-to-article.xsl "$vg_page"
    call "artx:segment('x', 'ko', '/nonexistent.srx')"
    vg "artx:segment() with a missing SRX file" error "$t/call.xsl" "$t/x.xml"
    call "artx:segment()"
    vg "artx:segment() with no arguments" error "$t/call.xsl" "$t/x.xml"
fi

finish
