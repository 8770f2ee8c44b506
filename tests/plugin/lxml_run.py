"""lxml_run.py - artx's stylesheets through Python's lxml (Debian's
python3-lxml, on the system libxslt), with the plugin loaded from
$LIBXSLT_PLUGINS_PATH.  Run from the repository's top folder.

  lxml_run.py article PAGE ENCODING OUT   xslt/html-to-article.xsl on the
                                          page as lxml's HTMLParser reads it
  lxml_run.py xliff ARTICLE LANG OUT      xslt/article-to-xliff20.xsl with
                                          target-lang=LANG
  lxml_run.py threads N PAGE...           html-to-article.xsl on every page
                                          in N threads at once (lxml runs
                                          XSLT without the GIL), 4 rounds;
                                          every result must equal the
                                          single-threaded one

Writes the serialised result to OUT; on a transformation error prints
lxml's error log and exits 1."""
import sys
import threading

from lxml import etree


def transform(stylesheet, doc, **params):
    xslt = etree.XSLT(etree.parse(stylesheet))
    try:
        return bytes(xslt(doc, **{k: etree.XSLT.strparam(v) for k, v in params.items()}))
    except etree.XSLTApplyError as e:
        msg = "lxml: %s: %s" % (stylesheet, e)
        for entry in xslt.error_log:
            msg += "\n  %s" % entry
        raise RuntimeError(msg) from None


def article(page, encoding="utf-8"):
    doc = etree.parse(page, etree.HTMLParser(encoding=encoding))
    return transform("xslt/html-to-article.xsl", doc)


def threads(n, pages):
    want = {p: article(p) for p in pages}
    problems = []

    def work(k):
        try:
            for r in range(4):
                for p in pages[k % len(pages):] + pages[:k % len(pages)]:
                    if article(p) != want[p]:
                        problems.append("%s: thread %d round %d differs" % (p, k, r))
        except Exception as e:  # reported below, the test fails
            problems.append("thread %d: %s" % (k, e))

    ts = [threading.Thread(target=work, args=(k,)) for k in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    for p in problems[:5]:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def main():
    mode = sys.argv[1]
    try:
        if mode == "threads":
            return threads(int(sys.argv[2]), sys.argv[3:])
        src, arg, out = sys.argv[2:5]
        if mode == "article":
            data = article(src, arg)
        elif mode == "xliff":
            data = transform("xslt/article-to-xliff20.xsl", etree.parse(src), **{"target-lang": arg})
        else:
            print("lxml_run.py: unknown mode %s" % mode, file=sys.stderr)
            return 2
    except RuntimeError as e:
        print(e, file=sys.stderr)
        return 1
    with open(out, "wb") as f:
        f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
