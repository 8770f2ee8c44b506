/* test_segment.c - sentences (src/segment.c): the SRX 2.0 engine on ICU and
 * artx's built-in rules (xslt/artx-segment.srx). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <unicode/uclean.h>

#include "harness.h"
#include "internal.h"

/* The sentences of `text`, trimmed, joined by " | " (malloc'ed), or NULL
 * when segmenting fails. */
static char *sentences(artx_segmenter *seg, const char *lang, const char *text)
{
    size_t *br = NULL, n = 0, len = strlen(text), prev = 0;
    artx_error err = {0};
    if (artx_segment(seg, lang, text, len, &br, &n, &err)) {
        fprintf(stderr, "    segment: %s\n", err.message);
        return NULL;
    }
    char *out = malloc(len * 2 + 4 * n + 1);
    size_t o = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t end = i < n ? br[i] : len, s = prev, e = end;
        while (s < e && (text[s] == ' ' || text[s] == '\n' || text[s] == '\t'))
            s++;
        while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t'))
            e--;
        if (i > 0) {
            memcpy(out + o, " | ", 3);
            o += 3;
        }
        memcpy(out + o, text + s, e - s);
        o += e - s;
        prev = end;
    }
    out[o] = '\0';
    free(br);
    return out;
}

static void seg_case_at(const char *file, int line, artx_segmenter *seg, const char *lang,
                        const char *text, const char *want, const char *msg)
{
    char *got = sentences(seg, lang, text);
    harness_str_eq(got, want, file, line, msg);
    free(got);
}
#define SEG(...) seg_case_at(__FILE__, __LINE__, __VA_ARGS__)

/* Write an SRX file with the given header attributes, extra header
 * content, language rules and maps; returns its path (static buffer). */
static const char *write_srx(const char *header_attrs, const char *header_extra,
                             const char *rules, const char *maps)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/artx-test-%d.srx", (int)getpid());
    FILE *f = fopen(path, "w");
    if (!f)
        return path;
    fprintf(f,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<srx xmlns=\"http://www.lisa.org/srx20\" "
            "xmlns:okpsrx=\"http://okapi.sf.net/srx-extensions\" version=\"2.0\">\n"
            "<header %s>%s</header>\n<body>\n<languagerules>%s</languagerules>\n"
            "<maprules>%s</maprules>\n</body>\n</srx>\n",
            header_attrs, header_extra, rules, maps);
    fclose(f);
    return path;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* The seed article's paragraph 4 (a news paragraph with quotes, brackets
 * and middle dots). */
#define SEED_1 "샘 올트먼 오픈에이아이 최고경영자(CEO)는 지난 10월 한국을 방문해 이재용 삼성전자 회장과 ‘글로벌 인공지능 핵심 인프라 구축을 위한 상호 협력 의향서(LOI)’를 체결한 바 있다."
#define SEED_2 "오픈에이아이는 삼성전자·삼성에스디에스(SDS)와 경북 포항에 초대형 인공지능 데이터센터를 건설하고, 삼성물산·삼성중공업은 바다 위에 떠 있는 해상 설치형 플로팅 데이터센터 개발을 함께 추진한다."
#define SEED_3 "김 대표는 국내 건설을 추진 중인 데이터센터의 활용 방안에 대해선 “실제 지어진 뒤에야 알 수 있을 것”이라며 특정 용도를 미리 정해두진 않았다고 설명했다."
#define SEED_4 "다만, “앞으로 인공지능 인프라가 부족할 것이 분명하기 때문에 한국에서도 이를 확보하기 위한 프로젝트”라는 점을 강조했다."

static void test_korean(artx_segmenter *seg)
{
    SEG(seg, "ko", SEED_1 " " SEED_2 " " SEED_3 " " SEED_4,
        SEED_1 " | " SEED_2 " | " SEED_3 " | " SEED_4, "seed paragraph 4: its four sentences");
    SEG(seg, "ko", "그는 \"모두 끝났다.\"라고 말했다. 다음 날 떠났다.",
        "그는 \"모두 끝났다.\"라고 말했다. | 다음 날 떠났다.", "no break in .\"라고");
    SEG(seg, "ko", "그는 \"정말 끝났어?\" 하고 물었다. 대답은 없었다.",
        "그는 \"정말 끝났어?\" 하고 물었다. | 대답은 없었다.", "no break in ?\" 하고");
    SEG(seg, "ko", "‘이번에는 다르다.’라는 말이 돌았다. 그러나 같았다.",
        "‘이번에는 다르다.’라는 말이 돌았다. | 그러나 같았다.", "no break in 다.’라는");
    SEG(seg, "ko", "이 연구는 처음이다.[2] 다른 연구도 있다.",
        "이 연구는 처음이다.[2] | 다른 연구도 있다.", "the footnote mark [2] stays whole");
    SEG(seg, "ko", "행사는 2019.3.1. 오후에 열렸다. 다음 행사는 2020. 3. 1. 열린다.",
        "행사는 2019.3.1. 오후에 열렸다. | 다음 행사는 2020. 3. 1. 열린다.",
        "no break in dates 2019.3.1. and 2020. 3. 1.");
    SEG(seg, "ko", "1. 첫째 항목이다. 2. 둘째 항목이다.", "1. 첫째 항목이다. | 2. 둘째 항목이다.",
        "no break after list markers");
    SEG(seg, "ko", "U.S. 정부가 발표했다. Dr. 김이 말했다.", "U.S. 정부가 발표했다. | Dr. 김이 말했다.",
        "no break after U.S. and Dr.");
    SEG(seg, "ko", "회사에 다녀왔습니다. 분위기도 좋고 음식도 맛있었어요 다만, 비쌌죠? 다음에 또 가요.",
        "회사에 다녀왔습니다. | 분위기도 좋고 음식도 맛있었어요 | 다만, 비쌌죠? | 다음에 또 가요.",
        "sentence ends 다. 요 죠? 요.");
    SEG(seg, "ko", "결과는 이렇다.” 그는 자리를 떠났다.", "결과는 이렇다.” | 그는 자리를 떠났다.",
        "a closing quote, then space");
    SEG(seg, "ko", "정말 맛있었습니다ㅎㅎ 다음에 또 올게요", "정말 맛있었습니다ㅎㅎ | 다음에 또 올게요",
        "emoticons belong to the sentence before them");
    SEG(seg, "ko", "스크롤을 조금 내리다 보면 메뉴가 나옵니다.", "스크롤을 조금 내리다 보면 메뉴가 나옵니다.",
        "no break in 내리다 보면");
    SEG(seg, "ko", "그는 \"문제없어. 잘 될 거야.\" 하며 웃었다.", "그는 \"문제없어. 잘 될 거야.\" 하며 웃었다.",
        "no break inside a quotation that goes on");
    SEG(seg, "ko", "모두 필요 없다고 했다. 주요 기업이 참여한다.",
        "모두 필요 없다고 했다. | 주요 기업이 참여한다.", "no break after 필요, 주요");
}

/* Korean sentence endings without punctuation, informal and dialect ones
 * included, each with a case where the same syllables do not end a
 * sentence. */
static void test_korean_endings(artx_segmenter *seg)
{
    /* Informal and dialect endings before a new clause. */
    SEG(seg, "ko", "어제 시장에 갔었걸랑 거기서 친구를 만났어", "어제 시장에 갔었걸랑 | 거기서 친구를 만났어",
        "-걸랑");
    SEG(seg, "ko", "그건 제가 할 일이쥬 걱정 마시고요", "그건 제가 할 일이쥬 | 걱정 마시고요", "-쥬");
    SEG(seg, "ko", "밥은 잘 먹었어유 배가 불러유", "밥은 잘 먹었어유 | 배가 불러유", "-유");
    SEG(seg, "ko", "비가 온다니께 우산 챙기라고", "비가 온다니께 | 우산 챙기라고", "-다니께");
    SEG(seg, "ko", "그 사람 참 좋더라구 다음에 또 보자", "그 사람 참 좋더라구 | 다음에 또 보자", "-더라구");
    SEG(seg, "ko", "거기 누가 있긋나 아무도 없을 끼다", "거기 누가 있긋나 | 아무도 없을 끼다", "-긋나");
    SEG(seg, "ko", "그때는 참 좋았제 다시 가고 싶다", "그때는 참 좋았제 | 다시 가고 싶다", "-제");
    SEG(seg, "ko", "오늘은 그만 한데이 내일 또 보자", "오늘은 그만 한데이 | 내일 또 보자", "-데이");
    SEG(seg, "ko", "이 집 진짜 맛있당 또 오고 싶어염 추천해여", "이 집 진짜 맛있당 | 또 오고 싶어염 | 추천해여",
        "-당, -염, -여");
    SEG(seg, "ko", "그건 니가 한 거야 나는 몰라", "그건 니가 한 거야 | 나는 몰라", "-ㄴ 거야");
    SEG(seg, "ko", "벌써 다 끝났네 이제 집에 가자", "벌써 다 끝났네 | 이제 집에 가자", "-네");
    SEG(seg, "ko", "이번에는 누가 이길까 궁금하지 않아? 나는 알아", "이번에는 누가 이길까 궁금하지 않아? | 나는 알아",
        "-ㄹ까 before a verb that takes the question is no end");
    SEG(seg, "ko", "오늘은 어디로 갈까 바다로 가자", "오늘은 어디로 갈까 | 바다로 가자", "-ㄹ까");
    SEG(seg, "ko", "그런 말 하지 마 다 알고 있어", "그런 말 하지 마 | 다 알고 있어", "-지 마");
    SEG(seg, "ko", "내일은 비가 올듯 우산을 챙기자", "내일은 비가 올듯 | 우산을 챙기자", "-ㄹ듯");
    SEG(seg, "ko", "그냥 다 버려~ 다음에 새로 사자", "그냥 다 버려~ | 다음에 새로 사자", "-어~");
    SEG(seg, "ko", "아까 먹은 게 큰 실수 그러면 안 됐는데", "아까 먹은 게 큰 실수 | 그러면 안 됐는데",
        "a sentence-initial conjunction after a noun");
    SEG(seg, "ko", "완전히 안좋아함 다들 그렇게 생각함", "완전히 안좋아함 | 다들 그렇게 생각함", "-아함 (음슴체)");

    /* The same syllables inside news sentences: no break. */
    SEG(seg, "ko", "이 분야 전문가들은 현재 소재 파악이 안 됐다고 밝혔다.",
        "이 분야 전문가들은 현재 소재 파악이 안 됐다고 밝혔다.", "분야, 현재, 소재 are nouns");
    SEG(seg, "ko", "행사에 참석한 어르신들께 감사드린다고 말했다.",
        "행사에 참석한 어르신들께 감사드린다고 말했다.", "들께 is a particle");
    SEG(seg, "ko", "정부는 다음 달 10일께 결과를 발표할 예정이다.",
        "정부는 다음 달 10일께 결과를 발표할 예정이다.", "10일께 is a date");
    SEG(seg, "ko", "그건 다른 얘기라 여기서는 다루지 않는다.", "그건 다른 얘기라 여기서는 다루지 않는다.",
        "얘기라 is a connective");
    SEG(seg, "ko", "기자가 직접 어떻게 됐나 살펴봤다.", "기자가 직접 어떻게 됐나 살펴봤다.",
        "a question taken by 살펴보다");
    SEG(seg, "ko", "누가 먼저 나설까 눈치를 봤다.", "누가 먼저 나설까 눈치를 봤다.", "a question taken by 눈치");
    SEG(seg, "ko", "그 사람을 두고 좋네 나쁘네 말이 많았다.", "그 사람을 두고 좋네 나쁘네 말이 많았다.",
        "-네 -네 in a pair");
    SEG(seg, "ko", "그는 전혀 몰랐고 못에 박혀 있던 판자를 뺐다.",
        "그는 전혀 몰랐고 못에 박혀 있던 판자를 뺐다.", "전혀, 박혀 are no -혀");
    SEG(seg, "ko", "사람들은 길게 줄을 섰고 곧 알게 됐다.", "사람들은 길게 줄을 섰고 곧 알게 됐다.",
        "adverbial -게 is no promise");
    SEG(seg, "ko", "배우 권지용 씨가 행사에 참석했다.", "배우 권지용 씨가 행사에 참석했다.", "a name before 씨");
    SEG(seg, "ko", "며칠 전~ 친구와 함께 다녀왔어요", "며칠 전~ 친구와 함께 다녀왔어요", "a noun before a tilde");
    SEG(seg, "ko", "나 근데 배고파", "나 근데 배고파", "a conjunction after a one-syllable word");
    SEG(seg, "ko", "비가 올듯 말듯 하다가 그쳤다.", "비가 올듯 말듯 하다가 그쳤다.", "-듯 말듯");
    SEG(seg, "ko", "시민들은 불현듯 떠오른 생각을 적었다.", "시민들은 불현듯 떠오른 생각을 적었다.", "불현듯");
}

/* Quotations, emoticons, ellipses and other marks in Korean. */
static void test_korean_marks(artx_segmenter *seg)
{
    SEG(seg, "ko", "그는 \"우리가 평소에 '그냥 하자'고 했다. 그래서 나갔다\"라며 웃었다. 다음 날 떠났다.",
        "그는 \"우리가 평소에 '그냥 하자'고 했다. 그래서 나갔다\"라며 웃었다. | 다음 날 떠났다.",
        "a quotation with a quoted span inside goes on");
    SEG(seg, "ko", "그는 “첫 대회다. 부상(발목)은 나았다. 잘하겠다”고 말했다. 이어 떠났다.",
        "그는 “첫 대회다. 부상(발목)은 나았다. 잘하겠다”고 말했다. | 이어 떠났다.",
        "a quotation with a bracket inside goes on");
    SEG(seg, "ko", "민수:\"너 지금 어디야...\" 영희:\"집이야.\"", "민수:\"너 지금 어디야...\" | 영희:\"집이야.\"",
        "a straight quote after a colon opens");
    SEG(seg, "ko", "위 문장은 \"쌍둥이\" 라는 뜻입니다. one's family는 집안 내력입니다.",
        "위 문장은 \"쌍둥이\" 라는 뜻입니다. | one's family는 집안 내력입니다.",
        "an apostrophe closes no quotation");
    SEG(seg, "ko", "ㅋㅋㅋ 오늘 너무 웃겼다", "ㅋㅋㅋ 오늘 너무 웃겼다", "no break after laughter that starts the text");
    SEG(seg, "ko", "오늘도 포스팅해볼게요^^오늘은 맑음", "오늘도 포스팅해볼게요^^ | 오늘은 맑음",
        "^^ before a word");
    SEG(seg, "ko", "너무 많이 먹어서 후회중ㅋ 다음에 또 가자", "너무 많이 먹어서 후회중ㅋ | 다음에 또 가자",
        "one jamo after a word");
    SEG(seg, "ko", "이렇게 다 됐다 그러니까.", "이렇게 다 됐다 그러니까.", "a closing tag goes with its sentence");
    SEG(seg, "ko", "역시 라면이 최고지요~ 하하하", "역시 라면이 최고지요~ 하하하", "laughter that ends the text");
    SEG(seg, "ko", "시장을 둘러보고... \"이거 얼마예요?\" 하고 물었다.",
        "시장을 둘러보고... | \"이거 얼마예요?\" 하고 물었다.", "a quotation after an ellipsis starts a sentence");
    SEG(seg, "ko", "네... 여기 서울인데요", "네... 여기 서울인데요", "an interjection before an ellipsis");
    SEG(seg, "ko", "그건 없다는.... 그래서 샀다", "그건 없다는.... | 그래서 샀다", "-다는 before an ellipsis ends");
    SEG(seg, "ko", "저희는 전. 부. 다. 요!!! 좋았어요", "저희는 전. 부. 다. 요!!! | 좋았어요",
        "syllables spelt out one by one");
    SEG(seg, "ko", "내가 도박을 했다면?라는 상상을 했다.", "내가 도박을 했다면?라는 상상을 했다.",
        "no break before a quotative after ?");
    SEG(seg, "ko", "분류는 다음과 같다.[부록] 표를 보라.", "분류는 다음과 같다. | [부록] 표를 보라.",
        "a bracket after a full stop without space");
    SEG(seg, "ko", "급 자괴감...(멍청하게도 토요일 밤을 이렇게 보냈다", "급 자괴감... | (멍청하게도 토요일 밤을 이렇게 보냈다",
        "a bracket after an ellipsis without space");
    SEG(seg, "ko", "그 한계(여기서는 다룰 수 없다) 안에서 움직인다.", "그 한계(여기서는 다룰 수 없다) 안에서 움직인다.",
        "a bracket right after a word is part of the sentence");
    SEG(seg, "ko", "소리는 카운터였음(바로 옆) 다들 들었음", "소리는 카운터였음(바로 옆) | 다들 들었음",
        "a bracket right after an ending is not");

    /* An unclosed bracket does not keep the rest of a long text together. */
    char text[8192] = "그는 (웃으며 말했다. ", want[8192] = "그는 (웃으며 말했다.";
    for (int i = 0; i < 60; i++) {
        strcat(text, "다음 문장이 온다. ");
        strcat(want, " | 다음 문장이 온다.");
    }
    text[strlen(text) - 1] = '\0';
    char *got = sentences(seg, "ko", text);
    OK(got && strstr(got, " | 다음 문장이 온다. | 다음 문장이 온다."),
       "sentences far after an unclosed bracket break");
    free(got);
}

/* The built-in rules are compiled when a language first needs them, and
 * their language maps match a tag in any case (BCP 47 tags are
 * case-insensitive): ko, KO-KR and Ko_kr get the Korean rules, which keep
 * a quoted sentence and a list marker with the sentence around them;
 * another language does not. */
static void test_language_tags(artx_segmenter *seg)
{
    static const char text[] = "그는 \"좋다. 가자.\"라고 말했다. 1. 첫째 항목이다.";
    static const char korean[] = "그는 \"좋다. 가자.\"라고 말했다. | 1. 첫째 항목이다.";
    SEG(seg, "ko", text, korean, "tags: ko");
    SEG(seg, "KO-KR", text, korean, "tags: KO-KR, upper case");
    SEG(seg, "Ko_kr", text, korean, "tags: Ko_kr, mixed case and '_'");
    char *other = sentences(seg, "xx", text);
    OK(other && strcmp(other, korean) != 0, "tags: xx does not get the Korean rules");
    free(other);
    char *first = sentences(seg, "en", text), *again = sentences(seg, "en", text);
    OK(first && again && !strcmp(first, again), "tags: a language's rules, once compiled, stay");
    free(first);
    free(again);
}

static void test_english(artx_segmenter *seg)
{
    SEG(seg, "en", "Mr. Smith went to Washington. He left on Monday.",
        "Mr. Smith went to Washington. | He left on Monday.", "Mr. is a title");
    SEG(seg, "en", "I live in the U.S. How about you?", "I live in the U.S. | How about you?",
        "an initialism before a sentence starter");
    SEG(seg, "en", "I work for the U.S. Government in Virginia.",
        "I work for the U.S. Government in Virginia.", "an initialism before a name");
    SEG(seg, "en", "Please turn to p. 55. Then read on.", "Please turn to p. 55. | Then read on.",
        "p. before a number");
    /* Issue 14: list markers, abbreviations before numbers, glued stops. */
    SEG(seg, "en", "10. Tenth item 11. Eleventh item", "10. Tenth item | 11. Eleventh item",
        "two-digit markers");
    SEG(seg, "en", "Q. Is it far? A. Not at all.", "Q. Is it far? | A. Not at all.", "Q. and A.");
    SEG(seg, "en", "Costs rose by 1. In May they fell.", "Costs rose by 1. | In May they fell.",
        "a number that ends a sentence is no marker");
    SEG(seg, "en", "We met on Jan. 15 at noon.", "We met on Jan. 15 at noon.", "a month before a day");
    SEG(seg, "en", "Acme Co. (a maker of anvils) grew.", "Acme Co. (a maker of anvils) grew.",
        "Co. before a parenthesis");
    SEG(seg, "en", "It ends at 9 p.m. Nobody stays.", "It ends at 9 p.m. | Nobody stays.",
        "p.m. at the end of a sentence");
    SEG(seg, "en", "It rained.[2] We left.", "It rained.[2] | We left.", "a footnote after the stop");
    SEG(seg, "en", "It rained.Then we left.", "It rained. | Then we left.", "no space after the stop");
    SEG(seg, "ko", "수도이다.[3][4] 인구는 많다.", "수도이다.[3][4] | 인구는 많다.", "a chain of citations");
    SEG(seg, "ko", "인구는 3천 명이다. (2019년 기준) 대부분은 농민이다.",
        "인구는 3천 명이다. (2019년 기준) | 대부분은 농민이다.", "an annotation after the stop");
    SEG(seg, "ko", "끝났다.2월에는 쉬었다.", "끝났다. | 2월에는 쉬었다.", "a number right after the stop");
    SEG(seg, "ko", "존 F. 케네디가 왔다.", "존 F. 케네디가 왔다.", "a Latin initial in Korean text");
    SEG(seg, "en", "My name is Jonas E. Smith. I am here.", "My name is Jonas E. Smith. | I am here.",
        "a middle initial");
    SEG(seg, "en", "She turned to him, \"This is great.\" she said.",
        "She turned to him, \"This is great.\" she said.", "a lower-case word after a quote");
    SEG(seg, "en", "Hello!! Long time no see.", "Hello!! | Long time no see.", "!!");
    SEG(seg, "en", "I never meant that.... She left the store.",
        "I never meant that.... | She left the store.", "an ellipsis and a full stop");
    SEG(seg, "en", "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
        "At 5 a.m. Mr. Smith went to the bank. | He left the bank at 6 P.M. | Mr. Smith then went to the store.",
        "a.m. and P.M.");
    SEG(seg, "en-US", "It works. So does this.", "It works. | So does this.", "en-US maps to English");
}

static void test_cjk(artx_segmenter *seg)
{
    SEG(seg, "ja", "これはペンです。それはマーカーです。", "これはペンです。 | それはマーカーです。",
        "Japanese full stops without spaces");
    SEG(seg, "ja", "彼は「はい。」と言った。次の日に来た。", "彼は「はい。」と言った。 | 次の日に来た。",
        "no break before と after a quotation");
    SEG(seg, "zh", "我们明天一起去看《摔跤吧！爸爸》好吗？好！", "我们明天一起去看《摔跤吧！爸爸》好吗？ | 好！",
        "no break inside a Chinese title");
    SEG(seg, "fr", "Il est parti. Elle est restée.", "Il est parti. | Elle est restée.",
        "the default rules for another language");
}

static void test_offsets(artx_segmenter *seg)
{
    size_t *br = NULL, n = 0;
    artx_error err = {0};
    const char *t = "A b.  C d.";
    INT_EQ(artx_segment(seg, "en", t, strlen(t), &br, &n, &err), 0, "segment");
    INT_EQ(n, 1, "one break");
    if (n == 1)
        INT_EQ(br[0], 6, "the break is where the next sentence's first character is");
    free(br);

    br = NULL;
    t = "  Hello. World.  ";
    INT_EQ(artx_segment(seg, "en", t, strlen(t), &br, &n, &err), 0, "leading spaces");
    INT_EQ(n, 1, "one break, none before the first sentence or after the last");
    free(br);

    br = NULL;
    t = "첫째다. \xFF\xFE 둘째다. 셋째다.";
    INT_EQ(artx_segment(seg, "ko", t, strlen(t), &br, &n, &err), 0, "invalid UTF-8 is segmented");
    for (size_t i = 0; i < n; i++)
        OK(br[i] > 0 && br[i] < strlen(t) && (i == 0 || br[i] > br[i - 1]), "offsets ascend inside");
    free(br);

    br = NULL;
    INT_EQ(artx_segment(seg, "en", "", 0, &br, &n, &err), 0, "empty text");
    INT_EQ(n, 0, "no break in empty text");
    OK(br == NULL, "no array for no break");

    INT_EQ(artx_segment(NULL, "en", "a", 1, &br, &n, &err), ARTX_ERR_USAGE, "no segmenter");
}

/* A text of `size` bytes with no punctuation must stay linear. */
static void test_no_punctuation(artx_segmenter *seg)
{
    size_t size = 4u << 20;
    char *big = malloc(size + 1);
    static const char ko[] = "가나라마바사 아자차카 타파하 ";
    static const char en[] = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
    const char *const langs[2] = {"ko", "en"};
    const char *const words[2] = {ko, en};
    for (int l = 0; l < 2; l++) {
        size_t k = strlen(words[l]), n = 0;
        for (size_t i = 0; i + k <= size; i += k)
            memcpy(big + i, words[l], k), n = i + k;
        big[n] = '\0';
        size_t *br = NULL, count = 99;
        artx_error err = {0};
        INT_EQ(artx_segment(seg, langs[l], big, n, &br, &count, &err), 0,
               "4 MB without punctuation");
        INT_EQ(count, 0, "no break in 4 MB without punctuation");
        free(br);
    }
    free(big);
}

static void test_srx_engine(void)
{
    artx_segmenter *seg = NULL;
    artx_error err = {0};

    /* An empty before-pattern matches everywhere. */
    const char *p = write_srx("cascade=\"no\"", "",
                              "<languagerule languagerulename=\"L\">"
                              "<rule break=\"yes\"><beforebreak></beforebreak>"
                              "<afterbreak>X</afterbreak></rule></languagerule>",
                              "<languagemap languagepattern=\".*\" languagerulename=\"L\"/>");
    INT_EQ(artx_segmenter_new(p, &seg, &err), 0, "SRX with an empty before-pattern loads");
    if (seg)
        SEG(seg, "en", "aXbX c", "a | Xb | X c", "an empty before-pattern breaks before each X");
    artx_segmenter_free(seg);
    seg = NULL;

    /* cascade: all matching maps, or only the first. */
    const char *rules = "<languagerule languagerulename=\"A\">"
                        "<rule break=\"no\"><beforebreak>no\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
                        "<rule break=\"yes\"><beforebreak>!</beforebreak><afterbreak>\\s</afterbreak></rule>"
                        "</languagerule><languagerule languagerulename=\"B\">"
                        "<rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
                        "</languagerule>";
    const char *maps = "<languagemap languagepattern=\"en.*\" languagerulename=\"A\"/>"
                       "<languagemap languagepattern=\".*\" languagerulename=\"B\"/>";
    p = write_srx("cascade=\"yes\"", "", rules, maps);
    INT_EQ(artx_segmenter_new(p, &seg, &err), 0, "cascade=yes loads");
    if (seg) {
        SEG(seg, "en", "Hi! See no. 5. End", "Hi! | See no. 5. | End",
            "cascade: A's rules, then B's; A's no-rule wins");
        SEG(seg, "de", "Hi! See no. 5. End", "Hi! See no. | 5. | End", "only B for de");
    }
    artx_segmenter_free(seg);
    seg = NULL;
    p = write_srx("cascade=\"no\"", "", rules, maps);
    INT_EQ(artx_segmenter_new(p, &seg, &err), 0, "cascade=no loads");
    if (seg)
        SEG(seg, "en", "Hi! See no. 5. End", "Hi! | See no. 5. End", "no cascade: A's rules only");
    artx_segmenter_free(seg);
    seg = NULL;

    /* ICU's sentence breaks under the rules (Okapi's option). */
    p = write_srx("cascade=\"no\"",
                  "<okpsrx:options useIcu4jBreakRules=\"yes\"/>",
                  "<languagerule languagerulename=\"A\">"
                  "<rule break=\"no\"><beforebreak>\\bMr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
                  "</languagerule>",
                  "<languagemap languagepattern=\".*\" languagerulename=\"A\"/>");
    INT_EQ(artx_segmenter_new(p, &seg, &err), 0, "useIcu4jBreakRules loads");
    if (seg)
        SEG(seg, "en", "Mr. Smith left. He came back.", "Mr. Smith left. | He came back.",
            "ICU breaks, with the SRX no-rule on top");
    artx_segmenter_free(seg);
    seg = NULL;

    /* A map to a missing languagerule is skipped with a warning. */
    p = write_srx("", "", "<languagerule languagerulename=\"A\"/>",
                  "<languagemap languagepattern=\".*\" languagerulename=\"Nope\"/>");
    INT_EQ(artx_segmenter_new(p, &seg, &err), 0, "a map to a missing rule loads");
    if (seg) {
        const char *const *w = NULL;
        INT_EQ(artx_segmenter_warnings(seg, &w), 1, "one warning");
        OK(w && strstr(w[0], "Nope"), "the warning names the missing rule");
    }
    artx_segmenter_free(seg);
    seg = NULL;

    /* What the engine reads from a pattern to skip text must never lose a
     * match: a leading lookbehind (the character before a trigger), a
     * negative one (or the start of the text), the character after the
     * trigger, the two before a break="no" rule's end, a \G chain, and
     * triggers beyond the BMP. */
    p = write_srx("cascade=\"no\"", "",
                  "<languagerule languagerulename=\"E\">"
                  "<rule break=\"no\"><beforebreak>(?:\\[|\\G(?=\\s))[^\\[\\].]*\\.</beforebreak>"
                  "<afterbreak>\\s</afterbreak></rule>"
                  "<rule break=\"no\"><beforebreak>(?:ab|c)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
                  "<rule break=\"yes\"><beforebreak>(?&lt;=[xy])X</beforebreak><afterbreak>\\s</afterbreak></rule>"
                  "<rule break=\"yes\"><beforebreak>(?&lt;![^\\s])Y</beforebreak><afterbreak>\\s</afterbreak></rule>"
                  "<rule break=\"yes\"><beforebreak>Z(?=[!?])[!?]?|W[vw]</beforebreak><afterbreak></afterbreak></rule>"
                  "<rule break=\"yes\"><beforebreak>[\\x{1F600}\\x{2600}]</beforebreak><afterbreak>\\s</afterbreak></rule>"
                  "<rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
                  "</languagerule>",
                  "<languagemap languagepattern=\".*\" languagerulename=\"E\"/>");
    INT_EQ(artx_segmenter_new(p, &seg, &err), 0, "SRX with lookbehinds, lookaheads and \\G loads");
    if (seg) {
        SEG(seg, "en", "aX bX yX end", "aX bX yX | end", "a leading lookbehind: after y only");
        SEG(seg, "en", "Y aY Y end", "Y | aY Y | end", "a negative lookbehind: at the start and after space");
        SEG(seg, "en", "Z! aZb Z? Wv Wx Ww", "Z! | aZb Z? | Wv | Wx Ww", "the character after the trigger");
        SEG(seg, "en", "ab. cb. c. d", "ab. cb. | c. d", "the two characters before a break=no end");
        SEG(seg, "en", "[a. b. c] d. e", "[a. b. c] d. | e", "a \\G chain goes on where the last match ended");
        SEG(seg, "en", "hi \xF0\x9F\x98\x80 there \xE2\x98\x80 end", "hi \xF0\x9F\x98\x80 | there \xE2\x98\x80 | end",
            "triggers in and beyond the BMP");
    }
    artx_segmenter_free(seg);
    seg = NULL;

    /* Java-only syntax is translated: `-[` in a class is a union, a lone
     * brace is a literal, + in a lookbehind. */
    p = write_srx("", "",
                  "<languagerule languagerulename=\"J\">"
                  "<rule break=\"yes\"><beforebreak>[a-[b]]\\}</beforebreak><afterbreak>(?&lt;=[}]+)\\s</afterbreak></rule>"
                  "</languagerule>",
                  "<languagemap languagepattern=\".*\" languagerulename=\"J\"/>");
    INT_EQ(artx_segmenter_new(p, &seg, &err), 0, "Java syntax loads");
    if (seg)
        SEG(seg, "en", "x b} y -} z a} w", "x b} | y -} | z a} | w",
            "[a-[b]] is a, - and b, as in Java");
    artx_segmenter_free(seg);
    seg = NULL;
}

static void test_bad_srx(void)
{
    artx_segmenter *seg = NULL;
    artx_error err = {0};
    char path[64];
    snprintf(path, sizeof path, "/tmp/artx-test-bad-%d.srx", (int)getpid());

    write_file(path, "<srx xmlns=\"http://www.lisa.org/srx20\"><header></srx>");
    INT_EQ(artx_segmenter_new(path, &seg, &err), ARTX_ERR_INVALID, "not well-formed");
    OK(strstr(err.message, "well-formed") != NULL, "the message says not well-formed");
    OK(seg == NULL, "no segmenter");

    write_file(path, "<html><body>no</body></html>");
    INT_EQ(artx_segmenter_new(path, &seg, &err), ARTX_ERR_INVALID, "not SRX");
    OK(strstr(err.message, "not SRX") != NULL, "the message says not SRX");

    const char *p = write_srx("", "",
                              "<languagerule languagerulename=\"Broken\">"
                              "<rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
                              "<rule break=\"no\"><beforebreak>(unclosed</beforebreak><afterbreak>\\s</afterbreak></rule>"
                              "</languagerule>",
                              "<languagemap languagepattern=\".*\" languagerulename=\"Broken\"/>");
    INT_EQ(artx_segmenter_new(p, &seg, &err), ARTX_ERR_INVALID, "a rule that does not compile");
    OK(strstr(err.message, "rule 2") && strstr(err.message, "'Broken'") &&
           strstr(err.message, "(unclosed") && strstr(err.message, "U_REGEX"),
       "the message names the rule, its language rule, the pattern and ICU's error");

    INT_EQ(artx_segmenter_new("/nonexistent/rules.srx", &seg, &err), ARTX_ERR_IO, "a missing file");
    unlink(path);

    /* A rule that backtracks without end on a run of a's: ICU's time limit
     * stops it, the call fails and says why (it used to hang). */
    p = write_srx("", "",
                  "<languagerule languagerulename=\"Slow\">"
                  "<rule break=\"no\"><beforebreak>(a+)+b</beforebreak><afterbreak>\\s</afterbreak></rule>"
                  "<rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
                  "</languagerule>",
                  "<languagemap languagepattern=\".*\" languagerulename=\"Slow\"/>");
    INT_EQ(artx_segmenter_new(p, &seg, &err), 0, "a rule that backtracks loads");
    if (seg) {
        char text[8192] = "";
        for (int i = 0; i < 100; i++)
            strcat(text, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa. ");
        size_t *breaks = NULL, count = 0;
        artx_error e = {0};
        INT_EQ(artx_segment(seg, "en", text, strlen(text), &breaks, &count, &e), ARTX_ERR_INVALID,
               "segmenting with it fails, and does not hang");
        OK(strstr(e.message, "time limit") != NULL, "the message says a rule ran too long");
        free(breaks);
        INT_EQ(artx_segment(seg, "en", "No run. Here.", 13, &breaks, &count, &e), 0,
               "... and the segmenter still works on other text");
        INT_EQ((int)count, 1, "... with its break");
        free(breaks);
    }
    artx_segmenter_free(seg);
    seg = NULL;
    unlink(p);
}

/* Every public SRX file in $SHARED/seg/srx/ (SHARED: ../shared unless set)
 * loads and segments. */
static void test_public_srx(void)
{
    const char *shared = getenv("SHARED");
    char dir[256];
    snprintf(dir, sizeof dir, "%s/seg/srx", shared && *shared ? shared : "../shared");
    DIR *d = opendir(dir);
    OK(d != NULL, "$SHARED/seg/srx is there");
    if (!d)
        return;
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t k = strlen(e->d_name);
        if (k < 5 || strcmp(e->d_name + k - 4, ".srx"))
            continue;
        char path[512], msg[1200];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        artx_segmenter *seg = NULL;
        artx_error err = {0};
        int rc = artx_segmenter_new(path, &seg, &err);
        snprintf(msg, sizeof msg, "%s loads (%s)", e->d_name, rc ? err.message : "ok");
        INT_EQ(rc, 0, msg);
        files++;
        if (!seg)
            continue;
        static const char *const langs[] = {"en", "ko", "de", "ja"};
        static const char *const texts[] = {
            "Mr. Holmes is from the U.K. not the U.S. Is Dr. Watson from there too? Yes: both are.",
            SEED_1 " " SEED_2, "Das ist z.B. ein Satz. Hier ist noch einer.",
            "これはペンです。それはマーカーです。"};
        for (int i = 0; i < 4; i++) {
            size_t *br = NULL, n = 0;
            snprintf(msg, sizeof msg, "%s segments %s", e->d_name, langs[i]);
            INT_EQ(artx_segment(seg, langs[i], texts[i], strlen(texts[i]), &br, &n, &err), 0, msg);
            free(br);
        }
        artx_segmenter_free(seg);
    }
    closedir(d);
    OK(files >= 5, "five public SRX files");
}

int main(void)
{
    artx_init();
    artx_segmenter *seg = NULL;
    artx_error err = {0};
    int rc = artx_segmenter_new(NULL, &seg, &err);
    INT_EQ(rc, 0, "the built-in rules load");
    if (rc)
        fprintf(stderr, "    %s\n", err.message);
    if (seg) {
        test_korean(seg);
        test_korean_endings(seg);
        test_korean_marks(seg);
        test_language_tags(seg);
        test_english(seg);
        test_cjk(seg);
        test_offsets(seg);
        test_no_punctuation(seg);
    }
    artx_segmenter_free(seg);
    artx_segmenter_free(NULL);
    test_srx_engine();
    test_bad_srx();
    test_public_srx();
    char path[64];
    snprintf(path, sizeof path, "/tmp/artx-test-%d.srx", (int)getpid());
    unlink(path);
    artx_cleanup();
    u_cleanup();
    return harness_done("test_segment");
}
