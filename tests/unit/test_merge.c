/* test_merge.c - translated XLIFF back into an article (artx_merge):
 * extract a small article as XLIFF 2.0 and 1.2, fill the targets in the
 * DOM as a CAT tool would, merge, and check the article that comes back. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "internal.h"
#include "xpath_helpers.h"

/* Twelve segments: title.s1, p1.s1-2, p2.s1-2, h1.s1, f1.c.s1, f1.alt,
 * f1.credit, l1.i1.s1, l1.i1.l.i1.s1, q1.p1.s1. */
static const char source_article[] =
    "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"ko\"><head>"
    "<title id=\"title\">서울시 새 도서관</title><author email=\"a@e.com\">홍길동</author>"
    "<publisher>누리경제</publisher></head><body>"
    "<p id=\"p1\">첫 문장이다. 둘째 문장은 <em>강조</em>가 있다.</p>"
    "<p id=\"p2\">김 대표는 <a href=\"https://e.com/x\">기자회견</a>에서 말했다.<br/>"
    "다음 줄이다.</p>"
    "<h2 id=\"h1\">소제목이다</h2>"
    "<figure id=\"f1\"><img src=\"https://e.com/a.jpg\" width=\"600\" alt=\"도서관 사진\"/>"
    "<caption id=\"f1.c\">도서관 모습이다.</caption><credit>연합뉴스</credit></figure>"
    "<ul id=\"l1\"><li id=\"l1.i1\">항목 하나<ul id=\"l1.i1.l\">"
    "<li id=\"l1.i1.l.i1\">안쪽 항목</li></ul></li></ul>"
    "<blockquote id=\"q1\"><p id=\"q1.p1\">인용 문단이다.</p></blockquote></body></article>";
#define SEGMENTS 12

static artx_segmenter *seg;
static const char *const to_en[] = {"target-lang", "en", NULL};

/* Extract the source article in `format` and read the XLIFF back as a
 * merge input.  NULL (a failed check) when a step fails. */
static xmlDocPtr extract_at(const char *file, int line, artx_format format,
                            const char *const *params)
{
    xmlDocPtr art = article_parse(source_article, seg, NULL), xlf = NULL;
    unsigned char *out = NULL;
    size_t len = 0;
    artx_error err = {0};
    int rc = art ? artx_transform(art, format, params, &out, &len, &err) : ARTX_ERR_INVALID;
    if (!rc)
        rc = artx_read(out, len, "test.xlf", ARTX_FROM_XLIFF, &xlf, &err);
    if (!harness_int_eq(rc, 0, file, line, "extract and read back the XLIFF"))
        fprintf(stderr, "    message: %s\n", err.message);
    free(out);
    xmlFreeDoc(art);
    return xlf;
}
#define EXTRACT(format, params) extract_at(__FILE__, __LINE__, (format), (params))

/* Give every segment a target that is a copy of its source: 2.0
 * segment/target after segment/source; 1.2 trans-unit/target from
 * seg-source (OmegaT's mrk per segment), with no state.  `confirm`: 2.0
 * segments say state="translated", as a tool does once a translator
 * confirms a copy (else they keep the extraction's "initial"). */
static void copy_sources_as(xmlDocPtr xlf, bool confirm)
{
    xmlXPathObjectPtr segs = confirm ? xp_eval(xlf, "//x2:segment") : NULL;
    for (int i = 0; segs && segs->nodesetval && i < segs->nodesetval->nodeNr; i++)
        xmlSetProp(segs->nodesetval->nodeTab[i], BAD_CAST "state", BAD_CAST "translated");
    xmlXPathFreeObject(segs);
    xmlXPathObjectPtr o = xp_eval(xlf, "//x2:segment/x2:source | //x1:trans-unit/x1:seg-source"
                                       " | //x1:trans-unit[not(x1:seg-source)]/x1:source");
    for (int i = 0; o && o->nodesetval && i < o->nodesetval->nodeNr; i++) {
        xmlNodePtr src = o->nodesetval->nodeTab[i];
        xmlNodePtr tgt = xmlNewDocNode(xlf, src->ns, BAD_CAST "target", NULL);
        xmlAddChildList(tgt, xmlDocCopyNodeList(xlf, src->children));
        xmlAddNextSibling(src, tgt);
    }
    xmlXPathFreeObject(o);
}
#define copy_sources(xlf) copy_sources_as((xlf), true)

/* Replace the content of the node `expr` selects by `fragment`, parsed in
 * that node's context (so it gets the file's namespaces).  Returns false
 * when there is no such node or the fragment does not parse. */
static bool set_content(xmlDocPtr xlf, const char *expr, const char *fragment)
{
    xmlXPathObjectPtr o = xp_eval(xlf, expr);
    bool ok = o && o->nodesetval && o->nodesetval->nodeNr == 1;
    if (ok) {
        xmlNodePtr n = o->nodesetval->nodeTab[0], list = NULL;
        while (n->children) {
            xmlNodePtr k = n->children;
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        }
        ok = !*fragment ||
             xmlParseInNodeContext(n, fragment, (int)strlen(fragment), 0, &list) == XML_ERR_OK;
        if (ok && list)
            xmlAddChildList(n, list);
    }
    xmlXPathFreeObject(o);
    return ok;
}

/* Remove every node `expr` selects; returns how many. */
static int remove_nodes(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr o = xp_eval(doc, expr);
    int n = o && o->nodesetval ? o->nodesetval->nodeNr : 0;
    for (int i = 0; i < n; i++) {
        xmlUnlinkNode(o->nodesetval->nodeTab[i]);
        xmlFreeNode(o->nodesetval->nodeTab[i]);
    }
    xmlXPathFreeObject(o);
    return n;
}

/* A merge that must succeed: the article (NULL, and a failed check, when
 * it does not), the untranslated count in *untr. */
static xmlDocPtr merged_at(const char *file, int line, xmlDocPtr xlf,
                           const char *const *params, size_t *untr, const char *msg)
{
    xmlDocPtr out = NULL;
    artx_error err = {0};
    artx_merge_report report = {0};
    int rc = xlf ? artx_merge(xlf, params, &out, &report, &err) : ARTX_ERR_INVALID;
    if (!harness_int_eq(rc, 0, file, line, msg))
        fprintf(stderr, "    message: %s\n", err.message);
    *untr = report.nuntranslated;
    /* every untranslated segment names its unit and segment */
    for (size_t i = 0; i < report.nuntranslated; i++)
        harness_ok(*report.untranslated[i].unit && *report.untranslated[i].what, file, line,
                   "an untranslated segment names its unit and segment");
    harness_int_eq((long long)report.nrefused, 0, file, line, "a merge that succeeds refuses nothing");
    artx_merge_report_clear(&report);
    return out;
}
#define MERGED(...) merged_at(__FILE__, __LINE__, __VA_ARGS__)

/* The ids of the article's blocks and sentences, in document order. */
static char *ids(xmlDocPtr art)
{
    xmlXPathObjectPtr o = xp_eval(art, "//*[@id]/@id");
    xmlBufferPtr b = xmlBufferCreate();
    for (int i = 0; o && o->nodesetval && i < o->nodesetval->nodeNr; i++) {
        xmlChar *v = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
        xmlBufferCat(b, v);
        xmlBufferCat(b, BAD_CAST " ");
        xmlFree(v);
    }
    char *s = strdup((const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    xmlXPathFreeObject(o);
    return s;
}

/* Where a format keeps what the tests edit. */
typedef struct xliff_kind {
    artx_format format;
    const char *name;
    const char *target; /* the target of segment (unit, segment id) */
    const char *unit;   /* the unit of an id */
    const char *code;   /* the element of a paired inline code */
    const char *merge_data;
} xliff_kind;

static const xliff_kind kinds[] = {
    {ARTX_TO_XLIFF, "2.0", "//x2:unit[@id='%s']/x2:segment[@id='%s']/x2:target",
     "//x2:unit[@id='%s']", "pc", "//x2:skeleton"},
    {ARTX_TO_XLIFF12, "1.2", "//x1:trans-unit[@id='%s']/x1:target/x1:mrk[@mid='%s']",
     "//x1:trans-unit[@id='%s']", "g", "//x1:internal-file"},
};

/* Set one segment's target to `fragment`, in which %s stands for the
 * format's paired code element. */
static bool set_target_at(const char *file, int line, xmlDocPtr xlf, const xliff_kind *k,
                          const char *unit, const char *segment, const char *fragment)
{
    char expr[256], text[512];
    snprintf(expr, sizeof expr, k->target, unit, segment);
    snprintf(text, sizeof text, fragment, k->code, k->code, k->code, k->code);
    return harness_ok(set_content(xlf, expr, text), file, line, expr);
}
#define SET_TARGET(...) set_target_at(__FILE__, __LINE__, __VA_ARGS__)

/* "NAME: what", for the messages of checks run for each format.  Valid
 * until the next call. */
static const char *kmsg(const xliff_kind *k, const char *what)
{
    static char buf[200];
    snprintf(buf, sizeof buf, "%s: %s", k->name, what);
    return buf;
}

/* Copying source to target gives back the source article, in English. */
static void test_identity(const xliff_kind *k)
{
    xmlDocPtr xlf = EXTRACT(k->format, to_en);
    xmlDocPtr src = article_parse(source_article, seg, NULL);
    copy_sources(xlf);
    size_t untr;
    xmlDocPtr out = MERGED(xlf, to_en, &untr, kmsg(k, "identity merge succeeds"));
    INT_EQ(untr, 0, kmsg(k, "identity merge: nothing untranslated"));
    XP_STR_EQ(out, "/a:article/@xml:lang", "en", kmsg(k, "xml:lang is the target language"));
    char *want = ids(src), *got = ids(out);
    STR_EQ(got, want, kmsg(k, "the block and sentence ids are kept"));
    free(want);
    free(got);
    XP_STR_EQ(out, "//a:p[@id='p1']", "첫 문장이다. 둘째 문장은 강조가 있다.",
              kmsg(k, "p1's text"));
    XP_STR_EQ(out, "//a:s[@id='p1.s2']/a:em", "강조", kmsg(k, "em comes back"));
    XP_STR_EQ(out, "//a:s[@id='p2.s1']/a:a/@href", "https://e.com/x", kmsg(k, "a@href comes back"));
    XP_INT_EQ(out, "count(//a:p[@id='p2']/a:br)", 1, kmsg(k, "br comes back between sentences"));
    XP_STR_EQ(out, "//a:li[@id='l1.i1']/a:ul/a:li/@id", "l1.i1.l.i1", kmsg(k, "the nested list"));
    XP_STR_EQ(out, "//a:figure/a:img/@alt", "도서관 사진", kmsg(k, "alt"));
    XP_STR_EQ(out, "//a:figure/a:credit", "연합뉴스", kmsg(k, "credit"));
    XP_STR_EQ(out, "/a:article/a:head/a:author/@email", "a@e.com", kmsg(k, "head metadata copied"));
    XP_STR_EQ(out, "//a:blockquote/a:p/@id", "q1.p1", kmsg(k, "the quote"));
    /* All of it: the source article, but for its language. */
    xmlNodeSetLang(xmlDocGetRootElement(src), BAD_CAST "en");
    want = xml_serialise(src);
    got = xml_serialise(out);
    STR_EQ(got, want, kmsg(k, "identity merge: the source article in English"));
    free(want);
    free(got);
    xmlFreeDoc(out);
    xmlFreeDoc(src);
    xmlFreeDoc(xlf);

    /* No targets at all: every segment counts, the text is the source. */
    xlf = EXTRACT(k->format, to_en);
    XP_INT_EQ(xlf, "count(//x2:segment | //x1:seg-source/x1:mrk)", SEGMENTS,
              kmsg(k, "the file has all the segments"));
    out = MERGED(xlf, to_en, &untr, kmsg(k, "a merge without targets succeeds"));
    INT_EQ(untr, SEGMENTS, kmsg(k, "without targets, every segment is untranslated"));
    XP_STR_EQ(out, "//a:p[@id='p1']", "첫 문장이다. 둘째 문장은 강조가 있다.",
              kmsg(k, "without targets, the source text"));
    xmlFreeDoc(out);
    xmlFreeDoc(xlf);
}

/* Pseudo-translations in some segments, none in one, an empty one in
 * another: the article comes back with the targets where there are
 * some, and the count of the others. */
static void test_translated(const xliff_kind *k)
{
    xmlDocPtr xlf = EXTRACT(k->format, to_en);
    copy_sources(xlf);
    SET_TARGET(xlf, k, "title", "title.s1", "Seoul's new library");
    SET_TARGET(xlf, k, "p1", "p1.s1", "The first sentence.");
    SET_TARGET(xlf, k, "p1", "p1.s2", "The second has <%s id=\"1\">emphasis</%s>.");
    SET_TARGET(xlf, k, "p2", "p2.s1", "Kim spoke at a <%s id=\"1\">press conference</%s>.");
    SET_TARGET(xlf, k, "h1", "h1.s1", "");
    SET_TARGET(xlf, k, "f1.alt", "seg1", "Library photo");
    SET_TARGET(xlf, k, "f1.credit", "seg1", "Yonhap");
    char expr[256];
    snprintf(expr, sizeof expr, k->target, "p2", "p2.s2");
    INT_EQ(remove_nodes(xlf, expr), 1, kmsg(k, "the target of p2.s2 is removed"));

    size_t untr;
    xmlDocPtr out = MERGED(xlf, to_en, &untr, kmsg(k, "the merge succeeds"));
    INT_EQ(untr, 2, kmsg(k, "one missing and one empty target are untranslated"));
    XP_STR_EQ(out, "/a:article/@xml:lang", "en", kmsg(k, "xml:lang is the target language"));
    XP_STR_EQ(out, "/a:article/a:head/a:title", "Seoul's new library", kmsg(k, "the title"));
    XP_STR_EQ(out, "/a:article/a:head/a:title/a:s/@id", "title.s1", kmsg(k, "the title's s"));
    XP_STR_EQ(out, "//a:p[@id='p1']", "The first sentence. The second has emphasis.",
              kmsg(k, "p1 is its targets, with the space between them"));
    XP_STR_EQ(out, "//a:p[@id='p1']/a:s[2]/@id", "p1.s2", kmsg(k, "p1.s2 keeps its id"));
    XP_STR_EQ(out, "//a:s[@id='p1.s2']/a:em", "emphasis", kmsg(k, "the em around its translation"));
    XP_STR_EQ(out, "//a:s[@id='p2.s1']/a:a[@href='https://e.com/x']", "press conference",
              kmsg(k, "the link around its translation"));
    XP_STR_EQ(out, "//a:s[@id='p2.s2']", "다음 줄이다.",
              kmsg(k, "a missing target keeps the source"));
    XP_STR_EQ(out, "//a:h2[@id='h1']", "소제목이다", kmsg(k, "an empty target keeps the source"));
    XP_STR_EQ(out, "//a:figure/a:img/@alt", "Library photo", kmsg(k, "the alt's translation"));
    XP_STR_EQ(out, "//a:figure/a:credit", "Yonhap", kmsg(k, "the credit's translation"));
    XP_STR_EQ(out, "//a:figure/a:img/@src", "https://e.com/a.jpg", kmsg(k, "img@src kept"));
    XP_STR_EQ(out, "//a:li[@id='l1.i1.l.i1']", "안쪽 항목", kmsg(k, "a copied target"));
    xmlFreeDoc(out);
    xmlFreeDoc(xlf);
}

/* The article's language: the file's target language, else the
 * target-lang parameter, else the source language. */
static void test_language(const xliff_kind *k)
{
    static const char *const to_ja[] = {"target-lang", "ja", NULL};
    size_t untr;
    xmlDocPtr xlf = EXTRACT(k->format, to_en);
    xmlDocPtr out = MERGED(xlf, to_ja, &untr, kmsg(k, "merge a file into en, asking for ja"));
    XP_STR_EQ(out, "/a:article/@xml:lang", "en", kmsg(k, "the file's target language wins"));
    xmlFreeDoc(out);
    xmlFreeDoc(xlf);

    xlf = EXTRACT(k->format, NULL);
    out = MERGED(xlf, to_ja, &untr, kmsg(k, "merge a file with no target language"));
    XP_STR_EQ(out, "/a:article/@xml:lang", "ja", kmsg(k, "... in the target-lang parameter's"));
    xmlFreeDoc(out);

    /* Neither: labelled with the source language, the article would pass
     * for the original. */
    static const char *const blank[] = {"target-lang", " \t", NULL};
    const char *const *none[] = {NULL, blank};
    for (size_t i = 0; i < 2; i++) {
        artx_error err = {0};
        artx_merge_report report = {0};
        out = (xmlDocPtr)1;
        INT_EQ(artx_merge(xlf, none[i], &out, &report, &err), ARTX_ERR_USAGE,
               kmsg(k, i ? "a blank target-lang: ARTX_ERR_USAGE" : "no target language: ARTX_ERR_USAGE"));
        OK(out == NULL, kmsg(k, "... and no article"));
        OK(strstr(err.message, "names no target language: give it with -T LANG") != NULL,
           kmsg(k, "... the message asks for -T"));
        artx_merge_report_clear(&report);
    }
    xmlFreeDoc(xlf);
}

/* A target that is a copy of its source, while the state says it was
 * not translated (2.0 initial, 1.2 needs-translation as prefill-target
 * writes it), is untranslated; the same text with a code elsewhere is a
 * translation. */
static void test_copies(const xliff_kind *k)
{
    static const char *const prefill[] = {"target-lang", "en", "prefill-target", "yes", NULL};
    xmlDocPtr xlf = EXTRACT(k->format, k->format == ARTX_TO_XLIFF ? to_en : prefill);
    if (k->format == ARTX_TO_XLIFF)
        copy_sources_as(xlf, false);
    size_t untr;
    xmlDocPtr out = MERGED(xlf, to_en, &untr, kmsg(k, "merge untouched copies"));
    INT_EQ(untr, SEGMENTS, kmsg(k, "untouched copies: every segment is untranslated"));
    xmlFreeDoc(out);

    SET_TARGET(xlf, k, "p1", "p1.s1", "The first sentence.");
    SET_TARGET(xlf, k, "p1", "p1.s2", "둘째 문장은 <%s id=\"1\">강조가</%s> 있다.");
    out = MERGED(xlf, to_en, &untr, kmsg(k, "merge two edited copies"));
    INT_EQ(untr, SEGMENTS - 2, kmsg(k, "a translated target and a moved code are translations"));
    XP_STR_EQ(out, "//a:s[@id='p1.s2']/a:em", "강조가", kmsg(k, "the moved code is merged"));
    xmlFreeDoc(out);

    /* a translator says a copy is the translation */
    xmlXPathObjectPtr o = xp_eval(xlf, "//x2:segment[@id='h1.s1'] | //x1:trans-unit[@id='h1']/x1:target");
    OK(o && o->nodesetval && o->nodesetval->nodeNr == 1, kmsg(k, "h1's segment state"));
    if (o && o->nodesetval && o->nodesetval->nodeNr == 1)
        xmlSetProp(o->nodesetval->nodeTab[0], BAD_CAST "state", BAD_CAST "translated");
    xmlXPathFreeObject(o);
    out = MERGED(xlf, to_en, &untr, kmsg(k, "merge a confirmed copy"));
    INT_EQ(untr, SEGMENTS - 3, kmsg(k, "a copy in state translated is a translation"));
    xmlFreeDoc(out);
    xmlFreeDoc(xlf);
}

/* Merge a broken file: refused with ARTX_ERR_INVALID, a message "unit
 * ..." that names `unit`, no article. */
static void refused_at(const char *file, int line, xmlDocPtr xlf, const char *unit, const char *msg)
{
    xmlDocPtr out = (xmlDocPtr)1;
    artx_merge_report report = {0};
    artx_error err = {0};
    char m[200];
    snprintf(m, sizeof m, "%s: ARTX_ERR_INVALID", msg);
    harness_int_eq(artx_merge(xlf, to_en, &out, &report, &err), ARTX_ERR_INVALID, file, line, m);
    snprintf(m, sizeof m, "%s: the report's first refusal is unit %s, as the message", msg, unit);
    harness_ok(report.nrefused > 0 && !strcmp(report.refused[0].unit, unit) &&
                   !strcmp(report.refused[0].what, err.message),
               file, line, m);
    artx_merge_report_clear(&report);
    snprintf(m, sizeof m, "%s: err.status", msg);
    harness_int_eq(err.status, ARTX_ERR_INVALID, file, line, m);
    snprintf(m, sizeof m, "%s: the message starts \"unit \"", msg);
    harness_ok(!strncmp(err.message, "unit ", 5), file, line, m);
    snprintf(m, sizeof m, "%s: the message names %s", msg, unit);
    if (!harness_ok(strstr(err.message + 4, unit) != NULL, file, line, m))
        fprintf(stderr, "    message: %s\n", err.message);
    snprintf(m, sizeof m, "%s: no article", msg);
    harness_ok(out == NULL, file, line, m);
    xmlFreeDoc(out);
}
#define REFUSED(...) refused_at(__FILE__, __LINE__, __VA_ARGS__)

static void test_refused(const xliff_kind *k)
{
    char expr[256];
    /* A unit the merge data does not know (besides all that it knows). */
    xmlDocPtr xlf = EXTRACT(k->format, to_en);
    copy_sources(xlf);
    snprintf(expr, sizeof expr, k->unit, "p1");
    xmlXPathObjectPtr o = xp_eval(xlf, expr);
    if (OK(o && o->nodesetval && o->nodesetval->nodeNr == 1, kmsg(k, "unit p1 is there"))) {
        xmlNodePtr extra = xmlDocCopyNode(o->nodesetval->nodeTab[0], xlf, 1);
        xmlSetProp(extra, BAD_CAST "id", BAD_CAST "p99");
        xmlAddNextSibling(o->nodesetval->nodeTab[0], extra);
    }
    xmlXPathFreeObject(o);
    REFUSED(xlf, "p99", kmsg(k, "an unknown unit"));
    xmlFreeDoc(xlf);

    xlf = EXTRACT(k->format, to_en);
    copy_sources(xlf);
    snprintf(expr, sizeof expr, k->unit, "p2");
    INT_EQ(remove_nodes(xlf, expr), 1, kmsg(k, "unit p2 is removed"));
    REFUSED(xlf, "p2", kmsg(k, "a missing unit"));
    /* The status comes from the report, not from the message: with no
     * artx_error (it is optional) a refusal is still ARTX_ERR_INVALID. */
    xmlDocPtr none = NULL;
    INT_EQ(artx_merge(xlf, to_en, &none, NULL, NULL), ARTX_ERR_INVALID,
           kmsg(k, "a missing unit without an artx_error: still ARTX_ERR_INVALID"));
    xmlFreeDoc(none);
    xmlFreeDoc(xlf);

    /* Two missing units: the report lists both, in document order. */
    xlf = EXTRACT(k->format, to_en);
    copy_sources(xlf);
    snprintf(expr, sizeof expr, k->unit, "p2");
    remove_nodes(xlf, expr);
    snprintf(expr, sizeof expr, k->unit, "h1");
    remove_nodes(xlf, expr);
    artx_merge_report report = {0};
    xmlDocPtr two = NULL;
    INT_EQ(artx_merge(xlf, to_en, &two, &report, NULL), ARTX_ERR_INVALID,
           kmsg(k, "two missing units: refused"));
    if (INT_EQ(report.nrefused, 2, kmsg(k, "two missing units: two refusals in the report"))) {
        STR_EQ(report.refused[0].unit, "p2", kmsg(k, "the first refusal is p2"));
        STR_EQ(report.refused[1].unit, "h1", kmsg(k, "the second refusal is h1"));
    }
    artx_merge_report_clear(&report);
    artx_merge_report_clear(&report);
    xmlFreeDoc(two);
    xmlFreeDoc(xlf);

    xlf = EXTRACT(k->format, to_en);
    copy_sources(xlf);
    SET_TARGET(xlf, k, "p1", "p1.s2", "<%s id=\"1\">one</%s> and <%s id=\"1\">two</%s>.");
    REFUSED(xlf, "p1", kmsg(k, "an inline code used twice"));
    xmlFreeDoc(xlf);

    xlf = EXTRACT(k->format, to_en);
    copy_sources(xlf);
    SET_TARGET(xlf, k, "p2", "p2.s1", "Kim spoke at a press conference.");
    REFUSED(xlf, "p2", kmsg(k, "an inline code missing from the target"));
    xmlFreeDoc(xlf);

    xlf = EXTRACT(k->format, to_en);
    copy_sources(xlf);
    INT_EQ(remove_nodes(xlf, k->merge_data), 1, kmsg(k, "the merge data is removed"));
    REFUSED(xlf, "(file)", kmsg(k, "no merge data"));
    xmlFreeDoc(xlf);
}

/* The source side of a bilingual book: the article the file was
 * extracted from, in the language the file names as its source; paired
 * with a translation, a bilingual XHTML page holds both, each with its
 * language, and no other format is bilingual. */
static void test_source(const xliff_kind *k)
{
    static const char *const ko_kr[] = {"target-lang", "en", "source-lang", "ko-KR", NULL};
    xmlDocPtr xlf = EXTRACT(k->format, ko_kr);
    xmlDocPtr src = article_parse(source_article, seg, NULL), out = NULL, translated = NULL;
    artx_error err = {0};
    INT_EQ(artx_merge_source(xlf, &out, &err), 0, kmsg(k, "the source article comes out"));
    xmlNodeSetLang(xmlDocGetRootElement(src), BAD_CAST "ko-KR");
    char *want = xml_serialise(src), *got = out ? xml_serialise(out) : NULL;
    STR_EQ(got, want, kmsg(k, "it is the extracted article, in the file's source language"));
    free(want);
    free(got);

    copy_sources_as(xlf, false);
    SET_TARGET(xlf, k, "p1", "p1.s1", "The first sentence.");
    size_t untr;
    translated = MERGED(xlf, to_en, &untr, kmsg(k, "a translation to pair with it"));
    unsigned char *page = NULL;
    size_t len = 0;
    INT_EQ(artx_transform_bilingual(out, translated, ARTX_TO_XHTML, NULL, &page, &len, &err), 0,
           kmsg(k, "a bilingual page"));
    xmlDocPtr html = page ? xml_parse((const char *)page) : NULL;
    XP_STR_EQ(html, "//h:p[@class='source'][following-sibling::h:p[1][@id='p1']]/@lang", "ko-KR",
              kmsg(k, "p1's source before it, in the source language"));
    XP_STR_EQ(html, "//h:p[@id='p1']/@lang", "en", kmsg(k, "p1 in the translation's"));
    XP_STR_EQ(html, "//h:p[@id='p1']/h:span/@lang", "ko-KR",
              kmsg(k, "its sentence left untranslated marked with the source language"));
    XP_STR_EQ(html, "//h:p[@id='p2']/@lang", "ko-KR",
              kmsg(k, "an untranslated paragraph once, in the source language"));
    XP_INT_EQ(html, "count(//h:p[@id='p2']/preceding-sibling::h:p[1][@class='source'])", 0,
              kmsg(k, "... with no source paragraph before it"));
    xmlFreeDoc(html);
    free(page);
    page = (unsigned char *)1;
    INT_EQ(artx_transform_bilingual(out, translated, ARTX_TO_DOCBOOK, NULL, &page, &len, &err),
           ARTX_ERR_USAGE, kmsg(k, "DocBook is not bilingual"));
    OK(page == NULL, kmsg(k, "... and gives no output"));
    xmlFreeDoc(translated);
    xmlFreeDoc(out);

    INT_EQ(remove_nodes(xlf, k->merge_data), 1, kmsg(k, "the merge data is removed"));
    out = (xmlDocPtr)1;
    INT_EQ(artx_merge_source(xlf, &out, &err), ARTX_ERR_INVALID,
           kmsg(k, "no merge data, no source article"));
    OK(out == NULL, kmsg(k, "... and *out is NULL"));
    xmlFreeDoc(src);
    xmlFreeDoc(xlf);
}

/* artx_tmx: one tu per segment the merge would translate, the source
 * article's identifier, the merge's refusals; artx_transform refuses the
 * format on an article. */
static void test_tmx(const xliff_kind *k)
{
    xmlDocPtr xlf = EXTRACT(k->format, to_en);
    copy_sources(xlf);
    SET_TARGET(xlf, k, "p1", "p1.s1", "First sentence.");
    SET_TARGET(xlf, k, "p1", "p1.s2", "");
    artx_merge_report report = {0};
    artx_error err = {0};
    unsigned char *out = NULL;
    size_t len = 0;
    unsetenv("SOURCE_DATE_EPOCH");
    INT_EQ(artx_tmx(xlf, to_en, &out, &len, &report, &err), 0, kmsg(k, "artx_tmx succeeds"));
    xmlDocPtr tmx = out ? xml_parse((const char *)out) : NULL;
    OK(out && len == strlen((const char *)out), kmsg(k, "the TMX is NUL-terminated, len bytes"));
    /* 1.2 copies have no state: translations; 2.0's are confirmed */
    XP_INT_EQ(tmx, "count(//tu)", SEGMENTS - 1, kmsg(k, "a tu for every segment but the empty one"));
    INT_EQ(report.nuntranslated, 1, kmsg(k, "the empty one is reported"));
    XP_STR_EQ(tmx, "//tu[prop[@type='x-artx-segment'] = 'p1.s1']/tuv[2]/seg", "First sentence.",
              kmsg(k, "p1.s1's translation"));
    XP_STR_EQ(tmx, "//tu[prop[@type='x-artx-segment'] = 'p1.s1']/tuv[1]/@xml:lang", "ko",
              kmsg(k, "the source tuv's language"));
    XP_INT_EQ(tmx, "count(//tu[prop[@type='x-artx-segment'] = 'p1.s2'])", 0,
              kmsg(k, "no tu for the empty target"));
    XP_INT_EQ(tmx, "count(/tmx/header/@creationdate)", 0, kmsg(k, "no creationdate"));
    xmlDocPtr src = NULL;
    char uid[64] = "";
    if (!artx_merge_source(xlf, &src, &err))
        artx_article_identifier(src, NULL, uid, sizeof uid);
    XP_STR_EQ(tmx, "//tu[1]/prop[@type='x-artx-article']", uid,
              kmsg(k, "x-artx-article is the source article's identifier"));
    xmlFreeDoc(src);
    xmlFreeDoc(tmx);
    free(out);
    artx_merge_report_clear(&report);

    /* A refused file: no output, the refusal reported; a NULL report. */
    SET_TARGET(xlf, k, "p2", "p2.s1", "Kim spoke.");
    INT_EQ(artx_tmx(xlf, to_en, &out, &len, &report, &err), ARTX_ERR_INVALID,
           kmsg(k, "a lost code refuses the TMX"));
    OK(out == NULL && len == 0, kmsg(k, "... with no output"));
    OK(report.nrefused > 0, kmsg(k, "... and the refusal in the report"));
    artx_merge_report_clear(&report);
    INT_EQ(artx_tmx(xlf, to_en, &out, &len, NULL, NULL), ARTX_ERR_INVALID,
           kmsg(k, "a NULL report and error"));
    xmlFreeDoc(xlf);

    xmlDocPtr art = article_parse(source_article, seg, NULL);
    INT_EQ(artx_transform(art, ARTX_TO_TMX, to_en, &out, &len, &err), ARTX_ERR_USAGE,
           kmsg(k, "artx_transform makes no TMX of an article"));
    OK(out == NULL, kmsg(k, "... and no output"));
    xmlFreeDoc(art);
}

/* Documents that are not XLIFF at all. */
static void test_not_xliff(void)
{
    xmlDocPtr art = article_parse(source_article, seg, NULL);
    REFUSED(art, "(file)", "an article is not XLIFF");
    xmlFreeDoc(art);
    xmlDocPtr other = xml_parse("<xliff xmlns=\"urn:example:not-xliff\" version=\"2.0\"/>");
    REFUSED(other, "(file)", "an xliff root in another namespace");
    xmlFreeDoc(other);
}

int main(void)
{
    artx_init();
    artx_error err = {0};
    INT_EQ(artx_segmenter_new(NULL, &seg, &err), 0, "the built-in rules load");
    if (seg) {
        for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
            test_identity(&kinds[i]);
            test_translated(&kinds[i]);
            test_language(&kinds[i]);
            test_copies(&kinds[i]);
            test_refused(&kinds[i]);
            test_source(&kinds[i]);
            test_tmx(&kinds[i]);
        }
        test_not_xliff();
    }
    artx_segmenter_free(seg);
    artx_cleanup();
    return harness_done("test_merge");
}
