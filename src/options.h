/* options.h - the command line's words, between options.c (reading and
 * checking them, the listings, the messages) and main.c (running).  Part
 * of the artx program, not of the library. */
#ifndef ARTX_OPTIONS_H
#define ARTX_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <getopt.h>

#include "artx.h"

#define EXIT_CONVERSION 1
#define EXIT_USAGE 2

/* --max-input: an input is refused past it.  Memory is 11 to 39 times
 * the input on a 30 MB page (article to XLIFF 2.0), so the default keeps a
 * conversion within a few GiB; artx_read() takes no more than 1 GiB. */
#define DEFAULT_MAX_INPUT ((size_t)64 << 20)

#define MAX_PARAMS 32
/* -j: more threads than this only wait for the memory bus. */
#define MAX_JOBS 64

/* What the run is for besides converting. */
enum listing { LIST_NONE, LIST_FORMATS, LIST_PARAMS, PRINT_STYLESHEET };

typedef struct options {
    artx_format format;
    bool format_given;   /* -t; else the format follows -o's extension */
    artx_from from;
    const char *output;  /* NULL: standard output */
    bool output_is_dir;
    int verbose;         /* -1 quiet, 0 normal, 1 verbose */
    bool strict;         /* untranslated segments fail a merge */
    bool bilingual;      /* --bilingual: source and translation, block by block */
    const char *book;    /* --book TITLE: every input into one EPUB, or NULL */
    const char *srx;     /* --srx FILE, or NULL for the built-in rules */
    const char *stylesheets; /* --stylesheets DIR, or NULL */
    size_t max_input;    /* --max-input, in bytes */
    int jobs;            /* -j: inputs converted at once */
    bool stat;           /* --stat: time per stage */
    const char *target_lang; /* -T */
    const char *source_lang; /* -s */
    const char *image_dir;   /* --images DIR */
    enum listing list;
    const char *stylesheet_name; /* --print-stylesheet NAME */
    /* What the stylesheets get: the -p pairs, then target-lang,
     * source-lang and image-dir from -T, -s and --images; name, value, ...,
     * NULL. */
    const char *params[2 * MAX_PARAMS + 7];
    size_t nparams;      /* entries used in params */
} options;

/* Read the options of argv into *o (set to the defaults first) and check
 * them against each other and the environment.  Returns -1 to go on with
 * the inputs at argv[optind...], else the exit status: after --help and
 * --version 0 (1 when they could not be written), EXIT_USAGE after a
 * message. */
int artx_cli_parse(int argc, char **argv, options *o);

/* --list-formats, --list-params and --print-stylesheet: the listing on
 * standard output.  Returns the exit status. */
int artx_cli_list(const options *o);

/* "artx: " + the message (printf's `fmt` and what follows) + a pointer
 * to --help, on standard error; returns EXIT_USAGE. */
int artx_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Standard output flushed after a listing or --help: a full disk or a
 * closed standard output is an error.  Returns 0 or EXIT_CONVERSION. */
int artx_cli_flush_stdout(void);

/* argv[1] when it looks like a mistyped subcommand (not an option, not a
 * file, close to "segment"): the message and EXIT_USAGE; else -1. */
int artx_cli_check_command(int argc, char **argv);

/* The nearest of `names` (NULL-terminated) to `word`, when it is close
 * enough to be a typo of it; else NULL. */
const char *artx_cli_nearest(const char *word, const char *const *names);

/* The help of `artx segment`, on the stream. */
void artx_cli_segment_usage(FILE *f);

/* An option getopt_long (opterr = 0, `optstring` starting with ':') did
 * not take, returned as `c`: named the way every other message is, with
 * the long option of `longopts` it resembles.  Returns EXIT_USAGE. */
int artx_cli_bad_option(int c, char **argv, const char *optstring,
                        const struct option *longopts);

/* An option naming a file (or a folder) that must be there: the message
 * and EXIT_USAGE when it is not, else 0. */
int artx_cli_need_path(const char *option, const char *path, bool folder);

/* A language tag given with `option`: the message and EXIT_USAGE when it
 * is not BCP 47, else 0. */
int artx_cli_check_language(const char *option, const char *tag);

#endif /* ARTX_OPTIONS_H */
