/* artx.c - library setup and teardown. */
#include <libxml/parser.h>
#include <libexslt/exslt.h>
#include <libxslt/xslt.h>

#include "internal.h"

void artx_init(void)
{
    xmlInitParser();
    /* Customised stylesheets may use EXSLT, as they can under xsltproc. */
    exsltRegisterAll();
    /* artx:article() and friends, as the plugin offers them. */
    artx_ext_register();
    artx_error_capture();
}

void artx_cleanup(void)
{
    artx_transform_cleanup();
    artx_merge_cleanup();
    artx_ext_cleanup();
    xsltCleanupGlobals();
    xmlCleanupParser();
}

const char *artx_version(void)
{
    return ARTX_VERSION;
}
