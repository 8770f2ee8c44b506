/* sentences.c - sentence elements in an article: every translatable block
 * gets its sentences wrapped in <s id="BLOCK.sN">, from the break offsets
 * segment.c finds in the block's text.
 *
 * Two rules keep the markup sound: a sentence never breaks inside an
 * inline element (a break there is dropped, joining two sentences), and
 * the whitespace between sentences stays outside them, as plain text of
 * the block. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A direct child of the block with its byte range in the block's text. */
typedef struct item {
    xmlNodePtr node;
    size_t start, end;
} item;

static bool is_named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
}

static bool is_list(xmlNodePtr n)
{
    return is_named(n, "ul") || is_named(n, "ol");
}

/* The text of a node for segmentation: a line break counts as one. */
static void flatten(xmlNodePtr n, xmlBufferPtr b)
{
    if (n->type == XML_TEXT_NODE) {
        xmlBufferCat(b, n->content);
        return;
    }
    if (is_named(n, "br")) {
        xmlBufferCat(b, BAD_CAST "\n");
        return;
    }
    for (xmlNodePtr k = n->children; k; k = k->next)
        flatten(k, b);
}

static bool space_byte(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
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
static void rebuild(xmlNodePtr block, xmlNsPtr ns, const item *items, size_t n,
                    const size_t *starts, const size_t *ends, size_t count, const char *bid)
{
    xmlNodePtr before = n ? items[n - 1].node->next : NULL; /* a nested list, or NULL */
    xmlNodePtr *spans = calloc(count ? count : 1, sizeof *spans);
    if (!spans)
        return;
    for (size_t i = 0; i < count; i++) {
        char id[160];
        snprintf(id, sizeof id, "%s.s%zu", bid, i + 1);
        spans[i] = xmlNewNode(ns, BAD_CAST "s");
        xmlNewProp(spans[i], BAD_CAST "id", BAD_CAST id);
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
}

static void segment_block(xmlNodePtr block, xmlNsPtr ns, artx_segmenter *seg,
                          const char *lang, int *ret, artx_error *err)
{
    xmlChar *bid = xmlGetProp(block, BAD_CAST "id");
    item *items = NULL;
    size_t n = 0, cap = 0;
    xmlBufferPtr text = xmlBufferCreate();
    size_t *breaks = NULL, nbreaks = 0, *starts = NULL, *ends = NULL, count = 0;
    /* A block that has its sentences already (a merge, an article read back)
     * keeps them. */
    for (xmlNodePtr k = block->children; k; k = k->next)
        if (is_named(k, "s"))
            goto out;
    /* Direct children and their ranges; a nested list ends the text. */
    for (xmlNodePtr k = block->children; k && !is_list(k); k = k->next) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            item *bigger = realloc(items, cap * sizeof *items);
            if (!bigger)
                goto out;
            items = bigger;
        }
        size_t start = (size_t)xmlBufferLength(text);
        flatten(k, text);
        items[n++] = (item){k, start, (size_t)xmlBufferLength(text)};
    }
    const char *t = (const char *)xmlBufferContent(text);
    size_t len = (size_t)xmlBufferLength(text);
    if (!bid || len == 0 || (*ret = artx_segment(seg, lang, t, len, &breaks, &nbreaks, err)))
        goto out;
    starts = malloc((nbreaks + 1) * sizeof *starts);
    ends = malloc((nbreaks + 1) * sizeof *ends);
    if (!starts || !ends)
        goto out;
    size_t s0 = 0;
    while (s0 < len && space_byte((unsigned char)t[s0]))
        s0++;
    if (s0 == len)
        goto out;
    starts[count++] = s0;
    /* A break is kept only where it does not cut an inline element. */
    for (size_t i = 0; i < nbreaks; i++) {
        size_t b = breaks[i];
        bool ok = false;
        for (size_t j = 0; j < n && !ok; j++)
            ok = b == items[j].start || (items[j].node->type == XML_TEXT_NODE &&
                                         b > items[j].start && b < items[j].end);
        if (ok && b > starts[count - 1])
            starts[count++] = b;
    }
    /* A sentence ends at its last non-space byte, or at the end of the
     * inline element that byte is in. */
    for (size_t i = 0; i < count; i++) {
        size_t end = i + 1 < count ? starts[i + 1] : len;
        while (end > starts[i] && space_byte((unsigned char)t[end - 1]))
            end--;
        for (size_t j = 0; j < n; j++)
            if (items[j].node->type != XML_TEXT_NODE && end > items[j].start &&
                end < items[j].end)
                end = items[j].end;
        ends[i] = end;
    }
    rebuild(block, ns, items, n, starts, ends, count, (const char *)bid);
out:
    free(items);
    free(breaks);
    free(starts);
    free(ends);
    xmlBufferFree(text);
    xmlFree(bid);
}

int artx_sentences(xmlDocPtr article, artx_segmenter *seg, artx_error *err)
{
    static const char *const blocks[] = {"title", "p", "h2", "caption", "li", NULL};
    xmlNodePtr root = xmlDocGetRootElement(article);
    if (!root || !root->ns || !xmlStrEqual(root->ns->href, BAD_CAST ARTX_NS))
        return artx_fail(err, ARTX_ERR_INVALID, "not an artx article");
    xmlChar *lang = xmlNodeGetLang(root);
    int ret = 0;
    /* Document order, without recursion into the blocks themselves. */
    xmlNodePtr n = root;
    while (n && !ret) {
        bool block = false;
        for (int i = 0; blocks[i] && !block; i++)
            block = is_named(n, blocks[i]);
        if (block)
            segment_block(n, root->ns, seg, lang ? (const char *)lang : "und", &ret, err);
        /* next: into children (not of a block, except li's nested lists) */
        xmlNodePtr next = NULL;
        if (!block || is_named(n, "li")) {
            for (xmlNodePtr k = n->children; k && !next; k = k->next)
                if (k->type == XML_ELEMENT_NODE && (!block || is_list(k)))
                    next = k;
        }
        while (!next && n && n != root) {
            for (xmlNodePtr k = n->next; k && !next; k = k->next)
                if (k->type == XML_ELEMENT_NODE)
                    next = k;
            if (!next)
                n = n->parent;
        }
        n = next;
    }
    xmlFree(lang);
    return ret;
}
