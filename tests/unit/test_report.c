/* test_report.c - what a conversion reports (artx -v): artx_normalise_report()
 * on small pages (kind, finder, what was dropped and lifted, and that a
 * report changes nothing of the article), artx_article_summarise() and
 * artx_xliff_units(). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "xpath_helpers.h"

/* Two paragraphs long enough for a bare <article> to count (200 bytes),
 * with commas for the scoring finder. */
#define LONG_EN \
    "The council said on Tuesday that the new library, the third in the district, will open " \
    "in March, with a reading room, a cafe and a hall for talks on three evenings a week."
#define LONG_EN2 \
    "Residents had asked for longer opening hours, the council said, and the library will " \
    "stay open until ten at night, on weekends too, once the staff have been hired."
#define HTML_HEAD "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body>"
#define HTML_TAIL "</body></html>"
#define LONG_PS "<p>" LONG_EN "</p><p>" LONG_EN2 "</p>"

/* Read `html`, normalise it with a report and without one; the two
 * articles must be the same.  Returns the article (the caller frees it),
 * NULL when either failed. */
static xmlDocPtr report_at(const char *file, int line, const char *html, artx_from from,
                           artx_page_report *r)
{
    artx_error err = {0};
    xmlDocPtr page = NULL, with = NULL, without = NULL;
    if (!harness_int_eq(artx_read((const unsigned char *)html, strlen(html), NULL, from,
                                  &page, &err), 0, file, line, "artx_read"))
        return NULL;
    memset(r, 0xA5, sizeof *r); /* the report is zeroed, whatever it held */
    int rc = artx_normalise_report(page, from, &with, r, &err);
    harness_int_eq(rc, 0, file, line, "artx_normalise_report succeeds");
    harness_int_eq(artx_normalise(page, from, &without, &err), 0, file, line,
                   "artx_normalise succeeds");
    char *a = xml_serialise(with), *b = xml_serialise(without);
    harness_ok(a && b && !strcmp(a, b), file, line, "a report changes nothing of the article");
    free(a);
    free(b);
    xmlFreeDoc(without);
    xmlFreeDoc(page);
    return with;
}
#define REPORT(html, r) report_at(__FILE__, __LINE__, (html), ARTX_FROM_AUTO, (r))

static void test_finders(void)
{
    artx_page_report r;
    xmlDocPtr art = REPORT(
        HTML_HEAD "<h3 class=\"tit_view\">다음 기사의 제목</h3><div class=\"article_view\">"
                  "<section><p>다음 본문은 짧다.</p></section></div>" HTML_TAIL, &r);
    INT_EQ(r.kind, ARTX_KIND_HTML, "site rule: an html page");
    INT_EQ(r.finder, ARTX_FINDER_SITE, "site rule: found by it");
    STR_EQ(r.rule, "daum", "site rule: named by its site");
    OK(r.score == 0, "site rule: no score");
    xmlFreeDoc(art);

    art = REPORT(HTML_HEAD "<article>" LONG_PS "</article>" HTML_TAIL, &r);
    INT_EQ(r.finder, ARTX_FINDER_LAYOUT, "<article>: a generic layout rule");
    STR_EQ(r.rule, "<article>", "<article>: named");
    xmlFreeDoc(art);

    art = REPORT(HTML_HEAD "<div id=\"main\">" LONG_PS "</div>" HTML_TAIL, &r);
    INT_EQ(r.finder, ARTX_FINDER_SCORING, "no layout: the scoring finder");
    STR_EQ(r.rule, NULL, "scoring: no rule");
    OK(r.score > 2, "scoring: the root's score (two paragraphs with commas)");
    xmlFreeDoc(art);

    art = REPORT(HTML_HEAD "짧은 글 하나뿐인 페이지의 본문." HTML_TAIL, &r);
    INT_EQ(r.finder, ARTX_FINDER_BODY, "nothing scores: the whole body");
    xmlFreeDoc(art);
}

static void test_kinds(void)
{
    artx_page_report r;
    xmlDocPtr art = REPORT("서울시 새 도서관 문 연다 작성일 12-04 41 목록 "
                           "<div class=\"article_view\"><p>서울시는 새 도서관이 문을 연다고 "
                           "4일 밝혔다.</p></div> 관련자료 이전", &r);
    INT_EQ(r.kind, ARTX_KIND_DUMP, "a header line: a board dump");
    xmlFreeDoc(art);

    art = REPORT("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                 "<item><title>첫 항목 제목</title><description><![CDATA[<p>첫 항목의 "
                 "본문이다.</p><p>둘째 문단이다.</p>]]></description></item></channel></rss>\n",
                 &r);
    INT_EQ(r.kind, ARTX_KIND_FEED, "rss: a feed");
    xmlFreeDoc(art);

    art = REPORT("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"en\">"
                 "<head><title id=\"title\">As it was</title></head>"
                 "<body><p id=\"p1\">Kept as is.</p></body></article>", &r);
    INT_EQ(r.kind, ARTX_KIND_ARTICLE, "article xml: its kind");
    INT_EQ(r.finder, ARTX_FINDER_NONE, "article xml: nothing looked for");
    xmlFreeDoc(art);

    STR_EQ(artx_kind_name(ARTX_KIND_HTML), "html page", "kind name: html");
    STR_EQ(artx_kind_name(ARTX_KIND_DUMP), "board dump", "kind name: dump");
    STR_EQ(artx_kind_name(ARTX_KIND_XLIFF20), "xliff 2.0", "kind name: xliff 2.0");
}

static void test_dropped(void)
{
    artx_page_report r;
    xmlDocPtr art = REPORT(
        HTML_HEAD "<article><h1>예산 기사의 제목</h1>" LONG_PS
                  "<script>var s = 1;</script><nav>내비게이션</nav><footer>바닥글</footer>"
                  "<div hidden>숨김</div><div style=\"display:none\">스타일숨김</div>"
                  "<div class=\"btn_share\">공유하기</div><div class=\"top-ad\">광고</div>"
                  "<div class=\"related-news\">관련기사</div>"
                  "<div id=\"comment_box\">댓글</div><div class=\"tag_list\">태그</div>"
                  "<ul><li><a href=\"/1\">링크 하나</a></li><li><a href=\"/2\">링크 둘</a></li></ul>"
                  "<p>▶ 구독하기 바로가기</p><p>#예산 #국회</p>"
                  "<p>Copyright © 예산일보. All rights reserved.</p>"
                  "</article>" HTML_TAIL, &r);
    INT_EQ(r.hidden, 2, "dropped: hidden attribute and display:none");
    INT_EQ(r.navigation, 3, "dropped: nav, footer and a link list (a script is not counted)");
    INT_EQ(r.share, 1, "dropped: the share buttons");
    INT_EQ(r.ads, 1, "dropped: the ad");
    INT_EQ(r.related, 1, "dropped: the related articles");
    INT_EQ(r.comments, 1, "dropped: the comments (by id)");
    INT_EQ(r.other, 1, "dropped: the tag list");
    INT_EQ(r.promo, 2, "lifted: a promo line and a hashtag list");
    INT_EQ(r.rights, 1, "lifted: the copyright line");
    XP_INT_EQ(art, "count(/a:article/a:body/a:p)", 2, "only the two paragraphs are kept");
    xmlFreeDoc(art);

    /* Only the report is wanted: no article comes back, and a failure
     * still says how far the work got. */
    static const char links[] = HTML_HEAD "<div><a href=\"/1\">링크</a></div>" HTML_TAIL;
    artx_error err = {0};
    xmlDocPtr page = NULL;
    artx_read((const unsigned char *)links, sizeof links - 1, NULL, ARTX_FROM_AUTO, &page, &err);
    INT_EQ(artx_normalise_report(page, ARTX_FROM_AUTO, NULL, &r, &err), ARTX_ERR_NOARTICLE,
           "no article: refused with out NULL");
    INT_EQ(r.kind, ARTX_KIND_HTML, "no article: the kind is known");
    OK(r.finder != ARTX_FINDER_NONE, "no article: the finder is known");
    xmlFreeDoc(page);
}

static void test_summary(void)
{
    artx_segmenter *seg = NULL;
    artx_error err = {0};
    artx_article_summary s;
    INT_EQ(artx_segmenter_new(NULL, &seg, &err), 0, "the built-in rules");
    xmlDocPtr art = article_parse(
        "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"ko\"><head>"
        "<title id=\"title\">제목이다. 둘째 문장.</title></head><body>"
        "<p id=\"p1\">첫 문장이다. 둘째 문장이다.</p><h2 id=\"h1\">소제목</h2>"
        "<figure id=\"f1\"><img src=\"https://e.example/a.jpg\"/>"
        "<caption id=\"f1.c\">사진 설명.</caption></figure>"
        "<ul id=\"l1\"><li id=\"l1.i1\">항목.</li></ul></body></article>", seg, &err);
    artx_article_summarise(art, &s);
    INT_EQ(s.blocks, 3, "summary: p, h2 and ul are blocks");
    INT_EQ(s.figures, 1, "summary: one figure");
    INT_EQ(s.sentences, 7, "summary: sentences of title, p, h2, caption and item");
    STR_EQ(s.lang, "ko", "summary: the language");
    STR_EQ(s.title, "제목이다. 둘째 문장.", "summary: the title's text");

    /* A title longer than the field is cut between characters. */
    char *long_title = malloc(3 * 200 + 1);
    for (int i = 0; i < 200; i++)
        memcpy(long_title + 3 * i, "가", 3);
    long_title[600] = '\0';
    xmlNodeSetContent(xmlDocGetRootElement(art)->children->children, BAD_CAST long_title);
    artx_article_summarise(art, &s);
    INT_EQ(strlen(s.title), 255, "summary: a long title fills the field");
    OK(!strncmp(s.title, long_title, 255), "summary: ... with whole characters");
    free(long_title);

    /* The XLIFF of the article: its units, and its version. */
    static const char *const params[] = {"target-lang", "en", NULL};
    unsigned char *out = NULL;
    size_t len = 0;
    artx_kind kind = ARTX_KIND_HTML;
    INT_EQ(artx_transform(art, ARTX_TO_XLIFF, params, &out, &len, &err), 0, "to XLIFF 2.0");
    xmlDocPtr x = xml_parse((const char *)out);
    XP_INT_EQ(x, "count(//x2:unit)", artx_xliff_units(x, &kind), "units: 2.0 unit elements");
    OK(artx_xliff_units(x, NULL) > 0, "units: some");
    INT_EQ(kind, ARTX_KIND_XLIFF20, "units: XLIFF 2.0");
    xmlFreeDoc(x);
    free(out);
    INT_EQ(artx_transform(art, ARTX_TO_XLIFF12, params, &out, &len, &err), 0, "to XLIFF 1.2");
    x = xml_parse((const char *)out);
    XP_INT_EQ(x, "count(//x1:trans-unit)", artx_xliff_units(x, &kind),
              "units: 1.2 trans-unit elements");
    INT_EQ(kind, ARTX_KIND_XLIFF12, "units: XLIFF 1.2");
    xmlFreeDoc(x);
    free(out);

    kind = ARTX_KIND_FEED;
    INT_EQ(artx_xliff_units(art, &kind), 0, "units: none in an article");
    INT_EQ(kind, ARTX_KIND_FEED, "units: the kind is left alone");
    xmlFreeDoc(art);

    artx_article_summarise(NULL, &s);
    INT_EQ(s.blocks + s.figures + s.sentences, 0, "summary of NULL: nothing");
    STR_EQ(s.title, "", "summary of NULL: no title");
    artx_segmenter_free(seg);
}

int main(void)
{
    artx_init();
    test_finders();
    test_kinds();
    test_dropped();
    test_summary();
    artx_cleanup();
    return harness_done("test_report");
}
