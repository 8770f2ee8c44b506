<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-xliff12.xsl - an artx article as an XLIFF 1.2 file (strict
  schema), for the CAT tools that read only 1.2 (OmegaT 3.6, translate-
  toolkit), carrying everything a merge needs to rebuild the article.

  One file: original = the source URL (head/source/@href) or "article",
  datatype "xml", source-language the article's xml:lang.

  Trans-units: xliff-units.xsl decides them (which blocks, in what order,
  their ids, location notes, translate="no", segments and inline codes);
  here they are written as XLIFF 1.2.  trans-unit/@id is the block's id and
  @resname its element name; a merge that finds no f1.alt unit should give
  the img the translated caption as alt text.  Each trans-unit has
  xml:space="preserve", a note saying where it sits and translate="no"
  when its block is (the source asks to keep it) or its text has no
  letters at all.

  source holds the whole content; seg-source the same content with one
  <mrk mtype="seg"> per sentence (mid = the s id) when the block has s
  elements (whitespace between sentences stays outside any mrk; other text
  outside an s gets a mrk "segN" of its own), or one mrk "seg1" around the
  whole content when it has none.  A merge puts a mrk whose mid names an s
  of the block back into that s.

  Inline markup: a (ctype link), em (italic), strong (bold), sub, sup and
  span (x-html-sub, x-html-sup, x-html-span) become g, br becomes x
  (ctype lb); ids are numbered per unit (1, 2, ... in document order), the
  same numbers in source, seg-source and target; code n is the n-th inline
  element of the block in the skeleton article, where its markup is.

  Merge data: header/skl/internal-file (form application/xml) holds the
  source article serialised as escaped XML text (the strict schema allows
  no foreign elements); a merge replaces each block's content with its
  trans-unit's target.  Header notes carry head/rights and, when
  head/reservation is present, the source's text and data mining
  reservation.

  unit=sentence, for the tools that read no seg-source (translate-toolkit
  and what is built on it: Weblate, Pootle): each block is a <group> (id
  the block's id, resname its element name, restype "x-artx-block", the
  note and translate="no" of its trans-unit) holding one trans-unit per
  segment (id the s id, or BLOCK.segN; resname the segment's mid; source
  without seg-source, but for a prefilled target that holds protected
  text, where the schema wants that mrk inside an mrk of seg-source: then
  seg-source and target hold the segment's mrk) and, for what lies between segments, a trans-unit
  BLOCK.bN with restype "x-artx-between" and translate="no".  Inline code
  ids stay numbered per block.  artx turns such a group back into a
  trans-unit of the block layout before it merges.

  Includes xliff-units.xsl (and through it model.xsl) and strings.xsl.

  Parameters:
    target-lang     file/@target-language (and target/@xml:lang); default ''
                    (none).  Declared in xliff-units.xsl.
    source-lang     file/@source-language; default '' (the article's
                    xml:lang).  Declared in xliff-units.xsl.
    prefill-target  'yes' | 'no', default 'no'.  'yes' gives every trans-unit
                    a <target state="needs-translation"> holding a copy of the
                    segmented source (the same mrk mtype="seg"), because
                    OmegaT 3.6 translates only target and makes one segment
                    per mrk in it; a unit with translate="no" gets
                    state="final" instead.
    unit            'block' | 'sentence', default 'block': a trans-unit per
                    block, or a group per block and a trans-unit per segment
                    (above).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:units="urn:artx:xslt-units"
    xmlns:x1="urn:oasis:names:tc:xliff:document:1.2"
    xmlns:xt="http://xmlsoft.org/XSLT/namespace"
    xmlns:artx="http://artx.example/xslt"
    xmlns="urn:oasis:names:tc:xliff:document:1.2"
    extension-element-prefixes="artx"
    exclude-result-prefixes="a units x1 xt">
  <xsl:include href="xliff-units.xsl"/>
  <xsl:include href="strings.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="prefill-target" select="'no'"/>
  <xsl:param name="unit" select="'block'"/>

  <xsl:template match="/">
    <xsl:if test="not(a:article)">
      <xsl:message terminate="yes">article-to-xliff12.xsl: the input is not an artx article (urn:artx:article)</xsl:message>
    </xsl:if>
    <xsl:if test="$prefill-target != 'yes' and $prefill-target != 'no'">
      <xsl:message terminate="yes">article-to-xliff12.xsl: prefill-target must be 'yes' or 'no'</xsl:message>
    </xsl:if>
    <xsl:if test="$unit != 'block' and $unit != 'sentence'">
      <xsl:message terminate="yes">article-to-xliff12.xsl: unit must be 'block' or 'sentence'</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="a:article"/>
  </xsl:template>

  <xsl:template match="a:article">
    <xliff version="1.2">
      <xsl:text>&#10;</xsl:text>
      <file datatype="xml">
        <xsl:attribute name="original">
          <xsl:choose>
            <xsl:when test="a:head/a:source/@href != ''"><xsl:value-of select="a:head/a:source/@href"/></xsl:when>
            <xsl:otherwise>article</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="source-language"><xsl:value-of select="$units:source-lang"/></xsl:attribute>
        <xsl:if test="$target-lang != ''">
          <xsl:attribute name="target-language"><xsl:value-of select="$target-lang"/></xsl:attribute>
        </xsl:if>
        <xsl:text>&#10;</xsl:text>
        <header>
          <xsl:text>&#10;  </xsl:text>
          <skl><internal-file form="application/xml"><xsl:apply-templates select="." mode="serialise"/></internal-file></skl>
          <xsl:apply-templates select="$units:file-notes" mode="units:file-note"/>
          <xsl:text>&#10;</xsl:text>
        </header>
        <xsl:text>&#10;</xsl:text>
        <body>
          <xsl:call-template name="units:units"/>
          <xsl:text>&#10;</xsl:text>
        </body>
        <xsl:text>&#10;</xsl:text>
      </file>
      <xsl:text>&#10;</xsl:text>
    </xliff>
  </xsl:template>

  <!-- ===== what xliff-units.xsl asks for ===== -->

  <xsl:template name="units:emit-file-note">
    <xsl:param name="text"/>
    <xsl:text>&#10;  </xsl:text>
    <note from="artx"><xsl:value-of select="$text"/></note>
  </xsl:template>

  <xsl:template name="units:emit-unit">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <xsl:param name="where"/>
    <xsl:param name="content"/>
    <xsl:param name="translate"/>
    <xsl:variable name="segmented">
      <xsl:call-template name="units:segments">
        <xsl:with-param name="nodes" select="$content"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$unit = 'sentence'">
        <xsl:text>&#10;  </xsl:text>
        <group id="{$id}" resname="{$name}" restype="x-artx-block">
          <xsl:if test="$translate = 'no'">
            <xsl:attribute name="translate">no</xsl:attribute>
          </xsl:if>
          <xsl:text>&#10;    </xsl:text>
          <note from="artx"><xsl:value-of select="$where"/></note>
          <xsl:apply-templates select="xt:node-set($segmented)/x1:mrk" mode="sentence-unit">
            <xsl:with-param name="block" select="$id"/>
            <xsl:with-param name="translate" select="$translate"/>
          </xsl:apply-templates>
          <xsl:text>&#10;  </xsl:text>
        </group>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>&#10;  </xsl:text>
        <trans-unit id="{$id}" resname="{$name}">
          <xsl:attribute name="xml:space">preserve</xsl:attribute>
          <xsl:if test="$translate = 'no'">
            <xsl:attribute name="translate">no</xsl:attribute>
          </xsl:if>
          <xsl:text>&#10;    </xsl:text>
          <source>
            <xsl:call-template name="units:inline">
              <xsl:with-param name="nodes" select="$content"/>
            </xsl:call-template>
          </source>
          <xsl:text>&#10;    </xsl:text>
          <seg-source><xsl:copy-of select="$segmented"/></seg-source>
          <xsl:call-template name="target">
            <xsl:with-param name="translate" select="$translate"/>
            <xsl:with-param name="segmented" select="$segmented"/>
          </xsl:call-template>
          <xsl:text>&#10;    </xsl:text>
          <note from="artx"><xsl:value-of select="$where"/></note>
          <xsl:text>&#10;  </xsl:text>
        </trans-unit>
      </xsl:otherwise>
    </xsl:choose>
    <!-- artx writes what is complete of the result so far and frees it
         (src/stream.c).  Elsewhere it does nothing. -->
    <artx:flush><xsl:fallback/></artx:flush>
  </xsl:template>

  <xsl:template name="target">
    <xsl:param name="translate"/>
    <xsl:param name="segmented"/>
    <xsl:if test="$prefill-target = 'yes'">
      <xsl:text>&#10;    </xsl:text>
      <target>
        <xsl:attribute name="state">
          <xsl:choose>
            <xsl:when test="$translate = 'no'">final</xsl:when>
            <xsl:otherwise>needs-translation</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:if test="$target-lang != ''">
          <xsl:attribute name="xml:lang"><xsl:value-of select="$target-lang"/></xsl:attribute>
        </xsl:if>
        <xsl:copy-of select="$segmented"/>
      </target>
    </xsl:if>
  </xsl:template>

  <xsl:template name="units:emit-segment">
    <xsl:param name="id"/>
    <xsl:param name="nodes"/>
    <xsl:param name="base"/>
    <mrk mtype="seg" mid="{$id}">
      <xsl:call-template name="units:inline">
        <xsl:with-param name="nodes" select="$nodes"/>
        <xsl:with-param name="base" select="$base"/>
      </xsl:call-template>
    </mrk>
  </xsl:template>

  <!-- What lies between segments stays outside any mrk; with unit=sentence
       it is marked for a trans-unit of its own (mode sentence-unit). -->
  <xsl:template name="units:emit-between">
    <xsl:param name="number"/>
    <xsl:param name="nodes"/>
    <xsl:param name="base"/>
    <xsl:choose>
      <xsl:when test="$unit = 'sentence'">
        <mrk mtype="x-artx-between" mid="b{$number}">
          <xsl:call-template name="units:inline">
            <xsl:with-param name="nodes" select="$nodes"/>
            <xsl:with-param name="base" select="$base"/>
          </xsl:call-template>
        </mrk>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="units:inline">
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- unit=sentence: a segment (mrk mtype="seg") or what lies between
       segments (mrk mtype="x-artx-between") of block $block as a
       trans-unit of its own. -->
  <xsl:template match="x1:mrk" mode="sentence-unit">
    <xsl:param name="block"/>
    <xsl:param name="translate"/>
    <xsl:variable name="between" select="@mtype = 'x-artx-between'"/>
    <xsl:text>&#10;    </xsl:text>
    <trans-unit>
      <xsl:attribute name="id">
        <xsl:if test="not(starts-with(@mid, concat($block, '.')))">
          <xsl:value-of select="concat($block, '.')"/>
        </xsl:if>
        <xsl:value-of select="@mid"/>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="$between">
          <xsl:attribute name="restype">x-artx-between</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="resname"><xsl:value-of select="@mid"/></xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:attribute name="xml:space">preserve</xsl:attribute>
      <xsl:if test="$translate = 'no' or $between">
        <xsl:attribute name="translate">no</xsl:attribute>
      </xsl:if>
      <source><xsl:copy-of select="node()"/></source>
      <!-- the schema wants a target's mrk (protected text) inside an mrk
           of seg-source: then the segment is one there and in target -->
      <xsl:variable name="wrap" select="$prefill-target = 'yes' and .//x1:mrk"/>
      <xsl:if test="$wrap">
        <seg-source><xsl:copy-of select="."/></seg-source>
      </xsl:if>
      <xsl:if test="$prefill-target = 'yes'">
        <target>
          <xsl:attribute name="state">
            <xsl:choose>
              <xsl:when test="$translate = 'no' or $between">final</xsl:when>
              <xsl:otherwise>needs-translation</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:if test="$target-lang != ''">
            <xsl:attribute name="xml:lang"><xsl:value-of select="$target-lang"/></xsl:attribute>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$wrap"><xsl:copy-of select="."/></xsl:when>
            <xsl:otherwise><xsl:copy-of select="node()"/></xsl:otherwise>
          </xsl:choose>
        </target>
      </xsl:if>
    </trans-unit>
  </xsl:template>

  <xsl:template name="units:emit-spanning-code">
    <xsl:param name="n"/>
    <g id="{$n}">
      <xsl:attribute name="ctype">
        <xsl:choose>
          <xsl:when test="self::a:a">link</xsl:when>
          <xsl:when test="self::a:em">italic</xsl:when>
          <xsl:when test="self::a:strong">bold</xsl:when>
          <xsl:otherwise>x-html-<xsl:value-of select="local-name()"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="units:inline">
        <xsl:with-param name="nodes" select="node()"/>
        <xsl:with-param name="base" select="$n"/>
      </xsl:call-template>
    </g>
  </xsl:template>

  <xsl:template name="units:emit-standalone-code">
    <xsl:param name="n"/>
    <x id="{$n}" ctype="lb"/>
  </xsl:template>

  <!-- Protected text (span translate="no"): an mrk the CAT tool shows as
       not to be translated, mid "mN" after its number among the codes; a
       merge puts the source's text back whatever the target holds. -->
  <xsl:template name="units:emit-protected">
    <xsl:param name="n"/>
    <mrk mtype="protected" mid="m{$n}">
      <xsl:call-template name="units:inline">
        <xsl:with-param name="nodes" select="node()"/>
        <xsl:with-param name="base" select="$n"/>
      </xsl:call-template>
    </mrk>
  </xsl:template>

  <!-- ===== the article as escaped XML text (skl/internal-file) ===== -->

  <xsl:template match="*" mode="serialise">
    <xsl:value-of select="concat('&lt;', local-name())"/>
    <xsl:if test="not(parent::*) or namespace-uri() != namespace-uri(..)">
      <xsl:value-of select="concat(' xmlns=&quot;', namespace-uri(), '&quot;')"/>
    </xsl:if>
    <xsl:for-each select="@*">
      <xsl:choose>
        <xsl:when test="namespace-uri() = ''">
          <xsl:value-of select="concat(' ', local-name(), '=&quot;')"/>
        </xsl:when>
        <xsl:when test="namespace-uri() = 'http://www.w3.org/XML/1998/namespace'">
          <xsl:value-of select="concat(' xml:', local-name(), '=&quot;')"/>
        </xsl:when>
        <xsl:otherwise>
          <!-- a foreign attribute (not in the model): declare a prefix -->
          <xsl:value-of select="concat(' xmlns:ns', position(), '=&quot;', namespace-uri(), '&quot; ns', position(), ':', local-name(), '=&quot;')"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="escape-attr">
        <xsl:with-param name="s" select="string(.)"/>
      </xsl:call-template>
      <xsl:text>"</xsl:text>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="node()">
        <xsl:text>&gt;</xsl:text>
        <xsl:apply-templates mode="serialise"/>
        <xsl:value-of select="concat('&lt;/', local-name(), '&gt;')"/>
      </xsl:when>
      <xsl:otherwise>/&gt;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="serialise">
    <xsl:call-template name="escape-text">
      <xsl:with-param name="s" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="comment()" mode="serialise">
    <xsl:value-of select="concat('&lt;!--', ., '--&gt;')"/>
  </xsl:template>

  <xsl:template match="processing-instruction()" mode="serialise"/>
</xsl:stylesheet>
