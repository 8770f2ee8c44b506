/* test_json.c - JSON text to the json-to-xml tree (src/json.c): the
 * mapping, and hostile input (deep nesting, huge strings, bad UTF-8,
 * escapes XML cannot hold, duplicate names, numbers past any float,
 * garbage and more values after the first). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "internal.h"

/* The children json.c appended to a fresh parent, serialised, or
 * "(refused)" when it returned -1 (and then must have appended none). */
static char got[4096];

static const char *map_json(const char *text, size_t len)
{
    /* A document that says UTF-8, so that the serialiser writes no
     * character references. */
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr parent = xmlNewDocNode(doc, NULL, BAD_CAST "ld", NULL);
    xmlBufferPtr buf = xmlBufferCreate();
    doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
    xmlDocSetRootElement(doc, parent);
    int rc = artx_json_to_xml(text, len, parent);
    for (xmlNodePtr c = parent->children; c; c = c->next)
        xmlNodeDump(buf, doc, c, 0, 0);
    if (rc == 0)
        snprintf(got, sizeof got, "%s", (const char *)xmlBufferContent(buf));
    else
        snprintf(got, sizeof got, "(refused)%s", (const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    xmlFreeDoc(doc);
    return got;
}
#define JSON(text) map_json(text, sizeof text - 1)

static void test_mapping(void)
{
    STR_EQ(JSON("{\"@type\":\"NewsArticle\",\"headline\":\"제목 & <b>\",\"n\":3,"
                "\"ok\":true,\"no\":false,\"x\":null,\"a\":[1,\"s\",{}],\"e\":\"\"}"),
           "<map><string key=\"@type\">NewsArticle</string>"
           "<string key=\"headline\">제목 &amp; &lt;b&gt;</string><number key=\"n\">3</number>"
           "<boolean key=\"ok\">true</boolean><boolean key=\"no\">false</boolean>"
           "<null key=\"x\"/><array key=\"a\"><number>1</number><string>s</string><map/></array>"
           "<string key=\"e\"/></map>",
           "every type, @key on members only, text escaped by the serialiser");
    STR_EQ(JSON("  \"top\"  "), "<string>top</string>", "a scalar at the top");
    STR_EQ(JSON("7"), "<number>7</number>", "a number that ends the text");
    STR_EQ(JSON("[]"), "<array/>", "an empty array");
    STR_EQ(JSON("{\"z\":1,\"a\":2,\"m\":3}"),
           "<map><number key=\"z\">1</number><number key=\"a\">2</number>"
           "<number key=\"m\">3</number></map>",
           "members keep the page's order");
    STR_EQ(JSON("{\"k\\u00e9y\\n\":\"v\"}"), "<map><string key=\"k\xc3\xa9y&#10;\">v</string></map>",
           "escapes in a name are decoded");
    STR_EQ(JSON("\"\\\"\\\\\\/\\n\\r\\t\\u00e9\\ud83d\\ude00\""),
           "<string>\"\\/\n&#13;\t\xc3\xa9\xf0\x9f\x98\x80</string>",
           "string escapes, a surrogate pair");
    STR_EQ(JSON("\"a\\bb\\fc\""), "<string>abc</string>", "\\b and \\f: XML cannot hold them");
    STR_EQ(JSON("[1.50, 1E5, 0.1e+5, -2.5e-7, 9007199254740993, -12]"),
           "<array><number>1.50</number><number>1E5</number><number>0.1e+5</number>"
           "<number>-2.5e-7</number><number>9007199254740993</number><number>-12</number></array>",
           "numbers keep the text the page wrote");

    /* The parent's children stay; the values come after them. */
    xmlNodePtr parent = xmlNewNode(NULL, BAD_CAST "ld");
    xmlNewChild(parent, NULL, BAD_CAST "first", NULL);
    INT_EQ(artx_json_to_xml("{}", 2, parent), 0, "a second block");
    STR_EQ(parent->children ? (const char *)parent->children->name : NULL, "first",
           "earlier blocks stay first");
    STR_EQ(parent->last ? (const char *)parent->last->name : NULL, "map", "appended last");
    INT_EQ(artx_json_to_xml("{", 1, parent), -1, "not JSON");
    STR_EQ(parent->last ? (const char *)parent->last->name : NULL, "map",
           "nothing appended for text that is not JSON");
    xmlFreeNode(parent);

    /* len bounds the text: no NUL needed, none read past it. */
    STR_EQ(map_json("[1][2]", 3), "<array><number>1</number></array>", "len ends the text");
    STR_EQ(map_json("12345", 2), "<number>12</number>", "a number cut by len");
}

static void test_wrappers(void)
{
    STR_EQ(JSON("\n<!-- {\"a\":1} -->\n"), "<map><number key=\"a\">1</number></map>",
           "inside an HTML comment");
    STR_EQ(JSON("{\"a\":1} garbage; more"), "<map><number key=\"a\">1</number></map>",
           "trailing garbage is ignored");
    STR_EQ(JSON("{\"a\":1}\n[2] \"three\"\n"),
           "<map><number key=\"a\">1</number></map><array><number>2</number></array>"
           "<string>three</string>",
           "several values in one block: each one");
    STR_EQ(JSON("{\"a\":1}, {\"b\":2}"), "<map><number key=\"a\">1</number></map>",
           "a comma after the first value is garbage");
    STR_EQ(JSON("{\"a\":1} {\"b\":"), "<map><number key=\"a\">1</number></map>",
           "a truncated second value leaves the first");
    /* json-c's one leniency left: it reads a single-quoted name even when
     * strict (json_tokener.c, object_field_start).  Harmless to JSON-LD. */
    STR_EQ(JSON("{'a':1}"), "<map><number key=\"a\">1</number></map>", "a single-quoted name");
}

/* Texts that are not JSON, or not JSON as JSON.parse reads it (json-c's
 * lenient extras stay off), are refused whole. */
static void test_refused(void)
{
    static const char *const cases[][2] = {
        {"", "empty"},
        {" \n\t ", "white space only"},
        {"<![CDATA[ {\"a\":1} ]]>", "CDATA markers"},
        {"{\"a\": [1, 2", "truncated"},
        {"{\"a\":\"\\q\"}", "an unknown escape"},
        {"{\"a\":1,}", "a trailing comma"},
        {"{\"a\":'1'}", "a single-quoted string"},
        {"{/* c */\"a\":1}", "a comment"},
        {"[01]", "a leading zero"},
        {"[NaN]", "NaN"},
        {"{\"a\":Infinity}", "Infinity"},
        {"[-Infinity]", "-Infinity"},
        {"[True]", "True"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        STR_EQ(map_json(cases[i][0], strlen(cases[i][0])), "(refused)", cases[i][1]);
}

static void test_nesting(void)
{
    enum { DEEP = 100000 };
    char *s = malloc(2 * DEEP + 16);
    if (!OK(s != NULL, "memory for the deep cases"))
        return;
    /* 64 levels is the limit: 64 arrays around a number pass, 65 do not. */
    for (int depth = 64; depth <= 65; depth++) {
        memset(s, '[', (size_t)depth);
        s[depth] = '1';
        memset(s + depth + 1, ']', (size_t)depth);
        const char *r = map_json(s, 2 * (size_t)depth + 1);
        OK(depth == 64 ? strncmp(r, "<array>", 7) == 0 : strcmp(r, "(refused)") == 0,
           depth == 64 ? "64 levels pass" : "65 levels are refused");
    }
    clock_t t0 = clock();
    memset(s, '[', DEEP);
    memset(s + DEEP, ']', DEEP);
    STR_EQ(map_json(s, 2 * DEEP), "(refused)", "100 000 nested arrays");
    STR_EQ(map_json(s, DEEP), "(refused)", "100 000 unclosed arrays");
    size_t n = 0;
    for (int i = 0; i < DEEP / 5; i++) {
        memcpy(s + n, "{\"a\":", 5);
        n += 5;
    }
    s[n++] = '1';
    memset(s + n, '}', DEEP / 5);
    n += DEEP / 5;
    STR_EQ(map_json(s, n), "(refused)", "20 000 nested maps");
    OK(clock() - t0 < 2 * CLOCKS_PER_SEC, "deep nesting is refused at once");
    free(s);
}

/* A string of `n` bytes of 'x' as the value of "headline". */
static char *big_string(size_t n, bool closed)
{
    char *s = malloc(n + 32);
    if (!s)
        return NULL;
    strcpy(s, "{\"headline\":\"");
    size_t k = strlen(s);
    memset(s + k, 'x', n);
    strcpy(s + k + n, closed ? "\"}" : "");
    return s;
}

static void test_size(void)
{
    enum { MB50 = 50 * 1024 * 1024 };
    char *s = big_string(MB50, true);
    if (!OK(s != NULL, "memory for 50 MB"))
        return;
    xmlNodePtr parent = xmlNewNode(NULL, BAD_CAST "ld");
    INT_EQ(artx_json_to_xml(s, strlen(s), parent), 0, "a 50 MB string");
    xmlNodePtr str = parent->children ? parent->children->children : NULL;
    xmlChar *text = str ? xmlNodeGetContent(str) : NULL;
    INT_EQ(text ? xmlStrlen(text) : -1, MB50, "all 50 MB of it in the string element");
    xmlFree(text);
    xmlFreeNode(parent);
    free(s);
    s = big_string(MB50, false);
    OK(s && !strcmp(map_json(s, strlen(s)), "(refused)"), "an unterminated 50 MB string");
    free(s);

    /* Many small values are refused before json-c builds them, at a bound far
     * above real JSON-LD; a long text with few of them passes. */
    enum { MANY = 1000000 };
    s = malloc(3 * MANY + 2);
    if (!OK(s != NULL, "memory for many values"))
        return;
    s[0] = '[';
    for (size_t i = 0; i < MANY; i++)
        memcpy(s + 1 + 3 * i, "{},", 3);
    s[3 * MANY] = ']';
    clock_t t0 = clock();
    STR_EQ(map_json(s, 3 * MANY + 1), "(refused)", "a million empty maps");
    OK(clock() - t0 < CLOCKS_PER_SEC, "refused at once");
    /* 40 000 values are within the bound. */
    s[3 * 40000] = ']';
    OK(!strncmp(map_json(s, 3 * 40000 + 1), "<array><map/><map/>", 19), "40 000 values pass");
    free(s);
}

static void test_characters(void)
{
    STR_EQ(JSON("{\"a\":\"caf\xe9 \xff ok\",\"b\":\"\xed\xa0\x80\"}"),
           "<map><string key=\"a\">caf\xef\xbf\xbd \xef\xbf\xbd ok</string>"
           "<string key=\"b\">\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd</string></map>",
           "bytes that are not UTF-8 become U+FFFD");
    STR_EQ(JSON("{\"\xff\":1}"), "<map><number key=\"\xef\xbf\xbd\">1</number></map>",
           "in a name too");
    STR_EQ(JSON("\"a\\u0000b\""), "<string>ab</string>", "\\u0000 is dropped");
    STR_EQ(JSON("{\"k\\u0000ey\":1}"), "<map><number key=\"k\">1</number></map>",
           "\\u0000 ends a name (json-c keeps names as C strings)");
    STR_EQ(JSON("\"a\\ud800b\""), "<string>a\xef\xbf\xbd" "b</string>",
           "a lone high surrogate becomes U+FFFD");
    STR_EQ(JSON("\"a\\udc00b\""), "<string>a\xef\xbf\xbd" "b</string>",
           "a lone low surrogate becomes U+FFFD");
    STR_EQ(JSON("\"a\\ud800\\ud83d\\ude00\""), "<string>a\xef\xbf\xbd\xf0\x9f\x98\x80</string>",
           "a high surrogate before a pair");
    STR_EQ(JSON("\"\\uFFFE\\uFFFF\\u0001|\x01|\x1f|\""), "<string>|||</string>",
           "non-characters and C0 controls, escaped or raw, are dropped");
    STR_EQ(JSON("\"tab\tline\nend\""), "<string>tab\tline\nend</string>",
           "raw tab and line feed stay (pages write them)");
    STR_EQ(map_json("\"a\0b\"", 5), "(refused)", "a raw NUL ends the text for json-c");
}

static void test_duplicates_numbers(void)
{
    STR_EQ(JSON("{\"headline\":\"first\",\"x\":1,\"headline\":\"second\"}"),
           "<map><string key=\"headline\">second</string><number key=\"x\">1</number></map>",
           "a name given twice: its first place, its last value (JSON.parse)");
    STR_EQ(JSON("{\"n\":1e99999,\"m\":-1e-99999,\"h\":\"kept\"}"),
           "<map><number key=\"n\">1e99999</number><number key=\"m\">-1e-99999</number>"
           "<string key=\"h\">kept</string></map>",
           "numbers past a double keep their text");
    /* Integers beyond 64 bits cannot keep their text (json-c saturates) but
     * do not cost the block its other members. */
    const char *r = JSON("{\"n\":1234567890123456789012345678901234567890,"
                         "\"m\":-1234567890123456789012345678901234567890,\"h\":\"kept\"}");
    OK(!strncmp(r, "<map><number key=\"n\">", 21) && strstr(r, "<number key=\"m\">-") &&
           strstr(r, "<string key=\"h\">kept</string>"),
       "40-digit integers: the block is kept");
    STR_EQ(JSON("[-0]"), "<array><number>0</number></array>", "-0 is printed as 0");
}

int main(void)
{
    test_mapping();
    test_wrappers();
    test_refused();
    test_nesting();
    test_size();
    test_characters();
    test_duplicates_numbers();
    xmlCleanupParser();
    return harness_done("test_json");
}
