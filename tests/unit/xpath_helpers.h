/* xpath_helpers.h - header-only helpers for the suites that check documents
 * (articles, XLIFF, DocBook, XHTML) with XPath, on top of harness.h.
 *
 *   xml_parse(s)                 a document from a string (no network, no
 *                                entities); NULL when not well-formed
 *   article_parse(s, seg, err)   the same, with the article's sentences
 *   xml_serialise(doc)           the document as a malloc'ed string
 *   xp_eval(doc, expr)           the XPath result (xmlXPathFreeObject)
 *   XP_STR_EQ(doc, expr, want, msg)   string(expr) equals want
 *   XP_INT_EQ(doc, expr, want, msg)   number(expr) equals want
 *   XP_OK(doc, expr, msg)             boolean(expr) is true
 *
 * Prefixes: a (the article, urn:artx:article), x2 (XLIFF 2.0), x1 (XLIFF
 * 1.2), db (DocBook 5), h (XHTML).  A NULL document or an expression that
 * does not compile fails the assertion rather than crash the suite. */
#ifndef ARTX_TEST_XPATH_HELPERS_H
#define ARTX_TEST_XPATH_HELPERS_H

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "artx.h"
#include "harness.h"

static const char *const xp_prefixes[][2] = {
    {"a", ARTX_NS},
    {"x2", "urn:oasis:names:tc:xliff:document:2.0"},
    {"x1", "urn:oasis:names:tc:xliff:document:1.2"},
    {"db", "http://docbook.org/ns/docbook"},
    {"h", "http://www.w3.org/1999/xhtml"},
};

static inline xmlDocPtr xml_parse(const char *s)
{
    return xmlReadMemory(s, (int)strlen(s), NULL, "UTF-8",
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/* An article from XML text, with artx_sentences() run on it when `seg` is
 * given.  NULL when the text is not well-formed or segmenting fails (err,
 * which may be NULL, says why then).  The caller frees it. */
static inline xmlDocPtr article_parse(const char *xml, artx_segmenter *seg, artx_error *err)
{
    xmlDocPtr art = xml_parse(xml);
    if (art && seg && artx_sentences(art, seg, err)) {
        xmlFreeDoc(art);
        art = NULL;
    }
    return art;
}

/* Caller frees with free(); NULL for a NULL document. */
static inline char *xml_serialise(xmlDocPtr doc)
{
    xmlChar *mem = NULL;
    int size = 0;
    if (!doc)
        return NULL;
    xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
    char *copy = mem ? strdup((const char *)mem) : NULL;
    xmlFree(mem);
    return copy;
}

static inline xmlXPathObjectPtr xp_eval(xmlDocPtr doc, const char *expr)
{
    if (!doc)
        return NULL;
    xmlXPathContextPtr xp = xmlXPathNewContext(doc);
    if (!xp)
        return NULL;
    for (size_t i = 0; i < sizeof xp_prefixes / sizeof *xp_prefixes; i++)
        xmlXPathRegisterNs(xp, BAD_CAST xp_prefixes[i][0], BAD_CAST xp_prefixes[i][1]);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, xp);
    xmlXPathFreeContext(xp);
    return o;
}

/* string(expr), malloc'ed, or NULL when it cannot be evaluated. */
static inline char *xp_string(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr o = xp_eval(doc, expr);
    xmlChar *s = o ? xmlXPathCastToString(o) : NULL;
    char *copy = s ? strdup((const char *)s) : NULL;
    xmlFree(s);
    xmlXPathFreeObject(o);
    return copy;
}

/* number(expr), or NaN when it cannot be evaluated. */
static inline double xp_number(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr o = xp_eval(doc, expr);
    double v = o ? xmlXPathCastToNumber(o) : NAN;
    xmlXPathFreeObject(o);
    return v;
}

static inline bool xp_str_eq_at(const char *file, int line, xmlDocPtr doc, const char *expr,
                                const char *want, const char *msg)
{
    char *got = xp_string(doc, expr);
    bool ok = harness_str_eq(got, want, file, line, msg);
    if (!ok)
        fprintf(stderr, "    xpath: %s\n", expr);
    free(got);
    return ok;
}

static inline bool xp_int_eq_at(const char *file, int line, xmlDocPtr doc, const char *expr,
                                long long want, const char *msg)
{
    double v = xp_number(doc, expr);
    /* NaN, fractions and huge values never equal an integer (and floor()
     * would need libm) */
    long long got = LLONG_MIN;
    if (v > -9e18 && v < 9e18 && (double)(long long)v == v)
        got = (long long)v;
    bool ok = harness_int_eq(got, want, file, line, msg);
    if (!ok)
        fprintf(stderr, "    xpath: %s\n", expr);
    return ok;
}

static inline bool xp_ok_at(const char *file, int line, xmlDocPtr doc, const char *expr,
                            const char *msg)
{
    xmlXPathObjectPtr o = xp_eval(doc, expr);
    bool ok = harness_ok(o && xmlXPathCastToBoolean(o), file, line, msg);
    if (!ok)
        fprintf(stderr, "    xpath: %s\n", expr);
    xmlXPathFreeObject(o);
    return ok;
}

#define XP_STR_EQ(doc, expr, want, msg) \
    xp_str_eq_at(__FILE__, __LINE__, (doc), (expr), (want), (msg))
#define XP_INT_EQ(doc, expr, want, msg) \
    xp_int_eq_at(__FILE__, __LINE__, (doc), (expr), (want), (msg))
#define XP_OK(doc, expr, msg) xp_ok_at(__FILE__, __LINE__, (doc), (expr), (msg))

#endif /* ARTX_TEST_XPATH_HELPERS_H */
