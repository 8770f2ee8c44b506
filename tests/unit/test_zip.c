/* test_zip.c - the ZIP writer: byte layout of the OCF rules, CRC-32 and
 * offsets, reproducibility, and archives read back by two independent
 * readers (Info-ZIP's unzip and Python's zipfile). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "harness.h"
#include "internal.h"
#include "zip_helpers.h"

static unsigned char *build(time_t t, size_t *len)
{
    artx_zip *z = artx_zip_new(t);
    static const char mt[] = "application/epub+zip";
    char big[20000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = "가나다라 abc\n"[i % 16];
    unsigned char *out = NULL;
    artx_zip_add(z, "mimetype", (const unsigned char *)mt, sizeof mt - 1, false);
    artx_zip_add(z, "EPUB/본문.xhtml", (const unsigned char *)big, sizeof big, true);
    artx_zip_add(z, "EPUB/empty.css", (const unsigned char *)"", 0, true);
    if (artx_zip_finish(z, &out, len))
        out = NULL;
    artx_zip_free(z);
    return out;
}

static void test_layout(void)
{
    size_t len;
    unsigned char *zip = build(1700000000, &len);
    OK(zip != NULL, "archive built");
    if (!zip)
        return;
    /* OCF: the first local header is "mimetype", stored, no extra field,
     * its data the exact bytes at offset 38. */
    INT_EQ(rd32(zip), 0x04034b50, "local header signature");
    INT_EQ(rd16(zip + 8), 0, "mimetype stored");
    INT_EQ(rd16(zip + 26), 8, "name length 8");
    INT_EQ(rd16(zip + 28), 0, "no extra field");
    OK(!memcmp(zip + 30, "mimetype", 8), "first entry is mimetype");
    OK(!memcmp(zip + 38, "application/epub+zip", 20), "mimetype bytes at offset 38");
    INT_EQ(rd32(zip + 14), crc32(0, (const Bytef *)"application/epub+zip", 20), "mimetype CRC-32");

    /* End of central directory: 3 entries, offsets that point at headers. */
    const unsigned char *eocd = zip + len - 22;
    INT_EQ(rd32(eocd), 0x06054b50, "end record signature");
    INT_EQ(rd16(eocd + 10), 3, "three entries");
    uint32_t cd = rd32(eocd + 16);
    INT_EQ(cd + rd32(eocd + 12), len - 22, "central directory ends at the end record");
    const unsigned char *c = zip + cd;
    for (int i = 0; i < 3; i++) {
        INT_EQ(rd32(c), 0x02014b50, "central header signature");
        OK(rd16(c + 8) & 0x0800, "UTF-8 name flag");
        uint32_t off = rd32(c + 42);
        INT_EQ(rd32(zip + off), 0x04034b50, "offset points at a local header");
        INT_EQ(rd32(zip + off + 14), rd32(c + 16), "local and central CRC agree");
        c += 46 + rd16(c + 28);
    }
    /* The big text entry is deflated and smaller. */
    c = zip + cd + 46 + 8;
    INT_EQ(rd16(c + 10), 8, "text deflated");
    OK(rd32(c + 20) < rd32(c + 24), "deflated smaller than stored");
    free(zip);
}

static void test_reproducible(void)
{
    size_t a_len, b_len, c_len;
    unsigned char *a = build(1700000000, &a_len), *b = build(1700000000, &b_len);
    unsigned char *c = build(1700003600, &c_len);
    OK(a && b && a_len == b_len && !memcmp(a, b, a_len), "same time, same bytes");
    OK(c && (a_len != c_len || memcmp(a, c, a_len)), "another time, other bytes");
    /* DOS time of 2023-11-14T22:13:20Z: 22:13:20 and 2023-11-14. */
    INT_EQ(rd16(a + 10), 22 << 11 | 13 << 5 | 10, "DOS time from the epoch, UTC");
    INT_EQ(rd16(a + 12), (2023 - 1980) << 9 | 11 << 5 | 14, "DOS date from the epoch");
    free(a);
    free(b);
    free(c);
}

static void test_readers(void)
{
    size_t len;
    unsigned char *zip = build(1700000000, &len);
    char path[] = "/tmp/artx-test-zip-XXXXXX";
    int fd = mkstemp(path);
    OK(fd >= 0 && zip && write(fd, zip, len) == (ssize_t)len, "archive written");
    if (fd >= 0)
        close(fd);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "unzip -tq %s >/dev/null", path);
    if (system("command -v unzip >/dev/null") == 0)
        INT_EQ(system(cmd), 0, "unzip -t accepts the archive");
    else
        fprintf(stderr, "test_zip: unzip not found (Debian package 'unzip'): reader skipped\n");
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c \"import zipfile,sys; z=zipfile.ZipFile('%s'); "
             "assert z.testzip() is None; assert z.namelist()[0]=='mimetype'; "
             "assert z.read('EPUB/본문.xhtml').decode().startswith('가나다라'); "
             "assert z.read('EPUB/empty.css')==b''\"",
             path);
    INT_EQ(system(cmd), 0, "Python's zipfile reads every entry back");
    unlink(path);
    free(zip);
}

static void test_limits(void)
{
    artx_zip *z = artx_zip_new(0);
    OK(artx_zip_add(z, "", (const unsigned char *)"x", 1, false) != 0, "empty name refused");
    unsigned char *out = NULL;
    size_t len = 0;
    OK(artx_zip_finish(z, &out, &len) != 0 && out == NULL, "a failed archive does not finish");
    artx_zip_free(z);
    artx_zip_free(NULL);
    /* Before 1980 the DOS clock cannot go: the date is clamped, not wrapped. */
    z = artx_zip_new(0);
    artx_zip_add(z, "a", (const unsigned char *)"a", 1, false);
    OK(artx_zip_finish(z, &out, &len) == 0, "epoch 0 archive");
    INT_EQ(rd16(out + 12), 0 << 9 | 1 << 5 | 1, "date clamped to 1980-01-01");
    free(out);
    artx_zip_free(z);
}

int main(void)
{
    test_layout();
    test_reproducible();
    test_readers();
    test_limits();
    return harness_done("test_zip");
}
