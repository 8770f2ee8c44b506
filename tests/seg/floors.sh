#!/bin/sh
# floors.sh SEGBENCH SHARED - score the gold sets of tests/seg/floors with
# the built-in rules and fail when one scores below its floor.
# One line per set: PASS/FAIL, what it scored, its floor.
segbench=$1 shared=$2 rc=0
while read -r set cases sents; do
    case $set in ''|\#*) continue ;; esac
    case $set in
    shared/*)
        path=$shared/${set#shared/}
        [ -f "$path" ] || { echo "SKIP $set (no $shared)"; continue; } ;;
    *) path=$set ;;
    esac
    # segbench: set lang cases-ok/n pct sents-ok/n pct MB/s (one run on a small text)
    line=$("$segbench" -r 1 -m 0.01 "$path" | tail -n 1)
    got_c=$(echo "$line" | awk '{split($3, a, "/"); print a[1]}')
    got_s=$(echo "$line" | awk '{split($5, a, "/"); print a[1]}')
    if [ -n "$got_c" ] && [ "$got_c" -ge "$cases" ] && [ "$got_s" -ge "$sents" ]; then
        echo "PASS $set: cases $(echo "$line" | awk '{print $3}'), sentences $(echo "$line" | awk '{print $5}') (floors $cases, $sents)"
    else
        echo "FAIL $set: cases $(echo "$line" | awk '{print $3}'), sentences $(echo "$line" | awk '{print $5}') (floors $cases, $sents)"
        rc=1
    fi
done < tests/seg/floors
exit $rc
