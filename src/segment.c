/* segment.c - Unicode text on ICU: NFC, and sentences by SRX 2.0 rules run
 * on ICU regular expressions (optionally over ICU's sentence break).  This
 * is the only file that uses ICU.
 *
 * SRX 2.0 (LISA, 2008): a rule says whether a break goes where its
 * beforebreak pattern ends and its afterbreak pattern starts; at any
 * position the first rule in order that matches decides.  The engine:
 *
 *  1. converts the text to UTF-16 once per call;
 *  2. collects candidate positions: each break="yes" rule is searched
 *     forward as `(?:before)(?=after)` (its matches end where a break may
 *     go); ICU's sentence iterator adds its breaks when the rules ask for
 *     it (Okapi's useIcu4jBreakRules), as a last, lowest rule;
 *  3. at each candidate, only the break="no" rules that come before the
 *     first break="yes" rule that found it are tried: the before-pattern
 *     as `(?:before)\z` on a bounded window ending at the position (region
 *     with anchoring bounds, so \z is the position; transparent bounds, so
 *     \b and lookarounds see the text around), the after-pattern with
 *     lookingAt on a bounded window starting there.  A break="no" rule
 *     whose before-pattern has no bounded length is searched forward once
 *     instead, and its matches looked up.
 *
 * No regex runs where it cannot match: from each pattern the engine
 * computes (as ICU sets) the characters a match can start with, end with,
 * and be followed by (see analyse).  Forward searches jump with uset_span
 * from one possible start to the next, all break="yes" rules in one scan,
 * and call ICU only there; a break="no" rule is skipped at a candidate
 * whose neighbouring characters it cannot match.  So a megabyte without
 * punctuation costs one set scan, and the cost is linear in the text.
 *
 * Windows: a before-pattern never sees more than WINDOW UTF-16 units back
 * from a break (less when the pattern's longest match is shorter), an
 * after-pattern of a break="no" rule never more than WINDOW units forward;
 * lookarounds inside a pattern see the whole text.
 *
 * Patterns are Java regular expressions (the SRX standard says so); the
 * few spots where ICU reads them differently are rewritten first (see
 * java_to_icu). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "internal.h"

#define SRX_NS "http://www.lisa.org/srx20"
#define OKAPI_NS "http://okapi.sf.net/srx-extensions"

static const UChar empty16[1] = {0};

enum {
    WINDOW = 256,  /* UTF-16 units a pattern may span around a break */
    CHUNK = 4096,  /* a forward search region, so no match runs away */
    MAX_RULES = 100000
};

/* ---- NFC ----------------------------------------------------------------- */

char *artx_text_nfc(const char *s)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int32_t len = (int32_t)strlen(s), ulen = 0;
    UChar *u = NULL, *n = NULL;
    char *out = NULL;
    if (U_FAILURE(st))
        return NULL;

    /* Fast path: most text is already NFC, and a quick check costs less
     * than two conversions. */
    u = malloc(((size_t)len + 1) * sizeof *u);
    if (!u)
        return NULL;
    u_strFromUTF8WithSub(u, len + 1, &ulen, s, len, 0xFFFD, NULL, &st);
    if (U_FAILURE(st))
        goto out;
    if (unorm2_quickCheck(nfc, u, ulen, &st) == UNORM_YES && U_SUCCESS(st)) {
        int32_t olen = 0;
        out = malloc((size_t)ulen * 3 + 1);
        if (out)
            u_strToUTF8(out, ulen * 3 + 1, &olen, u, ulen, &st);
        goto out;
    }
    st = U_ZERO_ERROR;
    int32_t cap = ulen * 3 + 16;
    n = malloc((size_t)cap * sizeof *n);
    if (!n)
        goto out;
    int32_t nlen = unorm2_normalize(nfc, u, ulen, n, cap, &st);
    if (U_FAILURE(st))
        goto out;
    out = malloc((size_t)nlen * 3 + 1);
    if (out) {
        int32_t olen = 0;
        u_strToUTF8(out, nlen * 3 + 1, &olen, n, nlen, &st);
    }
out:
    if (U_FAILURE(st)) {
        free(out);
        out = NULL;
    }
    free(u);
    free(n);
    return out;
}

/* ---- the segmenter ------------------------------------------------------- */

typedef struct cand {
    int32_t pos; /* UTF-16 offset where a break may go */
    int32_t idx; /* the first break="yes" rule that put it there */
} cand;

typedef struct cands {
    cand *c;
    size_t n, cap;
} cands;

typedef struct srx_rule {
    bool brk;                 /* break="yes" */
    char *before, *after;     /* the patterns as written (for messages) */
    URegularExpression *fwd;  /* (?:before)(?=after), searched forward: the
                                 break="yes" rules, and the break="no" rules
                                 whose before-pattern has no bounded length */
    URegularExpression *bend; /* no: (?:before)\z; NULL when before is empty */
    URegularExpression *aft;  /* no: after; NULL when after is empty */
    int32_t bwin, awin;       /* window sizes for bend and aft */
    USet *trig;               /* fwd: where a match can start (NULL: anywhere) */
    bool chain;               /* fwd uses \G: try again where a match ends */
    USet *trig2;              /* fwd: what must follow the trigger (NULL: anything) */
    USet *blast, *afirst;     /* no: what can come before and after a
                                 matching position (NULL: anything) */
    USet *bpen;               /* no: what can come just before blast's */
    bool analysed;            /* the sets above are computed */
    unsigned gen;             /* call whose text the regexes hold */
    cands hits;               /* no-rules with fwd: where they match, for the
                                 call `gen` */
} srx_rule;

typedef struct srx_langrule {
    char *name;      /* languagerulename */
    srx_rule *rules; /* in document order */
    size_t n;
    bool icu;        /* artx:icu="yes": ICU sentence breaks under these rules */
} srx_langrule;

typedef struct srx_map {
    URegularExpression *re; /* languagepattern, matched against the whole tag */
    size_t lr;              /* index into langrules */
} srx_map;

typedef struct srx_plan {
    char *lang;            /* the tag asked for */
    srx_rule **rules;      /* the rules that apply, in order */
    size_t n;
    UBreakIterator *bi;    /* ICU sentence iterator, or NULL */
    USet *trig;            /* union of the break="yes" rules' trigger sets */
    int32_t *no;           /* indices of the break="no" rules, ascending */
    size_t nno;
} srx_plan;

struct artx_segmenter {
    srx_langrule *lrs;     /* languagerules */
    size_t nlr;
    srx_map *maps;         /* maprules */
    size_t nmap;
    bool cascade;          /* header cascade="yes" */
    bool subflows;         /* header segmentsubflows="yes" */
    bool icu;              /* okpsrx:options useIcu4jBreakRules="yes" */
    bool include[3];       /* formathandle include= for start, end, isolated */
    srx_plan *plans;       /* one per language tag asked for so far */
    size_t nplan;
    char **warnings;       /* what was skipped while loading */
    size_t nwarn;
    unsigned gen;          /* counts artx_segment calls */
};

/* ---- Java regular expressions in ICU ------------------------------------ */

/* A growable byte string. */
typedef struct buf {
    char *s;
    size_t n, cap;
    bool oom;
} buf;

static void put(buf *b, const char *s, size_t n)
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

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Copy a quantifier {n}, {n,} or {n,m} at p[i] (returns its length, 0
 * when the brace is a literal).  In a lookbehind, whose length ICU wants
 * bounded, {n,} becomes {n,LB_MAX}. */
enum { LB_MAX = 64 };

static size_t quantifier(buf *b, const char *p, size_t i, size_t n, bool in_lb)
{
    size_t j = i + 1, lo = j;
    while (j < n && p[j] >= '0' && p[j] <= '9')
        j++;
    if (j == lo)
        return 0;
    bool open = false;
    if (j < n && p[j] == ',') {
        j++;
        open = j < n && p[j] == '}';
        while (j < n && p[j] >= '0' && p[j] <= '9')
            j++;
    }
    if (j >= n || p[j] != '}')
        return 0;
    if (open && in_lb) {
        char tail[16];
        put(b, p + i, j - i);
        snprintf(tail, sizeof tail, "%d}", LB_MAX);
        puts_(b, tail);
    } else {
        put(b, p + i, j + 1 - i);
    }
    return j + 1 - i;
}

/* Rewrite a Java pattern for ICU.  What differs and matters in SRX files:
 *  - inside a class, `-[` is a union in Java (`[\p{L}-[a]]` is letters,
 *    '-' and 'a') but a set difference in ICU: the '-' is escaped;
 *  - a '{' or '}' that is no quantifier is a literal in Java, an error in
 *    ICU: escaped;
 *  - Java takes `+` and `*` in a lookbehind (LanguageTool's rules use
 *    `(?<=[XVI]+)`); ICU wants a bounded length: they become {1,LB_MAX},
 *    {0,LB_MAX};
 *  - `^`, `$`, `\A`, `\Z`, `\z` mean the ends of the whole text; the engine
 *    matches before-patterns in a region with anchoring bounds, so they
 *    become lookarounds that transparent bounds resolve against the text
 *    (with (?m), `^` and `$` also match at line ends, as in Java);
 *  - `\pL` (one-letter property without braces) is written `\p{L}`.
 * ICU reads the rest as Java does (\p{javaLowerCase}, \p{Alpha}, \p{IsLatin},
 * possessive quantifiers, atomic groups, (?u)), except that \w, \d, \s and
 * \b are Unicode-aware in ICU: intended, as SRX rules serve all scripts. */
static char *java_to_icu(const char *p)
{
    static const char *const start = "(?<![\\s\\S])";
    static const char *const end = "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))";
    static const char *const mstart = "(?:(?<![\\s\\S])|(?<=[\\n\\r\\u0085\\u2028\\u2029]))";
    static const char *const mend = "(?=[\\n\\r\\u0085\\u2028\\u2029]|(?![\\s\\S]))";
    buf b = {0};
    int depth = 0;        /* class nesting */
    bool multiline = false;
    bool quant = false;   /* the last thing copied was a quantifier */
    unsigned char lb[64]; /* open groups: 1 for a lookbehind */
    int groups = 0, in_lb = 0;
    size_t n = strlen(p);
    puts_(&b, "");
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        bool was_quant = quant;
        quant = false;
        if (c == '\\' && i + 1 < n) {
            char e = p[i + 1];
            if (e == 'Q') { /* \Q...\E quotes: copy as is */
                const char *q = strstr(p + i + 2, "\\E");
                size_t stop = q ? (size_t)(q - p) + 2 : n;
                put(&b, p + i, stop - i);
                i = stop - 1;
                continue;
            }
            if (depth == 0 && e == 'A') {
                puts_(&b, start);
                i++;
                continue;
            }
            if (depth == 0 && (e == 'Z' || e == 'z')) {
                puts_(&b, e == 'z' ? "(?![\\s\\S])" : end);
                i++;
                continue;
            }
            if ((e == 'p' || e == 'P') && i + 2 < n && p[i + 2] != '{') {
                char t[8] = {'\\', e, '{', p[i + 2], '}', 0};
                puts_(&b, t);
                i += 2;
                continue;
            }
            if (strchr("pPxN", e) && i + 2 < n && p[i + 2] == '{') {
                /* \p{..}, \x{..}, \N{..}: braces that belong to the escape */
                const char *q = strchr(p + i + 2, '}');
                size_t stop = q ? (size_t)(q - p) + 1 : n;
                put(&b, p + i, stop - i);
                i = stop - 1;
                continue;
            }
            put(&b, p + i, 2);
            i++;
            continue;
        }
        if (depth > 0) {
            if (c == '[')
                depth++;
            else if (c == ']')
                depth--;
            else if (c == '-' && i + 1 < n && p[i + 1] == '[') {
                puts_(&b, "\\-");
                continue;
            }
            put(&b, &c, 1);
            continue;
        }
        switch (c) {
        case '[':
            depth = 1;
            put(&b, &c, 1);
            /* A ']' right after '[' or '[^' is a literal in Java. */
            if (i + 1 < n && p[i + 1] == '^') {
                put(&b, "^", 1);
                i++;
            }
            if (i + 1 < n && p[i + 1] == ']') {
                puts_(&b, "\\]");
                i++;
            }
            continue;
        case '(': {
            size_t j = i + 1;
            bool behind = false, flags_only = false;
            if (j < n && p[j] == '?') {
                j++;
                if (j + 1 < n && p[j] == '<' && (p[j + 1] == '=' || p[j + 1] == '!')) {
                    behind = true;
                    j += 2;
                } else if (j < n && strchr("=!:>", p[j])) {
                    j++;
                } else if (j < n && p[j] == '<') {
                    while (j < n && p[j] != '>')
                        j++;
                    j++;
                } else {
                    bool on = true;
                    for (; j < n && strchr("imsxuUdc-", p[j]); j++) {
                        if (p[j] == '-')
                            on = false;
                        else if (p[j] == 'm')
                            multiline = on;
                    }
                    flags_only = j < n && p[j] == ')';
                    j++;
                }
            }
            if (j > n)
                j = n;
            put(&b, p + i, j - i);
            i = j - 1;
            if (!flags_only) {
                if (groups < (int)sizeof lb)
                    lb[groups] = behind;
                groups++;
                in_lb += behind;
            }
            continue;
        }
        case ')':
            if (groups > 0) {
                groups--;
                if (groups < (int)sizeof lb)
                    in_lb -= lb[groups];
            }
            break;
        case '*':
        case '+':
            if (in_lb > 0 && !was_quant) {
                char t[16];
                snprintf(t, sizeof t, "{%d,%d}", c == '+', LB_MAX);
                puts_(&b, t);
                quant = true;
                continue;
            }
            quant = !was_quant;
            break;
        case '?':
            quant = !was_quant;
            break;
        case '{': {
            size_t k = quantifier(&b, p, i, n, in_lb > 0);
            if (k) {
                i += k - 1;
                quant = true;
            } else {
                puts_(&b, "\\{");
            }
            continue;
        }
        case '}':
            puts_(&b, "\\}");
            continue;
        case '^':
            puts_(&b, multiline ? mstart : start);
            continue;
        case '$':
            puts_(&b, multiline ? mend : end);
            continue;
        default:
            break;
        }
        put(&b, &c, 1);
    }
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

/* The longest text a (translated) pattern can match, in UTF-16 units, or
 * -1 when unbounded or not known.  Lookarounds and anchors count 0, a
 * class or an escape for one 2 (a surrogate pair).  Used only to size the
 * windows: a wrong "unbounded" costs time, never a match. */
static long maxlen_alt(const char *p, size_t n, size_t *i, int depth);

static long add_len(long a, long b)
{
    if (a < 0 || b < 0 || a + b > 100000)
        return -1;
    return a + b;
}

static long atom_len(const char *p, size_t n, size_t *i, int depth)
{
    char c = p[*i];
    if (c == '(') {
        bool zero = false;
        (*i)++;
        if (*i < n && p[*i] == '?') {
            (*i)++;
            if (*i < n && (p[*i] == '=' || p[*i] == '!')) {
                zero = true;
                (*i)++;
            } else if (*i + 1 < n && p[*i] == '<' && (p[*i + 1] == '=' || p[*i + 1] == '!')) {
                zero = true;
                *i += 2;
            } else if (*i < n && p[*i] == '<') {
                while (*i < n && p[*i] != '>')
                    (*i)++;
                (*i)++;
            } else if (*i < n && (p[*i] == ':' || p[*i] == '>')) {
                (*i)++;
            } else if (*i < n && p[*i] == '#') {
                while (*i < n && p[*i] != ')')
                    (*i)++;
                (*i)++;
                return 0;
            } else {
                while (*i < n && strchr("imsxuUdcw-", p[*i])) {
                    if (p[*i] == 'x')
                        return -1; /* free spacing: not worth parsing */
                    (*i)++;
                }
                if (*i < n && p[*i] == ')') {
                    (*i)++;
                    return 0;
                }
                (*i)++; /* ':' */
            }
        }
        long inner = maxlen_alt(p, n, i, depth + 1);
        if (*i >= n || p[*i] != ')')
            return -1;
        (*i)++;
        return zero ? 0 : inner;
    }
    if (c == '[') {
        int d = 0;
        bool first = true;
        while (*i < n) {
            char k = p[*i];
            if (k == '\\')
                (*i)++;
            else if (k == '[')
                d++;
            else if (k == ']' && !first && --d == 0) {
                (*i)++;
                return 2;
            }
            first = k == '[' || (k == '^' && p[*i - 1] == '[');
            (*i)++;
        }
        return -1;
    }
    if (c == '\\') {
        (*i)++;
        if (*i >= n)
            return -1;
        char e = p[(*i)++];
        switch (e) {
        case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G':
            return 0;
        case 'Q': {
            long units = 0;
            while (*i < n && !(p[*i] == '\\' && *i + 1 < n && p[*i + 1] == 'E')) {
                unsigned char u = (unsigned char)p[(*i)++];
                units += (u & 0xC0) != 0x80 ? (u >= 0xF0 ? 2 : 1) : 0;
            }
            *i += 2;
            return units;
        }
        case 'p': case 'P': case 'N': case 'x':
            if (*i < n && p[*i] == '{') {
                while (*i < n && p[*i] != '}')
                    (*i)++;
                (*i)++;
            } else if (e == 'x') {
                *i += 2;
            } else {
                (*i)++;
            }
            return 2;
        case 'u':
            *i += 4;
            return 1;
        case 'k': case 'X':
            return -1;
        case 'c':
            (*i)++;
            return 1;
        case 'R':
            return 2;
        default:
            if (e >= '1' && e <= '9')
                return -1; /* back reference */
            if (e == '0') {
                while (*i < n && p[*i] >= '0' && p[*i] <= '7')
                    (*i)++;
                return 1;
            }
            if ((unsigned char)e >= 0x80) {
                (*i)--;
                break; /* an escaped non-ASCII literal: count it below */
            }
            return strchr("dDwWsShHvV", e) ? 2 : 1;
        }
    }
    if (c == '.')
        return (*i)++, 2;
    unsigned char u = (unsigned char)p[*i];
    long units = u >= 0xF0 ? 2 : 1;
    (*i)++;
    while (*i < n && ((unsigned char)p[*i] & 0xC0) == 0x80)
        (*i)++;
    return units;
}

static long maxlen_alt(const char *p, size_t n, size_t *i, int depth)
{
    long best = 0, cur = 0;
    if (depth > 64)
        return -1;
    while (*i < n && p[*i] != ')') {
        if (p[*i] == '|') {
            if (cur < 0 || best < 0)
                best = -1;
            else if (cur > best)
                best = cur;
            cur = 0;
            (*i)++;
            continue;
        }
        long a = atom_len(p, n, i, depth);
        if (*i < n && (p[*i] == '*' || p[*i] == '+')) {
            (*i)++;
            a = a == 0 ? 0 : -1;
        } else if (*i < n && p[*i] == '?') {
            (*i)++;
        } else if (*i < n && p[*i] == '{') {
            size_t j = *i + 1;
            long lo = 0, hi = -1;
            while (j < n && p[j] >= '0' && p[j] <= '9')
                lo = lo * 10 + (p[j++] - '0');
            hi = lo;
            if (j < n && p[j] == ',') {
                j++;
                hi = -1;
                if (j < n && p[j] >= '0' && p[j] <= '9')
                    for (hi = 0; j < n && p[j] >= '0' && p[j] <= '9'; j++)
                        hi = hi * 10 + (p[j] - '0');
            }
            if (j < n && p[j] == '}') {
                *i = j + 1;
                if (a != 0)
                    a = (a < 0 || hi < 0 || hi > 10000) ? -1 : a * hi;
            }
        }
        if (*i < n && (p[*i] == '?' || p[*i] == '+'))
            (*i)++; /* lazy or possessive */
        cur = add_len(cur, a);
    }
    if (cur < 0 || best < 0)
        return -1;
    return cur > best ? cur : best;
}

static int32_t window_for(const char *icu)
{
    size_t i = 0, n = strlen(icu);
    long m = maxlen_alt(icu, n, &i, 0);
    if (i < n || m < 0 || m > WINDOW)
        return WINDOW;
    return (int32_t)m;
}

/* ---- what a pattern can start and end with -------------------------------
 *
 * The characters a (translated) pattern can match first and last, as ICU
 * sets, so that the engine need not run a regex where it cannot match:
 * break="yes" rules are tried only where their first character occurs
 * (uset_span skips the rest), break="no" rules only where the character
 * before the position can end the before-pattern and the one after can
 * start the after-pattern.  A set is NULL when anything may come there;
 * whatever is not understood gives NULL, so the sets are never too small. */

typedef struct pinfo {
    bool nullable;     /* can match the empty string */
    bool g;            /* uses \G */
    USet *first, *last; /* NULL: any character */
} pinfo;

typedef struct an {
    const char *p;
    size_t i, n;
    bool fold;   /* (?i) seen: close the sets over case */
    bool g;      /* \G seen */
    bool inexact; /* a set is larger than what the pattern matches */
    bool bail;   /* free spacing or something odd: give up */
    int depth;
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
    pi->first = pi->last = NULL;
}

/* A set from ICU set syntax (UTF-8), or NULL when ICU does not take it. */
static USet *set_from(const char *pat)
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
    buf b = {0};
    int depth = 0;
    bool negated = false, approx = false, ok = true;
    const char *p = a->p;
    while (a->i < a->n) {
        char c = p[a->i];
        if (c == '[') {
            depth++;
            put(&b, "[", 1);
            a->i++;
            if (a->i < a->n && p[a->i] == '^') {
                negated = true;
                put(&b, "^", 1);
                a->i++;
            }
            continue;
        }
        if (c == ']') {
            put(&b, "]", 1);
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
                puts_(&b, esc);
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
                put(&b, p + a->i, j + 1 - a->i);
                a->i = j + 1;
                continue;
            }
            put(&b, p + a->i, 2);
            a->i += 2;
            if (e == 'x' && a->i < a->n && p[a->i] == '{')
                while (a->i < a->n && p[a->i - 1] != '}')
                    put(&b, p + a->i++, 1);
            else if (e == 'u') {
                size_t k = a->n - a->i < 4 ? a->n - a->i : 4;
                put(&b, p + a->i, k);
                a->i += k;
            }
            continue;
        }
        if (c == '-' || ((unsigned char)c & 0x80) || (c >= '0' && c <= '9') ||
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            put(&b, &c, 1);
        } else {
            /* Everything else literally: set syntax gives $ { } & : ' and
             * space meanings of their own. */
            char esc[3] = {'\\', c, 0};
            puts_(&b, esc);
        }
        a->i++;
    }
    USet *s = NULL;
    if (ok && !(negated && approx) && depth == 0 && !b.oom)
        s = set_from(b.s);
    a->inexact = a->inexact || approx;
    free(b.s);
    return s;
}

static void an_alt(an *a, pinfo *out);

/* One atom and its quantifier. */
static void an_atom(an *a, pinfo *out)
{
    const char *p = a->p;
    char c = p[a->i];
    out->nullable = false;
    out->first = out->last = NULL;
    if (c == '(') {
        a->i++;
        bool zero = false;
        if (a->i < a->n && p[a->i] == '?') {
            a->i++;
            char k = a->i < a->n ? p[a->i] : 0;
            if (k == '=' || k == '!') {
                zero = true;
                a->i++;
            } else if (k == '<' && a->i + 1 < a->n && (p[a->i + 1] == '=' || p[a->i + 1] == '!')) {
                zero = true;
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
                out->nullable = true;
                out->first = uset_openEmpty();
                out->last = uset_openEmpty();
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
                    out->nullable = true;
                    out->first = uset_openEmpty();
                    out->last = uset_openEmpty();
                    return;
                }
                a->i++; /* ':' */
            }
        }
        a->depth++;
        an_alt(a, out);
        a->depth--;
        if (a->i < a->n && p[a->i] == ')')
            a->i++;
        else
            a->bail = true;
        if (zero) {
            pinfo_free(out);
            out->nullable = true;
            out->first = uset_openEmpty();
            out->last = uset_openEmpty();
        }
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
            out->first = uset_openEmpty();
            out->last = uset_openEmpty();
        } else if (strchr("bBAzZ", e)) {
            a->i += 2;
            out->nullable = true;
            out->first = uset_openEmpty();
            out->last = uset_openEmpty();
        } else if (esc) {
            char pat[128];
            a->inexact = a->inexact || ap;
            snprintf(pat, sizeof pat, "[%s]", esc);
            a->i += 2;
            out->first = set_from(pat);
            out->last = set_copy(out->first);
        } else if (e == 'p' || e == 'P') {
            size_t j = a->i + 2;
            if (j < a->n && p[j] == '{')
                while (j < a->n && p[j] != '}')
                    j++;
            char pat[128];
            if (j + 1 - a->i + 3 < sizeof pat) {
                snprintf(pat, sizeof pat, "[%.*s]", (int)(j + 1 - a->i), p + a->i);
                out->first = set_from(pat);
                out->last = set_copy(out->first);
            }
            a->i = j + 1;
        } else if (e == 'Q') {
            const char *q = strstr(p + a->i + 2, "\\E");
            size_t stop = q ? (size_t)(q - p) : a->n;
            a->i += 2;
            if (a->i >= stop) {
                out->nullable = true;
                out->first = uset_openEmpty();
                out->last = uset_openEmpty();
            } else {
                out->first = set_of(literal_at(a, false));
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
    /* The quantifier. */
    if (a->i < a->n) {
        char q = p[a->i];
        if (q == '*' || q == '?') {
            out->nullable = true;
            a->i++;
        } else if (q == '+') {
            a->i++;
        } else if (q == '{' && a->i + 1 < a->n && p[a->i + 1] >= '0' && p[a->i + 1] <= '9') {
            if (p[a->i + 1] == '0' && (p[a->i + 2] == ',' || p[a->i + 2] == '}'))
                out->nullable = true;
            while (a->i < a->n && p[a->i] != '}')
                a->i++;
            a->i++;
        } else {
            return;
        }
        if (a->i < a->n && (p[a->i] == '?' || p[a->i] == '+'))
            a->i++;
    }
}

static void an_alt(an *a, pinfo *out)
{
    out->nullable = false;
    out->first = uset_openEmpty();
    out->last = uset_openEmpty();
    if (a->depth > 64) {
        a->bail = true;
        return;
    }
    for (;;) {
        /* One branch: a sequence of atoms. */
        pinfo seq = {true, false, uset_openEmpty(), uset_openEmpty()};
        while (a->i < a->n && a->p[a->i] != '|' && a->p[a->i] != ')' && !a->bail) {
            pinfo at;
            an_atom(a, &at);
            if (seq.nullable)
                set_union(&seq.first, at.first);
            if (at.nullable) {
                set_union(&seq.last, at.last);
            } else {
                uset_close(seq.last);
                seq.last = set_copy(at.last);
                seq.nullable = false;
            }
            pinfo_free(&at);
        }
        set_union(&out->first, seq.first);
        set_union(&out->last, seq.last);
        out->nullable = out->nullable || seq.nullable;
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
static bool single_exact(const char *icu)
{
    an a = {icu, 0, strlen(icu), false, false, false, false, 0};
    pinfo pi = {false, false, NULL, NULL};
    if (!a.n || icu[0] == '(' || icu[0] == '.')
        return false;
    an_atom(&a, &pi);
    bool single = a.i == a.n && !a.bail && !a.inexact && !a.fold && !pi.nullable && pi.first &&
                  !strchr("*+?}", icu[a.n - 1]) && !(icu[0] == '\\' && strchr("bBAzZG", icu[1]));
    pinfo_free(&pi);
    return single;
}

/* The characters that can come just before the last one of a match, for
 * a pattern that is a plain sequence ending in a one-character atom
 * (`\\d{1,2}\\.` gives the digits); NULL when not known.  Frozen. */
static USet *penultimate(const char *icu)
{
    an a = {icu, 0, strlen(icu), false, false, false, false, 0};
    USet *prev = uset_openEmpty(); /* what the prefix can end with; NULL: any */
    bool prev_nullable = true, have = false, ok = true;
    pinfo at = {false, false, NULL, NULL};
    size_t at_start = 0;
    while (a.i < a.n && ok) {
        if (icu[a.i] == '|' || icu[a.i] == ')') {
            ok = false;
            break;
        }
        if (have) {
            if (at.nullable) {
                set_union(&prev, at.last);
            } else {
                uset_close(prev);
                prev = set_copy(at.last);
                prev_nullable = false;
            }
            pinfo_free(&at);
        }
        at_start = a.i;
        an_atom(&a, &at);
        have = true;
        ok = !a.bail;
    }
    USet *out = NULL;
    if (ok && have && !a.fold && icu[at_start] != '(' && !at.nullable && at.first &&
        !prev_nullable && prev) {
        out = uset_cloneAsThawed(prev);
        /* A quantified last atom may repeat: its own characters too. */
        if (strpbrk(icu + at_start + (icu[at_start] == '\\' ? 2 : 1), "*+?{}"))
            uset_addAll(out, at.first);
        uset_freeze(out);
    }
    pinfo_free(&at);
    uset_close(prev);
    return out;
}

/* For a pattern that starts with one character and a lookahead on the
 * next, `다(?=[\\s.!?])...`, the lookahead's first set: the engine tries the
 * rule only where such a character follows its trigger.  NULL otherwise. */
static USet *second_of(const char *icu)
{
    an a = {icu, 0, strlen(icu), false, false, false, false, 0};
    pinfo at = {false, false, NULL, NULL};
    USet *out = NULL;
    if (!a.n || strchr("(|)", icu[0]))
        return NULL;
    an_atom(&a, &at);
    bool one = !a.bail && !at.nullable && at.first && a.i + 3 < a.n &&
               !strchr("*+?{", icu[a.i - 1]) && !strncmp(icu + a.i, "(?=", 3);
    pinfo_free(&at);
    if (!one)
        return NULL;
    a.i += 3;
    an_atom(&a, &at);
    if (!a.bail && !a.fold && !at.nullable && at.first) {
        out = set_copy(at.first);
    }
    pinfo_free(&at);
    return out;
}

/* First and last sets of a whole pattern; frozen, NULL for "any". */
static pinfo analyse(const char *icu)
{
    an a = {icu, 0, strlen(icu), false, false, false, false, 0};
    pinfo pi;
    an_alt(&a, &pi);
    pi.g = a.g;
    if (a.bail || a.i < a.n) {
        pinfo_free(&pi);
        pi.nullable = true;
        return pi;
    }
    if (a.fold) {
        if (pi.first)
            uset_closeOver(pi.first, USET_CASE_INSENSITIVE);
        if (pi.last)
            uset_closeOver(pi.last, USET_CASE_INSENSITIVE);
    }
    if (pi.first)
        uset_freeze(pi.first);
    if (pi.last)
        uset_freeze(pi.last);
    return pi;
}

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

/* ---- loading -------------------------------------------------------------- */

static void rule_free(srx_rule *r)
{
    free(r->before);
    free(r->after);
    uregex_close(r->fwd);
    uregex_close(r->bend);
    uregex_close(r->aft);
    free(r->hits.c);
    uset_close(r->trig);
    uset_close(r->blast);
    uset_close(r->afirst);
    uset_close(r->bpen);
    uset_close(r->trig2);
}

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

/* pre + mid + post, malloc'ed. */
static char *join3(const char *pre, const char *mid, const char *post)
{
    buf p = {0};
    puts_(&p, pre);
    puts_(&p, mid);
    puts_(&p, post);
    if (p.oom) {
        free(p.s);
        return NULL;
    }
    return p.s;
}

/* Compile a rule.  break="yes" rules, and break="no" rules whose before-
 * pattern has no bounded length, are searched forward; other break="no"
 * rules are checked in windows around each candidate. */
static int rule_compile(srx_rule *r, const char *lrname, size_t index, artx_error *err)
{
    char why[128], shown[80];
    int ret = 0;
    char *b = java_to_icu(r->before), *a = java_to_icu(r->after), *pat = NULL;
    const char *which = "beforebreak", *bad = r->before;
    if (!b || !a)
        goto nomem;
    if (r->brk || (*b && window_for(b) == WINDOW)) {
        /* An empty pattern matches everywhere (ICU refuses "" itself). */
        if (!(pat = *a ? join3("(?:", b, "") : join3("(?:", b, ")")))
            goto nomem;
        if (*a) {
            char *full = join3(pat, ")(?=", a);
            free(pat);
            if (!(pat = full ? join3(full, ")", "") : NULL)) {
                free(full);
                goto nomem;
            }
            free(full);
        }
        if (!(r->fwd = compile(pat, why, sizeof why))) {
            /* Say which of the two is wrong. */
            URegularExpression *t = *b ? compile(b, why, sizeof why) : NULL;
            if (t || !*b) {
                uregex_close(t);
                which = "afterbreak";
                bad = r->after;
                if (*a && (t = compile(a, why, sizeof why)))
                    uregex_close(t);
            }
            goto bad;
        }
    } else if (*b) {
        if (!(pat = join3("(?:", b, ")\\z")))
            goto nomem;
        if (!(r->bend = compile(pat, why, sizeof why)))
            goto bad;
        r->bwin = window_for(b);
    }
    if (!r->brk && !r->fwd && *a) {
        which = "afterbreak";
        bad = r->after;
        if (!(r->aft = compile(a, why, sizeof why)))
            goto bad;
        r->awin = window_for(a);
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
    free(pat);
    free(a);
    free(b);
    return ret;
}

/* The character sets of a rule (see analyse), computed when a language
 * first needs the rule: large SRX files have thousands of rules, and most
 * languages use few of them. */
static int rule_sets(srx_rule *r)
{
    char *b = java_to_icu(r->before), *a = java_to_icu(r->after);
    if (!b || !a) {
        free(b);
        free(a);
        return ARTX_ERR_NOMEM;
    }
    pinfo bi = analyse(b), ai = analyse(a);
    r->chain = bi.g;
    if (r->fwd) {
        r->trig2 = second_of(b);
        /* A match starts with a character of the before-pattern, or, when
         * that can be empty, of the after-pattern. */
        if (!bi.nullable)
            r->trig = set_copy(bi.first);
        else if (!ai.nullable && bi.first && ai.first) {
            r->trig = uset_cloneAsThawed(bi.first);
            uset_addAll(r->trig, ai.first);
            uset_freeze(r->trig);
        }
    } else {
        if (*b && !bi.nullable) {
            r->blast = set_copy(bi.last);
            r->bpen = penultimate(b);
        }
        if (*a && !ai.nullable)
            r->afirst = set_copy(ai.first);
        /* `\s` after, `[.!?]` before: the set says it all. */
        if (r->blast && r->bend && single_exact(b)) {
            uregex_close(r->bend);
            r->bend = NULL;
        }
        if (r->afirst && r->aft && single_exact(a)) {
            uregex_close(r->aft);
            r->aft = NULL;
        }
    }
    pinfo_free(&bi);
    pinfo_free(&ai);
    r->analysed = true;
    free(b);
    free(a);
    return 0;
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
            rule->before = pattern_text(next_el(r, NULL, SRX_NS, "beforebreak"));
            rule->after = pattern_text(next_el(r, NULL, SRX_NS, "afterbreak"));
            if (!rule->before || !rule->after)
                return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
            int ret = rule_compile(rule, lr->name, lr->n - 1, err);
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
        if (!(icu = java_to_icu((const char *)pat))) {
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
    seg->subflows = attr_yes(header, "segmentsubflows", NULL, true);
    /* SRX 2.0 defaults: start and isolated codes go with the next segment,
     * end codes with the previous one. */
    seg->include[0] = false;
    seg->include[1] = true;
    seg->include[2] = false;
    static const char *const types[3] = {"start", "end", "isolated"};
    for (xmlNodePtr f = next_el(header, NULL, SRX_NS, "formathandle"); f;
         f = next_el(header, f, SRX_NS, "formathandle")) {
        xmlChar *type = xmlGetNoNsProp(f, (const xmlChar *)"type");
        for (int i = 0; i < 3; i++)
            if (type && !strcmp((const char *)type, types[i]))
                seg->include[i] = attr_yes(f, "include", NULL, seg->include[i]);
        xmlFree(type);
    }
    xmlNodePtr opts = next_el(header, NULL, OKAPI_NS, "options");
    seg->icu = opts && attr_yes(opts, "useIcu4jBreakRules", NULL, false);
    if ((ret = load_rules(seg, lrs, err)) || (ret = load_maps(seg, maps, err)))
        goto out;
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

/* ---- segmenting ----------------------------------------------------------- */

/* The rules for a language tag: found in the cache or put together from the
 * maprules (all matching maps with cascade, else the first). */
static int get_plan(artx_segmenter *seg, const char *lang, srx_plan **out, artx_error *err)
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
        bool hit;
        if (!m->re) {
            hit = ulen == 0;
        } else {
            st = U_ZERO_ERROR;
            uregex_setText(m->re, ulang, ulen, &st);
            hit = uregex_matches(m->re, -1, &st) && U_SUCCESS(st);
            uregex_setText(m->re, empty16, 0, &st);
        }
        if (!hit || used[m->lr])
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
        bool hit;
        if (!m->re) {
            hit = ulen == 0;
        } else {
            st = U_ZERO_ERROR;
            uregex_setText(m->re, ulang, ulen, &st);
            hit = uregex_matches(m->re, -1, &st) && U_SUCCESS(st);
            uregex_setText(m->re, empty16, 0, &st);
        }
        if (!hit || used[m->lr])
            continue;
        used[m->lr] = true;
        for (size_t j = 0; j < seg->lrs[m->lr].n; j++)
            pl->rules[pl->n++] = &seg->lrs[m->lr].rules[j];
        if (!seg->cascade)
            break;
    }
    if (!(pl->no = malloc((pl->n ? pl->n : 1) * sizeof *pl->no)))
        goto nomem;
    for (size_t i = 0; i < pl->n; i++) {
        if (!pl->rules[i]->analysed && rule_sets(pl->rules[i]))
            goto nomem;
        if (!pl->rules[i]->brk)
            pl->no[pl->nno++] = (int32_t)i;
    }
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
    if (pl->trig)
        uset_freeze(pl->trig);
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
    return ret;
}

static bool cand_add(cands *cs, int32_t pos, int32_t idx)
{
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? cs->cap * 2 : 256;
        cand *c = realloc(cs->c, cap * sizeof *c);
        if (!c)
            return false;
        cs->c = c;
        cs->cap = cap;
    }
    cs->c[cs->n].pos = pos;
    cs->c[cs->n++].idx = idx;
    return true;
}

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Forward search of one break="yes" rule, chunk by chunk: a match must
 * start in [at, at + CHUNK) and may run WINDOW units past it. */
static bool search_rule(srx_rule *r, int32_t idx, int32_t n, cands *cs)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t at = 0;
    while (at < n || (at == 0 && n == 0)) {
        int32_t cend = n - at > CHUNK ? at + CHUNK : n;
        int32_t rend = n - cend > WINDOW ? cend + WINDOW : n;
        int32_t last = at;
        uregex_setRegion(r->fwd, at, rend, &st);
        while (U_SUCCESS(st) && uregex_findNext(r->fwd, &st)) {
            int32_t s = uregex_start(r->fwd, 0, &st), e = uregex_end(r->fwd, 0, &st);
            if (U_FAILURE(st) || s >= cend)
                break;
            if (e > 0 && e < n && !cand_add(cs, e, idx))
                return false;
            last = e;
        }
        if (U_FAILURE(st)) {
            st = U_ZERO_ERROR; /* e.g. ICU's stack limit on one chunk: go on */
            last = cend;
        }
        at = last > cend ? last : cend;
        if (n == 0)
            break;
    }
    return true;
}

/* Try rule r (index idx) at i, where its trigger set says a match may
 * start: lookingAt, the before-pattern limited to WINDOW units.  Returns
 * where the rule's next match may start (after this one, as a forward
 * search would go on), or -1 when out of memory. */
static int32_t try_at(srx_rule *r, int32_t idx, int32_t i, const UChar *u, int32_t n, cands *cs)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t lim = n - i > WINDOW ? i + WINDOW : n;
    int32_t step = (U16_IS_LEAD(u[i]) && i + 1 < n && U16_IS_TRAIL(u[i + 1])) ? 2 : 1;
    uregex_setRegion(r->fwd, i, lim, &st);
    if (!uregex_lookingAt(r->fwd, -1, &st) || U_FAILURE(st))
        return i + step;
    int32_t e = uregex_end(r->fwd, 0, &st);
    if (e > 0 && e < n && !cand_add(cs, e, idx))
        return -1;
    if (e <= i)
        return i + step;
    /* A \G pattern may match again right where this one ended. */
    while (r->chain && e < n) {
        int32_t at = e;
        lim = n - at > WINDOW ? at + WINDOW : n;
        uregex_setRegion(r->fwd, at, lim, &st);
        if (!uregex_lookingAt(r->fwd, -1, &st) || U_FAILURE(st) ||
            (e = uregex_end(r->fwd, 0, &st)) <= at)
            return at;
        if (e < n && !cand_add(cs, e, idx))
            return -1;
    }
    return e;
}

/* The same, for one rule with a trigger set: uset_span skips to where a
 * match can start. */
static bool search_trig(srx_rule *r, int32_t idx, const UChar *u, int32_t n, cands *cs)
{
    int32_t i = 0;
    while (i < n) {
        i += uset_span(r->trig, u + i, n - i, USET_SPAN_NOT_CONTAINED);
        if (i >= n)
            break;
        if ((i = try_at(r, idx, i, u, n, cs)) < 0)
            return false;
    }
    return true;
}

/* All break="yes" rules of a plan that have trigger sets, in one scan:
 * at each position where one may start, each rule whose set has the
 * character and whose previous match ended there or before is tried. */
static bool search_plan(srx_plan *pl, const UChar *u, int32_t n, cands *cs)
{
    int32_t *next = calloc(pl->n, sizeof *next);
    if (!next)
        return false;
    int32_t i = 0;
    while (i < n) {
        i += uset_span(pl->trig, u + i, n - i, USET_SPAN_NOT_CONTAINED);
        if (i >= n)
            break;
        UChar32 c;
        int32_t after = i;
        U16_NEXT(u, after, n, c);
        UChar32 c2 = -1;
        if (after < n)
            U16_GET(u, 0, after, n, c2);
        for (size_t k = 0; k < pl->n; k++) {
            srx_rule *r = pl->rules[k];
            if (!r->brk || !r->trig || next[k] > i || !uset_contains(r->trig, c))
                continue;
            if (r->trig2 && (c2 < 0 || !uset_contains(r->trig2, c2)))
                continue;
            next[k] = try_at(r, (int32_t)k, i, u, n, cs);
            if (next[k] < 0) {
                free(next);
                return false;
            }
        }
        i = after;
    }
    free(next);
    return true;
}

/* True when break="no" rule r matches at p. */
static bool rule_matches_at(srx_rule *r, int32_t p, int32_t n)
{
    UErrorCode st = U_ZERO_ERROR;
    if (r->fwd) {
        /* Searched forward once for this text: look p up. */
        size_t lo = 0, hi = r->hits.n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (r->hits.c[mid].pos < p)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < r->hits.n && r->hits.c[lo].pos == p;
    }
    if (r->bend) {
        int32_t s = p > r->bwin ? p - r->bwin : 0;
        uregex_setRegion(r->bend, s, p, &st);
        if (!uregex_findNext(r->bend, &st) || U_FAILURE(st))
            return false;
    }
    if (r->aft) {
        int32_t e = n - p > r->awin ? p + r->awin : n;
        uregex_setRegion(r->aft, p, e, &st);
        if (!uregex_lookingAt(r->aft, -1, &st) || U_FAILURE(st))
            return false;
    }
    return true;
}

/* UTF-8 to UTF-16, invalid bytes one U+FFFD each (artx_utf8_next's way,
 * which to_bytes below walks again). */
static UChar *to_utf16(const char *text, size_t len, int32_t *n)
{
    UChar *u = malloc((len + 1) * sizeof *u);
    if (!u)
        return NULL;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    int32_t k = 0;
    while (p < end) {
        if (*p < 0x80) {
            u[k++] = *p++;
            continue;
        }
        /* Hangul and most of the BMP: three bytes, checked inline. */
        if (end - p >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 &&
            (p[2] & 0xC0) == 0x80) {
            UChar c = (UChar)((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
            if (c >= 0x800 && !U16_IS_SURROGATE(c)) {
                u[k++] = c;
                p += 3;
                continue;
            }
        }
        long cp = artx_utf8_next(&p, end);
        if (cp < 0)
            u[k++] = 0xFFFD;
        else if (cp < 0x10000)
            u[k++] = (UChar)cp;
        else {
            u[k++] = U16_LEAD(cp);
            u[k++] = U16_TRAIL(cp);
        }
    }
    *n = k;
    return u;
}

int artx_segment(artx_segmenter *seg, const char *lang, const char *text, size_t len,
                 size_t **breaks, size_t *count, artx_error *err)
{
    srx_plan *pl = NULL;
    cands cs = {0};
    UChar *u = NULL;
    int32_t n = 0;
    int ret;
    if (!breaks || !count)
        return artx_fail(err, ARTX_ERR_USAGE, "no place for the breaks");
    *breaks = NULL;
    *count = 0;
    if (!seg || (!text && len))
        return artx_fail(err, ARTX_ERR_USAGE, "no segmenter or no text");
    if (len > (size_t)INT32_MAX / 2)
        return artx_fail(err, ARTX_ERR_INVALID, "text too long to segment (%zu bytes)", len);
    if ((ret = get_plan(seg, lang ? lang : "", &pl, err)))
        return ret;
    if (len == 0)
        return 0;
    if (!(u = to_utf16(text, len, &n)))
        goto nomem;
    seg->gen++;

    /* Candidates: the break="yes" rules with trigger sets in one scan,
     * the others each searched forward, then ICU. */
    for (size_t i = 0; i < pl->n; i++) {
        srx_rule *r = pl->rules[i];
        UErrorCode st = U_ZERO_ERROR;
        if (!r->brk)
            continue;
        uregex_setText(r->fwd, u, n, &st);
        r->gen = seg->gen;
    }
    if (pl->trig && !search_plan(pl, u, n, &cs))
        goto nomem;
    for (size_t i = 0; i < pl->n; i++) {
        srx_rule *r = pl->rules[i];
        if (!r->brk || r->trig)
            continue;
        if (!search_rule(r, (int32_t)i, n, &cs))
            goto nomem;
    }
    if (pl->bi) {
        UErrorCode st = U_ZERO_ERROR;
        ubrk_setText(pl->bi, u, n, &st);
        for (int32_t b = ubrk_next(pl->bi); b != UBRK_DONE && U_SUCCESS(st); b = ubrk_next(pl->bi)) {
            /* ICU puts the break after the spaces; rules look before them. */
            int32_t p = b;
            while (p > 0) {
                UChar32 c;
                int32_t q = p;
                U16_PREV(u, 0, q, c);
                if (!artx_is_space(c))
                    break;
                p = q;
            }
            if (p > 0 && p < n && !cand_add(&cs, p, (int32_t)pl->n))
                goto nomem;
        }
        ubrk_setText(pl->bi, empty16, 0, &st);
    }
    if (cs.n > 1)
        qsort(cs.c, cs.n, sizeof *cs.c, cand_cmp);

    /* Decide each candidate; keep the accepted ones in place, moved past
     * the spaces to where the next sentence starts. */
    int32_t first = 0; /* the first non-space: no break at or before it */
    while (first < n) {
        UChar32 c;
        int32_t q = first;
        U16_NEXT(u, q, n, c);
        if (!artx_is_space(c))
            break;
        first = q;
    }
    size_t kept = 0;
    for (size_t i = 0; i < cs.n; i++) {
        if (i > 0 && cs.c[i].pos == cs.c[i - 1].pos)
            continue; /* sorted by rule: the first one decides */
        int32_t p = cs.c[i].pos, back = p;
        UChar32 c_before, c_before2 = 0, c_at = 0;
        U16_PREV(u, 0, back, c_before);
        if (back > 0) {
            int32_t b2 = back;
            U16_PREV(u, 0, b2, c_before2);
        }
        if (p < n)
            U16_GET(u, 0, p, n, c_at);
        bool brk = true;
        for (size_t j = 0; j < pl->nno && pl->no[j] < cs.c[i].idx && brk; j++) {
            int32_t k = pl->no[j];
            srx_rule *r = pl->rules[k];
            if (r->gen != seg->gen) {
                UErrorCode st = U_ZERO_ERROR;
                if (r->bend)
                    uregex_setText(r->bend, u, n, &st);
                if (r->aft)
                    uregex_setText(r->aft, u, n, &st);
                if (r->fwd) {
                    uregex_setText(r->fwd, u, n, &st);
                    r->hits.n = 0;
                    if (r->trig ? !search_trig(r, k, u, n, &r->hits)
                                : !search_rule(r, k, n, &r->hits))
                        goto nomem;
                }
                r->gen = seg->gen;
            }
            if (r->blast && !uset_contains(r->blast, c_before))
                continue;
            if (r->bpen && (back <= 0 || !uset_contains(r->bpen, c_before2)))
                continue;
            if (r->afirst && (p >= n || !uset_contains(r->afirst, c_at)))
                continue;
            if (rule_matches_at(r, p, n))
                brk = false;
        }
        if (!brk)
            continue;
        while (p < n) {
            UChar32 c;
            int32_t q = p;
            U16_NEXT(u, q, n, c);
            if (!artx_is_space(c))
                break;
            p = q;
        }
        if (p <= first || p >= n || (kept > 0 && cs.c[kept - 1].pos >= p))
            continue;
        cs.c[kept++].pos = p;
    }

    /* UTF-16 offsets back to byte offsets, walking the text once. */
    if (kept > 0) {
        size_t *out = malloc(kept * sizeof *out);
        if (!out)
            goto nomem;
        const unsigned char *p = (const unsigned char *)text, *end = p + len;
        int32_t k = 0;
        for (size_t i = 0; i < kept; i++) {
            while (k < cs.c[i].pos && p < end) {
                if (*p < 0x80) {
                    p++;
                    k++;
                    continue;
                }
                if (end - p >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 &&
                    (p[2] & 0xC0) == 0x80 && (p[0] != 0xE0 || p[1] >= 0xA0) &&
                    (p[0] != 0xED || p[1] < 0xA0)) {
                    p += 3; /* as to_utf16 reads it: one unit */
                    k++;
                    continue;
                }
                long cp = artx_utf8_next(&p, end);
                k += cp >= 0x10000 ? 2 : 1;
            }
            out[i] = (size_t)(p - (const unsigned char *)text);
        }
        *breaks = out;
        *count = kept;
    }
    ret = 0;
    goto out;
nomem:
    ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
out:
    /* The regexes keep a pointer to the text: point them away from it. */
    for (size_t i = 0; pl && i < pl->n; i++) {
        srx_rule *r = pl->rules[i];
        UErrorCode st = U_ZERO_ERROR;
        if (r->gen != seg->gen)
            continue;
        if (r->fwd)
            uregex_setText(r->fwd, empty16, 0, &st);
        if (r->bend)
            uregex_setText(r->bend, empty16, 0, &st);
        if (r->aft)
            uregex_setText(r->aft, empty16, 0, &st);
    }
    free(cs.c);
    free(u);
    return ret;
}
