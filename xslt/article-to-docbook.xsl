<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-docbook.xsl - an artx article as a DocBook 5.0 article, valid
  against the docbook5-xml RELAX NG schema (docbook.rng) and its Schematron
  rules.

  Head: info with the title, one author per byline (personname, and email
  when known), pubdate (the published value exactly as written: ISO 8601,
  only as precise as the article says), a revhistory revision for the
  modified date, publisher/publishername, a legalnotice with the rights
  (plus an English para saying text and data mining / AI training is
  reserved, when the source says so) and biblioid class="uri" for the source
  address.  The article keeps its xml:lang.

  Body, in reading order:
    p           para
    h2          a section holding the blocks up to the next h2, titled with
                the heading; the blocks before the first h2 come before the
                sections.  A heading with nothing under it (another h2 or the
                end of the body follows) becomes a bridgehead renderas="sect1"
                inside the current part, since a DocBook section may not be
                empty.
    figure      informalfigure: mediaobject with imageobject/imagedata
                (fileref = the image URL; width and height as contentwidth
                and contentdepth, in pixels, only when they are integers) and
                textobject/phrase with the alt text; caption/para with the
                caption and the credit as phrase role="credit".  A figures-only
                body is valid: informalfigure is a block.
    blockquote  blockquote: attribution from cite, then the paras
    ul, ol      itemizedlist, orderedlist; listitem/para, a nested list
                after the para inside the same listitem (no para when the
                item holds only the nested list)
  Inline:
    a           link xlink:href
    em, strong  emphasis, emphasis role="strong"
    sub, sup    subscript, superscript
    span        phrase with its xml:lang
    s           phrase role="sentence" keeping the sentence id as xml:id,
                so sentences stay addressable (XLIFF segments use the ids)
    br          the processing instruction <?linebreak?>, which the DocBook
                XSL stylesheets turn into a line break in HTML and FO.  It is
                valid anywhere and keeps a paragraph one para; splitting into
                literallayout would make it verbatim text and lose the para.
  Inside subscript, superscript and attribution DocBook allows only "limited
  text" (no emphasis, phrase only with limited content): there em and strong
  become phrase role="emphasis" / role="strong"; a link there may again hold
  full inline markup.

  Ids: every id of the article (title, blocks, captions, list items,
  sentences) becomes xml:id on the element that stands for it (the h2 id on
  its section or bridgehead, the caption id on caption).  An id is
  left out when it is not a valid NCName start or has already been used, so
  the output stays valid even for an article that is not.

  Output is one block element a line, not indented: indenting would add
  whitespace inside inline markup.

  A book (artx -\-book TITLE; the wrapper document common.xsl describes,
  <book xmlns="urn:artx:book" title="TITLE"> holding the articles) becomes
  a DocBook book: info/title TITLE, the first article's xml:lang, then
  each article as above, its ids prefixed with its part ("a2-p1": the
  second article's p1), so that no two articles' ids meet.

  Includes model.xsl.  Parameters: none.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:bk="urn:artx:book"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:model="urn:artx:xslt-model"
    xmlns:artx="http://artx.example/xslt"
    extension-element-prefixes="artx"
    exclude-result-prefixes="a bk model">
  <xsl:include href="model.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Every element that carries an id, to drop repeated ones. -->
  <xsl:key name="id" match="*[@id]" use="@id"/>

  <!-- An h2 starts a section when a block other than an h2 follows it;
       the other h2 are bridgeheads, and they come in runs at the end of a
       part (a block other than an h2 after one would make the last h2
       before it a section).  The blocks of each part of the body are keyed
       by the generated id of their section's h2, the blocks before the
       first section by '': for a block other than an h2 that is the
       nearest h2 before it, and so it is for the first bridgehead of a run,
       which brings the rest of its run along (one following sibling at a
       time).
       Cost: libxml2 stops at the first node of a sibling axis only when
       [1] is the step's one predicate (following-sibling::*[1]/self::a:h2,
       never following-sibling::*[1][self::a:h2]) and the node test is a
       name or *; "the nearest h2 that starts a section" would walk back over
       every h2 before a block, for every block. -->
  <xsl:key name="part"
      match="a:body/*[not(self::a:h2)]
             | a:body/a:h2[not(preceding-sibling::*[1]/self::a:h2)
                           and not(following-sibling::*[1]/self::*[not(self::a:h2)])]"
      use="generate-id(preceding-sibling::a:h2[1])"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <!-- ===== article and info ===== -->

  <xsl:template match="/bk:book">
    <book version="5.0">
      <xsl:copy-of select="a:article[1]/@xml:lang"/>
      <xsl:value-of select="$nl"/>
      <info><title><xsl:value-of select="@title"/></title></info>
      <xsl:for-each select="a:article">
        <xsl:value-of select="$nl"/>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </book>
  </xsl:template>

  <!-- The root, or one of a book's articles: the key's blocks before the
       first section are those of this article. -->
  <xsl:template match="a:article">
    <article version="5.0">
      <xsl:copy-of select="@xml:lang"/>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="a:head"/>
      <!-- key('part', ''); on an article without a subheading that is
           every block, and the key is not built (it walks back from each
           block to the h2 before it: quadratic in the blocks of a part) -->
      <xsl:choose>
        <xsl:when test="a:body/a:h2">
          <xsl:call-template name="blocks">
            <xsl:with-param name="blocks" select="key('part', '')[generate-id(../..) = generate-id(current())]"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="blocks">
            <xsl:with-param name="blocks" select="a:body/*"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="section"
          select="a:body/a:h2[following-sibling::*[1]/self::*[not(self::a:h2)]]"/>
      <xsl:value-of select="$nl"/>
    </article>
  </xsl:template>

  <xsl:template match="a:head">
    <info>
      <xsl:value-of select="$nl"/>
      <title>
        <xsl:call-template name="id"><xsl:with-param name="node" select="a:title"/></xsl:call-template>
        <xsl:apply-templates select="a:title/node()" mode="inline"/>
      </title>
      <xsl:apply-templates select="a:author"/>
      <xsl:for-each select="a:published">
        <xsl:value-of select="$nl"/>
        <pubdate><xsl:value-of select="."/></pubdate>
      </xsl:for-each>
      <xsl:for-each select="a:modified">
        <xsl:value-of select="$nl"/>
        <revhistory><revision><date><xsl:value-of select="."/></date></revision></revhistory>
      </xsl:for-each>
      <xsl:for-each select="a:publisher">
        <xsl:value-of select="$nl"/>
        <publisher><publishername><xsl:value-of select="."/></publishername></publisher>
      </xsl:for-each>
      <xsl:if test="a:rights or a:reservation">
        <xsl:value-of select="$nl"/>
        <legalnotice>
          <xsl:for-each select="a:rights">
            <xsl:value-of select="$nl"/>
            <para><xsl:value-of select="."/></para>
          </xsl:for-each>
          <xsl:for-each select="a:reservation">
            <xsl:value-of select="$nl"/>
            <para role="tdm-reservation" xml:lang="en">
              <xsl:text>Text and data mining, including AI training, is reserved by the rights holder (W3C TDMRep tdm-reservation = 1).</xsl:text>
              <xsl:if test="@policy">
                <xsl:text> Policy: </xsl:text>
                <link xlink:href="{@policy}"><xsl:value-of select="@policy"/></link>
              </xsl:if>
            </para>
          </xsl:for-each>
          <xsl:value-of select="$nl"/>
        </legalnotice>
      </xsl:if>
      <xsl:for-each select="a:source">
        <xsl:value-of select="$nl"/>
        <biblioid class="uri"><xsl:value-of select="@href"/></biblioid>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </info>
  </xsl:template>

  <xsl:template match="a:author">
    <xsl:value-of select="$nl"/>
    <author>
      <personname><xsl:value-of select="."/></personname>
      <xsl:if test="normalize-space(@email)">
        <email><xsl:value-of select="@email"/></email>
      </xsl:if>
    </author>
  </xsl:template>

  <!-- The blocks $blocks in order.  After each, artx writes what is
       complete of the result so far and frees it (src/stream.c), so that a
       big article's result is never held whole; elsewhere the flush does
       nothing. -->
  <xsl:template name="blocks">
    <xsl:param name="blocks"/>
    <xsl:for-each select="$blocks">
      <xsl:apply-templates select="."/>
      <artx:flush><xsl:fallback/></artx:flush>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== sections ===== -->

  <xsl:template match="a:h2" mode="section">
    <xsl:value-of select="$nl"/>
    <section>
      <xsl:call-template name="id"/>
      <title><xsl:apply-templates mode="inline"/></title>
      <xsl:call-template name="blocks">
        <xsl:with-param name="blocks" select="key('part', generate-id())"/>
      </xsl:call-template>
      <xsl:value-of select="$nl"/>
    </section>
  </xsl:template>

  <!-- Only headings with nothing under them come here: the first of a
       run, and then each of the rest in turn. -->
  <xsl:template match="a:h2">
    <xsl:value-of select="$nl"/>
    <bridgehead renderas="sect1">
      <xsl:call-template name="id"/>
      <xsl:apply-templates mode="inline"/>
    </bridgehead>
    <xsl:apply-templates
        select="following-sibling::*[1]/self::a:h2[not(following-sibling::*[1]/self::*[not(self::a:h2)])]"/>
  </xsl:template>

  <!-- ===== blocks ===== -->

  <xsl:template match="a:p">
    <xsl:value-of select="$nl"/>
    <para>
      <xsl:call-template name="id"/>
      <xsl:apply-templates mode="inline"/>
    </para>
  </xsl:template>

  <xsl:template match="a:blockquote">
    <xsl:value-of select="$nl"/>
    <blockquote>
      <xsl:call-template name="id"/>
      <xsl:for-each select="a:cite">
        <xsl:value-of select="$nl"/>
        <attribution><xsl:apply-templates mode="text"/></attribution>
      </xsl:for-each>
      <xsl:apply-templates select="a:p"/>
      <xsl:value-of select="$nl"/>
    </blockquote>
  </xsl:template>

  <xsl:template match="a:ul">
    <xsl:value-of select="$nl"/>
    <itemizedlist>
      <xsl:call-template name="id"/>
      <xsl:apply-templates select="a:li"/>
      <xsl:value-of select="$nl"/>
    </itemizedlist>
  </xsl:template>

  <xsl:template match="a:ol">
    <xsl:value-of select="$nl"/>
    <orderedlist>
      <xsl:call-template name="id"/>
      <xsl:apply-templates select="a:li"/>
      <xsl:value-of select="$nl"/>
    </orderedlist>
  </xsl:template>

  <xsl:template match="a:li">
    <!-- the item's own text; whitespace that only separated it from a
         nested list is left out -->
    <xsl:variable name="inline"
        select="node()[not(self::a:*[contains($model:lists, concat(' ', local-name(), ' '))])]
                      [not(self::text() and not(normalize-space())
                           and not(following-sibling::node()[not(self::a:*[contains($model:lists, concat(' ', local-name(), ' '))])]
                                                            [self::* or normalize-space()]))]"/>
    <xsl:value-of select="$nl"/>
    <listitem>
      <xsl:call-template name="id"/>
      <!-- listitem needs a block: keep the para unless a nested list
           alone fills the item. -->
      <xsl:if test="not(a:ul or a:ol) or $inline[self::* or normalize-space()]">
        <para><xsl:apply-templates select="$inline" mode="inline"/></para>
      </xsl:if>
      <xsl:apply-templates select="a:ul | a:ol"/>
    </listitem>
  </xsl:template>

  <xsl:template match="a:figure">
    <xsl:variable name="img" select="a:img"/>
    <xsl:value-of select="$nl"/>
    <informalfigure>
      <xsl:call-template name="id"/>
      <xsl:value-of select="$nl"/>
      <mediaobject>
        <imageobject>
          <imagedata fileref="{$img/@src}">
            <xsl:if test="$img/@width[string-length(.) &gt; 0 and translate(., '0123456789', '') = '' and number(.) &gt; 0]">
              <xsl:attribute name="contentwidth"><xsl:value-of select="number($img/@width)"/></xsl:attribute>
            </xsl:if>
            <xsl:if test="$img/@height[string-length(.) &gt; 0 and translate(., '0123456789', '') = '' and number(.) &gt; 0]">
              <xsl:attribute name="contentdepth"><xsl:value-of select="number($img/@height)"/></xsl:attribute>
            </xsl:if>
          </imagedata>
        </imageobject>
        <xsl:if test="normalize-space($img/@alt)">
          <textobject><phrase><xsl:value-of select="$img/@alt"/></phrase></textobject>
        </xsl:if>
      </mediaobject>
      <xsl:if test="a:caption[normalize-space() or *] or normalize-space(a:credit)">
        <xsl:value-of select="$nl"/>
        <caption>
          <xsl:call-template name="id"><xsl:with-param name="node" select="a:caption"/></xsl:call-template>
          <para>
            <xsl:apply-templates select="a:caption/node()" mode="inline"/>
            <xsl:if test="normalize-space(a:credit)">
              <xsl:if test="a:caption[normalize-space() or *]">
                <xsl:text> </xsl:text>
              </xsl:if>
              <phrase role="credit"><xsl:value-of select="a:credit"/></phrase>
            </xsl:if>
          </para>
        </caption>
      </xsl:if>
      <xsl:value-of select="$nl"/>
    </informalfigure>
  </xsl:template>

  <!-- Anything else in the body is not in the model: leave it out. -->
  <xsl:template match="a:body/*" priority="-1"/>

  <!-- ===== inline markup (full DocBook inlines) ===== -->

  <xsl:template match="a:s" mode="inline">
    <phrase role="sentence">
      <xsl:call-template name="id"/>
      <xsl:apply-templates mode="inline"/>
    </phrase>
  </xsl:template>

  <xsl:template match="a:a" mode="inline">
    <link xlink:href="{@href}"><xsl:apply-templates mode="inline"/></link>
  </xsl:template>

  <xsl:template match="a:em" mode="inline">
    <emphasis><xsl:apply-templates mode="inline"/></emphasis>
  </xsl:template>

  <xsl:template match="a:strong" mode="inline">
    <emphasis role="strong"><xsl:apply-templates mode="inline"/></emphasis>
  </xsl:template>

  <!-- protected text (span translate="no"): DocBook has no translate
       attribute; the role says it to a later extraction -->
  <xsl:template name="kept">
    <xsl:if test="@translate = 'no'"><xsl:attribute name="role">notranslate</xsl:attribute></xsl:if>
  </xsl:template>

  <xsl:template match="a:span" mode="inline">
    <phrase><xsl:copy-of select="@xml:lang"/><xsl:call-template name="kept"/><xsl:apply-templates mode="inline"/></phrase>
  </xsl:template>

  <!-- subscript and superscript hold limited text in both modes -->
  <xsl:template match="a:sub" mode="inline">
    <subscript><xsl:apply-templates mode="text"/></subscript>
  </xsl:template>

  <xsl:template match="a:sup" mode="inline">
    <superscript><xsl:apply-templates mode="text"/></superscript>
  </xsl:template>

  <xsl:template match="a:br" mode="inline">
    <xsl:processing-instruction name="linebreak"/>
  </xsl:template>

  <!-- Not in the model: keep the text. -->
  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- ===== limited text (subscript, superscript, attribution) ===== -->

  <xsl:template match="a:s" mode="text">
    <phrase role="sentence">
      <xsl:call-template name="id"/>
      <xsl:apply-templates mode="text"/>
    </phrase>
  </xsl:template>

  <!-- a link may again hold full inline markup; subscript, superscript
       and the line break are the same in both modes -->
  <xsl:template match="a:a | a:sub | a:sup | a:br" mode="text">
    <xsl:apply-templates select="." mode="inline"/>
  </xsl:template>

  <xsl:template match="a:em" mode="text">
    <phrase role="emphasis"><xsl:apply-templates mode="text"/></phrase>
  </xsl:template>

  <xsl:template match="a:strong" mode="text">
    <phrase role="strong"><xsl:apply-templates mode="text"/></phrase>
  </xsl:template>

  <xsl:template match="a:span" mode="text">
    <phrase><xsl:copy-of select="@xml:lang"/><xsl:call-template name="kept"/><xsl:apply-templates mode="text"/></phrase>
  </xsl:template>

  <xsl:template match="*" mode="text">
    <xsl:apply-templates mode="text"/>
  </xsl:template>

  <!-- ===== ids ===== -->

  <!-- xml:id from $node's id when it can be one: it must start like an
       NCName (not a digit, '.' or '-'), hold no ':' or space, and be the
       first use of that id in the article.  In a book it is prefixed with
       the article's part, a1-, a2-, ... (common.xsl's part names). -->
  <xsl:template name="id">
    <xsl:param name="node" select="."/>
    <xsl:variable name="id" select="string($node/@id)"/>
    <xsl:variable name="art" select="$node/ancestor::a:article[1]"/>
    <xsl:if test="$id != ''
                  and translate(substring($id, 1, 1), '0123456789.-', '') != ''
                  and not(contains($id, ':'))
                  and translate($id, ' &#9;&#10;&#13;', '') = $id
                  and generate-id(key('id', $id)[generate-id(ancestor::a:article[1]) = generate-id($art)][1])
                      = generate-id($node)">
      <xsl:attribute name="xml:id">
        <xsl:if test="$art/parent::bk:book">
          <xsl:value-of select="concat('a', count($art/preceding-sibling::a:article) + 1, '-')"/>
        </xsl:if>
        <xsl:value-of select="$id"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
