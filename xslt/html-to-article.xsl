<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-to-article.xsl - a news page, as the host parsed it (xsltproc with
  its html option, lxml's HTMLParser, ...), as artx's article XML, through
  artx's front end: the extension function artx:article(/) of the libxslt
  plugin (artx_example_xslt.so, namespace http://artx.example/xslt; see the
  README, "Using artx from XSLT").  The output is what `artx -t article
  PAGE` writes, indented the same way: a line break and two spaces per
  level before each child element of article, head, body, figure,
  blockquote, ul and ol, and nothing added inside the text blocks.

  A board dump (header line, HTML, footer) works too: its header and footer
  are text nodes of the parsed page, which the front end reads.  Tell the
  host the page's encoding (xsltproc: encoding utf-8) when the page does not
  declare it correctly; artx decides it from the bytes, a host cannot.

  Includes model.xsl (the structural elements).

  Parameters:
    srx   path of an SRX 2.0 file for the sentences, as artx's srx option;
          default '' (the built-in rules).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:artx="http://artx.example/xslt"
    xmlns:model="urn:artx:xslt-model"
    exclude-result-prefixes="artx model">
  <xsl:include href="model.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="srx" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="artx:article(/, $srx)" mode="indent"/>
    <!-- The final line break that artx writes too. -->
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The structural elements ($model:structure): their element children
       each on a line.  Everything else as it is. -->
  <xsl:template mode="indent" match="node()">
    <xsl:param name="depth" select="0"/>
    <xsl:choose>
      <xsl:when test="self::*[contains($model:structure, concat(' ', local-name(), ' '))][node()]">
        <xsl:call-template name="structure">
          <xsl:with-param name="depth" select="$depth"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy-of select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="structure">
    <xsl:param name="depth"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="self::*">
          <xsl:call-template name="newline">
            <xsl:with-param name="depth" select="$depth + 1"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:apply-templates select="." mode="indent">
          <xsl:with-param name="depth" select="$depth + 1"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="newline">
        <xsl:with-param name="depth" select="$depth - ($depth &gt; 31) * ($depth - 31)"/>
      </xsl:call-template>
    </xsl:copy>
  </xsl:template>

  <!-- A line break and two spaces per level (at most 32 levels). -->
  <xsl:template name="newline">
    <xsl:param name="depth"/>
    <xsl:variable name="d">
      <xsl:choose>
        <xsl:when test="$depth &gt; 32">32</xsl:when>
        <xsl:otherwise><xsl:value-of select="$depth"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat('&#10;', substring(
        '                                                                ', 1, 2 * $d))"/>
  </xsl:template>
</xsl:stylesheet>
