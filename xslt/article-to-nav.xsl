<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-nav.xsl - the EPUB 3 navigation document (EPUB/nav.xhtml) of an
  artx article: the headline, then each subheading; of a book (common.xsl),
  each article's headline, outlet and day, then its subheadings.
  Parameters: none.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:bk="urn:artx:book"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="a bk">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/a:article | /bk:book">
    <xsl:variable name="lang" select="string((self::a:article | a:article[1])/@xml:lang)"/>
    <html lang="{$lang}" xml:lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:call-template name="label"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></title>
      </head>
      <body>
        <nav epub:type="toc" id="toc">
          <h1><xsl:call-template name="label"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></h1>
          <ol>
            <xsl:apply-templates select="self::a:article | a:article" mode="toc"/>
          </ol>
        </nav>
      </body>
    </html>
  </xsl:template>

  <!-- An article's entry; one of a book in another language than the
       book's first says so. -->
  <xsl:template match="a:article" mode="toc">
    <xsl:variable name="href"><xsl:call-template name="content-href"/></xsl:variable>
    <li>
      <xsl:if test="parent::bk:book and @xml:lang != ../a:article[1]/@xml:lang">
        <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
        <xsl:copy-of select="@xml:lang"/>
      </xsl:if>
      <a href="{$href}"><xsl:call-template name="title-text"/><xsl:call-template name="toc-meta"/></a>
      <xsl:if test="a:body/a:h2">
        <ol>
          <xsl:for-each select="a:body/a:h2">
            <li><a href="{$href}#{@id}"><xsl:value-of select="normalize-space(.)"/></a></li>
          </xsl:for-each>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
