/* boilerplate.c - what on a page is not the article: elements that are
 * not content, hidden ones, page furniture named by class or id,
 * navigation lists, and furniture lines (promos, tag lists, end marks)
 * that only their text gives away. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page.h"

#define NAV ARTX_FURNITURE_NAVIGATION
#define COMMENTS ARTX_FURNITURE_COMMENTS
#define SHARE ARTX_FURNITURE_SHARE
#define RELATED ARTX_FURNITURE_RELATED
#define ADS ARTX_FURNITURE_ADS
#define OTHER ARTX_FURNITURE_OTHER

/* A word or part of a class or id value, and what it names (for reports:
 * any of them makes an element furniture). */
typedef struct furniture_name {
    const char *s;
    artx_furniture kind;
} furniture_name;

/* Words of class and id values that mark page furniture.  Matched against
 * the parts of each token split at '_' and '-' ("btn_share" -> btn, share),
 * so "head" or "thread" never match "ad". */
static const furniture_name furniture_words[] = {
    {"ad", ADS}, {"ads", ADS}, {"advert", ADS}, {"advertisement", ADS}, {"banner", ADS},
    {"promo", ADS}, {"sponsored", ADS}, {"adsense", ADS}, {"googleads", ADS},
    {"share", SHARE}, {"sharing", SHARE}, {"sns", SHARE}, {"social", SHARE},
    {"related", RELATED}, {"relation", RELATED}, {"recommend", RELATED}, {"rank", RELATED},
    {"ranking", RELATED}, {"popular", RELATED}, {"most", RELATED}, {"outbrain", RELATED},
    {"taboola", RELATED}, {"dable", RELATED},
    {"comment", COMMENTS}, {"comments", COMMENTS}, {"reply", COMMENTS}, {"replies", COMMENTS},
    {"footer", NAV}, {"gnb", NAV}, {"lnb", NAV}, {"snb", NAV}, {"nav", NAV},
    {"navigation", NAV}, {"menu", NAV}, {"breadcrumb", NAV}, {"breadcrumbs", NAV},
    {"sidebar", NAV}, {"aside", NAV}, {"toolbar", NAV}, {"util", NAV}, {"utility", NAV},
    {"pagination", NAV}, {"paging", NAV}, {"prev", NAV}, {"next", NAV}, {"more", NAV},
    {"widget", OTHER}, {"popup", OTHER}, {"modal", OTHER}, {"layer", OTHER}, {"print", OTHER},
    {"subscribe", OTHER}, {"subscription", OTHER}, {"newsletter", OTHER}, {"login", OTHER},
    {"tag", OTHER}, {"tags", OTHER}, {"hashtag", OTHER}, {"keyword", OTHER},
    {"keywords", OTHER}, {"reporter", OTHER}, {"journalist", OTHER}, {"profile", OTHER},
    {"player", OTHER}, {"vod", OTHER}, {"video", OTHER}, {"btn", OTHER}, {"button", OTHER},
    {"reaction", OTHER}, {"likeit", OTHER}, {"categorization", OTHER}, {"copy", OTHER},
    /* slideshows repeat their captions for every slide */
    {"gallery", OTHER}, {"slideshow", OTHER}, {"carousel", OTHER}, {"lightbox", OTHER},
    {NULL, ARTX_FURNITURE_NONE}};

/* Substrings that mark furniture anywhere in a class or id. */
static const furniture_name furniture_parts[] = {
    {"dable", RELATED}, {"taboola", RELATED}, {"outbrain", RELATED}, {"googlead", ADS},
    {"advert", ADS}, {"kakao", SHARE}, {"facebook", SHARE}, {"twitter", SHARE},
    {"recommend", RELATED}, {"related", RELATED}, {"comment", COMMENTS}, {"share", SHARE},
    /* decks and standfirsts: the model has no place for them (yet) */
    {"subtitle", OTHER}, {"midtitle", OTHER}, {"mid_title", OTHER}, {"sub_title", OTHER},
    {"standfirst", OTHER}, {NULL, ARTX_FURNITURE_NONE}};

static artx_furniture word_furniture(const char *w, size_t n)
{
    for (int i = 0; furniture_words[i].s; i++)
        if (strlen(furniture_words[i].s) == n && !strncasecmp(w, furniture_words[i].s, n))
            return furniture_words[i].kind;
    return ARTX_FURNITURE_NONE;
}

static artx_furniture value_furniture(const char *v)
{
    for (int i = 0; furniture_parts[i].s; i++)
        if (artx_strcasestr(v, furniture_parts[i].s))
            return furniture_parts[i].kind;
    for (const char *p = v; *p;) {
        while (*p && strchr(" _-", *p))
            p++;
        const char *s = p;
        while (*p && !strchr(" _-", *p))
            p++;
        artx_furniture kind = p > s ? word_furniture(s, (size_t)(p - s)) : ARTX_FURNITURE_NONE;
        if (kind)
            return kind;
    }
    return ARTX_FURNITURE_NONE;
}

bool artx_is_hidden(xmlNodePtr n)
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

/* The ASCII letters and digits of `s`, lowercased, into out. */
static void squeeze(const char *s, char *out, size_t size)
{
    size_t o = 0;
    for (; *s && o + 1 < size; s++)
        if (isalnum((unsigned char)*s) && (unsigned char)*s < 0x80)
            out[o++] = (char)tolower((unsigned char)*s);
    out[o] = '\0';
}

/* An id made from the element's own heading and linked to from the page
 * (section "sharing-with-a-single-developer", headed "Sharing with a
 * single developer", the target of a table of contents or a permalink) is
 * an anchor, not a name for furniture. */
static bool is_section_anchor(const artx_page *pg, xmlNodePtr n, const char *id)
{
    xmlNodePtr h = NULL;
    for (xmlNodePtr c = n->children; c && !h; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c->name[0] == 'h' && c->name[1] >= '1' &&
            c->name[1] <= '6' && !c->name[2])
            h = c;
    if (!h || strchr(id, '\'') || strlen(id) > 200)
        return false;
    char *t = artx_node_text(h);
    char a[256], b[256];
    squeeze(id, a, sizeof a);
    squeeze(t ? t : "", b, sizeof b);
    free(t);
    if (!*a || strcmp(a, b))
        return false;
    char expr[256];
    snprintf(expr, sizeof expr, "//a[@href='#%s']", id);
    xmlXPathObjectPtr o = artx_select(pg->xp, expr, NULL);
    xmlXPathFreeObject(o);
    return o != NULL;
}

/* What its class or id names n as: the class first, then an id that is
 * not a section's anchor. */
static artx_furniture furniture_of_names(const artx_page *pg, xmlNodePtr n)
{
    char *cls = artx_attr(n, "class"), *id = artx_attr(n, "id");
    artx_furniture kind = cls ? value_furniture(cls) : ARTX_FURNITURE_NONE;
    if (!kind && id) {
        kind = value_furniture(id);
        if (kind && is_section_anchor(pg, n, id))
            kind = ARTX_FURNITURE_NONE;
    }
    free(cls);
    free(id);
    return kind;
}

static bool named_furniture(const artx_page *pg, xmlNodePtr n)
{
    return furniture_of_names(pg, n) != ARTX_FURNITURE_NONE;
}

bool artx_is_furniture_named(const artx_page *pg, xmlNodePtr n)
{
    return artx_name_is(n, "footer") || artx_name_is(n, "nav") || artx_name_is(n, "aside") ||
           named_furniture(pg, n);
}

artx_furniture artx_furniture_kind(const artx_page *pg, xmlNodePtr n)
{
    static const char *const nav[] = {"nav", "footer", "aside", "header", "menu", NULL};
    return artx_name_in(n, nav) ? ARTX_FURNITURE_NAVIGATION : furniture_of_names(pg, n);
}

size_t artx_prose_len(const artx_page *pg, xmlNodePtr n)
{
    xmlXPathObjectPtr o = artx_select(pg->xp, "descendant-or-self::p[not(ancestor::li)]", n);
    size_t len = 0;
    for (int i = 0; o && i < o->nodesetval->nodeNr; i++)
        len += artx_text_len(o->nodesetval->nodeTab[i]);
    xmlXPathFreeObject(o);
    return len;
}

/* Furniture is recognised by class or id, but an element that holds most
 * of the article's prose (its text, when it has no paragraphs) is never
 * dropped that way: a site that calls its body "article_comment" still
 * gets converted. */
bool artx_is_boilerplate(const artx_page *pg, xmlNodePtr n)
{
    if (artx_is_not_content(n) || artx_is_hidden(n))
        return true;
    if (!named_furniture(pg, n))
        return false;
    /* By its prose where the root has some: a slideshow's captions can
     * outweigh the article they sit in. */
    if (pg->root_prose)
        return artx_prose_len(pg, n) * 2 < pg->root_prose;
    return artx_text_len(n) * 2 < pg->root_text;
}

bool artx_is_link_list(xmlNodePtr n)
{
    size_t all = artx_text_len(n);
    return all == 0 || artx_link_text_len(n) * 2 > all;
}

static bool is_promo(const char *t)
{
    if (artx_starts_with(t, "☞") || artx_starts_with(t, "▶") || artx_starts_with(t, "▷") ||
        artx_starts_with(t, "►") || artx_starts_with(t, "☜"))
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

bool artx_is_furniture_text(const char *t)
{
    return is_promo(t) || is_hashtags(t) || is_end_mark(t);
}
