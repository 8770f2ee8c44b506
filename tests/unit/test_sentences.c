/* test_sentences.c - sentence elements in an article (artx_sentences with
 * the built-in rules) on small articles written as XML. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "internal.h"
#include "xpath_helpers.h"

#define ART_OPEN(lang) "<article xmlns=\"urn:artx:article\" version=\"1\" xml:lang=\"" lang "\">"
/* An article in `lang` whose body is `body` (title: "제목"). */
#define ARTICLE(lang, body) \
    ART_OPEN(lang) "<head><title id=\"title\">제목</title></head><body>" body "</body></article>"

static artx_segmenter *seg;

/* Parse `xml` and wrap its sentences; NULL (a failed check) when either
 * fails.  The caller frees the article. */
static xmlDocPtr segmented_at(const char *file, int line, const char *xml)
{
    artx_error err = {0};
    xmlDocPtr art = article_parse(xml, seg, &err);
    if (!harness_ok(art != NULL, file, line, "the article parses and artx_sentences succeeds"))
        fprintf(stderr, "    message: %s\n", err.message);
    return art;
}
#define SEGMENTED(xml) segmented_at(__FILE__, __LINE__, (xml))

static void test_ids_and_space(void)
{
    xmlDocPtr art =
        SEGMENTED(ARTICLE("ko", "<p id=\"p1\">  첫 문장이다.  둘째 문장이다. 셋째다.  </p>"));
    XP_INT_EQ(art, "count(//a:p[@id='p1']/a:s)", 3, "three sentences");
    XP_STR_EQ(art, "//a:p[@id='p1']/a:s[1]/@id", "p1.s1", "ids are BLOCK.sN: p1.s1");
    XP_STR_EQ(art, "//a:p[@id='p1']/a:s[3]/@id", "p1.s3", "... p1.s3");
    XP_STR_EQ(art, "//a:p[@id='p1']/a:s[1]", "첫 문장이다.", "the first sentence, no space");
    XP_STR_EQ(art, "//a:p[@id='p1']/a:s[2]", "둘째 문장이다.", "the second sentence");
    XP_STR_EQ(art, "//a:p[@id='p1']", "  첫 문장이다.  둘째 문장이다. 셋째다.  ",
              "the block's text is unchanged");
    XP_STR_EQ(art, "//a:p[@id='p1']/node()[1]", "  ", "leading space stays outside");
    XP_STR_EQ(art, "//a:p[@id='p1']/a:s[1]/following-sibling::node()[1][self::text()]", "  ",
              "the space between sentences is text of the block");
    XP_STR_EQ(art, "//a:p[@id='p1']/node()[last()]", "  ", "trailing space stays outside");
    XP_INT_EQ(art, "count(//a:p[@id='p1']/text()[normalize-space()])", 0,
              "no text outside the sentences but white space");
    XP_STR_EQ(art, "/a:article/a:head/a:title/a:s/@id", "title.s1", "the title is segmented");
    xmlFreeDoc(art);

    art = SEGMENTED(ARTICLE("en", "<p id=\"p2\">Mr. Smith went to Washington. He met "
                                  "Dr. Jones at 5 p.m. on Monday. Was it late? Yes!</p>"));
    XP_INT_EQ(art, "count(//a:p/a:s)", 4, "English: four sentences");
    XP_STR_EQ(art, "//a:p/a:s[1]", "Mr. Smith went to Washington.", "English: Mr. is no end");
    XP_STR_EQ(art, "//a:p/a:s[2]", "He met Dr. Jones at 5 p.m. on Monday.",
              "English: nor are Dr. and p.m.");
    XP_STR_EQ(art, "//a:p/a:s[4]", "Yes!", "English: ? and ! end sentences");
    XP_STR_EQ(art, "//a:p/a:s[4]/@id", "p2.s4", "English: p2.s4");
    xmlFreeDoc(art);

    /* The article's xml:lang picks the rules: Japanese ends a sentence at
     * 。 with no space after it. */
    art = SEGMENTED(ARTICLE("ja", "<p id=\"p3\">これはペンです。それはマーカーです。</p>"));
    XP_INT_EQ(art, "count(//a:p/a:s)", 2, "Japanese: two sentences");
    XP_STR_EQ(art, "//a:p/a:s[2]", "それはマーカーです。", "Japanese: the second");
    xmlFreeDoc(art);
}

static void test_inline(void)
{
    /* The control: without markup, the text is two sentences. */
    xmlDocPtr art = SEGMENTED(ARTICLE("ko", "<p id=\"p1\">그는 끝났다고 했다. 그리고 떠났다.</p>"));
    XP_INT_EQ(art, "count(//a:s[starts-with(@id,'p1.')])", 2, "control: two sentences");
    xmlFreeDoc(art);

    art = SEGMENTED(ARTICLE("ko", "<p id=\"p1\">그는 <em>끝났다고 했다. 그리고</em> 떠났다.</p>"));
    XP_INT_EQ(art, "count(//a:p/a:s)", 1, "a stop inside <em> joins the two sentences");
    XP_STR_EQ(art, "//a:p/a:s", "그는 끝났다고 했다. 그리고 떠났다.", "... into one");
    XP_INT_EQ(art, "count(//a:p/a:s/a:em)", 1, "the em is inside the sentence, whole");
    XP_STR_EQ(art, "//a:p/a:s/a:em", "끝났다고 했다. 그리고", "... with all its text");
    xmlFreeDoc(art);

    art = SEGMENTED(ARTICLE("ko", "<p id=\"p1\">그는 <strong>떠났다.</strong> 다음 날 "
                                  "<a href=\"https://e.com/\">돌아왔다.</a></p>"));
    XP_INT_EQ(art, "count(//a:p/a:s)", 2, "a stop at the end of an inline element breaks");
    XP_STR_EQ(art, "//a:p/a:s[1]", "그는 떠났다.", "the first sentence ends with the strong");
    XP_INT_EQ(art, "count(//a:p/a:s[1]/a:strong)", 1, "... which is inside it");
    XP_INT_EQ(art, "count(//a:p/a:s[2]/a:a[@href='https://e.com/'])", 1,
              "the link is inside the second");
    XP_STR_EQ(art, "//a:p/a:s[1]/following-sibling::node()[1][self::text()]", " ",
              "the space after the strong is between the sentences");
    XP_INT_EQ(art, "count(//a:p/*[not(self::a:s)])", 0, "no inline element outside a sentence");
    xmlFreeDoc(art);

    art = SEGMENTED(ARTICLE("ko", "<p id=\"p1\">첫 줄이다.<br/>둘째 줄이다.</p>"));
    XP_STR_EQ(art, "//a:p", "첫 줄이다.둘째 줄이다.", "a br: the text is unchanged");
    XP_INT_EQ(art, "count(//a:p//a:br)", 1, "a br: still there");
    XP_INT_EQ(art, "count(//a:p/a:s)", 2, "a br after a stop: two sentences");
    XP_INT_EQ(art, "count(//a:p/a:br)", 1, "... and the br is between them");
    xmlFreeDoc(art);

    art = SEGMENTED(ARTICLE("ko", "<p id=\"p1\">첫 줄<br/>둘째 줄이다.</p>"));
    XP_INT_EQ(art, "count(//a:p/a:s)", 1, "a br without a stop: one sentence");
    XP_INT_EQ(art, "count(//a:p/a:s/a:br)", 1, "... with the br inside");
    xmlFreeDoc(art);

    art = SEGMENTED(ARTICLE("ko", "<p id=\"p1\">첫 문장이다. <em>둘째 문장이다.</em> 셋째다.</p>"));
    XP_INT_EQ(art, "count(//a:p/a:s)", 3, "a sentence that is an inline element");
    XP_STR_EQ(art, "//a:p/a:s[2]/a:em", "둘째 문장이다.", "... is wrapped whole");
    XP_STR_EQ(art, "//a:p/a:s[2]", "둘째 문장이다.", "... and alone");
    xmlFreeDoc(art);
}

static void test_blocks(void)
{
    static const char blocks[] =
        ART_OPEN("ko") "<head><title id=\"title\">제목 하나다. 제목 둘이다.</title>"
        "<author>홍길동</author><rights>ⓒ 누리경제. 무단 전재 금지.</rights></head><body>"
        "<h2 id=\"h1\">소제목이다. 둘째다.</h2>"
        "<figure id=\"f1\"><img src=\"https://e.com/a.jpg\" alt=\"사진이다. 둘\"/>"
        "<caption id=\"f1.c\">설명이다. 또 설명이다.</caption>"
        "<credit>연합뉴스. 제공.</credit></figure>"
        "<ul id=\"l1\"><li id=\"l1.i1\">항목이다. 둘째다.<ul id=\"l1.i1.l\">"
        "<li id=\"l1.i1.l.i1\">안쪽이다. 또 안쪽이다.</li></ul></li></ul>"
        "<blockquote id=\"q1\"><p id=\"q1.p1\">인용이다. 또 인용이다.</p></blockquote>"
        "<p id=\"p1\"><s id=\"p1.x\">이미 나뉘었다. 그대로 둔다.</s></p>"
        "</body></article>";
    xmlDocPtr art = SEGMENTED(blocks);
    XP_STR_EQ(art, "/a:article/a:head/a:title/a:s[2]/@id", "title.s2", "title: title.s2");
    XP_STR_EQ(art, "//a:h2/a:s[2]/@id", "h1.s2", "h2: h1.s2");
    XP_STR_EQ(art, "//a:caption/a:s[2]/@id", "f1.c.s2", "caption: f1.c.s2");
    XP_STR_EQ(art, "//a:caption/a:s[2]", "또 설명이다.", "caption: its second sentence");
    XP_STR_EQ(art, "//a:li[@id='l1.i1']/a:s[2]/@id", "l1.i1.s2", "li: l1.i1.s2");
    XP_STR_EQ(art, "//a:li[@id='l1.i1.l.i1']/a:s[2]/@id", "l1.i1.l.i1.s2",
              "nested li: l1.i1.l.i1.s2");
    XP_STR_EQ(art, "local-name(//a:li[@id='l1.i1']/node()[last()])", "ul",
              "li: the nested list stays after the sentences");
    XP_INT_EQ(art, "count(//a:s//a:ul)", 0, "li: the nested list is in no sentence");
    XP_STR_EQ(art, "//a:blockquote/a:p/a:s[2]/@id", "q1.p1.s2", "quoted p: q1.p1.s2");
    XP_INT_EQ(art, "count(//a:p[@id='p1']/a:s)", 1, "a block with sentences is left alone");
    XP_STR_EQ(art, "//a:p[@id='p1']/a:s/@id", "p1.x", "... its s keeps its id");
    XP_INT_EQ(art, "count(//a:author//a:s | //a:rights//a:s | //a:credit//a:s)", 0,
              "author, rights and credit are not segmented");
    XP_STR_EQ(art, "//a:img/@alt", "사진이다. 둘", "the alt text is not touched");
    xmlFreeDoc(art);

    /* Idempotent: a second run finds sentences everywhere. */
    art = SEGMENTED(ARTICLE("ko", "<p id=\"p1\">하나다. 둘이다.</p>"));
    char *once = xml_serialise(art);
    artx_error err = {0};
    INT_EQ(artx_sentences(art, seg, &err), 0, "a second run succeeds");
    char *twice = xml_serialise(art);
    OK(once && twice && !strcmp(once, twice), "a second run changes nothing");
    free(once);
    free(twice);
    xmlFreeDoc(art);
}

/* Web and e-mail addresses become kept spans before the sentences are cut,
 * so no sentence ends inside one. */
static void test_addresses(void)
{
    xmlDocPtr art = SEGMENTED(ARTICLE(
        "ko", "<p id=\"p1\">홈페이지(www.example.go.kr)에서 본다. 메일은 kim.b@news.example.co.kr로 "
              "보낸다. 자료는 https://example.org/a_(b).pdf, 또는 http://example.org/x.html. 끝이다.</p>"
              "<p id=\"p2\">주소 없음 a@b 와 www. 그리고 http:// 뿐이다.</p>"
              "<p id=\"p3\" translate=\"no\">see www.example.org</p>"
              "<p id=\"p4\"><a href=\"https://example.org/\">example.org/about 와 mailto:desk@example.org</a></p>"));
#define KEPT "(//a:p[@id='p1']//a:span[@translate='no'])"
    XP_INT_EQ(art, "count(" KEPT ")", 4, "four addresses");
    XP_STR_EQ(art, KEPT "[1]", "www.example.go.kr", "www. in brackets, Hangul after");
    XP_STR_EQ(art, KEPT "[2]", "kim.b@news.example.co.kr", "an e-mail address, Hangul after");
    XP_STR_EQ(art, KEPT "[3]", "https://example.org/a_(b).pdf", "its own brackets kept, comma not");
    XP_STR_EQ(art, KEPT "[4]", "http://example.org/x.html", "the full stop is not part of it");
    XP_INT_EQ(art, "count(//a:p[@id='p1']/a:s)", 4, "four sentences, none cut in an address");
    XP_STR_EQ(art, "//a:p[@id='p1']", "홈페이지(www.example.go.kr)에서 본다. 메일은 "
              "kim.b@news.example.co.kr로 보낸다. 자료는 https://example.org/a_(b).pdf, 또는 "
              "http://example.org/x.html. 끝이다.", "the text is unchanged");
#undef KEPT
    XP_INT_EQ(art, "count(//a:p[@id='p2']//a:span)", 0, "no host with a dot: no address");
    XP_INT_EQ(art, "count(//a:p[@id='p3']//a:span)", 0, "nothing more to keep in a kept block");
    XP_STR_EQ(art, "//a:p[@id='p4']/a:s/a:a/a:span[@translate='no']", "desk@example.org",
              "inside a link; a host without www. or a scheme is text");
    xmlFreeDoc(art);
}

static void test_refused(void)
{
    static const char *const not_articles[] = {
        "<html><body><p id=\"p1\">하나다. 둘이다.</p></body></html>",
        "<article version=\"1\"><body><p id=\"p1\">하나다. 둘이다.</p></body></article>",
        "<article xmlns=\"urn:example:other\"><body><p id=\"p1\">하나다.</p></body></article>",
    };
    for (size_t i = 0; i < sizeof not_articles / sizeof *not_articles; i++) {
        xmlDocPtr doc = xml_parse(not_articles[i]);
        artx_error err = {0};
        char msg[96];
        snprintf(msg, sizeof msg, "not an article (%zu): ARTX_ERR_INVALID", i + 1);
        INT_EQ(artx_sentences(doc, seg, &err), ARTX_ERR_INVALID, msg);
        INT_EQ(err.status, ARTX_ERR_INVALID, "... and err.status says so");
        XP_INT_EQ(doc, "count(//*[local-name()='s'])", 0, "... and nothing is wrapped");
        xmlFreeDoc(doc);
    }
}

int main(void)
{
    artx_init();
    artx_error err = {0};
    int rc = artx_segmenter_new(NULL, &seg, &err);
    INT_EQ(rc, 0, "the built-in rules load");
    if (seg) {
        test_ids_and_space();
        test_inline();
        test_blocks();
        test_addresses();
        test_refused();
    }
    artx_segmenter_free(seg);
    artx_cleanup();
    return harness_done("test_sentences");
}
