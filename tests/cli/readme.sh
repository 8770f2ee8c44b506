#!/bin/sh
# readme.sh ARTX - every command the README shows a user (the ```sh blocks
# of its "Usage", "Sentences" and "For CAT-tool users" sections, taken from
# README.md itself) runs and succeeds, in order, in a folder that holds the
# files they name.  A comment line that says the translator translates is
# where this test plays the translator: it changes the text of every target
# and marks it translated, so that the merge commands after it (--strict
# among them) see a translated file.  Run from the repository's top folder:
#   sh tests/cli/readme.sh build/artx
set -u
suite=cli-readme
. "$(dirname "$0")/../lib.sh"
artx=${1:-build/artx}
PYTHON=${PYTHON:-/usr/bin/python3}
# The commands run in $t, which holds only what they name and write; this
# test's own files are in $log.
log=$(mktemp -d)
t=$log/w
mkdir "$t"
trap 'rm -rf "$log"' EXIT
need "$PYTHON" python3 || finish
need curl curl || finish
top=$(pwd)
bin=$(cd "$(dirname "$artx")" && pwd)

# The files the commands name, made from the samples.
mkdir "$t/pages"
cp samples/daum-article.html "$t/page.html"
cp samples/daum-article.html "$t/a.html"
cp samples/naver-article.html "$t/b.html"
cp samples/board-dump.txt "$t/c.txt"
cp samples/board-dump.txt "$t/board.txt"
cp samples/daum-article.html samples/naver-article.html "$t/pages/"
printf '%s\n' '서울시는 내일부터 버스 요금을 올린다. 시민들은 반발했다.' '두 번째 문단이다.' \
    >"$t/paragraphs.txt"
"$artx" --print-stylesheet artx-segment.srx >"$t/my.srx"
printf '%s\n' 'He left at 5 p.m. on Friday. The rest stayed.' >"$log/stdin.txt"

# The translator: every 1.2 or 2.0 target gets new text and state translated.
cat >"$log/translate.py" <<'EOF'
import sys
from lxml import etree
path = sys.argv[1]
doc = etree.parse(path)
for el in doc.iter():
    if not isinstance(el.tag, str) or etree.QName(el).localname != "target":
        continue
    for node in el.iter():
        if node.text and node.text.strip():
            node.text = "[en] " + node.text
    if etree.QName(el).namespace.endswith(":1.2"):
        el.set("state", "translated")
    else:
        el.getparent().set("state", "translated")
doc.write(path, xml_declaration=True, encoding="UTF-8")
EOF

# The commands, section by section, one line each; "+ " marks the translator.
sed -n '/^## Usage/,/^## Supported inputs/p; /^## Sentences/,/^## For CAT-tool users/p;
        /^## For CAT-tool users/,/^## Using artx from XSLT/p' README.md |
    awk '/^```sh/ { on = 1; next } /^```/ { on = 0 } on' |
    sed -n 's/^# .*translat.*/+ translate/p; /^artx \|^curl \|^SOURCE_DATE_EPOCH=/p' >"$log/commands"
n=$(wc -l <"$log/commands")
[ "$n" -ge 20 ] && ok "the README shows $n commands" || bad "only $n commands found in README.md"
grep -q '^+ translate' "$log/commands" && ok || bad "the CAT section has no translation step"

cd "$t" || exit 1
while IFS= read -r line; do
    if [ "$line" = "+ translate" ]; then
        for f in *.xlf; do
            "$PYTHON" "$log/translate.py" "$f" || bad "translating $f"
        done
        continue
    fi
    # The commands use $URL, the address of a page.
    if PATH="$bin:$PATH" URL="file://$t/page.html" sh -c "$line" <"$log/stdin.txt" \
        >"$log/out" 2>"$log/err"; then
        ok "README: $line"
    else
        bad "README: $line: exit $?: $(head -c 300 "$log/err")"
    fi
done <"$log/commands"
cd "$top" || exit 1
[ -s "$t/page.epub" ] && [ -s "$t/out/a.xml" ] && [ -s "$t/page.dbk" ] &&
    ok "the README's commands wrote their files" || bad "missing outputs: $(ls "$t")"
finish
