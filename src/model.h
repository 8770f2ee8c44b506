/* model.h - the article model's elements (xslt/article.rng) as the C
 * stages see them: which elements are structure, which blocks hold
 * sentences, which are inline markup.  The stylesheets have the same lists
 * in one place of their own (xslt/model.xsl).  A change to the model
 * changes article.rng, this file and that stylesheet together. */
#ifndef ARTX_MODEL_H
#define ARTX_MODEL_H

#include <stdbool.h>

#include <libxml/tree.h>

static inline bool artx_model_named(xmlNodePtr n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return false;
    for (; *names; names++)
        if (xmlStrEqual(n->name, BAD_CAST * names))
            return true;
    return false;
}

static inline bool artx_model_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
}

/* Elements that hold other elements only (and the whitespace between
 * them): the article's skeleton. */
static inline bool artx_model_is_structural(xmlNodePtr n)
{
    static const char *const names[] = {"article", "head",       "body", "figure",
                                        "blockquote", "ul", "ol", NULL};
    return artx_model_named(n, names);
}

/* Blocks whose text is translated and split into sentences (s). */
static inline bool artx_model_is_segmented(xmlNodePtr n)
{
    static const char *const names[] = {"title", "p", "h2", "caption", "li", NULL};
    return artx_model_named(n, names);
}

static inline bool artx_model_is_list(xmlNodePtr n)
{
    static const char *const names[] = {"ul", "ol", NULL};
    return artx_model_named(n, names);
}

/* Inline markup inside a block or sentence. */
static inline bool artx_model_is_inline(xmlNodePtr n)
{
    static const char *const names[] = {"a", "em", "strong", "br", "sub", "sup", "span", NULL};
    return artx_model_named(n, names);
}

/* Whether n (an article element or text) is left untranslated: it or an
 * ancestor has translate="no" (a block, or a span around protected text). */
static inline bool artx_model_is_kept(xmlNodePtr n)
{
    for (; n; n = n->parent) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlAttrPtr t = xmlHasProp(n, BAD_CAST "translate");
        if (t && t->children && xmlStrEqual(t->children->content, BAD_CAST "no"))
            return true;
    }
    return false;
}

#endif /* ARTX_MODEL_H */
