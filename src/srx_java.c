/* srx_java.c - the Java regular expressions of SRX files, in ICU's dialect.
 *
 * Pure string code, no ICU, tested without it (tests/unit/test_srx_java.c).
 *
 * What differs and matters in SRX files:
 *  - inside a class, `-[` is a union in Java (`[\p{L}-[a]]` is letters,
 *    '-' and 'a') but a set difference in ICU: the '-' is escaped; a ']'
 *    right after '[' or '[^' is a literal in Java: escaped;
 *  - a '{' or '}' that is no quantifier is a literal in Java, an error in
 *    ICU: escaped;
 *  - Java takes `+`, `*` and `{n,}` in a lookbehind (LanguageTool's rules
 *    use `(?<=[XVI]+)`); ICU wants a bounded length: they become
 *    {1,LB_MAX}, {0,LB_MAX}, {n,LB_MAX};
 *  - `^`, `$`, `\A`, `\Z`, `\z` mean the ends of the whole text; the engine
 *    matches before-patterns in a region with anchoring bounds, so they
 *    become lookarounds that transparent bounds resolve against the text
 *    (with (?m), `^` and `$` also match at line ends, as in Java);
 *  - `\pL` (one-letter property without braces) is written `\p{L}`.
 * ICU reads the rest as Java does (\p{javaLowerCase}, \p{Alpha}, \p{IsLatin},
 * possessive quantifiers, atomic groups, (?u)), except that \w, \d, \s and
 * \b are Unicode-aware in ICU: intended, as SRX rules serve all scripts.
 * \Q...\E and the braces of \p{..}, \x{..} and \N{..} are copied as they
 * are, so nothing inside them is rewritten. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "srx_java.h"

enum { LB_MAX = 64 }; /* the longest repetition in a lookbehind */

/* The anchors as lookarounds (see above): the start and end of the text,
 * `$` and `\Z` also before a final line terminator, and with (?m) the
 * start and end of a line. */
static const char *const TEXT_START = "(?<![\\s\\S])";
static const char *const TEXT_END = "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))";
static const char *const TEXT_ABS_END = "(?![\\s\\S])";
static const char *const LINE_START = "(?:(?<![\\s\\S])|(?<=[\\n\\r\\u0085\\u2028\\u2029]))";
static const char *const LINE_END = "(?=[\\n\\r\\u0085\\u2028\\u2029]|(?![\\s\\S]))";

void artx_srx_put(srx_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 64) + n;
        char *s2 = realloc(b->s, cap);
        if (!s2) {
            b->oom = true;
            return;
        }
        b->s = s2;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

void artx_srx_puts(srx_buf *b, const char *s)
{
    artx_srx_put(b, s, strlen(s));
}

void artx_srx_put_forward(srx_buf *b, const char *before, const char *after)
{
    artx_srx_puts(b, "(?:");
    artx_srx_puts(b, before);
    artx_srx_puts(b, ")");
    if (*after) {
        artx_srx_puts(b, "(?=");
        artx_srx_puts(b, after);
        artx_srx_puts(b, ")");
    }
}

/* A translation under way: the Java pattern, read up to p[i], and what is
 * open there. */
typedef struct jx {
    const char *p;
    size_t i, n;          /* the next byte; strlen(p) */
    srx_buf b;            /* the ICU pattern so far */
    int depth;            /* class nesting */
    bool multiline;       /* (?m) is on */
    bool quant;           /* the last thing copied was a quantifier */
    unsigned char lb[64]; /* open groups: 1 for a lookbehind */
    int groups, in_lb;    /* open groups; open lookbehinds among them */
} jx;

/* Copy the pattern up to p[stop] as it is. */
static void copy_to(jx *t, size_t stop)
{
    artx_srx_put(&t->b, t->p + t->i, stop - t->i);
    t->i = stop;
}

/* Write icu in place of the len bytes at p[i]. */
static void replace(jx *t, size_t len, const char *icu)
{
    artx_srx_puts(&t->b, icu);
    t->i += len;
}

/* ---- escapes ------------------------------------------------------------ */

/* \Q...\E, to the \E or the end of the pattern. */
static void tr_quote(jx *t)
{
    const char *q = strstr(t->p + t->i + 2, "\\E");
    copy_to(t, q ? (size_t)(q - t->p) + 2 : t->n);
}

/* \p{..}, \x{..}, \N{..}: braces that belong to the escape. */
static void tr_braced(jx *t)
{
    const char *q = strchr(t->p + t->i + 2, '}');
    copy_to(t, q ? (size_t)(q - t->p) + 1 : t->n);
}

/* A backslash at p[i] with something after it. */
static void tr_escape(jx *t)
{
    const char *p = t->p;
    size_t i = t->i, n = t->n;
    char e = p[i + 1];
    if (e == 'Q') {
        tr_quote(t);
    } else if (t->depth == 0 && e == 'A') {
        replace(t, 2, TEXT_START);
    } else if (t->depth == 0 && (e == 'Z' || e == 'z')) {
        replace(t, 2, e == 'z' ? TEXT_ABS_END : TEXT_END);
    } else if ((e == 'p' || e == 'P') && i + 2 < n && p[i + 2] != '{') {
        char braced[8] = {'\\', e, '{', p[i + 2], '}', 0};
        replace(t, 3, braced);
    } else if (strchr("pPxN", e) && i + 2 < n && p[i + 2] == '{') {
        tr_braced(t);
    } else {
        copy_to(t, i + 2);
    }
}

/* ---- character classes ----------------------------------------------------- */

/* '[' outside a class. */
static void tr_class_open(jx *t)
{
    t->depth = 1;
    copy_to(t, t->i + 1);
    if (t->i < t->n && t->p[t->i] == '^')
        copy_to(t, t->i + 1);
    if (t->i < t->n && t->p[t->i] == ']')
        replace(t, 1, "\\]");
}

/* A byte inside a class. */
static void tr_class_byte(jx *t)
{
    char c = t->p[t->i];
    if (c == '[') {
        t->depth++;
    } else if (c == ']') {
        t->depth--;
    } else if (c == '-' && t->i + 1 < t->n && t->p[t->i + 1] == '[') {
        replace(t, 1, "\\-");
        return;
    }
    copy_to(t, t->i + 1);
}

/* ---- groups ------------------------------------------------------------------ */

/* How far the head of a group goes that starts "(?" and goes on at p[j]:
 * a lookbehind sets *behind; flags alone, (?im), set *flags_only, as they
 * open no group, and switch multiline on or off. */
static size_t group_head(jx *t, size_t j, bool *behind, bool *flags_only)
{
    const char *p = t->p;
    size_t n = t->n;
    if (j + 1 < n && p[j] == '<' && (p[j + 1] == '=' || p[j + 1] == '!')) {
        *behind = true;
        return j + 2;
    }
    if (j < n && strchr("=!:>", p[j]))
        return j + 1;
    if (j < n && p[j] == '<') { /* a named group */
        while (j < n && p[j] != '>')
            j++;
        return j + 1;
    }
    bool on = true;
    for (; j < n && strchr("imsxuUdc-", p[j]); j++) {
        if (p[j] == '-')
            on = false;
        else if (p[j] == 'm')
            t->multiline = on;
    }
    *flags_only = j < n && p[j] == ')';
    return j + 1;
}

/* '(': the head is copied as it is; the group is remembered, so that a
 * quantifier knows whether it is in a lookbehind. */
static void tr_group_open(jx *t)
{
    size_t j = t->i + 1;
    bool behind = false, flags_only = false;
    if (j < t->n && t->p[j] == '?')
        j = group_head(t, j + 1, &behind, &flags_only);
    copy_to(t, j > t->n ? t->n : j);
    if (flags_only)
        return;
    if (t->groups < (int)sizeof t->lb)
        t->lb[t->groups] = behind;
    t->groups++;
    t->in_lb += behind;
}

static void tr_group_close(jx *t)
{
    if (t->groups > 0) {
        t->groups--;
        if (t->groups < (int)sizeof t->lb)
            t->in_lb -= t->lb[t->groups];
    }
    copy_to(t, t->i + 1);
}

/* ---- quantifiers ------------------------------------------------------------- */

/* '*', '+' or '?'.  Right after a quantifier it makes that one lazy or
 * possessive and is copied; '*' and '+' in a lookbehind get a bound. */
static void tr_repeat(jx *t, bool was_quant)
{
    char c = t->p[t->i];
    if (c != '?' && t->in_lb > 0 && !was_quant) {
        char bounded[16];
        snprintf(bounded, sizeof bounded, "{%d,%d}", c == '+', LB_MAX);
        replace(t, 1, bounded);
        t->quant = true;
        return;
    }
    t->quant = !was_quant;
    copy_to(t, t->i + 1);
}

/* Where the '}' of a quantifier {n}, {n,} or {n,m} at p[i] is, or 0 when
 * the brace is a literal; *open is set for {n,}. */
static size_t brace_end(const char *p, size_t i, size_t n, bool *open)
{
    size_t j = i + 1, lo = j;
    *open = false;
    while (j < n && p[j] >= '0' && p[j] <= '9')
        j++;
    if (j == lo)
        return 0;
    if (j < n && p[j] == ',') {
        j++;
        *open = j < n && p[j] == '}';
        while (j < n && p[j] >= '0' && p[j] <= '9')
            j++;
    }
    return j < n && p[j] == '}' ? j : 0;
}

/* '{' outside a class: a quantifier, or a literal brace. */
static void tr_brace(jx *t)
{
    bool open;
    size_t close = brace_end(t->p, t->i, t->n, &open);
    if (!close) {
        replace(t, 1, "\\{");
        return;
    }
    if (open && t->in_lb > 0) {
        char bound[16];
        copy_to(t, close);
        snprintf(bound, sizeof bound, "%d}", LB_MAX);
        replace(t, 1, bound);
    } else {
        copy_to(t, close + 1);
    }
    t->quant = true;
}

/* ---- the pattern ------------------------------------------------------------- */

/* A byte outside classes and escapes. */
static void tr_plain(jx *t, bool was_quant)
{
    switch (t->p[t->i]) {
    case '[':
        tr_class_open(t);
        break;
    case '(':
        tr_group_open(t);
        break;
    case ')':
        tr_group_close(t);
        break;
    case '*':
    case '+':
    case '?':
        tr_repeat(t, was_quant);
        break;
    case '{':
        tr_brace(t);
        break;
    case '}':
        replace(t, 1, "\\}");
        break;
    case '^':
        replace(t, 1, t->multiline ? LINE_START : TEXT_START);
        break;
    case '$':
        replace(t, 1, t->multiline ? LINE_END : TEXT_END);
        break;
    default:
        copy_to(t, t->i + 1);
        break;
    }
}

char *artx_srx_java_to_icu(const char *java)
{
    jx t = {.p = java, .n = strlen(java)};
    artx_srx_puts(&t.b, ""); /* an empty pattern gives "", not NULL */
    while (t.i < t.n) {
        bool was_quant = t.quant;
        t.quant = false;
        if (t.p[t.i] == '\\' && t.i + 1 < t.n)
            tr_escape(&t);
        else if (t.depth > 0)
            tr_class_byte(&t);
        else
            tr_plain(&t, was_quant);
    }
    if (t.b.oom) {
        free(t.b.s);
        return NULL;
    }
    return t.b.s;
}
