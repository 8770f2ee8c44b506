/* normalise.c - page DOM to article DOM: find the article, drop the page's
 * boilerplate, lift the metadata, build urn:artx:article.
 *
 * Everything is read from the DOM (a libxslt host hands us a parsed page),
 * and the page is never modified: the walk copies what it keeps.  The work
 * runs in four passes:
 *   1. what the page says about itself: <meta>, JSON-LD, <link>, a board
 *      dump's header line, or an RSS/Atom feed's first item;
 *   2. the article's root element, from a table of known layouts, else the
 *      element that holds the most paragraph text;
 *   3. a walk of the root that copies blocks and inline markup, skipping
 *      hidden and boilerplate elements;
 *   4. a pass over the blocks that tidies text and lifts bylines, rights and
 *      promo lines out of the body. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

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

#define HAS_CLASS(c) "contains(concat(' ',normalize-space(@class),' '),' " c " ')"

static const layout layouts[] = {
    {"daum",
     /* the innermost article_view: reposts nest an empty shell around it */
     "//div[" HAS_CLASS("article_view") "][not(.//div[" HAS_CLASS("article_view") "])]",
     "//h3[" HAS_CLASS("tit_view") "] | //div[" HAS_CLASS("press") "]/h3",
     "//span[" HAS_CLASS("num_date") "] | //div[" HAS_CLASS("press") "]/h6"
     " | //span[" HAS_CLASS("txt_info") "][contains(.,'입력')]"},
    {"naver",
     "//*[@id='dic_area'] | //*[@id='articleBodyContents'] | //*[@id='newsEndContents']",
     "//*[@id='title_area'] | //h3[@id='articleTitle']"
     " | //h2[contains(@class,'media_end_head_headline')] | //h2[" HAS_CLASS("end_tit") "]",
     "//*[contains(@class,'_ARTICLE_DATE_TIME')]/@data-date-time"
     " | //div[" HAS_CLASS("sponsor") "]//span[" HAS_CLASS("t11") "]"},
    {"mk",
     "//div[" HAS_CLASS("news_cnt_detail_wrap") "]",
     "//h2[" HAS_CLASS("news_ttl") "]",
     "//div[" HAS_CLASS("time_area") "]//dd"},
    {"yonhapnewstv",
     "//div[@id='articleBody'][" HAS_CLASS("detail") "]",
     "//div[" HAS_CLASS("article-head") "]//strong[" HAS_CLASS("title") "]",
     "//ul[" HAS_CLASS("info") "]/li[contains(.,'송고시간')]"},
    {NULL, "//*[@itemprop='articleBody']", NULL, NULL},
    {NULL, "//article", NULL, NULL},
};

/* schema.org types whose JSON-LD describes the article itself. */
#define LD_TYPES " NewsArticle Article ReportageNewsArticle AnalysisNewsArticle " \
                 "OpinionNewsArticle BackgroundNewsArticle BlogPosting LiveBlogPosting " \
                 "SocialMediaPosting TechArticle ScholarlyArticle Report WebPage "
#define LD_ARTICLE "(//map[string[@key='@type'][contains('" LD_TYPES "',concat(' ',.,' '))]" \
                   " or array[@key='@type']/string[contains('" LD_TYPES "',concat(' ',.,' '))]])[1]"

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

/* ---- small DOM helpers ------------------------------------------------- */

static bool name_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !xmlStrcasecmp(n->name, BAD_CAST name);
}

static bool name_in(xmlNodePtr n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return false;
    for (; *names; names++)
        if (!xmlStrcasecmp(n->name, BAD_CAST * names))
            return true;
    return false;
}

/* An attribute's value, collapsed, or NULL.  Caller frees with free(). */
static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v)
        return NULL;
    char *c = artx_text_collapse((const char *)v);
    xmlFree(v);
    if (c && !*c) {
        free(c);
        return NULL;
    }
    return c;
}

static const char *const skipped_tags[] = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "video", "audio", "source", "track", "canvas", "svg", "math", "map",
    "area", "form", "input", "button", "select", "option", "textarea", "nav", "aside",
    "footer", "header", "head", "title", "meta", "link", "base", "dialog", "menu", NULL};

static void append_text(xmlBufferPtr b, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            xmlBufferCat(b, c->content);
        else if (c->type == XML_ELEMENT_NODE && depth < 256 &&
                 !name_in(c, skipped_tags)) {
            if (name_is(c, "br"))
                xmlBufferCat(b, BAD_CAST " ");
            else
                append_text(b, c, depth + 1);
        }
    }
}

/* The text under a node (br as a space, scripts skipped), collapsed.
 * Caller frees with free(). */
static char *node_text(xmlNodePtr n)
{
    xmlBufferPtr b = xmlBufferCreate();
    if (!b)
        return NULL;
    if (n->type == XML_ATTRIBUTE_NODE || n->type == XML_TEXT_NODE) {
        xmlChar *v = xmlNodeGetContent(n);
        if (v)
            xmlBufferCat(b, v);
        xmlFree(v);
    } else {
        append_text(b, n, 0);
    }
    char *t = artx_text_collapse((const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    return t;
}

static size_t text_len(xmlNodePtr n)
{
    char *t = node_text(n);
    size_t len = t ? strlen(t) : 0;
    free(t);
    return len;
}

/* Bytes of text inside links under n. */
static size_t link_text_len(xmlNodePtr n, int depth)
{
    size_t len = 0;
    for (xmlNodePtr c = n->children; c && depth < 256; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (name_is(c, "a"))
            len += text_len(c);
        else
            len += link_text_len(c, depth + 1);
    }
    return len;
}

/* The nodes an XPath expression selects (NULL when none).  Caller frees
 * with xmlXPathFreeObject(). */
static xmlXPathObjectPtr select_nodes(xmlXPathContextPtr xp, const char *expr,
                                      xmlNodePtr at)
{
    if (!xp)
        return NULL;
    xp->node = at ? at : xmlDocGetRootElement(xp->doc);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, xp);
    if (o && (o->type != XPATH_NODESET || xmlXPathNodeSetIsEmpty(o->nodesetval))) {
        xmlXPathFreeObject(o);
        return NULL;
    }
    return o;
}

/* The collapsed text of the first selected node that has some.  Caller
 * frees with free(). */
static char *select_text(xmlXPathContextPtr xp, const char *expr, xmlNodePtr at)
{
    xmlXPathObjectPtr o = select_nodes(xp, expr, at);
    char *t = NULL;
    for (int i = 0; o && i < o->nodesetval->nodeNr && !t; i++) {
        t = node_text(o->nodesetval->nodeTab[i]);
        if (t && !*t) {
            free(t);
            t = NULL;
        }
    }
    xmlXPathFreeObject(o);
    return t;
}

/* <meta> content by name or property (case-insensitive in the page's
 * spelling is not needed: pages use the documented lowercase names). */
static char *meta(ctx *c, const char *key)
{
    char expr[256];
    snprintf(expr, sizeof expr,
             "//meta[@property='%s' or @name='%s' or @itemprop='%s']/@content", key, key, key);
    return select_text(c->xp, expr, NULL);
}

static char *ld_text(ctx *c, const char *rel)
{
    char expr[1024];
    if (!c->ldxp)
        return NULL;
    snprintf(expr, sizeof expr, "%s/%s", LD_ARTICLE, rel);
    return select_text(c->ldxp, expr, NULL);
}

/* ---- boilerplate ------------------------------------------------------- */

/* Words of class and id values that mark page furniture.  Matched against
 * the parts of each token split at '_' and '-' ("btn_share" -> btn, share),
 * so "head" or "thread" never match "ad". */
static const char *const furniture_words[] = {
    "ad", "ads", "advert", "advertisement", "banner", "promo", "sponsored",
    "share", "sharing", "sns", "social", "related", "relation", "recommend",
    "comment", "comments", "reply", "replies", "footer", "gnb", "lnb", "snb", "nav",
    "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "aside", "widget",
    "popup", "modal", "layer", "toolbar", "util", "utility", "print", "subscribe",
    "subscription", "newsletter", "login", "rank", "ranking", "popular", "most",
    "tag", "tags", "hashtag", "keyword", "keywords", "reporter", "journalist",
    "profile", "player", "vod", "video", "btn", "button", "pagination", "paging",
    "prev", "next", "more", "reaction", "likeit", "categorization", "copy",
    "outbrain", "taboola", "dable", "adsense", "googleads", NULL};

/* Substrings that mark furniture anywhere in a class or id. */
static const char *const furniture_parts[] = {
    "dable", "taboola", "outbrain", "googlead", "advert", "kakao", "facebook",
    "twitter", "recommend", "related", "comment", "share",
    /* decks and standfirsts: the model has no place for them (yet) */
    "subtitle", "midtitle", "mid_title", "sub_title", "standfirst", NULL};

static bool word_is_furniture(const char *w, size_t n)
{
    for (int i = 0; furniture_words[i]; i++)
        if (strlen(furniture_words[i]) == n && !strncasecmp(w, furniture_words[i], n))
            return true;
    return false;
}

static bool value_is_furniture(const char *v)
{
    for (int i = 0; furniture_parts[i]; i++)
        if (artx_strcasestr(v, furniture_parts[i]))
            return true;
    for (const char *p = v; *p;) {
        while (*p && strchr(" _-", *p))
            p++;
        const char *s = p;
        while (*p && !strchr(" _-", *p))
            p++;
        if (p > s && word_is_furniture(s, (size_t)(p - s)))
            return true;
    }
    return false;
}

static bool is_hidden(xmlNodePtr n)
{
    if (xmlHasProp(n, BAD_CAST "hidden"))
        return true;
    char *v = attr(n, "aria-hidden");
    bool hidden = v && !strcmp(v, "true");
    free(v);
    if (hidden)
        return true;
    char *style = attr(n, "style");
    if (style) {
        char *squeezed = style;
        size_t o = 0;
        for (size_t i = 0; style[i]; i++)
            if (style[i] != ' ')
                squeezed[o++] = (char)tolower((unsigned char)style[i]);
        squeezed[o] = '\0';
        hidden = strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
        free(style);
    }
    return hidden;
}

/* Elements the walk drops.  Furniture is recognised by class or id, but an
 * element that holds most of the article's text is never dropped that way:
 * a site that calls its body "article_comment" still gets converted. */
static bool is_boilerplate(ctx *c, xmlNodePtr n)
{
    if (name_in(n, skipped_tags) || is_hidden(n))
        return true;
    char *cls = attr(n, "class"), *id = attr(n, "id");
    bool furniture = (cls && value_is_furniture(cls)) || (id && value_is_furniture(id));
    free(cls);
    free(id);
    if (!furniture)
        return false;
    return text_len(n) * 2 < c->root_text;
}

/* ---- output helpers ------------------------------------------------------ */

static xmlNodePtr new_el(ctx *c, xmlNodePtr parent, const char *name)
{
    return xmlNewChild(parent, c->ns, BAD_CAST name, NULL);
}

static void flush(ctx *c)
{
    c->para = NULL;
    c->inl = NULL;
    c->pending_br = NULL;
}

static void open_para(ctx *c, bool explicit_p)
{
    c->para = new_el(c, c->container, "p");
    c->inl = c->para;
    c->explicit_p = explicit_p;
    c->pending_br = NULL;
    c->gen++;
}

/* An absolute URL for href/src, or NULL for what a reader cannot follow.
 * A page read from a file resolves relative references to local paths:
 * right for its images (they can be packaged), useless for its links, so
 * links must come out with a scheme. */
static char *absolute_url(ctx *c, const char *v, bool link)
{
    if (!v || !*v || *v == '#' || !strncasecmp(v, "javascript:", 11) ||
        !strncasecmp(v, "data:", 5) || !strncasecmp(v, "mailto:", 7) ||
        !strncasecmp(v, "about:", 6))
        return NULL;
    xmlChar *u = xmlBuildURI(BAD_CAST v, c->base);
    if (!u)
        return NULL;
    /* anyURI: no spaces */
    char *out = NULL;
    xmlChar *esc = xmlURIEscapeStr(u, BAD_CAST ":/?#[]@!$&'()*+,;=%~");
    if (esc && (!link || !xmlStrncasecmp(esc, BAD_CAST "http://", 7) ||
                !xmlStrncasecmp(esc, BAD_CAST "https://", 8) ||
                !xmlStrncasecmp(esc, BAD_CAST "ftp://", 6)))
        out = strdup((const char *)esc);
    xmlFree(esc);
    xmlFree(u);
    return out;
}

/* ---- figures --------------------------------------------------------------- */

static const char *const img_src_attrs[] = {
    "data-org-src", "data-original", "data-src", "data-lazy-src", "data-url", "src", NULL};

static bool positive_int(const char *s, long *out)
{
    char *end;
    if (!s || !isdigit((unsigned char)*s))
        return false;
    long v = strtol(s, &end, 10);
    if (*end || v <= 0 || v > 100000)
        return false;
    *out = v;
    return true;
}

/* Icons, spacers, logos and tracking pixels are not figures. */
static bool img_is_decoration(xmlNodePtr img, const char *src)
{
    long w = 0, h = 0;
    char *ws = attr(img, "width"), *hs = attr(img, "height");
    bool has_w = positive_int(ws, &w), has_h = positive_int(hs, &h);
    bool tiny = (has_w && w <= 32) || (has_h && h <= 32) || (has_w && has_h && w * h < 2500);
    free(ws);
    free(hs);
    if (tiny)
        return true;
    const char *const marks[] = {"logo", "icon", "btn_", "blank.gif", "spacer", "pixel",
                                 "1x1", "banner", NULL};
    char *cls = attr(img, "class");
    for (int i = 0; marks[i]; i++)
        if (artx_strcasestr(src, marks[i]) || (cls && artx_strcasestr(cls, marks[i]))) {
            free(cls);
            return true;
        }
    free(cls);
    return false;
}

static char *img_url(ctx *c, xmlNodePtr img)
{
    for (int i = 0; img_src_attrs[i]; i++) {
        char *v = attr(img, img_src_attrs[i]);
        char *u = absolute_url(c, v, false);
        free(v);
        if (u && !img_is_decoration(img, u))
            return u;
        free(u);
        if (u)
            return NULL;
    }
    return NULL;
}

static xmlNodePtr first_img(ctx *c, xmlNodePtr n, char **url)
{
    xmlXPathObjectPtr o = select_nodes(c->xp, ".//img", n);
    xmlNodePtr found = NULL;
    if (name_is(n, "img") && (*url = img_url(c, n)))
        found = n;
    for (int i = 0; !found && o && i < o->nodesetval->nodeNr; i++)
        if ((*url = img_url(c, o->nodesetval->nodeTab[i])))
            found = o->nodesetval->nodeTab[i];
    xmlXPathFreeObject(o);
    return found;
}

static void copy_inline(ctx *c, xmlNodePtr src, xmlNodePtr dst, int depth);

/* A photo with its caption.  Returns false when there is no usable image. */
static bool add_figure(ctx *c, xmlNodePtr wrapper)
{
    char *url = NULL;
    xmlNodePtr img = first_img(c, wrapper, &url);
    if (!img)
        return false;
    /* The same photo twice (lazy-loading markup) is one figure. */
    for (xmlNodePtr f = c->body->children; f; f = f->next) {
        xmlChar *src = f->children ? xmlGetProp(f->children, BAD_CAST "src") : NULL;
        bool dup = src && !strcmp((const char *)src, url);
        xmlFree(src);
        if (dup) {
            free(url);
            return true;
        }
    }
    xmlNodePtr fig = new_el(c, c->body, "figure");
    xmlNodePtr im = new_el(c, fig, "img");
    xmlNewProp(im, BAD_CAST "src", BAD_CAST url);
    free(url);
    long v;
    char *w = attr(img, "data-org-width");
    if (!w)
        w = attr(img, "width");
    if (positive_int(w, &v))
        xmlNewProp(im, BAD_CAST "width", BAD_CAST w);
    free(w);
    char *h = attr(img, "height");
    if (positive_int(h, &v))
        xmlNewProp(im, BAD_CAST "height", BAD_CAST h);
    free(h);
    char *alt = attr(img, "alt");
    if (alt)
        xmlNewProp(im, BAD_CAST "alt", BAD_CAST alt);
    free(alt);

    xmlXPathObjectPtr o = select_nodes(
        c->xp,
        ".//figcaption | .//*[contains(@class,'caption') or contains(@class,'desc')"
        " or contains(@class,'cap ') or @class='cap' or contains(@class,'txt_photo')]",
        wrapper);
    xmlNodePtr cap = new_el(c, fig, "caption");
    if (o)
        copy_inline(c, o->nodesetval->nodeTab[0], cap, 0);
    else if (name_is(wrapper, "table"))
        copy_inline(c, wrapper, cap, 0);
    xmlXPathFreeObject(o);
    return true;
}

static const char *const figure_words[] = {"photo", "figure", "image", "img", "picture",
                                           "pic", "imgbox", "photobox", NULL};

/* A wrapper around one photo and its caption: <figure>, or an element
 * whose class says photo and that holds one image and little text. */
static bool is_figure_wrapper(ctx *c, xmlNodePtr n)
{
    if (name_is(n, "figure"))
        return true;
    if (!name_in(n, (const char *const[]){"div", "span", "table", "p", "dl", NULL}))
        return false;
    char *cls = attr(n, "class");
    bool photo = false;
    for (const char *p = cls; p && *p && !photo;) {
        while (*p && strchr(" _-", *p))
            p++;
        const char *s = p;
        while (*p && !strchr(" _-", *p))
            p++;
        for (int i = 0; figure_words[i] && !photo; i++)
            photo = strlen(figure_words[i]) == (size_t)(p - s) &&
                    !strncasecmp(s, figure_words[i], (size_t)(p - s));
    }
    free(cls);
    if (!photo)
        return false;
    xmlXPathObjectPtr o = select_nodes(c->xp, ".//img", n);
    int imgs = o ? o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    return imgs >= 1 && imgs <= 2 && text_len(n) < 600;
}

/* ---- the walk ---------------------------------------------------------- */

static const char *const inline_map[][2] = {
    {"em", "em"}, {"i", "em"}, {"cite", "em"}, {"dfn", "em"},
    {"strong", "strong"}, {"b", "strong"}, {"sub", "sub"}, {"sup", "sup"},
    {NULL, NULL}};

static const char *mapped_inline(xmlNodePtr n)
{
    for (int i = 0; inline_map[i][0]; i++)
        if (name_is(n, inline_map[i][0]))
            return inline_map[i][1];
    return NULL;
}

static const char *const block_tags[] = {
    "p", "div", "section", "article", "main", "table", "tbody", "thead", "tfoot", "tr",
    "td", "th", "caption", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
    "h5", "h6", "blockquote", "figure", "figcaption", "pre", "address", "hr", "center",
    "fieldset", "details", "summary", "body", "html", NULL};

/* An inline element for `src` under dst, or NULL when it is unwrapped. */
static xmlNodePtr inline_copy_of(ctx *c, xmlNodePtr src, xmlNodePtr dst)
{
    if (name_is(src, "a")) {
        char *href = attr(src, "href");
        char *u = absolute_url(c, href, true);
        free(href);
        if (!u)
            return NULL;
        xmlNodePtr a = new_el(c, dst, "a");
        xmlNewProp(a, BAD_CAST "href", BAD_CAST u);
        free(u);
        return a;
    }
    const char *m = mapped_inline(src);
    return m ? new_el(c, dst, m) : NULL;
}

/* Copy the inline content of src's children into dst, flattening blocks
 * (used for headings, captions, list items). */
static void copy_inline(ctx *c, xmlNodePtr src, xmlNodePtr dst, int depth)
{
    if (depth > 200)
        return;
    for (xmlNodePtr n = src->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            xmlNodeAddContent(dst, n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || is_boilerplate(c, n) || name_is(n, "img") ||
            name_is(n, "ul") || name_is(n, "ol"))
            continue;
        if (name_is(n, "br")) {
            new_el(c, dst, "br");
            continue;
        }
        xmlNodePtr el = inline_copy_of(c, n, dst);
        bool block = name_in(n, block_tags);
        if (block)
            xmlNodeAddContent(dst, BAD_CAST " ");
        copy_inline(c, n, el ? el : dst, depth + 1);
        if (block)
            xmlNodeAddContent(dst, BAD_CAST " ");
    }
}

static void walk(ctx *c, xmlNodePtr src);

/* Navigation lists: mostly links. */
static bool is_link_list(xmlNodePtr n)
{
    size_t all = text_len(n);
    return all == 0 || link_text_len(n, 0) * 2 > all;
}

static void add_list(ctx *c, xmlNodePtr src, xmlNodePtr parent, int depth)
{
    xmlNodePtr list = new_el(c, parent, name_is(src, "ol") ? "ol" : "ul");
    for (xmlNodePtr li = src->children; li; li = li->next) {
        if (!name_is(li, "li") || is_boilerplate(c, li))
            continue;
        xmlNodePtr item = new_el(c, list, "li");
        copy_inline(c, li, item, 0);
        if (depth < 8)
            for (xmlNodePtr sub = li->children; sub; sub = sub->next)
                if ((name_is(sub, "ul") || name_is(sub, "ol")) && !is_link_list(sub))
                    add_list(c, sub, item, depth + 1);
    }
}

/* Boxed statements and pull quotes. */
static bool is_quote_box(xmlNodePtr n)
{
    if (name_is(n, "blockquote"))
        return true;
    char *cls = attr(n, "class");
    bool box = cls && (strstr(cls, "ab_box_article") || strstr(cls, "quote") ||
                       strstr(cls, "box_article") || strstr(cls, "article_box"));
    free(cls);
    return box;
}

static void walk_block(ctx *c, xmlNodePtr n)
{
    if (is_figure_wrapper(c, n) || name_is(n, "img")) {
        flush(c);
        /* A <figure> without a usable image leaves nothing worth keeping
         * (its caption describes what is gone); a photo-classed wrapper
         * may hold text after all. */
        if (!add_figure(c, n) && !name_is(n, "img") && !name_is(n, "figure"))
            walk(c, n);
        return;
    }
    if (is_quote_box(n) && c->container == c->body) {
        flush(c);
        c->container = new_el(c, c->body, "blockquote");
        walk(c, n);
        flush(c);
        c->container = c->body;
        return;
    }
    if ((name_is(n, "ul") || name_is(n, "ol"))) {
        flush(c);
        if (is_link_list(n))
            return;
        if (c->container == c->body) {
            add_list(c, n, c->body, 0);
        } else {
            for (xmlNodePtr li = n->children; li; li = li->next)
                if (name_is(li, "li")) {
                    open_para(c, true);
                    copy_inline(c, li, c->para, 0);
                    flush(c);
                }
        }
        return;
    }
    if (name_in(n, (const char *const[]){"h1", "h2", "h3", "h4", "h5", "h6", NULL})) {
        flush(c);
        xmlNodePtr h = new_el(c, c->container, c->container == c->body ? "h2" : "p");
        copy_inline(c, n, h, 0);
        return;
    }
    if (name_is(n, "p") || name_is(n, "pre")) {
        flush(c);
        open_para(c, true);
        walk(c, n);
        flush(c);
        return;
    }
    flush(c);
    walk(c, n);
    flush(c);
}

static void walk_br(ctx *c)
{
    if (!c->para)
        return;
    if (!c->explicit_p) {
        flush(c);
        return;
    }
    if (c->pending_br) {
        /* <br><br> inside a <p>: a paragraph break */
        xmlUnlinkNode(c->pending_br);
        xmlFreeNode(c->pending_br);
        flush(c);
        open_para(c, true);
        return;
    }
    c->pending_br = new_el(c, c->inl, "br");
}

static bool all_space(const xmlChar *s)
{
    const unsigned char *p = s, *end = s + xmlStrlen(s);
    while (p < end)
        if (!artx_is_space(artx_utf8_next(&p, end)))
            return false;
    return true;
}

static void walk(ctx *c, xmlNodePtr src)
{
    if (++c->depth > 200) {
        c->depth--;
        return;
    }
    for (xmlNodePtr n = src->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (all_space(n->content)) {
                if (c->inl)
                    xmlNodeAddContent(c->inl, BAD_CAST " ");
                continue;
            }
            if (!c->para)
                open_para(c, false);
            xmlNodeAddContent(c->inl, n->content);
            c->pending_br = NULL;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || is_boilerplate(c, n))
            continue;
        if (name_is(n, "br")) {
            walk_br(c);
            continue;
        }
        if (name_in(n, block_tags) || name_is(n, "img") || is_figure_wrapper(c, n)) {
            walk_block(c, n);
            continue;
        }
        /* inline: copy the element (or unwrap it) and keep walking, so a
         * break inside it still splits the paragraph */
        if (!c->para && text_len(n) == 0)
            continue;
        if (!c->para)
            open_para(c, false);
        xmlNodePtr saved = c->inl;
        unsigned gen = c->gen;
        xmlNodePtr el = inline_copy_of(c, n, c->inl);
        if (el)
            c->inl = el;
        walk(c, n);
        c->inl = c->gen == gen ? saved : c->para;
    }
    c->depth--;
}

/* ---- tidying blocks ------------------------------------------------------ */

typedef struct tidy {
    bool at_start;       /* nothing written since the block start or a br */
    bool space_written;  /* the last character written was a space */
    xmlNodePtr last;     /* the last text node written to */
} tidy;

static void trim_last(tidy *t)
{
    if (!t->last || !t->space_written)
        return;
    xmlChar *s = t->last->content;
    int n = xmlStrlen(s);
    if (n > 0 && s[n - 1] == ' ') {
        xmlChar *trimmed = xmlStrndup(s, n - 1);
        xmlNodeSetContent(t->last, trimmed);
        xmlFree(trimmed);
    }
    t->space_written = false;
}

/* Collapse whitespace across the text nodes of a block, trim it at its
 * ends and around line breaks, drop characters XML forbids, apply NFC. */
static void tidy_text(xmlNodePtr n, tidy *t, int depth)
{
    for (xmlNodePtr k = n->children; k && depth < 256; k = k->next) {
        if (k->type == XML_ELEMENT_NODE) {
            /* a nested list is tidied as blocks of its own */
            if (xmlStrEqual(k->name, BAD_CAST "ul") || xmlStrEqual(k->name, BAD_CAST "ol"))
                continue;
            if (xmlStrEqual(k->name, BAD_CAST "br")) {
                trim_last(t);
                t->at_start = true;
            } else {
                tidy_text(k, t, depth + 1);
            }
            continue;
        }
        if (k->type != XML_TEXT_NODE)
            continue;
        const unsigned char *p = k->content, *end = p + xmlStrlen(k->content);
        xmlBufferPtr b = xmlBufferCreate();
        while (p < end) {
            const unsigned char *s = p;
            long cp = artx_utf8_next(&p, end);
            if (cp < 0 || artx_is_space(cp)) {
                if (!t->at_start && !t->space_written) {
                    xmlBufferAdd(b, BAD_CAST " ", 1);
                    t->space_written = true;
                }
                continue;
            }
            if (!artx_xml_char_ok(cp))
                continue;
            xmlBufferAdd(b, s, (int)(p - s));
            t->at_start = false;
            t->space_written = false;
        }
        char *nfc = artx_text_nfc((const char *)xmlBufferContent(b));
        xmlBufferFree(b);
        xmlNodeSetContent(k, nfc ? BAD_CAST nfc : BAD_CAST "");
        free(nfc);
        if (k->content && *k->content)
            t->last = k;
    }
}

/* Remove empty text, empty inline elements and breaks at the block's
 * edges or doubled. */
static void prune(xmlNodePtr n)
{
    xmlNodePtr next;
    for (xmlNodePtr k = n->children; k; k = next) {
        next = k->next;
        if (k->type == XML_TEXT_NODE && (!k->content || !*k->content)) {
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        } else if (k->type == XML_ELEMENT_NODE && !xmlStrEqual(k->name, BAD_CAST "br")) {
            prune(k);
            if (!k->children) {
                xmlUnlinkNode(k);
                xmlFreeNode(k);
            }
        }
    }
    for (;;) {
        xmlNodePtr first = n->children, last = n->last;
        if (first && first->type == XML_ELEMENT_NODE && xmlStrEqual(first->name, BAD_CAST "br")) {
            xmlUnlinkNode(first);
            xmlFreeNode(first);
        } else if (last && last->type == XML_ELEMENT_NODE &&
                   xmlStrEqual(last->name, BAD_CAST "br")) {
            xmlUnlinkNode(last);
            xmlFreeNode(last);
        } else {
            break;
        }
    }
}

static void tidy_block(xmlNodePtr block)
{
    tidy t = {true, false, NULL};
    tidy_text(block, &t, 0);
    trim_last(&t);
    prune(block);
}

/* ---- lifting metadata out of the body -------------------------------------- */

static bool starts_with(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

static bool is_rights(const char *t)
{
    if (strlen(t) > 300)
        return false;
    return strstr(t, "ⓒ") || strstr(t, "©") || artx_strcasestr(t, "copyright") ||
           strstr(t, "저작권자") || strstr(t, "무단 전재") || strstr(t, "무단전재") ||
           strstr(t, "재배포 금지") || strstr(t, "재배포금지") ||
           artx_strcasestr(t, "all rights reserved");
}

/* A reservation of text and data mining in a rights line: AI training or
 * TDM named together with a prohibition. */
static bool reserves_tdm(const char *t)
{
    bool names = strstr(t, "AI 학습") || strstr(t, "AI학습") || strstr(t, "인공지능 학습") ||
                 strstr(t, "인공지능(AI) 학습") || artx_strcasestr(t, "TDM") ||
                 strstr(t, "데이터 마이닝") || artx_strcasestr(t, "data mining") ||
                 artx_strcasestr(t, "AI training") || artx_strcasestr(t, "machine learning");
    bool forbids = strstr(t, "금지") || strstr(t, "불허") || artx_strcasestr(t, "prohibit") ||
                   artx_strcasestr(t, "not permitted") || artx_strcasestr(t, "reserved") ||
                   artx_strcasestr(t, "forbidden") || strstr(t, "禁止");
    return names && forbids;
}

static void set_rights(ctx *c, const char *t)
{
    if (c->rights)
        return;
    c->rights = strdup(t);
    if (reserves_tdm(t) && !c->tdm) {
        c->tdm = true;
        c->tdm_basis = "rights";
    }
}

static void add_author(ctx *c, const char *name, const char *email)
{
    for (size_t i = 0; i < c->nauthors; i++) {
        artx_byline *a = &c->authors[i];
        if ((*name && !strcmp(a->name, name)) || (*email && !strcmp(a->email, email)) ||
            (!*a->name && *email && !strcmp(a->email, email))) {
            if (!*a->email && *email)
                snprintf(a->email, sizeof a->email, "%s", email);
            if (!*a->name && *name)
                snprintf(a->name, sizeof a->name, "%s", name);
            return;
        }
    }
    /* An address on a line of its own belongs to the author who has none. */
    if (!*name && *email)
        for (size_t i = 0; i < c->nauthors; i++)
            if (!*c->authors[i].email) {
                snprintf(c->authors[i].email, sizeof c->authors->email, "%s", email);
                return;
            }
    if (c->nauthors < MAX_AUTHORS && (*name || *email)) {
        snprintf(c->authors[c->nauthors].name, sizeof c->authors->name, "%s", name);
        snprintf(c->authors[c->nauthors].email, sizeof c->authors->email, "%s", email);
        c->nauthors++;
    }
}

static bool is_promo(const char *t)
{
    if (starts_with(t, "☞") || starts_with(t, "▶") || starts_with(t, "▷") ||
        starts_with(t, "►") || starts_with(t, "☜"))
        return true;
    size_t len = strlen(t);
    if (len < 160 && strstr(t, "제보") &&
        (strstr(t, "카톡") || strstr(t, "이메일") || strstr(t, "전화") || strchr(t, '@')))
        return true;
    if (len < 120 && (strstr(t, "구독하기") || strstr(t, "바로가기") ||
                      strstr(t, "구독 신청")))
        return true;
    return false;
}

static bool is_hashtags(const char *t)
{
    if (*t != '#')
        return false;
    for (const char *p = t; *p; p++)
        if (*p == ' ' && p[1] && p[1] != '#')
            return false;
    return true;
}

static bool is_end_mark(const char *t)
{
    return !strcmp(t, "(끝)") || !strcmp(t, "<끝>") || !strcmp(t, "끝") ||
           !strcmp(t, "/끝/");
}

/* Decide what a block is now that its text is tidy.  Returns false when
 * the block leaves the body. */
static bool keep_block(ctx *c, xmlNodePtr b, size_t index)
{
    char *t = node_text(b);
    bool keep = t && *t;
    if (keep && c->title && index < 3 && !strcmp(t, c->title))
        keep = false;
    else if (keep && (is_promo(t) || is_hashtags(t) || is_end_mark(t)))
        keep = false;
    else if (keep && is_rights(t)) {
        set_rights(c, t);
        keep = false;
    } else if (keep && !xmlStrEqual(b->name, BAD_CAST "figure")) {
        artx_byline who[8];
        bool whole;
        size_t n = artx_byline_parse(t, who, 8, &whole);
        for (size_t i = 0; i < n && (whole || index < 2); i++)
            add_author(c, who[i].name, who[i].email);
        if (whole && n > 0)
            keep = false;
    }
    free(t);
    return keep;
}

/* Split the photo credit off the end of a caption. */
static void split_credit(ctx *c, xmlNodePtr fig)
{
    xmlNodePtr cap = fig->children ? fig->children->next : NULL;
    if (!cap)
        return;
    tidy_block(cap);
    xmlNodePtr last = cap->last;
    if (!cap->children) {
        xmlUnlinkNode(cap);
        xmlFreeNode(cap);
        return;
    }
    if (!last || last->type != XML_TEXT_NODE)
        return;
    const char *s = (const char *)last->content;
    size_t at = artx_credit_split(s);
    if (at >= strlen(s) || (at == 0 && last == cap->children))
        return;
    /* "... 있다. /사진=홍길동 기자": the separator goes with the credit */
    while (at > 0 && strchr("/|", s[at - 1]))
        at--;
    char *credit = artx_text_collapse(s + at);
    xmlChar *rest = xmlStrndup(last->content, (int)at);
    xmlNodeSetContent(last, rest);
    xmlFree(rest);
    tidy_block(cap);
    if (credit && *credit)
        xmlNewTextChild(fig, c->ns, BAD_CAST "credit", BAD_CAST credit);
    free(credit);
}

/* Tidy each item (and nested list) of a list; drop empty items.  Returns
 * false when nothing is left. */
static bool tidy_list(xmlNodePtr list)
{
    xmlNodePtr ln;
    for (xmlNodePtr li = list->children; li; li = ln) {
        ln = li->next;
        tidy_block(li);
        xmlNodePtr sn;
        for (xmlNodePtr sub = li->children; sub; sub = sn) {
            sn = sub->next;
            if (sub->type == XML_ELEMENT_NODE &&
                (xmlStrEqual(sub->name, BAD_CAST "ul") || xmlStrEqual(sub->name, BAD_CAST "ol")) &&
                !tidy_list(sub)) {
                xmlUnlinkNode(sub);
                xmlFreeNode(sub);
            }
        }
        if (!li->children) {
            xmlUnlinkNode(li);
            xmlFreeNode(li);
        }
    }
    return list->children != NULL;
}

static void finish_body(ctx *c)
{
    xmlNodePtr next;
    size_t index = 0;
    for (xmlNodePtr b = c->body->children; b; b = next) {
        next = b->next;
        bool keep = true;
        if (xmlStrEqual(b->name, BAD_CAST "figure")) {
            split_credit(c, b);
        } else if (xmlStrEqual(b->name, BAD_CAST "blockquote")) {
            xmlNodePtr pn;
            for (xmlNodePtr p = b->children; p; p = pn) {
                pn = p->next;
                tidy_block(p);
                if (!keep_block(c, p, 99)) {
                    xmlUnlinkNode(p);
                    xmlFreeNode(p);
                }
            }
            keep = b->children != NULL;
        } else if (xmlStrEqual(b->name, BAD_CAST "ul") || xmlStrEqual(b->name, BAD_CAST "ol")) {
            keep = tidy_list(b);
        } else {
            tidy_block(b);
            keep = keep_block(c, b, index);
        }
        if (!keep) {
            xmlUnlinkNode(b);
            xmlFreeNode(b);
        } else {
            index++;
        }
    }
}

/* Stable ids in document order: p1, h1, f1, q1 (q1.p1), l1 (l1.i1). */
static void number_list(xmlNodePtr list, const char *prefix)
{
    unsigned i = 0;
    char id[64];
    for (xmlNodePtr li = list->children; li; li = li->next) {
        snprintf(id, sizeof id, "%s.i%u", prefix, ++i);
        xmlSetProp(li, BAD_CAST "id", BAD_CAST id);
        for (xmlNodePtr sub = li->children; sub; sub = sub->next)
            if (sub->type == XML_ELEMENT_NODE &&
                (xmlStrEqual(sub->name, BAD_CAST "ul") || xmlStrEqual(sub->name, BAD_CAST "ol"))) {
                char sid[72];
                snprintf(sid, sizeof sid, "%s.l", id);
                xmlSetProp(sub, BAD_CAST "id", BAD_CAST sid);
                number_list(sub, sid);
            }
    }
}

static void number_blocks(ctx *c)
{
    unsigned np = 0, nh = 0, nf = 0, nq = 0, nl = 0;
    char id[64];
    for (xmlNodePtr b = c->body->children; b; b = b->next) {
        const char *n = (const char *)b->name;
        if (!strcmp(n, "p"))
            snprintf(id, sizeof id, "p%u", ++np);
        else if (!strcmp(n, "h2"))
            snprintf(id, sizeof id, "h%u", ++nh);
        else if (!strcmp(n, "figure"))
            snprintf(id, sizeof id, "f%u", ++nf);
        else if (!strcmp(n, "blockquote"))
            snprintf(id, sizeof id, "q%u", ++nq);
        else
            snprintf(id, sizeof id, "l%u", ++nl);
        xmlSetProp(b, BAD_CAST "id", BAD_CAST id);
        if (!strcmp(n, "figure")) {
            for (xmlNodePtr k = b->children; k; k = k->next)
                if (xmlStrEqual(k->name, BAD_CAST "caption")) {
                    char cid[72];
                    snprintf(cid, sizeof cid, "%s.c", id);
                    xmlSetProp(k, BAD_CAST "id", BAD_CAST cid);
                }
        } else if (!strcmp(n, "blockquote")) {
            unsigned i = 0;
            for (xmlNodePtr p = b->children; p; p = p->next) {
                if (!xmlStrEqual(p->name, BAD_CAST "p"))
                    continue;
                char pid[72];
                snprintf(pid, sizeof pid, "%s.p%u", id, ++i);
                xmlSetProp(p, BAD_CAST "id", BAD_CAST pid);
            }
        } else if (!strcmp(n, "ul") || !strcmp(n, "ol")) {
            number_list(b, id);
        }
    }
}

/* ---- finding the root ---------------------------------------------------- */

static xmlNodePtr largest(ctx *c, const char *expr, size_t *len)
{
    xmlXPathObjectPtr o = select_nodes(c->xp, expr, NULL);
    xmlNodePtr best = NULL;
    *len = 0;
    for (int i = 0; o && i < o->nodesetval->nodeNr; i++) {
        size_t l = text_len(o->nodesetval->nodeTab[i]);
        if (l > *len) {
            *len = l;
            best = o->nodesetval->nodeTab[i];
        }
    }
    xmlXPathFreeObject(o);
    return best;
}

/* Readability's idea, simplified: every text block scores for its parent
 * (and half for the grandparent) by its length and commas; the element
 * with the best score, discounted by its share of link text, holds the
 * article. */
static xmlNodePtr score_root(ctx *c)
{
    xmlXPathObjectPtr o = select_nodes(
        c->xp, "//body//*[self::p or self::pre or self::td or self::dd"
               " or (self::div and text()[normalize-space()])]", NULL);
    xmlNodePtr best = NULL;
    double best_score = 0;
    if (!o)
        return NULL;
    int n = o->nodesetval->nodeNr;
    double *score = calloc((size_t)n * 2, sizeof *score);
    xmlNodePtr *cand = calloc((size_t)n * 2, sizeof *cand);
    int ncand = 0;
    for (int i = 0; score && cand && i < n; i++) {
        xmlNodePtr p = o->nodesetval->nodeTab[i];
        char *t = node_text(p);
        size_t len = t ? strlen(t) : 0;
        if (len >= 40) {
            double s = 1;
            for (const char *q = t; *q; q++)
                s += *q == ',';
            s += len / 300.0 > 3 ? 3 : len / 300.0;
            xmlNodePtr up[2] = {p->parent, p->parent ? p->parent->parent : NULL};
            for (int k = 0; k < 2; k++) {
                if (!up[k] || up[k]->type != XML_ELEMENT_NODE)
                    continue;
                int j;
                for (j = 0; j < ncand && cand[j] != up[k]; j++)
                    ;
                if (j == ncand)
                    cand[ncand++] = up[k];
                score[j] += k ? s / 2 : s;
            }
        }
        free(t);
    }
    for (int j = 0; j < ncand; j++) {
        size_t all = text_len(cand[j]);
        double density = all ? (double)link_text_len(cand[j], 0) / (double)all : 1;
        double s = score[j] * (1 - density);
        if (s > best_score && !is_hidden(cand[j])) {
            best_score = s;
            best = cand[j];
        }
    }
    free(score);
    free(cand);
    xmlXPathFreeObject(o);
    return best;
}

static void find_root(ctx *c)
{
    for (size_t i = 0; i < sizeof layouts / sizeof *layouts; i++) {
        size_t len;
        xmlNodePtr r = largest(c, layouts[i].body, &len);
        /* A bare <article> must hold some text to count. */
        if (r && (layouts[i].site || len >= 200)) {
            c->root = r;
            c->layout = &layouts[i];
            c->root_text = len;
            return;
        }
    }
    c->root = score_root(c);
    if (!c->root) {
        xmlXPathObjectPtr o = select_nodes(c->xp, "//body", NULL);
        c->root = o ? o->nodesetval->nodeTab[0] : xmlDocGetRootElement(c->page);
        xmlXPathFreeObject(o);
    }
    c->root_text = text_len(c->root);
}

/* ---- page metadata ------------------------------------------------------- */

static void load_json_ld(ctx *c)
{
    xmlXPathObjectPtr o =
        select_nodes(c->xp, "//script[@type='application/ld+json']", NULL);
    for (int i = 0; o && i < o->nodesetval->nodeNr; i++) {
        xmlChar *text = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
        if (!text)
            continue;
        if (!c->ld) {
            c->ld = xmlNewDoc(BAD_CAST "1.0");
            xmlDocSetRootElement(c->ld, xmlNewNode(NULL, BAD_CAST "ld"));
        }
        artx_json_to_xml((const char *)text, (size_t)xmlStrlen(text),
                         xmlDocGetRootElement(c->ld));
        xmlFree(text);
    }
    xmlXPathFreeObject(o);
    if (c->ld)
        c->ldxp = xmlXPathNewContext(c->ld);
}

/* Headlines in <title> and og:title carry the site's name after a dash or
 * bar: "[속보] ... - 매일경제". */
static void strip_site_suffix(char *t, const char *site)
{
    static const char *const seps[] = {" - ", " | ", " :: ", " – ", " — ", " : ", NULL};
    for (int i = 0; seps[i]; i++) {
        char *s = NULL, *p = t;
        while ((p = strstr(p, seps[i]))) {
            s = p;
            p += strlen(seps[i]);
        }
        if (!s)
            continue;
        const char *tail = s + strlen(seps[i]);
        if ((site && strstr(site, tail)) || (site && strstr(tail, site)) ||
            strlen(tail) < 30)
            *s = '\0';
        return;
    }
}

static char *pick_title(ctx *c)
{
    char *t = NULL;
    if (c->layout && c->layout->title)
        t = select_text(c->xp, c->layout->title, NULL);
    if (!t)
        t = ld_text(c, "string[@key='headline']");
    if (!t) {
        char *site = meta(c, "og:site_name");
        t = meta(c, "og:title");
        if (!t)
            t = meta(c, "twitter:title");
        if (!t)
            t = select_text(c->xp, "//head/title", NULL);
        if (t)
            strip_site_suffix(t, site);
        free(site);
    }
    if (!t)
        t = select_text(c->xp, "//h1", NULL);
    return t;
}

static bool parse_date(ctx *c, const char *text, artx_date *d)
{
    bool local = c->lang && (!strncmp(c->lang, "ko", 2) || !strncmp(c->lang, "ja", 2));
    return text && artx_date_parse(text, 9 * 60, local, d);
}

static void pick_dates(ctx *c)
{
    static const char *const meta_keys[] = {
        "article:published_time", "og:article:published_time", "datePublished",
        "pubdate", "publishdate", "date", "DC.date.issued", "dc.date", "sailthru.date",
        "parsely-pub-date", "article:published", NULL};
    char *t = ld_text(c, "string[@key='datePublished']");
    const char *basis = "json-ld";
    for (int i = 0; !t && meta_keys[i]; i++) {
        t = meta(c, meta_keys[i]);
        basis = "meta";
    }
    if (!t && c->layout && c->layout->date) {
        t = select_text(c->xp, c->layout->date, NULL);
        basis = "page";
    }
    if (!t) {
        t = select_text(c->xp, "//time/@datetime | //time", c->root);
        basis = "page";
    }
    if (parse_date(c, t, &c->published))
        c->published_basis = basis;
    free(t);

    t = ld_text(c, "string[@key='dateModified']");
    if (!t)
        t = meta(c, "article:modified_time");
    if (!t)
        t = meta(c, "article:modified");
    if (parse_date(c, t, &c->modified) && c->modified.precision < ARTX_PREC_DAY)
        c->modified.precision = ARTX_PREC_NONE;
    free(t);

    /* A board dump gives MM-DD only: the year comes from a date-stamped
     * image path that agrees with it, or stays unknown. */
    if (c->published.precision == ARTX_PREC_NONE && c->dump_month) {
        for (xmlNodePtr f = c->body->children; f; f = f->next) {
            if (!xmlStrEqual(f->name, BAD_CAST "figure"))
                continue;
            xmlChar *src = xmlGetProp(f->children, BAD_CAST "src");
            int y = src ? artx_date_year_from_url((const char *)src, c->dump_month,
                                                  c->dump_day) : 0;
            xmlFree(src);
            if (y) {
                c->published = (artx_date){.year = y, .month = c->dump_month,
                                           .day = c->dump_day, .precision = ARTX_PREC_DAY};
                c->published_basis = "board date, year from image path";
                break;
            }
        }
    }
}

static bool plausible_person(ctx *c, const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 60 || strchr(name, '|') || strstr(name, "http") ||
        strstr(name, "네이버") || strstr(name, "뉴스"))
        return false;
    return !c->publisher || strcmp(name, c->publisher) != 0;
}

static void pick_authors(ctx *c)
{
    xmlXPathObjectPtr o = NULL;
    if (c->ldxp)
        o = select_nodes(c->ldxp,
                         LD_ARTICLE "/*[@key='author']/descendant-or-self::map/string[@key='name']"
                         " | " LD_ARTICLE "/*[@key='author']/descendant-or-self::string[not(@key)]"
                         " | " LD_ARTICLE "/string[@key='author']",
                         NULL);
    for (int i = 0; o && i < o->nodesetval->nodeNr; i++) {
        char *name = node_text(o->nodesetval->nodeTab[i]);
        if (name && plausible_person(c, name))
            add_author(c, name, "");
        free(name);
    }
    xmlXPathFreeObject(o);
    if (c->nauthors)
        return;
    static const char *const keys[] = {"author", "byl", "article:author", "dable:author",
                                       "parsely-author", "sailthru.author", NULL};
    for (int i = 0; keys[i] && !c->nauthors; i++) {
        char *v = meta(c, keys[i]);
        const char *name = v;
        if (v && !strncasecmp(v, "by ", 3))
            name = v + 3;
        if (name && plausible_person(c, name))
            add_author(c, name, "");
        free(v);
    }
}

/* The holder named in a rights line: "Copyright © 누리경제. All rights
 * reserved.", "ⓒ중앙일보(https://joongang.co.kr)", "[저작권자(c) MBC (...)]". */
static char *holder_of_rights(const char *rights)
{
    static const char *const marks[] = {"ⓒ", "©", "(c)", "(C)", "Copyright", "copyright", NULL};
    const char *after = NULL;
    for (int i = 0; marks[i]; i++) {
        const char *m = strstr(rights, marks[i]);
        if (m && (!after || m + strlen(marks[i]) > after))
            after = m + strlen(marks[i]);
    }
    if (!after)
        return NULL;
    for (;;) {
        if (*after == ' ')
            after++;
        else if (starts_with(after, "©"))
            after += strlen("©");
        else if (starts_with(after, "ⓒ"))
            after += strlen("ⓒ");
        else
            break;
    }
    size_t n = 0;
    while (after[n] && !strchr("(,.[]|", after[n]) && !starts_with(after + n, " All") &&
           !starts_with(after + n, " all") && !starts_with(after + n, " 무단") &&
           !starts_with(after + n, " (") && !starts_with(after + n, " http"))
        n++;
    while (n > 0 && after[n - 1] == ' ')
        n--;
    if (n == 0 || n > 60)
        return NULL;
    return strndup(after, n);
}

static void pick_publisher(ctx *c)
{
    char *p = ld_text(c, "map[@key='publisher']/string[@key='name']");
    if (!p) {
        p = meta(c, "og:site_name");
        /* Portals name themselves, not the press. */
        if (p && (strstr(p, "네이버") || strstr(p, "Daum") || strstr(p, "다음") ||
                  artx_strcasestr(p, "naver"))) {
            free(p);
            p = NULL;
        }
    }
    if (!p && c->source) {
        const char *oid = strstr(c->source, "oid=");
        char key[8] = "";
        if (oid)
            snprintf(key, sizeof key, "%.3s", oid + 4);
        else if ((oid = strstr(c->source, "/article/")))
            snprintf(key, sizeof key, "%.3s", oid + 9);
        const char *name = *key ? artx_publisher_lookup(key) : NULL;
        if (name)
            p = strdup(name);
    }
    if (!p) {
        /* Daum's image paths name the press: .../news/YYYYMM/DD/PRESS/... */
        for (xmlNodePtr f = c->body->children; f && !p; f = f->next) {
            if (!xmlStrEqual(f->name, BAD_CAST "figure"))
                continue;
            xmlChar *src = xmlGetProp(f->children, BAD_CAST "src");
            const char *s = src ? strstr((const char *)src, "/news/") : NULL;
            char code[32];
            if (s && sscanf(s, "/news/%*6d/%*2d/%31[a-z0-9]/", code) == 1) {
                const char *name = artx_publisher_lookup(code);
                if (name)
                    p = strdup(name);
            }
            xmlFree(src);
        }
    }
    for (size_t i = 0; !p && i < c->nauthors; i++) {
        const char *at = strchr(c->authors[i].email, '@');
        const char *name = at ? artx_publisher_lookup(at + 1) : NULL;
        if (name)
            p = strdup(name);
    }
    if (!p)
        p = meta(c, "twitter:creator");
    if (!p && c->rights)
        p = holder_of_rights(c->rights);
    if (p && (*p == '@' || !*p)) {
        free(p);
        p = NULL;
    }
    c->publisher = p;
}

static void pick_source(ctx *c)
{
    char *s = select_text(c->xp, "//link[@rel='canonical']/@href", NULL);
    if (!s)
        s = meta(c, "og:url");
    if (!s)
        s = ld_text(c, "string[@key='url']");
    if (!s)
        s = ld_text(c, "map[@key='mainEntityOfPage']/string[@key='@id']");
    if (s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8))) {
        c->source = absolute_url(c, s, true);
    }
    free(s);
}

/* A BCP 47 tag from a page's spelling: "ko_KR" -> "ko-KR". */
static char *clean_lang(const char *v)
{
    if (!v)
        return NULL;
    char *l = strdup(v);
    size_t i = 0;
    for (; l && l[i] && (isalnum((unsigned char)l[i]) || l[i] == '-' || l[i] == '_'); i++)
        if (l[i] == '_')
            l[i] = '-';
    if (l)
        l[i] = '\0';
    if (l && (i < 2 || !isalpha((unsigned char)l[0]) || !isalpha((unsigned char)l[1]))) {
        free(l);
        return NULL;
    }
    return l;
}

static void pick_lang(ctx *c)
{
    char *v = select_text(c->xp, "/*/@lang | /*/@xml:lang", NULL);
    if (!v)
        v = meta(c, "content-language");
    if (!v)
        v = select_text(c->xp, "//meta[@http-equiv='Content-Language']/@content", NULL);
    if (!v)
        v = ld_text(c, "string[@key='inLanguage']");
    if (!v)
        v = meta(c, "og:locale");
    char *declared = clean_lang(v);
    free(v);

    /* The script of the text overrules a template's wrong lang="en". */
    char *text = node_text(c->body);
    const char *guess = text ? artx_text_guess_lang(text) : NULL;
    if (!guess && c->title)
        guess = artx_text_guess_lang(c->title);
    free(text);
    if (guess && (!declared || strncasecmp(declared, guess, 2) != 0)) {
        free(declared);
        declared = strdup(guess);
    }
    c->lang = declared ? declared : strdup("und");
}

static void pick_rights(ctx *c)
{
    char *v = meta(c, "tdm-reservation");
    if (v && !strcmp(v, "1")) {
        c->tdm = true;
        c->tdm_basis = "meta";
        c->tdm_policy = meta(c, "tdm-policy");
    }
    free(v);
    if (c->rights)
        return;
    /* The rights line often sits just after the article. */
    xmlXPathObjectPtr o = select_nodes(
        c->xp, "(following::*[self::p or self::div or self::span or self::li or self::address"
               " or self::small or self::em][not(.//p or .//div)])[position() <= 40]",
        c->root);
    for (int i = 0; o && i < o->nodesetval->nodeNr && !c->rights; i++) {
        char *t = node_text(o->nodesetval->nodeTab[i]);
        if (t && *t && is_rights(t))
            set_rights(c, t);
        free(t);
    }
    xmlXPathFreeObject(o);
    if (!c->rights) {
        v = meta(c, "copyright");
        if (v)
            set_rights(c, v);
        free(v);
    }
}

/* A board dump's header line: "TITLE 작성일 MM-DD VIEWS 목록". */
static void dump_header(ctx *c)
{
    static const char *const labels[] = {"작성일", "등록일", "작성시간", "등록시간", NULL};
    xmlXPathObjectPtr o = select_nodes(c->xp, "(//body//text()[normalize-space()])[1]", NULL);
    char *t = o ? node_text(o->nodesetval->nodeTab[0]) : NULL;
    xmlXPathFreeObject(o);
    for (int i = 0; t && labels[i]; i++) {
        char *at = strstr(t, labels[i]);
        int m, d;
        if (!at || at == t)
            continue;
        if (sscanf(at + strlen(labels[i]), " %2d-%2d", &m, &d) == 2 && m >= 1 && m <= 12 &&
            d >= 1 && d <= 31) {
            c->dump_month = m;
            c->dump_day = d;
        } else {
            artx_date full;
            if (!artx_date_parse(at, 9 * 60, false, &full))
                continue;
            c->published = full;
            c->published_basis = "board date";
        }
        *at = '\0';
        free(c->title);
        c->title = artx_text_collapse(t);
        break;
    }
    free(t);
}

/* ---- assembling -------------------------------------------------------- */

static void text_el(ctx *c, xmlNodePtr parent, const char *name, const char *text)
{
    xmlNewTextChild(parent, c->ns, BAD_CAST name, BAD_CAST text);
}

static void build_head(ctx *c, xmlNodePtr head)
{
    xmlNodePtr t = new_el(c, head, "title");
    xmlNewProp(t, BAD_CAST "id", BAD_CAST "title");
    if (c->title) {
        char *nfc = artx_text_nfc(c->title);
        xmlNodeAddContent(t, BAD_CAST(nfc ? nfc : c->title));
        free(nfc);
    }
    char buf[64];
    if (c->published.precision >= ARTX_PREC_YEAR) {
        artx_date_format(&c->published, buf, sizeof buf);
        xmlNodePtr p = xmlNewTextChild(head, c->ns, BAD_CAST "published", BAD_CAST buf);
        xmlNewProp(p, BAD_CAST "precision",
                   BAD_CAST artx_precision_name(c->published.precision));
        if (c->published_basis)
            xmlNewProp(p, BAD_CAST "basis", BAD_CAST c->published_basis);
    }
    if (c->modified.precision >= ARTX_PREC_DAY) {
        artx_date_format(&c->modified, buf, sizeof buf);
        xmlNodePtr m = xmlNewTextChild(head, c->ns, BAD_CAST "modified", BAD_CAST buf);
        xmlNewProp(m, BAD_CAST "precision",
                   BAD_CAST artx_precision_name(c->modified.precision));
    }
    for (size_t i = 0; i < c->nauthors; i++) {
        if (!*c->authors[i].name)
            continue;
        xmlNodePtr a = xmlNewTextChild(head, c->ns, BAD_CAST "author",
                                       BAD_CAST c->authors[i].name);
        if (*c->authors[i].email)
            xmlNewProp(a, BAD_CAST "email", BAD_CAST c->authors[i].email);
    }
    if (c->publisher)
        text_el(c, head, "publisher", c->publisher);
    if (c->source) {
        xmlNodePtr s = new_el(c, head, "source");
        xmlNewProp(s, BAD_CAST "href", BAD_CAST c->source);
        if (c->layout && c->layout->site)
            xmlNewProp(s, BAD_CAST "site", BAD_CAST c->layout->site);
    }
    if (c->rights)
        text_el(c, head, "rights", c->rights);
    if (c->tdm) {
        xmlNodePtr r = new_el(c, head, "reservation");
        xmlNewProp(r, BAD_CAST "tdm", BAD_CAST "reserved");
        if (c->tdm_policy)
            xmlNewProp(r, BAD_CAST "policy", BAD_CAST c->tdm_policy);
        xmlNewProp(r, BAD_CAST "basis", BAD_CAST c->tdm_basis);
    }
}

static bool body_has_text(xmlNodePtr body)
{
    for (xmlNodePtr b = body->children; b; b = b->next)
        if (!xmlStrEqual(b->name, BAD_CAST "figure"))
            return true;
    return false;
}

static void ctx_free(ctx *c)
{
    if (c->xp)
        xmlXPathFreeContext(c->xp);
    if (c->ldxp)
        xmlXPathFreeContext(c->ldxp);
    xmlFreeDoc(c->ld);
    xmlFreeDoc(c->out);
    free(c->title);
    free(c->publisher);
    free(c->source);
    free(c->rights);
    free(c->tdm_policy);
    free(c->lang);
    free(c->base_owned);
}

/* An RSS or Atom feed: its first item is the article, its description or
 * content an HTML fragment.  Returns the parsed fragment (caller frees) and
 * fills the head from the item. */
static xmlDocPtr feed_item(ctx *c, xmlNodePtr root)
{
    xmlXPathObjectPtr o = select_nodes(
        c->xp, "(//*[local-name()='item' or local-name()='entry'])[1]", root);
    if (!o)
        return NULL;
    xmlNodePtr item = o->nodesetval->nodeTab[0];
    xmlXPathFreeObject(o);
    c->title = select_text(c->xp, "*[local-name()='title']", item);
    char *d = select_text(c->xp,
                          "*[local-name()='pubDate' or local-name()='published' or "
                          "local-name()='date' or local-name()='updated']", item);
    if (d && artx_date_parse(d, 0, false, &c->published))
        c->published_basis = "feed";
    free(d);
    char *link = select_text(c->xp, "*[local-name()='link']/@href | *[local-name()='link']",
                             item);
    if (link && (!strncmp(link, "http://", 7) || !strncmp(link, "https://", 8)))
        c->source = absolute_url(c, link, true);
    free(link);
    char *author = select_text(c->xp, "*[local-name()='author' or local-name()='creator']",
                               item);
    if (author) {
        artx_byline who[4];
        bool whole;
        size_t n = artx_byline_parse(author, who, 4, &whole);
        if (n)
            for (size_t i = 0; i < n; i++)
                add_author(c, who[i].name, who[i].email);
        else if (plausible_person(c, author))
            add_author(c, author, "");
    }
    free(author);
    xmlChar *html = NULL;
    o = select_nodes(c->xp,
                     "*[local-name()='encoded' or local-name()='content'] | "
                     "*[local-name()='description' or local-name()='summary']", item);
    if (o)
        html = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
    xmlXPathFreeObject(o);
    if (!html)
        return NULL;
    xmlDocPtr frag = htmlReadMemory((const char *)html, xmlStrlen(html), NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    xmlFree(html);
    return frag;
}

static bool is_feed(xmlNodePtr root)
{
    return root && (xmlStrEqual(root->name, BAD_CAST "rss") ||
                    xmlStrEqual(root->name, BAD_CAST "feed") ||
                    xmlStrEqual(root->name, BAD_CAST "RDF"));
}

int artx_normalise(xmlDocPtr page, artx_from from, xmlDocPtr *out, artx_error *err)
{
    ctx c = {0};
    xmlDocPtr frag = NULL;
    int ret = 0;
    *out = NULL;
    xmlNodePtr proot = page ? xmlDocGetRootElement(page) : NULL;
    if (!proot)
        return artx_fail(err, ARTX_ERR_INVALID, "empty document");
    if (proot->ns && xmlStrEqual(proot->ns->href, BAD_CAST ARTX_NS)) {
        *out = xmlCopyDoc(page, 1);
        return *out ? 0 : artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }

    c.page = page;
    c.xp = xmlXPathNewContext(page);
    if (!c.xp) {
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        goto out;
    }
    c.base = page->URL;

    if (is_feed(proot)) {
        frag = feed_item(&c, proot);
        if (!frag) {
            ret = artx_fail(err, ARTX_ERR_NOARTICLE, "feed has no item with content");
            goto out;
        }
        xmlXPathFreeContext(c.xp);
        c.page = frag;
        c.xp = xmlXPathNewContext(frag);
        if (!c.xp) {
            ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
            goto out;
        }
    } else {
        load_json_ld(&c);
        pick_source(&c);
        /* Relative links resolve against <base>, else the page's own URL. */
        char *base = select_text(c.xp, "//base/@href", NULL);
        if (base && (!strncmp(base, "http://", 7) || !strncmp(base, "https://", 8)))
            c.base_owned = base;
        else
            free(base);
        if (c.base_owned)
            c.base = BAD_CAST c.base_owned;
        else if (c.source)
            c.base = BAD_CAST c.source;
        if (from != ARTX_FROM_HTML)
            dump_header(&c);
    }

    find_root(&c);
    if (!c.title)
        c.title = pick_title(&c);

    c.out = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr art = xmlNewNode(NULL, BAD_CAST "article");
    if (!c.out || !art) {
        xmlFreeNode(art);
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        goto out;
    }
    xmlDocSetRootElement(c.out, art);
    c.ns = xmlNewNs(art, BAD_CAST ARTX_NS, NULL);
    xmlSetNs(art, c.ns);
    xmlNewProp(art, BAD_CAST "version", BAD_CAST "1");
    xmlNodePtr head = new_el(&c, art, "head");
    c.body = new_el(&c, art, "body");
    c.container = c.body;

    if (c.root)
        walk(&c, c.root);
    flush(&c);
    finish_body(&c);
    if (!body_has_text(c.body)) {
        ret = artx_fail(err, ARTX_ERR_NOARTICLE, "no article text found");
        goto out;
    }
    number_blocks(&c);
    pick_lang(&c);
    xmlNodeSetLang(art, BAD_CAST c.lang);
    if (!is_feed(proot)) {
        pick_dates(&c);
        pick_rights(&c);
        pick_authors(&c);
    }
    pick_publisher(&c);
    build_head(&c, head);
    *out = c.out;
    c.out = NULL;
out:
    ctx_free(&c);
    xmlFreeDoc(frag);
    return ret;
}
