/* meta.c - the article's metadata from free text: dates, bylines, photo
 * credits and publisher names.  Pure string functions, no DOM, so each rule
 * is unit-tested on its own (tests/unit/test_meta.c). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- dates --------------------------------------------------------------- */

typedef struct cursor {
    const char *p;
} cursor;

static void skip_blank(cursor *c)
{
    while (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')
        c->p++;
}

/* Read 1..max digits. */
static bool digits(cursor *c, int min, int max, int *out)
{
    int n = 0, v = 0;
    while (n < max && isdigit((unsigned char)c->p[n])) {
        v = v * 10 + (c->p[n] - '0');
        n++;
    }
    if (n < min || isdigit((unsigned char)c->p[n]))
        return false;
    c->p += n;
    *out = v;
    return true;
}

static bool lit(cursor *c, const char *s)
{
    size_t n = strlen(s);
    if (strncmp(c->p, s, n) != 0)
        return false;
    c->p += n;
    return true;
}

static bool ilit(cursor *c, const char *s)
{
    size_t n = strlen(s);
    if (strncasecmp(c->p, s, n) != 0)
        return false;
    c->p += n;
    return true;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static bool date_ok(int y, int m, int d)
{
    return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in_month(y, m);
}

/* A zone: Z, +09:00, +0900, +09, KST, JST, UTC, GMT. */
static bool zone(cursor *c, int *offset)
{
    cursor s = *c;
    int h, m = 0;
    skip_blank(&s);
    if (lit(&s, "Z") || ilit(&s, "UTC") || ilit(&s, "GMT")) {
        *offset = 0;
        *c = s;
        /* "GMT+9" style */
        if (*s.p == '+' || *s.p == '-')
            return zone(c, offset);
        return true;
    }
    if (ilit(&s, "KST") || ilit(&s, "JST")) {
        *offset = 9 * 60;
        *c = s;
        return true;
    }
    if (*s.p != '+' && *s.p != '-' && strncmp(s.p, "\xE2\x88\x92", 3) != 0)
        return false;
    int sign = *s.p == '+' ? 1 : -1;
    s.p += *s.p == '+' || *s.p == '-' ? 1 : 3;
    if (!digits(&s, 1, 2, &h)) {
        if (!digits(&s, 4, 4, &h))
            return false;
        m = h % 100;
        h /= 100;
    } else if (lit(&s, ":") || isdigit((unsigned char)*s.p)) {
        if (!digits(&s, 2, 2, &m))
            return false;
    }
    if (h > 14 || m > 59)
        return false;
    *offset = sign * (h * 60 + m);
    *c = s;
    return true;
}

/* A time after a date: [오전|오후|AM|PM] h:mm[:ss][.frac] or h시 m분 [s초],
 * then an optional zone. */
static void time_part(cursor *c, artx_date *d)
{
    cursor s = *c;
    int h, mi, sec = -1, half = 0;
    skip_blank(&s);
    /* A weekday in parentheses often sits between date and time. */
    if (*s.p == '(') {
        const char *close = strchr(s.p, ')');
        if (close && close - s.p <= 12)
            s.p = close + 1;
        skip_blank(&s);
    }
    lit(&s, "T");
    if (lit(&s, "오전") || ilit(&s, "AM") || lit(&s, "午前"))
        half = 1;
    else if (lit(&s, "오후") || ilit(&s, "PM") || lit(&s, "午後"))
        half = 2;
    skip_blank(&s);
    if (!digits(&s, 1, 2, &h))
        return;
    if (lit(&s, ":")) {
        if (!digits(&s, 2, 2, &mi))
            return;
        if (lit(&s, ":") && !digits(&s, 2, 2, &sec))
            return;
        if (*s.p == '.' && isdigit((unsigned char)s.p[1]))
            for (s.p++; isdigit((unsigned char)*s.p); s.p++)
                ;
    } else if (lit(&s, "시") || lit(&s, "時")) {
        skip_blank(&s);
        if (!digits(&s, 1, 2, &mi))
            mi = 0;
        else if (!lit(&s, "분") && !lit(&s, "分"))
            return;
        skip_blank(&s);
        cursor t = s;
        if (digits(&t, 1, 2, &sec) && (lit(&t, "초") || lit(&t, "秒")))
            s = t;
        else
            sec = -1;
    } else {
        return;
    }
    if (!half) {
        if (*s.p == ' ' && (strncmp(s.p + 1, "PM", 2) == 0 || strncmp(s.p + 1, "pm", 2) == 0))
            half = 2, s.p += 3;
        else if (*s.p == ' ' && (strncmp(s.p + 1, "AM", 2) == 0 || strncmp(s.p + 1, "am", 2) == 0))
            half = 1, s.p += 3;
    }
    if (half == 2 && h < 12)
        h += 12;
    else if (half == 1 && h == 12)
        h = 0;
    if (h > 23 || mi > 59 || sec > 59)
        return;
    d->hour = h;
    d->minute = mi;
    d->second = sec < 0 ? 0 : sec;
    d->precision = sec < 0 ? ARTX_PREC_MINUTE : ARTX_PREC_SECOND;
    int off;
    if (zone(&s, &off)) {
        d->offset = off;
        d->has_offset = true;
    }
    *c = s;
}

static const char *const month_names[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december"};

/* A month's full English name or its three-letter abbreviation (with an
 * optional dot); "Sept." too.  Advances past it. */
static int month_from_name(cursor *c)
{
    size_t n = 0;
    while (isalpha((unsigned char)c->p[n]))
        n++;
    for (int i = 0; i < 12; i++) {
        size_t full = strlen(month_names[i]);
        if ((n == full || n == 3 || (i == 8 && n == 4)) &&
            !strncasecmp(c->p, month_names[i], n)) {
            c->p += n;
            if (n < full && *c->p == '.')
                c->p++;
            return i + 1;
        }
    }
    return 0;
}

/* Date forms that start with the year. */
static bool date_year_first(cursor *c, artx_date *d)
{
    cursor s = *c;
    int y, m, day;
    if (!digits(&s, 4, 4, &y))
        return false;
    bool korean = false;
    if (lit(&s, "-") || lit(&s, "/")) {
        char sep = s.p[-1];
        if (!digits(&s, 1, 2, &m))
            return false;
        if (*s.p != sep) {
            if (!date_ok(y, m, 1))
                return false;
            d->year = y, d->month = m, d->precision = ARTX_PREC_MONTH;
            *c = s;
            return true;
        }
        s.p++;
        if (!digits(&s, 1, 2, &day))
            return false;
    } else if (lit(&s, ".")) {
        skip_blank(&s);
        if (!digits(&s, 1, 2, &m) || !lit(&s, "."))
            return false;
        skip_blank(&s);
        if (!digits(&s, 1, 2, &day))
            return false;
        lit(&s, ".");
    } else {
        skip_blank(&s);
        if (lit(&s, "년") || lit(&s, "年"))
            korean = true;
        else
            return false;
        skip_blank(&s);
        if (!digits(&s, 1, 2, &m) || !(lit(&s, "월") || lit(&s, "月")))
            return false;
        skip_blank(&s);
        cursor t = s;
        if (!digits(&t, 1, 2, &day) || !(lit(&t, "일") || lit(&t, "日"))) {
            if (!date_ok(y, m, 1))
                return false;
            d->year = y, d->month = m, d->precision = ARTX_PREC_MONTH;
            *c = s;
            return true;
        }
        s = t;
    }
    (void)korean;
    if (!date_ok(y, m, day))
        return false;
    d->year = y, d->month = m, d->day = day;
    d->precision = ARTX_PREC_DAY;
    time_part(&s, d);
    *c = s;
    return true;
}

/* RFC 822 / English: "[Sat,] 03 Apr 2010 21:15:06 +0900", "April 3, 2010". */
static bool date_english(cursor *c, artx_date *d)
{
    cursor s = *c;
    int day, y, m;
    if (digits(&s, 1, 2, &day)) {
        skip_blank(&s);
        if (!(m = month_from_name(&s)))
            return false;
        skip_blank(&s);
    } else {
        if (!(m = month_from_name(&s)))
            return false;
        skip_blank(&s);
        if (!digits(&s, 1, 2, &day))
            return false;
        lit(&s, ",");
        skip_blank(&s);
    }
    if (!digits(&s, 4, 4, &y) || !date_ok(y, m, day))
        return false;
    d->year = y, d->month = m, d->day = day;
    d->precision = ARTX_PREC_DAY;
    lit(&s, ",");
    time_part(&s, d);
    *c = s;
    return true;
}

bool artx_date_parse(const char *text, int default_offset, bool has_default,
                     artx_date *out)
{
    for (const char *p = text; *p; p++) {
        bool boundary = p == text || !isalnum((unsigned char)p[-1]);
        if (!boundary)
            continue;
        artx_date d = {0};
        cursor c = {p};
        if ((isdigit((unsigned char)*p) && date_year_first(&c, &d)) ||
            ((isdigit((unsigned char)*p) || isalpha((unsigned char)*p)) &&
             date_english(&c, &d))) {
            if (d.precision >= ARTX_PREC_MINUTE && !d.has_offset && has_default) {
                d.offset = default_offset;
                d.has_offset = true;
            }
            *out = d;
            return true;
        }
    }
    return false;
}

const char *artx_precision_name(artx_precision p)
{
    static const char *const names[] = {"none", "year", "month", "day", "minute", "second"};
    return names[p];
}

void artx_date_format(const artx_date *d, char *buf, size_t size)
{
    int n;
    switch (d->precision) {
    case ARTX_PREC_NONE:
        snprintf(buf, size, "%s", "");
        return;
    case ARTX_PREC_YEAR:
        snprintf(buf, size, "%04d", d->year);
        return;
    case ARTX_PREC_MONTH:
        snprintf(buf, size, "%04d-%02d", d->year, d->month);
        return;
    case ARTX_PREC_DAY:
        snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
        return;
    case ARTX_PREC_MINUTE:
        n = snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d", d->year, d->month, d->day,
                     d->hour, d->minute);
        break;
    default:
        n = snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d", d->year, d->month,
                     d->day, d->hour, d->minute, d->second);
        break;
    }
    if (!d->has_offset || n < 0 || (size_t)n >= size)
        return;
    if (d->offset == 0)
        snprintf(buf + n, size - (size_t)n, "Z");
    else
        snprintf(buf + n, size - (size_t)n, "%c%02d:%02d", d->offset < 0 ? '-' : '+',
                 abs(d->offset) / 60, abs(d->offset) % 60);
}

int artx_date_year_from_url(const char *url, int month, int day)
{
    /* ".../YYYYMM/DD/..." then a file name starting YYYYMMDD. */
    for (const char *p = url; *p; p++) {
        int y, m, dd;
        cursor c = {p};
        if (p != url && p[-1] != '/')
            continue;
        if (!digits(&c, 6, 6, &y) || !lit(&c, "/") || !digits(&c, 2, 2, &dd) ||
            !lit(&c, "/"))
            continue;
        m = y % 100;
        y /= 100;
        if (m == month && dd == day && date_ok(y, m, dd))
            return y;
    }
    /* Daum names ingested images after the ingest time: YYYYMMDDhhmmss... */
    const char *file = strrchr(url, '/');
    file = file ? file + 1 : url;
    int ymd = 0, i;
    for (i = 0; i < 8 && isdigit((unsigned char)file[i]); i++)
        ymd = ymd * 10 + (file[i] - '0');
    if (i == 8) {
        int y = ymd / 10000, m = ymd / 100 % 100, dd = ymd % 100;
        if (m == month && dd == day && date_ok(y, m, dd))
            return y;
    }
    return 0;
}

/* ---- bylines ------------------------------------------------------------- */

static bool is_hangul_at(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    long cp = artx_utf8_next(&u, u + 4);
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

static bool email_char(char ch, bool domain)
{
    return isalnum((unsigned char)ch) || ch == '.' || ch == '-' ||
           (!domain && (ch == '_' || ch == '+' || ch == '%'));
}

/* Find the next e-mail address at or after p; sets *start and *len. */
static bool next_email(const char *p, const char **start, size_t *len)
{
    for (const char *at = strchr(p, '@'); at; at = strchr(at + 1, '@')) {
        const char *s = at, *e = at + 1;
        while (s > p && email_char(s[-1], false))
            s--;
        while (email_char(*e, true))
            e++;
        while (e > at + 1 && e[-1] == '.')
            e--;
        const char *dot = memchr(at, '.', (size_t)(e - at));
        if (s < at && dot && e - dot > 2) {
            *start = s;
            *len = (size_t)(e - s);
            return true;
        }
    }
    return false;
}

/* Role words that follow a name in a Korean byline, longest first. */
static const char *const roles[] = {
    "선임기자", "수석기자", "전문기자", "객원기자", "인턴기자", "기자",
    "특파원", "통신원", "논설위원", "편집위원", "기상캐스터", "에디터", "리포터", "앵커",
    "PD", NULL};

/* The Hangul name (2-5 syllables) ending right before `end`, or NULL. */
static const char *name_before(const char *text, const char *end)
{
    const char *s = end;
    int syll = 0;
    while (s - 3 >= text && is_hangul_at(s - 3) && syll < 6) {
        s -= 3;
        syll++;
    }
    if (syll < 2 || syll > 5)
        return NULL;
    return s;
}

static void add_person(artx_byline *out, size_t max, size_t *n, const char *name,
                       size_t nlen)
{
    if (*n >= max || nlen >= sizeof out->name)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strlen(out[i].name) == nlen && !memcmp(out[i].name, name, nlen))
            return;
    memcpy(out[*n].name, name, nlen);
    out[*n].name[nlen] = '\0';
    out[*n].email[0] = '\0';
    (*n)++;
}

/* English "By Jane Doe and John Roe". */
static size_t byline_english(const char *text, artx_byline *out, size_t max,
                             bool *whole)
{
    const char *p = text;
    size_t n = 0;
    while (*p == ' ')
        p++;
    if (strncasecmp(p, "by ", 3) != 0)
        return 0;
    p += 3;
    while (*p && n < max) {
        const char *s = p;
        int words = 0;
        while (isupper((unsigned char)*p) && words < 4) {
            while (isalpha((unsigned char)*p) || *p == '.' || *p == '\'' || *p == '-')
                p++;
            words++;
            if (*p == ' ' && isupper((unsigned char)p[1]))
                p++;
            else
                break;
        }
        if (words == 0)
            break;
        add_person(out, max, &n, s, (size_t)(p - s));
        bool more = false;
        while (*p == ' ' || *p == ',')
            more |= *p++ == ',';
        if (strncmp(p, "and ", 4) == 0) {
            p += 4;
            more = true;
        }
        if (!more)
            break;
    }
    while (*p == ' ' || *p == '.')
        p++;
    *whole = n > 0 && (*p == '\0' || *p == '|' || *p == '@');
    return n;
}

size_t artx_byline_parse(const char *text, artx_byline *out, size_t max, bool *whole)
{
    size_t n = 0;
    size_t covered = 0; /* bytes of text explained as byline */
    *whole = false;
    size_t tlen = strlen(text);

    /* A person is "strict" when the role word ends the byline ("기자 =",
     * "기자]", "기자 email", end of text); only strict ones count when the
     * text is more than a byline, so "취재 기자 수십 명이" names nobody. */
    bool strict[64] = {false};
    for (const char *p = text; *p;) {
        const char *hit = NULL, *role = NULL;
        for (int r = 0; roles[r]; r++) {
            const char *h = strstr(p, roles[r]);
            if (h && (!hit || h < hit))
                hit = h, role = roles[r];
        }
        if (!hit)
            break;
        const char *after = hit + strlen(role);
        /* "기자단", "기자회견", "기자들": not a byline role. */
        bool ends = *after == '\0' || *after == ' ' || *after == ']' || *after == ')' ||
                    *after == '=' || *after == ',' || *after == '.' || *after == '/' ||
                    *after == '(' || (unsigned char)*after == 0xC2 /* nbsp */ ||
                    strncmp(after, "\xC2\xB7", 2) == 0;
        const char *name_end = hit;
        while (name_end > text && name_end[-1] == ' ')
            name_end--;
        const char *name = ends ? name_before(text, name_end) : NULL;
        if (name) {
            /* Names joined by "·" or ", " before one role word. */
            const char *first = name;
            for (;;) {
                const char *q = first;
                if (q - 2 >= text && !strncmp(q - 2, "\xC2\xB7", 2))
                    q -= 2; /* U+00B7 middle dot */
                else if (q - 2 >= text && !strncmp(q - 2, ", ", 2))
                    q -= 2;
                else if (q - 1 >= text && q[-1] == ',')
                    q -= 1;
                else
                    break;
                const char *prev = name_before(text, q);
                if (!prev)
                    break;
                first = prev;
            }
            const char *f = after;
            const char *estart;
            size_t elen;
            while (*f == ' ')
                f++;
            bool is_strict = !*f || strchr("=])(", *f) ||
                             (next_email(f, &estart, &elen) && estart == f);
            for (const char *s = first; s < name_end;) {
                const char *e = s;
                while (e < name_end && is_hangul_at(e))
                    e += 3;
                size_t before = n;
                add_person(out, max, &n, s, (size_t)(e - s));
                if (n > before && before < 64)
                    strict[before] = is_strict;
                while (e < name_end && !is_hangul_at(e))
                    e++;
                s = e;
            }
            covered += (size_t)(after - first);
        }
        p = after;
    }

    /* E-mail addresses go to the authors in order; one address after the
     * last author belongs to it. */
    size_t ei = 0;
    const char *start;
    size_t len;
    for (const char *p = text; next_email(p, &start, &len); p = start + len) {
        covered += len;
        if (ei < n) {
            if (len < sizeof out[ei].email) {
                memcpy(out[ei].email, start, len);
                out[ei].email[len] = '\0';
            }
            ei++;
        } else if (n < max && n == 0 && len < sizeof out->email) {
            out[n].name[0] = '\0';
            memcpy(out[n].email, start, len);
            out[n].email[len] = '\0';
            n++, ei++;
        }
    }

    if (n == 0)
        return byline_english(text, out, max, whole);

    /* The whole text is a byline when what is left is at most a press name
     * and punctuation: "[매일경제 안병준 기자]", "(서울=연합뉴스) 홍길동 기자 =". */
    size_t letters = 0;
    for (const unsigned char *u = (const unsigned char *)text, *end = u + tlen; u < end;) {
        long cp = artx_utf8_next(&u, end);
        if (cp >= 0xAC00 && cp <= 0xD7A3)
            letters += 3;
        else if (cp > 0 && cp < 0x80 && isalnum((int)cp))
            letters += 1;
    }
    /* Allow a press name and a dateline: "안양=CBS노컷뉴스", "남양주·양평=글·사진". */
    *whole = letters <= covered + 30 && tlen < 200;
    if (!*whole) {
        size_t kept = 0;
        for (size_t i = 0; i < n; i++)
            if (i >= 64 || strict[i] || !*out[i].name)
                out[kept++] = out[i];
        n = kept;
    }
    return n;
}

/* ---- photo credits --------------------------------------------------------- */

/* Agencies and pools that sign photos at the end of a caption. */
static const char *const credit_words[] = {
    "AP=연합뉴스", "AFP=연합뉴스", "EPA=연합뉴스", "로이터=연합뉴스", "UPI=연합뉴스",
    "AP 연합뉴스", "AFP 연합뉴스", "EPA 연합뉴스", "로이터 연합뉴스", "신화=연합뉴스",
    "교도=연합뉴스", "연합뉴스", "뉴시스", "뉴스1", "연합뉴스TV", "게티이미지뱅크",
    "게티이미지", "셔터스톡", "로이터", "AP", "AFP", "EPA", "Reuters", "Getty Images",
    "사진공동취재단", "공동취재단", "공동취재", "국회사진기자단", "대통령실사진기자단",
    "청와대사진기자단", "사진기자단", "Yonhap", NULL};

/* Back over spaces before `p`, not before `start`. */
static const char *back_space(const char *start, const char *p)
{
    while (p > start && (p[-1] == ' '))
        p--;
    return p;
}

size_t artx_credit_split(const char *caption)
{
    size_t len = strlen(caption);
    const char *end = caption + len;
    const char *e = back_space(caption, end);
    if (e == caption)
        return len;
    const char *cut = NULL;

    /* "... [중앙포토]", "... (사진=홍길동 기자)", "... <사진제공=...>" */
    char close = e[-1];
    char open = close == ']' ? '[' : close == ')' ? '(' : close == '>' ? '<' : 0;
    if (open) {
        const char *o = e - 1;
        while (o > caption && *o != open)
            o--;
        if (*o == open && o > caption) {
            size_t inner = (size_t)(e - o);
            bool photoish = inner < 80 &&
                            (strstr(o, "사진") || strstr(o, "제공") || strstr(o, "포토") ||
                             strstr(o, "기자") || strstr(o, "연합") || strstr(o, "뉴스") ||
                             strstr(o, "=") || strstr(o, "자료") || strstr(o, "DB") ||
                             strstr(o, "Photo") || strstr(o, "photo") ||
                             strstr(o, "출처") || strstr(o, "캡처") || strstr(o, "ⓒ"));
            if (photoish)
                cut = o;
        }
    }

    /* "... 대통령실 제공", "... 사진 홍길동 기자 제공" */
    if (!cut) {
        const char *w = e;
        if (w - caption >= 1 && w[-1] == '.')
            w--;
        static const char *const tails[] = {"제공", NULL};
        for (int i = 0; tails[i] && !cut; i++) {
            size_t tl = strlen(tails[i]);
            if ((size_t)(w - caption) > tl && !strncmp(w - tl, tails[i], tl)) {
                const char *s = back_space(caption, w - tl);
                /* the provider: one word before "제공" (or "사진=..." run) */
                while (s > caption && s[-1] != ' ' && s[-1] != '.')
                    s--;
                if (s > caption)
                    cut = s;
            }
        }
    }

    /* "... 연합뉴스", "... 대통령실사진기자단.", "... 사진=홍길동 기자" */
    if (!cut) {
        const char *w = e;
        if (w > caption && w[-1] == '.')
            w--;
        for (int i = 0; credit_words[i] && !cut; i++) {
            size_t cl = strlen(credit_words[i]);
            if ((size_t)(w - caption) <= cl || strncmp(w - cl, credit_words[i], cl))
                continue;
            const char *s = w - cl;
            /* The credit starts a word: after a space, "/" or a sentence end. */
            if (s[-1] == ' ' || s[-1] == '/' || s[-1] == '.')
                cut = s;
        }
    }
    if (!cut) {
        /* "... / 사진=홍길동 기자", "... 그래픽=송정근 기자" */
        static const char *const labels[] = {"사진=", "사진 =", "그래픽=", "그래픽 =",
                                             "영상=", "자료=", "글·사진=", NULL};
        for (int i = 0; labels[i] && !cut; i++) {
            const char *s = strstr(caption, labels[i]);
            if (s && s > caption && (e - s) < 60 && strchr(" /(.", s[-1]))
                cut = s;
        }
    }
    if (!cut)
        return len;
    const char *c = back_space(caption, cut);
    while (c > caption && c[-1] == '/')
        c = back_space(caption, c - 1);
    /* A caption is never all credit. */
    if (c == caption)
        return len;
    return (size_t)(cut - caption);
}

/* ---- publishers ---------------------------------------------------------- */

/* Korean press: Daum's press code (image paths), Naver's office id and the
 * web domain, each mapped to the name the press goes by. */
static const struct {
    const char *daum, *naver, *domain, *name;
} presses[] = {
    {"yonhap", "001", "yna.co.kr", "연합뉴스"},
    {"newsis", "003", "newsis.com", "뉴시스"},
    {"kukminilbo", "005", "kmib.co.kr", "국민일보"},
    {"moneytoday", "008", "mt.co.kr", "머니투데이"},
    {"mk", "009", "mk.co.kr", "매일경제"},
    {"hankyung", "015", "hankyung.com", "한국경제"},
    {"donga", "020", "donga.com", "동아일보"},
    {"munhwa", "021", "munhwa.com", "문화일보"},
    {"segye", "022", "segye.com", "세계일보"},
    {"chosun", "023", "chosun.com", "조선일보"},
    {"joongang", "025", "joongang.co.kr", "중앙일보"},
    {"hani", "028", "hani.co.kr", "한겨레"},
    {"khan", "032", "khan.co.kr", "경향신문"},
    {"ytn", "052", "ytn.co.kr", "YTN"},
    {"sbs", "055", "sbs.co.kr", "SBS"},
    {"kbs", "056", "kbs.co.kr", "KBS"},
    {"nocut", "079", "nocutnews.co.kr", "노컷뉴스"},
    {"seoul", "081", "seoul.co.kr", "서울신문"},
    {"imbc", "214", "imbc.com", "MBC"},
    {"newsis", NULL, "newsis.co.kr", "뉴시스"},
    {"yonhapnewstv", "422", "yonhapnewstv.co.kr", "연합뉴스TV"},
    {"hankooki", "469", "hankookilbo.com", "한국일보"},
    {"news1", "421", "news1.kr", "뉴스1"},
    {"ohmynews", "047", "ohmynews.com", "오마이뉴스"},
    {"pressian", "002", "pressian.com", "프레시안"},
    {"ilgansports", "241", "isplus.com", "일간스포츠"},
    {"jumpball", NULL, "jumpball.co.kr", "점프볼"},
    {"edaily", "018", "edaily.co.kr", "이데일리"},
    {"heraldcorp", "016", "heraldcorp.com", "헤럴드경제"},
    {"seoulecon", "011", "sedaily.com", "서울경제"},
    {"asiae", "277", "asiae.co.kr", "아시아경제"},
    {"mbn", "057", "mbn.co.kr", "MBN"},
    {"jtbc", "437", "jtbc.co.kr", "JTBC"},
    {"ichannela", "449", "ichannela.com", "채널A"},
    {"tvchosun", "448", "tvchosun.com", "TV조선"},
};

const char *artx_publisher_lookup(const char *key)
{
    size_t n = sizeof presses / sizeof *presses;
    for (size_t i = 0; i < n; i++)
        if ((presses[i].daum && !strcmp(key, presses[i].daum)) ||
            (presses[i].naver && !strcmp(key, presses[i].naver)))
            return presses[i].name;
    /* Domains match on a label boundary: "news.hani.co.kr", "mix@hani.co.kr". */
    size_t kl = strlen(key);
    for (size_t i = 0; i < n; i++) {
        size_t dl = strlen(presses[i].domain);
        if (kl >= dl && !strcasecmp(key + kl - dl, presses[i].domain) &&
            (kl == dl || key[kl - dl - 1] == '.' || key[kl - dl - 1] == '@'))
            return presses[i].name;
    }
    return NULL;
}
