/* harness.h - a tiny header-only unit test harness in the manner of cmark's
 * api_test: assertions count and report, they never abort, so one run shows
 * every failure.
 *
 *   OK(cond, msg)             cond must be true
 *   INT_EQ(got, want, msg)    two integers (compared as long long)
 *   STR_EQ(got, want, msg)    two strings; NULL equals only NULL
 *   harness_done("suite")     prints "suite: N passed, M failed" on a line
 *                             of its own; returns nonzero when any failed
 *
 * Failures go to stderr as "file:line: FAIL: msg" plus got/want.  Each
 * assertion evaluates its arguments exactly once. */
#ifndef ARTX_TEST_HARNESS_H
#define ARTX_TEST_HARNESS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int harness_passed;
static int harness_failed;

static inline void harness_fail_head(const char *file, int line, const char *msg)
{
    fprintf(stderr, "%s:%d: FAIL: %s\n", file, line, msg);
}

static inline bool harness_ok(bool cond, const char *file, int line, const char *msg)
{
    if (cond) {
        harness_passed++;
        return true;
    }
    harness_failed++;
    harness_fail_head(file, line, msg);
    return false;
}

static inline bool harness_int_eq(long long got, long long want, const char *file, int line,
                           const char *msg)
{
    if (got == want) {
        harness_passed++;
        return true;
    }
    harness_failed++;
    harness_fail_head(file, line, msg);
    fprintf(stderr, "    got:  %lld\n    want: %lld\n", got, want);
    return false;
}

static inline bool harness_str_eq(const char *got, const char *want, const char *file, int line,
                           const char *msg)
{
    bool same = (got == NULL || want == NULL) ? got == want : strcmp(got, want) == 0;
    if (same) {
        harness_passed++;
        return true;
    }
    harness_failed++;
    harness_fail_head(file, line, msg);
    if (got)
        fprintf(stderr, "    got:  \"%s\"\n", got);
    else
        fprintf(stderr, "    got:  NULL\n");
    if (want)
        fprintf(stderr, "    want: \"%s\"\n", want);
    else
        fprintf(stderr, "    want: NULL\n");
    return false;
}

#define OK(cond, msg) harness_ok((cond) ? true : false, __FILE__, __LINE__, (msg))
#define INT_EQ(got, want, msg) \
    harness_int_eq((long long)(got), (long long)(want), __FILE__, __LINE__, (msg))
#define STR_EQ(got, want, msg) \
    harness_str_eq((const char *)(got), (const char *)(want), __FILE__, __LINE__, (msg))

static inline int harness_done(const char *suite)
{
    fflush(stderr);
    printf("%s: %d passed, %d failed\n", suite, harness_passed, harness_failed);
    fflush(stdout);
    return harness_failed != 0;
}

#endif /* ARTX_TEST_HARNESS_H */
