#!/usr/bin/python3
"""Round trips through XLIFF: extract, translate (as a CAT tool would), merge.

Usage: /usr/bin/python3 tests/roundtrip.py [--artx build/artx] [--keep DIR]
                 [--merge xsltproc|artx] [-j JOBS] [PAGE...]

Default pages: samples/* and $SHARED/corpus/* (not .json), and
$SHARED/corpus-web/*/source.html (SHARED: ../shared beside the repository
unless set), plus a built-in article that has what
the pages lack (sentences, nested lists, quotes with a cite, every inline
element, alt texts of each kind).

For each page, for XLIFF 2.0 (-t xliff), 1.2 (-t xliff12) and 1.2 with
-p prefill-target=yes (the target language is en, or de for an English
page), the original article is `artx -t article PAGE` and these merges are
checked:

  untouched  the XLIFF as extracted: the article comes back unchanged (all
             sources kept) and "untranslated: N" counts every segment with
             something to translate (prefill-target=yes too: its copies
             say state="needs-translation");
  copy       (2.0, 1.2+prefill) each target = its source, the state left
             as extracted (2.0 initial, 1.2 needs-translation): an
             untouched copy, so the same as untouched;
  identity   each target = its source (2.0: a <target> after each segment's
             <source>; 1.2: <target> holding a copy of seg-source, mrk
             elements and all, as OmegaT writes it), the state set to
             translated where it said otherwise (a translator confirmed
             each copy): the article equals the
             original after canonicalisation, except article/@xml:lang,
             which must be the target language; untranslated: 0;
  cat        the identity file as a CAT tool might save it: re-indented
             between structural elements, foreign elements and attributes
             added, state values changed, units moved into groups: same
             result as identity;
  plain      (1.2) each target a copy of <source>, no mrk: the same article
             but for s elements, which cannot come back;
  pseudo     each text node of each segment's target wrapped in ‹…›: the
             article validates against xslt/article.rng and holds every
             wrapped text but those of protected text (2.0 mrk
             translate="no", 1.2 mrk mtype="protected", a unit whose block
             has translate="no"), which come back as the source had them:
             none of those wrapped, every translate="no" block and span
             with the original's text; merged to DocBook it is valid against
             docbook5-xml's RNG and holds every wrapped text; merged to EPUB
             it passes epubcheck (one run over all of them at the end), and
             so does its bilingual EPUB (--bilingual: every block in pairs)
             and, for 2.0, the untouched file's (every block once).

Then refusals (built-in article, each version): an unknown unit id, a
missing unit, a unit id twice, a duplicated inline code, a code id not in
the source, a code missing from the target, codes that cannot nest, a
segment mid not in the source (1.2), no merge data, not XLIFF: each must
fail with no output and a message naming the unit.  Empty targets (every
other segment): sources kept, each counted.  And the parameters:
target-lang for a file without a target language (without it the merge
is refused), and the two-step
xsltproc use for 1.2 (unpack-skeleton=yes).

Canonical form: the element tree with attributes sorted, adjacent text
joined, and white-space-only text dropped directly inside the structural
elements (article, head, body, figure, blockquote, ul, ol), where
`artx -t article` indents.

The merge is one function, merge(): with MERGE = "xsltproc" (the default;
--merge overrides it) it runs xslt/xliff-to-article.xsl with xsltproc,
doing for 1.2 what artx does in C (the internal-file's escaped article
parsed and put in as an element); with "artx" it runs
`artx --from xliff -t article` (whose "artx: FILE: " prefix is taken off
the messages).  Prints one line per failure and ends with "roundtrip: N
passed, M failed"; exits 1 on failure.  Python 3 standard library only;
needs xsltproc and xmllint.
"""

import argparse
import copy
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED") or os.path.join(os.path.dirname(REPO), "shared")
XSL = os.path.join(REPO, "xslt", "xliff-to-article.xsl")
RNG = os.path.join(REPO, "xslt", "article.rng")
DOCBOOK_RNG = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"
EPUBCHECK_JAR = "/usr/share/java/epubcheck.jar"

X20 = "urn:oasis:names:tc:xliff:document:2.0"
X12 = "urn:oasis:names:tc:xliff:document:1.2"
ART = "urn:artx:article"
XML_NS = "http://www.w3.org/XML/1998/namespace"
CAT = "urn:example:cat-tool"
STRUCTURAL = {"article", "head", "body", "figure", "blockquote", "ul", "ol"}
OPEN, CLOSE = "\u2039", "\u203a"

ARTX = "build/artx"


def q(ns, name):
    return "{%s}%s" % (ns, name)


def local(tag):
    return tag.split("}")[-1] if isinstance(tag, str) else ""


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def write_xml(root, path):
    data = ET.tostring(root, encoding="utf-8")
    # ElementTree writes a CR in text as it is, and a parser would read it
    # back as LF; markup itself never holds one.
    data = data.replace(b"\r", b"&#13;")
    with open(path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n' + data)


# ===== the merge =====

# How merge() merges: "xsltproc" (the stylesheet alone, as below) or "artx"
# (artx --from xliff).  The one line to change once artx merges; --merge
# overrides it.
MERGE = "artx"


def merge(xlf, workdir, params=()):
    """Merge the XLIFF file xlf into an article: (rc, article bytes, stderr),
    stderr holding "untranslated: N" on success."""
    if MERGE == "artx":
        return merge_artx(xlf, workdir, params)
    return merge_xsltproc(xlf, workdir, params)


def merge_artx(xlf, workdir, params=()):
    cmd = [ARTX, "--from", "xliff", "-t", "article"]
    for name, value in params:
        cmd += ["-p", "%s=%s" % (name, value)]
    rc, out, err = run(cmd + [xlf])
    # "artx: FILE: unit ID: reason" -> "unit ID: reason"; the count of
    # untranslated segments as the stylesheet says it
    prefix = "artx: %s: " % xlf
    err = "\n".join(l[len(prefix):] if l.startswith(prefix) else l for l in err.splitlines())
    m = re.search(r"^(\d+) segments? untranslated: ", err, re.M)
    if rc == 0:
        err += "\nuntranslated: %d" % (int(m.group(1)) if m else 0)
    return rc, out, err


def merge_xsltproc(xlf, workdir, params=()):
    src = xlf
    try:
        root = ET.parse(xlf).getroot()
    except ET.ParseError:
        root = None
    if root is not None and root.tag == q(X12, "xliff"):
        # what artx does in C: the escaped article parsed into an element
        for inf in root.iter(q(X12, "internal-file")):
            if len(inf) == 0 and (inf.text or "").strip():
                try:
                    art = ET.fromstring(inf.text)
                except ET.ParseError:
                    continue
                inf.text = None
                inf.append(art)
        src = os.path.join(workdir, os.path.basename(xlf) + ".unpacked")
        write_xml(root, src)
    cmd = ["xsltproc", "--nonet"]
    for name, value in params:
        cmd += ["--stringparam", name, value]
    return run(cmd + [XSL, src])


def untranslated(stderr):
    m = re.findall(r"^untranslated: (\d+)$", stderr, re.M)
    return int(m[-1]) if m else None


# ===== canonical articles =====

def canon(el):
    kids = []
    text = el.text or ""
    for c in el:
        if text:
            kids.append(text)
        kids.append(canon(c))
        text = c.tail or ""
    if text:
        kids.append(text)
    if local(el.tag) in STRUCTURAL and el.tag.startswith("{" + ART):
        kids = [k for k in kids if not (isinstance(k, str) and not k.strip(" \t\r\n"))]
    return (el.tag, tuple(sorted(el.attrib.items())), tuple(kids))


def first_difference(a, b, path=""):
    """A short description of where canonical trees a and b differ."""
    if isinstance(a, str) or isinstance(b, str):
        return "%s: %r != %r" % (path or "/", shorten(a), shorten(b))
    here = "%s/%s" % (path, local(a[0]))
    ids = dict(a[1]).get("id")
    if ids:
        here += "[%s]" % ids
    if a[0] != b[0]:
        return "%s: element %s != %s" % (here, local(a[0]), local(b[0]))
    if a[1] != b[1]:
        return "%s: attributes %s != %s" % (here, dict(a[1]), dict(b[1]))
    for x, y in zip(a[2], b[2]):
        if x != y:
            return first_difference(x, y, here)
    if len(a[2]) != len(b[2]):
        return "%s: %d children != %d" % (here, len(a[2]), len(b[2]))
    return here + ": ?"


def shorten(x):
    if isinstance(x, str):
        return x if len(x) < 60 else x[:57] + "..."
    return "<%s>" % local(x[0])


def compare(merged_bytes, original_bytes, lang, unwrap_s=False):
    """None when merged equals original but for xml:lang = lang (and, with
    unwrap_s, for s elements: both sides lose them)."""
    try:
        m = ET.fromstring(merged_bytes)
    except ET.ParseError as e:
        return "merged article is not well-formed: %s" % e
    o = ET.fromstring(original_bytes)
    if unwrap_s:
        for tree in (m, o):
            for p in list(tree.iter()):
                for c in [c for c in p if c.tag == q(ART, "s")]:
                    unwrap(p, c)
    got = m.get(q(XML_NS, "lang"))
    if got != lang:
        return "article xml:lang is %r, not %r" % (got, lang)
    o.set(q(XML_NS, "lang"), lang)
    cm, co = canon(m), canon(o)
    if cm != co:
        return "differs from the original: " + first_difference(cm, co)
    return None


# ===== translating, as a CAT tool would =====

def is_protected(el):
    """Protected text: 2.0 mrk translate="no", 1.2 mrk mtype="protected"."""
    return (el.tag == q(X20, "mrk") and el.get("translate") == "no") or \
        (el.tag == q(X12, "mrk") and el.get("mtype") == "protected")


def text_nodes_wrap(el, wrapped, kept, inside=False):
    """Wrap each non-empty text node inside el (not el's own tail), as a
    careless tool would, protected text too: the wrapped texts go to
    `wrapped`, those inside protected text to `kept`."""
    inside = inside or is_protected(el)
    if el.text:
        el.text = OPEN + el.text + CLOSE
        (kept if inside else wrapped).append(el.text)
    for c in el:
        text_nodes_wrap(c, wrapped, kept, inside)
        if c.tail:
            c.tail = OPEN + c.tail + CLOSE
            (kept if inside else wrapped).append(c.tail)


def kept_texts(article):
    """The texts an article keeps untranslated, in order: each block and
    span with translate="no"."""
    return ["".join(e.itertext()) for e in ET.fromstring(article).iter()
            if e.get("translate") == "no"]


def kept_blocks(article):
    """The ids of the blocks an article keeps untranslated (translate="no")."""
    return {e.get("id") for e in ET.fromstring(article).iter()
            if e.get("translate") == "no" and e.get("id")}


def fill20(root, pseudo=False, confirm=True, kept_units=()):
    """A target for every segment: a copy of its source (wrapped if pseudo:
    what ends up in protected text or a unit of kept_units in `kept`);
    confirm: state="translated", as a tool says a translation is done."""
    wrapped, kept = [], []
    units = {seg: unit for unit in root.iter(q(X20, "unit")) for seg in unit}
    for seg in root.iter(q(X20, "segment")):
        if confirm:
            seg.set("state", "translated")
        src = seg.find(q(X20, "source"))
        for t in seg.findall(q(X20, "target")):
            seg.remove(t)
        t = copy.deepcopy(src)
        t.tag = q(X20, "target")
        t.tail = None
        if pseudo:
            text_nodes_wrap(t, wrapped, kept, units[seg].get("id") in kept_units)
        seg.insert(list(seg).index(src) + 1, t)
    return wrapped, kept


def fill12(root, pseudo=False, confirm=True, kept_units=()):
    """Every trans-unit's target = a copy of its seg-source (its mrk);
    confirm: a state that says untranslated becomes "translated"."""
    wrapped, kept = [], []
    for tu in root.iter(q(X12, "trans-unit")):
        ss = tu.find(q(X12, "seg-source"))
        if ss is None:
            ss = tu.find(q(X12, "source"))
        old = tu.find(q(X12, "target"))
        t = ET.Element(q(X12, "target"), dict(old.attrib) if old is not None else {})
        if confirm and t.get("state") in ("new", "needs-translation"):
            t.set("state", "translated")
        t.text = ss.text
        for c in ss:
            t.append(copy.deepcopy(c))
        if pseudo:
            mrks = [c for c in t if c.tag == q(X12, "mrk") and c.get("mtype") == "seg"]
            inside = tu.get("id") in kept_units
            for mk in mrks or [t]:
                text_nodes_wrap(mk, wrapped, kept, inside)
        if old is not None:
            t.tail = old.tail
            tu.insert(list(tu).index(old), t)
            tu.remove(old)
        else:
            t.tail = ss.tail
            tu.insert(list(tu).index(ss) + 1, t)
    return wrapped, kept


def fill12_plain(root):
    """Every trans-unit's target = a copy of its source: no mrk at all."""
    for tu in root.iter(q(X12, "trans-unit")):
        src = tu.find(q(X12, "source"))
        old = tu.find(q(X12, "target"))
        t = copy.deepcopy(src)
        t.tag = q(X12, "target")
        if old is not None:
            t.tail = old.tail
            tu.insert(list(tu).index(old), t)
            tu.remove(old)
        else:
            t.tail = None
            tu.insert(list(tu).index(src) + 1, t)


def empty_every_other(root):
    """Every other segment's target emptied (2.0 <target/>; 1.2 an empty
    target mrk); returns how many of them had something to translate."""
    n = 0
    k = 0
    v2 = root.tag == q(X20, "xliff")
    ns = X20 if v2 else X12
    for u in root.iter(q(ns, "unit" if v2 else "trans-unit")):
        if v2:
            pairs = [(s.find(q(X20, "source")), s.find(q(X20, "target")))
                     for s in u.findall(q(X20, "segment"))]
        else:
            ss = u.find(q(X12, "seg-source"))
            t = u.find(q(X12, "target"))
            pairs = [(m, tm) for m in (ss if ss is not None else []) for tm in (t if t is not None else [])
                     if m.get("mtype") == "seg" and tm.get("mid") == m.get("mid")]
        for src, tgt in pairs:
            k += 1
            if k % 2:
                continue
            tgt.text = None
            for c in list(tgt):
                tgt.remove(c)
            if u.get("translate") != "no" and ("".join(src.itertext()).strip() or len(src)):
                n += 1
    return n


XLIFF_STRUCTURAL = {
    q(X20, n) for n in ("xliff", "file", "group", "unit", "notes", "originalData",
                        "segment", "ignorable", "skeleton")
} | {
    q(X12, n) for n in ("xliff", "file", "header", "skl", "body", "group", "trans-unit")
} | {q(ART, n) for n in STRUCTURAL}


def reindent(el, depth=0):
    """Indent between the children of structural elements, as an XML editor
    that ignores xml:space would (never inside source, target, mrk, data)."""
    if el.tag not in XLIFF_STRUCTURAL or len(el) == 0:
        return
    pad = "\n" + "  " * (depth + 1)
    if not (el.text or "").strip():
        el.text = pad
    for c in el:
        reindent(c, depth + 1)
        if not (c.tail or "").strip():
            c.tail = pad
    el[-1].tail = "\n" + "  " * depth


def cat_style(root):
    """What CAT tools add or change, none of which may matter to a merge."""
    v2 = root.tag == q(X20, "xliff")
    ns = X20 if v2 else X12
    unit_tag = q(ns, "unit" if v2 else "trans-unit")
    foreign = q(CAT, "info")
    for f in root.iter(q(ns, "file")):
        f.set(q(CAT, "tool"), "test")
        e = ET.Element(foreign, {"kind": "file"})
        e.text = "file-level data"
        if v2:
            f.insert(1, e)
        else:
            header = f.find(q(X12, "header"))
            header.append(e)
    units = list(root.iter(unit_tag))
    for i, u in enumerate(units):
        u.set(q(CAT, "checked"), "yes")
        e = ET.Element(foreign, {"kind": "unit"})
        e.text = "unit-level data %d" % i
        u.insert(0, e)
        if v2:
            # a match from a TM (matches module: core source and target)
            segs = u.findall(q(X20, "segment"))
            if segs:
                mtc = "urn:oasis:names:tc:xliff:matches:2.0"
                ms = ET.Element(q(mtc, "matches"))
                m = ET.SubElement(ms, q(mtc, "match"), {"ref": "#" + (segs[0].get("id") or "")})
                for side in ("source", "target"):
                    old = segs[0].find(q(X20, side))
                    e = copy.deepcopy(old) if old is not None else ET.Element(q(X20, side))
                    e.attrib.clear()
                    e.tail = None
                    m.append(e)
                u.insert(1, ms)
            for seg in u.findall(q(X20, "segment")):
                seg.set("state", "reviewed" if i % 2 else "translated")
                seg.set(q(CAT, "match"), "100")
                t = seg.find(q(X20, "target"))
                if t is not None:
                    t.set(q(CAT, "origin"), "tm")
        else:
            t = u.find(q(X12, "target"))
            if t is not None:
                t.set("state", "translated")
                t.set(q(CAT, "origin"), "tm")
            # a fuzzy match offered by a TM, codes and all
            alt = ET.SubElement(u, q(X12, "alt-trans"), {"match-quality": "75%"})
            for side in ("source", "target"):
                old = u.find(q(X12, side)) if side == "source" else t
                e = copy.deepcopy(old) if old is not None else ET.Element(q(X12, side))
                e.attrib.clear()
                e.tail = None
                alt.append(e)
            note = ET.SubElement(u, q(X12, "note"), {"from": "translator"})
            note.text = "checked"
    # every other unit into a group of its own
    parents = {c: p for p in root.iter() for c in p}
    for i, u in enumerate(units):
        if i % 2:
            p = parents[u]
            k = list(p).index(u)
            g = ET.Element(q(ns, "group"), {"id": "g%d" % i})
            g.tail = u.tail
            p.remove(u)
            g.append(u)
            p.insert(k, g)
    reindent(root)


# ===== one page =====

def segment_count(root):
    """Segments with something to translate, in units without translate=no."""
    n = 0
    if root.tag == q(X20, "xliff"):
        def walk(el, no):
            nonlocal n
            if el.get("translate") is not None:
                no = el.get("translate") == "no"
            if el.tag == q(X20, "segment"):
                s = el.find(q(X20, "source"))
                if not no and (("".join(s.itertext()).strip(" \t\r\n")) or len(list(s.iter())) > 1):
                    n += 1
                return
            for c in el:
                walk(c, no)
        walk(root, False)
    else:
        for tu in root.iter(q(X12, "trans-unit")):
            if tu.get("translate") == "no":
                continue
            ss = tu.find(q(X12, "seg-source"))
            parts = [m for m in ss if m.tag == q(X12, "mrk") and m.get("mtype") == "seg"] if ss is not None else []
            if not parts:
                parts = [tu.find(q(X12, "source"))]
            for m in parts:
                if "".join(m.itertext()).strip(" \t\r\n") or len(list(m.iter())) > 1:
                    n += 1
    return n


def all_text(el):
    out = list(el.attrib.values())
    for e in el.iter():
        out.extend(e.attrib.values())
    return "".join(el.itertext()) + "\x00" + "\x00".join(out)


VARIANTS = [
    ("2.0", ["-t", "xliff"]),
    ("1.2", ["-t", "xliff12"]),
    ("1.2+prefill", ["-t", "xliff12", "-p", "prefill-target=yes"]),
]


def check_page(page, workdir, from_article=False):
    """[(name, problem or None)] for one page."""
    results = []
    rel = os.path.relpath(page, os.path.dirname(REPO))
    if rel.startswith(".."):
        # SHARED away from the repository: the path below it keeps the
        # outputs of corpus-web's many source.html apart.
        rel = os.path.relpath(page, SHARED)
    if rel.startswith(".."):
        rel = os.path.basename(page)
    base = re.sub(r"[^A-Za-z0-9_.-]", "_", rel)
    pre = ["--from", "article"] if from_article else []
    rc, original, err = run([ARTX] + pre + ["-t", "article", page])
    if rc != 0:
        return [("%s: artx -t article" % page, "failed: %s" % err.strip())]
    src_lang = ET.fromstring(original).get(q(XML_NS, "lang")) or ""
    lang = "de" if src_lang.split("-")[0] == "en" else "en"
    for vname, args in VARIANTS:
        label = "%s [%s]" % (page, vname)
        rc, xlf, err = run([ARTX] + pre + args + ["-T", lang, page])
        if rc != 0:
            results.append(("%s extract" % label, "artx failed: %s" % err.strip()))
            continue
        stem = os.path.join(workdir, "%s.%s" % (base, vname.replace("+", "-")))
        raw = stem + ".xlf"
        with open(raw, "wb") as f:
            f.write(xlf)
        root = ET.fromstring(xlf)
        v2 = root.tag == q(X20, "xliff")

        # untouched: every source kept, every segment counted
        rc, out, err = merge(raw, workdir)
        problem = merge_problem(rc, out, err) or compare(out, original, lang)
        if not problem:
            want = segment_count(root)
            got = untranslated(err)
            if got != want:
                problem = "untranslated: %s, expected %d" % (got, want)
        results.append(("%s untouched" % label, problem))

        # untouched copies: targets that equal their sources, the state
        # still saying they are not translated
        if vname != "1.2":
            copies = ET.fromstring(xlf)
            (fill20 if v2 else fill12)(copies, confirm=False)
            path = stem + ".copy.xlf"
            write_xml(copies, path)
            rc, out, err = merge(path, workdir)
            problem = merge_problem(rc, out, err) or compare(out, original, lang)
            if not problem and untranslated(err) != segment_count(root):
                problem = "untranslated: %s, expected %d" % (untranslated(err), segment_count(root))
            results.append(("%s copy" % label, problem))

        # identity
        ident = ET.fromstring(xlf)
        (fill20 if v2 else fill12)(ident)
        path = stem + ".identity.xlf"
        write_xml(ident, path)
        rc, out, err = merge(path, workdir)
        problem = merge_problem(rc, out, err) or compare(out, original, lang)
        if not problem and untranslated(err) != 0:
            problem = "untranslated: %s, expected 0" % untranslated(err)
        results.append(("%s identity" % label, problem))

        # identity, saved by a CAT tool
        cat_style(ident)
        path = stem + ".cat.xlf"
        write_xml(ident, path)
        rc, out, err = merge(path, workdir)
        problem = merge_problem(rc, out, err) or compare(out, original, lang)
        if not problem and untranslated(err) != 0:
            problem = "untranslated: %s, expected 0" % untranslated(err)
        results.append(("%s cat" % label, problem))

        # 1.2: a target without mrk (a tool that drops them): the whole
        # content from it; sentence elements cannot come back
        if not v2:
            plain = ET.fromstring(xlf)
            fill12_plain(plain)
            path = stem + ".plain.xlf"
            write_xml(plain, path)
            rc, out, err = merge(path, workdir)
            problem = merge_problem(rc, out, err) or compare(out, original, lang, unwrap_s=True)
            if not problem and untranslated(err) != 0:
                problem = "untranslated: %s, expected 0" % untranslated(err)
            results.append(("%s plain target" % label, problem))

        # pseudo-translation
        pseudo = ET.fromstring(xlf)
        wrapped, kept = (fill20 if v2 else fill12)(pseudo, pseudo=True,
                                                   kept_units=kept_blocks(original))
        path = stem + ".pseudo.xlf"
        write_xml(pseudo, path)
        rc, out, err = merge(path, workdir)
        problem = merge_problem(rc, out, err)
        if not problem:
            art = stem + ".pseudo.xml"
            with open(art, "wb") as f:
                f.write(out)
            vrc, _, verr = run(["xmllint", "--noout", "--nonet", "--relaxng", RNG, art])
            if vrc != 0:
                problem = "not valid against article.rng: %s" % first_line(verr)
            else:
                text = all_text(ET.fromstring(out))
                lost = [w for w in wrapped if w not in text]
                leaked = [w for w in kept if w in text]
                if lost:
                    problem = "%d of %d marked texts missing, first %r" % (
                        len(lost), len(wrapped), shorten(lost[0]))
                elif leaked or kept_texts(out) != kept_texts(original):
                    problem = "protected text changed: %r" % shorten(
                        leaked[0] if leaked else "%r != %r" % (kept_texts(out), kept_texts(original)))
                elif untranslated(err) != 0:
                    problem = "untranslated: %s, expected 0" % untranslated(err)
        results.append(("%s pseudo" % label, problem))

        # the pseudo-translation as a book and as DocBook: valid, every
        # marked text there (the EPUBs are checked in one epubcheck run)
        dbk = stem + ".pseudo.dbk"
        rc, _, err = run([ARTX, "--from", "xliff", "-t", "docbook", "-o", dbk, path])
        problem = "artx -t docbook failed: %s" % first_line(err) if rc else None
        if not problem:
            vrc, _, verr = run(["xmllint", "--noout", "--nonet", "--relaxng", DOCBOOK_RNG, dbk])
            if vrc != 0:
                problem = "DocBook not valid: %s" % first_line(verr)
            else:
                with open(dbk, encoding="utf-8") as f:
                    text = all_text(ET.fromstring(f.read()))
                lost = [w for w in wrapped if w not in text]
                if lost:
                    problem = "DocBook lacks %d marked texts, first %r" % (
                        len(lost), shorten(lost[0]))
        results.append(("%s pseudo DocBook" % label, problem))
        epub = os.path.join(workdir, "epub", os.path.basename(stem) + ".pseudo.epub")
        rc, _, err = run([ARTX, "--from", "xliff", "-t", "epub", "-o", epub, path])
        results.append(("%s pseudo EPUB" % label,
                         "artx -t epub failed: %s" % first_line(err) if rc else None))
        # bilingual books: every block in pairs (the pseudo-translation),
        # and every block once (nothing translated)
        for kind, xlf_path in (("pseudo", path), ("untouched", raw)):
            if kind == "untouched" and not v2:
                continue
            epub = os.path.join(workdir, "epub", "%s.%s.bilingual.epub" % (
                os.path.basename(stem), kind))
            rc, _, err = run([ARTX, "--from", "xliff", "--bilingual", "-t", "epub", "-o", epub,
                              xlf_path])
            results.append(("%s %s bilingual EPUB" % (label, kind),
                            "artx --bilingual -t epub failed: %s" % first_line(err) if rc
                            else None))
    return results


def first_line(s):
    for line in s.splitlines():
        if line.strip():
            return line.strip()
    return ""


def merge_problem(rc, out, err):
    if rc != 0 or not out:
        return "merge failed (exit %d): %s" % (rc, first_line(err))
    return None


# ===== refusals and parameters (built-in article) =====

SYNTHETIC = """<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="urn:artx:article" version="1" xml:lang="ko"><head><title id="title"><s id="title.s1">제목 <em>강조</em> 문장.</s> <s id="title.s2">둘째 문장!</s></title><published precision="day">2024-03-15</published><author>김민서</author><source href="https://example.com/news/1?a=1&amp;b=2" site="example"/><rights>ⓒ 예시, 무단 전재 금지</rights><reservation tdm="reserved" policy="https://example.com/tdm"/></head><body><p id="p1"><s id="p1.s1">첫 문장은 <a href="https://example.com/x?q=1&amp;r=%222%22%3C&amp;s=&apos;3&apos;">링크 <strong>굵게</strong></a> 있다.</s> <s id="p1.s2">둘째는 H<sub>2</sub>O와 x<sup>2</sup>.</s><br/><s id="p1.s3">셋째 <span xml:lang="en">English</span> 문장.</s> 꼬리 텍스트 <s id="p1.s4">넷째.</s></p><p id="p2">문장 없는 단락 <em>하나</em><br/>줄바꿈 뒤.</p><p id="p3">12,345</p><h2 id="h1">소제목 &lt;특수&gt; &amp; 기호</h2><figure id="f1"><img src="https://example.com/a.jpg" width="640" height="480" alt="다른 대체 텍스트"/><caption id="f1.c">사진 설명 <em>캡션</em></caption><credit>연합뉴스 제공</credit></figure><figure id="f2"><img src="https://example.com/b.jpg" alt="같은   캡션"/><caption id="f2.c">같은 캡션</caption></figure><figure id="f3"><img src="https://example.com/c.jpg" alt=""/></figure><figure id="f4"><img src="https://example.com/d.jpg" alt="캡션 없는 그림"/><credit>/AFP</credit></figure><blockquote id="q1"><p id="q1.p1">인용 <em>문단</em> 하나.</p><p id="q1.p2">인용 문단 둘.</p><cite>홍길동, <a href="https://example.com/book">책</a></cite></blockquote><blockquote id="q2"><p id="q2.p1">출처 없는 인용.</p></blockquote><ul id="l1"><li id="l1.i1">항목 <strong>하나</strong><ul id="l1.i1.l"><li id="l1.i1.l.i1">안쪽 항목</li><li id="l1.i1.l.i2"><a href="https://example.com/in">안쪽 링크</a><ol id="l1.i1.l.i2.l"><li id="l1.i1.l.i2.l.i1">더 안쪽</li></ol></li></ul></li><li id="l1.i2"><a href="https://example.com/only">링크만</a></li></ul><ol id="l2"><li id="l2.i1">순서 항목</li></ol><p id="p4">마지막 &amp; 단락 <br/><br/> 끝</p></body></article>
"""


def find_unit(root, uid):
    for u in root.iter():
        if local(u.tag) in ("unit", "trans-unit") and u.get("id") == uid:
            return u
    raise KeyError(uid)


def parent_of(root, el):
    for p in root.iter():
        if el in list(p):
            return p
    return None


def target_of(root, uid, seg):
    """The target (2.0) or target mrk (1.2) of segment seg of unit uid."""
    u = find_unit(root, uid)
    if root.tag == q(X20, "xliff"):
        for s in u.findall(q(X20, "segment")):
            if s.get("id") == seg:
                return s.find(q(X20, "target"))
    else:
        for m in u.find(q(X12, "target")):
            if m.get("mid") == seg:
                return m
    raise KeyError(seg)


def code(el, cid):
    for e in el.iter():
        if local(e.tag) in ("pc", "ph", "g", "x") and e.get("id") == cid:
            return e
    raise KeyError(cid)


def unwrap(parent, el):
    """Replace el by its content inside parent (keeping text)."""
    k = list(parent).index(el)
    text = el.text or ""
    kids = list(el)
    tail = el.tail or ""
    parent.remove(el)
    if k == 0:
        parent.text = (parent.text or "") + text
    else:
        parent[k - 1].tail = (parent[k - 1].tail or "") + text
    for i, c in enumerate(kids):
        parent.insert(k + i, c)
    if kids:
        kids[-1].tail = (kids[-1].tail or "") + tail
    elif k == 0:
        parent.text += tail
    else:
        parent[k - 1].tail += tail


def refusal_cases(v2):
    """[(name, mutate(root) -> root or bytes, expected message start)]."""
    ns = X20 if v2 else X12
    ptag = "pc" if v2 else "g"
    cases = []

    def unknown(r):
        find_unit(r, "p2").set("id", "p99")
        return r
    cases.append(("unknown unit id", unknown, "unit p99: the merge data has no block with this id"))

    def missing(r):
        u = find_unit(r, "q1.cite")
        parent_of(r, u).remove(u)
        return r
    cases.append(("missing unit", missing, "unit q1.cite: missing"))

    def twice(r):
        u = copy.deepcopy(find_unit(r, "p3"))
        p = parent_of(r, find_unit(r, "p3"))
        p.append(u)
        return r
    cases.append(("unit id twice", twice, "unit p3: more than one unit has this id"))

    def dup(r):
        t = target_of(r, "p1", "p1.s1")
        t.append(copy.deepcopy(code(t, "2")))
        return r
    cases.append(("duplicated code", dup, "unit p1: segment p1.s1: inline code 2 is used twice in the target"))

    def notsrc(r):
        code(target_of(r, "p1", "p1.s3"), "6").set("id", "9")
        return r
    cases.append(("%s id not in the source" % ptag, notsrc,
                  "unit p1: segment p1.s3: inline code 9 is not in the source of this segment"))

    def moved(r):
        # code 6 belongs to segment p1.s3: put it in p1.s2 as well
        t = target_of(r, "p1", "p1.s2")
        t.append(copy.deepcopy(code(target_of(r, "p1", "p1.s3"), "6")))
        return r
    cases.append(("code of another segment", moved,
                  "unit p1: segment p1.s2: inline code 6 is not in the source of this segment"))

    def lost(r):
        t = target_of(r, "p1", "p1.s2")
        unwrap(t, code(t, "3"))
        return r
    cases.append(("code missing", lost, "unit p1: segment p1.s2: inline code 3 of the source is missing from the target"))

    def kind(r):
        t = target_of(r, "p1", "p1.s2")
        c = code(t, "4")
        c.tag = q(ns, "ph" if v2 else "x")
        for k in list(c.attrib):
            if k != "id":
                del c.attrib[k]
        return r
    cases.append(("code of the wrong kind", kind, "unit p1: segment p1.s2: inline code 4 is a %s in the source but a %s in the target: it cannot nest"
                  % (ptag, "ph" if v2 else "x")))

    def split(r):
        t = target_of(r, "p1", "p1.s3")
        c = code(t, "6")
        k = list(t).index(c)
        if v2:
            sc = ET.Element(q(X20, "sc"), {"id": "6", "dataRef": "d6"})
            ec = ET.Element(q(X20, "ec"), {"startRef": "6", "dataRef": "d6e"})
        else:
            sc = ET.Element(q(X12, "bx"), {"id": "6"})
            ec = ET.Element(q(X12, "ex"), {"id": "7"})
        sc.tail = c.text
        ec.tail = c.tail
        t.remove(c)
        t.insert(k, sc)
        t.insert(k + 1, ec)
        return r
    cases.append(("codes that cannot nest", split,
                  "unit p1: segment p1.s3: inline code <%s id=\"6\"> cannot nest" % ("sc" if v2 else "bx")))

    def nodata(r):
        if v2:
            for f in r.iter(q(X20, "file")):
                f.remove(f.find(q(X20, "skeleton")))
        else:
            for f in r.iter(q(X12, "file")):
                h = f.find(q(X12, "header"))
                h.remove(h.find(q(X12, "skl")))
        return r
    cases.append(("no merge data", nodata, "unit (file): no artx merge data"))

    def notxliff(r):
        return SYNTHETIC.encode("utf-8")
    # artx names the root element as it reads the file, before the merge
    not_xliff = "not an XLIFF file (root element " if MERGE == "artx" else "unit (file): not an XLIFF"
    cases.append(("not XLIFF", notxliff, not_xliff))

    def otherxliff(r):
        return b'<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1"><file/></xliff>'
    cases.append(("XLIFF 1.1", otherxliff, not_xliff))

    if not v2:
        def badmid(r):
            t = find_unit(r, "p2").find(q(X12, "target"))
            [m for m in t if m.get("mtype") == "seg"][0].set("mid", "seg7")
            return r
        cases.append(("unknown segment mid", badmid, "unit p2: segment seg7: no segment with this id in the source"))
    return cases


def check_refusals(artx_page, workdir):
    results = []
    for vname, args in (("2.0", ["-t", "xliff"]), ("1.2", ["-t", "xliff12", "-p", "prefill-target=yes"])):
        rc, xlf, err = run([ARTX, "--from", "article"] + args + ["-T", "en", artx_page])
        if rc != 0:
            results.append(("refusals [%s]" % vname, "artx failed: %s" % err.strip()))
            continue
        v2 = vname == "2.0"
        for name, mutate, want in refusal_cases(v2):
            root = ET.fromstring(xlf)
            (fill20 if v2 else fill12)(root)
            try:
                got = mutate(root)
            except (KeyError, IndexError, ValueError) as e:
                results.append(("refusal [%s] %s" % (vname, name),
                                "the built-in article's XLIFF lacks what the case changes: %r" % e))
                continue
            path = os.path.join(workdir, "refusal.%s.%s.xlf" % (vname, re.sub(r"\W+", "-", name)))
            if isinstance(got, bytes):
                with open(path, "wb") as f:
                    f.write(got)
            else:
                write_xml(got, path)
            rc, out, err = merge(path, workdir)
            msgs = [l for l in err.splitlines() if l.startswith(("unit ", "not an XLIFF"))]
            problem = None
            if rc == 0 or out:
                problem = "not refused (exit %d, %d bytes out)" % (rc, len(out))
            elif not msgs or not msgs[0].startswith(want):
                problem = "message %r, expected %r" % (msgs[0] if msgs else first_line(err), want)
            results.append(("refusal [%s] %s" % (vname, name), problem))

    # 1.2 with the article still escaped (plain xsltproc, no unpacking)
    rc, xlf, err = run([ARTX, "--from", "article", "-t", "xliff12", "-T", "en", artx_page])
    path = os.path.join(workdir, "escaped.xlf")
    with open(path, "wb") as f:
        f.write(xlf)
    rc, out, err = run(["xsltproc", "--nonet", XSL, path])
    ok = rc != 0 and not out and "unit (file): no artx merge data (header/skl/internal-file holds the article as escaped text" in err
    results.append(("refusal [1.2] escaped merge data", None if ok else "got exit %d: %s" % (rc, first_line(err))))

    # the documented two steps with xsltproc give the same as the C side's way
    step1 = os.path.join(workdir, "escaped.unpacked.xlf")
    rc1, out1, err1 = run(["xsltproc", "--nonet", "--stringparam", "unpack-skeleton", "yes", XSL, path])
    problem = None
    if rc1 != 0:
        problem = "unpack step failed: %s" % first_line(err1)
    else:
        with open(step1, "wb") as f:
            f.write(out1)
        rc2, out2, err2 = run(["xsltproc", "--nonet", XSL, step1])
        rc3, out3, err3 = merge(path, workdir)
        if rc2 != 0 or rc3 != 0 or canon(ET.fromstring(out2)) != canon(ET.fromstring(out3)):
            problem = "two-step xsltproc result differs from the merge (%d, %d)" % (rc2, rc3)
    results.append(("xsltproc two steps [1.2]", problem))

    # empty targets keep their source and are counted
    rc, original, err = run([ARTX, "--from", "article", "-t", "article", artx_page])
    for vname, args in (("2.0", ["-t", "xliff"]), ("1.2", ["-t", "xliff12", "-p", "prefill-target=yes"])):
        rc, xlf, err = run([ARTX, "--from", "article"] + args + ["-T", "en", artx_page])
        root = ET.fromstring(xlf)
        (fill20 if vname == "2.0" else fill12)(root)
        want = empty_every_other(root)
        path = os.path.join(workdir, "partial.%s.xlf" % vname)
        write_xml(root, path)
        rc, out, err = merge(path, workdir)
        problem = merge_problem(rc, out, err) or compare(out, original, "en")
        if not problem and untranslated(err) != want:
            problem = "untranslated: %s, expected %d" % (untranslated(err), want)
        results.append(("empty targets [%s]" % vname, problem))

    # target-lang parameter: only when the file names no target language;
    # with neither the merge is refused
    for vname, args in (("2.0", ["-t", "xliff"]), ("1.2", ["-t", "xliff12"])):
        rc, xlf, err = run([ARTX, "--from", "article"] + args + [artx_page])
        path = os.path.join(workdir, "nolang.%s.xlf" % vname)
        with open(path, "wb") as f:
            f.write(xlf)
        rc, out, err = merge(path, workdir, [("target-lang", "fr")])
        lang = ET.fromstring(out).get(q(XML_NS, "lang")) if rc == 0 and out else None
        rc, out, err = merge(path, workdir)
        problem = None
        if lang != "fr":
            problem = "xml:lang with target-lang=fr: %r (want fr)" % lang
        elif rc == 0 or out or "names no target language" not in err:
            problem = "without target-lang: not refused (exit %d): %s" % (rc, first_line(err))
        results.append(("target-lang parameter [%s]" % vname, problem))
    return results


# ===== main =====

def default_pages():
    pages = sorted(p for p in glob.glob(os.path.join(REPO, "samples", "*")) if not p.endswith(".json"))
    pages += sorted(p for p in glob.glob(os.path.join(SHARED, "corpus", "*")) if not p.endswith(".json"))
    pages += sorted(glob.glob(os.path.join(SHARED, "corpus-web", "*", "source.html")))
    return pages


def epubcheck_all(folder):
    """None when epubcheck passes every EPUB in folder (0 errors, 0
    warnings), else what it said.  One JVM for all: a start costs ~4 s."""
    books = sorted(glob.glob(os.path.join(folder, "*.epub")))
    if not books:
        return "no EPUB was made"
    if not os.path.exists(EPUBCHECK_JAR) or not shutil.which("java"):
        if os.environ.get("CI") == "true":
            return "epubcheck missing: install the Debian packages epubcheck, default-jdk-headless"
        print("roundtrip: epubcheck missing (Debian packages epubcheck, default-jdk-headless):"
              " EPUBs not checked", file=sys.stderr)
        return None
    rc, out, err = run(["java", "-cp", EPUBCHECK_JAR,
                        os.path.join(REPO, "tests", "epubcheck", "EpubBatch.java")] + books)
    if rc != 0:
        lines = (out.decode("utf-8", "replace") + err).strip().splitlines()
        return " | ".join(lines[:12])
    return None


def main():
    global ARTX, MERGE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--artx", default=os.path.join(REPO, "build", "artx"))
    ap.add_argument("--keep", metavar="DIR", help="keep the files made in DIR")
    ap.add_argument("--merge", choices=("xsltproc", "artx"), default=MERGE,
                    help="merge with xsltproc and the stylesheet, or artx --from xliff")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("pages", nargs="*")
    opts = ap.parse_args()
    ARTX = os.path.abspath(opts.artx)
    MERGE = opts.merge
    pages = opts.pages or default_pages()

    tmp = None
    if opts.keep:
        workdir = os.path.abspath(opts.keep)
        os.makedirs(workdir, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="artx-roundtrip-")
        workdir = tmp.name
    synthetic = os.path.join(workdir, "built-in-article.xml")
    with open(synthetic, "w", encoding="utf-8") as f:
        f.write(SYNTHETIC)

    os.makedirs(os.path.join(workdir, "epub"), exist_ok=True)
    jobs = [(p, False) for p in pages] + [(synthetic, True)]
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as ex:
        futs = [ex.submit(check_page, p, workdir, fa) for p, fa in jobs]
        futs.append(ex.submit(check_refusals, synthetic, workdir))
        for fut in futs:
            try:
                results.extend(fut.result())
            except Exception as e:  # a bug in a check is a failure too
                results.append(("internal error", "%s: %s" % (type(e).__name__, e)))
    results.append(("epubcheck of the pseudo-translated EPUBs",
                    epubcheck_all(os.path.join(workdir, "epub"))))
    if not opts.pages and not os.path.isdir(os.path.join(SHARED, "corpus")):
        missing = ("%s/corpus is missing: set SHARED to the folder of third-party test material"
                   % SHARED)
        if os.environ.get("CI") == "true":
            results.append(("third-party pages", missing))
        else:
            print("roundtrip: ***** %s: only samples/ were checked *****" % missing,
                  file=sys.stderr)
    passed = failed = 0
    for name, problem in results:
        if problem:
            failed += 1
            print("FAIL %s: %s" % (name, problem))
        else:
            passed += 1
    print("roundtrip: %d passed, %d failed" % (passed, failed))
    if tmp:
        tmp.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
