/* test_srx_java.c - the Java-regex to ICU translator (src/srx_java.c),
 * construct by construct.  Linked without ICU (see the Makefile): the
 * translator is pure string code. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "srx_java.h"

/* Translate and compare; frees the result. */
static void icu_case_at(const char *file, int line, const char *java, const char *want,
                        const char *msg)
{
    char *got = artx_srx_java_to_icu(java);
    harness_str_eq(got, want, file, line, msg);
    free(got);
}
#define icu_case(...) icu_case_at(__FILE__, __LINE__, __VA_ARGS__)

/* The anchors as srx_java.c writes them. */
#define START "(?<![\\s\\S])"
#define END "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))"
#define MSTART "(?:(?<![\\s\\S])|(?<=[\\n\\r\\u0085\\u2028\\u2029]))"
#define MEND "(?=[\\n\\r\\u0085\\u2028\\u2029]|(?![\\s\\S]))"

static void test_plain(void)
{
    icu_case("", "", "the empty pattern stays empty (not NULL)");
    icu_case("[.!?]\\s", "[.!?]\\s", "a pattern ICU reads as Java does is unchanged");
    icu_case("다\\.", "다\\.", "UTF-8 is copied byte for byte");
    icu_case("a|b", "a|b", "alternation unchanged");
}

static void test_escapes(void)
{
    icu_case("a\\.b\\(", "a\\.b\\(", "escaped metacharacters unchanged");
    icu_case("\\pL", "\\p{L}", "one-letter property gets its braces");
    icu_case("\\PL\\p{Lu}", "\\P{L}\\p{Lu}", "negated one-letter property; braced one unchanged");
    icu_case("[\\pL]", "[\\p{L}]", "one-letter property inside a class");
    icu_case("\\p{javaLowerCase}", "\\p{javaLowerCase}", "Java's own properties: ICU knows them");
    icu_case("\\x{41}\\N{SPACE}", "\\x{41}\\N{SPACE}", "\\x{..} and \\N{..} unchanged");
    icu_case("\\p{L}{2}", "\\p{L}{2}", "an escape's braces are not taken for a quantifier");
    icu_case("\\x41\\u00A0", "\\x41\\u00A0", "\\xhh and \\uhhhh unchanged");
    icu_case("a\\", "a\\", "a trailing backslash is copied");
}

static void test_anchors(void)
{
    icu_case("^a$", START "a" END, "^ and $: the ends of the whole text");
    icu_case("\\Aa\\Z\\z", START "a" END "(?![\\s\\S])", "\\A, \\Z and \\z");
    icu_case("(?m)^a$", "(?m)" MSTART "a" MEND, "(?m): ^ and $ also at line ends");
    icu_case("(?m)(?-m)^", "(?m)(?-m)" START, "(?-m) turns line anchors off again");
    icu_case("[\\A\\Z$^]", "[\\A\\Z$^]", "inside a class nothing is an anchor");
}

static void test_classes(void)
{
    icu_case("[a-z]", "[a-z]", "a range unchanged");
    icu_case("[a-[b]]", "[a\\-[b]]", "-[ is Java's union: the '-' is a literal for ICU");
    icu_case("[\\p{L}-[a]]", "[\\p{L}\\-[a]]", "-[ after a property");
    icu_case("[a[bc]]", "[a[bc]]", "a nested class (union in both) unchanged");
    icu_case("[]a]", "[\\]a]", "']' first in a class is a literal");
    icu_case("[^]a]", "[^\\]a]", "']' first in a negated class is a literal");
    icu_case("[{}]", "[{}]", "braces inside a class stay as they are");
    icu_case("[a]{2}", "[a]{2}", "a quantifier after a class");
}

static void test_braces(void)
{
    icu_case("a{2}", "a{2}", "{n} unchanged");
    icu_case("a{2,}", "a{2,}", "{n,} unchanged outside a lookbehind");
    icu_case("a{2,5}", "a{2,5}", "{n,m} unchanged");
    icu_case("{", "\\{", "a lone '{' is a literal");
    icu_case("}", "\\}", "a lone '}' is a literal");
    icu_case("a{,5}", "a\\{,5\\}", "{,m} is no quantifier in Java: literal braces");
    icu_case("a{x}", "a\\{x\\}", "{x} is literal");
    icu_case("a{2", "a\\{2", "an unclosed brace is literal");
}

static void test_quantifiers(void)
{
    icu_case("a+ b*? c++ d?+", "a+ b*? c++ d?+", "greedy, lazy and possessive unchanged");
    icu_case("(?<=[XVI]+)", "(?<=[XVI]{1,64})", "+ in a lookbehind gets a bound");
    icu_case("(?<=a*)", "(?<=a{0,64})", "* in a lookbehind gets a bound");
    icu_case("(?<!a+)", "(?<!a{1,64})", "in a negative lookbehind too");
    icu_case("(?<=a{2,})", "(?<=a{2,64})", "{n,} in a lookbehind gets a bound");
    icu_case("(?<=a{2,3})", "(?<=a{2,3})", "{n,m} in a lookbehind is bounded already");
    icu_case("(?<=a?)", "(?<=a?)", "? in a lookbehind is bounded already");
    icu_case("(?<=a+?)", "(?<=a{1,64}?)", "a lazy + in a lookbehind keeps its ?");
    icu_case("(?<=a++)", "(?<=a{1,64}+)", "a possessive + in a lookbehind keeps its +");
    icu_case("(?<=a{2,}+)", "(?<=a{2,64}+)", "a possessive {n,} in a lookbehind");
    icu_case("(?<=(?:ab)+)", "(?<=(?:ab){1,64})", "a group inside a lookbehind");
    icu_case("(?<=(?=x)a+)", "(?<=(?=x)a{1,64})", "a lookahead inside a lookbehind");
    icu_case("(?<=a)b+", "(?<=a)b+", "after the lookbehind closes, no bound");
    icu_case("(?<=a)(?<=b)c*", "(?<=a)(?<=b)c*", "after two lookbehinds, no bound");
}

static void test_groups(void)
{
    icu_case("(?:a)(?>b)(?=c)(?!d)", "(?:a)(?>b)(?=c)(?!d)", "group kinds unchanged");
    icu_case("(?<name>a)+", "(?<name>a)+", "a named group is no lookbehind");
    icu_case("(?i)a+", "(?i)a+", "flags unchanged");
    icu_case("(?i:a)+", "(?i:a)+", "a group with flags");
    icu_case("(", "(", "an unclosed group is copied");
    icu_case("(?", "(?", "an unfinished group head is copied");
    icu_case("a)+", "a)+", "an unmatched ')' is copied");
}

static void test_quotes(void)
{
    icu_case("\\Q^$\\E$", "\\Q^$\\E" END, "\\Q..\\E quotes anchors; after \\E they count");
    icu_case("\\Qa{\\E{", "\\Qa{\\E\\{", "a brace inside \\Q..\\E is quoted, after \\E literal");
    icu_case("\\Q(?<=a+", "\\Q(?<=a+", "an unclosed \\Q quotes to the end");
    icu_case("(?<=\\Q+\\E+)", "(?<=\\Q+\\E{1,64})", "\\Q..\\E inside a lookbehind");
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
    icu_case(java, want, "80 nested groups in a lookbehind");
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
