/* artx.h - the public API of artx: news pages in, translation-ready articles out.
 *
 * The pipeline is a chain of stages, each a function here:
 *
 *   bytes --artx_read--> page DOM --artx_normalise--> article DOM (urn:artx:article)
 *         --artx_transform--> text, XLIFF, DocBook, ...
 *
 * Every stage works on libxml2 documents, so a libxslt host that already has a
 * parsed page (xsltproc, lxml) can enter the chain at artx_normalise.
 *
 * Conventions:
 *  - Functions return 0 on success or a negative ARTX_ERR_* code, and fill the
 *    optional artx_error with a one-line, lowercase reason.  The library never
 *    prints and never exits.
 *  - A document handed back through an out-parameter belongs to the caller,
 *    who frees it with xmlFreeDoc().  A const char * return is borrowed.
 *  - Call artx_init() before the first stage (on any thread; more calls
 *    do nothing more) and artx_cleanup() once at the end of the process.
 *  - Threads: stages may run on several threads at once on different
 *    documents.  What the process shares: the compiled stylesheets and
 *    the article schema (read-only, under a lock; see
 *    artx_set_stylesheet_dir()), the include loader artx installs into
 *    libxslt (it serves artx's built-in stylesheets and passes every
 *    other URI to the loader installed before it), libxslt's generic
 *    error handler, the segmenters artx:segment() caches, libxml2's
 *    memory functions (artx_init() wraps those in place, to count failed
 *    allocations and to keep a customised stylesheet's memory limit; call
 *    xmlMemSetup() before it, if at all), and libxml2's error handlers of
 *    the thread that called artx_init() and of threads created after it.
 *    A segmenter is not shared: one per thread.
 *
 * Example:
 *
 *   artx_error err = {0};
 *   xmlDocPtr page = NULL, art = NULL;
 *   artx_init();
 *   if (artx_read(buf, len, "page.html", ARTX_FROM_AUTO, &page, &err) == 0 &&
 *       artx_normalise(page, ARTX_FROM_AUTO, &art, &err) == 0)
 *       xmlDocDump(stdout, art);
 *   else
 *       fprintf(stderr, "artx: page.html: %s\n", err.message);
 *   xmlFreeDoc(art);
 *   xmlFreeDoc(page);
 *   artx_cleanup();
 */
#ifndef ARTX_H
#define ARTX_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include <libxml/tree.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ARTX_EXPORT __attribute__((visibility("default")))
#else
#define ARTX_EXPORT
#endif

#define ARTX_VERSION "0.1.0"

/* The article model's namespace (xslt/article.rng). */
#define ARTX_NS "urn:artx:article"

/* The namespace of a book's wrapper document (artx_transform_book):
 * <book xmlns="urn:artx:book" title="TITLE"> holding copies of the
 * articles' roots, in order; the input of the EPUB's package, navigation
 * and NCX stylesheets and of the DocBook one for a book (xslt/common.xsl). */
#define ARTX_BOOK_NS "urn:artx:book"

/* The namespace of artx's XPath extension functions (src/ext.c).  libxslt
 * loads the plugin for it as artx_example_xslt.so. */
#define ARTX_XSLT_NS "http://artx.example/xslt"

/* Status codes: 0 is success, errors are negative. */
enum {
    ARTX_OK = 0,
    ARTX_ERR_NOMEM = -1,     /* out of memory */
    ARTX_ERR_IO = -2,        /* reading or writing a file failed */
    ARTX_ERR_PARSE = -3,     /* the input could not be parsed */
    ARTX_ERR_XSLT = -4,      /* a stylesheet failed to load or run */
    ARTX_ERR_ZIP = -5,       /* the container could not be written */
    ARTX_ERR_INVALID = -6,   /* the input is not what it should be */
    ARTX_ERR_NOARTICLE = -7, /* the page holds no article text */
    ARTX_ERR_USAGE = -8,     /* a caller passed bad arguments */
    ARTX_ERR_LIMIT = -9      /* the input is over a size limit */
};

/* What a failed call says about itself.  Zero-initialise before use. */
typedef struct artx_error {
    int status;         /* the ARTX_ERR_* code, 0 when nothing failed */
    char message[512];  /* one line, lowercase, no file name, no newline */
} artx_error;

/* How to read an input. */
typedef enum artx_from {
    ARTX_FROM_AUTO = 0, /* decide from the bytes */
    ARTX_FROM_HTML,     /* a saved page or a fragment */
    ARTX_FROM_DUMP,     /* a scraped board dump: header line, HTML, footer */
    ARTX_FROM_ARTICLE,  /* artx's own article XML */
    ARTX_FROM_XLIFF     /* a translated XLIFF 1.2 or 2.0 that artx wrote */
} artx_from;

/* Initialise libxml2 and the library.  Safe to call more than once. */
ARTX_EXPORT void artx_init(void);

/* Release what artx_init() and the stages cached (stylesheets, rules). */
ARTX_EXPORT void artx_cleanup(void);

/* The library's version string, e.g. "0.1.0".  Borrowed. */
ARTX_EXPORT const char *artx_version(void);

/* Register artx's XPath extension functions with libxslt for every
 * transformation in the process, in the namespace ARTX_XSLT_NS:
 * artx:article(nodes[, srx-path]) (the front end on the document of the
 * first node: the normalised article with sentences), artx:segment(string,
 * lang[, srx-path]) (s elements, one per sentence) and artx:version().
 * artx_init() calls it; so does the libxslt plugin.  Returns 0 or
 * ARTX_ERR_NOMEM. */
ARTX_EXPORT int artx_ext_register(void);

/* Decide the character encoding of a page: a byte order mark wins; bytes
 * that are valid UTF-8 with non-ASCII text are UTF-8 whatever the page
 * declares; otherwise the declared charset (XML declaration, <meta charset>,
 * http-equiv), mapped the WHATWG way ("euc-kr" means CP949); otherwise CP949
 * when the bytes are valid CP949, else windows-1252.  Returns an encoding
 * name that libxml2 and iconv accept.  Borrowed, static. */
ARTX_EXPORT const char *artx_detect_encoding(const unsigned char *buf,
                                             size_t len);

/* Parse an input into a DOM.  HTML pages and board dumps become an HTML
 * document parsed in the encoding artx_detect_encoding() decided, with no
 * network access; article XML is read with no network, no DTD loading and
 * no entity substitution.  `url` names the input in messages and serves as
 * the base URL (may be NULL).  On success *out belongs to the caller. */
ARTX_EXPORT int artx_read(const unsigned char *buf, size_t len,
                          const char *url, artx_from from, xmlDocPtr *out,
                          artx_error *err);

/* True when a parsed document is XLIFF 1.2 or 2.0 (to be merged with
 * artx_merge() rather than normalised). */
ARTX_EXPORT bool artx_is_xliff(xmlDocPtr doc);

/* One unit a merge reports on. */
typedef struct artx_merge_note {
    char *unit;   /* the unit's id (an article block's id), "(file)" for the file */
    char *what;   /* untranslated: the segment's id (2.0 segment/@id, 1.2
                     mrk/@mid, "target" for a 1.2 target without mrk);
                     refused: the reason, "unit ID: ..." */
} artx_merge_note;

/* What a merge found, unit by unit.  Zero-initialise; release with
 * artx_merge_report_clear(). */
typedef struct artx_merge_report {
    artx_merge_note *untranslated; /* segments that kept their source */
    size_t nuntranslated;
    artx_merge_note *refused;      /* every refusal (then there is no article) */
    size_t nrefused;
    size_t urls_dropped;           /* links unwrapped and figures removed because
                                      their URL is not http(s) (or mailto for a
                                      link): javascript:, data:, local files */
} artx_merge_report;

/* Free what a report holds and zero it.  NULL is a no-op. */
ARTX_EXPORT void artx_merge_report_clear(artx_merge_report *report);

/* Merge a translated XLIFF (as artx_read() parsed it) back into an article
 * in the target language, from the merge data the file carries
 * (xslt/xliff-to-article.xsl).  The article's xml:lang is the file's
 * target language (2.0 xliff/@trgLang, 1.2 file/@target-language), else
 * the "target-lang" parameter of `params`; with neither, the merge is
 * refused with ARTX_ERR_USAGE.  A segment keeps its source when its
 * target is missing, empty, or an untouched copy: the same content as
 * the source (text with white space folded, the same inline codes) while
 * its state says it was not translated (2.0 segment/@state absent or
 * "initial"; 1.2 target/@state "new" or "needs-translation", as
 * prefill-target=yes writes it; a 1.2 target without a state is a
 * translation); `report` (may be NULL) lists those segments.  Refused with
 * ARTX_ERR_INVALID, the first refusal as the message ("unit ID: reason")
 * and every refusal in report->refused, for a unit the merge data does not
 * know, a missing unit, inline codes that are missing, duplicated or
 * cannot nest, or a file without merge data; the result is also checked
 * against the article schema.  On success *out belongs to the caller;
 * the caller clears the report either way. */
ARTX_EXPORT int artx_merge(xmlDocPtr xliff, const char *const *params, xmlDocPtr *out,
                           artx_merge_report *report, artx_error *err);

/* A TMX 1.4b translation memory of a translated XLIFF (as artx_read()
 * parsed it), through xslt/xliff-to-tmx.xsl: one tu per segment that
 * artx_merge() would take the target of (a segment that keeps its source
 * is left out, and listed in `report`), but for units with translate="no"
 * and empty segments; its source and target tuv each hold a seg, with
 * protected text as plain text and inline codes as TMX's bpt, ept, ph and
 * it.  Each tu has the props x-artx-article (the dc:identifier of the EPUB
 * of the source article, artx_merge_source()), x-artx-unit and
 * x-artx-segment.  The file is checked and refused as artx_merge()
 * checks it (the same errors, `params` and report).  The header has a
 * creationdate only when SOURCE_DATE_EPOCH is set (ARTX_ERR_USAGE when it
 * is not a number): otherwise the same file gives the same bytes.  On
 * success *out is a malloc'ed buffer of *len bytes (NUL-terminated) that
 * the caller frees with free(); the caller clears the report either way. */
ARTX_EXPORT int artx_tmx(xmlDocPtr xliff, const char *const *params, unsigned char **out,
                         size_t *len, artx_merge_report *report, artx_error *err);

/* The article a translated XLIFF was extracted from, as its merge data
 * carries it (2.0 file/skeleton, 1.2 header/skl/internal-file): the
 * source side of a bilingual output (artx_transform_bilingual), with the
 * same block and sentence ids as the article artx_merge() makes of the
 * same file.  Its xml:lang is the source language the file names (2.0
 * xliff/@srcLang, 1.2 file/@source-language) when that is a BCP 47 tag,
 * else the article's own.  Links and images are filtered as artx_merge()
 * filters them, and the result is checked against the article schema.
 * ARTX_ERR_INVALID for a file that is no XLIFF or has no merge data.  On
 * success *out belongs to the caller. */
ARTX_EXPORT int artx_merge_source(xmlDocPtr xliff, xmlDocPtr *out, artx_error *err);

/* Find the article in a parsed page, drop the page's boilerplate and build
 * the canonical article (urn:artx:article, xslt/article.rng).  Works from
 * the DOM alone, so a page that a libxslt host parsed is handled the same
 * way.  `from` says whether to look for a board dump's header line
 * (ARTX_FROM_AUTO looks for it, ARTX_FROM_HTML does not).  An article
 * document given as the page is checked and copied.  Returns
 * ARTX_ERR_NOARTICLE when no article text is found.  On success *out
 * belongs to the caller; `page` is not modified. */
ARTX_EXPORT int artx_normalise(xmlDocPtr page, artx_from from, xmlDocPtr *out,
                               artx_error *err);

/* ---- what a conversion found (artx -v) ----------------------------------- */

/* What an input turned out to be. */
typedef enum artx_kind {
    ARTX_KIND_HTML = 0, /* an HTML page or fragment */
    ARTX_KIND_DUMP,     /* a board dump: its header line was found */
    ARTX_KIND_FEED,     /* an RSS or Atom feed: its first item is the article */
    ARTX_KIND_ARTICLE,  /* artx's own article XML */
    ARTX_KIND_XLIFF12,  /* XLIFF 1.2 */
    ARTX_KIND_XLIFF20   /* XLIFF 2.0 */
} artx_kind;

/* A kind's name for messages: "html page", "board dump", "feed",
 * "article xml", "xliff 1.2", "xliff 2.0".  Borrowed, static. */
ARTX_EXPORT const char *artx_kind_name(artx_kind kind);

/* What found the article's root on a page (root.c). */
typedef enum artx_finder {
    ARTX_FINDER_NONE = 0, /* not looked for: article XML, or the input failed first */
    ARTX_FINDER_SITE,     /* a known site's layout rule */
    ARTX_FINDER_LAYOUT,   /* a generic layout rule (itemprop=articleBody, <article>) */
    ARTX_FINDER_SCORING,  /* the generic finder: the block that scores best as text */
    ARTX_FINDER_EMBEDDED, /* the article the page carries as data (Fusion.globalContent) */
    ARTX_FINDER_BODY      /* nothing better: the whole <body> */
} artx_finder;

/* What artx_normalise_report() found on a page and what it dropped.  Every
 * count is of elements of the page the walk over the article's root skipped
 * whole, or of blocks lifted out of the body once their text was known;
 * scripts, styles and forms are not counted.  Plain data: nothing to free. */
typedef struct artx_page_report {
    artx_kind kind;
    artx_finder finder;  /* what found the article */
    const char *rule;    /* ARTX_FINDER_SITE: the site ("daum", "naver");
                            ARTX_FINDER_LAYOUT: the rule ("<article>",
                            "itemprop=articleBody"); else NULL.  Static */
    double score;        /* ARTX_FINDER_SCORING: the root's score, else 0 */
    size_t hidden;       /* hidden attribute, aria-hidden, display:none */
    size_t navigation;   /* nav, header, footer, aside, menus, link lists */
    size_t comments;     /* comment sections */
    size_t share;        /* share and social buttons */
    size_t related;      /* related and recommended articles, rankings */
    size_t ads;          /* advertisements and banners */
    size_t other;        /* other furniture named by class or id: tags, players,
                            reporter boxes, decks, slideshows */
    size_t promo;        /* lifted: promo lines, hashtag lists, end marks */
    size_t rights;       /* lifted: copyright lines (into the head) */
    size_t bylines;      /* lifted: bylines (into the head's authors) */
    size_t title_repeats; /* lifted: the headline repeated in the body */
} artx_page_report;

/* artx_normalise() that also fills `report` (may be NULL: then it costs
 * nothing more than artx_normalise()).  The report is zeroed first and is
 * filled as far as the work got, also on failure.  `out` may be NULL when
 * only the report is wanted. */
ARTX_EXPORT int artx_normalise_report(xmlDocPtr page, artx_from from, xmlDocPtr *out,
                                      artx_page_report *report, artx_error *err);

/* What an article holds, counted. */
typedef struct artx_article_summary {
    size_t blocks;     /* the body's blocks but figures: p, h2, lists, blockquotes */
    size_t figures;    /* the body's figures */
    size_t sentences;  /* s elements anywhere (title and captions included);
                          0 before artx_sentences() */
    char lang[36];     /* the article's xml:lang, "" when none */
    char title[256];   /* head/title's text, "" when none; a longer title is
                          cut at a character boundary */
} artx_article_summary;

/* Count the blocks, figures and sentences of an article (its root in
 * ARTX_NS) and copy its language and title into *out; all zero and empty
 * for any other document.  `article` is not modified. */
ARTX_EXPORT void artx_article_summarise(xmlDocPtr article, artx_article_summary *out);

/* The units of an XLIFF that artx_is_xliff() accepts (2.0 unit, 1.2
 * trans-unit elements), and its version in *kind (may be NULL); 0, and
 * *kind untouched, for any other document. */
ARTX_EXPORT size_t artx_xliff_units(xmlDocPtr doc, artx_kind *kind);

/* How many links and figures of an article document (its root in
 * ARTX_NS) artx_normalise() drops for their URL: a link that is not http,
 * https or mailto, a figure whose image is not http or https.  0 for any
 * other document.  `article` is not modified. */
ARTX_EXPORT size_t artx_article_unsafe_urls(xmlDocPtr article);

/* Output formats that artx_transform() knows. */
typedef enum artx_format {
    ARTX_TO_ARTICLE = 0, /* the article XML itself */
    ARTX_TO_TEXT,        /* title, then paragraphs, separated by blank lines */
    ARTX_TO_XLIFF,       /* XLIFF 2.0 (xslt/article-to-xliff20.xsl) */
    ARTX_TO_XLIFF12,     /* XLIFF 1.2 (xslt/article-to-xliff12.xsl) */
    ARTX_TO_DOCBOOK,     /* DocBook 5 (xslt/article-to-docbook.xsl) */
    ARTX_TO_XHTML,       /* one standalone HTML5 page (xslt/article-to-xhtml.xsl) */
    ARTX_TO_EPUB,        /* an EPUB 3 container (src/epub.c) */
    ARTX_TO_STATS,       /* the counts a translator quotes on, one JSON object
                            (src/stats.c documents the keys) */
    ARTX_TO_TMX          /* a TMX 1.4b translation memory of a translated XLIFF
                            (artx_tmx(), xslt/xliff-to-tmx.xsl); not of an article */
} artx_format;

/* Look a format up by its command-line name ("article", "text", "xliff",
 * "xliff12", "docbook", "xhtml", "epub", "stats", "tmx").  Returns 0 and sets *out, or
 * ARTX_ERR_USAGE for an unknown name. */
ARTX_EXPORT int artx_format_from_name(const char *name, artx_format *out);

/* The usual file name extension of a format ("xml", "xlf", "epub", ...).
 * Borrowed, static. */
ARTX_EXPORT const char *artx_format_extension(artx_format format);

/* What a caller may know of an output format, for listings and choosing
 * a format by file name. */
typedef struct artx_format_info {
    artx_format format;
    const char *name;       /* its command-line name: "xliff" */
    const char *extension;  /* its usual file name extension: "xlf" */
    const char *stylesheet; /* the file of xslt/ that writes it; NULL for the
                               article itself and for EPUB (several) */
    bool binary;            /* not text (EPUB): not for a terminal */
    const char *summary;    /* one line: "XLIFF 2.0, for CAT tools" */
} artx_format_info;

/* Every output format, in the order of the artx_format values.  Sets
 * *count; the table is static. */
ARTX_EXPORT const artx_format_info *artx_formats(size_t *count);

/* The format a file name's extension names: .xml (article), .txt, .xlf
 * and .xliff (XLIFF 2.0), .dbk, .xhtml, .html and .htm, .epub, .json,
 * .tmx; the case
 * of the letters does not matter.  Returns 0 and sets *out, or
 * ARTX_ERR_USAGE when the name has no extension or another one. */
ARTX_EXPORT int artx_format_from_path(const char *path, artx_format *out);

/* Whether the stylesheets that write `format` (and, when `merge`, the
 * merge's) declare a top-level parameter `param`, customised ones
 * (artx_set_stylesheet_dir()) included: a parameter the table of
 * artx_params() cannot know.  Sets *reads; returns 0, or the error of a
 * stylesheet that does not compile. */
ARTX_EXPORT int artx_format_reads_param(artx_format format, bool merge, const char *param,
                                        bool *reads, artx_error *err);

/* ---- stylesheet parameters -------------------------------------------------- */

/* The values a parameter takes. */
typedef enum artx_param_kind {
    ARTX_PARAM_CHOICE,    /* one of its `choices` */
    ARTX_PARAM_LANGUAGE,  /* a BCP 47 language tag: artx_language_tag_check() */
    ARTX_PARAM_TIMESTAMP, /* CCYY-MM-DDThh:mm:ssZ */
    ARTX_PARAM_STRING     /* any text without control characters, not empty */
} artx_param_kind;

/* A string parameter of the stylesheets that callers may set. */
typedef struct artx_param_info {
    const char *name;
    artx_param_kind kind;
    const char *const *choices; /* ARTX_PARAM_CHOICE: the values, NULL-terminated */
    const char *def;            /* the default, as words ("no", "the article's") */
    unsigned formats;           /* bit (1u << f) for each artx_format f that reads it */
    bool merge;                 /* artx_merge() reads it too */
    const char *summary;        /* what it does: one sentence, no full stop */
} artx_param_info;

/* Every parameter a caller may set; sets *count.  The table is static. */
ARTX_EXPORT const artx_param_info *artx_params(size_t *count);

/* The parameter named `name`, or NULL when there is none. */
ARTX_EXPORT const artx_param_info *artx_param_find(const char *name);

/* Check a value for parameter `p`.  Returns 0, or ARTX_ERR_USAGE with the
 * reason and, for a choice, the allowed values (ARTX_ERR_NOMEM when memory
 * ran out on the way). */
ARTX_EXPORT int artx_param_check(const artx_param_info *p, const char *value,
                                 artx_error *err);

/* Whether `tag` is a well-formed BCP 47 language tag ("ko", "pt-BR",
 * "zh-Hant-TW"; not "en_US", not "e n", not ""): 0 when it is, else
 * ARTX_ERR_USAGE with the reason, or ARTX_ERR_NOMEM when ICU ran out of
 * memory reading it. */
ARTX_EXPORT int artx_language_tag_check(const char *tag, artx_error *err);

/* Serialise an article in a format, through the format's stylesheet where
 * it has one.  `params` is NULL or a NULL-terminated list of name, value
 * pairs of plain strings handed to the stylesheets as string parameters
 * ("target-lang", "en", NULL); each stylesheet's header documents its
 * parameters.  EPUB packages an image only from the folder the parameter
 * "image-dir" names: the file there named as the image URL's last path
 * segment, when it has a JPEG, PNG, GIF or WebP signature (the others stay
 * links to the original); no other file is read.  SOURCE_DATE_EPOCH fixes
 * its timestamps.  Stylesheets are compiled once per process and
 * come built in, unless artx_set_stylesheet_dir() named a folder of
 * customised ones.  On success *out is a malloc'ed buffer of *len bytes
 * (NUL-terminated for convenience) that the caller frees with free(). */
ARTX_EXPORT int artx_transform(xmlDocPtr article, artx_format format,
                               const char *const *params, unsigned char **out,
                               size_t *len, artx_error *err);

/* artx_transform() for a caller done with the article: it takes *article,
 * frees it as soon as the output no longer needs it (before a big result
 * is serialised, so that the two are not held at once) and sets *article
 * to NULL, whether it succeeds or fails. */
ARTX_EXPORT int artx_transform_take(xmlDocPtr *article, artx_format format,
                                    const char *const *params, unsigned char **out,
                                    size_t *len, artx_error *err);

/* Where artx_transform_take_to() writes: called with the output's bytes
 * in order, in pieces, with the `ctx` given; returns 0, or nonzero to stop
 * (the transformation then fails with ARTX_ERR_IO). */
typedef int (*artx_writer)(void *ctx, const unsigned char *bytes, size_t len);

/* artx_transform_take() that hands the output to `write` instead of a
 * buffer: a format written by a stylesheet that streams (XLIFF 2.0) as it
 * is made, so that it is never held whole; the others in one piece at the
 * end.  On failure part of the output may have been written.  *len (may
 * be NULL) is the number of bytes written. */
ARTX_EXPORT int artx_transform_take_to(xmlDocPtr *article, artx_format format,
                                       const char *const *params, artx_writer write, void *ctx,
                                       size_t *len, artx_error *err);

/* A bilingual XHTML page or EPUB (ARTX_TO_XHTML, ARTX_TO_EPUB; another
 * format is ARTX_ERR_USAGE): each block of `source` (artx_merge_source())
 * followed by its translation in `translation` (artx_merge() of the same
 * file), paired by block id, each in its own language; a block whose
 * translation has the same text as its source (left untranslated) once,
 * in the source language.  The book's metadata is the translation's, its
 * languages the translation's first and then the source's.  Neither
 * document is modified; *out as artx_transform(). */
ARTX_EXPORT int artx_transform_bilingual(xmlDocPtr source, xmlDocPtr translation,
                                         artx_format format, const char *const *params,
                                         unsigned char **out, size_t *len, artx_error *err);

/* One book of several articles: an EPUB (ARTX_TO_EPUB) or a DocBook 5
 * book of their articles, ids prefixed a1-, a2-, ... (ARTX_TO_DOCBOOK);
 * another format, no article or an empty title is ARTX_ERR_USAGE.  The
 * EPUB has a content document per article, in the order given
 * (EPUB/a1.xhtml, a2.xhtml, ...), each with its own byline, rights and
 * source as the single article's EPUB has them; a table of contents (nav
 * and NCX) with each article's title, outlet and day; dc:title `title`,
 * dc:language the first article's and then each other one, a name-based
 * urn:uuid of the title and the articles, dcterms:modified as
 * artx_transform(), and W3C TDMRep's reservation when any article
 * reserves.  Images ("image-dir") are named after their article (images/
 * a2-f1.jpg), so that no two collide.  The articles are not modified;
 * *out as artx_transform(). */
ARTX_EXPORT int artx_transform_book(xmlDocPtr const *articles, size_t n, const char *title,
                                    artx_format format, const char *const *params,
                                    unsigned char **out, size_t *len, artx_error *err);

/* The time an EPUB is stamped with: SOURCE_DATE_EPOCH (reproducible-
 * builds.org) when set, else now.  A value that is not a plain number of
 * seconds is refused with ARTX_ERR_USAGE, not read as "now": a build that
 * asked for fixed bytes would get other ones in silence. */
ARTX_EXPORT int artx_source_date(time_t *t, artx_error *err);

/* Use the stylesheets in `dir` (same file names as xslt/) instead of the
 * built-in ones; NULL goes back to the built-in ones.  The string is
 * copied.  Refused with ARTX_ERR_IO when `dir` is not a folder.  Waits for
 * the conversions running on other threads to finish with the stylesheets
 * they use. */
ARTX_EXPORT int artx_set_stylesheet_dir(const char *dir, artx_error *err);

/* The bytes of one of the files artx carries built in (the stylesheets
 * of xslt/, the article schema, the EPUB's CSS, the SRX rules), by file
 * name ("article-to-xliff20.xsl"), or of the file of that name in the
 * folder artx_set_stylesheet_dir() named, when it has one.  Refused with
 * ARTX_ERR_XSLT when there is no such file.  On success *out is a
 * malloc'ed buffer of *len bytes (NUL-terminated) that the caller frees
 * with free(). */
ARTX_EXPORT int artx_resource(const char *name, unsigned char **out, size_t *len,
                              artx_error *err);

/* The file name of built-in file `i` (0, 1, ...), NULL past the last.
 * Borrowed, static. */
ARTX_EXPORT const char *artx_resource_name(size_t i);

/* Read a whole file (standard input when `path` is NULL) into memory.
 * Refused with ARTX_ERR_IO when it cannot be read, ARTX_ERR_LIMIT when it
 * holds more than `max` bytes; the message is the reason alone (the caller
 * names the file).  On
 * success *out is a malloc'ed buffer of *len bytes that the caller frees
 * with free(). */
ARTX_EXPORT int artx_read_file(const char *path, size_t max, unsigned char **out,
                               size_t *len, artx_error *err);

/* ---- sentences ------------------------------------------------------------ */

/* SRX 2.0 segmentation rules, compiled (ICU regular expressions), with the
 * language maps of their file.  Opaque; free with artx_segmenter_free().
 * A segmenter keeps per-call state: use it on one thread at a time. */
typedef struct artx_segmenter artx_segmenter;

/* Load SRX rules from `srx_path`, or artx's built-in rules when it is NULL.
 * A file that is not well-formed, not SRX, or has a rule that does not
 * compile is refused with ARTX_ERR_INVALID and a message that names the
 * rule.  On success *out belongs to the caller. */
ARTX_EXPORT int artx_segmenter_new(const char *srx_path, artx_segmenter **out,
                                   artx_error *err);

ARTX_EXPORT void artx_segmenter_free(artx_segmenter *seg);

/* Where the sentences of a UTF-8 text in language `lang` (BCP 47) start.
 * Fills *breaks with a malloc'ed array of *count byte offsets, ascending,
 * each > 0 and < len: a new sentence starts at each (whitespace before it
 * belongs to neither sentence).  The caller frees *breaks with free().
 * Linear in len for any input. */
ARTX_EXPORT int artx_segment(artx_segmenter *seg, const char *lang, const char *text,
                             size_t len, size_t **breaks, size_t *count, artx_error *err);

/* A sentence in a text: the bytes [start, end). */
typedef struct artx_span {
    size_t start, end;
} artx_span;

/* The sentences of a UTF-8 text, as artx_segment() finds them, each
 * without the whitespace around it (Unicode White_Space); sentences that
 * are whitespace alone are left out.  Fills *spans with a malloc'ed array
 * of *count spans in order, which the caller frees with free().  Both
 * `artx segment` and artx:segment() cut sentences this way. */
ARTX_EXPORT int artx_segment_spans(artx_segmenter *seg, const char *lang, const char *text,
                                   size_t len, artx_span **spans, size_t *count,
                                   artx_error *err);

/* Wrap the sentences of every translatable block of an article (title,
 * paragraphs, subheadings, captions, list items) in <s id="BLOCK.sN">.  A
 * sentence never breaks inside an inline element, and whitespace between
 * sentences stays outside them.  Blocks that have sentences already are
 * left alone.  Modifies `article` in place. */
ARTX_EXPORT int artx_sentences(xmlDocPtr article, artx_segmenter *seg, artx_error *err);

#ifdef __cplusplus
}
#endif

#endif /* ARTX_H */
