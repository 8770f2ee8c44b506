/* transform.c - article DOM to output bytes: serialise the article, or run
 * the format's stylesheet from xslt/ (EPUB is assembled by epub.c from
 * several stylesheets).
 *
 * Stylesheets are compiled once per process and kept until
 * artx_transform_cleanup().  They come built into the binary (tools/embed.sh)
 * unless artx_set_stylesheet_dir() names a folder of customised ones. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "internal.h"

struct artx_embedded {
    const char *name;
    const unsigned char *data;
    size_t len;
};
extern const struct artx_embedded artx_embedded_stylesheets[];

static const struct {
    artx_format format;
    const char *name;        /* command-line name */
    const char *stylesheet;  /* file in xslt/; NULL: not a single stylesheet */
    const char *extension;
} formats[] = {
    {ARTX_TO_ARTICLE, "article", NULL, "xml"},
    {ARTX_TO_TEXT, "text", "article-to-text.xsl", "txt"},
    {ARTX_TO_XLIFF, "xliff", "article-to-xliff20.xsl", "xlf"},
    {ARTX_TO_XLIFF12, "xliff12", "article-to-xliff12.xsl", "xlf"},
    {ARTX_TO_DOCBOOK, "docbook", "article-to-docbook.xsl", "dbk"},
    {ARTX_TO_XHTML, "xhtml", "article-to-xhtml.xsl", "html"},
    {ARTX_TO_EPUB, "epub", NULL, "epub"},
};

#define NFORMATS (sizeof formats / sizeof *formats)

/* Compiled stylesheets by file name. */
#define MAX_COMPILED 16
static struct {
    char *name;
    xsltStylesheetPtr style;
} compiled[MAX_COMPILED];
static char *stylesheet_dir;
static xsltSecurityPrefsPtr security;

int artx_format_from_name(const char *name, artx_format *out)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (!strcmp(name, formats[i].name)) {
            *out = formats[i].format;
            return 0;
        }
    return ARTX_ERR_USAGE;
}

const char *artx_format_extension(artx_format format)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].format == format)
            return formats[i].extension;
    return "out";
}

static void forget_compiled(void)
{
    for (size_t i = 0; i < MAX_COMPILED; i++) {
        if (compiled[i].style)
            xsltFreeStylesheet(compiled[i].style);
        free(compiled[i].name);
        compiled[i].style = NULL;
        compiled[i].name = NULL;
    }
}

void artx_transform_cleanup(void)
{
    forget_compiled();
    free(stylesheet_dir);
    stylesheet_dir = NULL;
    if (security)
        xsltFreeSecurityPrefs(security);
    security = NULL;
}

int artx_set_stylesheet_dir(const char *dir, artx_error *err)
{
    char *copy = NULL;
    if (dir && !(copy = strdup(dir)))
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    forget_compiled();
    free(stylesheet_dir);
    stylesheet_dir = copy;
    return 0;
}

/* Stylesheets may read nothing from the network and write nothing at all:
 * a customised stylesheet is code the user runs on untrusted pages. */
static int secure(xsltTransformContextPtr tctx, artx_error *err)
{
    if (!security) {
        security = xsltNewSecurityPrefs();
        if (!security)
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    }
    if (xsltSetCtxtSecurityPrefs(security, tctx))
        return artx_fail(err, ARTX_ERR_XSLT, "cannot set stylesheet security");
    return 0;
}

int artx_resource(const char *name, unsigned char **out, size_t *len, artx_error *err)
{
    *out = NULL;
    *len = 0;
    char path[4096];
    FILE *f = NULL;
    if (stylesheet_dir) {
        snprintf(path, sizeof path, "%s/%s", stylesheet_dir, name);
        f = fopen(path, "rb");
        if (!f && errno != ENOENT)
            return artx_fail(err, ARTX_ERR_IO, "cannot read %s: %s", path, strerror(errno));
    }
    if (f) {
        size_t cap = 1 << 14, n = 0, got;
        unsigned char *buf = malloc(cap);
        while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
            n += got;
            if (n == cap) {
                unsigned char *bigger = cap < (1u << 24) ? realloc(buf, cap * 2) : NULL;
                if (!bigger) {
                    free(buf);
                    buf = NULL;
                    break;
                }
                buf = bigger;
                cap *= 2;
            }
        }
        fclose(f);
        if (!buf)
            return artx_fail(err, ARTX_ERR_IO, "cannot read %s", path);
        *out = buf;
        *len = n;
        return 0;
    }
    const struct artx_embedded *e = artx_embedded_stylesheets;
    while (e->name && strcmp(e->name, name))
        e++;
    if (!e->name)
        return artx_fail(err, ARTX_ERR_XSLT, "no built-in resource %s", name);
    *out = malloc(e->len ? e->len : 1);
    if (!*out)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    memcpy(*out, e->data, e->len);
    *len = e->len;
    return 0;
}

/* xsl:include and xsl:import of a built-in stylesheet ("common.xsl") are
 * served from the binary; everything else goes to libxslt's loader, which
 * the security preferences guard. */
static xmlDocPtr load_included(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                               xsltLoadType type)
{
    if (type == XSLT_LOAD_STYLESHEET && uri) {
        const char *base = strrchr((const char *)uri, '/');
        base = base ? base + 1 : (const char *)uri;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", stylesheet_dir ? stylesheet_dir : "", base);
        if (stylesheet_dir && access(path, F_OK) == 0)
            return xsltDocDefaultLoader(BAD_CAST path, dict, options, ctxt, type);
        for (const struct artx_embedded *e = artx_embedded_stylesheets; e->name; e++)
            if (!strcmp(e->name, base))
                return xmlReadMemory((const char *)e->data, (int)e->len, e->name, NULL,
                                     XML_PARSE_NONET | XML_PARSE_NOERROR |
                                         XML_PARSE_NOWARNING);
    }
    return xsltDocDefaultLoader(uri, dict, options, ctxt, type);
}

static int load(const char *name, xsltStylesheetPtr *out, artx_error *err)
{
    xsltSetLoaderFunc(load_included);
    size_t slot;
    for (slot = 0; slot < MAX_COMPILED && compiled[slot].name; slot++)
        if (!strcmp(compiled[slot].name, name)) {
            *out = compiled[slot].style;
            return 0;
        }
    if (slot == MAX_COMPILED)
        return artx_fail(err, ARTX_ERR_XSLT, "too many stylesheets");

    xmlDocPtr doc = NULL;
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    artx_xml_clear_error();
    char path[4096];
    if (stylesheet_dir)
        snprintf(path, sizeof path, "%s/%s", stylesheet_dir, name);
    /* A customised folder replaces the built-in files it has. */
    if (stylesheet_dir && access(path, F_OK) == 0) {
        doc = xmlReadFile(path, NULL, opts);
        if (!doc)
            return artx_fail(err, ARTX_ERR_XSLT, "cannot read stylesheet %s: %s", path,
                             artx_xml_last_error());
    } else {
        const struct artx_embedded *e = artx_embedded_stylesheets;
        while (e->name && strcmp(e->name, name))
            e++;
        if (!e->name)
            return artx_fail(err, ARTX_ERR_XSLT, "no built-in stylesheet %s", name);
        doc = xmlReadMemory((const char *)e->data, (int)e->len, name, NULL, opts);
        if (!doc)
            return artx_fail(err, ARTX_ERR_XSLT, "built-in stylesheet %s: %s", name,
                             artx_xml_last_error());
    }
    xsltStylesheetPtr style = xsltParseStylesheetDoc(doc);
    if (!style) {
        xmlFreeDoc(doc);
        return artx_fail(err, ARTX_ERR_XSLT, "stylesheet %s does not compile: %s", name,
                         artx_xml_last_error());
    }
    compiled[slot].name = strdup(name);
    if (!compiled[slot].name) {
        xsltFreeStylesheet(style);
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }
    compiled[slot].style = style;
    *out = style;
    return 0;
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

int artx_stylesheet_apply(const char *name, xmlDocPtr doc, const char *const *params,
                          xmlDocPtr *result, xmlBufferPtr messages, artx_error *err)
{
    xsltStylesheetPtr style;
    int ret = load(name, &style, err);
    *result = NULL;
    if (ret)
        return ret;
    xsltTransformContextPtr tctx = xsltNewTransformContext(style, doc);
    if (!tctx)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    if ((ret = secure(tctx, err)) == 0 && params &&
        xsltQuoteUserParams(tctx, (const char **)params) != 0)
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

int artx_stylesheet_serialise(const char *name, xmlDocPtr result, unsigned char **out,
                              size_t *len, artx_error *err)
{
    xsltStylesheetPtr style;
    xmlChar *buf = NULL;
    int n = 0, ret = load(name, &style, err);
    if (ret)
        return ret;
    if (xsltSaveResultToString(&buf, &n, result, style) < 0)
        return artx_fail(err, ARTX_ERR_XSLT, "cannot serialise the output of %s", name);
    /* Hand out malloc'ed memory, as artx.h promises. */
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

/* Line breaks and indentation between the article's structural elements
 * only.  libxml2's own formatting also indents a block whose content is a
 * single inline element (<li><a>...</a></li>), which changes its text. */
static void indent(xmlNodePtr n, int depth)
{
    static const char *const structural[] = {"article", "head", "body", "figure",
                                             "blockquote", "ul", "ol", NULL};
    bool is_structural = false;
    for (int i = 0; structural[i] && !is_structural; i++)
        is_structural = xmlStrEqual(n->name, BAD_CAST structural[i]);
    if (!is_structural || !n->children)
        return;
    char pad[2 + 2 * 32] = "\n";
    int width = depth < 31 ? depth + 1 : 32;
    memset(pad + 1, ' ', (size_t)width * 2);
    pad[1 + width * 2] = '\0';
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        xmlAddPrevSibling(k, xmlNewText(BAD_CAST pad));
        indent(k, depth + 1);
    }
    pad[1 + (width - 1) * 2] = '\0';
    xmlAddChild(n, xmlNewText(BAD_CAST pad));
}

int artx_transform(xmlDocPtr article, artx_format format, const char *const *params,
                   unsigned char **out, size_t *len, artx_error *err)
{
    size_t i = 0;
    *out = NULL;
    *len = 0;
    while (i < NFORMATS && formats[i].format != format)
        i++;
    if (i == NFORMATS)
        return artx_fail(err, ARTX_ERR_USAGE, "unknown output format");
    if (format == ARTX_TO_EPUB)
        return artx_epub(article, params, out, len, err);

    if (!formats[i].stylesheet) {
        xmlChar *buf = NULL;
        int n = 0;
        xmlDocPtr copy = xmlCopyDoc(article, 1);
        if (copy) {
            indent(xmlDocGetRootElement(copy), 0);
            xmlDocDumpMemoryEnc(copy, &buf, &n, "UTF-8");
            xmlFreeDoc(copy);
        }
        if (!buf)
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        *out = malloc((size_t)n + 1);
        if (*out) {
            memcpy(*out, buf, (size_t)n);
            (*out)[n] = '\0';
            *len = (size_t)n;
        }
        xmlFree(buf);
        return *out ? 0 : artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }
    xmlDocPtr res;
    int ret = artx_stylesheet_apply(formats[i].stylesheet, article, params, &res, NULL, err);
    if (ret)
        return ret;
    ret = artx_stylesheet_serialise(formats[i].stylesheet, res, out, len, err);
    xmlFreeDoc(res);
    return ret;
}
