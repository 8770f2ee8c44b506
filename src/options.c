/* options.c - the artx command line's words: reading the options with
 * getopt_long, checking each value and the options against each other
 * (stylesheet parameters against the table of src/params.c, language
 * tags, the format an output file's extension names), the listings
 * (--list-formats, --list-params, --print-stylesheet) and the usage
 * messages.  Nothing here converts anything: main.c runs what it reads. */
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "options.h"

#define MAX_INPUT_CEILING ((size_t)1 << 30)

static void usage(FILE *f)
{
    fputs("Usage: artx [OPTIONS] [INPUT...]\n"
          "       artx segment -l LANG [--srx FILE] [-o PATH] [FILE]\n"
          "Make news article pages translation-ready.\n"
          "\n"
          "With no INPUT, or when INPUT is -, read standard input.\n"
          "\n"
          "  -t, --to FORMAT         output format: article (default), text, xliff (2.0),\n"
          "                          xliff12, docbook, xhtml, epub, stats (the counts to\n"
          "                          quote a translation on), tmx (a translation memory\n"
          "                          of a translated XLIFF); without -t, the extension\n"
          "                          of -o FILE names it (.xlf is XLIFF 2.0)\n"
          "  -o, --output PATH       write to PATH (- for standard output); a directory\n"
          "                          (an existing one, or PATH ending in /) gets one\n"
          "                          output per input, named after it.  Several inputs\n"
          "                          need -o DIR, except with -t text or stats\n"
          "  -f, --from FORMAT       input format: auto (default), html, dump, article,\n"
          "                          xliff (a translated XLIFF, merged back)\n"
          "  -T, --target-lang LANG  the translation's language (BCP 47): the XLIFF's\n"
          "                          target language, a merged article's language\n"
          "  -s, --source-lang LANG  the source language the XLIFF names (BCP 47;\n"
          "                          default: the article's)\n"
          "  -p, --param NAME=VALUE  set a stylesheet parameter, e.g. prefill-target=yes\n"
          "                          for OmegaT (--list-params lists them)\n"
          "      --strict            a merge fails when a segment is not translated\n"
          "      --bilingual         with -t xhtml or epub, from a translated XLIFF: each\n"
          "                          block in the source language, then its translation\n"
          "      --book TITLE        with -t epub or docbook: every input into one book\n"
          "                          TITLE, an article each in input order; -o names\n"
          "                          its file\n"
          "      --srx FILE          sentence rules (SRX 2.0) instead of the built-in ones\n"
          "      --images DIR        EPUB: package the photos DIR holds copies of (by the\n"
          "                          file name their URL ends with); no other file is read\n"
          "      --stylesheets DIR   files in DIR replace the built-in stylesheets of that\n"
          "                          name (--print-stylesheet NAME prints one to start from)\n"
          "      --max-input SIZE    refuse an input larger than SIZE (bytes, or K, M, G;\n"
          "                          default 64M, at most 1G)\n"
          "  -j, --jobs N            convert N inputs at once (default: one per core)\n"
          "      --stat              print the time spent in each stage, summed over\n"
          "                          the inputs\n"
          "  -q, --quiet             print nothing but errors\n"
          "  -v, --verbose           say what was detected for each input\n"
          "      --list-formats      list the output formats and exit\n"
          "      --list-params       list the stylesheet parameters (of -t FORMAT) and exit\n"
          "      --print-stylesheet NAME\n"
          "                          print a built-in stylesheet (a file name, or a\n"
          "                          format's name) and exit\n"
          "  -h, --help              show this help and exit\n"
          "  -V, --version           show the version and exit\n"
          "\n"
          "Examples:\n"
          "  artx -o page.xlf -T en page.html     XLIFF 2.0 for a CAT tool, into English\n"
          "  artx -o page.en.epub page.en.xlf     merge the translation back, as EPUB\n"
          "  artx -t epub -o books/ pages/*.html  one EPUB per page, into books/\n"
          "  artx --book News -o n.epub *.html    one EPUB of every page, in order\n"
          "\n"
          "Exit status: 0 all inputs converted; 1 at least one input failed (each\n"
          "failure is named on standard error, the others are still converted);\n"
          "2 usage error.\n"
          "\n"
          "artx segment reads one paragraph per line and writes one sentence per line,\n"
          "with an empty line after each paragraph.\n"
          "\n"
          "The manual has the details: man artx\n",
          f);
}

void artx_cli_segment_usage(FILE *f)
{
    fputs("Usage: artx segment -l LANG [--srx FILE] [-o PATH] [FILE]\n"
          "Split text into sentences, as artx splits an article's paragraphs: one\n"
          "paragraph per line in, one sentence per line out, an empty line after each\n"
          "paragraph.  With no FILE, or when FILE is -, read standard input.\n"
          "\n"
          "  -l, --lang LANG     the text's language (BCP 47), which picks the rules\n"
          "      --srx FILE      sentence rules (SRX 2.0) instead of the built-in ones\n"
          "  -o, --output PATH   write to PATH instead of standard output\n"
          "  -h, --help          show this help and exit\n",
          f);
}

int artx_cli_flush_stdout(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return 0;
    fprintf(stderr, "artx: <stdout>: %s\n", strerror(errno));
    return EXIT_CONVERSION;
}

int artx_cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    flockfile(stderr);
    fputs("artx: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nTry 'artx --help' for more information.\n", stderr);
    funlockfile(stderr);
    va_end(ap);
    return EXIT_USAGE;
}

/* Levenshtein distance of two short words, capped at `cap` (past it,
 * cap + 1). */
static size_t distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb] > cap ? cap + 1 : row[lb];
}

const char *artx_cli_nearest(const char *word, const char *const *names)
{
    /* Two edits in a long name, one in a short one: beyond that a
     * suggestion is a guess. */
    const char *best = NULL;
    size_t best_d = 0;
    for (size_t i = 0; names[i]; i++) {
        size_t cap = strlen(names[i]) >= 6 ? 2 : 1;
        size_t d = distance(word, names[i], cap);
        if (d <= cap && (!best || d < best_d))
            best = names[i], best_d = d;
    }
    return best;
}

/* A failed check that is not the user's mistake. */
static int out_of_memory(void)
{
    fputs("artx: out of memory\n", stderr);
    return EXIT_CONVERSION;
}

int artx_cli_check_language(const char *option, const char *tag)
{
    artx_error err = {0};
    int ret = artx_language_tag_check(tag, &err);
    if (ret == ARTX_ERR_NOMEM)
        return out_of_memory();
    return ret ? artx_cli_usage_error("%s %s: not a BCP 47 language tag (en, ko, pt-BR, "
                                      "zh-Hant)", option, tag)
               : 0;
}

int artx_cli_check_command(int argc, char **argv)
{
    static const char *const commands[] = {"segment", NULL};
    struct stat st;
    if (argc < 2 || argv[1][0] == '-' || strchr(argv[1], '/') || strchr(argv[1], '.') ||
        stat(argv[1], &st) == 0)
        return -1;
    const char *near = artx_cli_nearest(argv[1], commands);
    if (!near)
        return -1;
    fprintf(stderr, "artx: '%s' is not a command, nor a file: did you mean '%s'?\n", argv[1],
            near);
    fputs("Try 'artx --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

/* The names of the formats whose bits are in `formats`, for messages. */
static void formats_of(unsigned formats, bool merge, char *buf, size_t size)
{
    size_t n, used = 0;
    const artx_format_info *f = artx_formats(&n);
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < size; i++)
        if (formats & (1u << f[i].format))
            used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
                                     f[i].name);
    if (merge && used < size)
        snprintf(buf + used, size - used, "%sa merge", used ? ", " : "");
}

/* The names of every format, "article, text, ...", for messages. */
static void format_names(char *buf, size_t size)
{
    formats_of(~0u, false, buf, size);
}

static int output_format(options *o, const char *name)
{
    if (!artx_format_from_name(name, &o->format)) {
        o->format_given = true;
        return 0;
    }
    char names[256];
    format_names(names, sizeof names);
    return artx_cli_usage_error("-t %s: unknown format (%s)", name, names);
}

static int input_format(options *o, const char *name)
{
    static const struct {
        const char *name;
        artx_from from;
    } names[] = {{"auto", ARTX_FROM_AUTO},       {"html", ARTX_FROM_HTML},
                 {"dump", ARTX_FROM_DUMP},       {"article", ARTX_FROM_ARTICLE},
                 {"xliff", ARTX_FROM_XLIFF}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(name, names[i].name)) {
            o->from = names[i].from;
            return 0;
        }
    return artx_cli_usage_error("--from %s: unknown input format (auto, html, dump, article, xliff)",
                                name);
}

/* --max-input SIZE: bytes, or with a suffix K, M or G (powers of 1024). */
static int max_input(options *o, const char *arg)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(arg, &end, 10);
    unsigned shift = 0;
    if (*end && !end[1] && strchr("KMG", *end))
        shift = *end == 'K' ? 10 : *end == 'M' ? 20 : 30, end++;
    if (errno || end == arg || *end || *arg == '-' || n == 0)
        return artx_cli_usage_error(
            "--max-input %s: not a size (bytes, or a number with K, M or G)", arg);
    if (n > MAX_INPUT_CEILING >> shift)
        return artx_cli_usage_error("--max-input %s: more than artx reads (1G)", arg);
    o->max_input = (size_t)n << shift;
    return 0;
}

/* -j N: a whole number from 1 to MAX_JOBS. */
static int jobs(options *o, const char *arg)
{
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < 1 || n > MAX_JOBS)
        return artx_cli_usage_error("-j %s: not a number of jobs from 1 to %d", arg, MAX_JOBS);
    o->jobs = (int)n;
    return 0;
}

int artx_cli_need_path(const char *option, const char *path, bool folder)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return artx_cli_usage_error("%s %s: %s", option, path, strerror(errno));
    if (folder ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))
        return artx_cli_usage_error("%s %s: not a %s", option, path, folder ? "folder" : "file");
    return 0;
}

/* -p NAME=VALUE: kept as given; checked once the format is known. */
static int add_param(options *o, char *arg)
{
    char *eq = strchr(arg, '=');
    if (!eq || eq == arg)
        return artx_cli_usage_error("-p %s: not NAME=VALUE", arg);
    *eq = '\0';
    /* A name given twice keeps its last value, as a later option wins. */
    for (size_t i = 0; i < o->nparams; i += 2)
        if (!strcmp(o->params[i], arg)) {
            o->params[i + 1] = eq + 1;
            return 0;
        }
    if (o->nparams / 2 >= MAX_PARAMS)
        return artx_cli_usage_error("-p %s: too many parameters", arg);
    o->params[o->nparams++] = arg;
    o->params[o->nparams++] = eq + 1;
    return 0;
}

static const char *param_value(const options *o, const char *name)
{
    for (size_t i = 0; i < o->nparams; i += 2)
        if (!strcmp(o->params[i], name))
            return o->params[i + 1];
    return NULL;
}

/* May the run read parameter `p`: its format's stylesheets do, or a merge
 * does and the input may be an XLIFF. */
static bool may_merge(const options *o)
{
    return o->from == ARTX_FROM_AUTO || o->from == ARTX_FROM_XLIFF;
}

static bool param_read(const options *o, const artx_param_info *p)
{
    return (p->formats & (1u << o->format)) || (p->merge && may_merge(o));
}

/* A name artx's table does not have: a parameter of a customised
 * stylesheet this run loads, or a mistake. */
static int unknown_param(const options *o, const char *name)
{
    if (o->stylesheets) {
        artx_error err = {0};
        bool reads = false;
        artx_init();
        if (artx_set_stylesheet_dir(o->stylesheets, &err) ||
            artx_format_reads_param(o->format, may_merge(o), name, &reads, &err)) {
            fprintf(stderr, "artx: --stylesheets %s: %s\n", o->stylesheets, err.message);
            return EXIT_USAGE;
        }
        if (reads)
            return 0;
    }
    size_t n;
    const artx_param_info *all = artx_params(&n);
    const char *names[64];
    for (size_t i = 0; i < n && i + 1 < sizeof names / sizeof *names; i++)
        names[i] = all[i].name, names[i + 1] = NULL;
    const char *near = artx_cli_nearest(name, names);
    if (near)
        return artx_cli_usage_error("-p %s: unknown parameter: did you mean '%s'?", name, near);
    return artx_cli_usage_error("-p %s: unknown parameter (artx --list-params lists them)",
                                name);
}

/* A parameter the run's format does not read. */
static int check_read(const options *o, const artx_param_info *p)
{
    if (param_read(o, p))
        return 0;
    char readers[160];
    size_t n;
    formats_of(p->formats, p->merge, readers, sizeof readers);
    return artx_cli_usage_error("-p %s: not read by -t %s (only by %s)", p->name,
                                artx_formats(&n)[o->format].name, readers);
}

/* Every -p against the table: a name it has, a value it allows, a format
 * that reads it. */
static int check_params(const options *o)
{
    for (size_t i = 0; i < o->nparams; i += 2) {
        const char *name = o->params[i], *value = o->params[i + 1];
        const artx_param_info *p = artx_param_find(name);
        artx_error err = {0};
        int ret = p ? artx_param_check(p, value, &err) : unknown_param(o, name);
        if (!p && !ret)
            continue;
        if (ret == ARTX_ERR_NOMEM)
            return out_of_memory();
        if (!p)
            return ret;
        if (ret)
            return artx_cli_usage_error("-p %s: %s", name, err.message);
        if ((ret = check_read(o, p)))
            return ret;
    }
    return 0;
}

/* -T and -s: language tags, agreeing with -p target-lang and source-lang
 * (tags are the same whatever their case).  Unlike -p, they are not
 * refused by a format that names no language: scripts pass one -T to
 * every format they write. */
static int check_language(const options *o, const char *option, const char *param,
                          const char *tag)
{
    const char *given = param_value(o, param);
    int ret = artx_cli_check_language(option, tag);
    if (!ret && given && strcasecmp(given, tag))
        ret = artx_cli_usage_error("%s %s and -p %s=%s disagree: give one of them", option, tag,
                                   param, given);
    return ret;
}

/* The output format of -o FILE when -t gives none: its extension's, the
 * article without one. */
static int format_from_output(options *o)
{
    size_t len = o->output ? strlen(o->output) : 0;
    struct stat st;
    if (o->format_given || !len || !strcmp(o->output, "-") || o->output[len - 1] == '/' ||
        (stat(o->output, &st) == 0 && S_ISDIR(st.st_mode)))
        return 0;
    const char *base = strrchr(o->output, '/');
    base = base ? base + 1 : o->output;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base || !artx_format_from_path(o->output, &o->format))
        return 0;
    char names[256];
    format_names(names, sizeof names);
    return artx_cli_usage_error("-o %s: the extension %s names no format: give -t FORMAT (%s)",
                                o->output, dot, names);
}

/* SOURCE_DATE_EPOCH fixes an EPUB's timestamps and a TMX's creationdate:
 * checked once, before any input is converted. */
static int check_source_date_epoch(const options *o)
{
    time_t t;
    artx_error err = {0};
    if ((o->format == ARTX_TO_EPUB || o->format == ARTX_TO_TMX) && artx_source_date(&t, &err))
        return artx_cli_usage_error("%s", err.message);
    return 0;
}

/* Once every option is read: what each depends on another or on the
 * environment, then the parameters the stylesheets get. */
/* --bilingual sets a translation beside its source: only a merge has
 * both, and only the XHTML and EPUB writers pair them; -t tmx too is
 * written from a translated XLIFF only.  (Whether an input --from auto is
 * an XLIFF is known once it is read.) */
static int check_bilingual(const options *o)
{
    size_t n;
    if (o->bilingual && o->format != ARTX_TO_XHTML && o->format != ARTX_TO_EPUB)
        return artx_cli_usage_error("--bilingual writes xhtml or epub, not %s",
                                    artx_formats(&n)[o->format].name);
    if (o->bilingual && o->from != ARTX_FROM_AUTO && o->from != ARTX_FROM_XLIFF)
        return artx_cli_usage_error("--bilingual needs a translated XLIFF: --from xliff, "
                                    "or no --from");
    if (o->format == ARTX_TO_TMX && o->from != ARTX_FROM_AUTO && o->from != ARTX_FROM_XLIFF)
        return artx_cli_usage_error("-t tmx needs a translated XLIFF: --from xliff, or no "
                                    "--from");
    return 0;
}

/* --book TITLE: one EPUB or DocBook book, to one file or standard
 * output; a bilingual book is one article's. */
static int check_book(const options *o)
{
    size_t n, len = o->output ? strlen(o->output) : 0;
    struct stat st;
    if (!o->book)
        return 0;
    if (!*o->book)
        return artx_cli_usage_error("--book '': a book needs a title");
    if (o->format != ARTX_TO_EPUB && o->format != ARTX_TO_DOCBOOK)
        return artx_cli_usage_error("--book: a book is written as epub or docbook, not %s "
                                    "(give -t epub, -t docbook, or -o FILE.epub)",
                                    artx_formats(&n)[o->format].name);
    if (o->bilingual)
        return artx_cli_usage_error("--book: not with --bilingual (a bilingual book is one "
                                    "translated article)");
    if (len && strcmp(o->output, "-") &&
        (o->output[len - 1] == '/' || (stat(o->output, &st) == 0 && S_ISDIR(st.st_mode))))
        return artx_cli_usage_error("--book: -o %s: a directory: -o names the book's file",
                                    o->output);
    return 0;
}

static int finish(options *o)
{
    int ret;
    if (o->output && !*o->output)
        return artx_cli_usage_error("-o '': an empty path");
    if ((ret = format_from_output(o)) || (ret = check_bilingual(o)) || (ret = check_book(o)) ||
        (ret = check_params(o)) ||
        (o->target_lang && (ret = check_language(o, "-T", "target-lang", o->target_lang))) ||
        (o->source_lang && (ret = check_language(o, "-s", "source-lang", o->source_lang))) ||
        (ret = check_source_date_epoch(o)))
        return ret;
    size_t n;
    if (artx_formats(&n)[o->format].binary && !o->output && isatty(STDOUT_FILENO))
        return artx_cli_usage_error("-t %s: not for a terminal: give -o FILE (-o - to write it "
                                    "to standard output all the same)",
                                    artx_formats(&n)[o->format].name);
    if (o->target_lang && !param_value(o, "target-lang"))
        o->params[o->nparams++] = "target-lang", o->params[o->nparams++] = o->target_lang;
    if (o->source_lang && !param_value(o, "source-lang"))
        o->params[o->nparams++] = "source-lang", o->params[o->nparams++] = o->source_lang;
    if (o->image_dir)
        o->params[o->nparams++] = "image-dir", o->params[o->nparams++] = o->image_dir;
    o->params[o->nparams] = NULL;
    return -1;
}

/* The long option whose getopt value is `val`, for messages. */
static const char *long_name(const struct option *longopts, int val)
{
    for (size_t k = 0; longopts[k].name; k++)
        if (longopts[k].val == val)
            return longopts[k].name;
    return "?";
}

int artx_cli_bad_option(int c, char **argv, const char *optstring,
                        const struct option *longopts)
{
    /* getopt leaves optopt at the short option, or at the value of a long
     * one; it is 0 for a long option it does not know.  argv[optind - 1]
     * is the word it read last only when that word is done with. */
    const char *arg = argv[optind - 1];
    bool short_known = optopt > 0 && optopt < 128 && strchr(optstring + 1, optopt);
    bool long_word = !strncmp(arg, "--", 2);
    if (c == ':' && short_known && !long_word)
        return artx_cli_usage_error("option '-%c' needs an argument", optopt);
    if (c == ':')
        return artx_cli_usage_error("option '--%s' needs an argument",
                                    long_name(longopts, optopt));
    if (optopt > 0 && !short_known && optopt < 128)
        return artx_cli_usage_error("unknown option '-%c'", optopt);
    if (optopt)
        return artx_cli_usage_error("option '--%s' takes no argument",
                                    long_name(longopts, optopt));
    const char *names[64];
    char word[64], matches[256] = "";
    size_t k = 0, used = 0, nmatch = 0;
    snprintf(word, sizeof word, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
    for (; longopts[k].name && k + 1 < sizeof names / sizeof *names; k++) {
        names[k] = longopts[k].name;
        if (*word && !strncmp(longopts[k].name, word, strlen(word)) && used < sizeof matches) {
            used += (size_t)snprintf(matches + used, sizeof matches - used, "%s--%s",
                                     nmatch ? ", " : "", longopts[k].name);
            nmatch++;
        }
    }
    names[k] = NULL;
    if (nmatch > 1)
        return artx_cli_usage_error("option '%s' is ambiguous (%s)", arg, matches);
    const char *near = artx_cli_nearest(word, names);
    if (near)
        return artx_cli_usage_error("unknown option '%s': did you mean '--%s'?", arg, near);
    return artx_cli_usage_error("unknown option '%s'", arg);
}

/* Options that have no short form. */
enum {
    OPT_STYLESHEETS = 256,
    OPT_STRICT,
    OPT_BILINGUAL,
    OPT_BOOK,
    OPT_SRX,
    OPT_IMAGES,
    OPT_MAX_INPUT,
    OPT_STAT,
    OPT_LIST_FORMATS,
    OPT_LIST_PARAMS,
    OPT_PRINT_STYLESHEET
};

static const struct option longopts[] = {
    {"to", required_argument, NULL, 't'},
    {"output", required_argument, NULL, 'o'},
    {"from", required_argument, NULL, 'f'},
    {"target-lang", required_argument, NULL, 'T'},
    {"source-lang", required_argument, NULL, 's'},
    {"param", required_argument, NULL, 'p'},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"bilingual", no_argument, NULL, OPT_BILINGUAL},
    {"book", required_argument, NULL, OPT_BOOK},
    {"srx", required_argument, NULL, OPT_SRX},
    {"images", required_argument, NULL, OPT_IMAGES},
    {"stylesheets", required_argument, NULL, OPT_STYLESHEETS},
    {"max-input", required_argument, NULL, OPT_MAX_INPUT},
    {"jobs", required_argument, NULL, 'j'},
    {"stat", no_argument, NULL, OPT_STAT},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"list-formats", no_argument, NULL, OPT_LIST_FORMATS},
    {"list-params", no_argument, NULL, OPT_LIST_PARAMS},
    {"print-stylesheet", required_argument, NULL, OPT_PRINT_STYLESHEET},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

/* One option into *o.  Returns -1 to go on, else the exit status. */
static int take(options *o, int c, char *arg)
{
    switch (c) {
    case 't':
        return output_format(o, arg) ? EXIT_USAGE : -1;
    case 'o':
        o->output = arg;
        break;
    case 'f':
        return input_format(o, arg) ? EXIT_USAGE : -1;
    case 'T':
        o->target_lang = arg;
        break;
    case 's':
        o->source_lang = arg;
        break;
    case 'p':
        return add_param(o, arg) ? EXIT_USAGE : -1;
    case OPT_STRICT:
        o->strict = true;
        break;
    case OPT_BILINGUAL:
        o->bilingual = true;
        break;
    case OPT_BOOK:
        o->book = arg;
        break;
    case OPT_SRX:
        o->srx = arg;
        return artx_cli_need_path("--srx", arg, false) ? EXIT_USAGE : -1;
    case OPT_IMAGES:
        o->image_dir = arg;
        return artx_cli_need_path("--images", arg, true) ? EXIT_USAGE : -1;
    case OPT_STYLESHEETS:
        o->stylesheets = arg;
        return artx_cli_need_path("--stylesheets", arg, true) ? EXIT_USAGE : -1;
    case OPT_MAX_INPUT:
        return max_input(o, arg) ? EXIT_USAGE : -1;
    case 'j':
        return jobs(o, arg) ? EXIT_USAGE : -1;
    case OPT_STAT:
        o->stat = true;
        break;
    case 'q':
        o->verbose = -1;
        break;
    case 'v':
        o->verbose = 1;
        break;
    case OPT_LIST_FORMATS:
        o->list = LIST_FORMATS;
        break;
    case OPT_LIST_PARAMS:
        o->list = LIST_PARAMS;
        break;
    case OPT_PRINT_STYLESHEET:
        o->list = PRINT_STYLESHEET;
        o->stylesheet_name = arg;
        break;
    case 'h':
        usage(stdout);
        return artx_cli_flush_stdout();
    case 'V':
        printf("artx %s\n", artx_version());
        return artx_cli_flush_stdout();
    default:
        return EXIT_USAGE;
    }
    return -1;
}

int artx_cli_parse(int argc, char **argv, options *o)
{
    int c, ret = -1;
    /* getopt's own messages start with the program's path; ours with
     * "artx:", as every other message does. */
    opterr = 0;
    static const char optstring[] = ":t:o:f:T:s:p:j:qvhV";
    while (ret < 0 && (c = getopt_long(argc, argv, optstring, longopts, NULL)) != -1)
        ret = c == '?' || c == ':' ? artx_cli_bad_option(c, argv, optstring, longopts)
                                   : take(o, c, optarg);
    if (ret >= 0)
        return ret;
    /* A listing reads -t and nothing else. */
    if (o->list != LIST_NONE && (o->output || optind < argc))
        return artx_cli_usage_error("the listings take no input and no -o: they write to "
                                    "standard output");
    return o->list != LIST_NONE ? -1 : finish(o);
}

/* ---- listings ------------------------------------------------------------------ */

static void list_formats(void)
{
    size_t n;
    const artx_format_info *f = artx_formats(&n);
    for (size_t i = 0; i < n; i++)
        printf("%-8s .%-5s %s\n", f[i].name, f[i].extension, f[i].summary);
}

/* Text in lines of at most `width` columns (bytes: the texts are ASCII),
 * each indented by `indent`, broken at spaces. */
static void print_wrapped(const char *text, int indent, int width)
{
    while (*text) {
        int room = width - indent, n = (int)strlen(text);
        if (n > room) {
            n = room;
            while (n > 0 && text[n] != ' ')
                n--;
            if (n == 0)
                n = (int)strcspn(text, " ");
        }
        while (n > 0 && text[n - 1] == ' ')
            n--;
        printf("%*s%.*s\n", indent, "", n, text);
        text += n;
        while (*text == ' ')
            text++;
    }
}

static void list_params(const options *o)
{
    size_t n;
    const artx_param_info *p = artx_params(&n);
    for (size_t i = 0; i < n; i++) {
        if (o->format_given && !(p[i].formats & (1u << o->format)) && !p[i].merge)
            continue;
        char readers[160];
        formats_of(p[i].formats, p[i].merge, readers, sizeof readers);
        printf("%s=", p[i].name);
        switch (p[i].kind) {
        case ARTX_PARAM_CHOICE:
            for (size_t k = 0; p[i].choices[k]; k++)
                printf("%s%s", k ? "|" : "", p[i].choices[k]);
            break;
        case ARTX_PARAM_LANGUAGE:
            fputs("LANG", stdout);
            break;
        case ARTX_PARAM_TIMESTAMP:
            fputs("CCYY-MM-DDThh:mm:ssZ", stdout);
            break;
        case ARTX_PARAM_STRING:
            fputs("STRING", stdout);
            break;
        }
        char text[640];
        snprintf(text, sizeof text, "%s.  Default: %s.  Read by: %s.", p[i].summary, p[i].def,
                 readers);
        putchar('\n');
        print_wrapped(text, 4, 79);
    }
}

/* --print-stylesheet NAME: a built-in file, or the stylesheet of a format
 * that one stylesheet writes. */
static int print_stylesheet(const char *name)
{
    size_t n;
    const artx_format_info *f = artx_formats(&n);
    const char *file = NULL;
    for (size_t i = 0; i < n && !file; i++)
        if (!strcmp(name, f[i].name))
            file = f[i].stylesheet;
    for (size_t i = 0; !file && artx_resource_name(i); i++)
        if (!strcmp(name, artx_resource_name(i)))
            file = name;
    if (!file) {
        fprintf(stderr, "artx: --print-stylesheet %s: not a built-in file, nor a format one "
                        "stylesheet writes; the built-in files:\n", name);
        for (size_t i = 0; artx_resource_name(i); i++)
            fprintf(stderr, "  %s\n", artx_resource_name(i));
        return EXIT_USAGE;
    }
    unsigned char *bytes = NULL;
    size_t len = 0;
    artx_error err = {0};
    if (artx_resource(file, &bytes, &len, &err)) {
        fprintf(stderr, "artx: %s: %s\n", file, err.message);
        return EXIT_CONVERSION;
    }
    fwrite(bytes, 1, len, stdout);
    free(bytes);
    return 0;
}

int artx_cli_list(const options *o)
{
    int ret = 0;
    switch (o->list) {
    case LIST_FORMATS:
        list_formats();
        break;
    case LIST_PARAMS:
        list_params(o);
        break;
    case PRINT_STYLESHEET:
        ret = print_stylesheet(o->stylesheet_name);
        break;
    case LIST_NONE:
        break;
    }
    return ret ? ret : artx_cli_flush_stdout();
}
