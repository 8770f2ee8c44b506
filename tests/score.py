#!/usr/bin/env python3
"""score.py - how well artx finds the article, on pages whose article text
someone else marked (issue 11's measure, `make score`):

  - $SHARED/corpus-web/: 65 web pages with the text Mozilla's readability
    keeps (expected.html).  artx's `-t text` (its title block dropped) is
    scored against it by token-shingle F1: tokens are \\w+ (Unicode), a
    page's shingles the multiset of its runs of 4 tokens (a shorter text is
    one shingle); per page precision and recall, their means over the pages,
    and the F1 of the two means.  readability.js itself (npm, run by
    tests/score/readability.mjs) is scored the same way beside it when Node
    and the packages of tests/score/ are installed; it is not a gold
    standard, only a peer.
  - $SHARED/corpus/*.expected.json: the hand-checked fields, counted as
    corpus.py checks them.

Prints one line per page that loses (F1 < 0.9), then the totals.  Exits 0:
this is a measurement, not a test; `make check` holds the fields to their
gold.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

import lxml.html

TOKEN = re.compile(r"\w+", re.UNICODE)
HERE = os.path.dirname(os.path.abspath(__file__))


def shingles(text, n=4):
    tokens = [t.lower() for t in TOKEN.findall(text)]
    if not tokens:
        return collections.Counter()
    if len(tokens) < n:
        return collections.Counter([tuple(tokens)])
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def precision_recall(got, want):
    g, w = shingles(got), shingles(want)
    common = sum((g & w).values())
    p = common / sum(g.values()) if g else (1.0 if not w else 0.0)
    r = common / sum(w.values()) if w else (1.0 if not g else 0.0)
    return p, r


def html_text(path):
    """The text of an expected.html: UTF-8, which the file does not declare."""
    with open(path, "rb") as f:
        doc = lxml.html.fromstring(f.read().decode("utf-8", "replace"))
    return doc.text_content()


def artx_text(artx, page):
    """artx -t text, without the title block (everything up to the first
    blank line); None when artx fails."""
    r = subprocess.run([artx, "-q", "-t", "text", page], capture_output=True)
    if r.returncode != 0:
        return None, r.stderr.decode("utf-8", "replace").strip()
    text = r.stdout.decode("utf-8", "replace")
    head, sep, body = text.partition("\n\n")
    return (body if sep else ""), ""


def readability_texts(pages):
    """{page: text} from readability.js, or None (with the reason) when it
    cannot run here."""
    script = os.path.join(HERE, "score", "readability.mjs")
    modules = os.path.join(HERE, "score", "node_modules")
    if not os.path.isdir(modules):
        return None, "tests/score/node_modules missing: run `npm ci --prefix tests/score` (Node >= 20)"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(pages, f)
        listing = f.name
    try:
        r = subprocess.run(["node", script, listing], capture_output=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"node: {e}"
    finally:
        os.unlink(listing)
    if r.returncode != 0:
        return None, "readability.mjs: " + r.stderr.decode("utf-8", "replace").strip()[-300:]
    return json.loads(r.stdout), ""


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def web_score(artx, shared, show):
    root = os.path.join(shared, "corpus-web")
    names = sorted(n for n in os.listdir(root) if os.path.isfile(os.path.join(root, n, "source.html")))
    pages = [os.path.join(root, n, "source.html") for n in names]
    peer, why = readability_texts(pages)
    rows = {"artx": [], "readability.js": []}
    empty = []
    for name, page in zip(names, pages):
        want = html_text(os.path.join(root, name, "expected.html"))
        got, err = artx_text(artx, page)
        if got is None or not TOKEN.search(got):
            empty.append(name)
        p, r = precision_recall(got or "", want)
        rows["artx"].append((name, p, r))
        if peer is not None:
            rows["readability.js"].append((name, *precision_recall(peer.get(page) or "", want)))
        if show and f1(p, r) < 0.9:
            print(f"  {name:40} P {p:.3f}  R {r:.3f}  F1 {f1(p, r):.3f}{'  ' + err if err else ''}")
    print(f"corpus-web: {len(names)} pages (token-shingle F1 against readability's expected text)")
    for who, rs in rows.items():
        if not rs:
            print(f"  {who:15} not run: {why}")
            continue
        mp = sum(x[1] for x in rs) / len(rs)
        mr = sum(x[2] for x in rs) / len(rs)
        zero = sum(1 for x in rs if f1(x[1], x[2]) == 0)
        print(f"  {who:15} F1 {f1(mp, mr):.3f}  (P {mp:.3f}, R {mr:.3f}; {zero} pages at 0)")
    if empty:
        print(f"  artx gives no text on {len(empty)}: {' '.join(empty)}")


def gold_fields(artx, shared):
    """corpus.py's field check, counted."""
    r = subprocess.run([sys.executable, os.path.join(HERE, "corpus.py"), "--artx", artx],
                       capture_output=True, env={**os.environ, "SHARED": shared})
    out = r.stdout.decode("utf-8", "replace").splitlines()
    passed = sum(1 for line in out if line.startswith("PASS"))
    failed = [line for line in out if line.startswith("FAIL")]
    print(f"corpus gold fields: {passed} right, {len(failed)} wrong")
    for line in failed:
        print("  " + line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--artx", default="build/artx")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    a = ap.parse_args()
    shared = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "shared"))
    web_score(a.artx, shared, not a.quiet)
    gold_fields(a.artx, shared)


if __name__ == "__main__":
    main()
