/* internal.h - private interfaces between artx's stages.  Never installed.
 *
 * Everything here has hidden visibility (the build uses -fvisibility=hidden)
 * and the artx_ prefix, so the static library cannot collide with its
 * host.  Unit tests link these functions directly.
 */
#ifndef ARTX_INTERNAL_H
#define ARTX_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxslt/xsltInternals.h>

#include "artx.h"

/* ---- error.c ---------------------------------------------------------- */

/* Fill `err` (may be NULL) and return `status`, so callers can write
 * `return artx_fail(err, ARTX_ERR_PARSE, "...", ...)`. */
int artx_fail(artx_error *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Put a prefix before the reason `err` holds already ("cannot read F" +
 * ": " + reason) and set its status; returns `status`. */
int artx_fail_within(artx_error *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Route libxml2 and libxslt messages away from stderr; the last one is kept
 * for artx_xml_last_error(). */
void artx_error_capture(void);

/* The last message libxml2 or libxslt reported since the previous call, or
 * "" (borrowed, valid until the next libxml2 call on this thread). */
const char *artx_xml_last_error(void);
/* Also append every generic (libxslt) message of this thread to `sink`
 * until called again with NULL. */
void artx_error_sink(xmlBufferPtr sink);

/* The last fatal error among them (the parser stopped there), or "". */
const char *artx_xml_last_fatal(void);
void artx_xml_clear_error(void);

/* Out of memory where no error reaches the caller: libxml2 and libxslt
 * may go on with less (a node, an attribute, a string dropped), so their
 * failed allocations are counted (artx_count_xml_allocations, and their
 * XML_ERR_NO_MEMORY reports where artx_init did not run, as in the
 * plugin), and artx's own lookups that treat NULL as "absent" and its
 * ICU calls call artx_oom().  A stage takes artx_oom_mark() when it starts and
 * ends with artx_oom_since(mark, ret, err): `ret`, or ARTX_ERR_NOMEM
 * ("out of memory") when memory ran out on this thread in between. */
void artx_oom(void);
unsigned long artx_oom_mark(void);
/* Count every failed allocation of libxml2 and libxslt (xmlMemSetup, once,
 * before the process's first conversion). */
void artx_count_xml_allocations(void);
/* A limit on the memory libxml2 and libxslt allocate on this thread from
 * now on (net of what they free): past `limit` bytes, stop(arg) is called
 * once, and the allocation goes on.  False when the allocator's block
 * sizes cannot be known (libxml2's allocator is not libc's), and nothing
 * is counted.  artx_spend_end() ends it: true when the limit was passed. */
bool artx_spend_begin(size_t limit, void (*stop)(void *), void *arg);
bool artx_spend_end(void);
/* strdup(), calling artx_oom() when it fails. */
char *artx_strdup(const char *s);
int artx_oom_since(unsigned long mark, int ret, artx_error *err);

/* ---- protect.c: addresses left untranslated ------------------------------ */

/* The compiled patterns of web and e-mail addresses, for one thread at a
 * time; NULL (and err set) when they cannot be made.  Free with
 * artx_addresses_free(). */
typedef struct artx_addresses artx_addresses;
artx_addresses *artx_addresses_new(artx_error *err);
void artx_addresses_free(artx_addresses *a);
/* Wrap every address in the text of `block` (not in a nested list, not in
 * text kept already) in <span translate="no">. */
int artx_addresses_protect(const artx_addresses *a, xmlNodePtr block, artx_error *err);

/* ---- srx.c (ICU): SRX rules -------------------------------------------- */

/* artx_segmenter_new() on the bytes of an SRX file rather than its path;
 * `name` names it in messages.  The fuzz target loads rules this way, with
 * no file between. */
int artx_segmenter_from_memory(const unsigned char *data, size_t len, const char *name,
                               artx_segmenter **out, artx_error *err);

/* What loading an SRX file skipped (a languagemap that names no
 * languagerule): *out gets a borrowed array of messages, valid as long as
 * the segmenter.  Returns how many. */
size_t artx_segmenter_warnings(const artx_segmenter *seg, const char *const **out);

/* ---- text.c: UTF-8 text helpers, NFC ----------------------------------- */

/* Decode one code point at *p (advancing it); returns -1 on a bad sequence
 * and advances by one byte. */
long artx_utf8_next(const unsigned char **p, const unsigned char *end);

/* True when `buf` holds valid UTF-8 (overlongs and surrogates invalid). */
bool artx_utf8_valid(const unsigned char *buf, size_t len);

/* True for Unicode White_Space (incl. NBSP, ideographic space) and the zero
 * width characters that pages use as spacing. */
bool artx_is_space(long cp);

/* True when XML 1.0 allows the code point in character data. */
bool artx_xml_char_ok(long cp);

/* Collapse whitespace runs to one space, trim, drop characters that XML
 * 1.0 forbids.  Returns a malloc'ed string (NULL when out of memory). */
char *artx_text_collapse(const char *s);

/* Decode, in place, the character references that a text carries once
 * more than it should ("&#34;" in a JSON-LD headline, "&amp;quot;" in an
 * attribute): numeric ones and HTML's named ones. */
void artx_text_unescape(char *s);

/* Unicode NFC of a UTF-8 string (on ICU).  Returns a malloc'ed string or
 * NULL when out of memory (or s is NULL); invalid UTF-8 is replaced by
 * U+FFFD. */
char *artx_text_nfc(const char *s);

/* The script a text is mostly written in, as a BCP 47 language guess:
 * "ko" (Hangul), "ja" (kana), "zh" (Han alone), or NULL when unknown. */
const char *artx_text_guess_lang(const char *s);

/* Case-insensitive search for an ASCII needle in UTF-8 text. */
const char *artx_strcasestr(const char *hay, const char *needle);

static inline bool artx_starts_with(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

/* ---- xml.c: XML inputs, read safely ------------------------------------ */

/* The parser options of every XML input: no network, no messages on
 * stderr.  Never XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE. */
#define ARTX_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* Parse XML bytes with ARTX_XML_OPTIONS plus `options` (such as
 * XML_PARSE_NOCDATA) and tame the result (artx_xml_tame).  `encoding` may
 * be NULL.  On success *out belongs to the caller. */
int artx_xml_parse(const unsigned char *buf, size_t len, const char *url, const char *encoding,
                   int options, bool drop_entities, xmlDocPtr *out, artx_error *err);

/* Drop a parsed document's document type declaration; refuse (with
 * ARTX_ERR_INVALID) a document that holds an entity reference, or with
 * `drop_entities` remove the references. */
int artx_xml_tame(xmlDocPtr doc, bool drop_entities, artx_error *err);

/* ---- urls.c: what links and image sources may be ----------------------- */

/* True for a link (`link`) that is http, https or mailto, or an image
 * source that is http or https. */
bool artx_url_allowed(const char *url, bool link);

/* Apply artx_url_allowed to an article: a link that fails it is unwrapped
 * to its text, a figure whose image fails it is removed.  Returns how
 * many were. */
size_t artx_article_filter_urls(xmlDocPtr article);

/* ---- dom.c: reading a parsed page -------------------------------------- */

/* An element with this name, whatever its case (HTML). */
bool artx_name_is(xmlNodePtr n, const char *name);
/* An element with one of these names (NULL-terminated), whatever its case. */
bool artx_name_in(xmlNodePtr n, const char *const *names);

/* Elements whose text is not the page's text: scripts, styles, forms,
 * embedded media, navigation, the document head. */
bool artx_is_not_content(xmlNodePtr n);

/* HTML's block elements: they start a new line of text. */
bool artx_is_html_block(xmlNodePtr n);

/* An attribute's value, collapsed, or NULL when absent or blank.  Caller
 * frees with free(). */
char *artx_attr(xmlNodePtr n, const char *name);

/* What element n itself says of translating its text: 1 translate, 0
 * leave it untranslated, -1 nothing.  A page says it with HTML's translate
 * attribute, ITS 2.0 local markup (its-translate, its:translate) or the
 * class notranslate that web translators honour, in that order. */
int artx_translate_said(xmlNodePtr n);
/* Whether n's text is to be left untranslated: the nearest element, n or
 * an ancestor, that says anything (artx_translate_said) says so. */
bool artx_is_untranslatable(xmlNodePtr n);

/* The text under a node (br as a space, what artx_is_not_content names
 * skipped), collapsed.  Caller frees with free(). */
char *artx_node_text(xmlNodePtr n);
/* Bytes of artx_node_text(n). */
size_t artx_text_len(xmlNodePtr n);
/* Bytes of text inside links under n. */
size_t artx_link_text_len(xmlNodePtr n);

/* The nodes an XPath expression selects from `at` (the root when NULL), or
 * NULL when none.  Caller frees with xmlXPathFreeObject(). */
xmlXPathObjectPtr artx_select(xmlXPathContextPtr xp, const char *expr, xmlNodePtr at);
/* A deep copy of doc, or NULL when memory ran out while it was made:
 * xmlCopyDoc leaves out what it cannot copy (a name, a text) and goes on,
 * and a stylesheet run on such a copy can crash.  The caller frees it. */
xmlDocPtr artx_copy_doc(xmlDocPtr doc);

/* The collapsed text of the first selected node that has some, or NULL.
 * Caller frees with free(). */
char *artx_select_text(xmlXPathContextPtr xp, const char *expr, xmlNodePtr at);

/* An href or src resolved against `base`, escaped, or NULL when it is
 * empty, a fragment, or fails artx_url_allowed (`link`: an href).  Caller
 * frees with free(). */
char *artx_absolute_url(const xmlChar *base, const char *v, bool link);

/* ---- feed.c: RSS, RDF and Atom ------------------------------------------- */

/* A feed root (<rss>, <feed>, <rdf:RDF>) near the start of the bytes. */
bool artx_feed_sniff(const unsigned char *buf, size_t len);

/* True when a parsed document is a feed. */
bool artx_is_feed(xmlDocPtr doc);

/* A feed's first item.  Strings are malloc'ed, NULL when the item lacks
 * them; content is the item's HTML parsed. */
typedef struct artx_feed_item {
    char *title, *date, *link, *author;
    xmlDocPtr content;
} artx_feed_item;

/* The feed's first item, or ARTX_ERR_NOARTICLE when it has no content (or
 * the feed has no item).  On success the caller releases *out with
 * artx_feed_item_clear(). */
int artx_feed_first_item(xmlDocPtr feed, artx_feed_item *out, artx_error *err);
void artx_feed_item_clear(artx_feed_item *item);

/* ---- meta.c: dates, bylines, credits, publishers ----------------------- */

typedef enum artx_precision {
    ARTX_PREC_NONE = 0,
    ARTX_PREC_YEAR,
    ARTX_PREC_MONTH,
    ARTX_PREC_DAY,
    ARTX_PREC_MINUTE,
    ARTX_PREC_SECOND
} artx_precision;

typedef struct artx_date {
    int year, month, day;      /* calendar date */
    int hour, minute, second;  /* local time, when precision allows */
    int offset;                /* minutes east of UTC */
    bool has_offset;           /* offset is known */
    artx_precision precision;  /* how much of the above is known */
} artx_date;

/* Find the first date in free text: ISO 8601, RFC 822, Korean portal forms
 * ("2023. 11. 1. 07:00", "2020.07.13. 오후 5:04", "2024년 5월 3일 14:20").
 * `default_offset` (minutes) is used for local times without a zone when
 * `has_default` is true.  Returns true and fills *out when found. */
bool artx_date_parse(const char *text, int default_offset, bool has_default,
                     artx_date *out);

/* Write a date as ISO 8601 at its precision into buf (>= 32 bytes). */
void artx_date_format(const artx_date *d, char *buf, size_t size);

/* Name of a precision for the model's @precision ("day", ...). */
const char *artx_precision_name(artx_precision p);

/* Look for a date-stamped Daum image URL (".../news/YYYYMM/DD/press/
 * YYYYMMDDhhmmss....jpg") that agrees with `month`/`day` and return its
 * year, or 0. */
int artx_date_year_from_url(const char *url, int month, int day);

/* A person named in a byline. */
typedef struct artx_byline {
    char name[128];   /* e.g. "선담은" */
    char email[128];  /* "" when none */
} artx_byline;

/* Parse a byline such as "선담은 기자 sun@hani.co.kr", "이재동 기자
 * (trigger@yna.co.kr)", "[매일경제 안병준 기자]", "By Jane Doe".  Fills up
 * to `max` entries and returns how many.  *whole is set when the text is
 * nothing but the byline (so the paragraph can be dropped). */
size_t artx_byline_parse(const char *text, artx_byline *out, size_t max,
                         bool *whole);

/* Where a photo credit starts at the end of a caption ("... 연합뉴스",
 * "... 대통령실 제공", "... [중앙포토]", "(사진=홍길동 기자)"), as a byte
 * offset into `caption`; strlen(caption) when there is none. */
size_t artx_credit_split(const char *caption);

/* The publisher for a press code, Naver office id or domain ("hani",
 * "025", "yna.co.kr"), or NULL.  Borrowed. */
const char *artx_publisher_lookup(const char *key);

/* ---- json.c: JSON-LD as XML ------------------------------------------------ */

/* Parse JSON text into an element tree in the XPath 3.1 json-to-xml shape
 * (map, array, string, number, boolean, null; @key on members), with no
 * namespace, appended as a child of `parent`.  Returns 0 or -1 when the
 * text is not JSON (nothing is appended then). */
int artx_json_to_xml(const char *json, size_t len, xmlNodePtr parent);

/* ---- stream.c: a result written out while it is built ---------------------- */

typedef struct artx_stream artx_stream;

/* A stream into `ob` for a result of `style` (NULL: out of memory). */
artx_stream *artx_stream_new(xmlOutputBufferPtr ob, xsltStylesheetPtr style);
void artx_stream_free(artx_stream *s);
/* The transformation on this thread whose <artx:flush/> writes to `s`
 * (NULL, NULL: none). */
void artx_stream_bind(artx_stream *s, xsltTransformContextPtr tctx);
/* Register <artx:flush/> (ARTX_XSLT_NS) with libxslt. */
int artx_stream_register(void);
/* Write what the stream has not written of `result` (all of it, through
 * xsltSaveResultTo, when nothing was flushed).  0, or -1 when it failed. */
int artx_stream_finish(artx_stream *s, xmlDocPtr result);

/* ---- stylesheet.c: the files of xslt/, compiled once ------------------------ */

/* Install the include loader and the security preferences (once per
 * process; artx_init calls it, the stages call it again for hosts that did
 * not). */
void artx_stylesheet_setup(void);

/* Release the compiled stylesheets and schema and forget the folder. */
void artx_stylesheet_cleanup(void);

/* Run the stylesheet xslt/NAME on doc with string parameters (name, value
 * pairs, NULL-terminated, may be NULL).  When `messages` is given, the
 * stylesheet's xsl:message output is appended to it, and a terminating
 * message becomes the error's text.  On success *result belongs to the
 * caller (xmlFreeDoc).  Safe on several threads at once. */
int artx_stylesheet_apply(const char *name, xmlDocPtr doc, const char *const *params,
                          xmlDocPtr *result, xmlBufferPtr messages, artx_error *err);

/* artx_stylesheet_apply() with the source article of a bilingual output
 * (NULL: none, as artx_stylesheet_apply): the parameter source-article is
 * set to a URI whose document() is (a copy of) `source`. */
int artx_stylesheet_apply_bilingual(const char *name, xmlDocPtr doc, xmlDocPtr source,
                                    const char *const *params, xmlDocPtr *result,
                                    artx_error *err);

/* Whether the compiled xslt/NAME (the customised one, when the folder
 * has it) or a stylesheet it includes or imports declares a top-level
 * parameter `param`. */
int artx_stylesheet_declares(const char *name, const char *param, bool *out, artx_error *err);

/* The stylesheets an EPUB is written with: part i (0, 1, ...), NULL past
 * the last. */
const char *artx_epub_stylesheet(size_t i);

/* Serialise a result of xslt/NAME by its xsl:output.  *out is malloc'ed
 * and NUL-terminated. */
int artx_stylesheet_serialise(const char *name, xmlDocPtr result, unsigned char **out,
                              size_t *len, artx_error *err);

/* Apply xslt/NAME to *doc and serialise the result by its xsl:output, as
 * artx_stylesheet_apply() then artx_stylesheet_serialise() do, but for a
 * stylesheet that says <artx:flush/> (stream.c) writing as it goes, so
 * that the whole result tree is never held.  `take`: *doc is freed as soon
 * as the output no longer needs it, and set to NULL (on success; the
 * caller frees it otherwise).  `source`: as artx_stylesheet_apply_bilingual.
 * `write`: NULL, or the bytes go to it as they come (as to
 * artx_transform_take_to), *out stays NULL and *len counts them. */
int artx_stylesheet_transform(const char *name, xmlDocPtr *doc, bool take, xmlDocPtr source,
                              const char *const *params, artx_writer write, void *ctx,
                              unsigned char **out, size_t *len, artx_error *err);

/* Serialise a document as UTF-8 XML.  *out is malloc'ed and NUL-terminated. */
int artx_xml_serialise(xmlDocPtr doc, unsigned char **out, size_t *len, artx_error *err);


/* Check a document against the article schema (xslt/article.rng, compiled
 * once).  Returns 0, or ARTX_ERR_INVALID with the first problem. */
int artx_article_check(xmlDocPtr doc, artx_error *err);

/* ---- stats.c ------------------------------------------------------------------- */

/* The counts of -t stats (keys in stats.c), from the article's XLIFF 2.0
 * under `params`: one line of JSON in *out (malloc'ed, NUL-terminated). */
int artx_stats(xmlDocPtr article, const char *const *params, unsigned char **out, size_t *len,
               artx_error *err);

/* ---- zip.c --------------------------------------------------------------------- */

typedef struct artx_zip artx_zip;

/* A new, empty archive whose entries all carry `mtime` (UTC).  NULL when
 * out of memory.  Free with artx_zip_free(). */
artx_zip *artx_zip_new(time_t mtime);

/* Append an entry: deflated when `compress` (and it helps), else stored.
 * The data is copied.  Returns 0 or a negative ARTX_ERR_*. */
int artx_zip_add(artx_zip *z, const char *name, const unsigned char *data, size_t len,
                 bool compress);

/* Write the central directory and hand the archive over: *out is
 * malloc'ed (free()).  The archive takes no more entries afterwards. */
int artx_zip_finish(artx_zip *z, unsigned char **out, size_t *len);

void artx_zip_free(artx_zip *z);

/* ---- ext.c --------------------------------------------------------------- */

/* Free the segmenters the XPath extension functions cached. */
void artx_ext_cleanup(void);

/* ---- epub.c ------------------------------------------------------------------ */

/* Assemble an EPUB 3 container for an article (see artx_transform), a
 * bilingual one when `source` (the article it was translated from) is not
 * NULL. */
int artx_epub(xmlDocPtr article, xmlDocPtr source, const char *const *params,
              unsigned char **out, size_t *len, artx_error *err);

/* A book's wrapper document: <book xmlns="urn:artx:book" title="TITLE">
 * with a copy of each article's root, in order (xslt/common.xsl); NULL
 * when memory ran out.  The caller frees it. */
xmlDocPtr artx_book_doc(xmlDocPtr const *articles, size_t n, const char *title);

/* The EPUB of a book of n articles (see artx_transform_book). */
int artx_epub_book(xmlDocPtr const *articles, size_t n, const char *title,
                   const char *const *params, unsigned char **out, size_t *len,
                   artx_error *err);

/* The name-based urn:uuid an EPUB of `article` carries as dc:identifier
 * (its source URL, title, date and language make it), into buf (>= 46
 * bytes); with `source` (the source language of a bilingual book, or
 * NULL) the bilingual book's.  Returns 0 or ARTX_ERR_NOMEM. */
int artx_article_identifier(xmlDocPtr article, const char *source, char *buf, size_t size);

#endif /* ARTX_INTERNAL_H */
