/* protect.c - text in running prose that a translator must leave as it
 * is: web addresses and e-mail addresses become <span translate="no">
 * before the block is split into sentences, so that no sentence breaks
 * inside one and every output and the XLIFF carry them as protected text
 * (the front end marks what the page itself asks to keep, inline.c).
 *
 * An address is plain ASCII here: a URL with a scheme (http, https, ftp)
 * or starting "www.", an e-mail address with a dot in its domain.  Korean
 * and Japanese text often runs on after an address with no space ("... 
 * www.example.go.kr에서"), so a letter outside ASCII ends it; an IRI's
 * non-ASCII path is cut there too, the lesser harm.  Punctuation that ends
 * the sentence or closes a bracket opened before the address is not part
 * of it. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uregex.h>
#include <unicode/utext.h>

#include "internal.h"
#include "model.h"

struct artx_addresses {
    URegularExpression *re;
};

/* Printable ASCII but space, '"', '<' and '>': what a URL in text is made of. */
#define URL_CHAR "[\\x21\\x23-\\x3B\\x3D\\x3F-\\x7E]"
#define LABEL "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
static const char pattern[] =
    "(?<![A-Za-z0-9])(?:(?:https?|ftp)://|www\\.)" URL_CHAR "+"
    "|(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@" LABEL "(?:\\." LABEL ")*\\.[A-Za-z]{2,}";

artx_addresses *artx_addresses_new(artx_error *err)
{
    artx_addresses *a = calloc(1, sizeof *a);
    if (!a) {
        artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        return NULL;
    }
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    a->re = uregex_openC(pattern, UREGEX_CASE_INSENSITIVE, &pe, &st);
    if (U_FAILURE(st)) {
        artx_fail(err, st == U_MEMORY_ALLOCATION_ERROR ? ARTX_ERR_NOMEM : ARTX_ERR_INVALID,
                  "address pattern: %s", u_errorName(st));
        free(a);
        return NULL;
    }
    return a;
}

void artx_addresses_free(artx_addresses *a)
{
    if (!a)
        return;
    uregex_close(a->re);
    free(a);
}

/* Where the address [s, e) of text really ends: trailing sentence
 * punctuation and quotes off, and a closing bracket off unless the
 * address opened it (a Wikipedia URL ending in "_(film)"). */
static size_t trim(const char *text, size_t s, size_t e)
{
    while (e > s) {
        char c = text[e - 1];
        const char *pair = c == ')' ? "(" : c == ']' ? "[" : c == '}' ? "{" : NULL;
        if (pair) {
            size_t opened = 0, closed = 0;
            for (size_t i = s; i < e; i++) {
                opened += text[i] == *pair;
                closed += text[i] == c;
            }
            if (closed <= opened)
                break;
        } else if (!strchr(".,;:!?'*", c)) {
            break;
        }
        e--;
    }
    return e;
}

/* Worth a look: only text with "@", "://" or "www." can hold an address,
 * and most text holds none. */
static bool may_hold(const xmlChar *t)
{
    return t && (strchr((const char *)t, '@') || strstr((const char *)t, "://") ||
                 xmlStrcasestr(t, BAD_CAST "www."));
}

/* Cut text node k into pieces: text, span translate="no", text...  k keeps
 * the text before the first address; the rest follows it (libxml2 merges
 * a text node into an adjacent one as it is added, so nothing is added
 * before k). */
static int split(xmlNodePtr k, const size_t *cuts, size_t ncuts)
{
    xmlChar *t = xmlStrdup(k->content);
    if (!t)
        return -1;
    size_t len = strlen((const char *)t);
    xmlNodePtr at = k;
    int ret = 0;
    for (size_t i = 0; i + 1 < ncuts && !ret; i += 2) {
        size_t stop = i + 2 < ncuts ? cuts[i + 2] : len;
        xmlNodePtr span = xmlNewNode(k->parent->ns, BAD_CAST "span");
        xmlNodePtr inner = xmlNewTextLen(t + cuts[i], (int)(cuts[i + 1] - cuts[i]));
        if (!span || !inner || !xmlNewProp(span, BAD_CAST "translate", BAD_CAST "no")) {
            xmlFreeNode(span);
            xmlFreeNode(inner);
            ret = -1;
            break;
        }
        xmlAddChild(span, inner);
        at = xmlAddNextSibling(at, span);
        if (stop > cuts[i + 1]) {
            xmlNodePtr after = xmlNewTextLen(t + cuts[i + 1], (int)(stop - cuts[i + 1]));
            at = after ? xmlAddNextSibling(at, after) : NULL;
        }
        ret = at ? 0 : -1;
    }
    if (!ret) {
        xmlNodeSetContentLen(k, t, (int)cuts[0]);
        if (cuts[0] == 0) {
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        }
    }
    xmlFree(t);
    return ret;
}

/* The addresses of one text node, as cut points (start, end, start, ...). */
static int protect_text(const artx_addresses *a, xmlNodePtr k, artx_error *err)
{
    const char *t = (const char *)k->content;
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, t, -1, &st);
    uregex_setUText(a->re, ut, &st);
    size_t *cuts = NULL, n = 0, cap = 0;
    int ret = 0;
    while (U_SUCCESS(st) && uregex_findNext(a->re, &st)) {
        size_t s = (size_t)uregex_start64(a->re, 0, &st);
        size_t e = trim(t, s, (size_t)uregex_end64(a->re, 0, &st));
        /* a host needs a dot: "www." or "http://" alone is no address */
        if (U_FAILURE(st) || !memchr(t + s, '.', e - s))
            continue;
        if (n + 2 > cap) {
            cap = cap ? cap * 2 : 8;
            size_t *more = realloc(cuts, cap * sizeof *cuts);
            if (!more) {
                ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
                break;
            }
            cuts = more;
        }
        cuts[n++] = s;
        cuts[n++] = e;
    }
    if (!ret && U_FAILURE(st))
        ret = artx_fail(err, st == U_MEMORY_ALLOCATION_ERROR ? ARTX_ERR_NOMEM : ARTX_ERR_INVALID,
                        "finding addresses: %s", u_errorName(st));
    /* the expression must not keep a pointer to text about to be freed */
    UErrorCode reset = U_ZERO_ERROR;
    uregex_setText(a->re, (const UChar[]){0}, 0, &reset);
    utext_close(ut);
    if (!ret && n && split(k, cuts, n))
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    free(cuts);
    return ret;
}

static int protect_under(const artx_addresses *a, xmlNodePtr n, int depth, artx_error *err)
{
    int ret = 0;
    xmlNodePtr next;
    for (xmlNodePtr k = n->children; k && !ret && depth < 256; k = next) {
        next = k->next;
        if (k->type == XML_TEXT_NODE && may_hold(k->content))
            ret = protect_text(a, k, err);
        else if (k->type == XML_ELEMENT_NODE && !artx_model_is_list(k) && !artx_model_is_kept(k))
            ret = protect_under(a, k, depth + 1, err);
    }
    return ret;
}

int artx_addresses_protect(const artx_addresses *a, xmlNodePtr block, artx_error *err)
{
    return artx_model_is_kept(block) ? 0 : protect_under(a, block, 0, err);
}
