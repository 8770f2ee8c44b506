#!/usr/bin/python3
"""bench.py ARTX - artx's speed and memory, each beside a baseline measured in the same run.

    bench.py [--runs N] [--shared DIR] [--quick] ARTX

Prints a Markdown table (the README's "Performance" section is one of its runs) with
medians of N runs (default 5) of wall time and the peak resident memory of each run:

  - start-up: a 40-byte page and a 40 KB page, against `xsltproc --version`;
  - a batch: 300 pages made from SHARED/corpus (its pages, copied under new names) into
    EPUB with -j 1 and -j 2, against the floor of that work, libxml2 parsing the same
    pages in one process (`xmllint --html --xmlout --noout`);
  - one page per process, as a CAT tool calls artx, against pandoc (HTML -> EPUB), when
    pandoc is installed (apt-get install pandoc);
  - a 1 MB and a 10 MB article page (tests/bench/mkpage.py) into every format: time,
    peak memory, and the 10 MB / 1 MB ratio of each (linear: about 10).
--quick: 3 runs and no 10 MB page (a smoke test of the bench itself).
Performance goals live here, never in a timed test.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FORMATS = ["article", "text", "xliff", "xliff12", "docbook", "xhtml", "epub"]


def run(cmd):
    """One run: (wall seconds, peak RSS in MiB); raises when it fails.  What a
    baseline says on stderr is thrown away, as a user would (xmllint --html
    reports every page's tag soup); artx says nothing with -q."""
    quiet = os.path.basename(cmd[0]) != "artx"
    # stderr to a file: a pipe nobody reads until the end fills and blocks
    # the child.
    with tempfile.TemporaryFile() as ferr:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL if quiet else ferr)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        ferr.seek(0)
        err = ferr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {code}: {err.strip()[:300]}")
    return wall, usage.ru_maxrss / 1024


def median(cmd, runs):
    """Median wall time and the largest peak memory over `runs` runs."""
    samples = [run(cmd) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def per_process(cmds, runs):
    """Median over `runs` rounds of the time to run every command of `cmds` in turn."""
    rounds = []
    for _ in range(runs):
        t = time.perf_counter()
        for cmd in cmds:
            run(cmd)
        rounds.append(time.perf_counter() - t)
    return statistics.median(rounds)


def ms(s):
    return f"{s * 1000:.1f} ms"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("artx")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shared", default=os.environ.get("SHARED", "../shared"))
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    artx = os.path.abspath(a.artx)
    runs = 3 if a.quick else a.runs
    corpus = os.path.join(a.shared, "corpus")
    pages = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".html"))
    if not pages:
        sys.exit(f"bench.py: no pages in {corpus} (set SHARED)")
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    rows = []
    tmp = tempfile.mkdtemp(prefix="artx-bench.")
    try:
        # Start-up.
        tiny = os.path.join(tmp, "tiny.html")
        with open(tiny, "w") as f:
            f.write("<p>A page of one short sentence.</p>\n")
        page40 = os.path.join(tmp, "page40.html")
        subprocess.run([sys.executable, os.path.join(HERE, "mkpage.py"), "40K", page40],
                       check=True)
        base = median(["xsltproc", "--version"], runs) if shutil.which("xsltproc") else None
        for name, path in (("start-up: a 40-byte page", tiny), ("a 40 KB page", page40)):
            t, mem = median([artx, "-q", "-t", "xliff", "-T", "en", "-o",
                             os.path.join(tmp, "out.xlf"), path], runs)
            ref = f"`xsltproc --version` {ms(base[0])}" if base else "xsltproc missing"
            rows.append((f"{name} → XLIFF 2.0", f"{ms(t)}, {mem:.0f} MiB", ref, ""))

        # A batch of 300 pages.
        batch = os.path.join(tmp, "pages")
        os.mkdir(batch)
        names = []
        for i in range(300):
            src = pages[i % len(pages)]
            dst = os.path.join(batch, f"{i:03d}-{os.path.basename(src)}")
            shutil.copyfile(src, dst)
            names.append(dst)
        floor = median(["xmllint", "--html", "--xmlout", "--noout", *names], runs)
        for j in (1, 2):
            out = os.path.join(tmp, f"epub-{j}")
            os.mkdir(out)
            t, mem = median([artx, "-q", "-j", str(j), "-t", "epub", "-o", out, *names], runs)
            rows.append((f"300 corpus pages → EPUB, one process, -j {j}",
                         f"{t:.2f} s ({ms(t / 300)}/page), {mem:.0f} MiB",
                         f"xmllint --html over them: {floor[0]:.2f} s",
                         f"{t / floor[0]:.2f}× the floor"))

        # One page per process.
        some = pages[:10]
        per = per_process([[artx, "-q", "-t", "epub", "-o", os.path.join(tmp, "one.epub"), p]
                           for p in some], runs) / len(some)
        if shutil.which("pandoc"):
            pan = per_process([["pandoc", "-f", "html", "-t", "epub", "-o",
                                os.path.join(tmp, "pandoc.epub"), p] for p in some],
                              runs) / len(some)
            rows.append(("one page per process → EPUB (10 corpus pages)", f"{ms(per)}/page",
                         f"pandoc: {ms(pan)}/page", f"{pan / per:.0f}× faster"))
        else:
            print("bench.py: ***** pandoc is missing: apt-get install -y pandoc *****",
                  file=sys.stderr)
            rows.append(("one page per process → EPUB (10 corpus pages)", f"{ms(per)}/page",
                         "pandoc not installed", ""))

        # Big articles.
        sizes = ["1M"] if a.quick else ["1M", "10M"]
        big = {}
        for size in sizes:
            path = os.path.join(tmp, f"page-{size}.html")
            subprocess.run([sys.executable, os.path.join(HERE, "mkpage.py"), size, path],
                           check=True)
            for fmt in FORMATS:
                big[size, fmt] = median([artx, "-q", "-t", fmt, "-T", "en", "-o",
                                         os.path.join(tmp, f"big.{fmt}"), path], runs)
        for fmt in FORMATS:
            t1, m1 = big["1M", fmt]
            cell10 = ratio = ""
            if ("10M", fmt) in big:
                t10, m10 = big["10M", fmt]
                cell10 = f"{t10:.2f} s, {m10:.0f} MiB"
                ratio = f"time {t10 / t1:.1f}×, memory {m10 / m1:.1f}×"
            rows.append((f"1 MB page → {fmt}", f"{t1:.2f} s, {m1:.0f} MiB",
                         f"10 MB: {cell10}" if cell10 else "", ratio))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    print(f"Machine: {os.cpu_count()} cores, {cpu}; medians of {runs} runs, "
          f"peak memory the largest of them.\n")
    print("| work | artx | baseline, same run | ratio |")
    print("| --- | --- | --- | --- |")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
