/* srx.c - loads an SRX 2.0 file into a segmenter: reading the rules.
 *
 * The file is read with libxml2, its patterns translated (srx_java.c) and
 * compiled into ICU regexes (srx_compile.c); the segmenter's new, free and
 * the warnings of loading are here too.
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
 * break="no" rule whose before-pattern has no bounded length (srx_reach.c),
 * one regex searched forward, `(?:before)(?=after)`; any other break="no"
 * rule two regexes tried in windows around a position, `(?:before)\z` and
 * `after`.  A user's file is compiled as it is read, so that a bad pattern
 * is an error of the file; the built-in rules, known to compile, are
 * compiled when a text first reaches them (segment.c: a process that
 * converts one Korean page need not compile the English rules, nor a short
 * page the rules its characters never trigger).  The rest waits until
 * a language needs the rules (srx_plan.c): their sets (srx_analyse.c), the
 * dispatch table and the bitmaps. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>

#include "srx.h"
#include "srx_java.h"

#define SRX_NS "http://www.lisa.org/srx20"
#define OKAPI_NS "http://okapi.sf.net/srx-extensions"

enum { MAX_RULES = 100000 }; /* per languagerule: a bound on what a file may ask */

/* ---- reading rules ------------------------------------------------------- */

/* A rule as the file has it: its patterns translated for ICU (r keeps
 * them, also when this fails: rule_free frees them), and compiled unless
 * the segmenter compiles lazily. */
static int rule_load(const artx_segmenter *seg, srx_rule *r, const char *before,
                     const char *after, artx_error *err)
{
    r->before = artx_srx_java_to_icu(before);
    r->after = artx_srx_java_to_icu(after);
    if (!r->before || !r->after)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    return seg->lazy ? 0 : artx_srx_rule_compile(r, err);
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
    for (size_t i = 0; i < seg->nplan; i++)
        artx_srx_plan_free(&seg->plans[i]);
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
            rule->lrname = lr->name;
            rule->index = lr->n - 1;
            char *before = pattern_text(next_el(r, NULL, SRX_NS, "beforebreak"));
            char *after = pattern_text(next_el(r, NULL, SRX_NS, "afterbreak"));
            int ret = before && after
                          ? rule_load(seg, rule, before, after, err)
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
        URegularExpression *re = *icu ? artx_srx_regex(icu, why, sizeof why) : NULL;
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
    xmlDocPtr doc = NULL;
    if ((ret = artx_xml_parse(data, len, name, NULL, 0, false, &doc, err))) {
        /* Rules that do not parse are bad rules (artx.h). */
        if (ret == ARTX_ERR_PARSE && err)
            err->status = ARTX_ERR_INVALID;
        return ret == ARTX_ERR_PARSE ? ARTX_ERR_INVALID : ret;
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

/* An SRX file is a few hundred kilobytes; anything this big is not one. */
#define MAX_SRX_FILE ((size_t)1 << 28)

/* `lazy`: see artx_segmenter.lazy. */
static int segmenter_load(const unsigned char *data, size_t len, const char *name, bool lazy,
                          artx_segmenter **out, artx_error *err)
{
    if (!out)
        return artx_fail(err, ARTX_ERR_USAGE, "no place for the segmenter");
    *out = NULL;
    unsigned long oom = artx_oom_mark();
    artx_segmenter *seg = calloc(1, sizeof *seg);
    if (!seg)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    seg->lazy = lazy;
    int ret = artx_oom_since(oom, load_srx(seg, data, len, name, err), err);
    if (ret) {
        artx_segmenter_free(seg);
        return ret;
    }
    *out = seg;
    return 0;
}

/* A user's rules are compiled as they are read: a pattern that does not
 * compile is an error of the file, whichever language needs it. */
int artx_segmenter_from_memory(const unsigned char *data, size_t len, const char *name,
                               artx_segmenter **out, artx_error *err)
{
    return segmenter_load(data, len, name, false, out, err);
}

int artx_segmenter_new(const char *srx_path, artx_segmenter **out, artx_error *err)
{
    unsigned char *data = NULL;
    size_t len = 0;
    int ret;
    if (!out)
        return artx_fail(err, ARTX_ERR_USAGE, "no place for the segmenter");
    *out = NULL;
    if (srx_path && (ret = artx_read_file(srx_path, MAX_SRX_FILE, &data, &len, err)))
        return artx_fail_within(err, ret, "cannot open");
    if (!srx_path && (ret = artx_resource("artx-segment.srx", &data, &len, err)))
        return ret;
    ret = segmenter_load(data, len, srx_path ? srx_path : "artx-segment.srx", !srx_path, out,
                         err);
    free(data);
    return ret;
}
