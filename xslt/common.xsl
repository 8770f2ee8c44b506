<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl - templates the output stylesheets share (xsl:include).

  artx:title-text   the headline, or for a page that has none (a fragment)
                    the start of the first paragraph, so every output has a
                    non-empty title.
  label             a few fixed words in the article's language (ko, ja,
                    else English): the link to an image that is not packaged.

  $bilingual-source the article the one being transformed was translated
                    from, for a bilingual book (each block in the source
                    language, then its translation: article-to-xhtml.xsl,
                    and the book's second language in article-to-opf.xsl);
                    empty for any other output.  It is
                    document($source-article), the parameter
                    source-article: a URI (artx sets it itself with
                    -\-bilingual; with xsltproc, the absolute path of the
                    source article, -\-stringparam source-article
                    /path/source.xml).  Unset, an empty node-set: no
                    document is read.

  Included by article-to-xhtml.xsl, article-to-nav.xsl, article-to-ncx.xsl
  and article-to-opf.xsl.  It includes nothing and expects nothing of its
  includer.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    exclude-result-prefixes="a">

  <xsl:param name="source-article" select="/.."/>
  <xsl:variable name="bilingual-source" select="document($source-article)/a:article"/>

  <xsl:template name="title-text">
    <xsl:variable name="t" select="normalize-space(/a:article/a:head/a:title)"/>
    <xsl:variable name="first" select="normalize-space((/a:article/a:body//a:p)[1])"/>
    <xsl:choose>
      <xsl:when test="$t != ''"><xsl:value-of select="$t"/></xsl:when>
      <xsl:when test="string-length($first) &gt; 60">
        <xsl:value-of select="concat(substring($first, 1, 60), '…')"/>
      </xsl:when>
      <xsl:when test="$first != ''"><xsl:value-of select="$first"/></xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:variable name="lang" select="substring(/a:article/@xml:lang, 1, 2)"/>
    <xsl:choose>
      <xsl:when test="$key = 'original-image' and $lang = 'ko'">원본 사진 보기</xsl:when>
      <xsl:when test="$key = 'original-image' and $lang = 'ja'">元の画像を見る</xsl:when>
      <xsl:when test="$key = 'original-image'">View the original image</xsl:when>
      <xsl:when test="$key = 'source' and $lang = 'ko'">원문</xsl:when>
      <xsl:when test="$key = 'source' and $lang = 'ja'">原文</xsl:when>
      <xsl:when test="$key = 'source'">Source</xsl:when>
      <xsl:when test="$key = 'contents' and $lang = 'ko'">차례</xsl:when>
      <xsl:when test="$key = 'contents' and $lang = 'ja'">目次</xsl:when>
      <xsl:when test="$key = 'contents'">Contents</xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
