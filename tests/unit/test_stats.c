/* test_stats.c - -t stats on pages written for it, against counts made by
 * hand: words (a run of letters and digits is one), characters without
 * white space, repetitions, protected units and text, per block kind. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json_object.h>
#include <json-c/json_tokener.h>

#include "harness.h"
#include "internal.h"

/* The stats of an HTML page, parsed; NULL when a stage failed. */
static json_object *stats_of(const char *html)
{
    artx_error err = {0};
    xmlDocPtr page = NULL, art = NULL;
    artx_segmenter *seg = NULL;
    unsigned char *out = NULL;
    size_t len = 0;
    json_object *j = NULL;
    if (!artx_read((const unsigned char *)html, strlen(html), "test.html", ARTX_FROM_HTML,
                   &page, &err) &&
        !artx_normalise(page, ARTX_FROM_HTML, &art, &err) &&
        !artx_segmenter_new(NULL, &seg, &err) && !artx_sentences(art, seg, &err) &&
        !artx_transform(art, ARTX_TO_STATS, NULL, &out, &len, &err)) {
        OK(len > 0 && out[len - 1] == '\n' && !memchr(out, '\n', len - 1), "one line of JSON");
        j = json_tokener_parse((const char *)out);
    } else {
        fprintf(stderr, "stats: %s\n", err.message);
    }
    free(out);
    artx_segmenter_free(seg);
    xmlFreeDoc(art);
    xmlFreeDoc(page);
    return j;
}

/* The number at a path of keys ("repeated", "words", NULL), or -1. */
static long long at(json_object *j, ...)
{
    va_list ap;
    va_start(ap, j);
    for (const char *k; j && (k = va_arg(ap, const char *));)
        if (!json_object_object_get_ex(j, k, &j))
            j = NULL;
    va_end(ap);
    return j && json_object_is_type(j, json_type_int) ? (long long)json_object_get_int64(j) : -1;
}

static const char *string_at(json_object *j, const char *key)
{
    json_object *v;
    return json_object_object_get_ex(j, key, &v) ? json_object_get_string(v) : NULL;
}

static void test_english(void)
{
    /* Title 5 words, 18 characters; p1 "It rained all day." 4/15 and
     * "Streets flooded." 2/15; p2 repeats p1's first sentence (4/15); p3
     * 9 words (mayor's is one, 20 one), 48 characters; p4 only digits and
     * marks: a protected unit (10, 30, 11, 00: 4 words; 11 characters). */
    json_object *j = stats_of(
        "<html lang=\"en\"><head><title>Rain falls on the city</title></head><body><article>"
        "<h1>Rain falls on the city</h1><p>It rained all day. Streets flooded.</p>"
        "<p>It rained all day.</p>"
        "<p>Officials said 20 roads closed, the mayor's office said.</p>"
        "<p>10:30 ~ 11:00</p></article></body></html>");
    if (!OK(j != NULL, "english: stats"))
        return;
    STR_EQ(string_at(j, "language"), "en", "english: language");
    STR_EQ(string_at(j, "basis"), "words", "english: quoted by words");
    INT_EQ(at(j, "units", NULL), 4, "english: units");
    INT_EQ(at(j, "segments", NULL), 5, "english: segments");
    INT_EQ(at(j, "words", NULL), 24, "english: words");
    INT_EQ(at(j, "characters", NULL), 111, "english: characters");
    INT_EQ(at(j, "repeated", "segments", NULL), 1, "english: repeated segments");
    INT_EQ(at(j, "repeated", "words", NULL), 4, "english: repeated words");
    INT_EQ(at(j, "repeated", "characters", NULL), 15, "english: repeated characters");
    INT_EQ(at(j, "protected", "units", NULL), 1, "english: protected units");
    INT_EQ(at(j, "protected", "words", NULL), 4, "english: protected words");
    INT_EQ(at(j, "protected", "characters", NULL), 11, "english: protected characters");
    INT_EQ(at(j, "blocks", "title", "words", NULL), 5, "english: title words");
    INT_EQ(at(j, "blocks", "title", "characters", NULL), 18, "english: title characters");
    INT_EQ(at(j, "blocks", "p", "units", NULL), 3, "english: paragraphs");
    INT_EQ(at(j, "blocks", "p", "segments", NULL), 4, "english: paragraph segments");
    INT_EQ(at(j, "blocks", "p", "words", NULL), 19, "english: paragraph words");
    json_object_put(j);
}

static void test_korean(void)
{
    /* 서울에 비가 온다: 3 words, 7 characters.  서울시는 오늘 도로 20곳을
     * 통제했다. (5 words, 17 characters; 20곳을 is one) 시민들은 불편을
     * 겪었다. (3, 11). */
    json_object *j = stats_of(
        "<html lang=\"ko\"><body><article><h1>서울에 비가 온다</h1>"
        "<p>서울시는 오늘 도로 20곳을 통제했다. 시민들은 불편을 겪었다.</p>"
        "</article></body></html>");
    if (!OK(j != NULL, "korean: stats"))
        return;
    STR_EQ(string_at(j, "basis"), "characters", "korean: quoted by characters");
    INT_EQ(at(j, "units", NULL), 2, "korean: units");
    INT_EQ(at(j, "segments", NULL), 3, "korean: segments");
    INT_EQ(at(j, "words", NULL), 11, "korean: words");
    INT_EQ(at(j, "characters", NULL), 35, "korean: characters");
    INT_EQ(at(j, "blocks", "p", "characters", NULL), 28, "korean: paragraph characters");
    INT_EQ(at(j, "repeated", "segments", NULL), 0, "korean: nothing repeated");
    json_object_put(j);
}

static void test_protected_text(void)
{
    /* p1 "Call Kim Bo-ra now." with Kim Bo-ra kept: Call, now (2 words, 8
     * characters) and, protected, Kim, Bo, ra (3; 8 with the hyphen); p2
     * "The mayor wrote to desk@example.org and to www.example.org today.":
     * The, mayor, wrote, to, and, to, today (7; 26), protected
     * desk@example.org (1 word, 16 characters) and www.example.org (1, 15);
     * p3 kept whole: Acme Ltd, a protected unit (2 words, 7 characters). */
    json_object *j = stats_of(
        "<html lang=\"en\"><body><article><h1>A</h1>"
        "<p>Call <b class=\"notranslate\">Kim Bo-ra</b> now.</p>"
        "<p>The mayor wrote to desk@example.org and to www.example.org today.</p>"
        "<p translate=\"no\">Acme Ltd</p></article></body></html>");
    if (!OK(j != NULL, "protected: stats"))
        return;
    INT_EQ(at(j, "blocks", "p", "units", NULL), 2, "protected: translatable paragraphs");
    INT_EQ(at(j, "blocks", "p", "words", NULL), 9, "protected: translatable words");
    INT_EQ(at(j, "blocks", "p", "characters", NULL), 34, "protected: translatable characters");
    INT_EQ(at(j, "protected", "units", NULL), 1, "protected: units");
    INT_EQ(at(j, "protected", "segments", NULL), 1, "protected: segments");
    INT_EQ(at(j, "protected", "words", NULL), 7, "protected: words");
    INT_EQ(at(j, "protected", "characters", NULL), 46, "protected: characters");
    json_object_put(j);
}

static void test_format(void)
{
    artx_format f;
    INT_EQ(artx_format_from_name("stats", &f), 0, "-t stats");
    INT_EQ(f, ARTX_TO_STATS, "stats is ARTX_TO_STATS");
    INT_EQ(artx_format_from_path("job.json", &f), 0, ".json");
    INT_EQ(f, ARTX_TO_STATS, ".json names stats");
}

int main(void)
{
    artx_init();
    test_english();
    test_korean();
    test_protected_text();
    test_format();
    artx_cleanup();
    return harness_done("test_stats");
}
