/* fuzz_merge.c - libFuzzer target for the merge: the bytes as a
 * translated XLIFF file (1.2 or 2.0), merged back into an article, which
 * is then written as article XML and as EPUB; and the file as a TMX.  The seeds in corpus/merge/
 * are XLIFF that artx wrote from samples/, some of them edited the way a
 * CAT tool or a translator might (targets filled, inline codes moved or
 * duplicated). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "artx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xmlDocPtr xliff = NULL, article = NULL;
    artx_merge_report report = {0};
    artx_error err = {0};
    artx_init();
    if (artx_read(data, size, "fuzz.xlf", ARTX_FROM_XLIFF, &xliff, &err) == 0 &&
        artx_merge(xliff, NULL, &article, &report, &err) == 0) {
        static const artx_format formats[] = {ARTX_TO_ARTICLE, ARTX_TO_EPUB};
        for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
            unsigned char *out = NULL;
            size_t len = 0;
            artx_transform(article, formats[i], NULL, &out, &len, &err);
            free(out);
        }
    }
    artx_merge_report_clear(&report);
    /* The same file as a TMX, which runs the merge its own way. */
    if (xliff) {
        unsigned char *out = NULL;
        size_t len = 0;
        artx_tmx(xliff, NULL, &out, &len, &report, &err);
        free(out);
        artx_merge_report_clear(&report);
    }
    xmlFreeDoc(article);
    xmlFreeDoc(xliff);
    return 0;
}
