/* transform.c - article DOM to output bytes: the table of output formats
 * and the dispatch to each one's writer (the article itself, one
 * stylesheet of xslt/ through stylesheet.c, or epub.c's container). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "model.h"

static const artx_format_info formats[] = {
    {ARTX_TO_ARTICLE, "article", "xml", NULL, false, "the article XML (urn:artx:article)"},
    {ARTX_TO_TEXT, "text", "txt", "article-to-text.xsl", false,
     "plain text: the title, then the blocks"},
    {ARTX_TO_XLIFF, "xliff", "xlf", "article-to-xliff20.xsl", false, "XLIFF 2.0, for CAT tools"},
    {ARTX_TO_XLIFF12, "xliff12", "xlf", "article-to-xliff12.xsl", false,
     "XLIFF 1.2, for CAT tools that read no 2.0 (OmegaT, translate-toolkit)"},
    {ARTX_TO_DOCBOOK, "docbook", "dbk", "article-to-docbook.xsl", false,
     "DocBook 5, for archives"},
    {ARTX_TO_XHTML, "xhtml", "html", "article-to-xhtml.xsl", false,
     "one standalone HTML5 page (XHTML syntax)"},
    {ARTX_TO_EPUB, "epub", "epub", NULL, true, "an EPUB 3 book, for e-readers"},
    {ARTX_TO_STATS, "stats", "json", NULL, false,
     "the counts to quote a translation on (JSON): units, segments, words, characters"},
    {ARTX_TO_TMX, "tmx", "tmx", "xliff-to-tmx.xsl", false,
     "a TMX 1.4b translation memory of a translated XLIFF: its translated segments"},
};

#define NFORMATS (sizeof formats / sizeof *formats)

/* Extensions that name a format besides each one's own. */
static const struct {
    const char *extension;
    artx_format format;
} other_extensions[] = {
    {"xliff", ARTX_TO_XLIFF}, {"xhtml", ARTX_TO_XHTML}, {"htm", ARTX_TO_XHTML}};

const artx_format_info *artx_formats(size_t *count)
{
    *count = NFORMATS;
    return formats;
}

int artx_format_from_name(const char *name, artx_format *out)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (!strcmp(name, formats[i].name)) {
            *out = formats[i].format;
            return 0;
        }
    return ARTX_ERR_USAGE;
}

int artx_format_from_path(const char *path, artx_format *out)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return ARTX_ERR_USAGE;
    dot++;
    /* XLIFF 2.0 is the format a .xlf gets: artx's own and the newer. */
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].format != ARTX_TO_XLIFF12 && !strcasecmp(dot, formats[i].extension)) {
            *out = formats[i].format;
            return 0;
        }
    for (size_t i = 0; i < sizeof other_extensions / sizeof *other_extensions; i++)
        if (!strcasecmp(dot, other_extensions[i].extension)) {
            *out = other_extensions[i].format;
            return 0;
        }
    return ARTX_ERR_USAGE;
}

int artx_format_reads_param(artx_format format, bool merge, const char *param, bool *reads,
                            artx_error *err)
{
    const char *one[2] = {NULL, NULL};
    int ret = 0;
    *reads = false;
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].format == format)
            one[0] = formats[i].stylesheet;
    for (size_t i = 0; !ret && !*reads; i++) {
        const char *name = format == ARTX_TO_EPUB ? artx_epub_stylesheet(i) : one[i];
        if (!name)
            break;
        ret = artx_stylesheet_declares(name, param, reads, err);
    }
    if (!ret && !*reads && merge)
        ret = artx_stylesheet_declares("xliff-to-article.xsl", param, reads, err);
    return ret;
}

const char *artx_format_extension(artx_format format)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].format == format)
            return formats[i].extension;
    return "out";
}

/* Marks the text nodes indent() adds, so that unindent() takes exactly
 * those away again. */
static char indent_mark;

/* Line breaks and indentation between the article's structural elements
 * only.  libxml2's own formatting also indents a block whose content is a
 * single inline element (<li><a>...</a></li>), which changes its text. */
static void indent(xmlNodePtr n, int depth)
{
    if (!artx_model_is_structural(n) || !n->children)
        return;
    char pad[2 + 2 * 32] = "\n";
    int width = depth < 31 ? depth + 1 : 32;
    memset(pad + 1, ' ', (size_t)width * 2);
    pad[1 + width * 2] = '\0';
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        xmlNodePtr t = xmlNewText(BAD_CAST pad);
        if (t) {
            t->_private = &indent_mark;
            xmlAddPrevSibling(k, t);
        }
        indent(k, depth + 1);
    }
    pad[1 + (width - 1) * 2] = '\0';
    xmlNodePtr t = xmlNewText(BAD_CAST pad);
    if (t) {
        t->_private = &indent_mark;
        xmlAddChild(n, t);
    }
}

static void unindent(xmlNodePtr n)
{
    if (!artx_model_is_structural(n))
        return;
    for (xmlNodePtr k = n->children, next; k; k = next) {
        next = k->next;
        if (k->type == XML_TEXT_NODE && k->_private == &indent_mark) {
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        } else {
            unindent(k);
        }
    }
}

/* The article as XML, indented.  The indentation is added to the article
 * itself and taken away after (a copy would double a big article's
 * memory), so the caller's document comes back as it was. */
static int write_article(xmlDocPtr article, unsigned char **out, size_t *len, artx_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(article);
    indent(root, 0);
    int ret = artx_xml_serialise(article, out, len, err);
    unindent(root);
    return ret;
}

/* `take`: the article is the caller's to free no longer: it is freed as
 * soon as the output no longer needs it, and *article set to NULL.
 * `source`: the article it was translated from, for a bilingual output,
 * or NULL. */
static int transform(xmlDocPtr *article, xmlDocPtr source, bool take, artx_format format,
                     const char *const *params, artx_writer write, void *ctx,
                     unsigned char **out, size_t *len, artx_error *err)
{
    size_t i = 0;
    *out = NULL;
    *len = 0;
    while (i < NFORMATS && formats[i].format != format)
        i++;
    if (i == NFORMATS)
        return artx_fail(err, ARTX_ERR_USAGE, "unknown output format");
    if (source && format != ARTX_TO_EPUB && format != ARTX_TO_XHTML)
        return artx_fail(err, ARTX_ERR_USAGE, "a bilingual output is xhtml or epub, not %s",
                         formats[i].name);
    if (format == ARTX_TO_EPUB)
        return artx_epub(*article, source, params, out, len, err);
    if (format == ARTX_TO_STATS)
        return artx_stats(*article, params, out, len, err);
    if (format == ARTX_TO_TMX)
        return artx_fail(err, ARTX_ERR_USAGE, "a tmx is made from a translated XLIFF "
                         "(artx_tmx), not from an article");
    if (!formats[i].stylesheet)
        return write_article(*article, out, len, err);
    return artx_stylesheet_transform(formats[i].stylesheet, article, take, source, params,
                                     write, ctx, out, len, err);
}

static int transform_checked(xmlDocPtr *article, xmlDocPtr source, bool take,
                             artx_format format, const char *const *params, artx_writer write,
                             void *ctx, unsigned char **out, size_t *len, artx_error *err)
{
    unsigned long oom = artx_oom_mark();
    int ret = artx_oom_since(
        oom, transform(article, source, take, format, params, write, ctx, out, len, err), err);
    /* A format that does not stream: its bytes in one piece. */
    if (!ret && write && *out) {
        if (*len && write(ctx, *out, *len))
            ret = artx_fail(err, ARTX_ERR_IO, "cannot write the output");
        free(*out);
        *out = NULL;
    }
    if (ret) {
        free(*out);
        *out = NULL;
        *len = 0;
    }
    if (take) {
        xmlFreeDoc(*article);
        *article = NULL;
    }
    return ret;
}

int artx_transform(xmlDocPtr article, artx_format format, const char *const *params,
                   unsigned char **out, size_t *len, artx_error *err)
{
    return transform_checked(&article, NULL, false, format, params, NULL, NULL, out, len, err);
}

int artx_transform_take(xmlDocPtr *article, artx_format format, const char *const *params,
                        unsigned char **out, size_t *len, artx_error *err)
{
    return transform_checked(article, NULL, true, format, params, NULL, NULL, out, len, err);
}

int artx_transform_take_to(xmlDocPtr *article, artx_format format, const char *const *params,
                           artx_writer write, void *ctx, size_t *len, artx_error *err)
{
    unsigned char *out = NULL;
    size_t n = 0;
    if (!write) {
        xmlFreeDoc(*article);
        *article = NULL;
        return artx_fail(err, ARTX_ERR_USAGE, "no writer");
    }
    int ret = transform_checked(article, NULL, true, format, params, write, ctx, &out, &n, err);
    if (len)
        *len = n;
    return ret;
}

int artx_transform_bilingual(xmlDocPtr source, xmlDocPtr translation, artx_format format,
                             const char *const *params, unsigned char **out, size_t *len,
                             artx_error *err)
{
    if (!source)
        return artx_fail(err, ARTX_ERR_USAGE, "a bilingual output needs its source article");
    return transform_checked(&translation, source, false, format, params, NULL, NULL, out, len,
                             err);
}

/* A DocBook book: article-to-docbook.xsl on the book's wrapper. */
static int docbook_book(xmlDocPtr const *articles, size_t n, const char *title,
                        const char *const *params, unsigned char **out, size_t *len,
                        artx_error *err)
{
    static const char stylesheet[] = "article-to-docbook.xsl";
    if (!n || !title || !*title)
        return artx_fail(err, ARTX_ERR_USAGE, "a book needs a title and an article");
    xmlDocPtr book = artx_book_doc(articles, n, title), res = NULL;
    if (!book)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    int ret = artx_stylesheet_apply(stylesheet, book, params, &res, NULL, err);
    xmlFreeDoc(book);
    if (!ret)
        ret = artx_stylesheet_serialise(stylesheet, res, out, len, err);
    xmlFreeDoc(res);
    return ret;
}

int artx_transform_book(xmlDocPtr const *articles, size_t n, const char *title,
                        artx_format format, const char *const *params, unsigned char **out,
                        size_t *len, artx_error *err)
{
    size_t count;
    *out = NULL;
    *len = 0;
    if (format != ARTX_TO_EPUB && format != ARTX_TO_DOCBOOK)
        return artx_fail(err, ARTX_ERR_USAGE, "a book is epub or docbook, not %s",
                         format < NFORMATS ? artx_formats(&count)[format].name : "?");
    unsigned long oom = artx_oom_mark();
    int ret = format == ARTX_TO_EPUB
                  ? artx_epub_book(articles, n, title, params, out, len, err)
                  : docbook_book(articles, n, title, params, out, len, err);
    ret = artx_oom_since(oom, ret, err);
    if (ret) {
        free(*out);
        *out = NULL;
        *len = 0;
    }
    return ret;
}
