/* test_read.c - encoding detection (artx_detect_encoding) and the first
 * stage, artx_read(): bytes to DOM. */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "harness.h"
#include "internal.h"

/* "한국어 기사 똠방각하" in CP949, made with
 *   printf '%s' '한국어 기사 똠방각하' | iconv -f UTF-8 -t CP949 | xxd -i
 * "똠" (0x8C 0x63) is an extended UHC syllable: plain EUC-KR lacks it, and
 * its trail byte is ASCII 'c'. */
#define CP949_TEXT                                                             \
    "\xC7\xD1\xB1\xB9\xBE\xEE\x20\xB1\xE2\xBB\xE7\x20\x8C\x63\xB9\xE6\xB0\xA2" \
    "\xC7\xCF"
/* "햏" in CP949 (another UHC-only syllable). */
#define CP949_HAENG "\xC1\x64"
/* The same text in UTF-8. */
#define UTF8_TEXT "한국어 기사 똠방각하"

/* Detect on a string literal (without its terminating NUL). */
static const char *detect(const char *s)
{
    return artx_detect_encoding((const unsigned char *)s, strlen(s));
}

static void test_bom(void)
{
    STR_EQ(detect("\xEF\xBB\xBF<html><body>hi</body></html>"), "UTF-8", "UTF-8 BOM");
    /* The BOM wins over a declaration and over bytes that are not UTF-8. */
    STR_EQ(detect("\xEF\xBB\xBF<meta charset=\"euc-kr\"><p>" CP949_TEXT "</p>"), "UTF-8",
           "UTF-8 BOM beats meta charset and CP949 bytes");

    static const unsigned char le[] = {0xFF, 0xFE, '<', 0, 'p', 0, '>', 0,
                                       0x5C, 0xD5, '<', 0, '/', 0, 'p', 0, '>', 0};
    STR_EQ(artx_detect_encoding(le, sizeof le), "UTF-16LE", "UTF-16LE BOM");
    static const unsigned char be[] = {0xFE, 0xFF, 0, '<', 0, 'p', 0, '>',
                                       0xD5, 0x5C, 0, '<', 0, '/', 0, 'p', 0, '>'};
    STR_EQ(artx_detect_encoding(be, sizeof be), "UTF-16BE", "UTF-16BE BOM");
}

static void test_declared_vs_bytes(void)
{
    /* Saved copies are re-encoded to UTF-8 without fixing their <meta>. */
    STR_EQ(detect("<html><head><meta charset=\"euc-kr\"></head><body><p>" UTF8_TEXT
                  "</p></body></html>"),
           "UTF-8", "valid UTF-8 Korean declaring euc-kr is UTF-8");

    STR_EQ(detect("<html><head><meta charset=\"euc-kr\"></head><body><p>" CP949_TEXT
                  " " CP949_HAENG "</p></body></html>"),
           "CP949", "CP949 bytes declaring euc-kr are CP949 (euc-kr label means UHC)");

    STR_EQ(detect("<html><body><p>" CP949_TEXT " " CP949_HAENG "</p></body></html>"), "CP949",
           "CP949 bytes with no declaration are CP949");

    STR_EQ(detect("<html><head><meta http-equiv=\"Content-Type\" "
                  "content=\"text/html; charset=ks_c_5601-1987\"></head>"
                  "<body><p>" CP949_TEXT "</p></body></html>"),
           "CP949", "http-equiv charset=ks_c_5601-1987 is CP949");

    STR_EQ(detect("<?xml version=\"1.0\" encoding=\"euc-kr\"?>\n<doc>" CP949_TEXT "</doc>"),
           "CP949", "XML declaration encoding=\"euc-kr\" is CP949");
    STR_EQ(detect("<?xml version='1.0' encoding='EUC-KR'?><doc>plain</doc>"), "CP949",
           "ASCII XML declaring EUC-KR (upper case, single quotes) is CP949");

    STR_EQ(detect("<html><body><p>Hello, world.</p></body></html>"), "UTF-8",
           "pure ASCII with no declaration is UTF-8");
    STR_EQ(detect("<html><head><meta charset=\"shift_jis\"></head><body>abc</body></html>"),
           "CP932", "pure ASCII declaring shift_jis is CP932");

    STR_EQ(detect("<html><body><p>caf\xE9 au lait</p></body></html>"), "WINDOWS-1252",
           "Latin-1 byte 0xE9 alone with no declaration is windows-1252");

    STR_EQ(detect("<html><head><meta charset=\"utf-8\"></head><body><p>" CP949_TEXT
                  "</p></body></html>"),
           "CP949", "declared utf-8 but bytes are CP949, not UTF-8: CP949");

    /* A declaration far past WHATWG's 1024-byte prescan is still found. */
    size_t pad = 5000;
    const char *head = "<html><head><script>";
    const char *tail = "</script><meta charset=\"shift_jis\"></head><body>x</body></html>";
    char *page = malloc(strlen(head) + pad + strlen(tail) + 1);
    if (OK(page != NULL, "malloc")) {
        strcpy(page, head);
        memset(page + strlen(head), 'a', pad);
        strcpy(page + strlen(head) + pad, tail);
        STR_EQ(detect(page), "CP932", "meta charset after 5000 bytes of script");
        free(page);
    }

    STR_EQ(artx_detect_encoding((const unsigned char *)"", 0), "UTF-8", "empty input is UTF-8");
}

static void test_read_errors(void)
{
    artx_error err = {0};
    xmlDocPtr doc = (xmlDocPtr)1;
    int rc = artx_read((const unsigned char *)"", 0, "empty.html", ARTX_FROM_AUTO, &doc, &err);
    INT_EQ(rc, ARTX_ERR_INVALID, "empty input is ARTX_ERR_INVALID");
    INT_EQ(err.status, ARTX_ERR_INVALID, "empty input: err.status");
    OK(strstr(err.message, "empty") != NULL, "empty input: message mentions \"empty\"");
    OK(doc == NULL, "empty input: *out is NULL");

    static const unsigned char bin[] = "<html><body>a\0b</body></html>";
    artx_error err2 = {0};
    doc = (xmlDocPtr)1;
    rc = artx_read(bin, sizeof bin - 1, "bin.html", ARTX_FROM_AUTO, &doc, &err2);
    INT_EQ(rc, ARTX_ERR_INVALID, "NUL bytes are ARTX_ERR_INVALID");
    OK(strstr(err2.message, "binary") != NULL, "NUL bytes: message mentions \"binary\"");
    OK(doc == NULL, "NUL bytes: *out is NULL");

    /* Not an article, though asked to read one. */
    static const char notart[] = "<?xml version=\"1.0\"?><article><p>x</p></article>";
    artx_error err3 = {0};
    rc = artx_read((const unsigned char *)notart, strlen(notart), NULL, ARTX_FROM_ARTICLE, &doc,
                   &err3);
    INT_EQ(rc, ARTX_ERR_INVALID, "article without the artx namespace is ARTX_ERR_INVALID");
    OK(doc == NULL, "no-namespace article: *out is NULL");
    xmlFreeDoc(doc);

    static const char broken[] = "<article xmlns=\"urn:artx:article\"><p>x</article>";
    artx_error err4 = {0};
    rc = artx_read((const unsigned char *)broken, strlen(broken), NULL, ARTX_FROM_AUTO, &doc,
                   &err4);
    INT_EQ(rc, ARTX_ERR_PARSE, "malformed article XML is ARTX_ERR_PARSE");
    OK(doc == NULL, "malformed article: *out is NULL");
    xmlFreeDoc(doc);
}

/* --from xliff or article on another kind of input names its root
 * element, even where the input is not well-formed XML; a file with the
 * right root that is broken keeps the parser's reason. */
static void test_read_wrong_kind(void)
{
    static const struct {
        const char *input;
        artx_from from;
        int rc;
        const char *message;
    } cases[] = {
        {"<!DOCTYPE html><html><body><p>a<br>b</p></body></html>", ARTX_FROM_XLIFF,
         ARTX_ERR_INVALID, "not an XLIFF file (root element html)"},
        {"<!doctype html>\n<html lang=en><p>a<br>b", ARTX_FROM_XLIFF, ARTX_ERR_INVALID,
         "not an XLIFF file (root element html)"},
        {"<html><p>a<br>b", ARTX_FROM_ARTICLE, ARTX_ERR_INVALID,
         "not an article file (root element html)"},
        {"<?xml version=\"1.0\"?><x:a xmlns:x=\"urn:x\"/>", ARTX_FROM_XLIFF, ARTX_ERR_INVALID,
         "not an XLIFF file (root element {urn:x}a)"},
        {"<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"><file>", ARTX_FROM_XLIFF,
         ARTX_ERR_PARSE, "not well-formed XML: "},
        {"<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"><file>", ARTX_FROM_ARTICLE,
         ARTX_ERR_INVALID,
         "not an article file (root element {urn:oasis:names:tc:xliff:document:2.0}xliff)"},
        {"just text", ARTX_FROM_XLIFF, ARTX_ERR_PARSE, "not well-formed XML: "},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        artx_error err = {0};
        xmlDocPtr doc = (xmlDocPtr)1;
        int rc = artx_read((const unsigned char *)cases[i].input, strlen(cases[i].input), NULL,
                           cases[i].from, &doc, &err);
        INT_EQ(rc, cases[i].rc, cases[i].input);
        OK(doc == NULL, "a refused input: *out is NULL");
        if (!OK(!strncmp(err.message, cases[i].message, strlen(cases[i].message)), cases[i].message))
            fprintf(stderr, "    message: %s\n", err.message);
    }
}

/* True when the text content of the document's root contains `needle`. */
static bool root_text_has(xmlDocPtr doc, const char *needle)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root)
        return false;
    xmlChar *text = xmlNodeGetContent(root);
    bool has = text && strstr((const char *)text, needle) != NULL;
    xmlFree(text);
    return has;
}

static void test_read_html(void)
{
    static const char cp949_page[] =
        "<html><head><meta charset=\"euc-kr\"><title>t</title></head>"
        "<body><p>" CP949_TEXT "</p><p>" CP949_HAENG "</p></body></html>";
    artx_error err = {0};
    xmlDocPtr doc = NULL;
    int rc = artx_read((const unsigned char *)cp949_page, strlen(cp949_page), "cp949.html",
                       ARTX_FROM_AUTO, &doc, &err);
    INT_EQ(rc, 0, "CP949 page reads");
    if (rc)
        fprintf(stderr, "    message: %s\n", err.message);
    OK(root_text_has(doc, UTF8_TEXT), "CP949 page: body text is the UTF-8 Hangul");
    OK(root_text_has(doc, "햏"), "CP949 page: UHC-only syllable 햏 decoded");
    xmlFreeDoc(doc);

    /* The same page with no declaration at all. */
    static const char bare[] = "<html><body><p>" CP949_TEXT "</p></body></html>";
    doc = NULL;
    rc = artx_read((const unsigned char *)bare, strlen(bare), NULL, ARTX_FROM_HTML, &doc, &err);
    INT_EQ(rc, 0, "undeclared CP949 page reads");
    OK(root_text_has(doc, UTF8_TEXT), "undeclared CP949 page: text is the UTF-8 Hangul");
    xmlFreeDoc(doc);

    /* A re-encoded copy whose <meta> still says euc-kr. */
    static const char utf8_page[] =
        "<html><head><meta charset=\"euc-kr\"></head><body><p>" UTF8_TEXT "</p></body></html>";
    doc = NULL;
    rc = artx_read((const unsigned char *)utf8_page, strlen(utf8_page), NULL, ARTX_FROM_AUTO,
                   &doc, &err);
    INT_EQ(rc, 0, "UTF-8 page declaring euc-kr reads");
    OK(root_text_has(doc, UTF8_TEXT), "UTF-8 page declaring euc-kr: text intact");
    xmlFreeDoc(doc);
}

static void test_read_article(void)
{
    static const char art[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"ko\">"
        "<head><title>제목</title></head><body><p>본문</p></body></article>\n";
    artx_error err = {0};
    xmlDocPtr doc = NULL;
    int rc = artx_read((const unsigned char *)art, strlen(art), "a.xml", ARTX_FROM_AUTO, &doc,
                       &err);
    INT_EQ(rc, 0, "article XML reads with ARTX_FROM_AUTO");
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    OK(root != NULL, "article XML: has a root");
    if (root) {
        STR_EQ(root->name, "article", "article XML: root is <article>");
        OK(root->ns != NULL, "article XML: root has a namespace");
        STR_EQ(root->ns ? root->ns->href : NULL, ARTX_NS, "article XML: root namespace");
    }
    OK(doc && doc->type == XML_DOCUMENT_NODE, "article XML: parsed as XML, not HTML");
    xmlFreeDoc(doc);

    /* XXE: an external entity must not be fetched or expanded. */
    static const char xxe[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"en\">"
        "<head><title>&x;</title></head><body><p>a &x; b</p></body></article>\n";
    artx_error err2 = {0};
    doc = NULL;
    rc = artx_read((const unsigned char *)xxe, strlen(xxe), "xxe.xml", ARTX_FROM_AUTO, &doc,
                   &err2);
    OK(rc == 0 || rc == ARTX_ERR_PARSE || rc == ARTX_ERR_INVALID,
       "XXE article: read returns success or a clean error");
    if (doc) {
        xmlChar *mem = NULL;
        int size = 0;
        xmlDocDumpMemory(doc, &mem, &size);
        OK(mem != NULL, "XXE article: serialises");
        OK(mem && strstr((const char *)mem, "root:") == NULL,
           "XXE article: /etc/passwd content not pulled in");
        xmlFree(mem);
        OK(!root_text_has(doc, "root:"), "XXE article: text has no /etc/passwd content");
    }
    xmlFreeDoc(doc);

    /* Billion laughs: refused or kept small, and it returns promptly. */
    static const char laughs[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE article [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
        "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
        "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>\n"
        "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"en\"><p>&h;</p></article>";
    artx_error err3 = {0};
    doc = NULL;
    rc = artx_read((const unsigned char *)laughs, strlen(laughs), NULL, ARTX_FROM_AUTO, &doc,
                   &err3);
    if (rc == 0) {
        xmlChar *mem = NULL;
        int size = 0;
        xmlDocDumpMemory(doc, &mem, &size);
        OK(size < 100000, "billion laughs: entities not expanded into the document");
        xmlFree(mem);
    } else {
        INT_EQ(rc, ARTX_ERR_PARSE, "billion laughs: refused as a parse error");
        OK(doc == NULL, "billion laughs: *out is NULL");
    }
    xmlFreeDoc(doc);
}

static void test_read_feed(void)
{
    /* Feeds are read as XML so the HTML in their CDATA survives; the same
     * no-network, no-entity rules as for articles apply. */
    static const char rss[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        "<rss version=\"2.0\"><channel><title>피드</title><item><title>제목 &x;</title>"
        "<description><![CDATA[<p>본문 <b>굵게</b></p>]]></description></item></channel></rss>\n";
    artx_error err = {0};
    xmlDocPtr doc = NULL;
    int rc = artx_read((const unsigned char *)rss, strlen(rss), "feed.xml", ARTX_FROM_AUTO, &doc,
                       &err);
    INT_EQ(rc, 0, "RSS feed reads");
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    STR_EQ(root ? (const char *)root->name : NULL, "rss", "RSS feed: root is <rss>");
    OK(doc && doc->type == XML_DOCUMENT_NODE, "RSS feed: parsed as XML, not HTML");
    OK(root_text_has(doc, "<p>본문 <b>굵게</b></p>"), "RSS feed: CDATA HTML kept as text");
    if (doc) {
        xmlChar *mem = NULL;
        int size = 0;
        xmlDocDumpMemory(doc, &mem, &size);
        OK(mem && strstr((const char *)mem, "root:") == NULL,
           "RSS feed: external entity not expanded");
        xmlFree(mem);
    }
    xmlFreeDoc(doc);
}

int main(void)
{
    artx_init();
    test_bom();
    test_declared_vs_bytes();
    test_read_errors();
    test_read_wrong_kind();
    test_read_html();
    test_read_article();
    test_read_feed();
    artx_cleanup();
    return harness_done("test_read");
}
