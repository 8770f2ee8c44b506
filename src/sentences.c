/* sentences.c - sentence elements in an article: every translatable block
 * gets its sentences wrapped in <s id="BLOCK.sN">, from the break offsets
 * segment.c finds in the block's text, once protect.c has marked the
 * addresses in it.
 *
 * Two rules keep the markup sound: a sentence never breaks inside an
 * inline element (a break there is dropped, joining two sentences), and
 * the whitespace between sentences stays outside them, as plain text of
 * the block. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "model.h"

/* A direct child of the block with its byte range in the block's text. */
typedef struct item {
    xmlNodePtr node;
    size_t start, end;
} item;

/* The text of a node for segmentation: a line break counts as one.
 * Returns false when out of memory. */
static bool flatten(xmlNodePtr n, xmlBufferPtr b)
{
    if (n->type == XML_TEXT_NODE)
        return xmlBufferCat(b, n->content) == 0;
    if (artx_model_is(n, "br"))
        return xmlBufferCat(b, BAD_CAST "\n") == 0;
    for (xmlNodePtr k = n->children; k; k = k->next)
        if (!flatten(k, b))
            return false;
    return true;
}

/* Narrow [*start, *end) of `text` to what lies between its leading and
 * trailing whitespace (Unicode White_Space, as artx_is_space says); a span
 * of whitespace alone becomes the empty span at *start. */
static void trim_span(const char *text, size_t *start, size_t *end)
{
    const unsigned char *base = (const unsigned char *)text;
    const unsigned char *p = base + *start, *stop = base + *end;
    size_t first = SIZE_MAX, last = *start;
    while (p < stop) {
        const unsigned char *at = p;
        if (!artx_is_space(artx_utf8_next(&p, stop))) {
            if (first == SIZE_MAX)
                first = (size_t)(at - base);
            last = (size_t)(p - base);
        }
    }
    if (first == SIZE_MAX) {
        *end = *start;
        return;
    }
    *start = first;
    *end = last;
}

/* Put `node` into `parent` before `before` (or at its end).  libxml2
 * merges adjacent text nodes as it goes, which is harmless here. */
static void place(xmlNodePtr parent, xmlNodePtr before, xmlNodePtr node)
{
    if (before)
        xmlAddPrevSibling(before, node);
    else
        xmlAddChild(parent, node);
}

/* Rebuild the block's inline content with each sentence span [starts[i],
 * ends[i]) wrapped in an <s>; what lies between spans stays in the block. */
static int rebuild(xmlNodePtr block, xmlNsPtr ns, const item *items, size_t n,
                   const size_t *starts, const size_t *ends, size_t count, const char *bid,
                   artx_error *err)
{
    xmlNodePtr before = n ? items[n - 1].node->next : NULL; /* a nested list, or NULL */
    xmlNodePtr *spans = calloc(count ? count : 1, sizeof *spans);
    if (!spans)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < count; i++) {
        char id[160];
        snprintf(id, sizeof id, "%s.s%zu", bid, i + 1);
        spans[i] = xmlNewNode(ns, BAD_CAST "s");
        if (!spans[i] || !xmlNewProp(spans[i], BAD_CAST "id", BAD_CAST id)) {
            while (i + 1 > 0)
                xmlFreeNode(spans[i--]);
            free(spans);
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        }
    }
    size_t span = 0;
    for (size_t j = 0; j < n; j++) {
        xmlNodePtr k = items[j].node;
        xmlUnlinkNode(k);
        if (k->type != XML_TEXT_NODE) {
            while (span < count && ends[span] <= items[j].start)
                span++;
            bool inside = span < count && starts[span] <= items[j].start;
            if (inside && !spans[span]->parent)
                place(block, before, spans[span]);
            place(inside ? spans[span] : block, inside ? NULL : before, k);
            continue;
        }
        /* Cut the text at every span boundary inside it. */
        size_t pos = items[j].start;
        const xmlChar *c = k->content;
        while (pos < items[j].end) {
            while (span < count && ends[span] <= pos)
                span++;
            bool inside = span < count && starts[span] <= pos;
            size_t stop = items[j].end;
            if (inside && ends[span] < stop)
                stop = ends[span];
            else if (!inside && span < count && starts[span] < stop)
                stop = starts[span];
            xmlNodePtr piece = xmlNewTextLen(c + (pos - items[j].start), (int)(stop - pos));
            if (inside && !spans[span]->parent)
                place(block, before, spans[span]);
            place(inside ? spans[span] : block, inside ? NULL : before, piece);
            pos = stop;
        }
        xmlFreeNode(k);
    }
    for (size_t i = 0; i < count; i++)
        if (!spans[i]->parent)
            xmlFreeNode(spans[i]);
    free(spans);
    return 0;
}

/* The block's direct children and their byte ranges in its text; a
 * nested list ends the text. */
static int collect(xmlNodePtr block, xmlBufferPtr text, item **items, size_t *n,
                   artx_error *err)
{
    size_t cap = 0;
    for (xmlNodePtr k = block->children; k && !artx_model_is_list(k); k = k->next) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            item *bigger = realloc(*items, cap * sizeof **items);
            if (!bigger)
                return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
            *items = bigger;
        }
        size_t start = (size_t)xmlBufferLength(text);
        if (!flatten(k, text))
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        (*items)[(*n)++] = (item){k, start, (size_t)xmlBufferLength(text)};
    }
    return 0;
}

/* Where each sentence starts and ends, from the segmenter's breaks: a
 * break is kept only where it does not cut an inline element, and a
 * sentence ends at its last non-space character, or at the end of the
 * inline element that character is in.  Returns how many. */
static size_t sentence_ranges(const char *t, size_t len, const item *items, size_t n,
                              const size_t *breaks, size_t nbreaks, size_t *starts,
                              size_t *ends)
{
    size_t count = 0, s0 = 0, e0 = len;
    trim_span(t, &s0, &e0);
    if (s0 == e0)
        return 0;
    starts[count++] = s0;
    for (size_t i = 0; i < nbreaks; i++) {
        size_t b = breaks[i];
        bool ok = false;
        for (size_t j = 0; j < n && !ok; j++)
            ok = b == items[j].start || (items[j].node->type == XML_TEXT_NODE &&
                                         b > items[j].start && b < items[j].end);
        if (ok && b > starts[count - 1])
            starts[count++] = b;
    }
    for (size_t i = 0; i < count; i++) {
        size_t start = starts[i], end = i + 1 < count ? starts[i + 1] : len;
        trim_span(t, &start, &end);
        for (size_t j = 0; j < n; j++)
            if (items[j].node->type != XML_TEXT_NODE && end > items[j].start &&
                end < items[j].end)
                end = items[j].end;
        ends[i] = end;
    }
    return count;
}

static int segment_block(xmlNodePtr block, xmlNsPtr ns, artx_segmenter *seg,
                         const artx_addresses *addresses, const char *lang, artx_error *err)
{
    /* A block that has its sentences already (a merge, an article read back)
     * keeps them, and its addresses were found then. */
    for (xmlNodePtr k = block->children; k; k = k->next)
        if (artx_model_is(k, "s"))
            return 0;
    xmlChar *bid = xmlGetProp(block, BAD_CAST "id");
    if (!bid)
        return 0;
    int ret = artx_addresses_protect(addresses, block, err);
    if (ret) {
        xmlFree(bid);
        return ret;
    }
    item *items = NULL;
    size_t n = 0, *breaks = NULL, nbreaks = 0, *starts = NULL, *ends = NULL;
    xmlBufferPtr text = xmlBufferCreate();
    ret = text ? collect(block, text, &items, &n, err)
               : artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    const char *t = text ? (const char *)xmlBufferContent(text) : NULL;
    size_t len = text ? (size_t)xmlBufferLength(text) : 0;
    if (ret || len == 0 || (ret = artx_segment(seg, lang, t, len, &breaks, &nbreaks, err)))
        goto out;
    starts = malloc((nbreaks + 1) * sizeof *starts);
    ends = malloc((nbreaks + 1) * sizeof *ends);
    if (!starts || !ends) {
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        goto out;
    }
    size_t count = sentence_ranges(t, len, items, n, breaks, nbreaks, starts, ends);
    if (count)
        ret = rebuild(block, ns, items, n, starts, ends, count, (const char *)bid, err);
out:
    free(items);
    free(breaks);
    free(starts);
    free(ends);
    xmlBufferFree(text);
    xmlFree(bid);
    return ret;
}

/* The next element in document order after n, not descending into a
 * block (except for a list item's nested lists), or NULL past root. */
static xmlNodePtr next_element(xmlNodePtr root, xmlNodePtr n, bool block)
{
    xmlNodePtr next = NULL;
    if (!block || artx_model_is(n, "li"))
        for (xmlNodePtr k = n->children; k && !next; k = k->next)
            if (k->type == XML_ELEMENT_NODE && (!block || artx_model_is_list(k)))
                next = k;
    while (!next && n && n != root) {
        for (xmlNodePtr k = n->next; k && !next; k = k->next)
            if (k->type == XML_ELEMENT_NODE)
                next = k;
        if (!next)
            n = n->parent;
    }
    return next;
}

int artx_sentences(xmlDocPtr article, artx_segmenter *seg, artx_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(article);
    if (!root || !root->ns || !xmlStrEqual(root->ns->href, BAD_CAST ARTX_NS))
        return artx_fail(err, ARTX_ERR_INVALID, "not an artx article");
    unsigned long oom = artx_oom_mark();
    artx_addresses *addresses = artx_addresses_new(err);
    if (!addresses)
        return artx_oom_since(oom, err->status, err);
    xmlChar *lang = xmlNodeGetLang(root);
    int ret = 0;
    for (xmlNodePtr n = root; n && !ret;) {
        bool block = artx_model_is_segmented(n);
        if (block)
            ret = segment_block(n, root->ns, seg, addresses, lang ? (const char *)lang : "und",
                                err);
        n = next_element(root, n, block);
    }
    xmlFree(lang);
    artx_addresses_free(addresses);
    return artx_oom_since(oom, ret, err);
}

int artx_segment_spans(artx_segmenter *seg, const char *lang, const char *text, size_t len,
                       artx_span **spans, size_t *count, artx_error *err)
{
    size_t *breaks = NULL, n = 0;
    *spans = NULL;
    *count = 0;
    int ret = artx_segment(seg, lang, text, len, &breaks, &n, err);
    if (ret)
        return ret;
    artx_span *out = malloc((n + 1) * sizeof *out);
    if (!out) {
        free(breaks);
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }
    size_t start = 0, kept = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t s = start, e = i < n ? breaks[i] : len;
        start = e;
        trim_span(text, &s, &e);
        if (e > s)
            out[kept++] = (artx_span){s, e};
    }
    free(breaks);
    *spans = out;
    *count = kept;
    return 0;
}
