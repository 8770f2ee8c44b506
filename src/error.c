/* error.c - artx_error and the capture of libxml2/libxslt messages.
 *
 * The library never prints: libxml2 and libxslt would write their warnings
 * to stderr, so their handlers are replaced by one that keeps the last
 * message for the caller to quote in an artx_error. */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxslt/xsltutils.h>

#include "internal.h"

static _Thread_local char last_xml_error[256];
/* The last fatal error: the parser stopped there (libxml2 halts at its
 * limits on nesting and text size, and keeps what came before). */
static _Thread_local char last_xml_fatal[256];
/* How often memory ran out on this thread (see artx_oom_mark). */
static _Thread_local unsigned long oom_count;

int artx_fail(artx_error *err, int status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->status = status;
    }
    return status;
}

int artx_fail_within(artx_error *err, int status, const char *fmt, ...)
{
    if (err) {
        char reason[sizeof err->message];
        snprintf(reason, sizeof reason, "%s", err->message);
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        size_t at = n < 0 ? 0 : (size_t)n;
        if (at + 3 < sizeof err->message) {
            size_t rl = strlen(reason), room = sizeof err->message - at - 3;
            memcpy(err->message + at, ": ", 2);
            memcpy(err->message + at + 2, reason, rl < room ? rl : room);
            err->message[at + 2 + (rl < room ? rl : room)] = '\0';
        }
        err->status = status;
    }
    return status;
}

static void keep_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    /* libxml2 reports a text over its size limit as out of memory too;
     * that is a limit of the input (read.c says so), not of the machine. */
    if (e && e->code == XML_ERR_NO_MEMORY && !(e->message && strstr(e->message, "huge text node")))
        oom_count++;
    if (!e || !e->message || e->level < XML_ERR_ERROR)
        return;
    snprintf(last_xml_error, sizeof last_xml_error, "%s", e->message);
    size_t n = strlen(last_xml_error);
    while (n > 0 && (last_xml_error[n - 1] == '\n' || last_xml_error[n - 1] == ' '))
        last_xml_error[--n] = '\0';
    if (e->line > 0 && n + 24 < sizeof last_xml_error)
        snprintf(last_xml_error + n, sizeof last_xml_error - n, " (line %d)",
                 e->line);
    /* A text over its size limit is reported as out of memory, at level
     * error, and stops the parser as well. */
    if (e->level == XML_ERR_FATAL || e->code == XML_ERR_NO_MEMORY)
        snprintf(last_xml_fatal, sizeof last_xml_fatal, "%s", last_xml_error);
}

/* libxslt reports through the generic, printf-style handler; its messages
 * arrive in pieces, so they are appended until a newline ends one. */
/* Where this thread's generic messages also go, whole (artx_error_sink). */
static _Thread_local xmlBufferPtr generic_sink;

void artx_error_sink(xmlBufferPtr sink)
{
    generic_sink = sink;
}

static void keep_generic(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    static _Thread_local bool line_open;
    char piece[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(piece, sizeof piece, fmt, ap);
    va_end(ap);
    if (generic_sink)
        xmlBufferCat(generic_sink, BAD_CAST piece);
    if (!line_open)
        last_xml_error[0] = '\0';
    size_t have = strlen(last_xml_error);
    snprintf(last_xml_error + have, sizeof last_xml_error - have, "%s", piece);
    size_t n = strlen(last_xml_error);
    line_open = !(n > 0 && last_xml_error[n - 1] == '\n');
    while (n > 0 && (last_xml_error[n - 1] == '\n' || last_xml_error[n - 1] == ' '))
        last_xml_error[--n] = '\0';
}

/* libxml2 keeps its handlers per thread, starting from a default for new
 * threads; libxslt has one handler for the process.  Both handlers write
 * to thread-local storage, so every thread reads its own last message. */
void artx_error_capture(void)
{
    xmlSetStructuredErrorFunc(NULL, keep_structured);
    xmlSetGenericErrorFunc(NULL, keep_generic);
    xmlThrDefSetStructuredErrorFunc(NULL, keep_structured);
    xmlThrDefSetGenericErrorFunc(NULL, keep_generic);
    xsltSetGenericErrorFunc(NULL, keep_generic);
}

const char *artx_xml_last_error(void)
{
    return last_xml_error;
}

const char *artx_xml_last_fatal(void)
{
    return last_xml_fatal;
}

void artx_xml_clear_error(void)
{
    last_xml_error[0] = '\0';
    last_xml_fatal[0] = '\0';
}

/* libxml2's and libxslt's allocators, counted when they fail: not every
 * failure is reported (xmlUTF8Strndup, under XPath's substring(), returns
 * NULL in silence, and the transformation goes on with "").
 *
 * They also keep the books of a spending limit (artx_spend_begin): the
 * bytes this thread holds beyond what it held when the limit was set.  A
 * block's size is glibc's malloc_usable_size(), so the books are kept only
 * when libxml2's allocator is libc's own; xmlStrdup allocates through
 * xmlMallocAtomic, which is counted_malloc, so strdup is not charged
 * twice. */
static xmlFreeFunc next_free;
static xmlMallocFunc next_malloc;
static xmlReallocFunc next_realloc;
static xmlStrdupFunc next_strdup;
static bool sized;

static _Thread_local struct {
    bool on, over;
    long long held, limit;
    void (*stop)(void *);
    void *arg;
} spend;

static size_t block_size(void *p)
{
#ifdef __GLIBC__
    return p ? malloc_usable_size(p) : 0;
#else
    (void)p;
    return 0;
#endif
}

static void charge(long long bytes)
{
    spend.held += bytes;
    if (spend.held > spend.limit && !spend.over) {
        spend.over = true;
        spend.stop(spend.arg);
    }
}

static void *counted_malloc(size_t n)
{
    void *p = next_malloc(n);
    if (!p)
        oom_count++;
    else if (spend.on)
        charge((long long)block_size(p));
    return p;
}

static void *counted_realloc(void *p, size_t n)
{
    long long before = spend.on ? (long long)block_size(p) : 0;
    void *q = next_realloc(p, n);
    if (!q && n)
        oom_count++;
    else if (spend.on)
        charge((long long)block_size(q) - before);
    return q;
}

static void counted_free(void *p)
{
    if (spend.on)
        spend.held -= (long long)block_size(p);
    next_free(p);
}

static char *counted_strdup(const char *s)
{
    char *d = next_strdup(s);
    if (!d)
        oom_count++;
    return d;
}

/* Each counter hands over to the allocator that was there before, so
 * memory allocated before this call (by a host that used libxml2 first)
 * is freed just as it would have been. */
void artx_count_xml_allocations(void)
{
    if (xmlMemGet(&next_free, &next_malloc, &next_realloc, &next_strdup) != 0)
        return;
#ifdef __GLIBC__
    sized = next_free == free && next_malloc == malloc && next_realloc == realloc;
#endif
    xmlMemSetup(counted_free, counted_malloc, counted_realloc, counted_strdup);
}

bool artx_spend_begin(size_t limit, void (*stop)(void *), void *arg)
{
    if (!sized || xmlFree != counted_free)
        return false;
    spend.held = 0;
    spend.limit = limit > LLONG_MAX ? LLONG_MAX : (long long)limit;
    spend.stop = stop;
    spend.arg = arg;
    spend.over = false;
    spend.on = true;
    return true;
}

bool artx_spend_end(void)
{
    spend.on = false;
    return spend.over;
}

void artx_oom(void)
{
    oom_count++;
}

char *artx_strdup(const char *s)
{
    char *d = strdup(s);
    if (!d)
        artx_oom();
    return d;
}

unsigned long artx_oom_mark(void)
{
    return oom_count;
}

int artx_oom_since(unsigned long mark, int ret, artx_error *err)
{
    return oom_count == mark ? ret : artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
}
