/* epub.c - an article as an EPUB 3 container: the OCF parts, the images
 * that are at hand, and the four stylesheets (content, package, nav, NCX)
 * packed by zip.c.
 *
 * EPUB 3.3 and OCF demand what the order below does: "mimetype" first,
 * stored, with no extra field; META-INF/container.xml naming the package;
 * no resource outside the container, so images that cannot be packaged
 * become links to the original in the content (article-to-xhtml.xsl). */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <libxml/uri.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "internal.h"

/* Larger images are left out (linked) rather than bloat the book. */
#define MAX_IMAGE ((size_t)32 << 20)
#define MAX_PARAMS 64

static const char mimetype[] = "application/epub+zip";

static const char container_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/package.opf\" "
    "media-type=\"application/oebps-package+xml\"/>\n"
    "  </rootfiles>\n"
    "</container>\n";

/* The parts the stylesheets make, in container order. */
static const struct {
    const char *stylesheet;
    const char *path;
} parts[] = {
    {"article-to-opf.xsl", "EPUB/package.opf"},
    {"article-to-nav.xsl", "EPUB/nav.xhtml"},
    {"article-to-ncx.xsl", "EPUB/toc.ncx"},
    {"article-to-xhtml.xsl", "EPUB/article.xhtml"},
};

const char *artx_epub_stylesheet(size_t i)
{
    return i < sizeof parts / sizeof *parts ? parts[i].stylesheet : NULL;
}

static const char *param(const char *const *params, const char *name)
{
    for (size_t i = 0; params && params[i] && params[i + 1]; i += 2)
        if (!strcmp(params[i], name))
            return params[i + 1];
    return NULL;
}

int artx_source_date(time_t *t, artx_error *err)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    *t = time(NULL);
    if (!sde || !*sde)
        return 0;
    char *end;
    errno = 0;
    long long v = strtoll(sde, &end, 10);
    /* strtoll takes leading space and signs; a number of seconds has
     * neither. */
    if (*sde < '0' || *sde > '9' || *end || errno)
        return artx_fail(err, ARTX_ERR_USAGE,
                         "SOURCE_DATE_EPOCH=%.40s: not a number of seconds since 1970", sde);
    *t = (time_t)v;
    return 0;
}

static uint64_t fnv1a(const char *s, uint64_t h)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* What names an article: its source, title, date and language
 * ("URL|TITLE|DATE|LANG"), of the article element `art`.  Caller frees
 * with xmlFree(); NULL when out of memory. */
static xmlChar *article_key(xmlXPathContextPtr xp, xmlNodePtr art)
{
    xp->node = art;
    xmlXPathObjectPtr o = xmlXPathEvalExpression(
        BAD_CAST "concat(a:head/a:source/@href, '|', a:head/a:title,"
                 " '|', a:head/a:published, '|', @xml:lang)",
        xp);
    xmlChar *k = o && o->type == XPATH_STRING ? xmlStrdup(o->stringval) : NULL;
    xmlXPathFreeObject(o);
    return k;
}

/* The urn:uuid of 128 hashed bits: RFC 9562 layout, version 8 (custom),
 * variant 10. */
static void uuid_format(uint64_t hi, uint64_t lo, char *buf, size_t size)
{
    hi = (hi & ~0xF000ULL) | 0x8000ULL;
    lo = (lo & ~(3ULL << 62)) | (2ULL << 62);
    snprintf(buf, size, "urn:uuid:%08x-%04x-%04x-%04x-%012llx", (unsigned)(hi >> 32),
             (unsigned)(hi >> 16 & 0xFFFF), (unsigned)(hi & 0xFFFF), (unsigned)(lo >> 48),
             (unsigned long long)(lo & 0xFFFFFFFFFFFFULL));
}

#define FNV_BASIS 0xcbf29ce484222325ULL
#define LO_SALT 0x9e3779b97f4a7c15ULL

/* A name-based UUID for the article: the same source, title, date and
 * language give the same identifier, and a bilingual book (`source`, the
 * source language, not NULL) another than the translation alone.  (Two
 * FNV-1a hashes make the 128 bits; it is an identifier, not a security
 * measure.) */
static int identifier(xmlXPathContextPtr xp, const char *source, char *buf, size_t size)
{
    xmlChar *key = article_key(xp, xmlDocGetRootElement(xp->doc));
    if (!key)
        return ARTX_ERR_NOMEM;
    const char *k = (const char *)key;
    uint64_t hi = fnv1a(k, FNV_BASIS);
    if (source)
        hi = fnv1a(source, fnv1a("|bilingual|", hi));
    uint64_t lo = fnv1a(k, hi ^ LO_SALT);
    xmlFree(key);
    uuid_format(hi, lo, buf, size);
    return 0;
}

int artx_article_identifier(xmlDocPtr article, const char *source, char *buf, size_t size)
{
    xmlXPathContextPtr xp = xmlXPathNewContext(article);
    if (!xp || xmlXPathRegisterNs(xp, BAD_CAST "a", BAD_CAST ARTX_NS)) {
        xmlXPathFreeContext(xp);
        return ARTX_ERR_NOMEM;
    }
    int ret = identifier(xp, source, buf, size);
    xmlXPathFreeContext(xp);
    return ret;
}

/* The media type of an image from its first bytes; only EPUB's core image
 * types are packaged. */
static const char *sniff(const unsigned char *b, size_t n, const char **ext)
{
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return *ext = "jpg", "image/jpeg";
    if (n >= 8 && !memcmp(b, "\x89PNG\r\n\x1a\n", 8))
        return *ext = "png", "image/png";
    if (n >= 6 && (!memcmp(b, "GIF87a", 6) || !memcmp(b, "GIF89a", 6)))
        return *ext = "gif", "image/gif";
    if (n >= 12 && !memcmp(b, "RIFF", 4) && !memcmp(b + 8, "WEBP", 4))
        return *ext = "webp", "image/webp";
    return NULL;
}

/* The file in `dir` that holds a copy of the image at URL `src`: the
 * URL's last path segment, unescaped, as a file name in dir (the user put
 * the photos there, say with wget).  Never a path the page chose: a
 * segment that is empty, "." or "..", or holds a slash, names nothing.
 * Caller frees with free(). */
static char *image_file(const char *dir, const char *src)
{
    size_t end = strcspn(src, "?#");
    const char *seg = src + end;
    while (seg > src && seg[-1] != '/')
        seg--;
    char *raw = strndup(seg, (size_t)(src + end - seg));
    char *name = raw ? xmlURIUnescapeString(raw, 0, NULL) : NULL;
    free(raw);
    char *path = NULL;
    if (name && *name && strcmp(name, ".") && strcmp(name, "..") && !strchr(name, '/') &&
        (path = malloc(strlen(dir) + strlen(name) + 2)))
        sprintf(path, "%s/%s", dir, name);
    xmlFree(name);
    return path;
}

/* A local image's bytes, or NULL: only regular files are read (a device
 * or a pipe named as an image source is not an image). */
static unsigned char *read_image(const char *path, size_t *len)
{
    struct stat st;
    unsigned char *buf = NULL;
    *len = 0;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
        artx_read_file(path, MAX_IMAGE, &buf, len, NULL))
        return NULL;
    return buf;
}

/* Package the images the user put in `dir` (param image-dir) for the
 * article element `art` and point its img/@src at them, named after the
 * figure's id (in a book, PART-ID, so that no two articles' images meet);
 * the others keep their URL and become links.  No other file is read.
 * Returns 0 or the zip's error. */
static int package_images(xmlXPathContextPtr xp, xmlNodePtr art, const char *part,
                          const char *dir, artx_zip *z)
{
    if (!dir || !*dir)
        return 0;
    xp->node = art;
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST ".//a:figure", xp);
    int ret = 0;
    for (int i = 0; o && o->nodesetval && i < o->nodesetval->nodeNr && !ret; i++) {
        xmlNodePtr fig = o->nodesetval->nodeTab[i], img = NULL;
        for (xmlNodePtr k = fig->children; k && !img; k = k->next)
            if (k->type == XML_ELEMENT_NODE && xmlStrEqual(k->name, BAD_CAST "img"))
                img = k;
        xmlChar *src = img ? xmlGetProp(img, BAD_CAST "src") : NULL;
        xmlChar *id = xmlGetProp(fig, BAD_CAST "id");
        char *path = src ? image_file(dir, (const char *)src) : NULL;
        size_t len = 0;
        unsigned char *data = path ? read_image(path, &len) : NULL;
        const char *ext = NULL;
        if (data && id && sniff(data, len, &ext)) {
            char name[256], entry[300];
            snprintf(name, sizeof name, "images/%s%s%s.%s", part ? part : "", part ? "-" : "",
                     (const char *)id, ext);
            snprintf(entry, sizeof entry, "EPUB/%s", name);
            /* Images are compressed already. */
            ret = artx_zip_add(z, entry, data, len, false);
            xmlSetProp(img, BAD_CAST "src", BAD_CAST name);
            /* Tells the EPUB stylesheets this one is in the container. */
            xmlSetProp(img, BAD_CAST "packaged", BAD_CAST "yes");
        }
        free(data);
        free(path);
        xmlFree(src);
        xmlFree(id);
    }
    xmlXPathFreeObject(o);
    return ret;
}

/* The container's time (SOURCE_DATE_EPOCH, else now) in *t and as
 * dcterms:modified in `modified`. */
static int stamp(time_t *t, char *modified, size_t size, artx_error *err)
{
    int ret = artx_source_date(t, err);
    struct tm tm;
    if (ret)
        return ret;
    if (!gmtime_r(t, &tm) || !strftime(modified, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(modified, size, "1970-01-01T00:00:00Z");
    return 0;
}

/* The stylesheets' parameters into `all` (MAX_PARAMS + 8 entries): the
 * caller's first, then ours where the caller gave none. */
static void part_params(const char *const *params, const char *uid, const char *modified,
                        const char **all)
{
    size_t n = 0;
    for (size_t i = 0; params && params[i] && params[i + 1] && n < MAX_PARAMS; i += 2) {
        all[n++] = params[i];
        all[n++] = params[i + 1];
    }
    if (!param(params, "identifier"))
        all[n++] = "identifier", all[n++] = uid;
    if (!param(params, "modified"))
        all[n++] = "modified", all[n++] = modified;
    all[n++] = "mode", all[n++] = "epub";
    all[n] = NULL;
}

/* The entries that come first: "mimetype" (stored), container.xml. */
static int start_container(artx_zip *z, artx_error *err)
{
    int ret;
    if ((ret = artx_zip_add(z, "mimetype", (const unsigned char *)mimetype,
                            sizeof mimetype - 1, false)) ||
        (ret = artx_zip_add(z, "META-INF/container.xml",
                            (const unsigned char *)container_xml, sizeof container_xml - 1,
                            true)))
        return artx_fail(err, ret, "cannot add to the container");
    return 0;
}

static int add_css(artx_zip *z, artx_error *err)
{
    unsigned char *css = NULL;
    size_t css_len = 0;
    int ret = artx_resource("epub.css", &css, &css_len, err);
    if (!ret && (ret = artx_zip_add(z, "EPUB/style.css", css, css_len, true)))
        artx_fail(err, ret, "cannot add EPUB/style.css to the container");
    free(css);
    return ret;
}

/* One part: `stylesheet` on doc, serialised into the container at `path`. */
static int add_part(artx_zip *z, const char *stylesheet, xmlDocPtr doc, xmlDocPtr source,
                    const char *const *all, const char *path, artx_error *err)
{
    xmlDocPtr res = NULL;
    unsigned char *bytes = NULL;
    size_t blen = 0;
    int ret = artx_stylesheet_apply_bilingual(stylesheet, doc, source, all, &res, err);
    if (!ret)
        ret = artx_stylesheet_serialise(stylesheet, res, &bytes, &blen, err);
    if (!ret && (ret = artx_zip_add(z, path, bytes, blen, true)))
        artx_fail(err, ret, "cannot add %s to the container", path);
    xmlFreeDoc(res);
    free(bytes);
    return ret;
}

int artx_epub(xmlDocPtr article, xmlDocPtr source, const char *const *params,
              unsigned char **out, size_t *len, artx_error *err)
{
    int ret = 0;
    artx_zip *z = NULL;
    xmlXPathContextPtr xp = NULL;
    /* Packaging rewrites image sources: on a copy, made only then (a big
     * article would be held twice). */
    const char *image_dir = param(params, "image-dir");
    xmlDocPtr copy = image_dir && *image_dir ? artx_copy_doc(article) : article;
    char uid[64], modified[32];
    const char *all[MAX_PARAMS + 8];
    *out = NULL;
    *len = 0;

    time_t t;
    if ((ret = stamp(&t, modified, sizeof modified, err)))
        goto out;
    z = artx_zip_new(t);
    if (!copy || !z || !(xp = xmlXPathNewContext(copy)) ||
        xmlXPathRegisterNs(xp, BAD_CAST "a", BAD_CAST ARTX_NS)) {
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        goto out;
    }
    /* A checked article always has its xml:lang. */
    xmlChar *source_lang = source ? xmlNodeGetLang(xmlDocGetRootElement(source)) : NULL;
    ret = identifier(xp, (const char *)source_lang, uid, sizeof uid);
    xmlFree(source_lang);
    if (ret) {
        ret = artx_fail(err, ret, "out of memory");
        goto out;
    }
    part_params(params, uid, modified, all);

    if ((ret = start_container(z, err)))
        goto out;
    if ((ret = package_images(xp, xmlDocGetRootElement(copy), NULL, image_dir, z))) {
        ret = artx_fail(err, ret, "cannot add to the container");
        goto out;
    }
    ret = add_css(z, err);
    for (size_t i = 0; !ret && i < sizeof parts / sizeof *parts; i++)
        ret = add_part(z, parts[i].stylesheet, copy, source, all, parts[i].path, err);
    if (!ret && (ret = artx_zip_finish(z, out, len)))
        artx_fail(err, ret, "cannot finish the container");
out:
    if (xp)
        xmlXPathFreeContext(xp);
    if (copy != article)
        xmlFreeDoc(copy);
    artx_zip_free(z);
    return ret;
}

/* ---- a book of several articles --------------------------------------------- */

/* The parts a book's package, navigation and NCX are (parts[] before the
 * content document), then the content document's. */
#define BOOK_PARTS 3

/* The name-based UUID of a book: its title and each article's key, in
 * order (a book of other articles, or of the same in another order, is
 * another book). */
static int book_identifier(xmlXPathContextPtr xp, const char *title, xmlNodePtr book,
                           char *buf, size_t size)
{
    uint64_t hi = fnv1a(title, fnv1a("|book|", FNV_BASIS));
    uint64_t lo = fnv1a(title, fnv1a("|book|", FNV_BASIS ^ LO_SALT));
    for (xmlNodePtr art = book->children; art; art = art->next) {
        xmlChar *key = art->type == XML_ELEMENT_NODE ? article_key(xp, art) : NULL;
        if (art->type == XML_ELEMENT_NODE && !key)
            return ARTX_ERR_NOMEM;
        if (key) {
            hi = fnv1a((const char *)key, fnv1a("|", hi));
            lo = fnv1a((const char *)key, fnv1a("|", lo));
        }
        xmlFree(key);
    }
    uuid_format(hi, lo, buf, size);
    return 0;
}

xmlDocPtr artx_book_doc(xmlDocPtr const *articles, size_t n, const char *title)
{
    unsigned long oom = artx_oom_mark();
    xmlDocPtr book = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = book ? xmlNewDocNode(book, NULL, BAD_CAST "book", NULL) : NULL;
    xmlNsPtr ns = root ? xmlNewNs(root, BAD_CAST ARTX_BOOK_NS, NULL) : NULL;
    bool ok = ns && xmlNewProp(root, BAD_CAST "title", BAD_CAST title);
    if (root) {
        xmlSetNs(root, ns);
        xmlDocSetRootElement(book, root);
    }
    for (size_t i = 0; ok && i < n; i++) {
        xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(articles[i]), book, 1);
        ok = copy && xmlAddChild(root, copy);
        if (copy && !ok)
            xmlFreeNode(copy);
    }
    if (!ok || artx_oom_since(oom, 0, NULL)) {
        xmlFreeDoc(book);
        return NULL;
    }
    return book;
}

/* A document of its own for an article of the book (content documents
 * are written of an article that is the document); NULL when memory ran
 * out. */
static xmlDocPtr article_alone(xmlNodePtr art)
{
    unsigned long oom = artx_oom_mark();
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr copy = doc ? xmlDocCopyNode(art, doc, 1) : NULL;
    if (copy)
        xmlDocSetRootElement(doc, copy);
    if (!copy || artx_oom_since(oom, 0, NULL)) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

int artx_epub_book(xmlDocPtr const *articles, size_t n, const char *title,
                   const char *const *params, unsigned char **out, size_t *len,
                   artx_error *err)
{
    int ret = 0;
    artx_zip *z = NULL;
    xmlXPathContextPtr xp = NULL;
    const char *image_dir = param(params, "image-dir");
    xmlDocPtr book = NULL;
    char uid[64], modified[32];
    const char *all[MAX_PARAMS + 8];
    *out = NULL;
    *len = 0;
    if (!n || !title || !*title)
        return artx_fail(err, ARTX_ERR_USAGE, "a book needs a title and an article");

    time_t t;
    if ((ret = stamp(&t, modified, sizeof modified, err)))
        goto out;
    z = artx_zip_new(t);
    if (!z || !(book = artx_book_doc(articles, n, title)) || !(xp = xmlXPathNewContext(book)) ||
        xmlXPathRegisterNs(xp, BAD_CAST "a", BAD_CAST ARTX_NS) ||
        book_identifier(xp, title, xmlDocGetRootElement(book), uid, sizeof uid)) {
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        goto out;
    }
    part_params(params, uid, modified, all);

    if ((ret = start_container(z, err)))
        goto out;
    size_t k = 0;
    for (xmlNodePtr art = xmlDocGetRootElement(book)->children; art && !ret; art = art->next) {
        char part[32];
        snprintf(part, sizeof part, "a%zu", ++k);
        if ((ret = package_images(xp, art, part, image_dir, z)))
            ret = artx_fail(err, ret, "cannot add to the container");
    }
    if (!ret)
        ret = add_css(z, err);
    for (size_t i = 0; !ret && i < BOOK_PARTS; i++)
        ret = add_part(z, parts[i].stylesheet, book, NULL, all, parts[i].path, err);
    k = 0;
    for (xmlNodePtr art = xmlDocGetRootElement(book)->children; art && !ret; art = art->next) {
        char path[48];
        snprintf(path, sizeof path, "EPUB/a%zu.xhtml", ++k);
        xmlDocPtr alone = article_alone(art);
        ret = alone ? add_part(z, parts[BOOK_PARTS].stylesheet, alone, NULL, all, path, err)
                    : artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        xmlFreeDoc(alone);
    }
    if (!ret && (ret = artx_zip_finish(z, out, len)))
        artx_fail(err, ret, "cannot finish the container");
out:
    if (xp)
        xmlXPathFreeContext(xp);
    xmlFreeDoc(book);
    artx_zip_free(z);
    return ret;
}
