/* stats.c - the counts a translator quotes a job on (-t stats): units,
 * segments, words and characters of an article, as one JSON object.
 *
 * The counts are taken from the article's XLIFF 2.0 (the stylesheet of
 * -t xliff, run in memory), so that they are the counts of exactly what a
 * CAT tool would be given: the same units, the same segments, the same
 * source text (inline codes carry none).  Words are ICU's word breaks
 * (UBRK_WORD) whose status is not "none" (letters, numbers, kana,
 * ideographs: not spaces or punctuation); characters are code points that
 * are not White_Space.  Korean, Japanese and Chinese are quoted by
 * characters, other languages by words ("basis").  A segment whose text
 * (white space folded) came earlier in the article is a repetition.
 *
 * A run of letters and digits with no space or mark inside is one word,
 * whatever ICU's cuts inside it.
 *
 * Keys, in this order:
 *   language, basis ("words" | "characters"),
 *   units, segments, words, characters      everything translatable
 *   repeated   {segments, words, characters} repetitions among those
 *   protected  {units, segments, words, characters}   translate="no" units,
 *              and the words and characters of protected text (mrk
 *              translate="no": addresses, what the page asks to keep)
 *              inside translatable ones
 *   blocks     {KIND: {units, segments, words, characters}, ...}
 *              per unit name (title, p, h2, caption, alt, credit, li, ...),
 *              in the order the kinds first appear. */
#include <stdlib.h>
#include <string.h>

#include <json-c/json_object.h>
#include <libxml/hash.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "internal.h"

#define XLIFF20_NS "urn:oasis:names:tc:xliff:document:2.0"

typedef struct counts {
    size_t units, segments, words, characters;
} counts;

typedef struct tally {
    const char *lang;
    UBreakIterator *words;
    xmlHashTablePtr seen;   /* segment texts met so far */
    counts all, repeated, protected_;
    struct kind {
        char *name;
        counts c;
    } **order;              /* the kinds in the order met, owned */
    size_t nkinds, cap;
    bool oom;
} tally;

static bool is_element(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST XLIFF20_NS) &&
           xmlStrEqual(n->name, BAD_CAST name);
}

/* Words and characters of UTF-8 text. */
static void count_text(tally *t, const char *s, size_t *words, size_t *chars)
{
    int32_t n = 0, len = (int32_t)strlen(s);
    *words = *chars = 0;
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        *chars += c >= 0 && !u_isUWhiteSpace(c);
    }
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8WithSub(NULL, 0, &n, s, len, 0xFFFD, NULL, &status);
    UChar *u = n > 0 ? malloc(((size_t)n + 1) * sizeof *u) : NULL;
    status = U_ZERO_ERROR;
    if (n > 0 && !u) {
        t->oom = true;
        return;
    }
    if (!u)
        return;
    u_strFromUTF8WithSub(u, n + 1, NULL, s, len, 0xFFFD, NULL, &status);
    ubrk_setText(t->words, u, n, &status);
    /* ICU cuts "20곳을" and "COVID19" at the change of script or digit;
     * a reader counts one word until a space or a mark.  Kana and
     * ideographs are words of their own, with nothing between them. */
    bool joinable = false;
    for (int32_t b = ubrk_first(t->words); U_SUCCESS(status) && b != UBRK_DONE;
         b = ubrk_next(t->words)) {
        if (b == 0)
            continue;
        int32_t rule = ubrk_getRuleStatus(t->words);
        bool word = rule >= UBRK_WORD_NONE_LIMIT;
        bool join = word && rule < UBRK_WORD_KANA;
        *words += word && !(join && joinable);
        joinable = join;
    }
    ubrk_setText(t->words, NULL, 0, &status);
    if (status == U_MEMORY_ALLOCATION_ERROR)
        t->oom = true;
    free(u);
}

/* The counts of unit kind `name`; a linear search, as an article has a
 * handful of kinds. */
static counts *kind_counts(tally *t, const char *name)
{
    for (size_t i = 0; i < t->nkinds; i++)
        if (!strcmp(t->order[i]->name, name))
            return &t->order[i]->c;
    if (t->nkinds == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 8;
        struct kind **o = realloc(t->order, cap * sizeof *o);
        if (!o)
            return NULL;
        t->order = o;
        t->cap = cap;
    }
    struct kind *k = calloc(1, sizeof *k);
    if (!k || !(k->name = strdup(name))) {
        free(k);
        return NULL;
    }
    t->order[t->nkinds++] = k;
    return &k->c;
}

static void add(counts *c, size_t segments, size_t words, size_t chars)
{
    c->segments += segments;
    c->words += words;
    c->characters += chars;
}

/* The text of a source, apart: what is to be translated into `open`, the
 * protected text (mrk translate="no") into `kept`; a space stands for
 * each piece taken out, so that the words on either side stay apart. */
static void split_source(xmlNodePtr n, xmlBufferPtr open, xmlBufferPtr kept, bool in_kept)
{
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            xmlBufferCat(in_kept ? kept : open, k->content);
        } else if (k->type == XML_ELEMENT_NODE) {
            xmlChar *tr = is_element(k, "mrk") ? xmlGetProp(k, BAD_CAST "translate") : NULL;
            bool protect = in_kept || (tr && xmlStrEqual(tr, BAD_CAST "no"));
            xmlFree(tr);
            if (protect && !in_kept)
                xmlBufferCat(open, BAD_CAST " ");
            split_source(k, open, kept, protect);
            if (protect && !in_kept)
                xmlBufferCat(kept, BAD_CAST " ");
        }
    }
}

static void count_unit(tally *t, xmlNodePtr unit)
{
    xmlChar *name = xmlGetProp(unit, BAD_CAST "name");
    xmlChar *translate = xmlGetProp(unit, BAD_CAST "translate");
    bool protect = translate && xmlStrEqual(translate, BAD_CAST "no");
    counts u = {1, 0, 0, 0};
    for (xmlNodePtr seg = unit->children; seg; seg = seg->next) {
        if (!is_element(seg, "segment"))
            continue;
        xmlNodePtr src = seg->children;
        while (src && !is_element(src, "source"))
            src = src->next;
        xmlChar *text = src ? xmlNodeGetContent(src) : NULL;
        size_t words = 0, chars = 0;
        if (text && protect) {
            count_text(t, (const char *)text, &words, &chars);
        } else if (text) {
            xmlBufferPtr open = xmlBufferCreate(), kept = xmlBufferCreate();
            if (open && kept) {
                split_source(src, open, kept, false);
                size_t kw = 0, kc = 0;
                count_text(t, (const char *)xmlBufferContent(open), &words, &chars);
                count_text(t, (const char *)xmlBufferContent(kept), &kw, &kc);
                add(&t->protected_, 0, kw, kc);
            } else {
                t->oom = true;
            }
            xmlBufferFree(open);
            xmlBufferFree(kept);
        }
        add(&u, 1, words, chars);
        char *key = text && !protect ? artx_text_collapse((const char *)text) : NULL;
        if (key && *key) {
            if (xmlHashLookup(t->seen, BAD_CAST key))
                add(&t->repeated, 1, words, chars);
            else if (xmlHashAddEntry(t->seen, BAD_CAST key, t))
                t->oom = true;
        } else if (text && !protect && !key) {
            t->oom = true;
        }
        free(key);
        xmlFree(text);
    }
    counts *total = protect ? &t->protected_ : &t->all;
    total->units++;
    add(total, u.segments, u.words, u.characters);
    counts *k = protect ? NULL : kind_counts(t, name ? (const char *)name : "unit");
    if (k) {
        k->units++;
        add(k, u.segments, u.words, u.characters);
    } else if (!protect) {
        t->oom = true;
    }
    xmlFree(name);
    xmlFree(translate);
}

static void walk(tally *t, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (is_element(n, "unit"))
            count_unit(t, n);
        else if (is_element(n, "file") || is_element(n, "group"))
            walk(t, n->children);
    }
}

static json_object *counts_json(const counts *c, bool units)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    if (units)
        json_object_object_add(o, "units", json_object_new_uint64(c->units));
    json_object_object_add(o, "segments", json_object_new_uint64(c->segments));
    json_object_object_add(o, "words", json_object_new_uint64(c->words));
    json_object_object_add(o, "characters", json_object_new_uint64(c->characters));
    return o;
}

/* Korean, Japanese and Chinese are quoted by characters. */
static bool by_characters(const char *lang)
{
    return (!strncmp(lang, "ko", 2) || !strncmp(lang, "ja", 2) || !strncmp(lang, "zh", 2)) &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

static int to_json(tally *t, unsigned char **out, size_t *len, artx_error *err)
{
    json_object *o = json_object_new_object(), *blocks = json_object_new_object();
    if (!o || !blocks) {
        json_object_put(o);
        json_object_put(blocks);
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }
    json_object_object_add(o, "language", json_object_new_string(t->lang));
    json_object_object_add(o, "basis",
                           json_object_new_string(by_characters(t->lang) ? "characters" : "words"));
    json_object_object_add(o, "units", json_object_new_uint64(t->all.units));
    json_object_object_add(o, "segments", json_object_new_uint64(t->all.segments));
    json_object_object_add(o, "words", json_object_new_uint64(t->all.words));
    json_object_object_add(o, "characters", json_object_new_uint64(t->all.characters));
    json_object_object_add(o, "repeated", counts_json(&t->repeated, false));
    json_object_object_add(o, "protected", counts_json(&t->protected_, true));
    for (size_t i = 0; i < t->nkinds; i++)
        json_object_object_add(blocks, t->order[i]->name, counts_json(&t->order[i]->c, true));
    json_object_object_add(o, "blocks", blocks);
    size_t n = 0;
    const char *s = json_object_to_json_string_length(o, JSON_C_TO_STRING_PLAIN, &n);
    int ret = 0;
    if (!s || !(*out = malloc(n + 2)))
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    else {
        memcpy(*out, s, n);
        (*out)[n] = '\n';
        (*out)[n + 1] = '\0';
        *len = n + 1;
    }
    json_object_put(o);
    return ret;
}

int artx_stats(xmlDocPtr article, const char *const *params, unsigned char **out, size_t *len,
               artx_error *err)
{
    xmlDocPtr x = NULL;
    *out = NULL;
    *len = 0;
    int ret = artx_stylesheet_apply("article-to-xliff20.xsl", article, params, &x, NULL, err);
    if (ret)
        return ret;
    xmlNodePtr root = xmlDocGetRootElement(x);
    xmlChar *lang = root ? xmlGetProp(root, BAD_CAST "srcLang") : NULL;
    UErrorCode status = U_ZERO_ERROR;
    tally t = {.lang = lang ? (const char *)lang : ""};
    t.words = ubrk_open(UBRK_WORD, t.lang, NULL, 0, &status);
    t.seen = xmlHashCreate(64);
    if (U_FAILURE(status) || !t.seen)
        t.oom = true;
    else if (root && is_element(root, "xliff"))
        walk(&t, root->children);
    ret = t.oom ? artx_fail(err, ARTX_ERR_NOMEM, "out of memory") : to_json(&t, out, len, err);
    ubrk_close(t.words);
    xmlHashFree(t.seen, NULL);
    for (size_t i = 0; i < t.nkinds; i++) {
        free(t.order[i]->name);
        free(t.order[i]);
    }
    free(t.order);
    xmlFree(lang);
    xmlFreeDoc(x);
    return ret;
}
