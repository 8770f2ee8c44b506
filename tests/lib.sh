# lib.sh - what every shell test driver shares: counting checks, tools and
# test material that may be missing, and the summary line that people and
# CI read ("NAME: N passed, M failed[, K skipped]").  A driver runs from the
# repository's top folder, as make runs it, and starts with
#   suite=NAME
#   . "$(dirname "$0")/lib.sh"
# then counts with ok/bad, checks with need/need_shared, and ends with
# finish.  Third-party material (pages, schemas, SRX files) is found
# through SHARED only, ../shared by default: it is never copied in here.
# shellcheck shell=sh

: "${suite:?set suite=NAME before sourcing tests/lib.sh}"
SHARED=${SHARED:-../shared}
pass=0
fail=0
skip=0

# ok [WHAT]: a check passed; WHAT, when given, is printed as a PASS line.
ok() {
    pass=$((pass + 1))
    [ $# -eq 0 ] || echo "PASS $*"
}

# bad WHAT: a check failed.
bad() {
    fail=$((fail + 1))
    echo "FAIL $*"
}

# missing WHAT HOW: something the checks need is not there.  Said loudly on
# standard error; a skip, or a failure under CI=true, where nothing may be
# left untested.
missing() {
    echo "$suite: ***** $1 is missing: $2 *****" >&2
    if [ "${CI:-}" = true ]; then
        bad "$1 is missing (CI=true): $2"
    else
        skip=$((skip + 1))
        echo "SKIP checks that need $1: $2"
    fi
}

# need TOOL PACKAGE [TEST]: true when TOOL is there (TEST, a shell command,
# defaults to finding TOOL on PATH); otherwise missing() names the Debian
# package to install.
need() {
    if eval "${3:-command -v \"\$1\"}" >/dev/null 2>&1; then
        return 0
    fi
    missing "$1" "install the Debian package '$2' (apt-get install -y $2)"
    return 1
}

# need_shared PATH...: true when every PATH exists under $SHARED.
need_shared() {
    for lib_path in "$@"; do
        if [ ! -e "$SHARED/$lib_path" ]; then
            missing "$SHARED/$lib_path" "set SHARED to the folder of third-party test material"
            return 1
        fi
    done
}

# expect NAME STATUS PATTERN -- ARG...: run "$artx" ARG... (standard input
# empty) and check its exit status and that its standard error holds
# PATTERN (a grep pattern; "" checks nothing).  Its outputs are left in
# $t/stdout and $t/stderr.
expect() {
    name=$1 want=$2 pattern=$3
    shift 4
    "$artx" "$@" >"$t/stdout" 2>"$t/stderr" </dev/null
    got=$?
    if [ "$got" -ne "$want" ]; then
        bad "$name: exit $got, expected $want ($(head -c 300 "$t/stderr"))"
    elif [ -n "$pattern" ] && ! grep -q -- "$pattern" "$t/stderr"; then
        bad "$name: stderr lacks '$pattern': $(head -c 300 "$t/stderr")"
    else
        ok "$name"
    fi
}

# plugin_asan DIR: the AddressSanitizer runtime that artx's libxslt module
# in DIR was built with (make asan), or nothing.  Such a module loads only
# into a process whose runtime came first.
plugin_asan() {
    if ldd "$1"/*.so 2>/dev/null | grep -q libasan; then
        ${CC:-cc} -print-file-name=libasan.so
    fi
}

# plugin_host DIR CMD ARG...: run CMD (xsltproc, python3) with artx's
# libxslt module from DIR, preloading the runtime plugin_asan names.
plugin_host() {
    lib_dir=$1
    shift
    lib_asan=$(plugin_asan "$lib_dir")
    if [ -n "$lib_asan" ]; then
        LIBXSLT_PLUGINS_PATH=$lib_dir LD_PRELOAD=$lib_asan "$@"
    else
        LIBXSLT_PLUGINS_PATH=$lib_dir "$@"
    fi
}

# finish: the summary line; exits 1 when a check failed.
finish() {
    if [ "$skip" -gt 0 ]; then
        echo "$suite: $pass passed, $fail failed, $skip skipped"
    else
        echo "$suite: $pass passed, $fail failed"
    fi
    [ "$fail" -eq 0 ] || exit 1
    exit 0
}
