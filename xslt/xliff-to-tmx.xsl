<?xml version="1.0" encoding="UTF-8"?>
<!--
  xliff-to-tmx.xsl - a translated XLIFF file (2.0 or 1.2, as artx wrote it
  and a CAT tool saved it) to a TMX 1.4b translation memory: one tu per
  translated segment, for translators to reuse.  XSLT 1.0 for libxslt.

  It imports xliff-to-article.xsl and runs the merge itself: the same
  reading of 2.0 and 1.2, the same refusals (a file the merge refuses
  gives no TMX) and the same rule for what is translated.  A segment is
  left out when the merge keeps its source (its target is missing, empty,
  or an untouched copy of the source whose state says it was not
  translated: xliff-to-article.xsl's header says exactly when), when its
  source is empty, and when its unit (or an ancestor) has
  translate="no".  A target equal to its source whose state says it was
  translated (a name, a number) is a translation and is kept.

  The TMX:
    header   creationtool="artx", creationtoolversion the tool-version
             parameter, datatype="xml" (the segments come from XML, their
             inline codes as TMX inline elements), segtype="sentence",
             adminlang="en", srclang the file's source language (2.0
             xliff/@srcLang, 1.2 file/@source-language; else the merge
             data's article's xml:lang), o-tmf="artx",
             creationdate only when the creationdate parameter gives one
             (artx: from SOURCE_DATE_EPOCH): the same file gives the same
             bytes.
    tu       in the order of the file: prop x-artx-article (the identifier
             parameter), x-artx-unit (the unit id), x-artx-segment (the
             segment id: 2.0 segment/@id, 1.2 mrk/@mid; none for a 1.2
             target without mrk that is not one sentence), then a tuv
             xml:lang source and a tuv xml:lang target, each with its seg.
    seg      the text; protected text (2.0 mrk translate="no", 1.2 mrk
             mtype="protected") as its text between a bpt type="x-protected"
             and an ept (i and x: N of its id mN), other mrk as plain text;
             paired codes
             (2.0 pc, 1.2 g) as bpt and ept (i and x the code's id), 2.0
             ph and 1.2 x as ph x="ID", each holding its native code
             (template "native" below); unpaired
             codes (2.0 sc and ec, 1.2 bx and ex) as it pos="begin"/"end";
             sm, em and cp are dropped.

  Parameters (besides xliff-to-article.xsl's target-lang and
  unpack-skeleton; 1.2 needs the two-step run that header describes):
    identifier    the article's identifier: artx gives the urn:uuid the
                  EPUB of the source article carries as dc:identifier.
    tool-version  artx's version.
    creationdate  YYYYMMDDThhmmssZ, or '' (default): no creationdate.
    report        as in xliff-to-article.xsl; with 'yes' (as artx runs
                  it) the m:report holds the tmx in place of the article.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:x2="urn:oasis:names:tc:xliff:document:2.0"
    xmlns:x1="urn:oasis:names:tc:xliff:document:1.2"
    xmlns:m="urn:artx:xliff-to-article"
    exclude-result-prefixes="x2 x1 m">
  <xsl:import href="xliff-to-article.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="identifier" select="''"/>
  <xsl:param name="tool-version" select="''"/>
  <xsl:param name="creationdate" select="''"/>

  <!-- the file's source language, else the merge data's -->
  <xsl:variable name="named-srclang"
      select="normalize-space(/x2:xliff/@srcLang | /x1:xliff/x1:file[1]/@source-language)"/>
  <xsl:variable name="srclang"
      select="concat($named-srclang, $skel[$named-srclang = '']/@xml:lang)"/>

  <!-- the segments the merge kept in their source, in its result -->
  <xsl:key name="untranslated" match="m:untranslated" use="concat(@unit, ' ', @segment)"/>

  <xsl:template name="output">
    <xsl:param name="result"/>
    <tmx version="1.4">
      <header creationtool="artx" creationtoolversion="{$tool-version}" datatype="xml"
              segtype="sentence" adminlang="en" srclang="{$srclang}" o-tmf="artx">
        <xsl:if test="$creationdate != ''">
          <xsl:attribute name="creationdate"><xsl:value-of select="$creationdate"/></xsl:attribute>
        </xsl:if>
      </header>
      <body>
        <xsl:for-each select="/x2:xliff/x2:file//x2:unit[not(ancestor-or-self::*[@translate][1]/@translate = 'no')]/x2:segment">
          <xsl:call-template name="tu">
            <xsl:with-param name="result" select="$result"/>
            <xsl:with-param name="u" select=".."/>
            <xsl:with-param name="src" select="x2:source[1]"/>
            <xsl:with-param name="tgt" select="x2:target[1]"/>
            <xsl:with-param name="seg" select="string(@id)"/>
            <xsl:with-param name="sid" select="string(@id)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="/x1:xliff/x1:file/x1:body//x1:trans-unit[not(ancestor-or-self::*[@translate][1]/@translate = 'no')]">
          <xsl:call-template name="unit1-tus">
            <xsl:with-param name="result" select="$result"/>
          </xsl:call-template>
        </xsl:for-each>
      </body>
    </tmx>
  </xsl:template>

  <!-- The segments of the context trans-unit, paired as the merge pairs
       them: seg-source mrk with the target mrk of the same mid, or the
       whole seg-source (source) with the whole target. -->
  <xsl:template name="unit1-tus">
    <xsl:param name="result"/>
    <xsl:variable name="uk" select="concat(generate-id(), ' ')"/>
    <xsl:variable name="segsrc" select="(x1:seg-source | x1:source[not(../x1:seg-source)])[1]"/>
    <xsl:variable name="smrk" select="$segsrc/x1:mrk[@mtype = 'seg']"/>
    <xsl:choose>
      <xsl:when test="$smrk and x1:target[1]/x1:mrk[@mtype = 'seg']">
        <xsl:for-each select="$smrk">
          <xsl:call-template name="tu">
            <xsl:with-param name="result" select="$result"/>
            <xsl:with-param name="u" select="ancestor::x1:trans-unit[1]"/>
            <xsl:with-param name="src" select="."/>
            <xsl:with-param name="tgt" select="key('tm1', concat($uk, @mid))[1]"/>
            <xsl:with-param name="seg" select="string(@mid)"/>
            <xsl:with-param name="sid" select="string(@mid)"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tu">
          <xsl:with-param name="result" select="$result"/>
          <xsl:with-param name="u" select="."/>
          <xsl:with-param name="src" select="$segsrc"/>
          <xsl:with-param name="tgt" select="x1:target[1]"/>
          <xsl:with-param name="seg" select="'target'"/>
          <xsl:with-param name="sid" select="string($smrk[count($smrk) = 1]/@mid)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One tu: source $src and target $tgt of segment $seg of unit $u,
       unless the merge ($result) kept the source, or either is empty. -->
  <xsl:template name="tu">
    <xsl:param name="result"/>
    <xsl:param name="u"/>
    <xsl:param name="src"/>
    <xsl:param name="tgt"/>
    <xsl:param name="seg"/>
    <xsl:param name="sid"/>
    <xsl:variable name="k" select="concat($u/@id, ' ', $seg)"/>
    <xsl:variable name="kept">
      <xsl:for-each select="$result">
        <xsl:if test="key('untranslated', $k)">yes</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="$kept != 'yes'
                  and $tgt[normalize-space() != '' or .//*[not(self::x1:mrk or self::x2:mrk or self::x2:sm or self::x2:em)]]
                  and $src[normalize-space() != '' or .//*[not(self::x1:mrk or self::x2:mrk)]]">
      <tu>
        <prop type="x-artx-article"><xsl:value-of select="$identifier"/></prop>
        <prop type="x-artx-unit"><xsl:value-of select="$u/@id"/></prop>
        <xsl:if test="$sid != ''">
          <prop type="x-artx-segment"><xsl:value-of select="$sid"/></prop>
        </xsl:if>
        <tuv xml:lang="{$srclang}">
          <seg><xsl:apply-templates select="$src/node()" mode="tmx"/></seg>
        </tuv>
        <tuv xml:lang="{$lang}">
          <seg><xsl:apply-templates select="$tgt/node()" mode="tmx"/></seg>
        </tuv>
      </tu>
    </xsl:if>
  </xsl:template>

  <!-- ===== inline content ===== -->

  <xsl:template match="text()" mode="tmx">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- The native code of the context code (the part $ref names: 2.0's
       dataRefStart, dataRefEnd or dataRef): 2.0 the originalData its code
       in the unit's source refers to; without one (1.2 always), the code
       as the XLIFF writes it, <g id="1">, </g>, <x id="2"/>.  OmegaT 3.6
       reading a TMX at level 2 names a tag after the first letter of its
       native code, so that these match its own <g0>, </g0>, <x1/>. -->
  <xsl:template name="native">
    <xsl:param name="ref"/>
    <xsl:variable name="uk" select="concat(generate-id(ancestor::x2:unit[1]), ' ')"/>
    <xsl:variable name="data"
        select="string(key('data2', concat($uk, key('sc2', concat($uk, @id))[1]/@*[local-name() = $ref])))"/>
    <xsl:choose>
      <xsl:when test="$data != ''"><xsl:value-of select="$data"/></xsl:when>
      <xsl:when test="$ref = 'dataRefEnd'"><xsl:value-of select="concat('&lt;/', local-name(), '&gt;')"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('&lt;', local-name(), ' id=&quot;', @id, '&quot;')"/>
        <xsl:value-of select="substring('/', 1, number($ref = 'dataRef'))"/>
        <xsl:text>&gt;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="x2:pc | x1:g" mode="tmx">
    <bpt i="{@id}" x="{@id}">
      <xsl:call-template name="native">
        <xsl:with-param name="ref" select="'dataRefStart'"/>
      </xsl:call-template>
    </bpt>
    <xsl:apply-templates select="node()" mode="tmx"/>
    <ept i="{@id}">
      <xsl:call-template name="native">
        <xsl:with-param name="ref" select="'dataRefEnd'"/>
      </xsl:call-template>
    </ept>
  </xsl:template>

  <xsl:template match="x2:ph | x1:x" mode="tmx">
    <ph x="{@id}">
      <xsl:call-template name="native">
        <xsl:with-param name="ref" select="'dataRef'"/>
      </xsl:call-template>
    </ph>
  </xsl:template>

  <xsl:template match="x2:sc | x1:bx" mode="tmx">
    <it pos="begin" x="{@id}"/>
  </xsl:template>

  <xsl:template match="x2:ec | x1:ex" mode="tmx">
    <it pos="end" x="{concat(@startRef, @rid)}"/>
  </xsl:template>

  <xsl:template match="x2:sm | x2:em | x2:cp | x1:bpt | x1:ept | x1:it | x1:ph" mode="tmx"/>

  <!-- Protected text: its text between a bpt and an ept (i and x its
       number N of mN, which the codes of its unit do not use), their
       native code the mrk's tags, so that a CAT tool that shows the mrk
       as a tag pair (OmegaT: <m1>...</m1>) gets an exact match. -->
  <xsl:template match="x2:mrk[@translate = 'no'] | x1:mrk[@mtype = 'protected']" mode="tmx">
    <xsl:variable name="n" select="substring-after(concat(@id, @mid), 'm')"/>
    <bpt i="{$n}" x="{$n}" type="x-protected">
      <xsl:value-of select="concat('&lt;mrk ', local-name(@id | @mid), '=&quot;', @id, @mid, '&quot; ')"/>
      <xsl:choose>
        <xsl:when test="self::x2:mrk">translate="no"&gt;</xsl:when>
        <xsl:otherwise>mtype="protected"&gt;</xsl:otherwise>
      </xsl:choose>
    </bpt>
    <xsl:apply-templates select="node()" mode="tmx"/>
    <ept i="{$n}">&lt;/mrk&gt;</ept>
  </xsl:template>

  <!-- other mrk and anything unknown: its text -->
  <xsl:template match="*" mode="tmx">
    <xsl:apply-templates select="node()" mode="tmx"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="tmx"/>
</xsl:stylesheet>
