/* figures.c - photos with their captions and credits: which wrappers hold
 * a photo, which image is the photo (lazy-loading attributes first; icons,
 * spacers and tracking pixels are not), and the credit split off the end
 * of a caption. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page.h"

static const char *const img_src_attrs[] = {
    "data-org-src", "data-original", "data-src", "data-lazy-src", "data-url", "src", NULL};

static const char *const figure_words[] = {"photo", "figure", "image", "img", "picture",
                                           "pic", "imgbox", "photobox", NULL};

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
    bool marked = false;
    for (int i = 0; marks[i] && !marked; i++)
        marked = artx_strcasestr(src, marks[i]) || (cls && artx_strcasestr(cls, marks[i]));
    free(cls);
    return marked;
}

/* The photo's URL: the first source attribute with a usable URL decides,
 * and a decoration there means the image is no photo. */
static char *img_url(const artx_page *pg, xmlNodePtr img)
{
    for (int i = 0; img_src_attrs[i]; i++) {
        char *v = artx_attr(img, img_src_attrs[i]);
        char *u = artx_absolute_url(pg->base, v, false);
        free(v);
        if (u && !img_is_decoration(img, u))
            return u;
        free(u);
        if (u)
            return NULL;
    }
    return NULL;
}

static xmlNodePtr first_img(const artx_page *pg, xmlNodePtr n, char **url)
{
    xmlXPathObjectPtr o = artx_select(pg->xp, ".//img", n);
    xmlNodePtr found = NULL;
    if (artx_name_is(n, "img") && (*url = img_url(pg, n)))
        found = n;
    for (int i = 0; !found && o && i < o->nodesetval->nodeNr; i++)
        if ((*url = img_url(pg, o->nodesetval->nodeTab[i])))
            found = o->nodesetval->nodeTab[i];
    xmlXPathFreeObject(o);
    return found;
}

/* The model's img for a page's img: integer sizes only (Daum writes
 * height="auto"), the original's width where the page gives it. */
static void add_img(xmlNodePtr fig, xmlNodePtr img, const char *url)
{
    xmlNodePtr im = xmlNewChild(fig, fig->ns, BAD_CAST "img", NULL);
    xmlNewProp(im, BAD_CAST "src", BAD_CAST url);
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
}

bool artx_figure_add(const artx_page *pg, xmlNodePtr body, xmlNodePtr wrapper,
                     xmlHashTablePtr seen)
{
    char *url = NULL;
    xmlNodePtr img = first_img(pg, wrapper, &url);
    if (!img)
        return false;
    /* The same photo twice (lazy-loading markup) is one figure. */
    if (xmlHashLookup(seen, BAD_CAST url)) {
        free(url);
        return true;
    }
    /* Out of memory here costs at most a photo twice, never one lost. */
    (void)xmlHashAddEntry(seen, BAD_CAST url, body);
    xmlNodePtr fig = xmlNewChild(body, body->ns, BAD_CAST "figure", NULL);
    add_img(fig, img, url);
    free(url);
    xmlXPathObjectPtr o = artx_select(
        pg->xp,
        ".//figcaption | .//*[contains(@class,'caption') or contains(@class,'desc')"
        " or contains(@class,'cap ') or @class='cap' or contains(@class,'txt_photo')]",
        wrapper);
    xmlNodePtr cap = xmlNewChild(fig, fig->ns, BAD_CAST "caption", NULL);
    if (o)
        artx_inline_copy(pg, o->nodesetval->nodeTab[0], cap);
    else if (artx_name_is(wrapper, "table"))
        artx_inline_copy(pg, wrapper, cap);
    xmlXPathFreeObject(o);
    return true;
}

/* A class that names a photo, as one of its words split at '_' and '-'. */
static bool class_says_photo(const char *cls)
{
    for (const char *p = cls; p && *p;) {
        while (*p && strchr(" _-", *p))
            p++;
        const char *s = p;
        while (*p && !strchr(" _-", *p))
            p++;
        for (int i = 0; figure_words[i]; i++)
            if (strlen(figure_words[i]) == (size_t)(p - s) &&
                !strncasecmp(s, figure_words[i], (size_t)(p - s)))
                return true;
    }
    return false;
}

/* <figure>, or an element whose class says photo and that holds one or two
 * images and little text. */
bool artx_is_figure_wrapper(const artx_page *pg, xmlNodePtr n)
{
    if (artx_name_is(n, "figure"))
        return true;
    if (!artx_name_in(n, (const char *const[]){"div", "span", "table", "p", "dl", NULL}))
        return false;
    char *cls = artx_attr(n, "class");
    bool photo = class_says_photo(cls);
    free(cls);
    if (!photo)
        return false;
    xmlXPathObjectPtr o = artx_select(pg->xp, ".//img", n);
    int imgs = o ? o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    return imgs >= 1 && imgs <= 2 && artx_text_len(n) < 600;
}

void artx_figure_finish(xmlNodePtr fig)
{
    xmlNodePtr cap = fig->children ? fig->children->next : NULL;
    if (!cap)
        return;
    artx_tidy_block(cap);
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
    artx_tidy_block(cap);
    if (credit && *credit)
        xmlNewTextChild(fig, fig->ns, BAD_CAST "credit", BAD_CAST credit);
    free(credit);
}
