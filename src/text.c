/* text.c - Unicode text helpers: UTF-8 decoding, whitespace, XML character
 * rules, NFC (the one use of ICU here), script-based language guess. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"

long artx_utf8_next(const unsigned char **p, const unsigned char *end)
{
    const unsigned char *s = *p;
    long cp;
    int n;
    if (s >= end)
        return -1;
    if (s[0] < 0x80) {
        *p = s + 1;
        return s[0];
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        cp = s[0] & 0x1F;
        n = 1;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        cp = s[0] & 0x0F;
        n = 2;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        cp = s[0] & 0x07;
        n = 3;
    } else {
        *p = s + 1;
        return -1;
    }
    if (end - s <= n) {
        *p = s + 1;
        return -1;
    }
    for (int i = 1; i <= n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *p = s + 1;
            return -1;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are invalid. */
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        *p = s + 1;
        return -1;
    }
    *p = s + n + 1;
    return cp;
}

bool artx_utf8_valid(const unsigned char *buf, size_t len)
{
    const unsigned char *p = buf, *end = buf + len;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        if (artx_utf8_next(&p, end) < 0)
            return false;
    }
    return true;
}

bool artx_is_space(long cp)
{
    switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
    case 0x200B: /* zero width space, used by pages as a soft separator */
    case 0xFEFF: /* a stray byte order mark inside text */
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool artx_xml_char_ok(long cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

char *artx_text_collapse(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len + 1);
    if (!out) {
        artx_oom();
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    size_t o = 0;
    bool pending_space = false;
    while (p < end) {
        const unsigned char *start = p;
        long cp = artx_utf8_next(&p, end);
        if (cp < 0 || artx_is_space(cp)) {
            pending_space = o > 0;
            continue;
        }
        if (!artx_xml_char_ok(cp))
            continue;
        if (pending_space)
            out[o++] = ' ';
        pending_space = false;
        memcpy(out + o, start, (size_t)(p - start));
        o += (size_t)(p - start);
    }
    out[o] = '\0';
    return out;
}

char *artx_text_nfc(const char *s)
{
    /* a text a failed allocation left unmade */
    if (!s)
        return NULL;
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int32_t len = (int32_t)strlen(s), ulen = 0;
    UChar *u = NULL, *n = NULL;
    char *out = NULL;
    if (U_FAILURE(st))
        goto out;

    /* Fast path: most text is already NFC, and a quick check costs less
     * than two conversions. */
    u = malloc(((size_t)len + 1) * sizeof *u);
    if (!u)
        goto out;
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
    /* Callers keep the text as it was when there is no NFC: out of memory
     * (here or in ICU) must not pass for that. */
    if (!out && (U_SUCCESS(st) || st == U_MEMORY_ALLOCATION_ERROR))
        artx_oom();
    free(u);
    free(n);
    return out;
}

const char *artx_text_guess_lang(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    size_t hangul = 0, kana = 0, han = 0, latin = 0;
    while (p < end) {
        long cp = artx_utf8_next(&p, end);
        if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
            (cp >= 0x3130 && cp <= 0x318F))
            hangul++;
        else if (cp >= 0x3040 && cp <= 0x30FF)
            kana++;
        else if (cp >= 0x4E00 && cp <= 0x9FFF)
            han++;
        else if (cp < 0x80 && isalpha((int)cp))
            latin++;
    }
    /* Korean text quotes Han and Latin; Japanese mixes kana into Han. */
    if (hangul > 0 && hangul * 4 >= han + kana)
        return "ko";
    if (kana > 0 && (kana + han) * 4 >= latin)
        return "ja";
    if (han > 0 && han * 2 >= latin)
        return "zh";
    return NULL;
}

const char *artx_strcasestr(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return hay;
    return NULL;
}

/* One character reference at s ("&#34;", "&#x22;", "&quot;"): its code
 * point and length, or -1. */
static long reference(const char *s, size_t *len)
{
    const char *semi = strchr(s, ';');
    if (!semi || semi - s > 32)
        return -1;
    *len = (size_t)(semi - s) + 1;
    if (s[1] == '#') {
        char *end;
        bool hex = s[2] == 'x' || s[2] == 'X';
        const char *digits = s + (hex ? 3 : 2);
        long cp = strtol(digits, &end, hex ? 16 : 10);
        return end == semi && end > digits && artx_xml_char_ok(cp) ? cp : -1;
    }
    char name[33];
    memcpy(name, s + 1, *len - 2);
    name[*len - 2] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup(BAD_CAST name);
    return e ? (long)e->value : -1;
}

void artx_text_unescape(char *s)
{
    char *out = s;
    while (*s) {
        size_t len;
        long cp = *s == '&' ? reference(s, &len) : -1;
        if (cp < 0) {
            *out++ = *s++;
            continue;
        }
        /* A reference is never shorter than the character it stands for. */
        out += xmlCopyCharMultiByte(BAD_CAST out, (int)cp);
        s += len;
    }
    *out = '\0';
}
