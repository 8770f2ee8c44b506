/* normalise.c - page DOM to article DOM: find the article, drop the page's
 * boilerplate, build urn:artx:article.  This file holds the walk and the
 * driver; the other files of the front end do the rest (page.h).
 *
 * Everything is read from the DOM (a libxslt host hands us a parsed page),
 * and the page is never modified: the walk copies what it keeps.  The work
 * runs in four passes:
 *   1. what the page says about itself: <meta>, JSON-LD, <link>, a board
 *      dump's header line (head.c), or an RSS/Atom feed's first item
 *      (feed.c);
 *   2. the article's root element, from a table of known layouts, else the
 *      element that holds the most paragraph text (root.c);
 *   3. a walk of the root that copies blocks, figures (figures.c) and
 *      inline markup (inline.c), skipping what boilerplate.c says is not
 *      the article;
 *   4. a pass over the blocks that tidies text (tidy.c) and lifts bylines,
 *      rights and promo lines out of the body; then the ids, and the head
 *      from what the finished body gives away (head.c). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "model.h"

/* ---- output helpers ------------------------------------------------------ */

/* The body being built: where the walk writes now. */
typedef struct build {
    const artx_page *pg;
    xmlNodePtr body;
    xmlNodePtr container;    /* body or a blockquote */
    xmlNodePtr para;         /* the open paragraph, or NULL */
    xmlNodePtr inl;          /* where inline content goes now */
    bool explicit_p;         /* para comes from a <p>, not loose text */
    xmlNodePtr pending_br;   /* a <br> that a second <br> turns into a break */
    xmlHashTablePtr photos;  /* the URLs of the figures added */
    artx_page_report *r;     /* counts what is dropped (a scratch one when none is wanted) */
    bool why;                /* a report is wanted: say why each element is dropped */
    unsigned gen;            /* counts opened paragraphs */
    int depth;
} build;

/* A new element of the article under `parent`. */
static xmlNodePtr el(xmlNodePtr parent, const char *name)
{
    return xmlNewChild(parent, parent->ns, BAD_CAST name, NULL);
}

static void flush(build *c)
{
    c->para = NULL;
    c->inl = NULL;
    c->pending_br = NULL;
}

/* A new paragraph for text under page element `from`. */
static void open_para(build *c, bool explicit_p, xmlNodePtr from)
{
    c->para = el(c->container, "p");
    if (artx_is_untranslatable(from))
        xmlNewProp(c->para, BAD_CAST "translate", BAD_CAST "no");
    c->inl = c->para;
    c->explicit_p = explicit_p;
    c->pending_br = NULL;
    c->gen++;
}

/* ---- the walk ---------------------------------------------------------- */

/* Count an element the walk skips by why it goes.  Only for a report:
 * telling furniture apart reads the element's class and id again. */
static void dropped(build *c, xmlNodePtr n)
{
    if (!c->why)
        return;
    artx_page_report *r = c->r;
    if (artx_is_hidden(n)) {
        r->hidden++;
        return;
    }
    switch (artx_furniture_kind(c->pg, n)) {
    case ARTX_FURNITURE_NAVIGATION: r->navigation++; break;
    case ARTX_FURNITURE_COMMENTS: r->comments++; break;
    case ARTX_FURNITURE_SHARE: r->share++; break;
    case ARTX_FURNITURE_RELATED: r->related++; break;
    case ARTX_FURNITURE_ADS: r->ads++; break;
    case ARTX_FURNITURE_OTHER: r->other++; break;
    case ARTX_FURNITURE_NONE: break; /* not content: scripts, styles, forms */
    }
}

static void walk(build *c, xmlNodePtr src);

static void add_list(build *c, xmlNodePtr src, xmlNodePtr parent, int depth)
{
    xmlNodePtr list = el(parent, artx_name_is(src, "ol") ? "ol" : "ul");
    for (xmlNodePtr li = src->children; li; li = li->next) {
        if (!artx_name_is(li, "li"))
            continue;
        if (artx_is_boilerplate(c->pg, li)) {
            dropped(c, li);
            continue;
        }
        xmlNodePtr item = el(list, "li");
        artx_inline_copy(c->pg, li, item);
        if (depth < 8)
            for (xmlNodePtr sub = li->children; sub; sub = sub->next) {
                if (!artx_name_is(sub, "ul") && !artx_name_is(sub, "ol"))
                    continue;
                if (artx_is_link_list(sub))
                    c->r->navigation++;
                else
                    add_list(c, sub, item, depth + 1);
            }
    }
}

/* Boxed statements and pull quotes. */
static bool is_quote_box(xmlNodePtr n)
{
    if (artx_name_is(n, "blockquote"))
        return true;
    char *cls = artx_attr(n, "class");
    bool box = cls && (strstr(cls, "ab_box_article") || strstr(cls, "quote") ||
                       strstr(cls, "box_article") || strstr(cls, "article_box"));
    free(cls);
    return box;
}

static void walk_block(build *c, xmlNodePtr n)
{
    if (artx_is_figure_wrapper(c->pg, n) || artx_name_is(n, "img")) {
        flush(c);
        /* A <figure> without a usable image leaves nothing worth keeping
         * (its caption describes what is gone); a photo-classed wrapper
         * may hold text after all. */
        if (!artx_figure_add(c->pg, c->body, n, c->photos) && !artx_name_is(n, "img") &&
            !artx_name_is(n, "figure"))
            walk(c, n);
        return;
    }
    if (is_quote_box(n) && c->container == c->body) {
        flush(c);
        c->container = el(c->body, "blockquote");
        walk(c, n);
        flush(c);
        c->container = c->body;
        return;
    }
    if ((artx_name_is(n, "ul") || artx_name_is(n, "ol"))) {
        flush(c);
        if (artx_is_link_list(n)) {
            c->r->navigation++;
            return;
        }
        if (c->container == c->body) {
            add_list(c, n, c->body, 0);
        } else {
            for (xmlNodePtr li = n->children; li; li = li->next)
                if (artx_name_is(li, "li")) {
                    open_para(c, true, li);
                    artx_inline_copy(c->pg, li, c->para);
                    flush(c);
                }
        }
        return;
    }
    if (artx_name_in(n, (const char *const[]){"h1", "h2", "h3", "h4", "h5", "h6", NULL})) {
        flush(c);
        xmlNodePtr h = el(c->container, c->container == c->body ? "h2" : "p");
        artx_inline_copy(c->pg, n, h);
        return;
    }
    if (artx_name_is(n, "p") || artx_name_is(n, "pre")) {
        flush(c);
        open_para(c, true, n);
        walk(c, n);
        flush(c);
        return;
    }
    flush(c);
    walk(c, n);
    flush(c);
}

static void walk_br(build *c, xmlNodePtr src)
{
    if (!c->para)
        return;
    if (!c->explicit_p) {
        flush(c);
        return;
    }
    if (c->pending_br) {
        /* <br><br> inside a <p>: a paragraph break */
        xmlUnlinkNode(c->pending_br);
        xmlFreeNode(c->pending_br);
        flush(c);
        open_para(c, true, src);
        return;
    }
    c->pending_br = el(c->inl, "br");
}

static bool all_space(const xmlChar *s)
{
    const unsigned char *p = s, *end = s + xmlStrlen(s);
    while (p < end)
        if (!artx_is_space(artx_utf8_next(&p, end)))
            return false;
    return true;
}

static void walk(build *c, xmlNodePtr src)
{
    /* past what any page holds (read.c): a guard only */
    if (++c->depth > 300) {
        c->depth--;
        return;
    }
    for (xmlNodePtr n = src->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (all_space(n->content)) {
                if (c->inl)
                    xmlNodeAddContent(c->inl, BAD_CAST " ");
                continue;
            }
            if (!c->para)
                open_para(c, false, src);
            xmlNodeAddContent(c->inl, n->content);
            c->pending_br = NULL;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (artx_is_boilerplate(c->pg, n)) {
            dropped(c, n);
            continue;
        }
        if (artx_name_is(n, "br")) {
            walk_br(c, src);
            continue;
        }
        if (artx_is_html_block(n) || artx_name_is(n, "img") || artx_is_figure_wrapper(c->pg, n)) {
            walk_block(c, n);
            continue;
        }
        /* inline: copy the element (or unwrap it) and keep walking, so a
         * break inside it still splits the paragraph */
        if (!c->para && artx_text_len(n) == 0)
            continue;
        if (!c->para)
            open_para(c, false, src);
        xmlNodePtr saved = c->inl;
        unsigned gen = c->gen;
        xmlNodePtr el = artx_inline_element(c->pg, n, c->inl);
        if (el)
            c->inl = el;
        walk(c, n);
        c->inl = c->gen == gen ? saved : c->para;
        /* A paragraph break inside text left untranslated opened a kept
         * paragraph: what follows the element is not kept. */
        if (c->gen != gen && c->para && artx_model_is_kept(c->para) &&
            !artx_is_untranslatable(src))
            flush(c);
    }
    c->depth--;
}

/* ---- lifting metadata out of the body -------------------------------------- */

/* Decide what a block is now that its text is tidy, and count in r what
 * leaves.  Returns false when the block leaves the body. */
static bool keep_block(artx_meta *m, xmlNodePtr b, size_t index, artx_page_report *r)
{
    char *t = artx_node_text(b);
    bool keep = t && *t;
    if (keep && m->title && index < 3 && !strcmp(t, m->title)) {
        keep = false;
        r->title_repeats++;
    } else if (keep && artx_is_furniture_text(t)) {
        keep = false;
        r->promo++;
    } else if (keep && artx_is_rights(t)) {
        artx_set_rights(m, t);
        keep = false;
        r->rights++;
    } else if (keep && !xmlStrEqual(b->name, BAD_CAST "figure")) {
        artx_byline who[8];
        bool whole;
        size_t n = artx_byline_parse(t, who, 8, &whole);
        for (size_t i = 0; i < n && (whole || index < 2); i++)
            artx_add_author(m, who[i].name, who[i].email);
        if (whole && n > 0) {
            keep = false;
            r->bylines++;
        }
    }
    free(t);
    return keep;
}

static void finish_body(artx_meta *m, xmlNodePtr body, artx_page_report *r)
{
    xmlNodePtr next;
    size_t index = 0;
    for (xmlNodePtr b = body->children; b; b = next) {
        next = b->next;
        bool keep = true;
        if (xmlStrEqual(b->name, BAD_CAST "figure")) {
            artx_figure_finish(b);
        } else if (xmlStrEqual(b->name, BAD_CAST "blockquote")) {
            xmlNodePtr pn;
            for (xmlNodePtr p = b->children; p; p = pn) {
                pn = p->next;
                artx_tidy_block(p);
                if (!keep_block(m, p, 99, r)) {
                    xmlUnlinkNode(p);
                    xmlFreeNode(p);
                }
            }
            keep = b->children != NULL;
        } else if (xmlStrEqual(b->name, BAD_CAST "ul") || xmlStrEqual(b->name, BAD_CAST "ol")) {
            keep = artx_tidy_list(b);
        } else {
            artx_tidy_block(b);
            keep = keep_block(m, b, index, r);
        }
        if (!keep) {
            xmlUnlinkNode(b);
            xmlFreeNode(b);
        } else {
            index++;
        }
    }
}

/* Stable ids in document order: p1, h1, f1, q1 (q1.p1), l1 (l1.i1). */
static void number_list(xmlNodePtr list, const char *prefix)
{
    unsigned i = 0;
    char id[64];
    for (xmlNodePtr li = list->children; li; li = li->next) {
        snprintf(id, sizeof id, "%s.i%u", prefix, ++i);
        xmlSetProp(li, BAD_CAST "id", BAD_CAST id);
        for (xmlNodePtr sub = li->children; sub; sub = sub->next)
            if (sub->type == XML_ELEMENT_NODE &&
                (xmlStrEqual(sub->name, BAD_CAST "ul") || xmlStrEqual(sub->name, BAD_CAST "ol"))) {
                char sid[72];
                snprintf(sid, sizeof sid, "%s.l", id);
                xmlSetProp(sub, BAD_CAST "id", BAD_CAST sid);
                number_list(sub, sid);
            }
    }
}

static void number_blocks(xmlNodePtr body)
{
    unsigned np = 0, nh = 0, nf = 0, nq = 0, nl = 0;
    char id[64];
    for (xmlNodePtr b = body->children; b; b = b->next) {
        const char *n = (const char *)b->name;
        /* a block libxml2 could not name while memory ran out (the
         * allocator's count fails the conversion) */
        if (!n)
            continue;
        if (!strcmp(n, "p"))
            snprintf(id, sizeof id, "p%u", ++np);
        else if (!strcmp(n, "h2"))
            snprintf(id, sizeof id, "h%u", ++nh);
        else if (!strcmp(n, "figure"))
            snprintf(id, sizeof id, "f%u", ++nf);
        else if (!strcmp(n, "blockquote"))
            snprintf(id, sizeof id, "q%u", ++nq);
        else
            snprintf(id, sizeof id, "l%u", ++nl);
        xmlSetProp(b, BAD_CAST "id", BAD_CAST id);
        if (!strcmp(n, "figure")) {
            for (xmlNodePtr k = b->children; k; k = k->next)
                if (xmlStrEqual(k->name, BAD_CAST "caption")) {
                    char cid[72];
                    snprintf(cid, sizeof cid, "%s.c", id);
                    xmlSetProp(k, BAD_CAST "id", BAD_CAST cid);
                }
        } else if (!strcmp(n, "blockquote")) {
            unsigned i = 0;
            for (xmlNodePtr p = b->children; p; p = p->next) {
                if (!xmlStrEqual(p->name, BAD_CAST "p"))
                    continue;
                char pid[72];
                snprintf(pid, sizeof pid, "%s.p%u", id, ++i);
                xmlSetProp(p, BAD_CAST "id", BAD_CAST pid);
            }
        } else if (!strcmp(n, "ul") || !strcmp(n, "ol")) {
            number_list(b, id);
        }
    }
}

/* ---- the driver ------------------------------------------------------------ */

/* Characters of text under n outside links and figures, spaces aside
 * (counted up to `enough`). */
static size_t own_text(xmlNodePtr n, size_t enough, int depth)
{
    size_t len = 0;
    for (xmlNodePtr c = n->children; c && len < enough && depth < 256; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const xmlChar *q = c->content; *q; q++)
                len += !isspace(*q) && (*q & 0xC0) != 0x80;
        } else if (c->type == XML_ELEMENT_NODE && !artx_name_is(c, "a") &&
                   !artx_name_is(c, "figure")) {
            len += own_text(c, enough - len, depth + 1);
        }
    }
    return len;
}

/* An article says something in words of its own: a page whose body is
 * only links (a section front, a navigation page) or a single word is not
 * one, however short a real article may be (a line of three words
 * passes). */
enum { MIN_ARTICLE_TEXT = 8 };

static bool body_has_text(xmlNodePtr body)
{
    return own_text(body, MIN_ARTICLE_TEXT, 0) >= MIN_ARTICLE_TEXT;
}

/* Point the page at `doc`: a new XPath context, nothing found yet.  The
 * elements are numbered in document order first: without it libxml2 puts
 * a node-set in order by walking the tree for every comparison, and one
 * expression over all of a big page's text nodes costs minutes. */
static int page_open(artx_page *pg, xmlDocPtr doc, artx_error *err)
{
    if (pg->xp)
        xmlXPathFreeContext(pg->xp);
    xmlXPathOrderDocElems(doc);
    pg->doc = doc;
    pg->xp = xmlXPathNewContext(doc);
    return pg->xp ? 0 : artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
}

static void page_clear(artx_page *pg)
{
    if (pg->xp)
        xmlXPathFreeContext(pg->xp);
    free(pg->base_owned);
    xmlFreeDoc(pg->embedded);
}

/* A page whose server-rendered body lacks the article it carries as data
 * (less than half its prose) is read from the data.  Its metadata stays
 * the page's. */
static int read_embedded(artx_page *pg, artx_error *err)
{
    if (pg->layout && pg->layout->site)
        return 0;
    xmlDocPtr e = artx_embedded_article(pg);
    if (!e)
        return 0;
    artx_page data = {0};
    xmlNodePtr div = NULL;
    size_t prose = 0;
    if (page_open(&data, e, err) == 0) {
        xmlXPathObjectPtr o = artx_select(data.xp, "/html/body/div", NULL);
        div = o ? o->nodesetval->nodeTab[0] : NULL;
        xmlXPathFreeObject(o);
        prose = div ? artx_prose_len(&data, div) : 0;
    }
    if (data.xp)
        xmlXPathFreeContext(data.xp);
    if (!div || prose <= 2 * pg->root_prose) {
        xmlFreeDoc(e);
        return 0;
    }
    int ret = page_open(pg, e, err);
    pg->embedded = e;
    pg->layout = NULL;
    pg->root = div;
    pg->root_text = artx_text_len(div);
    pg->root_prose = prose;
    return ret;
}

/* Relative links resolve against <base>, else the canonical URL, else
 * the page's own URL. */
static void pick_base(artx_page *pg, const artx_meta *m)
{
    char *base = artx_select_text(pg->xp, "//base/@href", NULL);
    if (base && (artx_starts_with(base, "http://") || artx_starts_with(base, "https://")))
        pg->base_owned = base;
    else
        free(base);
    if (pg->base_owned)
        pg->base = BAD_CAST pg->base_owned;
    else if (m->source)
        pg->base = BAD_CAST m->source;
}

/* Passes 1 and 2: what the page says about itself, and where the article
 * is.  A feed's first item becomes the page; *item keeps it. */
static int read_page(artx_page *pg, artx_meta *m, xmlDocPtr page, artx_from from,
                     artx_feed_item *item, artx_error *err)
{
    int ret = page_open(pg, page, err);
    pg->base = page->URL;
    if (ret)
        return ret;
    if (artx_is_feed(page)) {
        if ((ret = artx_feed_first_item(page, item, err)))
            return ret;
        artx_meta_from_feed(m, pg, item);
        if ((ret = page_open(pg, item->content, err)))
            return ret;
    } else {
        artx_meta_from_page(m, pg, from != ARTX_FROM_HTML);
        pick_base(pg, m);
    }
    artx_find_root(pg);
    artx_meta_pick_title(m, pg);
    return read_embedded(pg, err);
}

/* Passes 3 and 4: the body, walked from the root, tidied and numbered;
 * what is dropped is counted in r, and told apart when `why`. */
static int build_body(const artx_page *pg, artx_meta *m, xmlNodePtr body,
                      artx_page_report *r, bool why, artx_error *err)
{
    build b = {.pg = pg, .body = body, .container = body, .photos = xmlHashCreate(0),
               .r = r, .why = why};
    if (!b.photos)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    if (pg->root)
        walk(&b, pg->root);
    flush(&b);
    xmlHashFree(b.photos, NULL);
    finish_body(m, body, r);
    if (!body_has_text(body))
        return artx_fail(err, ARTX_ERR_NOARTICLE, "no article found");
    number_blocks(body);
    return 0;
}

/* What found the article's root, once read_page() has run. */
static void finder(const artx_page *pg, artx_page_report *r)
{
    if (pg->embedded) {
        r->finder = ARTX_FINDER_EMBEDDED;
    } else if (pg->layout) {
        r->finder = pg->layout->site ? ARTX_FINDER_SITE : ARTX_FINDER_LAYOUT;
        r->rule = pg->layout->site ? pg->layout->site : pg->layout->name;
    } else if (pg->root_score > 0) {
        r->finder = ARTX_FINDER_SCORING;
        r->score = pg->root_score;
    } else {
        r->finder = ARTX_FINDER_BODY;
    }
}

static int normalise(xmlDocPtr page, artx_from from, xmlDocPtr *out, artx_page_report *r,
                     bool why, artx_error *err)
{
    artx_page pg = {0};
    artx_meta m = {0};
    artx_feed_item item = {0};
    xmlDocPtr doc = NULL;
    int ret = 0;
    *out = NULL;
    xmlNodePtr proot = page ? xmlDocGetRootElement(page) : NULL;
    if (!proot)
        return artx_fail(err, ARTX_ERR_INVALID, "empty document");
    if (proot->ns && xmlStrEqual(proot->ns->href, BAD_CAST ARTX_NS)) {
        r->kind = ARTX_KIND_ARTICLE;
        if ((ret = artx_article_check(page, err)))
            return artx_fail_within(err, ret, "not a valid artx article");
        if (!(*out = artx_copy_doc(page)))
            return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        artx_article_filter_urls(*out);
        return 0;
    }
    ret = read_page(&pg, &m, page, from, &item, err);
    r->kind = item.content ? ARTX_KIND_FEED : m.dump ? ARTX_KIND_DUMP : ARTX_KIND_HTML;
    if (ret)
        goto out;
    finder(&pg, r);

    doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr art = xmlNewNode(NULL, BAD_CAST "article");
    if (!doc || !art) {
        xmlFreeNode(art);
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        goto out;
    }
    xmlDocSetRootElement(doc, art);
    xmlSetNs(art, xmlNewNs(art, BAD_CAST ARTX_NS, NULL));
    xmlNewProp(art, BAD_CAST "version", BAD_CAST "1");
    xmlNodePtr head = el(art, "head"), body = el(art, "body");
    if ((ret = build_body(&pg, &m, body, r, why, err)))
        goto out;
    artx_meta_from_body(&m, &pg, body, item.content != NULL);
    xmlNodeSetLang(art, BAD_CAST m.lang);
    artx_meta_write(&m, &pg, head);
    *out = doc;
    doc = NULL;
out:
    xmlFreeDoc(doc);
    page_clear(&pg);
    artx_meta_clear(&m);
    artx_feed_item_clear(&item);
    return ret;
}

int artx_normalise_report(xmlDocPtr page, artx_from from, xmlDocPtr *out,
                          artx_page_report *report, artx_error *err)
{
    artx_page_report scratch;
    artx_page_report *r = report ? report : &scratch;
    xmlDocPtr doc = NULL;
    memset(r, 0, sizeof *r);
    unsigned long oom = artx_oom_mark();
    int ret = artx_oom_since(oom, normalise(page, from, &doc, r, report != NULL, err), err);
    if (ret || !out) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (out)
        *out = doc;
    return ret;
}

int artx_normalise(xmlDocPtr page, artx_from from, xmlDocPtr *out, artx_error *err)
{
    return artx_normalise_report(page, from, out, NULL, err);
}
