/* report.c - what a conversion found, counted for reports (artx -v): the
 * kinds of input, an article's blocks, figures and sentences, an XLIFF's
 * units. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define XLIFF20_NS "urn:oasis:names:tc:xliff:document:2.0"

const char *artx_kind_name(artx_kind kind)
{
    switch (kind) {
    case ARTX_KIND_HTML: return "html page";
    case ARTX_KIND_DUMP: return "board dump";
    case ARTX_KIND_FEED: return "feed";
    case ARTX_KIND_ARTICLE: return "article xml";
    case ARTX_KIND_XLIFF12: return "xliff 1.2";
    case ARTX_KIND_XLIFF20: return "xliff 2.0";
    }
    return "input";
}

static bool in_ns(xmlNodePtr n, const xmlChar *ns)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, ns);
}

/* Elements `name` in namespace ns below top.  Iterative: an article read
 * from a file may nest as deep as the parser allows. */
static size_t count_named(xmlNodePtr top, const xmlChar *ns, const char *name)
{
    size_t k = 0;
    for (xmlNodePtr n = top->children; n;) {
        if (n->type == XML_ELEMENT_NODE) {
            k += in_ns(n, ns) && xmlStrEqual(n->name, BAD_CAST name);
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (!n->next && n->parent != top)
            n = n->parent;
        n = n->next;
    }
    return k;
}

/* Copy s into out, cut at a character boundary when it does not fit. */
static void copy_cut(char *out, size_t size, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(out, s, n);
    out[n] = '\0';
}

void artx_article_summarise(xmlDocPtr article, artx_article_summary *out)
{
    const xmlChar *ns = BAD_CAST ARTX_NS;
    xmlNodePtr root = article ? xmlDocGetRootElement(article) : NULL;
    memset(out, 0, sizeof *out);
    if (!root || !in_ns(root, ns))
        return;
    out->sentences = count_named(root, ns, "s");
    xmlChar *lang = xmlNodeGetLang(root);
    copy_cut(out->lang, sizeof out->lang, (const char *)lang);
    xmlFree(lang);
    for (xmlNodePtr part = root->children; part; part = part->next) {
        if (!in_ns(part, ns))
            continue;
        for (xmlNodePtr b = part->children; b; b = b->next) {
            if (!in_ns(b, ns))
                continue;
            if (xmlStrEqual(part->name, BAD_CAST "head") && xmlStrEqual(b->name, BAD_CAST "title")) {
                char *t = artx_node_text(b);
                copy_cut(out->title, sizeof out->title, t);
                free(t);
            } else if (xmlStrEqual(part->name, BAD_CAST "body")) {
                if (xmlStrEqual(b->name, BAD_CAST "figure"))
                    out->figures++;
                else
                    out->blocks++;
            }
        }
    }
}

size_t artx_xliff_units(xmlDocPtr doc, artx_kind *kind)
{
    if (!artx_is_xliff(doc))
        return 0;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    bool v2 = xmlStrEqual(root->ns->href, BAD_CAST XLIFF20_NS);
    if (kind)
        *kind = v2 ? ARTX_KIND_XLIFF20 : ARTX_KIND_XLIFF12;
    return count_named(root, root->ns->href, v2 ? "unit" : "trans-unit");
}
