<?xml version="1.0" encoding="UTF-8"?>
<!--
  strings.xsl - the string helpers of the stylesheets (xsl:include), plain
  XSLT 1.0 (no EXSLT: artx, xsltproc and lxml alike).

    replace         every $from in $s replaced with $to
    replace-each    replace, for each pair of the lists $from and $to in turn
    escape-attr     $s as an attribute value in markup text
    escape-text     $s as character data in markup text
    unescape-attr   the value of an attribute that escape-attr wrote

  Included by article-to-xliff20.xsl (originalData: the start tag of each
  code), article-to-xliff12.xsl (the skeleton article as escaped text) and
  xliff-to-article.xsl (the attributes of an originalData start tag).  It
  includes nothing and expects nothing of its includer.  Include it once
  per stylesheet: a second copy would define its templates again, which is
  an error.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Attribute value as markup text: & < " and the white-space characters
       that attribute normalisation would otherwise turn into spaces. -->
  <xsl:template name="escape-attr">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="translate($s, '&amp;&lt;&quot;&#10;&#9;&#13;', '') = $s"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="replace-each">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="from" select="'&amp; &lt; &quot; &#10; &#9; &#13;'"/>
          <xsl:with-param name="to" select="'&amp;amp; &amp;lt; &amp;quot; &amp;#10; &amp;#9; &amp;#13;'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text as markup text: & < and > (for "]]>"); \r as a reference so that
       it survives line-end normalisation. -->
  <xsl:template name="escape-text">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="translate($s, '&amp;&lt;&gt;&#13;', '') = $s"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="replace-each">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="from" select="'&amp; &lt; &gt; &#13;'"/>
          <xsl:with-param name="to" select="'&amp;amp; &amp;lt; &amp;gt; &amp;#13;'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The inverse of escape-attr (and of &gt;); &amp; last, so that an
       escaped reference ("&amp;lt;") comes out as it was written. -->
  <xsl:template name="unescape-attr">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="not(contains($s, '&amp;'))"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="replace-each">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="from" select="'&amp;#10; &amp;#9; &amp;#13; &amp;quot; &amp;lt; &amp;gt; &amp;amp;'"/>
          <xsl:with-param name="to" select="'&#10; &#9; &#13; &quot; &lt; &gt; &amp;'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s with the first string of $from replaced by the first of $to, then
       the second by the second, and so on: $from and $to are lists of
       strings separated by single spaces (so none of the strings can be or
       hold a space).  A string that $s does not hold costs no copy. -->
  <xsl:template name="replace-each">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:variable name="f" select="substring-before(concat($from, ' '), ' ')"/>
    <xsl:variable name="t" select="substring-before(concat($to, ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="not(contains($from, ' '))">
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="from" select="$f"/>
          <xsl:with-param name="to" select="$t"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="not(contains($s, $f))">
        <xsl:call-template name="replace-each">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="from" select="substring-after($from, ' ')"/>
          <xsl:with-param name="to" select="substring-after($to, ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="done">
          <xsl:call-template name="replace">
            <xsl:with-param name="s" select="$s"/>
            <xsl:with-param name="from" select="$f"/>
            <xsl:with-param name="to" select="$t"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="replace-each">
          <xsl:with-param name="s" select="string($done)"/>
          <xsl:with-param name="from" select="substring-after($from, ' ')"/>
          <xsl:with-param name="to" select="substring-after($to, ' ')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every $from in $s replaced with $to. -->
  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="concat(substring-before($s, $from), $to)"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
