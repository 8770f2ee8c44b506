/* test_threads.c - several threads converting different documents at once
 * get exactly the bytes one thread gets alone: every sample in every
 * format, and a merge of each sample's XLIFF, on THREADS threads sharing
 * the compiled stylesheets and schema, each with its own segmenter, while
 * another thread keeps resetting the stylesheet folder (which throws the
 * compiled stylesheets away under the writers' lock).
 *
 * Run it under ThreadSanitizer with `make tsan`; `make unit` runs it
 * plainly. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artx.h"
#include "harness.h"

#define THREADS 4
#define ROUNDS 3

static const char *const samples[] = {"samples/board-dump.txt", "samples/daum-article.html",
                                      "samples/naver-article.html"};
#define NSAMPLES (sizeof samples / sizeof *samples)

/* -1 stands for "merge the sample's XLIFF 2.0 back, as article XML". */
static const int formats[] = {ARTX_TO_ARTICLE, ARTX_TO_TEXT, ARTX_TO_XLIFF, ARTX_TO_XLIFF12,
                              ARTX_TO_DOCBOOK, ARTX_TO_XHTML, ARTX_TO_EPUB, -1};
#define NFORMATS (sizeof formats / sizeof *formats)
#define NJOBS (NSAMPLES * NFORMATS)

static const char *const params[] = {"target-lang", "en", NULL};

typedef struct output {
    unsigned char *bytes;
    size_t len;
} output;

static unsigned char *input[NSAMPLES];
static size_t input_len[NSAMPLES];
static output expected[NJOBS];
static atomic_int mismatches, failures;
static atomic_bool converting;

/* The article of a sample: read, normalised, segmented. */
static int article_of(size_t s, artx_segmenter *seg, xmlDocPtr *art, artx_error *err)
{
    xmlDocPtr page = NULL;
    int ret = artx_read(input[s], input_len[s], samples[s], ARTX_FROM_AUTO, &page, err);
    if (!ret)
        ret = artx_normalise(page, ARTX_FROM_AUTO, art, err);
    if (!ret)
        ret = artx_sentences(*art, seg, err);
    xmlFreeDoc(page);
    return ret;
}

/* Extract XLIFF 2.0, read it back and merge it (targets absent: the
 * source stays), then write the merged article. */
static int merged(xmlDocPtr art, artx_segmenter *seg, output *out, artx_error *err)
{
    unsigned char *xlf = NULL;
    size_t xlf_len = 0;
    xmlDocPtr doc = NULL, back = NULL;
    int ret = artx_transform(art, ARTX_TO_XLIFF, params, &xlf, &xlf_len, err);
    if (!ret)
        ret = artx_read(xlf, xlf_len, "sample.xlf", ARTX_FROM_XLIFF, &doc, err);
    if (!ret)
        ret = artx_merge(doc, params, &back, NULL, err);
    if (!ret)
        ret = artx_sentences(back, seg, err);
    if (!ret)
        ret = artx_transform(back, ARTX_TO_ARTICLE, NULL, &out->bytes, &out->len, err);
    free(xlf);
    xmlFreeDoc(doc);
    xmlFreeDoc(back);
    return ret;
}

static int run_job(size_t job, artx_segmenter *seg, output *out, artx_error *err)
{
    size_t s = job / NFORMATS;
    int format = formats[job % NFORMATS];
    xmlDocPtr art = NULL;
    int ret = article_of(s, seg, &art, err);
    if (!ret && format < 0)
        ret = merged(art, seg, out, err);
    else if (!ret)
        ret = artx_transform(art, (artx_format)format, params, &out->bytes, &out->len, err);
    xmlFreeDoc(art);
    return ret;
}

/* Every job, ROUNDS times, starting at a different job on each thread. */
static void *worker(void *arg)
{
    size_t first = (size_t)(uintptr_t)arg;
    artx_error err = {0};
    artx_segmenter *seg = NULL;
    if (artx_segmenter_new(NULL, &seg, &err)) {
        atomic_fetch_add(&failures, 1);
        return NULL;
    }
    for (size_t i = 0; i < ROUNDS * NJOBS; i++) {
        size_t job = (first * 7 + i) % NJOBS;
        output out = {0};
        if (run_job(job, seg, &out, &err)) {
            fprintf(stderr, "thread %zu, job %zu: %s\n", first, job, err.message);
            atomic_fetch_add(&failures, 1);
        } else if (out.len != expected[job].len ||
                   memcmp(out.bytes, expected[job].bytes, out.len)) {
            fprintf(stderr, "thread %zu: %s in format %d differs from one thread's output\n",
                    first, samples[job / NFORMATS], formats[job % NFORMATS]);
            atomic_fetch_add(&mismatches, 1);
        }
        free(out.bytes);
    }
    artx_segmenter_free(seg);
    return NULL;
}

/* Throws the compiled stylesheets away while the workers use them. */
static void *resetter(void *arg)
{
    (void)arg;
    while (atomic_load(&converting)) {
        artx_error err = {0};
        if (artx_set_stylesheet_dir(NULL, &err))
            atomic_fetch_add(&failures, 1);
    }
    return NULL;
}

static bool load_inputs(void)
{
    artx_error err = {0};
    for (size_t s = 0; s < NSAMPLES; s++)
        if (!OK(artx_read_file(samples[s], 1 << 24, &input[s], &input_len[s], &err) == 0,
                samples[s]))
            return false;
    return true;
}

int main(void)
{
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    artx_init();
    artx_error err = {0};
    artx_segmenter *seg = NULL;
    bool ready = load_inputs() && OK(artx_segmenter_new(NULL, &seg, &err) == 0, err.message);
    for (size_t job = 0; ready && job < NJOBS; job++)
        ready = OK(run_job(job, seg, &expected[job], &err) == 0, err.message) &&
                OK(expected[job].len > 0, "a job's output on one thread is not empty");
    artx_segmenter_free(seg);

    if (ready) {
        pthread_t threads[THREADS], reset;
        atomic_store(&converting, true);
        bool started = OK(pthread_create(&reset, NULL, resetter, NULL) == 0, "resetter");
        for (size_t i = 0; i < THREADS; i++)
            OK(pthread_create(&threads[i], NULL, worker, (void *)(uintptr_t)i) == 0, "worker");
        for (size_t i = 0; i < THREADS; i++)
            pthread_join(threads[i], NULL);
        atomic_store(&converting, false);
        if (started)
            pthread_join(reset, NULL);
        INT_EQ(atomic_load(&failures), 0, "no conversion failed on any thread");
        INT_EQ(atomic_load(&mismatches), 0,
               "every output on " "4 threads equals the output on one");
    }
    for (size_t i = 0; i < NJOBS; i++)
        free(expected[i].bytes);
    for (size_t s = 0; s < NSAMPLES; s++)
        free(input[s]);
    artx_cleanup();
    return harness_done("test_threads");
}
