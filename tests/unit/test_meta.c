/* test_meta.c - metadata from free text (src/meta.c): dates, year
 * inference from image URLs, bylines, photo credits, publishers. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "internal.h"

#define KST (9 * 60)

/* Parse `text`, then check found-ness, the formatted value and precision.
 * want == NULL means "no date in the text". */
static void date_case_at(const char *file, int line, const char *text, int def,
                         bool has_def, const char *want, artx_precision prec, const char *msg)
{
    artx_date d;
    memset(&d, 0x5A, sizeof d); /* garbage: the parser must fill what it reports */
    bool found = artx_date_parse(text, def, has_def, &d);
    char buf[64] = "";
    if (found)
        artx_date_format(&d, buf, sizeof buf);
    /* got/want NULL stands for "no date found". */
    if (!harness_str_eq(found ? buf : NULL, want, file, line, msg) || !want)
        return;
    harness_str_eq(artx_precision_name(d.precision), artx_precision_name(prec), file, line,
                   msg);
}
#define date_case(...) date_case_at(__FILE__, __LINE__, __VA_ARGS__)

static void test_dates(void)
{
    date_case("2025-05-28T00:13:03+09:00", KST, true, "2025-05-28T00:13:03+09:00",
              ARTX_PREC_SECOND, "ISO 8601 with +09:00");
    date_case("2023-04-20T04:22:12Z", KST, true, "2023-04-20T04:22:12Z", ARTX_PREC_SECOND,
              "ISO 8601 with Z keeps Z (default offset not applied)");
    date_case("2023. 11. 1. 07:00", KST, true, "2023-11-01T07:00+09:00", ARTX_PREC_MINUTE,
              "portal form \"2023. 11. 1. 07:00\" with default +540");
    date_case("2020.07.13. 오후 5:04", KST, true, "2020-07-13T17:04+09:00", ARTX_PREC_MINUTE,
              "오후 5:04 is 17:04");
    date_case("2020.07.13. 오전 12:30", KST, true, "2020-07-13T00:30+09:00", ARTX_PREC_MINUTE,
              "오전 12:30 is 00:30");
    date_case("2020.07.13. 오후 12:30", KST, true, "2020-07-13T12:30+09:00", ARTX_PREC_MINUTE,
              "오후 12:30 stays 12:30");
    date_case("기사입력 2020.07.13. 오후 5:04 최종수정 2020.07.14. 오전 9:10", KST, true,
              "2020-07-13T17:04+09:00", ARTX_PREC_MINUTE, "first of two dates is found");
    date_case("송고시간 2023-04-20 13:22:12", KST, true, "2023-04-20T13:22:12+09:00",
              ARTX_PREC_SECOND, "송고시간 with seconds");
    date_case("2024년 5월 3일 14시 20분", KST, true, "2024-05-03T14:20+09:00", ARTX_PREC_MINUTE,
              "Korean 년 월 일 시 분");
    date_case("2024년 5월 3일", KST, true, "2024-05-03", ARTX_PREC_DAY, "Korean date only");
    date_case("2024년 5월", KST, true, "2024-05", ARTX_PREC_MONTH, "Korean year and month");
    date_case("Sat, 03 Apr 2010 21:15:06 +0900", 0, false, "2010-04-03T21:15:06+09:00",
              ARTX_PREC_SECOND, "RFC 822");
    date_case("September 3, 2024", KST, true, "2024-09-03", ARTX_PREC_DAY,
              "English month name, day precision");
    date_case("Updated Sept. 3, 2024", KST, true, "2024-09-03", ARTX_PREC_DAY,
              "abbreviated month with a dot");
    /* A word that merely starts like a month is not one. */
    date_case("Decade 5 2024", KST, true, NULL, ARTX_PREC_NONE,
              "\"Decade\" is not December");
    date_case("2024-02-30", KST, true, NULL, ARTX_PREC_NONE, "2024-02-30 is not a date");
    date_case("2024-02-29", KST, true, "2024-02-29", ARTX_PREC_DAY, "leap day 2024");
    date_case("2023-02-29", KST, true, NULL, ARTX_PREC_NONE, "2023-02-29 is not a date");
    date_case("hello", KST, true, NULL, ARTX_PREC_NONE, "no date in \"hello\"");
    date_case("", KST, true, NULL, ARTX_PREC_NONE, "no date in \"\"");
    date_case("2023. 11. 1. 07:00", KST, false, "2023-11-01T07:00", ARTX_PREC_MINUTE,
              "local time without a default has no offset");
    date_case("2023-04-20 13:22 KST", 0, false, "2023-04-20T13:22+09:00", ARTX_PREC_MINUTE,
              "KST zone");
    date_case("2023-04-20T13:22:12.345-05:00", KST, true, "2023-04-20T13:22:12-05:00",
              ARTX_PREC_SECOND, "fraction and negative offset");

    /* Field values, not just the formatted form. */
    artx_date d;
    if (OK(artx_date_parse("2025-05-28T00:13:03+09:00", 0, false, &d), "fields: found")) {
        INT_EQ(d.year, 2025, "fields: year");
        INT_EQ(d.month, 5, "fields: month");
        INT_EQ(d.day, 28, "fields: day");
        INT_EQ(d.hour, 0, "fields: hour");
        INT_EQ(d.minute, 13, "fields: minute");
        INT_EQ(d.second, 3, "fields: second");
        INT_EQ(d.offset, 540, "fields: offset");
        OK(d.has_offset, "fields: has_offset");
        INT_EQ(d.precision, ARTX_PREC_SECOND, "fields: precision");
    }
    if (OK(artx_date_parse("2023. 11. 1. 07:00", KST, false, &d), "no default: found"))
        OK(!d.has_offset, "no default: has_offset is false");

    STR_EQ(artx_precision_name(ARTX_PREC_DAY), "day", "precision name day");
    STR_EQ(artx_precision_name(ARTX_PREC_MINUTE), "minute", "precision name minute");
    STR_EQ(artx_precision_name(ARTX_PREC_SECOND), "second", "precision name second");
    STR_EQ(artx_precision_name(ARTX_PREC_MONTH), "month", "precision name month");
    STR_EQ(artx_precision_name(ARTX_PREC_YEAR), "year", "precision name year");
}

static void test_year_from_url(void)
{
    INT_EQ(artx_date_year_from_url(
               "https://t1.daumcdn.net/news/202512/04/hani/20251204155636229cggq.jpg", 12, 4),
           2025, "Daum image URL, month and day agree");
    INT_EQ(artx_date_year_from_url(
               "https://t1.daumcdn.net/news/202512/04/hani/20251204155636229cggq.jpg", 11, 4),
           0, "Daum image URL, month disagrees");
    INT_EQ(artx_date_year_from_url("https://x/20240912103015482kxtr.jpg", 9, 12), 2024,
           "file-name stamp only");
    INT_EQ(artx_date_year_from_url("https://x/20240912103015482kxtr.jpg", 9, 13), 0,
           "file-name stamp, day disagrees");
    INT_EQ(artx_date_year_from_url("https://example.com/a.jpg", 1, 1), 0, "no stamp");
    INT_EQ(artx_date_year_from_url("", 1, 1), 0, "empty URL");
}

static void test_bylines(void)
{
    artx_byline b[8];
    bool whole;
    size_t n;

    n = artx_byline_parse("선담은 기자 sun@hani.co.kr", b, 8, &whole);
    INT_EQ(n, 1, "hani byline: one person");
    if (n >= 1) {
        STR_EQ(b[0].name, "선담은", "hani byline: name");
        STR_EQ(b[0].email, "sun@hani.co.kr", "hani byline: email");
    }
    OK(whole, "hani byline: whole");

    n = artx_byline_parse("이재동 기자 (trigger@yna.co.kr)", b, 8, &whole);
    INT_EQ(n, 1, "yna byline: one person");
    if (n >= 1) {
        STR_EQ(b[0].name, "이재동", "yna byline: name");
        STR_EQ(b[0].email, "trigger@yna.co.kr", "yna byline: email");
    }
    OK(whole, "yna byline: whole");

    n = artx_byline_parse("[매일경제 안병준 기자]", b, 8, &whole);
    INT_EQ(n, 1, "bracketed byline: one person");
    if (n >= 1) {
        STR_EQ(b[0].name, "안병준", "bracketed byline: name");
        STR_EQ(b[0].email, "", "bracketed byline: no email");
    }
    OK(whole, "bracketed byline: whole");

    n = artx_byline_parse("(서울=연합뉴스) 김정은 기자 = 인도주의 위기가 닥친 가자지구에서 "
                          "가장 가까운 유럽연합(EU) 회원국인 키프로스가 해상 구호 통로를 "
                          "여는 방안을 모색하고 있다.",
                          b, 8, &whole);
    INT_EQ(n, 1, "lead paragraph byline: one person");
    if (n >= 1)
        STR_EQ(b[0].name, "김정은", "lead paragraph byline: name");
    OK(!whole, "lead paragraph byline: not whole (the paragraph is article text)");

    n = artx_byline_parse("(서울=연합뉴스) 김정은 기자 =", b, 8, &whole);
    INT_EQ(n, 1, "dateline only: one person");
    OK(whole, "dateline only: whole");

    /* "기자" after an ordinary noun in running text is not a byline. */
    n = artx_byline_parse("이날 현장에는 취재 기자 수십 명이 몰렸다.", b, 8, &whole);
    INT_EQ(n, 0, "\"취재 기자\" in a sentence names no one");
    if (n >= 1)
        STR_EQ(b[0].name, "", "\"취재 기자\": no person named \"취재\"");

    n = artx_byline_parse("홍길동·김철수 기자", b, 8, &whole);
    INT_EQ(n, 2, "two names joined by a middle dot");
    if (n >= 2) {
        STR_EQ(b[0].name, "홍길동", "middle dot: first name");
        STR_EQ(b[1].name, "김철수", "middle dot: second name");
    }
    OK(whole, "middle dot: whole");

    n = artx_byline_parse("홍길동·김철수 기자", b, 1, &whole);
    INT_EQ(n, 1, "max=1 caps the count");

    n = artx_byline_parse("기자회견에서 밝혔다", b, 8, &whole);
    INT_EQ(n, 0, "기자회견 is not a byline");
    OK(!whole, "기자회견: not whole");

    n = artx_byline_parse("By Jane Doe and John Roe", b, 8, &whole);
    INT_EQ(n, 2, "English byline: two people");
    if (n >= 2) {
        STR_EQ(b[0].name, "Jane Doe", "English byline: first");
        STR_EQ(b[1].name, "John Roe", "English byline: second");
        STR_EQ(b[0].email, "", "English byline: no email");
    }
    OK(whole, "English byline: whole");

    n = artx_byline_parse("By Jane Doe, John Roe and Ann Lee", b, 8, &whole);
    INT_EQ(n, 3, "English byline, comma list: three people");
    if (n >= 3)
        STR_EQ(b[2].name, "Ann Lee", "English byline, comma list: third");
    OK(whole, "English byline, comma list: whole");

    n = artx_byline_parse("정부는 내년 예산안을 다음 주 국회에 제출할 계획이다.", b, 8, &whole);
    INT_EQ(n, 0, "plain Korean sentence: no byline");
    OK(!whole, "plain Korean sentence: not whole");

    n = artx_byline_parse("The government will submit its budget next week.", b, 8, &whole);
    INT_EQ(n, 0, "plain English sentence: no byline");
    OK(!whole, "plain English sentence: not whole");

    n = artx_byline_parse("", b, 8, &whole);
    INT_EQ(n, 0, "empty text: no byline");
    OK(!whole, "empty text: not whole");
}

/* Split a caption and compare both halves. */
static void credit_case_at(const char *file, int line, const char *caption,
                           const char *want_prefix, const char *want_credit, const char *msg)
{
    size_t len = strlen(caption);
    size_t at = artx_credit_split(caption);
    if (!harness_ok(at <= len, file, line, msg))
        return;
    char *prefix = malloc(at + 1);
    if (!prefix)
        return;
    memcpy(prefix, caption, at);
    prefix[at] = '\0';
    harness_str_eq(prefix, want_prefix, file, line, msg);
    harness_str_eq(caption + at, want_credit, file, line, msg);
    free(prefix);
}
#define credit_case(...) credit_case_at(__FILE__, __LINE__, __VA_ARGS__)

static void test_credits(void)
{
    credit_case("윤석열 대통령이 외국 정상과 대화하고 있다. 대통령실 제공",
                "윤석열 대통령이 외국 정상과 대화하고 있다. ", "대통령실 제공", "… 대통령실 제공");
    credit_case("한 시민이 투표 용지에 기표하고 있다. [중앙포토]",
                "한 시민이 투표 용지에 기표하고 있다. ", "[중앙포토]", "… [중앙포토]");
    credit_case("장관이 행사에서 인사말을 하고 있다. 연합뉴스",
                "장관이 행사에서 인사말을 하고 있다. ", "연합뉴스", "… 연합뉴스");
    credit_case("대통령이 국무회의에서 발언하고 있다. 대통령실사진기자단.",
                "대통령이 국무회의에서 발언하고 있다. ", "대통령실사진기자단.",
                "… 대통령실사진기자단. (trailing dot kept in the credit)");
    credit_case("선수들이 경기장에 입장하고 있다. /사진=홍길동 기자",
                "선수들이 경기장에 입장하고 있다. /", "사진=홍길동 기자",
                "… /사진=홍길동 기자 (credit starts at 사진=)");
    credit_case("시위대가 거리를 행진하고 있다. AP=연합뉴스",
                "시위대가 거리를 행진하고 있다. ", "AP=연합뉴스", "… AP=연합뉴스");
    credit_case("장관이 행사에서 인사말을 하고 있다. 연합뉴",
                "장관이 행사에서 인사말을 하고 있다. 연합뉴", "",
                "truncated \"연합뉴\" is no credit");
    credit_case("연합뉴스", "연합뉴스", "", "a caption that is only a credit keeps it as text");
    credit_case("장관이 행사에서 인사말을 하고 있다.", "장관이 행사에서 인사말을 하고 있다.", "",
                "caption without a credit");
    credit_case("", "", "", "empty caption");
}

static void test_publishers(void)
{
    STR_EQ(artx_publisher_lookup("hani"), "한겨레", "Daum code hani");
    STR_EQ(artx_publisher_lookup("025"), "중앙일보", "Naver office 025");
    STR_EQ(artx_publisher_lookup("001"), "연합뉴스", "Naver office 001");
    STR_EQ(artx_publisher_lookup("hani.co.kr"), "한겨레", "domain hani.co.kr");
    STR_EQ(artx_publisher_lookup("mix@hani.co.kr"), "한겨레", "e-mail domain mix@hani.co.kr");
    STR_EQ(artx_publisher_lookup("news.hani.co.kr"), "한겨레", "subdomain news.hani.co.kr");
    STR_EQ(artx_publisher_lookup("www.yna.co.kr"), "연합뉴스", "subdomain www.yna.co.kr");
    STR_EQ(artx_publisher_lookup("nothani.co.kr"), NULL, "nothani.co.kr is not hani");
    STR_EQ(artx_publisher_lookup("unknown"), NULL, "unknown key");
    STR_EQ(artx_publisher_lookup(""), NULL, "empty key");
}

int main(void)
{
    test_dates();
    test_year_from_url();
    test_bylines();
    test_credits();
    test_publishers();
    return harness_done("test_meta");
}
