#!/bin/sh
# inject.sh ARTX - error injection, as jq's tests do: with the shim
# tests/inject/inject.c preloaded, one libc call of a normal run fails
# (ARTX_INJECT=FUNC:N), for every function the run calls and for N from 1
# to the number of calls it makes (every call for I/O, a spread for the
# allocators), in several modes.  Every run must exit 0 with the normal
# output, or 1 with "artx: FILE: reason", the old output untouched and no
# temporary file; never a signal, a hang or exit 2.
#
# Known library limits: libxml2 2.9.14, libxslt 1.1.35 and ICU 72
# (Debian 12's packages) do not all survive a failed allocation.  A run
# that meets such a limit is counted apart, not as passed.  Which runs
# those are follows from the stacks, not from a list of call numbers (they
# move with every change, and from run to run): every run prints the
# failed call's stack (ARTX_INJECT_TRACE), and
#  - a crash or a hang is the library's when the failed call was made by a
#    library (under artx's counting allocator at most), the signal found a
#    library at the top of the stack (libc and the shim aside), and below
#    both the same artx frame, at the same address: the call from artx
#    into the library in which the allocation failed had not returned.
#    Seen: libxml2's XPath evaluator under libxslt (xmlXPathCompiledEval,
#    xsltChoose, xsltIf), libxslt's attribute value templates, libxml2's
#    schema compiler (xmlRegexpCompile under xmlSchemaCheckFacet), ICU
#    freeing a regex whose compilation failed (RegexPattern::zap), and
#    libxml2's HTML parser, which loops for ever when its input buffer
#    cannot grow (htmlParseDocument, xmlNextChar);
#  - a silent failure (exit 0, another output) is the library's when it is
#    listed here, "FUNC silent NAME": NAME is a named frame on the stack of
#    the failed call, above artx's own.  ICU leaves the static sets of its
#    regex engine empty when UnicodeSet::freeze fails, with no error, so
#    that no sentence ever breaks:
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
    # -j 1: with threads the calls are counted in no fixed order, and a
    # hang's stack would be that of the thread the signal lands on.
    dir) set -- "$@" "$artx" -j 1 -o "$run_dir" "$page" "$second" ;;
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

# known_silent FUNC FILE: true when the silent failure FILE shows (the
# stack of the failed call, from ARTX_INJECT_TRACE) is listed above.
known_silent() {
    sed -n '/^inject: call/,$p' "$2" | sed '/\(^\|\/\)artx(/,$d' |
        sed -n '/libc\.so/d; /inject\.so/d; s/^[^(]*(\([A-Za-z_][A-Za-z0-9_]*\)+.*/\1/p' >"$2.named"
    printf '%s\n' "$known" | {
        while read -r k_func k_kind k_name; do
            [ "$k_func" = "$1" ] && [ "$k_kind" = silent ] && grep -qx "$k_name" "$2.named" && exit 0
        done
        exit 1
    }
}

# caller SECTION FILE: the address of the artx frame that called into a
# library, in the stack printed after "inject: SECTION" (call or signal)
# in FILE; empty when artx's own code (not its counting allocator) is at
# the top of the stack, libc and the shim aside.
caller() {
    sed -n "/^inject: $1/,/^inject: /p" "$2" | sed '1d; /^inject: /d' |
        awk -v me="$(basename "$artx")" -v exe="$artx" '
        /inject\.so\(/ || /libc\.so\.[0-9]*\(/ { next }
        {
            file = $0; sub(/\(.*$/, "", file); sub(/^.*\//, "", file)
            if (file != me) { seen_lib = 1; next }
            at = $0; sub(/^.*\[/, "", at); sub(/\].*$/, "", at)
            if (seen_lib) { print at; exit }
            off = $0; sub(/^[^(]*\(/, "", off); sub(/\).*$/, "", off); sub(/^\+/, "", off)
            name = ""
            if (off ~ /^0x/) { cmd = "addr2line -f -e " exe " " off; cmd | getline name; close(cmd) }
            if (name !~ /^counted_/) exit
        }'
}

# in_library FILE: true when the crash or hang FILE shows (the stacks of
# the failed call and of the signal) happened inside one call into a
# library, as above.
in_library() {
    i_call=$(caller call "$1") i_sig=$(caller signal "$1")
    [ -n "$i_call" ] && [ "$i_call" = "$i_sig" ]
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
    # With the failed call's stack: a library's limit is told from an artx
    # bug by the stacks of this very run (libxml2 seeds its hash tables at
    # random, so a run again may fail another call).
    run "$c_mode" "$d" ARTX_INJECT="$c_func:$c_n" ARTX_INJECT_TRACE=1 LD_PRELOAD="$shim"
    st=$?
    what="$c_mode $c_func:$c_n"
    why=''
    if [ $st -eq 124 ] || [ $st -gt 128 ]; then
        kind=crash
        [ $st -eq 124 ] && kind=hang
        if in_library "$d/stderr"; then
            echo "known $what: $kind in a library"
            rm -rf "$d"
            return
        fi
        why="$kind (status $st): $(grep -v '^inject: ' "$d/stderr" | grep -v '^[^ ]*(.*)\[' | head -c 200) stack: $(stack "$d/stderr")"
    elif [ $st -eq 0 ]; then
        for f in $(outputs "$c_mode"); do
            cmp -s "$d/$f" "$t/ref.$c_mode/$f" || why="$why $f differs from the normal run's;"
        done
        if [ -n "$why" ]; then
            if known_silent "$c_func" "$d/stderr"; then
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
