#!/usr/bin/python3
"""mkpage.py SIZE OUT - write a news article page of about SIZE bytes (K or M suffix) to OUT.

The bench's big articles: every kind of block the article model has (paragraphs with
links, emphasis and line breaks, headings, figures with caption and credit, quotes,
lists), in Korean with English sentences among them, so that each stylesheet does on a
big article the work it does on a real one.  Deterministic: the same SIZE gives the same
bytes.
"""
import sys

KO = [
    "한빛구가 다음 달부터 구립 도서관 여섯 곳의 운영 시간을 밤 10시까지 늘린다고 {n}일 밝혔다.",
    "퇴근한 뒤에도 책을 빌리고 공부할 수 있게 하려는 것이다.",
    "구는 늘어난 시간에 일할 사서 12명을 새로 뽑고 열람실 좌석도 120석 늘린다.",
    "The council said the longer hours would start on March {n}.",
    "주민 설명회는 {n}일 오후 <a href=\"https://example.org/notice/{n}\">구청 대강당</a>에서 열린다.",
    "\"시간이 늘어 <em>정말</em> 반갑다\"고 한 주민은 말했다.",
    "Dr. Kim, who runs the reading room, expects about {n}00 visitors a night.",
]


def paragraph(n, count):
    return " ".join(KO[(n + k) % len(KO)].format(n=(n + k) % 28 + 1) for k in range(count))


def block(n):
    kind = n % 12
    if kind == 3:
        return f"<h2>{n // 12 + 1}. 달라지는 열람실 운영</h2>\n"
    if kind == 6:
        return (f'<figure><img src="https://example.org/photo{n}.jpg" alt="열람실 사진 {n}" '
                f'width="640" height="480"><figcaption>열람실에서 책을 읽는 주민들. '
                f"한빛구 제공</figcaption></figure>\n")
    if kind == 8:
        return f"<blockquote><p>{paragraph(n, 2)}</p></blockquote>\n"
    if kind == 10:
        return "<ul>" + "".join(f"<li>{KO[(n + k) % 3].format(n=k + 1)}</li>"
                                for k in range(3)) + "</ul>\n"
    if kind == 11:
        return f"<p>{paragraph(n, 2)}<br>{paragraph(n + 1, 2)}</p>\n"
    return f"<p>{paragraph(n, 4)}</p>\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[0])
    arg = sys.argv[1].upper()
    scale = {"K": 1024, "M": 1024 * 1024}.get(arg[-1:], 1)
    size = int(arg.rstrip("KM")) * scale
    head = ('<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
            "<title>마을 도서관, 밤 10시까지 문 연다 - 한빛일보</title>\n"
            '<meta property="article:published_time" content="2026-03-02T09:30:00+09:00">\n'
            "</head>\n<body>\n<article>\n<h1>마을 도서관, 밤 10시까지 문 연다</h1>\n")
    tail = "<p>한빛일보 문하늘 기자 sky@example.kr</p>\n</article>\n</body>\n</html>\n"
    out, total, n = [head], len(head.encode()) + len(tail.encode()), 0
    while total < size:
        b = block(n)
        out.append(b)
        total += len(b.encode())
        n += 1
    out.append(tail)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("".join(out))


if __name__ == "__main__":
    main()
