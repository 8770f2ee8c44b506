"""Corpus test for artx: run `artx -t article` on every page in the corpus.

For each page (every file in the corpus dir except *.json):
  run     artx exits 0 and writes non-empty output
  schema  the output validates against the RELAX NG schema (xmllint)
and, when NAME.expected.json sits beside the page, the article is compared
with the gold field by field: title, date, lang, authors, paragraphs,
boxes, captions, images.  Each check prints one PASS/FAIL/SKIP line; the
last line is "N passed, M failed[, K skipped]".  Exit status 1 on failure.

Usage: tests/corpus.py [--artx PATH] [--rng PATH] [--corpus DIR] [FILE...]
DIR defaults to $SHARED/corpus, SHARED to ../shared beside the repository.
"""
import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED") or os.path.join(os.path.dirname(REPO), "shared")

NS = "{urn:artx:article}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?"
                 r"(Z|[+-]\d{2}:\d{2})?)?)?)?$")


class Report:
    passed = failed = skipped = 0

    def check(self, page, name, error):
        """One result line; error is None for a pass, else the failure message."""
        if error is None:
            self.passed += 1
            print(f"PASS {page}: {name}")
        else:
            self.failed += 1
            print(f"FAIL {page}: {error}")

    def skip(self, page, name, why):
        self.skipped += 1
        print(f"SKIP {page}: {name}: {why}")


# ---------------------------------------------------------------- text helpers

def collapse(s):
    """Collapse every run of Unicode whitespace (NBSP included) to one space."""
    return " ".join(s.split())


def string_value(el):
    """XPath string value of an element, with each <br/> counted as a space."""
    parts = [el.text or ""]
    for child in el:
        parts.append(" " if child.tag == NS + "br" else string_value(child))
        parts.append(child.tail or "")
    return "".join(parts)


def text_of(el):
    """Collapsed text of a block ("" for a missing element)."""
    return "" if el is None else collapse(string_value(el))


def clip(s, width=70):
    return s if len(s) <= width else s[:width] + "..."


def diff(expected, got, width=70):
    """Short message showing expected vs got around the first difference."""
    if len(expected) <= width and len(got) <= width:
        return f"expected {expected!r} got {got!r}"
    k = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b),
             min(len(expected), len(got)))
    start = max(0, k - 20)

    def window(s):
        return (("..." if start else "") + s[start:start + width]
                + ("..." if start + width < len(s) else ""))
    return (f"differ at char {k} (lengths {len(expected)}/{len(got)}): "
            f"expected {window(expected)!r} got {window(got)!r}")


def compare_lists(label, expected, got):
    """None if equal, else the first mismatch plus any missing/extra items."""
    counts = f"expected {len(expected)} {label}s, got {len(got)}"
    for i, (e, g) in enumerate(zip(expected, got), 1):
        if e != g:
            same = len(expected) == len(got)
            return f"{label} {i}: {diff(e, g)}" + ("" if same else f" ({counts})")
    n = min(len(expected), len(got))
    if len(expected) > n:
        return f"{label}s: {counts}; first missing is {label} {n + 1}: {clip(expected[n])!r}"
    if len(got) > n:
        return f"{label}s: {counts}; first extra is {label} {n + 1}: {clip(got[n])!r}"
    return None


# ---------------------------------------------------------------- dates

def parse_iso(s):
    """(datetime, has_time, has_offset) for an ISO 8601 date or date-time, else None."""
    m = ISO.match(s.strip())
    if not m or not m.group(3):
        return None
    y, mo, d, hh, mm, ss, off = m.groups()
    try:
        tz = None
        if off:  # "Z" or "+HH:MM"
            minutes = int(off[1:3] or 0) * 60 + int(off[4:6] or 0)
            tz = dt.timezone(dt.timedelta(minutes=-minutes if off[0] == "-" else minutes))
        stamp = dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0),
                            tzinfo=tz)
    except ValueError:  # e.g. month 13, hour 25
        return None
    return stamp, hh is not None, tz is not None


def check_date(gold, got):
    want = gold["date"]
    if got is None:
        return f"date: expected {want!r}, no head/published"
    e, g = parse_iso(want), parse_iso(got)
    if e is None:
        return f"date: cannot parse expected {want!r}"
    msg = f"date: expected {want!r} got {got!r}"
    if g is None:
        return msg + " (not a valid ISO 8601 date with day)"
    (e_stamp, e_time, e_off), (g_stamp, g_time, g_off) = e, g
    g_date = g_stamp.date()
    if e_off and g_off:  # the calendar date as seen in the expected value's offset
        g_date = g_stamp.astimezone(e_stamp.tzinfo).date()
    if g_date != e_stamp.date():
        return msg + " (date differs)"
    if not e_time or gold.get("date_is_inferred"):
        return None
    if not g_time:
        return msg + " (no time)"
    if e_off and not g_off:
        return msg + " (no UTC offset)"
    if not e_off:  # expected is a wall-clock time: compare wall clocks
        g_stamp = g_stamp.replace(tzinfo=None)
    return None if g_stamp == e_stamp else msg + " (different instant)"


# ---------------------------------------------------------------- gold checks

def gold_checks(gold, root):
    """Yield (name, error-or-None) for each field present in the gold."""
    head, body = root.find(NS + "head"), root.find(NS + "body")
    head = head if head is not None else ET.Element("head")
    body = body if body is not None else ET.Element("body")

    if "title" in gold:
        want, got = collapse(gold["title"]), text_of(head.find(NS + "title"))
        yield "title", None if want == got else f"title: {diff(want, got)}"

    if "date" in gold:
        published = head.find(NS + "published")
        yield "date", check_date(gold, None if published is None else text_of(published))

    if "lang" in gold:
        want = gold["lang"].split("-")[0].lower()
        got = root.get(XML_LANG, "")
        ok = got.split("-")[0].lower() == want
        yield "lang", None if ok else f"lang: expected {want!r} got {got!r}"

    byline = gold.get("byline") or {}
    if byline.get("authors"):
        ours = [(text_of(a), a.get("email")) for a in head.findall(NS + "author")]
        emails = byline.get("emails") or []
        error = None
        for i, name in enumerate(byline["authors"]):
            email = emails[i] if i < len(emails) else None
            if not any(n == collapse(name) and (email is None or m == email) for n, m in ours):
                who = f"{name!r}" + (f" <{email}>" if email else "")
                error = f"authors: missing {who}; got {ours!r}"
                break
        yield "authors", error

    if "paragraphs" in gold:
        got = [text_of(p) for p in body.findall(NS + "p")]
        want = [collapse(p) for p in gold["paragraphs"]]
        yield "paragraphs", compare_lists("paragraph", want, got)

    if gold.get("boxes"):
        quotes = [[text_of(p) for p in q.findall(NS + "p")]
                  for q in body.findall(NS + "blockquote")]
        pos = 0
        for i, box in enumerate(gold["boxes"], 1):
            want = [collapse(p) for p in box.get("paragraphs", [])]
            hit = next((j for j in range(pos, len(quotes)) if quotes[j] == want), None)
            if hit is not None:
                pos = hit + 1
                yield f"box {i}", None
            elif pos >= len(quotes):
                yield f"box {i}", f"box {i}: no (further) blockquote in body ({len(quotes)} in all)"
            else:
                error = compare_lists("paragraph", want, quotes[pos])
                yield f"box {i}", f"box {i} (vs blockquote {pos + 1}): {error}"

    if "captions" in gold:
        yield "captions", check_captions(gold["captions"], body)

    if gold.get("images"):
        want = [im["src"] if isinstance(im, dict) else im for im in gold["images"]]
        got = [img.get("src", "") for img in body.iter(NS + "img")]
        yield "images", compare_lists("image", want, got)


def check_captions(expected, body):
    ours = []
    for fig in body.findall(NS + "figure"):
        caption = text_of(fig.find(NS + "caption"))
        if caption:
            ours.append((caption, text_of(fig.find(NS + "credit"))))
    if len(ours) != len(expected):
        return (f"captions: expected {len(expected)} captioned figures, got {len(ours)}: "
                f"{[c for c, _ in ours]!r}"[:300])
    for i, (want, (caption, credit)) in enumerate(zip(expected, ours), 1):
        want = collapse(want)
        accepted = {caption}
        if credit:
            accepted |= {caption + " " + credit, caption + credit}
        if want not in accepted:
            best = caption + " " + credit if credit else caption
            return f"caption {i}: {diff(want, best)}"
    return None


# ---------------------------------------------------------------- driver

def validate(xml, rng):
    """None when valid, else a short error message."""
    proc = subprocess.run(["xmllint", "--noout", "--relaxng", rng, "-"],
                          input=xml, capture_output=True, timeout=60)
    if proc.returncode == 0:
        return None
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return "schema: " + " | ".join(lines[:3])


def stem(name):
    """File name without its last extension: seed.txt -> seed."""
    return name.rsplit(".", 1)[0]


def test_page(path, args, report):
    page = stem(os.path.basename(path))
    gold_path = os.path.join(os.path.dirname(path), page + ".expected.json")
    try:
        proc = subprocess.run([args.artx, "-t", "article", path], capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        report.check(page, "run", f"run: cannot run {args.artx}: {e}")
        return
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0 or not proc.stdout.strip():
        report.check(page, "run", f"run: exit {proc.returncode}, {len(proc.stdout)} bytes out; "
                                  f"stderr: {stderr[:300]!r}")
        return
    report.check(page, "run", None)

    if shutil.which("xmllint") is None:
        if os.environ.get("CI") == "true":
            report.check(page, "schema", "schema: xmllint missing (install libxml2-utils)")
        else:
            report.skip(page, "schema", "xmllint missing (install libxml2-utils)")
    else:
        report.check(page, "schema", validate(proc.stdout, args.rng))

    if not os.path.exists(gold_path):
        return
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    try:
        root = ET.fromstring(proc.stdout)
    except ET.ParseError as e:
        report.check(page, "parse", f"parse: output is not well-formed XML: {e}")
        return
    if root.tag != NS + "article":
        report.check(page, "parse", f"parse: root is {root.tag!r}, not {NS}article")
        return
    for name, error in gold_checks(gold, root):
        report.check(page, name, error)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--artx", default="build/artx")
    ap.add_argument("--rng", default="xslt/article.rng")
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpus"))
    ap.add_argument("files", nargs="*", help="restrict to these corpus files")
    args = ap.parse_args()
    sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    report = Report()

    if shutil.which("xmllint") is None:
        print("!" * 72 + "\n!!! xmllint not found: schema validation "
              + ("FAILS (CI=true)" if os.environ.get("CI") == "true" else "is SKIPPED")
              + ".\n!!! Install the Debian package libxml2-utils.\n" + "!" * 72)
    if shutil.which(args.artx) is None:
        report.check("artx", "binary",
                     f"artx binary not found or not executable: {args.artx} (build it first)")
    elif not os.path.isdir(args.corpus):
        report.check("corpus", "dir", f"corpus directory not found: {args.corpus}")
    else:
        pages = sorted(n for n in os.listdir(args.corpus)
                       if not n.endswith(".json") and not n.startswith(".")
                       and os.path.isfile(os.path.join(args.corpus, n)))
        wanted = {os.path.basename(f) for f in args.files}  # file names or stems
        for name in sorted(wanted - set(pages) - {stem(p) for p in pages}):
            report.check(name, "exists", f"not a page in {args.corpus}")
        for name in pages:
            if not wanted or name in wanted or stem(name) in wanted:
                test_page(os.path.join(args.corpus, name), args, report)

    print(f"{report.passed} passed, {report.failed} failed"
          + (f", {report.skipped} skipped" if report.skipped else ""))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
