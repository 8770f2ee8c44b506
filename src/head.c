/* head.c - the article's metadata: what the page says about itself
 * (JSON-LD, <meta>, <link>, a board dump's header line, a feed's item) and
 * what the body gives away (bylines, rights lines, image paths), chosen in
 * a fixed order of trust and written as the article's <head>. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "page.h"

/* schema.org types whose JSON-LD describes the article itself. */
#define LD_TYPES " NewsArticle Article ReportageNewsArticle AnalysisNewsArticle " \
                 "OpinionNewsArticle BackgroundNewsArticle BlogPosting LiveBlogPosting " \
                 "SocialMediaPosting TechArticle ScholarlyArticle Report WebPage "
#define LD_ARTICLE "(//map[string[@key='@type'][contains('" LD_TYPES "',concat(' ',.,' '))]" \
                   " or array[@key='@type']/string[contains('" LD_TYPES "',concat(' ',.,' '))]])[1]"

/* <meta> content by name or property (case-insensitive in the page's
 * spelling is not needed: pages use the documented lowercase names). */
static char *meta(ctx *c, const char *key)
{
    char expr[256];
    snprintf(expr, sizeof expr,
             "//meta[@property='%s' or @name='%s' or @itemprop='%s']/@content", key, key, key);
    return artx_select_text(c->xp, expr, NULL);
}

static char *ld_text(ctx *c, const char *rel)
{
    char expr[1024];
    if (!c->ldxp)
        return NULL;
    snprintf(expr, sizeof expr, "%s/%s", LD_ARTICLE, rel);
    return artx_select_text(c->ldxp, expr, NULL);
}

bool artx_is_rights(const char *t)
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

void artx_set_rights(ctx *c, const char *t)
{
    if (c->rights)
        return;
    c->rights = strdup(t);
    if (reserves_tdm(t) && !c->tdm) {
        c->tdm = true;
        c->tdm_basis = "rights";
    }
}

void artx_add_author(ctx *c, const char *name, const char *email)
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

void artx_load_json_ld(ctx *c)
{
    xmlXPathObjectPtr o =
        artx_select(c->xp, "//script[@type='application/ld+json']", NULL);
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

char *artx_pick_title(ctx *c)
{
    char *t = NULL;
    if (c->layout && c->layout->title)
        t = artx_select_text(c->xp, c->layout->title, NULL);
    if (!t)
        t = ld_text(c, "string[@key='headline']");
    if (!t) {
        char *site = meta(c, "og:site_name");
        t = meta(c, "og:title");
        if (!t)
            t = meta(c, "twitter:title");
        if (!t)
            t = artx_select_text(c->xp, "//head/title", NULL);
        if (t)
            strip_site_suffix(t, site);
        free(site);
    }
    if (!t)
        t = artx_select_text(c->xp, "//h1", NULL);
    return t;
}

static bool parse_date(ctx *c, const char *text, artx_date *d)
{
    bool local = c->lang && (!strncmp(c->lang, "ko", 2) || !strncmp(c->lang, "ja", 2));
    return text && artx_date_parse(text, 9 * 60, local, d);
}

void artx_pick_dates(ctx *c)
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
        t = artx_select_text(c->xp, c->layout->date, NULL);
        basis = "page";
    }
    if (!t) {
        t = artx_select_text(c->xp, "//time/@datetime | //time", c->root);
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

void artx_pick_authors(ctx *c)
{
    xmlXPathObjectPtr o = NULL;
    if (c->ldxp)
        o = artx_select(c->ldxp,
                         LD_ARTICLE "/*[@key='author']/descendant-or-self::map/string[@key='name']"
                         " | " LD_ARTICLE "/*[@key='author']/descendant-or-self::string[not(@key)]"
                         " | " LD_ARTICLE "/string[@key='author']",
                         NULL);
    for (int i = 0; o && i < o->nodesetval->nodeNr; i++) {
        char *name = artx_node_text(o->nodesetval->nodeTab[i]);
        if (name && plausible_person(c, name))
            artx_add_author(c, name, "");
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
            artx_add_author(c, name, "");
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

void artx_pick_publisher(ctx *c)
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

void artx_pick_source(ctx *c)
{
    char *s = artx_select_text(c->xp, "//link[@rel='canonical']/@href", NULL);
    if (!s)
        s = meta(c, "og:url");
    if (!s)
        s = ld_text(c, "string[@key='url']");
    if (!s)
        s = ld_text(c, "map[@key='mainEntityOfPage']/string[@key='@id']");
    if (s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8))) {
        c->source = artx_absolute_url(c, s, true);
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

void artx_pick_lang(ctx *c)
{
    char *v = artx_select_text(c->xp, "/*/@lang | /*/@xml:lang", NULL);
    if (!v)
        v = meta(c, "content-language");
    if (!v)
        v = artx_select_text(c->xp, "//meta[@http-equiv='Content-Language']/@content", NULL);
    if (!v)
        v = ld_text(c, "string[@key='inLanguage']");
    if (!v)
        v = meta(c, "og:locale");
    char *declared = clean_lang(v);
    free(v);

    /* The script of the text overrules a template's wrong lang="en". */
    char *text = artx_node_text(c->body);
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

void artx_pick_rights(ctx *c)
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
    xmlXPathObjectPtr o = artx_select(
        c->xp, "(following::*[self::p or self::div or self::span or self::li or self::address"
               " or self::small or self::em][not(.//p or .//div)])[position() <= 40]",
        c->root);
    for (int i = 0; o && i < o->nodesetval->nodeNr && !c->rights; i++) {
        char *t = artx_node_text(o->nodesetval->nodeTab[i]);
        if (t && *t && artx_is_rights(t))
            artx_set_rights(c, t);
        free(t);
    }
    xmlXPathFreeObject(o);
    if (!c->rights) {
        v = meta(c, "copyright");
        if (v)
            artx_set_rights(c, v);
        free(v);
    }
}

/* A board dump's header line: "TITLE 작성일 MM-DD VIEWS 목록". */
void artx_dump_header(ctx *c)
{
    static const char *const labels[] = {"작성일", "등록일", "작성시간", "등록시간", NULL};
    xmlXPathObjectPtr o = artx_select(c->xp, "(//body//text()[normalize-space()])[1]", NULL);
    char *t = o ? artx_node_text(o->nodesetval->nodeTab[0]) : NULL;
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

static void text_el(ctx *c, xmlNodePtr parent, const char *name, const char *text)
{
    xmlNewTextChild(parent, c->ns, BAD_CAST name, BAD_CAST text);
}

void artx_build_head(ctx *c, xmlNodePtr head)
{
    xmlNodePtr t = artx_new_el(c, head, "title");
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
        xmlNodePtr s = artx_new_el(c, head, "source");
        xmlNewProp(s, BAD_CAST "href", BAD_CAST c->source);
        if (c->layout && c->layout->site)
            xmlNewProp(s, BAD_CAST "site", BAD_CAST c->layout->site);
    }
    if (c->rights)
        text_el(c, head, "rights", c->rights);
    if (c->tdm) {
        xmlNodePtr r = artx_new_el(c, head, "reservation");
        xmlNewProp(r, BAD_CAST "tdm", BAD_CAST "reserved");
        if (c->tdm_policy)
            xmlNewProp(r, BAD_CAST "policy", BAD_CAST c->tdm_policy);
        xmlNewProp(r, BAD_CAST "basis", BAD_CAST c->tdm_basis);
    }
}

/* An RSS or Atom feed: its first item is the article, its description or
 * content an HTML fragment.  Returns the parsed fragment (caller frees) and
 * fills the head from the item. */
xmlDocPtr artx_feed_item(ctx *c, xmlNodePtr root)
{
    xmlXPathObjectPtr o = artx_select(
        c->xp, "(//*[local-name()='item' or local-name()='entry'])[1]", root);
    if (!o)
        return NULL;
    xmlNodePtr item = o->nodesetval->nodeTab[0];
    xmlXPathFreeObject(o);
    c->title = artx_select_text(c->xp, "*[local-name()='title']", item);
    char *d = artx_select_text(c->xp,
                          "*[local-name()='pubDate' or local-name()='published' or "
                          "local-name()='date' or local-name()='updated']", item);
    if (d && artx_date_parse(d, 0, false, &c->published))
        c->published_basis = "feed";
    free(d);
    char *link = artx_select_text(c->xp, "*[local-name()='link']/@href | *[local-name()='link']",
                             item);
    if (link && (!strncmp(link, "http://", 7) || !strncmp(link, "https://", 8)))
        c->source = artx_absolute_url(c, link, true);
    free(link);
    char *author = artx_select_text(c->xp, "*[local-name()='author' or local-name()='creator']",
                               item);
    if (author) {
        artx_byline who[4];
        bool whole;
        size_t n = artx_byline_parse(author, who, 4, &whole);
        if (n)
            for (size_t i = 0; i < n; i++)
                artx_add_author(c, who[i].name, who[i].email);
        else if (plausible_person(c, author))
            artx_add_author(c, author, "");
    }
    free(author);
    xmlChar *html = NULL;
    o = artx_select(c->xp,
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

bool artx_is_feed(xmlNodePtr root)
{
    return root && (xmlStrEqual(root->name, BAD_CAST "rss") ||
                    xmlStrEqual(root->name, BAD_CAST "feed") ||
                    xmlStrEqual(root->name, BAD_CAST "RDF"));
}
