/* zip_helpers.h - reading what artx's ZIP writer made, for the suites that
 * look inside archives (test_zip, test_transform): little-endian fields and
 * one entry's data.  Header-only. */
#ifndef ARTX_TEST_ZIP_HELPERS_H
#define ARTX_TEST_ZIP_HELPERS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

static inline unsigned rd16(const unsigned char *p)
{
    return p[0] | p[1] << 8;
}

static inline uint32_t rd32(const unsigned char *p)
{
    return rd16(p) | (uint32_t)rd16(p + 2) << 16;
}

/* The data of entry `name` of a ZIP archive, found by walking its local
 * headers (artx writes the sizes there), inflated: a malloc'ed,
 * NUL-terminated string, or NULL. */
static inline char *zip_entry(const unsigned char *zip, size_t len, const char *name)
{
    size_t at = 0, nl = strlen(name);
    while (at + 30 <= len && rd32(zip + at) == 0x04034b50) {
        unsigned method = rd16(zip + at + 8), name_len = rd16(zip + at + 26);
        uint32_t packed = rd32(zip + at + 18), size = rd32(zip + at + 22);
        size_t data = at + 30 + name_len + rd16(zip + at + 28);
        if (data + packed > len)
            return NULL;
        if (name_len == nl && !memcmp(zip + at + 30, name, nl)) {
            char *out = malloc((size_t)size + 1);
            uLongf got = size;
            z_stream zs = {0};
            if (out && method == 0 && packed == size) {
                memcpy(out, zip + data, size);
            } else if (out && method == 8 && inflateInit2(&zs, -MAX_WBITS) == Z_OK) {
                zs.next_in = (Bytef *)(zip + data);
                zs.avail_in = packed;
                zs.next_out = (Bytef *)out;
                zs.avail_out = size;
                int zr = inflate(&zs, Z_FINISH);
                got = zs.total_out;
                inflateEnd(&zs);
                if (zr != Z_STREAM_END || got != size) {
                    free(out);
                    return NULL;
                }
            } else {
                free(out);
                return NULL;
            }
            out[size] = '\0';
            return out;
        }
        at = data + packed;
    }
    return NULL;
}

#endif /* ARTX_TEST_ZIP_HELPERS_H */
