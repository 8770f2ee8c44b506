/* merge.c - a translated XLIFF back into an article: prepare the merge
 * data, run xslt/xliff-to-article.xsl with report=yes, read its report
 * (refusals and untranslated segments as elements, never messages), check
 * the result against the article schema.  A TMX of the file is the same
 * run of xslt/xliff-to-tmx.xsl, which imports the merge and writes its
 * translated segments instead of the article.
 *
 * XLIFF 1.2 (strict) has no place for foreign elements, so artx carries
 * the source article there as escaped text in header/skl/internal-file;
 * XSLT 1.0 cannot parse text, so it is parsed here (with the same safety
 * as any XML input) and put in place as an element before the stylesheet
 * runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "internal.h"
#include "model.h"

#define XLIFF12_NS "urn:oasis:names:tc:xliff:document:1.2"
#define XLIFF20_NS "urn:oasis:names:tc:xliff:document:2.0"
/* xliff-to-article.xsl's own namespace: its report with report=yes. */
#define REPORT_NS "urn:artx:xliff-to-article"

void artx_merge_report_clear(artx_merge_report *report)
{
    if (!report)
        return;
    for (size_t i = 0; i < report->nuntranslated; i++) {
        free(report->untranslated[i].unit);
        free(report->untranslated[i].what);
    }
    for (size_t i = 0; i < report->nrefused; i++) {
        free(report->refused[i].unit);
        free(report->refused[i].what);
    }
    free(report->untranslated);
    free(report->refused);
    memset(report, 0, sizeof *report);
}

static char *attr_dup(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    char *s = strdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* Append a note (taking the strings, which may be NULL when out of
 * memory). */
static int add_note(artx_merge_note **notes, size_t *n, char *unit, char *what)
{
    artx_merge_note *bigger = unit && what ? realloc(*notes, (*n + 1) * sizeof **notes) : NULL;
    if (!bigger) {
        free(unit);
        free(what);
        return ARTX_ERR_NOMEM;
    }
    *notes = bigger;
    bigger[(*n)++] = (artx_merge_note){unit, what};
    return 0;
}

/* Append a note from element `el`'s attributes unit and `what`. */
static int note(artx_merge_note **notes, size_t *n, xmlNodePtr el, const char *what)
{
    return add_note(notes, n, attr_dup(el, "unit"), attr_dup(el, what));
}

/* A refusal of the whole file, found before the stylesheet runs. */
static int refuse_file(artx_merge_report *r, artx_error *err, const char *message)
{
    if (add_note(&r->refused, &r->nrefused, strdup("(file)"), strdup(message)))
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    return artx_fail(err, ARTX_ERR_INVALID, "%s", message);
}

/* The article a 1.2 internal-file carries as escaped text, parsed (with
 * the same safety as any XML input); NULL when it holds none. */
static xmlDocPtr internal_article(xmlNodePtr holder)
{
    xmlChar *text = xmlNodeGetContent(holder);
    xmlDocPtr art = NULL;
    if (text)
        artx_xml_parse(text, (size_t)xmlStrlen(text), NULL, "UTF-8", 0, false, &art, NULL);
    xmlFree(text);
    xmlNodePtr root = art ? xmlDocGetRootElement(art) : NULL;
    if (!root || !root->ns || !xmlStrEqual(root->ns->href, BAD_CAST ARTX_NS)) {
        xmlFreeDoc(art);
        return NULL;
    }
    return art;
}

/* EXPR (prefix x: XLIFF 1.2) over doc; NULL when memory ran out. */
static xmlXPathObjectPtr select12(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr xp = xmlXPathNewContext(doc);
    xmlXPathObjectPtr o = xp && !xmlXPathRegisterNs(xp, BAD_CAST "x", BAD_CAST XLIFF12_NS)
                              ? xmlXPathEvalExpression(BAD_CAST expr, xp)
                              : NULL;
    xmlXPathFreeContext(xp);
    return o;
}

#define NOT_AN_ARTICLE "unit (file): the merge data in internal-file is not an artx article"

/* XLIFF 1.2: parse the article that internal-file carries as text and put
 * it there as an element. */
static int unpack_internal_file(xmlDocPtr xliff, artx_merge_report *r, artx_error *err)
{
    xmlXPathObjectPtr o = select12(xliff, "/x:xliff/x:file/x:header/x:skl/x:internal-file");
    if (!o)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    int ret = 0;
    for (int i = 0; !ret && o->nodesetval && i < o->nodesetval->nodeNr; i++) {
        xmlNodePtr holder = o->nodesetval->nodeTab[i];
        xmlDocPtr art = internal_article(holder);
        if (!art) {
            ret = refuse_file(r, err, NOT_AN_ARTICLE);
        } else {
            xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(art), xliff, 1);
            if (!copy) {
                ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
            } else {
                xmlNodeSetContent(holder, NULL);
                xmlAddChild(holder, copy);
                xmlReconciliateNs(xliff, copy);
            }
        }
        xmlFreeDoc(art);
    }
    xmlXPathFreeObject(o);
    return ret;
}

/* Append a copy of from's children to to (a node in the document). */
static int copy_children(xmlNodePtr from, xmlNodePtr to)
{
    if (!from || !from->children)
        return 0;
    xmlNodePtr list = xmlDocCopyNodeList(to->doc, from->children);
    if (!list)
        return -1;
    xmlAddChildList(to, list);
    return 0;
}

static xmlNodePtr child_named(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr k = n->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && k->ns && k->ns == n->ns &&
            xmlStrEqual(k->name, BAD_CAST name))
            return k;
    return NULL;
}

static bool prop_is(xmlNodePtr n, const char *name, const char *value)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    bool is = v && xmlStrEqual(v, BAD_CAST value);
    xmlFree(v);
    return is;
}

static xmlNodePtr new_mrk(xmlNodePtr parent, const xmlChar *mid)
{
    xmlNodePtr m = xmlNewChild(parent, parent->ns, BAD_CAST "mrk", NULL);
    if (m && (!xmlSetProp(m, BAD_CAST "mtype", BAD_CAST "seg") ||
              !xmlSetProp(m, BAD_CAST "mid", mid)))
        return NULL;
    return m;
}

/* The trans-units of one sentence-layout group (below) into tu: source,
 * seg-source and, when a segment has one, target.  The target's state is
 * the one its segments' targets share, none when they differ. */
static int join_group(xmlNodePtr group, xmlNodePtr tu)
{
    xmlNodePtr src = xmlNewChild(tu, tu->ns, BAD_CAST "source", NULL);
    xmlNodePtr seg = src ? xmlNewChild(tu, tu->ns, BAD_CAST "seg-source", NULL) : NULL;
    xmlNodePtr tgt = NULL;
    xmlChar *state = NULL;
    bool seen = false, mixed = false;
    int ret = seg ? 0 : -1;
    for (xmlNodePtr u = group->children; !ret && u; u = u->next) {
        if (u->type != XML_ELEMENT_NODE || u->ns != group->ns ||
            !xmlStrEqual(u->name, BAD_CAST "trans-unit"))
            continue;
        xmlNodePtr usrc = child_named(u, "source"), utgt = child_named(u, "target");
        if (copy_children(usrc, src)) {
            ret = -1;
        } else if (prop_is(u, "restype", "x-artx-between")) {
            ret = copy_children(usrc, seg);
        } else {
            /* a tool that dropped resname: the id, an s id but for segN */
            xmlChar *mid = xmlGetProp(u, BAD_CAST "resname");
            if (!mid)
                mid = xmlGetProp(u, BAD_CAST "id");
            if (!mid)
                mid = xmlStrdup(BAD_CAST "");
            xmlNodePtr m = mid ? new_mrk(seg, mid) : NULL;
            ret = m ? copy_children(usrc, m) : -1;
            if (!ret && utgt) {
                if (!tgt && (tgt = xmlNewChild(tu, tu->ns, BAD_CAST "target", NULL))) {
                    xmlChar *lang = xmlNodeGetLang(utgt);
                    if (lang)
                        xmlNodeSetLang(tgt, lang);
                    xmlFree(lang);
                }
                if (!tgt) {
                    ret = -1;
                } else {
                    xmlChar *st = xmlGetProp(utgt, BAD_CAST "state");
                    if (!seen) {
                        state = st;
                        seen = true;
                    } else {
                        mixed = mixed || !(st && state ? xmlStrEqual(st, state) : st == state);
                        xmlFree(st);
                    }
                    xmlNodePtr tm = new_mrk(tgt, mid);
                    xmlNodePtr seg_mrk = child_named(utgt, "mrk");
                    if (!seg_mrk || !prop_is(seg_mrk, "mtype", "seg"))
                        seg_mrk = utgt;
                    ret = tm ? copy_children(seg_mrk, tm) : -1;
                }
            }
            xmlFree(mid);
        }
    }
    if (!ret && !mixed && state && !xmlSetProp(tgt, BAD_CAST "state", state))
        ret = -1;
    xmlFree(state);
    return ret;
}

/* XLIFF 1.2 written with unit=sentence (article-to-xliff12.xsl): each
 * group of restype x-artx-block becomes the block's trans-unit of the
 * block layout, which the merge reads: sources joined, one seg-source mrk
 * per segment trans-unit (mid its resname, else its id), the x-artx-between units'
 * text between them, the segments' targets as target mrks (the content of
 * a target's mrk mtype="seg" when it has one: protected text). */
static int join_sentence_units(xmlDocPtr xliff, artx_error *err)
{
    xmlXPathObjectPtr o =
        select12(xliff, "/x:xliff/x:file/x:body//x:group[@restype = 'x-artx-block']");
    if (!o)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    int ret = 0;
    for (int i = 0; !ret && o->nodesetval && i < o->nodesetval->nodeNr; i++) {
        xmlNodePtr g = o->nodesetval->nodeTab[i];
        xmlNodePtr tu = xmlNewDocNode(xliff, g->ns, BAD_CAST "trans-unit", NULL);
        xmlChar *id = xmlGetProp(g, BAD_CAST "id"), *name = xmlGetProp(g, BAD_CAST "resname");
        /* in the tree first, so that copies find the namespace in scope */
        if (!tu || !xmlAddPrevSibling(g, tu) ||
            !xmlSetProp(tu, BAD_CAST "id", id ? id : BAD_CAST "") ||
            (name && !xmlSetProp(tu, BAD_CAST "resname", name)) ||
            (prop_is(g, "translate", "no") &&
             !xmlSetProp(tu, BAD_CAST "translate", BAD_CAST "no")) ||
            join_group(g, tu))
            ret = -1;
        xmlNodeSetSpacePreserve(tu, 1);
        xmlFree(id);
        xmlFree(name);
        xmlUnlinkNode(g);
        xmlFreeNode(g);
        o->nodesetval->nodeTab[i] = NULL;
    }
    xmlXPathFreeObject(o);
    return ret ? artx_fail(err, ARTX_ERR_NOMEM, "out of memory") : 0;
}

/* Read the m:report of stylesheet `name`: the notes into *r (or a scratch
 * report), the result (`what`: the article, the tmx) into a document of
 * its own. */
static int read_report(xmlDocPtr res, const char *name, const char *what,
                       artx_merge_report *r, xmlDocPtr *article, artx_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(res), art = NULL;
    if (!root || !root->ns || !xmlStrEqual(root->ns->href, BAD_CAST REPORT_NS) ||
        !xmlStrEqual(root->name, BAD_CAST "report"))
        return artx_fail(err, ARTX_ERR_XSLT, "%s gave no merge report", name);
    int ret = 0;
    for (xmlNodePtr k = root->children; k && !ret; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (k->ns && xmlStrEqual(k->ns->href, BAD_CAST REPORT_NS))
            ret = xmlStrEqual(k->name, BAD_CAST "refused")
                      ? note(&r->refused, &r->nrefused, k, "message")
                      : note(&r->untranslated, &r->nuntranslated, k, "segment");
        else if (!art)
            art = k;
    }
    if (ret)
        return artx_fail(err, ret, "out of memory");
    if (r->nrefused)
        return artx_fail(err, ARTX_ERR_INVALID, "%s", r->refused[0].what);
    if (!art)
        return artx_fail(err, ARTX_ERR_XSLT, "%s gave no %s", name, what);
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr copy = doc ? xmlDocCopyNode(art, doc, 1) : NULL;
    if (!copy) {
        xmlFreeDoc(doc);
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }
    xmlDocSetRootElement(doc, copy);
    *article = doc;
    return 0;
}

/* Something besides XML white space: XPath's normalize-space() != ''. */
static bool names_something(const xmlChar *s)
{
    return s && s[strspn((const char *)s, " \t\r\n")];
}

/* The language the file names for one side: 2.0 xliff/@V20, 1.2 the
 * first file's @V12 (xmlFree; NULL when there is none). */
static xmlChar *named_lang(xmlNodePtr root, const char *v20, const char *v12)
{
    if (!xmlStrEqual(root->ns->href, BAD_CAST XLIFF12_NS))
        return xmlGetNoNsProp(root, BAD_CAST v20);
    for (xmlNodePtr f = root->children; f; f = f->next)
        if (f->type == XML_ELEMENT_NODE && f->ns &&
            xmlStrEqual(f->ns->href, BAD_CAST XLIFF12_NS) && xmlStrEqual(f->name, BAD_CAST "file"))
            return xmlGetNoNsProp(f, BAD_CAST v12);
    return NULL;
}

/* Whether the merged article gets a target language, decided as
 * xliff-to-article.xsl decides it: 2.0 xliff/@trgLang, 1.2 the first
 * file's @target-language, else the target-lang parameter. */
static bool has_target_lang(xmlNodePtr root, const char *const *params)
{
    xmlChar *lang = named_lang(root, "trgLang", "target-language");
    bool found = names_something(lang);
    xmlFree(lang);
    for (size_t i = 0; !found && params && params[i] && params[i + 1]; i += 2)
        found = !strcmp(params[i], "target-lang") && names_something(BAD_CAST params[i + 1]);
    return found;
}

/* The caller's parameters, then `ours` (name, value pairs, NULL-terminated,
 * may be NULL), then report=yes. */
static const char **with_report(const char *const *params, const char *const *ours)
{
    size_t n = 0, k = 0;
    while (params && params[n] && params[n + 1])
        n += 2;
    while (ours && ours[k] && ours[k + 1])
        k += 2;
    const char **all = malloc((n + k + 3) * sizeof *all);
    if (!all)
        return NULL;
    for (size_t i = 0; i < n; i++)
        all[i] = params[i];
    for (size_t i = 0; i < k; i++)
        all[n + i] = ours[i];
    all[n + k] = "report";
    all[n + k + 1] = "yes";
    all[n + k + 2] = NULL;
    return all;
}

/* Run the merge stylesheet `name` (with `ours` after the caller's
 * parameters) on a copy of the file with its 1.2 merge data unpacked,
 * and read its report into *r; its result (`what`) into *out. */
static int run_merge(xmlDocPtr xliff, const char *name, const char *what,
                     const char *const *params, const char *const *ours, xmlDocPtr *out,
                     artx_merge_report *r, artx_error *err)
{
    xmlDocPtr copy = NULL, res = NULL;
    const char **all = with_report(params, ours);
    int ret = 0;
    *out = NULL;
    if (!all)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    if (!artx_is_xliff(xliff)) {
        ret = refuse_file(r, err, "unit (file): not an XLIFF 1.2 or 2.0 file");
        goto out;
    }
    xmlNodePtr root = xmlDocGetRootElement(xliff);
    /* A usage error, not a fault of the file: a target language is the
     * caller's to give when the CAT tool wrote none. */
    if (!has_target_lang(root, params)) {
        ret = artx_fail(err, ARTX_ERR_USAGE, "the XLIFF names no target language: give it "
                        "with -T LANG (the target-lang parameter)");
        goto out;
    }
    if (!(copy = artx_copy_doc(xliff))) {
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        goto out;
    }
    if (xmlStrEqual(root->ns->href, BAD_CAST XLIFF12_NS) &&
        ((ret = unpack_internal_file(copy, r, err)) || (ret = join_sentence_units(copy, err))))
        goto out;
    if (!(ret = artx_stylesheet_apply(name, copy, all, &res, NULL, err)))
        ret = read_report(res, name, what, r, out, err);
out:
    xmlFreeDoc(res);
    xmlFreeDoc(copy);
    free(all);
    return ret;
}

static int merge(xmlDocPtr xliff, const char *const *params, xmlDocPtr *out,
                 artx_merge_report *report, artx_error *err)
{
    artx_merge_report scratch = {0};
    artx_merge_report *r = report ? report : &scratch;
    xmlDocPtr art = NULL;
    unsigned long oom = artx_oom_mark();
    int ret = run_merge(xliff, "xliff-to-article.xsl", "article", params, NULL, &art, r, err);
    *out = NULL;
    if (ret)
        goto out;
    r->urls_dropped = artx_article_filter_urls(art);
    /* An article built while memory ran out may lack a name or a text the
     * validator then trips on: fail before validating it. */
    if ((ret = artx_oom_since(oom, 0, err)))
        goto out;
    if ((ret = artx_article_check(art, err))) {
        artx_fail_within(err, ret, "the merged article is not valid");
        goto out;
    }
    *out = art;
    art = NULL;
out:
    xmlFreeDoc(art);
    artx_merge_report_clear(&scratch);
    return ret;
}

int artx_merge(xmlDocPtr xliff, const char *const *params, xmlDocPtr *out,
               artx_merge_report *report, artx_error *err)
{
    unsigned long oom = artx_oom_mark();
    int ret = artx_oom_since(oom, merge(xliff, params, out, report, err), err);
    if (ret) {
        xmlFreeDoc(*out);
        *out = NULL;
    }
    return ret;
}

/* What lies directly inside the article's structural elements besides
 * elements (the white space of a CAT tool that re-indented the file):
 * dropped, as the merge drops it. */
static void drop_between_structure(xmlNodePtr n)
{
    if (!artx_model_is_structural(n))
        return;
    for (xmlNodePtr k = n->children, next; k; k = next) {
        next = k->next;
        if (k->type == XML_ELEMENT_NODE) {
            drop_between_structure(k);
        } else {
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        }
    }
}

/* The merge data of the first file that has one, as a document of its
 * own: 2.0 a copy of skeleton/article, 1.2 internal-file's text parsed. */
static int merge_data(xmlDocPtr xliff, xmlDocPtr *out, artx_error *err)
{
    xmlXPathContextPtr xp = xmlXPathNewContext(xliff);
    if (!xp || xmlXPathRegisterNs(xp, BAD_CAST "x1", BAD_CAST XLIFF12_NS) ||
        xmlXPathRegisterNs(xp, BAD_CAST "x2", BAD_CAST XLIFF20_NS) ||
        xmlXPathRegisterNs(xp, BAD_CAST "a", BAD_CAST ARTX_NS)) {
        xmlXPathFreeContext(xp);
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    }
    xmlXPathObjectPtr o = xmlXPathEvalExpression(
        BAD_CAST "(/x2:xliff/x2:file/x2:skeleton/a:article"
                 " | /x1:xliff/x1:file/x1:header/x1:skl/x1:internal-file)[1]",
        xp);
    xmlNodePtr found = o && o->nodesetval && o->nodesetval->nodeNr ? o->nodesetval->nodeTab[0]
                                                                   : NULL;
    int ret = 0;
    *out = NULL;
    if (!found) {
        ret = artx_fail(err, ARTX_ERR_INVALID, "unit (file): no artx merge data");
    } else if (!xmlStrEqual(found->ns->href, BAD_CAST ARTX_NS)) {
        if (!(*out = internal_article(found)))
            ret = artx_fail(err, ARTX_ERR_INVALID, NOT_AN_ARTICLE);
    } else {
        xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
        xmlNodePtr copy = doc ? xmlDocCopyNode(found, doc, 1) : NULL;
        if (copy) {
            xmlDocSetRootElement(doc, copy);
            *out = doc;
        } else {
            xmlFreeDoc(doc);
            ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
        }
    }
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(xp);
    return ret;
}

static int merge_source(xmlDocPtr xliff, xmlDocPtr *out, artx_error *err)
{
    xmlDocPtr art = NULL;
    *out = NULL;
    if (!artx_is_xliff(xliff))
        return artx_fail(err, ARTX_ERR_INVALID, "unit (file): not an XLIFF 1.2 or 2.0 file");
    int ret = merge_data(xliff, &art, err);
    if (ret)
        return ret;
    xmlNodePtr root = xmlDocGetRootElement(art);
    drop_between_structure(root);
    /* The file's word over the article's: -s may have corrected the
     * language the front end found. */
    xmlChar *lang = named_lang(xmlDocGetRootElement(xliff), "srcLang", "source-language");
    if (lang && !artx_language_tag_check((const char *)lang, NULL))
        xmlNodeSetLang(root, lang);
    xmlFree(lang);
    artx_article_filter_urls(art);
    if ((ret = artx_article_check(art, err))) {
        artx_fail_within(err, ret, "the source article in the merge data is not valid");
        xmlFreeDoc(art);
        return ret;
    }
    *out = art;
    return 0;
}

int artx_merge_source(xmlDocPtr xliff, xmlDocPtr *out, artx_error *err)
{
    unsigned long oom = artx_oom_mark();
    int ret = artx_oom_since(oom, merge_source(xliff, out, err), err);
    if (ret) {
        xmlFreeDoc(*out);
        *out = NULL;
    }
    return ret;
}

/* TMX's creationdate (YYYYMMDDThhmmssZ) when SOURCE_DATE_EPOCH names one,
 * else "": a TMX has no date unless the build asks for one, so the same
 * file gives the same bytes. */
static int tmx_date(char *buf, size_t size, artx_error *err)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t t;
    struct tm tm;
    *buf = '\0';
    int ret = sde && *sde ? artx_source_date(&t, err) : 0;
    if (!ret && sde && *sde &&
        (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y%m%dT%H%M%SZ", &tm)))
        *buf = '\0';
    return ret;
}

static int tmx(xmlDocPtr xliff, const char *const *params, unsigned char **out, size_t *len,
               artx_merge_report *r, artx_error *err)
{
    xmlDocPtr src = NULL, res = NULL;
    char uid[64], date[32];
    int ret = tmx_date(date, sizeof date, err);
    const char *ours[] = {"identifier", uid, "tool-version", ARTX_VERSION, "creationdate", date,
                          NULL};
    /* The identifier is the source article's: the one thing that names
     * the article whatever the translation. */
    if (!ret && !(ret = artx_merge_source(xliff, &src, err)) &&
        artx_article_identifier(src, NULL, uid, sizeof uid))
        ret = artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    if (!ret && !(ret = run_merge(xliff, "xliff-to-tmx.xsl", "tmx", params, ours, &res, r, err)))
        ret = artx_stylesheet_serialise("xliff-to-tmx.xsl", res, out, len, err);
    xmlFreeDoc(src);
    xmlFreeDoc(res);
    return ret;
}

int artx_tmx(xmlDocPtr xliff, const char *const *params, unsigned char **out, size_t *len,
             artx_merge_report *report, artx_error *err)
{
    artx_merge_report scratch = {0};
    unsigned long oom = artx_oom_mark();
    *out = NULL;
    *len = 0;
    int ret = artx_oom_since(oom, tmx(xliff, params, out, len, report ? report : &scratch, err),
                             err);
    if (ret) {
        free(*out);
        *out = NULL;
        *len = 0;
    }
    artx_merge_report_clear(&scratch);
    return ret;
}
