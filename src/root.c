/* root.c - where on the page the article is: the element a known layout
 * names, else the one that scores best as article text (readability's
 * idea, simplified), else <body>. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

#define HAS_CLASS(c) "contains(concat(' ',normalize-space(@class),' '),' " c " ')"

static const artx_layout layouts[] = {
    {"daum",
     /* the innermost article_view: reposts nest an empty shell around it */
     "//div[" HAS_CLASS("article_view") "][not(.//div[" HAS_CLASS("article_view") "])]",
     "//h3[" HAS_CLASS("tit_view") "] | //div[" HAS_CLASS("press") "]/h3",
     "//span[" HAS_CLASS("num_date") "] | //div[" HAS_CLASS("press") "]/h6"
     " | //span[" HAS_CLASS("txt_info") "][contains(.,'입력')]", NULL},
    {"naver",
     "//*[@id='dic_area'] | //*[@id='articleBodyContents'] | //*[@id='newsEndContents']",
     "//*[@id='title_area'] | //h3[@id='articleTitle']"
     " | //h2[contains(@class,'media_end_head_headline')] | //h2[" HAS_CLASS("end_tit") "]",
     "//*[contains(@class,'_ARTICLE_DATE_TIME')]/@data-date-time"
     " | //div[" HAS_CLASS("sponsor") "]//span[" HAS_CLASS("t11") "]", NULL},
    {"mk",
     "//div[" HAS_CLASS("news_cnt_detail_wrap") "]",
     "//h2[" HAS_CLASS("news_ttl") "]",
     "//div[" HAS_CLASS("time_area") "]//dd", NULL},
    {"yonhapnewstv",
     "//div[@id='articleBody'][" HAS_CLASS("detail") "]",
     "//div[" HAS_CLASS("article-head") "]//strong[" HAS_CLASS("title") "]",
     "//ul[" HAS_CLASS("info") "]/li[contains(.,'송고시간')]", NULL},
    {NULL, "//*[@itemprop='articleBody']", NULL, NULL, "itemprop=articleBody"},
    {NULL, "//article", NULL, NULL, "<article>"},
};

static xmlNodePtr largest(const artx_page *pg, const char *expr, size_t *len)
{
    xmlXPathObjectPtr o = artx_select(pg->xp, expr, NULL);
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

/* Elements that hold blocks: a div or section with none of them inside
 * and text of its own is a paragraph, however its text is wrapped (in
 * spans, say). */
#define BLOCK                                                                          \
    "self::div or self::p or self::section or self::article or self::table"           \
    " or self::ul or self::ol or self::dl or self::h1 or self::h2 or self::h3"        \
    " or self::h4 or self::h5 or self::h6 or self::blockquote or self::pre"           \
    " or self::figure or self::form or self::header or self::footer or self::nav"     \
    " or self::aside"

/* What a block of text is worth to its ancestors: one, a point per comma
 * (three at most: a list of names is not prose), and up to five more for
 * its length. */
static double text_score(const char *t, size_t len)
{
    int commas = 0;
    for (const char *q = t; *q && commas < 3; q++)
        commas += *q == ',' || !strncmp(q, "\xef\xbc\x8c", 3) || !strncmp(q, "\xe3\x80\x81", 3);
    return 1 + commas + (len / 100.0 > 5 ? 5 : len / 100.0);
}

/* The candidates: each element that a text block scored for, once. */
typedef struct {
    xmlNodePtr *node;
    double *score;
    size_t n, cap; /* cap: a power of two, at least twice n */
} candidates;

static size_t slot(const candidates *c, xmlNodePtr n)
{
    size_t h = ((uintptr_t)n >> 4) * 0x9E3779B97F4A7C15u;
    size_t i = h & (c->cap - 1);
    while (c->node[i] && c->node[i] != n)
        i = (i + 1) & (c->cap - 1);
    return i;
}

static bool credit(candidates *c, xmlNodePtr n, double s)
{
    if (2 * (c->n + 1) > c->cap) {
        candidates bigger = {.cap = c->cap ? c->cap * 2 : 1024, .n = c->n};
        bigger.node = calloc(bigger.cap, sizeof *bigger.node);
        bigger.score = calloc(bigger.cap, sizeof *bigger.score);
        if (!bigger.node || !bigger.score) {
            free(bigger.node);
            free(bigger.score);
            artx_oom();
            return false;
        }
        for (size_t i = 0; i < c->cap; i++)
            if (c->node[i]) {
                size_t j = slot(&bigger, c->node[i]);
                bigger.node[j] = c->node[i];
                bigger.score[j] = c->score[i];
            }
        free(c->node);
        free(c->score);
        *c = bigger;
    }
    size_t i = slot(c, n);
    if (!c->node[i]) {
        c->node[i] = n;
        c->n++;
    }
    c->score[i] += s;
    return true;
}

/* Named as furniture, itself or its parent (higher up, a site's wrapper
 * of everything may carry any name: "l-wrapper gate-ad"). */
static bool in_furniture(const artx_page *pg, xmlNodePtr n)
{
    for (int k = 0; k < 2 && n && n->type == XML_ELEMENT_NODE; k++, n = n->parent)
        if (artx_is_furniture_named(pg, n))
            return true;
    return false;
}

static bool is_within(xmlNodePtr n, xmlNodePtr top)
{
    for (; n; n = n->parent)
        if (n == top)
            return true;
    return false;
}

/* A body split into sibling sections: when another candidate nearly as
 * good (three fifths of the best score) sits beside the best one, under its
 * parent or grandparent, the article is that ancestor (readability's
 * sibling join, by ancestors: the model's root is one element). */
static xmlNodePtr join_siblings(const candidates *c, xmlNodePtr best, double best_score)
{
    if (!best)
        return NULL;
    xmlNodePtr up = best;
    for (int k = 1; k <= 2; k++) {
        up = up->parent;
        if (!up || up->type != XML_ELEMENT_NODE || artx_name_is(up, "body"))
            break;
        for (size_t j = 0; j < c->cap; j++) {
            xmlNodePtr n = c->node[j];
            if (n && c->score[j] >= 0.6 * best_score && n != up && is_within(n, up) &&
                !is_within(n, best) && !is_within(best, n))
                return up;
        }
    }
    return best;
}

/* Every text block that is not mostly links scores for its ancestors,
 * less the further up (readability's decay: 1, 1/2, then 1/(3 x level));
 * the candidate with the best score, discounted by its share of link
 * text and by a quarter when it is named as furniture, holds the
 * article. */
static xmlNodePtr score_root(const artx_page *pg, double *score)
{
    xmlXPathObjectPtr o = artx_select(
        pg->xp, "//body//*[self::p or self::pre or self::td or self::dd"
                " or ((self::div or self::section) and (text()[normalize-space()]"
                " or (not(*[" BLOCK "]) and normalize-space())))]", NULL);
    if (!o)
        return NULL;
    candidates c = {0};
    bool ok = true;
    for (int i = 0; ok && i < o->nodesetval->nodeNr; i++) {
        xmlNodePtr p = o->nodesetval->nodeTab[i];
        char *t = artx_node_text(p);
        size_t len = t ? strlen(t) : 0;
        if (len >= 40 && artx_link_text_len(p) * 2 < len) {
            double s = text_score(t, len);
            xmlNodePtr up = p->parent;
            for (int level = 0; ok && level < 5 && up && up->type == XML_ELEMENT_NODE;
                 level++, up = up->parent)
                ok = credit(&c, up, s / (level == 0 ? 1 : level == 1 ? 2 : 3.0 * level));
        }
        free(t);
    }
    xmlNodePtr best = NULL;
    double best_score = 0;
    for (size_t j = 0; ok && j < c.cap; j++) {
        if (!c.node[j])
            continue;
        size_t all = artx_text_len(c.node[j]);
        double density = all ? (double)artx_link_text_len(c.node[j]) / (double)all : 1;
        c.score[j] *= (1 - density) * (in_furniture(pg, c.node[j]) || artx_is_hidden(c.node[j]) ? 0.25 : 1);
        if (c.score[j] > best_score) {
            best_score = c.score[j];
            best = c.node[j];
        }
    }
    best = join_siblings(&c, best, best_score);
    *score = best_score;
    free(c.node);
    free(c.score);
    xmlXPathFreeObject(o);
    return best;
}

void artx_find_root(artx_page *pg)
{
    for (size_t i = 0; i < sizeof layouts / sizeof *layouts; i++) {
        size_t len;
        xmlNodePtr r = largest(pg, layouts[i].body, &len);
        /* A bare <article> must hold some text to count. */
        if (r && (layouts[i].site || len >= 200)) {
            pg->root = r;
            pg->layout = &layouts[i];
            pg->root_text = len;
            pg->root_prose = artx_prose_len(pg, r);
            return;
        }
    }
    pg->root = score_root(pg, &pg->root_score);
    if (!pg->root) {
        xmlXPathObjectPtr o = artx_select(pg->xp, "//body", NULL);
        pg->root = o ? o->nodesetval->nodeTab[0] : xmlDocGetRootElement(pg->doc);
        xmlXPathFreeObject(o);
    }
    pg->root_text = artx_text_len(pg->root);
    pg->root_prose = artx_prose_len(pg, pg->root);
}
