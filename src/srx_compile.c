/* srx_compile.c - a rule's ICU regexes: compiling a translated pattern,
 * and the regexes each kind of rule is run with (see srx_rule in srx.h).
 * srx.c calls it as it reads a user's file, srx_plan.c when a language
 * first needs the built-in rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uregex.h>
#include <unicode/ustring.h>

#include "srx.h"
#include "srx_java.h"

URegularExpression *artx_srx_regex(const char *pat, char *why, size_t whylen)
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
        artx_oom();
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    u_strFromUTF8(u, n + 1, NULL, pat, -1, &st);
    URegularExpression *re = uregex_open(u, n, 0, &pe, &st);
    free(u);
    if (U_FAILURE(st)) {
        if (st == U_MEMORY_ALLOCATION_ERROR)
            artx_oom(); /* the rule is fine: the load fails, not the rule */
        snprintf(why, whylen, "%s at offset %d", u_errorName(st), (int)pe.offset);
        uregex_close(re);
        return NULL;
    }
    /* Lookarounds and \b see past the regions the engine sets; ^ and $
     * were rewritten not to depend on them. */
    uregex_useTransparentBounds(re, true, &st);
    uregex_setTimeLimit(re, SRX_TIME_LIMIT, &st);
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

/* See srx.h. */
bool artx_srx_rule_forward(const srx_rule *r)
{
    return r->brk || (*r->before && artx_srx_window(r->before) == SRX_WINDOW);
}

/* Compile a rule's translated patterns.  break="yes" rules, and
 * break="no" rules whose before-pattern has no bounded length, are
 * searched forward; other break="no" rules are checked in windows around
 * each candidate. */
int artx_srx_rule_compile(srx_rule *r, artx_error *err)
{
    char why[128], shown[80];
    int ret = 0;
    srx_buf pat = {0};
    const char *b = r->before, *a = r->after, *which = "beforebreak", *bad = b;
    if (r->compiled)
        return 0;
    if (artx_srx_rule_forward(r)) {
        /* (?:before)(?=after), or (?:before) when after is empty: an empty
         * pattern matches everywhere, and ICU refuses "" but not "(?:)". */
        artx_srx_put_forward(&pat, b, a);
        if (pat.oom)
            goto nomem;
        if (!(r->fwd = artx_srx_regex(pat.s, why, sizeof why))) {
            /* Say which of the two is wrong. */
            URegularExpression *t = *b ? artx_srx_regex(b, why, sizeof why) : NULL;
            if (t || !*b) {
                uregex_close(t);
                which = "afterbreak";
                bad = a;
                if (*a && (t = artx_srx_regex(a, why, sizeof why)))
                    uregex_close(t);
            }
            goto bad;
        }
    } else if (*b && r->bset) {
        r->bwin = artx_srx_window(b);
    } else if (*b) {
        artx_srx_puts(&pat, "(?:");
        artx_srx_puts(&pat, b);
        artx_srx_puts(&pat, ")\\z");
        if (pat.oom)
            goto nomem;
        if (!(r->bend = artx_srx_regex(pat.s, why, sizeof why)))
            goto bad;
        r->bwin = artx_srx_window(b);
    }
    if (!r->brk && !r->fwd && *a && r->aset) {
        r->awin = artx_srx_window(a);
    } else if (!r->brk && !r->fwd && *a) {
        which = "afterbreak";
        bad = a;
        if (!(r->aft = artx_srx_regex(a, why, sizeof why)))
            goto bad;
        r->awin = artx_srx_window(a);
    }
    r->compiled = true;
    goto out;
nomem:
    ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    goto out;
bad:
    ret = artx_fail(err, ARTX_ERR_INVALID,
                    "rule %zu of languagerule '%s': %s \"%s\" does not compile: %s",
                    r->index + 1, r->lrname, which, clip(bad, shown, sizeof shown), why);
out:
    free(pat.s);
    return ret;
}
