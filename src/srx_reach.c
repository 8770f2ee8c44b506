/* srx_reach.c - how far a translated pattern reaches: break="no" windows.
 *
 * The longest text a pattern can match, in UTF-16 units, or -1 when
 * unbounded or not known.  Lookarounds and anchors count 0, a class or an
 * escape for one 2 (a surrogate pair).  Used only to size the windows: a
 * wrong "unbounded" costs time, never a match.  Pure string code: no ICU
 * calls. */
#include <stdbool.h>
#include <string.h>

#include "srx.h"

static long maxlen_alt(const char *p, size_t n, size_t *i, int depth);

static long add_len(long a, long b)
{
    if (a < 0 || b < 0 || a + b > 100000)
        return -1;
    return a + b;
}

/* The head of a group after "(?", at p[*i]: 1 when a body follows (*zero
 * set for a lookaround), 0 when the group is over (a comment, flags alone),
 * -1 for free spacing, which is not worth parsing. */
static int group_head(const char *p, size_t n, size_t *i, bool *zero)
{
    if (*i < n && (p[*i] == '=' || p[*i] == '!')) {
        *zero = true;
        (*i)++;
    } else if (*i + 1 < n && p[*i] == '<' && (p[*i + 1] == '=' || p[*i + 1] == '!')) {
        *zero = true;
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
                return -1;
            (*i)++;
        }
        if (*i < n && p[*i] == ')') {
            (*i)++;
            return 0;
        }
        (*i)++; /* ':' */
    }
    return 1;
}

static long group_len(const char *p, size_t n, size_t *i, int depth)
{
    bool zero = false;
    (*i)++;
    if (*i < n && p[*i] == '?') {
        (*i)++;
        int head = group_head(p, n, i, &zero);
        if (head <= 0)
            return head;
    }
    long inner = maxlen_alt(p, n, i, depth + 1);
    if (*i >= n || p[*i] != ')')
        return -1;
    (*i)++;
    return zero ? 0 : inner;
}

static long class_len(const char *p, size_t n, size_t *i)
{
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

/* One literal character, as many units as UTF-16 needs. */
static long char_len(const char *p, size_t n, size_t *i)
{
    unsigned char u = (unsigned char)p[*i];
    long units = u >= 0xF0 ? 2 : 1;
    (*i)++;
    while (*i < n && ((unsigned char)p[*i] & 0xC0) == 0x80)
        (*i)++;
    return units;
}

/* The text of \Q...\E, after the \Q. */
static long quote_len(const char *p, size_t n, size_t *i)
{
    long units = 0;
    while (*i < n && !(p[*i] == '\\' && *i + 1 < n && p[*i + 1] == 'E')) {
        unsigned char u = (unsigned char)p[(*i)++];
        units += (u & 0xC0) != 0x80 ? (u >= 0xF0 ? 2 : 1) : 0;
    }
    *i += 2;
    return units;
}

static long escape_len(const char *p, size_t n, size_t *i)
{
    (*i)++;
    if (*i >= n)
        return -1;
    char e = p[(*i)++];
    switch (e) {
    case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G':
        return 0;
    case 'Q':
        return quote_len(p, n, i);
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
            (*i)--; /* an escaped non-ASCII literal */
            return char_len(p, n, i);
        }
        return strchr("dDwWsShHvV", e) ? 2 : 1;
    }
}

static long atom_len(const char *p, size_t n, size_t *i, int depth)
{
    char c = p[*i];
    if (c == '(')
        return group_len(p, n, i, depth);
    if (c == '[')
        return class_len(p, n, i);
    if (c == '\\')
        return escape_len(p, n, i);
    if (c == '.')
        return (*i)++, 2;
    return char_len(p, n, i);
}

/* The number written in the digits at p[*j] (advancing *j past them).
 * Past 10000 a count makes the reach unbounded, so adding digits stops
 * there: a pattern may write more than a long holds. */
static long count_at(const char *p, size_t n, size_t *j)
{
    long v = 0;
    for (; *j < n && p[*j] >= '0' && p[*j] <= '9'; (*j)++)
        if (v <= 10000)
            v = v * 10 + (p[*j] - '0');
    return v;
}

/* The reach of an atom whose own is a, with the quantifier at p[*i] (if
 * any) read. */
static long quantified_len(const char *p, size_t n, size_t *i, long a)
{
    if (*i < n && (p[*i] == '*' || p[*i] == '+')) {
        (*i)++;
        a = a == 0 ? 0 : -1;
    } else if (*i < n && p[*i] == '?') {
        (*i)++;
    } else if (*i < n && p[*i] == '{') {
        size_t j = *i + 1;
        long hi = count_at(p, n, &j);
        if (j < n && p[j] == ',') {
            j++;
            hi = j < n && p[j] >= '0' && p[j] <= '9' ? count_at(p, n, &j) : -1;
        }
        if (j < n && p[j] == '}') {
            *i = j + 1;
            if (a != 0)
                a = (a < 0 || hi < 0 || hi > 10000) ? -1 : a * hi;
        }
    }
    if (*i < n && (p[*i] == '?' || p[*i] == '+'))
        (*i)++; /* lazy or possessive */
    return a;
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
        cur = add_len(cur, quantified_len(p, n, i, a));
    }
    if (cur < 0 || best < 0)
        return -1;
    return cur > best ? cur : best;
}

int32_t artx_srx_window(const char *icu)
{
    size_t i = 0, n = strlen(icu);
    long m = maxlen_alt(icu, n, &i, 0);
    if (i < n || m < 0 || m > SRX_WINDOW)
        return SRX_WINDOW;
    return (int32_t)m;
}
