<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-xliff20.xsl - an artx article as an XLIFF 2.0 file (core, OASIS
  Standard 2014), ready for a CAT tool, and carrying everything a merge needs
  to rebuild the article from the XLIFF alone.

  One file, id "article", original = the source URL (head/source/@href)
  when there is one.

  Units: xliff-units.xsl decides them (which blocks, in what order, their
  ids, location notes, translate="no", segments and inline codes); here
  they are written as XLIFF 2.0.  unit/@id is the block's id and unit/@name
  its element name; a merge that finds no f1.alt unit should give the img
  the translated caption as alt text.  Each unit has a note category
  "location" saying where it sits, and translate="no" when its block is
  (the source asks to keep it) or its text has no letters at all.

  Segments: one segment per s (segment/@id = the s id) and an ignorable
  (ign1, ign2, ...) for the whitespace (or a lone br) between sentences;
  text outside any s becomes a segment "segN" of its own.  A block without
  s gives one segment "seg1".  A merge puts a segment whose id names an s
  of the block back into that s.

  Inline markup: a, em, strong, sub, sup, span become pc, br becomes ph;
  their ids are numbered per unit (1, 2, ... in document order) and their
  original markup is in the unit's originalData (data d1 / d1e for the
  start and end of pc 1, d2 for ph 2).  pc type: link (a), fmt with subType
  xlf:i (em), xlf:b (strong), artx:sub, artx:sup, other with artx:lang
  (span); ph type fmt, subType xlf:lb.  canCopy, canDelete and canReorder
  keep their defaults (yes).  Other elements are unwrapped.  Protected text
  (span translate="no": what the source asks to keep, web and e-mail
  addresses) is an annotation, mrk id="mN" translate="no", N its number
  among the codes; it has no originalData, and a merge puts the source's
  text back whatever the target holds.

  Merge data: the file's skeleton holds an unchanged copy of the source
  article; a merge replaces each block's content with its unit's target.
  File notes carry head/rights and, when head/reservation is present, the
  source's text and data mining reservation.

  Includes xliff-units.xsl (and through it model.xsl) and strings.xsl.

  Parameters (declared in xliff-units.xsl):
    target-lang   BCP 47 tag for xliff/@trgLang; default '' (no trgLang).
    source-lang   BCP 47 tag for xliff/@srcLang; default '' (the article's
                  xml:lang).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:model="urn:artx:xslt-model"
    xmlns:units="urn:artx:xslt-units"
    xmlns:artx="http://artx.example/xslt"
    xmlns="urn:oasis:names:tc:xliff:document:2.0"
    extension-element-prefixes="artx"
    exclude-result-prefixes="a model units">
  <xsl:include href="xliff-units.xsl"/>
  <xsl:include href="strings.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:if test="not(a:article)">
      <xsl:message terminate="yes">article-to-xliff20.xsl: the input is not an artx article (urn:artx:article)</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="a:article"/>
  </xsl:template>

  <xsl:template match="a:article">
    <xliff version="2.0" srcLang="{$units:source-lang}">
      <xsl:if test="$target-lang != ''">
        <xsl:attribute name="trgLang"><xsl:value-of select="$target-lang"/></xsl:attribute>
      </xsl:if>
      <xsl:attribute name="xml:space">preserve</xsl:attribute>
      <xsl:text>&#10;</xsl:text>
      <file id="article">
        <xsl:if test="a:head/a:source/@href">
          <xsl:attribute name="original"><xsl:value-of select="a:head/a:source/@href"/></xsl:attribute>
        </xsl:if>
        <xsl:text>&#10;  </xsl:text>
        <skeleton>
          <xsl:apply-templates select="." mode="skeleton"/>
        </skeleton>
        <xsl:if test="$units:file-notes">
          <xsl:text>&#10;  </xsl:text>
          <notes>
            <xsl:apply-templates select="$units:file-notes" mode="units:file-note"/>
          </notes>
        </xsl:if>
        <xsl:call-template name="units:units"/>
        <xsl:text>&#10;</xsl:text>
      </file>
      <xsl:text>&#10;</xsl:text>
    </xliff>
  </xsl:template>

  <!-- ===== what xliff-units.xsl asks for ===== -->

  <xsl:template name="units:emit-file-note">
    <xsl:param name="kind"/>
    <xsl:param name="text"/>
    <note id="{$kind}" category="{$kind}"><xsl:value-of select="$text"/></note>
  </xsl:template>

  <xsl:template name="units:emit-unit">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <xsl:param name="where"/>
    <xsl:param name="content"/>
    <xsl:param name="translate"/>
    <xsl:variable name="codes"
        select="$content/descendant-or-self::a:*[contains($model:inline, concat(' ', local-name(), ' '))]"/>
    <!-- numbered with the codes, but no code: protected text -->
    <xsl:variable name="kept" select="$codes[self::a:span][@translate = 'no']"/>
    <xsl:text>&#10;  </xsl:text>
    <unit id="{$id}" name="{$name}">
      <xsl:if test="$translate = 'no'">
        <xsl:attribute name="translate">no</xsl:attribute>
      </xsl:if>
      <xsl:text>&#10;    </xsl:text>
      <notes><note category="location"><xsl:value-of select="$where"/></note></notes>
      <xsl:if test="count($codes) &gt; count($kept)">
        <xsl:text>&#10;    </xsl:text>
        <originalData>
          <xsl:for-each select="$codes">
            <xsl:apply-templates select="." mode="data">
              <xsl:with-param name="n" select="position()"/>
            </xsl:apply-templates>
          </xsl:for-each>
          <xsl:text>&#10;    </xsl:text>
        </originalData>
      </xsl:if>
      <xsl:call-template name="units:segments">
        <xsl:with-param name="nodes" select="$content"/>
      </xsl:call-template>
      <xsl:text>&#10;  </xsl:text>
    </unit>
    <xsl:call-template name="flush"/>
  </xsl:template>

  <!-- The skeleton: a copy of the article, as xsl:copy-of makes it, written
       out block by block. -->
  <xsl:template match="a:article | a:body" mode="skeleton">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="skeleton"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="node()" mode="skeleton">
    <xsl:copy-of select="."/>
    <xsl:if test="parent::a:body">
      <xsl:call-template name="flush"/>
    </xsl:if>
  </xsl:template>

  <!-- artx writes what is complete of the result so far and frees it
       (src/stream.c): on a big article the result tree is many times the
       XLIFF.  Elsewhere (xsltproc, another processor) it does nothing. -->
  <xsl:template name="flush">
    <artx:flush><xsl:fallback/></artx:flush>
  </xsl:template>

  <xsl:template name="units:emit-segment">
    <xsl:param name="id"/>
    <xsl:param name="nodes"/>
    <xsl:param name="base"/>
    <xsl:text>&#10;    </xsl:text>
    <segment id="{$id}" state="initial">
      <source>
        <xsl:call-template name="units:inline">
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </source>
    </segment>
  </xsl:template>

  <xsl:template name="units:emit-between">
    <xsl:param name="number"/>
    <xsl:param name="nodes"/>
    <xsl:param name="base"/>
    <xsl:text>&#10;    </xsl:text>
    <ignorable id="ign{$number}">
      <source>
        <xsl:call-template name="units:inline">
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </source>
    </ignorable>
  </xsl:template>

  <xsl:template name="units:emit-spanning-code">
    <xsl:param name="n"/>
    <pc id="{$n}" dataRefStart="d{$n}" dataRefEnd="d{$n}e">
      <xsl:choose>
        <xsl:when test="self::a:a">
          <xsl:attribute name="type">link</xsl:attribute>
        </xsl:when>
        <xsl:when test="self::a:em">
          <xsl:attribute name="type">fmt</xsl:attribute>
          <xsl:attribute name="subType">xlf:i</xsl:attribute>
        </xsl:when>
        <xsl:when test="self::a:strong">
          <xsl:attribute name="type">fmt</xsl:attribute>
          <xsl:attribute name="subType">xlf:b</xsl:attribute>
        </xsl:when>
        <xsl:when test="self::a:sub or self::a:sup">
          <xsl:attribute name="type">fmt</xsl:attribute>
          <xsl:attribute name="subType">artx:<xsl:value-of select="local-name()"/></xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="type">other</xsl:attribute>
          <xsl:attribute name="subType">artx:lang</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="units:inline">
        <xsl:with-param name="nodes" select="node()"/>
        <xsl:with-param name="base" select="$n"/>
      </xsl:call-template>
    </pc>
  </xsl:template>

  <xsl:template name="units:emit-standalone-code">
    <xsl:param name="n"/>
    <ph id="{$n}" dataRef="d{$n}" type="fmt" subType="xlf:lb"/>
  </xsl:template>

  <xsl:template name="units:emit-protected">
    <xsl:param name="n"/>
    <mrk id="m{$n}" translate="no">
      <xsl:call-template name="units:inline">
        <xsl:with-param name="nodes" select="node()"/>
        <xsl:with-param name="base" select="$n"/>
      </xsl:call-template>
    </mrk>
  </xsl:template>

  <!-- ===== originalData: the article markup of each code ===== -->

  <xsl:template match="a:span[@translate = 'no']" mode="data"/>

  <xsl:template match="*" mode="data">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="self::a:br">
        <xsl:text>&#10;      </xsl:text>
        <data id="d{$n}">&lt;br/&gt;</data>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>&#10;      </xsl:text>
        <data id="d{$n}">
          <xsl:value-of select="concat('&lt;', local-name())"/>
          <xsl:for-each select="@*">
            <xsl:value-of select="concat(' ', name(), '=&quot;')"/>
            <xsl:call-template name="escape-attr">
              <xsl:with-param name="s" select="string(.)"/>
            </xsl:call-template>
            <xsl:text>"</xsl:text>
          </xsl:for-each>
          <xsl:text>&gt;</xsl:text>
        </data>
        <data id="d{$n}e">
          <xsl:value-of select="concat('&lt;/', local-name(), '&gt;')"/>
        </data>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
