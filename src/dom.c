/* dom.c - reading a parsed page: element names, attributes, the text under
 * a node, XPath selections and URLs.  The front end's files read the page
 * only through these, and never modify it. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>
#include <libxml/xpath.h>

#include "internal.h"

/* A guard against a runaway recursion, past what any page can hold: the
 * HTML parser refuses to nest more than 256 levels (read.c fails then). */
#define MAX_DEPTH 300

bool artx_name_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !xmlStrcasecmp(n->name, BAD_CAST name);
}

bool artx_name_in(xmlNodePtr n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return false;
    for (; *names; names++)
        if (!xmlStrcasecmp(n->name, BAD_CAST * names))
            return true;
    return false;
}

bool artx_is_not_content(xmlNodePtr n)
{
    static const char *const tags[] = {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
        "embed", "applet", "video", "audio", "source", "track", "canvas", "svg", "math",
        "map", "area", "form", "input", "button", "select", "option", "textarea", "nav",
        "aside", "footer", "header", "head", "title", "meta", "link", "base", "dialog",
        "menu", NULL};
    return artx_name_in(n, tags);
}

bool artx_is_html_block(xmlNodePtr n)
{
    static const char *const tags[] = {
        "p", "div", "section", "article", "main", "table", "tbody", "thead", "tfoot", "tr",
        "td", "th", "caption", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "figure", "figcaption", "pre", "address", "hr", "center",
        "fieldset", "details", "summary", "body", "html", NULL};
    return artx_name_in(n, tags);
}

char *artx_attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v)
        return NULL;
    char *c = artx_text_collapse((const char *)v);
    xmlFree(v);
    if (c && !*c) {
        free(c);
        return NULL;
    }
    return c;
}

/* A yes/no attribute (HTML's translate, ITS's), as 1, 0, or -1 when absent
 * or neither: an invalid value is inherited, as HTML says.  HTML's empty
 * value means yes. */
static int yes_no(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v)
        return -1;
    char *c = artx_text_collapse((const char *)v);
    xmlFree(v);
    int said = !c ? -1 : (!*c || !strcasecmp(c, "yes")) ? 1 : !strcasecmp(c, "no") ? 0 : -1;
    free(c);
    return said;
}

static bool has_class(xmlNodePtr n, const char *word)
{
    char *cls = artx_attr(n, "class");
    bool found = false;
    size_t len = strlen(word);
    for (const char *p = cls; p && *p && !found;) {
        size_t w = strcspn(p, " ");
        found = w == len && !strncasecmp(p, word, len);
        p += w + (p[w] == ' ');
    }
    free(cls);
    return found;
}

int artx_translate_said(xmlNodePtr n)
{
    static const char *const attrs[] = {"translate", "its-translate", "its:translate", NULL};
    for (int i = 0; attrs[i]; i++) {
        int said = yes_no(n, attrs[i]);
        if (said >= 0)
            return said;
    }
    return has_class(n, "notranslate") ? 0 : -1;
}

bool artx_is_untranslatable(xmlNodePtr n)
{
    for (int depth = 0; n && n->type == XML_ELEMENT_NODE && depth < MAX_DEPTH;
         n = n->parent, depth++) {
        int said = artx_translate_said(n);
        if (said >= 0)
            return said == 0;
    }
    return false;
}

static void append_text(xmlBufferPtr b, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            xmlBufferCat(b, c->content);
        else if (c->type == XML_ELEMENT_NODE && depth < MAX_DEPTH && !artx_is_not_content(c)) {
            if (artx_name_is(c, "br"))
                xmlBufferCat(b, BAD_CAST " ");
            else
                append_text(b, c, depth + 1);
        }
    }
}

char *artx_node_text(xmlNodePtr n)
{
    xmlBufferPtr b = xmlBufferCreate();
    if (!b)
        return NULL;
    if (n->type == XML_ATTRIBUTE_NODE || n->type == XML_TEXT_NODE) {
        xmlChar *v = xmlNodeGetContent(n);
        if (v)
            xmlBufferCat(b, v);
        xmlFree(v);
    } else {
        append_text(b, n, 0);
    }
    char *t = artx_text_collapse((const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    return t;
}

size_t artx_text_len(xmlNodePtr n)
{
    char *t = artx_node_text(n);
    size_t len = t ? strlen(t) : 0;
    free(t);
    return len;
}

static size_t link_text_len(xmlNodePtr n, int depth)
{
    size_t len = 0;
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (artx_name_is(c, "a"))
            len += artx_text_len(c);
        else
            len += link_text_len(c, depth + 1);
    }
    return len;
}

size_t artx_link_text_len(xmlNodePtr n)
{
    return link_text_len(n, 0);
}

xmlDocPtr artx_copy_doc(xmlDocPtr doc)
{
    unsigned long oom = artx_oom_mark();
    xmlDocPtr copy = xmlCopyDoc(doc, 1);
    if (copy && artx_oom_since(oom, 0, NULL)) {
        xmlFreeDoc(copy);
        copy = NULL;
    }
    return copy;
}

xmlXPathObjectPtr artx_select(xmlXPathContextPtr xp, const char *expr, xmlNodePtr at)
{
    if (!xp)
        return NULL;
    xp->node = at ? at : xmlDocGetRootElement(xp->doc);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, xp);
    if (o && (o->type != XPATH_NODESET || xmlXPathNodeSetIsEmpty(o->nodesetval))) {
        xmlXPathFreeObject(o);
        return NULL;
    }
    return o;
}

char *artx_select_text(xmlXPathContextPtr xp, const char *expr, xmlNodePtr at)
{
    xmlXPathObjectPtr o = artx_select(xp, expr, at);
    char *t = NULL;
    for (int i = 0; o && i < o->nodesetval->nodeNr && !t; i++) {
        t = artx_node_text(o->nodesetval->nodeTab[i]);
        if (t && !*t) {
            free(t);
            t = NULL;
        }
    }
    xmlXPathFreeObject(o);
    return t;
}

/* Relative references resolve against the page's base; what comes out
 * must pass the one URL rule (urls.c), so a saved page's relative image
 * paths, which resolve to local files, are not kept. */
char *artx_absolute_url(const xmlChar *base, const char *v, bool link)
{
    if (!v || !*v || *v == '#')
        return NULL;
    xmlChar *u = xmlBuildURI(BAD_CAST v, base);
    if (!u)
        return NULL;
    /* anyURI: no spaces */
    char *out = NULL;
    xmlChar *esc = xmlURIEscapeStr(u, BAD_CAST ":/?#[]@!$&'()*+,;=%~");
    if (esc && artx_url_allowed((const char *)esc, link))
        out = artx_strdup((const char *)esc);
    xmlFree(esc);
    xmlFree(u);
    return out;
}
