#!/usr/bin/python3
"""artx's XLIFF read and written by XLIFF implementations that are not ours.

Usage: /usr/bin/python3 tests/readers.py --tool npm-xliff|translate-toolkit
                 [--artx build/artx]

Pages: samples/* and tests/epub/*.html, and $SHARED/corpus/* (not .json;
SHARED: ../shared unless set).  Each page is extracted with artx -t xliff
(2.0) or -t xliff12 into English (German for an English page), and the file
is read a second time here with lxml, which is what "the file says".

Inline codes are compared flattened, the same way on both sides: text as it
is, a code that spans content as {ID}...{/ID}, a standalone code as {ID/},
a start and an end code as {ID> and <ID}, an annotation (2.0 mrk) as its
content.  translate-toolkit keeps no codes at all (below), so there the
comparison is with the XPath string value, as it reads it.

--tool npm-xliff: the npm package xliff (tests/readers/, version pinned in
  package-lock.json: npm ci --prefix tests/readers), through
  tests/readers/xliff.mjs.
  - xliff2js on the 2.0 file: the same unit ids in the same order, the same
    source languages; every unit of one segment has that segment's source.
    The package's model holds one segment per unit: of a unit with several
    it keeps the last (earlier ones are overwritten), and it drops ignorables
    and segment ids.  Such units are counted, and their source must be the
    last segment's; a line says how many segments the package cannot see.
    It also drops text that is only white space between two codes (xml-js,
    which it parses with, does unless told not to, and xliff2js passes it
    no options): a source that differs from the file's by exactly that is
    counted too.  (xliff12ToJs passes its options on, and is told.)  And it
    knows no 2.0 mrk: the text of an annotation (protected text, mrk
    translate="no") comes out empty; such a source is counted, and must be
    the file's with every mrk's text taken out.
  - xliff12ToJs on the 1.2 file: the same trans-unit ids, each with its whole
    <source> (every segment, and what lies between them).
  - js2xliff writes every unit's target (the source with each text run in
    U+2039/U+203A, codes kept): the file it writes is valid XLIFF 2.0 and
    holds those targets.  It drops the skeleton (the merge data), so
    artx --from xliff must refuse it: exit 1, "no artx merge data", no
    output.
--tool translate-toolkit (Debian translate-toolkit 3.8):
  - each page is extracted twice: in the block layout, and with
    -p unit=sentence (a group per block, a trans-unit per segment), which
    the rest of the chain reads.  translate-toolkit counts one string per
    trans-unit and never reads seg-source: pocount on the sentence layout
    counts every segment (the block layout's seg-source mrks in
    translatable units), on the block layout every block; both checked.
  - xliff2po: one PO entry per trans-unit, located by the unit id, msgid =
    the string value of <source> (codes dropped: g keeps its text, x none).
  - the PO's msgstrs filled with translate.storage.po (msgid in U+2039/
    U+203A); pomerge -t the original XLIFF writes them into its trans-units
    (po2xliff -t does not: it appends a new <file> of units and leaves the
    original's untranslated).
  - artx --from xliff: a page whose units have no inline codes gives an
    article valid against xslt/article.rng in the target language, each
    block's text its translation; -t epub from it passes epubcheck (one
    run at the end).  A unit with inline codes has a target without them,
    which artx refuses ("inline code N of the source is missing from the
    target", exit 1, no output): such pages are counted and checked for
    exactly that refusal.

A missing tool is a skip (naming the package), a failure under CI=true.
Prints one line per failure and ends with "NAME: N passed, M failed";
exits 1 on failure.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

from lxml import etree

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(REPO, "..", "shared"))
NPM_DIR = os.path.join(REPO, "tests", "readers")
X2 = "urn:oasis:names:tc:xliff:document:2.0"
X1 = "urn:oasis:names:tc:xliff:document:1.2"
A = "urn:artx:article"
NS = {"x2": X2, "x1": X1, "a": A}
X20_XSD = os.path.join(SHARED, "schemas", "xliff2.0", "xliff_2.0_with_modules.xsd")
RNG = os.path.join(REPO, "xslt", "article.rng")
EPUBCHECK_JAR = "/usr/share/java/epubcheck.jar"
OPEN, CLOSE = "\u2039", "\u203a"
# White space alone between two flattened codes: what xliff2js drops.
BETWEEN_CODES = re.compile(r"(\{[^{}]*\})\s+(?=\{)")


class Suite:
    def __init__(self, name):
        self.name, self.passed, self.failed, self.skipped = name, 0, 0, 0

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}")
        return cond

    def missing(self, tool, how):
        print(f"{self.name}: ***** {tool} is missing: {how} *****", file=sys.stderr)
        if os.environ.get("CI") == "true":
            self.check(False, f"{tool} is missing (CI=true): {how}")
        else:
            self.skipped += 1
            print(f"SKIP checks that need {tool}: {how}")

    def finish(self):
        line = f"{self.name}: {self.passed} passed, {self.failed} failed"
        print(line + (f", {self.skipped} skipped" if self.skipped else ""))
        sys.exit(1 if self.failed else 0)


def pages():
    found = [p for p in sorted(glob.glob(os.path.join(REPO, "samples", "*")))
             + sorted(glob.glob(os.path.join(REPO, "tests", "epub", "*.html")))
             + sorted(glob.glob(os.path.join(SHARED, "corpus", "*")))
             if not p.endswith(".json")]
    return found


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def extract(artx, page, fmt, out, params=()):
    """artx -t FMT (with -p PARAMS) into English, or German when the page is
    English: the file, parsed; None (and the message) when artx fails."""
    for lang in ("en", "de"):
        r = run([artx, "-t", fmt, "-T", lang, "-o", out, page] + [a for p in params for a in ("-p", p)])
        if r.returncode != 0:
            return None, r.stderr.strip()
        doc = etree.parse(out)
        src = doc.getroot().get("srcLang") or doc.getroot()[0].get("source-language") or ""
        if lang == "de" or not src.startswith("en"):
            return doc, ""
    return None, "unreachable"


def flat(node, text_of=None, drop_mrk=False):
    """A source, target or mrk as the flattened string (module docstring);
    drop_mrk: an annotation as nothing, as xliff2js reads it."""
    out = [node.text or ""]
    for k in node:
        name = etree.QName(k).localname
        ident = k.get("id") or k.get("startRef") or ""
        if name in ("pc", "g"):
            out.append("{%s}%s{/%s}" % (ident, flat(k), ident))
        elif name in ("ph", "x"):
            out.append("{%s/}" % ident)
        elif name in ("sc", "bx", "bpt"):
            out.append("{%s>" % ident)
        elif name in ("ec", "ex", "ept"):
            out.append("<%s}" % ident)
        elif not (drop_mrk and name == "mrk"):
            out.append(flat(k, drop_mrk=drop_mrk))
        out.append(k.tail or "")
    return "".join(out)


# ---- npm xliff ---------------------------------------------------------------

def units20(doc):
    """[(unit id, [(segment id, flattened source)])] of a 2.0 file."""
    return [(u.get("id"), [(s.get("id"), flat(s.find("x2:source", NS)),
                            flat(s.find("x2:source", NS), drop_mrk=True))
                           for s in u.findall("x2:segment", NS)])
            for u in doc.iterfind(".//x2:unit", NS)]


def units12(doc):
    """[(trans-unit id, flattened <source>)] of a 1.2 file."""
    return [(u.get("id"), flat(u.find("x1:source", NS))) for u in doc.iterfind(".//x1:trans-unit", NS)]


def npm_xliff(suite, artx, work):
    if not suite_has(suite, "node", "install the Debian package 'nodejs' (apt-get install -y nodejs npm)",
                     ["node", "--version"]):
        return
    if not os.path.isdir(os.path.join(NPM_DIR, "node_modules", "xliff")):
        suite.missing("the npm package xliff", "run npm ci --prefix tests/readers (Debian: nodejs npm)")
        return
    have_xsd = os.path.exists(X20_XSD)
    if not have_xsd:
        suite.missing(X20_XSD, "set SHARED to the folder of third-party test material")
    files, mine = [], {}
    for i, page in enumerate(pages()):
        name = os.path.basename(page)
        for fmt, ext in (("xliff", "xlf"), ("xliff12", "xlf12")):
            out = os.path.join(work, f"{i}-{name}.{ext}")
            doc, err = extract(artx, page, fmt, out)
            if suite.check(doc is not None, f"{name}: artx -t {fmt}: {err}"):
                files.append(out)
                mine[out] = (name, units20(doc) if fmt == "xliff" else units12(doc),
                             doc.getroot().get("srcLang") or doc.getroot()[0].get("source-language"))
    r = run(["node", os.path.join(NPM_DIR, "xliff.mjs"), "read"] + files)
    if not suite.check(r.returncode == 0, f"xliff.mjs read: {r.stderr.strip()[:600]}"):
        return
    read = {j["file"]: j for j in map(json.loads, r.stdout.splitlines())}
    n_pages = len({mine[f][0] for f in files})
    tally = {"units": 0, "segments": 0, "single": 0, "multi": 0, "unseen": 0, "units12": 0, "spaces": 0,
             "mrk": 0}
    for f in files:
        name, units, src = mine[f]
        got = read.get(f)
        if not suite.check(got is not None, f"{name}: the package read nothing"):
            continue
        what = f"{name} ({got['reader']})"
        suite.check(got["sourceLanguage"] == src, f"{what}: source language {got['sourceLanguage']!r}, the file says {src!r}")
        theirs = got["units"]
        suite.check([u for u, _ in theirs] == [u for u, _ in units],
                    f"{what}: unit ids {[u for u, _ in theirs]} != the file's {[u for u, _ in units]}")
        sources = dict(theirs)
        if got["reader"] == "xliff12ToJs":
            tally["units12"] += len(units)
            for uid, text in units:
                suite.check(sources.get(uid) == text, f"{what}: unit {uid}: source {sources.get(uid)!r} != {text!r}")
            continue
        for uid, segs in units:
            tally["units"] += 1
            tally["segments"] += len(segs)
            if not segs:
                continue
            tally["single" if len(segs) == 1 else "multi"] += 1
            tally["unseen"] += len(segs) - 1
            # One segment: all of it; several: the package kept the last.
            last, unmarked = segs[-1][1], segs[-1][2]
            if sources.get(uid) != last and sources.get(uid) == BETWEEN_CODES.sub(r"\1", last):
                tally["spaces"] += 1
                continue
            if sources.get(uid) != last and sources.get(uid) == unmarked:
                tally["mrk"] += 1
                continue
            suite.check(sources.get(uid) == last,
                        f"{what}: unit {uid}: source {sources.get(uid)!r} != segment {segs[-1][0]}: {last!r}")
    print(f"{suite.name}: xliff2js on {n_pages} pages: {tally['units']} units, {tally['segments']} segments; "
          f"{tally['single']} units of one segment read whole; {tally['multi']} units of several segments "
          f"read as their last: {tally['unseen']} segments are not in the package's model (one segment a unit); "
          f"{tally['spaces']} segments lost the white space between two codes; "
          f"{tally['mrk']} lost the text of an annotation (mrk, protected text: the package has no 2.0 mrk)")
    print(f"{suite.name}: xliff12ToJs on {n_pages} pages: {tally['units12']} trans-units, each with its whole source")

    # js2xliff writes the targets; artx cannot merge what it writes.
    for f in files:
        if not f.endswith(".xlf"):
            continue
        name = mine[f][0]
        filled = f + ".js2xliff.xlf"
        r = run(["node", os.path.join(NPM_DIR, "xliff.mjs"), "fill", f, filled])
        if not suite.check(r.returncode == 0, f"{name}: xliff.mjs fill: {r.stderr.strip()[:400]}"):
            continue
        if have_xsd:
            v = run(["xmllint", "--nonet", "--noout", "--schema", X20_XSD, filled])
            suite.check(v.returncode == 0, f"{name}: js2xliff's file is not valid XLIFF 2.0: {v.stderr[:400]}")
        doc = etree.parse(filled)
        for u in doc.iterfind(".//x2:unit", NS):
            s, t = u.find("x2:segment/x2:source", NS), u.find("x2:segment/x2:target", NS)
            want = pseudo_flat(s) if s is not None else None
            suite.check(t is not None and flat(t) == want,
                        f"{name}: js2xliff: unit {u.get('id')}: target {None if t is None else flat(t)!r} != {want!r}")
        out = os.path.join(work, "merged.xml")
        m = run([artx, "--from", "xliff", "-t", "article", "-o", out, filled])
        suite.check(m.returncode == 1 and "no artx merge data" in m.stderr and not os.path.exists(out),
                    f"{name}: artx --from xliff on js2xliff's file: exit {m.returncode}, {m.stderr.strip()[:300]!r}")


def pseudo_flat(node):
    """flat() of node with every text run wrapped as xliff.mjs fill wraps it."""
    out = [OPEN + node.text + CLOSE if node.text else ""]
    for k in node:
        name = etree.QName(k).localname
        ident = k.get("id") or ""
        if name == "pc":
            out.append("{%s}%s{/%s}" % (ident, pseudo_flat(k), ident))
        elif name == "ph":
            out.append("{%s/}" % ident)
        else:
            out.append(pseudo_flat(k))
        out.append(OPEN + k.tail + CLOSE if k.tail else "")
    return "".join(out)


# ---- translate-toolkit -------------------------------------------------------

def translate_toolkit(suite, artx, work):
    tools = all([suite_has(suite, t, "install the Debian package 'translate-toolkit' "
                           "(apt-get install -y translate-toolkit)", [t, "--help"])
                 for t in ("pocount", "xliff2po", "pomerge")])
    have_xmllint = suite_has(suite, "xmllint", "install the Debian package 'libxml2-utils'", ["xmllint", "--version"])
    if not (tools and have_xmllint):
        return
    # python3-translate, which translate-toolkit installs
    from translate.storage import po, xliff
    from translate.storage.xliff import ID_SEPARATOR

    epubs = os.path.join(work, "epub")
    os.makedirs(epubs)
    tally = {"pages": 0, "units": 0, "segments": 0, "merged": 0, "refused": 0}
    for i, page in enumerate(pages()):
        name = os.path.basename(page)
        base = os.path.join(work, f"{i}-{name}")
        block, err = extract(artx, page, "xliff12", base + ".block.xlf")
        if not suite.check(block is not None, f"{name}: artx -t xliff12: {err}"):
            continue
        doc, err = extract(artx, page, "xliff12", base + ".xlf", ["unit=sentence"])
        if not suite.check(doc is not None, f"{name}: artx -t xliff12 -p unit=sentence: {err}"):
            continue
        tally["pages"] += 1
        tus = [u for u in doc.iterfind(".//x1:trans-unit", NS) if u.get("translate") != "no"]
        segs = block.xpath(".//x1:trans-unit[not(@translate = 'no')]/x1:seg-source/x1:mrk[@mtype = 'seg']",
                           namespaces=NS)
        tally["units"] += len(block.findall(".//x1:trans-unit", NS))
        tally["segments"] += len(segs)
        suite.check(len(tus) == len(segs),
                    f"{name}: unit=sentence: {len(tus)} translatable trans-units, the block layout "
                    f"has {len(segs)} segments in translatable units")

        for f, want_n, what in ((base + ".xlf", len(segs), "segments"),
                                (base + ".block.xlf",
                                 len([u for u in block.iterfind(".//x1:trans-unit", NS) if u.get("translate") != "no"]),
                                 "trans-units of the block layout")):
            r = run(["pocount", "--csv", f])
            row = r.stdout.splitlines()[-1].split(",") if r.returncode == 0 and r.stdout else []
            suite.check(len(row) > 9 and int(row[8]) == want_n,
                        f"{name}: pocount {os.path.basename(f)}: {r.stdout.strip()[-200:]!r} "
                        f"{r.stderr.strip()[:200]!r}, the file has {want_n} {what}")

        r = run(["xliff2po", base + ".xlf", base + ".po"])
        if not suite.check(r.returncode == 0, f"{name}: xliff2po: {r.stderr.strip()[:300]}"):
            continue
        store = po.pofile.parsefile(base + ".po")
        entries = [u for u in store.units if not u.isheader()]
        every = [(u.get("id"), u.find("x1:source", NS).xpath("string()"))
                 for u in doc.iterfind(".//x1:trans-unit", NS)]
        got = [(" ".join(u.getlocations()), u.source) for u in entries]
        diff = [(g, w) for g, w in zip(got, every) if g != w]
        suite.check(len(got) == len(every) and not diff,
                    f"{name}: xliff2po: {len(got)} entries for {len(every)} trans-units; first difference {diff[:1]}")
        # What is to be translated: not the units marked translate="no"
        # (xliff2po gives them entries too), nor empty ones.
        want = [(uid, text) for (uid, text), u in zip(every, doc.iterfind(".//x1:trans-unit", NS))
                if u.get("translate") != "no" and text.strip()]
        todo = {uid for uid, _ in want}
        entries = [u for u in entries if " ".join(u.getlocations()) in todo]
        for u in entries:
            u.target = OPEN + u.source + CLOSE
        with open(base + ".en.po", "wb") as f:
            f.write(bytes(store))

        # The translations into the original, each into the trans-unit its
        # entry is located at, by translate-toolkit's own XLIFF storage.
        xlf = xliff.xlifffile.parsefile(base + ".xlf")
        original = doc.getroot()[0].get("original")
        for u in entries:
            unit = xlf.findid(original + ID_SEPARATOR + " ".join(u.getlocations()))
            if suite.check(unit is not None, f"{name}: no trans-unit for the PO entry at {u.getlocations()}"):
                unit.target = u.target
        with open(base + ".tt.xlf", "wb") as f:
            f.write(bytes(xlf))
        filled = etree.parse(base + ".tt.xlf")
        targets = {u.get("id"): u.find("x1:target", NS) for u in filled.iterfind(".//x1:trans-unit", NS)}
        suite.check(all(targets.get(uid) is not None and targets[uid].xpath("string()") == OPEN + text + CLOSE
                        for uid, text in want),
                    f"{name}: translate-toolkit did not write every translation into its trans-unit")

        coded = [u.get("id") for u in tus if u.find("x1:source", NS).find(".//*") is not None]
        out = base + ".merged.xml"
        m = run([artx, "--from", "xliff", "-t", "article", "-o", out, base + ".tt.xlf"])
        if coded:
            tally["refused"] += 1
            suite.check(m.returncode == 1 and "of the source is missing from the target" in m.stderr
                        and not os.path.exists(out),
                        f"{name}: merge of code-less targets for units with codes ({coded[:5]}): "
                        f"exit {m.returncode}, {m.stderr.strip()[:300]!r}")
            continue
        if not suite.check(m.returncode == 0 and "untranslated" not in m.stderr,
                           f"{name}: artx --from xliff: exit {m.returncode}, {m.stderr.strip()[:300]}"):
            continue
        tally["merged"] += 1
        v = run(["xmllint", "--nonet", "--noout", "--relaxng", RNG, out])
        suite.check(v.returncode == 0, f"{name}: merged article invalid: {v.stderr[:400]}")
        art = etree.parse(out)
        lang = doc.getroot()[0].get("target-language")
        suite.check(art.getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == lang,
                    f"{name}: merged article's xml:lang is not {lang}")
        texts = {" ".join(e.xpath("string()").split()) for e in art.iter()} | \
                {" ".join(v.split()) for v in art.xpath("//a:img/@alt", namespaces=NS)}
        for uid, text in want:
            el = art.xpath("//a:*[@id=$id]", namespaces=NS, id=uid)
            tr = " ".join((OPEN + text + CLOSE).split())
            have = " ".join(el[0].xpath("string()").split()) == tr if el else tr in texts
            suite.check(have, f"{name}: unit {uid}: the merged article lacks its translation {tr!r}")
        e = run([artx, "--from", "xliff", "-t", "epub", "-o", os.path.join(epubs, f"{i}.epub"), base + ".tt.xlf"],
                env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
        suite.check(e.returncode == 0, f"{name}: artx --from xliff -t epub: {e.stderr.strip()[:300]}")
    print(f"{suite.name}: {tally['pages']} pages: {tally['units']} blocks (trans-units of the block layout), "
          f"{tally['segments']} segments (pocount's strings with unit=sentence); "
          f"{tally['merged']} merged back, {tally['refused']} refused for inline codes the PO lost")

    books = sorted(glob.glob(os.path.join(epubs, "*.epub")))
    if not books:
        return
    if suite_has(suite, "epubcheck", "install the Debian packages 'epubcheck default-jdk-headless'",
                 ["java", "-version"]) and os.path.exists(EPUBCHECK_JAR):
        r = run(["java", "-cp", EPUBCHECK_JAR, os.path.join(REPO, "tests", "epubcheck", "EpubBatch.java")] + books)
        suite.check(r.returncode == 0, f"epubcheck: {r.stdout.strip()[-800:]}")
        print(f"{suite.name}: {r.stdout.strip().splitlines()[-1] if r.stdout.strip() else 'epubcheck printed nothing'}")
    elif not os.path.exists(EPUBCHECK_JAR):
        suite.missing("epubcheck", "install the Debian packages 'epubcheck default-jdk-headless'")


def suite_has(suite, tool, how, probe):
    try:
        ok = subprocess.run(probe, capture_output=True).returncode == 0
    except OSError:
        ok = False
    if not ok:
        suite.missing(tool, how)
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", required=True, choices=("npm-xliff", "translate-toolkit"))
    ap.add_argument("--artx", default=os.path.join(REPO, "build", "artx"))
    args = ap.parse_args()
    suite = Suite(args.tool)
    artx = os.path.abspath(args.artx)
    if not suite.check(os.access(artx, os.X_OK), f"no artx binary at {artx}"):
        suite.finish()
    if not os.path.isdir(os.path.join(SHARED, "corpus")):
        suite.missing(os.path.join(SHARED, "corpus"), "set SHARED to the folder of third-party test material")
    with tempfile.TemporaryDirectory() as work:
        (npm_xliff if args.tool == "npm-xliff" else translate_toolkit)(suite, artx, work)
    suite.finish()


if __name__ == "__main__":
    main()
