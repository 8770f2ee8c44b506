/* srx_plan.c - the rules of a language tag, put together once and cached.
 *
 * With them, what the engine scans the text by: the union of their trigger
 * sets as a bitmap, and a table of which rules each character can start.
 *
 * A plan takes its rules from the maprules (every matching map with
 * cascade="yes", else the first), has them analysed when a language first
 * needs them (srx_analyse.c), and opens ICU's sentence iterator when the
 * rules ask for it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "srx.h"

const UChar artx_srx_no_text[1] = {0};

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

/* ---- the dispatch table ---------------------------------------------------- */

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

/* A dispatch table being built by a sweep over the trigger ranges. */
typedef struct sweep {
    srx_plan *pl;        /* the plan whose dmap, doff and drule fill up */
    bool *on;            /* per rule: the sweep is inside one of its ranges */
    int32_t *cur;        /* those rules, ascending */
    size_t nlists;       /* distinct lists in the table */
    size_t nrules, rcap; /* entries of pl->drule used and allocated */
} sweep;

/* The edges of the break="yes" rules' trigger ranges in the BMP, in *out
 * (malloc'ed, unsorted); -1 when out of memory. */
static int trigger_edges(const srx_plan *pl, edge **out, size_t *nout)
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
    *out = es;
    *nout = nedge;
    return 0;
}

/* The index of the list sw->cur[0 .. ncur) in the table, which gets it
 * when it is new; -1 when out of memory, -2 when the table is full. */
static long list_id(sweep *sw, size_t ncur)
{
    srx_plan *pl = sw->pl;
    size_t id = 0;
    for (; id < sw->nlists; id++)
        if (pl->doff[id + 1] - pl->doff[id] == ncur &&
            !memcmp(pl->drule + pl->doff[id], sw->cur, ncur * sizeof *sw->cur))
            return (long)id;
    if (sw->nlists == MAX_LISTS)
        return -2;
    if (sw->nrules + ncur > sw->rcap) {
        while (sw->nrules + ncur > sw->rcap)
            sw->rcap *= 2;
        int32_t *r2 = realloc(pl->drule, sw->rcap * sizeof *r2);
        if (!r2)
            return -1;
        pl->drule = r2;
    }
    memcpy(pl->drule + sw->nrules, sw->cur, ncur * sizeof *sw->cur);
    sw->nrules += ncur;
    pl->doff[++sw->nlists] = (uint32_t)sw->nrules;
    return (long)id;
}

/* Fill the table from the sorted edges: between two edges the same rules
 * are on, and their list goes to every character there.  Returns as
 * dispatch does. */
static int sweep_edges(sweep *sw, const edge *es, size_t nedge)
{
    srx_plan *pl = sw->pl;
    for (size_t e = 0; e < nedge;) {
        UChar32 at = es[e].at;
        for (; e < nedge && es[e].at == at; e++)
            sw->on[es[e].k] = es[e].on;
        if (at > 0xFFFF)
            break;
        UChar32 end = e < nedge && es[e].at <= 0x10000 ? es[e].at : 0x10000;
        size_t ncur = 0;
        for (size_t k = 0; k < pl->n; k++)
            if (sw->on[k])
                sw->cur[ncur++] = (int32_t)k;
        if (ncur == 0)
            continue;
        long id = list_id(sw, ncur);
        if (id < 0)
            return id == -2 ? 1 : -1;
        for (UChar32 c = at; c < end; c++)
            pl->dmap[c] = (uint16_t)(id + 1);
    }
    return 0;
}

/* The dispatch table of a plan (see srx_plan): which break="yes" rules
 * each BMP character can start, so that the engine tries those and not
 * every rule at each trigger.  Built by sweeping the rules' trigger ranges
 * in order.  Returns 0, 1 when the plan is too varied for a table (the
 * engine then tests every rule), -1 when out of memory. */
static int dispatch(srx_plan *pl)
{
    edge *es = NULL;
    size_t nedge = 0;
    if (trigger_edges(pl, &es, &nedge) < 0)
        return -1;
    int ret = -1;
    sweep sw = {pl, NULL, NULL, 0, 0, 64};
    sw.on = calloc(pl->n ? pl->n : 1, sizeof *sw.on);
    sw.cur = malloc((pl->n ? pl->n : 1) * sizeof *sw.cur);
    pl->dmap = calloc(0x10000, sizeof *pl->dmap);
    pl->doff = malloc((MAX_LISTS + 1) * sizeof *pl->doff);
    pl->drule = malloc(sw.rcap * sizeof *pl->drule);
    if (sw.on && sw.cur && pl->dmap && pl->doff && pl->drule) {
        if (nedge > 1)
            qsort(es, nedge, sizeof *es, edge_cmp);
        pl->doff[0] = 0;
        ret = sweep_edges(&sw, es, nedge);
    }
    if (ret) {
        free(pl->dmap);
        free(pl->doff);
        free(pl->drule);
        pl->dmap = NULL;
        pl->doff = NULL;
        pl->drule = NULL;
    }
    free(es);
    free(sw.on);
    free(sw.cur);
    return ret < 0 ? -1 : 0;
}

/* ---- putting a plan together ------------------------------------------------ */

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

/* The rules the maps give pl->lang, in map order: every matching map with
 * cascade, else the first; a languagerule counts once.  *icu is set when
 * one of them asks for ICU's breaks.  -1 when out of memory. */
static int plan_rules(const artx_segmenter *seg, srx_plan *pl, bool *icu)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    UChar *ulang = NULL;
    bool *used = calloc(seg->nlr ? seg->nlr : 1, sizeof *used);
    size_t total = 0;
    int ret = -1;
    if (!used)
        goto out;
    u_strFromUTF8(NULL, 0, &ulen, pl->lang, -1, &st);
    st = U_ZERO_ERROR;
    if (!(ulang = malloc(((size_t)ulen + 1) * sizeof *ulang)))
        goto out;
    u_strFromUTF8WithSub(ulang, ulen + 1, NULL, pl->lang, -1, 0xFFFD, NULL, &st);
    for (size_t i = 0; i < seg->nmap; i++) {
        const srx_map *m = &seg->maps[i];
        if (!map_hits(m, ulang, ulen) || used[m->lr])
            continue;
        used[m->lr] = true;
        total += seg->lrs[m->lr].n;
        *icu = *icu || seg->lrs[m->lr].icu;
        if (!seg->cascade)
            break;
    }
    if (!(pl->rules = malloc((total ? total : 1) * sizeof *pl->rules)))
        goto out;
    /* In map order: `used` only marks, so walk the maps again. */
    memset(used, 0, seg->nlr * sizeof *used);
    for (size_t i = 0; i < seg->nmap && pl->n < total; i++) {
        const srx_map *m = &seg->maps[i];
        if (!map_hits(m, ulang, ulen) || used[m->lr])
            continue;
        used[m->lr] = true;
        for (size_t j = 0; j < seg->lrs[m->lr].n; j++)
            pl->rules[pl->n++] = &seg->lrs[m->lr].rules[j];
        if (!seg->cascade)
            break;
    }
    ret = 0;
out:
    free(used);
    free(ulang);
    return ret;
}

/* The break="no" rules in order, each with the bitmap of its triggers
 * when it is searched forward on its own (break="yes" rules use the
 * plan's); the bitmap is made once, as a rule may serve several plans.
 * -1 when out of memory. */
static int plan_no_rules(srx_plan *pl)
{
    if (!(pl->no = malloc((pl->n ? pl->n : 1) * sizeof *pl->no)))
        return -1;
    for (size_t i = 0; i < pl->n; i++) {
        srx_rule *r = pl->rules[i];
        if (r->brk)
            continue;
        pl->no[pl->nno++] = (int32_t)i;
        if (r->trig && !r->tscan.bits)
            scan_build(&r->tscan, r->trig);
    }
    return 0;
}

/* One scan finds where any break="yes" rule with a trigger set can start:
 * the union of those sets, its bitmap and the dispatch table.  -1 when out
 * of memory. */
static int plan_triggers(srx_plan *pl)
{
    for (size_t i = 0; i < pl->n; i++) {
        srx_rule *r = pl->rules[i];
        if (!r->brk || !r->trig)
            continue;
        if (!pl->trig && !(pl->trig = uset_openEmpty()))
            return -1;
        uset_addAll(pl->trig, r->trig);
    }
    if (pl->trig) {
        uset_freeze(pl->trig);
        if (dispatch(pl) < 0 || !scan_build(&pl->tscan, pl->trig))
            return -1;
    }
    return 0;
}

/* ICU's sentence iterator for the tag.  Opening costs up to a millisecond
 * (FACTS): once per language. */
static int plan_icu(srx_plan *pl, const char *lang, artx_error *err)
{
    char loc[ULOC_FULLNAME_CAPACITY] = "";
    UErrorCode st = U_ZERO_ERROR;
    uloc_forLanguageTag(lang, loc, sizeof loc, NULL, &st);
    st = U_ZERO_ERROR;
    pl->bi = ubrk_open(UBRK_SENTENCE, loc, NULL, 0, &st);
    if (U_FAILURE(st))
        return artx_fail(err, ARTX_ERR_INVALID, "ICU sentence break for '%s': %s", lang,
                         u_errorName(st));
    return 0;
}

void artx_srx_plan_free(srx_plan *pl)
{
    free(pl->lang);
    free(pl->rules);
    if (pl->bi)
        ubrk_close(pl->bi);
    uset_close(pl->trig);
    free(pl->dmap);
    free(pl->doff);
    free(pl->drule);
    free(pl->tscan.bits);
    free(pl->no);
}

/* A segmenter keeps the plans of this many language tags.  A document has
 * a language or two, but a segmenter that serves many documents (the
 * CLI's, artx:segment()'s for the life of the process) meets every tag
 * they carry, and a plan of the built-in rules takes about 150 KB. */
enum { MAX_PLANS = 32 };

/* See srx.h.  The cache is a list, searched in order; when it is full, the
 * oldest plan makes room. */
int artx_srx_plan(artx_segmenter *seg, const char *lang, srx_plan **out, artx_error *err)
{
    for (size_t i = 0; i < seg->nplan; i++)
        if (!strcmp(seg->plans[i].lang, lang)) {
            *out = &seg->plans[i];
            return 0;
        }
    if (seg->nplan == MAX_PLANS) {
        artx_srx_plan_free(&seg->plans[0]);
        memmove(seg->plans, seg->plans + 1, --seg->nplan * sizeof *seg->plans);
    }
    srx_plan *plans = realloc(seg->plans, (seg->nplan + 1) * sizeof *plans);
    if (!plans)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    seg->plans = plans;
    srx_plan *pl = &plans[seg->nplan];
    memset(pl, 0, sizeof *pl);
    bool icu = seg->icu;
    int ret = 0;
    if (!(pl->lang = strdup(lang)) || plan_rules(seg, pl, &icu) < 0)
        goto nomem;
    /* Analysed first, compiled when segment.c first tries them: the sets
     * spare a tiny page the regexes of the rules it never reaches (a user's
     * rules were compiled as they were read). */
    artx_srx_analyse(pl->rules, pl->n);
    if (plan_no_rules(pl) < 0 || plan_triggers(pl) < 0)
        goto nomem;
    if (icu && (ret = plan_icu(pl, lang, err)))
        goto fail;
    seg->nplan++;
    *out = pl;
    return 0;
nomem:
    ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
fail:
    artx_srx_plan_free(pl);
    return ret;
}
