/* ext.c - artx's stages as XPath extension functions, for any libxslt
 * transformation: the CLI's own stylesheets, xsltproc, lxml and other
 * libxslt hosts (through plugin/artx_ext.c).  Namespace ARTX_XSLT_NS:
 *
 *   artx:article(nodes[, srx-path])
 *       The front end on the document that holds the first node: the
 *       normalised article (urn:artx:article) with sentences, as a node-set
 *       holding its article element.  An empty node-set gives an empty
 *       node-set.
 *   artx:segment(string, lang[, srx-path])
 *       The sentences of a text in language `lang` (BCP 47), as s elements
 *       (urn:artx:article) in order; the whitespace between sentences is
 *       in none of them.
 *   artx:resource(name)
 *       The text of one of artx's files by file name ("epub.css"), as
 *       artx_resource() gives it: the customised one under --stylesheets,
 *       else the built-in one.  For a page that carries the EPUB's CSS
 *       inline, so that the two never drift apart.
 *   artx:version()
 *       artx's version string.
 *
 * srx-path '' or absent means the built-in rules.  Segmenters are loaded on
 * first use and cached per path until artx_cleanup() (or the plugin's
 * unloading); a lock guards them, since a segmenter is not reentrant and
 * hosts such as lxml transform on several threads.
 *
 * Results are result tree fragments registered with the transformation
 * (xsltCreateRVT, xsltRegisterLocalRVT), so libxslt frees them.  Errors are
 * reported with xsltTransformError and stop the transformation; nothing
 * here prints or exits. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "internal.h"

/* ---- segmenters, cached per SRX path ------------------------------------ */

typedef struct cached_seg {
    char *path; /* NULL: the built-in rules */
    artx_segmenter *seg;
    struct cached_seg *next;
} cached_seg;

static pthread_mutex_t seg_lock = PTHREAD_MUTEX_INITIALIZER;
static cached_seg *seg_cache;

/* The segmenter for `path` (NULL: built in), loaded on first use.  Call
 * with seg_lock held. */
static artx_segmenter *segmenter_for(const char *path, artx_error *err)
{
    for (cached_seg *c = seg_cache; c; c = c->next)
        if ((!c->path && !path) || (c->path && path && !strcmp(c->path, path)))
            return c->seg;
    cached_seg *c = calloc(1, sizeof *c);
    if (!c || (path && !(c->path = strdup(path)))) {
        free(c);
        artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        return NULL;
    }
    if (artx_segmenter_new(path, &c->seg, err)) {
        free(c->path);
        free(c);
        return NULL;
    }
    c->next = seg_cache;
    seg_cache = c;
    return c->seg;
}

/* Free the cached segmenters (artx_cleanup, or the plugin's unloading). */
void artx_ext_cleanup(void)
{
    pthread_mutex_lock(&seg_lock);
    while (seg_cache) {
        cached_seg *next = seg_cache->next;
        artx_segmenter_free(seg_cache->seg);
        free(seg_cache->path);
        free(seg_cache);
        seg_cache = next;
    }
    pthread_mutex_unlock(&seg_lock);
}

/* ---- helpers ------------------------------------------------------------- */

/* Report an error of function `fn`, stop the transformation and leave an
 * empty node-set as the function's value, so the XPath machinery stays
 * consistent. */
static void fail(xmlXPathParserContextPtr ctxt, const char *fn, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(xmlXPathParserContextPtr ctxt, const char *fn, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    xsltTransformError(tctxt, NULL, NULL, "artx:%s(): %s\n", fn, msg);
    if (tctxt)
        tctxt->state = XSLT_STATE_STOPPED;
    valuePush(ctxt, xmlXPathNewNodeSet(NULL));
}

/* A call with the wrong number of arguments: say how to call `fn`, then
 * raise XPath's arity error. */
static void arity_error(xmlXPathParserContextPtr ctxt, const char *usage, int nargs)
{
    xsltTransformError(xsltXPathGetTransformContext(ctxt), NULL, NULL,
                       "%s: called with %d argument%s\n", usage, nargs, nargs == 1 ? "" : "s");
    xmlXPathSetArityError(ctxt);
}

/* The optional srx-path argument, popped: NULL for the built-in rules.
 * Returns false (with the XPath error set) when popping failed; *out is
 * then NULL and nothing is to be freed. */
static bool pop_srx(xmlXPathParserContextPtr ctxt, xmlChar **out)
{
    *out = xmlXPathPopString(ctxt);
    if (xmlXPathCheckError(ctxt)) {
        xmlFree(*out);
        *out = NULL;
        return false;
    }
    if (*out && !**out) {
        xmlFree(*out);
        *out = NULL;
    }
    return true;
}

/* A new result tree fragment owned by the transformation, or NULL with the
 * error reported. */
static xmlDocPtr new_fragment(xmlXPathParserContextPtr ctxt, const char *fn)
{
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    if (!tctxt) {
        fail(ctxt, fn, "called outside an XSLT transformation");
        return NULL;
    }
    xmlDocPtr rvt = xsltCreateRVT(tctxt);
    if (!rvt) {
        fail(ctxt, fn, "out of memory");
        return NULL;
    }
    xsltRegisterLocalRVT(tctxt, rvt);
    return rvt;
}

/* ---- artx:article(nodes[, srx-path]) -------------------------------------- */

static void fn_article(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 1 || nargs > 2) {
        arity_error(ctxt, "artx:article(nodes[, srx-path])", nargs);
        return;
    }
    xmlChar *srx = NULL;
    if (nargs == 2 && !pop_srx(ctxt, &srx))
        return;
    if (!xmlXPathStackIsNodeSet(ctxt)) {
        xmlFree(srx);
        xsltTransformError(xsltXPathGetTransformContext(ctxt), NULL, NULL,
                           "artx:article(): the first argument must be a node-set, "
                           "such as / for the page\n");
        xmlXPathSetTypeError(ctxt);
        return;
    }
    xmlNodeSetPtr nodes = xmlXPathPopNodeSet(ctxt);
    if (xmlXPathCheckError(ctxt)) {
        xmlFree(srx);
        xmlXPathFreeNodeSet(nodes);
        return;
    }
    if (xmlXPathNodeSetIsEmpty(nodes)) {
        xmlFree(srx);
        xmlXPathFreeNodeSet(nodes);
        valuePush(ctxt, xmlXPathNewNodeSet(NULL));
        return;
    }
    xmlNodePtr first = xmlXPathNodeSetItem(nodes, 0);
    /* XPath keeps a namespace node's element in its next field. */
    if (first && first->type == XML_NAMESPACE_DECL)
        first = (xmlNodePtr)((xmlNsPtr)first)->next;
    xmlDocPtr page = !first ? NULL
                     : first->type == XML_DOCUMENT_NODE || first->type == XML_HTML_DOCUMENT_NODE
                         ? (xmlDocPtr)first
                         : first->doc;
    xmlXPathFreeNodeSet(nodes);

    artx_error err = {0};
    xmlDocPtr art = NULL;
    if (!page) {
        fail(ctxt, "article", "the node belongs to no document");
        goto out;
    }
    if (artx_is_xliff(page)) {
        fail(ctxt, "article", "the document is an XLIFF file; merge it with "
                              "artx --from xliff");
        goto out;
    }
    if (artx_normalise(page, ARTX_FROM_AUTO, &art, &err)) {
        fail(ctxt, "article", "%s", err.message);
        goto out;
    }
    pthread_mutex_lock(&seg_lock);
    artx_segmenter *seg = segmenter_for((const char *)srx, &err);
    int ret = seg ? artx_sentences(art, seg, &err) : err.status;
    pthread_mutex_unlock(&seg_lock);
    if (ret) {
        if (seg)
            fail(ctxt, "article", "%s", err.message);
        else
            fail(ctxt, "article", "%s: %s", srx ? (const char *)srx : "built-in rules",
                 err.message);
        goto out;
    }
    xmlDocPtr rvt = new_fragment(ctxt, "article");
    if (!rvt)
        goto out;
    /* A copy, so that every node lives in the fragment's dictionary. */
    xmlNodePtr root = xmlDocCopyNode(xmlDocGetRootElement(art), rvt, 1);
    if (!root) {
        fail(ctxt, "article", "out of memory");
        goto out;
    }
    xmlAddChild((xmlNodePtr)rvt, root);
    valuePush(ctxt, xmlXPathNewNodeSet(root));
out:
    xmlFreeDoc(art);
    xmlFree(srx);
}

/* ---- artx:segment(string, lang[, srx-path]) --------------------------------- */

static void fn_segment(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 2 || nargs > 3) {
        arity_error(ctxt, "artx:segment(string, lang[, srx-path])", nargs);
        return;
    }
    xmlChar *srx = NULL, *lang = NULL, *text = NULL;
    if (nargs == 3 && !pop_srx(ctxt, &srx))
        return;
    lang = xmlXPathPopString(ctxt);
    if (!xmlXPathCheckError(ctxt))
        text = xmlXPathPopString(ctxt);
    if (xmlXPathCheckError(ctxt) || !lang || !text) {
        if (!xmlXPathCheckError(ctxt))
            fail(ctxt, "segment", "out of memory");
        goto out;
    }

    artx_error err = {0};
    artx_span *spans = NULL;
    size_t n = 0, len = strlen((const char *)text);
    pthread_mutex_lock(&seg_lock);
    artx_segmenter *seg = segmenter_for((const char *)srx, &err);
    int ret = seg ? artx_segment_spans(seg, (const char *)lang, (const char *)text, len, &spans,
                                       &n, &err)
                  : err.status;
    pthread_mutex_unlock(&seg_lock);
    if (ret) {
        if (seg)
            fail(ctxt, "segment", "%s", err.message);
        else
            fail(ctxt, "segment", "%s: %s", srx ? (const char *)srx : "built-in rules",
                 err.message);
        goto out;
    }

    xmlDocPtr rvt = new_fragment(ctxt, "segment");
    xmlXPathObjectPtr result = rvt ? xmlXPathNewNodeSet(NULL) : NULL;
    if (rvt && !result)
        fail(ctxt, "segment", "out of memory");
    for (size_t i = 0; result && i < n; i++) {
        size_t s = spans[i].start, e = spans[i].end;
        xmlNodePtr el = xmlNewDocNode(rvt, NULL, BAD_CAST "s", NULL);
        xmlNsPtr ns = el ? xmlNewNs(el, BAD_CAST ARTX_NS, NULL) : NULL;
        xmlNodePtr t = ns ? xmlNewDocTextLen(rvt, text + s, (int)(e - s)) : NULL;
        if (!t) {
            xmlFreeNode(el);
            xmlXPathFreeObject(result);
            result = NULL;
            fail(ctxt, "segment", "out of memory");
            break;
        }
        xmlSetNs(el, ns);
        xmlAddChild(el, t);
        xmlAddChild((xmlNodePtr)rvt, el);
        xmlXPathNodeSetAddUnique(result->nodesetval, el);
    }
    if (result)
        valuePush(ctxt, result);
    free(spans);
out:
    xmlFree(text);
    xmlFree(lang);
    xmlFree(srx);
}

/* ---- artx:resource(name) ------------------------------------------------------ */

static void fn_resource(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        arity_error(ctxt, "artx:resource(name)", nargs);
        return;
    }
    xmlChar *name = xmlXPathPopString(ctxt);
    if (xmlXPathCheckError(ctxt)) {
        xmlFree(name);
        return;
    }
    artx_error err = {0};
    unsigned char *bytes = NULL;
    size_t len = 0;
    if (artx_resource((const char *)name, &bytes, &len, &err))
        fail(ctxt, "resource", "%s: %s", (const char *)name, err.message);
    else if (memchr(bytes, '\0', len) || !xmlCheckUTF8(bytes))
        /* An XPath string is UTF-8 text; a file that is not would be cut
         * short or corrupt the output. */
        fail(ctxt, "resource", "%s: not UTF-8 text", (const char *)name);
    else {
        xmlXPathObjectPtr text = xmlXPathNewString(BAD_CAST bytes);
        if (text)
            valuePush(ctxt, text);
        else
            fail(ctxt, "resource", "out of memory");
    }
    free(bytes);
    xmlFree(name);
}

/* ---- artx:version() ------------------------------------------------------------ */

static void fn_version(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 0) {
        arity_error(ctxt, "artx:version()", nargs);
        return;
    }
    valuePush(ctxt, xmlXPathNewString(BAD_CAST ARTX_VERSION));
}

/* ---- registration -------------------------------------------------------------- */

/* A module entry for the namespace, so that a stylesheet that lists it in
 * extension-element-prefixes finds it registered (and libxslt does not go
 * looking for a plugin to load into a process that has the functions). */
static void *module_init(xsltTransformContextPtr tctxt, const xmlChar *uri)
{
    (void)tctxt;
    (void)uri;
    return NULL;
}

int artx_ext_register(void)
{
    const xmlChar *ns = BAD_CAST ARTX_XSLT_NS;
    xsltInitGlobals();
    /* Not fatal: another copy of artx in the process may own the entry. */
    (void)xsltRegisterExtModule(ns, module_init, NULL);
    if (xsltRegisterExtModuleFunction(BAD_CAST "article", ns, fn_article) < 0 ||
        xsltRegisterExtModuleFunction(BAD_CAST "segment", ns, fn_segment) < 0 ||
        xsltRegisterExtModuleFunction(BAD_CAST "resource", ns, fn_resource) < 0 ||
        xsltRegisterExtModuleFunction(BAD_CAST "version", ns, fn_version) < 0 ||
        artx_stream_register() < 0)
        return ARTX_ERR_NOMEM;
    return 0;
}
