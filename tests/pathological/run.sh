#!/bin/sh
# run.sh ARTX - the pathological suite (issue 10): hostile inputs that gen.py writes at
# test time (huge, deep, broken, entity attacks in every XML input, hostile URLs, local
# images, outputs that are not regular files, hostile stylesheets), each run once under a
# time limit and a memory cap, one at a time.  One line per case:
#   PASS|FAIL CASE | exit STATUS | WALL s / LIMIT s | PEAK MB / BUDGET MB [| WHY] | COMMAND
# (paths relative to the run's temporary folder).  What every case must do:
#   - end within its limit (a hang is killed there) and not by a signal;
#   - peak memory within 64 MB + 15x the size of the files it names (the issue: ~15x the
#     input on big pages, a 32 MB page well under 1 GiB);
#   - exit 1 with "artx: FILE: ..." naming a file it was given and no output left behind
#     (exit 2, usage, only where two inputs collide), or exit 0 with well-formed output
#     (xmllint --noout; EPUB: unzip -t and every XML part) that holds the case's markers:
#     the text at the bottom, at the end, after the hostile bytes (never dropped silently);
#   - never read a local file or the network it was not given (listen.py sees any fetch).
# PATHO_TIME_FACTOR multiplies every limit (slow builds); PATHO_VMEM_MB is the address
# space cap, 4096 by default, 0 to turn it off (off for sanitizer builds, found by name).
# Integers only.
set -u
suite=pathological
here=$(dirname "$0")
. "$here/../lib.sh"
artx=$1
PYTHON=${PYTHON:-/usr/bin/python3}
factor=${PATHO_TIME_FACTOR:-1}
vmem=${PATHO_VMEM_MB:-4096}
sanitized=
# A sanitizer build is slower and bigger by design: time limits are eight
# times longer, memory is not held to the budget, and the two biggest
# inputs (what they measure is a release build's cost) are left out.
if grep -q -e __asan_init -e __tsan_init "$artx" 2>/dev/null; then
    echo "$suite: a sanitizer build: no address-space cap or memory budget, limits x8," \
        "no 25 and 30 MB inputs" >&2
    vmem=0
    sanitized=1
    factor=${PATHO_TIME_FACTOR:-8}
fi
if ! need "$PYTHON" python3 || ! need xmllint libxml2-utils || ! need unzip unzip; then
    finish
fi
t=$(mktemp -d)
listener='' reader=''
cleanup() {
    [ -z "$listener" ] || kill "$listener" 2>/dev/null
    [ -z "$reader" ] || kill "$reader" 2>/dev/null
    chmod -R u+w "$t" 2>/dev/null
    rm -rf "$t"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
started=$(date +%s)

# A local HTTP server: the network URLs in the inputs name it.
: >"$t/net.log"
"$PYTHON" "$here/listen.py" "$t/port" "$t/net.log" &
listener=$!
n=0
while [ ! -s "$t/port" ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
port=$(cat "$t/port" 2>/dev/null)
[ -n "$port" ] || { bad "listen.py did not start"; finish; }

i=$t/in o=$t/out
mkdir "$o"
"$PYTHON" "$here/gen.py" "$i" "$artx" "$port" 2>"$t/gen.err" ||
    { bad "gen.py: $(tail -1 "$t/gen.err")"; finish; }
echo "$suite: inputs written in $(($(date +%s) - started)) s ($(du -sm "$i" | cut -f1) MB)"
leak=$(head -c 12 /etc/passwd)

# because WHY: the case fails, for this reason (among others).
because() {
    why="${why:+$why; }$*"
}

# go NAME SECONDS -- ARTX-ARGS...: run the case; sets rc (exit status, signal name or
# timeout), wall, peak, budget and an empty why, and fails it on a timeout, a signal,
# memory over budget and any network fetch.  $wrap, when set, runs the measurement.
go() {
    name=$1 limit=$(($2 * factor))
    shift 3
    bytes=0
    : >"$t/args"
    for _a in "$@"; do
        printf '%s\n' "$_a" >>"$t/args"
        [ -f "$_a" ] && bytes=$((bytes + $(wc -c <"$_a")))
    done
    budget=$((64 + 15 * bytes / 1048576))
    shown=$(printf 'artx %s' "$*" | sed "s|$t/||g")
    fetched=$(wc -l <"$t/net.log")
    why=
    res=$(${wrap:-} "$PYTHON" "$here/measure.py" "$limit" "$vmem" "$t/stdout" "$t/stderr" \
        -- "$artx" "$@")
    set -- $res
    rc=${1:-error} wall=${2:-?} peak=${3:-0}
    case $rc in
    timeout) because "killed at the $limit s limit" ;;
    SIG*) because "killed by $rc" ;;
    error) because "could not be run" ;;
    esac
    [ -n "$sanitized" ] || [ "$peak" -le "$budget" ] ||
        because "peak $peak MB over the $budget MB budget"
    [ "$(wc -l <"$t/net.log")" -eq "$fetched" ] ||
        because "fetched over the network: $(tail -1 "$t/net.log")"
}

# Cases that fail today for a reason an open issue names.  They run and
# print their line as KNOWN, and do not fail the suite; one that passes
# fails it, so that this list only ever shrinks.
known="
"

# report: the case's line, PASS or FAIL (KNOWN for a case of $known).
report() {
    line="$name | exit $rc | $wall s / $limit s | $peak MB / $budget MB"
    reason=$(printf '%s\n' "$known" | awk -v n="$name" '$1 == n { $1 = ""; print substr($0, 2) }')
    if [ -n "$reason" ] && [ -n "$why" ]; then
        echo "KNOWN $line | $(printf '%s' "$why" | tr '\n' ' ' | sed "s|$t/||g") | $reason"
    elif [ -n "$reason" ]; then
        bad "$line | passes now: take it off the known list in $0 | $shown"
    elif [ -z "$why" ]; then
        ok "$line | $shown"
    else
        bad "$line | $(printf '%s' "$why" | tr '\n' ' ' | sed "s|$t/||g") | $shown"
    fi
}

# message: stderr says "artx: FILE: ..." (or "artx: DIR/...") for a file of the command.
message() {
    while IFS= read -r _a; do
        if grep -qF -e "artx: $_a: " -e "artx: $_a/" "$t/stderr"; then
            return 0
        fi
    done <"$t/args"
    because "exit $rc without 'artx: FILE: ...': $(head -c 160 "$t/stderr" | tr '\n' ' ')"
}

# check CHECK FILE ARGS...: check.py's verdict, as a reason.
check() {
    _p=$("$PYTHON" "$here/check.py" "$@" 2>&1) || because "$_p"
}

# wellformed FORMAT FILE
wellformed() {
    case $1 in
    text) [ -s "$2" ] || because "empty output" ;;
    epub)
        unzip -tq "$2" >"$t/unzip" 2>&1 || because "unzip -t: $(head -1 "$t/unzip")"
        check epubxml "$2"
        ;;
    *)
        xmllint --noout --nonet --huge "$2" 2>"$t/xmllint" ||
            because "not well-formed: $(head -1 "$t/xmllint")"
        ;;
    esac
}

# outcome FORMAT OUT [MARKER...]: exit 0 with well-formed OUT holding every MARKER (and no
# entity declaration or, but for XHTML's, DOCTYPE copied through), or exit 1 with a message
# and no OUT left; only exit 1 when $refuse is set.
outcome() {
    _fmt=$1 _out=$2
    shift 2
    case $rc in
    0)
        [ -z "${refuse:-}" ] || because "exit 0 where only a refusal is bounded and not silent"
        if [ ! -f "$_out" ]; then
            because "exit 0 but no output $_out"
            return
        fi
        wellformed "$_fmt" "$_out"
        [ $# -eq 0 ] || check has "$_out" "$@"
        check lacks "$_out" "$leak" ZQXNETLEAK "<!ENTITY"
        case $_fmt in xhtml | epub | text) ;; *) check lacks "$_out" "<!DOCTYPE" ;; esac
        ;;
    1)
        message
        [ ! -e "$_out" ] || because "exit 1 but $_out left behind"
        ;;
    2) because "exit 2 (usage) for an input problem" ;;
    timeout | SIG* | error) ;;
    *) because "exit $rc (expected 0, or 1 with a message)" ;;
    esac
}

# formats CASE SECONDS INPUT-OPTIONS INPUT MARKER...: the case into article, XLIFF 2.0
# and EPUB, the formats whose writers differ most.
formats() {
    _base=$1 _secs=$2 _from=$3 _in=$4
    shift 4
    for _fmt in article xliff epub; do
        go "$_base.$_fmt" "$_secs" -- $_from -t $_fmt -T en -o "$o/$_base.$_fmt" "$_in"
        outcome $_fmt "$o/$_base.$_fmt" "$@"
        report
    done
}

# one CASE SECONDS FORMAT ARTX-OPTIONS... INPUT -- MARKER...: one format.
one() {
    _c=$1 _secs=$2 _fmt=$3
    shift 3
    _args=
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        _args="$_args $1"
        shift
    done
    [ $# -eq 0 ] || shift
    go "$_c.$_fmt" "$_secs" -- $_args -t "$_fmt" -T en -o "$o/$_c.$_fmt"
    outcome "$_fmt" "$o/$_c.$_fmt" "$@"
    report
}

echo "== size and structure"
formats nest-div-200k 10 "" "$i/nest-div-200k.html" ZQXBOTTOM
formats nest-300 10 "" "$i/nest-300.html" ZQXBOTTOM ZQXAFTER
formats art-nest-200k 10 "--from article" "$i/art-nest-200k.xml" ZQXBOTTOM
formats art-nest-300 10 "--from article" "$i/art-nest-300.xml" ZQXBOTTOM ZQXAFTER
formats xlf-nest-200k 10 "--from xliff" "$i/xlf-nest-200k.xlf" ZQXBOTTOM
formats xlf-nest-300 10 "--from xliff" "$i/xlf-nest-300.xlf" ZQXBOTTOM
formats text-10mb 15 "" "$i/text-10mb.html" ZQXTEXTEND
one art-text-10mb 15 article --from article "$i/art-text-10mb.xml" -- ZQXTEXTEND
if [ -z "$sanitized" ]; then
    formats runon-25mb 20 "" "$i/runon-25mb.html" ZQXRUNONEND
    formats page-30mb 20 "" "$i/page-30mb.html" ZQXFIRST ZQXLAST
fi
# An input over --max-input is refused, and the message says which limit.
refuse=1
go max-input 10 -- --max-input 1M -o "$o/max-input.xml" "$i/attr-class.html"
outcome article "$o/max-input.xml"
grep -qF -- '(--max-input)' "$t/stderr" || because "the message does not name --max-input"
report
refuse=
one attr-class 10 article "$i/attr-class.html" -- ZQXCLASS
one attr-href 10 article "$i/attr-href.html" -- ZQXLINKTEXT
one attr-href 10 epub "$i/attr-href.html" -- ZQXLINKTEXT
one attr-alt 10 article "$i/attr-alt.html" -- ZQXALTEND
one attr-alt 10 xliff "$i/attr-alt.html" -- ZQXALTEND
# The EPUB shows a remote image as a link to it, without its alt text.
one attr-alt 10 epub "$i/attr-alt.html"

echo "== bytes"
one only-lt 10 article "$i/only-lt.html"
one random 10 article "$i/random.html"
one nul 10 article "$i/nul.html" -- ZQXAFTERNUL
one nul 10 xliff "$i/nul.html" -- ZQXAFTERNUL
formats ctrl 10 "" "$i/ctrl.html" ZQXCTRL
formats utf8-broken 10 "" "$i/utf8-broken.html" ZQXUTF8
# README: valid UTF-8 is read as UTF-8 whatever the label; bytes that are not UTF-8 are
# read by the label or as CP949.  똠 is one of CP949's syllables that EUC-KR lacks.
one charset-euckr-utf8 10 article "$i/charset-euckr-utf8.html" -- "잘못 표시된 문자셋의 똠방각하"
one charset-utf8-cp949 10 article "$i/charset-utf8-cp949.html" -- "잘못 표시된 문자셋의 똠방각하"

echo "== XML attacks: --from article, --from xliff, --srx, --stylesheets"
# The text around each reference (ZQXREF) must stay; an external entity must not be read
# (no /etc/passwd, nothing from the listener); what an internal entity expands to
# (ZQXLOL, ZQXQUAD) must be there if the exit is 0, and within the memory budget: a
# billion laughs (10^9 copies) or a quadratic blowup (1 GB) can only be refused.
for a in xxe: netdtd: laughs:ZQXLOL quadratic:ZQXQUAD; do
    n=${a%%:*}
    one art-$n 10 article --from article "$i/art-$n.xml" -- ZQXREF ${a#*:}
    one xlf-$n 10 article --from xliff "$i/xlf-$n.xlf" -- ZQXREF ${a#*:}
    one sty-$n 10 text --stylesheets "$i/sty-$n" "$i/base.html" -- ZQXREF ${a#*:}
done
one art-doctype 10 article --from article "$i/art-doctype.xml" -- ZQXREF "한빛 주식회사"
one art-doctype 10 xliff --from article "$i/art-doctype.xml" -- ZQXREF "한빛 주식회사"
# The expansions of an SRX file are rules, unseen in the output: a blowup must be refused.
for a in xxe netdtd laughs quadratic entity; do
    case $a in laughs | quadratic | entity) refuse=1 ;; *) refuse= ;; esac
    one srx-$a 10 article --srx "$i/srx-$a.srx" "$i/base.html"
done
# A user's rule that backtracks without end: stopped by ICU's time limit, and said.
refuse=1
go srx-redos 10 -- --srx "$i/srx-redos.srx" -o "$o/srx-redos.xml" "$i/redos.html"
outcome article "$o/srx-redos.xml"
grep -q 'time limit' "$t/stderr" || because "the message does not name the time limit"
report
refuse=

echo "== URLs and local files"
for fmt in xhtml epub; do
    for c in url-page: url-article:"--from article" url-xlf20:"--from xliff" \
        url-xlf12:"--from xliff"; do
        n=${c%%:*}
        in=$(ls "$i/$n".*)
        go "$n.$fmt" 10 -- ${c#*:} -t $fmt -o "$o/$n.$fmt" "$in"
        outcome $fmt "$o/$n.$fmt"
        [ "$rc" != 0 ] || check urls "$o/$n.$fmt"
        # A page's javascript: links are its furniture; in an article or an XLIFF
        # they are content, and dropping them is said.
        case $n in url-page) ;; *)
            [ "$rc" != 0 ] || grep -q 'links or images dropped' "$t/stderr" ||
                because "no warning for the dropped URLs" ;;
        esac
        report
    done
done
for n in img-page img-base img-xlf; do
    in=$(ls "$i/$n"/page.*)
    case $n in img-xlf) from="--from xliff" ;; *) from= ;; esac
    go "$n.epub" 10 -- $from -t epub -o "$o/$n.epub" "$in"
    outcome epub "$o/$n.epub"
    [ "$rc" != 0 ] || check packed "$o/$n.epub" /etc/passwd /etc/hostname "$i/$n"/*.png
    report
done

echo "== outputs"
# -o /dev/null as root: only in a private mount namespace with a /dev of its own, so that
# the machine's /dev/null, which every process shares, is never at risk.
if [ "$(id -u)" -ne 0 ]; then
    missing "root" "run as root to check that -o /dev/null keeps the device (out-devnull)"
elif ! unshare -m true 2>/dev/null; then
    missing "unshare -m" "needed to give out-devnull a /dev of its own (util-linux, CAP_SYS_ADMIN)"
else
    cat >"$t/devns.sh" <<'EOF'
mount -t tmpfs pathological /dev || exit 90
mknod -m 666 /dev/null c 1 3 && : >/dev/.pathological || exit 91
"$@"
st=$?
{ [ -c /dev/null ] && echo chardev || ls -l /dev/null; ls -A /dev | tr '\n' ' '; } >"$DEVNS_STATE"
exit $st
EOF
    export DEVNS_STATE="$t/devns.state"
    wrap="unshare -m sh $t/devns.sh"
    go out-devnull 10 -- -o /dev/null "$i/base.html"
    wrap=
    [ ! -e /dev/.pathological ] || because "the private /dev leaked into the machine's"
    [ -c /dev/null ] || because "THE MACHINE'S /dev/null IS NO LONGER A DEVICE"
    if [ ! -s "$DEVNS_STATE" ]; then
        because "no private /dev"
    else
        [ "$(head -1 "$DEVNS_STATE")" = chardev ] ||
            because "/dev/null is no longer a character device: $(head -1 "$DEVNS_STATE")"
        left=$(sed -n 2p "$DEVNS_STATE" | tr ' ' '\n' |
            grep -v -e '^null$' -e '^\.pathological$' -e '^$' | tr '\n' ' ')
        [ -z "$left" ] || because "left in /dev: $left"
    fi
    case $rc in 0) ;; 1) message ;; timeout | SIG* | error) ;; *) because "exit $rc" ;; esac
    report
fi

# A FIFO with a reader: written through, or refused; never replaced.
mkfifo "$t/fifo"
timeout 60 cat "$t/fifo" >"$t/fifo.got" &
reader=$!
go out-fifo 10 -- -o "$t/fifo" "$i/base.html"
[ -p "$t/fifo" ] || because "the FIFO was replaced: $(ls -l "$t/fifo" | cut -c1-10)"
case $rc in
0) wellformed article "$t/fifo.got" ;;
1) message ;;
timeout | SIG* | error) ;;
*) because "exit $rc" ;;
esac
kill "$reader" 2>/dev/null
wait "$reader" 2>/dev/null
reader=
report

# A directory where the output file is meant: the one output of DIR, and segment's file.
mkdir -p "$t/od/base.xml"
go out-dir 10 -- -o "$t/od" "$i/base.html"
[ -d "$t/od/base.xml" ] || because "the directory od/base.xml was replaced"
[ "$rc" != 0 ] || because "exit 0 with a directory where the output goes"
[ "$rc" != 1 ] || message
[ -z "$(find "$t/od" -name '.artx-*')" ] || because "temporary file left"
report
mkdir "$t/sd"
go out-dir-segment 10 -- segment -l ko -o "$t/sd" "$i/segment.txt"
[ -d "$t/sd" ] || because "the directory sd was replaced"
[ "$rc" != 0 ] || because "exit 0 with a directory as the output file"
[ "$rc" != 1 ] || message
report

# Two inputs with one base name into one folder: refused before anything is written, or
# both kept under distinct names; never one lost.
go out-samename 10 -- -o "$o/same" "$i/a/page.html" "$i/b/page.html"
case $rc in
0)
    fa=$(grep -l ZQXPAGEA "$o/same"/* 2>/dev/null)
    fb=$(grep -l ZQXPAGEB "$o/same"/* 2>/dev/null)
    if [ -z "$fa" ] || [ -z "$fb" ] || [ "$fa" = "$fb" ]; then
        because "one output lost: same/ holds $(ls "$o/same" | tr '\n' ' ')(a/page.html's" \
            "text in '${fa##*/}', b/page.html's in '${fb##*/}')"
    fi
    ;;
1 | 2)
    grep -q '^artx: ' "$t/stderr" || because "exit $rc without a message"
    [ -z "$(ls -A "$o/same" 2>/dev/null)" ] ||
        because "refused after writing $(ls -A "$o/same" | tr '\n' ' ')(refuse before writing)"
    ;;
timeout | SIG* | error) ;;
*) because "exit $rc" ;;
esac
report

# The input as its own output, as a file and through -o DIR.
cp "$i/base.html" "$t/self.html"
go out-self 10 -- -o "$t/self.html" "$t/self.html"
cmp -s "$i/base.html" "$t/self.html" || because "the input was overwritten"
if [ "$rc" = 1 ]; then message; else because "exit $rc, expected 1"; fi
report
mkdir "$t/sd2"
"$artx" -o "$t/sd2/base.xml" "$i/base.html"
cp "$t/sd2/base.xml" "$t/self.xml"
go out-self-dir 10 -- --from article -o "$t/sd2" "$t/sd2/base.xml"
cmp -s "$t/self.xml" "$t/sd2/base.xml" || because "the input was overwritten"
if [ "$rc" = 1 ]; then message; else because "exit $rc, expected 1"; fi
report

echo "== hostile stylesheets (--stylesheets DIR, -t text)"
# Endless recursion, a 10^9-line loop, the same loop with no output and 10^9 XPath
# steps in one expression: stopped, with a message that names the stylesheet, the
# template and the limit.
for c in "recurse:endless:recursion" "loop:match /:MB of memory" \
    "idle:match /:instructions" "xpath:match /:XPath steps"; do
    n=${c%%:*} rest=${c#*:}
    tpl=${rest%%:*} bound=${rest#*:}
    go sty-$n 10 -- --stylesheets "$i/sty-$n" -t text -o "$o/sty-$n.txt" "$i/base.html"
    if [ "$rc" = 1 ]; then
        message
        for w in article-to-text.xsl "$tpl" "$bound"; do
            grep -qF "$w" "$t/stderr" ||
                because "the message does not name $w: $(grep '^artx: ' "$t/stderr" | head -c 160)"
        done
        [ ! -e "$o/sty-$n.txt" ] || because "output left behind"
    else
        because "exit $rc, expected 1 (bounded, with a message)"
    fi
    report
done
for c in xsldoc exsldoc doc-passwd doc-outside doc-net include import-abs; do
    go sty-$c 10 -- --stylesheets "$i/sty-$c" -t text -o "$o/sty-$c.txt" "$i/base.html"
    outcome text "$o/sty-$c.txt"
    [ ! -e "$i/written" ] || because "wrote $(find "$i/written" | sed "s|$t/||" | tr '\n' ' ')"
    [ "$rc" != 0 ] || check lacks "$o/sty-$c.txt" ZQXSECRET ZQXEVIL ZQXWRITTEN
    report
done

echo "$suite: $(($(date +%s) - started)) s"
finish
