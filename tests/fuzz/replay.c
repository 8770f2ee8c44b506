/* replay.c - run the fuzz target over files, for compilers without
 * libFuzzer: `replay FILE...` feeds each file with a leading option byte
 * 0..3 tried in turn.  Each run is a child process of its own, so that a
 * crash, a sanitizer's report (a non-zero exit) or a hang fails that run
 * alone and the others still run.  One line per failure, then
 * "fuzz-replay: N passed, M failed"; exit status 1 when any failed. */
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

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        size_t n;
        uint8_t *buf = read_input(argv[i], &n);
        if (!buf) {
            printf("FAIL %s: cannot read: %s\n", argv[i], strerror(errno));
            failed++;
            continue;
        }
        for (uint8_t opt = 0; opt < 4; opt++) {
            buf[0] = opt;
            const char *why = run(buf, n + 1);
            if (why) {
                printf("FAIL %s (opt %d): %s\n", argv[i], opt, why);
                failed++;
            } else {
                passed++;
            }
        }
        free(buf);
    }
    printf("fuzz-replay: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
