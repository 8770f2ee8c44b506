/* feed.c - RSS, RDF and Atom feeds: recognising one (from its bytes for
 * read.c, from its root for normalise.c) and taking its first item apart.
 * The item's content is an HTML fragment, which becomes the page the
 * front end reads. */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "internal.h"

bool artx_feed_sniff(const unsigned char *buf, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    static const char *const roots[] = {"<rss", "<feed", "<rdf:RDF", NULL};
    for (size_t i = 0; i < n; i++)
        for (int r = 0; roots[r]; r++) {
            size_t rl = strlen(roots[r]);
            if (i + rl < n && !memcmp(buf + i, roots[r], rl) &&
                (buf[i + rl] == ' ' || buf[i + rl] == '>' || buf[i + rl] == '\n' ||
                 buf[i + rl] == '\r' || buf[i + rl] == '\t'))
                return true;
        }
    return false;
}

bool artx_is_feed(xmlDocPtr doc)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    return root && (xmlStrEqual(root->name, BAD_CAST "rss") ||
                    xmlStrEqual(root->name, BAD_CAST "feed") ||
                    xmlStrEqual(root->name, BAD_CAST "RDF"));
}

void artx_feed_item_clear(artx_feed_item *item)
{
    free(item->title);
    free(item->date);
    free(item->link);
    free(item->author);
    xmlFreeDoc(item->content);
    memset(item, 0, sizeof *item);
}

/* The item's description or content, parsed as HTML. */
static xmlDocPtr item_content(xmlXPathContextPtr xp, xmlNodePtr item)
{
    xmlXPathObjectPtr o = artx_select(
        xp, "*[local-name()='encoded' or local-name()='content'] | "
            "*[local-name()='description' or local-name()='summary']", item);
    xmlChar *html = o ? xmlNodeGetContent(o->nodesetval->nodeTab[0]) : NULL;
    xmlXPathFreeObject(o);
    if (!html)
        return NULL;
    xmlDocPtr frag = htmlReadMemory((const char *)html, xmlStrlen(html), NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    xmlFree(html);
    return frag;
}

int artx_feed_first_item(xmlDocPtr feed, artx_feed_item *out, artx_error *err)
{
    memset(out, 0, sizeof *out);
    xmlXPathContextPtr xp = xmlXPathNewContext(feed);
    if (!xp)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    xmlXPathObjectPtr o =
        artx_select(xp, "(//*[local-name()='item' or local-name()='entry'])[1]", NULL);
    xmlNodePtr item = o ? o->nodesetval->nodeTab[0] : NULL;
    xmlXPathFreeObject(o);
    if (item) {
        out->title = artx_select_text(xp, "*[local-name()='title']", item);
        out->date = artx_select_text(xp,
                                     "*[local-name()='pubDate' or local-name()='published' or "
                                     "local-name()='date' or local-name()='updated']",
                                     item);
        out->link =
            artx_select_text(xp, "*[local-name()='link']/@href | *[local-name()='link']", item);
        out->author = artx_select_text(
            xp, "*[local-name()='author' or local-name()='creator']", item);
        out->content = item_content(xp, item);
    }
    xmlXPathFreeContext(xp);
    if (!out->content) {
        artx_feed_item_clear(out);
        return artx_fail(err, ARTX_ERR_NOARTICLE, "feed has no item with content");
    }
    return 0;
}
