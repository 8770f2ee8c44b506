/* json.c - JSON text to an XML tree, so that JSON-LD metadata is queried
 * with XPath like the rest of the page.  The tree has the shape of XPath
 * 3.1's json-to-xml(): map, array, string, number, boolean, null elements,
 * members carrying their name in @key.  json-c parses; this file maps. */
#include <limits.h>
#include <string.h>

#include <json-c/json_object.h>
#include <json-c/json_object_iterator.h>
#include <json-c/json_tokener.h>

#include "internal.h"

/* Deeper nesting than this is refused: JSON-LD never needs it, and the
 * mapping below recurses. */
#define MAX_DEPTH 64

/* A text that may hold more values than this is refused before json-c
 * sees it: json-c spends about 800 bytes on every object (a hash table of
 * 16 slots), so 10 MB of "{}," took 3.2 GB and 15 s (the XML tree alone
 * 0.6 GB); at the bound that is some 40 MB.  The largest JSON-LD block of
 * the test corpus has 273 of the bytes counted. */
#define MAX_VALUES 50000

/* Every value but the first follows a '[', ',' or ':' (those inside
 * strings count too: this is an upper bound). */
static bool too_many_values(const char *p, const char *end)
{
    size_t n = 1;
    for (; p < end; p++)
        if ((*p == '[' || *p == ',' || *p == ':') && ++n > MAX_VALUES)
            return true;
    return false;
}

/* What XML 1.0 can hold of s[0..len): its length, the bytes written to
 * `out` unless that is NULL.  Bytes that are not UTF-8 become U+FFFD, as a
 * browser decodes them; code points XML forbids (U+0000, most C0
 * controls, U+FFFE: JSON may write any of them) are dropped.  *changed
 * says whether that differs from s. */
static size_t xml_chars(const char *s, size_t len, xmlChar *out, bool *changed)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    size_t n = 0;
    *changed = false;
    while (p < end) {
        const unsigned char *c = p;
        long cp = artx_utf8_next(&p, end);
        const void *put = c;
        size_t k = (size_t)(p - c);
        if (cp < 0) {
            put = replacement;
            k = 3;
            *changed = true;
        } else if (!artx_xml_char_ok(cp)) {
            k = 0;
            *changed = true;
        }
        if (out)
            memcpy(out + n, put, k);
        n += k;
    }
    if (out)
        out[n] = '\0';
    return n;
}

/* s (NUL-terminated, len bytes before the NUL) as XML can hold it: s
 * itself, or a copy left in *copy for the caller to xmlFree().  NULL when
 * out of memory or too long for libxml2's int lengths. */
static const xmlChar *xml_text(const char *s, size_t *len, xmlChar **copy)
{
    bool changed;
    size_t n = xml_chars(s, *len, NULL, &changed);
    *copy = NULL;
    if (n > INT_MAX)
        return NULL;
    if (!changed)
        return BAD_CAST s;
    if (!(*copy = xmlMalloc(n + 1)))
        return NULL;
    xml_chars(s, *len, *copy, &changed);
    *len = n;
    return *copy;
}

static xmlNodePtr add(xmlNodePtr parent, const char *name, const char *key, const char *text,
                      size_t len)
{
    xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
    xmlChar *copy = NULL;
    if (n && key) {
        size_t klen = strlen(key);
        const xmlChar *k = xml_text(key, &klen, &copy);
        if (!k || !xmlNewProp(n, BAD_CAST "key", k))
            n = NULL;
        xmlFree(copy);
    }
    if (n && text) {
        const xmlChar *t = xml_text(text, &len, &copy);
        if (t)
            xmlNodeAddContentLen(n, t, (int)len);
        else
            n = NULL;
        xmlFree(copy);
    }
    return n;
}

static int to_xml(json_object *v, xmlNodePtr parent, const char *key)
{
    xmlNodePtr n;
    const char *s;
    switch (json_object_get_type(v)) {
    case json_type_null:
        return add(parent, "null", key, NULL, 0) ? 0 : -1;
    case json_type_boolean:
        s = json_object_get_boolean(v) ? "true" : "false";
        return add(parent, "boolean", key, s, strlen(s)) ? 0 : -1;
    case json_type_double:
    case json_type_int:
        /* A number with a fraction or an exponent keeps the text the page
         * wrote; an integer is printed from json-c's 64-bit value, which is
         * the same text unless it was -0 or did not fit. */
        s = json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN);
        /* json-c reads NaN and Infinity even when strict; JSON has neither. */
        if (!s || s[*s == '-'] < '0' || s[*s == '-'] > '9')
            return -1;
        return add(parent, "number", key, s, strlen(s)) ? 0 : -1;
    case json_type_string:
        return add(parent, "string", key, json_object_get_string(v),
                   (size_t)json_object_get_string_len(v)) ? 0 : -1;
    case json_type_array:
        if (!(n = add(parent, "array", key, NULL, 0)))
            return -1;
        for (size_t i = 0; i < json_object_array_length(v); i++)
            if (to_xml(json_object_array_get_idx(v, i), n, NULL))
                return -1;
        return 0;
    case json_type_object:
        if (!(n = add(parent, "map", key, NULL, 0)))
            return -1;
        /* Members in the page's order; of a name given twice, json-c keeps
         * the first place and the last value, as JavaScript's JSON.parse. */
        for (struct json_object_iterator it = json_object_iter_begin(v),
                                         end = json_object_iter_end(v);
             !json_object_iter_equal(&it, &end); json_object_iter_next(&it))
            if (to_xml(json_object_iter_peek_value(&it), n, json_object_iter_peek_name(&it)))
                return -1;
        return 0;
    }
    return -1;
}

/* One JSON value at p into *out (json_object_put() it; a JSON null is
 * NULL).  Returns where the value ends, or NULL when there is none. */
static const char *parse_one(const char *p, const char *end, json_object **out)
{
    /* json-c's depth counts the level it starts on too. */
    json_tokener *tok = json_tokener_new_ex(MAX_DEPTH + 1);
    if (!tok) {
        artx_oom();
        return NULL;
    }
    /* Strict is the grammar of JSON (no comments, single quotes, trailing
     * commas or leading zeros); what follows the value is left to us. */
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS);
    *out = json_tokener_parse_ex(tok, p, (int)(end - p));
    const char *next = p + json_tokener_get_parse_end(tok);
    /* A number at the very end is complete only once json-c sees a NUL. */
    if (json_tokener_get_error(tok) == json_tokener_continue) {
        *out = json_tokener_parse_ex(tok, "", 1);
        next = end;
    }
    /* Freed before the mapping: its buffer is as long as the longest string. */
    bool ok = json_tokener_get_error(tok) == json_tokener_success;
    json_tokener_free(tok);
    return ok ? next : NULL;
}

int artx_json_to_xml(const char *text, size_t len, xmlNodePtr parent)
{
    const char *p = text, *end = text + len;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    /* Pages wrap JSON-LD in an HTML comment now and then; the closing
     * "-->" is ignored like anything else after the values. */
    if (end - p >= 4 && !strncmp(p, "<!--", 4))
        p += 4;
    if (end - p >= INT_MAX || too_many_values(p, end))
        return -1;
    int ret = -1;
    xmlNodePtr holder = xmlNewNode(NULL, BAD_CAST "holder");
    /* Values written one after another each become a child of parent. */
    while (holder && p < end) {
        json_object *v;
        const char *next = parse_one(p, end, &v);
        if (!next)
            break;
        int bad = to_xml(v, holder, NULL);
        json_object_put(v);
        if (bad)
            break;
        xmlNodePtr child = holder->children;
        xmlUnlinkNode(child);
        xmlAddChild(parent, child);
        ret = 0;
        p = next;
    }
    xmlFreeNode(holder);
    return ret;
}
