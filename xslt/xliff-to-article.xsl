<?xml version="1.0" encoding="UTF-8"?>
<!--
  xliff-to-article.xsl - a translated XLIFF file (2.0 or 1.2, as artx wrote
  it with -t xliff / -t xliff12 and as a CAT tool saved it) back to an artx
  article (urn:artx:article) in the target language: the merge half of the
  translation filter.  XSLT 1.0 for libxslt (1.1.35), run by artx and by
  plain xsltproc alike: result tree fragments become node-sets through
  libxslt's own node-set() (namespace http://xmlsoft.org/XSLT/namespace),
  which every libxslt has, where exsl:node-set needs libexslt registered.

  The version is told by the root element's namespace:
    urn:oasis:names:tc:xliff:document:2.0   XLIFF 2.0 (2.1 too)
    urn:oasis:names:tc:xliff:document:1.2   XLIFF 1.2

  Merge data: the article is rebuilt from the copy of the source article
  the extraction put in the file, never from anything else.
    2.0  xliff/file/skeleton/article (urn:artx:article), an element.
    1.2  xliff/file/header/skl/internal-file holds the article as escaped
         XML text, which XSLT 1.0 cannot parse.  The caller must first
         replace that text by the parsed article element, as the only child
         of internal-file (artx does this itself in C before it runs this
         stylesheet).  With plain xsltproc, do it in two steps with this
         same stylesheet:
           xsltproc -\-stringparam unpack-skeleton yes \
               xliff-to-article.xsl F.xlf > F.unpacked.xlf
           xsltproc xliff-to-article.xsl F.unpacked.xlf > F.xml
         (the first step copies the file with the internal-file text written
         out unescaped; 2.0 files pass through it unchanged.  The shell reads
         "-\-" as two hyphens; an XML comment cannot hold them in a row.)
  The skeleton article is used as it is: head metadata, ids, figures and
  img attributes, blockquotes, lists and their nesting are copied; white
  space between its structural elements (a re-indented file) is dropped.

  The result:
    article/@xml:lang  the target language: 2.0 xliff/@trgLang, 1.2
                       file/@target-language; else the target-lang
                       parameter; else the merge is refused (below).
    blocks             each block with a unit (head/title, p, h2, figure
                       caption, list item, quoted paragraph; unit id = block
                       id) gets the unit's content: its segments in order
                       (2.0 segment and ignorable, 1.2 the mrk mtype="seg" of
                       seg-source), each the segment's target, or its source
                       when the target is missing, empty (no text but
                       white space and no inline code) or an untouched
                       copy: the same content as the source (the same text,
                       white space folded, with the same inline codes in
                       the same places; mrk unwrapped) while its state says
                       it was not translated.  That is 2.0 segment/@state
                       absent or "initial" (2.0's default); 1.2
                       target/@state "new" or "needs-translation" (what
                       prefill-target=yes writes; OmegaT 3.6 leaves that
                       state on the targets it translates, whose content
                       then differs).  A 1.2 target with no state counts as
                       translated even when it equals its source: 1.2 gives
                       state no default, and a target is the translation of
                       its source (XLIFF 1.2, 2.4 target).  A segment whose id
                       (2.0 segment/@id, 1.2 mrk/@mid) names an s of that
                       block in the skeleton becomes that s (same id and
                       attributes); other segments and what lies between
                       segments (2.0 ignorable, 1.2 the nodes of seg-source
                       outside any mrk: white space, a line break) go in
                       as they are.  A list item keeps its nested list after
                       its content.
                       1.2: when the target has mrk mtype="seg" children,
                       each seg-source mrk takes the target mrk with the same
                       mid (OmegaT writes targets that way) and the text
                       between segments comes from seg-source; a target
                       without mrk replaces the whole content.  A
                       trans-unit with no seg-source is one segment.
    inline codes       2.0: pc becomes the element its originalData start
                       tag describes (<a href="...">, em, strong, sub, sup,
                       span xml:lang="..."), found through the source pc
                       with the same id (its dataRefStart); without
                       originalData, the n-th inline element of the block in
                       the skeleton (n = the code id, as the extraction
                       numbered them).  ph becomes br.
                       1.2: g id="n" becomes a copy (name and attributes) of
                       the n-th inline element (a, em, strong, sub, sup,
                       span, br, in document order, not counting a nested
                       list) of the block in the skeleton; x becomes br.
                       Protected text (2.0 mrk translate="no" id="mN", 1.2
                       mrk mtype="protected" mid="mN") becomes the
                       skeleton's span translate="no" N (its number among
                       the block's codes) as it was: what a target holds
                       inside it is not read.  A block with translate="no"
                       (the source asked to keep it) stays as it was.
                       Other mrk inside content (annotations, terms) is
                       unwrapped;
                       2.0 sm/em markers and cp are dropped; elements of
                       other namespaces are unwrapped to their content.
    pseudo-units       FIG.alt     the figure's img/@alt (plain text).  With
                                   no FIG.alt unit, an alt that equalled the
                                   caption text (after normalize-space)
                                   becomes the translated caption text
                                   (normalize-space) when the caption was
                                   translated, and stays as it was otherwise.
                       FIG.credit  figure/credit (plain text).
                       QUOTE.cite  blockquote/cite.
  What CAT tools add is ignored: other elements and attributes in units
  (notes, matches, metadata, groups), state values (but for telling an
  untouched copy, above), white space between the
  structural elements of the file.  Inside source, target and mrk, all text
  is content.

  Messages (xsl:message):
    untranslated: N   always, once, not terminating: the number of
                      segments (not ignorables; in units without
                      translate="no"; with a non-empty source) that kept
                      their source because their target was missing,
                      empty or an untouched copy of the source (above:
                      OmegaT leaves a prefill-target=yes copy in place for
                      what it did not translate).
  With report=yes (as artx runs it) there are no messages: the result is
  one m:report element (m: urn:artx:xliff-to-article) that holds either
  an m:refused unit="ID" message="..." for every refusal below, or an
  m:untranslated unit="ID" segment="SEG" for every segment counted above
  followed by the article.
  Refusals (xsl:message terminate="yes": no output).  The text always
  begins "unit ID: " (artx prints "artx: FILE: unit ID: reason", exit 1);
  SEG is the segment id (2.0 segment/@id, 1.2 mrk/@mid; "target" for a
  1.2 target without mrk); for a 2.0 ignorable "ignorable ID" stands in
  place of "segment SEG".
    unit (file): not an XLIFF file (the root element is {NS}NAME, not
        xliff in the XLIFF 2.0 or 1.2 namespace)
    unit (file): the XLIFF names no target language: give it with the
        target-lang parameter
        (no 2.0 xliff/@trgLang, 1.2 file/@target-language or target-lang)
    unit (file): no artx merge data (WHY)
        2.0 without skeleton/article; 1.2 without internal-file/article,
        also when internal-file still holds the escaped text
    unit ID: the merge data has no block with this id
    unit ID: more than one unit has this id
    unit ID: missing: the merge data has this block but the file has no
        unit for it
        (FIG.alt is required only where the extraction makes one: an alt
        that is not empty and not the caption text)
    unit ID: segment SEG: no segment with this id in the source
        (1.2: a target mrk whose mid is no seg-source mrk)
    unit ID: segment SEG: inline code N is not in the source of this segment
    unit ID: segment SEG: inline code N is used twice in the target
    unit ID: segment SEG: inline code N of the source is missing from the
        target
    unit ID: segment SEG: protected text mN (TEXT) of the source is missing
        from the target
    unit ID: protected text mN: the merge data has no protected text N in
        this block
    unit ID: segment SEG: inline code N is a pc in the source but a ph in
        the target: it cannot nest                        (g and x alike)
    unit ID: segment SEG: inline code <sc id="N"> cannot nest as article
        markup: only pc and ph can be merged
        (2.0 sc and ec; 1.2 bx, ex, bpt, ept, it and ph: "only g and x")
    unit ID: inline code N: its originalData (DATA) is not article markup
        (a, em, strong, sub, sup, span)
    unit ID: inline code N: the merge data has no inline element N with
        content in this block
  Codes are checked only in targets that are used (not empty).

  Parameters:
    target-lang      BCP 47 tag for article/@xml:lang when the file names
                     no target language; default '' (then the merge is
                     refused).
    unpack-skeleton  'yes': do not merge; copy the file, writing 1.2
                     internal-file text unescaped (the first of the two
                     xsltproc steps above).  Default 'no'.
    report           'yes': report refusals and untranslated segments in
                     the result (above), not as messages.  Default 'no'.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:x2="urn:oasis:names:tc:xliff:document:2.0"
    xmlns:x1="urn:oasis:names:tc:xliff:document:1.2"
    xmlns:xt="http://xmlsoft.org/XSLT/namespace"
    xmlns:m="urn:artx:xliff-to-article"
    xmlns:model="urn:artx:xslt-model"
    exclude-result-prefixes="a x2 x1 xt m model">
  <xsl:include href="model.xsl"/>
  <xsl:include href="strings.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="target-lang" select="''"/>
  <xsl:param name="unpack-skeleton" select="'no'"/>
  <xsl:param name="report" select="'no'"/>

  <xsl:variable name="A" select="'urn:artx:article'"/>

  <!-- the merge data (first file that has one) -->
  <xsl:variable name="skel"
      select="(/x2:xliff/x2:file/x2:skeleton/a:article
               | /x1:xliff/x1:file/x1:header/x1:skl/x1:internal-file/a:article)[1]"/>

  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="normalize-space(/x2:xliff/@trgLang) != ''">
        <xsl:value-of select="normalize-space(/x2:xliff/@trgLang)"/>
      </xsl:when>
      <xsl:when test="normalize-space(/x1:xliff/x1:file[1]/@target-language) != ''">
        <xsl:value-of select="normalize-space(/x1:xliff/x1:file[1]/@target-language)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($target-lang)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Keys.  Their match patterns have no union and no "//": libxslt
       evaluates a key's match as an XPath expression over the whole file,
       and libxml2 merges the node-sets of a union (or of a "//" step that
       has a predicate) with a duplicate check that is quadratic. -->

  <!-- units by id; skeleton elements by id -->
  <xsl:key name="u2" match="x2:unit" use="@id"/>
  <xsl:key name="u1" match="x1:trans-unit" use="@id"/>
  <xsl:key name="blk" match="a:*[@id]" use="@id"/>

  <!-- inline codes by unit and id, sources and targets apart; only the
       unit's own (not those of a 2.0 mtc:match or a 1.2 alt-trans) -->
  <xsl:key name="sc2"
      match="*[(self::x2:pc or self::x2:ph)
               and ancestor::*[self::x2:source or self::x2:target][1]
                   [self::x2:source][parent::x2:segment or parent::x2:ignorable]]"
      use="concat(generate-id(ancestor::x2:unit[1]), ' ', @id)"/>
  <xsl:key name="tc2"
      match="*[(self::x2:pc or self::x2:ph)
               and ancestor::*[self::x2:source or self::x2:target][1]
                   [self::x2:target][parent::x2:segment or parent::x2:ignorable]]"
      use="concat(generate-id(ancestor::x2:unit[1]), ' ', @id)"/>
  <xsl:key name="data2" match="x2:data[parent::x2:originalData/parent::x2:unit]"
      use="concat(generate-id(ancestor::x2:unit[1]), ' ', @id)"/>
  <!-- 1.2: codes of seg-source (of source when there is no seg-source) -->
  <xsl:key name="sc1"
      match="*[(self::x1:g or self::x1:x)
               and ancestor::*[self::x1:seg-source or self::x1:source or self::x1:target][1]
                   [parent::x1:trans-unit]
                   [self::x1:seg-source or self::x1:source[not(../x1:seg-source)]]]"
      use="concat(generate-id(ancestor::x1:trans-unit[1]), ' ', @id)"/>
  <xsl:key name="tc1"
      match="*[(self::x1:g or self::x1:x)
               and ancestor::*[self::x1:seg-source or self::x1:source or self::x1:target][1]
                   [self::x1:target][parent::x1:trans-unit]]"
      use="concat(generate-id(ancestor::x1:trans-unit[1]), ' ', @id)"/>
  <!-- 1.2 segments: seg-source and target mrk by unit and mid -->
  <xsl:key name="sm1" match="x1:mrk[@mtype = 'seg'][parent::x1:seg-source/parent::x1:trans-unit]"
      use="concat(generate-id(ancestor::x1:trans-unit[1]), ' ', @mid)"/>
  <xsl:key name="tm1" match="x1:mrk[@mtype = 'seg'][parent::x1:target/parent::x1:trans-unit]"
      use="concat(generate-id(ancestor::x1:trans-unit[1]), ' ', @mid)"/>
  <!-- a block's inline elements by number (in a per-block node-set) -->
  <xsl:key name="code" match="m:c" use="@n"/>

  <!-- ===== the file ===== -->

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="not(x2:xliff or x1:xliff)">
        <xsl:call-template name="report">
          <xsl:with-param name="refusals">
            <xsl:call-template name="refuse">
              <xsl:with-param name="unit" select="'(file)'"/>
              <xsl:with-param name="message">
                <xsl:text>unit (file): not an XLIFF file (the root element is </xsl:text>
                <xsl:if test="namespace-uri(*) != ''">
                  <xsl:value-of select="concat('{', namespace-uri(*), '}')"/>
                </xsl:if>
                <xsl:value-of select="concat(local-name(*), ', not xliff in the XLIFF 2.0 or 1.2 namespace)')"/>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$unpack-skeleton = 'yes'">
        <xsl:apply-templates select="node()" mode="unpack"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="merge"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="merge">
    <xsl:choose>
      <xsl:when test="not($skel)">
        <xsl:call-template name="report">
          <xsl:with-param name="refusals">
            <xsl:call-template name="refuse">
              <xsl:with-param name="unit" select="'(file)'"/>
              <xsl:with-param name="message">
                <xsl:text>unit (file): no artx merge data (</xsl:text>
                <xsl:choose>
                  <xsl:when test="x2:xliff">no file/skeleton holding an article in urn:artx:article: was the file made by artx -t xliff?</xsl:when>
                  <xsl:when test="normalize-space(x1:xliff/x1:file/x1:header/x1:skl/x1:internal-file) != ''">header/skl/internal-file holds the article as escaped text: it must be parsed into an element first (artx does; with xsltproc, run it once with --stringparam unpack-skeleton yes first)</xsl:when>
                  <xsl:otherwise>no header/skl/internal-file holding an article in urn:artx:article: was the file made by artx -t xliff12?</xsl:otherwise>
                </xsl:choose>
                <xsl:text>)</xsl:text>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <!-- an article labelled with its source language would pass for
           the original -->
      <xsl:when test="$lang = ''">
        <xsl:call-template name="report">
          <xsl:with-param name="refusals">
            <xsl:call-template name="refuse">
              <xsl:with-param name="unit" select="'(file)'"/>
              <xsl:with-param name="message">unit (file): the XLIFF names no target language: give it with the target-lang parameter</xsl:with-param>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- the unit checks come first: without report=yes their refusal
             stops the transformation before the merge begins -->
        <xsl:variable name="checks">
          <xsl:call-template name="check-units"/>
        </xsl:variable>
        <xsl:variable name="refused" select="xt:node-set($checks)/m:refused"/>
        <xsl:variable name="merged">
          <xsl:if test="not($refused)">
            <xsl:apply-templates select="$skel" mode="merge"/>
          </xsl:if>
        </xsl:variable>
        <xsl:variable name="result" select="xt:node-set($merged)"/>
        <xsl:call-template name="report">
          <xsl:with-param name="refusals" select="$refused | $result//m:refused"/>
          <xsl:with-param name="result" select="$result"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What the merge gives: with report=yes, an m:report holding every
       refusal, else every untranslated segment and the article; otherwise
       the article, with the untranslated count as a message. -->
  <xsl:template name="report">
    <xsl:param name="refusals" select="/.."/>
    <xsl:param name="result" select="/.."/>
    <xsl:variable name="refused" select="xt:node-set($refusals)/descendant-or-self::m:refused"/>
    <xsl:choose>
      <xsl:when test="$report = 'yes'">
        <m:report>
          <xsl:copy-of select="$refused"/>
          <xsl:if test="not($refused)">
            <xsl:copy-of select="$result//m:untranslated"/>
            <xsl:call-template name="output">
              <xsl:with-param name="result" select="$result"/>
            </xsl:call-template>
          </xsl:if>
        </m:report>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message>untranslated: <xsl:value-of select="count($result//m:untranslated)"/></xsl:message>
        <xsl:call-template name="output">
          <xsl:with-param name="result" select="$result"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What the merge writes of $result (the merged article, with the
       untranslated segments marked): the article.  xliff-to-tmx.xsl,
       which imports this stylesheet, writes a TMX here instead.  Context:
       the XLIFF's root. -->
  <xsl:template name="output">
    <xsl:param name="result"/>
    <xsl:apply-templates select="$result/*" mode="clean"/>
  </xsl:template>

  <!-- A refusal: with report=yes an m:refused element where the merge is
       (the merge goes on, so that every refusal is reported); otherwise
       the message, and the transformation stops. -->
  <xsl:template name="refuse">
    <xsl:param name="unit"/>
    <xsl:param name="message"/>
    <xsl:choose>
      <xsl:when test="$report = 'yes'">
        <m:refused unit="{$unit}" message="{$message}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes"><xsl:value-of select="$message"/></xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== unit ids against the merge data ===== -->

  <xsl:template name="check-units">
    <xsl:variable name="units" select="//*[self::x2:unit or self::x1:trans-unit]"/>
    <xsl:for-each select="$units">
      <xsl:variable name="id" select="string(@id)"/>
      <xsl:variable name="l" select="string-length($id)"/>
      <xsl:variable name="b" select="key('blk', $id)"/>
      <xsl:variable name="fig-alt" select="key('blk', substring($id, 1, $l - 4))[self::a:figure][a:img]"/>
      <xsl:variable name="fig-credit" select="key('blk', substring($id, 1, $l - 7))[self::a:figure][a:credit]"/>
      <xsl:variable name="quote-cite" select="key('blk', substring($id, 1, $l - 5))[self::a:blockquote][a:cite]"/>
      <xsl:choose>
        <xsl:when test="$b[self::a:*[contains($model:blocks, concat(' ', local-name(), ' '))]]"/>
        <xsl:when test="substring($id, $l - 3) = '.alt' and $fig-alt"/>
        <xsl:when test="substring($id, $l - 6) = '.credit' and $fig-credit"/>
        <xsl:when test="substring($id, $l - 4) = '.cite' and $quote-cite"/>
        <xsl:otherwise>
          <xsl:call-template name="refuse">
            <xsl:with-param name="unit" select="$id"/>
            <xsl:with-param name="message">unit <xsl:value-of select="$id"/>: the merge data has no block with this id</xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="count(key('u2', $id) | key('u1', $id)) &gt; 1">
        <xsl:call-template name="refuse">
          <xsl:with-param name="unit" select="$id"/>
          <xsl:with-param name="message">unit <xsl:value-of select="$id"/>: more than one unit has this id</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
    <!-- every block the extraction makes a unit of has one -->
    <xsl:for-each select="$skel/a:head/a:title
                          | $skel/a:body//a:*[contains($model:blocks, concat(' ', local-name(), ' '))]">
      <xsl:call-template name="need-unit">
        <xsl:with-param name="id" select="string(@id)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$skel/a:body//a:figure">
      <xsl:variable name="alt" select="normalize-space(a:img/@alt)"/>
      <xsl:if test="$alt != '' and $alt != normalize-space(a:caption)">
        <xsl:call-template name="need-unit">
          <xsl:with-param name="id" select="concat(@id, '.alt')"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="a:credit">
        <xsl:call-template name="need-unit">
          <xsl:with-param name="id" select="concat(@id, '.credit')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
    <xsl:for-each select="$skel/a:body//a:blockquote[a:cite]">
      <xsl:call-template name="need-unit">
        <xsl:with-param name="id" select="concat(@id, '.cite')"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="need-unit">
    <xsl:param name="id"/>
    <xsl:if test="not(key('u2', $id) | key('u1', $id))">
      <xsl:call-template name="refuse">
        <xsl:with-param name="unit" select="$id"/>
        <xsl:with-param name="message">unit <xsl:value-of select="$id"/>: missing: the merge data has this block but the file has no unit for it</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== the skeleton article, rebuilt ===== -->

  <xsl:template match="a:article" mode="merge">
    <xsl:element name="article" namespace="{$A}">
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="xml:lang"><xsl:value-of select="$lang"/></xsl:attribute>
      <xsl:apply-templates select="*" mode="merge"/>
    </xsl:element>
  </xsl:template>


  <xsl:template match="a:blockquote/a:cite" mode="merge">
    <xsl:call-template name="block">
      <xsl:with-param name="uid" select="concat(../@id, '.cite')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:figure/a:credit" mode="merge">
    <xsl:call-template name="block">
      <xsl:with-param name="uid" select="concat(../@id, '.credit')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:figure" mode="merge">
    <xsl:variable name="caption">
      <xsl:apply-templates select="a:caption" mode="merge"/>
    </xsl:variable>
    <xsl:element name="figure" namespace="{$A}">
      <xsl:copy-of select="@*"/>
      <xsl:for-each select="*">
        <xsl:choose>
          <xsl:when test="self::a:img">
            <xsl:call-template name="img">
              <xsl:with-param name="caption" select="xt:node-set($caption)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="self::a:caption">
            <xsl:copy-of select="$caption"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="." mode="merge"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <xsl:template name="img">
    <xsl:param name="caption"/>
    <xsl:variable name="uid" select="concat(../@id, '.alt')"/>
    <xsl:element name="img" namespace="{$A}">
      <xsl:copy-of select="@*"/>
      <xsl:choose>
        <xsl:when test="key('u2', $uid) | key('u1', $uid)">
          <xsl:variable name="alt">
            <xsl:call-template name="content">
              <xsl:with-param name="uid" select="$uid"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:attribute name="alt"><xsl:value-of select="$alt"/></xsl:attribute>
          <!-- keep the markers (removed by the clean pass) -->
          <xsl:copy-of select="xt:node-set($alt)//m:untranslated | xt:node-set($alt)//m:refused"/>
        </xsl:when>
        <xsl:when test="../a:caption and normalize-space(@alt) != ''
                        and normalize-space(@alt) = normalize-space(../a:caption)
                        and string($caption) != string(../a:caption)">
          <xsl:attribute name="alt"><xsl:value-of select="normalize-space($caption)"/></xsl:attribute>
        </xsl:when>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- The rest of the article (the article and figure have templates of
       their own):
         structure ($model:structure)  its elements only (white space
                                       between them is dropped)
         blocks ($model:blocks)        with the unit of their own id
         anything else                 (head metadata, unknown elements)
                                       copied, as the clean pass would -->
  <xsl:template match="a:*" mode="merge">
    <xsl:choose>
      <xsl:when test="contains($model:structure, concat(' ', local-name(), ' '))">
        <xsl:element name="{local-name()}" namespace="{$A}">
          <xsl:copy-of select="@*"/>
          <xsl:apply-templates select="*" mode="merge"/>
        </xsl:element>
      </xsl:when>
      <xsl:when test="contains($model:blocks, concat(' ', local-name(), ' '))">
        <xsl:call-template name="block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="clean"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="merge"/>

  <!-- The context block (a skeleton element) with its unit's content; a
       list item's nested lists after it. -->
  <xsl:template name="block">
    <xsl:param name="uid" select="string(@id)"/>
    <xsl:element name="{local-name()}" namespace="{$A}">
      <xsl:copy-of select="@*"/>
      <xsl:choose>
        <!-- the source asked to keep it: as it was, whatever the target -->
        <xsl:when test="@translate = 'no'">
          <xsl:apply-templates select="node()[not(self::a:ul or self::a:ol)]" mode="clean"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="content">
            <xsl:with-param name="uid" select="$uid"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="a:ul | a:ol" mode="merge"/>
    </xsl:element>
  </xsl:template>

  <!-- The content of unit $uid for the context block. -->
  <xsl:template name="content">
    <xsl:param name="uid"/>
    <xsl:variable name="block" select="."/>
    <!-- the block's inline elements, numbered as the extraction did (not
         those of a nested list: their nearest block is another li).  One
         descendant step from one node: a path from each child would merge
         node-sets, quadratic in libxml2. -->
    <xsl:variable name="bid" select="generate-id()"/>
    <xsl:variable name="map-rtf">
      <xsl:for-each select="descendant::a:*[contains($model:inline, concat(' ', local-name(), ' '))]
                              [generate-id(ancestor::*[not(self::a:s
                                 or self::a:*[contains($model:spans, concat(' ', local-name(), ' '))])][1]) = $bid]">
        <m:c n="{position()}">
          <xsl:element name="{local-name()}" namespace="{$A}">
            <xsl:copy-of select="@*"/>
            <!-- protected text comes back from here, not from the target -->
            <xsl:if test="self::a:span[@translate = 'no']">
              <xsl:apply-templates select="node()" mode="clean"/>
            </xsl:if>
          </xsl:element>
        </m:c>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="map" select="xt:node-set($map-rtf)"/>
    <xsl:variable name="u2" select="key('u2', $uid)"/>
    <xsl:variable name="u1" select="key('u1', $uid)"/>
    <xsl:if test="not($u2 | $u1)">
      <xsl:call-template name="refuse">
        <xsl:with-param name="unit" select="$uid"/>
        <xsl:with-param name="message">unit <xsl:value-of select="$uid"/>: missing: the merge data has this block but the file has no unit for it</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$u2[1]">
      <xsl:call-template name="unit2">
        <xsl:with-param name="block" select="$block"/>
        <xsl:with-param name="map" select="$map"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$u1[1]">
      <xsl:call-template name="unit1">
        <xsl:with-param name="block" select="$block"/>
        <xsl:with-param name="map" select="$map"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- $id names an s of $block: that s, wrapping $content (applied in
       $mode); otherwise the content alone.  Context: an XLIFF node. -->
  <xsl:template name="place">
    <xsl:param name="id"/>
    <xsl:param name="block"/>
    <xsl:param name="nodes"/>
    <xsl:param name="u"/>
    <xsl:param name="map"/>
    <xsl:param name="v"/>
    <xsl:variable name="s" select="key('blk', $id)[self::a:s][generate-id(..) = generate-id($block)]"/>
    <xsl:choose>
      <xsl:when test="$s">
        <xsl:element name="s" namespace="{$A}">
          <xsl:copy-of select="$s[1]/@*"/>
          <xsl:call-template name="inline">
            <xsl:with-param name="nodes" select="$nodes"/>
            <xsl:with-param name="u" select="$u"/>
            <xsl:with-param name="map" select="$map"/>
            <xsl:with-param name="v" select="$v"/>
          </xsl:call-template>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="inline">
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="u" select="$u"/>
          <xsl:with-param name="map" select="$map"/>
          <xsl:with-param name="v" select="$v"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="inline">
    <xsl:param name="nodes"/>
    <xsl:param name="u"/>
    <xsl:param name="map"/>
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$v = 2">
        <xsl:apply-templates select="$nodes" mode="in2">
          <xsl:with-param name="u" select="$u"/>
          <xsl:with-param name="map" select="$map"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$nodes" mode="in1">
          <xsl:with-param name="u" select="$u"/>
          <xsl:with-param name="map" select="$map"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a source with something to translate: text or a code -->
  <xsl:template name="untranslated">
    <xsl:param name="u"/>
    <xsl:param name="source"/>
    <xsl:param name="seg"/>
    <xsl:if test="not($u/ancestor-or-self::*[@translate][1]/@translate = 'no')
                  and (normalize-space($source) != '' or $source//*[not(self::x1:mrk or self::x2:mrk)])">
      <m:untranslated unit="{$u/@id}" segment="{$seg}"/>
    </xsl:if>
  </xsl:template>

  <!-- 'yes' when $a and $b hold the same content as the merge reads it:
       the same text (white space folded) with the same inline codes in
       the same places; mrk and elements of other namespaces unwrapped. -->
  <xsl:template name="same-content">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:variable name="sa"><xsl:apply-templates select="$a/node()" mode="content-key"/></xsl:variable>
    <xsl:variable name="sb"><xsl:apply-templates select="$b/node()" mode="content-key"/></xsl:variable>
    <xsl:if test="normalize-space($sa) = normalize-space($sb)">yes</xsl:if>
  </xsl:template>

  <!-- A code as a marker bracketed by U+FFFC (object replacement
       character), which translators' text does not hold, so that a code
       does not compare equal to text that spells it. -->
  <xsl:template match="x2:* | x1:*" mode="content-key">
    <xsl:value-of select="concat('&#xFFFC;', local-name(), ' ', @id, @startRef, '&#xFFFC;')"/>
    <xsl:apply-templates select="node()" mode="content-key"/>
    <xsl:value-of select="concat('&#xFFFC;/', local-name(), '&#xFFFC;')"/>
  </xsl:template>

  <!-- unwrapped, as the merge unwraps them (above the codes' template) -->
  <xsl:template match="x2:mrk | x1:mrk" mode="content-key">
    <xsl:apply-templates select="node()" mode="content-key"/>
  </xsl:template>

  <xsl:template match="*" mode="content-key">
    <xsl:apply-templates select="node()" mode="content-key"/>
  </xsl:template>

  <xsl:template match="text()" mode="content-key">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="content-key"/>

  <!-- ===== XLIFF 2.0 ===== -->

  <!-- Context: the unit. -->
  <xsl:template name="unit2">
    <xsl:param name="block"/>
    <xsl:param name="map"/>
    <xsl:variable name="u" select="."/>
    <xsl:for-each select="*[self::x2:segment or self::x2:ignorable]">
      <xsl:variable name="t" select="x2:target[1]"/>
      <xsl:variable name="has-t" select="boolean($t[normalize-space() != ''
                                           or .//*[not(self::x2:mrk or self::x2:sm or self::x2:em)]])"/>
      <!-- 2.0 defaults segment/@state to initial -->
      <xsl:variable name="copy">
        <xsl:if test="$has-t and self::x2:segment and (not(@state) or @state = 'initial')">
          <xsl:call-template name="same-content">
            <xsl:with-param name="a" select="x2:source[1]"/>
            <xsl:with-param name="b" select="$t"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:variable>
      <xsl:variable name="use-t" select="$has-t and string($copy) != 'yes'"/>
      <xsl:if test="$use-t">
        <xsl:call-template name="check2">
          <xsl:with-param name="u" select="$u"/>
          <xsl:with-param name="t" select="$t"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="not($use-t) and self::x2:segment">
        <xsl:call-template name="untranslated">
          <xsl:with-param name="u" select="$u"/>
          <xsl:with-param name="source" select="x2:source[1]"/>
          <xsl:with-param name="seg" select="string(@id)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="place">
        <xsl:with-param name="id" select="string(self::x2:segment/@id)"/>
        <xsl:with-param name="block" select="$block"/>
        <xsl:with-param name="nodes" select="$t[$use-t]/node() | x2:source[1][not($use-t)]/node()"/>
        <xsl:with-param name="u" select="$u"/>
        <xsl:with-param name="map" select="$map"/>
        <xsl:with-param name="v" select="2"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The inline codes of the target $t of the context segment (or
       ignorable) against its source. -->
  <xsl:template name="check2">
    <xsl:param name="u"/>
    <xsl:param name="t"/>
    <xsl:variable name="uk" select="concat(generate-id($u), ' ')"/>
    <xsl:variable name="part" select="generate-id(.)"/>
    <xsl:variable name="where" select="concat('unit ', $u/@id, ': ', local-name(), ' ', @id, ': ')"/>
    <xsl:for-each select="$t//*">
      <xsl:choose>
        <xsl:when test="self::x2:pc or self::x2:ph">
          <xsl:variable name="src" select="key('sc2', concat($uk, @id))
                                           [generate-id(ancestor::*[self::x2:segment or self::x2:ignorable][1]) = $part]"/>
          <xsl:if test="not($src)">
            <xsl:call-template name="refuse">
                    <xsl:with-param name="unit" select="$u/@id"/>
                    <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code ', @id, ' is not in the source of this ', local-name(current()/ancestor::*[self::x2:segment or self::x2:ignorable][1]))"/></xsl:with-param>
                  </xsl:call-template>
                </xsl:if>
                <xsl:if test="local-name($src[1]) != local-name()">
                  <xsl:call-template name="refuse">
                    <xsl:with-param name="unit" select="$u/@id"/>
                    <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code ', @id, ' is a ', local-name($src[1]), ' in the source but a ', local-name(), ' in the target: it cannot nest')"/></xsl:with-param>
                  </xsl:call-template>
                </xsl:if>
                <xsl:if test="count(key('tc2', concat($uk, @id))) &gt; 1">
                  <xsl:call-template name="refuse">
                    <xsl:with-param name="unit" select="$u/@id"/>
                    <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code ', @id, ' is used twice in the target')"/></xsl:with-param>
                  </xsl:call-template>
                </xsl:if>
              </xsl:when>
              <xsl:when test="self::x2:sc or self::x2:ec">
                <xsl:call-template name="refuse">
                  <xsl:with-param name="unit" select="$u/@id"/>
                  <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code &lt;', local-name(), ' id=&quot;', @id, @startRef, '&quot;&gt; cannot nest as article markup: only pc and ph can be merged')"/></xsl:with-param>
                </xsl:call-template>
              </xsl:when>
            </xsl:choose>
          </xsl:for-each>
          <xsl:call-template name="check-kept">
            <xsl:with-param name="u" select="$u"/>
            <xsl:with-param name="src" select="x2:source[1]"/>
            <xsl:with-param name="tgt" select="$t"/>
            <xsl:with-param name="where" select="$where"/>
          </xsl:call-template>
          <xsl:variable name="tid" select="generate-id($t)"/>
          <xsl:for-each select="x2:source[1]//*[self::x2:pc or self::x2:ph]">
            <xsl:if test="not(key('tc2', concat($uk, @id))[generate-id(ancestor::x2:target[1]) = $tid])">
              <xsl:call-template name="refuse">
                <xsl:with-param name="unit" select="$u/@id"/>
                <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code ', @id, ' of the source is missing from the target')"/></xsl:with-param>
              </xsl:call-template>
            </xsl:if>
          </xsl:for-each>
        </xsl:template>

        <xsl:template match="text()" mode="in2">
          <xsl:value-of select="."/>
        </xsl:template>

        <xsl:template match="x2:pc" mode="in2">
          <xsl:param name="u"/>
          <xsl:param name="map"/>
          <xsl:variable name="uk" select="concat(generate-id($u), ' ')"/>
          <xsl:variable name="src" select="key('sc2', concat($uk, @id))[1]"/>
          <xsl:variable name="data" select="string(key('data2', concat($uk, $src/@dataRefStart))[1])"/>
          <xsl:variable name="tag" select="normalize-space(substring-after($data, '&lt;'))"/>
          <xsl:variable name="name" select="substring-before(concat(translate($tag, '&gt;/', '  '), ' '), ' ')"/>
          <xsl:choose>
            <xsl:when test="$data = ''">
              <xsl:call-template name="from-map">
                <xsl:with-param name="u" select="$u"/>
                <xsl:with-param name="map" select="$map"/>
                <xsl:with-param name="v" select="2"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="$name != '' and contains($model:spans, concat(' ', $name, ' '))">
              <xsl:element name="{$name}" namespace="{$A}">
                <xsl:call-template name="tag-attributes">
                  <xsl:with-param name="s" select="substring-after($data, $name)"/>
                </xsl:call-template>
                <xsl:apply-templates select="node()" mode="in2">
                  <xsl:with-param name="u" select="$u"/>
                  <xsl:with-param name="map" select="$map"/>
                </xsl:apply-templates>
              </xsl:element>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="refuse">
                <xsl:with-param name="unit" select="$u/@id"/>
                <xsl:with-param name="message"><xsl:value-of select="concat('unit ', $u/@id, ': inline code ', @id, ': its originalData (', $data, ') is not article markup (a, em, strong, sub, sup, span)')"/></xsl:with-param>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:template>

        <xsl:template match="x2:ph" mode="in2">
          <xsl:element name="br" namespace="{$A}"/>
        </xsl:template>

        <xsl:template match="x2:mrk[@translate = 'no']" mode="in2">
          <xsl:param name="u"/>
          <xsl:param name="map"/>
          <xsl:call-template name="kept">
            <xsl:with-param name="u" select="$u"/>
            <xsl:with-param name="map" select="$map"/>
            <xsl:with-param name="id" select="string(@id)"/>
          </xsl:call-template>
        </xsl:template>

        <xsl:template match="x2:sm | x2:em | x2:cp | x2:sc | x2:ec" mode="in2"/>

        <!-- mrk and anything unknown: unwrapped -->
        <xsl:template match="*" mode="in2">
          <xsl:param name="u"/>
          <xsl:param name="map"/>
          <xsl:apply-templates select="node()" mode="in2">
            <xsl:with-param name="u" select="$u"/>
            <xsl:with-param name="map" select="$map"/>
          </xsl:apply-templates>
        </xsl:template>

        <xsl:template match="comment() | processing-instruction()" mode="in2"/>

        <!-- The attributes of a start tag's text after its name:
             ' href="..." xml:lang="..."' (values escaped as the extraction did). -->
        <xsl:template name="tag-attributes">
          <xsl:param name="s"/>
          <xsl:if test="contains($s, '=&quot;')">
            <xsl:variable name="n" select="normalize-space(substring-before($s, '=&quot;'))"/>
            <xsl:variable name="after" select="substring-after($s, '=&quot;')"/>
            <xsl:variable name="v" select="substring-before($after, '&quot;')"/>
            <xsl:if test="$n != '' and (translate($n, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.', '') = ''
                          or (starts-with($n, 'xml:') and translate(substring($n, 5), 'abcdefghijklmnopqrstuvwxyz', '') = ''))">
              <xsl:attribute name="{$n}">
                <xsl:call-template name="unescape-attr">
                  <xsl:with-param name="s" select="$v"/>
                </xsl:call-template>
              </xsl:attribute>
            </xsl:if>
            <xsl:call-template name="tag-attributes">
              <xsl:with-param name="s" select="substring-after($after, '&quot;')"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:template>

        <!-- The context code (2.0 pc, 1.2 g) as a copy of the block's inline
             element numbered @id in the skeleton, around its content. -->
        <!-- Protected text $id ("mN", N its number among the block's codes):
             the skeleton's span translate="no" N, as it was. -->
        <xsl:template name="kept">
          <xsl:param name="u"/>
          <xsl:param name="map"/>
          <xsl:param name="id"/>
          <xsl:variable name="n" select="substring-after($id, 'm')"/>
          <xsl:variable name="o-rtf">
            <xsl:for-each select="$map">
              <xsl:copy-of select="key('code', $n)[1]/a:span[@translate = 'no']"/>
            </xsl:for-each>
          </xsl:variable>
          <xsl:variable name="o" select="xt:node-set($o-rtf)/*"/>
          <xsl:choose>
            <xsl:when test="$o">
              <xsl:copy-of select="$o"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="refuse">
                <xsl:with-param name="unit" select="$u/@id"/>
                <xsl:with-param name="message"><xsl:value-of select="concat('unit ', $u/@id, ': protected text ', $id, ': the merge data has no protected text ', $n, ' in this block')"/></xsl:with-param>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:template>

        <!-- Every protected text of source $src must be in target $tgt: it is
             content the translator was to leave, and without its place in
             the target it would be lost. -->
        <xsl:template name="check-kept">
          <xsl:param name="u"/>
          <xsl:param name="src"/>
          <xsl:param name="tgt"/>
          <xsl:param name="where"/>
          <xsl:for-each select="$src//x2:mrk[@translate = 'no'] | $src//x1:mrk[@mtype = 'protected']">
            <xsl:variable name="id" select="string(@id | @mid)"/>
            <xsl:if test="not($tgt//x2:mrk[@translate = 'no'][@id = $id]
                              | $tgt//x1:mrk[@mtype = 'protected'][@mid = $id])">
              <xsl:call-template name="refuse">
                <xsl:with-param name="unit" select="$u/@id"/>
                <xsl:with-param name="message"><xsl:value-of select="concat($where, 'protected text ', $id, ' (', normalize-space(.), ') of the source is missing from the target')"/></xsl:with-param>
              </xsl:call-template>
            </xsl:if>
          </xsl:for-each>
        </xsl:template>

        <xsl:template name="from-map">
          <xsl:param name="u"/>
          <xsl:param name="map"/>
          <xsl:param name="v"/>
          <xsl:variable name="n" select="string(@id)"/>
          <xsl:variable name="o-rtf">
            <xsl:for-each select="$map">
              <xsl:copy-of select="key('code', $n)[1]/*"/>
            </xsl:for-each>
          </xsl:variable>
          <xsl:variable name="o" select="xt:node-set($o-rtf)/*"/>
          <xsl:choose>
            <xsl:when test="not($o) or $o[self::a:br]">
              <xsl:call-template name="refuse">
                <xsl:with-param name="unit" select="$u/@id"/>
                <xsl:with-param name="message"><xsl:value-of select="concat('unit ', $u/@id, ': inline code ', $n, ': the merge data has no inline element ', $n, ' with content in this block')"/></xsl:with-param>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:element name="{local-name($o)}" namespace="{$A}">
                <xsl:copy-of select="$o/@*"/>
                <xsl:call-template name="inline">
                  <xsl:with-param name="nodes" select="node()"/>
                  <xsl:with-param name="u" select="$u"/>
                  <xsl:with-param name="map" select="$map"/>
                  <xsl:with-param name="v" select="$v"/>
                </xsl:call-template>
              </xsl:element>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:template>

        <!-- ===== XLIFF 1.2 ===== -->

        <!-- Context: the trans-unit. -->
        <xsl:template name="unit1">
          <xsl:param name="block"/>
          <xsl:param name="map"/>
          <xsl:variable name="u" select="."/>
          <xsl:variable name="uk" select="concat(generate-id(), ' ')"/>
          <xsl:variable name="segsrc" select="(x1:seg-source | x1:source[not(../x1:seg-source)])[1]"/>
          <xsl:variable name="t" select="x1:target[1]"/>
          <xsl:variable name="has-t" select="boolean($t[normalize-space() != '' or .//*[not(self::x1:mrk)]])"/>
          <xsl:variable name="smrk" select="$segsrc/x1:mrk[@mtype = 'seg']"/>
          <xsl:variable name="tmrk" select="$t/x1:mrk[@mtype = 'seg']"/>
          <xsl:choose>
            <!-- one segment per seg-source mrk, each from the target mrk with
                 its mid when there is one with content -->
            <xsl:when test="$smrk and (not($has-t) or $tmrk)">
              <xsl:if test="$has-t">
                <xsl:for-each select="$tmrk">
                  <xsl:if test="not(key('sm1', concat($uk, @mid)))">
                    <xsl:call-template name="refuse">
                      <xsl:with-param name="unit" select="$u/@id"/>
                      <xsl:with-param name="message"><xsl:value-of select="concat('unit ', $u/@id, ': segment ', @mid, ': no segment with this id in the source')"/></xsl:with-param>
                    </xsl:call-template>
                  </xsl:if>
                </xsl:for-each>
              </xsl:if>
              <xsl:for-each select="$segsrc/node()">
                <xsl:choose>
                  <xsl:when test="self::x1:mrk[@mtype = 'seg']">
                    <xsl:variable name="tm" select="key('tm1', concat($uk, @mid))[1][$has-t]"/>
                    <xsl:call-template name="segment1">
                      <xsl:with-param name="u" select="$u"/>
                      <xsl:with-param name="block" select="$block"/>
                      <xsl:with-param name="map" select="$map"/>
                      <xsl:with-param name="src" select="."/>
                      <xsl:with-param name="tgt" select="$tm[normalize-space() != '' or .//*[not(self::x1:mrk)]]"/>
                      <xsl:with-param name="seg" select="string(@mid)"/>
                      <xsl:with-param name="id" select="string(@mid)"/>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="inline">
                      <xsl:with-param name="nodes" select="."/>
                      <xsl:with-param name="u" select="$u"/>
                      <xsl:with-param name="map" select="$map"/>
                      <xsl:with-param name="v" select="1"/>
                    </xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </xsl:when>
            <!-- the whole content as one segment: the target, else the source -->
            <xsl:otherwise>
              <xsl:call-template name="segment1">
                <xsl:with-param name="u" select="$u"/>
                <xsl:with-param name="block" select="$block"/>
                <xsl:with-param name="map" select="$map"/>
                <xsl:with-param name="src" select="$segsrc"/>
                <xsl:with-param name="tgt" select="$t[$has-t]"/>
                <xsl:with-param name="seg" select="'target'"/>
                <xsl:with-param name="id" select="string($smrk[count($smrk) = 1]/@mid)"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:template>

        <!-- One segment of trans-unit $u: $tgt (a target mrk, or the whole
             target; empty when untranslated) checked against $src (the
             seg-source mrk with its mid, or the whole seg-source), else $src
             kept, as it is when $tgt is an untouched copy of it; placed into
             the s $id names. -->
        <xsl:template name="segment1">
          <xsl:param name="u"/>
          <xsl:param name="block"/>
          <xsl:param name="map"/>
          <xsl:param name="src"/>
          <xsl:param name="tgt"/>
          <xsl:param name="seg"/>
          <xsl:param name="id"/>
          <xsl:variable name="state" select="string($tgt/ancestor-or-self::x1:target[1]/@state)"/>
          <xsl:variable name="copy">
            <xsl:if test="$tgt and ($state = 'new' or $state = 'needs-translation')">
              <xsl:call-template name="same-content">
                <xsl:with-param name="a" select="$src"/>
                <xsl:with-param name="b" select="$tgt"/>
              </xsl:call-template>
            </xsl:if>
          </xsl:variable>
          <xsl:variable name="t" select="$tgt[string($copy) != 'yes']"/>
          <xsl:choose>
            <xsl:when test="$t">
              <xsl:call-template name="check1">
                <xsl:with-param name="u" select="$u"/>
                <xsl:with-param name="src" select="$src"/>
                <xsl:with-param name="tgt" select="$t"/>
                <xsl:with-param name="seg" select="$seg"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="untranslated">
                <xsl:with-param name="u" select="$u"/>
                <xsl:with-param name="source" select="$src"/>
                <xsl:with-param name="seg" select="$seg"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="place">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="block" select="$block"/>
            <xsl:with-param name="nodes" select="$t/node() | $src[not($t)]/node()"/>
            <xsl:with-param name="u" select="$u"/>
            <xsl:with-param name="map" select="$map"/>
            <xsl:with-param name="v" select="1"/>
          </xsl:call-template>
        </xsl:template>

        <!-- The inline codes of $tgt (a target mrk, or a whole target) against
             $src (the seg-source mrk with its mid, or the whole seg-source). -->
        <xsl:template name="check1">
          <xsl:param name="u"/>
          <xsl:param name="src"/>
          <xsl:param name="tgt"/>
          <xsl:param name="seg"/>
          <xsl:variable name="uk" select="concat(generate-id($u), ' ')"/>
          <xsl:variable name="where" select="concat('unit ', $u/@id, ': segment ', $seg, ': ')"/>
          <xsl:variable name="sid" select="generate-id($src)"/>
          <xsl:variable name="tid" select="generate-id($tgt)"/>
          <xsl:variable name="per-mrk" select="boolean($src/self::x1:mrk)"/>
          <xsl:call-template name="check-kept">
            <xsl:with-param name="u" select="$u"/>
            <xsl:with-param name="src" select="$src"/>
            <xsl:with-param name="tgt" select="$tgt"/>
            <xsl:with-param name="where" select="$where"/>
          </xsl:call-template>
          <xsl:for-each select="$tgt//*">
            <xsl:choose>
              <xsl:when test="self::x1:g or self::x1:x">
                <xsl:variable name="s" select="key('sc1', concat($uk, @id))
                                               [not($per-mrk) or generate-id(ancestor::x1:mrk[@mtype = 'seg'][1]) = $sid]"/>
                <xsl:if test="not($s)">
                  <xsl:call-template name="refuse">
                    <xsl:with-param name="unit" select="$u/@id"/>
                    <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code ', @id, ' is not in the source of this segment')"/></xsl:with-param>
                  </xsl:call-template>
                </xsl:if>
                <xsl:if test="local-name($s[1]) != local-name()">
                  <xsl:call-template name="refuse">
                    <xsl:with-param name="unit" select="$u/@id"/>
                    <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code ', @id, ' is a ', local-name($s[1]), ' in the source but a ', local-name(), ' in the target: it cannot nest')"/></xsl:with-param>
                  </xsl:call-template>
                </xsl:if>
                <xsl:if test="count(key('tc1', concat($uk, @id))) &gt; 1">
                  <xsl:call-template name="refuse">
                    <xsl:with-param name="unit" select="$u/@id"/>
                    <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code ', @id, ' is used twice in the target')"/></xsl:with-param>
                  </xsl:call-template>
                </xsl:if>
              </xsl:when>
              <xsl:when test="self::x1:bx or self::x1:ex or self::x1:bpt or self::x1:ept or self::x1:it or self::x1:ph">
                <xsl:call-template name="refuse">
                  <xsl:with-param name="unit" select="$u/@id"/>
                  <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code &lt;', local-name(), ' id=&quot;', @id, '&quot;&gt; cannot nest as article markup: only g and x can be merged')"/></xsl:with-param>
                </xsl:call-template>
              </xsl:when>
            </xsl:choose>
          </xsl:for-each>
          <xsl:for-each select="$src//*[self::x1:g or self::x1:x]">
            <xsl:if test="not(key('tc1', concat($uk, @id))
                              [not($per-mrk) or generate-id(ancestor::x1:mrk[@mtype = 'seg'][1]) = $tid])">
              <xsl:call-template name="refuse">
                <xsl:with-param name="unit" select="$u/@id"/>
                <xsl:with-param name="message"><xsl:value-of select="concat($where, 'inline code ', @id, ' of the source is missing from the target')"/></xsl:with-param>
              </xsl:call-template>
            </xsl:if>
          </xsl:for-each>
        </xsl:template>

        <xsl:template match="text()" mode="in1">
          <xsl:value-of select="."/>
        </xsl:template>

        <xsl:template match="x1:g" mode="in1">
          <xsl:param name="u"/>
          <xsl:param name="map"/>
          <xsl:call-template name="from-map">
            <xsl:with-param name="u" select="$u"/>
            <xsl:with-param name="map" select="$map"/>
            <xsl:with-param name="v" select="1"/>
          </xsl:call-template>
        </xsl:template>

        <xsl:template match="x1:x" mode="in1">
          <xsl:element name="br" namespace="{$A}"/>
        </xsl:template>

        <xsl:template match="x1:mrk[@mtype = 'protected']" mode="in1">
          <xsl:param name="u"/>
          <xsl:param name="map"/>
          <xsl:call-template name="kept">
            <xsl:with-param name="u" select="$u"/>
            <xsl:with-param name="map" select="$map"/>
            <xsl:with-param name="id" select="string(@mid)"/>
          </xsl:call-template>
        </xsl:template>

        <xsl:template match="x1:bx | x1:ex | x1:bpt | x1:ept | x1:it | x1:ph" mode="in1"/>

        <!-- mrk and anything unknown: unwrapped -->
        <xsl:template match="*" mode="in1">
          <xsl:param name="u"/>
          <xsl:param name="map"/>
          <xsl:apply-templates select="node()" mode="in1">
            <xsl:with-param name="u" select="$u"/>
            <xsl:with-param name="map" select="$map"/>
          </xsl:apply-templates>
        </xsl:template>

        <xsl:template match="comment() | processing-instruction()" mode="in1"/>

        <!-- ===== the result without the internal markers (and a copy of the
             skeleton's own elements) ===== -->

        <xsl:template match="*" mode="clean">
          <xsl:element name="{local-name()}" namespace="{namespace-uri()}">
            <xsl:copy-of select="@*"/>
            <xsl:apply-templates select="node()" mode="clean"/>
          </xsl:element>
        </xsl:template>

        <xsl:template match="m:*" mode="clean"/>

        <xsl:template match="text()" mode="clean">
          <xsl:value-of select="."/>
        </xsl:template>

        <!-- ===== unpack-skeleton=yes: the file with 1.2 merge data unescaped ===== -->

        <xsl:template match="@* | node()" mode="unpack">
          <xsl:copy>
            <xsl:apply-templates select="@* | node()" mode="unpack"/>
          </xsl:copy>
        </xsl:template>

        <xsl:template match="x1:internal-file[not(*)]" mode="unpack">
          <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:value-of select="." disable-output-escaping="yes"/>
          </xsl:copy>
        </xsl:template>
      </xsl:stylesheet>
