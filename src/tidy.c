/* tidy.c - the text of finished blocks: whitespace collapsed across text
 * nodes, trimmed at the block's edges and around line breaks, characters
 * XML forbids dropped, NFC applied; empty inline elements and stray
 * breaks removed. */
#include <stdlib.h>

#include "page.h"
#include "model.h"

typedef struct tidy {
    bool at_start;       /* nothing written since the block start or a br */
    bool space_written;  /* the last character written was a space */
    xmlNodePtr last;     /* the last text node written to */
} tidy;

static void trim_last(tidy *t)
{
    if (!t->last || !t->space_written)
        return;
    xmlChar *s = t->last->content;
    int n = xmlStrlen(s);
    if (n > 0 && s[n - 1] == ' ') {
        xmlChar *trimmed = xmlStrndup(s, n - 1);
        xmlNodeSetContent(t->last, trimmed);
        xmlFree(trimmed);
    }
    t->space_written = false;
}

/* One text node's content, collapsed with what came before it. */
static void tidy_text_node(xmlNodePtr k, tidy *t)
{
    const unsigned char *p = k->content, *end = p + xmlStrlen(k->content);
    xmlBufferPtr b = xmlBufferCreate();
    while (p < end) {
        const unsigned char *s = p;
        long cp = artx_utf8_next(&p, end);
        if (cp < 0 || artx_is_space(cp)) {
            if (!t->at_start && !t->space_written) {
                xmlBufferAdd(b, BAD_CAST " ", 1);
                t->space_written = true;
            }
            continue;
        }
        if (!artx_xml_char_ok(cp))
            continue;
        xmlBufferAdd(b, s, (int)(p - s));
        t->at_start = false;
        t->space_written = false;
    }
    char *nfc = artx_text_nfc((const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    xmlNodeSetContent(k, nfc ? BAD_CAST nfc : BAD_CAST "");
    free(nfc);
    if (k->content && *k->content)
        t->last = k;
}

static void tidy_text(xmlNodePtr n, tidy *t, int depth)
{
    for (xmlNodePtr k = n->children; k && depth < 256; k = k->next) {
        if (k->type == XML_ELEMENT_NODE) {
            /* a nested list is tidied as blocks of its own */
            if (artx_model_is_list(k))
                continue;
            if (artx_model_is(k, "br")) {
                trim_last(t);
                t->at_start = true;
            } else {
                tidy_text(k, t, depth + 1);
            }
            continue;
        }
        if (k->type == XML_TEXT_NODE)
            tidy_text_node(k, t);
    }
}

static void drop(xmlNodePtr n)
{
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

/* Remove empty text, empty inline elements and breaks at the block's
 * edges. */
static void prune(xmlNodePtr n)
{
    xmlNodePtr next;
    for (xmlNodePtr k = n->children; k; k = next) {
        next = k->next;
        if (k->type == XML_TEXT_NODE && (!k->content || !*k->content)) {
            drop(k);
        } else if (k->type == XML_ELEMENT_NODE && !artx_model_is(k, "br")) {
            prune(k);
            if (!k->children)
                drop(k);
        }
    }
    for (;;) {
        if (artx_model_is(n->children, "br"))
            drop(n->children);
        else if (artx_model_is(n->last, "br"))
            drop(n->last);
        else
            break;
    }
}

void artx_tidy_block(xmlNodePtr block)
{
    tidy t = {true, false, NULL};
    tidy_text(block, &t, 0);
    trim_last(&t);
    prune(block);
}

bool artx_tidy_list(xmlNodePtr list)
{
    xmlNodePtr ln;
    for (xmlNodePtr li = list->children; li; li = ln) {
        ln = li->next;
        artx_tidy_block(li);
        xmlNodePtr sn;
        for (xmlNodePtr sub = li->children; sub; sub = sn) {
            sn = sub->next;
            if (artx_model_is_list(sub) && !artx_tidy_list(sub))
                drop(sub);
        }
        if (!li->children)
            drop(li);
    }
    return list->children != NULL;
}
