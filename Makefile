# artx - GNU make.  `make` builds build/artx; `make check` runs every test.
# MODE=asan builds with AddressSanitizer and UBSan into build/asan/.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATAROOTDIR ?= $(PREFIX)/share
MANDIR ?= $(DATAROOTDIR)/man
DATADIR ?= $(DATAROOTDIR)/artx
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
# libxslt's plugin folder when installing into /usr (pkg-config's pluginsdir, else Debian's
# multiarch path); under any other PREFIX, $(PREFIX)/lib/libxslt-plugins, which hosts then
# find through LIBXSLT_PLUGINS_PATH.
ifeq ($(PREFIX),/usr)
MULTIARCH := $(shell $(CC) -print-multiarch 2>/dev/null)
PLUGINDIR ?= $(or $(shell $(PKG_CONFIG) --variable=pluginsdir libxslt 2>/dev/null),$(if $(MULTIARCH),/usr/lib/$(MULTIARCH),/usr/lib)/libxslt-plugins)
else
PLUGINDIR ?= $(PREFIX)/lib/libxslt-plugins
endif
# Shell completion, where bash-completion (through XDG_DATA_DIRS) and zsh (its site-functions
# in fpath) look under /usr/local and /usr; into /usr, bash-completion's own completionsdir.
ifeq ($(PREFIX),/usr)
BASHCOMPLETIONDIR ?= $(or $(shell $(PKG_CONFIG) --variable=completionsdir bash-completion 2>/dev/null),$(DATAROOTDIR)/bash-completion/completions)
endif
BASHCOMPLETIONDIR ?= $(DATAROOTDIR)/bash-completion/completions
ZSHCOMPLETIONDIR ?= $(DATAROOTDIR)/zsh/site-functions
DESTDIR ?=

CC ?= cc
FUZZ_CC ?= clang
PKG_CONFIG ?= pkg-config
PYTHON ?= /usr/bin/python3
# Third-party test material (pages, schemas, SRX files, gold sets), never
# copied into the repository; every test finds it through $SHARED.
SHARED ?= ../shared
export SHARED
PKGS := libxml-2.0 libxslt libexslt zlib icu-uc icu-i18n json-c

MODE ?= release
ifeq ($(MODE),tsan)
BUILD := build/tsan
OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=thread
LDSAN := -fsanitize=thread
else ifeq ($(MODE),asan)
BUILD := build/asan
OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDSAN := -fsanitize=address,undefined
else ifeq ($(MODE),fuzz)
# The library for libFuzzer (make fuzz): clang, coverage, ASan and UBSan.
BUILD := build/fuzz
CC := $(FUZZ_CC)
OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=undefined
LDSAN := -fsanitize=address,undefined
else
BUILD := build
OPT := -O2 -g
LDSAN :=
endif

WARN := -Wall -Wextra -Wpedantic -Wshadow
ifeq ($(CI),true)
WARN += -Werror
endif

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS))
# libartx's version and soname: the soname's number changes when the ABI
# of artx.h breaks.
VERSION := $(shell sed -n 's/^\#define ARTX_VERSION "\(.*\)"/\1/p' src/artx.h)
SOVERSION := 0
SHLIB := libartx.so.$(SOVERSION)

ALL_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -pthread $(WARN) $(OPT) -fPIC -fvisibility=hidden \
	-Isrc $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS := -pthread $(LDSAN) $(LDFLAGS)

# Every file of src/ but the CLI is the library.
CLI_SRC := src/main.c src/options.c
LIB_SRC := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/stylesheets.o
XSL := $(wildcard xslt/*.xsl xslt/*.css xslt/*.srx xslt/*.rng)
PLUGIN := $(BUILD)/plugin/artx_example_xslt.so
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/%,$(filter-out tests/unit/harness.c,$(wildcard tests/unit/test_*.c)))


.PHONY: srx-rules check-generated inject seg-gold
.PHONY: all lib plugin plugin-test install-test tsan helgrind stylesheets check test unit golden corpus badinput cli batch pathological leakcheck validate roundtrip omegat readers npm-xliff translate-toolkit browser bench score fuzz fuzz-ci fuzz-run fuzz-replay demo asan install uninstall clean golden-update
.DELETE_ON_ERROR:

all: $(BUILD)/artx plugin lib

# libartx, static and shared, and its pkg-config file.
lib: $(BUILD)/libartx.a $(BUILD)/$(SHLIB) $(BUILD)/artx.pc

# The libxslt extension module: libartx's PIC objects behind one exported entry point
# (--exclude-libs hides the library's own exported API).
plugin: $(PLUGIN)

$(BUILD)/obj/plugin/artx_ext.o: plugin/artx_ext.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(PLUGIN): $(BUILD)/obj/plugin/artx_ext.o $(BUILD)/libartx.a
	@mkdir -p $(@D)
	$(CC) -shared $(ALL_LDFLAGS) -Wl,--no-undefined -Wl,--as-needed -Wl,-z,nodelete -Wl,--exclude-libs,ALL -o $@ $^ $(PKG_LIBS)

# Header dependencies come from the compiler (-MMD): touching a header
# rebuilds what includes it and nothing else.
$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/obj/plugin/*.d)

$(BUILD)/obj/stylesheets.c: tools/embed.sh $(XSL)
	@mkdir -p $(@D)
	sh tools/embed.sh $@ $(XSL)

$(BUILD)/obj/stylesheets.o: $(BUILD)/obj/stylesheets.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libartx.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

# Only what artx.h marks ARTX_EXPORT is visible (-fvisibility=hidden).
$(BUILD)/$(SHLIB): $(LIB_OBJ)
	$(CC) -shared $(ALL_LDFLAGS) -Wl,-soname,$(SHLIB) -Wl,--no-undefined -o $@ $^ $(PKG_LIBS)

# libdir and includedir are written relative to ${prefix} where they lie
# under it, so that pkg-config --define-variable=prefix=... relocates them.
$(BUILD)/artx.pc: artx.pc.in src/artx.h Makefile
	sed -e 's|@LIBDIR@|$(patsubst $(PREFIX)%,$${prefix}%,$(LIBDIR))|' \
		-e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)%,$${prefix}%,$(INCLUDEDIR))|' \
		-e 's|@PREFIX@|$(PREFIX)|; s|@VERSION@|$(VERSION)|' $< >$@

$(BUILD)/artx: $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/libartx.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/test_%: tests/unit/test_%.c $(wildcard tests/unit/*.h) $(BUILD)/libartx.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libartx.a $(PKG_LIBS)

# The Java-regex translator is pure string code: its test links that one
# object and no library, so it proves it runs without ICU.
$(BUILD)/test_srx_java: tests/unit/test_srx_java.c tests/unit/harness.h $(BUILD)/obj/srx_java.o
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/obj/srx_java.o

# The README's first command: build, then convert the bundled sample.
demo: $(BUILD)/artx
	$(BUILD)/artx samples/board-dump.txt

check: unit golden badinput cli batch stylesheets corpus validate roundtrip omegat readers browser fuzz-replay plugin-test \
	install-test pathological seg-gold $(if $(LDSAN),,inject)
test: check

# make install DESTDIR=... and the README's C program built against it.
install-test: all
	MODE=$(MODE) SAN_FLAGS="$(LDSAN)" sh tests/install.sh

# xsltproc and Python's lxml with LIBXSLT_PLUGINS_PATH=$(BUILD)/plugin against the CLI.
plugin-test: $(BUILD)/artx $(PLUGIN)
	sh tests/plugin/run.sh $(BUILD)

unit: $(UNIT_TESTS)
	@rc=0; for t in $(UNIT_TESTS); do $$t || rc=1; done; exit $$rc

golden: $(BUILD)/artx
	sh tests/golden.sh $(BUILD)/artx

golden-update: $(BUILD)/artx
	sh tests/golden.sh $(BUILD)/artx --update

badinput: $(BUILD)/artx
	sh tests/badinput.sh $(BUILD)/artx

# The command line as users meet it (tests/cli/*.sh): options, merges, -v.
cli: $(BUILD)/artx plugin
	@rc=0; for t in tests/cli/*.sh; do sh $$t $(BUILD)/artx || rc=1; done; exit $$rc

# Several inputs at once: -j N gives the bytes of -j 1, failures, summary, --stat.
batch: $(BUILD)/artx
	sh tests/batch.sh $(BUILD)/artx

# Error injection: an LD_PRELOAD shim fails one libc call of a run at a
# time.  A sanitizer's runtime cannot have it preloaded (tests/inject.sh
# says so and skips), so check runs it on the plain build only.
$(BUILD)/inject.so: tests/inject/inject.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) -O2 -g -shared -fPIC -o $@ $< -ldl

inject: $(BUILD)/artx $(BUILD)/inject.so
	sh tests/inject.sh $(BUILD)/artx

# --stylesheets DIR: customised and shared stylesheets, document(), confinement.
stylesheets: $(BUILD)/artx
	sh tests/stylesheets.sh $(BUILD)/artx

# Hostile inputs written at test time (issue 10), each under a time limit and a memory
# cap; the log has exit, time and peak memory per case.  Not in check: many fail today.
pathological: $(BUILD)/artx
	sh tests/pathological/run.sh $(BUILD)/artx

# Every page in every output format, through the real validators.
validate: $(BUILD)/artx
	sh tests/validate.sh $(BUILD)/artx

# Extract, translate (identity, CAT-tool-style, pseudo), merge back.
roundtrip: $(BUILD)/artx
	$(PYTHON) tests/roundtrip.py --artx $(BUILD)/artx

# A real CAT tool: OmegaT translates artx's XLIFF 1.2 from a TMX; artx merges.
omegat: $(BUILD)/artx
	sh tests/omegat.sh $(BUILD)/artx

# XLIFF readers that are not ours (tests/readers.py): the npm package xliff
# (after npm ci --prefix tests/readers) and translate-toolkit.
readers: npm-xliff translate-toolkit

npm-xliff: $(BUILD)/artx
	$(PYTHON) tests/readers.py --tool npm-xliff --artx $(BUILD)/artx

translate-toolkit: $(BUILD)/artx
	$(PYTHON) tests/readers.py --tool translate-toolkit --artx $(BUILD)/artx

# The XHTML page and the EPUB's content document in headless Chromium at a
# phone's width: no horizontal overflow, every caption shown below its image;
# the screenshots stay in $(BUILD)/browser/.
browser: $(BUILD)/artx
	$(PYTHON) tests/browser.py --artx $(BUILD)/artx --out $(BUILD)/browser

corpus: $(BUILD)/artx
	$(PYTHON) tests/corpus.py --artx $(BUILD)/artx
	$(PYTHON) tests/corpus.py --artx $(BUILD)/artx --corpus samples

# The fuzz targets, tests/fuzz/fuzz_TARGET.c: each has its seeds in
# tests/fuzz/corpus/TARGET/ and its dictionary in tests/fuzz/TARGET.dict.
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

$(BUILD)/fuzz-replay-%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c $(BUILD)/libartx.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tests/fuzz/replay.c tests/fuzz/fuzz_$*.c \
		$(BUILD)/libartx.a $(PKG_LIBS)

# Every target over its seed corpus, the front end over the samples too
# (no clang needed).
fuzz-replay: $(FUZZ_TARGETS:%=$(BUILD)/fuzz-replay-%)
	@rc=0; for t in $(FUZZ_TARGETS); do \
		$(BUILD)/fuzz-replay-$$t tests/fuzz/corpus/$$t/* || rc=1; \
	done; \
	$(BUILD)/fuzz-replay-front -o 5 samples/* || rc=1; \
	exit $$rc

# libFuzzer with ASan and UBSan, FUZZ_SECONDS a target, in build/fuzz/
# whatever MODE says.  fuzz-ci is the short run CI makes.
FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) MODE=fuzz CC=$(FUZZ_CC) fuzz-run
fuzz-ci:
	$(MAKE) MODE=fuzz CC=$(FUZZ_CC) FUZZ_SECONDS=30 fuzz-run

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/libartx.a
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libartx.a $(PKG_LIBS)

# (MODE=fuzz) Each target on its seeds and a work corpus of its own, where
# libFuzzer keeps what it finds (the seeds are never written).  A crash, a
# leak, an input slower than 10 s or a process over 1 GB fails the target
# and leaves the input in $(BUILD)/artifacts/; the other targets still run.
fuzz-run: $(FUZZ_TARGETS:%=$(BUILD)/fuzz_%)
	@mkdir -p $(BUILD)/artifacts
	@rc=0; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(BUILD)/work/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		$(BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=1024 \
			-max_len=65536 -print_final_stats=1 -dict=tests/fuzz/$$t.dict \
			-artifact_prefix=$(BUILD)/artifacts/$$t- $(BUILD)/work/$$t tests/fuzz/corpus/$$t \
			|| { echo "FAIL fuzz_$$t: its input is in $(BUILD)/artifacts/"; rc=1; }; \
	done; \
	exit $$rc

# The built-in SRX rules are generated from a template that expands long
# character classes; both are committed.  A plain `make` never rewrites
# them: `make srx-rules` does, and `make check-generated` (run by CI) fails
# when the committed file is not what the template gives.
srx-rules:
	$(PYTHON) tools/srx-expand.py

check-generated:
	@t=$$(mktemp -d) && trap 'rm -rf "$$t"' EXIT && \
	$(PYTHON) tools/srx-expand.py --output "$$t/artx-segment.srx" && \
	if cmp -s "$$t/artx-segment.srx" xslt/artx-segment.srx; then \
		echo "PASS xslt/artx-segment.srx is current"; \
	else \
		echo "FAIL xslt/artx-segment.srx differs from tools/artx-segment.srx.in: run make srx-rules"; exit 1; \
	fi

$(BUILD)/segbench: tests/bench/segbench.c $(BUILD)/libartx.a
	$(CC) $(ALL_CFLAGS) -O2 $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libartx.a $(PKG_LIBS)

# The project's own gold sets (tests/seg/*.json, issue 14) and the shared
# ones, each held to its floor in tests/seg/floors (in check).
seg-gold: $(BUILD)/segbench
	sh tests/seg/floors.sh $(BUILD)/segbench $(SHARED)

# Segmentation quality and speed on the gold sets (medians of RUNS runs on
# a text of at least MB megabytes).  Goals: README, "Performance".
RUNS ?= 5
MB ?= 8
# The baseline, measured in the same run: Okapi's ICU-based SRX file.
bench: $(BUILD)/segbench $(BUILD)/artx
	$(PYTHON) tests/bench/bench.py --runs $(RUNS) --shared $(SHARED) $(BUILD)/artx
	$(BUILD)/segbench -r $(RUNS) -m $(MB) $(SHARED)/seg/gold/ko_kss_*.json \
		$(SHARED)/seg/gold/en_golden_pysbd48.json tests/seg/*.json
	$(BUILD)/segbench -r $(RUNS) -m $(MB) -s $(SHARED)/seg/srx/okapi_okapi_default_icu4j.srx \
		$(SHARED)/seg/gold/ko_kss_*.json $(SHARED)/seg/gold/en_golden_pysbd48.json tests/seg/*.json

# How well the article is found (issue 11): token-shingle F1 on corpus-web,
# readability.js beside it (after npm ci --prefix tests/score, Node >= 20),
# and the corpus's gold fields.  A measurement: make check holds the fields.
score: $(BUILD)/artx
	SHARED=$(SHARED) $(PYTHON) tests/score.py --artx $(BUILD)/artx

# valgrind on the CLI: the samples, and with CORPUS=1 the shared corpus too.
leakcheck: $(BUILD)/artx
	sh tests/leakcheck.sh $(BUILD)/artx samples/* $(if $(CORPUS),$(SHARED)/corpus/*)

asan:
	$(MAKE) MODE=asan check

# The threaded unit test under helgrind too (minutes; tests/helgrind.supp
# names what it reports inside libxslt and libxml2).
helgrind: $(BUILD)/test_threads
	valgrind --tool=helgrind --suppressions=tests/helgrind.supp --num-callers=40 --error-exitcode=9 \
		$(BUILD)/test_threads

# The threaded unit test under ThreadSanitizer.
tsan:
	$(MAKE) MODE=tsan build/tsan/test_threads
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" build/tsan/test_threads

install: $(BUILD)/artx $(PLUGIN) lib
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/xslt
	install -m 755 $(BUILD)/artx $(DESTDIR)$(BINDIR)/artx
	install -m 644 artx.1 $(DESTDIR)$(MANDIR)/man1/artx.1
	install -d $(DESTDIR)$(PLUGINDIR)
	install -m 644 $(PLUGIN) $(DESTDIR)$(PLUGINDIR)/artx_example_xslt.so
	install -m 644 $(XSL) $(DESTDIR)$(DATADIR)/xslt/
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 644 $(BUILD)/libartx.a $(DESTDIR)$(LIBDIR)/libartx.a
	install -m 755 $(BUILD)/$(SHLIB) $(DESTDIR)$(LIBDIR)/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(LIBDIR)/libartx.so
	install -m 644 src/artx.h $(DESTDIR)$(INCLUDEDIR)/artx.h
	install -m 644 $(BUILD)/artx.pc $(DESTDIR)$(PKGCONFIGDIR)/artx.pc
	install -d $(DESTDIR)$(BASHCOMPLETIONDIR) $(DESTDIR)$(ZSHCOMPLETIONDIR)
	install -m 644 completion/artx.bash $(DESTDIR)$(BASHCOMPLETIONDIR)/artx
	install -m 644 completion/_artx $(DESTDIR)$(ZSHCOMPLETIONDIR)/_artx

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/artx $(DESTDIR)$(MANDIR)/man1/artx.1
	rm -f $(DESTDIR)$(PLUGINDIR)/artx_example_xslt.so
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(LIBDIR)/libartx.a $(DESTDIR)$(LIBDIR)/$(SHLIB) $(DESTDIR)$(LIBDIR)/libartx.so
	rm -f $(DESTDIR)$(INCLUDEDIR)/artx.h $(DESTDIR)$(PKGCONFIGDIR)/artx.pc
	rm -f $(DESTDIR)$(BASHCOMPLETIONDIR)/artx $(DESTDIR)$(ZSHCOMPLETIONDIR)/_artx

clean:
	rm -rf build
