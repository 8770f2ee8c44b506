/* json.c - JSON text to an XML tree, so that JSON-LD metadata is queried
 * with XPath like the rest of the page.  The tree has the shape of XPath
 * 3.1's json-to-xml(): map, array, string, number, boolean, null elements,
 * members carrying their name in @key. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Deeper nesting than this is refused: JSON-LD never needs it, and the
 * recursion must stay bounded on hostile input. */
#define MAX_DEPTH 64

typedef struct json {
    const char *p, *end;
    xmlBufferPtr buf; /* scratch for decoded strings */
} json;

static void ws(json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static int hex4(const char *p, const char *end, unsigned *out)
{
    unsigned v = 0;
    if (end - p < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static void put_utf8(xmlBufferPtr b, unsigned long cp)
{
    unsigned char u[4];
    int n;
    if (!artx_xml_char_ok((long)cp))
        return; /* XML cannot carry it; JSON-LD text never needs it */
    if (cp < 0x80)
        u[0] = (unsigned char)cp, n = 1;
    else if (cp < 0x800)
        u[0] = (unsigned char)(0xC0 | cp >> 6), u[1] = (unsigned char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        u[0] = (unsigned char)(0xE0 | cp >> 12), u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F)),
        u[2] = (unsigned char)(0x80 | (cp & 0x3F)), n = 3;
    else
        u[0] = (unsigned char)(0xF0 | cp >> 18), u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F)),
        u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F)), u[3] = (unsigned char)(0x80 | (cp & 0x3F)),
        n = 4;
    xmlBufferAdd(b, u, n);
}

/* Decode a string at j->p (on the opening quote) into j->buf. */
static int string(json *j)
{
    xmlBufferEmpty(j->buf);
    j->p++;
    while (j->p < j->end && *j->p != '"') {
        if (*j->p != '\\') {
            const char *s = j->p;
            while (j->p < j->end && *j->p != '"' && *j->p != '\\')
                j->p++;
            xmlBufferAdd(j->buf, (const xmlChar *)s, (int)(j->p - s));
            continue;
        }
        if (++j->p >= j->end)
            return -1;
        char e = *j->p++;
        unsigned cp, lo;
        switch (e) {
        case '"': case '\\': case '/':
            xmlBufferAdd(j->buf, (const xmlChar *)&e, 1);
            break;
        case 'b': case 'f': break;
        case 'n': xmlBufferAdd(j->buf, BAD_CAST "\n", 1); break;
        case 'r': xmlBufferAdd(j->buf, BAD_CAST "\r", 1); break;
        case 't': xmlBufferAdd(j->buf, BAD_CAST "\t", 1); break;
        case 'u':
            if (hex4(j->p, j->end, &cp))
                return -1;
            j->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && j->end - j->p >= 6 && j->p[0] == '\\' &&
                j->p[1] == 'u' && !hex4(j->p + 2, j->end, &lo) && lo >= 0xDC00 &&
                lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                j->p += 6;
            }
            put_utf8(j->buf, cp);
            break;
        default:
            return -1;
        }
    }
    if (j->p >= j->end)
        return -1;
    j->p++;
    return 0;
}

static int value(json *j, xmlNodePtr parent, const xmlChar *key, int depth);

/* Skip one or more digits; false when there are none. */
static bool digit_run(json *j)
{
    const char *s = j->p;
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
        j->p++;
    return j->p > s;
}

static xmlNodePtr add(xmlNodePtr parent, const char *name, const xmlChar *key,
                      const xmlChar *text)
{
    xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
    if (!n)
        return NULL;
    if (text)
        xmlNodeAddContent(n, text);
    if (key)
        xmlNewProp(n, BAD_CAST "key", key);
    return n;
}

static int container(json *j, xmlNodePtr parent, const xmlChar *key, int depth, bool is_map)
{
    xmlNodePtr n = add(parent, is_map ? "map" : "array", key, NULL);
    if (!n)
        return -1;
    j->p++;
    ws(j);
    if (j->p < j->end && *j->p == (is_map ? '}' : ']')) {
        j->p++;
        return 0;
    }
    for (;;) {
        xmlChar *k = NULL;
        ws(j);
        if (is_map) {
            if (j->p >= j->end || *j->p != '"' || string(j))
                return -1;
            k = xmlStrdup(xmlBufferContent(j->buf));
            ws(j);
            if (j->p >= j->end || *j->p != ':') {
                xmlFree(k);
                return -1;
            }
            j->p++;
        }
        int r = value(j, n, k, depth + 1);
        xmlFree(k);
        if (r)
            return -1;
        ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == (is_map ? '}' : ']')) {
            j->p++;
            return 0;
        }
        return -1;
    }
}

static int value(json *j, xmlNodePtr parent, const xmlChar *key, int depth)
{
    if (depth > MAX_DEPTH)
        return -1;
    ws(j);
    if (j->p >= j->end)
        return -1;
    switch (*j->p) {
    case '{':
        return container(j, parent, key, depth, true);
    case '[':
        return container(j, parent, key, depth, false);
    case '"':
        if (string(j))
            return -1;
        return add(parent, "string", key, xmlBufferContent(j->buf)) ? 0 : -1;
    default:
        break;
    }
    static const char *const words[] = {"true", "false", "null"};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(j->end - j->p) >= n && !strncmp(j->p, words[i], n)) {
            j->p += n;
            return add(parent, i == 2 ? "null" : "boolean", key,
                       i == 2 ? NULL : BAD_CAST words[i]) ? 0 : -1;
        }
    }
    /* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    const char *s = j->p;
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (!digit_run(j))
        return -1;
    if (s[*s == '-'] == '0' && j->p - s > 1 + (*s == '-'))
        return -1;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (!digit_run(j))
            return -1;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (!digit_run(j))
            return -1;
    }
    xmlChar *num = xmlStrndup(BAD_CAST s, (int)(j->p - s));
    xmlNodePtr n = add(parent, "number", key, num);
    xmlFree(num);
    return n ? 0 : -1;
}

int artx_json_to_xml(const char *text, size_t len, xmlNodePtr parent)
{
    xmlNodePtr holder = xmlNewNode(NULL, BAD_CAST "holder");
    json j = {text, text + len, xmlBufferCreate()};
    int r = -1;
    if (!holder || !j.buf)
        goto out;
    /* Pages wrap JSON-LD in comments or CDATA markers now and then. */
    ws(&j);
    if (j.end - j.p >= 4 && !strncmp(j.p, "<!--", 4))
        j.p += 4;
    if (value(&j, holder, NULL, 0) == 0) {
        xmlNodePtr v = holder->children;
        xmlUnlinkNode(v);
        xmlAddChild(parent, v);
        r = 0;
    }
out:
    xmlFreeNode(holder);
    if (j.buf)
        xmlBufferFree(j.buf);
    return r;
}
