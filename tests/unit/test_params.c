/* test_params.c - the table of stylesheet parameters (src/params.c) agrees
 * with the stylesheets, and its checks; the formats' table and the
 * built-in files. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "harness.h"
#include "internal.h"

#define XSL_NS "http://www.w3.org/1999/XSL/Transform"
#define MAX_NAMES 64

/* The top-level xsl:param of a built-in stylesheet and of those it
 * includes or imports: name and select, appended to names[]/selects[]. */
typedef struct declared {
    char *names[MAX_NAMES];
    char *selects[MAX_NAMES];
    size_t n;
} declared;

static void collect(const char *file, declared *d)
{
    unsigned char *bytes = NULL;
    size_t len = 0;
    artx_error err = {0};
    if (!OK(artx_resource(file, &bytes, &len, &err) == 0, file))
        return;
    xmlDocPtr doc = xmlReadMemory((const char *)bytes, (int)len, file, NULL, XML_PARSE_NONET);
    free(bytes);
    if (!OK(doc != NULL, file))
        return;
    xmlXPathContextPtr xp = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(xp, BAD_CAST "xsl", BAD_CAST XSL_NS);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(
        BAD_CAST "/*/xsl:param | /*/xsl:include | /*/xsl:import", xp);
    for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr; i++) {
        xmlNodePtr n = r->nodesetval->nodeTab[i];
        if (!strcmp((const char *)n->name, "param")) {
            if (d->n < MAX_NAMES) {
                d->names[d->n] = (char *)xmlGetProp(n, BAD_CAST "name");
                d->selects[d->n++] = (char *)xmlGetProp(n, BAD_CAST "select");
            }
        } else {
            xmlChar *href = xmlGetProp(n, BAD_CAST "href");
            collect((const char *)href, d);
            xmlFree(href);
        }
    }
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(xp);
    xmlFreeDoc(doc);
}

static void declared_free(declared *d)
{
    for (size_t i = 0; i < d->n; i++) {
        xmlFree(d->names[i]);
        xmlFree(d->selects[i]);
    }
    d->n = 0;
}

static const char *select_of(const declared *d, const char *name)
{
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->names[i], name))
            return d->selects[i] ? d->selects[i] : "";
    return NULL;
}

/* The stylesheets that write a format (EPUB: its four parts), or the
 * merge's when `format` is -1. */
static void stylesheets_of(int format, declared *d)
{
    size_t n;
    const artx_format_info *f = artx_formats(&n);
    if (format < 0) {
        collect("xliff-to-article.xsl", d);
    } else if (format == ARTX_TO_EPUB) {
        collect("article-to-xhtml.xsl", d);
        collect("article-to-opf.xsl", d);
        collect("article-to-nav.xsl", d);
        collect("article-to-ncx.xsl", d);
    } else if (f[format].stylesheet) {
        collect(f[format].stylesheet, d);
    }
}

/* What artx sets itself and a caller may not: a merge's report and
 * skeleton mode (a TMX runs the merge too); the content document mode of
 * an EPUB; the source article of a bilingual XHTML or EPUB (--bilingual);
 * a TMX's article identifier, tool version and creation date. */
static bool set_by_artx(int format, const char *name)
{
    if (format < 0 || format == ARTX_TO_TMX)
        return !strcmp(name, "report") || !strcmp(name, "unpack-skeleton") ||
               (format == ARTX_TO_TMX &&
                (!strcmp(name, "identifier") || !strcmp(name, "tool-version") ||
                 !strcmp(name, "creationdate")));
    if ((format == ARTX_TO_EPUB || format == ARTX_TO_XHTML) && !strcmp(name, "source-article"))
        return true;
    return format == ARTX_TO_EPUB && !strcmp(name, "mode");
}

static void test_table_matches_stylesheets(void)
{
    size_t np, nf;
    const artx_param_info *p = artx_params(&np);
    artx_formats(&nf);
    char msg[256];
    for (int f = -1; f < (int)nf; f++) {
        declared d = {0};
        stylesheets_of(f, &d);
        /* Every parameter the table gives this format is declared by its
         * stylesheets, a choice with the same default. */
        for (size_t i = 0; i < np; i++) {
            bool reads = f < 0 ? p[i].merge : (p[i].formats & (1u << f)) != 0;
            if (!reads)
                continue;
            const char *sel = select_of(&d, p[i].name);
            snprintf(msg, sizeof msg, "format %d declares %s", f, p[i].name);
            OK(sel != NULL, msg);
            if (sel && p[i].kind == ARTX_PARAM_CHOICE) {
                char want[64];
                snprintf(want, sizeof want, "'%s'", p[i].def);
                snprintf(msg, sizeof msg, "format %d: default of %s", f, p[i].name);
                STR_EQ(sel, want, msg);
            }
        }
        /* Every parameter its stylesheets declare is in the table for it,
         * or one artx sets. */
        for (size_t k = 0; k < d.n; k++) {
            const artx_param_info *q = artx_param_find(d.names[k]);
            bool known = q && (f < 0 ? q->merge : (q->formats & (1u << f)) != 0);
            snprintf(msg, sizeof msg, "format %d: %s is in the table", f, d.names[k]);
            OK(known || set_by_artx(f, d.names[k]), msg);
        }
        declared_free(&d);
    }
}

static void test_checks(void)
{
    artx_error err = {0};
    const artx_param_info *p = artx_param_find("prefill-target");
    OK(p && p->kind == ARTX_PARAM_CHOICE, "prefill-target is a choice");
    INT_EQ(artx_param_check(p, "yes", &err), 0, "prefill-target=yes");
    INT_EQ(artx_param_check(p, "true", &err), ARTX_ERR_USAGE, "prefill-target=true");
    STR_EQ(err.message, "'true' is not one of yes, no", "the allowed values are named");
    OK(artx_param_find("prefil-target") == NULL, "no such parameter");

    p = artx_param_find("target-lang");
    INT_EQ(artx_param_check(p, "pt-BR", &err), 0, "target-lang=pt-BR");
    INT_EQ(artx_param_check(p, "e n", &err), ARTX_ERR_USAGE, "target-lang='e n'");
    static const char *const good[] = {"en", "ko", "ko-KR", "pt-BR", "zh-Hant-TW",
                                       "sr-Latn", "de-CH-1996", "x-private"};
    static const char *const bad[] = {"", "e n", "en_US", "english-language-tag-too", "en-",
                                      "-en", "ko KR", "12"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        INT_EQ(artx_language_tag_check(good[i], &err), 0, good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        INT_EQ(artx_language_tag_check(bad[i], &err), ARTX_ERR_USAGE, bad[i]);

    p = artx_param_find("modified");
    INT_EQ(artx_param_check(p, "2026-12-02T10:00:00Z", &err), 0, "a timestamp");
    INT_EQ(artx_param_check(p, "2026-12-02 10:00:00", &err), ARTX_ERR_USAGE, "no T, no Z");
    INT_EQ(artx_param_check(p, "2026-13-02T10:00:00Z", &err), ARTX_ERR_USAGE, "month 13");
    INT_EQ(artx_param_check(p, "2026-1-02T10:00:00ZZ", &err), ARTX_ERR_USAGE, "short month");

    p = artx_param_find("identifier");
    INT_EQ(artx_param_check(p, "urn:isbn:9780000000000", &err), 0, "an identifier");
    INT_EQ(artx_param_check(p, "", &err), ARTX_ERR_USAGE, "an empty identifier");
    INT_EQ(artx_param_check(p, "a\nb", &err), ARTX_ERR_USAGE, "a line break");
}

static void test_formats(void)
{
    static const struct {
        const char *path;
        int format; /* -1: none */
    } cases[] = {
        {"out.xlf", ARTX_TO_XLIFF},   {"a/b.XLIFF", ARTX_TO_XLIFF},
        {"x.dbk", ARTX_TO_DOCBOOK},   {"x.epub", ARTX_TO_EPUB},
        {"x.html", ARTX_TO_XHTML},    {"x.xhtml", ARTX_TO_XHTML},
        {"x.htm", ARTX_TO_XHTML},     {"x.txt", ARTX_TO_TEXT},
        {"x.xml", ARTX_TO_ARTICLE},   {"x.pdf", -1},
        {"noext", -1},                {".xlf", -1},
        {"dir.xlf/name", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        artx_format f = ARTX_TO_ARTICLE;
        int ret = artx_format_from_path(cases[i].path, &f);
        if (cases[i].format < 0)
            INT_EQ(ret, ARTX_ERR_USAGE, cases[i].path);
        else if (INT_EQ(ret, 0, cases[i].path))
            INT_EQ(f, cases[i].format, cases[i].path);
    }
    size_t n;
    const artx_format_info *fi = artx_formats(&n);
    for (size_t i = 0; i < n; i++)
        INT_EQ(fi[i].format, (long long)i, "the table is in the order of artx_format");
    OK(fi[ARTX_TO_EPUB].binary && !fi[ARTX_TO_XLIFF].binary, "only EPUB is binary");
}

static void test_resources(void)
{
    size_t count = 0;
    bool has_common = false;
    for (const char *name; (name = artx_resource_name(count)); count++) {
        unsigned char *b = NULL;
        size_t len = 0;
        artx_error err = {0};
        OK(artx_resource(name, &b, &len, &err) == 0 && len > 0, name);
        free(b);
        has_common |= !strcmp(name, "common.xsl");
    }
    OK(count >= 10 && has_common, "the built-in files are listed");
    unsigned char *b = NULL;
    size_t len = 0;
    artx_error err = {0};
    INT_EQ(artx_resource("nope.xsl", &b, &len, &err), ARTX_ERR_XSLT, "no such built-in file");
}

int main(void)
{
    artx_init();
    test_table_matches_stylesheets();
    test_checks();
    test_formats();
    test_resources();
    artx_cleanup();
    return harness_done("test_params");
}
