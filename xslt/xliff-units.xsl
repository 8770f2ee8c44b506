<?xml version="1.0" encoding="UTF-8"?>
<!--
  xliff-units.xsl - the XLIFF units of an artx article, for XLIFF 2.0 and
  1.2 alike (xsl:include): which parts of the article become units and in
  what order, their ids and names, the note that says where each sits, when
  a unit is translate="no", its segments (one per sentence), and the walk
  over its inline markup, numbering the inline codes.  The including
  stylesheet writes all of it in its own format's elements.

  Included by article-to-xliff20.xsl and article-to-xliff12.xsl.  It
  includes model.xsl (the includer must not include it again).

  Units, one per translatable block, in reading order (unit id, then the
  element name the unit is named after):
    title         the headline (head/title)
    p, h2         body paragraphs and subheadings
    f1.c          a figure's caption
    f1.alt  alt   the image's alt text, only when it is not empty and differs
                  from the caption text (after normalize-space)
    f1.credit  credit   the figure's credit line (no id of its own)
    l1.i2         a list item (its own text; a nested list's items follow as
                  units of their own: l1.i2.l.i1 ...)
    q1.p1         a quoted paragraph; q1.cite (cite) the quote's cite line
  Locations ("where"): "headline", "paragraph 3", "subheading 1", "caption
  of figure 2", "alt text of figure 2", "photo credit of figure 2", "item 2
  of list 1", "item 1 of the list in item 2 of list 1", "quoted paragraph 1
  of quote 1", "source cited by quote 1".
  A unit is translate="no" when its block is (the source asked to leave it
  untranslated) or its text has no letters at all (only digits,
  punctuation, symbols or nothing).
  Segments: a block with s elements gives one segment per s (id: the s id);
  between sentences, a run of nodes with text is a segment "segN" of its
  own (N: the number of sentences before it + 1), a run without text (white
  space, a br) lies between segments.  A block without s is one segment
  "seg1".
  Inline codes: a, em, strong, sub, sup, span are spanning codes, br a
  standalone code (model.xsl: $model:spans, $model:inline); their ids are
  numbered per unit, 1, 2, ... in document order; a span translate="no"
  (protected text) is numbered with them but written as a protected
  marker instead; anything else is unwrapped to its text, comments and
  processing instructions are dropped.

  Parameters (set by artx from -T and -s):
    target-lang   BCP 47 tag of the translation; default '' (none).
    source-lang   BCP 47 tag of the source; default '' (the article's
                  xml:lang): $units:source-lang is the one to write.

  What it offers the includer (prefix units = urn:artx:xslt-units):
    $units:source-lang      the source language
    $units:file-notes       head/rights and head/reservation, in order
    mode units:file-note    on them: calls units:emit-file-note
    units:units             (context: the article) every unit, in order:
                            calls units:emit-unit
    units:segments          the segments of $nodes (a unit's content):
                            calls units:emit-segment / units:emit-between
    units:inline            the inline content $nodes, codes numbered from
                            $base + 1: text, and calls units:emit-spanning-
                            code / units:emit-standalone-code

  What the includer must define (named templates):
    units:emit-file-note        $kind ('rights' | 'tdm-reservation'), $text
    units:emit-unit             context: the block (or img/@alt); $id,
                                $name, $where, $content (its inline nodes,
                                a nested list left out; img/@alt itself),
                                $translate ('yes' | 'no')
    units:emit-segment          $id, $nodes, $base: calls units:inline
    units:emit-between          $number (N of the segN that would follow),
                                $nodes, $base: calls units:inline
    units:emit-spanning-code    context: the element; $n, its code id:
                                calls units:inline on node() with base $n
    units:emit-standalone-code  context: the element; $n
    units:emit-protected        context: a span translate="no"; $n, its
                                number: calls units:inline on node() with
                                base $n
  A hook may leave out the parameters it has no use for (1.2 needs no
  $kind).  Write a unit's pieces in the order they come: units
  and segments are called in reading order.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns:model="urn:artx:xslt-model"
    xmlns:units="urn:artx:xslt-units"
    exclude-result-prefixes="a model units">
  <xsl:include href="model.xsl"/>

  <!-- An article read from a file has indentation between its structural
       elements ($model:structure; a pattern cannot name a variable); it is
       not content and must not reach the merge data. -->
  <xsl:strip-space elements="a:article a:head a:body a:figure a:blockquote a:ul a:ol"/>

  <xsl:param name="target-lang" select="''"/>
  <xsl:param name="source-lang" select="''"/>

  <xsl:variable name="units:source-lang">
    <xsl:choose>
      <xsl:when test="$source-lang != ''"><xsl:value-of select="$source-lang"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/a:article/@xml:lang"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- Characters that are not letters: ASCII and Latin-1 punctuation and
       digits, general punctuation, super- and subscripts, currency, letterlike
       and number forms, arrows, mathematical and technical symbols, enclosed
       alphanumerics, box drawing, shapes, dingbats, CJK symbols and
       punctuation, enclosed CJK and compatibility units (㎞), fullwidth
       forms.  A unit whose text is made only of these is not translated. -->
  <xsl:variable name="units:ascii-non-letters"
      >&#x20;&#x9;&#xA;&#xD;!"#$%&amp;'()*+,-./0123456789:;&lt;=&gt;?@[\]^_`{|}~</xsl:variable>
  <!-- (line breaks and indentation inside are white space: non-letters too) -->
  <xsl:variable name="units:non-letters">&#x20;!"#$%&amp;'()*+,-./0123456789:;&lt;=&gt;?@[\]^_`{|}~&#xA0;¡¢£¤¥¦§¨©«¬&#xAD;®¯°±
      ²³´¶·¸¹»¼½¾¿×÷&#x2000;&#x2001;&#x2002;&#x2003;&#x2004;&#x2005;&#x2006;&#x2007;&#x2008;&#x2009;&#x200A;&#x200B;&#x200C;&#x200D;&#x200E;&#x200F;‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧&#x2028;&#x2029;&#x202A;&#x202B;&#x202C;&#x202D;
      &#x202E;&#x202F;‰‱′″‴‵‶‷‸‹›※‼‽‾‿⁀⁁⁂⁃⁄⁅⁆⁇⁈⁉⁊⁋⁌⁍⁎⁏⁐⁑⁒⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞&#x205F;&#x2060;&#x2061;&#x2062;&#x2063;&#x2064;&#x2066;&#x2067;&#x2068;&#x2069;&#x206A;
      &#x206B;&#x206C;&#x206D;&#x206E;&#x206F;⁰⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻
      ₼₽₾₿℀℁℃℄℅℆℈℉℔№℗℘℞℟℠℡™℣℥℧℩℮℺℻⅀⅁⅂⅃⅄⅊⅋⅌⅍⅏⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅟ⅠⅡⅢⅣⅤⅥ
      ⅦⅧⅨⅩⅪⅫⅬⅭⅮⅯⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻⅼⅽⅾⅿↀↁↂↅↆↇↈ↉↊↋←↑→↓↔↕↖↗↘↙↚↛↜↝↞↟↠↡↢↣↤↥↦↧
      ↨↩↪↫↬↭↮↯↰↱↲↳↴↵↶↷↸↹↺↻↼↽↾↿⇀⇁⇂⇃⇄⇅⇆⇇⇈⇉⇊⇋⇌⇍⇎⇏⇐⇑⇒⇓⇔⇕⇖⇗⇘⇙⇚⇛⇜⇝⇞⇟⇠⇡⇢⇣
      ⇤⇥⇦⇧⇨⇩⇪⇫⇬⇭⇮⇯⇰⇱⇲⇳⇴⇵⇶⇷⇸⇹⇺⇻⇼⇽⇾⇿∀∁∂∃∄∅∆∇∈∉∊∋∌∍∎∏∐∑−∓∔∕∖∗∘∙√∛∜∝∞∟
      ∠∡∢∣∤∥∦∧∨∩∪∫∬∭∮∯∰∱∲∳∴∵∶∷∸∹∺∻∼∽∾∿≀≁≂≃≄≅≆≇≈≉≊≋≌≍≎≏≐≑≒≓≔≕≖≗≘≙≚≛
      ≜≝≞≟≠≡≢≣≤≥≦≧≨≩≪≫≬≭≮≯≰≱≲≳≴≵≶≷≸≹≺≻≼≽≾≿⊀⊁⊂⊃⊄⊅⊆⊇⊈⊉⊊⊋⊌⊍⊎⊏⊐⊑⊒⊓⊔⊕⊖⊗
      ⊘⊙⊚⊛⊜⊝⊞⊟⊠⊡⊢⊣⊤⊥⊦⊧⊨⊩⊪⊫⊬⊭⊮⊯⊰⊱⊲⊳⊴⊵⊶⊷⊸⊹⊺⊻⊼⊽⊾⊿⋀⋁⋂⋃⋄⋅⋆⋇⋈⋉⋊⋋⋌⋍⋎⋏⋐⋑⋒⋓
      ⋔⋕⋖⋗⋘⋙⋚⋛⋜⋝⋞⋟⋠⋡⋢⋣⋤⋥⋦⋧⋨⋩⋪⋫⋬⋭⋮⋯⋰⋱⋲⋳⋴⋵⋶⋷⋸⋹⋺⋻⋼⋽⋾⋿⌀⌁⌂⌃⌄⌅⌆⌇⌈⌉⌊⌋⌌⌍⌎⌏
      ⌐⌑⌒⌓⌔⌕⌖⌗⌘⌙⌚⌛⌜⌝⌞⌟⌠⌡⌢⌣⌤⌥⌦⌧⌨〈〉⌫⌬⌭⌮⌯⌰⌱⌲⌳⌴⌵⌶⌷⌸⌹⌺⌻⌼⌽⌾⌿⍀⍁⍂⍃⍄⍅⍆⍇⍈⍉⍊⍋
      ⍌⍍⍎⍏⍐⍑⍒⍓⍔⍕⍖⍗⍘⍙⍚⍛⍜⍝⍞⍟⍠⍡⍢⍣⍤⍥⍦⍧⍨⍩⍪⍫⍬⍭⍮⍯⍰⍱⍲⍳⍴⍵⍶⍷⍸⍹⍺⍻⍼⍽⍾⍿⎀⎁⎂⎃⎄⎅⎆⎇
      ⎈⎉⎊⎋⎌⎍⎎⎏⎐⎑⎒⎓⎔⎕⎖⎗⎘⎙⎚⎛⎜⎝⎞⎟⎠⎡⎢⎣⎤⎥⎦⎧⎨⎩⎪⎫⎬⎭⎮⎯⎰⎱⎲⎳⎴⎵⎶⎷⎸⎹⎺⎻⎼⎽⎾⎿⏀⏁⏂⏃
      ⏄⏅⏆⏇⏈⏉⏊⏋⏌⏍⏎⏏⏐⏑⏒⏓⏔⏕⏖⏗⏘⏙⏚⏛⏜⏝⏞⏟⏠⏡⏢⏣⏤⏥⏦⏧⏨⏩⏪⏫⏬⏭⏮⏯⏰⏱⏲⏳⏴⏵⏶⏷⏸⏹⏺⏻⏼⏽⏾⏿
      ①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛
      ⒜⒝⒞⒟⒠⒡⒢⒣⒤⒥⒦⒧⒨⒩⒪⒫⒬⒭⒮⒯⒰⒱⒲⒳⒴⒵ⒶⒷⒸⒹⒺⒻⒼⒽⒾⒿⓀⓁⓂⓃⓄⓅⓆⓇⓈⓉⓊⓋⓌⓍⓎⓏⓐⓑⓒⓓⓔⓕⓖⓗ
      ⓘⓙⓚⓛⓜⓝⓞⓟⓠⓡⓢⓣⓤⓥⓦⓧⓨⓩ⓪⓫⓬⓭⓮⓯⓰⓱⓲⓳⓴⓵⓶⓷⓸⓹⓺⓻⓼⓽⓾⓿─━│┃┄┅┆┇┈┉┊┋┌┍┎┏┐┑┒┓
      └┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋╌╍╎╏
      ═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬╭╮╯╰╱╲╳╴╵╶╷╸╹╺╻╼╽╾╿▀▁▂▃▄▅▆▇█▉▊▋
      ▌▍▎▏▐░▒▓▔▕▖▗▘▙▚▛▜▝▞▟■□▢▣▤▥▦▧▨▩▪▫▬▭▮▯▰▱▲△▴▵▶▷▸▹►▻▼▽▾▿◀◁◂◃◄◅◆◇
      ◈◉◊○◌◍◎●◐◑◒◓◔◕◖◗◘◙◚◛◜◝◞◟◠◡◢◣◤◥◦◧◨◩◪◫◬◭◮◯◰◱◲◳◴◵◶◷◸◹◺◻◼◽◾◿☀☁☂☃
      ☄★☆☇☈☉☊☋☌☍☎☏☐☑☒☓☔☕☖☗☘☙☚☛☜☝☞☟☠☡☢☣☤☥☦☧☨☩☪☫☬☭☮☯☰☱☲☳☴☵☶☷☸☹☺☻☼☽☾☿
      ♀♁♂♃♄♅♆♇♈♉♊♋♌♍♎♏♐♑♒♓♔♕♖♗♘♙♚♛♜♝♞♟♠♡♢♣♤♥♦♧♨♩♪♫♬♭♮♯♰♱♲♳♴♵♶♷♸♹♺♻
      ♼♽♾♿⚀⚁⚂⚃⚄⚅⚆⚇⚈⚉⚊⚋⚌⚍⚎⚏⚐⚑⚒⚓⚔⚕⚖⚗⚘⚙⚚⚛⚜⚝⚞⚟⚠⚡⚢⚣⚤⚥⚦⚧⚨⚩⚪⚫⚬⚭⚮⚯⚰⚱⚲⚳⚴⚵⚶⚷
      ⚸⚹⚺⚻⚼⚽⚾⚿⛀⛁⛂⛃⛄⛅⛆⛇⛈⛉⛊⛋⛌⛍⛎⛏⛐⛑⛒⛓⛔⛕⛖⛗⛘⛙⛚⛛⛜⛝⛞⛟⛠⛡⛢⛣⛤⛥⛦⛧⛨⛩⛪⛫⛬⛭⛮⛯⛰⛱⛲⛳
      ⛴⛵⛶⛷⛸⛹⛺⛻⛼⛽⛾⛿✀✁✂✃✄✅✆✇✈✉✊✋✌✍✎✏✐✑✒✓✔✕✖✗✘✙✚✛✜✝✞✟✠✡✢✣✤✥✦✧✨✩✪✫✬✭✮✯
      ✰✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀❁❂❃❄❅❆❇❈❉❊❋❌❍❎❏❐❑❒❓❔❕❖❗❘❙❚❛❜❝❞❟❠❡❢❣❤❥❦❧❨❩❪❫
      ❬❭❮❯❰❱❲❳❴❵❶❷❸❹❺❻❼❽❾❿➀➁➂➃➄➅➆➇➈➉➊➋➌➍➎➏➐➑➒➓➔➕➖➗➘➙➚➛➜➝➞➟➠➡➢➣➤➥➦➧
      ➨➩➪➫➬➭➮➯➰➱➲➳➴➵➶➷➸➹➺➻➼➽➾➿&#x3000;、。〃〄〈〉《》「」『』【】〒〓〔〕〖〗〘〙〚〛〜〝〞〟〠〡〢〣〤〥〦
      〧〨〩〪〭〮〯〫〬〰〶〷〸〹〺〽〾〿・㈀㈁㈂㈃㈄㈅㈆㈇㈈㈉㈊㈋㈌㈍㈎㈏㈐㈑㈒㈓㈔㈕㈖㈗㈘㈙㈚㈛㈜㈝㈞㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩
      ㈪㈫㈬㈭㈮㈯㈰㈱㈲㈳㈴㈵㈶㈷㈸㈹㈺㈻㈼㈽㈾㈿㉀㉁㉂㉃㉄㉅㉆㉇㉈㉉㉊㉋㉌㉍㉎㉏㉐㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㉠㉡㉢㉣㉤㉥
      ㉦㉧㉨㉩㉪㉫㉬㉭㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻㉼㉽㉾㉿㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉㊊㊋㊌㊍㊎㊏㊐㊑㊒㊓㊔㊕㊖㊗㊘㊙㊚㊛㊜㊝㊞㊟㊠㊡
      ㊢㊣㊤㊥㊦㊧㊨㊩㊪㊫㊬㊭㊮㊯㊰㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿㋀㋁㋂㋃㋄㋅㋆㋇㋈㋉㋊㋋㋌㋍㋎㋏㋐㋑㋒㋓㋔㋕㋖㋗㋘㋙㋚㋛㋜㋝
      ㋞㋟㋠㋡㋢㋣㋤㋥㋦㋧㋨㋩㋪㋫㋬㋭㋮㋯㋰㋱㋲㋳㋴㋵㋶㋷㋸㋹㋺㋻㋼㋽㋾㋿㌀㌁㌂㌃㌄㌅㌆㌇㌈㌉㌊㌋㌌㌍㌎㌏㌐㌑㌒㌓㌔㌕㌖㌗㌘㌙
      ㌚㌛㌜㌝㌞㌟㌠㌡㌢㌣㌤㌥㌦㌧㌨㌩㌪㌫㌬㌭㌮㌯㌰㌱㌲㌳㌴㌵㌶㌷㌸㌹㌺㌻㌼㌽㌾㌿㍀㍁㍂㍃㍄㍅㍆㍇㍈㍉㍊㍋㍌㍍㍎㍏㍐㍑㍒㍓㍔㍕
      ㍖㍗㍘㍙㍚㍛㍜㍝㍞㍟㍠㍡㍢㍣㍤㍥㍦㍧㍨㍩㍪㍫㍬㍭㍮㍯㍰㍱㍲㍳㍴㍵㍶㍷㍸㍹㍺㍻㍼㍽㍾㍿㎀㎁㎂㎃㎄㎅㎆㎇㎈㎉㎊㎋㎌㎍㎎㎏㎐㎑
      ㎒㎓㎔㎕㎖㎗㎘㎙㎚㎛㎜㎝㎞㎟㎠㎡㎢㎣㎤㎥㎦㎧㎨㎩㎪㎫㎬㎭㎮㎯㎰㎱㎲㎳㎴㎵㎶㎷㎸㎹㎺㎻㎼㎽㎾㎿㏀㏁㏂㏃㏄㏅㏆㏇㏈㏉㏊㏋㏌㏍
      ㏎㏏㏐㏑㏒㏓㏔㏕㏖㏗㏘㏙㏚㏛㏜㏝㏞㏟㏠㏡㏢㏣㏤㏥㏦㏧㏨㏩㏪㏫㏬㏭㏮㏯㏰㏱㏲㏳㏴㏵㏶㏷㏸㏹㏺㏻㏼㏽㏾㏿︰︱︲︳︴︵︶︷︸︹
      ︺︻︼︽︾︿﹀﹁﹂﹃﹄﹅﹆﹇﹈﹉﹊﹋﹌﹍﹎﹏﹐﹑﹒﹔﹕﹖﹗﹘﹙﹚﹛﹜﹝﹞﹟﹠﹡﹢﹣﹤﹥﹦﹨﹩﹪﹫！＂＃＄％＆＇（）＊＋，
      －．／０１２３４５６７８９：；＜＝＞？＠［＼］＾＿｀｛｜｝～｟｠｡｢｣､･￠￡￢￣￤￥￦￨￩￪￫￬￭￮&#xFEFF;&#x9;&#xA;&#xD;</xsl:variable>

  <!-- ===== translate="no" ===== -->

  <!-- 'no' when $text has no letter, else 'yes'.  Cheap first: drop ASCII
       non-letters (from the first 64 characters, then, when those do not
       settle it, from all); a letter first, or among the first 16 remaining
       characters, settles it; only then scan the rest against the whole
       table.  (libxslt looks each character up in the table from its start:
       a letter costs the table's length, and most units start with one.) -->
  <xsl:template name="units:translate">
    <xsl:param name="text"/>
    <!-- the same, on the first 64 characters: most units settle there -->
    <xsl:variable name="h" select="translate(substring($text, 1, 64), $units:ascii-non-letters, '')"/>
    <xsl:choose>
      <xsl:when test="$h != '' and translate(substring($h, 1, 1), $units:non-letters, '') != ''">yes</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="units:translate-all">
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="units:translate-all">
    <xsl:param name="text"/>
    <xsl:variable name="t" select="translate($text, $units:ascii-non-letters, '')"/>
    <xsl:choose>
      <xsl:when test="$t = ''">no</xsl:when>
      <xsl:when test="translate(substring($t, 1, 1), $units:non-letters, '') != ''">yes</xsl:when>
      <xsl:when test="translate(substring($t, 2, 15), $units:non-letters, '') = ''
                      and translate(substring($t, 17), $units:non-letters, '') = ''">no</xsl:when>
      <xsl:otherwise>yes</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== file notes ===== -->

  <xsl:variable name="units:file-notes" select="/a:article/a:head/a:rights | /a:article/a:head/a:reservation"/>

  <xsl:template match="a:rights" mode="units:file-note">
    <xsl:call-template name="units:emit-file-note">
      <xsl:with-param name="kind" select="'rights'"/>
      <xsl:with-param name="text" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:reservation" mode="units:file-note">
    <xsl:call-template name="units:emit-file-note">
      <xsl:with-param name="kind" select="'tdm-reservation'"/>
      <xsl:with-param name="text">
        <xsl:text>The source reserves text and data mining (W3C TDMRep tdm-reservation=1): do not use this text or its translation for text and data mining or to train AI models.</xsl:text>
        <xsl:if test="@policy">
          <xsl:text> Policy: </xsl:text>
          <xsl:value-of select="@policy"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== blocks to units ===== -->

  <xsl:template name="units:units">
    <xsl:apply-templates select="a:head/a:title" mode="units:unit"/>
    <xsl:apply-templates select="a:body/*" mode="units:unit"/>
  </xsl:template>

  <xsl:template match="a:title" mode="units:unit">
    <xsl:call-template name="units:unit">
      <xsl:with-param name="where" select="'headline'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:body/a:p" mode="units:unit">
    <xsl:call-template name="units:unit">
      <xsl:with-param name="where">
        <xsl:text>paragraph </xsl:text>
        <xsl:call-template name="units:ordinal"><xsl:with-param name="prefix" select="'p'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:h2" mode="units:unit">
    <xsl:call-template name="units:unit">
      <xsl:with-param name="where">
        <xsl:text>subheading </xsl:text>
        <xsl:call-template name="units:ordinal"><xsl:with-param name="prefix" select="'h'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:figure" mode="units:unit">
    <xsl:variable name="n">
      <xsl:call-template name="units:ordinal"><xsl:with-param name="prefix" select="'f'"/></xsl:call-template>
    </xsl:variable>
    <xsl:for-each select="a:caption">
      <xsl:call-template name="units:unit">
        <xsl:with-param name="where" select="concat('caption of figure ', $n)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:variable name="alt" select="normalize-space(a:img/@alt)"/>
    <!-- the alt text: the attribute is the unit's content (its value, as
         text) -->
    <xsl:for-each select="(a:img/@alt)[1][$alt != '' and $alt != normalize-space(../../a:caption)]">
      <xsl:call-template name="units:unit">
        <xsl:with-param name="id" select="concat(../../@id, '.alt')"/>
        <xsl:with-param name="where" select="concat('alt text of figure ', $n)"/>
        <xsl:with-param name="content" select="."/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="a:credit[1]">
      <xsl:call-template name="units:unit">
        <xsl:with-param name="id" select="concat(../@id, '.credit')"/>
        <xsl:with-param name="where" select="concat('photo credit of figure ', $n)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="a:blockquote" mode="units:unit">
    <xsl:variable name="n">
      <xsl:call-template name="units:ordinal"><xsl:with-param name="prefix" select="'q'"/></xsl:call-template>
    </xsl:variable>
    <xsl:for-each select="a:p">
      <xsl:call-template name="units:unit">
        <xsl:with-param name="where">
          <xsl:text>quoted paragraph </xsl:text>
          <xsl:call-template name="units:ordinal">
            <xsl:with-param name="prefix" select="concat(../@id, '.p')"/>
          </xsl:call-template>
          <xsl:value-of select="concat(' of quote ', $n)"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="a:cite">
      <xsl:call-template name="units:unit">
        <xsl:with-param name="id" select="concat(../@id, '.cite')"/>
        <xsl:with-param name="where" select="concat('source cited by quote ', $n)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="a:ul | a:ol" mode="units:unit">
    <xsl:apply-templates select="a:li" mode="units:unit"/>
  </xsl:template>

  <xsl:template match="a:li" mode="units:unit">
    <xsl:call-template name="units:unit">
      <xsl:with-param name="where">
        <xsl:apply-templates select="." mode="units:where"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="a:ul | a:ol" mode="units:unit"/>
  </xsl:template>

  <!-- "item 2 of list 1", "item 1 of the list in item 2 of list 1" -->
  <xsl:template match="a:li" mode="units:where">
    <xsl:text>item </xsl:text>
    <xsl:call-template name="units:ordinal">
      <xsl:with-param name="prefix" select="concat(../@id, '.i')"/>
    </xsl:call-template>
    <xsl:text> of </xsl:text>
    <xsl:apply-templates select=".." mode="units:where"/>
  </xsl:template>

  <xsl:template match="a:ul | a:ol" mode="units:where">
    <xsl:choose>
      <xsl:when test="parent::a:li">
        <xsl:text>the list in </xsl:text>
        <xsl:apply-templates select=".." mode="units:where"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>list </xsl:text>
        <xsl:call-template name="units:ordinal"><xsl:with-param name="prefix" select="'l'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="units:unit"/>

  <!-- The number of the context block among its siblings of its kind
       (p, h2, figure, blockquote, li; ul and ol together), read from its
       id after $prefix as the front end numbers them ("p12", "q1.p2",
       "l1.i1.l.i3"); counted only when the id does not say (an article
       written by hand): a count per block is quadratic in libxslt. -->
  <xsl:template name="units:ordinal">
    <xsl:param name="prefix"/>
    <xsl:variable name="n" select="substring(@id, string-length($prefix) + 1)"/>
    <xsl:choose>
      <xsl:when test="starts-with(@id, $prefix) and $n != ''
                      and translate($n, '0123456789', '') = ''">
        <xsl:value-of select="$n"/>
      </xsl:when>
      <xsl:when test="self::a:ul or self::a:ol">
        <xsl:value-of select="count(preceding-sibling::a:ul | preceding-sibling::a:ol) + 1"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="count(preceding-sibling::*[local-name() = local-name(current())]) + 1"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The unit of the context block (or img/@alt), named after it: its
       inline content (a list item's nested list is left out). -->
  <xsl:template name="units:unit">
    <xsl:param name="id" select="@id"/>
    <xsl:param name="where"/>
    <xsl:param name="content"
        select="node()[not(self::a:*[contains($model:lists, concat(' ', local-name(), ' '))])]"/>
    <xsl:variable name="text">
      <xsl:for-each select="$content"><xsl:value-of select="."/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="translate">
      <xsl:choose>
        <xsl:when test="@translate = 'no'">no</xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="units:translate">
            <xsl:with-param name="text" select="string($text)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="units:emit-unit">
      <xsl:with-param name="id" select="string($id)"/>
      <xsl:with-param name="name" select="local-name()"/>
      <xsl:with-param name="where" select="string($where)"/>
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="translate" select="string($translate)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== sentences ===== -->

  <!-- The segments of a unit's content $nodes. -->
  <xsl:template name="units:segments">
    <xsl:param name="nodes"/>
    <xsl:choose>
      <xsl:when test="$nodes[self::a:s]">
        <xsl:call-template name="units:parts">
          <xsl:with-param name="nodes" select="$nodes"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="units:emit-segment">
          <xsl:with-param name="id" select="'seg1'"/>
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="base" select="0"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The parts of a block that has sentences: $nodes (its content, or a
       stretch of it), codes numbered from $base + 1, $sentences s before
       it in the block.  Each s is a part, and so is each run of other nodes
       between sentences.  Split before the middle sentence (after it when
       it comes first) and recurse: the recursion stays shallow, and no
       sentence or run needs a count over everything before it (quadratic
       or worse on a paragraph of thousands of sentences). -->
  <xsl:template name="units:parts">
    <xsl:param name="nodes"/>
    <xsl:param name="base" select="0"/>
    <xsl:param name="sentences" select="0"/>
    <xsl:variable name="s" select="$nodes[self::a:s]"/>
    <xsl:choose>
      <xsl:when test="count($nodes) &lt;= 64">
        <xsl:call-template name="units:walk">
          <xsl:with-param name="node" select="$nodes[1]"/>
          <xsl:with-param name="last" select="$nodes[last()]"/>
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="sentences" select="$sentences"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="not($s)">
        <xsl:call-template name="units:run">
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="number" select="$sentences + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="count($nodes) = 1">
        <xsl:call-template name="units:emit-segment">
          <xsl:with-param name="id" select="string($s/@id)"/>
          <xsl:with-param name="nodes" select="$s/node()"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="pivot" select="$s[floor((count($s) + 1) div 2)]"/>
        <!-- the pivot's position in $nodes (no list comes before an s) -->
        <xsl:variable name="p" select="count($pivot/preceding-sibling::node())
                                       - count($nodes[1]/preceding-sibling::node()) + 1"/>
        <xsl:variable name="cut" select="$p - 1 + number($p = 1)"/>
        <xsl:variable name="left" select="$nodes[position() &lt;= $cut]"/>
        <xsl:call-template name="units:parts">
          <xsl:with-param name="nodes" select="$left"/>
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="sentences" select="$sentences"/>
        </xsl:call-template>
        <xsl:call-template name="units:parts">
          <xsl:with-param name="nodes" select="$nodes[position() &gt; $cut]"/>
          <xsl:with-param name="base"
              select="$base + count($left/descendant-or-self::a:*[contains($model:inline, concat(' ', local-name(), ' '))])"/>
          <xsl:with-param name="sentences" select="$sentences + count($left[self::a:s])"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The parts of a short stretch of a block's content, from $node to
       $last (siblings, a nested list among them left out), one node after
       the other: each s, and each run of other nodes ($run, so far) between
       sentences.  (A walk is as deep as the stretch is long: units:parts
       halves a long one first.) -->
  <xsl:template name="units:walk">
    <xsl:param name="node"/>
    <xsl:param name="last"/>
    <xsl:param name="run" select="/.."/>
    <xsl:param name="base"/>
    <xsl:param name="sentences"/>
    <xsl:variable name="end" select="count($node | $last) = 1"/>
    <xsl:choose>
      <xsl:when test="$node/self::a:s">
        <xsl:if test="$run">
          <xsl:call-template name="units:run">
            <xsl:with-param name="nodes" select="$run"/>
            <xsl:with-param name="base" select="$base"/>
            <xsl:with-param name="number" select="$sentences + 1"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:variable name="at"
            select="$base + count($run/descendant-or-self::a:*[contains($model:inline, concat(' ', local-name(), ' '))])"/>
        <xsl:call-template name="units:emit-segment">
          <xsl:with-param name="id" select="string($node/@id)"/>
          <xsl:with-param name="nodes" select="$node/node()"/>
          <xsl:with-param name="base" select="$at"/>
        </xsl:call-template>
        <xsl:if test="not($end)">
          <xsl:call-template name="units:walk">
            <xsl:with-param name="node" select="$node/following-sibling::node()[1]"/>
            <xsl:with-param name="last" select="$last"/>
            <xsl:with-param name="base"
                select="$at + count($node/descendant::a:*[contains($model:inline, concat(' ', local-name(), ' '))])"/>
            <xsl:with-param name="sentences" select="$sentences + 1"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$node/self::a:*[contains($model:lists, concat(' ', local-name(), ' '))]">
        <xsl:call-template name="units:walk">
          <xsl:with-param name="node" select="$node/following-sibling::node()[1]"/>
          <xsl:with-param name="last" select="$last"/>
          <xsl:with-param name="run" select="$run"/>
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="sentences" select="$sentences"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$end">
        <xsl:call-template name="units:run">
          <xsl:with-param name="nodes" select="$run | $node"/>
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="number" select="$sentences + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="units:walk">
          <xsl:with-param name="node" select="$node/following-sibling::node()[1]"/>
          <xsl:with-param name="last" select="$last"/>
          <xsl:with-param name="run" select="$run | $node"/>
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="sentences" select="$sentences"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Nodes between sentences: a segment of their own when they hold text,
       else what lies between segments (white space, a br). -->
  <xsl:template name="units:run">
    <xsl:param name="nodes"/>
    <xsl:param name="base"/>
    <xsl:param name="number"/>
    <xsl:choose>
      <xsl:when test="$nodes/descendant-or-self::text()[normalize-space()]">
        <xsl:call-template name="units:emit-segment">
          <xsl:with-param name="id" select="concat('seg', $number)"/>
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="units:emit-between">
          <xsl:with-param name="number" select="$number"/>
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== inline content ===== -->

  <!-- Inline content: the sibling nodes $nodes, in document order, whose
       codes are numbered from $base + 1 in document order.  The node list is
       halved rather than walked (xsl:number or a preceding:: count per code
       is quadratic, and a page with thousands of br in one paragraph
       exists), so recursion stays shallow and each number cheap. -->
  <xsl:template name="units:inline">
    <xsl:param name="nodes"/>
    <xsl:param name="base" select="0"/>
    <xsl:variable name="count" select="count($nodes)"/>
    <xsl:choose>
      <xsl:when test="$count = 1">
        <xsl:apply-templates select="$nodes" mode="units:inline">
          <xsl:with-param name="base" select="$base"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:when test="not($nodes/descendant-or-self::*)">
        <xsl:for-each select="$nodes"><xsl:value-of select="self::text()"/></xsl:for-each>
      </xsl:when>
      <xsl:when test="$count &gt; 1">
        <xsl:variable name="half" select="floor($count div 2)"/>
        <xsl:variable name="left" select="$nodes[position() &lt;= $half]"/>
        <xsl:call-template name="units:inline">
          <xsl:with-param name="nodes" select="$left"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
        <xsl:call-template name="units:inline">
          <xsl:with-param name="nodes" select="$nodes[position() &gt; $half]"/>
          <xsl:with-param name="base"
              select="$base + count($left/descendant-or-self::a:*[contains($model:inline, concat(' ', local-name(), ' '))])"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- An element: a code of its own when it is inline markup (a spanning
       code when it has content), else unwrapped to its content (s in a
       block's content is handled by units:parts). -->
  <xsl:template match="*" mode="units:inline">
    <xsl:param name="base"/>
    <xsl:choose>
      <xsl:when test="self::a:span[@translate = 'no']">
        <xsl:call-template name="units:emit-protected">
          <xsl:with-param name="n" select="$base + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="self::a:*[contains($model:spans, concat(' ', local-name(), ' '))]">
        <xsl:call-template name="units:emit-spanning-code">
          <xsl:with-param name="n" select="$base + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="self::a:*[contains($model:inline, concat(' ', local-name(), ' '))]">
        <xsl:call-template name="units:emit-standalone-code">
          <xsl:with-param name="n" select="$base + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="units:inline">
          <xsl:with-param name="nodes" select="node()"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="units:inline"/>
</xsl:stylesheet>
