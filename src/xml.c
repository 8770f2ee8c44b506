/* xml.c - every XML input (article, XLIFF, feed, SRX file, stylesheet)
 * parsed one safe way: no network, no DTD loading, no entity substitution,
 * libxml2's size and amplification limits on (never XML_PARSE_HUGE).
 * Then the document is tamed: its document type declaration is dropped,
 * so it never reaches an output, and an entity reference is refused (or,
 * for web content such as a feed, removed), since whatever expanded it
 * later (xmlNodeGetContent, a serialiser) would do so without the parser's
 * limits.  Character references and the predefined entities are plain
 * text by then. */
#include <limits.h>

#include "internal.h"

/* Recursion bound of the tame walk: libxml2 nests at most 256 levels
 * without XML_PARSE_HUGE. */
#define MAX_DEPTH 300

/* The first entity reference under n (attributes included), or NULL. */
static xmlNodePtr entity_ref(xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type == XML_ENTITY_REF_NODE)
            return n;
        if (depth > MAX_DEPTH)
            continue;
        xmlNodePtr found = NULL;
        if (n->type == XML_ELEMENT_NODE)
            for (xmlAttrPtr a = n->properties; a && !found; a = a->next)
                found = entity_ref(a->children, depth + 1);
        if (!found && n->type != XML_ATTRIBUTE_NODE && n->type != XML_ENTITY_DECL)
            found = entity_ref(n->children, depth + 1);
        if (found)
            return found;
    }
    return NULL;
}

int artx_xml_tame(xmlDocPtr doc, bool drop_entities, artx_error *err)
{
    xmlDtdPtr dtd = xmlGetIntSubset(doc);
    if (dtd) {
        xmlUnlinkNode((xmlNodePtr)dtd);
        xmlFreeDtd(dtd);
    }
    for (xmlNodePtr ref; (ref = entity_ref(doc->children, 0));) {
        if (!drop_entities)
            return artx_fail(err, ARTX_ERR_INVALID,
                             "entity reference &%s; (line %ld): entities are not read",
                             (const char *)ref->name, (long)xmlGetLineNo(ref));
        xmlUnlinkNode(ref);
        xmlFreeNode(ref);
    }
    return 0;
}

int artx_xml_parse(const unsigned char *buf, size_t len, const char *url, const char *encoding,
                   int options, bool drop_entities, xmlDocPtr *out, artx_error *err)
{
    *out = NULL;
    if (len > (size_t)INT_MAX)
        return artx_fail(err, ARTX_ERR_INVALID, "larger than 2 GiB");
    artx_xml_clear_error();
    xmlDocPtr doc = xmlReadMemory((const char *)buf, (int)len, url, encoding,
                                  options | ARTX_XML_OPTIONS);
    if (!doc)
        return artx_fail(err, ARTX_ERR_PARSE, "not well-formed XML: %s",
                         *artx_xml_last_error() ? artx_xml_last_error() : "parse error");
    int ret = artx_xml_tame(doc, drop_entities, err);
    if (ret) {
        xmlFreeDoc(doc);
        return ret;
    }
    *out = doc;
    return 0;
}
