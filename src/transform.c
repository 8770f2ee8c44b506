/* transform.c - article DOM to output bytes: serialise the article, or run
 * the format's stylesheet from xslt/.
 *
 * Stylesheets are compiled once per process and kept until
 * artx_transform_cleanup().  They come built into the binary (tools/embed.sh)
 * unless artx_set_stylesheet_dir() names a folder of customised ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
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
    const char *stylesheet;  /* file in xslt/, NULL: the article itself */
} formats[] = {
    {ARTX_TO_ARTICLE, "article", NULL},
    {ARTX_TO_TEXT, "text", "article-to-text.xsl"},
};

#define NFORMATS (sizeof formats / sizeof *formats)

static xsltStylesheetPtr compiled[NFORMATS];
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

void artx_transform_cleanup(void)
{
    for (size_t i = 0; i < NFORMATS; i++) {
        if (compiled[i])
            xsltFreeStylesheet(compiled[i]);
        compiled[i] = NULL;
    }
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
    for (size_t i = 0; i < NFORMATS; i++) {
        if (compiled[i])
            xsltFreeStylesheet(compiled[i]);
        compiled[i] = NULL;
    }
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

static int load(size_t i, artx_error *err)
{
    const char *name = formats[i].stylesheet;
    xmlDocPtr doc = NULL;
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    artx_xml_clear_error();
    if (stylesheet_dir) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", stylesheet_dir, name);
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
    compiled[i] = xsltParseStylesheetDoc(doc);
    if (!compiled[i]) {
        xmlFreeDoc(doc);
        return artx_fail(err, ARTX_ERR_XSLT, "stylesheet %s does not compile: %s", name,
                         artx_xml_last_error());
    }
    return 0;
}

int artx_transform(xmlDocPtr article, artx_format format, unsigned char **out,
                   size_t *len, artx_error *err)
{
    size_t i = 0;
    *out = NULL;
    *len = 0;
    while (i < NFORMATS && formats[i].format != format)
        i++;
    if (i == NFORMATS)
        return artx_fail(err, ARTX_ERR_USAGE, "unknown output format");

    xmlChar *buf = NULL;
    int n = 0;
    if (!formats[i].stylesheet) {
        xmlDocDumpFormatMemoryEnc(article, &buf, &n, "UTF-8", 1);
        if (!buf)
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    } else {
        int ret;
        if (!compiled[i] && (ret = load(i, err)))
            return ret;
        xsltTransformContextPtr tctx = xsltNewTransformContext(compiled[i], article);
        if (!tctx)
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        if ((ret = secure(tctx, err))) {
            xsltFreeTransformContext(tctx);
            return ret;
        }
        artx_xml_clear_error();
        xmlDocPtr res = xsltApplyStylesheetUser(compiled[i], article, NULL, NULL, NULL, tctx);
        int state = tctx->state;
        xsltFreeTransformContext(tctx);
        if (!res || state != XSLT_STATE_OK) {
            xmlFreeDoc(res);
            return artx_fail(err, ARTX_ERR_XSLT, "%s failed: %s", formats[i].stylesheet,
                             *artx_xml_last_error() ? artx_xml_last_error() : "error");
        }
        ret = xsltSaveResultToString(&buf, &n, res, compiled[i]);
        xmlFreeDoc(res);
        if (ret < 0)
            return artx_fail(err, ARTX_ERR_XSLT, "cannot serialise %s output",
                             formats[i].name);
    }
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
