/* fuzz_srx.c - libFuzzer target for SRX files and their patterns.  The
 * bytes are loaded as an SRX file (from memory, as artx_segmenter_new
 * loads a file's bytes) and, when they load, segment a fixed text of
 * Korean and English in a few languages; the same bytes are then
 * translated as a Java pattern into ICU's dialect (srx_java.c) and the
 * translation's reach measured (srx_reach.c), as loading does for every
 * rule. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "srx.h"
#include "srx_java.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char text[] =
    "서울시는 3일 \"심야 버스를 늘린다\"고 밝혔다. The city said so on Mon. 3 Jan. "
    "at 10 a.m.! 정말요? Yes... 다음 달 1일부터다.\n둘째 줄: e.g. this one; "
    "(괄호 안의 문장이다.) U.S. officials agreed.";

static const char *const langs[] = {"ko", "en", "ja", "de-CH", ""};

static void segment_all(artx_segmenter *seg)
{
    for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
        size_t *breaks = NULL, n = 0;
        artx_segment(seg, langs[i], text, sizeof text - 1, &breaks, &n, NULL);
        free(breaks);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    artx_segmenter *seg = NULL;
    artx_init();
    if (artx_segmenter_from_memory(data, size, "fuzz.srx", &seg, NULL) == 0)
        segment_all(seg);
    artx_segmenter_free(seg);
    char *java = malloc(size + 1);
    if (!java)
        return 0;
    memcpy(java, data, size);
    java[size] = '\0';
    char *icu = artx_srx_java_to_icu(java);
    if (icu)
        artx_srx_window(icu);
    free(icu);
    free(java);
    return 0;
}
