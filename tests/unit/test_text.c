/* test_text.c - UTF-8 text helpers and NFC (src/text.c), and
 * JSON to XML (src/json.c). */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <unicode/uclean.h>

#include "harness.h"
#include "internal.h"

/* Run collapse and compare; frees the result. */
static void collapse_case_at(const char *file, int line, const char *in, const char *want,
                             const char *msg)
{
    char *got = artx_text_collapse(in);
    harness_str_eq(got, want, file, line, msg);
    free(got);
}
#define collapse_case(...) collapse_case_at(__FILE__, __LINE__, __VA_ARGS__)

static void test_collapse(void)
{
    collapse_case("  a \t\n b\xC2\xA0 c  ", "a b c", "spaces, tab, newline, NBSP collapse; trimmed");
    collapse_case("a\x01"
                  "b",
                  "ab", "control character U+0001 removed");
    collapse_case("a\x1F\x7F"
                  "b",
                  "a\x7F"
                  "b",
                  "U+001F removed, U+007F (allowed by XML 1.0) kept");
    collapse_case("가\xE3\x80\x80\xE3\x80\x80나", "가 나", "ideographic spaces collapse to one");
    collapse_case("a\xE2\x80\x8B"
                  "b",
                  "a b", "zero width space is a space");
    collapse_case("\xEF\xBB\xBFtext", "text", "leading BOM dropped");
    collapse_case("", "", "empty stays empty");
    collapse_case(" \t\n ", "", "only spaces becomes empty");
    collapse_case("한국어  기사", "한국어 기사", "Hangul kept, double space collapsed");
    collapse_case("x\xEF\xBF\xBEy", "xy", "U+FFFE (not an XML char) removed");
}

static bool valid(const char *s)
{
    return artx_utf8_valid((const unsigned char *)s, strlen(s));
}

static void test_utf8(void)
{
    OK(valid("한국어 기사"), "valid Hangul");
    OK(valid("plain ASCII"), "valid ASCII");
    OK(valid("\xF0\x9F\x98\x80"), "valid 4-byte U+1F600");
    OK(valid("\xF4\x8F\xBF\xBF"), "valid U+10FFFF");
    OK(valid(""), "empty is valid");
    OK(!valid("\xC0\x80"), "overlong C0 80 invalid");
    OK(!valid("\xC1\xBF"), "overlong C1 BF invalid");
    OK(!valid("\xE0\x80\x80"), "overlong E0 80 80 invalid");
    OK(!valid("\xF0\x80\x80\x80"), "overlong F0 80 80 80 invalid");
    OK(!valid("\xED\xA0\x80"), "surrogate ED A0 80 invalid");
    OK(!valid("\xED\xBF\xBF"), "surrogate ED BF BF invalid");
    OK(!valid("\xF4\x90\x80\x80"), "F4 90 80 80 (past U+10FFFF) invalid");
    OK(!valid("\xF5\x80\x80\x80"), "lead F5 invalid");
    OK(!valid("\xEA\xB0"), "truncated sequence invalid");
    OK(!valid("\x80"), "lone continuation invalid");
    OK(!valid("\xC7\xD1\xB1\xB9"), "CP949 bytes are not UTF-8");

    const unsigned char s[] = "a\xEA\xB0\x80\xF0\x9F\x98\x80";
    const unsigned char *p = s, *end = s + sizeof s - 1;
    INT_EQ(artx_utf8_next(&p, end), 'a', "utf8_next: ASCII");
    INT_EQ(artx_utf8_next(&p, end), 0xAC00, "utf8_next: U+AC00");
    INT_EQ(artx_utf8_next(&p, end), 0x1F600, "utf8_next: U+1F600");
    OK(p == end, "utf8_next: consumed everything");
    INT_EQ(artx_utf8_next(&p, end), -1, "utf8_next: at end returns -1");

    const unsigned char bad[] = "\xC0\x80z";
    p = bad;
    INT_EQ(artx_utf8_next(&p, bad + 3), -1, "utf8_next: overlong returns -1");
    OK(p == bad + 1, "utf8_next: bad sequence advances one byte");

    OK(artx_is_space(0x3000), "is_space: ideographic space");
    OK(artx_is_space(0xA0), "is_space: NBSP");
    OK(!artx_is_space('a'), "is_space: letter");
    OK(artx_xml_char_ok(0x9), "xml_char_ok: tab");
    OK(!artx_xml_char_ok(0x1), "xml_char_ok: U+0001");
    OK(!artx_xml_char_ok(0xFFFE), "xml_char_ok: U+FFFE");
    OK(artx_xml_char_ok(0x10FFFF), "xml_char_ok: U+10FFFF");
}

static void test_guess_lang(void)
{
    STR_EQ(artx_text_guess_lang("정부는 내년 예산안을 다음 주 국회에 제출할 계획이다."), "ko",
           "Korean text");
    STR_EQ(artx_text_guess_lang("今日はとても良い天気ですね。東京は晴れです。"), "ja",
           "Japanese with kana");
    STR_EQ(artx_text_guess_lang("今天天气很好，我们去公园散步。"), "zh", "Chinese, Han only");
    STR_EQ(artx_text_guess_lang("The government will submit its budget next week."), NULL,
           "English is unknown");
    STR_EQ(artx_text_guess_lang("尹 대통령은 G7 정상회의에서 韓美 동맹을 강조했다 (AP)."), "ko",
           "Korean with some Hanja and Latin");
    STR_EQ(artx_text_guess_lang(""), NULL, "empty text is unknown");
    STR_EQ(artx_text_guess_lang("12345 !!!"), NULL, "digits and punctuation are unknown");
}

static void nfc_case_at(const char *file, int line, const char *in, const char *want,
                        const char *msg)
{
    char *got = artx_text_nfc(in);
    harness_str_eq(got, want, file, line, msg);
    free(got);
}
#define nfc_case(...) nfc_case_at(__FILE__, __LINE__, __VA_ARGS__)

static void unescape_case(const char *in, const char *want, const char *what)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", in);
    artx_text_unescape(buf);
    STR_EQ(buf, want, what);
}

static void test_unescape(void)
{
    unescape_case("&#34;손님&#34; 많아", "\"손님\" 많아", "decimal references");
    unescape_case("&#x22;a&#X27;", "\"a'", "hex references");
    unescape_case("Tom &amp; Jerry &quot;x&quot; &hellip;", "Tom & Jerry \"x\" \xE2\x80\xA6",
                  "HTML's named references");
    unescape_case("a & b; &nosuch; &#0; &#xD800; &#12", "a & b; &nosuch; &#0; &#xD800; &#12",
                  "what is no reference to a character stays");
    unescape_case("&amp;quot;", "&quot;", "one level only");
}

static void test_nfc(void)
{
    nfc_case("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C",
             "jamo U+1112 U+1161 U+11AB compose to U+D55C");
    nfc_case("caf\x65\xCC\x81", "caf\xC3\xA9", "e + U+0301 composes to U+00E9");
    nfc_case("한국어 기사, café.", "한국어 기사, café.", "NFC text unchanged");
    nfc_case("", "", "empty string");
    nfc_case("a\xFF"
             "b",
             "a\xEF\xBF\xBD"
             "b",
             "invalid UTF-8 becomes U+FFFD");
    /* Decomposed text longer than the fast path's guess. */
    char in[3 * 9 * 50 + 1], want[3 * 50 + 1];
    for (int i = 0; i < 50; i++) {
        memcpy(in + i * 9, "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", 9);
        memcpy(want + i * 3, "\xED\x95\x9C", 3);
    }
    in[9 * 50] = '\0';
    want[3 * 50] = '\0';
    nfc_case(in, want, "50 decomposed syllables compose");
}

/* Evaluate an XPath expression and return its string value (xmlFree it). */
static xmlChar *xpath_string(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = ctx ? xmlXPathEvalExpression(BAD_CAST expr, ctx) : NULL;
    xmlChar *s = obj ? xmlXPathCastToString(obj) : NULL;
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    return s;
}

static void xpath_eq_at(const char *file, int line, xmlDocPtr doc, const char *expr,
                        const char *want, const char *msg)
{
    xmlChar *got = xpath_string(doc, expr);
    harness_str_eq((const char *)got, want, file, line, msg);
    xmlFree(got);
}
#define xpath_eq(...) xpath_eq_at(__FILE__, __LINE__, __VA_ARGS__)

static xmlDocPtr new_holder(void)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "r", NULL);
    xmlDocSetRootElement(doc, root);
    return doc;
}

static int json(xmlDocPtr doc, const char *text, size_t len)
{
    return artx_json_to_xml(text, len, xmlDocGetRootElement(doc));
}

static void test_json(void)
{
    static const char ld[] =
        "{\"@type\":\"NewsArticle\",\"headline\":\"제목 \\\"q\\\" \\u00e9\","
        "\"author\":[{\"name\":\"A\"},{\"name\":\"B\"}],\"n\":1.5,\"ok\":true,\"x\":null}";
    xmlDocPtr doc = new_holder();
    INT_EQ(json(doc, ld, strlen(ld)), 0, "JSON-LD parses");
    xpath_eq(doc, "count(/r/*)", "1", "one top-level element appended");
    xpath_eq(doc, "name(/r/*)", "map", "top level is a map");
    xpath_eq(doc, "/r/map/string[@key='@type']", "NewsArticle", "@type member");
    xpath_eq(doc, "/r/map/string[@key='headline']", "제목 \"q\" é",
             "headline: escapes and \\u00e9 decoded");
    xpath_eq(doc, "count(/r/map/array[@key='author']/map)", "2", "author array of two maps");
    xpath_eq(doc, "/r/map/array[@key='author']/map[1]/string[@key='name']", "A", "author 1");
    xpath_eq(doc, "/r/map/array[@key='author']/map[2]/string[@key='name']", "B", "author 2");
    xpath_eq(doc, "count(/r/map/array/map[@key])", "0", "array members carry no @key");
    xpath_eq(doc, "/r/map/number[@key='n']", "1.5", "number");
    xpath_eq(doc, "/r/map/boolean[@key='ok']", "true", "boolean");
    xpath_eq(doc, "count(/r/map/null[@key='x'])", "1", "null element");
    xpath_eq(doc, "count(/r/map/null[@key='x']/node())", "0", "null is empty");
    xpath_eq(doc, "count(//*[namespace-uri() != ''])", "0", "no namespace anywhere");
    xmlFreeDoc(doc);

    /* Invalid JSON: -1 and nothing appended. */
    doc = new_holder();
    static const char bad[] = "{\"a\":}";
    INT_EQ(json(doc, bad, strlen(bad)), -1, "{\"a\":} is not JSON");
    OK(xmlDocGetRootElement(doc)->children == NULL, "{\"a\":}: nothing appended");
    static const char bad2[] = "[1,2";
    INT_EQ(json(doc, bad2, strlen(bad2)), -1, "unterminated array is not JSON");
    static const char bad3[] = "{\"a\":\"x\\q\"}";
    INT_EQ(json(doc, bad3, strlen(bad3)), -1, "bad escape is not JSON");
    INT_EQ(json(doc, "", 0), -1, "empty text is not JSON");
    OK(xmlDocGetRootElement(doc)->children == NULL, "failures append nothing");
    xmlFreeDoc(doc);

    /* Hostile nesting: refused, no stack overflow. */
    size_t deep = 100000;
    char *nest = malloc(deep);
    if (OK(nest != NULL, "malloc")) {
        memset(nest, '[', deep);
        doc = new_holder();
        INT_EQ(json(doc, nest, deep), -1, "100000 nested [ is refused");
        OK(xmlDocGetRootElement(doc)->children == NULL, "deep nesting: nothing appended");
        xmlFreeDoc(doc);
        /* The same depth, closed: still refused (depth limit), still no crash. */
        char *closed = malloc(2 * deep);
        if (closed) {
            memset(closed, '[', deep);
            memset(closed + deep, ']', deep);
            doc = new_holder();
            INT_EQ(json(doc, closed, 2 * deep), -1, "100000 balanced [] levels are refused");
            xmlFreeDoc(doc);
            free(closed);
        }
        free(nest);
    }

    /* Surrogate pair. */
    doc = new_holder();
    static const char emoji[] = "{\"e\":\"x\\ud83d\\ude00y\"}";
    INT_EQ(json(doc, emoji, strlen(emoji)), 0, "surrogate pair parses");
    xpath_eq(doc, "/r/map/string[@key='e']", "x\xF0\x9F\x98\x80y", "\\ud83d\\ude00 is U+1F600");
    xmlFreeDoc(doc);

    /* Length is honoured: bytes past len are not read. */
    doc = new_holder();
    static const char trunc[] = "[1,2]garbage";
    INT_EQ(json(doc, trunc, 5), 0, "parses only len bytes");
    xpath_eq(doc, "count(/r/array/number)", "2", "two numbers");
    xmlFreeDoc(doc);

    /* Not JSON: a NUL byte inside the given length, and malformed numbers. */
    doc = new_holder();
    static const char nul[] = "{\"a\":\0}";
    INT_EQ(json(doc, nul, sizeof nul - 1), -1, "NUL byte as a value is not JSON");
    static const char minus[] = "{\"a\":-}";
    INT_EQ(json(doc, minus, strlen(minus)), -1, "lone '-' is not a JSON number");
    static const char dots[] = "{\"a\":1.2.3}";
    INT_EQ(json(doc, dots, strlen(dots)), -1, "1.2.3 is not a JSON number");
    xmlFreeDoc(doc);
}

int main(void)
{
    xmlInitParser();
    test_collapse();
    test_utf8();
    test_guess_lang();
    test_unescape();
    test_nfc();
    test_json();
    xmlCleanupParser();
    u_cleanup(); /* ICU's cached NFC instance, so valgrind sees no leftovers */
    return harness_done("test_text");
}
