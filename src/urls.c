/* urls.c - the one rule for the URLs an article may hold, whatever it was
 * read from (a page, article XML, a merged XLIFF): a link must be http,
 * https or mailto, an image source http or https.  Anything else
 * (javascript:, data:, a local path, file:) never reaches an output, where
 * it would be a live link or a file read from the machine. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "model.h"

bool artx_url_allowed(const char *url, bool link)
{
    if (!url)
        return false;
    if (!strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8))
        return true;
    return link && !strncasecmp(url, "mailto:", 7) && url[7];
}

/* Replace `a` by its content. */
static void unwrap(xmlNodePtr a)
{
    for (xmlNodePtr k = a->children, next; k; k = next) {
        next = k->next;
        xmlUnlinkNode(k);
        xmlAddPrevSibling(a, k);
    }
    xmlUnlinkNode(a);
    xmlFreeNode(a);
}

static bool attr_allowed(xmlNodePtr n, const char *name, bool link)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    bool ok = artx_url_allowed((const char *)v, link);
    xmlFree(v);
    return ok;
}

/* The links and figures under `n` whose URL is not allowed; dropped too
 * when `drop` is set. */
static size_t filter(xmlNodePtr n, int depth, bool drop)
{
    size_t found = 0;
    for (xmlNodePtr k = n->children, next; k; k = next) {
        next = k->next;
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (artx_model_is(k, "figure")) {
            xmlNodePtr img = k->children;
            while (img && !artx_model_is(img, "img"))
                img = img->next;
            /* A figure is its photo: without one there is nothing to show. */
            if (img && !attr_allowed(img, "src", false)) {
                if (drop) {
                    xmlUnlinkNode(k);
                    xmlFreeNode(k);
                }
                found++;
                continue;
            }
        }
        if (depth < 256)
            found += filter(k, depth + 1, drop);
        if (artx_model_is(k, "a") && !attr_allowed(k, "href", true)) {
            if (drop)
                unwrap(k);
            found++;
        }
    }
    return found;
}

size_t artx_article_filter_urls(xmlDocPtr article)
{
    xmlNodePtr root = xmlDocGetRootElement(article);
    return root ? filter(root, 0, true) : 0;
}

size_t artx_article_unsafe_urls(xmlDocPtr article)
{
    xmlNodePtr root = article ? xmlDocGetRootElement(article) : NULL;
    if (!root || !root->ns || !xmlStrEqual(root->ns->href, BAD_CAST ARTX_NS))
        return 0;
    return filter(root, 0, false);
}
