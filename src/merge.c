/* merge.c - a translated XLIFF back into an article: prepare the merge
 * data, run xslt/xliff-to-article.xsl, read its report, check the result
 * against the article schema.
 *
 * XLIFF 1.2 (strict) has no place for foreign elements, so artx carries
 * the source article there as escaped text in header/skl/internal-file;
 * XSLT 1.0 cannot parse text, so it is parsed here (with the same safety
 * as any XML input) and put in place as an element before the stylesheet
 * runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "internal.h"

#define XLIFF12_NS "urn:oasis:names:tc:xliff:document:1.2"

/* XLIFF 1.2: parse the article that internal-file carries as text and put
 * it there as an element. */
static int unpack_internal_file(xmlDocPtr xliff, artx_error *err)
{
    xmlXPathContextPtr xp = xmlXPathNewContext(xliff);
    if (!xp || xmlXPathRegisterNs(xp, BAD_CAST "x", BAD_CAST XLIFF12_NS)) {
        xmlXPathFreeContext(xp);
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }
    xmlXPathObjectPtr o =
        xmlXPathEvalExpression(BAD_CAST "/x:xliff/x:file/x:header/x:skl/x:internal-file", xp);
    int ret = 0;
    for (int i = 0; !ret && o && o->nodesetval && i < o->nodesetval->nodeNr; i++) {
        xmlNodePtr holder = o->nodesetval->nodeTab[i];
        xmlChar *text = xmlNodeGetContent(holder);
        xmlDocPtr art = text ? xmlReadMemory((const char *)text, xmlStrlen(text), NULL, "UTF-8",
                                             XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                 XML_PARSE_NOWARNING)
                             : NULL;
        xmlNodePtr root = art ? xmlDocGetRootElement(art) : NULL;
        if (!root || !root->ns || !xmlStrEqual(root->ns->href, BAD_CAST ARTX_NS)) {
            ret = artx_fail(err, ARTX_ERR_INVALID,
                            "unit (file): the merge data in internal-file is not an artx article");
        } else {
            xmlNodePtr copy = xmlDocCopyNode(root, xliff, 1);
            if (!copy) {
                ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
            } else {
                xmlNodeSetContent(holder, NULL);
                xmlAddChild(holder, copy);
                xmlReconciliateNs(xliff, copy);
            }
        }
        xmlFreeDoc(art);
        xmlFree(text);
    }
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(xp);
    return ret;
}

int artx_merge(xmlDocPtr xliff, const char *const *params, xmlDocPtr *out,
               size_t *untranslated, artx_error *err)
{
    xmlDocPtr copy = NULL, res = NULL;
    xmlBufferPtr messages = NULL;
    int ret = 0;
    *out = NULL;
    if (untranslated)
        *untranslated = 0;
    if (!artx_is_xliff(xliff))
        return artx_fail(err, ARTX_ERR_INVALID, "unit (file): not an XLIFF 1.2 or 2.0 file");
    xmlNodePtr root = xmlDocGetRootElement(xliff);
    if (!(copy = xmlCopyDoc(xliff, 1)) || !(messages = xmlBufferCreate())) {
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        goto out;
    }
    if (xmlStrEqual(root->ns->href, BAD_CAST XLIFF12_NS) &&
        (ret = unpack_internal_file(copy, err)))
        goto out;
    if ((ret = artx_stylesheet_apply("xliff-to-article.xsl", copy, params, &res, messages, err))) {
        /* The stylesheet's refusals say "unit ID: reason". */
        if (ret == ARTX_ERR_XSLT && !strncmp(err ? err->message : "", "unit ", 5))
            ret = err->status = ARTX_ERR_INVALID;
        goto out;
    }
    const char *report = strstr((const char *)xmlBufferContent(messages), "untranslated: ");
    if (report && untranslated)
        *untranslated = strtoul(report + strlen("untranslated: "), NULL, 10);
    if ((ret = artx_article_check(res, err))) {
        artx_fail_within(err, ret, "the merged article is not valid");
        goto out;
    }
    *out = res;
    res = NULL;
out:
    xmlFreeDoc(res);
    xmlFreeDoc(copy);
    if (messages)
        xmlBufferFree(messages);
    return ret;
}
