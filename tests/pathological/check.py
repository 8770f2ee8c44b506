#!/usr/bin/python3
"""check.py CHECK FILE [ARG...] - what tests/pathological/run.sh asks of an output.

An EPUB (any ZIP) is looked into entry by entry, decompressed; any other file is read
as it is.  Prints what is wrong on one line and exits 1, or prints nothing and exits 0.

  has FILE WORD...      every WORD is in the output
  lacks FILE WORD...    no WORD is in the output
  epubxml FILE          every XML entry of the EPUB (.xhtml .opf .ncx .xml) is well-formed
  urls FILE             no attribute holds a live javascript:, vbscript: or data: URL
                        (read as a browser does: controls and spaces around it and
                        tabs and newlines inside it ignored, any case)
  packed FILE LOCAL...  no entry of the EPUB has the bytes of a LOCAL file
"""
import re
import sys
import xml.parsers.expat
import zipfile

XML_ENTRY = re.compile(r"\.(xhtml|html|opf|ncx|xml|svg)$")
LIVE = re.compile(r"^(javascript|vbscript|data):")


def parts(path):
    """(name, bytes) of each entry of a ZIP, else of the file itself."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return [(i.filename, z.read(i)) for i in z.infolist()]
    with open(path, "rb") as f:
        return [(path, f.read())]


def live_urls(name, data):
    found = []

    def start(tag, attrs):
        for attr, value in attrs.items():
            url = re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08"
                                                       "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14"
                                                       "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d"
                                                       "\x1e\x1f ").lower()
            if LIVE.match(url):
                found.append(f"{name}: <{tag.split(' ')[-1]} {attr.split(' ')[-1]}="
                             f"\"{value[:40]}\">")
    p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    p.StartElementHandler = start
    try:
        p.Parse(data, True)
    except xml.parsers.expat.ExpatError as e:
        found.append(f"{name}: not well-formed: {e}")
    return found


def main():
    check, path, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    entries = parts(path)
    problems = []
    if check in ("has", "lacks"):
        for word in args:
            w = word.encode()
            present = any(w in data for _, data in entries)
            if check == "has" and not present:
                problems.append(f"{word} missing")
            if check == "lacks" and present:
                problems.append(f"{word} present")
    elif check == "epubxml":
        for name, data in entries:
            if XML_ENTRY.search(name):
                p = xml.parsers.expat.ParserCreate()
                try:
                    p.Parse(data, True)
                except xml.parsers.expat.ExpatError as e:
                    problems.append(f"{name} not well-formed: {e}")
    elif check == "urls":
        for name, data in entries:
            if name == path or XML_ENTRY.search(name):
                problems += live_urls(name, data)
    elif check == "packed":
        local = {}
        for f in args:
            try:
                with open(f, "rb") as fh:
                    local[fh.read()] = f
            except OSError:
                pass
        for name, data in entries:
            if data in local:
                problems.append(f"{local[data]} packed as {name}")
    else:
        sys.exit(__doc__)
    if problems:
        print("; ".join(problems)[:400])
        sys.exit(1)


if __name__ == "__main__":
    main()
