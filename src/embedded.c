/* embedded.c - articles that a page carries only as data, its server-rendered
 * body empty: Arc Publishing's Fusion.globalContent (the Arc Native
 * Specification, ANS: Chosun Ilbo, The Washington Post and other Arc sites).
 * The article's blocks become an HTML document of their own, which the
 * walk then reads like any page. */
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>

#include "page.h"

#define FUSION "Fusion.globalContent="

/* The ANS document as an XML tree (json.c's shape), or NULL. */
static xmlDocPtr fusion_content(const artx_page *pg)
{
    xmlXPathObjectPtr o = artx_select(
        pg->xp, "//script[not(@src)][contains(., '" FUSION "')]", NULL);
    xmlChar *text = o ? xmlNodeGetContent(o->nodesetval->nodeTab[0]) : NULL;
    xmlXPathFreeObject(o);
    const char *at = text ? strstr((const char *)text, FUSION) : NULL;
    xmlDocPtr ans = at ? xmlNewDoc(BAD_CAST "1.0") : NULL;
    xmlNodePtr holder = ans ? xmlNewNode(NULL, BAD_CAST "ans") : NULL;
    if (holder) {
        xmlDocSetRootElement(ans, holder);
        at += strlen(FUSION);
        /* The first value is the content; what follows is more script. */
        if (artx_json_to_xml(at, strlen(at), holder) != 0) {
            xmlFreeDoc(ans);
            ans = NULL;
        }
    } else if (ans) {
        artx_oom();
        xmlFreeDoc(ans);
        ans = NULL;
    }
    xmlFree(text);
    return ans;
}

/* `s`, escaped for HTML text and attribute values, appended to b. */
static void add_escaped(xmlBufferPtr b, const char *s)
{
    xmlChar *e = xmlEncodeSpecialChars(NULL, BAD_CAST s);
    if (e)
        xmlBufferCat(b, e);
    else
        artx_oom();
    xmlFree(e);
}

/* One content element as HTML: text and headers carry HTML of their own
 * (inline markup, which the walk cleans like a page's), an image its URL
 * and caption, a list its items; the rest (videos, embeds, links to other
 * stories) is not the article's text. */
static void add_element(xmlBufferPtr b, xmlXPathContextPtr xp, xmlNodePtr e)
{
    char *kind = artx_select_text(xp, "string[@key='type']", e);
    char *content = artx_select_text(xp, "string[@key='content']", e);
    const char *type = kind ? kind : "";
    if (!strcmp(type, "text") && content) {
        xmlBufferCat(b, BAD_CAST "<p>");
        xmlBufferCat(b, BAD_CAST content);
        xmlBufferCat(b, BAD_CAST "</p>\n");
    } else if (!strcmp(type, "header") && content) {
        xmlBufferCat(b, BAD_CAST "<h2>");
        xmlBufferCat(b, BAD_CAST content);
        xmlBufferCat(b, BAD_CAST "</h2>\n");
    } else if (!strcmp(type, "image")) {
        char *url = artx_select_text(xp, "string[@key='url']", e);
        char *caption = artx_select_text(xp, "string[@key='caption']", e);
        if (url) {
            xmlBufferCat(b, BAD_CAST "<figure><img src=\"");
            add_escaped(b, url);
            xmlBufferCat(b, BAD_CAST "\">");
            if (caption) {
                xmlBufferCat(b, BAD_CAST "<figcaption>");
                add_escaped(b, caption);
                xmlBufferCat(b, BAD_CAST "</figcaption>");
            }
            xmlBufferCat(b, BAD_CAST "</figure>\n");
        }
        free(url);
        free(caption);
    } else if (!strcmp(type, "list")) {
        xmlXPathObjectPtr items = artx_select(xp, "array[@key='items']/map/string[@key='content']", e);
        xmlBufferCat(b, BAD_CAST "<ul>");
        for (int i = 0; items && i < items->nodesetval->nodeNr; i++) {
            xmlChar *item = xmlNodeGetContent(items->nodesetval->nodeTab[i]);
            xmlBufferCat(b, BAD_CAST "<li>");
            if (item)
                xmlBufferCat(b, item);
            xmlBufferCat(b, BAD_CAST "</li>");
            xmlFree(item);
        }
        xmlBufferCat(b, BAD_CAST "</ul>\n");
        xmlXPathFreeObject(items);
    }
    free(kind);
    free(content);
}

xmlDocPtr artx_embedded_article(const artx_page *pg)
{
    xmlDocPtr ans = fusion_content(pg);
    xmlXPathContextPtr xp = ans ? xmlXPathNewContext(ans) : NULL;
    xmlXPathObjectPtr els =
        xp ? artx_select(xp, "/ans/map/array[@key='content_elements']/map", NULL) : NULL;
    xmlBufferPtr b = els ? xmlBufferCreate() : NULL;
    xmlDocPtr doc = NULL;
    if (b) {
        xmlBufferCat(b, BAD_CAST "<!DOCTYPE html><html><body><div>\n");
        for (int i = 0; i < els->nodesetval->nodeNr; i++)
            add_element(b, xp, els->nodesetval->nodeTab[i]);
        xmlBufferCat(b, BAD_CAST "</div></body></html>\n");
        doc = htmlReadMemory((const char *)xmlBufferContent(b), xmlBufferLength(b), NULL,
                             "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
        if (!doc)
            artx_oom();
        xmlBufferFree(b);
    }
    xmlXPathFreeObject(els);
    if (xp)
        xmlXPathFreeContext(xp);
    xmlFreeDoc(ans);
    return doc;
}
