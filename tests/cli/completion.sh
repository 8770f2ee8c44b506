#!/bin/sh
# completion.sh ARTX - the shell completion of completion/: artx.bash
# registers itself in bash and, driven as bash drives it (COMP_WORDS,
# COMP_CWORD; words split at '=' as readline splits them too), offers what
# the artx on PATH lists: formats, parameters (of -t FORMAT) and their
# choices, built-in stylesheets, options, the segment subcommand and its
# options, files where an option takes one; _artx loads in zsh.  Run from
# the repository's top folder:
#   sh tests/cli/completion.sh build/artx
set -u
suite=cli-completion
. "$(dirname "$0")/../lib.sh"
artx=${1:-build/artx}
need bash bash || finish
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
top=$(pwd)
# The completion runs the `artx` it finds on PATH, as it would once installed.
mkdir "$t/bin"
ln -s "$(cd "$(dirname "$artx")" && pwd)/$(basename "$artx")" "$t/bin/artx"
bindir=$t/bin
# The folder completed in: the file names it holds are candidates too.
mkdir "$t/cwd" "$t/cwd/pics"
: >"$t/cwd/rules.srx"
: >"$t/cwd/page.html"

out=$(bash --norc --noprofile -c '. completion/artx.bash && complete -p artx' 2>&1)
[ "$out" = "complete -F _artx artx" ] && ok "bash: complete -p artx" ||
    bad "bash: complete -p artx says '$out'"

# candidates WORD...: what _artx offers, one a line, for the words typed,
# the last one being the word completed.
candidates() {
    (cd "$t/cwd" && PATH="$bindir:$PATH" bash --norc --noprofile -c '
        . "$0" || exit 1
        COMP_WORDS=("$@") COMP_CWORD=$(($# - 1))
        _artx
        printf "%s\n" "${COMPREPLY[@]}"' "$top/completion/artx.bash" "$@" 2>&1)
}

# want EXPECTED WORD...: the candidates are EXPECTED, in that order.
want() {
    expected=$1
    shift
    got=$(candidates "$@" | tr '\n' ' ' | sed 's/ $//')
    [ "$got" = "$expected" ] && ok "bash: $* -> $expected" ||
        bad "bash: $*: '$got', expected '$expected'"
}

# has CANDIDATE WORD...: CANDIDATE is one of the candidates; with !CANDIDATE, it is not.
has() {
    case $1 in !*) offered=no ;; *) offered=yes ;; esac
    c=${1#!}
    shift
    if candidates "$@" | grep -qx -- "$c"; then found=yes; else found=no; fi
    if [ $found = $offered ]; then
        ok "bash: $* $([ $offered = yes ] && echo offers || echo 'does not offer') $c"
    else
        bad "bash: $*: '$c' $([ $found = yes ] && echo offered || echo 'not offered'): $(candidates "$@" | tr '\n' ' ')"
    fi
}

# ---- formats, parameters, stylesheets: what artx lists ------------------------
want "$("$artx" --list-formats | awk '$1 ~ /^x/ {printf "%s%s", s, $1; s = " "}')" artx -t x
want "xliff xliff12" artx -t xl
want "xliff xliff12" artx --to = xl
want "xliff" artx -f x
want "prefill-target=" artx -p pre
has "!--to" artx -- --t
has "--to" artx -q --t
want "yes no" artx -p prefill-target=
want "yes no" artx -p prefill-target =
want "yes" artx -p prefill-target = y
want "page epub" artx -t xhtml -p mode=
want "" artx -t xliff -p pre
want "--print-stylesheet" artx --print-s
want "--bilingual" artx --bil
want "--book" artx --boo
want "" artx --book ''
for c in common.xsl epub.css xliff12 xhtml '!epub' '!article'; do
    has "$c" artx --print-stylesheet ''
done

# ---- options, the subcommand, files ------------------------------------------
want "segment" artx seg
has -l artx segment -
has --srx artx segment -
has '!--to' artx segment -
want "--srx" artx segment --sr
has --stylesheets artx --
has page.html artx ''
has segment artx ''
want "rules.srx pics" artx --srx ''
want "pics" artx --images ''
want "pics" artx --stylesheets=
want "rules.srx pics" artx segment --srx ''
want "" artx -T ''

# ---- zsh ------------------------------------------------------------------
if need zsh zsh; then
    zsh -n completion/_artx 2>"$t/err" && ok "zsh: _artx parses" ||
        bad "zsh: _artx: $(head -c 300 "$t/err")"
    # compinit reads the #compdef line of each file in fpath; -D writes no dump.
    out=$(PATH="$bindir:$PATH" zsh -fc 'fpath=(completion $fpath); autoload -U compinit
        compinit -u -D && print -r -- $_comps[artx] && autoload +X _artx' 2>&1)
    [ "$out" = _artx ] && ok "zsh: compinit binds artx to _artx" ||
        bad "zsh: compinit, _artx: '$out'"
fi
finish
