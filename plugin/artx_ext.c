/* artx_ext.c - the libxslt extension module artx_example_xslt.so.
 *
 * libxslt loads it when a stylesheet calls a function in the namespace
 * http://artx.example/xslt (ARTX_XSLT_NS) that nobody registered: it strips
 * the scheme, turns . - / \ into _, looks for artx_example_xslt.so in
 * $LIBXSLT_PLUGINS_PATH (else its built-in plugin folder) and calls
 * artx_example_xslt_init.  That entry point is the only symbol the module
 * exports; the stage code is linked in from libartx with hidden visibility.
 *
 * It does not call artx_init(): the host has initialised libxml2 and
 * libxslt, and its error handlers must stay its own.  It registers the
 * same functions as the CLI (src/ext.c), and frees their cached
 * segmenters when libxslt unloads it (xsltCleanupGlobals) or the process
 * ends. */
#include "internal.h"

ARTX_EXPORT void artx_example_xslt_init(void);

void artx_example_xslt_init(void)
{
    artx_ext_register();
}

__attribute__((destructor)) static void artx_example_xslt_fini(void)
{
    artx_ext_cleanup();
}
