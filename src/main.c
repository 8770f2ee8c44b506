/* main.c - the artx command line: parse options, drive the stages, write
 * each output safely.  No conversion logic lives here. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "options.h"

static const char *display_name(const char *input)
{
    return strcmp(input, "-") ? input : "<stdin>";
}

/* A temporary file in the folder of `path`, to be renamed over it
 * (atomic_commit) or dropped (atomic_drop). */
typedef struct {
    char tmp[PATH_MAX];
    FILE *f;
} atomic_file;

/* Returns 0 or an errno value. */
static int atomic_open(atomic_file *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    int n = slash ? snprintf(a->tmp, sizeof a->tmp, "%.*s/.artx-XXXXXX", (int)(slash - path),
                             path)
                  : snprintf(a->tmp, sizeof a->tmp, ".artx-XXXXXX");
    a->f = NULL;
    if (n < 0 || (size_t)n >= sizeof a->tmp)
        return ENAMETOOLONG;
    int fd = mkstemp(a->tmp);
    if (fd < 0)
        return errno;
    if (!(a->f = fdopen(fd, "wb"))) {
        int e = errno;
        close(fd);
        unlink(a->tmp);
        return e;
    }
    return 0;
}

static void atomic_drop(atomic_file *a)
{
    fclose(a->f);
    unlink(a->tmp);
}

/* Everything written (`e`: 0, or the errno of a failed write): to disk
 * and in place of `path`.  Returns 0 or an errno value. */
static int atomic_commit(atomic_file *a, const char *path, int e)
{
    if (!e && (fflush(a->f) != 0 || fsync(fileno(a->f)) != 0))
        e = errno ? errno : EIO;
    if (fclose(a->f) != 0 && !e)
        e = errno ? errno : EIO;
    /* mkstemp makes the file 0600; outputs are ordinary files. */
    if (!e) {
        mode_t mask = umask(0);
        umask(mask);
        if (chmod(a->tmp, 0666 & ~mask) != 0)
            e = errno;
    }
    if (!e && rename(a->tmp, path) != 0)
        e = errno;
    if (e)
        unlink(a->tmp);
    return e;
}

/* Write bytes to `path` through a temporary file in the same folder and a
 * rename, so that a failure never leaves a partial file.  Returns 0 or an
 * errno value. */
static int write_atomic(const char *path, const unsigned char *buf, size_t len)
{
    atomic_file a;
    int e = atomic_open(&a, path);
    if (e)
        return e;
    errno = 0;
    if (fwrite(buf, 1, len, a.f) != len)
        e = errno ? errno : EIO;
    return atomic_commit(&a, path, e);
}

/* Write bytes in place: devices and FIFOs cannot be renamed over.
 * Returns 0 or an errno value. */
static int write_through(const char *path, const unsigned char *buf, size_t len)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int e = 0;
    for (size_t done = 0; done < len && !e;) {
        ssize_t n = write(fd, buf + done, len - done);
        if (n > 0)
            done += (size_t)n;
        else if (n < 0 && errno != EINTR)
            e = errno;
    }
    if (close(fd) != 0 && !e)
        e = errno;
    return e;
}

/* How bytes go to what `path` names.  Nothing there: a new file; a regular
 * file: replaced atomically, through a symbolic link to the file it names
 * (the link stays); a character device or FIFO (/dev/null, /dev/stdout, a
 * pipe): written in place; anything else is refused, so that no device or
 * folder is ever replaced by a file.  Returns ATOMIC (with the path to
 * rename over in `real`), THROUGH, an errno value, or NOT_A_FILE. */
#define NOT_A_FILE (-1)
#define ATOMIC (-2)
#define THROUGH (-3)
static int plan_path(const char *path, char real[PATH_MAX])
{
    struct stat st, lst;
    snprintf(real, PATH_MAX, "%s", path);
    if (lstat(path, &lst) != 0)
        return errno == ENOENT ? ATOMIC : errno;
    if (stat(path, &st) != 0)
        return errno;
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
        return THROUGH;
    if (!S_ISREG(st.st_mode))
        return NOT_A_FILE;
    if (!S_ISLNK(lst.st_mode))
        return ATOMIC;
    /* A link that names no path (/proc/self/fd/N of a deleted file) can
     * only be written through. */
    struct stat rst;
    if (realpath(path, real) && stat(real, &rst) == 0 && rst.st_dev == st.st_dev &&
        rst.st_ino == st.st_ino)
        return ATOMIC;
    return THROUGH;
}

/* Write bytes to what `path` names (plan_path).  Returns 0, an errno
 * value, or NOT_A_FILE. */
static int write_path(const char *path, const unsigned char *buf, size_t len)
{
    char real[PATH_MAX];
    int how = plan_path(path, real);
    if (how == ATOMIC)
        return write_atomic(real, buf, len);
    if (how == THROUGH)
        return write_through(path, buf, len);
    return how;
}

static const char *write_error(int e)
{
    return e == NOT_A_FILE ? "not a file (only files, character devices and FIFOs are written)"
                           : strerror(e);
}

/* "DIR/base.EXT" for an input written into a directory. */
static int output_path_in_dir(const char *dir, const char *input, const char *ext,
                              char *out, size_t size)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    if (!strcmp(input, "-"))
        base = "stdin";
    const char *dot = strrchr(base, '.');
    int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
    int n = snprintf(out, size, "%s/%.*s.%s", dir, stem, base, ext);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* Write bytes to `target` (standard output when NULL or "-"); messages
 * name `name`. */
static int write_to(const char *name, const char *target, const unsigned char *out,
                    size_t out_len)
{
    if (!target || !strcmp(target, "-")) {
        if (fwrite(out, 1, out_len, stdout) != out_len || fflush(stdout) != 0) {
            fprintf(stderr, "artx: %s: cannot write to standard output: %s\n", name,
                    strerror(errno));
            return EXIT_CONVERSION;
        }
        return 0;
    }
    int e = write_path(target, out, out_len);
    if (e) {
        fprintf(stderr, "artx: %s: cannot write %s: %s\n", name, target, write_error(e));
        return EXIT_CONVERSION;
    }
    return 0;
}

/* Refuse to write over an input: 0, or EXIT_CONVERSION after the message. */
static int not_the_input(const char *input, const char *target)
{
    if (target && strcmp(target, "-") && strcmp(input, "-") && same_file(input, target)) {
        fprintf(stderr, "artx: %s: refusing to overwrite the input\n", display_name(input));
        return EXIT_CONVERSION;
    }
    return 0;
}

/* Where the output of `input` goes: *target is NULL for standard output,
 * else a path (in `path` for -o DIR).  Returns 0, or -1 (said) when the
 * path is too long. */
static int output_target(const options *o, const char *input, char path[PATH_MAX],
                         const char **target)
{
    *target = o->output;
    if (o->output_is_dir) {
        if (output_path_in_dir(o->output, input, artx_format_extension(o->format), path,
                               PATH_MAX)) {
            fprintf(stderr, "artx: %s: output path too long\n", display_name(input));
            return -1;
        }
        *target = path;
    }
    if (*target && !strcmp(*target, "-"))
        *target = NULL;
    return 0;
}

/* Write one output: to standard output, or through a temporary file to
 * its path (never over the input). */
static int write_output(const options *o, const char *input, const unsigned char *out,
                        size_t out_len)
{
    const char *name = display_name(input);
    char path[PATH_MAX];
    const char *target;
    if (output_target(o, input, path, &target))
        return EXIT_CONVERSION;
    return not_the_input(input, target) ? EXIT_CONVERSION : write_to(name, target, out, out_len);
}

/* An output written while it is made (artx_transform_take_to): into a
 * temporary file beside a regular file's path, renamed over it at the end
 * as write_output does, so that the whole output is never held.  Standard
 * output, devices and FIFOs, and anything write_output refuses, keep to
 * write_output: nothing is written to them before it has all gone well. */
typedef struct {
    atomic_file a;
    char path[PATH_MAX], real[PATH_MAX];
    const char *target;
    int e; /* the errno of a failed write */
} streamed;

static int streamed_write(void *ctx, const unsigned char *bytes, size_t len)
{
    streamed *s = ctx;
    errno = 0;
    if (fwrite(bytes, 1, len, s->a.f) != len) {
        s->e = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

/* true when the output of `input` is written as it is made into `s`. */
static bool streamed_open(const options *o, const char *input, streamed *s)
{
    s->e = 0;
    if (output_target(o, input, s->path, &s->target) || !s->target ||
        (strcmp(input, "-") && same_file(input, s->target)))
        return false;
    return plan_path(s->target, s->real) == ATOMIC && atomic_open(&s->a, s->real) == 0;
}

/* The conversion's status: the output renamed into place after `failed`
 * (0 or an artx status) and said, or dropped. */
static int streamed_close(streamed *s, const char *name, int failed, const artx_error *err)
{
    if (failed) {
        atomic_drop(&s->a);
        if (s->e)
            fprintf(stderr, "artx: %s: cannot write %s: %s\n", name, s->target,
                    strerror(s->e));
        else
            fprintf(stderr, "artx: %s: %s\n", name, err->message);
        return EXIT_CONVERSION;
    }
    int e = atomic_commit(&s->a, s->real, 0);
    if (e) {
        fprintf(stderr, "artx: %s: cannot write %s: %s\n", name, s->target, write_error(e));
        return EXIT_CONVERSION;
    }
    return 0;
}

/* How many untranslated segments a message names; the rest are counted. */
#define MAX_NAMED 20

/* "N segment(s) untranslated: ID, ID ... and K more" on stderr, then
 * `why` and a newline: one line, which -j's other threads do not cut
 * into.  A segment is named by its id, which artx makes from its unit's
 * ("p2.s1"); other ids are qualified by their unit. */
static void say_untranslated(const char *name, const artx_merge_report *r, const char *why)
{
    flockfile(stderr);
    fprintf(stderr, "artx: %s: %zu segment%s untranslated:", name, r->nuntranslated,
            r->nuntranslated == 1 ? "" : "s");
    for (size_t i = 0; i < r->nuntranslated && i < MAX_NAMED; i++) {
        const artx_merge_note *n = &r->untranslated[i];
        size_t ul = strlen(n->unit);
        const char *sep = i ? ", " : " ";
        if (!strcmp(n->what, "target"))
            fprintf(stderr, "%s%s", sep, n->unit);
        else if (!strncmp(n->what, n->unit, ul) && n->what[ul] == '.')
            fprintf(stderr, "%s%s", sep, n->what);
        else
            fprintf(stderr, "%s%s/%s", sep, n->unit, n->what);
    }
    if (r->nuntranslated > MAX_NAMED)
        fprintf(stderr, " and %zu more", r->nuntranslated - MAX_NAMED);
    fprintf(stderr, "%s\n", why);
    funlockfile(stderr);
}

/* What -v says of one input, gathered as the stages run. */
typedef struct detected {
    artx_kind kind;
    size_t units;               /* XLIFF: the units merged */
    artx_page_report page;      /* a page: what the front end found and dropped */
    artx_article_summary art;   /* the article, once it has its sentences */
} detected;

/* An input that `what` (--bilingual, -t tmx) takes only as a translated
 * XLIFF and that is none: said, and false. */
static bool need_xliff(const char *name, xmlDocPtr page, const char *what)
{
    if (artx_is_xliff(page))
        return true;
    xmlNodePtr root = xmlDocGetRootElement(page);
    fprintf(stderr, "artx: %s: %s needs a translated XLIFF, not this input (root element %s)\n",
            name, what, root ? (const char *)root->name : "none");
    return false;
}

/* What a merge (ret, the report) comes to: said on stderr; untranslated
 * segments fail with --strict, else are named, followed by `kept` (what
 * became of them).  Returns 0,
 * EXIT_CONVERSION, or EXIT_USAGE when the merge needs -T. */
static int merge_status(const options *o, const char *name, int ret, artx_merge_report *report,
                        const char *kept, const artx_error *err)
{
    int status = EXIT_CONVERSION;
    if (ret) {
        fprintf(stderr, "artx: %s: %s\n", name, err->message);
        if (ret == ARTX_ERR_USAGE)
            status = EXIT_USAGE;
    } else if (report->nuntranslated && o->strict) {
        say_untranslated(name, report, " (--strict: a merge fails on an untranslated segment)");
    } else {
        status = 0;
    }
    if (!status && report->urls_dropped && o->verbose >= 0)
        fprintf(stderr, "artx: %s: %zu links or images dropped: only http, https and mailto "
                        "links and http and https images are kept\n",
                name, report->urls_dropped);
    if (!status && report->nuntranslated && o->verbose >= 0)
        say_untranslated(name, report, kept);
    artx_merge_report_clear(report);
    return status;
}

/* The article of a parsed input: normalised, or merged from an XLIFF
 * (with --bilingual, and the article it was translated from in *source).
 * Returns merge_status(), or EXIT_USAGE when --bilingual needs an XLIFF. */
static int article_of(const options *o, const char *name, xmlDocPtr page, xmlDocPtr *article,
                      xmlDocPtr *source, detected *d, artx_error *err)
{
    artx_merge_report report = {0};
    bool xliff = artx_is_xliff(page);
    if (o->bilingual && !need_xliff(name, page, "--bilingual"))
        return EXIT_USAGE;
    if (!xliff)
        report.urls_dropped = artx_article_unsafe_urls(page);
    if (o->verbose > 0)
        d->units = artx_xliff_units(page, &d->kind);
    int ret = xliff ? artx_merge(page, o->params, article, &report, err)
                    : artx_normalise_report(page, o->from, article,
                                            o->verbose > 0 ? &d->page : NULL, err);
    if (!ret && o->bilingual)
        ret = artx_merge_source(page, source, err);
    if (!xliff && o->verbose > 0)
        d->kind = d->page.kind;
    return merge_status(o, name, ret, &report, "", err);
}

/* -t tmx: the translation memory of a translated XLIFF, made from the
 * file itself (no article is written); the segments left out as
 * untranslated are named as a merge names them. */
static int tmx_of(const options *o, const char *name, xmlDocPtr page, unsigned char **out,
                  size_t *len, detected *d, artx_error *err)
{
    artx_merge_report report = {0};
    if (!need_xliff(name, page, "-t tmx"))
        return EXIT_USAGE;
    /* -v describes the article the memory is of: the source article. */
    if (o->verbose > 0) {
        xmlDocPtr source = NULL;
        d->units = artx_xliff_units(page, &d->kind);
        if (!artx_merge_source(page, &source, NULL))
            artx_article_summarise(source, &d->art);
        xmlFreeDoc(source);
    }
    return merge_status(o, name, artx_tmx(page, o->params, out, len, &report, err), &report,
                        " (left out of the TMX)", err);
}

/* ---- one input ----------------------------------------------------------- */

enum stage { STAGE_READ, STAGE_PARSE, STAGE_NORMALISE, STAGE_SEGMENT, STAGE_TRANSFORM,
             STAGE_WRITE, NSTAGES };
static const char *const stage_names[NSTAGES] = {
    "read", "parse", "normalise or merge", "segment", "transform (EPUB: and package)", "write"};

/* Seconds spent in each stage, summed over inputs. */
typedef struct stage_times {
    double s[NSTAGES];
} stage_times;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The time since *mark into stage `st`; the mark moves on. */
static void lap(stage_times *t, enum stage st, double *mark)
{
    double n = now();
    t->s[st] += n - *mark;
    *mark = n;
}

/* Add "WHAT N" to the list l when n is not 0. */
static void put_count(char *l, size_t size, size_t n, const char *what)
{
    size_t len = strlen(l);
    if (n && len < size)
        snprintf(l + len, size - len, "%s%s %zu", len ? ", " : "", what, n);
}

/* say_detected()'s out_len for an article kept for a book. */
#define KEPT SIZE_MAX

/* One line each, written whole, so that -j does not interleave them:
 * what the input is and where its article was; what was kept (and, for a
 * page, dropped and lifted); the size and the time. */
static void say_detected(const char *name, const char *encoding, const detected *d,
                         size_t out_len, double seconds)
{
    const artx_page_report *r = &d->page;
    char found[128] = "";
    switch (r->finder) {
    case ARTX_FINDER_SITE: snprintf(found, sizeof found, ", site rule %s", r->rule); break;
    case ARTX_FINDER_LAYOUT: snprintf(found, sizeof found, ", layout rule %s", r->rule); break;
    case ARTX_FINDER_SCORING: snprintf(found, sizeof found, ", scoring %.1f", r->score); break;
    case ARTX_FINDER_EMBEDDED: snprintf(found, sizeof found, ", embedded data"); break;
    case ARTX_FINDER_BODY: snprintf(found, sizeof found, ", whole body"); break;
    case ARTX_FINDER_NONE:
        if (d->units)
            snprintf(found, sizeof found, ", %zu units merged", d->units);
        break;
    }
    fprintf(stderr, "artx: %s: %s, encoding %s%s, language %s, %s%s%s\n", name,
            artx_kind_name(d->kind), encoding, found, *d->art.lang ? d->art.lang : "unknown",
            *d->art.title ? "title \"" : "no title", d->art.title, *d->art.title ? "\"" : "");

    char dropped[256] = "", lifted[128] = "";
    put_count(dropped, sizeof dropped, r->hidden, "hidden");
    put_count(dropped, sizeof dropped, r->navigation, "navigation");
    put_count(dropped, sizeof dropped, r->comments, "comments");
    put_count(dropped, sizeof dropped, r->share, "share");
    put_count(dropped, sizeof dropped, r->related, "related");
    put_count(dropped, sizeof dropped, r->ads, "ads");
    put_count(dropped, sizeof dropped, r->other, "other");
    put_count(lifted, sizeof lifted, r->promo, "promo");
    put_count(lifted, sizeof lifted, r->rights, "rights");
    put_count(lifted, sizeof lifted, r->bylines, "byline");
    put_count(lifted, sizeof lifted, r->title_repeats, "title");
    if (r->finder == ARTX_FINDER_NONE)
        fprintf(stderr, "artx: %s: kept blocks %zu, figures %zu, sentences %zu\n", name,
                d->art.blocks, d->art.figures, d->art.sentences);
    else
        fprintf(stderr, "artx: %s: kept blocks %zu, figures %zu, sentences %zu; dropped %s; "
                        "lifted %s\n", name, d->art.blocks, d->art.figures, d->art.sentences,
                *dropped ? dropped : "none", *lifted ? lifted : "none");
    if (out_len == KEPT)
        fprintf(stderr, "artx: %s: into the book in %.1f ms\n", name, seconds * 1000);
    else
        fprintf(stderr, "artx: %s: %zu bytes out in %.1f ms\n", name, out_len, seconds * 1000);
}

/* The output of a parsed input into *out: -t tmx straight from the file;
 * otherwise its article (normalised or merged), with its sentences,
 * transformed, or with `keep` (a book) put there instead.  An output
 * that can be written as it is made (streamed_open) is, and *written
 * says so.  *page is freed as soon as the next stage has what it
 * needs: on a big page the page and the article would otherwise both be
 * held at the peak.  Failures are said; returns 0 or the exit status. */
static int output_of(const options *o, artx_segmenter *seg, const char *input, xmlDocPtr *page,
                     unsigned char **out, size_t *out_len, bool *written, detected *d,
                     stage_times *t, double *mark, xmlDocPtr *keep)
{
    const char *name = display_name(input);
    xmlDocPtr article = NULL, source = NULL;
    artx_error err = {0};
    int status, failed;
    if (o->format == ARTX_TO_TMX) {
        status = tmx_of(o, name, *page, out, out_len, d, &err);
        lap(t, STAGE_TRANSFORM, mark);
        return status;
    }
    status = article_of(o, name, *page, &article, &source, d, &err);
    xmlFreeDoc(*page);
    *page = NULL;
    lap(t, STAGE_NORMALISE, mark);
    if (status)
        goto out;
    status = EXIT_CONVERSION;
    failed = artx_sentences(article, seg, &err);
    lap(t, STAGE_SEGMENT, mark);
    if (!failed && o->verbose > 0)
        artx_article_summarise(article, &d->art);
    if (!failed && keep) {
        *keep = article;
        article = NULL;
        status = 0;
        goto out;
    }
    streamed st;
    if (!failed && !source && streamed_open(o, input, &st)) {
        failed = artx_transform_take_to(&article, o->format, o->params, streamed_write, &st,
                                        out_len, &err);
        lap(t, STAGE_TRANSFORM, mark);
        status = streamed_close(&st, name, failed, &err);
        lap(t, STAGE_WRITE, mark);
        *written = true;
        goto out;
    }
    if (!failed) {
        failed = source ? artx_transform_bilingual(source, article, o->format, o->params, out,
                                                   out_len, &err)
                        : artx_transform_take(&article, o->format, o->params, out, out_len,
                                              &err);
        lap(t, STAGE_TRANSFORM, mark);
    }
    if (failed)
        fprintf(stderr, "artx: %s: %s\n", name, err.message);
    else
        status = 0;
out:
    xmlFreeDoc(article);
    xmlFreeDoc(source);
    return status;
}

/* Convert one input with the sentence rules `seg` (this thread's).  With
 * `keep` (a book), the article, with its sentences, goes there instead of
 * being written. */
static int convert(const options *o, artx_segmenter *seg, const char *input, stage_times *t,
                   xmlDocPtr *keep)
{
    const char *name = display_name(input);
    bool is_stdin = !strcmp(input, "-");
    unsigned char *in = NULL, *out = NULL;
    size_t in_len = 0, out_len = 0;
    xmlDocPtr page = NULL;
    artx_error err = {0};
    int status = EXIT_CONVERSION;
    double mark = now(), start = mark;
    detected d = {0};

    int failed = artx_read_file(is_stdin ? NULL : input, o->max_input, &in, &in_len, &err);
    lap(t, STAGE_READ, &mark);
    if (failed || artx_read(in, in_len, is_stdin ? NULL : input, o->from, &page, &err)) {
        fprintf(stderr, "artx: %s: %s%s\n", name, err.message,
                err.status == ARTX_ERR_LIMIT ? " (--max-input)" : "");
        goto out;
    }
    /* Each stage's input is let go as soon as the next has what it needs:
     * on a big page the bytes, the page and the article would otherwise
     * all be held at the peak. */
    const char *encoding = artx_detect_encoding(in, in_len);
    free(in);
    in = NULL;
    lap(t, STAGE_PARSE, &mark);
    bool written = false;
    status = output_of(o, seg, input, &page, &out, &out_len, &written, &d, t, &mark, keep);
    if (status)
        goto out;
    if (keep) {
        if (o->verbose > 0)
            say_detected(name, encoding, &d, KEPT, now() - start);
        goto out;
    }
    if (!written) {
        status = write_output(o, input, out, out_len);
        lap(t, STAGE_WRITE, &mark);
    }
    if (!status && o->verbose > 0)
        say_detected(name, encoding, &d, out_len, mark - start);
out:
    free(in);
    free(out);
    xmlFreeDoc(page);
    return status;
}

/* Append the sentences of one paragraph to `b`, a line each, then an
 * empty line. */
static int segment_paragraph(artx_segmenter *seg, const char *lang, const char *line,
                             size_t len, xmlBufferPtr b, artx_error *err)
{
    artx_span *spans = NULL;
    size_t n = 0;
    int ret = artx_segment_spans(seg, lang, line, len, &spans, &n, err);
    if (ret)
        return ret;
    for (size_t i = 0; i < n; i++) {
        xmlBufferAdd(b, (const xmlChar *)line + spans[i].start,
                     (int)(spans[i].end - spans[i].start));
        xmlBufferCat(b, BAD_CAST "\n");
    }
    xmlBufferCat(b, BAD_CAST "\n");
    free(spans);
    return 0;
}

/* artx segment -l LANG [--srx FILE] [-o PATH] [FILE]: the rule writer's
 * test bench. */
static int segment_command(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, 'l'},
        {"srx", required_argument, NULL, 's'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *lang = NULL, *srx = NULL, *output = NULL;
    int c, ret = -1;
    optind = 1;
    opterr = 0;
    static const char optstring[] = ":l:o:h";
    while (ret < 0 && (c = getopt_long(argc, argv, optstring, longopts, NULL)) != -1) {
        switch (c) {
        case 'l':
            lang = optarg;
            ret = artx_cli_check_language("-l", lang);
            ret = ret ? ret : -1;
            break;
        case 's':
            srx = optarg;
            ret = artx_cli_need_path("--srx", srx, false) ? EXIT_USAGE : -1;
            break;
        case 'o':
            output = optarg;
            break;
        case 'h':
            artx_cli_segment_usage(stdout);
            return artx_cli_flush_stdout();
        default:
            ret = artx_cli_bad_option(c, argv, optstring, longopts);
        }
    }
    if (ret >= 0)
        return ret;
    if (!lang)
        return artx_cli_usage_error("segment needs -l LANG");
    if (output && !*output)
        return artx_cli_usage_error("-o '': an empty path");
    if (argc - optind > 1)
        return artx_cli_usage_error("segment takes one input");
    const char *input = optind < argc ? argv[optind] : "-";
    const char *name = display_name(input);

    artx_init();
    artx_error err = {0};
    artx_segmenter *seg = NULL;
    unsigned char *in = NULL;
    size_t in_len = 0;
    xmlBufferPtr out = xmlBufferCreate();
    int status = EXIT_CONVERSION, e;
    if (artx_segmenter_new(srx, &seg, &err)) {
        fprintf(stderr, "artx: %s: %s\n", srx ? srx : "built-in rules", err.message);
        goto out;
    }
    if (artx_read_file(strcmp(input, "-") ? input : NULL, DEFAULT_MAX_INPUT, &in, &in_len,
                       &err)) {
        fprintf(stderr, "artx: %s: %s\n", name, err.message);
        goto out;
    }
    for (size_t start = 0; start < in_len;) {
        const unsigned char *nl = memchr(in + start, '\n', in_len - start);
        size_t end = nl ? (size_t)(nl - in) : in_len;
        size_t len = end - start;
        if (len > 0 && in[end - 1] == '\r')
            len--;
        if (len > 0 &&
            segment_paragraph(seg, lang, (const char *)in + start, len, out, &err)) {
            fprintf(stderr, "artx: %s: %s\n", name, err.message);
            goto out;
        }
        start = end + 1;
    }
    const unsigned char *bytes = xmlBufferContent(out);
    size_t n = (size_t)xmlBufferLength(out);
    if (output && strcmp(output, "-")) {
        if ((e = write_path(output, bytes, n))) {
            fprintf(stderr, "artx: %s: cannot write %s: %s\n", name, output, write_error(e));
            goto out;
        }
    } else if (fwrite(bytes, 1, n, stdout) != n || fflush(stdout)) {
        fprintf(stderr, "artx: %s: cannot write to standard output: %s\n", name,
                strerror(errno));
        goto out;
    }
    status = 0;
out:
    free(in);
    xmlBufferFree(out);
    artx_segmenter_free(seg);
    artx_cleanup();
    return status;
}

typedef struct planned {
    char path[PATH_MAX]; /* where the output goes */
    const char *input;
} planned;

static int compare_planned(const void *a, const void *b)
{
    return strcmp(((const planned *)a)->path, ((const planned *)b)->path);
}

/* Several inputs into one folder: refuse up front when two would write
 * the same file (a/page.html and b/page.html), before anything is
 * written.  Returns -1 to go on, else the exit status. */
static int check_collisions(const options *o, char **inputs, int ninputs)
{
    const char *ext = artx_format_extension(o->format);
    planned *p = calloc((size_t)ninputs, sizeof *p);
    int ret = -1;
    if (!p) {
        fputs("artx: out of memory\n", stderr);
        return EXIT_CONVERSION;
    }
    for (int i = 0; i < ninputs && ret < 0; i++) {
        p[i].input = inputs[i];
        if (output_path_in_dir(o->output, inputs[i], ext, p[i].path, sizeof p[i].path)) {
            fprintf(stderr, "artx: %s: output path too long\n", display_name(inputs[i]));
            ret = EXIT_CONVERSION;
        }
    }
    if (ret < 0)
        qsort(p, (size_t)ninputs, sizeof *p, compare_planned);
    for (int i = 1; i < ninputs && ret < 0; i++)
        if (!strcmp(p[i - 1].path, p[i].path)) {
            fprintf(stderr, "artx: %s and %s would both be written to %s: give them "
                            "different names, or convert them into different folders\n",
                    display_name(p[i - 1].input), display_name(p[i].input), p[i].path);
            ret = EXIT_USAGE;
        }
    free(p);
    return ret;
}

/* Decide whether -o names a directory: an existing one, or a path ending
 * in '/' (made here), for one input or many; several inputs make one of
 * any other new path, unless it names a file by its extension.  Checks
 * that no two outputs collide in it.  Returns -1 to go on, else the exit
 * status. */
static int prepare_output(options *o, char **inputs, int ninputs)
{
    struct stat st;
    const char *out = o->output;
    bool to_stdout = !out || !strcmp(out, "-");
    size_t len = to_stdout ? 0 : strlen(out);
    bool exists = !to_stdout && stat(out, &st) == 0;
    bool slash = len && out[len - 1] == '/';
    artx_format named;
    if (slash && !exists && errno == ENOTDIR)
        return artx_cli_usage_error("-o %s: not a directory", out);
    if (to_stdout) {
        if (ninputs > 1 && o->format != ARTX_TO_TEXT && o->format != ARTX_TO_STATS)
            return artx_cli_usage_error("several inputs need -o DIR/: outputs other than "
                                              "-t text and -t stats (a line each) cannot "
                                              "share standard output");
        return -1;
    }
    if (exists && S_ISDIR(st.st_mode))
        o->output_is_dir = true;
    else if (slash || (ninputs > 1 && !exists && artx_format_from_path(out, &named)))
        o->output_is_dir = !exists;
    if (!o->output_is_dir && ninputs > 1)
        return artx_cli_usage_error("-o %s: several inputs make several outputs: name a "
                                    "directory (-o DIR/)", out);
    if (!o->output_is_dir && slash)
        return artx_cli_usage_error("-o %s: not a directory", out);
    if (!o->output_is_dir)
        return -1;
    int ret = ninputs > 1 ? check_collisions(o, inputs, ninputs) : -1;
    if (ret >= 0)
        return ret;
    if (!exists && mkdir(out, 0777) != 0) {
        fprintf(stderr, "artx: %s: cannot create directory: %s\n", out, strerror(errno));
        return EXIT_CONVERSION;
    }
    return -1;
}

/* ---- several inputs -------------------------------------------------------- */

/* The inputs of one run, shared by its threads.  Each thread takes the next
 * input in turn; the counts, the times and the progress line are under the
 * lock. */
typedef struct batch {
    const options *o;
    char **inputs;
    int ninputs;
    pthread_mutex_t lock;
    int next, done, failed;
    bool usage;          /* an input failed for a usage error (exit 2) */
    xmlDocPtr *articles; /* --book: each input's article, by input; else NULL */
    stage_times times;
    bool progress;       /* a progress line on stderr */
    double started, shown;
} batch;

typedef struct worker {
    batch *b;
    artx_segmenter *seg;
    pthread_t thread;
} worker;

static void show_progress(batch *b, bool last)
{
    double t = now();
    if (!last && t - b->shown < 0.2)
        return;
    b->shown = t;
    char failed[32] = "";
    if (b->failed)
        snprintf(failed, sizeof failed, ", %d failed", b->failed);
    /* Written over in place: the line is cleared to its end and the
     * cursor goes back to the margin, where a message that comes next
     * starts. */
    fprintf(stderr, "artx: %d/%d, %.1f a second%s\033[K%s", b->done, b->ninputs,
            b->done / (t - b->started > 0 ? t - b->started : 1), failed, last ? "\n" : "\r");
}

static void *work(void *arg)
{
    worker *w = arg;
    batch *b = w->b;
    for (;;) {
        pthread_mutex_lock(&b->lock);
        int i = b->next < b->ninputs ? b->next++ : -1;
        pthread_mutex_unlock(&b->lock);
        if (i < 0)
            return NULL;
        stage_times t = {0};
        int status = convert(b->o, w->seg, b->inputs[i], &t,
                             b->articles ? &b->articles[i] : NULL);
        pthread_mutex_lock(&b->lock);
        b->done++;
        b->failed += status != 0;
        b->usage |= status == EXIT_USAGE;
        for (int st = 0; st < NSTAGES; st++)
            b->times.s[st] += t.s[st];
        if (b->progress)
            show_progress(b, b->done == b->ninputs);
        pthread_mutex_unlock(&b->lock);
    }
}

static void print_stat(const batch *b)
{
    double total = 0;
    for (int st = 0; st < NSTAGES; st++)
        total += b->times.s[st];
    fprintf(stderr, "artx: time per stage, summed over %d input%s:\n", b->ninputs,
            b->ninputs == 1 ? "" : "s");
    for (int st = 0; st < NSTAGES; st++)
        fprintf(stderr, "artx:   %-30s %9.3f s %5.1f %%\n", stage_names[st], b->times.s[st],
                total > 0 ? 100 * b->times.s[st] / total : 0.0);
}

/* --book: the articles of every input, in input order, as one EPUB
 * written to -o's file (never over an input) or standard output.  Not
 * written when an input failed: the run's status is then the inputs'. */
static int write_book(const options *o, batch *b)
{
    double mark = now();
    for (int i = 0; i < b->ninputs; i++)
        if (not_the_input(b->inputs[i], o->output))
            return EXIT_CONVERSION;
    unsigned char *out = NULL;
    size_t len = 0;
    artx_error err = {0};
    int status = 0;
    if (artx_transform_book(b->articles, (size_t)b->ninputs, o->book, o->format, o->params,
                            &out, &len, &err)) {
        fprintf(stderr, "artx: --book: %s\n", err.message);
        status = EXIT_CONVERSION;
    }
    lap(&b->times, STAGE_TRANSFORM, &mark);
    if (!status)
        status = write_to("--book", o->output, out, len);
    lap(&b->times, STAGE_WRITE, &mark);
    if (!status && o->verbose > 0)
        fprintf(stderr, "artx: --book: %d articles, %zu bytes out\n", b->ninputs, len);
    free(out);
    return status;
}

/* Every input, on o->jobs threads (this one among them), each with its
 * own sentence rules.  Outputs written to standard output come one input
 * at a time, in order; a book is written once all are converted. */
static int run(options *o, char **inputs, int ninputs)
{
    artx_error err = {0};
    if (o->stylesheets && artx_set_stylesheet_dir(o->stylesheets, &err)) {
        fprintf(stderr, "artx: %s: %s\n", o->stylesheets, err.message);
        return EXIT_USAGE;
    }
    int n = o->jobs < ninputs ? o->jobs : ninputs;
    if (!o->output_is_dir && !o->book)
        n = 1;
    worker *w = calloc((size_t)n, sizeof *w);
    xmlDocPtr *articles = o->book ? calloc((size_t)ninputs, sizeof *articles) : NULL;
    if (!w || (o->book && !articles)) {
        free(w);
        free(articles);
        fputs("artx: out of memory\n", stderr);
        return EXIT_CONVERSION;
    }
    batch b = {.o = o, .inputs = inputs, .ninputs = ninputs, .lock = PTHREAD_MUTEX_INITIALIZER,
               .articles = articles,
               .progress = ninputs > 1 && o->verbose >= 0 && isatty(STDERR_FILENO)};
    int status = 0;
    for (int k = 0; k < n && !status; k++) {
        w[k].b = &b;
        if (artx_segmenter_new(o->srx, &w[k].seg, &err)) {
            fprintf(stderr, "artx: %s: %s\n", o->srx ? o->srx : "built-in rules", err.message);
            status = EXIT_CONVERSION;
        }
    }
    b.started = b.shown = now();
    /* A thread that cannot be started leaves its share to the others. */
    for (int k = 1; k < n && !status; k++)
        if (pthread_create(&w[k].thread, NULL, work, &w[k]) != 0)
            w[k].b = NULL;
    if (!status) {
        work(&w[0]);
        for (int k = 1; k < n; k++)
            if (w[k].b)
                pthread_join(w[k].thread, NULL);
        double secs = now() - b.started;
        if (ninputs > 1 && o->verbose >= 0)
            fprintf(stderr, "artx: %d inputs in %.2f s (%.1f a second): %d converted, %d failed\n",
                    ninputs, secs, ninputs / (secs > 0 ? secs : 1), b.done - b.failed, b.failed);
        status = b.usage ? EXIT_USAGE : b.failed ? EXIT_CONVERSION : 0;
        if (o->book && status)
            fprintf(stderr, "artx: --book: not written: %d of %d input%s failed\n", b.failed,
                    ninputs, ninputs == 1 ? "" : "s");
        else if (o->book)
            status = write_book(o, &b);
        if (o->stat)
            print_stat(&b);
    }
    for (int k = 0; k < n; k++)
        artx_segmenter_free(w[k].seg);
    for (int i = 0; articles && i < ninputs; i++)
        xmlFreeDoc(articles[i]);
    free(articles);
    free(w);
    return status;
}

/* -j's default: one job per core. */
static int cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
}

int main(int argc, char **argv)
{
    options o = {.format = ARTX_TO_ARTICLE, .from = ARTX_FROM_AUTO,
                 .max_input = DEFAULT_MAX_INPUT, .jobs = cores()};
    if (argc > 1 && !strcmp(argv[1], "segment"))
        return segment_command(argc - 1, argv + 1);
    int ret = artx_cli_check_command(argc, argv);
    if (ret >= 0 || (ret = artx_cli_parse(argc, argv, &o)) >= 0)
        return ret;
    if (o.list != LIST_NONE)
        return artx_cli_list(&o);

    int ninputs = argc - optind;
    char *stdin_only[] = {"-"};
    char **inputs = ninputs ? argv + optind : stdin_only;
    if (!ninputs)
        ninputs = 1;
    int stdin_uses = 0;
    for (int i = 0; i < ninputs; i++)
        stdin_uses += !strcmp(inputs[i], "-");
    if (stdin_uses > 1)
        return artx_cli_usage_error("standard input given more than once");
    if (!o.book && (ret = prepare_output(&o, inputs, ninputs)) >= 0)
        return ret;

    /* Past a file size limit, write() should fail with EFBIG and be
     * reported, not kill the process halfway. */
    signal(SIGXFSZ, SIG_IGN);
    artx_init();
    ret = run(&o, inputs, ninputs);
    artx_cleanup();
    return ret;
}
