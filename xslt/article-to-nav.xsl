<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-nav.xsl - the EPUB 3 navigation document (EPUB/nav.xhtml) of an
  artx article: the headline, then each subheading.  Parameters: none.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="a">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/a:article">
    <html lang="{@xml:lang}" xml:lang="{@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:call-template name="label"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></title>
      </head>
      <body>
        <nav epub:type="toc" id="toc">
          <h1><xsl:call-template name="label"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></h1>
          <ol>
            <li>
              <a href="article.xhtml"><xsl:call-template name="title-text"/></a>
              <xsl:if test="a:body/a:h2">
                <ol>
                  <xsl:for-each select="a:body/a:h2">
                    <li><a href="article.xhtml#{@id}"><xsl:value-of select="normalize-space(.)"/></a></li>
                  </xsl:for-each>
                </ol>
              </xsl:if>
            </li>
          </ol>
        </nav>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
