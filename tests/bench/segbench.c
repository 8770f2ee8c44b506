/* segbench.c - sentence segmentation against gold sets, and its speed.
 *
 *   segbench [-l LANG] [-s FILE.srx] [-r RUNS] [-m MB] [-v] GOLD.json...
 *
 * A gold set is a JSON array of {"text", "expected": [sentences]}.  For each
 * set it prints the cases segmented exactly right, the expected sentences
 * reproduced exactly (compared after trimming whitespace, each used once),
 * and the speed: the median of RUNS runs of one artx_segment call on a text
 * of at least MB megabytes made by repeating the set's texts, in CPU time.  The language
 * comes from -l or from the file name (ko_..., en_..., or a pySBD name such
 * as pysbd_japanese_golden_ja_...).  -v prints every case that differs.
 *
 * Build: cc -std=c11 -D_DEFAULT_SOURCE -O2 -Isrc $(pkg-config --cflags libxml-2.0) \
 *   tests/bench/segbench.c build/libartx.a \
 *   $(pkg-config --libs libxml-2.0 libxslt libexslt zlib icu-uc icu-i18n) -o build/segbench */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "internal.h"

typedef struct gold_case {
    char *text;
    char **expected;
    size_t n;
} gold_case;

/* CPU time of this thread: the figure does not depend on what else the
 * machine runs. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) {
        b[n] = '\0';
        *len = (size_t)n;
    }
    return b;
}

/* A copy of s[0..n) without leading and trailing whitespace. */
static char *trimmed(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n, *first = NULL, *last = p;
    while (p < end) {
        const unsigned char *at = p;
        long cp = artx_utf8_next(&p, end);
        if (cp >= 0 && artx_is_space(cp))
            continue;
        if (!first)
            first = at;
        last = p;
    }
    if (!first)
        return strdup("");
    char *out = malloc((size_t)(last - first) + 1);
    memcpy(out, first, (size_t)(last - first));
    out[last - first] = '\0';
    return out;
}

static gold_case *load_gold(const char *path, size_t *count)
{
    size_t len;
    char *json = slurp(path, &len);
    if (!json)
        return NULL;
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "root", NULL);
    xmlDocSetRootElement(doc, root);
    gold_case *cases = NULL;
    *count = 0;
    if (artx_json_to_xml(json, len, root) == 0) {
        xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
        xmlXPathObjectPtr set = xmlXPathEvalExpression(BAD_CAST "/root/array/map", ctx);
        int n = set && set->nodesetval ? set->nodesetval->nodeNr : 0;
        cases = calloc((size_t)n + 1, sizeof *cases);
        for (int i = 0; i < n; i++) {
            xmlNodePtr map = set->nodesetval->nodeTab[i];
            gold_case *c = &cases[(*count)++];
            for (xmlNodePtr m = map->children; m; m = m->next) {
                xmlChar *key = xmlGetProp(m, BAD_CAST "key");
                if (key && !strcmp((char *)key, "text")) {
                    xmlChar *t = xmlNodeGetContent(m);
                    c->text = strdup((char *)t);
                    xmlFree(t);
                } else if (key && !strcmp((char *)key, "expected")) {
                    for (xmlNodePtr s = m->children; s; s = s->next)
                        if (s->type == XML_ELEMENT_NODE)
                            c->n++;
                    c->expected = calloc(c->n + 1, sizeof *c->expected);
                    size_t k = 0;
                    for (xmlNodePtr s = m->children; s; s = s->next)
                        if (s->type == XML_ELEMENT_NODE) {
                            xmlChar *t = xmlNodeGetContent(s);
                            c->expected[k++] = trimmed((char *)t, strlen((char *)t));
                            xmlFree(t);
                        }
                }
                xmlFree(key);
            }
            if (!c->text)
                c->text = strdup("");
        }
        xmlXPathFreeObject(set);
        xmlXPathFreeContext(ctx);
    }
    xmlFreeDoc(doc);
    free(json);
    return cases;
}

static void free_gold(gold_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < cases[i].n; k++)
            free(cases[i].expected[k]);
        free(cases[i].expected);
        free(cases[i].text);
    }
    free(cases);
}

/* The language of a gold file from its name. */
static const char *lang_of(const char *path)
{
    static char tag[16];
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *g = strstr(base, "_golden_");
    if (!strncmp(base, "pysbd_", 6) && g) {
        size_t k = 0;
        for (g += 8; *g && *g != '_' && k < sizeof tag - 1; g++)
            tag[k++] = *g;
        tag[k] = '\0';
        return tag;
    }
    if (!strncmp(base, "pysbd_", 6)) { /* pysbd_russian_ru_more_... */
        const char *u = strchr(base + 6, '_');
        if (u) {
            size_t k = 0;
            for (u++; *u && *u != '_' && k < sizeof tag - 1; u++)
                tag[k++] = *u;
            tag[k] = '\0';
            return tag;
        }
    }
    size_t k = 0;
    for (; base[k] && base[k] != '_' && k < sizeof tag - 1; k++)
        tag[k] = base[k];
    tag[k] = '\0';
    return tag;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    const char *lang = NULL, *srx = NULL;
    int runs = 5, verbose = 0, rc = 0;
    double mb = 8;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-l") && i + 1 < argc)
            lang = argv[++i];
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            srx = argv[++i];
        else if (!strcmp(argv[i], "-r") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-m") && i + 1 < argc)
            mb = atof(argv[++i]);
        else if (!strcmp(argv[i], "-v"))
            verbose = 1;
        else {
            fprintf(stderr, "usage: segbench [-l LANG] [-s FILE.srx] [-r RUNS] [-m MB] [-v] GOLD.json...\n");
            return 2;
        }
    }
    if (runs < 1 || runs > 99)
        runs = 5;
    artx_init();
    artx_error err = {0};
    artx_segmenter *seg = NULL;
    double t0 = now();
    if (artx_segmenter_new(srx, &seg, &err)) {
        fprintf(stderr, "segbench: %s: %s\n", srx ? srx : "built-in rules", err.message);
        return 1;
    }
    printf("rules: %s, loaded in %.1f ms\n", srx ? srx : "built-in", (now() - t0) * 1e3);
    printf("%-44s %-5s %13s %17s %9s\n", "set", "lang", "cases", "sentences", "MB/s");
    for (; i < argc; i++) {
        size_t n = 0, right = 0, sents = 0, found = 0;
        gold_case *cases = load_gold(argv[i], &n);
        const char *lg = lang ? lang : lang_of(argv[i]);
        if (!cases) {
            fprintf(stderr, "segbench: %s: cannot read the gold set\n", argv[i]);
            rc = 1;
            continue;
        }
        size_t total = 0;
        for (size_t c = 0; c < n; c++) {
            gold_case *g = &cases[c];
            size_t *br = NULL, nb = 0, len = strlen(g->text);
            total += len + 1;
            if (artx_segment(seg, lg, g->text, len, &br, &nb, &err)) {
                fprintf(stderr, "segbench: %s: %s\n", argv[i], err.message);
                rc = 1;
                break;
            }
            char **got = calloc(nb + 2, sizeof *got);
            size_t ng = 0, prev = 0;
            for (size_t k = 0; k <= nb; k++) {
                size_t e = k < nb ? br[k] : len;
                char *s = trimmed(g->text + prev, e - prev);
                if (*s)
                    got[ng++] = s;
                else
                    free(s);
                prev = e;
            }
            bool same = ng == g->n;
            for (size_t k = 0; same && k < ng; k++)
                same = !strcmp(got[k], g->expected[k]);
            right += same;
            sents += g->n;
            bool *used = calloc(ng + 1, sizeof *used);
            for (size_t k = 0; k < g->n; k++)
                for (size_t m = 0; m < ng; m++)
                    if (!used[m] && !strcmp(got[m], g->expected[k])) {
                        used[m] = true;
                        found++;
                        break;
                    }
            if (verbose && !same) {
                printf("--- %s case %zu\n", argv[i], c + 1);
                for (size_t k = 0; k < g->n; k++)
                    printf("  want| %s\n", g->expected[k]);
                for (size_t k = 0; k < ng; k++)
                    printf("  got | %s\n", got[k]);
            }
            for (size_t k = 0; k < ng; k++)
                free(got[k]);
            free(got);
            free(used);
            free(br);
        }

        /* Speed: the set's texts repeated, joined by spaces, one call. */
        double rate = 0;
        if (total > 0 && mb > 0) {
            size_t want = (size_t)(mb * 1e6), len = 0;
            char *big = malloc(want + total + 1);
            while (len < want)
                for (size_t c = 0; c < n; c++) {
                    size_t k = strlen(cases[c].text);
                    memcpy(big + len, cases[c].text, k);
                    len += k;
                    big[len++] = ' ';
                }
            double *t = malloc((size_t)runs * sizeof *t);
            for (int r = 0; r < runs; r++) {
                size_t *br = NULL, nb = 0;
                double s = now();
                if (artx_segment(seg, lg, big, len, &br, &nb, &err)) {
                    fprintf(stderr, "segbench: %s: %s\n", argv[i], err.message);
                    rc = 1;
                }
                t[r] = now() - s;
                free(br);
            }
            qsort(t, (size_t)runs, sizeof *t, cmp_double);
            rate = (double)len / 1e6 / t[runs / 2];
            free(t);
            free(big);
        }
        const char *base = strrchr(argv[i], '/');
        char cs[32], ss[32];
        snprintf(cs, sizeof cs, "%zu/%zu %3.0f%%", right, n, n ? 100.0 * (double)right / (double)n : 0);
        snprintf(ss, sizeof ss, "%zu/%zu %5.1f%%", found, sents,
                 sents ? 100.0 * (double)found / (double)sents : 0);
        printf("%-44s %-5s %13s %17s %9.1f\n", base ? base + 1 : argv[i], lg, cs, ss, rate);
        free_gold(cases, n);
    }
    artx_segmenter_free(seg);
    artx_cleanup();
    return rc;
}
