<?xml version="1.0" encoding="UTF-8"?>
<!--
  model.xsl - the article model's classes of elements (urn:artx:article,
  schema article.rng), in one place for every stylesheet that must tell them
  apart.  Keep it in step with article.rng.

  Each class is a global variable: the local names of its elements, each
  between spaces.  An element of the model is in a class when

      self::a:*[contains($model:CLASS, concat(' ', local-name(), ' '))]

  holds (a = urn:artx:article; self::a:* keeps out elements of other
  namespaces).  Match patterns cannot refer to variables in XSLT 1.0: a
  stylesheet that must treat a class alike matches a:* and tests the class
  inside.

    $model:structure  article head body figure blockquote ul ol
                      elements that hold other elements, no text of their own
    $model:lists      ul ol
                      the lists (also a list item's nested list)
    $model:blocks     title p h2 caption li
                      text blocks with an id of their own: each is one unit
                      of the XLIFF, whose id is the block's (a blockquote's
                      cite, a figure's credit and its img/@alt are text too,
                      but have no id: their units are named after their
                      blockquote or figure)
    $model:spans      a em strong sub sup span
                      inline markup with content
    $model:inline     a em strong sub sup span br
                      all inline markup (the spans and br): the elements that
                      become XLIFF inline codes, numbered per block
  Sentences (s) are a class of one, inside blocks, holding inline content.

  Included by xliff-units.xsl (and through it article-to-xliff20.xsl and
  article-to-xliff12.xsl), xliff-to-article.xsl, article-to-docbook.xsl,
  article-to-text.xsl and html-to-article.xsl.  It includes nothing and
  expects nothing of its includer but the prefix model bound to
  urn:artx:xslt-model where it names the variables.  Include it once per
  stylesheet: a second copy defines the variables again, which is an error.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:model="urn:artx:xslt-model">

  <xsl:variable name="model:structure" select="' article head body figure blockquote ul ol '"/>
  <xsl:variable name="model:lists" select="' ul ol '"/>
  <xsl:variable name="model:blocks" select="' title p h2 caption li '"/>
  <xsl:variable name="model:spans" select="' a em strong sub sup span '"/>
  <xsl:variable name="model:inline" select="' a em strong sub sup span br '"/>
</xsl:stylesheet>
