/* srx.h - the compiled form of SRX 2.0 rules, private to the SRX engine.
 *
 * srx.c loads it, srx_compile.c compiles its rules (srx_reach.c sizes their
 * windows), srx_plan.c puts the rules of a language together (srx_analyse.c
 * gives them their sets), segment.c runs it; the rest of artx sees only the opaque
 * artx_segmenter of artx.h.  srx_java.c and srx_reach.c are pure string
 * code; ICU is used by the others, by text.c (NFC) and by no other file. */
#ifndef ARTX_SRX_H
#define ARTX_SRX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/ubrk.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>

#include "internal.h"

/* UTF-16 units a pattern may span around a break: the windows of
 * break="no" rules are at most this wide, segment.c bounds its searches by
 * it. */
enum { SRX_WINDOW = 256 };

/* ICU's limit on one match call of a rule, in its units of 10,000 steps of
 * the match engine (about a millisecond each): the built-in rules take a
 * few hundred steps a call, a pattern that backtracks without end (a
 * user's (a+)+b) meets it and the segmentation fails instead of hanging. */
enum { SRX_TIME_LIMIT = 10 };

/* A set of characters as a bitmap of the BMP, for scanning: a test per
 * UTF-16 unit where uset_span would search a list of ranges.  Surrogates
 * are all in the bitmap; the scan then looks the character up in the set. */
typedef struct srx_scan {
    uint8_t *bits; /* 0x10000 bits; NULL: no bitmap, use uset_span */
    bool supp;     /* the set has characters beyond the BMP */
} srx_scan;

/* A possible break. */
typedef struct cand {
    int32_t pos; /* UTF-16 offset where a break may go */
    int32_t idx; /* the first break="yes" rule that put it there */
} cand;

typedef struct cands {
    cand *c;
    size_t n, cap;
} cands;

/* One <rule>.  srx.c compiles it, srx_analyse.c gives it its sets,
 * srx_plan.c its bitmap; segment.c keeps gen and hits per call. */
typedef struct srx_rule {
    bool brk;                 /* break="yes" */
    char *before, *after;     /* the patterns translated for ICU, analysed
                                 when a language first needs the rule */
    const char *lrname;       /* its languagerule's name (borrowed) and its */
    size_t index;             /* place there, for messages */
    bool compiled;            /* fwd, bend and aft below are compiled */
    URegularExpression *fwd;  /* (?:before)(?=after), searched forward: the
                                 break="yes" rules, and the break="no" rules
                                 whose before-pattern has no bounded length */
    URegularExpression *bend; /* no: (?:before)\z; NULL when before is empty */
    URegularExpression *aft;  /* no: after; NULL when after is empty */
    int32_t bwin, awin;       /* window sizes for bend and aft */
    bool bset, aset;          /* no: blast, afirst say all that before,
                                 after match: bend, aft are not compiled */
    USet *trig;               /* fwd: where a match can start (NULL: anywhere) */
    srx_scan tscan;           /* trig as a bitmap, for break="no" rules that
                                 are searched forward */
    bool chain;               /* fwd uses \G: try again where a match ends */
    USet *trig2;              /* fwd: what must follow the trigger (NULL: anything) */
    USet *pre;                /* fwd: what must come before the trigger (NULL:
                                 anything, also the start of the text) */
    bool pre_start;           /* pre: or the trigger starts the text */
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

/* The rules for one language tag, put together once and cached. */
typedef struct srx_plan {
    char *lang;            /* the tag asked for */
    srx_rule **rules;      /* the rules that apply, in order */
    size_t n;
    UBreakIterator *bi;    /* ICU sentence iterator, or NULL */
    USet *trig;            /* union of the break="yes" rules' trigger sets */
    srx_scan tscan;        /* trig as a bitmap */
    uint16_t *dmap;        /* BMP character -> 1 + index into doff of the list
                              of rules it triggers (0: none); NULL: test
                              every rule's set */
    uint32_t *doff;        /* list j is drule[doff[j] .. doff[j + 1]) */
    int32_t *drule;        /* rule indices, ascending within a list */
    int32_t *no;           /* indices of the break="no" rules, ascending */
    size_t nno;
} srx_plan;

struct artx_segmenter {
    srx_langrule *lrs;     /* languagerules */
    size_t nlr;
    srx_map *maps;         /* maprules */
    size_t nmap;
    bool cascade;          /* header cascade="yes" */
    bool icu;              /* okpsrx:options useIcu4jBreakRules="yes" */
    bool lazy;             /* rules are compiled when a language first needs
                              them (the built-in ones, known to compile),
                              not as the file is read */
    srx_plan *plans;       /* one per language tag asked for lately */
    size_t nplan;
    char **warnings;       /* what was skipped while loading */
    size_t nwarn;
    unsigned gen;          /* counts artx_segment calls */
};

/* An empty UTF-16 text.  ICU regexes and break iterators keep a pointer to
 * the text they were given and refuse NULL, so they are pointed here before
 * that text is freed. */
extern const UChar artx_srx_no_text[1];

/* srx_compile.c: a UTF-8 ICU pattern compiled with the engine's bounds and
 * time limit, or NULL with *why saying what ICU said. */
URegularExpression *artx_srx_regex(const char *pat, char *why, size_t whylen);
/* srx_compile.c: compile the regexes of a rule that has none yet. */
int artx_srx_rule_compile(srx_rule *r, artx_error *err);

/* srx_reach.c: the longest text a translated pattern can match, in UTF-16
 * units; SRX_WINDOW also when it is longer, unbounded or not known. */
int32_t artx_srx_window(const char *icu);
/* True when rule r is searched forward (fwd), false when it is checked in
 * windows (bend, aft); known before it is compiled. */
bool artx_srx_rule_forward(const srx_rule *r);

/* srx_analyse.c: the character sets of those rules that have none yet
 * (see srx_rule), so that the engine runs their regexes only where they
 * can match.  Computed when a language first needs a rule: large SRX files
 * have thousands of rules, and most languages use few of them.  A set left
 * NULL means "anything": slower, never wrong. */
void artx_srx_analyse(srx_rule *const *rules, size_t n);

/* srx_plan.c: the plan for a language tag ("" for none): from the cache, or put
 * together from the maprules (every matching map with cascade, else the
 * first), its rules analysed and its ICU iterator opened.  *out is
 * borrowed, valid until the next call (the cache may move). */
int artx_srx_plan(artx_segmenter *seg, const char *lang, srx_plan **out, artx_error *err);

/* Free what a plan holds (not the plan itself, which lives in the
 * segmenter's array). */
void artx_srx_plan_free(srx_plan *pl);

/* Where the first character of `set` (scan: its bitmap) at or after i
 * is, or n: uset_span(USET_SPAN_NOT_CONTAINED), faster. */
int32_t artx_srx_scan(const srx_scan *scan, const USet *set, const UChar *u, int32_t i,
                      int32_t n);

#endif /* ARTX_SRX_H */
