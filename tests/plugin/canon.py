"""canon.py A B - exit 0 when two XML files are the same document: equal
after dropping the whitespace-only text that indentation puts between the
structural elements of an artx article (article, head, body, figure,
blockquote, ul, ol in urn:artx:article, wherever they sit, e.g. in an XLIFF
skeleton), then C14N 2.0 (xml.etree.ElementTree.canonicalize).  On a
difference, prints the first differing line of the two canonical forms.

Standard library only, so it runs where python3-lxml is missing."""
import sys
import xml.etree.ElementTree as ET

NS = "{urn:artx:article}"
STRUCTURAL = {NS + n for n in ("article", "head", "body", "figure", "blockquote", "ul", "ol")}


def blank(s):
    return s is not None and s.strip(" \t\r\n") == ""


def canonical(path):
    tree = ET.parse(path)
    for el in tree.iter():
        if el.tag in STRUCTURAL:
            if blank(el.text):
                el.text = None
            for child in el:
                if blank(child.tail):
                    child.tail = None
    return ET.canonicalize(ET.tostring(tree.getroot(), encoding="unicode"))


def main():
    a, b = canonical(sys.argv[1]), canonical(sys.argv[2])
    if a == b:
        return 0
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            print("line %d:\n  %s\n  %s" % (i + 1, x[:300], y[:300]))
            break
    else:
        print("one canonical form is a prefix of the other (%d vs %d lines)" % (len(la), len(lb)))
    return 1


if __name__ == "__main__":
    sys.exit(main())
