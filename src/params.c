/* params.c - the stylesheet parameters a caller may set: the one table that
 * declares each (name, the values it takes, its default, the formats that
 * read it), and the checks of a value against it.
 *
 * The stylesheets declare the same names as top-level xsl:param; the unit
 * test test_params holds the two together, so that a parameter added to a
 * stylesheet and not here (or the other way round) fails the build's
 * tests rather than being refused, or accepted and ignored, at run time.
 * Parameters artx sets for itself (a merge's report and skeleton mode,
 * the plugin's srx, the source article of --bilingual) are not here: a
 * caller cannot set them. */
#include <stdio.h>
#include <string.h>

#include <unicode/uloc.h>

#include "internal.h"

#define F(format) (1u << (format))

static const char *const yes_no[] = {"yes", "no", NULL};
static const char *const xhtml_modes[] = {"page", "epub", NULL};
static const char *const unit_layouts[] = {"block", "sentence", NULL};

static const artx_param_info params[] = {
    {"target-lang", ARTX_PARAM_LANGUAGE, NULL, "none",
     F(ARTX_TO_XLIFF) | F(ARTX_TO_XLIFF12) | F(ARTX_TO_TMX), true,
     "The translation's language, a BCP 47 tag (-T sets it): the XLIFF's trgLang or "
     "target-language, the language of a merged article or a TMX's target"},
    {"source-lang", ARTX_PARAM_LANGUAGE, NULL, "the article's",
     F(ARTX_TO_XLIFF) | F(ARTX_TO_XLIFF12), false,
     "The source language written into the XLIFF, a BCP 47 tag (-s sets it)"},
    {"prefill-target", ARTX_PARAM_CHOICE, yes_no, "no", F(ARTX_TO_XLIFF12), false,
     "With 'yes', every trans-unit gets a copy of its source as target, state "
     "needs-translation (OmegaT 3.6 translates targets only)"},
    {"unit", ARTX_PARAM_CHOICE, unit_layouts, "block", F(ARTX_TO_XLIFF12), false,
     "'block' gives a trans-unit per block, its sentences as seg-source segments; "
     "'sentence' a group per block and a trans-unit per sentence, for tools that "
     "read no seg-source (translate-toolkit, Weblate, Pootle)"},
    {"mode", ARTX_PARAM_CHOICE, xhtml_modes, "page", F(ARTX_TO_XHTML), false,
     "'page' gives one standalone page, 'epub' an EPUB content document that links "
     "style.css"},
    {"identifier", ARTX_PARAM_STRING, NULL, "a name-based urn:uuid", F(ARTX_TO_EPUB), false,
     "The book's dc:identifier"},
    {"modified", ARTX_PARAM_TIMESTAMP, NULL, "SOURCE_DATE_EPOCH, else now", F(ARTX_TO_EPUB),
     false, "The book's dcterms:modified, CCYY-MM-DDThh:mm:ssZ"},
};

#define NPARAMS (sizeof params / sizeof *params)

const artx_param_info *artx_params(size_t *count)
{
    *count = NPARAMS;
    return params;
}

const artx_param_info *artx_param_find(const char *name)
{
    for (size_t i = 0; i < NPARAMS; i++)
        if (!strcmp(params[i].name, name))
            return &params[i];
    return NULL;
}

int artx_language_tag_check(const char *tag, artx_error *err)
{
    char locale[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    size_t len = strlen(tag);
    /* ICU reads the longest well-formed prefix; the tag is good only when
     * that is all of it ("en_US" stops at "en", "e n" at "e"). */
    if (len > 0 && len <= 64)
        uloc_forLanguageTag(tag, locale, (int32_t)sizeof locale, &parsed, &status);
    if (status == U_MEMORY_ALLOCATION_ERROR)
        return artx_fail(err, ARTX_ERR_NOMEM, "out of memory");
    if (len > 0 && len <= 64 && U_SUCCESS(status) &&
        status != U_STRING_NOT_TERMINATED_WARNING && (size_t)parsed == len)
        return 0;
    return artx_fail(err, ARTX_ERR_USAGE,
                     "'%.80s' is not a BCP 47 language tag (en, ko, pt-BR, zh-Hant)", tag);
}

/* CCYY-MM-DDThh:mm:ssZ, each field in its range (EPUB's dcterms:modified
 * takes this form and no other). */
static bool timestamp_valid(const char *s)
{
    unsigned y, mo, d, h, mi, sec;
    int n = 0;
    if (strlen(s) != 20 || sscanf(s, "%4u-%2u-%2uT%2u:%2u:%2uZ%n", &y, &mo, &d, &h, &mi, &sec,
                                  &n) != 6 || n != 20)
        return false;
    for (size_t i = 0; i < 20; i++)
        if (!strchr("-T:Z", s[i]) && (s[i] < '0' || s[i] > '9'))
            return false;
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && sec <= 60;
}

int artx_param_check(const artx_param_info *p, const char *value, artx_error *err)
{
    switch (p->kind) {
    case ARTX_PARAM_CHOICE:
        for (size_t i = 0; p->choices[i]; i++)
            if (!strcmp(value, p->choices[i]))
                return 0;
        {
            char list[128] = "";
            size_t used = 0;
            for (size_t i = 0; p->choices[i] && used < sizeof list; i++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                         i ? ", " : "", p->choices[i]);
            return artx_fail(err, ARTX_ERR_USAGE, "'%s' is not one of %s", value, list);
        }
    case ARTX_PARAM_LANGUAGE:
        return artx_language_tag_check(value, err);
    case ARTX_PARAM_TIMESTAMP:
        if (timestamp_valid(value))
            return 0;
        return artx_fail(err, ARTX_ERR_USAGE, "'%s' is not a time CCYY-MM-DDThh:mm:ssZ", value);
    case ARTX_PARAM_STRING:
        break;
    }
    for (const char *c = value; *c; c++)
        if ((unsigned char)*c < 0x20)
            return artx_fail(err, ARTX_ERR_USAGE, "a control character is not allowed");
    if (!*value)
        return artx_fail(err, ARTX_ERR_USAGE, "the value is empty");
    return 0;
}
