/* fuzz_front.c - libFuzzer target for the front end and every output:
 * read, normalise, sentences, then each format of artx_transform.
 *
 * The first byte chooses the options (as cmark's and md4c's targets let
 * the first bytes choose them): its low three bits, modulo 5, the
 * artx_from; 0x08 leaves the sentences out (the outputs of an article
 * without <s>); 0x10 hands the stylesheets the parameters a translation
 * run gives them.  Each file of corpus/front/ starts with its option
 * byte.  Built with `make fuzz` (clang); tests/fuzz/replay.c runs the same
 * function over files, so every `make check` replays the seed corpus. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "artx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { NO_SENTENCES = 0x08, PARAMS = 0x10 };

static const artx_format formats[] = {ARTX_TO_ARTICLE, ARTX_TO_TEXT,  ARTX_TO_XLIFF,
                                      ARTX_TO_XLIFF12, ARTX_TO_DOCBOOK, ARTX_TO_XHTML,
                                      ARTX_TO_EPUB};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static artx_segmenter *seg;
    static const char *const params[] = {"target-lang", "en", "prefill-target", "yes", NULL};
    artx_init();
    /* Loaded once: the built-in rules are the same for every input, and
     * their plans cache across inputs as they do across a CLI run. */
    if (!seg && artx_segmenter_new(NULL, &seg, NULL))
        abort();
    if (size < 1)
        return 0;
    artx_from from = (artx_from)((data[0] & 7) % 5);
    xmlDocPtr page = NULL, article = NULL;
    artx_error err = {0};
    if (artx_read(data + 1, size - 1, "fuzz.html", from, &page, &err) == 0 &&
        artx_normalise(page, from, &article, &err) == 0 &&
        ((data[0] & NO_SENTENCES) || artx_sentences(article, seg, &err) == 0)) {
        for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
            unsigned char *out = NULL;
            size_t len = 0;
            artx_transform(article, formats[i], (data[0] & PARAMS) ? params : NULL, &out, &len,
                           &err);
            free(out);
        }
    }
    xmlFreeDoc(article);
    xmlFreeDoc(page);
    return 0;
}
