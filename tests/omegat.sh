#!/bin/sh
# omegat.sh ARTX - a round trip through a real CAT tool, OmegaT 3.6 (Debian
# package 'omegat'), run headless from its console:
#   1. a Korean test page of our own (title, three paragraphs with a link,
#      strong, em, a line break and a web address, which is protected text)
#      is extracted with
#      `artx -t xliff12 -T en -p prefill-target=yes` into the source/ folder
#      of an OmegaT project written here (ko -> en, sentence segmentation off,
#      so each <mrk mtype="seg"> is one OmegaT segment);
#   2. OmegaT lists the segments it sees (console-createpseudotranslatetmx);
#      they must be the target mrk elements with g/x/mrk written as OmegaT's
#      tag shortcuts (<g0>...</g0>, <x1/>, <m1>...</m1>, numbered per segment
#      in order);
#   3. tm/auto/known.tmx pairs each of those segments with an English
#      translation written below, keeping the same shortcuts;
#   4. console-translate fills every segment from the TMX and writes
#      target/page.xlf, each segment with the source's inline codes;
#   5. artx merges target/page.xlf into an article (--strict) and an EPUB:
#      the EPUB passes epubcheck with no errors or warnings, the language is
#      en, every translation is there, the link, strong, em and br came
#      back, and so did the protected address, translate="no";
#   7. artx -t tmx turns target/page.xlf into a TMX (valid against
#      tests/tmx14.dtd), and a second project with only that TMX in
#      tm/auto gets every segment filled by OmegaT, tags and all.
# One line per check, then 'omegat: N passed, M failed[, K skipped]'; exit 1
# on failure. A missing tool is a skip, or a failure when CI=true.
set -u
suite=omegat
. "$(dirname "$0")/lib.sh"
artx=${1:-build/artx}
case $artx in /*) ;; *) artx=$PWD/$artx ;; esac
epubcheck_jar=/usr/share/java/epubcheck.jar
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
trap 'exit 1' HUP INT TERM

# The first lines of a log, without OmegaT's and Java's chatter.
excerpt() { grep -v -e ': Info: ' -e '^Picked up JAVA_TOOL_OPTIONS' "$1" | head -c 600 | tr '\n' ' '; }

# --- tools -----------------------------------------------------------------
tools=1
need omegat omegat || tools=0
need xsltproc xsltproc || tools=0
need unzip unzip || tools=0
need epubcheck epubcheck "command -v java && [ -f $epubcheck_jar ]" || tools=0
[ $tools = 1 ] || finish
[ -x "$artx" ] || { bad "no artx binary at $artx"; finish; }

# --- the test page and its translations --------------------------------------
cat >"$t/page.html" <<'EOF'
<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>시립도서관, 야간 개관 시간 연장</title>
<meta name="author" content="김하늘 기자">
<meta property="article:published_time" content="2024-03-05T09:00:00+09:00">
</head>
<body>
<article>
<h1>시립도서관, 야간 개관 시간 연장</h1>
<p>시립도서관은 다음 달부터 평일 개관 시간을 밤 10시까지 연장한다고 밝혔다.</p>
<p>자세한 내용은 <a href="https://example.kr/x">도서관 누리집</a>(www.example.kr)에서 확인할 수 있으며 <strong>사전 예약은 필요하지 않다</strong>.</p>
<p>도서관 측은 <em>이용자 의견</em>을 반영해<br>주말 프로그램도 늘릴 계획이다.</p>
</article>
</body>
</html>
EOF
# One line per segment (each paragraph is a single sentence, so this holds
# whether or not artx splits paragraphs into sentences): the source's text
# without tags | the English translation with OmegaT's tag shortcuts.
cat >"$t/translations" <<'EOF'
시립도서관, 야간 개관 시간 연장|City library extends its evening opening hours
시립도서관은 다음 달부터 평일 개관 시간을 밤 10시까지 연장한다고 밝혔다.|The city library said it will stay open until 10 p.m. on weekdays from next month.
자세한 내용은 도서관 누리집(www.example.kr)에서 확인할 수 있으며 사전 예약은 필요하지 않다.|Details are on the <g0>library website</g0> (<m1>www.example.kr</m1>), and <g2>no advance booking is needed</g2>.
도서관 측은 이용자 의견을 반영해주말 프로그램도 늘릴 계획이다.|Taking <g0>readers' comments</g0> into account,<x1/>the library also plans more weekend programmes.
EOF
cut -d'|' -f2 "$t/translations" | sort -u >"$t/english.tags"
cut -d'|' -f2 "$t/translations" | sed 's/<[^>]*>//g' >"$t/english.text"
link_text="library website"
strong_text="no advance booking is needed"
em_text="readers' comments"
kept_text="www.example.kr"

# --- stylesheets used to look at the files -------------------------------------
# The segments of an XLIFF 1.2 file as OmegaT shows them: the content of each
# <mrk mtype="seg"> in a <target>, every inline element as a shortcut made of
# its name's first letter and its number in the segment (order of the start
# tags, all kinds counted together): <g0>...</g0>, <x1/>.
cat >"$t/shortcuts.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:x="urn:oasis:names:tc:xliff:document:1.2">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
  <xsl:for-each select="//x:target//x:mrk[@mtype='seg']">
    <xsl:apply-templates/><xsl:text>&#10;</xsl:text>
  </xsl:for-each>
</xsl:template>
<xsl:template match="*">
  <xsl:variable name="m" select="generate-id(ancestor::x:mrk[1])"/>
  <xsl:variable name="n" select="count(preceding::*[generate-id(ancestor::x:mrk[1]) = $m])
                                 + count(ancestor::*[generate-id(ancestor::x:mrk[1]) = $m])"/>
  <xsl:variable name="s" select="concat(substring(local-name(), 1, 1), $n)"/>
  <xsl:choose>
    <xsl:when test="node()">
      <xsl:value-of select="concat('&lt;', $s, '&gt;')"/>
      <xsl:apply-templates/>
      <xsl:value-of select="concat('&lt;/', $s, '&gt;')"/>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="concat('&lt;', $s, '/&gt;')"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>
</xsl:stylesheet>
EOF
# The source segments of a TMX, one a line.
cat >"$t/tmxsegs.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
  <xsl:for-each select="//tu/tuv[1]/seg">
    <xsl:value-of select="."/><xsl:text>&#10;</xsl:text>
  </xsl:for-each>
</xsl:template>
</xsl:stylesheet>
EOF
# What an article, an XHTML page or an OPF says: its language, the text of
# each title, heading and paragraph, its links, strong, em and br.
cat >"$t/facts.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
  <xsl:value-of select="concat('lang=', /*/@xml:lang, '&#10;')"/>
  <xsl:for-each select="//*[local-name() = 'language']">
    <xsl:value-of select="concat('language=', normalize-space(.), '&#10;')"/>
  </xsl:for-each>
  <xsl:for-each select="//*[local-name() = 'title' or local-name() = 'h1' or local-name() = 'p']">
    <xsl:value-of select="concat('text=', normalize-space(.), '&#10;')"/>
  </xsl:for-each>
  <xsl:for-each select="//*[local-name() = 'a']">
    <xsl:value-of select="concat('a=', @href, ' ', normalize-space(.), '&#10;')"/>
  </xsl:for-each>
  <xsl:for-each select="//*[local-name() = 'strong' or local-name() = 'em']">
    <xsl:value-of select="concat(local-name(), '=', normalize-space(.), '&#10;')"/>
  </xsl:for-each>
  <xsl:value-of select="concat('br=', count(//*[local-name() = 'br']), '&#10;')"/>
  <xsl:for-each select="//*[@translate = 'no']">
    <xsl:value-of select="concat('kept=', normalize-space(.), '&#10;')"/>
  </xsl:for-each>
</xsl:template>
</xsl:stylesheet>
EOF

# --- the OmegaT project -------------------------------------------------------
P=$t/project
mkdir -p "$P/source" "$P/target" "$P/tm/auto" "$P/glossary" "$P/dictionary" "$P/omegat" \
         "$t/config" "$t/home"
# As OmegaT 3.6's own ProjectFileStorage.writeProjectFile writes it for a
# ko -> en project with sentence segmentation off.
cat >"$P/omegat.project" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <source_dir_excludes>
            <mask>**/.svn/**</mask>
            <mask>**/CVS/**</mask>
            <mask>**/.cvs/**</mask>
            <mask>**/desktop.ini</mask>
            <mask>**/Thumbs.db</mask>
            <mask>**/.DS_Store</mask>
        </source_dir_excludes>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>ko</source_lang>
        <target_lang>en</target_lang>
        <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
EOF

# omegat LOG MODE-ARGS...: run OmegaT headless on the project, bounded in time,
# with its preferences and anything it writes in the user's home in $t.
omegat_run() {
    log=$1
    shift
    JAVA_TOOL_OPTIONS="-Djava.awt.headless=true -Duser.home=$t/home" \
        timeout 300 omegat --config-dir="${cfg:-$t/config}" --disable-project-locking --no-team \
        --quiet "$@" "$P" >"$log" 2>&1
}

# 1. extract
xlf=$P/source/page.xlf
if "$artx" -t xliff12 -T en -p prefill-target=yes -o "$xlf" "$t/page.html" 2>"$t/err" &&
   xsltproc -o "$t/segs.artx" "$t/shortcuts.xsl" "$xlf" 2>>"$t/err" && [ -s "$t/segs.artx" ]; then
    ok "extract: XLIFF 1.2 with $(wc -l <"$t/segs.artx") pre-filled target segments"
else
    bad "extract: artx -t xliff12 -p prefill-target=yes: $(head -c 400 "$t/err")"
    finish
fi

# 2. the segments OmegaT sees
if omegat_run "$t/pseudo.log" --mode=console-createpseudotranslatetmx \
       --pseudotranslatetmx="$t/pseudo.tmx" --pseudotranslatetype=equal &&
   xsltproc -o "$t/segs.omegat" "$t/tmxsegs.xsl" "$t/pseudo.tmx" 2>"$t/err"; then
    sort -u "$t/segs.artx" >"$t/a"
    sort -u "$t/segs.omegat" >"$t/b"
    if [ -s "$t/b" ] && cmp -s "$t/a" "$t/b"; then
        ok "OmegaT sees the $(wc -l <"$t/b") segments of the target mrk elements, tags as <gN>/<xN/>"
    else
        bad "OmegaT's segments differ from the XLIFF's mrk elements: $(diff "$t/a" "$t/b" | head -c 600 | tr '\n' ' ')"
    fi
else
    bad "OmegaT console-createpseudotranslatetmx: $(excerpt "$t/pseudo.log")"
    finish
fi

# 3. the TMX: OmegaT's own segments, each with our English translation
awk -F'|' '
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
FNR == NR { en[$1] = $2; next }
FNR == 1 {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<tmx version=\"1.4\">"
    print "<header creationtool=\"artx-tests\" creationtoolversion=\"1\" segtype=\"sentence\"" \
          " o-tmf=\"artx\" adminlang=\"en\" srclang=\"ko\" datatype=\"plaintext\"/>"
    print "<body>"
}
{
    key = $0
    gsub(/<[^>]*>/, "", key)
    if (!(key in en)) { print "no English translation for: " $0 > "/dev/stderr"; missing = 1; next }
    print "<tu><tuv xml:lang=\"ko\"><seg>" esc($0) "</seg></tuv>" \
          "<tuv xml:lang=\"en\"><seg>" esc(en[key]) "</seg></tuv></tu>"
}
END { print "</body>"; print "</tmx>"; exit missing }
' "$t/translations" "$t/segs.omegat" >"$P/tm/auto/known.tmx" 2>"$t/err"
if [ $? -eq 0 ] && [ "$(grep -c '<tu>' "$P/tm/auto/known.tmx")" -eq "$(wc -l <"$t/segs.omegat")" ]; then
    ok "tm/auto/known.tmx: an English translation for each of OmegaT's segments"
else
    bad "tm/auto/known.tmx: $(head -c 600 "$t/err" | tr '\n' ' ')"
fi

# 4. translate
target=$P/target/page.xlf
# Not --tag-validation=abort: OmegaT 3.6 makes a protected mrk one protected
# part, <m1>www.example.kr</m1>, and its console check then reports that
# part's own <m1> and </m1> as extraneous even in a translation that holds it
# exactly as the source does.  The tags are checked below instead.
if omegat_run "$t/translate.log" --mode=console-translate &&
   [ -s "$target" ]; then
    ok "OmegaT console-translate wrote target/page.xlf"
else
    bad "OmegaT console-translate (exit $?): $(excerpt "$t/translate.log")"
    finish
fi
if xsltproc -o "$t/segs.target" "$t/shortcuts.xsl" "$target" 2>"$t/err"; then
    sort -u "$t/segs.target" >"$t/c"
    if cmp -s "$t/c" "$t/english.tags"; then
        ok "OmegaT filled every segment from the TMX, inline codes in place"
    else
        bad "OmegaT's targets are not the TMX's translations: $(diff "$t/english.tags" "$t/c" | head -c 600 | tr '\n' ' ')"
    fi
else
    bad "OmegaT's target/page.xlf is not well-formed: $(head -c 400 "$t/err")"
fi

# check_facts WHAT FACTS-FILE LANG-KEY: the language, each translation, the inline markup.
check_facts() {
    what=$1 f=$2 langkey=$3
    if grep -qx "$langkey=en" "$f"; then
        ok "$what: $langkey is en"
    else
        bad "$what: $langkey is not en: $(grep "^$langkey=" "$f" | head -3 | tr '\n' ' ')"
    fi
    missing_text=
    while IFS= read -r e; do
        grep -qxF "text=$e" "$f" || missing_text="$missing_text [$e]"
    done <"$t/english.text"
    if [ -z "$missing_text" ]; then
        ok "$what: holds all $(wc -l <"$t/english.text") English translations"
    else
        bad "$what: translations missing:$missing_text"
    fi
    if grep -qxF "a=https://example.kr/x $link_text" "$f"; then
        ok "$what: the link survived (same href, translated text)"
    else
        bad "$what: no <a href=\"https://example.kr/x\">$link_text</a>: $(grep '^a=' "$f" | tr '\n' ' ')"
    fi
    if grep -qxF "strong=$strong_text" "$f" && grep -qxF "em=$em_text" "$f" && grep -qx 'br=1' "$f"; then
        ok "$what: strong, em and br survived"
    else
        bad "$what: strong/em/br lost: $(grep -e '^strong=' -e '^em=' -e '^br=' "$f" | tr '\n' ' ')"
    fi
    if [ "$(grep '^kept=' "$f")" = "kept=$kept_text" ]; then
        ok "$what: the protected address came back, translate=\"no\""
    else
        bad "$what: protected text: $(grep '^kept=' "$f" | tr '\n' ' ') (want kept=$kept_text)"
    fi
}

# 5. merge into an article
if "$artx" --strict --from xliff -t article -o "$t/merged.xml" "$target" 2>"$t/err"; then
    ok "merge: artx --strict --from xliff -t article exits 0"
    if xsltproc -o "$t/facts.article" "$t/facts.xsl" "$t/merged.xml" 2>"$t/err"; then
        check_facts "merged article" "$t/facts.article" lang
    else
        bad "merged article is not well-formed: $(head -c 400 "$t/err")"
    fi
else
    bad "merge: artx --strict --from xliff -t article: $(head -c 600 "$t/err" | tr '\n' ' ')"
fi

# 6. merge into an EPUB
if "$artx" --from xliff -t epub -o "$t/out.epub" "$target" 2>"$t/err"; then
    ok "merge: artx --from xliff -t epub exits 0"
    timeout 120 java -jar "$epubcheck_jar" "$t/out.epub" >"$t/epubcheck" 2>&1
    if grep -q 'No errors or warnings detected' "$t/epubcheck"; then
        ok "epubcheck: no errors or warnings"
    else
        bad "epubcheck: $(grep -e ERROR -e WARNING -e FATAL "$t/epubcheck" | head -5 | tr '\n' ' ')"
    fi
    mkdir "$t/epub"
    if unzip -q -d "$t/epub" "$t/out.epub" 2>"$t/err" &&
       opf=$(find "$t/epub" -name '*.opf' | head -1) && [ -n "$opf" ] &&
       xsltproc -o "$t/facts.opf" "$t/facts.xsl" "$opf" 2>"$t/err"; then
        if grep -qx 'language=en' "$t/facts.opf"; then
            ok "EPUB: dc:language is en"
        else
            bad "EPUB: dc:language is not en: $(grep '^language=' "$t/facts.opf" | tr '\n' ' ')"
        fi
        # The article's content document: the one that is not the nav.
        doc=$(grep -L 'epub:type="toc"' $(find "$t/epub" -name '*.xhtml') | head -1)
        if [ -n "$doc" ] && xsltproc -o "$t/facts.xhtml" "$t/facts.xsl" "$doc" 2>"$t/err"; then
            check_facts "EPUB ${doc##*/}" "$t/facts.xhtml" lang
        else
            bad "EPUB: no readable content document: $(head -c 400 "$t/err")"
        fi
    else
        bad "EPUB: cannot read the package: $(head -c 400 "$t/err")"
    fi
else
    bad "merge: artx --from xliff -t epub: $(head -c 600 "$t/err" | tr '\n' ' ')"
fi

# 7. artx's own TMX of the translated file, as the only memory of a new
# project on the same extracted file.  OmegaT 3.6 reads an external TMX at
# level 1 by default (inline elements and the text inside them dropped),
# so that no segment with a tag can match; with its options "display
# level-2 tags" and "use / for stand-alone tags" on, it names each bpt,
# ept and ph after the first letter of its native code (<g id="1"> gives
# g) and numbers them in order: artx's codes become its <g0>, </g0>,
# <x1/>.  Protected text is a bpt/ept pair around its text in the TMX,
# which OmegaT names <m1>...</m1> as it names the protected mrk of the
# XLIFF: every segment is filled exactly from artx's TMX.
cfg=$t/config2
mkdir -p "$cfg"
cat >"$cfg/omegat.prefs" <<'EOF'
<?xml version="1.0" encoding="UTF-8" ?>
<omegat>
  <preference version="1.0">
    <ext_tmx_show_level2>true</ext_tmx_show_level2>
    <ext_tmx_use_slash>true</ext_tmx_use_slash>
  </preference>
</omegat>
EOF
if "$artx" -t tmx -o "$t/artx.tmx" "$target" 2>"$t/err" &&
   xmllint --noout --dtdvalid "$(dirname "$0")/tmx14.dtd" "$t/artx.tmx" 2>>"$t/err"; then
    ok "artx -t tmx of OmegaT's target/page.xlf: $(grep -c '<tu>' "$t/artx.tmx") tu, valid against tests/tmx14.dtd"
    P=$t/project2
    mkdir -p "$P/source" "$P/target" "$P/tm/auto" "$P/glossary" "$P/dictionary" "$P/omegat"
    cp "$t/project/omegat.project" "$P/"
    cp "$xlf" "$P/source/page.xlf"
    cp "$t/artx.tmx" "$P/tm/auto/artx.tmx"
    if omegat_run "$t/translate2.log" --mode=console-translate && [ -s "$P/target/page.xlf" ] &&
       xsltproc -o "$t/segs.target2" "$t/shortcuts.xsl" "$P/target/page.xlf" 2>"$t/err"; then
        sort -u "$t/segs.target2" >"$t/d"
        if [ "$(grep -cxFf "$t/english.tags" "$t/d")" -eq "$(wc -l <"$t/english.tags")" ] &&
           grep -q '<m[0-9]' "$t/english.tags"; then
            ok "OmegaT filled all $(wc -l <"$t/english.tags") segments exactly from artx's TMX alone, inline codes and protected text in place"
        else
            bad "OmegaT's targets from artx's TMX: $(diff "$t/english.tags" "$t/d" | head -c 600 | tr '\n' ' ')"
        fi
    else
        bad "OmegaT console-translate with artx's TMX: $(excerpt "$t/translate2.log") $(head -c 300 "$t/err")"
    fi
else
    bad "artx -t tmx: $(head -c 600 "$t/err" | tr '\n' ' ')"
fi

finish
