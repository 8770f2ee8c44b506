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
static char *meta(const artx_page *pg, const char *key)
{
    char expr[256];
    snprintf(expr, sizeof expr,
             "//meta[@property='%s' or @name='%s' or @itemprop='%s']/@content", key, key, key);
    return artx_select_text(pg->xp, expr, NULL);
}

static char *ld_text(const artx_meta *m, const char *rel)
{
    char expr[1024];
    if (!m->ldxp)
        return NULL;
    snprintf(expr, sizeof expr, "%s/%s", LD_ARTICLE, rel);
    char *t = artx_select_text(m->ldxp, expr, NULL);
    /* JSON-LD is plain text, but sites write it from their HTML. */
    if (t)
        artx_text_unescape(t);
    return t;
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

void artx_set_rights(artx_meta *m, const char *t)
{
    if (m->rights)
        return;
    m->rights = artx_strdup(t);
    if (reserves_tdm(t) && !m->tdm) {
        m->tdm = true;
        m->tdm_basis = "rights";
    }
}

void artx_add_author(artx_meta *m, const char *name, const char *email)
{
    for (size_t i = 0; i < m->nauthors; i++) {
        artx_byline *a = &m->authors[i];
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
        for (size_t i = 0; i < m->nauthors; i++)
            if (!*m->authors[i].email) {
                snprintf(m->authors[i].email, sizeof m->authors->email, "%s", email);
                return;
            }
    if (m->nauthors < ARTX_MAX_AUTHORS && (*name || *email)) {
        snprintf(m->authors[m->nauthors].name, sizeof m->authors->name, "%s", name);
        snprintf(m->authors[m->nauthors].email, sizeof m->authors->email, "%s", email);
        m->nauthors++;
    }
}

static void load_json_ld(artx_meta *m, const artx_page *pg)
{
    xmlXPathObjectPtr o =
        artx_select(pg->xp, "//script[@type='application/ld+json']", NULL);
    for (int i = 0; o && i < o->nodesetval->nodeNr; i++) {
        xmlChar *text = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
        if (!text)
            continue;
        if (!m->ld) {
            m->ld = xmlNewDoc(BAD_CAST "1.0");
            xmlDocSetRootElement(m->ld, xmlNewNode(NULL, BAD_CAST "ld"));
        }
        artx_json_to_xml((const char *)text, (size_t)xmlStrlen(text),
                         xmlDocGetRootElement(m->ld));
        xmlFree(text);
    }
    xmlXPathFreeObject(o);
    if (m->ld)
        m->ldxp = xmlXPathNewContext(m->ld);
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

static char *pick_title(const artx_meta *m, const artx_page *pg)
{
    char *t = NULL;
    if (pg->layout && pg->layout->title)
        t = artx_select_text(pg->xp, pg->layout->title, NULL);
    if (!t)
        t = ld_text(m, "string[@key='headline']");
    if (!t) {
        char *site = meta(pg, "og:site_name");
        t = meta(pg, "og:title");
        if (!t)
            t = meta(pg, "twitter:title");
        if (!t)
            t = artx_select_text(pg->xp, "//head/title", NULL);
        if (t)
            strip_site_suffix(t, site);
        free(site);
    }
    if (!t)
        t = artx_select_text(pg->xp, "//h1", NULL);
    return t;
}

static bool parse_date(const artx_meta *m, const char *text, artx_date *d)
{
    bool local = m->lang && (!strncmp(m->lang, "ko", 2) || !strncmp(m->lang, "ja", 2));
    return text && artx_date_parse(text, 9 * 60, local, d);
}

static void pick_dates(artx_meta *m, const artx_page *pg, xmlNodePtr body)
{
    static const char *const meta_keys[] = {
        "article:published_time", "og:article:published_time", "datePublished",
        "pubdate", "publishdate", "date", "DC.date.issued", "dc.date", "sailthru.date",
        "parsely-pub-date", "article:published", NULL};
    char *t = ld_text(m, "string[@key='datePublished']");
    const char *basis = "json-ld";
    for (int i = 0; !t && meta_keys[i]; i++) {
        t = meta(pg, meta_keys[i]);
        basis = "meta";
    }
    if (!t && pg->layout && pg->layout->date) {
        t = artx_select_text(pg->xp, pg->layout->date, NULL);
        basis = "page";
    }
    if (!t) {
        t = artx_select_text(pg->xp, "//time/@datetime | //time", pg->root);
        basis = "page";
    }
    if (parse_date(m, t, &m->published))
        m->published_basis = basis;
    free(t);

    t = ld_text(m, "string[@key='dateModified']");
    if (!t)
        t = meta(pg, "article:modified_time");
    if (!t)
        t = meta(pg, "article:modified");
    if (parse_date(m, t, &m->modified) && m->modified.precision < ARTX_PREC_DAY)
        m->modified.precision = ARTX_PREC_NONE;
    free(t);

    /* A board dump gives MM-DD only: the year comes from a date-stamped
     * image path that agrees with it, or stays unknown. */
    if (m->published.precision == ARTX_PREC_NONE && m->dump_month) {
        for (xmlNodePtr f = body->children; f; f = f->next) {
            if (!xmlStrEqual(f->name, BAD_CAST "figure"))
                continue;
            xmlChar *src = xmlGetProp(f->children, BAD_CAST "src");
            int y = src ? artx_date_year_from_url((const char *)src, m->dump_month,
                                                  m->dump_day) : 0;
            xmlFree(src);
            if (y) {
                m->published = (artx_date){.year = y, .month = m->dump_month,
                                           .day = m->dump_day, .precision = ARTX_PREC_DAY};
                m->published_basis = "board date, year from image path";
                break;
            }
        }
    }
}

static bool plausible_person(const artx_meta *m, const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 60 || strchr(name, '|') || strstr(name, "http") ||
        strstr(name, "네이버") || strstr(name, "뉴스"))
        return false;
    return !m->publisher || strcmp(name, m->publisher) != 0;
}

/* A name from metadata, which some sites give with its role ("이정화
 * 에디터", "홍길동 기자"): the person the byline rules find in it, else the
 * name as it is. */
static void add_named(artx_meta *m, const char *name)
{
    artx_byline b[1];
    bool whole = false;
    if (artx_byline_parse(name, b, 1, &whole) == 1 && whole)
        artx_add_author(m, b[0].name, b[0].email);
    else
        artx_add_author(m, name, "");
}

static void pick_authors(artx_meta *m, const artx_page *pg)
{
    xmlXPathObjectPtr o = NULL;
    if (m->ldxp)
        o = artx_select(m->ldxp,
                         LD_ARTICLE "/*[@key='author']/descendant-or-self::map/string[@key='name']"
                         " | " LD_ARTICLE "/*[@key='author']/descendant-or-self::string[not(@key)]"
                         " | " LD_ARTICLE "/string[@key='author']",
                         NULL);
    for (int i = 0; o && i < o->nodesetval->nodeNr; i++) {
        char *name = artx_node_text(o->nodesetval->nodeTab[i]);
        if (name && plausible_person(m, name))
            add_named(m, name);
        free(name);
    }
    xmlXPathFreeObject(o);
    if (m->nauthors)
        return;
    static const char *const keys[] = {"author", "byl", "article:author", "dable:author",
                                       "parsely-author", "sailthru.author", NULL};
    for (int i = 0; keys[i] && !m->nauthors; i++) {
        char *v = meta(pg, keys[i]);
        const char *name = v;
        if (v && !strncasecmp(v, "by ", 3))
            name = v + 3;
        if (name && plausible_person(m, name))
            add_named(m, name);
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
        else if (artx_starts_with(after, "©"))
            after += strlen("©");
        else if (artx_starts_with(after, "ⓒ"))
            after += strlen("ⓒ");
        else
            break;
    }
    size_t n = 0;
    while (after[n] && !strchr("(,.[]|", after[n]) && !artx_starts_with(after + n, " All") &&
           !artx_starts_with(after + n, " all") && !artx_starts_with(after + n, " 무단") &&
           !artx_starts_with(after + n, " (") && !artx_starts_with(after + n, " http"))
        n++;
    while (n > 0 && after[n - 1] == ' ')
        n--;
    if (n == 0 || n > 60)
        return NULL;
    char *holder = strndup(after, n);
    if (!holder)
        artx_oom();
    return holder;
}

static void pick_publisher(artx_meta *m, const artx_page *pg, xmlNodePtr body)
{
    char *p = ld_text(m, "map[@key='publisher']/string[@key='name']");
    if (!p) {
        p = meta(pg, "og:site_name");
        /* Portals name themselves, not the press. */
        if (p && (strstr(p, "네이버") || strstr(p, "Daum") || strstr(p, "다음") ||
                  artx_strcasestr(p, "naver"))) {
            free(p);
            p = NULL;
        }
    }
    if (!p && m->source) {
        const char *oid = strstr(m->source, "oid=");
        char key[8] = "";
        if (oid)
            snprintf(key, sizeof key, "%.3s", oid + 4);
        else if ((oid = strstr(m->source, "/article/")))
            snprintf(key, sizeof key, "%.3s", oid + 9);
        const char *name = *key ? artx_publisher_lookup(key) : NULL;
        if (name)
            p = artx_strdup(name);
    }
    if (!p) {
        /* Daum's image paths name the press: .../news/YYYYMM/DD/PRESS/... */
        for (xmlNodePtr f = body->children; f && !p; f = f->next) {
            if (!xmlStrEqual(f->name, BAD_CAST "figure"))
                continue;
            xmlChar *src = xmlGetProp(f->children, BAD_CAST "src");
            const char *s = src ? strstr((const char *)src, "/news/") : NULL;
            char code[32];
            if (s && sscanf(s, "/news/%*6d/%*2d/%31[a-z0-9]/", code) == 1) {
                const char *name = artx_publisher_lookup(code);
                if (name)
                    p = artx_strdup(name);
            }
            xmlFree(src);
        }
    }
    for (size_t i = 0; !p && i < m->nauthors; i++) {
        const char *at = strchr(m->authors[i].email, '@');
        const char *name = at ? artx_publisher_lookup(at + 1) : NULL;
        if (name)
            p = artx_strdup(name);
    }
    if (!p)
        p = meta(pg, "twitter:creator");
    if (!p && m->rights)
        p = holder_of_rights(m->rights);
    if (p && (*p == '@' || !*p)) {
        free(p);
        p = NULL;
    }
    m->publisher = p;
}

static void pick_source(artx_meta *m, const artx_page *pg)
{
    char *s = artx_select_text(pg->xp, "//link[@rel='canonical']/@href", NULL);
    if (!s)
        s = meta(pg, "og:url");
    if (!s)
        s = ld_text(m, "string[@key='url']");
    if (!s)
        s = ld_text(m, "map[@key='mainEntityOfPage']/string[@key='@id']");
    if (s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8))) {
        m->source = artx_absolute_url(pg->base, s, true);
    }
    free(s);
}

/* A BCP 47 tag from a page's spelling: "ko_KR" -> "ko-KR". */
static char *clean_lang(const char *v)
{
    if (!v)
        return NULL;
    char *l = artx_strdup(v);
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

static void pick_lang(artx_meta *m, const artx_page *pg, xmlNodePtr body)
{
    char *v = artx_select_text(pg->xp, "/*/@lang | /*/@xml:lang", NULL);
    if (!v)
        v = meta(pg, "content-language");
    if (!v)
        v = artx_select_text(pg->xp, "//meta[@http-equiv='Content-Language']/@content", NULL);
    if (!v)
        v = ld_text(m, "string[@key='inLanguage']");
    if (!v)
        v = meta(pg, "og:locale");
    char *declared = clean_lang(v);
    free(v);

    /* The script of the text overrules a template's wrong lang="en". */
    char *text = artx_node_text(body);
    const char *guess = text ? artx_text_guess_lang(text) : NULL;
    if (!guess && m->title)
        guess = artx_text_guess_lang(m->title);
    free(text);
    if (guess && (!declared || strncasecmp(declared, guess, 2) != 0)) {
        free(declared);
        declared = artx_strdup(guess);
    }
    m->lang = declared ? declared : artx_strdup("und");
}

static void pick_rights(artx_meta *m, const artx_page *pg)
{
    char *v = meta(pg, "tdm-reservation");
    if (v && !strcmp(v, "1")) {
        m->tdm = true;
        m->tdm_basis = "meta";
        m->tdm_policy = meta(pg, "tdm-policy");
    }
    free(v);
    if (m->rights)
        return;
    /* The rights line often sits just after the article. */
    xmlXPathObjectPtr o = artx_select(
        pg->xp, "(following::*[self::p or self::div or self::span or self::li or self::address"
               " or self::small or self::em][not(.//p or .//div)])[position() <= 40]",
        pg->root);
    for (int i = 0; o && i < o->nodesetval->nodeNr && !m->rights; i++) {
        char *t = artx_node_text(o->nodesetval->nodeTab[i]);
        if (t && *t && artx_is_rights(t))
            artx_set_rights(m, t);
        free(t);
    }
    xmlXPathFreeObject(o);
    if (!m->rights) {
        v = meta(pg, "copyright");
        if (v)
            artx_set_rights(m, v);
        free(v);
    }
}

/* A board dump's header line: "TITLE 작성일 MM-DD VIEWS 목록". */
static void dump_header(artx_meta *m, const artx_page *pg)
{
    static const char *const labels[] = {"작성일", "등록일", "작성시간", "등록시간", NULL};
    xmlXPathObjectPtr o = artx_select(pg->xp, "(//body//text()[normalize-space()])[1]", NULL);
    char *t = o ? artx_node_text(o->nodesetval->nodeTab[0]) : NULL;
    xmlXPathFreeObject(o);
    for (int i = 0; t && labels[i]; i++) {
        char *at = strstr(t, labels[i]);
        int mon, d;
        if (!at || at == t)
            continue;
        if (sscanf(at + strlen(labels[i]), " %2d-%2d", &mon, &d) == 2 && mon >= 1 && mon <= 12 &&
            d >= 1 && d <= 31) {
            m->dump_month = mon;
            m->dump_day = d;
        } else {
            artx_date full;
            if (!artx_date_parse(at, 9 * 60, false, &full))
                continue;
            m->published = full;
            m->published_basis = "board date";
        }
        m->dump = true;
        *at = '\0';
        free(m->title);
        m->title = artx_text_collapse(t);
        break;
    }
    free(t);
}

static void text_el(xmlNodePtr parent, const char *name, const char *text)
{
    xmlNewTextChild(parent, parent->ns, BAD_CAST name, BAD_CAST text);
}

void artx_meta_write(const artx_meta *m, const artx_page *pg, xmlNodePtr head)
{
    xmlNodePtr t = xmlNewChild(head, head->ns, BAD_CAST "title", NULL);
    xmlNewProp(t, BAD_CAST "id", BAD_CAST "title");
    if (m->title) {
        char *nfc = artx_text_nfc(m->title);
        xmlNodeAddContent(t, BAD_CAST(nfc ? nfc : m->title));
        free(nfc);
    }
    char buf[64];
    if (m->published.precision >= ARTX_PREC_YEAR) {
        artx_date_format(&m->published, buf, sizeof buf);
        xmlNodePtr p = xmlNewTextChild(head, head->ns, BAD_CAST "published", BAD_CAST buf);
        xmlNewProp(p, BAD_CAST "precision",
                   BAD_CAST artx_precision_name(m->published.precision));
        if (m->published_basis)
            xmlNewProp(p, BAD_CAST "basis", BAD_CAST m->published_basis);
    }
    if (m->modified.precision >= ARTX_PREC_DAY) {
        artx_date_format(&m->modified, buf, sizeof buf);
        xmlNodePtr mod = xmlNewTextChild(head, head->ns, BAD_CAST "modified", BAD_CAST buf);
        xmlNewProp(mod, BAD_CAST "precision",
                   BAD_CAST artx_precision_name(m->modified.precision));
    }
    for (size_t i = 0; i < m->nauthors; i++) {
        if (!*m->authors[i].name)
            continue;
        xmlNodePtr a = xmlNewTextChild(head, head->ns, BAD_CAST "author",
                                       BAD_CAST m->authors[i].name);
        if (*m->authors[i].email)
            xmlNewProp(a, BAD_CAST "email", BAD_CAST m->authors[i].email);
    }
    if (m->publisher)
        text_el(head, "publisher", m->publisher);
    if (m->source) {
        xmlNodePtr s = xmlNewChild(head, head->ns, BAD_CAST "source", NULL);
        xmlNewProp(s, BAD_CAST "href", BAD_CAST m->source);
        if (pg->layout && pg->layout->site)
            xmlNewProp(s, BAD_CAST "site", BAD_CAST pg->layout->site);
    }
    if (m->rights)
        text_el(head, "rights", m->rights);
    if (m->tdm) {
        xmlNodePtr r = xmlNewChild(head, head->ns, BAD_CAST "reservation", NULL);
        xmlNewProp(r, BAD_CAST "tdm", BAD_CAST "reserved");
        if (m->tdm_policy)
            xmlNewProp(r, BAD_CAST "policy", BAD_CAST m->tdm_policy);
        xmlNewProp(r, BAD_CAST "basis", BAD_CAST m->tdm_basis);
    }
}

void artx_meta_clear(artx_meta *m)
{
    if (m->ldxp)
        xmlXPathFreeContext(m->ldxp);
    xmlFreeDoc(m->ld);
    free(m->title);
    free(m->publisher);
    free(m->source);
    free(m->rights);
    free(m->tdm_policy);
    free(m->lang);
    memset(m, 0, sizeof *m);
}

void artx_meta_from_page(artx_meta *m, const artx_page *pg, bool dump)
{
    load_json_ld(m, pg);
    pick_source(m, pg);
    if (dump)
        dump_header(m, pg);
}

void artx_meta_pick_title(artx_meta *m, const artx_page *pg)
{
    if (!m->title)
        m->title = pick_title(m, pg);
}

void artx_meta_from_feed(artx_meta *m, const artx_page *pg, const artx_feed_item *item)
{
    if (item->title && !m->title)
        m->title = artx_strdup(item->title);
    if (item->date && artx_date_parse(item->date, 0, false, &m->published))
        m->published_basis = "feed";
    if (item->link && (artx_starts_with(item->link, "http://") ||
                       artx_starts_with(item->link, "https://")))
        m->source = artx_absolute_url(pg->base, item->link, true);
    if (item->author) {
        artx_byline who[4];
        bool whole;
        size_t n = artx_byline_parse(item->author, who, 4, &whole);
        for (size_t i = 0; i < n; i++)
            artx_add_author(m, who[i].name, who[i].email);
        if (!n && plausible_person(m, item->author))
            artx_add_author(m, item->author, "");
    }
}

void artx_meta_from_body(artx_meta *m, const artx_page *pg, xmlNodePtr body, bool from_feed)
{
    pick_lang(m, pg, body);
    if (!from_feed) {
        pick_dates(m, pg, body);
        pick_rights(m, pg);
        pick_authors(m, pg);
    }
    pick_publisher(m, pg, body);
}
