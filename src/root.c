/* root.c - where on the page the article is: the element a known layout
 * names, else the one that scores best as article text (readability's
 * idea, simplified), else <body>. */
#include <stdlib.h>

#include "page.h"

#define HAS_CLASS(c) "contains(concat(' ',normalize-space(@class),' '),' " c " ')"

static const artx_layout layouts[] = {
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

/* What a block of text is worth to its parents: one, a point per comma,
 * and up to three more for its length. */
static double text_score(const char *t, size_t len)
{
    double s = 1;
    for (const char *q = t; *q; q++)
        s += *q == ',';
    return s + (len / 300.0 > 3 ? 3 : len / 300.0);
}

/* Every text block scores for its parent (and half for the grandparent);
 * the candidate with the best score, discounted by its share of link
 * text, holds the article. */
static xmlNodePtr score_root(const artx_page *pg)
{
    xmlXPathObjectPtr o = artx_select(
        pg->xp, "//body//*[self::p or self::pre or self::td or self::dd"
                " or (self::div and text()[normalize-space()])]", NULL);
    xmlNodePtr best = NULL;
    double best_score = 0;
    if (!o)
        return NULL;
    int n = o->nodesetval->nodeNr;
    double *score = calloc((size_t)n * 2, sizeof *score);
    xmlNodePtr *cand = calloc((size_t)n * 2, sizeof *cand);
    int ncand = 0;
    if (!score || !cand)
        artx_oom();
    for (int i = 0; score && cand && i < n; i++) {
        xmlNodePtr p = o->nodesetval->nodeTab[i];
        char *t = artx_node_text(p);
        size_t len = t ? strlen(t) : 0;
        if (len >= 40) {
            double s = text_score(t, len);
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
        double density = all ? (double)artx_link_text_len(cand[j]) / (double)all : 1;
        double s = score[j] * (1 - density);
        if (s > best_score && !artx_is_hidden(cand[j])) {
            best_score = s;
            best = cand[j];
        }
    }
    free(score);
    free(cand);
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
            return;
        }
    }
    pg->root = score_root(pg);
    if (!pg->root) {
        xmlXPathObjectPtr o = artx_select(pg->xp, "//body", NULL);
        pg->root = o ? o->nodesetval->nodeTab[0] : xmlDocGetRootElement(pg->doc);
        xmlXPathFreeObject(o);
    }
    pg->root_text = artx_text_len(pg->root);
}
