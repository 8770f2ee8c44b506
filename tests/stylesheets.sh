#!/bin/sh
# stylesheets.sh ARTX - customised stylesheets (--stylesheets DIR): a copy
# of xslt/ gives the built-in bytes in every format (and for a merge); a
# customised shared stylesheet (common.xsl) is what the built-in ones that
# include it use; a customised epub.css is the EPUB's and the page's CSS; a
# user's stylesheet includes a file of its own folder and reads a built-in
# resource with document(); a folder that is not there is a usage error;
# files outside the folder are never read.
set -u
suite=stylesheets
. "$(dirname "$0")/lib.sh"
artx=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1700000000
page=samples/daum-article.html

mkdir "$t/copy"
cp xslt/* "$t/copy/"
for fmt in article text xliff xliff12 docbook xhtml epub; do
    if "$artx" -t $fmt -T en "$page" >"$t/built-in" 2>"$t/err" &&
        "$artx" -t $fmt -T en --stylesheets "$t/copy" "$page" >"$t/copied" 2>>"$t/err" &&
        cmp -s "$t/built-in" "$t/copied"; then
        ok "a copy of xslt/ gives the built-in bytes: -t $fmt"
    else
        bad "a copy of xslt/ differs from the built-in stylesheets in -t $fmt: $(head -c 300 "$t/err")"
    fi
done
"$artx" -t xliff -T en "$page" >"$t/page.xlf"
if "$artx" --from xliff "$t/page.xlf" >"$t/merged" 2>"$t/err" &&
    "$artx" --from xliff --stylesheets "$t/copy" "$t/page.xlf" >"$t/merged-copy" 2>>"$t/err" &&
    cmp -s "$t/merged" "$t/merged-copy"; then
    ok "a copy of xslt/ gives the built-in bytes: --from xliff"
else
    bad "a copy of xslt/ differs in a merge: $(head -c 300 "$t/err")"
fi

# A customised common.xsl: the built-in article-to-xhtml.xsl includes it,
# so the source link's label it defines shows in the page.
mkdir "$t/common"
sed 's|>원문</xsl:when>|>ORIGINAL</xsl:when>|' xslt/common.xsl >"$t/common/common.xsl"
if ! grep -q '>ORIGINAL<' "$t/common/common.xsl"; then
    bad "test setup: common.xsl has no label 원문"
elif "$artx" -t xhtml --stylesheets "$t/common" "$page" >"$t/out" 2>"$t/err" &&
    grep -q '"rights">ORIGINAL: ' "$t/out" && ! grep -q '"rights">원문: ' "$t/out"; then
    ok "a customised common.xsl is what the built-in stylesheets include"
else
    bad "-t xhtml with a customised common.xsl: $(head -c 300 "$t/err")"
fi

# A customised epub.css: the EPUB's style.css and the page's inline style.
mkdir "$t/css"
{ cat xslt/epub.css; echo 'body { color: #123456; }'; } >"$t/css/epub.css"
if "$artx" -t xhtml --stylesheets "$t/css" "$page" >"$t/out" 2>"$t/err" &&
    grep -q 'body { color: #123456; }' "$t/out" &&
    "$artx" -t epub --stylesheets "$t/css" -o "$t/css.epub" "$page" 2>>"$t/err" &&
    unzip -p "$t/css.epub" EPUB/style.css | cmp -s - "$t/css/epub.css"; then
    ok "a customised epub.css is the EPUB's style.css and the page's inline style"
else
    bad "a customised epub.css: $(head -c 300 "$t/err")"
fi

# A user's stylesheet: an include of its own, document() of a built-in file.
mkdir "$t/user"
cat >"$t/user/article-to-text.xsl" <<'EOF2'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="mine.xsl"/>
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:call-template name="mine"/>
    <xsl:value-of select="concat('|', local-name(document('artx://builtin/article.rng')/*))"/>
  </xsl:template>
</xsl:stylesheet>
EOF2
cat >"$t/user/mine.xsl" <<'EOF2'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="mine">MINE</xsl:template>
</xsl:stylesheet>
EOF2
if got=$(timeout 20 "$artx" -t text --stylesheets "$t/user" "$page" 2>"$t/err") &&
    [ "$got" = "MINE|grammar" ]; then
    ok "a user's stylesheet includes its own file and reads a built-in one with document()"
else
    bad "user stylesheet: got '$got' $(head -c 300 "$t/err")"
fi
# document() of a file elsewhere is refused, not followed.
cat >"$t/user/article-to-text.xsl" <<'EOF2'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/"><xsl:value-of select="count(document('http://127.0.0.1:9/x.xml'))"/></xsl:template>
</xsl:stylesheet>
EOF2
timeout 20 "$artx" -t text --stylesheets "$t/user" "$page" >/dev/null 2>"$t/err"
rc=$?
if [ $rc -eq 1 ] && grep -Eq 'denied|refused' "$t/err"; then
    ok "document() of a network URL is refused"
else
    bad "document() of a network URL: exit $rc: $(head -c 300 "$t/err")"
fi

# Local files: readable inside the folder only.  document() of a file
# beside it works; of a file elsewhere it is denied; an include from
# elsewhere does not load; a stylesheet with an external entity is refused.
echo '<x>inside</x>' >"$t/user/data.xml"
mkdir "$t/elsewhere"
echo '<x>outside</x>' >"$t/elsewhere/data.xml"
printf '%s\n' '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>' \
    >"$t/elsewhere/lib.xsl"
user_sheet() { # user_sheet BODY: article-to-text.xsl with BODY as its template
    cat >"$t/user/article-to-text.xsl" <<EOF2
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  $1
</xsl:stylesheet>
EOF2
}
user_sheet '<xsl:template match="/"><xsl:value-of select="document(&quot;data.xml&quot;)/x"/></xsl:template>'
got=$(timeout 20 "$artx" -t text --stylesheets "$t/user" "$page" 2>"$t/err")
[ "$got" = inside ] && ok "document() of a file in the folder" ||
    bad "document() of a file in the folder: got '$got' $(head -c 300 "$t/err")"
user_sheet "<xsl:template match=\"/\"><xsl:value-of select=\"document('$t/elsewhere/data.xml')/x\"/></xsl:template>"
if got=$(timeout 20 "$artx" -t text --stylesheets "$t/user" "$page" 2>"$t/err") ||
    [ -n "$got" ] || ! grep -Eq 'denied|refused' "$t/err"; then
    bad "document() of a file outside the folder: exit 0 or read: '$got' $(head -c 300 "$t/err")"
else
    ok "document() of a file outside the folder is denied"
fi
user_sheet "<xsl:include href=\"$t/elsewhere/lib.xsl\"/><xsl:template match=\"/\">x</xsl:template>"
if timeout 20 "$artx" -t text --stylesheets "$t/user" "$page" >/dev/null 2>"$t/err"; then
    bad "an include from outside the folder was loaded"
else
    ok "an include from outside the folder does not load"
fi
cat >"$t/user/article-to-text.xsl" <<'EOF2'
<!DOCTYPE xsl:stylesheet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">&secret;</xsl:template>
</xsl:stylesheet>
EOF2
timeout 20 "$artx" -t text --stylesheets "$t/user" "$page" >"$t/out" 2>"$t/err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'entity reference &secret;' "$t/err" && [ ! -s "$t/out" ]; then
    ok "a stylesheet with an external entity is refused"
else
    bad "a stylesheet with an external entity: exit $rc, '$(head -c 100 "$t/out")' $(head -c 300 "$t/err")"
fi

"$artx" --stylesheets "$t/nonexistent" "$page" >/dev/null 2>"$t/err"
rc=$?
if [ $rc -eq 2 ] && grep -q "^artx: --stylesheets $t/nonexistent: " "$t/err"; then
    ok "--stylesheets of a missing folder: exit 2, the folder named"
else
    bad "--stylesheets of a missing folder: exit $rc: $(head -c 300 "$t/err")"
fi
finish
