<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-xliff20.xsl - an artx article as an XLIFF 2.0 file (core, OASIS
  Standard 2014), ready for a CAT tool, and carrying everything a merge needs
  to rebuild the article from the XLIFF alone.

  One file, id "article", original = the source URL (head/source/@href)
  when there is one.

  Units, one per translatable block, in reading order; unit/@id is the
  block's id and unit/@name its element name:
    title         the headline (head/title)
    p, h2         body paragraphs and subheadings
    f1.c          a figure's caption
    f1.alt        the image's alt text, only when it is not empty and differs
                  from the caption text (after normalize-space); a merge that
                  finds no f1.alt unit should give the img the translated
                  caption as alt text
    f1.credit     the figure's credit line (a photo credit such as
                  "연합뉴스 제공" or "/AFP"; it has no id of its own)
    l1.i2         a list item (its own text; a nested list's items follow as
                  units of their own: l1.i2.l.i1 ...)
    q1.p1         a quoted paragraph; q1.cite the quote's cite line, if any
  Each unit has a note saying where it sits ("headline", "paragraph 3",
  "subheading 1", "caption of figure 2", "alt text of figure 2", "photo
  credit of figure 2", "item 2 of list 1", "quoted paragraph 1 of quote 1")
  and translate="no" when its text has no letters at all (only digits,
  punctuation, symbols or nothing).

  Segments: a block with s elements (sentences from the segmenter) gives one
  segment per s (segment/@id = the s id) and an ignorable for the whitespace
  (or a lone br) between sentences; text outside any s becomes a segment
  "segN" of its own.  A block without s gives one segment "seg1".  A merge
  puts a segment whose id names an s of the block back into that s.

  Inline markup: a, em, strong, sub, sup, span become pc, br becomes ph;
  their ids are numbered per unit (1, 2, ... in document order) and their
  original markup is in the unit's originalData (data d1 / d1e for the
  start and end of pc 1, d2 for ph 2).  pc type: link (a), fmt with subType
  xlf:i (em), xlf:b (strong), artx:sub, artx:sup, other with artx:lang
  (span); ph type fmt, subType xlf:lb.  canCopy, canDelete and canReorder
  keep their defaults (yes).  Other elements are unwrapped.

  Merge data: the file's skeleton holds an unchanged copy of the source
  article; a merge replaces each block's content with its unit's target.
  File notes carry head/rights and, when head/reservation is present, the
  source's text and data mining reservation.

  Parameters:
    target-lang   BCP 47 tag for xliff/@trgLang; default '' (no trgLang).
    source-lang   BCP 47 tag for xliff/@srcLang; default '' (the article's
                  xml:lang).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns="urn:oasis:names:tc:xliff:document:2.0"
    exclude-result-prefixes="a">
  <xsl:include href="strings.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <!-- An article read from a file has indentation between its structural
       elements; it is not content and must not reach the merge data. -->
  <xsl:strip-space elements="a:article a:head a:body a:figure a:blockquote a:ul a:ol"/>

  <xsl:param name="target-lang" select="''"/>
  <xsl:param name="source-lang" select="''"/>

  <!-- Characters that are not letters: ASCII and Latin-1 punctuation and
       digits, general punctuation, super- and subscripts, currency, letterlike
       and number forms, arrows, mathematical and technical symbols, enclosed
       alphanumerics, box drawing, shapes, dingbats, CJK symbols and
       punctuation, enclosed CJK and compatibility units (㎞), fullwidth
       forms.  A unit whose text is made only of these is not translated. -->
  <xsl:variable name="ascii-non-letters"
      >&#x20;&#x9;&#xA;&#xD;!"#$%&amp;'()*+,-./0123456789:;&lt;=&gt;?@[\]^_`{|}~</xsl:variable>
  <!-- (line breaks and indentation inside are white space: non-letters too) -->
  <xsl:variable name="non-letters">&#x20;!"#$%&amp;'()*+,-./0123456789:;&lt;=&gt;?@[\]^_`{|}~&#xA0;¡¢£¤¥¦§¨©«¬&#xAD;®¯°±
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

  <xsl:template match="/">
    <xsl:if test="not(a:article)">
      <xsl:message terminate="yes">article-to-xliff20.xsl: the input is not an artx article (urn:artx:article)</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="a:article"/>
  </xsl:template>

  <xsl:template match="a:article">
    <xsl:variable name="src">
      <xsl:choose>
        <xsl:when test="$source-lang != ''"><xsl:value-of select="$source-lang"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@xml:lang"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xliff version="2.0" srcLang="{$src}">
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
          <xsl:copy-of select="."/>
        </skeleton>
        <xsl:if test="a:head/a:rights | a:head/a:reservation">
          <xsl:text>&#10;  </xsl:text>
          <notes>
            <xsl:apply-templates select="a:head/a:rights | a:head/a:reservation" mode="file-note"/>
          </notes>
        </xsl:if>
        <xsl:apply-templates select="a:head/a:title" mode="unit"/>
        <xsl:apply-templates select="a:body/*" mode="unit"/>
        <xsl:text>&#10;</xsl:text>
      </file>
      <xsl:text>&#10;</xsl:text>
    </xliff>
  </xsl:template>

  <!-- ===== file notes ===== -->

  <xsl:template match="a:rights" mode="file-note">
    <note id="rights" category="rights"><xsl:value-of select="."/></note>
  </xsl:template>

  <xsl:template match="a:reservation" mode="file-note">
    <note id="tdm-reservation" category="tdm-reservation">
      <xsl:text>The source reserves text and data mining (W3C TDMRep tdm-reservation=1): do not use this text or its translation for text and data mining or to train AI models.</xsl:text>
      <xsl:if test="@policy">
        <xsl:text> Policy: </xsl:text>
        <xsl:value-of select="@policy"/>
      </xsl:if>
    </note>
  </xsl:template>

  <!-- ===== blocks to units ===== -->

  <xsl:template match="a:title" mode="unit">
    <xsl:call-template name="unit">
      <xsl:with-param name="where" select="'headline'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:body/a:p" mode="unit">
    <xsl:call-template name="unit">
      <xsl:with-param name="where" select="concat('paragraph ', count(preceding-sibling::a:p) + 1)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:h2" mode="unit">
    <xsl:call-template name="unit">
      <xsl:with-param name="where" select="concat('subheading ', count(preceding-sibling::a:h2) + 1)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:figure" mode="unit">
    <xsl:variable name="n" select="count(preceding-sibling::a:figure) + 1"/>
    <xsl:apply-templates select="a:caption" mode="unit">
      <xsl:with-param name="n" select="$n"/>
    </xsl:apply-templates>
    <xsl:variable name="alt" select="normalize-space(a:img/@alt)"/>
    <xsl:if test="$alt != '' and $alt != normalize-space(a:caption)">
      <xsl:call-template name="text-unit">
        <xsl:with-param name="id" select="concat(@id, '.alt')"/>
        <xsl:with-param name="name" select="'alt'"/>
        <xsl:with-param name="where" select="concat('alt text of figure ', $n)"/>
        <xsl:with-param name="text" select="string(a:img/@alt)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="a:credit">
      <xsl:call-template name="text-unit">
        <xsl:with-param name="id" select="concat(@id, '.credit')"/>
        <xsl:with-param name="name" select="'credit'"/>
        <xsl:with-param name="where" select="concat('photo credit of figure ', $n)"/>
        <xsl:with-param name="text" select="string(a:credit)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:caption" mode="unit">
    <xsl:param name="n"/>
    <xsl:call-template name="unit">
      <xsl:with-param name="where" select="concat('caption of figure ', $n)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:blockquote" mode="unit">
    <xsl:variable name="n" select="count(preceding-sibling::a:blockquote) + 1"/>
    <xsl:for-each select="a:p">
      <xsl:call-template name="unit">
        <xsl:with-param name="where"
            select="concat('quoted paragraph ', count(preceding-sibling::a:p) + 1, ' of quote ', $n)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="a:cite">
      <xsl:call-template name="unit">
        <xsl:with-param name="id" select="concat(../@id, '.cite')"/>
        <xsl:with-param name="where" select="concat('source cited by quote ', $n)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="a:ul | a:ol" mode="unit">
    <xsl:apply-templates select="a:li" mode="unit"/>
  </xsl:template>

  <xsl:template match="a:li" mode="unit">
    <xsl:call-template name="unit">
      <xsl:with-param name="where">
        <xsl:apply-templates select="." mode="where"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="a:ul | a:ol" mode="unit"/>
  </xsl:template>

  <!-- "item 2 of list 1", "item 1 of the list in item 2 of list 1" -->
  <xsl:template match="a:li" mode="where">
    <xsl:value-of select="concat('item ', count(preceding-sibling::a:li) + 1, ' of ')"/>
    <xsl:apply-templates select=".." mode="where"/>
  </xsl:template>

  <xsl:template match="a:ul | a:ol" mode="where">
    <xsl:choose>
      <xsl:when test="parent::a:li">
        <xsl:text>the list in </xsl:text>
        <xsl:apply-templates select=".." mode="where"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('list ', count(preceding-sibling::a:ul | preceding-sibling::a:ol) + 1)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="unit"/>

  <!-- One unit for the context block (its inline content; a list item's
       nested list is left out). -->
  <xsl:template name="unit">
    <xsl:param name="id" select="@id"/>
    <xsl:param name="where"/>
    <xsl:variable name="content" select="node()[not(self::a:ul or self::a:ol)]"/>
    <xsl:variable name="codes" select="$content/descendant-or-self::*[self::a:a or self::a:em or self::a:strong or self::a:sub or self::a:sup or self::a:span or self::a:br]"/>
    <xsl:variable name="text">
      <xsl:for-each select="$content"><xsl:value-of select="."/></xsl:for-each>
    </xsl:variable>
    <xsl:text>&#10;  </xsl:text>
    <unit id="{$id}" name="{local-name()}">
      <xsl:call-template name="translate-attr">
        <xsl:with-param name="text" select="string($text)"/>
      </xsl:call-template>
      <xsl:text>&#10;    </xsl:text>
      <notes><note category="location"><xsl:value-of select="$where"/></note></notes>
      <xsl:if test="$codes">
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
      <xsl:choose>
        <xsl:when test="$content[self::a:s]">
          <xsl:call-template name="parts">
            <xsl:with-param name="nodes" select="$content"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>&#10;    </xsl:text>
          <segment id="seg1" state="initial">
            <source>
              <xsl:call-template name="inline">
                <xsl:with-param name="nodes" select="$content"/>
              </xsl:call-template>
            </source>
          </segment>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#10;  </xsl:text>
    </unit>
  </xsl:template>

  <!-- A unit for plain text that has no element of its own (alt, credit). -->
  <xsl:template name="text-unit">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <xsl:param name="where"/>
    <xsl:param name="text"/>
    <xsl:text>&#10;  </xsl:text>
    <unit id="{$id}" name="{$name}">
      <xsl:call-template name="translate-attr">
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
      <xsl:text>&#10;    </xsl:text>
      <notes><note category="location"><xsl:value-of select="$where"/></note></notes>
      <xsl:text>&#10;    </xsl:text>
      <segment id="seg1" state="initial">
        <source><xsl:value-of select="$text"/></source>
      </segment>
      <xsl:text>&#10;  </xsl:text>
    </unit>
  </xsl:template>

  <!-- translate="no" when the text has no letter.  Cheap first: drop ASCII
       non-letters; a letter among the first 16 remaining characters settles
       it; only then scan the rest against the whole table. -->
  <xsl:template name="translate-attr">
    <xsl:param name="text"/>
    <xsl:variable name="t" select="translate($text, $ascii-non-letters, '')"/>
    <xsl:if test="$t = '' or (translate(substring($t, 1, 16), $non-letters, '') = ''
                              and translate($t, $non-letters, '') = '')">
      <xsl:attribute name="translate">no</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ===== sentences ===== -->

  <!-- The parts of a block that has sentences: $nodes (its content, or a
       stretch of it), codes numbered from $base + 1.  Each s is a part, and
       so is each run of other nodes between sentences.  Split before the
       middle sentence (after it when it comes first) and recurse: the
       recursion stays shallow, and no sentence needs a count over everything
       before it (quadratic or worse on a paragraph of thousands of
       sentences). -->
  <xsl:template name="parts">
    <xsl:param name="nodes"/>
    <xsl:param name="base" select="0"/>
    <xsl:variable name="s" select="$nodes[self::a:s]"/>
    <xsl:choose>
      <xsl:when test="not($s)">
        <xsl:call-template name="run">
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="count($nodes) = 1">
        <xsl:for-each select="$nodes">
          <xsl:call-template name="sentence">
            <xsl:with-param name="base" select="$base"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="pivot" select="$s[floor((count($s) + 1) div 2)]"/>
        <!-- the pivot's position in $nodes (no list comes before an s) -->
        <xsl:variable name="p" select="count($pivot/preceding-sibling::node())
                                       - count($nodes[1]/preceding-sibling::node()) + 1"/>
        <xsl:variable name="cut" select="$p - 1 + number($p = 1)"/>
        <xsl:variable name="left" select="$nodes[position() &lt;= $cut]"/>
        <xsl:call-template name="parts">
          <xsl:with-param name="nodes" select="$left"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
        <xsl:call-template name="parts">
          <xsl:with-param name="nodes" select="$nodes[position() &gt; $cut]"/>
          <xsl:with-param name="base" select="$base + count($left/descendant-or-self::*[self::a:a or self::a:em or self::a:strong or self::a:sub or self::a:sup or self::a:span or self::a:br])"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The context s as a segment. -->
  <xsl:template name="sentence">
    <xsl:param name="base"/>
    <xsl:text>&#10;    </xsl:text>
    <segment id="{@id}" state="initial">
      <source>
        <xsl:call-template name="inline">
          <xsl:with-param name="nodes" select="node()"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </source>
    </segment>
  </xsl:template>

  <!-- Nodes between sentences: an ignorable when they hold no text (white
       space, a br), else a segment of their own. -->
  <xsl:template name="run">
    <xsl:param name="nodes"/>
    <xsl:param name="base"/>
    <xsl:variable name="k" select="count($nodes[1]/preceding-sibling::a:s) + 1"/>
    <xsl:text>&#10;    </xsl:text>
    <xsl:choose>
      <xsl:when test="$nodes/descendant-or-self::text()[normalize-space()]">
        <segment id="seg{$k}" state="initial">
          <source>
            <xsl:call-template name="inline">
              <xsl:with-param name="nodes" select="$nodes"/>
              <xsl:with-param name="base" select="$base"/>
            </xsl:call-template>
          </source>
        </segment>
      </xsl:when>
      <xsl:otherwise>
        <ignorable id="ign{$k}">
          <source>
            <xsl:call-template name="inline">
              <xsl:with-param name="nodes" select="$nodes"/>
              <xsl:with-param name="base" select="$base"/>
            </xsl:call-template>
          </source>
        </ignorable>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== inline content ===== -->

  <!-- Inline content: the sibling nodes $nodes, in document order, whose
       codes are numbered from $base + 1 in document order.  The node list is
       halved rather than walked (xsl:number or a preceding:: count per code
       is quadratic, and a page with thousands of br in one paragraph
       exists), so recursion stays shallow and each number cheap. -->
  <xsl:template name="inline">
    <xsl:param name="nodes"/>
    <xsl:param name="base" select="0"/>
    <xsl:variable name="count" select="count($nodes)"/>
    <xsl:choose>
      <xsl:when test="$count = 1">
        <xsl:apply-templates select="$nodes" mode="inline">
          <xsl:with-param name="base" select="$base"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:when test="not($nodes/descendant-or-self::*)">
        <xsl:for-each select="$nodes"><xsl:value-of select="self::text()"/></xsl:for-each>
      </xsl:when>
      <xsl:when test="$count &gt; 1">
        <xsl:variable name="half" select="floor($count div 2)"/>
        <xsl:variable name="left" select="$nodes[position() &lt;= $half]"/>
        <xsl:call-template name="inline">
          <xsl:with-param name="nodes" select="$left"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
        <xsl:call-template name="inline">
          <xsl:with-param name="nodes" select="$nodes[position() &gt; $half]"/>
          <xsl:with-param name="base"
              select="$base + count($left/descendant-or-self::*[self::a:a or self::a:em or self::a:strong or self::a:sub or self::a:sup or self::a:span or self::a:br])"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:a | a:em | a:strong | a:sub | a:sup | a:span" mode="inline">
    <xsl:param name="base"/>
    <xsl:variable name="n" select="$base + 1"/>
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
      <xsl:call-template name="inline">
        <xsl:with-param name="nodes" select="node()"/>
        <xsl:with-param name="base" select="$n"/>
      </xsl:call-template>
    </pc>
  </xsl:template>

  <xsl:template match="a:br" mode="inline">
    <xsl:param name="base"/>
    <xsl:variable name="n" select="$base + 1"/>
    <ph id="{$n}" dataRef="d{$n}" type="fmt" subType="xlf:lb"/>
  </xsl:template>

  <!-- s inside a block's content is handled by the unit; anything else
       unknown is unwrapped to its text. -->
  <xsl:template match="*" mode="inline">
    <xsl:param name="base"/>
    <xsl:call-template name="inline">
      <xsl:with-param name="nodes" select="node()"/>
      <xsl:with-param name="base" select="$base"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="inline"/>

  <!-- ===== originalData: the article markup of each code ===== -->

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
