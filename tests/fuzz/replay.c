/* replay.c - run a fuzz target over files, for compilers without
 * libFuzzer: `fuzz-replay-TARGET FILE...` feeds each file as it is, as
 * libFuzzer would (a seed corpus, a crash it found);
 * `fuzz-replay-TARGET -o N FILE...` feeds each file N times, behind an
 * option byte 0 to N-1 in turn (inputs written without one, such as
 * samples/).  Each run is a child process of its own, so that a crash, a
 * sanitizer's report (a non-zero exit) or a hang fails that run alone and
 * the others still run.  One line per failure, then
 * "fuzz-replay-TARGET: N passed, M failed"; exit status 1 when any
 * failed, 2 for a usage error. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "artx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Seconds a run may take: every input here takes well under one, with
 * AddressSanitizer too. */
#define TIME_LIMIT 20

/* The bytes of `path` after one spare byte for the option, their count in
 * *len; NULL with errno set when the file cannot be read. */
static uint8_t *read_input(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0, got;
    uint8_t *buf = malloc(cap + 1);
    while (buf && (got = fread(buf + 1 + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *bigger = realloc(buf, cap * 2 + 1);
            if (!bigger) {
                free(buf);
                buf = NULL;
                errno = ENOMEM;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    if (buf && ferror(f)) {
        int e = errno;
        free(buf);
        buf = NULL;
        errno = e;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Run the target on buf in a child.  NULL when it passed, else why not
 * (in static storage). */
static const char *run(const uint8_t *buf, size_t len)
{
    static char why[160];
    int status;
    fflush(NULL); /* the child must not write our buffered output again */
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, sizeof why, "fork: %s", strerror(errno));
        return why;
    }
    if (pid == 0) {
        alarm(TIME_LIMIT);
        LLVMFuzzerTestOneInput(buf, len);
        /* exit(), not _exit(): LeakSanitizer checks at exit. */
        artx_cleanup();
        exit(0);
    }
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            snprintf(why, sizeof why, "waitpid: %s", strerror(errno));
            return why;
        }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return NULL;
    if (WIFEXITED(status))
        snprintf(why, sizeof why, "exit status %d (a sanitizer's report is above)",
                 WEXITSTATUS(status));
    else if (WTERMSIG(status) == SIGALRM)
        snprintf(why, sizeof why, "no result after %d s", TIME_LIMIT);
    else
        snprintf(why, sizeof why, "killed by signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    return why;
}

/* Run every way the arguments ask for one file; counts into *passed and
 * *failed. */
static void replay(const char *path, int options, int *passed, int *failed)
{
    size_t n;
    uint8_t *buf = read_input(path, &n);
    if (!buf) {
        printf("FAIL %s: cannot read: %s\n", path, strerror(errno));
        (*failed)++;
        return;
    }
    for (int opt = 0; opt < (options ? options : 1); opt++) {
        buf[0] = (uint8_t)opt;
        const char *why = options ? run(buf, n + 1) : run(buf + 1, n);
        if (!why) {
            (*passed)++;
            continue;
        }
        if (options)
            printf("FAIL %s (option byte %d): %s\n", path, opt, why);
        else
            printf("FAIL %s: %s\n", path, why);
        (*failed)++;
    }
    free(buf);
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0, options = 0, first = 1;
    const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    if (argc > 2 && !strcmp(argv[1], "-o")) {
        char *end;
        long n = strtol(argv[2], &end, 10);
        if (*end || n < 1 || n > 256) {
            fprintf(stderr, "%s: -o takes a number of option bytes from 1 to 256\n", name);
            return 2;
        }
        options = (int)n;
        first = 3;
    }
    for (int i = first; i < argc; i++)
        replay(argv[i], options, &passed, &failed);
    printf("%s: %d passed, %d failed\n", name, passed, failed);
    return failed ? 1 : 0;
}
