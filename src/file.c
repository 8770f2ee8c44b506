/* file.c - whole files into memory, bounded: the one reader behind the
 * CLI's inputs, customised stylesheets, SRX files and packaged images. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

/* "larger than the limit of 64 MiB" */
static int too_big(size_t max, artx_error *err)
{
    static const char *const units[] = {"bytes", "KiB", "MiB", "GiB"};
    size_t n = max;
    int u = 0;
    while (u < 3 && n >= 1024 && n % 1024 == 0)
        n /= 1024, u++;
    return artx_fail(err, ARTX_ERR_LIMIT, "larger than the limit of %zu %s", n, units[u]);
}

/* Read `f` to its end.  A regular file's size is known up front, so it is
 * read into one allocation; pipes and terminals grow the buffer. */
static int slurp(FILE *f, size_t max, unsigned char **out, size_t *len, artx_error *err)
{
    struct stat st;
    size_t cap = 1 << 16, n = 0;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
        if ((unsigned long long)st.st_size > max)
            return too_big(max, err);
        cap = (size_t)st.st_size + 1;
    }
    unsigned char *buf = malloc(cap);
    if (!buf)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    errno = 0;
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                free(buf);
                return too_big(max, err);
            }
            size_t bigger_cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            unsigned char *bigger = realloc(buf, bigger_cap);
            if (!bigger) {
                free(buf);
                return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
            }
            buf = bigger;
            cap = bigger_cap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno ? errno : EIO;
        free(buf);
        return artx_fail(err, ARTX_ERR_IO, "%s", strerror(e));
    }
    if (n > max) {
        free(buf);
        return too_big(max, err);
    }
    *out = buf;
    *len = n;
    return 0;
}

int artx_read_file(const char *path, size_t max, unsigned char **out, size_t *len,
                   artx_error *err)
{
    *out = NULL;
    *len = 0;
    if (!path)
        return slurp(stdin, max, out, len, err);
    FILE *f = fopen(path, "rb");
    if (!f)
        return artx_fail(err, errno == ENOMEM ? ARTX_ERR_NOMEM : ARTX_ERR_IO, "%s",
                         strerror(errno));
    int ret = slurp(f, max, out, len, err);
    fclose(f);
    return ret;
}
