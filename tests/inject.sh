#!/bin/sh
# inject.sh ARTX - error injection, as jq's tests do: with the shim
# tests/inject/inject.c preloaded, one libc call of a normal run fails
# (ARTX_INJECT=FUNC:N), for every function the run calls and for N from 1
# to the number of calls it makes (every call for I/O, a spread for the
# allocators), in several modes.  Every run must exit 0 with the normal
# output, or 1 with "artx: FILE: reason", the old output untouched and no
# temporary file; never a signal, a hang or exit 2.
#
# Known library limits: failures inside libxml2 2.9.14, libxslt 1.1.35 or
# ICU 72 that no artx frame is responsible for (Debian 12's packages).  A
# run that meets one is counted apart, not as passed.  An entry is
# "FUNC KIND NAME": call FUNC failed and the run crashed (NAME is the first
# named frame on the stack), hung (NAME is on the stack) or exited 0 with a
# wrong output (silent: NAME is on the stack of the failed call).  Found at
# (mode FUNC:N) and what the stack's top shows (the entries are read from
# these lines):
#   libxml2's XPath evaluator, under a libxslt transformation, dereferences
#   what an allocation that failed did not give it (a block of libxml2 with
#   no symbol, +0x2fea1 or +0x9f68c, +0xa00a4, +0xa57ac ...):
#     malloc crash xmlXPathCompiledEval    epub malloc:184749
#     malloc crash xsltChoose              epub malloc:184736
#     malloc crash xsltIf                  merge malloc:30554
#     realloc crash xmlXPathCompiledEval   xliff realloc:7012
#     realloc crash xmlXPathCountFunction  xliff realloc:7011
#     realloc crash xmlXPathRoot           epub realloc:6929
#     realloc crash xsltChoose             epub realloc:6897
#     realloc crash xsltIf                 epub realloc:6900
#   libxslt itself:
#     malloc crash xsltEvalXPathStringNs   epub malloc:184758 (an attribute value template)
#     malloc crash xsltGetTemplate         epub malloc:177408 (seen before the shim fixed the clock)
#   libxml2's HTML parser loops for ever when its input buffer cannot grow
#   (htmlParseDocument, under it xmlNextChar):
#     malloc hang htmlParseDocument        article malloc:12001
#     realloc hang htmlParseDocument       article realloc:2182, dir realloc:2145
#   ICU: freeing a regex whose compilation ran out of memory crashes
#   (RegexPattern::zap under uregex_open); the static sets of the regex
#   engine are left empty when UnicodeSet::freeze fails, with no error, so
#   that no sentence ever breaks (RegexStaticSets::RegexStaticSets):
#     malloc crash _ZN6icu_7212RegexPattern3zapEv        merge malloc:2654
#     malloc silent _ZN6icu_7215RegexStaticSetsC2EP10UErrorCode  article malloc:1807
set -u
suite=inject
. "$(dirname "$0")/lib.sh"
artx=$1
shim=${INJECT_SO:-$(dirname "$artx")/inject.so}
jobs=${INJECT_JOBS:-2}
# The entries of the list above, read from this file.
known=$(sed -n 's/^#     \([a-z]* [a-z]* [A-Za-z0-9_]*\)  .*/\1/p' "$0")
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
# The EPUB's timestamps, fixed so that every run gives the same bytes.
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
page=samples/daum-article.html
second=samples/naver-article.html
modes='article epub xliff merge dir'

# run MODE DIR [ENV...]: the mode's command, writing into DIR, with the
# environment ENV only for artx (the shim must not see timeout or env).
run() {
    run_mode=$1 run_dir=$2
    shift 2
    case $run_mode in
    article) set -- "$@" "$artx" -t article -o "$run_dir/out" "$page" ;;
    epub) set -- "$@" "$artx" -t epub -o "$run_dir/out" "$page" ;;
    xliff) set -- "$@" "$artx" -t xliff -T en -o "$run_dir/out" "$page" ;;
    merge) set -- "$@" "$artx" --from xliff -o "$run_dir/out" "$t/page.xlf" ;;
    dir) set -- "$@" "$artx" -o "$run_dir" "$page" "$second" ;;
    esac
    # --foreground: timeout(1) otherwise signals the whole process group
    # as well, and that second SIGTERM can kill artx before the shim has
    # printed the stack that tells a known hang from a new one.
    timeout --foreground -s TERM 5 env "$@" >"$run_dir/stdout" 2>"$run_dir/stderr" </dev/null
}

# The files a mode writes, relative to its folder.
outputs() {
    [ "$1" = dir ] && echo daum-article.xml naver-article.xml || echo out
}

# points COUNT FUNC: the call numbers to fail.  Every one for I/O; for an
# allocator with many calls, the first and last few (50 for malloc) and a
# spread between (the suite runs about 2,000 times).
points() {
    case $2 in
    malloc) spread=200 edge=50 ;;
    realloc) spread=80 edge=20 ;;
    calloc | strdup | strndup) spread=50 edge=15 ;;
    *) spread=$1 edge=0 ;;
    esac
    awk -v c="$1" -v s="$spread" -v e="$edge" 'BEGIN {
        if (c <= s) { for (i = 1; i <= c; i++) print i; exit }
        m = s - 2 * e
        for (i = 1; i <= e; i++) print i
        for (k = 1; k <= m; k++) print e + int(k * (c - 2 * e) / (m + 1))
        for (i = c - e + 1; i <= c; i++) print i
    }'
}

# known_limit FUNC KIND FILE: true when what happened is listed above.
# FILE holds what the shim printed: the stack at a fatal signal, or at the
# failed call (ARTX_INJECT_TRACE) for a silent failure.  For a crash NAME
# must be the first named frame (libc's aside), for a hang or a silent
# failure any named frame above artx's own.
known_limit() {
    sed -n '/^inject: \(signal\|call\)/,$p' "$3" | sed '/\(^\|\/\)artx(/,$d' |
        sed -n '/libc\.so/d; /inject\.so/d; s/^[^(]*(\([A-Za-z_][A-Za-z0-9_]*\)+.*/\1/p' >"$3.named"
    [ "$2" = crash ] && sed -i '2,$d' "$3.named"
    printf '%s\n' "$known" | {
        while read -r k_func k_kind k_name; do
            [ "$k_func" = "$1" ] && [ "$k_kind" = "$2" ] && grep -qx "$k_name" "$3.named" && exit 0
        done
        exit 1
    }
}

# stack STDERR: the frames the shim printed, short, from the first one
# past the signal handler.
stack() {
    sed -n '/^inject: signal/,$p' "$1" | sed '1,3d; s/\[0x[0-9a-f]*\]$//; s/^.*\///' | head -12 | tr '\n' ' '
}

# check MODE FUNC N: one run with call N of FUNC failing.  Prints "ok",
# "known ..." or "FAIL ...".  An output that existed before stays as it
# was when the run fails; odd N start with one in place.
check() {
    c_mode=$1 c_func=$2 c_n=$3
    d="$t/run.$c_mode.$c_func.$c_n"
    mkdir "$d"
    if [ $((c_n % 2)) -eq 1 ]; then
        for f in $(outputs "$c_mode"); do echo old >"$d/$f"; done
    fi
    run "$c_mode" "$d" ARTX_INJECT="$c_func:$c_n" LD_PRELOAD="$shim"
    st=$?
    what="$c_mode $c_func:$c_n"
    why=''
    if [ $st -eq 124 ] || [ $st -gt 128 ]; then
        kind=crash
        [ $st -eq 124 ] && kind=hang
        if known_limit "$c_func" $kind "$d/stderr"; then
            echo "known $what: $kind in a library"
            rm -rf "$d"
            return
        fi
        why="$kind (status $st): $(grep -v '^inject: signal' "$d/stderr" | grep -v '^[^ ]*(.*)\[' | head -c 200) stack: $(stack "$d/stderr")"
    elif [ $st -eq 0 ]; then
        for f in $(outputs "$c_mode"); do
            cmp -s "$d/$f" "$t/ref.$c_mode/$f" || why="$why $f differs from the normal run's;"
        done
        if [ -n "$why" ]; then
            run "$c_mode" "$d" ARTX_INJECT="$c_func:$c_n" ARTX_INJECT_TRACE=1 LD_PRELOAD="$shim"
            if known_limit "$c_func" silent "$d/stderr"; then
                echo "known $what: a silent failure in a library"
                rm -rf "$d"
                return
            fi
            why="$why failed call at: $(sed -n '/^inject: call/,$p' "$d/stderr" | sed '1d; s/\[0x[0-9a-f]*\]$//; s/^.*\///' | head -10 | tr '\n' ' ')"
        fi
    elif [ $st -eq 1 ]; then
        # "artx: out of memory" alone: the call failed before any input was opened.
        grep -q '^artx: [^:]*: .' "$d/stderr" || grep -qx 'artx: out of memory' "$d/stderr" ||
            why="no 'artx: FILE: reason' on stderr: $(head -c 200 "$d/stderr")"
        done_all=1
        for f in $(outputs "$c_mode"); do
            if [ -e "$d/$f" ] && ! cmp -s "$d/$f" "$t/ref.$c_mode/$f"; then
                [ "$(cat "$d/$f")" = old ] || why="$why $f is a partial output;"
            fi
            cmp -s "$d/$f" "$t/ref.$c_mode/$f" || done_all=0
        done
        [ $done_all -eq 1 ] && why="$why failed, but every output was written;"
    else
        why="exit $st: $(head -c 200 "$d/stderr")"
    fi
    leftover=$(ls -A "$d" | grep '^\.artx-' | head -1)
    [ -z "$leftover" ] || why="$why temporary file $leftover left;"
    if [ -n "$why" ]; then
        echo "FAIL $what:$why"
    else
        echo ok
    fi
    rm -rf "$d"
}

if [ ! -f "$shim" ]; then
    missing "$shim" "build it with make inject"
    finish
fi
# A sanitizer's runtime must come first and brings its own malloc, which
# it sets up with dlsym() before the shim can: preloaded, the shim crashes
# it.  The plain build's make check runs this suite.
if ldd "$artx" 2>/dev/null | grep -q 'lib[at]san'; then
    missing "an artx build without sanitizers" \
        "the shim cannot interpose $artx's allocator (ASan/TSan): run make inject on the plain build"
    finish
fi

# The normal runs: the reference outputs, and how many calls each makes.
"$artx" -t xliff -T en -o "$t/page.xlf" "$page" || bad "cannot make the XLIFF to merge"
: >"$t/points"
for mode in $modes; do
    mkdir "$t/ref.$mode"
    run "$mode" "$t/ref.$mode" ARTX_INJECT_LOG=1 LD_PRELOAD="$shim"
    st=$?
    [ $st -eq 0 ] || bad "$mode: the normal run exits $st: $(head -c 300 "$t/ref.$mode/stderr")"
    grep '^inject: ' "$t/ref.$mode/stderr" | while read -r _ func count; do
        points "$count" "$func" | sed "s/^/$mode $func /"
    done >>"$t/points"
done
grep -q ' malloc ' "$t/points" || bad "the shim saw no malloc in the normal runs"
# INJECT_POINTS=FILE: only these "MODE FUNC N" lines (to retry failures).
[ -z "${INJECT_POINTS:-}" ] || cp "$INJECT_POINTS" "$t/points"

# The points, shared out among $jobs workers.
i=0
while [ $i -lt "$jobs" ]; do
    awk -v j="$jobs" -v i=$i 'NR % j == i' "$t/points" | while read -r mode func n; do
        check "$mode" "$func" "$n"
    done >"$t/results.$i" &
    i=$((i + 1))
done
wait
cat "$t"/results.* >"$t/results"
pass=$((pass + $(grep -c '^ok$' "$t/results")))
fail=$((fail + $(grep -c '^FAIL ' "$t/results")))
grep '^FAIL ' "$t/results"
nknown=$(grep -c '^known ' "$t/results")
[ "$nknown" -eq 0 ] || echo "inject: $nknown runs hit a known library limit: $(sed -n 's/^known //p' "$t/results" | tr '\n' ';')"
echo "inject: $(wc -l <"$t/points") runs"

# -h and -V must say when standard output cannot be written.
for opt in -h -V; do
    "$artx" $opt >/dev/full 2>"$t/stderr"
    st=$?
    [ $st -ne 0 ] && grep -q '^artx: ' "$t/stderr" && ok "$opt to /dev/full: exit $st" ||
        bad "$opt to /dev/full: exit $st, stderr '$(head -c 200 "$t/stderr")'"
    "$artx" $opt >&- 2>"$t/stderr"
    st=$?
    [ $st -ne 0 ] && grep -q '^artx: ' "$t/stderr" && ok "$opt with stdout closed: exit $st" ||
        bad "$opt with stdout closed: exit $st, stderr '$(head -c 200 "$t/stderr")'"
    # -V prints with printf, whose writes no shim can reach: fflush only.
    funcs='fwrite fflush'
    [ $opt = -V ] && funcs=fflush
    for func in $funcs; do
        env ARTX_INJECT=$func:1 LD_PRELOAD="$shim" "$artx" $opt >"$t/stdout" 2>"$t/stderr"
        st=$?
        [ $st -ne 0 ] && grep -q '^artx: ' "$t/stderr" && ok "$opt with $func:1 failing: exit $st" ||
            bad "$opt with $func:1 failing: exit $st, stderr '$(head -c 200 "$t/stderr")'"
    done
done

finish
