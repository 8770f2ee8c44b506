/* segment.c - Unicode text on ICU: normalisation (NFC).  This is the only
 * file that uses ICU; sentence segmentation will live here too. */
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"

char *artx_text_nfc(const char *s)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int32_t len = (int32_t)strlen(s), ulen = 0;
    UChar *u = NULL, *n = NULL;
    char *out = NULL;
    if (U_FAILURE(st))
        return NULL;

    /* Fast path: most text is already NFC, and a quick check costs less
     * than two conversions. */
    u = malloc(((size_t)len + 1) * sizeof *u);
    if (!u)
        return NULL;
    u_strFromUTF8WithSub(u, len + 1, &ulen, s, len, 0xFFFD, NULL, &st);
    if (U_FAILURE(st))
        goto out;
    if (unorm2_quickCheck(nfc, u, ulen, &st) == UNORM_YES && U_SUCCESS(st)) {
        int32_t olen = 0;
        out = malloc((size_t)ulen * 3 + 1);
        if (out)
            u_strToUTF8(out, ulen * 3 + 1, &olen, u, ulen, &st);
        goto out;
    }
    st = U_ZERO_ERROR;
    int32_t cap = ulen * 3 + 16;
    n = malloc((size_t)cap * sizeof *n);
    if (!n)
        goto out;
    int32_t nlen = unorm2_normalize(nfc, u, ulen, n, cap, &st);
    if (U_FAILURE(st))
        goto out;
    out = malloc((size_t)nlen * 3 + 1);
    if (out) {
        int32_t olen = 0;
        u_strToUTF8(out, nlen * 3 + 1, &olen, n, nlen, &st);
    }
out:
    if (U_FAILURE(st)) {
        free(out);
        out = NULL;
    }
    free(u);
    free(n);
    return out;
}
