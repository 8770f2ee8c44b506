/* zip.c - a small ZIP writer on zlib, enough for an OCF (EPUB) container.
 *
 * Entries are written in the order they are added, into one growing
 * memory buffer.  Stored or raw-deflated, CRC-32 from zlib, UTF-8 names
 * (general purpose bit 11), no extra fields, no ZIP64 (a container stays
 * under 4 GiB).  All entries share one timestamp, so that the same input
 * and the same SOURCE_DATE_EPOCH give the same bytes.  Layout and field
 * order follow PKWARE's APPNOTE.TXT 4.3.7 (local header), 4.3.12 (central
 * directory) and 4.3.16 (end of central directory). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zlib.h>

#include "internal.h"

#define ZIP_UTF8 0x0800  /* general purpose bit 11: names are UTF-8 */
#define MAX_ENTRIES 65535

struct artx_zip {
    unsigned char *buf;   /* the archive so far */
    size_t len, cap;
    unsigned char *cd;    /* the central directory, appended at the end */
    size_t cd_len, cd_cap;
    unsigned entries;
    uint16_t dos_time, dos_date;
    bool failed;          /* out of memory or too large: finish fails */
};

static bool reserve(unsigned char **buf, size_t *cap, size_t len, size_t more)
{
    if (len + more <= *cap)
        return true;
    size_t want = *cap ? *cap : 4096;
    while (want < len + more)
        want *= 2;
    unsigned char *bigger = realloc(*buf, want);
    if (!bigger)
        return false;
    *buf = bigger;
    *cap = want;
    return true;
}

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v & 0xFF);
    p[1] = (unsigned char)(v >> 8 & 0xFF);
}

static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xFFFF);
    put16(p + 2, v >> 16);
}

artx_zip *artx_zip_new(time_t mtime)
{
    artx_zip *z = calloc(1, sizeof *z);
    if (!z)
        return NULL;
    struct tm tm;
    if (!gmtime_r(&mtime, &tm) || tm.tm_year < 80) {
        /* DOS time cannot say anything before 1980-01-01. */
        tm = (struct tm){.tm_year = 80, .tm_mday = 1};
    }
    if (tm.tm_year > 207)
        tm = (struct tm){.tm_year = 207, .tm_mon = 11, .tm_mday = 31, .tm_hour = 23,
                         .tm_min = 59, .tm_sec = 58};
    z->dos_time = (uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
    z->dos_date = (uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
    return z;
}

void artx_zip_free(artx_zip *z)
{
    if (!z)
        return;
    free(z->buf);
    free(z->cd);
    free(z);
}

/* Raw deflate (no zlib header), as ZIP method 8 wants. */
static unsigned char *deflate_raw(const unsigned char *data, size_t len, size_t *out_len)
{
    z_stream s = {0};
    if (deflateInit2(&s, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return NULL;
    uLong bound = deflateBound(&s, (uLong)len);
    unsigned char *out = malloc(bound ? bound : 1);
    if (!out) {
        deflateEnd(&s);
        return NULL;
    }
    s.next_in = (Bytef *)(uintptr_t)data;
    s.avail_in = (uInt)len;
    s.next_out = out;
    s.avail_out = (uInt)bound;
    int r = deflate(&s, Z_FINISH);
    *out_len = s.total_out;
    deflateEnd(&s);
    if (r != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    return out;
}

int artx_zip_add(artx_zip *z, const char *name, const unsigned char *data, size_t len,
                 bool compress)
{
    size_t name_len = strlen(name);
    if (z->failed)
        return ARTX_ERR_ZIP;
    if (name_len == 0 || name_len > 0xFFFF || len > 0xFFFFFFFEu ||
        z->entries >= MAX_ENTRIES) {
        z->failed = true;
        return ARTX_ERR_ZIP;
    }
    uint32_t crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), data, (uInt)len);
    unsigned char *packed = NULL;
    size_t packed_len = len;
    unsigned method = 0;
    if (compress && len > 0) {
        packed = deflate_raw(data, len, &packed_len);
        if (!packed) {
            z->failed = true;
            return ARTX_ERR_NOMEM;
        }
        /* Deflate can grow incompressible data: then store it. */
        if (packed_len >= len) {
            free(packed);
            packed = NULL;
            packed_len = len;
        } else {
            method = 8;
        }
    }
    size_t offset = z->len;
    if (offset > 0xFFFFFFFEu || packed_len > 0xFFFFFFFEu - offset ||
        !reserve(&z->buf, &z->cap, z->len, 30 + name_len + packed_len) ||
        !reserve(&z->cd, &z->cd_cap, z->cd_len, 46 + name_len)) {
        free(packed);
        z->failed = true;
        return ARTX_ERR_ZIP;
    }
    unsigned flags = ZIP_UTF8;
    unsigned char *h = z->buf + z->len;
    put32(h, 0x04034b50);
    put16(h + 4, 20);            /* version needed: 2.0 (deflate) */
    put16(h + 6, flags);
    put16(h + 8, method);
    put16(h + 10, z->dos_time);
    put16(h + 12, z->dos_date);
    put32(h + 14, crc);
    put32(h + 18, (uint32_t)packed_len);
    put32(h + 22, (uint32_t)len);
    put16(h + 26, (unsigned)name_len);
    put16(h + 28, 0);            /* no extra field (OCF: none on mimetype) */
    memcpy(h + 30, name, name_len);
    memcpy(h + 30 + name_len, packed ? packed : data, packed_len);
    z->len += 30 + name_len + packed_len;
    free(packed);

    unsigned char *c = z->cd + z->cd_len;
    put32(c, 0x02014b50);
    put16(c + 4, 3 << 8 | 20);   /* made by: Unix, spec 2.0 */
    put16(c + 6, 20);
    put16(c + 8, flags);
    put16(c + 10, method);
    put16(c + 12, z->dos_time);
    put16(c + 14, z->dos_date);
    put32(c + 16, crc);
    put32(c + 20, (uint32_t)packed_len);
    put32(c + 24, (uint32_t)len);
    put16(c + 28, (unsigned)name_len);
    put16(c + 30, 0);            /* extra */
    put16(c + 32, 0);            /* comment */
    put16(c + 34, 0);            /* disk */
    put16(c + 36, 0);            /* internal attributes */
    put32(c + 38, (uint32_t)0100644 << 16); /* a regular file, rw-r--r-- */
    put32(c + 42, (uint32_t)offset);
    memcpy(c + 46, name, name_len);
    z->cd_len += 46 + name_len;
    z->entries++;
    return 0;
}

int artx_zip_finish(artx_zip *z, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    if (z->failed || z->len > 0xFFFFFFFEu || z->cd_len > 0xFFFFFFFEu - z->len ||
        !reserve(&z->buf, &z->cap, z->len, z->cd_len + 22))
        return ARTX_ERR_ZIP;
    size_t cd_offset = z->len;
    memcpy(z->buf + z->len, z->cd, z->cd_len);
    z->len += z->cd_len;
    unsigned char *e = z->buf + z->len;
    put32(e, 0x06054b50);
    put16(e + 4, 0);
    put16(e + 6, 0);
    put16(e + 8, z->entries);
    put16(e + 10, z->entries);
    put32(e + 12, (uint32_t)z->cd_len);
    put32(e + 16, (uint32_t)cd_offset);
    put16(e + 20, 0);
    z->len += 22;
    *out = z->buf;
    *len = z->len;
    z->buf = NULL;
    z->len = z->cap = 0;
    return 0;
}
