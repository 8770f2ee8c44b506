/* read.c - bytes to DOM: decide the encoding, then parse with libxml2.
 *
 * The encoding rules (artx.h) put the bytes above the page's word because
 * saved copies are often re-encoded without their <meta> being fixed.  The
 * decided encoding is always handed to libxml2, whose HTML parser would
 * otherwise read an undeclared page as Latin-1. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "internal.h"

/* How far to look for a declared charset.  WHATWG's prescan stops at 1024
 * bytes; saved pages often carry kilobytes of scripts before the <meta>. */
#define DECL_SCAN 65536

/* WHATWG labels mapped to what iconv knows.  "euc-kr" means CP949 (UHC):
 * plain EUC-KR fails on the syllables CP949 adds. */
static const struct {
    const char *label;
    const char *encoding;
} charset_labels[] = {
    {"utf-8", "UTF-8"},         {"utf8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"},
    {"euc-kr", "CP949"},        {"cp949", "CP949"},
    {"windows-949", "CP949"},   {"x-windows-949", "CP949"},
    {"ks_c_5601-1987", "CP949"}, {"ksc5601", "CP949"},
    {"ksc_5601", "CP949"},      {"korean", "CP949"},
    {"uhc", "CP949"},
    {"shift_jis", "CP932"},     {"shift-jis", "CP932"},
    {"sjis", "CP932"},          {"x-sjis", "CP932"},
    {"windows-31j", "CP932"},   {"ms_kanji", "CP932"},
    {"euc-jp", "EUC-JP"},       {"iso-2022-jp", "ISO-2022-JP"},
    {"gb2312", "GB18030"},      {"gbk", "GB18030"},
    {"gb18030", "GB18030"},     {"big5", "BIG5-HKSCS"},
    {"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"},
    {"iso-8859-2", "ISO-8859-2"}, {"iso-8859-15", "ISO-8859-15"},
    {"windows-1251", "WINDOWS-1251"}, {"koi8-r", "KOI8-R"},
    {"utf-16", "UTF-16LE"},      {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},
};

static const char *encoding_for_label(const char *label, size_t n)
{
    for (size_t i = 0; i < sizeof charset_labels / sizeof *charset_labels; i++)
        if (strlen(charset_labels[i].label) == n &&
            strncasecmp(charset_labels[i].label, label, n) == 0)
            return charset_labels[i].encoding;
    return NULL;
}

/* Find `charset=LABEL` (meta) or `encoding="LABEL"` (XML declaration) in
 * the first bytes of the page. */
static const char *declared_encoding(const unsigned char *buf, size_t len)
{
    size_t n = len < DECL_SCAN ? len : DECL_SCAN;
    static const char *const keys[] = {"charset", "encoding"};
    for (size_t i = 0; i + 8 < n; i++) {
        for (size_t k = 0; k < 2; k++) {
            size_t kl = strlen(keys[k]);
            if (i + kl >= n || strncasecmp((const char *)buf + i, keys[k], kl))
                continue;
            size_t j = i + kl;
            while (j < n && (buf[j] == ' ' || buf[j] == '\t'))
                j++;
            if (j >= n || buf[j] != '=')
                continue;
            j++;
            while (j < n && (buf[j] == ' ' || buf[j] == '"' || buf[j] == '\''))
                j++;
            size_t start = j;
            while (j < n && (isalnum(buf[j]) || buf[j] == '-' || buf[j] == '_' ||
                             buf[j] == '.' || buf[j] == ':'))
                j++;
            const char *enc = encoding_for_label((const char *)buf + start, j - start);
            if (enc)
                return enc;
        }
    }
    return NULL;
}

/* CP949: a lead byte 0x81-0xFE with a trail 0x41-0x5A, 0x61-0x7A or
 * 0x81-0xFE.  Text that follows these rules throughout and has at least one
 * such pair is taken for legacy Korean. */
static bool valid_cp949(const unsigned char *buf, size_t len)
{
    size_t pairs = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = buf[i];
        if (c < 0x80)
            continue;
        if (c == 0x80 || c == 0xFF || i + 1 >= len)
            return false;
        unsigned char t = buf[++i];
        if (!((t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) ||
              (t >= 0x81 && t <= 0xFE)))
            return false;
        pairs++;
    }
    return pairs > 0;
}

const char *artx_detect_encoding(const unsigned char *buf, size_t len)
{
    if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
        return "UTF-8";
    if (len >= 2 && buf[0] == 0xFF && buf[1] == 0xFE)
        return "UTF-16LE";
    if (len >= 2 && buf[0] == 0xFE && buf[1] == 0xFF)
        return "UTF-16BE";
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = buf[i] < 0x80;
    if (!ascii && artx_utf8_valid(buf, len))
        return "UTF-8";
    const char *declared = declared_encoding(buf, len);
    /* A page that says UTF-8 but is not cannot be read as UTF-8. */
    if (declared && (ascii || strcmp(declared, "UTF-8") != 0))
        return declared;
    if (ascii)
        return "UTF-8";
    return valid_cp949(buf, len) ? "CP949" : "WINDOWS-1252";
}

/* Binary data: NUL bytes or many control characters near the start.  UTF-16
 * with a BOM is text. */
static bool looks_binary(const unsigned char *buf, size_t len)
{
    if (len >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) ||
                     (buf[0] == 0xFE && buf[1] == 0xFF)))
        return false;
    size_t n = len < 8192 ? len : 8192, controls = 0;
    for (size_t i = 0; i < n; i++) {
        if (buf[i] == 0)
            return true;
        if (buf[i] < 0x20 && buf[i] != '\t' && buf[i] != '\n' && buf[i] != '\r' &&
            buf[i] != '\f')
            controls++;
    }
    return controls * 10 > n;
}

/* XML formats are recognised by their namespace near the start. */
static bool names_near_start(const unsigned char *buf, size_t len, const char *ns)
{
    size_t n = len < 4096 ? len : 4096, nl = strlen(ns);
    for (size_t i = 0; i + nl <= n; i++)
        if (memcmp(buf + i, ns, nl) == 0)
            return true;
    return false;
}

#define XLIFF_NS_PREFIX "urn:oasis:names:tc:xliff:document:"

bool artx_is_xliff(xmlDocPtr doc)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    return root && root->ns && xmlStrEqual(root->name, BAD_CAST "xliff") &&
           (xmlStrEqual(root->ns->href, BAD_CAST XLIFF_NS_PREFIX "1.2") ||
            xmlStrEqual(root->ns->href, BAD_CAST XLIFF_NS_PREFIX "2.0"));
}

/* A root element: its name as "{NS}local", or "local" outside any
 * namespace; empty when none was found. */
typedef struct root_name {
    char ns[256];
    char local[128];
} root_name;

/* Whether a root element is what `from` (XLIFF or article) reads. */
static bool root_expected(const root_name *r, artx_from from)
{
    if (from == ARTX_FROM_XLIFF)
        return !strcmp(r->local, "xliff") && (!strcmp(r->ns, XLIFF_NS_PREFIX "1.2") ||
                                              !strcmp(r->ns, XLIFF_NS_PREFIX "2.0"));
    return !strcmp(r->local, "article") && !strcmp(r->ns, ARTX_NS);
}

static void first_element(void *ctx, const xmlChar *local, const xmlChar *prefix,
                          const xmlChar *uri, int nns, const xmlChar **nss, int nattrs,
                          int ndefaulted, const xmlChar **attrs)
{
    (void)prefix, (void)nns, (void)nss, (void)nattrs, (void)ndefaulted, (void)attrs;
    xmlParserCtxtPtr ctxt = ctx;
    root_name *r = ctxt->_private;
    snprintf(r->ns, sizeof r->ns, "%s", uri ? (const char *)uri : "");
    snprintf(r->local, sizeof r->local, "%s", (const char *)local);
    xmlStopParser(ctxt);
}

static void no_message(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

/* The root element of bytes that may not be well-formed past it (an HTML
 * page's <br>): the parser's first start tag, reported before what
 * follows it is read; recovering, for the unquoted attributes of HTML.
 * Safe as every XML input: no network, no DTD, no entity expanded. */
static void sax_root(const unsigned char *buf, size_t len, root_name *r)
{
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = first_element;
    sax.error = sax.warning = no_message;
    sax.serror = NULL;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL);
    if (!ctxt)
        return;
    ctxt->_private = r;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                 XML_PARSE_RECOVER);
    xmlParseChunk(ctxt, (const char *)buf, (int)len, 1);
    /* SAX2's start of document made a tree for the part before the stop;
     * the context does not free it. */
    xmlFreeDoc(ctxt->myDoc);
    xmlFreeParserCtxt(ctxt);
}

/* As sax_root(), past an HTML5 <!doctype html>, which XML spells only in
 * capitals. */
static void find_root(const unsigned char *buf, size_t len, root_name *r)
{
    *r = (root_name){{0}, {0}};
    if (len > INT_MAX)
        return;
    sax_root(buf, len, r);
    size_t i = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len && strchr(" \t\r\n", buf[i]))
        i++;
    const unsigned char *gt = len - i > 9 && !strncasecmp((const char *)buf + i, "<!doctype", 9)
                                  ? memchr(buf + i, '>', len - i)
                                  : NULL;
    if (!*r->local && gt)
        sax_root(gt + 1, len - (size_t)(gt + 1 - buf), r);
}

/* Refuse an input whose root element `from` does not read. */
static int not_expected(const root_name *r, artx_from from, artx_error *err)
{
    const char *open = *r->ns ? "{" : "", *close = *r->ns ? "}" : "";
    return artx_fail(err, ARTX_ERR_INVALID, "not an %s file (root element %s%s%s%s)",
                     from == ARTX_FROM_XLIFF ? "XLIFF" : "article", open, r->ns, close,
                     r->local);
}

/* Article XML and XLIFF, read as every XML input is (xml.c).  An input
 * of another kind is named by its root element rather than by where it
 * stops being well-formed XML. */
static int read_xml(const unsigned char *buf, size_t len, const char *url, artx_from from,
                    xmlDocPtr *out, artx_error *err)
{
    xmlDocPtr doc = NULL;
    root_name r;
    int ret = artx_xml_parse(buf, len, url, NULL, 0, false, &doc, err);
    if (ret == ARTX_ERR_PARSE) {
        find_root(buf, len, &r);
        return *r.local && !root_expected(&r, from) ? not_expected(&r, from, err) : ret;
    }
    if (ret)
        return ret;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    snprintf(r.ns, sizeof r.ns, "%s", root->ns ? (const char *)root->ns->href : "");
    snprintf(r.local, sizeof r.local, "%s", (const char *)root->name);
    if (!root_expected(&r, from)) {
        xmlFreeDoc(doc);
        return not_expected(&r, from, err);
    }
    *out = doc;
    return 0;
}

static int read_input(const unsigned char *buf, size_t len, const char *url, artx_from from,
                      xmlDocPtr *out, artx_error *err)
{
    *out = NULL;
    if (len == 0)
        return artx_fail(err, ARTX_ERR_INVALID, "empty input");
    if (len > (size_t)1 << 30)
        return artx_fail(err, ARTX_ERR_INVALID, "input larger than 1 GiB");
    if (looks_binary(buf, len))
        return artx_fail(err, ARTX_ERR_INVALID, "binary data, not a page or a dump");
    /* An XLIFF 2.0 file carries an article in its skeleton: look for
     * XLIFF first. */
    if (from == ARTX_FROM_AUTO && names_near_start(buf, len, XLIFF_NS_PREFIX))
        from = ARTX_FROM_XLIFF;
    else if (from == ARTX_FROM_AUTO && names_near_start(buf, len, ARTX_NS))
        from = ARTX_FROM_ARTICLE;
    if (from == ARTX_FROM_ARTICLE || from == ARTX_FROM_XLIFF)
        return read_xml(buf, len, url, from, out, err);

    const char *enc = artx_detect_encoding(buf, len);
    if (from == ARTX_FROM_AUTO && artx_feed_sniff(buf, len)) {
        /* Feeds are XML, and their HTML sits in CDATA that the HTML parser
         * would mangle.  Same safety as for articles; CDATA becomes text. */
        xmlDocPtr feed = NULL;
        if (artx_xml_parse(buf, len, url, enc, XML_PARSE_NOCDATA, true, &feed, NULL) == 0) {
            *out = feed;
            return 0;
        }
    }
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
               HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    artx_xml_clear_error();
    htmlDocPtr doc = htmlReadMemory((const char *)buf, (int)len, url, enc, opts);
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return artx_fail(err, ARTX_ERR_PARSE, "cannot parse as HTML in %s%s%s", enc,
                         *artx_xml_last_error() ? ": " : "", artx_xml_last_error());
    }
    /* Past its limits (nesting, the size of one text) libxml2 stops and
     * keeps what came before: the rest of the page would be lost. */
    if (*artx_xml_last_fatal()) {
        xmlFreeDoc(doc);
        return artx_fail(err, ARTX_ERR_PARSE, "the page is past a limit of the HTML parser, "
                         "which would drop the rest of it: %s", artx_xml_last_fatal());
    }
    *out = doc;
    return 0;
}

int artx_read(const unsigned char *buf, size_t len, const char *url,
              artx_from from, xmlDocPtr *out, artx_error *err)
{
    unsigned long oom = artx_oom_mark();
    int ret = artx_oom_since(oom, read_input(buf, len, url, from, out, err), err);
    if (ret) {
        xmlFreeDoc(*out);
        *out = NULL;
    }
    return ret;
}
