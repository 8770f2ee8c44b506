<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-ncx.xsl - the NCX (EPUB/toc.ncx) for EPUB 2 reading systems,
  of an article or of a book (common.xsl): a navPoint per article (in a
  book with its outlet and day), inside it one per subheading.

  Parameters:
    identifier  must equal the package's dc:identifier (dtb:uid)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:bk="urn:artx:book"
    xmlns="http://www.daisy.org/z3986/2005/ncx/"
    exclude-result-prefixes="a bk">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="identifier" select="'urn:uuid:00000000-0000-8000-8000-000000000000'"/>

  <xsl:template match="/a:article | /bk:book">
    <xsl:variable name="articles" select="self::a:article | a:article"/>
    <ncx version="2005-1" xml:lang="{$articles[1]/@xml:lang}">
      <head>
        <meta name="dtb:uid" content="{$identifier}"/>
        <meta name="dtb:depth" content="{1 + number(boolean($articles/a:body/a:h2))}"/>
        <meta name="dtb:totalPageCount" content="0"/>
        <meta name="dtb:maxPageNumber" content="0"/>
      </head>
      <docTitle>
        <text>
          <xsl:choose>
            <xsl:when test="self::bk:book"><xsl:value-of select="@title"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="title-text"/></xsl:otherwise>
          </xsl:choose>
        </text>
      </docTitle>
      <navMap>
        <xsl:apply-templates select="$articles" mode="ncx"/>
      </navMap>
    </ncx>
  </xsl:template>

  <!-- playOrder counts the navPoints before: the articles' and their
       subheadings'. -->
  <xsl:template match="a:article" mode="ncx">
    <xsl:variable name="href"><xsl:call-template name="content-href"/></xsl:variable>
    <xsl:variable name="part"><xsl:call-template name="part"/></xsl:variable>
    <!-- ids: an article's np-title and np-ID, a book's np-a1 and np-a1-ID -->
    <xsl:variable name="np" select="concat('np-', $part, substring('-', 1, string-length($part)))"/>
    <xsl:variable name="order"
        select="count(preceding-sibling::a:article) + count(preceding-sibling::a:article/a:body/a:h2)"/>
    <navPoint id="np-{$part}{substring('title', 1, 5 * number($part = ''))}" playOrder="{$order + 1}">
      <navLabel><text><xsl:call-template name="title-text"/><xsl:call-template name="toc-meta"/></text></navLabel>
      <content src="{$href}"/>
      <xsl:for-each select="a:body/a:h2">
        <navPoint id="{$np}{@id}" playOrder="{$order + position() + 1}">
          <navLabel><text><xsl:value-of select="normalize-space(.)"/></text></navLabel>
          <content src="{$href}#{@id}"/>
        </navPoint>
      </xsl:for-each>
    </navPoint>
  </xsl:template>
</xsl:stylesheet>
