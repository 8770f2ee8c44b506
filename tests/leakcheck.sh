#!/bin/sh
# leakcheck.sh ARTX INPUT... - the CLI under valgrind on each input, in
# every output format: no invalid accesses, no definite or indirect leaks.
set -u
suite=leakcheck
. "$(dirname "$0")/lib.sh"
artx=$1
shift
need valgrind valgrind || finish
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for input in "$@"; do
    case $input in *.json) continue ;; esac
    for to in article text xliff xliff12 docbook xhtml epub; do
        if valgrind -q --suppressions="$(dirname "$0")/valgrind.supp" --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --error-exitcode=9 "$artx" -t "$to" -T en "$input" >/dev/null 2>"$log"; then
            ok
        else
            bad "$input ($to):"
            head -30 "$log"
        fi
    done
done
finish
