# artx.bash - bash completion for artx(1).  Every list that artx can print
# is asked of the artx being completed, never copied here, so that the
# script cannot fall behind the program: the options and the subcommands
# from --help, the formats from --list-formats, the stylesheet parameters
# from --list-params, the built-in stylesheets from --print-stylesheet's
# error message.  It needs bash alone, not the bash-completion package.
# shellcheck shell=bash

# _artx_join: COMP_WORDS into the caller's words and cword, with what bash
# split at '=' (--to=xliff, -p prefill-target=yes) joined again: the
# values are completed by the whole word.
_artx_join() {
    local i glue=0
    words=() cword=0
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        if ((i > 0)) && [[ ${COMP_WORDS[i]} == = || $glue == 1 ]]; then
            words[${#words[@]} - 1]+=${COMP_WORDS[i]}
            [[ ${COMP_WORDS[i]} == = ]] && glue=1 || glue=0
        else
            words+=("${COMP_WORDS[i]}")
        fi
        ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
    done
}

# _artx_help ARTX [segment]: the options (into opts) and the subcommands
# (into cmds) that the --help of ARTX, or of its subcommand, lists: the
# words that start an option line, and the words after "artx" on the usage
# lines.
_artx_help() {
    local line word
    local -a fields
    opts=() cmds=()
    while IFS= read -r line; do
        if [[ $line =~ ^(Usage:)?\ +artx\ ([a-z][a-z-]*) ]]; then
            cmds+=("${BASH_REMATCH[2]}")
        elif [[ $line =~ ^\ \ (\ \ \ \ )?- ]]; then
            read -ra fields <<<"$line"
            for word in "${fields[@]}"; do
                word=${word%,}
                [[ $word == -* ]] || break
                opts+=("${word%%=*}")
            done
        fi
    done < <("$@" --help 2>/dev/null)
}

# _artx_to: the -t FORMAT given before the word completed, if any.
_artx_to() {
    local i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        -t | --to) to=${words[i + 1]} ;;
        --to=*) to=${words[i]#*=} ;;
        -t?*) to=${words[i]#-t} ;;
        esac
    done
}

# _artx_params ARTX: -p NAME= while the word has no '=' yet, then the
# choices of NAME when --list-params gives them as a|b.  Only the
# parameters of the -t FORMAT given, when one is.
_artx_params() {
    local to='' line name
    local -a names=() choices=()
    _artx_to
    while IFS= read -r line; do
        [[ $line =~ ^([a-z][a-z0-9-]*)=(.*)$ ]] || continue
        name=${BASH_REMATCH[1]}
        names+=("$name=")
        if [[ $cur == "$name="* && ${BASH_REMATCH[2]} == *'|'* ]]; then
            IFS='|' read -ra choices <<<"${BASH_REMATCH[2]}"
            choices=("${choices[@]/#/$name=}")
        fi
    done < <("$1" ${to:+-t "$to"} --list-params 2>/dev/null)
    if [[ $cur == *=* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "${choices[*]}" -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -W "${names[*]}" -- "$cur")
        compopt -o nospace 2>/dev/null
    fi
}

# _artx_formats ARTX: the first column of --list-formats.
_artx_formats() {
    local name rest
    while read -r name rest; do
        printf '%s\n' "$name"
    done < <("$1" --list-formats 2>/dev/null)
}

# _artx_stylesheets ARTX: what --print-stylesheet takes.  The built-in
# files are listed, indented, only by the error message a name that is
# none of them gets; a format counts only if artx prints a stylesheet for
# it (one for EPUB would be several), so each format the word may become
# is tried.
_artx_stylesheets() {
    local line name
    while IFS= read -r line; do
        [[ $line == '  '[!\ ]* ]] && printf '%s\n' "${line#  }"
    done < <("$1" --print-stylesheet '' 2>&1 >/dev/null)
    for name in $(compgen -W "$(_artx_formats "$1")" -- "$cur"); do
        "$1" --print-stylesheet "$name" >/dev/null 2>&1 && printf '%s\n' "$name"
    done
}

# _artx_files [-d | -x PATTERN]: file names, only folders with -d, files
# matching PATTERN and folders with -x.
_artx_files() {
    compopt -o filenames 2>/dev/null
    case ${1-} in
    -d) mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    -x) mapfile -t COMPREPLY < <(compgen -f -X "!$2" -- "$cur"; compgen -d -- "$cur") ;;
    *) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    esac
}

_artx() {
    local -a words opts cmds
    local cword cur prev pre='' artx
    _artx_join
    cur=${words[cword]} prev=${words[cword - 1]} artx=${words[0]}
    if [[ $cur == --*=* ]]; then
        prev=${cur%%=*} pre=$prev= cur=${cur#*=}
    fi
    COMPREPLY=()
    if [[ ${words[1]} == segment ]] && ((cword > 1)); then
        case $prev in
        -l | --lang) ;;
        --srx) _artx_files -x '*.srx' ;;
        -o | --output) _artx_files ;;
        *)
            if [[ $cur == -* ]]; then
                _artx_help "$artx" segment
                mapfile -t COMPREPLY < <(compgen -W "${opts[*]}" -- "$cur")
            else
                _artx_files
            fi
            ;;
        esac
    else
        case $prev in
        -t | --to) mapfile -t COMPREPLY < <(compgen -W "$(_artx_formats "$artx")" -- "$cur") ;;
        # artx names its input formats only in the message for a wrong one.
        -f | --from) mapfile -t COMPREPLY < <(compgen -W "auto html dump article xliff" -- "$cur") ;;
        -p | --param) _artx_params "$artx" ;;
        --print-stylesheet)
            mapfile -t COMPREPLY < <(compgen -W "$(_artx_stylesheets "$artx")" -- "$cur")
            ;;
        -o | --output) _artx_files ;;
        --srx) _artx_files -x '*.srx' ;;
        --images | --stylesheets) _artx_files -d ;;
        -T | --target-lang | -s | --source-lang | --max-input | -j | --jobs | --book) ;;
        *)
            # After --, every word is an input.
            local i ended=
            for ((i = 1; i < cword; i++)); do
                [[ ${words[i]} == -- ]] && ended=1
            done
            if [[ $cur == -* && -z $ended ]]; then
                _artx_help "$artx"
                mapfile -t COMPREPLY < <(compgen -W "${opts[*]}" -- "$cur")
            else
                _artx_files
                if ((cword == 1)); then
                    _artx_help "$artx"
                    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W "${cmds[*]}" -- "$cur")
                fi
            fi
            ;;
        esac
    fi
    # Readline replaces only what follows the word's last '=' when '=' breaks
    # words, as it does by default.
    COMPREPLY=("${COMPREPLY[@]/#/$pre}")
    cur=${words[cword]}
    if [[ $COMP_WORDBREAKS == *=* && $cur == *=* ]]; then
        COMPREPLY=("${COMPREPLY[@]#"${cur%"${cur##*=}"}"}")
    fi
}

complete -F _artx artx
