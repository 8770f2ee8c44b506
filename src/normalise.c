/* normalise.c - page DOM to article DOM: find the article, drop the page's
 * boilerplate, build urn:artx:article (its <head> comes from head.c).
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

#include "page.h"

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

/* ---- small DOM helpers ------------------------------------------------- */

bool artx_name_is(xmlNodePtr n, const char *name)
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
char *artx_attr(xmlNodePtr n, const char *name)
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
            if (artx_name_is(c, "br"))
                xmlBufferCat(b, BAD_CAST " ");
            else
                append_text(b, c, depth + 1);
        }
    }
}

/* The text under a node (br as a space, scripts skipped), collapsed.
 * Caller frees with free(). */
char *artx_node_text(xmlNodePtr n)
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

size_t artx_text_len(xmlNodePtr n)
{
    char *t = artx_node_text(n);
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
        if (artx_name_is(c, "a"))
            len += artx_text_len(c);
        else
            len += link_text_len(c, depth + 1);
    }
    return len;
}

/* The nodes an XPath expression selects (NULL when none).  Caller frees
 * with xmlXPathFreeObject(). */
xmlXPathObjectPtr artx_select(xmlXPathContextPtr xp, const char *expr,
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
char *artx_select_text(xmlXPathContextPtr xp, const char *expr, xmlNodePtr at)
{
    xmlXPathObjectPtr o = artx_select(xp, expr, at);
    char *t = NULL;
    for (int i = 0; o && i < o->nodesetval->nodeNr && !t; i++) {
        t = artx_node_text(o->nodesetval->nodeTab[i]);
        if (t && !*t) {
            free(t);
            t = NULL;
        }
    }
    xmlXPathFreeObject(o);
    return t;
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
    char *v = artx_attr(n, "aria-hidden");
    bool hidden = v && !strcmp(v, "true");
    free(v);
    if (hidden)
        return true;
    char *style = artx_attr(n, "style");
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
    char *cls = artx_attr(n, "class"), *id = artx_attr(n, "id");
    bool furniture = (cls && value_is_furniture(cls)) || (id && value_is_furniture(id));
    free(cls);
    free(id);
    if (!furniture)
        return false;
    return artx_text_len(n) * 2 < c->root_text;
}

/* ---- output helpers ------------------------------------------------------ */

xmlNodePtr artx_new_el(ctx *c, xmlNodePtr parent, const char *name)
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
    c->para = artx_new_el(c, c->container, "p");
    c->inl = c->para;
    c->explicit_p = explicit_p;
    c->pending_br = NULL;
    c->gen++;
}

/* An absolute URL for href/src, or NULL for what a reader cannot follow.
 * A page read from a file resolves relative references to local paths:
 * right for its images (they can be packaged), useless for its links, so
 * links must come out with a scheme. */
char *artx_absolute_url(ctx *c, const char *v, bool link)
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
    char *ws = artx_attr(img, "width"), *hs = artx_attr(img, "height");
    bool has_w = positive_int(ws, &w), has_h = positive_int(hs, &h);
    bool tiny = (has_w && w <= 32) || (has_h && h <= 32) || (has_w && has_h && w * h < 2500);
    free(ws);
    free(hs);
    if (tiny)
        return true;
    const char *const marks[] = {"logo", "icon", "btn_", "blank.gif", "spacer", "pixel",
                                 "1x1", "banner", NULL};
    char *cls = artx_attr(img, "class");
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
        char *v = artx_attr(img, img_src_attrs[i]);
        char *u = artx_absolute_url(c, v, false);
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
    xmlXPathObjectPtr o = artx_select(c->xp, ".//img", n);
    xmlNodePtr found = NULL;
    if (artx_name_is(n, "img") && (*url = img_url(c, n)))
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
    xmlNodePtr fig = artx_new_el(c, c->body, "figure");
    xmlNodePtr im = artx_new_el(c, fig, "img");
    xmlNewProp(im, BAD_CAST "src", BAD_CAST url);
    free(url);
    long v;
    char *w = artx_attr(img, "data-org-width");
    if (!w)
        w = artx_attr(img, "width");
    if (positive_int(w, &v))
        xmlNewProp(im, BAD_CAST "width", BAD_CAST w);
    free(w);
    char *h = artx_attr(img, "height");
    if (positive_int(h, &v))
        xmlNewProp(im, BAD_CAST "height", BAD_CAST h);
    free(h);
    char *alt = artx_attr(img, "alt");
    if (alt)
        xmlNewProp(im, BAD_CAST "alt", BAD_CAST alt);
    free(alt);

    xmlXPathObjectPtr o = artx_select(
        c->xp,
        ".//figcaption | .//*[contains(@class,'caption') or contains(@class,'desc')"
        " or contains(@class,'cap ') or @class='cap' or contains(@class,'txt_photo')]",
        wrapper);
    xmlNodePtr cap = artx_new_el(c, fig, "caption");
    if (o)
        copy_inline(c, o->nodesetval->nodeTab[0], cap, 0);
    else if (artx_name_is(wrapper, "table"))
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
    if (artx_name_is(n, "figure"))
        return true;
    if (!name_in(n, (const char *const[]){"div", "span", "table", "p", "dl", NULL}))
        return false;
    char *cls = artx_attr(n, "class");
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
    xmlXPathObjectPtr o = artx_select(c->xp, ".//img", n);
    int imgs = o ? o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    return imgs >= 1 && imgs <= 2 && artx_text_len(n) < 600;
}

/* ---- the walk ---------------------------------------------------------- */

static const char *const inline_map[][2] = {
    {"em", "em"}, {"i", "em"}, {"cite", "em"}, {"dfn", "em"},
    {"strong", "strong"}, {"b", "strong"}, {"sub", "sub"}, {"sup", "sup"},
    {NULL, NULL}};

static const char *mapped_inline(xmlNodePtr n)
{
    for (int i = 0; inline_map[i][0]; i++)
        if (artx_name_is(n, inline_map[i][0]))
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
    if (artx_name_is(src, "a")) {
        char *href = artx_attr(src, "href");
        char *u = artx_absolute_url(c, href, true);
        free(href);
        if (!u)
            return NULL;
        xmlNodePtr a = artx_new_el(c, dst, "a");
        xmlNewProp(a, BAD_CAST "href", BAD_CAST u);
        free(u);
        return a;
    }
    const char *m = mapped_inline(src);
    return m ? artx_new_el(c, dst, m) : NULL;
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
        if (n->type != XML_ELEMENT_NODE || is_boilerplate(c, n) || artx_name_is(n, "img") ||
            artx_name_is(n, "ul") || artx_name_is(n, "ol"))
            continue;
        if (artx_name_is(n, "br")) {
            artx_new_el(c, dst, "br");
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
    size_t all = artx_text_len(n);
    return all == 0 || link_text_len(n, 0) * 2 > all;
}

static void add_list(ctx *c, xmlNodePtr src, xmlNodePtr parent, int depth)
{
    xmlNodePtr list = artx_new_el(c, parent, artx_name_is(src, "ol") ? "ol" : "ul");
    for (xmlNodePtr li = src->children; li; li = li->next) {
        if (!artx_name_is(li, "li") || is_boilerplate(c, li))
            continue;
        xmlNodePtr item = artx_new_el(c, list, "li");
        copy_inline(c, li, item, 0);
        if (depth < 8)
            for (xmlNodePtr sub = li->children; sub; sub = sub->next)
                if ((artx_name_is(sub, "ul") || artx_name_is(sub, "ol")) && !is_link_list(sub))
                    add_list(c, sub, item, depth + 1);
    }
}

/* Boxed statements and pull quotes. */
static bool is_quote_box(xmlNodePtr n)
{
    if (artx_name_is(n, "blockquote"))
        return true;
    char *cls = artx_attr(n, "class");
    bool box = cls && (strstr(cls, "ab_box_article") || strstr(cls, "quote") ||
                       strstr(cls, "box_article") || strstr(cls, "article_box"));
    free(cls);
    return box;
}

static void walk_block(ctx *c, xmlNodePtr n)
{
    if (is_figure_wrapper(c, n) || artx_name_is(n, "img")) {
        flush(c);
        /* A <figure> without a usable image leaves nothing worth keeping
         * (its caption describes what is gone); a photo-classed wrapper
         * may hold text after all. */
        if (!add_figure(c, n) && !artx_name_is(n, "img") && !artx_name_is(n, "figure"))
            walk(c, n);
        return;
    }
    if (is_quote_box(n) && c->container == c->body) {
        flush(c);
        c->container = artx_new_el(c, c->body, "blockquote");
        walk(c, n);
        flush(c);
        c->container = c->body;
        return;
    }
    if ((artx_name_is(n, "ul") || artx_name_is(n, "ol"))) {
        flush(c);
        if (is_link_list(n))
            return;
        if (c->container == c->body) {
            add_list(c, n, c->body, 0);
        } else {
            for (xmlNodePtr li = n->children; li; li = li->next)
                if (artx_name_is(li, "li")) {
                    open_para(c, true);
                    copy_inline(c, li, c->para, 0);
                    flush(c);
                }
        }
        return;
    }
    if (name_in(n, (const char *const[]){"h1", "h2", "h3", "h4", "h5", "h6", NULL})) {
        flush(c);
        xmlNodePtr h = artx_new_el(c, c->container, c->container == c->body ? "h2" : "p");
        copy_inline(c, n, h, 0);
        return;
    }
    if (artx_name_is(n, "p") || artx_name_is(n, "pre")) {
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
    c->pending_br = artx_new_el(c, c->inl, "br");
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
        if (artx_name_is(n, "br")) {
            walk_br(c);
            continue;
        }
        if (name_in(n, block_tags) || artx_name_is(n, "img") || is_figure_wrapper(c, n)) {
            walk_block(c, n);
            continue;
        }
        /* inline: copy the element (or unwrap it) and keep walking, so a
         * break inside it still splits the paragraph */
        if (!c->para && artx_text_len(n) == 0)
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
    char *t = artx_node_text(b);
    bool keep = t && *t;
    if (keep && c->title && index < 3 && !strcmp(t, c->title))
        keep = false;
    else if (keep && (is_promo(t) || is_hashtags(t) || is_end_mark(t)))
        keep = false;
    else if (keep && artx_is_rights(t)) {
        artx_set_rights(c, t);
        keep = false;
    } else if (keep && !xmlStrEqual(b->name, BAD_CAST "figure")) {
        artx_byline who[8];
        bool whole;
        size_t n = artx_byline_parse(t, who, 8, &whole);
        for (size_t i = 0; i < n && (whole || index < 2); i++)
            artx_add_author(c, who[i].name, who[i].email);
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
    xmlXPathObjectPtr o = artx_select(c->xp, expr, NULL);
    xmlNodePtr best = NULL;
    *len = 0;
    for (int i = 0; o && i < o->nodesetval->nodeNr; i++) {
        size_t l = artx_text_len(o->nodesetval->nodeTab[i]);
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
    xmlXPathObjectPtr o = artx_select(
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
        char *t = artx_node_text(p);
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
        size_t all = artx_text_len(cand[j]);
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
        xmlXPathObjectPtr o = artx_select(c->xp, "//body", NULL);
        c->root = o ? o->nodesetval->nodeTab[0] : xmlDocGetRootElement(c->page);
        xmlXPathFreeObject(o);
    }
    c->root_text = artx_text_len(c->root);
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

    if (artx_is_feed(proot)) {
        frag = artx_feed_item(&c, proot);
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
        artx_load_json_ld(&c);
        artx_pick_source(&c);
        /* Relative links resolve against <base>, else the page's own URL. */
        char *base = artx_select_text(c.xp, "//base/@href", NULL);
        if (base && (!strncmp(base, "http://", 7) || !strncmp(base, "https://", 8)))
            c.base_owned = base;
        else
            free(base);
        if (c.base_owned)
            c.base = BAD_CAST c.base_owned;
        else if (c.source)
            c.base = BAD_CAST c.source;
        if (from != ARTX_FROM_HTML)
            artx_dump_header(&c);
    }

    find_root(&c);
    if (!c.title)
        c.title = artx_pick_title(&c);

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
    xmlNodePtr head = artx_new_el(&c, art, "head");
    c.body = artx_new_el(&c, art, "body");
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
    artx_pick_lang(&c);
    xmlNodeSetLang(art, BAD_CAST c.lang);
    if (!artx_is_feed(proot)) {
        artx_pick_dates(&c);
        artx_pick_rights(&c);
        artx_pick_authors(&c);
    }
    artx_pick_publisher(&c);
    artx_build_head(&c, head);
    *out = c.out;
    c.out = NULL;
out:
    ctx_free(&c);
    xmlFreeDoc(frag);
    return ret;
}
