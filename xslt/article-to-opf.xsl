<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-opf.xsl - the EPUB 3 package document (EPUB/package.opf) of an
  artx article: full metadata, the manifest and the spine.

  Parameters (artx -t epub sets both):
    identifier  the book's dc:identifier (artx: a name-based urn:uuid, the
                same for the same article)
    modified    dcterms:modified, CCYY-MM-DDThh:mm:ssZ (artx: from
                SOURCE_DATE_EPOCH when set, else the time of the run)

  Packaged images are the figures whose img has packaged="yes" (set by
  artx -t epub, src under images/); their media type follows the extension
  artx gave them from their bytes.
  A TDM reservation in the article becomes W3C TDMRep's tdm:reservation.
  A bilingual book (common.xsl's source-article) has two primary
  languages, so two dc:language (EPUB 3.3 lists there the languages the
  content is written in): the translation's first, as the package's
  xml:lang and the content document's lang say, then the source's.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns="http://www.idpf.org/2007/opf"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="a">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="identifier" select="'urn:uuid:00000000-0000-8000-8000-000000000000'"/>
  <xsl:param name="modified" select="'1970-01-01T00:00:00Z'"/>

  <xsl:template match="/a:article">
    <xsl:variable name="h" select="a:head"/>
    <package version="3.0" unique-identifier="uid" xml:lang="{@xml:lang}">
      <xsl:if test="$h/a:reservation">
        <xsl:attribute name="prefix">tdm: http://www.w3.org/ns/tdmrep#</xsl:attribute>
      </xsl:if>
      <metadata>
        <dc:identifier id="uid"><xsl:value-of select="$identifier"/></dc:identifier>
        <dc:title><xsl:call-template name="title-text"/></dc:title>
        <dc:language><xsl:value-of select="@xml:lang"/></dc:language>
        <xsl:if test="$bilingual-source/@xml:lang != @xml:lang">
          <dc:language><xsl:value-of select="$bilingual-source/@xml:lang"/></dc:language>
        </xsl:if>
        <xsl:if test="$h/a:published">
          <dc:date><xsl:value-of select="$h/a:published"/></dc:date>
        </xsl:if>
        <xsl:for-each select="$h/a:author">
          <dc:creator id="creator{position()}"><xsl:value-of select="."/></dc:creator>
          <meta refines="#creator{position()}" property="role" scheme="marc:relators">aut</meta>
        </xsl:for-each>
        <xsl:if test="$h/a:publisher">
          <dc:publisher><xsl:value-of select="$h/a:publisher"/></dc:publisher>
        </xsl:if>
        <xsl:if test="$h/a:source">
          <dc:source><xsl:value-of select="$h/a:source/@href"/></dc:source>
        </xsl:if>
        <xsl:if test="$h/a:rights">
          <dc:rights><xsl:value-of select="$h/a:rights"/></dc:rights>
        </xsl:if>
        <meta property="dcterms:modified"><xsl:value-of select="$modified"/></meta>
        <xsl:if test="$h/a:reservation">
          <meta property="tdm:reservation">1</meta>
          <xsl:if test="$h/a:reservation/@policy">
            <meta property="tdm:policy"><xsl:value-of select="$h/a:reservation/@policy"/></meta>
          </xsl:if>
        </xsl:if>
      </metadata>
      <manifest>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
        <item id="article" href="article.xhtml" media-type="application/xhtml+xml"/>
        <item id="css" href="style.css" media-type="text/css"/>
        <xsl:for-each select="a:body/a:figure[a:img/@packaged = 'yes']">
          <xsl:variable name="ext" select="substring-after(a:img/@src, '.')"/>
          <item id="img-{@id}" href="{a:img/@src}">
            <xsl:attribute name="media-type">
              <xsl:choose>
                <xsl:when test="$ext = 'jpg'">image/jpeg</xsl:when>
                <xsl:otherwise><xsl:value-of select="concat('image/', $ext)"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </item>
        </xsl:for-each>
      </manifest>
      <spine toc="ncx">
        <itemref idref="article"/>
      </spine>
    </package>
  </xsl:template>
</xsl:stylesheet>
