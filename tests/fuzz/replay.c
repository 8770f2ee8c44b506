/* replay.c - run the fuzz target over files, for compilers without
 * libFuzzer: `replay FILE...` feeds each file (with a leading option byte
 * 0..3 tried in turn) and exits 0 when nothing crashed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int runs = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        size_t cap = 1 << 20, n = 0;
        uint8_t *buf = malloc(cap + 1);
        size_t got;
        while (buf && (got = fread(buf + 1 + n, 1, cap - n, f)) > 0) {
            n += got;
            if (n == cap) {
                uint8_t *bigger = realloc(buf, cap * 2 + 1);
                if (!bigger)
                    break;
                buf = bigger;
                cap *= 2;
            }
        }
        fclose(f);
        if (!buf)
            return 1;
        for (uint8_t opt = 0; opt < 4; opt++) {
            buf[0] = opt;
            LLVMFuzzerTestOneInput(buf, n + 1);
            runs++;
        }
        free(buf);
    }
    artx_cleanup();
    printf("fuzz-replay: %d passed, 0 failed\n", runs);
    return 0;
}
