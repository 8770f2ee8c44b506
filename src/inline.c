/* inline.c - a page's inline markup as the model's: links with a URL a
 * reader can follow, emphasis, sub- and superscripts and line breaks are
 * kept; text the page asks to leave untranslated goes into a span
 * translate="no" (a whole block of it: the block's translate="no"); every
 * other element is unwrapped to its text. */
#include <stdlib.h>

#include "page.h"
#include "model.h"

/* A guard against a runaway recursion, past what any page can hold: the
 * HTML parser refuses to nest more than 256 levels (read.c fails then). */
#define MAX_DEPTH 300

static const char *const inline_map[][2] = {
    {"em", "em"}, {"i", "em"}, {"cite", "em"}, {"dfn", "em"},
    {"strong", "strong"}, {"b", "strong"}, {"sub", "sub"}, {"sup", "sup"},
    {NULL, NULL}};

static const char *mapped_inline(xmlNodePtr n)
{
    for (int i = 0; inline_map[i][0]; i++)
        if (artx_name_is(n, inline_map[i][0]))
            return inline_map[i][1];
    return NULL;
}

static xmlNodePtr mapped_element(const artx_page *pg, xmlNodePtr src, xmlNodePtr dst)
{
    if (artx_name_is(src, "a")) {
        char *href = artx_attr(src, "href");
        char *u = artx_absolute_url(pg->base, href, true);
        free(href);
        if (!u)
            return NULL;
        xmlNodePtr a = xmlNewChild(dst, dst->ns, BAD_CAST "a", NULL);
        xmlNewProp(a, BAD_CAST "href", BAD_CAST u);
        free(u);
        return a;
    }
    const char *m = mapped_inline(src);
    return m ? xmlNewChild(dst, dst->ns, BAD_CAST m, NULL) : NULL;
}

/* Inside text that is kept already, a translate="yes" does not make a
 * translatable island: the model has no such markup, and a CAT tool would
 * show the island as part of the protected text anyway. */
xmlNodePtr artx_inline_element(const artx_page *pg, xmlNodePtr src, xmlNodePtr dst)
{
    if (artx_translate_said(src) == 0 && !artx_model_is_kept(dst)) {
        xmlNodePtr span = xmlNewChild(dst, dst->ns, BAD_CAST "span", NULL);
        if (!span || !xmlNewProp(span, BAD_CAST "translate", BAD_CAST "no"))
            return span;
        xmlNodePtr el = mapped_element(pg, src, span);
        return el ? el : span;
    }
    return mapped_element(pg, src, dst);
}

static void copy(const artx_page *pg, xmlNodePtr src, xmlNodePtr dst, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (xmlNodePtr n = src->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            xmlNodeAddContent(dst, n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || artx_is_boilerplate(pg, n) ||
            artx_name_is(n, "img") || artx_name_is(n, "ul") || artx_name_is(n, "ol"))
            continue;
        if (artx_name_is(n, "br")) {
            xmlNewChild(dst, dst->ns, BAD_CAST "br", NULL);
            continue;
        }
        xmlNodePtr el = artx_inline_element(pg, n, dst);
        bool block = artx_is_html_block(n);
        if (block)
            xmlNodeAddContent(dst, BAD_CAST " ");
        copy(pg, n, el ? el : dst, depth + 1);
        if (block)
            xmlNodeAddContent(dst, BAD_CAST " ");
    }
}

void artx_inline_copy(const artx_page *pg, xmlNodePtr src, xmlNodePtr dst)
{
    if (artx_is_untranslatable(src))
        xmlSetProp(dst, BAD_CAST "translate", BAD_CAST "no");
    copy(pg, src, dst, 0);
}
