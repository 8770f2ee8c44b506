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

  A book (common.xsl): dc:title is the book's title; dc:language the
  first article's, then each other language of its articles in their
  order; dc:identifier and dcterms:modified as for an article; the TDM
  reservation when any article reserves (its policy when all that do
  name the same one).  The articles' authors, outlets, sources and
  rights stay in their own content documents (PART.xhtml, in the
  spine in input order), their images named PART-ID.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:bk="urn:artx:book"
    xmlns="http://www.idpf.org/2007/opf"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="a bk">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="identifier" select="'urn:uuid:00000000-0000-8000-8000-000000000000'"/>
  <xsl:param name="modified" select="'1970-01-01T00:00:00Z'"/>

  <xsl:template match="/a:article">
    <xsl:variable name="h" select="a:head"/>
    <package version="3.0" unique-identifier="uid" xml:lang="{@xml:lang}">
      <xsl:call-template name="tdm-prefix"><xsl:with-param name="res" select="$h/a:reservation"/></xsl:call-template>
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
        <xsl:call-template name="tdm-meta"><xsl:with-param name="res" select="$h/a:reservation"/></xsl:call-template>
      </metadata>
      <manifest>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
        <item id="article" href="article.xhtml" media-type="application/xhtml+xml"/>
        <item id="css" href="style.css" media-type="text/css"/>
        <xsl:apply-templates select="a:body/a:figure[a:img/@packaged = 'yes']" mode="manifest"/>
      </manifest>
      <spine toc="ncx">
        <itemref idref="article"/>
      </spine>
    </package>
  </xsl:template>

  <xsl:template match="/bk:book">
    <xsl:variable name="res" select="a:article/a:head/a:reservation"/>
    <package version="3.0" unique-identifier="uid" xml:lang="{a:article[1]/@xml:lang}">
      <xsl:call-template name="tdm-prefix"><xsl:with-param name="res" select="$res"/></xsl:call-template>
      <metadata>
        <dc:identifier id="uid"><xsl:value-of select="$identifier"/></dc:identifier>
        <dc:title><xsl:value-of select="@title"/></dc:title>
        <xsl:for-each select="a:article[not(@xml:lang = preceding-sibling::a:article/@xml:lang)]">
          <dc:language><xsl:value-of select="@xml:lang"/></dc:language>
        </xsl:for-each>
        <meta property="dcterms:modified"><xsl:value-of select="$modified"/></meta>
        <xsl:call-template name="tdm-meta"><xsl:with-param name="res" select="$res"/></xsl:call-template>
      </metadata>
      <manifest>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
        <xsl:for-each select="a:article">
          <xsl:variable name="part"><xsl:call-template name="part"/></xsl:variable>
          <item id="{$part}" href="{$part}.xhtml" media-type="application/xhtml+xml"/>
        </xsl:for-each>
        <item id="css" href="style.css" media-type="text/css"/>
        <xsl:apply-templates select="a:article/a:body/a:figure[a:img/@packaged = 'yes']" mode="manifest"/>
      </manifest>
      <spine toc="ncx">
        <xsl:for-each select="a:article">
          <itemref><xsl:attribute name="idref"><xsl:call-template name="part"/></xsl:attribute></itemref>
        </xsl:for-each>
      </spine>
    </package>
  </xsl:template>

  <!-- A packaged image: img-ID, in a book img-PART-ID. -->
  <xsl:template match="a:figure" mode="manifest">
    <xsl:variable name="ext" select="substring-after(a:img/@src, '.')"/>
    <xsl:variable name="part"><xsl:for-each select="ancestor::a:article"><xsl:call-template name="part"/></xsl:for-each></xsl:variable>
    <item id="img-{$part}{substring('-', 1, string-length($part))}{@id}" href="{a:img/@src}">
      <xsl:attribute name="media-type">
        <xsl:choose>
          <xsl:when test="$ext = 'jpg'">image/jpeg</xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('image/', $ext)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </item>
  </xsl:template>

  <!-- W3C TDMRep: reserved when any of $res (reservation elements) is. -->
  <xsl:template name="tdm-prefix">
    <xsl:param name="res"/>
    <xsl:if test="$res">
      <xsl:attribute name="prefix">tdm: http://www.w3.org/ns/tdmrep#</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tdm-meta">
    <xsl:param name="res"/>
    <xsl:if test="$res">
      <meta property="tdm:reservation">1</meta>
      <xsl:if test="count($res[@policy]) = count($res) and not($res/@policy != $res[1]/@policy)">
        <meta property="tdm:policy"><xsl:value-of select="$res[1]/@policy"/></meta>
      </xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
