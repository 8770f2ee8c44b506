/* stylesheet.c - the files of xslt/: built into the binary (tools/embed.sh)
 * or taken from a folder of customised ones, compiled once per process and
 * shared by every thread; applying a stylesheet and serialising its result;
 * the article schema.
 *
 * Threads: conversions on several threads share the compiled stylesheets
 * and the schema read-only.  A read lock is held for as long as a caller
 * uses them; artx_set_stylesheet_dir() and artx_stylesheet_cleanup() take
 * it for writing, so they wait for running conversions and throw the
 * compiled files away.  A mutex makes one thread compile a file while the
 * others wait for it.
 *
 * Includes: a built-in stylesheet is parsed with the base URI
 * artx://builtin/NAME, so its xsl:include and xsl:import (and document())
 * resolve to artx://builtin/OTHER, which the loader installed here serves:
 * from the customised folder when it has OTHER, else from the binary.  A
 * customised stylesheet's includes resolve inside its folder, and a file
 * the folder lacks is served built in.  Everything else goes to the loader
 * that was installed before (libxslt's own), under the security
 * preferences. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/uri.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "internal.h"

#define BUILTIN_BASE "artx://builtin/"
/* A customised stylesheet folder's files are read whole; none is this big. */
#define MAX_RESOURCE ((size_t)64 << 20)
#define PARSE_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

struct artx_embedded {
    const char *name;
    const unsigned char *data;
    size_t len;
};
extern const struct artx_embedded artx_embedded_stylesheets[];

typedef struct compiled {
    char *name;               /* file name in xslt/ */
    xsltStylesheetPtr style;
    struct compiled *next;
} compiled;

static pthread_rwlock_t state_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t compile_lock = PTHREAD_MUTEX_INITIALIZER;
static char *stylesheet_dir;      /* customised files, or NULL; state_lock */
static compiled *cache;           /* compile_lock */
static xmlRelaxNGPtr schema;      /* compile_lock */

static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static xsltSecurityPrefsPtr security;
static xsltDocLoaderFunc previous_loader;

static const struct artx_embedded *builtin(const char *name)
{
    for (const struct artx_embedded *e = artx_embedded_stylesheets; e->name; e++)
        if (!strcmp(e->name, name))
            return e;
    return NULL;
}

/* The customised file `name`, or "" when the folder does not have it
 * (call with state_lock held). */
static const char *custom_path(const char *name, char *buf, size_t size)
{
    if (!stylesheet_dir || strchr(name, '/') ||
        (size_t)snprintf(buf, size, "%s/%s", stylesheet_dir, name) >= size)
        return "";
    return access(buf, F_OK) == 0 ? buf : "";
}

static xmlDocPtr read_builtin(const char *name, xmlDictPtr dict, int options)
{
    const struct artx_embedded *e = builtin(name);
    if (!e)
        return NULL;
    char url[256];
    snprintf(url, sizeof url, BUILTIN_BASE "%s", name);
    xmlParserCtxtPtr pc = xmlNewParserCtxt();
    if (!pc)
        return NULL;
    if (dict) {
        /* The stylesheet's strings must come from its own dictionary. */
        xmlDictFree(pc->dict);
        pc->dict = dict;
        xmlDictReference(dict);
    }
    xmlDocPtr doc = xmlCtxtReadMemory(pc, (const char *)e->data, (int)e->len, url, NULL,
                                      options | PARSE_OPTS);
    xmlFreeParserCtxt(pc);
    return doc;
}

/* The name of `uri` inside the customised folder, when it points there. */
static const char *name_in_dir(const char *uri)
{
    size_t n = stylesheet_dir ? strlen(stylesheet_dir) : 0;
    if (!n || strncmp(uri, stylesheet_dir, n) || uri[n] != '/' || strchr(uri + n + 1, '/'))
        return NULL;
    return uri + n + 1;
}

static xmlDocPtr load_resource(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                               xsltLoadType type)
{
    const char *u = (const char *)uri, *name = NULL;
    char *plain = u ? xmlURIUnescapeString(u, 0, NULL) : NULL;
    char path[4096];
    xmlDocPtr doc = NULL;
    bool served = false;
    if (plain && !strncmp(plain, BUILTIN_BASE, strlen(BUILTIN_BASE))) {
        name = plain + strlen(BUILTIN_BASE);
        const char *p = custom_path(name, path, sizeof path);
        served = true;
        doc = *p ? previous_loader(BAD_CAST p, dict, options, ctxt, type)
                 : read_builtin(name, dict, options);
    } else if (plain && (name = name_in_dir(plain)) && access(plain, F_OK) != 0 &&
               builtin(name)) {
        served = true;
        doc = read_builtin(name, dict, options);
    }
    xmlFree(plain);
    return served ? doc : previous_loader(uri, dict, options, ctxt, type);
}

/* document() may read artx's own resources; nothing else that has a
 * scheme. */
static int read_network(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctx,
                        const char *url)
{
    (void)sec;
    (void)tctx;
    return url && !strncmp(url, BUILTIN_BASE, strlen(BUILTIN_BASE));
}

/* Stylesheets may read nothing from the network and write nothing at all:
 * a customised stylesheet is code the user runs on untrusted pages. */
static void setup(void)
{
    security = xsltNewSecurityPrefs();
    if (security) {
        xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, read_network);
    }
    /* Read before installing: xsltSetLoaderFunc replaces the pointer that
     * libxslt's own loading goes through. */
    previous_loader = xsltDocDefaultLoader;
    xsltSetLoaderFunc(load_resource);
}

void artx_stylesheet_setup(void)
{
    pthread_once(&setup_once, setup);
}

/* Drop every compiled file (call with state_lock held for writing, so no
 * reader uses them; compile_lock too keeps every access to the cache under
 * one lock, which is what race detectors check). */
static void forget_compiled(void)
{
    pthread_mutex_lock(&compile_lock);
    while (cache) {
        compiled *next = cache->next;
        xsltFreeStylesheet(cache->style);
        free(cache->name);
        free(cache);
        cache = next;
    }
    if (schema)
        xmlRelaxNGFree(schema);
    schema = NULL;
    pthread_mutex_unlock(&compile_lock);
}

void artx_stylesheet_cleanup(void)
{
    pthread_rwlock_wrlock(&state_lock);
    forget_compiled();
    free(stylesheet_dir);
    stylesheet_dir = NULL;
    pthread_rwlock_unlock(&state_lock);
}

int artx_set_stylesheet_dir(const char *dir, artx_error *err)
{
    char *copy = NULL;
    struct stat st;
    if (dir) {
        if (stat(dir, &st) != 0)
            return artx_fail(err, ARTX_ERR_IO, "%s", strerror(errno));
        if (!S_ISDIR(st.st_mode))
            return artx_fail(err, ARTX_ERR_IO, "not a folder");
        if (!(copy = strdup(dir)))
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        /* Includes resolve to "DIR/NAME": compare against one spelling. */
        for (size_t n = strlen(copy); n > 1 && copy[n - 1] == '/'; n--)
            copy[n - 1] = '\0';
    }
    artx_stylesheet_setup();
    pthread_rwlock_wrlock(&state_lock);
    forget_compiled();
    free(stylesheet_dir);
    stylesheet_dir = copy;
    pthread_rwlock_unlock(&state_lock);
    return 0;
}

/* artx_resource with state_lock held. */
static int resource(const char *name, unsigned char **out, size_t *len, artx_error *err)
{
    char path[4096];
    const char *p = custom_path(name, path, sizeof path);
    *out = NULL;
    *len = 0;
    if (*p) {
        int ret = artx_read_file(p, MAX_RESOURCE, out, len, err);
        return ret ? artx_fail_within(err, ret, "cannot read %s", p) : 0;
    }
    const struct artx_embedded *e = builtin(name);
    if (!e)
        return artx_fail(err, ARTX_ERR_XSLT, "no built-in resource %s", name);
    if (!(*out = malloc(e->len + 1)))
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    memcpy(*out, e->data, e->len);
    (*out)[e->len] = '\0';
    *len = e->len;
    return 0;
}

int artx_resource(const char *name, unsigned char **out, size_t *len, artx_error *err)
{
    pthread_rwlock_rdlock(&state_lock);
    int ret = resource(name, out, len, err);
    pthread_rwlock_unlock(&state_lock);
    return ret;
}

static int compile(const char *name, xsltStylesheetPtr *out, artx_error *err)
{
    char path[4096];
    const char *p = custom_path(name, path, sizeof path);
    artx_xml_clear_error();
    xmlDocPtr doc = *p ? xmlReadFile(p, NULL, PARSE_OPTS) : read_builtin(name, NULL, 0);
    if (!doc && *p)
        return artx_fail(err, ARTX_ERR_XSLT, "cannot read stylesheet %s: %s", p,
                         artx_xml_last_error());
    if (!doc)
        return artx_fail(err, ARTX_ERR_XSLT, builtin(name) ? "built-in stylesheet %s: %s"
                                                           : "no built-in stylesheet %s%s",
                         name, artx_xml_last_error());
    xsltStylesheetPtr style = xsltParseStylesheetDoc(doc);
    if (!style) {
        xmlFreeDoc(doc);
        return artx_fail(err, ARTX_ERR_XSLT, "stylesheet %s does not compile: %s", name,
                         artx_xml_last_error());
    }
    compiled *c = calloc(1, sizeof *c);
    if (!c || !(c->name = strdup(name))) {
        free(c);
        xsltFreeStylesheet(style);
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }
    c->style = style;
    c->next = cache;
    cache = c;
    *out = style;
    return 0;
}

/* The compiled stylesheet xslt/NAME (call with state_lock held). */
static int load(const char *name, xsltStylesheetPtr *out, artx_error *err)
{
    artx_stylesheet_setup();
    pthread_mutex_lock(&compile_lock);
    compiled *c = cache;
    while (c && strcmp(c->name, name))
        c = c->next;
    int ret = 0;
    if (c)
        *out = c->style;
    else
        ret = compile(name, out, err);
    pthread_mutex_unlock(&compile_lock);
    return ret;
}

/* xsl:message and runtime errors of one transformation, collected. */
static void collect_message(void *ctx, const char *fmt, ...)
{
    char piece[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(piece, sizeof piece, fmt, ap);
    va_end(ap);
    xmlBufferCat((xmlBufferPtr)ctx, BAD_CAST piece);
}

/* The last non-empty line of collected messages, into buf. */
static void last_line(xmlBufferPtr b, char *buf, size_t size)
{
    const char *s = (const char *)xmlBufferContent(b), *end = s + xmlBufferLength(b);
    while (end > s && (end[-1] == '\n' || end[-1] == ' '))
        end--;
    const char *start = end;
    while (start > s && start[-1] != '\n')
        start--;
    snprintf(buf, size, "%.*s", (int)(end - start), start);
}

static int apply(const char *name, xmlDocPtr doc, const char *const *params,
                 xmlDocPtr *result, xmlBufferPtr messages, artx_error *err)
{
    xsltStylesheetPtr style;
    int ret = load(name, &style, err);
    if (ret)
        return ret;
    if (!security)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    xsltTransformContextPtr tctx = xsltNewTransformContext(style, doc);
    if (!tctx)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    if (xsltSetCtxtSecurityPrefs(security, tctx))
        ret = artx_fail(err, ARTX_ERR_XSLT, "cannot set stylesheet security");
    else if (params && xsltQuoteUserParams(tctx, (const char **)params) != 0)
        ret = artx_fail(err, ARTX_ERR_XSLT, "%s: bad parameters", name);
    if (ret) {
        xsltFreeTransformContext(tctx);
        return ret;
    }
    if (messages)
        xsltSetTransformErrorFunc(tctx, messages, collect_message);
    artx_xml_clear_error();
    xmlDocPtr res = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, tctx);
    int state = tctx->state;
    xsltFreeTransformContext(tctx);
    if (!res || state != XSLT_STATE_OK) {
        xmlFreeDoc(res);
        char line[512] = "";
        if (messages)
            last_line(messages, line, sizeof line);
        if (*line)
            return artx_fail(err, ARTX_ERR_XSLT, "%s", line);
        return artx_fail(err, ARTX_ERR_XSLT, "%s failed: %s", name,
                         *artx_xml_last_error() ? artx_xml_last_error() : "error");
    }
    *result = res;
    return 0;
}

int artx_stylesheet_apply(const char *name, xmlDocPtr doc, const char *const *params,
                          xmlDocPtr *result, xmlBufferPtr messages, artx_error *err)
{
    *result = NULL;
    pthread_rwlock_rdlock(&state_lock);
    int ret = apply(name, doc, params, result, messages, err);
    pthread_rwlock_unlock(&state_lock);
    return ret;
}

/* Bytes from libxml2's allocator handed out as malloc'ed memory, as
 * artx.h promises, NUL-terminated. */
static int hand_out(xmlChar *buf, int n, unsigned char **out, size_t *len, artx_error *err)
{
    /* xsltSaveResultToString succeeds with a length and no buffer when
     * its last copy fails. */
    if (!buf && n)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    *out = malloc((size_t)n + 1);
    if (!*out) {
        xmlFree(buf);
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }
    if (n)
        memcpy(*out, buf, (size_t)n);
    (*out)[n] = '\0';
    *len = (size_t)n;
    xmlFree(buf);
    return 0;
}

int artx_stylesheet_serialise(const char *name, xmlDocPtr result, unsigned char **out,
                              size_t *len, artx_error *err)
{
    xsltStylesheetPtr style;
    xmlChar *buf = NULL;
    int n = 0;
    *out = NULL;
    *len = 0;
    pthread_rwlock_rdlock(&state_lock);
    int ret = load(name, &style, err);
    if (!ret && xsltSaveResultToString(&buf, &n, result, style) < 0)
        ret = artx_fail(err, ARTX_ERR_XSLT, "cannot serialise the output of %s", name);
    pthread_rwlock_unlock(&state_lock);
    return ret ? ret : hand_out(buf, n, out, len, err);
}

int artx_xml_serialise(xmlDocPtr doc, unsigned char **out, size_t *len, artx_error *err)
{
    xmlChar *buf = NULL;
    int n = 0;
    *out = NULL;
    *len = 0;
    xmlDocDumpMemoryEnc(doc, &buf, &n, "UTF-8");
    if (!buf)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    return hand_out(buf, n, out, len, err);
}

/* The first problem the schema reports, into the caller's buffer. */
static void first_schema_error(void *ctx, xmlErrorPtr e)
{
    char *buf = ctx;
    if (!*buf && e && e->message)
        snprintf(buf, 256, "%s (line %d)", e->message, e->line);
    size_t n = strlen(buf);
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        buf[--n] = '\0';
}

/* The compiled article schema (call with state_lock held). */
static int load_schema(artx_error *err)
{
    int ret = 0;
    pthread_mutex_lock(&compile_lock);
    if (!schema) {
        unsigned char *rng = NULL;
        size_t len = 0;
        ret = resource("article.rng", &rng, &len, err);
        xmlRelaxNGParserCtxtPtr pc =
            ret ? NULL : xmlRelaxNGNewMemParserCtxt((const char *)rng, (int)len);
        schema = pc ? xmlRelaxNGParse(pc) : NULL;
        xmlRelaxNGFreeParserCtxt(pc);
        free(rng);
        if (!ret && !schema)
            ret = artx_fail(err, ARTX_ERR_INVALID, "the article schema does not compile");
    }
    pthread_mutex_unlock(&compile_lock);
    return ret;
}

int artx_article_check(xmlDocPtr doc, artx_error *err)
{
    char first[256] = "";
    pthread_rwlock_rdlock(&state_lock);
    int ret = load_schema(err);
    xmlRelaxNGValidCtxtPtr vc = ret ? NULL : xmlRelaxNGNewValidCtxt(schema);
    if (!ret && !vc)
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    if (vc) {
        xmlRelaxNGSetValidStructuredErrors(vc, first_schema_error, first);
        if (xmlRelaxNGValidateDoc(vc, doc) != 0)
            ret = artx_fail(err, ARTX_ERR_INVALID, "%s", *first ? first : "schema error");
        xmlRelaxNGFreeValidCtxt(vc);
    }
    pthread_rwlock_unlock(&state_lock);
    return ret;
}
