/* artx.c - library setup and teardown. */
#include <pthread.h>

#include <libxml/parser.h>
#include <libexslt/exslt.h>
#include <libxslt/xslt.h>

#include "internal.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init(void)
{
    artx_count_xml_allocations();
    xmlInitParser();
    /* Customised stylesheets may use EXSLT, as they can under xsltproc. */
    exsltRegisterAll();
    /* artx:article() and friends, as the plugin offers them. */
    artx_ext_register();
    artx_stylesheet_setup();
}

void artx_init(void)
{
    pthread_once(&init_once, init);
    artx_error_capture();
}

void artx_cleanup(void)
{
    artx_stylesheet_cleanup();
    artx_ext_cleanup();
    xsltCleanupGlobals();
    xmlCleanupParser();
}

const char *artx_version(void)
{
    return ARTX_VERSION;
}
