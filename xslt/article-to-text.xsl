<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-text.xsl - an artx article as plain text: the title, then each
  text block (subheadings, paragraphs, quoted paragraphs, list items) in
  reading order, separated by blank lines.  Figures are left out.  Used to
  score extraction against a reference text.

  Includes model.xsl.  Parameters: none.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:model="urn:artx:xslt-model">
  <xsl:include href="model.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/a:article">
    <xsl:apply-templates select="a:head/a:title" mode="block"/>
    <!-- the blocks but captions -->
    <xsl:apply-templates mode="block"
        select="a:body//a:*[contains($model:blocks, concat(' ', local-name(), ' '))][not(self::a:caption)]"/>
  </xsl:template>

  <!-- a block's own text (not a nested list's) -->
  <xsl:template match="*" mode="block">
    <xsl:if test="not(self::a:title)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="inline"
        select="node()[not(self::a:*[contains($model:lists, concat(' ', local-name(), ' '))])]"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="a:br" mode="inline">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
</xsl:stylesheet>
