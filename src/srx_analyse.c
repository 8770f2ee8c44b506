/* srx_analyse.c - what a translated pattern can start and end with: ICU sets.
 *
 * The characters a (translated) pattern can match first and last, as ICU
 * sets, so that the engine (segment.c) need not run a regex where it cannot
 * match: break="yes" rules are tried only where their first character
 * occurs (a bitmap scan skips the rest), and only when the character before
 * it fits a leading lookbehind ((?<=[가-힣])음, (?<![^\s(])") and the one
 * after it can follow the first (다(?=[\s~]) or 다요); break="no" rules
 * only where the two characters before the position can end the
 * before-pattern and the one after can start the after-pattern.  The
 * sequence of atoms is read left to right, keeping for what was read
 * whether it can match nothing or exactly one character: that says which
 * atom's sets reach the ends.  A set is NULL when anything may come there;
 * whatever is not understood gives NULL, so the sets are never too small. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uset.h>
#include <unicode/ustring.h>

#include "srx.h"
#include "srx_java.h"

typedef struct pinfo {
    bool nullable;      /* can match the empty string */
    bool one;           /* can match exactly one character */
    bool g;             /* uses \G */
    bool sec_open;      /* a match may end, unconstrained, after its first
                           character: what follows the pattern comes next */
    USet *first, *last; /* NULL: any character */
    USet *last2;        /* what can come before the last character of a
                           match of two or more */
    USet *second;       /* what can follow the first character of a match
                           (see sec_open) */
    USet *pre;          /* what must come just before a match (a leading
                           lookbehind) */
    USet *look;         /* a lookahead's first set, a lookbehind's last set
                           (for the sequence that holds it); NULL: none */
    bool pre_start;     /* pre: or no character, the start of the text */
    bool look_start;    /* look, for a lookbehind: or the start of the text */
    char zero;          /* 0 consuming; '=' lookahead; '<' lookbehind;
                           'z' other zero-width */
} pinfo;

#define PINFO_INIT {false, false, false, false, NULL, NULL, NULL, NULL, NULL, NULL, false, false, 0}

/* The sets of the classes analysed so far, by their text: the rules of a
 * language repeat the same classes (ICU parses a class of 399 syllables
 * slowly).  Open addressing; NULL sets for classes ICU refused. */
typedef struct setcache {
    char **keys;
    USet **sets;
    size_t n, cap; /* cap: a power of two, or 0 */
} setcache;

typedef struct an {
    const char *p;
    size_t i, n;
    bool fold;   /* (?i) seen: close the sets over case */
    bool g;      /* \G seen */
    bool inexact; /* a set is larger than what the pattern matches */
    bool bail;   /* free spacing or something odd: give up */
    int depth;
    setcache *cache; /* NULL: none */
} an;

/* The sets of one artx_srx_analyse call, given back to be used again: a
 * pattern's atoms open and close some four sets each, a hundred rules about
 * a hundred thousand, and opening and closing an ICU set costs more than
 * clearing one.  Per thread, as calls may run at once; emptied (the sets
 * closed) when the call ends.  A frozen set cannot be cleared: it is
 * closed. */
static _Thread_local struct {
    USet **s;
    size_t n, cap;
} pool;

static USet *set_new(void)
{
    if (pool.n) {
        USet *s = pool.s[--pool.n];
        uset_clear(s);
        return s;
    }
    return uset_openEmpty();
}

static void set_close(USet *s)
{
    if (!s)
        return;
    if (uset_isFrozen(s))
        goto close;
    if (pool.n == pool.cap) {
        size_t cap = pool.cap ? 2 * pool.cap : 64;
        USet **ns = realloc(pool.s, cap * sizeof *ns);
        if (!ns)
            goto close;
        pool.s = ns;
        pool.cap = cap;
    }
    pool.s[pool.n++] = s;
    return;
close:
    uset_close(s);
}

static void pool_free(void)
{
    while (pool.n)
        uset_close(pool.s[--pool.n]);
    free(pool.s);
    pool.s = NULL;
    pool.cap = 0;
}

static void set_union(USet **dst, const USet *src)
{
    if (!*dst)
        return;
    if (!src) {
        set_close(*dst);
        *dst = NULL;
        return;
    }
    uset_addAll(*dst, src);
}

static USet *set_copy(const USet *s)
{
    if (!s || uset_isFrozen(s))
        return s ? uset_clone(s) : NULL;
    USet *c = set_new();
    uset_addAll(c, s);
    return c;
}

static void pinfo_free(pinfo *pi)
{
    set_close(pi->first);
    set_close(pi->last);
    set_close(pi->last2);
    set_close(pi->second);
    set_close(pi->pre);
    set_close(pi->look);
    pi->first = pi->last = pi->last2 = pi->second = pi->pre = pi->look = NULL;
}

/* first, last, last2 and second empty: what nothing matched gives. */
static void pinfo_open_empty(pinfo *pi)
{
    pi->first = set_new();
    pi->last = set_new();
    pi->last2 = set_new();
    pi->second = set_new();
}

/* A zero-width atom: matches nothing, constrains nothing we track. */
static void pinfo_zero(pinfo *pi, char kind)
{
    pi->nullable = true;
    pi->one = pi->sec_open = false;
    pinfo_open_empty(pi);
    pi->zero = kind;
}

/* A set from ICU set syntax (UTF-8), or NULL when ICU does not take it. */
static USet *set_parse(const char *pat)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar u[1024];
    int32_t n = 0;
    u_strFromUTF8(u, 1024, &n, pat, -1, &st);
    if (U_FAILURE(st) || n >= 1024)
        return NULL;
    USet *s = uset_openPatternOptions(u, n, 0, &st);
    if (U_FAILURE(st)) {
        uset_close(s);
        return NULL;
    }
    return s;
}

static void setcache_free(setcache *c)
{
    for (size_t i = 0; i < c->cap; i++) {
        free(c->keys[i]);
        uset_close(c->sets[i]);
    }
    free(c->keys);
    free(c->sets);
    memset(c, 0, sizeof *c);
}

static size_t str_hash(const char *s)
{
    size_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Room for one more entry; false when out of memory (the cache is then
 * not used). */
static bool setcache_room(setcache *c)
{
    if ((c->n + 1) * 2 <= c->cap)
        return true;
    size_t cap = c->cap ? c->cap * 2 : 256;
    char **keys = calloc(cap, sizeof *keys);
    USet **sets = calloc(cap, sizeof *sets);
    if (!keys || !sets) {
        free(keys);
        free(sets);
        return false;
    }
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->keys[i])
            continue;
        size_t j = str_hash(c->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = c->keys[i];
        sets[j] = c->sets[i];
    }
    free(c->keys);
    free(c->sets);
    c->keys = keys;
    c->sets = sets;
    c->cap = cap;
    return true;
}

/* set_parse, through the cache: a copy of the set the same text gave
 * before. */
static USet *set_from(setcache *c, const char *pat)
{
    if (!c || !setcache_room(c))
        return set_parse(pat);
    size_t j = str_hash(pat) & (c->cap - 1);
    while (c->keys[j] && strcmp(c->keys[j], pat))
        j = (j + 1) & (c->cap - 1);
    if (!c->keys[j]) {
        char *key = strdup(pat);
        if (!key)
            return set_parse(pat);
        c->keys[j] = key;
        c->sets[j] = set_parse(pat);
        c->n++;
    }
    return set_copy(c->sets[j]);
}

static USet *set_of(UChar32 c)
{
    USet *s = set_new();
    uset_add(s, c);
    return s;
}

/* The set syntax for a class escape; approx is set when it is a superset
 * (it must then not be negated). */
static const char *class_escape(char e, bool *approx)
{
    *approx = false;
    switch (e) {
    case 'd':
        return "\\p{Nd}";
    case 'D':
        return "\\P{Nd}";
    case 's':
        return "\\t\\n\\x0B\\f\\r\\x85\\p{Z}"; /* what ICU's \\s is */
    case 'w':
        *approx = true;
        return "\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200C\\u200D";
    case 'h':
        *approx = true;
        return "\\p{Z}\\t";
    case 'v':
        *approx = true;
        return "\\n\\x0B\\f\\r\\x85\\u2028\\u2029";
    default:
        return NULL; /* \S \W \H \V: no safe set */
    }
}

/* A code point at a[i] (after a backslash when esc), or -1. */
static UChar32 literal_at(an *a, bool esc)
{
    const char *p = a->p;
    if (!esc) {
        const unsigned char *s = (const unsigned char *)p + a->i,
                            *e = (const unsigned char *)p + a->n;
        long cp = artx_utf8_next(&s, e);
        a->i = (size_t)(s - (const unsigned char *)p);
        return (UChar32)cp;
    }
    char e = p[a->i];
    unsigned long v = 0;
    switch (e) {
    case 't': a->i++; return '\t';
    case 'n': a->i++; return '\n';
    case 'r': a->i++; return '\r';
    case 'f': a->i++; return '\f';
    case 'a': a->i++; return 7;
    case 'e': a->i++; return 27;
    case 'u':
        if (a->i + 4 >= a->n)
            return -1;
        for (int k = 1; k <= 4; k++) {
            char h = p[a->i + k];
            v = v * 16 + (unsigned long)(h >= 'a' ? h - 'a' + 10 : h >= 'A' ? h - 'A' + 10 : h - '0');
        }
        a->i += 5;
        return (UChar32)v;
    case 'x':
        a->i++;
        if (a->i < a->n && p[a->i] == '{') {
            char *end;
            v = strtoul(p + a->i + 1, &end, 16);
            a->i = (size_t)(end - p) + 1;
        } else {
            char h[3] = {a->i < a->n ? p[a->i] : 0, a->i + 1 < a->n ? p[a->i + 1] : 0, 0};
            v = strtoul(h, NULL, 16);
            a->i += 2;
        }
        return v <= 0x10FFFF ? (UChar32)v : -1;
    case 'c':
        a->i += 2;
        return a->i <= a->n ? (p[a->i - 1] & 0x1F) : -1;
    case '0':
        a->i++;
        while (a->i < a->n && p[a->i] >= '0' && p[a->i] <= '7')
            v = v * 8 + (unsigned long)(p[a->i++] - '0');
        return (UChar32)v;
    default:
        if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '1' && e <= '9'))
            return -1; /* something else */
        return literal_at(a, false);
    }
}

/* An escape inside a class at a->i, copied into b in set syntax; *approx
 * is set when the set is larger than what the escape matches, *ok cleared
 * when set syntax has nothing for it. */
static void class_escape_copy(an *a, srx_buf *b, bool *approx, bool *ok)
{
    const char *p = a->p;
    char e = p[a->i + 1];
    bool ap;
    const char *esc = class_escape(e, &ap);
    if (esc) {
        *approx = *approx || ap;
        artx_srx_puts(b, esc);
        a->i += 2;
        return;
    }
    if (strchr("SWHVQEXRNk", e))
        *ok = false;
    if (e == 'p' || e == 'P') {
        size_t j = a->i + 2;
        if (j < a->n && p[j] == '{')
            while (j < a->n && p[j] != '}')
                j++;
        artx_srx_put(b, p + a->i, j + 1 - a->i);
        a->i = j + 1;
        return;
    }
    artx_srx_put(b, p + a->i, 2);
    a->i += 2;
    if (e == 'x' && a->i < a->n && p[a->i] == '{')
        while (a->i < a->n && p[a->i - 1] != '}')
            artx_srx_put(b, p + a->i++, 1);
    else if (e == 'u') {
        size_t k = a->n - a->i < 4 ? a->n - a->i : 4;
        artx_srx_put(b, p + a->i, k);
        a->i += k;
    }
}

/* A class [...] at a->i as an ICU set, or NULL. */
static USet *an_class(an *a)
{
    srx_buf b = {0};
    int depth = 0;
    bool negated = false, approx = false, ok = true;
    const char *p = a->p;
    while (a->i < a->n) {
        char c = p[a->i];
        if (c == '[') {
            depth++;
            artx_srx_put(&b, "[", 1);
            a->i++;
            if (a->i < a->n && p[a->i] == '^') {
                negated = true;
                artx_srx_put(&b, "^", 1);
                a->i++;
            }
            continue;
        }
        if (c == ']') {
            artx_srx_put(&b, "]", 1);
            a->i++;
            if (--depth == 0)
                break;
            continue;
        }
        if (c == '&' && a->i + 1 < a->n && p[a->i + 1] == '&')
            ok = false; /* intersection: spelled differently in set syntax */
        if (c == '\\' && a->i + 1 < a->n) {
            class_escape_copy(a, &b, &approx, &ok);
            continue;
        }
        if (c == '-' || ((unsigned char)c & 0x80) || (c >= '0' && c <= '9') ||
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            artx_srx_put(&b, &c, 1);
        } else {
            /* Everything else literally: set syntax gives $ { } & : ' and
             * space meanings of their own. */
            char esc[3] = {'\\', c, 0};
            artx_srx_puts(&b, esc);
        }
        a->i++;
    }
    USet *s = NULL;
    if (ok && !(negated && approx) && depth == 0 && !b.oom)
        s = set_from(a->cache, b.s);
    a->inexact = a->inexact || approx;
    free(b.s);
    return s;
}

static void an_alt(an *a, pinfo *out);
static bool single_exact(const char *icu, setcache *cache);

/* What an atom was, which says what comes after it. */
typedef enum atom_kind {
    ATOM_END,   /* flags alone, a comment, \G: no quantifier applies */
    ATOM_SET,   /* a group or a zero-width atom, its sets made */
    ATOM_CHAR,  /* one character: first and last say which (NULL: any) */
    ATOM_STRING /* a \Q...\E of two or more characters */
} atom_kind;

/* ---- groups ---------------------------------------------------------------- */

/* Flags at a->i, in "(?i)" or "(?i:": (?i) closes the sets over case, (?x)
 * gives up.  False when they stand alone (out is then zero-width). */
static bool an_flags(an *a, pinfo *out)
{
    const char *p = a->p;
    bool on = true;
    for (; a->i < a->n && strchr("imsxuUdcw-", p[a->i]); a->i++) {
        if (p[a->i] == '-')
            on = false;
        else if (p[a->i] == 'i' && on)
            a->fold = true;
        else if (p[a->i] == 'x' && on)
            a->bail = true;
    }
    if (a->i < a->n && p[a->i] == ')') {
        a->i++;
        pinfo_zero(out, 'z');
        return false;
    }
    a->i++; /* ':' */
    return true;
}

/* The head of a group after "(?", at a->i.  *zero gets the kind of a
 * lookaround: '=' ahead, 'z' negative ahead, '<' behind, '!' negative
 * behind.  False when the group is over: a comment, or flags alone. */
static bool an_group_head(an *a, pinfo *out, char *zero)
{
    const char *p = a->p;
    char k = a->i < a->n ? p[a->i] : 0;
    if (k == '=' || k == '!') {
        *zero = k == '=' ? '=' : 'z';
        a->i++;
    } else if (k == '<' && a->i + 1 < a->n && (p[a->i + 1] == '=' || p[a->i + 1] == '!')) {
        *zero = p[a->i + 1] == '=' ? '<' : '!';
        a->i += 2;
    } else if (k == '<') {
        while (a->i < a->n && p[a->i] != '>')
            a->i++;
        a->i++;
    } else if (k == ':' || k == '>') {
        a->i++;
    } else if (k == '#') {
        while (a->i < a->n && p[a->i] != ')')
            a->i++;
        a->i++;
        pinfo_zero(out, 'z');
        return false;
    } else {
        return an_flags(a, out);
    }
    return true;
}

/* A lookaround of kind zero whose body, p[inner, inner_end), out
 * describes: it becomes zero-width, keeping what a positive one says about
 * its neighbour, the first set of a lookahead or the last set of a
 * lookbehind, when it cannot be empty.  A negative lookbehind of one exact
 * class, (?<![^\s(]), says the character before is outside the class, or
 * that there is none. */
static void an_lookaround(an *a, pinfo *out, char zero, size_t inner, size_t inner_end)
{
    USet *look = NULL;
    bool look_start = false;
    if (zero == '=' && !out->nullable) {
        look = set_copy(out->first);
    } else if (zero == '<' && !out->nullable) {
        look = set_copy(out->last);
    } else if (zero == '!' && !a->fold && out->first && inner_end > inner &&
               inner_end - inner < 512) {
        char one[512];
        memcpy(one, a->p + inner, inner_end - inner);
        one[inner_end - inner] = '\0';
        if (single_exact(one, a->cache)) {
            look = uset_cloneAsThawed(out->first);
            uset_complement(look);
            look_start = true;
            zero = '<';
        }
    }
    pinfo_free(out);
    pinfo_zero(out, look ? zero : 'z');
    out->look = look;
    out->look_start = look_start;
}

/* A group at a->i: its sets come from an_alt. */
static atom_kind an_group(an *a, pinfo *out)
{
    char zero = 0;
    a->i++;
    if (a->i < a->n && a->p[a->i] == '?') {
        a->i++;
        if (!an_group_head(a, out, &zero))
            return ATOM_END;
    }
    size_t inner = a->i;
    a->depth++;
    an_alt(a, out);
    a->depth--;
    size_t inner_end = a->i;
    if (a->i < a->n && a->p[a->i] == ')')
        a->i++;
    else
        a->bail = true;
    if (zero)
        an_lookaround(a, out, zero, inner, inner_end);
    return ATOM_SET;
}

/* ---- escapes and literals -------------------------------------------------- */

/* A literal character at a->i (after a backslash when esc). */
static void an_literal(an *a, pinfo *out, bool esc)
{
    UChar32 cp = literal_at(a, esc);
    if (cp >= 0) {
        out->first = set_of(cp);
        out->last = set_of(cp);
    } else if (esc) {
        a->bail = true;
        a->i++;
    }
}

/* \p{..}, \P{..} or \pL at a->i. */
static atom_kind an_property(an *a, pinfo *out)
{
    const char *p = a->p;
    size_t j = a->i + 2;
    if (j < a->n && p[j] == '{')
        while (j < a->n && p[j] != '}')
            j++;
    char pat[128];
    if (j + 1 - a->i + 3 < sizeof pat) {
        snprintf(pat, sizeof pat, "[%.*s]", (int)(j + 1 - a->i), p + a->i);
        out->first = set_from(a->cache, pat);
        out->last = set_copy(out->first);
    }
    a->i = j + 1;
    return ATOM_CHAR;
}

/* The last character of the UTF-8 text before p[stop], or 0 when none. */
static UChar32 last_before(const char *p, size_t stop)
{
    const unsigned char *s = (const unsigned char *)p + stop;
    UChar32 last = 0;
    while (s > (const unsigned char *)p && (s[-1] & 0xC0) == 0x80)
        s--;
    if (s > (const unsigned char *)p) {
        const unsigned char *t = s - 1;
        while (t > (const unsigned char *)p && (*t & 0xC0) == 0x80)
            t--;
        last = (UChar32)artx_utf8_next(&t, (const unsigned char *)p + stop);
    }
    return last;
}

/* \Q...\E at a->i: its first and last characters; an empty one is
 * zero-width. */
static atom_kind an_quote(an *a, pinfo *out)
{
    const char *p = a->p;
    const char *q = strstr(p + a->i + 2, "\\E");
    size_t stop = q ? (size_t)(q - p) : a->n;
    a->i += 2;
    if (a->i >= stop) {
        pinfo_zero(out, 'z');
        a->i = q ? stop + 2 : a->n;
        return ATOM_SET;
    }
    out->first = set_of(literal_at(a, false));
    bool multi = a->i < stop;
    out->last = set_of(last_before(p, stop));
    a->i = q ? stop + 2 : a->n;
    return multi ? ATOM_STRING : ATOM_CHAR;
}

/* A backslash at a->i and what follows it. */
static atom_kind an_escape(an *a, pinfo *out)
{
    const char *p = a->p;
    char e = p[a->i + 1];
    bool ap;
    const char *esc = class_escape(e, &ap);
    if (e == 'G') {
        /* Matches only where the previous match ended, which the
         * engine tries anyway: nothing to start on. */
        a->i += 2;
        a->g = true;
        pinfo_zero(out, 0);
        out->nullable = false;
        out->pre = set_new();
        return ATOM_END;
    }
    if (strchr("bBAzZ", e)) {
        a->i += 2;
        pinfo_zero(out, 'z');
        return ATOM_SET;
    }
    if (esc) {
        char pat[128];
        a->inexact = a->inexact || ap;
        snprintf(pat, sizeof pat, "[%s]", esc);
        a->i += 2;
        out->first = set_from(a->cache, pat);
        out->last = set_copy(out->first);
        return ATOM_CHAR;
    }
    if (e == 'p' || e == 'P')
        return an_property(a, out);
    if (e == 'Q')
        return an_quote(a, out);
    if (strchr("SWHVXR", e)) {
        a->i += 2; /* anything, or nearly */
    } else if (e == 'N' && a->i + 2 < a->n && p[a->i + 2] == '{') {
        while (a->i < a->n && p[a->i] != '}')
            a->i++;
        a->i++;
    } else if ((e >= '1' && e <= '9') || e == 'k') {
        a->bail = true; /* back reference */
        a->i += 2;
    } else {
        a->i++;
        an_literal(a, out, true);
    }
    return ATOM_CHAR;
}

/* ---- quantifiers and atoms ------------------------------------------------- */

/* A quantifier at a->i, read; false when there is none.  *lo is its least
 * count, *nullable set when that is 0, *repeat when it allows two or more. */
static bool read_quantifier(an *a, long *lo, bool *nullable, bool *repeat)
{
    const char *p = a->p;
    char q = p[a->i];
    long hi = -1;
    *lo = 0;
    *nullable = *repeat = false;
    if (q == '*' || q == '?') {
        *nullable = true;
        *repeat = q == '*';
        a->i++;
    } else if (q == '+') {
        *repeat = true;
        *lo = 1;
        a->i++;
    } else if (q == '{' && a->i + 1 < a->n && p[a->i + 1] >= '0' && p[a->i + 1] <= '9') {
        a->i++;
        while (a->i < a->n && p[a->i] >= '0' && p[a->i] <= '9')
            *lo = *lo * 10 + (p[a->i++] - '0');
        hi = *lo;
        if (a->i < a->n && p[a->i] == ',') {
            a->i++;
            hi = -1;
            if (a->i < a->n && p[a->i] >= '0' && p[a->i] <= '9')
                for (hi = 0; a->i < a->n && p[a->i] >= '0' && p[a->i] <= '9'; a->i++)
                    hi = hi * 10 + (p[a->i] - '0');
        }
        while (a->i < a->n && p[a->i] != '}')
            a->i++;
        a->i++;
        *nullable = *lo == 0;
        *repeat = hi < 0 || hi >= 2;
    } else {
        return false;
    }
    if (a->i < a->n && (p[a->i] == '?' || p[a->i] == '+'))
        a->i++; /* lazy or possessive */
    return true;
}

/* The quantifier after an atom, if any, applied to the atom's sets. */
static void an_quantifier(an *a, pinfo *out)
{
    long lo;
    bool nullable, repeat;
    if (a->i >= a->n || !read_quantifier(a, &lo, &nullable, &repeat))
        return;
    if (out->zero) {
        /* A quantified lookaround may match nothing: no constraint. */
        set_close(out->look);
        out->look = NULL;
        out->zero = 'z';
        return;
    }
    bool xone = out->one;
    out->one = xone && (lo <= 1 || out->nullable);
    if (repeat) {
        /* Two matches in a row: the first's last character can come
         * before the second's, and follow the first's first. */
        if (xone && out->last2)
            set_union(&out->last2, out->last);
        if (out->sec_open && out->second)
            set_union(&out->second, out->first);
    }
    out->nullable = out->nullable || nullable;
}

/* One atom and its quantifier. */
static void an_atom(an *a, pinfo *out)
{
    pinfo init = PINFO_INIT;
    char c = a->p[a->i];
    atom_kind kind = ATOM_CHAR;
    *out = init;
    if (c == '(') {
        kind = an_group(a, out);
    } else if (c == '[') {
        out->first = an_class(a);
        out->last = set_copy(out->first);
    } else if (c == '.') {
        a->i++;
    } else if (c == '\\' && a->i + 1 < a->n) {
        kind = an_escape(a, out);
    } else {
        an_literal(a, out, false);
    }
    if (kind == ATOM_END)
        return;
    if (kind == ATOM_STRING) {
        out->one = out->sec_open = false; /* second and last2: NULL, anything */
    } else if (kind == ATOM_CHAR) {
        out->one = out->sec_open = true;
        out->last2 = set_new();
        out->second = set_new();
    }
    an_quantifier(a, out);
}

/* ---- sequences and alternatives ------------------------------------------- */

/* dst = a copy of src, or NULL (anything) when src is NULL. */
static void set_assign(USet **dst, const USet *src)
{
    set_close(*dst);
    *dst = set_copy(src);
}

/* Extend the sequence seq by the atom at read after it (start: at is the
 * branch's first atom). */
static void seq_append(pinfo *seq, const pinfo *at, bool start)
{
    if (start && at->zero == '<') {
        seq->pre = set_copy(at->look);
        seq->pre_start = at->look_start;
    } else if (start && !at->zero && !at->nullable) {
        seq->pre = set_copy(at->pre);
        seq->pre_start = at->pre_start;
    }
    if (at->zero) {
        /* A lookahead right after one character says what the second
         * is. */
        if (at->zero == '=' && seq->sec_open) {
            set_union(&seq->second, at->look);
            seq->sec_open = false;
        }
        return;
    }
    if (seq->nullable)
        set_union(&seq->first, at->first);
    /* last2: within the atom, the sequence's last before one character of
     * the atom, or the sequence's when the atom matches nothing. */
    USet *l2 = set_copy(at->last2);
    if (l2 && at->one)
        set_union(&l2, seq->last);
    if (l2 && at->nullable)
        set_union(&l2, seq->last2);
    set_close(seq->last2);
    seq->last2 = l2;
    if (seq->sec_open)
        set_union(&seq->second, at->first);
    if (seq->nullable)
        set_union(&seq->second, at->second);
    bool sec_open = (seq->sec_open && at->nullable) || (seq->nullable && at->sec_open);
    bool one = (seq->one && at->nullable) || (seq->nullable && at->one);
    if (at->nullable) {
        set_union(&seq->last, at->last);
    } else {
        set_assign(&seq->last, at->last);
        seq->nullable = false;
    }
    seq->one = one;
    seq->sec_open = sec_open;
}

/* One branch: a sequence of atoms, read left to right. */
static void an_branch(an *a, pinfo *seq)
{
    pinfo init = PINFO_INIT;
    *seq = init;
    seq->nullable = true;
    pinfo_open_empty(seq);
    bool start = true; /* no atom read yet: a lookbehind here gives pre */
    while (a->i < a->n && a->p[a->i] != '|' && a->p[a->i] != ')' && !a->bail) {
        pinfo at;
        an_atom(a, &at);
        seq_append(seq, &at, start);
        start = false;
        pinfo_free(&at);
    }
}

static void an_alt(an *a, pinfo *out)
{
    pinfo init = PINFO_INIT;
    *out = init;
    pinfo_open_empty(out);
    out->pre = set_new();
    if (a->depth > 64) {
        a->bail = true;
        return;
    }
    for (;;) {
        pinfo seq;
        an_branch(a, &seq);
        set_union(&out->first, seq.first);
        set_union(&out->last, seq.last);
        set_union(&out->last2, seq.last2);
        set_union(&out->second, seq.second);
        set_union(&out->pre, seq.pre);
        out->pre_start = out->pre_start || seq.pre_start;
        out->nullable = out->nullable || seq.nullable;
        out->one = out->one || seq.one;
        out->sec_open = out->sec_open || seq.sec_open;
        pinfo_free(&seq);
        if (a->i < a->n && a->p[a->i] == '|') {
            a->i++;
            continue;
        }
        break;
    }
}

/* True when the pattern is one character class, escape or literal, with no
 * quantifier, whose set is exactly what it matches: then testing the set
 * is testing the pattern. */
static bool single_exact(const char *icu, setcache *cache)
{
    an a = {icu, 0, strlen(icu), false, false, false, false, 0, cache};
    pinfo pi = PINFO_INIT;
    if (!a.n || icu[0] == '(' || icu[0] == '.')
        return false;
    an_atom(&a, &pi);
    bool single = a.i == a.n && !a.bail && !a.inexact && !a.fold && !pi.nullable && pi.first &&
                  !strchr("*+?}", icu[a.n - 1]) && !(icu[0] == '\\' && strchr("bBAzZG", icu[1]));
    pinfo_free(&pi);
    return single;
}

/* The sets of a whole pattern (see pinfo); frozen, NULL for "any".  second
 * is NULL when a match may end after its first character.  A \G branch
 * adds nothing to first, second and pre: the engine tries it only where
 * the rule's previous match ended, as a forward search would. */
static pinfo analyse(const char *icu, setcache *cache)
{
    an a = {icu, 0, strlen(icu), false, false, false, false, 0, cache};
    pinfo pi;
    an_alt(&a, &pi);
    pi.g = a.g;
    set_close(pi.look);
    pi.look = NULL;
    if (a.bail || a.i < a.n) {
        pinfo_free(&pi);
        pi.nullable = pi.one = pi.sec_open = true;
        return pi;
    }
    if (pi.sec_open) {
        set_close(pi.second);
        pi.second = NULL;
    }
    if (a.g) {
        set_close(pi.last2);
        pi.last2 = NULL;
        pi.one = true;
    }
    USet *sets[] = {pi.first, pi.last, pi.last2, pi.second, pi.pre};
    for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
        if (!sets[k])
            continue;
        if (a.fold)
            uset_closeOver(sets[k], USET_CASE_INSENSITIVE);
        uset_freeze(sets[k]);
    }
    return pi;
}

/* The sets of a rule searched forward (see srx_rule): where a match can
 * start, what comes before and after that first character. */
static void forward_sets(srx_rule *r, const pinfo *bi, const pinfo *ai, setcache *cache)
{
    const char *b = r->before, *a = r->after;
    /* A match starts with a character of the before-pattern, or, when
     * that can be empty, of the after-pattern. */
    if (!bi->nullable)
        r->trig = set_copy(bi->first);
    else if (!ai->nullable && bi->first && ai->first) {
        r->trig = uset_cloneAsThawed(bi->first);
        uset_addAll(r->trig, ai->first);
        uset_freeze(r->trig);
    }
    /* What comes before the trigger and after it: from the after-pattern
     * when the before-pattern is empty, else from the whole
     * `(?:before)(?=after)`. */
    if (!*b) {
        r->trig2 = set_copy(ai->second);
        r->pre = set_copy(ai->pre);
        r->pre_start = ai->pre_start;
    } else if (!bi->nullable) {
        srx_buf whole = {0};
        artx_srx_put_forward(&whole, b, a);
        if (!whole.oom) {
            pinfo wi = analyse(whole.s, cache);
            r->trig2 = set_copy(wi.second);
            r->pre = set_copy(wi.pre);
            r->pre_start = wi.pre_start;
            pinfo_free(&wi);
        }
        free(whole.s);
    }
}

/* The sets of a break="no" rule tried in windows: what can come before and
 * after a position it matches at.  A pattern that is one exact set needs no
 * regex at all. */
static void window_sets(srx_rule *r, const pinfo *bi, const pinfo *ai, setcache *cache)
{
    const char *b = r->before, *a = r->after;
    if (*b && !bi->nullable) {
        r->blast = set_copy(bi->last);
        /* Before the last character, when a match has two or more. */
        if (!bi->one)
            r->bpen = set_copy(bi->last2);
    }
    if (*a && !ai->nullable)
        r->afirst = set_copy(ai->first);
    /* `\s` after, `[.!?]` before: the set says it all. */
    if (r->blast && *b && single_exact(b, cache)) {
        r->bset = true;
        uregex_close(r->bend);
        r->bend = NULL;
    }
    if (r->afirst && *a && single_exact(a, cache)) {
        r->aset = true;
        uregex_close(r->aft);
        r->aft = NULL;
    }
}

/* See srx.h.  The set cache lives as long as one call: the rules of a
 * language repeat their classes, other languages' rules mostly do not. */
void artx_srx_analyse(srx_rule *const *rules, size_t n)
{
    setcache cache = {0};
    for (size_t i = 0; i < n; i++) {
        srx_rule *r = rules[i];
        if (r->analysed)
            continue;
        pinfo bi = analyse(r->before, &cache), ai = analyse(r->after, &cache);
        r->chain = bi.g;
        if (artx_srx_rule_forward(r))
            forward_sets(r, &bi, &ai, &cache);
        else
            window_sets(r, &bi, &ai, &cache);
        pinfo_free(&bi);
        pinfo_free(&ai);
        r->analysed = true;
    }
    setcache_free(&cache);
    pool_free();
}
