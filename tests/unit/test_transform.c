/* test_transform.c - the output formats (artx_transform): names and
 * extensions, every format on a small article, the EPUB container's OCF
 * layout and reproducibility, customised stylesheets and parameters. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "harness.h"
#include "internal.h"
#include "xpath_helpers.h"
#include "zip_helpers.h"

static const char source_article[] =
    "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"ko\"><head>"
    "<title id=\"title\">서울시 새 도서관</title>"
    "<published precision=\"day\">2025-12-04</published>"
    "<author email=\"a@e.com\">홍길동</author><publisher>누리경제</publisher>"
    "<rights>ⓒ 누리경제 무단 전재 금지</rights><reservation tdm=\"reserved\" basis=\"rights\"/>"
    "</head><body>"
    "<p id=\"p1\">첫 문장이다. 둘째 문장은 <em>강조</em>가 있다.</p>"
    "<h2 id=\"h1\">소제목이다</h2><p id=\"p2\">셋째 문단이다.</p></body></article>";

static const char *const to_en[] = {"target-lang", "en", NULL};

/* artx_transform as a NUL-terminated string (NULL on failure, with the
 * reason on stderr).  The caller frees it. */
static char *transform(xmlDocPtr art, artx_format format, const char *const *params,
                       size_t *len)
{
    unsigned char *out = NULL;
    size_t n = 0;
    artx_error err = {0};
    int rc = art ? artx_transform(art, format, params, &out, &n, &err) : ARTX_ERR_INVALID;
    if (rc) {
        fprintf(stderr, "    transform: %s\n", err.message);
        free(out);
        return NULL;
    }
    if (len)
        *len = n;
    return (char *)out;
}

/* artx_transform's output parsed back as XML (NULL when either fails). */
static xmlDocPtr transform_doc(xmlDocPtr art, artx_format format, const char *const *params)
{
    char *s = transform(art, format, params, NULL);
    xmlDocPtr d = s ? xml_parse(s) : NULL;
    free(s);
    return d;
}

static void test_names(void)
{
    static const struct {
        const char *name;
        artx_format format;
        const char *extension;
    } names[] = {
        {"article", ARTX_TO_ARTICLE, "xml"}, {"text", ARTX_TO_TEXT, "txt"},
        {"xliff", ARTX_TO_XLIFF, "xlf"},     {"xliff12", ARTX_TO_XLIFF12, "xlf"},
        {"docbook", ARTX_TO_DOCBOOK, "dbk"}, {"xhtml", ARTX_TO_XHTML, "html"},
        {"epub", ARTX_TO_EPUB, "epub"},
    };
    char msg[96];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        artx_format f = (artx_format)-1;
        snprintf(msg, sizeof msg, "format \"%s\" is known", names[i].name);
        INT_EQ(artx_format_from_name(names[i].name, &f), 0, msg);
        snprintf(msg, sizeof msg, "format \"%s\" is its enum", names[i].name);
        INT_EQ(f, names[i].format, msg);
        snprintf(msg, sizeof msg, "format \"%s\" has extension .%s", names[i].name,
                 names[i].extension);
        STR_EQ(artx_format_extension(names[i].format), names[i].extension, msg);
    }
    static const char *const unknown[] = {"pdf", "", "XLIFF", "xliff20", "epub3"};
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
        artx_format f;
        snprintf(msg, sizeof msg, "format \"%s\" is ARTX_ERR_USAGE", unknown[i]);
        INT_EQ(artx_format_from_name(unknown[i], &f), ARTX_ERR_USAGE, msg);
    }
}

/* Each format but EPUB, parsed back (text: read as it is). */
static void test_formats(xmlDocPtr art)
{
    xmlDocPtr d = transform_doc(art, ARTX_TO_ARTICLE, NULL);
    OK(d != NULL, "article: well-formed");
    XP_STR_EQ(d, "namespace-uri(/*)", ARTX_NS, "article: the article namespace");
    XP_STR_EQ(d, "//a:s[@id='p1.s2']/a:em", "강조", "article: sentences and inline markup");
    XP_STR_EQ(d, "normalize-space(//a:p[@id='p1'])", "첫 문장이다. 둘째 문장은 강조가 있다.",
              "article: the indentation adds no text to a block");
    xmlFreeDoc(d);

    char *s = transform(art, ARTX_TO_TEXT, NULL, NULL);
    STR_EQ(s,
           "서울시 새 도서관\n\n첫 문장이다. 둘째 문장은 강조가 있다.\n\n소제목이다\n\n"
           "셋째 문단이다.\n",
           "text: the title line, then blocks between blank lines");
    free(s);

    d = transform_doc(art, ARTX_TO_XLIFF, to_en);
    OK(d != NULL, "XLIFF 2.0: well-formed");
    XP_OK(d, "/x2:xliff[@version='2.0']", "XLIFF 2.0: root in the 2.0 namespace");
    XP_STR_EQ(d, "/x2:xliff/@srcLang", "ko", "XLIFF 2.0: srcLang is the article's");
    XP_STR_EQ(d, "/x2:xliff/@trgLang", "en", "XLIFF 2.0: trgLang from target-lang");
    XP_INT_EQ(d, "count(//x2:unit)", 4, "XLIFF 2.0: a unit per block");
    XP_INT_EQ(d, "count(//x2:skeleton/a:article)", 1, "XLIFF 2.0: the merge data");
    XP_STR_EQ(d, "/x2:xliff/x2:file/x2:notes/x2:note[@category='rights']",
              "ⓒ 누리경제 무단 전재 금지", "XLIFF 2.0: the rights travel as a file note");
    XP_INT_EQ(d, "count(/x2:xliff/x2:file/x2:notes/x2:note[@category='tdm-reservation'])", 1,
              "XLIFF 2.0: so does the TDM reservation");
    xmlFreeDoc(d);

    d = transform_doc(art, ARTX_TO_XLIFF12, to_en);
    OK(d != NULL, "XLIFF 1.2: well-formed");
    XP_OK(d, "/x1:xliff[@version='1.2']", "XLIFF 1.2: root in the 1.2 namespace");
    XP_STR_EQ(d, "/x1:xliff/x1:file/@source-language", "ko", "XLIFF 1.2: source-language");
    XP_STR_EQ(d, "/x1:xliff/x1:file/@target-language", "en", "XLIFF 1.2: target-language");
    XP_INT_EQ(d, "count(//x1:trans-unit)", 4, "XLIFF 1.2: a trans-unit per block");
    XP_OK(d, "starts-with(//x1:internal-file, '<article')", "XLIFF 1.2: the merge data");
    XP_STR_EQ(d, "/x1:xliff/x1:file/x1:header/x1:note", "ⓒ 누리경제 무단 전재 금지",
              "XLIFF 1.2: the rights travel as a header note");
    xmlFreeDoc(d);

    d = transform_doc(art, ARTX_TO_DOCBOOK, NULL);
    OK(d != NULL, "DocBook: well-formed");
    XP_OK(d, "/db:article[@version='5.0']", "DocBook: a DocBook 5 article");
    XP_STR_EQ(d, "/db:article/db:info/db:title", "서울시 새 도서관", "DocBook: the title");
    XP_STR_EQ(d, "//db:legalnotice/db:para", "ⓒ 누리경제 무단 전재 금지",
              "DocBook: rights as legalnotice");
    XP_STR_EQ(d, "//db:section[@xml:id='h1']/db:para/@xml:id", "p2",
              "DocBook: a subheading opens a section");
    xmlFreeDoc(d);

    d = transform_doc(art, ARTX_TO_XHTML, NULL);
    OK(d != NULL, "XHTML: well-formed");
    XP_STR_EQ(d, "/h:html/h:head/h:title", "서울시 새 도서관", "XHTML: the title");
    XP_STR_EQ(d, "/h:html/@lang", "ko", "XHTML: the language");
    XP_STR_EQ(d, "//h:h1", "서울시 새 도서관", "XHTML: the headline");
    XP_STR_EQ(d, "//h:p[@id='p1']/h:em", "강조", "XHTML: inline markup");
    xmlFreeDoc(d);

    unsigned char *out = (unsigned char *)"x";
    size_t len = 1;
    artx_error err = {0};
    INT_EQ(artx_transform(art, (artx_format)99, NULL, &out, &len, &err), ARTX_ERR_USAGE,
           "an unknown format is ARTX_ERR_USAGE");
    OK(out == NULL && len == 0, "... with no output");
}

/* artx_transform_take gives the same bytes as artx_transform in every
 * format, and takes the article whatever the outcome. */
static void test_take(xmlDocPtr art)
{
    static const artx_format all[] = {ARTX_TO_ARTICLE, ARTX_TO_TEXT, ARTX_TO_XLIFF,
                                      ARTX_TO_XLIFF12, ARTX_TO_DOCBOOK, ARTX_TO_XHTML};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        size_t want_len = 0, len = 0;
        char *want = transform(art, all[i], to_en, &want_len);
        xmlDocPtr copy = xmlCopyDoc(art, 1);
        unsigned char *out = NULL;
        artx_error err = {0};
        INT_EQ(artx_transform_take(&copy, all[i], to_en, &out, &len, &err), 0,
               "take: converts");
        OK(copy == NULL, "take: the article is taken");
        OK(want && out && len == want_len && !memcmp(out, want, len),
           "take: the same bytes as artx_transform");
        free(out);
        free(want);
    }
    xmlDocPtr copy = xmlCopyDoc(art, 1);
    unsigned char *out = NULL;
    size_t len = 0;
    artx_error err = {0};
    INT_EQ(artx_transform_take(&copy, (artx_format)99, NULL, &out, &len, &err), ARTX_ERR_USAGE,
           "take: an unknown format fails");
    OK(copy == NULL && out == NULL, "take: ... and the article is taken all the same");
}

/* DocBook: an h2 followed by a block opens a section; runs of h2 with
 * nothing under them are bridgeheads at the end of the part before (at the
 * start, between sections, at the end). */
static void test_docbook_runs(artx_segmenter *seg)
{
    static const char runs[] =
        "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"en\"><head>"
        "<title id=\"title\">Runs</title></head><body>"
        "<h2 id=\"h1\">A</h2><h2 id=\"h2\">B</h2><p id=\"p1\">One.</p>"
        "<h2 id=\"h3\">C</h2><p id=\"p2\">Two.</p><h2 id=\"h4\">D</h2><h2 id=\"h5\">E</h2>"
        "<h2 id=\"h6\">F</h2><ul id=\"l1\"><li id=\"l1.i1\">Three.</li></ul>"
        "<h2 id=\"h7\">G</h2><h2 id=\"h8\">H</h2></body></article>";
    xmlDocPtr art = article_parse(runs, seg, NULL);
    xmlDocPtr d = art ? transform_doc(art, ARTX_TO_DOCBOOK, NULL) : NULL;
    OK(d != NULL, "DocBook runs: converts");
    XP_STR_EQ(d, "string(/db:article/db:bridgehead/@xml:id)", "h1",
              "DocBook runs: a leading run's bridgehead comes before the sections");
    XP_STR_EQ(d, "string(/db:article/db:section[1]/@xml:id)", "h2",
              "DocBook runs: the run's last h2 opens the first section");
    XP_STR_EQ(d, "string(/db:article/db:section[2]/db:bridgehead[1]/@xml:id)", "h4",
              "DocBook runs: a run between sections ends the section before");
    XP_STR_EQ(d, "string(/db:article/db:section[2]/db:bridgehead[2]/@xml:id)", "h5",
              "DocBook runs: ... all of it, in order");
    XP_STR_EQ(d, "string(/db:article/db:section[3]/@xml:id)", "h6",
              "DocBook runs: and its last h2 opens the next section");
    XP_INT_EQ(d, "count(/db:article/db:section[4])", 0, "DocBook runs: three h2 open sections");
    XP_STR_EQ(d, "concat(/db:article/db:section[3]/db:bridgehead[1]/@xml:id, ' ',"
              " /db:article/db:section[3]/db:bridgehead[2]/@xml:id)", "h7 h8",
              "DocBook runs: a trailing run ends the last section");
    XP_INT_EQ(d, "count(//db:bridgehead | //db:section)", 8, "DocBook runs: every h2 once");
    xmlFreeDoc(d);
    xmlFreeDoc(art);
}

/* Parameters reach the built-in stylesheets. */
static void test_params(xmlDocPtr art)
{
    static const char *const langs[] = {"target-lang", "ja", "source-lang", "ko-KR", NULL};
    xmlDocPtr d = transform_doc(art, ARTX_TO_XLIFF, langs);
    XP_STR_EQ(d, "/x2:xliff/@srcLang", "ko-KR", "source-lang overrides srcLang");
    XP_STR_EQ(d, "/x2:xliff/@trgLang", "ja", "target-lang sets trgLang");
    xmlFreeDoc(d);

    d = transform_doc(art, ARTX_TO_XLIFF, NULL);
    XP_INT_EQ(d, "count(/x2:xliff/@trgLang)", 0, "no target-lang: no trgLang");
    xmlFreeDoc(d);

    static const char *const prefill[] = {"target-lang", "en", "prefill-target", "yes", NULL};
    d = transform_doc(art, ARTX_TO_XLIFF12, prefill);
    XP_INT_EQ(d, "count(//x1:trans-unit[x1:target])", 4, "1.2 prefill-target=yes: targets");
    XP_STR_EQ(d, "//x1:trans-unit[@id='p1']/x1:target/x1:mrk[@mid='p1.s1']", "첫 문장이다.",
              "1.2 prefill-target=yes: the source in the target");
    xmlFreeDoc(d);
}

/* Each XML part of the container is there and well-formed. */
static void check_epub_parts(const unsigned char *zip, size_t len)
{
    static const char *const parts[] = {"META-INF/container.xml", "EPUB/package.opf",
                                        "EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/article.xhtml"};
    char msg[96];
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        char *s = zip_entry(zip, len, parts[i]);
        xmlDocPtr d = s ? xml_parse(s) : NULL;
        snprintf(msg, sizeof msg, "EPUB: %s is there and well-formed", parts[i]);
        OK(d != NULL, msg);
        xmlFreeDoc(d);
        free(s);
    }
    char *css = zip_entry(zip, len, "EPUB/style.css");
    OK(css && *css, "EPUB: the stylesheet is there");
    free(css);
}

/* The container's package document, parsed (NULL when it is not there). */
static xmlDocPtr epub_opf(const unsigned char *zip, size_t len)
{
    char *opf = zip ? zip_entry(zip, len, "EPUB/package.opf") : NULL;
    xmlDocPtr d = opf ? xml_parse(opf) : NULL;
    free(opf);
    return d;
}

/* OCF: the first local header is "mimetype", stored, with no extra field,
 * the bytes "application/epub+zip" right after its name. */
static void check_ocf(const unsigned char *zip, size_t len)
{
    if (!OK(zip && len > 38 + 20, "EPUB: made"))
        return;
    INT_EQ(rd32(zip), 0x04034b50, "EPUB: a local header first");
    INT_EQ(rd16(zip + 26), 8, "EPUB: its name is 8 bytes");
    OK(!memcmp(zip + 30, "mimetype", 8), "EPUB: the first entry is mimetype");
    INT_EQ(rd16(zip + 8), 0, "EPUB: mimetype is stored (method 0)");
    INT_EQ(rd16(zip + 28), 0, "EPUB: mimetype has no extra field");
    INT_EQ(rd32(zip + 18), 20, "EPUB: mimetype is 20 bytes packed");
    INT_EQ(rd32(zip + 22), 20, "EPUB: ... and unpacked");
    OK(!memcmp(zip + 38, "application/epub+zip", 20), "EPUB: mimetype's content");
    check_epub_parts(zip, len);
}

static void test_epub(xmlDocPtr art)
{
    const char *saved = getenv("SOURCE_DATE_EPOCH");
    char *restore = saved ? strdup(saved) : NULL;
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    size_t len = 0, len2 = 0;
    unsigned char *zip = (unsigned char *)transform(art, ARTX_TO_EPUB, NULL, &len);
    unsigned char *again = (unsigned char *)transform(art, ARTX_TO_EPUB, NULL, &len2);
    check_ocf(zip, len);
    xmlDocPtr opf = epub_opf(zip, len);
    XP_STR_EQ(opf, "//*[@property='dcterms:modified']", "2023-11-14T22:13:20Z",
              "EPUB: dcterms:modified from SOURCE_DATE_EPOCH");
    XP_OK(opf, "starts-with(//*[local-name()='identifier'], 'urn:uuid:')",
          "EPUB: a urn:uuid identifier");
    XP_STR_EQ(opf, "//*[local-name()='rights']", "ⓒ 누리경제 무단 전재 금지", "EPUB: dc:rights");
    XP_STR_EQ(opf, "//*[@property='tdm:reservation']", "1", "EPUB: the TDM reservation");
    char *uid = xp_string(opf, "//*[local-name()='identifier']");
    xmlFreeDoc(opf);
    OK(zip && again && len == len2 && !memcmp(zip, again, len),
       "EPUB: the same SOURCE_DATE_EPOCH gives the same bytes");
    free(again);

    setenv("SOURCE_DATE_EPOCH", "1800000000", 1);
    again = (unsigned char *)transform(art, ARTX_TO_EPUB, NULL, &len2);
    OK(zip && again && (len != len2 || memcmp(zip, again, len)),
       "EPUB: another SOURCE_DATE_EPOCH gives other bytes");
    opf = epub_opf(again, len2);
    XP_STR_EQ(opf, "//*[local-name()='identifier']", uid,
              "EPUB: ... but the same identifier for the same article");
    xmlFreeDoc(opf);
    free(again);
    free(uid);

    static const char *const id[] = {"identifier", "urn:isbn:9780000000002", NULL};
    again = (unsigned char *)transform(art, ARTX_TO_EPUB, id, &len2);
    opf = epub_opf(again, len2);
    XP_STR_EQ(opf, "//*[local-name()='identifier']", "urn:isbn:9780000000002",
              "EPUB: the caller's identifier parameter wins");
    xmlFreeDoc(opf);
    free(again);
    free(zip);
    if (restore)
        setenv("SOURCE_DATE_EPOCH", restore, 1);
    else
        unsetenv("SOURCE_DATE_EPOCH");
    free(restore);
}

/* artx_transform_book: the same article twice as one EPUB, a content
 * document each; the article is not modified; what it refuses. */
static void test_book(xmlDocPtr art)
{
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    xmlDocPtr two[] = {art, art};
    unsigned char *zip = NULL, *before = NULL, *after = NULL, *single = NULL;
    size_t len = 0, blen = 0, alen = 0, slen = 0;
    artx_error err = {0};
    artx_xml_serialise(art, &before, &blen, NULL);
    INT_EQ(artx_transform_book(two, 2, "Two", ARTX_TO_EPUB, NULL, &zip, &len, &err), 0,
           "book: two articles");
    artx_xml_serialise(art, &after, &alen, NULL);
    OK(before && after && blen == alen && !memcmp(before, after, blen),
       "book: the article is not modified");
    if (zip) {
        OK(!memcmp(zip + 30, "mimetype", 8), "book: mimetype first");
        for (int k = 1; k <= 2; k++) {
            char name[32];
            snprintf(name, sizeof name, "EPUB/a%d.xhtml", k);
            char *doc = zip_entry(zip, len, name);
            xmlDocPtr d = doc ? xml_parse(doc) : NULL;
            OK(d != NULL, "book: a content document per article");
            xmlFreeDoc(d);
            free(doc);
        }
    }
    xmlDocPtr opf = epub_opf(zip, len);
    XP_STR_EQ(opf, "//*[local-name()='title']", "Two", "book: dc:title");
    XP_OK(opf, "count(//*[local-name()='itemref']) = 2", "book: two spine items");
    single = (unsigned char *)transform(art, ARTX_TO_EPUB, NULL, &slen);
    xmlDocPtr one = epub_opf(single, slen);
    char *uid = xp_string(one, "//*[local-name()='identifier']");
    XP_OK(opf, "starts-with(//*[local-name()='identifier'], 'urn:uuid:')", "book: a urn:uuid");
    char *buid = xp_string(opf, "//*[local-name()='identifier']");
    OK(uid && buid && strcmp(uid, buid), "book: not the article's identifier");
    XP_STR_EQ(opf, "//*[@property='tdm:reservation']", "1", "book: the TDM reservation");
    xmlFreeDoc(opf);
    xmlFreeDoc(one);
    free(uid);
    free(buid);
    free(single);
    free(zip);
    free(before);
    free(after);

    unsigned char *out = NULL;
    INT_EQ(artx_transform_book(two, 2, "Two", ARTX_TO_DOCBOOK, NULL, &out, &len, &err), 0,
           "book: DocBook");
    xmlDocPtr db = out ? xml_parse((const char *)out) : NULL;
    XP_OK(db, "count(/*[local-name()='book']/*[local-name()='article']) = 2",
          "book: a DocBook book of two articles");
    XP_OK(db, "count(//@xml:id[starts-with(., 'a2-')]) > 0 and "
              "count(//@xml:id[not(starts-with(., 'a1-') or starts-with(., 'a2-'))]) = 0",
          "book: DocBook ids prefixed with their article's place");
    xmlFreeDoc(db);
    free(out);
    out = NULL;
    INT_EQ(artx_transform_book(two, 2, "T", ARTX_TO_TEXT, NULL, &out, &len, &err),
           ARTX_ERR_USAGE, "book: text is refused");
    INT_EQ(artx_transform_book(two, 0, "T", ARTX_TO_EPUB, NULL, &out, &len, &err),
           ARTX_ERR_USAGE, "book: no article is refused");
    INT_EQ(artx_transform_book(two, 2, "", ARTX_TO_EPUB, NULL, &out, &len, &err),
           ARTX_ERR_USAGE, "book: an empty title is refused");
    OK(out == NULL, "book: nothing out when refused");
    unsetenv("SOURCE_DATE_EPOCH");
}

/* A customised article-to-text.xsl that shows a parameter, and a broken
 * article-to-docbook.xsl. */
static const char custom_text[] =
    "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"\n"
    "    xmlns:a=\"urn:artx:article\">\n"
    "  <xsl:output method=\"text\" encoding=\"UTF-8\"/>\n"
    "  <xsl:param name=\"greeting\" select=\"'none'\"/>\n"
    "  <xsl:template match=\"/\">custom: <xsl:value-of select=\"a:article/a:head/a:title\"/>"
    " (<xsl:value-of select=\"$greeting\"/>)</xsl:template>\n"
    "</xsl:stylesheet>\n";

static bool write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

static void remove_file(const char *dir, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

static void test_stylesheet_dir(xmlDocPtr art)
{
    char dir[] = "/tmp/artx-unit-XXXXXX";
    if (!OK(mkdtemp(dir) != NULL, "a temporary stylesheet folder"))
        return;
    OK(write_file(dir, "article-to-text.xsl", custom_text), "the custom stylesheet is written");
    char *builtin = transform(art, ARTX_TO_TEXT, NULL, NULL);
    artx_error err = {0};
    INT_EQ(artx_set_stylesheet_dir(dir, &err), 0, "artx_set_stylesheet_dir(folder)");

    char *s = transform(art, ARTX_TO_TEXT, NULL, NULL);
    STR_EQ(s, "custom: 서울시 새 도서관 (none)", "the folder's article-to-text.xsl is used");
    free(s);
    static const char *const hello[] = {"greeting", "안녕", NULL};
    s = transform(art, ARTX_TO_TEXT, hello, NULL);
    STR_EQ(s, "custom: 서울시 새 도서관 (안녕)", "a parameter reaches the custom stylesheet");
    free(s);
    xmlDocPtr d = transform_doc(art, ARTX_TO_DOCBOOK, NULL);
    XP_STR_EQ(d, "/db:article/db:info/db:title", "서울시 새 도서관",
              "a stylesheet the folder lacks is the built-in one");
    xmlFreeDoc(d);

    /* Stylesheets load when first used, so a broken one shows then. */
    OK(write_file(dir, "article-to-docbook.xsl", "<xsl:stylesheet"), "a broken stylesheet");
    INT_EQ(artx_set_stylesheet_dir(dir, &err), 0, "the folder again (the cache is dropped)");
    unsigned char *out = NULL;
    size_t len = 0;
    artx_error err2 = {0};
    INT_EQ(artx_transform(art, ARTX_TO_DOCBOOK, NULL, &out, &len, &err2), ARTX_ERR_XSLT,
           "a broken custom stylesheet is ARTX_ERR_XSLT");
    free(out);

    INT_EQ(artx_set_stylesheet_dir(NULL, &err), 0, "artx_set_stylesheet_dir(NULL)");
    s = transform(art, ARTX_TO_TEXT, NULL, NULL);
    OK(s && builtin && !strcmp(s, builtin), "NULL goes back to the built-in stylesheets");
    free(s);
    s = transform(art, ARTX_TO_DOCBOOK, NULL, NULL);
    OK(s != NULL, "... the built-in DocBook too");
    free(s);
    free(builtin);
    remove_file(dir, "article-to-text.xsl");
    remove_file(dir, "article-to-docbook.xsl");
    OK(rmdir(dir) == 0, "the temporary folder is removed");
}

static int stops;
static void count_stop(void *arg)
{
    (void)arg;
    stops++;
}

/* The books the allocator keeps: what is held net of what is freed, and
 * one call when the limit is passed. */
static void test_spending(void)
{
    if (!artx_spend_begin(1 << 20, count_stop, NULL)) {
        /* Not glibc, or a host's allocator under libxml2: nothing to test. */
        OK(1, "no spending limit here (libxml2's allocator is not libc's)");
        return;
    }
    void *a = xmlMalloc(700 << 10);
    xmlFree(a);
    void *b = xmlMalloc(700 << 10);
    INT_EQ(stops, 0, "700 KB held twice, freed between: within a 1 MB limit");
    b = xmlRealloc(b, 2 << 20);
    INT_EQ(stops, 1, "grown to 2 MB: the limit is passed");
    void *c = xmlMalloc(1 << 20);
    INT_EQ(stops, 1, "... and said once");
    OK(a != NULL && b != NULL && c != NULL, "the allocations still succeed");
    xmlFree(b);
    xmlFree(c);
    OK(artx_spend_end(), "artx_spend_end() says the limit was passed");
    stops = 0;
    INT_EQ(artx_spend_begin(1 << 20, count_stop, NULL), 1, "a new limit");
    xmlFree(xmlMalloc(4 << 20));
    OK(stops == 1 && artx_spend_end(), "one big block passes it too");
    INT_EQ(artx_spend_begin(1 << 20, count_stop, NULL), 1, "a new limit");
    OK(!artx_spend_end(), "nothing allocated: not passed");
}

/* A customised stylesheet that never ends, three ways, stopped by the
 * limit that grows with the input; the built-in ones on the same article
 * are not limited. */
static void test_stylesheet_limits(xmlDocPtr art)
{
    static const struct {
        const char *body, *limit;
    } cases[] = {
        {"<xsl:for-each select=\"$n\"><xsl:for-each select=\"$n\"><xsl:for-each select=\"$n\">"
         "<xsl:for-each select=\"$n\"><xsl:text>and again, and again&#10;</xsl:text>"
         "</xsl:for-each></xsl:for-each></xsl:for-each></xsl:for-each>",
         "MB of memory"},
        {"<xsl:for-each select=\"$n\"><xsl:for-each select=\"$n\"><xsl:for-each select=\"$n\">"
         "<xsl:for-each select=\"$n\"><xsl:if test=\"false()\">x</xsl:if>"
         "</xsl:for-each></xsl:for-each></xsl:for-each></xsl:for-each>",
         "instructions"},
        {"<xsl:value-of select=\"count($n[count($n[count($n[count($n[count($n) > 0]) > 0]) > 0]) > 0])\"/>",
         "XPath steps"},
    };
    char dir[] = "/tmp/artx-limits-XXXXXX";
    if (!OK(mkdtemp(dir) != NULL, "a temporary stylesheet folder"))
        return;
    artx_error err = {0};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char sheet[1024];
        snprintf(sheet, sizeof sheet,
                 "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                 "<xsl:output method=\"text\"/><xsl:template match=\"/\">"
                 "<xsl:variable name=\"n\" select=\"//node() | //@*\"/>%s</xsl:template>"
                 "</xsl:stylesheet>",
                 cases[i].body);
        OK(write_file(dir, "article-to-text.xsl", sheet), "an endless stylesheet is written");
        INT_EQ(artx_set_stylesheet_dir(dir, &err), 0, "its folder");
        unsigned char *out = NULL;
        size_t len = 0;
        artx_error e = {0};
        INT_EQ(artx_transform(art, ARTX_TO_TEXT, NULL, &out, &len, &e), ARTX_ERR_XSLT,
               "an endless stylesheet fails");
        OK(strstr(e.message, cases[i].limit) && strstr(e.message, "article-to-text.xsl") &&
               strstr(e.message, "in template match /"),
           "the message names the limit, the stylesheet and the template");
        if (!strstr(e.message, cases[i].limit))
            fprintf(stderr, "    message: %s\n", e.message);
        free(out);
        xmlDocPtr d = transform_doc(art, ARTX_TO_XLIFF, to_en);
        OK(d != NULL, "a built-in stylesheet beside it runs as always");
        xmlFreeDoc(d);
    }
    INT_EQ(artx_set_stylesheet_dir(NULL, &err), 0, "back to the built-in stylesheets");
    remove_file(dir, "article-to-text.xsl");
    OK(rmdir(dir) == 0, "the temporary folder is removed");
}

/* artx's include loader is process-wide, but a host's own stylesheets
 * keep libxslt's rules: an include of a local file outside any artx
 * folder loads, and artx's names mean nothing special there. */
static void test_host_stylesheet(void)
{
    char dir[] = "/tmp/artx-host-XXXXXX";
    if (!OK(mkdtemp(dir) != NULL, "a temporary folder for the host's stylesheets"))
        return;
    OK(write_file(dir, "lib.xsl",
                  "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                  "<xsl:template name=\"hello\">host</xsl:template></xsl:stylesheet>"),
       "the host's included stylesheet");
    OK(write_file(dir, "main.xsl",
                  "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                  "<xsl:include href=\"lib.xsl\"/><xsl:output method=\"text\"/>"
                  "<xsl:template match=\"/\"><xsl:call-template name=\"hello\"/>"
                  "</xsl:template></xsl:stylesheet>"),
       "the host's stylesheet");
    char path[64];
    snprintf(path, sizeof path, "%s/main.xsl", dir);
    xsltStylesheetPtr style = xsltParseStylesheetFile(BAD_CAST path);
    if (OK(style != NULL, "the host's stylesheet compiles, its include loaded")) {
        xmlDocPtr in = xmlReadMemory("<x/>", 4, NULL, NULL, 0);
        xmlDocPtr res = in ? xsltApplyStylesheet(style, in, NULL) : NULL;
        xmlChar *txt = NULL;
        int n = 0;
        if (res)
            xsltSaveResultToString(&txt, &n, res, style);
        STR_EQ((const char *)txt, "host", "the host's transformation runs as without artx");
        xmlFree(txt);
        xmlFreeDoc(res);
        xmlFreeDoc(in);
        xsltFreeStylesheet(style);
    }
    remove_file(dir, "main.xsl");
    remove_file(dir, "lib.xsl");
    OK(rmdir(dir) == 0, "the host's temporary folder is removed");
}

int main(void)
{
    artx_init();
    artx_segmenter *seg = NULL;
    artx_error err = {0};
    INT_EQ(artx_segmenter_new(NULL, &seg, &err), 0, "the built-in rules load");
    xmlDocPtr art = seg ? article_parse(source_article, seg, NULL) : NULL;
    OK(art != NULL, "the test article");
    test_names();
    if (art) {
        test_formats(art);
        test_take(art);
        test_params(art);
        test_epub(art);
        test_book(art);
        test_stylesheet_dir(art);
        test_stylesheet_limits(art);
    }
    if (seg)
        test_docbook_runs(seg);
    test_spending();
    test_host_stylesheet();
    xmlFreeDoc(art);
    artx_segmenter_free(seg);
    artx_cleanup();
    return harness_done("test_transform");
}
