/* srx.c - loading SRX 2.0 rules: the file read with libxml2, its Java
 * regular expressions translated to ICU's dialect and compiled, each
 * pattern analysed for the sets that let segment.c skip text, and the rules
 * that apply to a language tag put together and cached.  srx.c and
 * segment.c, and text.c for NFC, are the only files that use ICU.
 *
 * SRX 2.0 (LISA, 2008): <languagerules> hold named lists of <rule
 * break="yes|no"> with a <beforebreak> and an <afterbreak> pattern;
 * <maprules> map language tags (a Java pattern matched against the whole
 * tag) to those lists; with <header cascade="yes"> every matching map
 * contributes, in map order, else only the first.  Okapi's extension
 * <okpsrx:options useIcu4jBreakRules="yes"> and artx's own artx:icu="yes" on
 * a languagerule add ICU's sentence breaks.  The header's segmentsubflows
 * and formathandle are not read: artx segments plain text, which has no
 * inline codes or subflows.
 *
 * What each rule becomes (see srx_rule in srx.h): a break="yes" rule, or a
 * break="no" rule whose before-pattern has no bounded length, one regex
 * searched forward, `(?:before)(?=after)`; any other break="no" rule two
 * regexes tried in windows around a position, `(?:before)\z` and `after`.
 * When a language first needs a rule, its patterns are analysed (see
 * analyse) for the characters a match can start and end with; the plan of
 * a language then gets a table of which break="yes" rules each character
 * can start (see dispatch) and a bitmap of them all (see srx_scan). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "srx.h"
#include "srx_java.h"

#define SRX_NS "http://www.lisa.org/srx20"
#define OKAPI_NS "http://okapi.sf.net/srx-extensions"

enum { MAX_RULES = 100000 }; /* per languagerule: a bound on what a file may ask */

const UChar artx_srx_no_text[1] = {0};

/* ---- what a pattern can start and end with -------------------------------
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

static void set_union(USet **dst, const USet *src)
{
    if (!*dst)
        return;
    if (!src) {
        uset_close(*dst);
        *dst = NULL;
        return;
    }
    uset_addAll(*dst, src);
}

static USet *set_copy(const USet *s)
{
    return s ? uset_clone(s) : NULL;
}

static void pinfo_free(pinfo *pi)
{
    uset_close(pi->first);
    uset_close(pi->last);
    uset_close(pi->last2);
    uset_close(pi->second);
    uset_close(pi->pre);
    uset_close(pi->look);
    pi->first = pi->last = pi->last2 = pi->second = pi->pre = pi->look = NULL;
}

/* A zero-width atom: matches nothing, constrains nothing we track. */
static void pinfo_zero(pinfo *pi, char kind)
{
    pi->nullable = true;
    pi->one = pi->sec_open = false;
    pi->first = uset_openEmpty();
    pi->last = uset_openEmpty();
    pi->last2 = uset_openEmpty();
    pi->second = uset_openEmpty();
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
    return c->sets[j] ? uset_clone(c->sets[j]) : NULL;
}

static USet *set_of(UChar32 c)
{
    return uset_open(c, c);
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
            char e = p[a->i + 1];
            bool ap;
            const char *esc = class_escape(e, &ap);
            if (esc) {
                approx = approx || ap;
                artx_srx_puts(&b, esc);
                a->i += 2;
                continue;
            }
            if (strchr("SWHVQEXRNk", e))
                ok = false;
            if (e == 'p' || e == 'P') {
                size_t j = a->i + 2;
                if (j < a->n && p[j] == '{')
                    while (j < a->n && p[j] != '}')
                        j++;
                artx_srx_put(&b, p + a->i, j + 1 - a->i);
                a->i = j + 1;
                continue;
            }
            artx_srx_put(&b, p + a->i, 2);
            a->i += 2;
            if (e == 'x' && a->i < a->n && p[a->i] == '{')
                while (a->i < a->n && p[a->i - 1] != '}')
                    artx_srx_put(&b, p + a->i++, 1);
            else if (e == 'u') {
                size_t k = a->n - a->i < 4 ? a->n - a->i : 4;
                artx_srx_put(&b, p + a->i, k);
                a->i += k;
            }
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

/* One atom and its quantifier. */
static void an_atom(an *a, pinfo *out)
{
    const char *p = a->p;
    char c = p[a->i];
    pinfo init = PINFO_INIT;
    *out = init;
    bool multi = false; /* \Q...\E of more than one character */
    if (c == '(') {
        a->i++;
        char zero = 0;
        if (a->i < a->n && p[a->i] == '?') {
            a->i++;
            char k = a->i < a->n ? p[a->i] : 0;
            if (k == '=' || k == '!') {
                zero = k == '=' ? '=' : 'z';
                a->i++;
            } else if (k == '<' && a->i + 1 < a->n && (p[a->i + 1] == '=' || p[a->i + 1] == '!')) {
                zero = p[a->i + 1] == '=' ? '<' : '!';
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
                return;
            } else {
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
                    return;
                }
                a->i++; /* ':' */
            }
        }
        size_t inner = a->i;
        a->depth++;
        an_alt(a, out);
        a->depth--;
        size_t inner_end = a->i;
        if (a->i < a->n && p[a->i] == ')')
            a->i++;
        else
            a->bail = true;
        if (zero) {
            /* Keep what a positive lookaround says about its neighbour:
             * the first set of a lookahead, the last set of a
             * lookbehind, when it cannot be empty.  A negative lookbehind
             * of one exact class, (?<![^\s(]), says the character before
             * is outside the class, or that there is none. */
            USet *look = NULL;
            bool look_start = false;
            if (zero == '=' && !out->nullable) {
                look = set_copy(out->first);
            } else if (zero == '<' && !out->nullable) {
                look = set_copy(out->last);
            } else if (zero == '!' && !a->fold && out->first && inner_end > inner &&
                       inner_end - inner < 512) {
                char one[512];
                memcpy(one, p + inner, inner_end - inner);
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
        goto quantifier; /* a group: its sets come from an_alt */
    } else if (c == '[') {
        USet *s = an_class(a);
        out->first = s;
        out->last = set_copy(s);
    } else if (c == '.') {
        a->i++;
    } else if (c == '\\' && a->i + 1 < a->n) {
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
            out->pre = uset_openEmpty();
            return;
        } else if (strchr("bBAzZ", e)) {
            a->i += 2;
            pinfo_zero(out, 'z');
            goto quantifier;
        } else if (esc) {
            char pat[128];
            a->inexact = a->inexact || ap;
            snprintf(pat, sizeof pat, "[%s]", esc);
            a->i += 2;
            out->first = set_from(a->cache, pat);
            out->last = set_copy(out->first);
        } else if (e == 'p' || e == 'P') {
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
        } else if (e == 'Q') {
            const char *q = strstr(p + a->i + 2, "\\E");
            size_t stop = q ? (size_t)(q - p) : a->n;
            a->i += 2;
            if (a->i >= stop) {
                pinfo_zero(out, 'z');
                a->i = q ? stop + 2 : a->n;
                goto quantifier;
            } else {
                out->first = set_of(literal_at(a, false));
                multi = a->i < stop;
                UChar32 last = 0;
                a->i = stop;
                const unsigned char *s = (const unsigned char *)p + stop;
                while (s > (const unsigned char *)p && (s[-1] & 0xC0) == 0x80)
                    s--;
                if (s > (const unsigned char *)p) {
                    const unsigned char *t = s - 1;
                    while (t > (const unsigned char *)p && (*t & 0xC0) == 0x80)
                        t--;
                    last = (UChar32)artx_utf8_next(&t, (const unsigned char *)p + stop);
                }
                out->last = set_of(last);
            }
            a->i = q ? stop + 2 : a->n;
        } else if (strchr("SWHVXR", e)) {
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
            UChar32 cp = literal_at(a, true);
            if (cp >= 0) {
                out->first = set_of(cp);
                out->last = set_of(cp);
            } else {
                a->bail = true;
                a->i++;
            }
        }
    } else {
        UChar32 cp = literal_at(a, false);
        if (cp >= 0) {
            out->first = set_of(cp);
            out->last = set_of(cp);
        }
    }
    /* A consuming atom: one character, or a \Q...\E string. */
    if (multi) {
        out->one = out->sec_open = false; /* second and last2: NULL, anything */
    } else {
        out->one = out->sec_open = true;
        out->last2 = uset_openEmpty();
        out->second = uset_openEmpty();
    }
quantifier:
    if (a->i < a->n) {
        char q = p[a->i];
        bool repeat = false, nullable = false;
        long lo = 0, hi = -1;
        if (q == '*' || q == '?') {
            nullable = true;
            repeat = q == '*';
            a->i++;
        } else if (q == '+') {
            repeat = true;
            lo = 1;
            a->i++;
        } else if (q == '{' && a->i + 1 < a->n && p[a->i + 1] >= '0' && p[a->i + 1] <= '9') {
            a->i++;
            while (a->i < a->n && p[a->i] >= '0' && p[a->i] <= '9')
                lo = lo * 10 + (p[a->i++] - '0');
            hi = lo;
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
            nullable = lo == 0;
            repeat = hi < 0 || hi >= 2;
        } else {
            return;
        }
        if (a->i < a->n && (p[a->i] == '?' || p[a->i] == '+'))
            a->i++;
        if (out->zero) {
            /* A quantified lookaround may match nothing: no constraint. */
            uset_close(out->look);
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
}

/* dst = a copy of src, or NULL (anything) when src is NULL. */
static void set_assign(USet **dst, const USet *src)
{
    uset_close(*dst);
    *dst = set_copy(src);
}

static void an_alt(an *a, pinfo *out)
{
    pinfo init = PINFO_INIT;
    *out = init;
    out->first = uset_openEmpty();
    out->last = uset_openEmpty();
    out->last2 = uset_openEmpty();
    out->second = uset_openEmpty();
    out->pre = uset_openEmpty();
    if (a->depth > 64) {
        a->bail = true;
        return;
    }
    for (;;) {
        /* One branch: a sequence of atoms, read left to right; `seq`
         * describes the part read so far. */
        pinfo seq = init;
        seq.nullable = true;
        seq.first = uset_openEmpty();
        seq.last = uset_openEmpty();
        seq.last2 = uset_openEmpty();
        seq.second = uset_openEmpty();
        bool start = true; /* no atom read yet: a lookbehind here gives pre */
        while (a->i < a->n && a->p[a->i] != '|' && a->p[a->i] != ')' && !a->bail) {
            pinfo at;
            an_atom(a, &at);
            if (start && at.zero == '<') {
                seq.pre = set_copy(at.look);
                seq.pre_start = at.look_start;
            } else if (start && !at.zero && !at.nullable) {
                seq.pre = set_copy(at.pre);
                seq.pre_start = at.pre_start;
            }
            start = false;
            if (at.zero) {
                /* A lookahead right after one character says what the
                 * second is. */
                if (at.zero == '=' && seq.sec_open) {
                    set_union(&seq.second, at.look);
                    seq.sec_open = false;
                }
                pinfo_free(&at);
                continue;
            }
            if (seq.nullable)
                set_union(&seq.first, at.first);
            /* last2: within the atom, the sequence's last before one
             * character of the atom, or the sequence's when the atom
             * matches nothing. */
            USet *l2 = set_copy(at.last2);
            if (l2 && at.one)
                set_union(&l2, seq.last);
            if (l2 && at.nullable)
                set_union(&l2, seq.last2);
            uset_close(seq.last2);
            seq.last2 = l2;
            if (seq.sec_open)
                set_union(&seq.second, at.first);
            if (seq.nullable)
                set_union(&seq.second, at.second);
            bool sec_open = (seq.sec_open && at.nullable) || (seq.nullable && at.sec_open);
            bool one = (seq.one && at.nullable) || (seq.nullable && at.one);
            if (at.nullable) {
                set_union(&seq.last, at.last);
            } else {
                set_assign(&seq.last, at.last);
                seq.nullable = false;
            }
            seq.one = one;
            seq.sec_open = sec_open;
            pinfo_free(&at);
        }
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
    uset_close(pi.look);
    pi.look = NULL;
    if (a.bail || a.i < a.n) {
        pinfo_free(&pi);
        pi.nullable = pi.one = pi.sec_open = true;
        return pi;
    }
    if (pi.sec_open) {
        uset_close(pi.second);
        pi.second = NULL;
    }
    if (a.g) {
        uset_close(pi.last2);
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

/* ---- scanning for a set ---------------------------------------------------- */

/* The bitmap of a set's BMP characters and of every surrogate (see
 * srx_scan); false when out of memory. */
static bool scan_build(srx_scan *sc, const USet *set)
{
    sc->bits = calloc(0x10000 / 8, 1);
    sc->supp = false;
    if (!sc->bits)
        return false;
    int32_t items = uset_getItemCount(set);
    for (int32_t it = 0; it < items; it++) {
        UErrorCode st = U_ZERO_ERROR;
        UChar32 lo, hi;
        if (uset_getItem(set, it, &lo, &hi, NULL, 0, &st) != 0 || U_FAILURE(st))
            continue; /* a string: sets of first characters have none */
        if (hi > 0xFFFF)
            sc->supp = true;
        for (UChar32 c = lo; c <= hi && c <= 0xFFFF; c++)
            sc->bits[c >> 3] |= (uint8_t)(1u << (c & 7));
    }
    /* Every surrogate, so that the scan stops to look at pairs. */
    for (UChar32 c = 0xD800; c <= 0xDFFF; c += 8)
        sc->bits[c >> 3] = 0xFF;
    return true;
}

int32_t artx_srx_scan(const srx_scan *sc, const USet *set, const UChar *u, int32_t i, int32_t n)
{
    if (!sc->bits)
        return i + uset_span(set, u + i, n - i, USET_SPAN_NOT_CONTAINED);
    const uint8_t *bits = sc->bits;
    for (;;) {
        /* The bitmap has every surrogate: they stop this loop too. */
        while (i < n && !(bits[u[i] >> 3] & (1u << (u[i] & 7))))
            i++;
        if (i >= n)
            return n;
        UChar c = u[i];
        if (!U16_IS_SURROGATE(c))
            return i;
        if (U16_IS_LEAD(c) && i + 1 < n && U16_IS_TRAIL(u[i + 1])) {
            /* A pair is one character, as uset_span reads it. */
            if (sc->supp && uset_contains(set, U16_GET_SUPPLEMENTARY(c, u[i + 1])))
                return i;
            i += 2;
        } else {
            if (uset_contains(set, c)) /* a lone surrogate */
                return i;
            i++;
        }
    }
}

/* ---- compiling rules ------------------------------------------------------ */

/* Compile a UTF-8 ICU pattern.  On failure *why says what ICU said. */
static URegularExpression *compile(const char *pat, char *why, size_t whylen)
{
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    int32_t n = 0;
    u_strFromUTF8(NULL, 0, &n, pat, -1, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
        snprintf(why, whylen, "not UTF-8");
        return NULL;
    }
    st = U_ZERO_ERROR;
    UChar *u = malloc(((size_t)n + 1) * sizeof *u);
    if (!u) {
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    u_strFromUTF8(u, n + 1, NULL, pat, -1, &st);
    URegularExpression *re = uregex_open(u, n, 0, &pe, &st);
    free(u);
    if (U_FAILURE(st)) {
        snprintf(why, whylen, "%s at offset %d", u_errorName(st), (int)pe.offset);
        uregex_close(re);
        return NULL;
    }
    /* Lookarounds and \b see past the regions the engine sets; ^ and $
     * were rewritten not to depend on them. */
    uregex_useTransparentBounds(re, true, &st);
    return re;
}

/* A short, printable form of a pattern for messages. */
static const char *clip(const char *s, char *out, size_t size)
{
    size_t n = strlen(s);
    if (n < size) {
        memcpy(out, s, n + 1);
        return out;
    }
    size_t k = size - 4;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    memcpy(out, s, k);
    memcpy(out + k, "...", 4);
    return out;
}

/* Translate and compile a rule whose patterns, as the file has them, are
 * `before` and `after`; r keeps the translations (also when this fails:
 * rule_free frees them).  break="yes" rules, and break="no" rules whose
 * before-pattern has no bounded length, are searched forward; other
 * break="no" rules are checked in windows around each candidate. */
static int rule_compile(srx_rule *r, const char *before, const char *after, const char *lrname,
                        size_t index, artx_error *err)
{
    char why[128], shown[80];
    int ret = 0;
    srx_buf pat = {0};
    const char *b, *a, *which = "beforebreak", *bad = before;
    r->before = artx_srx_java_to_icu(before);
    r->after = artx_srx_java_to_icu(after);
    if (!(b = r->before) || !(a = r->after))
        goto nomem;
    if (r->brk || (*b && artx_srx_window(b) == SRX_WINDOW)) {
        /* (?:before)(?=after), or (?:before) when after is empty: an empty
         * pattern matches everywhere, and ICU refuses "" but not "(?:)". */
        artx_srx_puts(&pat, "(?:");
        artx_srx_puts(&pat, b);
        artx_srx_puts(&pat, ")");
        if (*a) {
            artx_srx_puts(&pat, "(?=");
            artx_srx_puts(&pat, a);
            artx_srx_puts(&pat, ")");
        }
        if (pat.oom)
            goto nomem;
        if (!(r->fwd = compile(pat.s, why, sizeof why))) {
            /* Say which of the two is wrong. */
            URegularExpression *t = *b ? compile(b, why, sizeof why) : NULL;
            if (t || !*b) {
                uregex_close(t);
                which = "afterbreak";
                bad = after;
                if (*a && (t = compile(a, why, sizeof why)))
                    uregex_close(t);
            }
            goto bad;
        }
    } else if (*b) {
        artx_srx_puts(&pat, "(?:");
        artx_srx_puts(&pat, b);
        artx_srx_puts(&pat, ")\\z");
        if (pat.oom)
            goto nomem;
        if (!(r->bend = compile(pat.s, why, sizeof why)))
            goto bad;
        r->bwin = artx_srx_window(b);
    }
    if (!r->brk && !r->fwd && *a) {
        which = "afterbreak";
        bad = after;
        if (!(r->aft = compile(a, why, sizeof why)))
            goto bad;
        r->awin = artx_srx_window(a);
    }
    goto out;
nomem:
    ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    goto out;
bad:
    ret = artx_fail(err, ARTX_ERR_INVALID,
                    "rule %zu of languagerule '%s': %s \"%s\" does not compile: %s", index + 1,
                    lrname, which, clip(bad, shown, sizeof shown), why);
out:
    free(pat.s);
    return ret;
}

/* The character sets of a rule (see analyse), computed when a language
 * first needs the rule: large SRX files have thousands of rules, and most
 * languages use few of them.  A set left NULL means "anything": slower,
 * never wrong. */
static void rule_sets(srx_rule *r, setcache *cache)
{
    const char *b = r->before, *a = r->after;
    pinfo bi = analyse(b, cache), ai = analyse(a, cache);
    r->chain = bi.g;
    if (r->fwd) {
        /* A match starts with a character of the before-pattern, or, when
         * that can be empty, of the after-pattern. */
        if (!bi.nullable)
            r->trig = set_copy(bi.first);
        else if (!ai.nullable && bi.first && ai.first) {
            r->trig = uset_cloneAsThawed(bi.first);
            uset_addAll(r->trig, ai.first);
            uset_freeze(r->trig);
        }
        /* What comes before the trigger and after it: from the after-
         * pattern when the before-pattern is empty, else from the whole
         * `(?:before)(?=after)`. */
        if (!*b) {
            r->trig2 = set_copy(ai.second);
            r->pre = set_copy(ai.pre);
            r->pre_start = ai.pre_start;
        } else if (!bi.nullable) {
            srx_buf whole = {0};
            artx_srx_puts(&whole, "(?:");
            artx_srx_puts(&whole, b);
            artx_srx_puts(&whole, ")");
            if (*a) {
                artx_srx_puts(&whole, "(?=");
                artx_srx_puts(&whole, a);
                artx_srx_puts(&whole, ")");
            }
            if (!whole.oom) {
                pinfo wi = analyse(whole.s, cache);
                r->trig2 = set_copy(wi.second);
                r->pre = set_copy(wi.pre);
                r->pre_start = wi.pre_start;
                pinfo_free(&wi);
            }
            free(whole.s);
        }
        /* A break="no" rule is searched on its own: a bitmap for its
         * triggers (break="yes" rules use the plan's). */
        if (!r->brk && r->trig)
            scan_build(&r->tscan, r->trig);
    } else {
        if (*b && !bi.nullable) {
            r->blast = set_copy(bi.last);
            /* Before the last character, when a match has two or more. */
            if (!bi.one)
                r->bpen = set_copy(bi.last2);
        }
        if (*a && !ai.nullable)
            r->afirst = set_copy(ai.first);
        /* `\s` after, `[.!?]` before: the set says it all. */
        if (r->blast && r->bend && single_exact(b, cache)) {
            uregex_close(r->bend);
            r->bend = NULL;
        }
        if (r->afirst && r->aft && single_exact(a, cache)) {
            uregex_close(r->aft);
            r->aft = NULL;
        }
    }
    pinfo_free(&bi);
    pinfo_free(&ai);
    r->analysed = true;
}

static void rule_free(srx_rule *r)
{
    free(r->before);
    free(r->after);
    uregex_close(r->fwd);
    uregex_close(r->bend);
    uregex_close(r->aft);
    free(r->hits.c);
    uset_close(r->trig);
    free(r->tscan.bits);
    uset_close(r->blast);
    uset_close(r->afirst);
    uset_close(r->bpen);
    uset_close(r->trig2);
    uset_close(r->pre);
}

/* ---- reading the file ----------------------------------------------------- */

void artx_segmenter_free(artx_segmenter *seg)
{
    if (!seg)
        return;
    for (size_t i = 0; i < seg->nlr; i++) {
        for (size_t j = 0; j < seg->lrs[i].n; j++)
            rule_free(&seg->lrs[i].rules[j]);
        free(seg->lrs[i].rules);
        free(seg->lrs[i].name);
    }
    free(seg->lrs);
    for (size_t i = 0; i < seg->nmap; i++)
        uregex_close(seg->maps[i].re);
    free(seg->maps);
    for (size_t i = 0; i < seg->nplan; i++) {
        free(seg->plans[i].lang);
        free(seg->plans[i].rules);
        if (seg->plans[i].bi)
            ubrk_close(seg->plans[i].bi);
        uset_close(seg->plans[i].trig);
        free(seg->plans[i].dmap);
        free(seg->plans[i].doff);
        free(seg->plans[i].drule);
        free(seg->plans[i].tscan.bits);
        free(seg->plans[i].no);
    }
    free(seg->plans);
    for (size_t i = 0; i < seg->nwarn; i++)
        free(seg->warnings[i]);
    free(seg->warnings);
    free(seg);
}

size_t artx_segmenter_warnings(const artx_segmenter *seg, const char *const **out)
{
    *out = (const char *const *)seg->warnings;
    return seg->nwarn;
}

static int warn(artx_segmenter *seg, artx_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int warn(artx_segmenter *seg, artx_error *err, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char **w = realloc(seg->warnings, (seg->nwarn + 1) * sizeof *w);
    if (!w)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    seg->warnings = w;
    if (!(w[seg->nwarn] = strdup(msg)))
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    seg->nwarn++;
    return 0;
}

/* The first child element of `parent` in `ns` called `name` after `from`
 * (NULL: from the start). */
static xmlNodePtr next_el(xmlNodePtr parent, xmlNodePtr from, const char *ns, const char *name)
{
    xmlNodePtr n = from ? from->next : parent->children;
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, ns) &&
            !strcmp((const char *)n->name, name))
            return n;
    return NULL;
}

static bool attr_yes(xmlNodePtr n, const char *name, const char *ns, bool dflt)
{
    xmlChar *v = ns ? xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)ns)
                    : xmlGetNoNsProp(n, (const xmlChar *)name);
    bool yes = v ? !strcmp((const char *)v, "yes") || !strcmp((const char *)v, "true") : dflt;
    xmlFree(v);
    return yes;
}

/* The text of a pattern element as a malloc'ed string ("" when absent). */
static char *pattern_text(xmlNodePtr el)
{
    xmlChar *c = el ? xmlNodeGetContent(el) : NULL;
    char *s = strdup(c ? (const char *)c : "");
    xmlFree(c);
    return s;
}

static int load_rules(artx_segmenter *seg, xmlNodePtr lrs_el, artx_error *err)
{
    size_t count = 0;
    for (xmlNodePtr l = next_el(lrs_el, NULL, SRX_NS, "languagerule"); l;
         l = next_el(lrs_el, l, SRX_NS, "languagerule"))
        count++;
    seg->lrs = calloc(count ? count : 1, sizeof *seg->lrs);
    if (!seg->lrs)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    for (xmlNodePtr l = next_el(lrs_el, NULL, SRX_NS, "languagerule"); l;
         l = next_el(lrs_el, l, SRX_NS, "languagerule")) {
        srx_langrule *lr = &seg->lrs[seg->nlr++];
        xmlChar *name = xmlGetNoNsProp(l, (const xmlChar *)"languagerulename");
        if (!name)
            return artx_fail(err, ARTX_ERR_INVALID, "a languagerule has no languagerulename");
        lr->name = strdup((const char *)name);
        xmlFree(name);
        if (!lr->name)
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        lr->icu = attr_yes(l, "icu", "urn:artx:srx", false);
        size_t nr = 0;
        for (xmlNodePtr r = next_el(l, NULL, SRX_NS, "rule"); r; r = next_el(l, r, SRX_NS, "rule"))
            nr++;
        if (nr > MAX_RULES)
            return artx_fail(err, ARTX_ERR_INVALID, "languagerule '%s' has too many rules",
                             lr->name);
        lr->rules = calloc(nr ? nr : 1, sizeof *lr->rules);
        if (!lr->rules)
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        for (xmlNodePtr r = next_el(l, NULL, SRX_NS, "rule"); r; r = next_el(l, r, SRX_NS, "rule")) {
            srx_rule *rule = &lr->rules[lr->n++];
            rule->brk = attr_yes(r, "break", NULL, true);
            char *before = pattern_text(next_el(r, NULL, SRX_NS, "beforebreak"));
            char *after = pattern_text(next_el(r, NULL, SRX_NS, "afterbreak"));
            int ret = before && after
                          ? rule_compile(rule, before, after, lr->name, lr->n - 1, err)
                          : artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
            free(before);
            free(after);
            if (ret)
                return ret;
        }
    }
    return 0;
}

static int load_maps(artx_segmenter *seg, xmlNodePtr maps_el, artx_error *err)
{
    size_t count = 0;
    for (xmlNodePtr m = next_el(maps_el, NULL, SRX_NS, "languagemap"); m;
         m = next_el(maps_el, m, SRX_NS, "languagemap"))
        count++;
    seg->maps = calloc(count ? count : 1, sizeof *seg->maps);
    if (!seg->maps)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    for (xmlNodePtr m = next_el(maps_el, NULL, SRX_NS, "languagemap"); m;
         m = next_el(maps_el, m, SRX_NS, "languagemap")) {
        xmlChar *pat = xmlGetNoNsProp(m, (const xmlChar *)"languagepattern");
        xmlChar *name = xmlGetNoNsProp(m, (const xmlChar *)"languagerulename");
        int ret = 0;
        size_t lr = 0;
        char *icu = NULL, why[128];
        if (!pat || !name) {
            ret = artx_fail(err, ARTX_ERR_INVALID,
                            "a languagemap lacks languagepattern or languagerulename");
            goto next;
        }
        while (lr < seg->nlr && strcmp(seg->lrs[lr].name, (const char *)name))
            lr++;
        if (lr == seg->nlr) {
            ret = warn(seg, err, "languagemap \"%s\" names no languagerule ('%s'): skipped",
                       (const char *)pat, (const char *)name);
            goto next;
        }
        if (!(icu = artx_srx_java_to_icu((const char *)pat))) {
            ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
            goto next;
        }
        URegularExpression *re = *icu ? compile(icu, why, sizeof why) : NULL;
        if (*icu && !re) {
            ret = artx_fail(err, ARTX_ERR_INVALID,
                            "languagemap pattern \"%s\" does not compile: %s",
                            (const char *)pat, why);
            goto next;
        }
        seg->maps[seg->nmap].re = re; /* NULL: the empty pattern, matches "" only */
        seg->maps[seg->nmap++].lr = lr;
    next:
        free(icu);
        xmlFree(pat);
        xmlFree(name);
        if (ret)
            return ret;
    }
    return 0;
}

static int load_srx(artx_segmenter *seg, const unsigned char *data, size_t len, const char *name,
                    artx_error *err)
{
    int ret = 0;
    if (len > INT32_MAX)
        return artx_fail(err, ARTX_ERR_INVALID, "file too large");
    /* No network, no DTD, no entity substitution. */
    xmlResetLastError();
    xmlDocPtr doc = xmlReadMemory((const char *)data, (int)len, name, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        xmlErrorPtr e = xmlGetLastError();
        char msg[300] = "";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            size_t n = strlen(msg);
            while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
                msg[--n] = '\0';
        }
        return artx_fail(err, ARTX_ERR_INVALID, "not well-formed XML: %s (line %d)", msg,
                         e ? e->line : 0);
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !root->ns || strcmp((const char *)root->ns->href, SRX_NS) ||
        strcmp((const char *)root->name, "srx")) {
        ret = artx_fail(err, ARTX_ERR_INVALID, "not SRX 2.0: the root element is not {%s}srx",
                        SRX_NS);
        goto out;
    }
    xmlNodePtr header = next_el(root, NULL, SRX_NS, "header");
    xmlNodePtr body = next_el(root, NULL, SRX_NS, "body");
    xmlNodePtr lrs = body ? next_el(body, NULL, SRX_NS, "languagerules") : NULL;
    xmlNodePtr maps = body ? next_el(body, NULL, SRX_NS, "maprules") : NULL;
    if (!header || !lrs || !maps) {
        ret = artx_fail(err, ARTX_ERR_INVALID,
                        "not SRX 2.0: header, body/languagerules or body/maprules missing");
        goto out;
    }
    seg->cascade = attr_yes(header, "cascade", NULL, false);
    xmlNodePtr opts = next_el(header, NULL, OKAPI_NS, "options");
    seg->icu = opts && attr_yes(opts, "useIcu4jBreakRules", NULL, false);
    if (!(ret = load_rules(seg, lrs, err)))
        ret = load_maps(seg, maps, err);
out:
    xmlFreeDoc(doc);
    return ret;
}

static int read_file(const char *path, unsigned char **out, size_t *len, artx_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return artx_fail(err, ARTX_ERR_IO, "cannot open: %s", strerror(errno));
    size_t cap = 1 << 16, n = 0, got;
    unsigned char *b = malloc(cap);
    while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *b2 = cap < (1u << 28) ? realloc(b, cap * 2) : NULL;
            if (!b2) {
                free(b);
                b = NULL;
                break;
            }
            b = b2;
            cap *= 2;
        }
    }
    bool failed = ferror(f);
    fclose(f);
    if (!b)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory (or file too large)");
    if (failed) {
        free(b);
        return artx_fail(err, ARTX_ERR_IO, "cannot read");
    }
    *out = b;
    *len = n;
    return 0;
}

int artx_segmenter_new(const char *srx_path, artx_segmenter **out, artx_error *err)
{
    unsigned char *data = NULL;
    size_t len = 0;
    int ret;
    if (!out)
        return artx_fail(err, ARTX_ERR_USAGE, "no place for the segmenter");
    *out = NULL;
    artx_segmenter *seg = calloc(1, sizeof *seg);
    if (!seg)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    if (srx_path)
        ret = read_file(srx_path, &data, &len, err);
    else
        ret = artx_resource("artx-segment.srx", &data, &len, err);
    if (!ret)
        ret = load_srx(seg, data, len, srx_path ? srx_path : "artx-segment.srx", err);
    free(data);
    if (ret) {
        artx_segmenter_free(seg);
        return ret;
    }
    *out = seg;
    return 0;
}


/* ---- the rules for a language -------------------------------------------- */

/* True when map m takes the language tag ulang (UTF-16, ulen units). */
static bool map_hits(const srx_map *m, const UChar *ulang, int32_t ulen)
{
    UErrorCode st = U_ZERO_ERROR;
    bool hit;
    if (!m->re)
        return ulen == 0;
    uregex_setText(m->re, ulang, ulen, &st);
    hit = uregex_matches(m->re, -1, &st) && U_SUCCESS(st);
    uregex_setText(m->re, artx_srx_no_text, 0, &st);
    return hit;
}

/* A change in the set of rules a character triggers: at code point at,
 * rule k starts (on) or stops. */
typedef struct edge {
    UChar32 at;
    int32_t k;
    bool on;
} edge;

static int edge_cmp(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    return (x->at > y->at) - (x->at < y->at);
}

enum { MAX_LISTS = 4096 }; /* distinct rule lists a dispatch table may hold */

/* The dispatch table of a plan (see srx_plan): which break="yes" rules
 * each BMP character can start, so that the engine tries those and not
 * every rule at each trigger.  Built by sweeping the rules' trigger ranges
 * in order.  Returns 0, 1 when the plan is too varied for a table (the
 * engine then tests every rule), -1 when out of memory. */
static int dispatch(srx_plan *pl)
{
    size_t nedge = 0, cap = 0;
    edge *es = NULL;
    for (size_t k = 0; k < pl->n; k++) {
        srx_rule *r = pl->rules[k];
        if (!r->brk || !r->trig)
            continue;
        int32_t items = uset_getItemCount(r->trig);
        for (int32_t it = 0; it < items; it++) {
            UErrorCode st = U_ZERO_ERROR;
            UChar32 lo, hi;
            if (uset_getItem(r->trig, it, &lo, &hi, NULL, 0, &st) != 0 || U_FAILURE(st) ||
                lo > 0xFFFF)
                continue; /* a string, or beyond the BMP: tested rule by rule */
            if (hi > 0xFFFF)
                hi = 0xFFFF;
            if (nedge + 2 > cap) {
                cap = cap ? cap * 2 : 64;
                edge *e2 = realloc(es, cap * sizeof *es);
                if (!e2) {
                    free(es);
                    return -1;
                }
                es = e2;
            }
            es[nedge++] = (edge){lo, (int32_t)k, true};
            es[nedge++] = (edge){hi + 1, (int32_t)k, false};
        }
    }
    int ret = -1;
    bool *on = calloc(pl->n ? pl->n : 1, sizeof *on);
    int32_t *cur = malloc((pl->n ? pl->n : 1) * sizeof *cur);
    size_t nlists = 0, nrules = 0, rcap = 64;
    pl->dmap = calloc(0x10000, sizeof *pl->dmap);
    pl->doff = malloc((MAX_LISTS + 1) * sizeof *pl->doff);
    pl->drule = malloc(rcap * sizeof *pl->drule);
    if (!on || !cur || !pl->dmap || !pl->doff || !pl->drule)
        goto out;
    if (nedge > 1)
        qsort(es, nedge, sizeof *es, edge_cmp);
    pl->doff[0] = 0;
    for (size_t e = 0; e < nedge;) {
        UChar32 at = es[e].at;
        for (; e < nedge && es[e].at == at; e++)
            on[es[e].k] = es[e].on;
        if (at > 0xFFFF)
            break;
        UChar32 end = e < nedge && es[e].at <= 0x10000 ? es[e].at : 0x10000;
        size_t ncur = 0;
        for (size_t k = 0; k < pl->n; k++)
            if (on[k])
                cur[ncur++] = (int32_t)k;
        if (ncur == 0)
            continue;
        /* The same list seen before, or a new one. */
        size_t id = 0;
        for (; id < nlists; id++)
            if (pl->doff[id + 1] - pl->doff[id] == ncur &&
                !memcmp(pl->drule + pl->doff[id], cur, ncur * sizeof *cur))
                break;
        if (id == nlists) {
            if (nlists == MAX_LISTS) {
                ret = 1;
                goto out;
            }
            if (nrules + ncur > rcap) {
                while (nrules + ncur > rcap)
                    rcap *= 2;
                int32_t *r2 = realloc(pl->drule, rcap * sizeof *r2);
                if (!r2)
                    goto out;
                pl->drule = r2;
            }
            memcpy(pl->drule + nrules, cur, ncur * sizeof *cur);
            nrules += ncur;
            pl->doff[++nlists] = (uint32_t)nrules;
        }
        for (UChar32 c = at; c < end; c++)
            pl->dmap[c] = (uint16_t)(id + 1);
    }
    ret = 0;
out:
    if (ret) {
        free(pl->dmap);
        free(pl->doff);
        free(pl->drule);
        pl->dmap = NULL;
        pl->doff = NULL;
        pl->drule = NULL;
    }
    free(es);
    free(on);
    free(cur);
    return ret < 0 ? -1 : 0;
}

/* See srx.h.  The cache is a list: a document has a language or two. */
int artx_srx_plan(artx_segmenter *seg, const char *lang, srx_plan **out, artx_error *err)
{
    for (size_t i = 0; i < seg->nplan; i++)
        if (!strcmp(seg->plans[i].lang, lang)) {
            *out = &seg->plans[i];
            return 0;
        }
    srx_plan *plans = realloc(seg->plans, (seg->nplan + 1) * sizeof *plans);
    if (!plans)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    seg->plans = plans;
    srx_plan *pl = &plans[seg->nplan];
    memset(pl, 0, sizeof *pl);
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    UChar *ulang = NULL;
    bool *used = calloc(seg->nlr ? seg->nlr : 1, sizeof *used);
    size_t total = 0;
    bool icu = seg->icu;
    int ret = 0;
    pl->lang = strdup(lang);
    if (!used || !pl->lang)
        goto nomem;
    u_strFromUTF8(NULL, 0, &ulen, lang, -1, &st);
    st = U_ZERO_ERROR;
    if (!(ulang = malloc(((size_t)ulen + 1) * sizeof *ulang)))
        goto nomem;
    u_strFromUTF8WithSub(ulang, ulen + 1, NULL, lang, -1, 0xFFFD, NULL, &st);
    for (size_t i = 0; i < seg->nmap; i++) {
        srx_map *m = &seg->maps[i];
        if (!map_hits(m, ulang, ulen) || used[m->lr])
            continue;
        used[m->lr] = true;
        total += seg->lrs[m->lr].n;
        icu = icu || seg->lrs[m->lr].icu;
        if (!seg->cascade)
            break;
    }
    pl->rules = malloc((total ? total : 1) * sizeof *pl->rules);
    if (!pl->rules)
        goto nomem;
    /* In map order: `used` only marks, so walk the maps again. */
    memset(used, 0, seg->nlr * sizeof *used);
    for (size_t i = 0; i < seg->nmap && pl->n < total; i++) {
        srx_map *m = &seg->maps[i];
        if (!map_hits(m, ulang, ulen) || used[m->lr])
            continue;
        used[m->lr] = true;
        for (size_t j = 0; j < seg->lrs[m->lr].n; j++)
            pl->rules[pl->n++] = &seg->lrs[m->lr].rules[j];
        if (!seg->cascade)
            break;
    }
    if (!(pl->no = malloc((pl->n ? pl->n : 1) * sizeof *pl->no)))
        goto nomem;
    setcache cache = {0};
    for (size_t i = 0; i < pl->n; i++) {
        if (!pl->rules[i]->analysed)
            rule_sets(pl->rules[i], &cache);
        if (!pl->rules[i]->brk)
            pl->no[pl->nno++] = (int32_t)i;
    }
    setcache_free(&cache);
    /* One scan finds where any break="yes" rule with a trigger set can
     * start. */
    for (size_t i = 0; i < pl->n; i++) {
        srx_rule *r = pl->rules[i];
        if (!r->brk || !r->trig)
            continue;
        if (!pl->trig && !(pl->trig = uset_openEmpty()))
            goto nomem;
        uset_addAll(pl->trig, r->trig);
    }
    if (pl->trig) {
        uset_freeze(pl->trig);
        if (dispatch(pl) < 0 || !scan_build(&pl->tscan, pl->trig))
            goto nomem;
    }
    if (icu) {
        /* Opening costs up to a millisecond (FACTS): once per language. */
        char loc[ULOC_FULLNAME_CAPACITY] = "";
        st = U_ZERO_ERROR;
        uloc_forLanguageTag(lang, loc, sizeof loc, NULL, &st);
        st = U_ZERO_ERROR;
        pl->bi = ubrk_open(UBRK_SENTENCE, loc, NULL, 0, &st);
        if (U_FAILURE(st)) {
            ret = artx_fail(err, ARTX_ERR_INVALID, "ICU sentence break for '%s': %s", lang,
                            u_errorName(st));
            goto fail;
        }
    }
    free(used);
    free(ulang);
    seg->nplan++;
    *out = pl;
    return 0;
nomem:
    ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
fail:
    free(used);
    free(ulang);
    free(pl->lang);
    free(pl->rules);
    free(pl->no);
    uset_close(pl->trig);
    free(pl->dmap);
    free(pl->doff);
    free(pl->drule);
    free(pl->tscan.bits);
    return ret;
}
