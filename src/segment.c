/* segment.c - the engine: sentence breaks by SRX 2.0 rules on ICU regexes.
 *
 * The rules are read by srx.c, compiled by srx_compile.c and put together
 * per language by srx_plan.c; ICU's sentence break can run under them.
 * ICU is used here, in srx.c, srx_compile.c, srx_analyse.c, srx_plan.c and
 * text.c (NFC), nowhere else.
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
 * No regex runs where it cannot match: from each pattern srx_analyse.c
 * computes (as ICU sets) the characters a match can start with, the one
 * before and the one after its first (a leading lookbehind, (?<=[가-힣])다,
 * and what follows the first character, 다(?=\s)), its last two, and the
 * first after it.  Forward searches jump with a bitmap of the possible
 * starts from one to the next, all break="yes" rules in one scan (a table
 * says which rules each character can start), and call ICU only where the
 * characters around fit; a break="no" rule is skipped at a candidate whose
 * neighbouring characters it cannot match.  So a megabyte without
 * punctuation costs one scan of the text, and the cost is linear in it.
 *
 * \G is for going on where the rule's previous match ended: after a
 * match the rule is tried again there (a chain).  A \G branch adds
 * nothing to the sets above, so it is not tried at a start it could not
 * reach from a previous match (ICU would let it match at any start).
 *
 * Windows: a before-pattern never sees more than SRX_WINDOW UTF-16 units
 * back from a break (less when the pattern's longest match is shorter), an
 * after-pattern of a break="no" rule never more than SRX_WINDOW units
 * forward; lookarounds inside a pattern see the whole text. */
#include <stdint.h>
#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>
#include <unicode/utf16.h>

#include "srx.h"

enum { CHUNK = 4096 }; /* a forward search region, so no match runs away */

/* ---- the engine ----------------------------------------------------------- */

/* A failed ICU call; when ICU ran out of memory (its matcher's
 * backtracking stack grows on the heap), the call must fail rather than
 * read as "no match", so the failure is noted for artx_segment. */
/* A match call of this thread's artx_segment() ran past SRX_TIME_LIMIT:
 * the searches stop, and the call fails. */
static _Thread_local bool timed_out;

static bool icu_failed(UErrorCode st)
{
    if (st == U_MEMORY_ALLOCATION_ERROR)
        artx_oom();
    else if (st == U_REGEX_TIME_OUT)
        timed_out = true;
    return U_FAILURE(st);
}

/* What a match call returned, false when it failed; *st is read only
 * after the call, which fails with a "no match" result too. */
static bool matched(UBool hit, const UErrorCode *st)
{
    return !icu_failed(*st) && hit;
}

/* Append a candidate; false when out of memory. */
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

/* By position, then by rule: at a position the first rule in order decides,
 * and ICU's breaks (index n) come last. */
static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Give break="yes" rule r this call's text, compiling it first if the
 * plan left it to its first use (srx_plan.c: a page needs few of the
 * built-in rules).  False when it cannot be compiled, which for the
 * built-in rules means out of memory. */
static bool bind_yes_rule(srx_rule *r, const UChar *u, int32_t n, unsigned gen)
{
    UErrorCode st = U_ZERO_ERROR;
    if (r->gen == gen)
        return true;
    if (!r->compiled && artx_srx_rule_compile(r, NULL))
        return false;
    uregex_setText(r->fwd, u, n, &st);
    r->gen = gen;
    return true;
}

/* Forward search of one break="yes" rule, chunk by chunk: a match must
 * start in [at, at + CHUNK) and may run SRX_WINDOW units past it. */
static bool search_rule(srx_rule *r, int32_t idx, int32_t n, cands *cs)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t at = 0;
    while (at < n || (at == 0 && n == 0)) {
        int32_t cend = n - at > CHUNK ? at + CHUNK : n;
        int32_t rend = n - cend > SRX_WINDOW ? cend + SRX_WINDOW : n;
        int32_t last = at;
        uregex_setRegion(r->fwd, at, rend, &st);
        while (U_SUCCESS(st) && uregex_findNext(r->fwd, &st)) {
            int32_t s = uregex_start(r->fwd, 0, &st), e = uregex_end(r->fwd, 0, &st);
            if (icu_failed(st) || s >= cend)
                break;
            if (e > 0 && e < n && !cand_add(cs, e, idx))
                return false;
            last = e;
        }
        if (icu_failed(st)) {
            if (timed_out)
                return false;
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
 * start: lookingAt, the before-pattern limited to SRX_WINDOW units.  Returns
 * where the rule's next match may start (after this one, as a forward
 * search would go on), or -1 when out of memory. */
static int32_t try_at(srx_rule *r, int32_t idx, int32_t i, const UChar *u, int32_t n, cands *cs)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t lim = n - i > SRX_WINDOW ? i + SRX_WINDOW : n;
    int32_t step = (U16_IS_LEAD(u[i]) && i + 1 < n && U16_IS_TRAIL(u[i + 1])) ? 2 : 1;
    uregex_setRegion(r->fwd, i, lim, &st);
    if (!matched(uregex_lookingAt(r->fwd, -1, &st), &st))
        return i + step;
    int32_t e = uregex_end(r->fwd, 0, &st);
    if (e > 0 && e < n && !cand_add(cs, e, idx))
        return -1;
    if (e <= i)
        return i + step;
    /* A \G pattern may match again right where this one ended. */
    while (r->chain && e < n) {
        int32_t at = e;
        lim = n - at > SRX_WINDOW ? at + SRX_WINDOW : n;
        uregex_setRegion(r->fwd, at, lim, &st);
        if (!matched(uregex_lookingAt(r->fwd, -1, &st), &st) ||
            (e = uregex_end(r->fwd, 0, &st)) <= at)
            return at;
        if (e < n && !cand_add(cs, e, idx))
            return -1;
    }
    return e;
}

/* True when the characters around a trigger at i (a match's first
 * character) let rule r match there: the one before it in r->pre, the one
 * after it in r->trig2 (srx_analyse.c computes both from the pattern). */
static bool fits(const srx_rule *r, const UChar *u, int32_t i, int32_t n)
{
    UChar32 c;
    if (r->pre) {
        int32_t q = i;
        if (q == 0) {
            if (!r->pre_start)
                return false;
        } else {
            U16_PREV(u, 0, q, c);
            if (!uset_contains(r->pre, c))
                return false;
        }
    }
    if (r->trig2) {
        int32_t q = i;
        U16_FWD_1(u, q, n);
        if (q >= n)
            return false;
        U16_GET(u, 0, q, n, c);
        if (!uset_contains(r->trig2, c))
            return false;
    }
    return true;
}

/* The same, for one rule with a trigger set: uset_span skips to where a
 * match can start. */
static bool search_trig(srx_rule *r, int32_t idx, const UChar *u, int32_t n, cands *cs)
{
    int32_t i = 0;
    while (i < n) {
        i = artx_srx_scan(&r->tscan, r->trig, u, i, n);
        if (i >= n)
            break;
        if (!fits(r, u, i, n)) {
            i += (U16_IS_LEAD(u[i]) && i + 1 < n && U16_IS_TRAIL(u[i + 1])) ? 2 : 1;
            continue;
        }
        if ((i = try_at(r, idx, i, u, n, cs)) < 0 || timed_out)
            return false;
    }
    return true;
}

/* All break="yes" rules of a plan that have trigger sets, in one scan:
 * at each position where one may start, each rule whose set has the
 * character (from the plan's table, when the character is in the BMP),
 * whose previous match ended there or before, and whose neighbouring
 * characters fit, is tried. */
static bool search_plan(srx_plan *pl, const UChar *u, int32_t n, unsigned gen, cands *cs)
{
    int32_t *next = calloc(pl->n, sizeof *next);
    if (!next)
        return false;
    int32_t i = 0;
    while (i < n) {
        i = artx_srx_scan(&pl->tscan, pl->trig, u, i, n);
        if (i >= n)
            break;
        UChar32 c;
        int32_t after = i;
        U16_NEXT(u, after, n, c);
        if (pl->dmap && c <= 0xFFFF) {
            /* The rules this character can start, from the table. */
            uint16_t id = pl->dmap[c];
            if (id) {
                for (uint32_t d = pl->doff[id - 1]; d < pl->doff[id]; d++) {
                    int32_t k = pl->drule[d];
                    srx_rule *r = pl->rules[k];
                    if (next[k] > i || !fits(r, u, i, n))
                        continue;
                    if (!bind_yes_rule(r, u, n, gen)) {
                        free(next);
                        return false;
                    }
                    if ((next[k] = try_at(r, k, i, u, n, cs)) < 0 || timed_out) {
                        free(next);
                        return false;
                    }
                }
            }
            i = after;
            continue;
        }
        for (size_t k = 0; k < pl->n; k++) {
            srx_rule *r = pl->rules[k];
            if (!r->brk || !r->trig || next[k] > i || !uset_contains(r->trig, c))
                continue;
            if (!fits(r, u, i, n))
                continue;
            if (!bind_yes_rule(r, u, n, gen)) {
                free(next);
                return false;
            }
            next[k] = try_at(r, (int32_t)k, i, u, n, cs);
            if (next[k] < 0 || timed_out) {
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
        if (!matched(uregex_findNext(r->bend, &st), &st))
            return false;
    }
    if (r->aft) {
        int32_t e = n - p > r->awin ? p + r->awin : n;
        uregex_setRegion(r->aft, p, e, &st);
        if (!matched(uregex_lookingAt(r->aft, -1, &st), &st))
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

/* The UTF-16 offsets of the first `kept` candidates (ascending) as byte
 * offsets into text, walking it once as to_utf16 did; malloc'ed. */
static size_t *to_bytes(const char *text, size_t len, const cand *c, size_t kept)
{
    size_t *out = malloc(kept * sizeof *out);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    int32_t k = 0;
    for (size_t i = 0; i < kept; i++) {
        while (k < c[i].pos && p < end) {
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
    return out;
}

/* Where the spaces that start at p end. */
static int32_t skip_spaces(const UChar *u, int32_t p, int32_t n)
{
    while (p < n) {
        UChar32 c;
        int32_t q = p;
        U16_NEXT(u, q, n, c);
        if (!artx_is_space(c))
            break;
        p = q;
    }
    return p;
}

/* Give break="no" rule r (index k) this call's text, the first time a
 * candidate needs it in this call; a rule searched forward is searched
 * now.  False when out of memory. */
static bool bind_no_rule(srx_rule *r, int32_t k, const UChar *u, int32_t n, unsigned gen)
{
    UErrorCode st = U_ZERO_ERROR;
    if (r->gen == gen)
        return true;
    if (!r->compiled && artx_srx_rule_compile(r, NULL))
        return false;
    if (r->bend)
        uregex_setText(r->bend, u, n, &st);
    if (r->aft)
        uregex_setText(r->aft, u, n, &st);
    if (r->fwd) {
        uregex_setText(r->fwd, u, n, &st);
        r->hits.n = 0;
        if (r->trig ? !search_trig(r, k, u, n, &r->hits) : !search_rule(r, k, n, &r->hits))
            return false;
    }
    r->gen = gen;
    return true;
}

/* Where the spaces that end at p start: ICU puts its breaks after the
 * spaces, the rules look before them. */
static int32_t skip_spaces_back(const UChar *u, int32_t p)
{
    while (p > 0) {
        UChar32 c;
        int32_t q = p;
        U16_PREV(u, 0, q, c);
        if (!artx_is_space(c))
            break;
        p = q;
    }
    return p;
}

/* ICU's sentence breaks, as candidates of a last, lowest rule (index n).
 * False when out of memory. */
static bool icu_breaks(srx_plan *pl, const UChar *u, int32_t n, cands *cs)
{
    UErrorCode st = U_ZERO_ERROR;
    bool ok = true;
    ubrk_setText(pl->bi, u, n, &st);
    for (int32_t b = ubrk_next(pl->bi); b != UBRK_DONE && U_SUCCESS(st); b = ubrk_next(pl->bi)) {
        int32_t p = skip_spaces_back(u, b);
        if (p > 0 && p < n && !cand_add(cs, p, (int32_t)pl->n)) {
            ok = false;
            break;
        }
    }
    ubrk_setText(pl->bi, artx_srx_no_text, 0, &st);
    return ok;
}

/* The candidates, sorted: the break="yes" rules with trigger sets in one
 * scan, the others each searched forward, then ICU.  False when out of
 * memory. */
static bool collect(srx_plan *pl, const UChar *u, int32_t n, unsigned gen, cands *cs)
{
    if (pl->trig && !search_plan(pl, u, n, gen, cs))
        return false;
    for (size_t i = 0; i < pl->n; i++) {
        srx_rule *r = pl->rules[i];
        if (!r->brk || r->trig)
            continue;
        if (!bind_yes_rule(r, u, n, gen) || !search_rule(r, (int32_t)i, n, cs) || timed_out)
            return false;
    }
    if (pl->bi && !icu_breaks(pl, u, n, cs))
        return false;
    if (cs->n > 1)
        qsort(cs->c, cs->n, sizeof *cs->c, cand_cmp);
    return true;
}

/* Whether a break="no" rule that comes before the rule that found
 * candidate cd matches there: 1 it does (no break), 0 none does, -1 out of
 * memory. */
static int held(srx_plan *pl, const cand *cd, const UChar *u, int32_t n, unsigned gen)
{
    int32_t p = cd->pos, back = p;
    UChar32 c_before, c_before2 = 0, c_at = 0;
    U16_PREV(u, 0, back, c_before);
    if (back > 0) {
        int32_t b2 = back;
        U16_PREV(u, 0, b2, c_before2);
    }
    if (p < n)
        U16_GET(u, 0, p, n, c_at);
    for (size_t j = 0; j < pl->nno && pl->no[j] < cd->idx; j++) {
        int32_t k = pl->no[j];
        srx_rule *r = pl->rules[k];
        if (!bind_no_rule(r, k, u, n, gen))
            return -1;
        if (r->blast && !uset_contains(r->blast, c_before))
            continue;
        if (r->bpen && (back <= 0 || !uset_contains(r->bpen, c_before2)))
            continue;
        if (r->afirst && (p >= n || !uset_contains(r->afirst, c_at)))
            continue;
        if (rule_matches_at(r, p, n))
            return 1;
    }
    return 0;
}

/* Decide each candidate; keep the accepted ones in place, moved past the
 * spaces to where the next sentence starts: *kept of them.  False when out
 * of memory. */
static bool decide(srx_plan *pl, cands *cs, const UChar *u, int32_t n, unsigned gen,
                   size_t *kept)
{
    int32_t first = skip_spaces(u, 0, n); /* no break at or before it */
    *kept = 0;
    for (size_t i = 0; i < cs->n; i++) {
        if (i > 0 && cs->c[i].pos == cs->c[i - 1].pos)
            continue; /* sorted by rule: the first one decides */
        int h = held(pl, &cs->c[i], u, n, gen);
        if (h < 0 || timed_out)
            return false;
        if (h)
            continue;
        int32_t p = skip_spaces(u, cs->c[i].pos, n);
        if (p <= first || p >= n || (*kept > 0 && cs->c[*kept - 1].pos >= p))
            continue;
        cs->c[(*kept)++].pos = p;
    }
    return true;
}

/* The regexes keep a pointer to the text: point those this call gave it
 * away from it. */
static void unbind(srx_plan *pl, unsigned gen)
{
    for (size_t i = 0; i < pl->n; i++) {
        srx_rule *r = pl->rules[i];
        UErrorCode st = U_ZERO_ERROR;
        if (r->gen != gen)
            continue;
        if (r->fwd)
            uregex_setText(r->fwd, artx_srx_no_text, 0, &st);
        if (r->bend)
            uregex_setText(r->bend, artx_srx_no_text, 0, &st);
        if (r->aft)
            uregex_setText(r->aft, artx_srx_no_text, 0, &st);
    }
}

int artx_segment(artx_segmenter *seg, const char *lang, const char *text, size_t len,
                 size_t **breaks, size_t *count, artx_error *err)
{
    srx_plan *pl = NULL;
    cands cs = {0};
    UChar *u = NULL;
    int32_t n = 0;
    size_t kept = 0;
    int ret;
    if (!breaks || !count)
        return artx_fail(err, ARTX_ERR_USAGE, "no place for the breaks");
    *breaks = NULL;
    *count = 0;
    if (!seg || (!text && len))
        return artx_fail(err, ARTX_ERR_USAGE, "no segmenter or no text");
    if (len > (size_t)INT32_MAX / 2)
        return artx_fail(err, ARTX_ERR_INVALID, "text too long to segment (%zu bytes)", len);
    if ((ret = artx_srx_plan(seg, lang ? lang : "", &pl, err)))
        return ret;
    if (len == 0)
        return 0;
    unsigned long oom = artx_oom_mark();
    timed_out = false;
    if (!(u = to_utf16(text, len, &n)))
        goto nomem;
    seg->gen++;
    bool done = collect(pl, u, n, seg->gen, &cs) && decide(pl, &cs, u, n, seg->gen, &kept);
    if (timed_out) {
        ret = artx_fail(err, ARTX_ERR_INVALID,
                        "a sentence rule for '%s' ran past its time limit (a pattern that "
                        "backtracks without end?)", lang ? lang : "");
        goto out;
    }
    if (!done)
        goto nomem;
    if ((ret = artx_oom_since(oom, 0, err)))
        goto out;
    if (kept > 0) {
        if (!(*breaks = to_bytes(text, len, cs.c, kept)))
            goto nomem;
        *count = kept;
    }
    goto out;
nomem:
    ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
out:
    unbind(pl, seg->gen);
    free(cs.c);
    free(u);
    return ret;
}
