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
        artx_srx_put_forward(&pat, b, a);
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
    artx_srx_analyse(pl->rules, pl->n);
    for (size_t i = 0; i < pl->n; i++) {
        srx_rule *r = pl->rules[i];
        if (r->brk)
            continue;
        pl->no[pl->nno++] = (int32_t)i;
        /* A break="no" rule is searched on its own: a bitmap for its
         * triggers (break="yes" rules use the plan's), made once, as the
         * rule may serve several languages. */
        if (r->trig && !r->tscan.bits)
            scan_build(&r->tscan, r->trig);
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
