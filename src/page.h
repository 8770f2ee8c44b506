/* page.h - what normalise.c (the body) and head.c (the metadata) share
 * while turning one page into an article.  Private to those two files. */
#ifndef ARTX_PAGE_H
#define ARTX_PAGE_H

#include <string.h>

#include <libxml/xpath.h>

#include "internal.h"

#define MAX_AUTHORS 16

/* Known layouts.  `body` selects candidate roots (the one with the most text
 * wins); the others select the visible headline and date.  Page metadata
 * (JSON-LD, <meta>) is preferred over these when present. */
typedef struct layout {
    const char *site;  /* source/@site */
    const char *body;
    const char *title;
    const char *date;
} layout;

/* One normalisation: the page, the output being built, the metadata
 * gathered.  Shared by normalise.c (body) and head.c (metadata). */
typedef struct ctx {
    xmlDocPtr page;
    xmlXPathContextPtr xp;
    xmlDocPtr ld;            /* JSON-LD blocks as XML, or NULL */
    xmlXPathContextPtr ldxp;
    const xmlChar *base;     /* base URL for relative links (borrowed) */
    char *base_owned;        /* <base href>, when the page has one */
    const layout *layout;    /* the layout that found the root, or NULL */
    xmlNodePtr root;         /* the article's root in the page */
    size_t root_text;        /* bytes of text under root */

    /* output */
    xmlDocPtr out;
    xmlNsPtr ns;
    xmlNodePtr body;
    xmlNodePtr container;    /* body or a blockquote */
    xmlNodePtr para;         /* the open paragraph, or NULL */
    xmlNodePtr inl;          /* where inline content goes now */
    bool explicit_p;         /* para comes from a <p>, not loose text */
    xmlNodePtr pending_br;   /* a <br> that a second <br> turns into a break */
    unsigned gen;            /* counts opened paragraphs */
    int depth;

    /* metadata */
    char *title;
    artx_date published;
    const char *published_basis;
    artx_date modified;
    artx_byline authors[MAX_AUTHORS];
    size_t nauthors;
    char *publisher;
    char *source;
    char *rights;
    bool tdm;
    const char *tdm_basis;
    char *tdm_policy;
    char *lang;
    int dump_month, dump_day; /* a board dump's MM-DD, 0 when none */
} ctx;

static inline bool starts_with(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

/* ---- normalise.c: DOM helpers ------------------------------------------ */

bool artx_name_is(xmlNodePtr n, const char *name);

/* A new element of the article's namespace under `parent`. */
xmlNodePtr artx_new_el(ctx *c, xmlNodePtr parent, const char *name);

/* An attribute's value, collapsed, or NULL.  Caller frees with free(). */
char *artx_attr(xmlNodePtr n, const char *name);

/* The text under a node (br as a space, scripts skipped), collapsed.
 * Caller frees with free(). */
char *artx_node_text(xmlNodePtr n);
size_t artx_text_len(xmlNodePtr n);

/* The nodes an XPath expression selects from `at` (the root when NULL), or
 * NULL when none.  Caller frees with xmlXPathFreeObject(). */
xmlXPathObjectPtr artx_select(xmlXPathContextPtr xp, const char *expr, xmlNodePtr at);

/* The collapsed text of the first selected node that has some, or NULL.
 * Caller frees with free(). */
char *artx_select_text(xmlXPathContextPtr xp, const char *expr, xmlNodePtr at);

/* An absolute URL for href/src, or NULL for what a reader cannot follow;
 * links (`link`) must have a web scheme.  Caller frees with free(). */
char *artx_absolute_url(ctx *c, const char *v, bool link);

/* ---- head.c: the article's metadata ------------------------------------ */

bool artx_is_rights(const char *t);
/* The first rights line wins; one that forbids AI training or TDM also
 * sets the reservation. */
void artx_set_rights(ctx *c, const char *t);
/* Add an author, or complete one already known (same name or address). */
void artx_add_author(ctx *c, const char *name, const char *email);

void artx_load_json_ld(ctx *c);
char *artx_pick_title(ctx *c);
void artx_pick_source(ctx *c);
void artx_dump_header(ctx *c);
/* These read the finished body (image paths, bylines, text). */
void artx_pick_lang(ctx *c);
void artx_pick_dates(ctx *c);
void artx_pick_rights(ctx *c);
void artx_pick_authors(ctx *c);
void artx_pick_publisher(ctx *c);
void artx_build_head(ctx *c, xmlNodePtr head);

/* An RSS or Atom feed: its first item is the article.  Returns the item's
 * content parsed as HTML (caller frees) and fills the head from the item. */
bool artx_is_feed(xmlNodePtr root);
xmlDocPtr artx_feed_item(ctx *c, xmlNodePtr root);

#endif /* ARTX_PAGE_H */
