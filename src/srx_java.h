/* srx_java.h - SRX patterns as text, before ICU sees them.
 *
 * A growable string and the translation of Java regular expressions (SRX's
 * dialect) to ICU's.  No ICU here, so that tests/unit/test_srx_java.c links
 * srx_java.c alone. */
#ifndef ARTX_SRX_JAVA_H
#define ARTX_SRX_JAVA_H

#include <stdbool.h>
#include <stddef.h>

/* A growable byte string, always NUL-terminated once anything was put. */
typedef struct srx_buf {
    char *s;        /* malloc'ed; NULL until the first put */
    size_t n, cap;  /* bytes used (without the NUL), bytes allocated */
    bool oom;       /* an allocation failed: s is incomplete, puts do nothing */
} srx_buf;

/* Append n bytes of s (artx_srx_puts: a C string) to b. */
void artx_srx_put(srx_buf *b, const char *s, size_t n);
void artx_srx_puts(srx_buf *b, const char *s);

/* Append `(?:before)(?=after)`, or `(?:before)` when after is empty: the
 * form a rule is searched forward in (translated patterns). */
void artx_srx_put_forward(srx_buf *b, const char *before, const char *after);

/* A Java pattern rewritten for ICU (srx_java.c says what changes), malloc'ed;
 * NULL when out of memory. */
char *artx_srx_java_to_icu(const char *java);

#endif /* ARTX_SRX_JAVA_H */
