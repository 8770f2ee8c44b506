#!/bin/sh
# leakcheck.sh ARTX INPUT... - the CLI under valgrind on each input, in
# every output format: no invalid accesses, no definite or indirect leaks.
set -u
artx=$1
shift
if ! command -v valgrind >/dev/null 2>&1; then
    echo "leakcheck: valgrind not found: install the Debian package 'valgrind'" >&2
    if [ "${CI:-}" = true ]; then
        echo "leakcheck: 0 passed, 1 failed"
        exit 1
    fi
    echo "leakcheck: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
pass=0
fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for input in "$@"; do
    case $input in *.json) continue ;; esac
    for to in article text xliff xliff12 docbook xhtml epub; do
        if valgrind -q --suppressions="$(dirname "$0")/valgrind.supp" --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --error-exitcode=9 "$artx" -t "$to" -T en "$input" >/dev/null 2>"$log"; then
            pass=$((pass + 1))
        else
            echo "FAIL $input ($to):"
            head -30 "$log"
            fail=$((fail + 1))
        fi
    done
done
echo "leakcheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
