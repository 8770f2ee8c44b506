/* page.h - what the front end's files share while they turn one page into
 * an article: the page as read (artx_page), the metadata gathered about it
 * (artx_meta, head.c's), and the interfaces of the files that build the
 * body (root.c, boilerplate.c, inline.c, figures.c, tidy.c).  Private to
 * the front end: normalise.c drives them all; head.c never sees the walk
 * that builds the body, only the finished body. */
#ifndef ARTX_PAGE_H
#define ARTX_PAGE_H

#include <libxml/hash.h>
#include <libxml/xpath.h>

#include "internal.h"

#define ARTX_MAX_AUTHORS 16

/* A known layout.  `body` selects candidate roots (the one with the most
 * text wins); the others select the visible headline and date.  Page
 * metadata (JSON-LD, <meta>) is preferred over these when present. */
typedef struct artx_layout {
    const char *site;  /* source/@site, or NULL for a generic rule */
    const char *body;
    const char *title;
    const char *date;
    const char *name;  /* a generic rule's name in reports (a site rule goes by its site) */
} artx_layout;

/* The page being read.  Nothing here is modified after the article's root
 * is found. */
typedef struct artx_page {
    xmlDocPtr doc;                /* the page, or a feed item's content */
    xmlXPathContextPtr xp;        /* on doc */
    const xmlChar *base;          /* base URL for relative links (borrowed) */
    char *base_owned;             /* <base href>, when the page has one */
    const artx_layout *layout;    /* the layout that found the root, or NULL */
    xmlNodePtr root;              /* the article's root in doc */
    size_t root_text;             /* bytes of text under root */
    size_t root_prose;            /* ... of it in paragraphs, lists aside */
    double root_score;            /* the scoring finder's best score, 0 when it did not run */
    xmlDocPtr embedded;           /* the article the page holds as data, when read */
} artx_page;

/* What is known about the article, gathered in a fixed order of trust. */
typedef struct artx_meta {
    xmlDocPtr ld;                 /* JSON-LD blocks as XML, or NULL */
    xmlXPathContextPtr ldxp;      /* on ld */
    char *title;
    artx_date published;
    const char *published_basis;  /* where the date comes from (static) */
    artx_date modified;
    artx_byline authors[ARTX_MAX_AUTHORS];
    size_t nauthors;
    char *publisher;
    char *source;                 /* the canonical URL */
    char *rights;
    bool tdm;                     /* text and data mining reserved */
    const char *tdm_basis;        /* static */
    char *tdm_policy;
    char *lang;
    int dump_month, dump_day;     /* a board dump's MM-DD, 0 when none */
    bool dump;                    /* a board dump's header line was found */
} artx_meta;

/* ---- head.c: the article's metadata -------------------------------------- */

void artx_meta_clear(artx_meta *m);

/* What the page says about itself before its body is read: JSON-LD, the
 * canonical URL, and (when `dump`) a board dump's header line. */
void artx_meta_from_page(artx_meta *m, const artx_page *pg, bool dump);

/* The headline, once the root (and so the layout) is known. */
void artx_meta_pick_title(artx_meta *m, const artx_page *pg);

/* A feed item's title, date, link and author. */
void artx_meta_from_feed(artx_meta *m, const artx_page *pg, const artx_feed_item *item);

/* What the finished body gives away: the language, dates, rights,
 * authors and publisher.  `from_feed`: the item said all it knows of its
 * dates, rights and authors. */
void artx_meta_from_body(artx_meta *m, const artx_page *pg, xmlNodePtr body, bool from_feed);

/* Write the metadata as the children of the article's <head>. */
void artx_meta_write(const artx_meta *m, const artx_page *pg, xmlNodePtr head);

bool artx_is_rights(const char *t);
/* The first rights line wins; one that forbids AI training or TDM also
 * sets the reservation. */
void artx_set_rights(artx_meta *m, const char *t);
/* Add an author, or complete one already known (same name or address). */
void artx_add_author(artx_meta *m, const char *name, const char *email);

/* ---- root.c: where the article is ----------------------------------------- */

/* Set pg->root, pg->layout, pg->root_text and pg->root_prose: the root a known layout
 * selects, else the block that scores best as article text, else <body>. */
void artx_find_root(artx_page *pg);

/* ---- embedded.c: articles a page carries as data --------------------------- */

/* An HTML document of the article's blocks when pg's page carries the
 * article as data (Arc's Fusion.globalContent), else NULL.  The caller
 * frees it. */
xmlDocPtr artx_embedded_article(const artx_page *pg);

/* ---- boilerplate.c: what is not the article -------------------------------- */

/* Hidden by the hidden attribute, aria-hidden or an inline style. */
bool artx_is_hidden(xmlNodePtr n);

/* Elements the walk drops: not content, hidden, or page furniture by class
 * or id (unless it holds most of the article's text). */
bool artx_is_boilerplate(const artx_page *pg, xmlNodePtr n);

/* Named as page furniture: footer, nav or aside, or a class or id word
 * that the walk drops (share, comment, related ...), unless the id is a
 * section's anchor. */
bool artx_is_furniture_named(const artx_page *pg, xmlNodePtr n);

/* Bytes of text in the paragraphs under n that are not in a list item:
 * prose, as opposed to captions, link lists and slideshows. */
size_t artx_prose_len(const artx_page *pg, xmlNodePtr n);

/* Why the walk drops a named piece of furniture, for reports. */
typedef enum artx_furniture {
    ARTX_FURNITURE_NONE = 0,
    ARTX_FURNITURE_NAVIGATION, /* nav, footer, aside, header, menus, paging */
    ARTX_FURNITURE_COMMENTS,
    ARTX_FURNITURE_SHARE,
    ARTX_FURNITURE_RELATED,    /* related and recommended articles, rankings */
    ARTX_FURNITURE_ADS,
    ARTX_FURNITURE_OTHER       /* tags, players, reporter boxes, decks ... */
} artx_furniture;

/* What kind of furniture n is named as (by element, class or id), whether
 * or not the walk drops it.  Slower than artx_is_boilerplate(): only for
 * elements already dropped, when a report is wanted. */
artx_furniture artx_furniture_kind(const artx_page *pg, xmlNodePtr n);

/* Navigation lists: mostly links. */
bool artx_is_link_list(xmlNodePtr n);

/* A paragraph of furniture once its text is known: promo lines, tag
 * lists, end marks. */
bool artx_is_furniture_text(const char *t);

/* ---- inline.c: inline markup ----------------------------------------------- */

/* The model's inline element for page element `src`, created under dst,
 * or NULL when src is unwrapped to its text.  When src asks that its text
 * be left untranslated and dst is not kept already, that element is inside
 * a new span translate="no" (and the span is returned when src is
 * otherwise unwrapped). */
xmlNodePtr artx_inline_element(const artx_page *pg, xmlNodePtr src, xmlNodePtr dst);

/* Copy the inline content of src's children into dst, flattening blocks
 * (headings, captions, list items); dst gets translate="no" when src's
 * text is to be left untranslated (artx_is_untranslatable). */
void artx_inline_copy(const artx_page *pg, xmlNodePtr src, xmlNodePtr dst);

/* ---- figures.c: photos, captions, credits ------------------------------------ */

/* A wrapper around one photo and its caption. */
bool artx_is_figure_wrapper(const artx_page *pg, xmlNodePtr n);

/* Append a figure for the photo in `wrapper` to body, unless its URL is in
 * `seen` (the caller's, keyed by the URLs of the photos added so far), and
 * add the URL there.  Returns false when there is no usable image (a photo
 * seen before counts as added). */
bool artx_figure_add(const artx_page *pg, xmlNodePtr body, xmlNodePtr wrapper,
                     xmlHashTablePtr seen);

/* Tidy a figure's caption and split the photo credit off its end; a
 * caption left empty is removed. */
void artx_figure_finish(xmlNodePtr fig);

/* ---- tidy.c: text of finished blocks ------------------------------------------- */

/* Collapse whitespace, trim, drop what XML forbids, apply NFC, remove
 * empty inline elements and edge breaks. */
void artx_tidy_block(xmlNodePtr block);

/* Tidy each item (and nested list) of a list; drop empty items.  Returns
 * false when nothing is left. */
bool artx_tidy_list(xmlNodePtr list);

#endif /* ARTX_PAGE_H */
