<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-ncx.xsl - the NCX (EPUB/toc.ncx) for EPUB 2 reading systems.

  Parameters:
    identifier  must equal the package's dc:identifier (dtb:uid)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns="http://www.daisy.org/z3986/2005/ncx/"
    exclude-result-prefixes="a">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="identifier" select="'urn:uuid:00000000-0000-8000-8000-000000000000'"/>

  <xsl:template match="/a:article">
    <ncx version="2005-1" xml:lang="{@xml:lang}">
      <head>
        <meta name="dtb:uid" content="{$identifier}"/>
        <meta name="dtb:depth" content="{1 + number(boolean(a:body/a:h2))}"/>
        <meta name="dtb:totalPageCount" content="0"/>
        <meta name="dtb:maxPageNumber" content="0"/>
      </head>
      <docTitle><text><xsl:call-template name="title-text"/></text></docTitle>
      <navMap>
        <navPoint id="np-title" playOrder="1">
          <navLabel><text><xsl:call-template name="title-text"/></text></navLabel>
          <content src="article.xhtml"/>
          <xsl:for-each select="a:body/a:h2">
            <navPoint id="np-{@id}" playOrder="{position() + 1}">
              <navLabel><text><xsl:value-of select="normalize-space(.)"/></text></navLabel>
              <content src="article.xhtml#{@id}"/>
            </navPoint>
          </xsl:for-each>
        </navPoint>
      </navMap>
    </ncx>
  </xsl:template>
</xsl:stylesheet>
