#!/usr/bin/python3
"""browser.py - artx's XHTML page and EPUB content document laid out by a real
browser (headless Chromium) at a phone's width.

For every page of samples/ and $SHARED/corpus, `artx -t xhtml` is loaded at
360x740 CSS px as a phone shows it (its viewport meta obeyed), and for the
samples (and tests/epub/local-images.html, whose photo artx packages) the
EPUB's article.xhtml with its style.css, as a reading system lays it out at
the screen's width.  Each must show:
  - nothing wider than the viewport: the document's scrollWidth, every
    element's box and every element's own content (long URLs and Latin words
    must wrap);
  - every figure with an img: the image loaded, scaled to fit, and its
    figcaption rendered, visible and below it;
  - no request to the network.
A full-height screenshot of each is kept in OUT (build/browser/), a test
artifact to look at, never compared or committed.

No network: every img source becomes a local SVG placeholder of the size
the page declares (width, and height or 2:3 of the width; 1200x800 where it
declares none, the widest photo the corpus has), so the layout is checked
with images of realistic size; the browser resolves no host name
(--host-resolver-rules) and any http(s) request is failed and reported
(Fetch domain).

One browser for all documents, driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: NUL-terminated JSON on fds 3 and 4), with the
standard library only: a start costs ~1.5 s, a document ~0.1 s, and the
protocol gives an exact viewport, the load event, script results and the
network, which --dump-dom and --screenshot give only by scraping.

A missing chromium is a loud skip naming the Debian package, a failure under
CI=true.
"""
import argparse
import base64
import fcntl
import glob
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

from lxml import etree

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(REPO, "..", "shared"))
XHTML = "http://www.w3.org/1999/xhtml"
WIDTH, HEIGHT = 360, 740
TIMEOUT = 30  # seconds a document may take to load and be measured

# Runs in the document once it has loaded and its fonts are ready; returns
# the list of what is wrong with the layout.
CHECK = r"""
(async () => {
  await document.fonts.ready;
  const vw = document.documentElement.clientWidth, problems = [];
  const name = (el) => el.localName + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className : '');
  if (vw !== %(width)d)
    problems.push('layout viewport ' + vw + ' px wide, not %(width)d (viewport meta?)');
  const sw = document.documentElement.scrollWidth;
  if (sw > vw)
    problems.push('document scrollWidth ' + sw + ' > viewport ' + vw);
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0)
      continue;
    if (r.right > vw + 0.5 || r.left < -0.5)
      problems.push(name(el) + ' spans ' + r.left.toFixed(1) + '..' + r.right.toFixed(1) +
                    ' px, beyond the viewport');
    else if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      problems.push(name(el) + ' holds content ' + el.scrollWidth + ' px wide in ' +
                    el.clientWidth + ' px');
  }
  const shown = (el) => {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility === 'visible' && +s.opacity > 0 &&
           r.width > 0 && r.height > 0;
  };
  // captioned: the ids of the article's figures that have a caption or a
  // credit (a figure the page gave neither has nothing to show).
  const captioned = new Set(%(captioned)s);
  let figures = 0;
  for (const fig of document.querySelectorAll('figure')) {
    const img = fig.querySelector('img');
    if (img) {
      figures++;
      if (!img.complete || img.naturalWidth === 0)
        problems.push(name(fig) + ': its image did not load');
      else if (!shown(img))
        problems.push(name(fig) + ': the image is not shown');
    }
    if (!captioned.delete(fig.id))
      continue;
    const cap = fig.querySelector('figcaption');
    if (!cap) {
      problems.push(name(fig) + ': no figcaption');
      continue;
    }
    const c = cap.getBoundingClientRect();
    if (!shown(cap) || !cap.innerText.trim())
      problems.push(name(fig) + ': the figcaption is not shown');
    else if (img && c.top < img.getBoundingClientRect().bottom - 0.5)
      problems.push(name(fig) + ': the figcaption (top ' + c.top.toFixed(1) +
                    ') is not below the image (bottom ' +
                    img.getBoundingClientRect().bottom.toFixed(1) + ')');
  }
  for (const id of captioned)
    problems.push('the captioned figure ' + id + ' is not in the document');
  return {problems: problems.slice(0, 8), count: problems.length, figures,
          captions: %(ncaptioned)d, height: document.documentElement.scrollHeight};
})()
"""


class Browser:
    """Headless Chromium over the DevTools protocol on a pipe."""

    def __init__(self, exe, profile, log):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # The pipe ends must be fds 3 (commands in) and 4 (answers out) in
        # the browser; moved out of the way first, in case either is 3 or 4.
        def fds():
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_r, from_browser_w)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)
        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars", "--mute-audio",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
             "--user-data-dir=" + profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=log,
            preexec_fn=fds, pass_fds=(3, 4))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buf = b""
        self.next_id = 0
        self.events = []  # events no one has waited for yet
        self.network = []  # the requests failed for the document being rendered

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)

    def _read(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError("the browser did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("the browser closed its pipe (exit %s)" % self.proc.poll())
                self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def post(self, method, params=None, session=None):
        """Sends a command without waiting: its id."""
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_browser, json.dumps(msg).encode() + b"\0")
        return self.next_id

    def receive(self, deadline):
        """The next message that is not a paused request.  A paused request
        is answered at once (a navigation's reply waits for its request):
        local ones go on, any other fails and is remembered."""
        while True:
            msg = self._read(deadline)
            if msg.get("method") != "Fetch.requestPaused":
                return msg
            p = msg["params"]
            url = p["request"]["url"]
            if url.startswith(("file:", "data:")):
                self.post("Fetch.continueRequest", {"requestId": p["requestId"]},
                          msg.get("sessionId"))
            else:
                self.network.append(url)
                self.post("Fetch.failRequest",
                          {"requestId": p["requestId"], "errorReason": "BlockedByClient"},
                          msg.get("sessionId"))

    def send(self, method, params=None, session=None, timeout=TIMEOUT):
        """Sends a command and waits for its result; events that come
        meanwhile are kept for wait_event."""
        want = self.post(method, params, session)
        deadline = time.monotonic() + timeout
        while True:
            reply = self.receive(deadline)
            if reply.get("id") == want:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"].get("message")))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method, session, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            for i, ev in enumerate(self.events):
                if ev["method"] == method and ev.get("sessionId") == session:
                    return self.events.pop(i)
            msg = self.receive(deadline)
            if "method" in msg:
                self.events.append(msg)

    def render(self, path, mobile, captioned, shot):
        """Loads the file at a phone's size, runs CHECK, keeps a screenshot
        at shot: (the check's result, the blocked requests)."""
        self.network = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        try:
            self.send("Emulation.setDeviceMetricsOverride",
                      {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1,
                       "mobile": mobile}, session)
            self.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]}, session)
            self.send("Page.enable", {}, session)
            self.send("Page.navigate", {"url": "file://" + path}, session)
            self.wait_event("Page.loadEventFired", session)
            check = CHECK % {"width": WIDTH, "captioned": json.dumps(captioned),
                             "ncaptioned": len(captioned)}
            res = self.send("Runtime.evaluate", {"expression": check, "awaitPromise": True,
                                                 "returnByValue": True}, session)
            if "exceptionDetails" in res:
                raise RuntimeError("the check threw: %s" % res["exceptionDetails"].get("text"))
            verdict = res["result"]["value"]
            height = min(max(verdict["height"], HEIGHT), 16000)
            png = self.send("Page.captureScreenshot",
                            {"format": "png", "captureBeyondViewport": True,
                             "clip": {"x": 0, "y": 0, "width": WIDTH, "height": height,
                                      "scale": 1}}, session)["data"]
            with open(shot, "wb") as f:
                f.write(base64.b64decode(png))
            return verdict, list(self.network)
        finally:
            self.send("Target.closeTarget", {"targetId": target})
            self.events = [e for e in self.events if e.get("sessionId") != session]


def placeholders(doc, folder):
    """Points every img of the parsed document at a local SVG of the size it
    declares (see the top of this file)."""
    for n, img in enumerate(doc.iter("{%s}img" % XHTML)):
        src = img.get("src", "")
        if not src.startswith(("http://", "https://")):
            continue  # packaged in the EPUB: the real file
        w = int(img.get("width") or 1200)
        h = int(img.get("height") or (w * 2 // 3 if img.get("width") else 800))
        name = "placeholder-%d.svg" % n
        with open(os.path.join(folder, name), "w") as f:
            f.write('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d">'
                    '<rect width="100%%" height="100%%" fill="#9ab"/>'
                    '<path d="M0 0L%d %dM%d 0L0 %d" stroke="#fff"/></svg>' % (w, h, w, h, w, h))
        img.set("src", name)


def run_artx(artx, *args):
    """artx ARGS...; raises RuntimeError when it fails."""
    try:
        r = subprocess.run([artx, "-q"] + list(args), stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        raise RuntimeError("artx %s: no end after 60 s" % " ".join(args))
    if r.returncode:
        raise RuntimeError("artx %s: exit %d: %s" % (" ".join(args), r.returncode,
                                                   r.stderr.decode(errors="replace")[:300]))


def documents(artx, page, work):
    """What to render for one input, made with artx in its own folder under
    work: the ids of the article's figures that have a caption or a credit,
    and the documents as (label, path, mobile)."""
    name = os.path.basename(page).rsplit(".", 1)[0]
    folder = os.path.join(work, name)
    os.makedirs(folder)
    article = os.path.join(folder, "article.xml")
    run_artx(artx, "-t", "article", "-o", article, page)
    ns = {"a": "urn:artx:article"}
    captioned = etree.parse(article).xpath("//a:figure[a:caption or a:credit]/@id",
                                           namespaces=ns)
    out = os.path.join(folder, "page.html")
    run_artx(artx, "-t", "xhtml", "-o", out, page)
    docs = [(name, out, True)]
    if os.path.dirname(os.path.abspath(page)) != os.path.join(REPO, "samples") and \
            name != "local-images":
        return [str(i) for i in captioned], docs
    book = os.path.join(folder, "book.epub")
    images = ["--images", os.path.join(REPO, "tests", "epub")] if name == "local-images" else []
    run_artx(artx, *images, "-t", "epub", "-o", book, page)
    with zipfile.ZipFile(book) as z:
        z.extractall(os.path.join(folder, "book"))
    # A reading system lays a content document out at the screen's width:
    # no viewport meta, so no mobile emulation (that would be 980 px wide).
    docs.append((name + ".epub", os.path.join(folder, "book", "EPUB", "article.xhtml"), False))
    return [str(i) for i in captioned], docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--artx", default=os.path.join(REPO, "build", "artx"))
    ap.add_argument("--out", default=os.path.join(REPO, "build", "browser"),
                    help="where the screenshots are kept")
    ap.add_argument("pages", nargs="*")
    opts = ap.parse_args()
    artx = os.path.abspath(opts.artx)
    # Each check is said as it is made (a document takes a moment): the
    # failures, and the passes.
    failed = []
    passed = []

    def check(name, problem):
        (failed if problem else passed).append(name)
        print(("FAIL %s: %s" % (name, problem)) if problem else "PASS %s" % name, flush=True)

    pages = opts.pages
    if not pages:
        pages = sorted(p for p in glob.glob(os.path.join(REPO, "samples", "*"))
                       if not p.endswith(".json"))
        pages.append(os.path.join(REPO, "tests", "epub", "local-images.html"))
        corpus = sorted(p for p in glob.glob(os.path.join(SHARED, "corpus", "*"))
                        if not p.endswith(".json"))
        if not corpus:
            missing = "%s/corpus is missing: set SHARED to the folder of third-party test material" \
                % SHARED
            if os.environ.get("CI") == "true":
                check("third-party pages", missing)
            else:
                print("browser: ***** %s: only samples/ are checked *****" % missing,
                      file=sys.stderr)
        pages += corpus
    exe = shutil.which("chromium")
    if not exe:
        how = "install the Debian package 'chromium' (apt-get install -y chromium)"
        print("browser: ***** chromium is missing: %s *****" % how, file=sys.stderr)
        if os.environ.get("CI") != "true":
            print("SKIP checks that need chromium: %s" % how)
            print("browser: 0 passed, 0 failed, 1 skipped")
            return 0
        check("chromium", "missing (CI=true): " + how)
        pages = []
    if os.path.isdir(opts.out):
        shutil.rmtree(opts.out)
    os.makedirs(opts.out)
    with tempfile.TemporaryDirectory(prefix="artx-browser-") as work:
        # Chromium's stderr is noise (D-Bus, GPU) unless it dies: kept beside
        # the screenshots.
        log = open(os.path.join(opts.out, "chromium.log"), "wb")
        browser = Browser(exe, os.path.join(work, "profile"), log) if pages else None
        try:
            for page in pages:
                try:
                    captioned, docs = documents(artx, page, work)
                except RuntimeError as e:
                    check(os.path.basename(page), str(e))
                    continue
                for label, path, mobile in docs:
                    try:
                        doc = etree.parse(path, etree.XMLParser(resolve_entities=False,
                                                                no_network=True))
                    except etree.XMLSyntaxError as e:
                        check(label, "not well-formed XML: %s" % e)
                        continue
                    placeholders(doc, os.path.dirname(path))
                    doc.write(path, encoding="utf-8", xml_declaration=True,
                              doctype="<!DOCTYPE html>")
                    shot = os.path.join(opts.out, label + ".png")
                    try:
                        verdict, network = browser.render(path, mobile, captioned, shot)
                    except RuntimeError as e:
                        check(label, "the browser: %s" % e)
                        continue
                    problems = list(verdict["problems"])
                    if verdict["count"] > len(problems):
                        problems.append("(%d more)" % (verdict["count"] - len(problems)))
                    problems += ["asked the network for " + u for u in network]
                    check("%s at %dx%d (images %d, captions %d)"
                          % (label, WIDTH, HEIGHT, verdict["figures"], verdict["captions"]),
                          "; ".join(problems))
        finally:
            if browser:
                browser.close()
            log.close()
    print("browser: %d passed, %d failed (screenshots in %s)"
          % (len(passed), len(failed), opts.out))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
