/* fuzz_normalise.c - libFuzzer target for the front end: read, normalise,
 * serialise.  The first byte chooses the input format (as cmark's and
 * md4c's targets let the first bytes choose options).  Built with
 * `make fuzz` (clang); tests/fuzz/replay.c runs the same function over
 * files, so every `make check` replays the seed corpus. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "artx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        artx_init();
        ready = 1;
    }
    if (size < 1)
        return 0;
    artx_from from = (artx_from)(data[0] % 4);
    xmlDocPtr page = NULL, article = NULL;
    unsigned char *out = NULL;
    size_t len = 0;
    artx_error err = {0};
    if (artx_read(data + 1, size - 1, "fuzz.html", from, &page, &err) == 0 &&
        artx_normalise(page, from, &article, &err) == 0) {
        artx_transform(article, ARTX_TO_ARTICLE, NULL, &out, &len, &err);
        free(out);
        out = NULL;
        artx_transform(article, ARTX_TO_TEXT, NULL, &out, &len, &err);
    }
    free(out);
    xmlFreeDoc(article);
    xmlFreeDoc(page);
    return 0;
}
