/* artx.c - library setup and teardown. */
#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "internal.h"

void artx_init(void)
{
    xmlInitParser();
    artx_error_capture();
}

void artx_cleanup(void)
{
    artx_transform_cleanup();
    xsltCleanupGlobals();
    xmlCleanupParser();
}

const char *artx_version(void)
{
    return ARTX_VERSION;
}
