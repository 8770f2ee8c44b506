<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-text.xsl - an artx article as plain text: the title, then each
  text block (subheadings, paragraphs, quoted paragraphs, list items) in
  reading order, separated by blank lines.  Figures are left out.  Used to
  score extraction against a reference text.

  Parameters: none.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/a:article">
    <xsl:apply-templates select="a:head/a:title"/>
    <xsl:apply-templates select="a:body//*[self::a:p or self::a:h2 or self::a:li]"/>
  </xsl:template>

  <xsl:template match="a:title | a:p | a:h2 | a:li">
    <xsl:if test="not(self::a:title)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:apply-templates select="node()[not(self::a:ul or self::a:ol)]" mode="inline"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="a:br" mode="inline">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
</xsl:stylesheet>
