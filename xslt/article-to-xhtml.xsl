<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-xhtml.xsl - an artx article as XHTML (the HTML5 vocabulary in
  XML syntax): a standalone page (-t xhtml), or the content document of an
  EPUB 3 (artx -t epub runs it with mode=epub).

  Parameters:
    mode   'page' (default): one standalone page, remote images shown in
           place, the EPUB's stylesheet (epub.css) inline.
           'epub': the content document; links style.css.  Only images
           that artx packaged (img/@packaged = 'yes', src under images/)
           are shown; any other becomes a link to the original when it has
           a web address, else only its caption stays, because an EPUB may
           not embed resources from outside its container.
    source-article  (common.xsl) a bilingual page or book: the article
           this one was translated from.  Each text block is written in the
           source language, then in the translation's, each with its lang
           and xml:lang: a paragraph as two paragraphs (the translation's
           keeps the id), the headline, a subheading, a list item, a
           caption, a credit and a quotation's source as one element
           holding both, source first, on lines of their own.  A block
           whose translation has the same text as its source (left
           untranslated) is written once, in the source language; in a
           block partly translated, a sentence that kept its source is
           marked with the source language.  Byline, rights and images
           are the translation's, once.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:artx="http://artx.example/xslt"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="a artx">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="no"/>

  <xsl:param name="mode" select="'page'"/>

  <xsl:variable name="lang" select="/a:article/@xml:lang"/>
  <xsl:variable name="source-lang" select="$bilingual-source/@xml:lang"/>

  <!-- blocks and sentences by id: of the source article, in a bilingual page -->
  <xsl:key name="by-id" match="a:*[@id]" use="@id"/>

  <xsl:template match="/a:article">
    <xsl:if test="$mode != 'epub'">
      <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    </xsl:if>
    <html lang="{$lang}" xml:lang="{$lang}">
      <xsl:text>&#10;</xsl:text>
      <head>
        <meta charset="utf-8"/>
        <title><xsl:call-template name="title-text"/></title>
        <xsl:choose>
          <xsl:when test="$mode = 'epub'">
            <link rel="stylesheet" type="text/css" href="style.css"/>
          </xsl:when>
          <xsl:otherwise>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <xsl:if test="a:head/a:reservation">
              <meta name="tdm-reservation" content="1"/>
            </xsl:if>
            <!-- Unescaped: an HTML parser reads a style element's text raw
                 (epub.css has no < or &, which XML would need escaped).  A
                 libxslt host without artx's module gets a page without it. -->
            <xsl:if test="function-available('artx:resource')">
              <style><xsl:value-of select="artx:resource('epub.css')" disable-output-escaping="yes"/></style>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body>
        <article>
          <header>
            <xsl:choose>
              <xsl:when test="$bilingual-source">
                <h1 id="title">
                  <xsl:call-template name="paired">
                    <xsl:with-param name="t" select="a:head/a:title"/>
                  </xsl:call-template>
                </h1>
              </xsl:when>
              <xsl:otherwise>
                <h1 id="title"><xsl:call-template name="title-text"/></h1>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:apply-templates select="a:head" mode="byline"/>
          </header>
          <xsl:choose>
            <xsl:when test="$bilingual-source">
              <xsl:apply-templates select="a:body/*" mode="bilingual"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="a:body/*"/>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:apply-templates select="a:head" mode="footer"/>
        </article>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="a:head" mode="byline">
    <xsl:if test="a:author or a:publisher or a:published">
      <p class="meta">
        <xsl:for-each select="a:author">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
        <xsl:if test="a:author and a:publisher"> · </xsl:if>
        <xsl:value-of select="a:publisher"/>
        <xsl:if test="a:published">
          <xsl:if test="a:author or a:publisher"> · </xsl:if>
          <time datetime="{a:published}"><xsl:value-of select="translate(a:published, 'T', ' ')"/></time>
        </xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:head" mode="footer">
    <xsl:if test="a:rights or a:source">
      <footer>
        <xsl:if test="a:rights"><p class="rights"><xsl:value-of select="a:rights"/></p></xsl:if>
        <xsl:if test="a:source">
          <p class="rights">
            <xsl:call-template name="label"><xsl:with-param name="key" select="'source'"/></xsl:call-template>
            <xsl:text>: </xsl:text>
            <a href="{a:source/@href}"><xsl:value-of select="a:source/@href"/></a>
          </p>
        </xsl:if>
      </footer>
    </xsl:if>
  </xsl:template>

  <!-- blocks -->
  <!-- translate="no" is HTML's own: browsers' translators leave it too -->
  <xsl:template match="a:p | a:h2 | a:ul | a:ol | a:li">
    <xsl:element name="{local-name()}">
      <xsl:copy-of select="@id | @translate"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="a:blockquote">
    <blockquote id="{@id}">
      <xsl:apply-templates select="a:p"/>
      <xsl:if test="a:cite"><p><cite><xsl:apply-templates select="a:cite/node()"/></cite></p></xsl:if>
    </blockquote>
  </xsl:template>

  <xsl:template match="a:figure">
    <figure id="{@id}">
      <xsl:call-template name="figure-image"/>
      <xsl:if test="a:caption or a:credit">
        <figcaption>
          <xsl:choose>
            <xsl:when test="a:caption/@translate = 'no'">
              <span translate="no"><xsl:apply-templates select="a:caption/node()"/></span>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates select="a:caption/node()"/></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="a:caption and a:credit"><xsl:text> </xsl:text></xsl:if>
          <xsl:if test="a:credit"><span class="credit"><xsl:value-of select="a:credit"/></span></xsl:if>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- The context figure's image, or in an EPUB the link that stands for
       it. -->
  <xsl:template name="figure-image">
    <xsl:variable name="src" select="a:img/@src"/>
    <xsl:variable name="web" select="starts-with($src, 'http://') or starts-with($src, 'https://')"/>
    <xsl:choose>
      <xsl:when test="$mode = 'epub' and a:img/@packaged = 'yes'">
        <img src="{$src}" alt="{a:img/@alt}"/>
      </xsl:when>
      <xsl:when test="$mode = 'epub' and $web">
        <p class="original-image">
          <a href="{$src}">
            <xsl:call-template name="label"><xsl:with-param name="key" select="'original-image'"/></xsl:call-template>
          </a>
        </p>
      </xsl:when>
      <xsl:when test="$mode = 'epub'"/>
      <xsl:otherwise>
        <img src="{$src}" alt="{a:img/@alt}">
          <xsl:copy-of select="a:img/@width | a:img/@height"/>
        </img>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- inline -->
  <xsl:template match="a:a">
    <a href="{@href}"><xsl:apply-templates/></a>
  </xsl:template>

  <xsl:template match="a:em | a:strong | a:sub | a:sup | a:br">
    <xsl:element name="{local-name()}"><xsl:apply-templates/></xsl:element>
  </xsl:template>

  <xsl:template match="a:span">
    <span>
      <xsl:if test="@xml:lang">
        <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
        <xsl:copy-of select="@xml:lang"/>
      </xsl:if>
      <xsl:copy-of select="@translate"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- sentences: their text, in place -->
  <xsl:template match="a:s">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ===== a bilingual page: the blocks of the translation, each after
       the same block of the source (by id) ===== -->

  <xsl:template match="a:p" mode="bilingual">
    <xsl:variable name="t" select="."/>
    <xsl:for-each select="$bilingual-source">
      <xsl:variable name="s" select="key('by-id', $t/@id)"/>
      <xsl:choose>
        <xsl:when test="normalize-space($s) != normalize-space($t)">
          <p class="source" lang="{$source-lang}" xml:lang="{$source-lang}"><xsl:apply-templates select="$s/node()"/></p>
          <p id="{$t/@id}" lang="{$lang}" xml:lang="{$lang}"><xsl:apply-templates select="$t/node()" mode="translation"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p id="{$t/@id}" lang="{$source-lang}" xml:lang="{$source-lang}"><xsl:apply-templates select="$s/node()"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="a:h2 | a:li" mode="bilingual">
    <xsl:element name="{local-name()}">
      <xsl:copy-of select="@id"/>
      <xsl:call-template name="paired"/>
      <xsl:apply-templates select="a:ul | a:ol" mode="bilingual"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="a:ul | a:ol" mode="bilingual">
    <xsl:element name="{local-name()}">
      <xsl:copy-of select="@id"/>
      <xsl:apply-templates select="a:li" mode="bilingual"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="a:blockquote" mode="bilingual">
    <blockquote id="{@id}">
      <xsl:apply-templates select="a:p" mode="bilingual"/>
      <xsl:if test="a:cite">
        <p><cite>
          <xsl:call-template name="paired">
            <xsl:with-param name="t" select="a:cite"/>
            <xsl:with-param name="id" select="@id"/>
            <xsl:with-param name="child" select="'cite'"/>
          </xsl:call-template>
        </cite></p>
      </xsl:if>
    </blockquote>
  </xsl:template>

  <xsl:template match="a:figure" mode="bilingual">
    <figure id="{@id}">
      <xsl:call-template name="figure-image"/>
      <xsl:if test="a:caption or a:credit">
        <figcaption>
          <xsl:if test="a:caption">
            <xsl:call-template name="paired">
              <xsl:with-param name="t" select="a:caption"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="a:caption and a:credit"><br/></xsl:if>
          <xsl:if test="a:credit">
            <span class="credit">
              <xsl:call-template name="paired">
                <xsl:with-param name="t" select="a:credit"/>
                <xsl:with-param name="id" select="@id"/>
                <xsl:with-param name="child" select="'credit'"/>
              </xsl:call-template>
            </span>
          </xsl:if>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- $t, a text block of the translation, beside the same block of the
       source: the element of the source with id $id, or its child
       element named $child (a credit, a cite: they have no id). -->
  <xsl:template name="paired">
    <xsl:param name="t" select="."/>
    <xsl:param name="id" select="$t/@id"/>
    <xsl:param name="child" select="''"/>
    <xsl:for-each select="$bilingual-source">
      <xsl:variable name="block" select="key('by-id', $id)"/>
      <xsl:call-template name="lines">
        <xsl:with-param name="t" select="$t"/>
        <xsl:with-param name="s" select="$block[$child = ''] | $block/a:*[local-name() = $child]"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The source $s on a line, then the translation $t, each in a span
       with its language; once, in the source language, when both have the
       same text.  A list item's nested list is no part of its line. -->
  <xsl:template name="lines">
    <xsl:param name="t"/>
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="normalize-space($s) != normalize-space($t)">
        <span class="source" lang="{$source-lang}" xml:lang="{$source-lang}"><xsl:apply-templates select="$s/node()[not(self::a:ul or self::a:ol)]"/></span>
        <br/>
        <span lang="{$lang}" xml:lang="{$lang}"><xsl:apply-templates select="$t/node()[not(self::a:ul or self::a:ol)]" mode="translation"/></span>
      </xsl:when>
      <xsl:otherwise>
        <span lang="{$source-lang}" xml:lang="{$source-lang}"><xsl:apply-templates select="$s/node()[not(self::a:ul or self::a:ol)]"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The translation's content: a sentence with the same text as the
       source's sentence of its id kept its source (untranslated). -->
  <xsl:template match="a:s" mode="translation">
    <xsl:variable name="t" select="."/>
    <xsl:variable name="kept">
      <xsl:for-each select="$bilingual-source">
        <xsl:if test="normalize-space(key('by-id', $t/@id)) = normalize-space($t)">yes</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$kept = 'yes'">
        <span lang="{$source-lang}" xml:lang="{$source-lang}"><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="node()" mode="translation">
    <xsl:apply-templates select="."/>
  </xsl:template>
</xsl:stylesheet>
