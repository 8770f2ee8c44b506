/* test_normalise.c - the front end: artx_read() and artx_normalise() on
 * small hand-written pages, checked with XPath on the article. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "internal.h"
#include "xpath_helpers.h"

/* A paragraph long enough to make its parent the article by scoring (and
 * a bare <article> count: 200 bytes), with commas for the score. */
#define LONG_KO \
    "정부는 내년 예산을 크게 늘리기로 했다고 4일 밝혔다, 관계자는 복지와 교육, 연구 " \
    "분야에 먼저 쓰겠다고 설명했다, 야당은 재정 건전성을 따져 보겠다고 했다."
#define LONG_KO2 \
    "시민단체는 예산이 늘어난 만큼 쓰임새도 투명하게 공개해야 한다고 주장했다, " \
    "국회는 다음 주부터 상임위원회별 심사에 들어간다, 본회의는 다음 달 열린다."
#define HTML_HEAD "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
#define HTML_TAIL "</body></html>"
/* The two long paragraphs. */
#define LONG_PS "<p>" LONG_KO "</p><p>" LONG_KO2 "</p>"
/* A page whose <article> holds the given body after the long paragraphs. */
#define PAGE(inner) HTML_HEAD "<article>" LONG_PS inner "</article>" HTML_TAIL
/* The rest of a page after its <head>: an <article> of the long paragraphs. */
#define ARTICLE_BODY "<body><article>" LONG_PS "</article>" HTML_TAIL

/* Read `html` and normalise it; the page must come out of normalise as it
 * went in.  Returns the article (the caller frees it) or NULL, and the
 * status in *rc. */
static xmlDocPtr normalise_at(const char *file, int line, const char *html, const char *url,
                              artx_from from, int *rc)
{
    artx_error err = {0};
    xmlDocPtr page = NULL, art = NULL;
    *rc = artx_read((const unsigned char *)html, strlen(html), url, from, &page, &err);
    if (*rc) {
        harness_int_eq(*rc, 0, file, line, "artx_read");
        fprintf(stderr, "    message: %s\n", err.message);
        return NULL;
    }
    char *before = xml_serialise(page);
    *rc = artx_normalise(page, from, &art, &err);
    char *after = xml_serialise(page);
    harness_ok(before && after && !strcmp(before, after), file, line,
               "artx_normalise leaves the page as it was");
    free(before);
    free(after);
    xmlFreeDoc(page);
    return art;
}

/* The article of a page that must normalise. */
static xmlDocPtr norm_at(const char *file, int line, const char *html, artx_from from)
{
    int rc;
    xmlDocPtr art = normalise_at(file, line, html, NULL, from, &rc);
    if (!harness_int_eq(rc, 0, file, line, "artx_normalise succeeds"))
        return NULL;
    return art;
}
#define NORM(html) norm_at(__FILE__, __LINE__, (html), ARTX_FROM_AUTO)
#define NORM_FROM(html, from) norm_at(__FILE__, __LINE__, (html), (from))

/* True when the article's body text contains `needle`. */
static bool body_has(xmlDocPtr art, const char *needle)
{
    char *t = xp_string(art, "/a:article/a:body");
    bool has = t && strstr(t, needle);
    free(t);
    return has;
}

/* A paragraph of links, with more text and commas than LONG_KO: only its
 * link density keeps it from being the article. */
#define LINKS_P \
    "<p><a href=\"/1\">많이 본 뉴스, 첫째 기사의 제목, 여기에 있다</a>, " \
    "<a href=\"/2\">많이 본 뉴스, 둘째 기사의 제목, 여기에 있다</a>, " \
    "<a href=\"/3\">많이 본 뉴스, 셋째 기사의 제목, 여기에 있다</a>, " \
    "<a href=\"/4\">많이 본 뉴스, 넷째 기사의 제목, 여기에 있다</a></p>"

/* The article's published date, its precision and its basis. */
static void date_is_at(const char *file, int line, xmlDocPtr art, const char *date,
                       const char *precision, const char *basis, const char *what)
{
    char msg[160];
    snprintf(msg, sizeof msg, "%s: the date", what);
    xp_str_eq_at(file, line, art, "/a:article/a:head/a:published", date, msg);
    snprintf(msg, sizeof msg, "%s: its precision", what);
    xp_str_eq_at(file, line, art, "/a:article/a:head/a:published/@precision", precision, msg);
    snprintf(msg, sizeof msg, "%s: its basis", what);
    xp_str_eq_at(file, line, art, "/a:article/a:head/a:published/@basis", basis, msg);
}
#define DATE_IS(...) date_is_at(__FILE__, __LINE__, __VA_ARGS__)

static void test_root(void)
{
    /* Daum's layout names the body; a longer block beside it loses. */
    xmlDocPtr art =
        NORM("<html><head><link rel=\"canonical\" href=\"https://v.daum.net/v/20251204155636229\">"
             "</head><body><h3 class=\"tit_view\">다음 기사의 제목</h3>"
             "<div class=\"article_view\"><section><p>다음 본문은 짧다.</p></section></div>"
             "<div id=\"other\">" LONG_PS "</div>" HTML_TAIL);
    XP_STR_EQ(art, "/a:article/a:body", "다음 본문은 짧다.",
              "layout: the article_view is the body");
    XP_STR_EQ(art, "/a:article/a:head/a:source/@site", "daum", "layout: source/@site names it");
    XP_STR_EQ(art, "/a:article/a:head/a:title", "다음 기사의 제목", "layout: its headline");
    xmlFreeDoc(art);

    /* No layout: the links column scores nothing, the paragraphs win. */
    art = NORM(HTML_HEAD "<div id=\"col\">" LINKS_P "</div>"
                         "<div id=\"main\">" LONG_PS "</div>"
                         "<div id=\"after\"><p>본문 밖의 짧은 글.</p></div>" HTML_TAIL);
    XP_INT_EQ(art, "count(/a:article/a:body/a:p)", 2, "scoring: the two paragraphs");
    XP_OK(art, "starts-with(/a:article/a:body/a:p[@id='p1'], '정부는 내년')",
          "scoring: p1 is the first paragraph");
    OK(!body_has(art, "많이 본 뉴스"), "scoring: the links column is not the article");
    OK(!body_has(art, "본문 밖"), "scoring: a block beside the root is not the article");
    xmlFreeDoc(art);
}

static void test_boilerplate(void)
{
    xmlDocPtr art =
        NORM(PAGE("<script>var s = '스크립트';</script><style>.x{color:red}</style>"
                  "<nav>내비게이션</nav><aside>곁다리</aside><footer>바닥글</footer>"
                  "<div hidden>숨김속성</div><div aria-hidden=\"true\">아리아숨김</div>"
                  "<div aria-hidden=\"false\">아리아보임</div>"
                  "<div style=\"color: red; display: none\">스타일숨김</div>"
                  "<div class=\"btn_share\">공유하기</div><div class=\"top-ad\">광고문구</div>"
                  "<div class=\"related-news\">관련기사</div>"
                  "<div id=\"thread_head\">머리말보임</div>"));
    OK(body_has(art, "정부는 내년"), "boilerplate: the article text stays");
    static const char *const gone[] = {"스크립트", "color",    "내비게이션", "곁다리",
                                       "바닥글",   "숨김속성", "아리아숨김", "스타일숨김",
                                       "공유하기", "광고문구", "관련기사",   NULL};
    for (int i = 0; gone[i]; i++) {
        char msg[128];
        snprintf(msg, sizeof msg, "boilerplate: \"%s\" is dropped", gone[i]);
        OK(!body_has(art, gone[i]), msg);
    }
    OK(body_has(art, "아리아보임"), "boilerplate: aria-hidden=\"false\" is shown");
    OK(body_has(art, "머리말보임"), "boilerplate: \"thread_head\" is no furniture word");
    xmlFreeDoc(art);

    /* The safety net: furniture by name, but most of the text. */
    art =
        NORM(HTML_HEAD "<article><p>짧은 머리 문단.</p>"
                       "<div class=\"article_comment\">" LONG_PS "</div>"
                       "<div class=\"comment\">댓글 0</div></article>" HTML_TAIL);
    OK(body_has(art, "정부는 내년") && body_has(art, "시민단체는"),
       "safety net: a \"comment\" div with most of the text is kept");
    OK(!body_has(art, "댓글 0"), "safety net: a small \"comment\" div is still dropped");
    xmlFreeDoc(art);
}

/* The generic finder, on pages no layout knows (no <article>). */
static void test_finder(void)
{
    /* Paragraphs written as divs of spans outweigh a short note in <p>s. */
    xmlDocPtr art = NORM(HTML_HEAD
        "<div class=\"note\"><p>작가의 말: 이번 주는 조금 늦었습니다, 미안합니다, 정말로.</p></div>"
        "<div class=\"chapter\">"
        "<div><span>" LONG_KO "</span></div><div><span>" LONG_KO2 "</span></div>"
        "<div><span>" LONG_KO "</span></div></div>" HTML_TAIL);
    OK(body_has(art, "정부는 내년") && !body_has(art, "작가의 말"),
       "finder: divs of spans are paragraphs, and win");
    xmlFreeDoc(art);

    /* A list of names full of commas, all links, does not win. */
    char names[4096] = "";
    for (int i = 0; i < 60; i++)
        strcat(names, "<a href=\"https://e.example/u\">이름있는사람</a>, ");
    char page[16384];
    snprintf(page, sizeof page, HTML_HEAD "<div class=\"story\">" LONG_PS LONG_PS "</div>"
             "<div class=\"fans\"><p>%s</p></div>" HTML_TAIL, names);
    art = NORM(page);
    OK(body_has(art, "정부는 내년") && !body_has(art, "이름있는사람"),
       "finder: a comma list of links is not the article");
    xmlFreeDoc(art);

    /* A body in sibling sections is kept whole. */
    art = NORM(HTML_HEAD "<div class=\"doc\"><div class=\"part\">" LONG_PS "</div>"
               "<div class=\"part\"><p>" LONG_KO2 "</p><p>둘째 부분의 끝 문단이다, 여기까지 읽어 주셔서 "
               "고맙습니다, 다음 주에 다시 만나요.</p></div></div>" HTML_TAIL);
    OK(body_has(art, "정부는 내년") && body_has(art, "둘째 부분의 끝"),
       "finder: sibling sections are joined");
    xmlFreeDoc(art);
}

/* An article the page carries only as Arc's Fusion.globalContent. */
static void test_embedded(void)
{
    xmlDocPtr art = NORM(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>데이터 기사</title>"
        "<script>window.Fusion=window.Fusion||{};Fusion.globalContent={\"_id\":\"X1\","
        "\"content_elements\":["
        "{\"type\":\"image\",\"url\":\"https://img.example/a.jpg\",\"caption\":\"사진 설명 & 출처\"},"
        "{\"type\":\"text\",\"content\":\"첫 문단은 <b>굵은</b> 글씨가 있는 본문이다. 둘째 문장도 있다.\"},"
        "{\"type\":\"header\",\"content\":\"중간 제목\",\"level\":2},"
        "{\"type\":\"interstitial_link\",\"content\":\"다른 기사 보기\"},"
        "{\"type\":\"list\",\"items\":[{\"type\":\"text\",\"content\":\"첫 항목\"},"
        "{\"type\":\"text\",\"content\":\"둘째 항목\"}]},"
        "{\"type\":\"text\",\"content\":\"마지막 문단은 여기서 끝나는 본문의 문장이다.\"}]};"
        "Fusion.globalContentConfig={};</script></head>"
        "<body><div id=\"app\"><nav><a href=\"https://e.example/\">홈</a></nav></div></body></html>");
    XP_INT_EQ(art, "count(/a:article/a:body/a:p)", 2, "embedded: the text elements are paragraphs");
    XP_STR_EQ(art, "/a:article/a:body/a:p[1]/a:strong", "굵은", "embedded: with their inline markup");
    XP_STR_EQ(art, "/a:article/a:body/a:h2", "중간 제목", "embedded: a header is a heading");
    XP_INT_EQ(art, "count(/a:article/a:body/a:ul/a:li)", 2, "embedded: a list and its items");
    XP_STR_EQ(art, "/a:article/a:body/a:figure/a:img/@src", "https://img.example/a.jpg",
              "embedded: an image is a figure");
    OK(body_has(art, "사진 설명 & 출처"), "embedded: with its caption");
    OK(!body_has(art, "다른 기사"), "embedded: a link to another story is not the article");
    xmlFreeDoc(art);

    /* A page that renders its article keeps it, whatever its data says. */
    art = NORM(HTML_HEAD "<script>Fusion.globalContent={\"content_elements\":"
               "[{\"type\":\"text\",\"content\":\"데이터에만 있는 짧은 문단.\"}]};</script>"
               "<article>" LONG_PS "</article>" HTML_TAIL);
    OK(body_has(art, "정부는 내년") && !body_has(art, "데이터에만"),
       "embedded: a rendered body wins over a smaller one in data");
    xmlFreeDoc(art);
}

/* Metadata written from HTML into JSON-LD: references decoded once; a
 * name given with its role. */
static void test_escaped_metadata(void)
{
    xmlDocPtr art = NORM(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"&#34;손님 많아서 못 타&#34; 예매하고도\","
        "\"author\":{\"@type\":\"Person\",\"name\":\"이정화 에디터\"}}</script>"
        "</head>" ARTICLE_BODY);
    XP_STR_EQ(art, "/a:article/a:head/a:title", "\"손님 많아서 못 타\" 예매하고도",
              "a JSON-LD headline's references are decoded");
    XP_STR_EQ(art, "/a:article/a:head/a:author", "이정화", "an author's role is not the name");
    xmlFreeDoc(art);
}

/* Names that mark furniture, and what they do not mark. */
static void test_furniture_names(void)
{
    /* A section's id made from its own heading, linked from a table of
     * contents: an anchor, though "sharing" is a furniture word. */
    xmlDocPtr art = NORM(HTML_HEAD "<article>" LONG_PS
        "<p><a href=\"#sharing-with-a-team\">목차</a></p>"
        "<div id=\"sharing-with-a-team\"><h2>Sharing with a team</h2><p>" LONG_KO2 "</p></div>"
        "<div id=\"share\"><h2>Share</h2><p>공유하기 단추들이 있는 곳</p></div>"
        "</article>" HTML_TAIL);
    OK(body_has(art, "Sharing with a team"), "an id that anchors its section's heading is kept");
    OK(!body_has(art, "공유하기 단추"), "... but a share box with no link to it is dropped");
    xmlFreeDoc(art);

    /* A slideshow's captions outweigh the article: dropped by its prose. */
    char slides[16384] = "";
    for (int i = 0; i < 12; i++)
        strcat(slides, "<li><h2>사진 설명</h2><p>" LONG_KO "</p></li>");
    char page[32768];
    snprintf(page, sizeof page, HTML_HEAD "<article>" LONG_PS
             "<div class=\"media-gallery\"><ul>%s</ul></div></article>" HTML_TAIL, slides);
    art = NORM(page);
    OK(body_has(art, "시민단체는") && !body_has(art, "사진 설명"),
       "a gallery whose captions outweigh the article is dropped");
    xmlFreeDoc(art);
}

static void test_paragraphs(void)
{
    xmlDocPtr art = NORM(PAGE("<p>한 줄<br>두 줄<br><br>새 문단<br> <br>또 새 문단</p>"
                              "<div>느슨한 글 하나<br>느슨한 글 둘</div>"
                              "<div>섞인 <b>글</b> 셋</div>"));
    XP_STR_EQ(art, "/a:article/a:body/a:p[3]", "한 줄두 줄", "<br> inside <p>: same paragraph");
    XP_INT_EQ(art, "count(/a:article/a:body/a:p[3]/a:br)", 1, "a single <br> is kept");
    XP_STR_EQ(art, "/a:article/a:body/a:p[4]", "새 문단", "<br><br> starts a paragraph");
    XP_STR_EQ(art, "/a:article/a:body/a:p[5]", "또 새 문단",
              "<br> <br> (white space between) starts a paragraph too");
    XP_STR_EQ(art, "/a:article/a:body/a:p[6]", "느슨한 글 하나", "loose text is a paragraph");
    XP_STR_EQ(art, "/a:article/a:body/a:p[7]", "느슨한 글 둘",
              "a <br> in loose text starts the next");
    XP_STR_EQ(art, "/a:article/a:body/a:p[8]", "섞인 글 셋", "loose text with inline markup");
    XP_STR_EQ(art, "/a:article/a:body/a:p[8]/a:strong", "글", "... keeps it");
    XP_INT_EQ(art, "count(/a:article/a:body/a:p)", 8, "eight paragraphs in all");
    XP_STR_EQ(art, "/a:article/a:body/a:p[8]/@id", "p8", "paragraphs are numbered p1..");
    xmlFreeDoc(art);
}

static void test_headings_lists_quotes(void)
{
    xmlDocPtr art = NORM(PAGE(
        "<h3>소제목 <em>하나</em></h3><h4>소제목 둘</h4>"
        "<ul><li><a href=\"https://e.com/1\">링크만 하나</a></li>"
        "<li><a href=\"https://e.com/2\">링크만 둘</a></li></ul>"
        "<ol><li>항목 하나<ul><li>안쪽 하나</li><li>안쪽 둘<ol><li>더 안쪽</li></ol></li></ul></li>"
        "<li>항목 둘</li></ol>"
        "<blockquote><p>인용 하나.</p><h2>인용 속 제목</h2><p>인용 둘.</p></blockquote>"
        "<div class=\"quote_box\">상자 글.</div>"));
    XP_INT_EQ(art, "count(/a:article/a:body/a:h2)", 2, "h3 and h4 become h2");
    XP_STR_EQ(art, "/a:article/a:body/a:h2[1]/@id", "h1", "headings are numbered h1..");
    XP_STR_EQ(art, "/a:article/a:body/a:h2[1]/a:em", "하나", "a heading keeps inline markup");
    XP_STR_EQ(art, "/a:article/a:body/a:h2[2]", "소제목 둘", "the second heading");

    OK(!body_has(art, "링크만"), "a list of links is dropped");
    XP_INT_EQ(art, "count(/a:article/a:body/a:ol | /a:article/a:body/a:ul)", 1, "one list left");
    XP_STR_EQ(art, "/a:article/a:body/a:ol/@id", "l1", "the list is l1");
    XP_STR_EQ(art, "/a:article/a:body/a:ol/a:li[1]/@id", "l1.i1", "its first item is l1.i1");
    XP_STR_EQ(art, "/a:article/a:body/a:ol/a:li[2]/@id", "l1.i2", "its second item is l1.i2");
    XP_STR_EQ(art, "/a:article/a:body/a:ol/a:li[1]/text()", "항목 하나", "the item's own text");
    XP_STR_EQ(art, "/a:article/a:body/a:ol/a:li[1]/a:ul/@id", "l1.i1.l", "a nested list");
    XP_STR_EQ(art, "/a:article/a:body/a:ol/a:li[1]/a:ul/a:li[2]/@id", "l1.i1.l.i2",
              "a nested item");
    XP_STR_EQ(art, "//a:li[@id='l1.i1.l.i2']/a:ol/a:li/@id", "l1.i1.l.i2.l.i1",
              "a list nested twice");
    XP_STR_EQ(art, "//a:li[@id='l1.i1.l.i2.l.i1']", "더 안쪽", "its text");

    XP_INT_EQ(art, "count(/a:article/a:body/a:blockquote)", 2, "a blockquote and a quote box");
    XP_STR_EQ(art, "/a:article/a:body/a:blockquote[1]/@id", "q1", "quotes are numbered q1..");
    XP_STR_EQ(art, "/a:article/a:body/a:blockquote[1]/a:p[1]/@id", "q1.p1", "q1.p1");
    XP_STR_EQ(art, "/a:article/a:body/a:blockquote[1]/a:p[2]", "인용 속 제목",
              "a heading in a quote is a paragraph");
    XP_STR_EQ(art, "/a:article/a:body/a:blockquote[1]/a:p[3]/@id", "q1.p3", "q1.p3");
    XP_STR_EQ(art, "/a:article/a:body/a:blockquote[2]/@id", "q2", "the quote box is q2");
    XP_STR_EQ(art, "/a:article/a:body/a:blockquote[2]/a:p[@id='q2.p1']", "상자 글.",
              "the box's loose text is its paragraph q2.p1");
    xmlFreeDoc(art);
}

static void test_figures(void)
{
    xmlDocPtr art = NORM(
        PAGE("<div class=\"photo\"><img src=\"https://img.example.com/thumb.jpg\" "
             "data-org-src=\"https://img.example.com/big.jpg\" width=\"600px\" height=\"400\" "
             "alt=\"큰 사진\"><p class=\"caption\">행사장 모습이다. 연합뉴스</p></div>"
             "<div class=\"photo\"><img src=\"https://img.example.com/big.jpg\" width=\"600\">"
             "<p class=\"caption\">행사장 모습이다. 연합뉴스</p></div>"
             "<img src=\"https://img.example.com/icon_mail.png\" width=\"100\" height=\"100\">"
             "<img src=\"https://img.example.com/dot.png\" width=\"30\">"
             "<figure><img src=\"https://img.example.com/two.jpg\" width=\"640\" height=\"100%\">"
             "<figcaption>두 번째 사진이다. (사진=홍길동 기자)</figcaption></figure>"
             "<figure><img src=\"https://img.example.com/three.jpg\"></figure>"));
    XP_INT_EQ(art, "count(//a:figure)", 3, "three figures: the same photo twice is one");
    XP_STR_EQ(art, "//a:figure[1]/@id", "f1", "figures are numbered f1..");
    XP_STR_EQ(art, "//a:figure[1]/a:img/@src", "https://img.example.com/big.jpg",
              "data-org-src is preferred over src");
    XP_INT_EQ(art, "count(//a:figure[1]/a:img/@width)", 0, "width=\"600px\" is dropped");
    XP_STR_EQ(art, "//a:figure[1]/a:img/@height", "400", "an integer height is kept");
    XP_STR_EQ(art, "//a:figure[1]/a:img/@alt", "큰 사진", "the alt text");
    XP_STR_EQ(art, "//a:figure[1]/a:caption", "행사장 모습이다.", "the caption");
    XP_STR_EQ(art, "//a:figure[1]/a:caption/@id", "f1.c", "the caption's id");
    XP_STR_EQ(art, "//a:figure[1]/a:credit", "연합뉴스", "the credit \"... 연합뉴스\"");
    XP_STR_EQ(art, "//a:figure[2]/a:img/@width", "640", "an integer width is kept");
    XP_INT_EQ(art, "count(//a:figure[2]/a:img/@height)", 0, "height=\"100%\" is dropped");
    XP_STR_EQ(art, "//a:figure[2]/a:caption", "두 번째 사진이다.", "a figcaption");
    XP_STR_EQ(art, "//a:figure[2]/a:credit", "(사진=홍길동 기자)",
              "the credit \"(사진=홍길동 기자)\"");
    XP_INT_EQ(art, "count(//a:figure[3]/a:caption | //a:figure[3]/a:credit)", 0,
              "a figure without caption has neither caption nor credit");
    XP_INT_EQ(art, "count(//a:img[contains(@src,'icon') or contains(@src,'dot')])", 0,
              "icons and tiny images are not figures");
    xmlFreeDoc(art);
}

static void test_inline(void)
{
    xmlDocPtr art =
        NORM("<html><head><base href=\"https://news.example.com/sec/\"></head><body><article>"
             LONG_PS
             "<p><em>가</em> <i>나</i> <strong>다</strong> <b>라</b> H<sub>2</sub>O x<sup>2</sup>"
             " <span class=\"x\">마</span> <font color=\"red\">바</font> <u>사</u>"
             " <a href=\"javascript:void(0)\">자바</a> <a href=\"data:text/html,x\">데이터</a>"
             " <a href=\"rel/page.html\">상대</a> <a href=\"/root.html\">절대</a>"
             " <a href=\"#top\">위로</a> 줄<br>바꿈</p></article>" HTML_TAIL);
#define P3 "/a:article/a:body/a:p[3]"
    XP_INT_EQ(art, "count(" P3 "/a:em)", 2, "em and i become em");
    XP_INT_EQ(art, "count(" P3 "/a:strong)", 2, "strong and b become strong");
    XP_STR_EQ(art, P3 "/a:sub", "2", "sub is kept");
    XP_STR_EQ(art, P3 "/a:sup", "2", "sup is kept");
    XP_INT_EQ(art, "count(" P3 "/a:br)", 1, "br is kept");
    XP_INT_EQ(art,
              "count(" P3 "/*[not(self::a:em or self::a:strong or self::a:sub or "
              "self::a:sup or self::a:br or self::a:a)])",
              0, "span, font and u are unwrapped");
    XP_OK(art, P3 "[contains(., '마 바 사')]", "... keeping their text");
    XP_INT_EQ(art, "count(" P3 "/a:a)", 2, "javascript:, data: and # links are dropped");
    XP_OK(art, P3 "[contains(., '자바 데이터')]", "... keeping their text");
    XP_STR_EQ(art, P3 "/a:a[1]/@href", "https://news.example.com/sec/rel/page.html",
              "a relative link resolves against <base href>");
    XP_STR_EQ(art, P3 "/a:a[2]/@href", "https://news.example.com/root.html",
              "a root-relative link too");
#undef P3
    xmlFreeDoc(art);
}

/* Text the page asks to leave untranslated, each way a page says it. */
static void test_untranslated(void)
{
    xmlDocPtr art = NORM(
        "<html><body><article>" LONG_PS
        "<p>가 <span translate=\"no\">KT</span> 나 <b class=\"brand notranslate\">Acme</b>"
        " 다 <i its-translate=\"no\">TideWatch</i> 라 <span translate=\"yes\">마</span>"
        " <span translate=\"bogus\">바</span> <a href=\"https://x.example/\" translate=\"no\">X</a></p>"
        "<p translate=\"no\">CODE 1</p>"
        "<div class=\"notranslate\"><p>CODE 2</p><ul><li>CODE 3</li></ul></div>"
        "<ul><li>항목</li><li translate=\"no\">CODE 4</li></ul>"
        "<p translate=\"no\">CODE 5 <span translate=\"no\">안쪽</span></p>"
        "</article>" HTML_TAIL);
#define P3 "/a:article/a:body/a:p[3]"
    XP_INT_EQ(art, "count(" P3 "/a:span[@translate='no'])", 4, "four kept spans");
    XP_STR_EQ(art, P3 "/a:span[1]", "KT", "translate=\"no\"");
    XP_STR_EQ(art, P3 "/a:span[2]/a:strong", "Acme", "class notranslate, markup kept inside");
    XP_STR_EQ(art, P3 "/a:span[3]/a:em", "TideWatch", "its-translate=\"no\"");
    XP_STR_EQ(art, P3 "/a:span[4]/a:a/@href", "https://x.example/", "a kept link");
    XP_OK(art, P3 "[not(@translate)]", "the paragraph itself is translated");
    XP_OK(art, P3 "[contains(., '라 마 바')]", "yes and an invalid value say nothing");
#undef P3
    XP_STR_EQ(art, "(//a:p[@translate='no'])[1]", "CODE 1", "a kept paragraph");
    XP_STR_EQ(art, "(//a:p[@translate='no'])[2]", "CODE 2", "kept by its container");
    XP_STR_EQ(art, "(//a:li[@translate='no'])[1]", "CODE 3", "a list item too");
    XP_STR_EQ(art, "(//a:li[@translate='no'])[2]", "CODE 4", "a kept list item");
    XP_INT_EQ(art, "count(//a:li[not(@translate)])", 1, "its sibling is translated");
    XP_INT_EQ(art, "count(//a:p[@translate='no']//a:span)", 0,
              "no kept span inside a kept block");
    xmlFreeDoc(art);
}

/* A headline three ways (JSON-LD is added where wanted) and a <meta> date. */
#define TITLES_HEAD \
    "<html><head><title>문서 제목 - 매일경제</title>" \
    "<meta property=\"og:title\" content=\"오지 제목 | 한겨레\">" \
    "<meta property=\"article:published_time\" content=\"2025-12-03\">"

static void test_title_and_dates(void)
{
    /* JSON-LD first, then og:title with the site's name cut off. */
    xmlDocPtr art = NORM(TITLES_HEAD
                         "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                         "\"headline\":\"제이슨 제목\","
                         "\"datePublished\":\"2025-12-04T15:56:36+09:00\"}</script>"
                         "</head>" ARTICLE_BODY);
    XP_STR_EQ(art, "/a:article/a:head/a:title", "제이슨 제목", "title: JSON-LD headline");
    XP_STR_EQ(art, "/a:article/a:head/a:title/@id", "title", "title: its id");
    DATE_IS(art, "2025-12-04T15:56:36+09:00", "second", "json-ld", "JSON-LD datePublished");
    xmlFreeDoc(art);

    art = NORM(TITLES_HEAD "</head>" ARTICLE_BODY);
    XP_STR_EQ(art, "/a:article/a:head/a:title", "오지 제목", "title: og:title, site cut off");
    /* a day is not made more precise */
    DATE_IS(art, "2025-12-03", "day", "meta", "<meta> article:published_time");
    xmlFreeDoc(art);

    art = NORM("<html><head><title>문서 제목 - 매일경제</title></head>" ARTICLE_BODY);
    XP_STR_EQ(art, "/a:article/a:head/a:title", "문서 제목", "title: <title>, site cut off");
    XP_INT_EQ(art, "count(/a:article/a:head/a:published)", 0, "no date: no published");
    xmlFreeDoc(art);

#ifdef ARTX_TEST_KNOWN_BUGS
    /* BUG: strip_site_suffix() (src/head.c) tries " - " before " | " and
     * cuts at the first separator it finds, even when the site's name
     * follows the other one: "삼성 - 애플 특허 분쟁 | 한겨레" becomes "삼성".
     * Only the " | 한겨레" that names the site should go. */
    art = NORM("<html><head><meta property=\"og:site_name\" content=\"한겨레\">"
               "<meta property=\"og:title\" content=\"삼성 - 애플 특허 분쟁 | 한겨레\">"
               "</head>" ARTICLE_BODY);
    XP_STR_EQ(art, "/a:article/a:head/a:title", "삼성 - 애플 특허 분쟁",
              "title: only the separator before the site's name is cut");
    xmlFreeDoc(art);
#endif
}

/* A board dump: "TITLE 작성일 MM-DD VIEWS 목록", the page, the footer. */
#define DUMP_IMG "https://t1.daumcdn.net/news/202512/04/press/20251204155636229cggq.jpg"
#define DUMP(header, img) \
    header " 41 목록 <div class=\"article_view\"><figure><img data-org-src=\"" img "\" " \
           "width=\"658\" alt=\"도서관 사진\"><figcaption>도서관 모습이다.</figcaption>" \
           "</figure><p>서울시는 새 도서관이 문을 연다고 4일 밝혔다.</p></div> 관련자료 이전"

static void test_dump(void)
{
    xmlDocPtr art = NORM(DUMP("서울시 새 도서관 문 연다 작성일 12-04", DUMP_IMG));
    XP_STR_EQ(art, "/a:article/a:head/a:title", "서울시 새 도서관 문 연다",
              "dump: the title is the header line before 작성일");
    /* MM-DD with the year from the image path */
    DATE_IS(art, "2025-12-04", "day", "board date, year from image path", "dump");
    OK(!body_has(art, "작성일") && !body_has(art, "관련자료"),
       "dump: header and footer are not body text");
    xmlFreeDoc(art);

    /* The image path is of another day: no year, so no date. */
    art = NORM(DUMP("서울시 새 도서관 문 연다 작성일 12-05", DUMP_IMG));
    XP_INT_EQ(art, "count(/a:article/a:head/a:published)", 0,
              "dump: an image of another day gives no year");
    xmlFreeDoc(art);

    /* Read as plain HTML, the header line is not looked for. */
    art = NORM_FROM(DUMP("서울시 새 도서관 문 연다 작성일 12-04", DUMP_IMG), ARTX_FROM_HTML);
    XP_INT_EQ(art, "count(/a:article/a:head/a:published)", 0, "ARTX_FROM_HTML: no board date");
    XP_STR_EQ(art, "/a:article/a:head/a:title", "", "ARTX_FROM_HTML: no title from the dump");
    xmlFreeDoc(art);
}

static void test_byline_publisher_rights(void)
{
    xmlDocPtr art =
        NORM("<html lang=\"ko\"><head><link rel=\"canonical\" "
             "href=\"https://www.hani.co.kr/arti/1.html\">"
             "<meta property=\"og:site_name\" content=\"한겨레21\"></head><body><article>"
             LONG_PS "<p>선담은 기자 sun@hani.co.kr</p>"
             "<p>ⓒ 한겨레신문사 무단 전재, 재배포 및 AI 학습 이용 금지</p></article>" HTML_TAIL);
    XP_STR_EQ(art, "/a:article/a:head/a:author", "선담은", "byline: the author's name");
    XP_STR_EQ(art, "/a:article/a:head/a:author/@email", "sun@hani.co.kr", "byline: e-mail");
    OK(!body_has(art, "선담은") && !body_has(art, "sun@"), "byline: the paragraph is removed");
    XP_STR_EQ(art, "/a:article/a:head/a:publisher", "한겨레21", "publisher: og:site_name");
    XP_STR_EQ(art, "/a:article/a:head/a:source/@href", "https://www.hani.co.kr/arti/1.html",
              "source: the canonical link");
    XP_INT_EQ(art, "count(/a:article/a:head/a:source/@site)", 0, "source: no known site");
    XP_STR_EQ(art, "/a:article/a:head/a:rights",
              "ⓒ 한겨레신문사 무단 전재, 재배포 및 AI 학습 이용 금지",
              "rights: the line is lifted out of the body");
    OK(!body_has(art, "무단 전재"), "rights: ... and is not body text");
    XP_STR_EQ(art, "/a:article/a:head/a:reservation/@tdm", "reserved",
              "TDM: \"AI 학습 ... 금지\" reserves it");
    XP_STR_EQ(art, "/a:article/a:head/a:reservation/@basis", "rights", "TDM: basis rights");
    XP_INT_EQ(art, "count(/a:article/a:body/a:p)", 2, "two paragraphs are left");
    xmlFreeDoc(art);

    art = NORM("<html><head><meta name=\"tdm-reservation\" content=\"1\">"
               "<meta name=\"tdm-policy\" content=\"https://example.com/tdm.json\"></head><body>"
               "<article>" LONG_PS "<p>Copyright © 누리경제. All rights reserved.</p>"
               "</article>" HTML_TAIL);
    XP_STR_EQ(art, "/a:article/a:head/a:reservation/@basis", "meta",
              "TDM: <meta name=tdm-reservation content=1>");
    XP_STR_EQ(art, "/a:article/a:head/a:reservation/@policy", "https://example.com/tdm.json",
              "TDM: its policy");
    XP_STR_EQ(art, "/a:article/a:head/a:rights", "Copyright © 누리경제. All rights reserved.",
              "rights: a Copyright line");
    XP_STR_EQ(art, "/a:article/a:head/a:publisher", "누리경제",
              "publisher: the holder named in the rights line");
    xmlFreeDoc(art);

    /* A reservation needs both: AI or TDM named, and forbidden. */
    art = NORM(PAGE("<p>ⓒ 누리경제 무단 전재 금지</p>"));
    XP_INT_EQ(art, "count(/a:article/a:head/a:reservation)", 0,
              "TDM: a rights line that does not name AI or TDM reserves nothing");
    xmlFreeDoc(art);
    art = NORM(PAGE("<p>ⓒ 누리경제. AI 학습 이용은 허용합니다</p>"));
    XP_INT_EQ(art, "count(/a:article/a:head/a:reservation)", 0,
              "TDM: a rights line that allows AI training reserves nothing");
    xmlFreeDoc(art);

    /* No og:site_name: the byline's mail domain names the press. */
    art = NORM(PAGE("<p>선담은 기자 sun@hani.co.kr</p>"));
    XP_STR_EQ(art, "/a:article/a:head/a:publisher", "한겨레",
              "publisher: from the author's e-mail domain");
    xmlFreeDoc(art);
}

static void test_lang(void)
{
    xmlDocPtr art = NORM("<html lang=\"en\">" ARTICLE_BODY);
    XP_STR_EQ(art, "/a:article/@xml:lang", "ko", "lang=\"en\" on Korean text gives ko");
    xmlFreeDoc(art);

    art = NORM("<html lang=\"ko_KR\">" ARTICLE_BODY);
    XP_STR_EQ(art, "/a:article/@xml:lang", "ko-KR", "lang=\"ko_KR\" agrees and becomes ko-KR");
    xmlFreeDoc(art);

#define LONG_EN \
    "The government said on Thursday that it would raise next year's budget, putting " \
    "welfare, education and research first, while the opposition said it would look " \
    "closely at the numbers."
    art = NORM("<html lang=\"en-GB\"><body><article><p>" LONG_EN "</p></article>" HTML_TAIL);
    XP_STR_EQ(art, "/a:article/@xml:lang", "en-GB", "English text keeps lang=\"en-GB\"");
    xmlFreeDoc(art);

    art = NORM("<html><body><article><p>" LONG_EN "</p></article>" HTML_TAIL);
    XP_STR_EQ(art, "/a:article/@xml:lang", "und", "Latin text and no lang= is und");
    xmlFreeDoc(art);
}

static void test_feed_and_article(void)
{
    xmlDocPtr art = NORM(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
        "<title>피드 이름</title><item><title>첫 항목 제목</title>"
        "<link>https://news.example.com/1</link>"
        "<pubDate>Thu, 04 Dec 2025 06:56:36 GMT</pubDate><author>홍길동 기자</author>"
        "<description><![CDATA[<p>첫 항목의 본문이다.</p><p>둘째 문단이다.</p>]]></description>"
        "</item><item><title>둘째 항목</title>"
        "<description><![CDATA[<p>둘째 항목의 본문.</p>]]></description></item>"
        "</channel></rss>\n");
    XP_STR_EQ(art, "/a:article/a:head/a:title", "첫 항목 제목", "feed: the first item's title");
    DATE_IS(art, "2025-12-04T06:56:36Z", "second", "feed", "feed: pubDate");
    XP_STR_EQ(art, "/a:article/a:head/a:source/@href", "https://news.example.com/1",
              "feed: the item's link");
    XP_STR_EQ(art, "/a:article/a:head/a:author", "홍길동", "feed: the item's author");
    XP_INT_EQ(art, "count(/a:article/a:body/a:p)", 2, "feed: the first item's paragraphs");
    OK(!body_has(art, "둘째 항목"), "feed: not the second item");
    xmlFreeDoc(art);

    static const char doc[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"en\">"
                              "<head><title id=\"title\">As it was</title></head>"
                              "<body><p id=\"p7\">Kept <em>as</em> is.</p></body></article>";
    art = NORM(doc);
    XP_STR_EQ(art, "/a:article/a:body/a:p/@id", "p7", "article XML: copied, ids and all");
    XP_STR_EQ(art, "/a:article/a:body/a:p/a:em", "as", "article XML: inline markup");
    XP_STR_EQ(art, "/a:article/@xml:lang", "en", "article XML: its language");
    xmlFreeDoc(art);

    static const char unsafe[] =
        "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"en\">"
        "<head><title id=\"title\">Links</title></head><body>"
        "<p id=\"p1\">A <a href=\"javascript:alert(1)\">script</a>, a "
        "<a href=\"https://example.com/\">page</a>, <a href=\"mailto:a@example.com\">mail</a>"
        " and <a href=\"file:///etc/passwd\">a file</a>.</p>"
        "<figure id=\"f1\"><img src=\"data:image/png;base64,AA==\"/></figure>"
        "<figure id=\"f2\"><img src=\"https://example.com/a.jpg\"/></figure></body></article>";
    xmlDocPtr page = xmlReadMemory(unsafe, (int)strlen(unsafe), NULL, NULL, XML_PARSE_NONET);
    INT_EQ((int)artx_article_unsafe_urls(page), 3,
           "artx_article_unsafe_urls: javascript: and file: links, a data: image");
    artx_error err = {0};
    art = NULL;
    INT_EQ(artx_normalise(page, ARTX_FROM_ARTICLE, &art, &err), 0, "the article normalises");
    XP_INT_EQ(art, "count(//a:a)", 2, "... with the https and mailto links");
    XP_INT_EQ(art, "count(//a:figure)", 1, "... and the https figure");
    INT_EQ((int)artx_article_unsafe_urls(art), 0, "... and nothing left to drop");
    OK(body_has(page, "script") && xp_number(page, "count(//a:a)") == 4,
       "the page is not modified");
    xmlFreeDoc(art);
    xmlFreeDoc(page);
    page = xmlReadMemory("<html><body><a href=\"javascript:x\">x</a></body></html>", 54, NULL,
                         NULL, XML_PARSE_NONET);
    INT_EQ((int)artx_article_unsafe_urls(page), 0, "artx_article_unsafe_urls: not an article, 0");
    xmlFreeDoc(page);
}

static void test_no_article(void)
{
    int rc;
    xmlDocPtr art = normalise_at(__FILE__, __LINE__,
                                 HTML_HEAD "<nav><a href=\"/\">홈</a></nav>"
                                           "<div><img src=\"https://e.com/a.jpg\"></div>"
                                           "<script>var t = '스크립트 글';</script>" HTML_TAIL,
                                 "empty.html", ARTX_FROM_AUTO, &rc);
    INT_EQ(rc, ARTX_ERR_NOARTICLE, "a page without text is ARTX_ERR_NOARTICLE");
    OK(art == NULL, "... and gives no article");
    xmlFreeDoc(art);

    artx_error err = {0};
    art = (xmlDocPtr)1;
    INT_EQ(artx_normalise(NULL, ARTX_FROM_AUTO, &art, &err), ARTX_ERR_INVALID,
           "no page is ARTX_ERR_INVALID");
    OK(art == NULL, "... and *out is NULL");
}

int main(void)
{
    artx_init();
    test_root();
    test_boilerplate();
    test_finder();
    test_furniture_names();
    test_embedded();
    test_escaped_metadata();
    test_paragraphs();
    test_headings_lists_quotes();
    test_figures();
    test_inline();
    test_untranslated();
    test_title_and_dates();
    test_dump();
    test_byline_publisher_rights();
    test_lang();
    test_feed_and_article();
    test_no_article();
    artx_cleanup();
    return harness_done("test_normalise");
}
