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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/uri.h>
#include <libxslt/documents.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "internal.h"

#define BUILTIN_BASE "artx://builtin/"
/* What document() of the stylesheet parameter source-article loads in a
 * bilingual transformation: the source article on this thread. */
#define SOURCE_ARTICLE "artx://input/source-article"
/* A customised stylesheet folder's files are read whole; none is this big. */
#define MAX_RESOURCE ((size_t)64 << 20)

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
/* The source article of the bilingual transformation running on this
 * thread, or NULL. */
static _Thread_local xmlDocPtr source_article;

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

/* Marks the documents and transformations that are artx's own, so that
 * the process-wide loader applies artx's rules to them and passes a host's
 * own transformations to the loader installed before it. */
static char artx_mark;

/* A file of xslt/ parsed as every XML input is (xml.c), whatever options
 * libxslt asks for (it asks for entity substitution and DTD loading): the
 * customised file at `path`, or the built-in `name` when path is NULL.
 * Its strings come from `dict` when one is given (an include must share
 * its stylesheet's dictionary). */
static xmlDocPtr read_resource_doc(const char *path, const char *name, xmlDictPtr dict,
                                   artx_error *err)
{
    unsigned char *bytes = NULL;
    const unsigned char *data;
    size_t len;
    char url[4096];
    const struct artx_embedded *e = path ? NULL : builtin(name);
    if (path) {
        if (artx_read_file(path, MAX_RESOURCE, &bytes, &len, err)) {
            artx_fail_within(err, ARTX_ERR_XSLT, "cannot read %s", path);
            return NULL;
        }
        data = bytes;
        snprintf(url, sizeof url, "%s", path);
    } else if (e) {
        data = e->data;
        len = e->len;
        snprintf(url, sizeof url, BUILTIN_BASE "%s", name);
    } else {
        artx_fail(err, ARTX_ERR_XSLT, "no built-in stylesheet %s", name);
        return NULL;
    }
    xmlParserCtxtPtr pc = xmlNewParserCtxt();
    if (pc && dict) {
        xmlDictFree(pc->dict);
        pc->dict = dict;
        xmlDictReference(dict);
    }
    artx_xml_clear_error();
    xmlDocPtr doc = pc ? xmlCtxtReadMemory(pc, (const char *)data, (int)len, url, NULL,
                                           ARTX_XML_OPTIONS)
                       : NULL;
    xmlFreeParserCtxt(pc);
    free(bytes);
    if (!doc)
        artx_fail(err, ARTX_ERR_XSLT, "%s: not well-formed XML: %s", url,
                  *artx_xml_last_error() ? artx_xml_last_error() : "out of memory");
    else if (artx_xml_tame(doc, false, err)) {
        artx_fail_within(err, ARTX_ERR_XSLT, "%s", url);
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (doc)
        doc->_private = &artx_mark;
    return doc;
}

/* The name of `path` inside the customised folder, when it points there. */
static const char *name_in_dir(const char *path)
{
    size_t n = stylesheet_dir ? strlen(stylesheet_dir) : 0;
    if (!n || strncmp(path, stylesheet_dir, n) || path[n] != '/' || !path[n + 1] ||
        strchr(path + n + 1, '/'))
        return NULL;
    return path + n + 1;
}

static bool is_ours(void *ctxt, xsltLoadType type)
{
    if (type == XSLT_LOAD_STYLESHEET) {
        xsltStylesheetPtr style = ctxt;
        return style && style->doc && style->doc->_private == &artx_mark;
    }
    xsltTransformContextPtr tctx = ctxt;
    return type == XSLT_LOAD_DOCUMENT && tctx && tctx->_private == &artx_mark;
}

/* What artx's stylesheets may load (xsl:include, xsl:import, document()):
 * artx://builtin/NAME (the customised NAME when the folder has it), the
 * files of the customised folder (a name it lacks is served built in) and,
 * in a bilingual transformation, a copy of the source article (libxslt
 * frees what a loader gives).  Nothing else is read. */
static xmlDocPtr load_resource(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                               xsltLoadType type)
{
    if (!is_ours(ctxt, type))
        return previous_loader(uri, dict, options, ctxt, type);
    char *plain = uri ? xmlURIUnescapeString((const char *)uri, 0, NULL) : NULL;
    const char *name = NULL;
    char path[4096];
    xmlDocPtr doc = NULL;
    if (plain && !strncmp(plain, BUILTIN_BASE, strlen(BUILTIN_BASE))) {
        name = plain + strlen(BUILTIN_BASE);
        const char *p = custom_path(name, path, sizeof path);
        doc = read_resource_doc(*p ? p : NULL, name, dict, NULL);
    } else if (plain && (name = name_in_dir(plain))) {
        doc = read_resource_doc(access(plain, F_OK) == 0 ? plain : NULL, name, dict, NULL);
    } else if (plain && type == XSLT_LOAD_DOCUMENT && source_article &&
               !strcmp(plain, SOURCE_ARTICLE) && (doc = xmlCopyDoc(source_article, 1))) {
        xmlFree((xmlChar *)doc->URL);
        doc->URL = xmlStrdup(BAD_CAST SOURCE_ARTICLE);
    }
    xmlFree(plain);
    return doc;
}

/* document() may read artx's own resources and the source article;
 * nothing else that has a scheme. */
static int read_network(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctx,
                        const char *url)
{
    (void)sec;
    (void)tctx;
    return url && (!strncmp(url, BUILTIN_BASE, strlen(BUILTIN_BASE)) ||
                   !strcmp(url, SOURCE_ARTICLE));
}

/* ... and of local files, those of the customised folder (called during a
 * transformation, with state_lock held). */
static int read_file(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctx, const char *path)
{
    (void)sec;
    (void)tctx;
    char *plain = path ? xmlURIUnescapeString(path, 0, NULL) : NULL;
    bool inside = plain && name_in_dir(plain);
    xmlFree(plain);
    return inside;
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
        xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_FILE, read_file);
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
        if (ret)
            return artx_fail_within(err, ret, "cannot read %s", p);
        /* artx.h promises a NUL after the bytes, as the built-in ones have;
         * a file read leaves none. */
        unsigned char *text = realloc(*out, *len + 1);
        if (!text) {
            free(*out);
            *out = NULL;
            *len = 0;
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        }
        text[*len] = '\0';
        *out = text;
        return 0;
    }
    const struct artx_embedded *e = builtin(name);
    if (!e)
        return artx_fail(err, ARTX_ERR_XSLT, "no built-in file %s", name);
    if (!(*out = malloc(e->len + 1)))
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    memcpy(*out, e->data, e->len);
    (*out)[e->len] = '\0';
    *len = e->len;
    return 0;
}

const char *artx_resource_name(size_t i)
{
    size_t n = 0;
    while (artx_embedded_stylesheets[n].name)
        n++;
    return i < n ? artx_embedded_stylesheets[i].name : NULL;
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
    xmlDocPtr doc = read_resource_doc(*p ? p : NULL, name, NULL, err);
    if (!doc)
        return err ? err->status : ARTX_ERR_XSLT;
    artx_xml_clear_error();
    /* libxslt goes on compiling past a failed allocation and may hand back
     * a stylesheet with a template table torn in half, which crashes the
     * first transformation that looks a template up: one compiled while
     * memory ran out is never kept. */
    unsigned long oom = artx_oom_mark();
    xsltStylesheetPtr style = xsltParseStylesheetDoc(doc);
    bool torn = artx_oom_since(oom, 0, NULL) != 0;
    if (!style || torn) {
        if (style)
            xsltFreeStylesheet(style); /* and doc with it */
        else
            xmlFreeDoc(doc);
        return torn ? artx_fail(err, ARTX_ERR_NOMEM, "out of memory")
                    : artx_fail(err, ARTX_ERR_XSLT, "stylesheet %s does not compile: %s", name,
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

int artx_stylesheet_declares(const char *name, const char *param, bool *out, artx_error *err)
{
    xsltStylesheetPtr style = NULL;
    *out = false;
    pthread_rwlock_rdlock(&state_lock);
    int ret = load(name, &style, err);
    /* Includes are compiled into the stylesheet; imports hang below it. */
    for (xsltStylesheetPtr s = ret ? NULL : style; s && !*out; s = xsltNextImport(s))
        for (xsltStackElemPtr v = s->variables; v && !*out; v = v->next)
            *out = v->comp && v->comp->type == XSLT_FUNC_PARAM && v->name &&
                   xmlStrEqual(v->name, BAD_CAST param);
    pthread_rwlock_unlock(&state_lock);
    return ret;
}

/* One transformation's messages: xsl:message and runtime errors, and the
 * template that was running when the first of them came (libxslt prints
 * the template stack for some errors only). */
typedef struct {
    xmlBufferPtr said;
    xsltTransformContextPtr tctx;
    char tmpl[128];
} listener;

static void collect_message(void *ctx, const char *fmt, ...)
{
    listener *l = ctx;
    char piece[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(piece, sizeof piece, fmt, ap);
    va_end(ap);
    xmlBufferCat(l->said, BAD_CAST piece);
    xsltTemplatePtr t = l->tctx ? l->tctx->templ : NULL;
    if (!l->tmpl[0] && t && (t->name || t->match))
        snprintf(l->tmpl, sizeof l->tmpl, "%s %s", t->name ? "name" : "match",
                 (const char *)(t->name ? t->name : t->match));
}

/* What a failed transformation said, in one line: for a runtime error
 * (libxslt: "runtime error: file F line L element E", the reason, then the
 * template stack "#0 name T") the place, the reason and the innermost
 * template; otherwise the last line said (xsl:message terminate="yes"). */
static void summarise(const listener *l, const char *reason, char *buf, size_t size)
{
    const char *s = (const char *)xmlBufferContent(l->said), *end = s + xmlBufferLength(l->said);
    const char *where = NULL, *why = NULL, *tmpl = NULL, *last = NULL;
    int where_n = 0, why_n = 0, tmpl_n = 0, last_n = 0;
    for (const char *line = s; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        int n = (int)((nl ? nl : end) - line);
        while (n > 0 && line[n - 1] == ' ')
            n--;
        if (n > 0) {
            if (!where && !strncmp(line, "runtime error: ", 15))
                where = line + 15, where_n = n - 15;
            else if (where && !why)
                why = line, why_n = n;
            else if (where && !tmpl && !strncmp(line, "#0 ", 3))
                tmpl = line + 3, tmpl_n = n - 3;
            last = line, last_n = n;
        }
        line = nl ? nl + 1 : end;
    }
    if (where && reason)
        why = reason, why_n = (int)strlen(reason);
    if (where && !tmpl && l->tmpl[0])
        tmpl = l->tmpl, tmpl_n = (int)strlen(l->tmpl);
    if (where && why)
        snprintf(buf, size, "%.*s: %.*s%s%.*s%s", where_n, where, why_n, why,
                 tmpl ? " (in template " : "", tmpl_n, tmpl ? tmpl : "", tmpl ? ")" : "");
    else if (reason)
        snprintf(buf, size, "%s", reason);
    else
        snprintf(buf, size, "%.*s", last_n, last ? last : "");
}

/* A customised stylesheet is code the user runs on pages from anywhere:
 * what one transformation may do grows with its input, from a floor that
 * no real stylesheet comes near on an article (the built-in XLIFF one
 * takes under 1,000 instructions and 12,000 XPath steps on a corpus page;
 * on a 30 MB page, per byte of input, 0.3 instructions, 6 XPath steps and
 * less than 40 bytes of memory, the whole process's peak).  The built-in
 * ones run unbounded: make bench keeps them linear. */
#define LIMIT_INSTRUCTIONS(w) (1000000UL + 16UL * (w))
#define LIMIT_XPATH_STEPS(w) (10000000UL + 256UL * (w))
#define LIMIT_MEMORY(w) (((size_t)32 << 20) + 64 * (size_t)(w))

static unsigned long text_weight(xmlNodePtr n)
{
    return 16 + (n->type != XML_ELEMENT_NODE && n->content ? strlen((const char *)n->content) : 0);
}

/* About the bytes `doc` would take serialised. */
static unsigned long weight(xmlDocPtr doc)
{
    unsigned long w = 0;
    xmlNodePtr n = doc->children;
    while (n) {
        w += text_weight(n);
        if (n->type == XML_ELEMENT_NODE)
            for (xmlAttrPtr a = n->properties; a; a = a->next)
                for (xmlNodePtr t = a->children; t; t = t->next)
                    w += text_weight(t);
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent == (xmlNodePtr)doc ? NULL : n->parent;
        n = n ? n->next : NULL;
    }
    return w;
}

/* Called by the allocator when the limit is passed: libxslt stops at its
 * next instruction (or XPath step) with a runtime error that says where. */
static void stop_transform(void *arg)
{
    xsltTransformContextPtr t = arg;
    t->opLimit = t->opCount = 1;
    t->xpathCtxt->opLimit = t->xpathCtxt->opCount = 1;
}

/* The limit `tctx` went past, in words, or NULL. */
static const char *limit_passed(xsltTransformContextPtr tctx, bool over_memory,
                                unsigned long w, char *buf, size_t size)
{
    if (over_memory)
        snprintf(buf, size, "more than %zu MB of memory", LIMIT_MEMORY(w) >> 20);
    else if (tctx->opLimit && tctx->opCount >= tctx->opLimit)
        snprintf(buf, size, "more than %lu instructions", tctx->opLimit);
    else if (tctx->xpathCtxt->opLimit && tctx->xpathCtxt->opCount >= tctx->xpathCtxt->opLimit)
        snprintf(buf, size, "more than %lu XPath steps", tctx->xpathCtxt->opLimit);
    else
        return NULL;
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, ", the limit of a customised stylesheet on this input");
    return buf;
}

static int apply(const char *name, xmlDocPtr doc, xmlDocPtr source, const char *const *params,
                 xmlDocPtr *result, xmlBufferPtr messages, artx_stream *stream,
                 artx_error *err)
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
    tctx->_private = &artx_mark;
    if (xsltSetCtxtSecurityPrefs(security, tctx))
        ret = artx_fail(err, ARTX_ERR_XSLT, "cannot set stylesheet security");
    else if ((params && xsltQuoteUserParams(tctx, (const char **)params) != 0) ||
             (source && xsltQuoteOneUserParam(tctx, BAD_CAST "source-article",
                                              BAD_CAST SOURCE_ARTICLE) != 0))
        ret = artx_fail(err, ARTX_ERR_XSLT, "%s: bad parameters", name);
    if (ret) {
        xsltFreeTransformContext(tctx);
        return ret;
    }
    /* The caller's buffer, or one of our own: libxslt's own report of a
     * runtime error spans many lines, and the useful one is not the last. */
    xmlBufferPtr said = messages ? messages : xmlBufferCreate();
    listener heard = {.said = said, .tctx = tctx};
    if (said)
        xsltSetTransformErrorFunc(tctx, &heard, collect_message);
    /* libxslt prints the template stack of a runtime error through its
     * generic handler: into the same buffer, in order. */
    artx_error_sink(said);
    artx_xml_clear_error();
    unsigned long w = 0;
    bool limited = stylesheet_dir != NULL, spending = false;
    if (limited) {
        w = weight(doc) + (source ? weight(source) : 0);
        tctx->opLimit = LIMIT_INSTRUCTIONS(w);
        tctx->xpathCtxt->opLimit = LIMIT_XPATH_STEPS(w);
        spending = artx_spend_begin(LIMIT_MEMORY(w), stop_transform, tctx);
    }
    source_article = source;
    if (stream)
        artx_stream_bind(stream, tctx);
    xmlDocPtr res = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, tctx);
    if (stream)
        artx_stream_bind(NULL, NULL);
    source_article = NULL;
    bool over_memory = spending && artx_spend_end();
    artx_error_sink(NULL);
    int state = tctx->state;
    char limit[160];
    const char *reason = limited ? limit_passed(tctx, over_memory, w, limit, sizeof limit) : NULL;
    xsltFreeTransformContext(tctx);
    char line[512] = "";
    if (reason) {
        state = XSLT_STATE_ERROR;
        if (said)
            summarise(&heard, reason, line, sizeof line);
        else
            snprintf(line, sizeof line, "%s", reason);
    } else if ((!res || state != XSLT_STATE_OK) && said)
        summarise(&heard, NULL, line, sizeof line);
    if (said && !messages)
        xmlBufferFree(said);
    if (!res || state != XSLT_STATE_OK) {
        xmlFreeDoc(res);
        if (*line)
            return artx_fail(err, ARTX_ERR_XSLT, "%s: %s", name, line);
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
    int ret = apply(name, doc, NULL, params, result, messages, NULL, err);
    pthread_rwlock_unlock(&state_lock);
    return ret;
}

int artx_stylesheet_apply_bilingual(const char *name, xmlDocPtr doc, xmlDocPtr source,
                                    const char *const *params, xmlDocPtr *result,
                                    artx_error *err)
{
    *result = NULL;
    pthread_rwlock_rdlock(&state_lock);
    int ret = apply(name, doc, source, params, result, NULL, NULL, err);
    pthread_rwlock_unlock(&state_lock);
    return ret;
}

/* The serialisers write into one buffer of the caller's: libxml2's own
 * (xsltSaveResultToString, xmlDocDumpMemory) grows a buffer to twice the
 * output and copies it once more at the end, which on a big article costs
 * three times the output at the peak. */
typedef struct sink {
    unsigned char *p;   /* malloc'ed, handed out to the caller */
    size_t len, cap;
    bool nomem;
    artx_writer write;  /* or the bytes go there as they come */
    void *ctx;
    bool write_failed;
} sink;

/* Always leaves room for a NUL after the bytes. */
static int sink_write(void *ctx, const char *s, int n)
{
    sink *k = ctx;
    if (k->write) {
        if (k->write_failed || (n > 0 && k->write(k->ctx, (const unsigned char *)s, (size_t)n))) {
            k->write_failed = true;
            return -1;
        }
        k->len += (size_t)n;
        return n;
    }
    size_t cap = k->cap ? k->cap : 4096;
    while ((size_t)n >= cap - k->len) {
        if (cap > SIZE_MAX / 3 * 2) {
            k->nomem = true;
            return -1;
        }
        cap += cap / 2;
    }
    if (cap != k->cap) {
        unsigned char *p = realloc(k->p, cap);
        if (!p) {
            k->nomem = true;
            return -1;
        }
        k->p = p;
        k->cap = cap;
    }
    memcpy(k->p + k->len, s, (size_t)n);
    k->len += (size_t)n;
    return n;
}

/* Hand out what the sink holds after a serialiser returned `status` (< 0:
 * it failed) and the output buffer is closed. */
static int sink_take(sink *k, int status, const char *what, const char *name,
                     unsigned char **out, size_t *len, artx_error *err)
{
    if (k->write) {
        *len = k->len;
        if (k->write_failed)
            return artx_fail(err, ARTX_ERR_IO, "cannot write %s%s", what, name);
        return status < 0 ? artx_fail(err, ARTX_ERR_XSLT, "cannot serialise %s%s", what, name)
                          : 0;
    }
    if (status >= 0 && !k->p && sink_write(k, "", 0) < 0)
        status = -1;
    if (status < 0) {
        free(k->p);
        if (k->nomem)
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        return artx_fail(err, ARTX_ERR_XSLT, "cannot serialise %s%s", what, name);
    }
    k->p[k->len] = '\0';
    *out = k->p;
    *len = k->len;
    return 0;
}

int artx_stylesheet_serialise(const char *name, xmlDocPtr result, unsigned char **out,
                              size_t *len, artx_error *err)
{
    xsltStylesheetPtr style;
    *out = NULL;
    *len = 0;
    pthread_rwlock_rdlock(&state_lock);
    int ret = load(name, &style, err);
    if (!ret) {
        sink k = {0};
        xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(sink_write, NULL, &k, NULL);
        if (!ob)
            ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        else {
            int status = xsltSaveResultTo(ob, result, style);
            int closed = xmlOutputBufferClose(ob);
            ret = sink_take(&k, status < 0 ? status : closed, "the output of ", name, out, len,
                            err);
        }
    }
    pthread_rwlock_unlock(&state_lock);
    return ret;
}

int artx_stylesheet_transform(const char *name, xmlDocPtr *doc, bool take, xmlDocPtr source,
                              const char *const *params, artx_writer write, void *ctx,
                              unsigned char **out, size_t *len, artx_error *err)
{
    xsltStylesheetPtr style;
    xmlDocPtr res = NULL;
    sink k = {.write = write, .ctx = ctx};
    xmlOutputBufferPtr ob = NULL;
    artx_stream *stream = NULL;
    *out = NULL;
    *len = 0;
    pthread_rwlock_rdlock(&state_lock);
    int ret = load(name, &style, err);
    if (!ret && (!(ob = xmlOutputBufferCreateIO(sink_write, NULL, &k, NULL)) ||
                 !(stream = artx_stream_new(ob, style))))
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    if (!ret)
        ret = apply(name, *doc, source, params, &res, NULL, stream, err);
    if (!ret) {
        /* What is not streamed holds copies: the article, as big as a third
         * of it, need not be held while it is serialised. */
        if (take) {
            xmlFreeDoc(*doc);
            *doc = NULL;
        }
        int status = artx_stream_finish(stream, res);
        int closed = xmlOutputBufferClose(ob);
        ob = NULL;
        ret = sink_take(&k, status < 0 ? status : closed, "the output of ", name, out, len,
                        err);
    }
    if (ob) {
        xmlOutputBufferClose(ob);
        free(k.p);
    }
    artx_stream_free(stream);
    xmlFreeDoc(res);
    pthread_rwlock_unlock(&state_lock);
    return ret;
}

int artx_xml_serialise(xmlDocPtr doc, unsigned char **out, size_t *len, artx_error *err)
{
    sink k = {0};
    *out = NULL;
    *len = 0;
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(sink_write, NULL, &k, NULL);
    if (!ob)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    /* (closes the buffer) */
    return sink_take(&k, xmlSaveFormatFileTo(ob, doc, "UTF-8", 0), "the article", "", out, len,
                     err);
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
        /* As with stylesheets: a schema compiled while memory ran out may
         * be torn (its automata crash the validation), and is not kept. */
        unsigned long oom = artx_oom_mark();
        xmlRelaxNGParserCtxtPtr pc =
            ret ? NULL : xmlRelaxNGNewMemParserCtxt((const char *)rng, (int)len);
        schema = pc ? xmlRelaxNGParse(pc) : NULL;
        xmlRelaxNGFreeParserCtxt(pc);
        free(rng);
        if (!ret && artx_oom_since(oom, 0, NULL)) {
            xmlRelaxNGFree(schema);
            schema = NULL;
            ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        } else if (!ret && !schema)
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
