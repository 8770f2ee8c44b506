#!/bin/sh
# options.sh ARTX - the options as a new user types them, mistakes included:
# stylesheet parameters checked against artx's table (name, value, the
# format that reads them), language tags, the format an -o extension
# names, -o DIR/, several inputs, binary output and terminals, the form
# of every message (artx: first, what was expected named), a mistyped
# subcommand or option suggested, the listings and --print-stylesheet,
# SOURCE_DATE_EPOCH.  Run from the repository's top folder:
#   sh tests/cli/options.sh build/artx
set -u
suite=cli-options
. "$(dirname "$0")/../lib.sh"
artx=${1:-build/artx}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
good=samples/board-dump.txt
formats="article, text, xliff, xliff12, docbook, xhtml, epub, stats, tmx"

# ---- parameters -------------------------------------------------------------
expect "-p typo" 2 "^artx: -p prefil-target: unknown parameter: did you mean 'prefill-target'?" \
    -- -t xliff12 -p prefil-target=yes -o "$t/x.xlf" "$good"
[ ! -e "$t/x.xlf" ] && ok || bad "-p typo: an output was written"
expect "-p unknown, no near name" 2 "^artx: -p colour: unknown parameter (artx --list-params" \
    -- -p colour=red "$good"
expect "-p bad choice" 2 "^artx: -p mode: 'bogus' is not one of page, epub" \
    -- -t xhtml -p mode=bogus "$good"
expect "-p prefill-target=true" 2 "^artx: -p prefill-target: 'true' is not one of yes, no" \
    -- -t xliff12 -p prefill-target=true "$good"
expect "-p not read by the format" 2 "^artx: -p prefill-target: not read by -t xliff (only by xliff12)" \
    -- -t xliff -p prefill-target=yes "$good"
expect "-p target-lang not a tag" 2 "^artx: -p target-lang: 'e n' is not a BCP 47 language tag" \
    -- -t xliff -p "target-lang=e n" "$good"
expect "-p modified not a timestamp" 2 "^artx: -p modified: '2026-12-02' is not a time" \
    -- -t epub -o "$t/m.epub" -p modified=2026-12-02 "$good"
expect "-p NAME only" 2 "^artx: -p novalue: not NAME=VALUE" -- -p novalue "$good"
expect "-p prefill-target=yes" 0 "" -- -t xliff12 -T en -p prefill-target=yes "$good"
grep -q 'state="needs-translation"' "$t/stdout" && ok "-p prefill-target=yes prefills" ||
    bad "-p prefill-target=yes: no prefilled target"
expect "-p given twice: the last wins" 0 "" -- -t xliff12 -T en -p prefill-target=no \
    -p prefill-target=yes "$good"
grep -q 'state="needs-translation"' "$t/stdout" && ok || bad "-p twice: the first value won"

# ---- language tags ----------------------------------------------------------------
expect "-T not a tag" 2 "^artx: -T e n: not a BCP 47 language tag" -- -T "e n" "$good"
expect "-T en_US" 2 "^artx: -T en_US: not a BCP 47 language tag" -- -t xliff -T en_US "$good"
expect "-s not a tag" 2 "^artx: -s ko_KR: not a BCP 47 language tag" -- -t xliff -s ko_KR "$good"
expect "-T and -p target-lang disagree" 2 "^artx: -T en and -p target-lang=fr disagree" \
    -- -t xliff -T en -p target-lang=fr "$good"
expect "-T and -p target-lang agree" 0 "" -- -t xliff -T en -p target-lang=en "$good"
grep -q 'trgLang="en"' "$t/stdout" && ok || bad "-T en: no trgLang"
expect "-s names the source language" 0 "" -- -t xliff -s ko-KR -T en "$good"
grep -q 'srcLang="ko-KR"' "$t/stdout" && ok "-s ko-KR: srcLang" || bad "-s ko-KR: no srcLang"
expect "segment -l not a tag" 2 "^artx: -l k o: not a BCP 47 language tag" -- segment -l "k o"

# ---- the format an -o extension names -------------------------------------
for pair in xlf:xliff dbk:docbook epub:epub html:xhtml xhtml:xhtml txt:text xml:article json:stats; do
    ext=${pair%%:*} fmt=${pair#*:}
    SOURCE_DATE_EPOCH=1700000000 "$artx" -T en -o "$t/guess.$ext" "$good" 2>"$t/err" &&
        SOURCE_DATE_EPOCH=1700000000 "$artx" -T en -t "$fmt" -o "$t/want.$ext" "$good" 2>>"$t/err" &&
        cmp -s "$t/guess.$ext" "$t/want.$ext" &&
        ok "-o FILE.$ext without -t: $fmt" ||
        bad "-o FILE.$ext without -t is not -t $fmt: $(head -c 200 "$t/err")"
done
"$artx" -t xliff12 -T en -o "$t/wins.xlf" "$good" &&
    grep -q 'urn:oasis:names:tc:xliff:document:1.2' "$t/wins.xlf" &&
    ok "-t wins over the extension" || bad "-t xliff12 -o F.xlf is not XLIFF 1.2"
expect "-o with an unknown extension" 2 "^artx: -o $t/guess.pdf: the extension .pdf names no format: give -t FORMAT ($formats)" \
    -- -o "$t/guess.pdf" "$good"
[ ! -e "$t/guess.pdf" ] && ok || bad "-o guess.pdf: a file was written"
"$artx" -o "$t/noext" "$good" && grep -q 'urn:artx:article' "$t/noext" &&
    ok "-o FILE without an extension: the article" || bad "-o FILE without an extension"

# ---- binary output and terminals --------------------------------------------
# A terminal for standard output, where script(1) can give one.
if command -v script >/dev/null 2>&1; then
    script -qec "$artx -t epub $good" /dev/null >"$t/tty" 2>&1
    grep -q "artx: -t epub: not for a terminal: give -o FILE" "$t/tty" &&
        ok "EPUB to a terminal is refused" || bad "EPUB to a terminal: $(head -c 200 "$t/tty")"
    script -qec "$artx -t epub -o - $good" /dev/null >"$t/tty" 2>&1
    grep -q "not for a terminal" "$t/tty" && bad "-o - did not insist" || ok "-o - insists"
else
    missing script "install the Debian package 'bsdutils' (apt-get install -y bsdutils)"
fi
"$artx" -t epub "$good" >"$t/pipe.epub" && [ "$(head -c 2 "$t/pipe.epub")" = PK ] &&
    ok "EPUB to a pipe or file is written" || bad "EPUB to standard output (not a terminal)"

# ---- -o DIR/ and several inputs -------------------------------------------------
expect "-o DIR/ with one input" 0 "" -- -o "$t/single/" "$good"
[ -f "$t/single/board-dump.xml" ] && ok "-o DIR/: the output is named after the input" ||
    bad "-o single/: $(ls "$t/single" 2>&1)"
mkdir "$t/existing"
expect "-o an existing directory, one input" 0 "" -- -t text -o "$t/existing" "$good"
[ -f "$t/existing/board-dump.txt" ] && ok || bad "-o DIR (existing): $(ls "$t/existing")"
expect "-o DIR/ under a missing folder" 1 "cannot create directory" -- -o "$t/no/such/" "$good"
expect "several inputs, no -o" 2 "^artx: several inputs need -o DIR/" \
    -- -t xliff samples/daum-article.html samples/naver-article.html
expect "several inputs, -t text, no -o" 0 "" -- -t text samples/daum-article.html samples/naver-article.html
expect "several inputs, -t stats, no -o" 0 "" -- -t stats samples/daum-article.html samples/naver-article.html
[ "$(wc -l <"$t/stdout")" -eq 2 ] && [ "$(grep -c '^{"language":"ko",' "$t/stdout")" -eq 2 ] &&
    ok "-t stats: one JSON line per input" || bad "-t stats over two inputs: $(head -c 300 "$t/stdout")"
expect "several inputs into a file name" 2 "^artx: -o $t/many.epub: several inputs make several outputs: name a directory" \
    -- -o "$t/many.epub" samples/daum-article.html samples/naver-article.html
: >"$t/afile"
expect "several inputs into an existing file" 2 "several inputs make several outputs" \
    -- -o "$t/afile" samples/daum-article.html samples/naver-article.html
expect "-o FILE/ naming a file" 2 "^artx: -o $t/afile/: not a directory" -- -o "$t/afile/" "$good"
expect "several inputs, -o DIR/" 0 "" -- -q -t xliff -T en -o "$t/many/" samples/daum-article.html samples/naver-article.html
[ -f "$t/many/daum-article.xlf" ] && [ -f "$t/many/naver-article.xlf" ] && ok || bad "-o many/: $(ls "$t/many")"

# ---- messages: artx: first, what was expected named -------------------------------
expect "-t pdf" 2 "^artx: -t pdf: unknown format ($formats)" -- -t pdf "$good"
expect "--from doc" 2 "^artx: --from doc: unknown input format (auto, html, dump, article, xliff)" \
    -- --from doc "$good"
expect "-f is --from" 0 "" -- -f dump "$good"
expect "unknown short option" 2 "^artx: unknown option '-x'" -- -x "$good"
expect "unknown long option, near one" 2 "^artx: unknown option '--outptu': did you mean '--output'?" \
    -- --outptu x "$good"
expect "option without its argument" 2 "^artx: option '-o' needs an argument" -- "$good" -o
expect "mistyped subcommand" 2 "^artx: 'segement' is not a command, nor a file: did you mean 'segment'?" \
    -- segement -l ko
cp "$good" "$t/segement"
abs=$(cd "$(dirname "$artx")" && pwd)/$(basename "$artx")
(cd "$t" && "$abs" segement >/dev/null 2>"$t/err") &&
    ok "a file named like a subcommand is an input" || bad "file 'segement': $(cat "$t/err")"
expect "--srx of a missing file" 2 "^artx: --srx $t/none.srx: No such file or directory" \
    -- --srx "$t/none.srx" "$good"
expect "--images of a file" 2 "^artx: --images $good: not a folder" -- -t epub -o "$t/i.epub" --images "$good" "$good"
expect "--stylesheets of a missing folder" 2 "^artx: --stylesheets $t/none: No such file" \
    -- --stylesheets "$t/none" "$good"
: >"$t/stderr"
for args in "-t pdf x" "--bogus" "-j 0 x" "--max-input 0 x" "segment" "segment --bogus"; do
    # shellcheck disable=SC2086
    "$artx" $args >/dev/null 2>"$t/stderr" </dev/null
    head -1 "$t/stderr" | grep -q '^artx: ' && ok || bad "'artx $args': $(head -1 "$t/stderr")"
done

# ---- SOURCE_DATE_EPOCH --------------------------------------------------------------
SOURCE_DATE_EPOCH=yesterday "$artx" -t epub -o "$t/sde.epub" "$good" 2>"$t/err"
rc=$?
[ $rc -eq 2 ] && grep -q "^artx: SOURCE_DATE_EPOCH=yesterday: not a number of seconds" "$t/err" &&
    [ ! -e "$t/sde.epub" ] && ok "a bad SOURCE_DATE_EPOCH is a usage error" ||
    bad "SOURCE_DATE_EPOCH=yesterday: exit $rc: $(head -c 200 "$t/err")"
SOURCE_DATE_EPOCH=yesterday "$artx" -t xliff -T en "$good" >/dev/null 2>&1 &&
    ok "SOURCE_DATE_EPOCH does not concern XLIFF" || bad "SOURCE_DATE_EPOCH stopped an XLIFF"

# ---- listings -------------------------------------------------------------------------
expect "--list-formats" 0 "" -- --list-formats
[ "$(cut -d' ' -f1 "$t/stdout" | tr '\n' ' ')" = "article text xliff xliff12 docbook xhtml epub stats tmx " ] &&
    ok "--list-formats names every format" || bad "--list-formats: $(cat "$t/stdout")"
expect "--list-params" 0 "" -- --list-params
for p in target-lang source-lang prefill-target mode identifier modified; do
    grep -q "^$p=" "$t/stdout" && ok || bad "--list-params lacks $p"
done
expect "--list-params of one format" 0 "" -- -t xliff12 --list-params
grep -q '^prefill-target=yes|no' "$t/stdout" && ! grep -q '^mode=' "$t/stdout" &&
    ok "-t xliff12 --list-params: its parameters only" || bad "-t xliff12 --list-params: $(cat "$t/stdout")"
expect "--print-stylesheet a format" 0 "" -- --print-stylesheet xliff12
cmp -s "$t/stdout" xslt/article-to-xliff12.xsl && ok "--print-stylesheet xliff12 is the built-in file" ||
    bad "--print-stylesheet xliff12 differs from xslt/article-to-xliff12.xsl"
expect "--print-stylesheet a file" 0 "" -- --print-stylesheet common.xsl
cmp -s "$t/stdout" xslt/common.xsl && ok || bad "--print-stylesheet common.xsl"
expect "--print-stylesheet epub" 2 "article-to-opf.xsl" -- --print-stylesheet epub
expect "--print-stylesheet nothing" 2 "^artx: --print-stylesheet nope.xsl: not a built-in file" \
    -- --print-stylesheet nope.xsl

# A customisation starts from a printed stylesheet; its own parameter is accepted.
mkdir "$t/custom"
"$artx" --print-stylesheet text |
    sed 's|<xsl:output|<xsl:param name="banner" select="'"''"'"/>\n  &|' >"$t/custom/article-to-text.xsl"
expect "-p of a customised stylesheet" 0 "" -- --stylesheets "$t/custom" -t text -p banner=x "$good"
expect "-p unknown to the customised stylesheets too" 2 "unknown parameter" \
    -- --stylesheets "$t/custom" -t text -p banner2=x "$good"

# ---- what a reviewer tried ---------------------------------------------------------
expect "-p value with printf directives" 2 "'%s%s%s%s%n' is not one of yes, no" \
    -- -t xliff12 -p 'prefill-target=%s%s%s%s%n' "$good"
expect "-o extension with printf directives" 2 "the extension .%s%s%n names no format" \
    -- -o 'x.%s%s%n' "$good"
expect "-o ''" 2 "^artx: -o '': an empty path" -- -o '' "$good"
expect "segment -o ''" 2 "^artx: -o '': an empty path" -- segment -l en -o ''
expect "unknown short option after a long one" 2 "^artx: unknown option '-x'" -- --strict -xq "$good"
expect "a long option given an argument it takes not" 2 "^artx: option '--strict' takes no argument" \
    -- --strict=yes "$good"
expect "an ambiguous abbreviation" 2 "^artx: option '--s' is ambiguous (--source-lang, --strict" \
    -- --s "$good"
expect "-T given to a format that names no language" 0 "" -- -f html -T en -t text "$good"
expect "-T and -p target-lang in another case" 0 "" -- -t xliff -T en -p target-lang=EN "$good"
expect "a listing with an input" 2 "the listings take no input and no -o" -- --list-formats "$good"
expect "--print-stylesheet with -o" 2 "the listings take no input and no -o" \
    -- --print-stylesheet xliff -o "$t/mine.xsl"
[ ! -e "$t/mine.xsl" ] && ok || bad "--print-stylesheet -o wrote a file"
expect "-p of a customised stylesheet another format does not load" 2 "^artx: -p banner: unknown parameter" \
    -- --stylesheets "$t/custom" -t xliff -p banner=x "$good"

# ---- --help ---------------------------------------------------------------------------
expect "--help" 0 "" -- --help
grep -q "prefill-target" "$t/stdout" && grep -q "man artx" "$t/stdout" &&
    [ "$(grep -c '^  artx ' "$t/stdout")" -ge 3 ] && ok "--help: examples, prefill-target, man" ||
    bad "--help lacks examples, prefill-target or the manual"
expect "segment --help" 0 "" -- segment --help
grep -q "^Usage: artx segment -l LANG" "$t/stdout" && ok || bad "segment --help"
finish
