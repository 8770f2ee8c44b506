/* inject.c - an LD_PRELOAD shim that makes one libc call fail, as jq's
 * tests/inject_errors.c does, so that tests/inject.sh can walk every
 * allocation and every I/O call of a run through its error path.
 *
 *   ARTX_INJECT=FUNC:N   the Nth call of FUNC fails (N counts from 1); the
 *                        others go through.  FUNC is a name of `funcs`.
 *   ARTX_INJECT_LOG=1    at exit, print "inject: FUNC COUNT" on standard
 *                        error for every FUNC the run called.
 *   ARTX_INJECT_TRACE=1  print the stack of the call that fails, to see
 *                        who ignored the failure.
 *
 * Only calls made after main() starts count: what the loader and the
 * libraries' constructors do before it is not artx's to handle.  Writes
 * to standard error do not count either, so that the message about the
 * failure still gets out.  A failed call returns what the real one
 * returns on failure, with the errno a real failure gives, and leaves a
 * stdio stream with its error flag set, as a real failure does.  Calls
 * libc makes inside itself (fopen's open, fwrite's write) do not go
 * through here: FUNC names the entry point a program or library calls.
 *
 * On a fatal signal, and on SIGTERM (what timeout(1) sends a run that
 * hangs), the shim prints the stack ("inject: signal N" and a frame a
 * line) before the process dies, so that the driver can tell a crash or
 * a hang inside a library from one in artx. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
    F_MALLOC, F_CALLOC, F_REALLOC, F_STRDUP, F_STRNDUP, F_FOPEN, F_FDOPEN, F_OPEN, F_OPENAT,
    F_READ, F_FREAD, F_WRITE, F_FWRITE, F_FFLUSH, F_FSYNC, F_FCLOSE, F_RENAME, F_MKSTEMP,
    F_CHMOD, F_COUNT
};

static const struct {
    const char *name;
    int err; /* what a real failure of this call sets */
} funcs[F_COUNT] = {
    [F_MALLOC] = {"malloc", ENOMEM},   [F_CALLOC] = {"calloc", ENOMEM},
    [F_REALLOC] = {"realloc", ENOMEM}, [F_STRDUP] = {"strdup", ENOMEM},
    [F_STRNDUP] = {"strndup", ENOMEM}, [F_FOPEN] = {"fopen", EACCES},
    [F_FDOPEN] = {"fdopen", ENOMEM},   [F_OPEN] = {"open", EACCES},
    [F_OPENAT] = {"openat", EACCES},   [F_READ] = {"read", EIO},
    [F_FREAD] = {"fread", EIO},        [F_WRITE] = {"write", ENOSPC},
    [F_FWRITE] = {"fwrite", ENOSPC},   [F_FFLUSH] = {"fflush", ENOSPC},
    [F_FSYNC] = {"fsync", EIO},        [F_FCLOSE] = {"fclose", ENOSPC},
    [F_RENAME] = {"rename", EACCES},   [F_MKSTEMP] = {"mkstemp", EACCES},
    [F_CHMOD] = {"chmod", EPERM},
};

/* Frames printed of a stack: libxslt recurses deeply, and the artx frame
 * that called into it must be among them. */
enum { STACK_FRAMES = 1024 };

static int armed;           /* main() has started */
static int target = -1;     /* the F_* to fail, -1 for none */
static unsigned long when;  /* the number of the call of `target` that fails */
static unsigned long calls[F_COUNT];
static int trace;           /* ARTX_INJECT_TRACE=1: print the failed call's stack */

/* True when this call of `f` is the one to fail; errno is then set. */
static int fail(int f)
{
    if (!__atomic_load_n(&armed, __ATOMIC_RELAXED))
        return 0;
    unsigned long n = __atomic_add_fetch(&calls[f], 1, __ATOMIC_RELAXED);
    if (f != target || n != when)
        return 0;
    if (trace) {
        void *frames[STACK_FRAMES];
        fprintf(stderr, "inject: call %lu of %s fails at\n", n, funcs[f].name);
        backtrace_symbols_fd(frames, backtrace(frames, STACK_FRAMES), STDERR_FILENO);
    }
    errno = funcs[f].err;
    return 1;
}

static void stream_failed(FILE *stream)
{
    int e = errno;
    if (stream)
        stream->_flags |= _IO_ERR_SEEN;
    errno = e;
}

/* dlsym() may allocate before the real allocator is known: those few
 * bytes come from here (each block after a 16-byte header holding its
 * size), and free() and realloc() recognise them. */
static _Alignas(16) unsigned char boot[16384];
static size_t boot_used;
static _Thread_local int resolving;

static void *boot_alloc(size_t n)
{
    size_t need = (n + 16 + 15) & ~(size_t)15;
    size_t at = __atomic_fetch_add(&boot_used, need, __ATOMIC_RELAXED);
    if (need < n || at + need > sizeof boot)
        return NULL;
    memcpy(boot + at, &n, sizeof n);
    return boot + at + 16;
}

static int is_boot(const void *p)
{
    return (const unsigned char *)p >= boot && (const unsigned char *)p < boot + sizeof boot;
}

/* The next definition of `name` (libc's, or a sanitizer's). */
static void *next(const char *name)
{
    resolving++;
    void *p = dlsym(RTLD_NEXT, name);
    resolving--;
    if (!p)
        abort();
    return p;
}

/* REAL(fn) declares `real`, the next definition of fn, with fn's type;
 * memcpy because ISO C has no cast from void * to a function pointer. */
#define REAL(fn)                                                                          \
    static __typeof__(fn) *real_##fn;                                                     \
    if (!real_##fn) {                                                                     \
        void *sym_ = next(#fn);                                                           \
        memcpy(&real_##fn, &sym_, sizeof sym_);                                           \
    }                                                                                     \
    __typeof__(fn) *real = real_##fn

void *malloc(size_t n)
{
    if (resolving)
        return boot_alloc(n);
    REAL(malloc);
    return fail(F_MALLOC) ? NULL : real(n);
}

void *calloc(size_t n, size_t size)
{
    if (resolving)
        return size && n > (size_t)-1 / size ? NULL : boot_alloc(n * size);
    REAL(calloc);
    return fail(F_CALLOC) ? NULL : real(n, size);
}

void *realloc(void *p, size_t n)
{
    if (is_boot(p)) {
        size_t old;
        memcpy(&old, (unsigned char *)p - 16, sizeof old);
        void *q = malloc(n);
        if (q)
            memcpy(q, p, old < n ? old : n);
        return q;
    }
    REAL(realloc);
    return fail(F_REALLOC) ? NULL : real(p, n);
}

/* While dlsym() looks free() itself up, what it frees is leaked: the
 * lookup must not recurse. */
void free(void *p)
{
    static __typeof__(free) *real;
    if (!p || is_boot(p) || (!real && resolving))
        return;
    if (!real) {
        void *sym = next("free");
        memcpy(&real, &sym, sizeof sym);
    }
    real(p);
}

char *strdup(const char *s)
{
    REAL(strdup);
    return fail(F_STRDUP) ? NULL : real(s);
}

char *strndup(const char *s, size_t n)
{
    REAL(strndup);
    return fail(F_STRNDUP) ? NULL : real(s, n);
}

FILE *fopen(const char *path, const char *mode)
{
    REAL(fopen);
    return fail(F_FOPEN) ? NULL : real(path, mode);
}

__typeof__(fopen) fopen64 __attribute__((alias("fopen")));

FILE *fdopen(int fd, const char *mode)
{
    REAL(fdopen);
    return fail(F_FDOPEN) ? NULL : real(fd, mode);
}

/* open's third argument is there only when the flags create a file. */
static mode_t mode_arg(int flags, va_list ap)
{
    return flags & (O_CREAT | O_TMPFILE) ? va_arg(ap, mode_t) : 0;
}

int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    REAL(open);
    return fail(F_OPEN) ? -1 : real(path, flags, mode);
}

/* On 64-bit glibc open64 is open, as fopen64 is fopen: one wrapper each. */
__typeof__(open) open64 __attribute__((alias("open")));

int openat(int dir, const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    REAL(openat);
    return fail(F_OPENAT) ? -1 : real(dir, path, flags, mode);
}

ssize_t read(int fd, void *buf, size_t n)
{
    REAL(read);
    return fail(F_READ) ? -1 : real(fd, buf, n);
}

size_t fread(void *buf, size_t size, size_t n, FILE *stream)
{
    REAL(fread);
    if (fail(F_FREAD)) {
        stream_failed(stream);
        return 0;
    }
    return real(buf, size, n, stream);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    REAL(write);
    return fd != STDERR_FILENO && fail(F_WRITE) ? -1 : real(fd, buf, n);
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *stream)
{
    REAL(fwrite);
    if (stream != stderr && fail(F_FWRITE)) {
        stream_failed(stream);
        return 0;
    }
    return real(buf, size, n, stream);
}

int fflush(FILE *stream)
{
    REAL(fflush);
    if (stream != stderr && fail(F_FFLUSH)) {
        stream_failed(stream);
        return EOF;
    }
    return real(stream);
}

int fsync(int fd)
{
    REAL(fsync);
    return fail(F_FSYNC) ? -1 : real(fd);
}

/* A close that fails has still closed the stream. */
int fclose(FILE *stream)
{
    REAL(fclose);
    if (fail(F_FCLOSE)) {
        int e = errno;
        real(stream);
        errno = e;
        return EOF;
    }
    return real(stream);
}

int rename(const char *from, const char *to)
{
    REAL(rename);
    return fail(F_RENAME) ? -1 : real(from, to);
}

int mkstemp(char *template)
{
    REAL(mkstemp);
    return fail(F_MKSTEMP) ? -1 : real(template);
}

int chmod(const char *path, mode_t mode)
{
    REAL(chmod);
    return fail(F_CHMOD) ? -1 : real(path, mode);
}

/* libxml2 seeds its hash tables from the clock, and the seed decides how
 * often they grow, so how many allocations a run makes: with a clock
 * that stands still, call N is the same call in every run, and a failure
 * found at N happens again. */
time_t time(time_t *t)
{
    time_t now = 1700000000;
    if (t)
        *t = now;
    return now;
}

static void choose(void)
{
    const char *spec = getenv("ARTX_INJECT");
    const char *colon = spec ? strchr(spec, ':') : NULL;
    if (!colon)
        return;
    for (int f = 0; f < F_COUNT; f++)
        if (strlen(funcs[f].name) == (size_t)(colon - spec) &&
            !strncmp(spec, funcs[f].name, (size_t)(colon - spec)))
            target = f;
    when = strtoul(colon + 1, NULL, 10);
    trace = getenv("ARTX_INJECT_TRACE") && !strcmp(getenv("ARTX_INJECT_TRACE"), "1");
    if (target < 0 || when == 0) {
        fprintf(stderr, "inject: ARTX_INJECT=%s is not FUNC:N\n", spec);
        exit(99);
    }
}

static void dying(int sig)
{
    char line[32];
    void *frames[STACK_FRAMES];
    int n = backtrace(frames, STACK_FRAMES);
    int len = snprintf(line, sizeof line, "inject: signal %d\n", sig);
    if (len > 0 && (size_t)len < sizeof line && write(STDERR_FILENO, line, (size_t)len) > 0)
        backtrace_symbols_fd(frames, n, STDERR_FILENO);
    raise(sig); /* delivered, with the default action, once this returns */
}

/* The handlers run on their own stack, so that a stack overflow is
 * reported too.  backtrace() and write() are called once first: their
 * first call loads the unwinder or looks write() up, which a signal
 * handler must not do. */
static void watch_signals(void)
{
    static _Alignas(16) unsigned char stack[65536];
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGTERM};
    void *frame;
    backtrace(&frame, 1);
    if (write(STDERR_FILENO, "", 0) < 0)
        return;
    stack_t ss = {.ss_sp = stack, .ss_size = sizeof stack};
    sigaltstack(&ss, NULL);
    struct sigaction sa = {.sa_handler = dying, .sa_flags = SA_ONSTACK | SA_RESETHAND};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaction(sigs[i], &sa, NULL);
}

static int (*real_main)(int, char **, char **);

static int armed_main(int argc, char **argv, char **envp)
{
    choose();
    watch_signals();
    __atomic_store_n(&armed, 1, __ATOMIC_RELAXED);
    return real_main(argc, argv, envp);
}

/* main() is only known here, where libc is about to call it. */
int __libc_start_main(int (*main_fn)(int, char **, char **), int argc, char **argv,
                      void (*init)(void), void (*fini)(void), void (*rtld_fini)(void),
                      void *stack_end)
{
    int (*start)(int (*)(int, char **, char **), int, char **, void (*)(void),
                 void (*)(void), void (*)(void), void *);
    void *sym = next("__libc_start_main");
    memcpy(&start, &sym, sizeof sym);
    real_main = main_fn;
    return start(armed_main, argc, argv, init, fini, rtld_fini, stack_end);
}

__attribute__((destructor)) static void report(void)
{
    const char *log = getenv("ARTX_INJECT_LOG");
    if (!armed || !log || strcmp(log, "1"))
        return;
    __atomic_store_n(&armed, 0, __ATOMIC_RELAXED);
    for (int f = 0; f < F_COUNT; f++)
        if (calls[f])
            fprintf(stderr, "inject: %s %lu\n", funcs[f].name, calls[f]);
}
