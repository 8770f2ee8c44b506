/* test_srx_java.c - the Java-regex to ICU translator (src/srx_java.c),
 * construct by construct.  Linked without ICU (see the Makefile): the
 * translator is pure string code. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "srx_java.h"

/* One construct: a Java pattern, its translation, what the case shows. */
typedef struct jcase {
    const char *java, *icu, *msg;
} jcase;

/* Translate each case and compare. */
static void run_cases(const jcase *cs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *got = artx_srx_java_to_icu(cs[i].java);
        STR_EQ(got, cs[i].icu, cs[i].msg);
        free(got);
    }
}
#define RUN(cases) run_cases(cases, sizeof cases / sizeof *cases)

/* The anchors as srx_java.c writes them. */
#define START "(?<![\\s\\S])"
#define END "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))"
#define MSTART "(?:(?<![\\s\\S])|(?<=[\\n\\r\\u0085\\u2028\\u2029]))"
#define MEND "(?=[\\n\\r\\u0085\\u2028\\u2029]|(?![\\s\\S]))"

static void test_plain(void)
{
    static const jcase cases[] = {
        {"", "", "the empty pattern stays empty (not NULL)"},
        {"[.!?]\\s", "[.!?]\\s", "a pattern ICU reads as Java does is unchanged"},
        {"다\\.", "다\\.", "UTF-8 is copied byte for byte"},
        {"a|b", "a|b", "alternation unchanged"},
    };
    RUN(cases);
}

static void test_escapes(void)
{
    static const jcase cases[] = {
        {"a\\.b\\(", "a\\.b\\(", "escaped metacharacters unchanged"},
        {"\\pL", "\\p{L}", "one-letter property gets its braces"},
        {"\\PL\\p{Lu}", "\\P{L}\\p{Lu}", "negated one-letter property; braced one unchanged"},
        {"[\\pL]", "[\\p{L}]", "one-letter property inside a class"},
        {"\\p{javaLowerCase}", "\\p{javaLowerCase}", "Java's own properties: ICU knows them"},
        {"\\x{41}\\N{SPACE}", "\\x{41}\\N{SPACE}", "\\x{..} and \\N{..} unchanged"},
        {"\\p{L}{2}", "\\p{L}{2}", "an escape's braces are not taken for a quantifier"},
        {"\\x41\\u00A0", "\\x41\\u00A0", "\\xhh and \\uhhhh unchanged"},
        {"a\\", "a\\", "a trailing backslash is copied"},
    };
    RUN(cases);
}

static void test_anchors(void)
{
    static const jcase cases[] = {
        {"^a$", START "a" END, "^ and $: the ends of the whole text"},
        {"\\Aa\\Z\\z", START "a" END "(?![\\s\\S])", "\\A, \\Z and \\z"},
        {"(?m)^a$", "(?m)" MSTART "a" MEND, "(?m): ^ and $ also at line ends"},
        {"(?m)(?-m)^", "(?m)(?-m)" START, "(?-m) turns line anchors off again"},
        {"[\\A\\Z$^]", "[\\A\\Z$^]", "inside a class nothing is an anchor"},
    };
    RUN(cases);
}

static void test_classes(void)
{
    static const jcase cases[] = {
        {"[a-z]", "[a-z]", "a range unchanged"},
        {"[a-[b]]", "[a\\-[b]]", "-[ is Java's union: the '-' is a literal for ICU"},
        {"[\\p{L}-[a]]", "[\\p{L}\\-[a]]", "-[ after a property"},
        {"[a[bc]]", "[a[bc]]", "a nested class (union in both) unchanged"},
        {"[]a]", "[\\]a]", "']' first in a class is a literal"},
        {"[^]a]", "[^\\]a]", "']' first in a negated class is a literal"},
        {"[{}]", "[{}]", "braces inside a class stay as they are"},
        {"[a]{2}", "[a]{2}", "a quantifier after a class"},
    };
    RUN(cases);
}

static void test_braces(void)
{
    static const jcase cases[] = {
        {"a{2}", "a{2}", "{n} unchanged"},
        {"a{2,}", "a{2,}", "{n,} unchanged outside a lookbehind"},
        {"a{2,5}", "a{2,5}", "{n,m} unchanged"},
        {"{", "\\{", "a lone '{' is a literal"},
        {"}", "\\}", "a lone '}' is a literal"},
        {"a{,5}", "a\\{,5\\}", "{,m} is no quantifier in Java: literal braces"},
        {"a{x}", "a\\{x\\}", "{x} is literal"},
        {"a{2", "a\\{2", "an unclosed brace is literal"},
    };
    RUN(cases);
}

static void test_quantifiers(void)
{
    static const jcase cases[] = {
        {"a+ b*? c++ d?+", "a+ b*? c++ d?+", "greedy, lazy and possessive unchanged"},
        {"(?<=[XVI]+)", "(?<=[XVI]{1,64})", "+ in a lookbehind gets a bound"},
        {"(?<=a*)", "(?<=a{0,64})", "* in a lookbehind gets a bound"},
        {"(?<!a+)", "(?<!a{1,64})", "in a negative lookbehind too"},
        {"(?<=a{2,})", "(?<=a{2,64})", "{n,} in a lookbehind gets a bound"},
        {"(?<=a{2,3})", "(?<=a{2,3})", "{n,m} in a lookbehind is bounded already"},
        {"(?<=a?)", "(?<=a?)", "? in a lookbehind is bounded already"},
        {"(?<=a+?)", "(?<=a{1,64}?)", "a lazy + in a lookbehind keeps its ?"},
        {"(?<=a++)", "(?<=a{1,64}+)", "a possessive + in a lookbehind keeps its +"},
        {"(?<=a{2,}+)", "(?<=a{2,64}+)", "a possessive {n,} in a lookbehind"},
        {"(?<=(?:ab)+)", "(?<=(?:ab){1,64})", "a group inside a lookbehind"},
        {"(?<=(?=x)a+)", "(?<=(?=x)a{1,64})", "a lookahead inside a lookbehind"},
        {"(?<=a)b+", "(?<=a)b+", "after the lookbehind closes, no bound"},
        {"(?<=a)(?<=b)c*", "(?<=a)(?<=b)c*", "after two lookbehinds, no bound"},
    };
    RUN(cases);
}

static void test_groups(void)
{
    static const jcase cases[] = {
        {"(?:a)(?>b)(?=c)(?!d)", "(?:a)(?>b)(?=c)(?!d)", "group kinds unchanged"},
        {"(?<name>a)+", "(?<name>a)+", "a named group is no lookbehind"},
        {"(?i)a+", "(?i)a+", "flags unchanged"},
        {"(?i:a)+", "(?i:a)+", "a group with flags"},
        {"(", "(", "an unclosed group is copied"},
        {"(?", "(?", "an unfinished group head is copied"},
        {"a)+", "a)+", "an unmatched ')' is copied"},
    };
    RUN(cases);
}

static void test_quotes(void)
{
    static const jcase cases[] = {
        {"\\Q^$\\E$", "\\Q^$\\E" END, "\\Q..\\E quotes anchors; after \\E they count"},
        {"\\Qa{\\E{", "\\Qa{\\E\\{", "a brace inside \\Q..\\E is quoted, after \\E literal"},
        {"\\Q(?<=a+", "\\Q(?<=a+", "an unclosed \\Q quotes to the end"},
        {"(?<=\\Q+\\E+)", "(?<=\\Q+\\E{1,64})", "\\Q..\\E inside a lookbehind"},
    };
    RUN(cases);
}

static void test_deep(void)
{
    /* More groups than the translator tracks one by one: no overrun, and
     * the lookbehind at the bottom still bounds its quantifier. */
    char java[2 * 80 + 16], want[2 * 80 + 32];
    size_t n = 4, w = 4;
    memcpy(java, "(?<=", 4);
    memcpy(want, "(?<=", 4);
    for (int i = 0; i < 80; i++)
        java[n++] = want[w++] = '(';
    java[n++] = want[w++] = 'a';
    java[n++] = '+';
    memcpy(want + w, "{1,64}", 6);
    w += 6;
    for (int i = 0; i < 81; i++)
        java[n++] = want[w++] = ')';
    java[n] = want[w] = '\0';
    char *got = artx_srx_java_to_icu(java);
    STR_EQ(got, want, "80 nested groups in a lookbehind");
    free(got);
}

/* The form a rule is searched forward in, from translated patterns. */
static void forward_case_at(const char *file, int line, const char *before, const char *after,
                            const char *want, const char *msg)
{
    srx_buf b = {0};
    artx_srx_put_forward(&b, before, after);
    harness_str_eq(b.oom ? NULL : b.s, want, file, line, msg);
    free(b.s);
}
#define forward_case(...) forward_case_at(__FILE__, __LINE__, __VA_ARGS__)

static void test_forward(void)
{
    forward_case("[.!?]", "\\s", "(?:[.!?])(?=\\s)", "before, then after as a lookahead");
    forward_case("다", "", "(?:다)", "no lookahead when after is empty");
    forward_case("", "", "(?:)", "both empty: an empty group, which ICU takes and \"\" not");
}

int main(void)
{
    test_plain();
    test_escapes();
    test_anchors();
    test_classes();
    test_braces();
    test_quantifiers();
    test_groups();
    test_quotes();
    test_deep();
    test_forward();
    return harness_done("test_srx_java");
}
