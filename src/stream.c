/* stream.c - a transformation's result written out while it is built.
 *
 * On a big article the result tree of the XLIFF stylesheet is many times
 * the bytes it serialises to (a node per text, an attribute node and a
 * text node per attribute).  A stylesheet that writes a long run of
 * independent pieces (units) says, after each, <artx:flush/>: the part of
 * the result that is complete by then is serialised and freed, so the
 * tree never holds more than one piece.
 *
 * What is complete: every node before the one being written to
 * (tctx->insert) in document order, but its ancestors and its last child.
 * An ancestor's start tag is written (its attributes can no longer
 * change: it has a child), its end tag when it is complete.  The last
 * child of the insertion point stays in the tree, so that the element
 * keeps a child (libxslt refuses an attribute on an element that has one)
 * and libxslt can go on appending to its last text node.
 *
 * The bytes are those xsltSaveResultTo writes for the whole tree: each
 * complete node goes through the same serialiser (xmlNodeDumpOutput), and
 * a start tag is that serialiser's empty element without its "/>".  So
 * only results serialised node by node are streamed: the xml method,
 * explicit, with indent="no" and no doctype; for any other the flush does
 * nothing, and nor does it outside artx's own serialisation (artx stats,
 * a host's transformation through the plugin): the whole tree is kept and
 * serialised at the end as before. */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlsave.h>
#include <libxslt/extensions.h>
#include <libxslt/imports.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "internal.h"

struct artx_stream {
    xmlOutputBufferPtr ob;
    xsltStylesheetPtr style;
    xsltTransformContextPtr tctx; /* while bound */
    const xmlChar *encoding;      /* as xsltSaveResultTo passes it on */
    bool streamable, begun, failed;
    xmlNodePtr *open;             /* elements whose start tag is written */
    size_t nopen, capopen;
};

/* The stream of the transformation running on this thread, or NULL. */
static _Thread_local artx_stream *current;

/* Never a node's content: what tctx->lasttext is set to after a flush, so
 * that libxslt cannot take a freed text's buffer for its last text. */
static const xmlChar no_text;

artx_stream *artx_stream_new(xmlOutputBufferPtr ob, xsltStylesheetPtr style)
{
    artx_stream *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->ob = ob;
    s->style = style;
    const xmlChar *method, *doctype_public, *doctype_system;
    int indent;
    XSLT_GET_IMPORT_PTR(method, style, method)
    XSLT_GET_IMPORT_PTR(doctype_public, style, doctypePublic)
    XSLT_GET_IMPORT_PTR(doctype_system, style, doctypeSystem)
    XSLT_GET_IMPORT_INT(indent, style, indent);
    s->streamable = !style->methodURI && method && xmlStrEqual(method, BAD_CAST "xml") &&
                    indent == 0 && !doctype_public && !doctype_system;
    return s;
}

void artx_stream_free(artx_stream *s)
{
    if (!s)
        return;
    free(s->open);
    free(s);
}

void artx_stream_bind(artx_stream *s, xsltTransformContextPtr tctx)
{
    if (s)
        s->tctx = tctx;
    current = s;
}

static bool is_open(const artx_stream *s, xmlNodePtr n)
{
    for (size_t i = 0; i < s->nopen; i++)
        if (s->open[i] == n)
            return true;
    return false;
}

static void closed(artx_stream *s, xmlNodePtr n)
{
    for (size_t i = 0; i < s->nopen; i++)
        if (s->open[i] == n) {
            s->open[i] = s->open[--s->nopen];
            return;
        }
}

/* The XML declaration, as xsltSaveResultTo writes it. */
static void declaration(artx_stream *s, xmlDocPtr result)
{
    xmlOutputBufferPtr ob = s->ob;
    const xmlChar *encoding;
    int omit, standalone;
    XSLT_GET_IMPORT_PTR(encoding, s->style, encoding)
    XSLT_GET_IMPORT_INT(omit, s->style, omitXmlDeclaration);
    XSLT_GET_IMPORT_INT(standalone, s->style, standalone);
    if (omit != 1) {
        xmlOutputBufferWriteString(ob, "<?xml version=");
        if (result->version) {
            xmlOutputBufferWriteString(ob, "\"");
            xmlOutputBufferWriteString(ob, (const char *)result->version);
            xmlOutputBufferWriteString(ob, "\"");
        } else
            xmlOutputBufferWriteString(ob, "\"1.0\"");
        if (!encoding) {
            if (result->encoding)
                encoding = result->encoding;
            else if (result->charset != XML_CHAR_ENCODING_UTF8)
                encoding = BAD_CAST xmlGetCharEncodingName((xmlCharEncoding)result->charset);
        }
        if (encoding) {
            xmlOutputBufferWriteString(ob, " encoding=\"");
            xmlOutputBufferWriteString(ob, (const char *)encoding);
            xmlOutputBufferWriteString(ob, "\"");
        }
        if (standalone == 0)
            xmlOutputBufferWriteString(ob, " standalone=\"no\"");
        else if (standalone == 1)
            xmlOutputBufferWriteString(ob, " standalone=\"yes\"");
        xmlOutputBufferWriteString(ob, "?>\n");
    }
    s->encoding = encoding;
}

/* The start tag of `n`: the serialiser's empty element, without "/>". */
static void start_tag(artx_stream *s, xmlNodePtr n)
{
    xmlOutputBufferPtr tmp = xmlAllocOutputBuffer(NULL);
    if (!tmp) {
        s->failed = true;
        return;
    }
    xmlNodePtr children = n->children, last = n->last;
    n->children = n->last = NULL;
    xmlNodeDumpOutput(tmp, n->doc, n, 0, 0, (const char *)s->encoding);
    n->children = children;
    n->last = last;
    const xmlChar *p = xmlOutputBufferGetContent(tmp);
    size_t len = xmlOutputBufferGetSize(tmp);
    if (tmp->error || !p || len < 2 || p[len - 2] != '/' || p[len - 1] != '>')
        s->failed = true;
    else {
        xmlOutputBufferWrite(s->ob, (int)(len - 2), (const char *)p);
        xmlOutputBufferWriteString(s->ob, ">");
    }
    xmlOutputBufferClose(tmp);
}

/* Write a complete node: one whose start tag went out before gets the
 * rest of its content and its end tag. */
static void emit(artx_stream *s, xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE || !is_open(s, n)) {
        xmlNodeDumpOutput(s->ob, n->doc, n, 0, 0, (const char *)s->encoding);
        return;
    }
    for (xmlNodePtr c = n->children; c; c = c->next)
        emit(s, c);
    xmlOutputBufferWriteString(s->ob, "</");
    if (n->ns && n->ns->prefix) {
        xmlOutputBufferWriteString(s->ob, (const char *)n->ns->prefix);
        xmlOutputBufferWriteString(s->ob, ":");
    }
    xmlOutputBufferWriteString(s->ob, (const char *)n->name);
    xmlOutputBufferWriteString(s->ob, ">");
    closed(s, n);
}

static bool push_open(artx_stream *s, xmlNodePtr n)
{
    if (s->nopen == s->capopen) {
        size_t cap = s->capopen ? s->capopen * 2 : 8;
        xmlNodePtr *p = realloc(s->open, cap * sizeof *p);
        if (!p)
            return false;
        s->open = p;
        s->capopen = cap;
    }
    s->open[s->nopen++] = n;
    return true;
}

/* Write and free what is complete of the result tree. */
static void flush(artx_stream *s)
{
    xsltTransformContextPtr tctx = s->tctx;
    xmlDocPtr result = tctx->output;
    xmlNodePtr insert = tctx->insert, n = insert;
    size_t depth = 0;
    while (n && n->type == XML_ELEMENT_NODE) {
        n = n->parent;
        depth++;
    }
    /* Not in the result document (a variable's value, say): nothing. */
    if (!result || n != (xmlNodePtr)result || result->type != XML_DOCUMENT_NODE)
        return;
    if (!s->begun) {
        declaration(s, result);
        s->begun = true;
    }
    xmlNodePtr container = (xmlNodePtr)result;
    for (size_t level = 0; !s->failed; level++) {
        /* the open element on the way down to insert, NULL at insert */
        xmlNodePtr next = NULL;
        if (level < depth) {
            next = insert;
            for (size_t up = depth - 1; up > level; up--)
                next = next->parent;
        }
        xmlNodePtr c = container->children;
        while (c && c != next && (next || c != container->last)) {
            xmlNodePtr after = c->next;
            emit(s, c);
            xmlUnlinkNode(c);
            xmlFreeNode(c);
            c = after;
        }
        if (!next)
            break;
        if (!is_open(s, next)) {
            /* An element with no child yet may still get attributes. */
            if (next == insert && !insert->children)
                break;
            start_tag(s, next);
            if (!push_open(s, next))
                s->failed = true;
        }
        container = next;
    }
    tctx->lasttext = &no_text;
    tctx->lasttsize = tctx->lasttuse = 0;
}

/* <artx:flush/> */
static void flush_element(xsltTransformContextPtr tctx, xmlNodePtr node, xmlNodePtr inst,
                          xsltElemPreCompPtr comp)
{
    (void)node;
    (void)inst;
    (void)comp;
    artx_stream *s = current;
    if (s && s->tctx == tctx && s->streamable && !s->failed && !s->ob->error)
        flush(s);
}

int artx_stream_register(void)
{
    return xsltRegisterExtModuleElement(BAD_CAST "flush", BAD_CAST ARTX_XSLT_NS, NULL,
                                        flush_element) < 0
               ? ARTX_ERR_NOMEM
               : 0;
}

int artx_stream_finish(artx_stream *s, xmlDocPtr result)
{
    if (!s->begun)
        return xsltSaveResultTo(s->ob, result, s->style) < 0 ? -1 : 0;
    for (xmlNodePtr c = result->children; c && !s->failed; c = c->next)
        emit(s, c);
    xmlOutputBufferFlush(s->ob);
    return s->failed || s->ob->error ? -1 : 0;
}
