<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl - templates the output stylesheets share (xsl:include).

  artx:title-text   the headline, or for a page that has none (a fragment)
                    the start of the first paragraph, so every output has a
                    non-empty title.
  label             a few fixed words in the article's language (ko, ja,
                    else English): the link to an image that is not packaged.
  part              in a book, the name of the context article's part
                    ("a1", "a2", ... in input order); '' for an article
                    that is the document.
  content-href      the context article's content document in an EPUB:
                    article.xhtml, in a book PART.xhtml.

  A book (artx -\-book TITLE) is the document
    <book xmlns="urn:artx:book" title="TITLE"> article... </book>
  that artx builds of copies of the articles' roots, in input order: the
  input of article-to-opf.xsl, article-to-nav.xsl and article-to-ncx.xsl
  for its package, navigation document and NCX (and of
  article-to-docbook.xsl for a DocBook book).  Its language is the
  first article's.  Each article's content document is
  article-to-xhtml.xsl's of that article alone, images renamed PART-ID.

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
    xmlns:bk="urn:artx:book"
    exclude-result-prefixes="a bk">

  <xsl:param name="source-article" select="/.."/>
  <xsl:variable name="bilingual-source" select="document($source-article)/a:article"/>

  <!-- The context is an article (the root, or one of a book's). -->
  <xsl:template name="title-text">
    <xsl:variable name="art" select="ancestor-or-self::a:article[1]"/>
    <xsl:variable name="t" select="normalize-space($art/a:head/a:title)"/>
    <xsl:variable name="first" select="normalize-space(($art/a:body//a:p)[1])"/>
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
    <!-- the context's article, or a book's first -->
    <xsl:variable name="lang"
        select="substring(ancestor-or-self::a:article/@xml:lang | self::bk:book/a:article[1]/@xml:lang, 1, 2)"/>
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

  <xsl:template name="part">
    <xsl:if test="parent::bk:book">
      <xsl:value-of select="concat('a', count(preceding-sibling::a:article) + 1)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="content-href">
    <xsl:variable name="part"><xsl:call-template name="part"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$part != ''"><xsl:value-of select="concat($part, '.xhtml')"/></xsl:when>
      <xsl:otherwise>article.xhtml</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A book's table of contents: after an article's title, its outlet
       and its day (" — Publisher, 2023-11-10"), or nothing. -->
  <xsl:template name="toc-meta">
    <xsl:variable name="h" select="a:head"/>
    <xsl:if test="parent::bk:book and ($h/a:publisher or $h/a:published)">
      <xsl:text> — </xsl:text>
      <xsl:value-of select="normalize-space($h/a:publisher)"/>
      <xsl:if test="$h/a:publisher and $h/a:published">, </xsl:if>
      <xsl:value-of select="substring($h/a:published, 1, 10)"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
