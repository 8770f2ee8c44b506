<?xml version="1.0" encoding="UTF-8"?>
<!--
  article-to-xliff12.xsl - an artx article as an XLIFF 1.2 file (strict
  schema), for the CAT tools that read only 1.2 (OmegaT 3.6, translate-
  toolkit), carrying everything a merge needs to rebuild the article.

  One file: original = the source URL (head/source/@href) or "article",
  datatype "xml", source-language the article's xml:lang.

  Trans-units, one per translatable block, in reading order; trans-unit/@id
  is the block's id and @resname its element name:
    title         the headline (head/title)
    p, h2         body paragraphs and subheadings
    f1.c          a figure's caption
    f1.alt        the image's alt text, only when it is not empty and differs
                  from the caption text (after normalize-space); a merge that
                  finds no f1.alt unit should give the img the translated
                  caption as alt text
    f1.credit     the figure's credit line (it has no id of its own)
    l1.i2         a list item (its own text; a nested list's items follow as
                  units of their own: l1.i2.l.i1 ...)
    q1.p1         a quoted paragraph; q1.cite the quote's cite line, if any
  Each trans-unit has xml:space="preserve", a note saying where it sits
  ("headline", "paragraph 3", "subheading 1", "caption of figure 2", "alt
  text of figure 2", "photo credit of figure 2", "item 2 of list 1", "quoted
  paragraph 1 of quote 1") and translate="no" when its text has no letters
  at all (only digits, punctuation, symbols or nothing).

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

  Parameters:
    target-lang     file/@target-language (and target/@xml:lang); default ''
                    (none).
    source-lang     file/@source-language; default '' (the article's
                    xml:lang).
    prefill-target  'yes' | 'no', default 'no'.  'yes' gives every trans-unit
                    a <target state="needs-translation"> holding a copy of the
                    segmented source (the same mrk mtype="seg"), because
                    OmegaT 3.6 translates only target and makes one segment
                    per mrk in it; a unit with translate="no" gets
                    state="final" instead.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:artx:article"
    xmlns="urn:oasis:names:tc:xliff:document:1.2"
    exclude-result-prefixes="a">
  <xsl:include href="strings.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <!-- An article read from a file has indentation between its structural
       elements; it is not content and must not reach the merge data. -->
  <xsl:strip-space elements="a:article a:head a:body a:figure a:blockquote a:ul a:ol"/>

  <xsl:param name="target-lang" select="''"/>
  <xsl:param name="source-lang" select="''"/>
  <xsl:param name="prefill-target" select="'no'"/>

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
      <xsl:message terminate="yes">article-to-xliff12.xsl: the input is not an artx article (urn:artx:article)</xsl:message>
    </xsl:if>
    <xsl:if test="$prefill-target != 'yes' and $prefill-target != 'no'">
      <xsl:message terminate="yes">article-to-xliff12.xsl: prefill-target must be 'yes' or 'no'</xsl:message>
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
        <xsl:attribute name="source-language">
          <xsl:choose>
            <xsl:when test="$source-lang != ''"><xsl:value-of select="$source-lang"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@xml:lang"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:if test="$target-lang != ''">
          <xsl:attribute name="target-language"><xsl:value-of select="$target-lang"/></xsl:attribute>
        </xsl:if>
        <xsl:text>&#10;</xsl:text>
        <header>
          <xsl:text>&#10;  </xsl:text>
          <skl><internal-file form="application/xml"><xsl:apply-templates select="." mode="serialise"/></internal-file></skl>
          <xsl:apply-templates select="a:head/a:rights | a:head/a:reservation" mode="file-note"/>
          <xsl:text>&#10;</xsl:text>
        </header>
        <xsl:text>&#10;</xsl:text>
        <body>
          <xsl:apply-templates select="a:head/a:title" mode="unit"/>
          <xsl:apply-templates select="a:body/*" mode="unit"/>
          <xsl:text>&#10;</xsl:text>
        </body>
        <xsl:text>&#10;</xsl:text>
      </file>
      <xsl:text>&#10;</xsl:text>
    </xliff>
  </xsl:template>

  <!-- ===== header notes ===== -->

  <xsl:template match="a:rights" mode="file-note">
    <xsl:text>&#10;  </xsl:text>
    <note from="artx"><xsl:value-of select="."/></note>
  </xsl:template>

  <xsl:template match="a:reservation" mode="file-note">
    <xsl:text>&#10;  </xsl:text>
    <note from="artx">
      <xsl:text>The source reserves text and data mining (W3C TDMRep tdm-reservation=1): do not use this text or its translation for text and data mining or to train AI models.</xsl:text>
      <xsl:if test="@policy">
        <xsl:text> Policy: </xsl:text>
        <xsl:value-of select="@policy"/>
      </xsl:if>
    </note>
  </xsl:template>

  <!-- ===== blocks to trans-units ===== -->

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

  <!-- One trans-unit for the context block (its inline content; a list
       item's nested list is left out). -->
  <xsl:template name="unit">
    <xsl:param name="id" select="@id"/>
    <xsl:param name="where"/>
    <xsl:variable name="content" select="node()[not(self::a:ul or self::a:ol)]"/>
    <xsl:variable name="text">
      <xsl:for-each select="$content"><xsl:value-of select="."/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="translate">
      <xsl:call-template name="translate">
        <xsl:with-param name="text" select="string($text)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="segmented">
      <xsl:choose>
        <xsl:when test="$content[self::a:s]">
          <xsl:call-template name="parts">
            <xsl:with-param name="nodes" select="$content"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <mrk mtype="seg" mid="seg1">
            <xsl:call-template name="inline">
              <xsl:with-param name="nodes" select="$content"/>
            </xsl:call-template>
          </mrk>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:text>&#10;  </xsl:text>
    <trans-unit id="{$id}" resname="{local-name()}">
      <xsl:attribute name="xml:space">preserve</xsl:attribute>
      <xsl:if test="$translate = 'no'">
        <xsl:attribute name="translate">no</xsl:attribute>
      </xsl:if>
      <xsl:text>&#10;    </xsl:text>
      <source>
        <xsl:call-template name="inline">
          <xsl:with-param name="nodes" select="$content"/>
        </xsl:call-template>
      </source>
      <xsl:text>&#10;    </xsl:text>
      <seg-source><xsl:copy-of select="$segmented"/></seg-source>
      <xsl:call-template name="target">
        <xsl:with-param name="translate" select="string($translate)"/>
        <xsl:with-param name="segmented" select="$segmented"/>
      </xsl:call-template>
      <xsl:text>&#10;    </xsl:text>
      <note from="artx"><xsl:value-of select="$where"/></note>
      <xsl:text>&#10;  </xsl:text>
    </trans-unit>
  </xsl:template>

  <!-- A trans-unit for plain text that has no element of its own (alt,
       credit). -->
  <xsl:template name="text-unit">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <xsl:param name="where"/>
    <xsl:param name="text"/>
    <xsl:variable name="translate">
      <xsl:call-template name="translate">
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="segmented">
      <mrk mtype="seg" mid="seg1"><xsl:value-of select="$text"/></mrk>
    </xsl:variable>
    <xsl:text>&#10;  </xsl:text>
    <trans-unit id="{$id}" resname="{$name}">
      <xsl:attribute name="xml:space">preserve</xsl:attribute>
      <xsl:if test="$translate = 'no'">
        <xsl:attribute name="translate">no</xsl:attribute>
      </xsl:if>
      <xsl:text>&#10;    </xsl:text>
      <source><xsl:value-of select="$text"/></source>
      <xsl:text>&#10;    </xsl:text>
      <seg-source><xsl:copy-of select="$segmented"/></seg-source>
      <xsl:call-template name="target">
        <xsl:with-param name="translate" select="string($translate)"/>
        <xsl:with-param name="segmented" select="$segmented"/>
      </xsl:call-template>
      <xsl:text>&#10;    </xsl:text>
      <note from="artx"><xsl:value-of select="$where"/></note>
      <xsl:text>&#10;  </xsl:text>
    </trans-unit>
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

  <!-- 'no' when the text has no letter, else 'yes'.  Cheap first: drop
       ASCII non-letters; a letter among the first 16 remaining characters
       settles it; only then scan the rest against the whole table. -->
  <xsl:template name="translate">
    <xsl:param name="text"/>
    <xsl:variable name="t" select="translate($text, $ascii-non-letters, '')"/>
    <xsl:choose>
      <xsl:when test="$t = '' or (translate(substring($t, 1, 16), $non-letters, '') = ''
                                  and translate($t, $non-letters, '') = '')">no</xsl:when>
      <xsl:otherwise>yes</xsl:otherwise>
    </xsl:choose>
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

  <!-- The context s as a mrk. -->
  <xsl:template name="sentence">
    <xsl:param name="base"/>
    <mrk mtype="seg" mid="{@id}">
      <xsl:call-template name="inline">
        <xsl:with-param name="nodes" select="node()"/>
        <xsl:with-param name="base" select="$base"/>
      </xsl:call-template>
    </mrk>
  </xsl:template>

  <!-- Nodes between sentences: left outside any mrk when they hold no text
       (white space, a br), else a mrk of their own. -->
  <xsl:template name="run">
    <xsl:param name="nodes"/>
    <xsl:param name="base"/>
    <xsl:choose>
      <xsl:when test="$nodes/descendant-or-self::text()[normalize-space()]">
        <mrk mtype="seg" mid="seg{count($nodes[1]/preceding-sibling::a:s) + 1}">
          <xsl:call-template name="inline">
            <xsl:with-param name="nodes" select="$nodes"/>
            <xsl:with-param name="base" select="$base"/>
          </xsl:call-template>
        </mrk>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="inline">
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
    <g id="{$n}">
      <xsl:attribute name="ctype">
        <xsl:choose>
          <xsl:when test="self::a:a">link</xsl:when>
          <xsl:when test="self::a:em">italic</xsl:when>
          <xsl:when test="self::a:strong">bold</xsl:when>
          <xsl:otherwise>x-html-<xsl:value-of select="local-name()"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="inline">
        <xsl:with-param name="nodes" select="node()"/>
        <xsl:with-param name="base" select="$n"/>
      </xsl:call-template>
    </g>
  </xsl:template>

  <xsl:template match="a:br" mode="inline">
    <xsl:param name="base"/>
    <xsl:variable name="n" select="$base + 1"/>
    <x id="{$n}" ctype="lb"/>
  </xsl:template>

  <!-- s (in source) and anything unknown are unwrapped to their content. -->
  <xsl:template match="*" mode="inline">
    <xsl:param name="base"/>
    <xsl:call-template name="inline">
      <xsl:with-param name="nodes" select="node()"/>
      <xsl:with-param name="base" select="$base"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="inline"/>

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
