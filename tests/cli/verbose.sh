#!/bin/sh
# verbose.sh ARTX - what -v says of each input: three lines "artx: FILE: ..." on standard error,
# each field present and true to the output: the kind, encoding and finder (a site rule by name,
# a layout rule, the scoring finder with its score), the language and title of the article
# written, the blocks, figures and sentences it holds (counted with xmllint), what was dropped
# and lifted, the bytes written and a time; for a merge, the units of the XLIFF.  Without -v, or
# for an input that fails, none of these lines.
set -u
suite=cli-verbose
. "$(dirname "$0")/../lib.sh"
artx=$1
need xmllint libxml2-utils || finish
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

# xp FILE EXPR: the string value of an XPath expression on an output.
xp() {
    xmllint --xpath "$2" "$1" 2>/dev/null
}

# kept FILE: what -v must say an article output holds.
kept() {
    body="/*/*[local-name()='body']"
    echo "kept blocks $(xp "$1" "count($body/*[local-name()!='figure'])")," \
        "figures $(xp "$1" "count($body/*[local-name()='figure'])")," \
        "sentences $(xp "$1" "count(//*[local-name()='s'])")"
}

# line N: the Nth line of the last run's standard error, "artx: FILE: " taken off.
line() {
    sed -n "$1p" "$t/err" | sed "s|^artx: $name: ||"
}

# check_page WHAT INPUT KIND FINDER [ARTX OPTIONS]: -v on INPUT, to article XML; FINDER is a
# pattern.
check_page() {
    what=$1 input=$2 kind=$3 finder=$4
    shift 4
    if ! "$artx" -v "$@" -o "$t/out.xml" "$input" 2>"$t/err"; then
        bad "$what: exit $?: $(head -1 "$t/err")"
        return
    fi
    n=$(grep -c "^artx: $input: " "$t/err")
    [ "$n" -eq 3 ] && [ "$(wc -l <"$t/err")" -eq 3 ] && ok ||
        bad "$what: $n lines of -v, $(wc -l <"$t/err") in all: $(cat "$t/err")"
    name=$input
    l1=$(line 1) l2=$(line 2) l3=$(line 3)
    lang=$(xp "$t/out.xml" 'string(/*/@xml:lang)')
    title=$(xp "$t/out.xml" "normalize-space(/*/*[local-name()='head']/*[local-name()='title'])")
    # shellcheck disable=SC2027,SC2254 # FINDER is a pattern, the rest literal
    case $l1 in
    "$kind, encoding UTF-8, "$finder", language $lang, title \"$title\"") ok "$what: $l1" ;;
    *) bad "$what: line 1 is '$l1', not '$kind, encoding UTF-8, $finder, language $lang, title \"$title\"'" ;;
    esac
    [ -n "$title" ] && [ -n "$lang" ] && ok || bad "$what: the article has no title or language"
    case $l2 in
    "$(kept "$t/out.xml"); dropped "*"; lifted "*) ok "$what: $l2" ;;
    *) bad "$what: line 2 is '$l2', not '$(kept "$t/out.xml"); dropped ...; lifted ...'" ;;
    esac
    case $l2 in
    *"sentences 0;"*) bad "$what: the article has no sentences" ;;
    *) ok ;;
    esac
    bytes=$(wc -c <"$t/out.xml")
    case $l3 in
    "$bytes bytes out in "*" ms") ok "$what: $l3" ;;
    *) bad "$what: line 3 is '$l3', not $bytes bytes out in ... ms" ;;
    esac
    ms=${l3##* in }
    ms=${ms% ms}
    awk -v ms="$ms" 'BEGIN { exit !(ms ~ /^[0-9]+\.[0-9]$/ && ms > 0 && ms < 60000) }' && ok ||
        bad "$what: the time '$ms' is not a plausible number of milliseconds"
}

check_page daum samples/daum-article.html "html page" "site rule daum"
check_page naver samples/naver-article.html "html page" "site rule naver"
check_page dump samples/board-dump.txt "board dump" "site rule daum"
# Read as plain HTML, a dump's header line is not looked for: no board dump, and no title.
"$artx" -v --from html -o "$t/out.xml" samples/board-dump.txt 2>"$t/err"
name=samples/board-dump.txt
case $(line 1) in
"html page, encoding UTF-8, site rule daum, language ko, no title") ok "--from html: $(line 1)" ;;
*) bad "--from html: line 1 is '$(line 1)'" ;;
esac

# Pages of no known site: a layout rule by name, and the scoring finder with its score.
p="The council said on Tuesday that the new library, the third in the district, will open in
March, with a reading room, a cafe and a hall for talks on three evenings a week."
cat >"$t/article.html" <<HTML
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A library opens</title></head>
<body><article><h1>A library opens</h1><p>$p</p><p>$p</p>
<div class="share-buttons">Share</div><div hidden>Hidden text</div>
<p>Copyright 2024 The Example Times. All rights reserved.</p></article></body></html>
HTML
check_page layout "$t/article.html" "html page" "layout rule <article>"
case $(line 2) in
*"dropped hidden 1, share 1; lifted rights 1, title 1") ok "layout: the dropped and lifted counted" ;;
*) bad "layout: line 2 is '$(line 2)'" ;;
esac
sed 's|<article>|<div id="main">|; s|</article>|</div>|' "$t/article.html" >"$t/scored.html"
check_page scoring "$t/scored.html" "html page" "scoring [0-9]*.[0-9]"
case $(line 1) in
*"scoring 0.0"*) bad "scoring: a score of 0" ;;
*) ok ;;
esac

# Article XML in: no finder, nothing dropped.
cp "$t/out.xml" "$t/in.xml"
if "$artx" -v -o "$t/out.xml" "$t/in.xml" 2>"$t/err"; then
    name=$t/in.xml
    case $(line 1) in
    "article xml, encoding UTF-8, language en, title \"A library opens\"") ok "article xml: $(line 1)" ;;
    *) bad "article xml: line 1 is '$(line 1)'" ;;
    esac
    [ "$(line 2)" = "$(kept "$t/out.xml")" ] && ok "article xml: $(line 2)" ||
        bad "article xml: line 2 is '$(line 2)', not '$(kept "$t/out.xml")'"
else
    bad "article xml: exit $?: $(head -1 "$t/err")"
fi

# Merges: the XLIFF's version and units, the target language.
for fmt in xliff:2.0:unit xliff12:1.2:trans-unit; do
    f=${fmt%%:*} v=${fmt#*:} v=${v%%:*} unit=${fmt##*:}
    "$artx" -q -t "$f" -T en -o "$t/a.xlf" samples/daum-article.html
    units=$(xp "$t/a.xlf" "count(//*[local-name()='$unit'])")
    if "$artx" -v --from xliff -o "$t/out.xml" "$t/a.xlf" 2>"$t/err"; then
        name=$t/a.xlf
        title=$(xp "$t/out.xml" "normalize-space(/*/*[local-name()='head']/*[local-name()='title'])")
        want="xliff $v, encoding UTF-8, $units units merged, language en, title \"$title\""
        # after the warning that the segments have no translation
        for want in "$want" "$(kept "$t/out.xml")"; do
            grep -qxF "artx: $name: $want" "$t/err" && ok "merge $v: $want" ||
                bad "merge $v: no line '$want' in: $(cat "$t/err")"
        done
        grep -q "^artx: $name: [0-9]* bytes out in [0-9.]* ms$" "$t/err" && ok ||
            bad "merge $v: no time line: $(cat "$t/err")"
    else
        bad "merge $v: exit $?: $(head -1 "$t/err")"
    fi
done

# Several inputs at once: three lines each, whole.
"$artx" -v -j 3 -o "$t/dir" samples/daum-article.html samples/naver-article.html \
    samples/board-dump.txt 2>"$t/err"
for f in samples/daum-article.html samples/naver-article.html samples/board-dump.txt; do
    [ "$(grep -c "^artx: $f: " "$t/err")" -eq 3 ] && ok || bad "-j 3: not three lines for $f"
done

# Without -v, with -q, or when the input fails: none of it.
"$artx" -o "$t/out.xml" samples/daum-article.html 2>"$t/err"
[ ! -s "$t/err" ] && ok "no -v: nothing on standard error" || bad "no -v: $(cat "$t/err")"
"$artx" -q -o "$t/out.xml" samples/daum-article.html 2>"$t/err"
[ ! -s "$t/err" ] && ok || bad "-q: $(cat "$t/err")"
printf '<html><body><a href="/x">link</a></body></html>' >"$t/empty.html"
"$artx" -v -o "$t/out.xml" "$t/empty.html" 2>"$t/err"
[ "$(wc -l <"$t/err")" -eq 1 ] && ok "a failing input: its error alone" ||
    bad "a failing input: $(cat "$t/err")"
finish
