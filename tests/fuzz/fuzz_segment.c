/* fuzz_segment.c - libFuzzer target for sentence segmentation with the
 * built-in rules: the first byte picks a language, the rest is the text
 * (UTF-8, or what the fuzzer makes of it).  What artx.h promises of the
 * results is checked, and a broken promise aborts: breaks strictly
 * ascending, each in (0, len) and, in valid UTF-8, at the start of a
 * character; spans in order, within the text, not empty, not
 * overlapping, no more of them than sentences; and no text is refused. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const langs[] = {"ko", "en", "ja", "zh", "de", "und"};

static void check_breaks(const char *text, size_t len, bool utf8, const size_t *breaks,
                         size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (breaks[i] == 0 || breaks[i] >= len || (i > 0 && breaks[i] <= breaks[i - 1]) ||
            (utf8 && ((unsigned char)text[breaks[i]] & 0xC0) == 0x80))
            abort();
}

static void check_spans(size_t len, const artx_span *spans, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (spans[i].start >= spans[i].end || spans[i].end > len ||
            (i > 0 && spans[i].start < spans[i - 1].end))
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static artx_segmenter *seg;
    artx_init();
    if (!seg && artx_segmenter_new(NULL, &seg, NULL))
        abort();
    if (size < 1)
        return 0;
    const char *lang = langs[data[0] % (sizeof langs / sizeof *langs)];
    const char *text = (const char *)data + 1;
    size_t len = size - 1, *breaks = NULL, nbreaks = 0, nspans = 0;
    artx_span *spans = NULL;
    bool utf8 = artx_utf8_valid(data + 1, len);
    /* Any text segments: there is no input to refuse. */
    if (artx_segment(seg, lang, text, len, &breaks, &nbreaks, NULL) ||
        artx_segment_spans(seg, lang, text, len, &spans, &nspans, NULL) || nspans > nbreaks + 1)
        abort();
    check_breaks(text, len, utf8, breaks, nbreaks);
    check_spans(len, spans, nspans);
    free(breaks);
    free(spans);
    return 0;
}
