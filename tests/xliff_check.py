#!/usr/bin/python3
"""Check XLIFF files made by artx for what the XLIFF schemas cannot check.

Usage: /usr/bin/python3 tests/xliff_check.py FILE...

Each FILE is XLIFF 2.0 (urn:oasis:names:tc:xliff:document:2.0) or XLIFF 1.2
(urn:oasis:names:tc:xliff:document:1.2), told apart by the root's namespace.
Checked, per <file>:

  - no unit (2.0) / trans-unit (1.2) id is used twice;
  - 2.0: every dataRef, dataRefStart and dataRefEnd resolves to a <data> id
    in the same unit's <originalData> (and data ids are unique there);
    segment and ignorable ids are unique in the unit, and the ids of inline
    codes (pc, ph, sc, mrk, sm) are unique on each side (all sources, all
    targets) of the unit and clash with no segment or ignorable id;
  - 1.2: the ids of g, x, ph, bpt, bx, it are unique within each of source,
    seg-source and target; each mrk mid is unique within the unit;
  - the merge data (2.0: the <skeleton>'s element; 1.2: the text of
    header/skl/internal-file) is a well-formed article in urn:artx:article
    with head and body, and its translatable blocks are exactly the units:
    head/title, body p and h2, figure captions, list items (nested too),
    quoted paragraphs, plus the pseudo-blocks FIG.alt (img alt that is not
    empty and differs from the caption text after normalize-space),
    FIG.credit (a figure credit) and QUOTE.cite (a blockquote cite).

Prints one line per failing file and ends with exactly one summary line,
"xliff-check: N passed, M failed"; exits 1 if any file failed.  Python 3
standard library only.
"""

import re
import sys
import xml.etree.ElementTree as ET

X20 = "urn:oasis:names:tc:xliff:document:2.0"
X12 = "urn:oasis:names:tc:xliff:document:1.2"
ART = "urn:artx:article"


def q(ns, name):
    return "{%s}%s" % (ns, name)


def norm(s):
    """XPath normalize-space(): only space, tab, CR and LF are white space."""
    return re.sub(r"[ \t\r\n]+", " ", s or "").strip(" \t\r\n")


def text_of(el):
    return "".join(el.itertext()) if el is not None else ""


def dups(values):
    seen, out = set(), []
    for v in values:
        if v in seen and v not in out:
            out.append(v)
        seen.add(v)
    return out


def expected_ids(article, problems):
    """The unit ids a conforming XLIFF file has for this article."""
    ids = []
    head = article.find(q(ART, "head"))
    body = article.find(q(ART, "body"))
    if head is None or body is None:
        problems.append("merge article has no head or body")
        return None
    title = head.find(q(ART, "title"))
    if title is None or not title.get("id"):
        problems.append("merge article has no head/title with an id")
    else:
        ids.append(title.get("id"))

    def need_id(el):
        i = el.get("id")
        if not i:
            problems.append("merge article: a %s has no id" % el.tag.split("}")[-1])
        return i

    def lists(lst):
        for li in lst.findall(q(ART, "li")):
            i = need_id(li)
            if i:
                ids.append(i)
            for sub in li:
                if sub.tag in (q(ART, "ul"), q(ART, "ol")):
                    lists(sub)

    for b in body:
        tag = b.tag
        if tag in (q(ART, "p"), q(ART, "h2")):
            i = need_id(b)
            if i:
                ids.append(i)
        elif tag == q(ART, "figure"):
            fid = need_id(b)
            cap = b.find(q(ART, "caption"))
            if cap is not None:
                i = need_id(cap)
                if i:
                    ids.append(i)
            img = b.find(q(ART, "img"))
            alt = norm(img.get("alt")) if img is not None else ""
            if fid and alt and alt != norm(text_of(cap)):
                ids.append(fid + ".alt")
            if fid and b.find(q(ART, "credit")) is not None:
                ids.append(fid + ".credit")
        elif tag == q(ART, "blockquote"):
            bid = need_id(b)
            for p in b.findall(q(ART, "p")):
                i = need_id(p)
                if i:
                    ids.append(i)
            if bid and b.find(q(ART, "cite")) is not None:
                ids.append(bid + ".cite")
        elif tag in (q(ART, "ul"), q(ART, "ol")):
            lists(b)
        elif isinstance(tag, str):
            problems.append("merge article: unknown block %s" % tag)
    return ids


def compare_ids(article, unit_ids, problems):
    if article.tag != q(ART, "article"):
        problems.append("merge data is %s, not an article in %s" % (article.tag, ART))
        return
    want = expected_ids(article, problems)
    if want is None:
        return
    for d in dups(want):
        problems.append("merge article repeats block id %s" % d)
    missing = [i for i in want if i not in set(unit_ids)]
    extra = [i for i in unit_ids if i not in set(want)]
    if missing:
        problems.append("blocks without a unit: %s" % " ".join(missing[:8]))
    if extra:
        problems.append("units without a block: %s" % " ".join(extra[:8]))


def check20(root, problems):
    files = root.findall(q(X20, "file"))
    if not files:
        problems.append("no file element")
    inline = {q(X20, n) for n in ("pc", "ph", "sc", "mrk", "sm")}
    refs = ("dataRef", "dataRefStart", "dataRefEnd")
    for f in files:
        units = f.iter(q(X20, "unit"))
        unit_ids = []
        for u in units:
            uid = u.get("id")
            unit_ids.append(uid)
            od = u.find(q(X20, "originalData"))
            data_ids = [d.get("id") for d in od.findall(q(X20, "data"))] if od is not None else []
            for d in dups(data_ids):
                problems.append("unit %s: data id %s repeats" % (uid, d))
            data_ids = set(data_ids)
            parts = [c for c in u if c.tag in (q(X20, "segment"), q(X20, "ignorable"))]
            part_ids = [c.get("id") for c in parts if c.get("id") is not None]
            for d in dups(part_ids):
                problems.append("unit %s: segment/ignorable id %s repeats" % (uid, d))
            for side in ("source", "target"):
                code_ids = []
                for part in parts:
                    s = part.find(q(X20, side))
                    if s is None:
                        continue
                    for el in s.iter():
                        for r in refs:
                            v = el.get(r)
                            if v is not None and v not in data_ids:
                                problems.append("unit %s: %s=%s resolves to no data" % (uid, r, v))
                        if el.tag in inline and el.get("id") is not None:
                            code_ids.append(el.get("id"))
                for d in dups(code_ids):
                    problems.append("unit %s: %s code id %s repeats" % (uid, side, d))
                for c in set(code_ids) & set(part_ids):
                    problems.append("unit %s: code id %s is also a segment id" % (uid, c))
        for d in dups(unit_ids):
            problems.append("file %s: unit id %s repeats" % (f.get("id"), d))
        skel = f.find(q(X20, "skeleton"))
        kids = list(skel) if skel is not None else []
        if len(kids) != 1:
            problems.append("file %s: skeleton does not hold one article element" % f.get("id"))
            continue
        compare_ids(kids[0], unit_ids, problems)


def check12(root, problems):
    files = root.findall(q(X12, "file"))
    if not files:
        problems.append("no file element")
    code_tags = {q(X12, n) for n in ("g", "x", "ph", "bpt", "bx", "it")}
    for f in files:
        unit_ids = []
        for u in f.iter():
            if u.tag not in (q(X12, "trans-unit"), q(X12, "bin-unit")):
                continue
            uid = u.get("id")
            unit_ids.append(uid)
            if u.tag != q(X12, "trans-unit"):
                continue
            for name in ("source", "seg-source", "target"):
                c = u.find(q(X12, name))
                if c is None:
                    continue
                ids = [el.get("id") for el in c.iter() if el.tag in code_tags]
                for d in dups(ids):
                    problems.append("trans-unit %s: %s code id %s repeats" % (uid, name, d))
                if name != "source":
                    mids = [m.get("mid") for m in c.iter(q(X12, "mrk"))
                            if m.get("mtype") == "seg"]
                    if None in mids:
                        problems.append("trans-unit %s: %s mrk without mid" % (uid, name))
                    for d in dups([m for m in mids if m is not None]):
                        problems.append("trans-unit %s: %s mrk mid %s repeats" % (uid, name, d))
        for d in dups(unit_ids):
            problems.append("file %s: trans-unit id %s repeats" % (f.get("original"), d))
        inf = f.find("%s/%s/%s" % (q(X12, "header"), q(X12, "skl"), q(X12, "internal-file")))
        if inf is None:
            problems.append("file %s: no header/skl/internal-file" % f.get("original"))
            continue
        try:
            article = ET.fromstring(inf.text or "")
        except ET.ParseError as e:
            problems.append("file %s: internal-file is not well-formed XML (%s)" % (f.get("original"), e))
            continue
        compare_ids(article, unit_ids, problems)


def check(path):
    problems = []
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        return ["cannot read: %s" % e]
    if root.tag == q(X20, "xliff"):
        check20(root, problems)
    elif root.tag == q(X12, "xliff"):
        check12(root, problems)
    else:
        problems.append("not XLIFF 2.0 or 1.2 (root %s)" % root.tag)
    return problems


def main(argv):
    if not argv:
        sys.stderr.write("usage: xliff_check.py FILE...\n")
        return 2
    passed = failed = 0
    for path in argv:
        problems = check(path)
        if problems:
            failed += 1
            more = " (+%d more)" % (len(problems) - 5) if len(problems) > 5 else ""
            print("%s: %s%s" % (path, "; ".join(problems[:5]), more))
        else:
            passed += 1
    print("xliff-check: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
