#!/usr/bin/python3
"""gen.py DIR ARTX PORT - write the hostile inputs of tests/pathological/run.sh into DIR.

Everything is generated at test time, deterministically (no large file is committed):
pages, article XML, XLIFF, SRX files and stylesheet folders, one file or folder per case,
named as run.sh names its cases.  The XLIFF inputs start from what ARTX writes for a small
page (base.html), so they stay what a CAT tool would hand back.  PORT is the port of
listen.py: network URLs name it, where a fetch leaves a trace.

Markers (ZQX...) are ASCII words that survive every output format, so run.sh can tell
whether the text at the bottom, the end or after the hostile bytes reached the output.
"""
import os
import random
import re
import struct
import subprocess
import sys
import zlib

MB = 1024 * 1024

KO = [
    "한빛구가 다음 달부터 구립 도서관 여섯 곳의 운영 시간을 밤 10시까지 늘린다고 {n}일 밝혔다.",
    "퇴근한 뒤에도 책을 빌리고 공부할 수 있게 하려는 것이다.",
    "구는 늘어난 시간에 일할 사서 12명을 새로 뽑고 열람실 좌석도 120석 늘린다.",
    "The council said the longer hours would start on March {n}.",
    "주민 설명회는 {n}일 오후 구청 대강당에서 열린다.",
    "\"시간이 늘어 반갑다\"고 한 주민은 말했다.",
]
WORDS = ["도서관", "주민", "운영", "시간", "library", "hours", "열람실", "사서",
         "council", "좌석", "설명회", "대강당", "night", "books", "한빛구", "reading"]
INTRO = ("<p>한빛구가 다음 달부터 구립 마을 도서관 여섯 곳의 운영 시간을 밤 10시까지 늘린다고 "
         "밝혔다. 퇴근한 뒤에도 책을 빌리고 공부할 수 있게 하려는 것이다.</p>\n"
         "<p>구는 늘어난 시간에 일할 사서 12명을 새로 뽑고, 열람실 좌석도 120석 늘린다. "
         "주민 설명회는 다음 주 구청 대강당에서 열린다.</p>\n")


def page(body, head="", charset="utf-8", title="마을 도서관, 밤 10시까지 문 연다"):
    return (f'<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="{charset}">\n'
            f"<title>{title} - 한빛일보</title>\n{head}</head>\n<body>\n<article>\n"
            f"<h1>{title}</h1>\n{body}</article>\n</body>\n</html>\n")


def sentences(size, seed):
    """Ordinary Korean-and-English sentences, about `size` bytes of UTF-8."""
    out, n, total = [], seed, 0
    while total < size:
        s = KO[n % len(KO)].format(n=n % 28 + 1)
        out.append(s)
        total += len(s.encode()) + 1
        n += 1
    return " ".join(out)


def runon(size):
    """Words and spaces only: no punctuation anywhere."""
    rnd = random.Random(25)
    parts, total = [], 0
    while total < size:
        w = WORDS[rnd.randrange(len(WORDS))]
        parts.append(w)
        total += len(w.encode()) + 1
    return " ".join(parts)


def png(width, height, seed):
    """A small, valid, distinct RGB PNG."""
    rows = b"".join(b"\0" + bytes((x * seed + y * 7) & 255 for x in range(width * 3))
                    for y in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def article(body, doctype="", title="마을 도서관"):
    """An article in artx's model (valid against article.rng)."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
            + '<article xmlns="urn:artx:article" version="1" xml:lang="ko"><head>'
            f'<title id="title"><s id="title.s1">{title}</s></title></head><body>'
            f"{body}</body></article>\n")


def para(pid, text):
    return f'<p id="{pid}"><s id="{pid}.s1">{text}</s></p>'


def write(d, name, data):
    path = os.path.join(d, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


# The entity attacks, each as (internal subset, reference to put in the text).
def laughs():
    decls = ['<!ENTITY lol0 "ZQXLOL">']
    decls += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return "\n".join(decls), "&lol9;"


def quadratic():
    return f'<!ENTITY a "ZQXQUAD{"x" * 100_000}">', "&a;" * 10_000


def attacks(root, port):
    """name -> DOCTYPE text, reference for the text."""
    lol, lolref = laughs()
    quad, quadref = quadratic()
    return {
        "xxe": (f'<!DOCTYPE {root} [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n', "&x;"),
        # The external subset on a closed port, and a parameter entity on the listener:
        # the listener sees any attempt to load either kind.
        "netdtd": (f'<!DOCTYPE {root} SYSTEM "http://127.0.0.1:9/x.dtd" [\n'
                   f'<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/remote.dtd">\n%remote;\n]>\n',
                   "&netleak;"),
        "laughs": (f"<!DOCTYPE {root} [\n{lol}\n]>\n", lolref),
        "quadratic": (f"<!DOCTYPE {root} [\n{quad}\n]>\n", quadref),
    }


def pages(d):
    w = lambda name, data: write(d, name, data)
    w("base.html", page(
        INTRO
        + '<p>자세한 내용은 <a href="https://example.org/story">구립도서관 누리집</a>에서 볼 수 '
          '있다. 문의는 <a href="https://example.org/more">민원 창구</a>로 하면 된다.</p>\n'
        + "".join(f'<figure><img src="https://example.org/photo{i}.jpg" alt="열람실 사진 {i}" '
                  f'width="160" height="120"><figcaption>열람실 사진 {i}. 한빛구 제공</figcaption>'
                  "</figure>\n" for i in (1, 2, 3, 4, 5))
        + "<p>한빛일보 문하늘 기자 sky@example.kr</p>\n"))

    bottom = "<p>ZQXBOTTOM 맨 아래의 문장도 기사의 일부다.</p>\n"
    after = "<p>ZQXAFTER 깊은 곳 다음의 문장도 기사의 일부다.</p>\n"
    w("nest-div-200k.html", page(INTRO + "<div>" * 200_000 + bottom))
    w("nest-300.html", page(INTRO + "<div>" * 300 + bottom + "</div>" * 300 + after))
    w("text-10mb.html", page(INTRO + "<p>" + sentences(11_000_000, 0) + " ZQXTEXTEND 끝.</p>\n"))
    w("runon-25mb.html", page(INTRO + "<p>" + runon(25 * MB) + " ZQXRUNONEND</p>\n"))
    paras, size, n = [], 0, 0
    while size < 30 * MB:
        p = f"<p>{sentences(2000, n)}</p>\n"
        paras.append(p)
        size += len(p.encode())
        n += 1
    paras[0] = "<p>ZQXFIRST " + paras[0][3:]
    paras[-1] = "<p>ZQXLAST " + paras[-1][3:]
    w("page-30mb.html", page("".join(paras)))

    classes = " ".join(f"c{i}" for i in range(150_000))[:MB]
    w("attr-class.html", page(f'<div class="{classes}">' + INTRO + f'<p class="{classes}">'
                              "ZQXCLASS 속성이 큰 문단도 기사의 일부다.</p></div>\n"))
    w("attr-href.html", page(INTRO + f'<p>링크 <a href="https://example.org/{"a" * MB}">'
                             "ZQXLINKTEXT 누리집</a>에서 볼 수 있다.</p>\n"))
    alt = runon(MB)
    w("attr-alt.html", page(INTRO + f'<figure><img src="https://example.org/p.jpg" alt="{alt} '
                            'ZQXALTEND" width="160" height="120"><figcaption>열람실 사진. '
                            "한빛구 제공</figcaption></figure>\n"))

    w("only-lt.html", "<" * (2 * MB))
    w("random.html", random.Random(10).randbytes(4 * MB))
    w("nul.html", page(INTRO + "<p>앞 문장이다.\0 ZQXAFTERNUL 뒤 문장도\0\0 기사의 일부다.</p>\n",
                       title="널\0바이트"))
    ctrl = "".join(map(chr, [1, 2, 7, 8, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x85, 0x9B, 0xFFFE, 0xFFFF]))
    w("ctrl.html", page(INTRO + f'<p>제어{ctrl}문자가 섞인 문장이다 &#1;&#x1b;&#xFFFE;&#xD800;'
                        f"&#x110000;&#0; ZQXCTRL 끝.</p>\n<figure><img "
                        f'src="https://example.org/c.jpg" alt="대체{ctrl}문구"></figure>\n',
                        title=f"제목{ctrl}"))
    body = (INTRO + "<p>깨진 UTF-8이 섞인 문장이다 ").encode()
    for bad in (b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xea\xb0",
                b"\xff\xfe", b"\xf4\x90\x80\x80", b"\xe0\x80\xaf"):
        body += "도서관".encode() + bad + b" "
    body += " ZQXUTF8 끝.</p>\n".encode()
    w("utf8-broken.html", page("@BODY@").encode().replace(b"@BODY@", body))
    phrase = "<p>잘못 표시된 문자셋의 똠방각하 기사도 읽힌다.</p>\n"
    w("charset-euckr-utf8.html", page(INTRO + phrase, charset="euc-kr"))
    w("charset-utf8-cp949.html", page(INTRO + phrase).encode("cp949"))


def articles(d, port):
    w = lambda name, data: write(d, name, data)
    intro = para("p1", "한빛구가 도서관 운영 시간을 늘린다고 밝혔다.")
    w("art-nest-200k.xml", article(intro + '<p id="p2"><s id="p2.s1">' + "<em>" * 200_000
                                   + "ZQXBOTTOM" + "</em>" * 200_000 + "</s></p>"))
    w("art-nest-300.xml", article(intro + '<p id="p2"><s id="p2.s1">' + "<em>" * 300
                                  + "ZQXBOTTOM" + "</em>" * 300 + "</s></p>"
                                  + para("p3", "ZQXAFTER 다음 문단.")))
    w("art-text-10mb.xml", article(intro + para("p2", sentences(11_000_000, 0) + " ZQXTEXTEND")))
    for name, (doctype, ref) in attacks("article", port).items():
        w(f"art-{name}.xml", article(intro + para("p2", f"앞 {ref} 뒤 ZQXREF."), doctype))
    w("art-doctype.xml", article(
        intro + para("p2", "회사는 &co;이고 &x; 끝 ZQXREF.") + para("p3", "&co; 두 번째."),
        '<!DOCTYPE article [\n<!ENTITY co "한빛 주식회사">\n'
        '<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n', title="&co; 소식"))
    w("url-article.xml", article(
        intro + '<p id="p2"><s id="p2.s1">링크 <a href="javascript:alert(1)">ZQXJS</a>, '
        '<a href="JaVaScRiPt:alert(2)">대소문자</a>, '
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==">데이터</a>, '
        '<a href="vbscript:msgbox(4)">vb</a>.</s></p>'
        '<figure id="f1"><img src="data:image/svg+xml;base64,PHN2Zy8+" alt="데이터 그림"/></figure>'
        '<figure id="f2"><img src="javascript:alert(5)" alt="스크립트 그림"/></figure>'))


def xliffs(d, artx, port):
    """The XLIFF cases, from what artx writes for base.html."""
    def run(*args):
        return subprocess.run([artx, *args, os.path.join(d, "base.html")], check=True,
                              capture_output=True).stdout.decode()
    x20 = run("-t", "xliff", "-T", "en")
    x12 = run("-t", "xliff12", "-T", "en", "-p", "prefill-target=yes")
    w = lambda name, data: write(d, name, data)
    w("base.xlf", x20)
    w("base12.xlf", x12)

    def translated(x, target):
        """Every 2.0 segment gets a target: `target` in the first, its source elsewhere."""
        first = [True]

        def one(m):
            t = target if first[0] else m.group(1)
            first[0] = False
            return f"<source>{m.group(1)}</source><target>{t}</target>"
        return re.sub(r"<source>(.*?)</source>", one, x, flags=re.S)

    def doctype(x, dt):
        return x.replace("?>\n", "?>\n" + dt, 1)

    w("xlf-nest-200k.xlf", translated(x20, "<mrk id=\"m\">" * 200_000 + "ZQXBOTTOM" + "</mrk>" * 200_000))
    w("xlf-nest-300.xlf", translated(x20, "".join(f'<mrk id="m{i}">' for i in range(300))
                                     + "ZQXBOTTOM" + "</mrk>" * 300))
    for name, (dt, ref) in attacks("xliff", port).items():
        w(f"xlf-{name}.xlf", doctype(translated(x20, f"앞 {ref} 뒤 ZQXREF"), dt))

    # Hostile URLs where a merge takes them from: the skeleton (images, and 1.2's links)
    # and 2.0's originalData (links), with every segment translated.
    evil = {"https://example.org/story": "javascript:alert(document.cookie)",
            "https://example.org/more": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "https://example.org/photo1.jpg": "data:image/svg+xml;base64,PHN2Zy8+",
            "https://example.org/photo2.jpg": "javascript:alert(2)",
            "https://example.org/photo3.jpg": "JaVaScRiPt:alert(3)"}
    here = os.path.abspath(os.path.join(d, "img-xlf"))
    local = {"https://example.org/photo1.jpg": "/etc/passwd",
             "https://example.org/photo2.jpg": "file:///etc/hostname",
             "https://example.org/photo3.jpg": "photo.png",
             "https://example.org/photo4.jpg": f"{here}/abs.png",
             "https://example.org/photo5.jpg": f"file://{here}/url.png"}

    def swap(x, table):
        for old, new in table.items():
            x = x.replace(old, new)
        return x
    w("url-xlf20.xlf", swap(translated(x20, "ZQXTARGET 번역"), evil))
    w("url-xlf12.xlf", swap(x12, evil))
    w("img-xlf/page.xlf", swap(translated(x20, "ZQXTARGET 번역"), local))
    for i, name in enumerate(("photo", "abs", "url")):
        w(f"img-xlf/{name}.png", png(16, 16, 3 + i * 10))


def images(d):
    """Pages naming local files as images, beside a real PNG; also with a remote base."""
    for sub, head in (("img-page", ""), ("img-base", '<base href="https://example.com/news/">\n')):
        here = os.path.abspath(os.path.join(d, sub))
        write(d, f"{sub}/photo.png", png(16, 16, 5))
        write(d, f"{sub}/abs.png", png(16, 16, 6))
        write(d, f"{sub}/url.png", png(16, 16, 7))
        figures = "".join(
            f'<figure><img src="{src}" alt="그림 {i}" width="640" height="480">'
            f"<figcaption>그림 {i}. 한빛구 제공</figcaption></figure>\n"
            for i, src in enumerate(["/etc/passwd", "file:///etc/hostname", "photo.png",
                                     f"{here}/abs.png", f"file://{here}/url.png"], 1))
        write(d, f"{sub}/page.html", page(INTRO + figures, head=head))
    # javascript: and data: in a page.
    write(d, "url-page.html", page(
        INTRO + '<p>링크 <a href="javascript:alert(1)">ZQXJS</a>, '
        '<a href=" JaVaScRiPt:alert(2)">대소문자</a>, <a href="java&#x09;script:alert(3)">탭</a>, '
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==">데이터</a>, '
        '<a href="vbscript:msgbox(5)">vb</a> 끝.</p>\n'
        '<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="데이터 그림" width="1" '
        'height="1"><figcaption>데이터 그림.</figcaption></figure>\n'
        '<figure><img src="javascript:alert(6)" alt="스크립트 그림" width="1" height="1">'
        "<figcaption>스크립트 그림.</figcaption></figure>\n"))


SRX = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header segmentsubflows="yes" cascade="no"/>
<body><languagerules><languagerule languagerulename="Hostile">
<rule break="no"><beforebreak>{ref}</beforebreak><afterbreak>\\s</afterbreak></rule>
<rule break="yes"><beforebreak>[.?!]</beforebreak><afterbreak>\\s</afterbreak></rule>
</languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="Hostile"/></maprules></body></srx>
"""


def srx(d, port):
    for name, (doctype, ref) in attacks("srx", port).items():
        write(d, f"srx-{name}.srx", SRX.format(doctype=doctype, ref=ref))
    # A rule that backtracks without end on a run of a's, and a page that has such runs.
    write(d, "srx-redos.srx", SRX.format(doctype="", ref="(a+)+b"))
    write(d, "redos.html", page(INTRO + "<p>" + ("a" * 60 + ". ") * 200 + "ZQXREDOS 끝.</p>\n"))
    # The case: a 100 KB file, one large internal entity referenced many times.
    write(d, "srx-entity.srx", SRX.format(
        doctype=f'<!DOCTYPE srx [\n<!ENTITY big "{"(?:x)" * 10_000}">\n]>\n', ref="&big;" * 12_000))


STYLE = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}<xsl:stylesheet version="{version}" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
{top}
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">{body}</xsl:template>
{more}
</xsl:stylesheet>
"""


def stylesheets(d, port):
    """Folders for --stylesheets, each with a hostile article-to-text.xsl (run -t text)."""
    out = os.path.abspath(os.path.join(d, "written"))
    outside = os.path.abspath(os.path.join(d, "outside"))

    def sheet(name, body="", doctype="", top="", more="", version="1.0"):
        write(d, f"sty-{name}/article-to-text.xsl", STYLE.format(
            doctype=doctype, version=version, top=top, body=body, more=more))
    write(d, "outside/secret.xml", "<secret>ZQXSECRET</secret>\n")
    write(d, "outside/evil.xsl", STYLE.format(
        doctype="", version="1.0", top="", body="ZQXEVIL", more="").replace(
        '<xsl:template match="/">ZQXEVIL</xsl:template>',
        '<xsl:template name="evil">ZQXEVIL</xsl:template>'))
    for name, (doctype, ref) in attacks("xsl:stylesheet", port).items():
        sheet(name, f"앞 {ref} 뒤 ZQXREF", doctype)
    sheet("recurse", '<xsl:call-template name="endless"/>',
          more='<xsl:template name="endless"><xsl:text>r</xsl:text>'
               '<xsl:call-template name="endless"/></xsl:template>')
    # 4 nested loops over every node and attribute of the article: about 10^9 lines.
    sheet("loop", '<xsl:variable name="n" select="//node() | //@*"/>'
          + '<xsl:for-each select="$n">' * 4
          + "<xsl:text>the same line again, and again, and again&#10;</xsl:text>"
          + "</xsl:for-each>" * 4)
    # The same loops with no output: 10^9 instructions, and 10^9 XPath steps in one expression.
    sheet("idle", '<xsl:variable name="n" select="//node() | //@*"/>'
          + '<xsl:for-each select="$n">' * 4 + '<xsl:if test="false()">x</xsl:if>'
          + "</xsl:for-each>" * 4)
    sheet("xpath", '<xsl:value-of select="count(//node()[count(//node()[count(//node()'
          '[count(//node()) &gt; 0]) &gt; 0]) &gt; 0])"/>')
    # Files written into DIR/../written/ (a folder of its own, which does not exist yet).
    sheet("xsldoc", f'<xsl:document href="{out}/xsl/pwned.txt" method="text">'
          "ZQXWRITTEN</xsl:document><xsl:text>done</xsl:text>", version="1.1")
    sheet("exsldoc", f'<exsl:document href="{out}/exsl/pwned.txt" method="text">'
          "ZQXWRITTEN</exsl:document><xsl:text>done</xsl:text>")
    sheet("doc-passwd", "<xsl:value-of select=\"document('/etc/passwd')\"/>"
          "<xsl:value-of select=\"document('file:///etc/passwd')\"/><xsl:text>done</xsl:text>")
    sheet("doc-outside", f"<xsl:value-of select=\"document('{outside}/secret.xml')\"/>"
          "<xsl:value-of select=\"document('../outside/secret.xml')\"/><xsl:text>done</xsl:text>")
    sheet("doc-net", f"<xsl:value-of select=\"document('http://127.0.0.1:{port}/doc.xml')\"/>"
          "<xsl:value-of select=\"document('http://127.0.0.1:9/')\"/><xsl:text>done</xsl:text>")
    sheet("include", '<xsl:call-template name="evil"/>',
          top='<xsl:include href="../outside/evil.xsl"/>')
    sheet("import-abs", '<xsl:call-template name="evil"/>',
          top=f'<xsl:import href="file://{outside}/evil.xsl"/>')


def outputs(d):
    write(d, "a/page.html", page(INTRO + "<p>ZQXPAGEA 첫 번째 폴더의 기사.</p>\n"))
    write(d, "b/page.html", page(INTRO + "<p>ZQXPAGEB 두 번째 폴더의 기사.</p>\n"))
    write(d, "segment.txt", "첫 문장이다. 두 번째 문장이다.\n")


def main():
    d, artx, port = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(d, exist_ok=True)
    pages(d)
    articles(d, port)
    xliffs(d, artx, port)
    images(d)
    srx(d, port)
    stylesheets(d, port)
    outputs(d)


if __name__ == "__main__":
    main()
