#!/usr/bin/env python3
"""srx-expand.py - write xslt/artx-segment.srx from tools/artx-segment.srx.in.

The template is the SRX file itself with a few placeholders that are long
to write by hand:

  {JONG_SS}, {JONG_N}, {JONG_M}, {JONG_L}, {JONG_B}
      every Hangul syllable whose final consonant is ss, n, m, l or b;
  {EN_ABBR}, {EN_TITLES}, {EN_NUMBERED}, {DEF_ABBR}
      abbreviation lists, as regex alternations factored by common prefix;
  {EN_STARTERS}
      words that often start an English sentence;
  {EN_MONTHS}, {EN_CURRENCY}, {EN_DAYS_MONTHS}
      abbreviations before a day or an amount, names after a time;
  {EN_ITEM_RULES}
      whole rules: list markers that follow their predecessor;
  {KO_TAIL}, {KO_NOTES}, {KO_GOES_ON}, {KO_END_AFTER}, {KO_NEXT}, {KO_INTERJ}, {KO_ASKED},
  {KO_LINKS},
  {KO_QUOTE_x} (x: C curly quotes and brackets, D double and S single
  straight quotes)
      pieces of Korean patterns that several rules share.

Both the template and the output are committed.  Run from the repository
root, after changing either this script or the template:

    make srx-rules        (python3 tools/srx-expand.py)

`--output FILE` writes elsewhere; `make check-generated` uses it to check
that the committed file is current.
"""

import argparse
import re

TEMPLATE = 'tools/artx-segment.srx.in'
OUTPUT = 'xslt/artx-segment.srx'


def jong(final):
    """Every Hangul syllable with final consonant number `final`.

    A precomposed syllable is U+AC00 + (initial * 21 + medial) * 28 + final,
    so the 19 * 21 = 399 initial and medial pairs step by 28.  Finals used
    here: 4 (n), 8 (l), 16 (m), 17 (b), 20 (ss).
    """
    return ''.join(chr(0xAC00 + pair * 28 + final) for pair in range(19 * 21))


def _alternation(words):
    """A regex that matches exactly `words`, factored by common prefix.

    Each level groups the words by their first character, sorted; a word
    that ends at this level makes the rest optional ('?').  A '.' in a word
    is escaped.  An empty result stands for "nothing more to match".
    """
    branches = {}
    can_end = False
    for word in words:
        if not word:
            can_end = True
            continue
        branches.setdefault(word[0], []).append(word[1:])
    parts = []
    for ch in sorted(branches):
        head = '\\.' if ch == '.' else ch
        parts.append(head + _alternation(branches[ch]))
    if not parts:
        return ''
    if len(parts) > 1:
        body = '(?:' + '|'.join(parts) + ')'
    else:
        body = parts[0]
        # A single branch longer than one character still needs a group,
        # so that a following '?' applies to all of it.
        if len(body) > 1 and not body.startswith('(?:'):
            body = '(?:' + body + ')'
    return body + ('?' if can_end else '')


def trie(words, fold_first=True):
    """A regex alternation of `words`, factored by common prefixes.

    With fold_first, words are grouped by their first letter regardless of
    case, and that letter matches in either case ([Dd]r ...): "Dr" and "dr"
    are both abbreviations.  Without it, case is kept throughout (titles
    such as "Mr" are capitalised).
    """
    words = sorted(set(words))
    groups = {}
    for word in words:
        key = word[0].lower() if fold_first else word[0]
        groups.setdefault(key, []).append(word)
    parts = []
    for key in sorted(groups):
        group = groups[key]
        if fold_first and key.isalpha():
            head = '[' + key.upper() + key + ']'
            parts.append(head + _alternation([word[1:] for word in group]))
        else:
            parts.append(_alternation(group))
    return '|'.join(parts)


EN_ABBR = trie(
    'co corp inc ltd llc plc bros jr sr esq ph.d dept div assn assoc univ inst govt '
    'ave blvd rd sq hwy '
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun '
    'approx est etc vs viz cf ibid e.g i.e al min max misc dist col mfg mkt '
    'yr yrs hr hrs mins sec secs oz lb lbs ft in mi km cm mm kg'.split())

EN_TITLES = trie(
    'Mr Mrs Ms Mx Dr Prof Mt Ft Gen Gov Sen Rep Rev Revd Capt Col Lt Sgt Cpl Maj Cmdr Comdr '
    'Adm Hon Pres Supt Insp Messrs Mme Mlle Msgr Atty Brig Rt St Sts Ste Fr Br '
    'Drs Profs Reps Sens Govs'.split(),
    fold_first=False)

# Abbreviations that come before a number ("p. 5", "No. 7").
EN_NUMBERED = trie(
    'p pp no nos nr vol vols fig figs ch chs chap sec secs art para paras ed eds op tel ext '
    'ref eq eqs approx ca cf vs num pt ln ll SEC SECS NO NOS VOL ART FIG CH PARA'.split()) + '|N°|n°'

# Titles and abbreviations of many languages: the Default languagerule,
# which applies to every language but Korean.
DEF_ABBR = trie(
    'Dr Prof Mr Mrs Ms Mme Mlle Mgr Sr Sra Srta Hr Hrn Fr Dipl Ing St Nr No Vol Bd Abb Art '
    'Fig Tab Tel ca bzw vgl evtl ggf inkl zzgl vs cf Av p pp'.split(),
    fold_first=False)

# Before a day of the month: Jan. 15, Sept. 3.
EN_MONTHS = trie('jan feb mar apr jun jul aug sep sept oct nov dec'.split())

# Currency abbreviations before an amount: Rs. 450, Dhs. 18.
EN_CURRENCY = trie('rs re dhs dh tk kr ksh rp'.split())

# Days, months (full or abbreviated) after a time: "8 a.m. Monday".
EN_DAYS_MONTHS = (
    r'(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?'
    r'|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?'
    r'|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b')

# The kinds of list markers, each in order: a marker is the next of its
# kind when its predecessor came shortly before.
_ROMAN = 'i ii iii iv v vi vii viii ix x xi xii'.split()
_MARKER_SEQS = (
    [str(n) for n in range(1, 21)],
    list('abcdefghijklmn'),
    list('ABCDEFGHIJKLMN'),
    _ROMAN,
    [r.upper() for r in _ROMAN],
    ['Q', 'A'],
)


def _leaf_trie(leaves):
    """A regex for {literal: tail}: each literal followed by its tail,
    factored by common prefix, so that ICU reads each character once
    rather than trying every branch in turn."""
    groups = {}
    for lit, tail in leaves.items():
        groups.setdefault(lit[0], {})[lit[1:]] = tail
    parts = []
    for ch in sorted(groups):
        sub = groups[ch]
        rest = {k: v for k, v in sub.items() if k}
        alts = ([_leaf_trie(rest)] if rest else []) + ([sub['']] if '' in sub else [])
        parts.append(re.escape(ch) + (alts[0] if len(alts) == 1 else '(?:' + '|'.join(alts) + ')'))
    return parts[0] if len(parts) == 1 else '(?:' + '|'.join(parts) + ')'


def _successors(seqs):
    """{marker: [the markers that follow it in one of the kinds seqs]}."""
    nxt = {}
    for seq in seqs:
        for prev, cur in zip(seq, seq[1:]):
            nxt.setdefault(prev, []).append(cur)
    return nxt


# A list item's text: up to 120 characters on one line, ending a word (not
# a stop, which the other rules break after, nor a bullet, a dash or an
# opening bracket, nor "and"/"or" of an inline list: "agree and (b)
# sign").  Spelled without property classes: this class stands in every
# leaf of the list rules, and ICU builds a property's set anew at each
# one, which cost 60 ms of start-up.
_ITEM_END = r'[^\s.!?,;:(\[{“‘«•·*\-–—](?&lt;!\band|\bor)\s'


def seq_item(opener, close, seqs):
    """A break="yes" beforebreak: a list marker (at the start or after a
    space) and the text of its item, up to where the next marker of its
    kind starts ("1. ... 2.", "b) ... c)", "Q. ... A.", "(i) ... (ii)"): the
    break goes before that marker.  Searched forward from the first
    marker, lazily, so that each marker costs one short scan: a number in
    a sentence that no next number follows ("rose by 1. In") is no
    marker.  The markers are a prefix tree, so that ICU reads a marker
    once."""
    leaves = {}
    for prev, curs in _successors(seqs).items():
        alt = '|'.join(re.escape(c) for c in sorted(set(curs), key=lambda m: (-len(m), m)))
        leaves[prev + close] = (r'\s[^\n]{0,120}?' + _ITEM_END + r'(?=' + opener + r'(?:' + alt + r')'
                                + re.escape(close) + r'\s)')
    return r'(?&lt;![^\s])' + opener + _leaf_trie(leaves)


def seq_marker(opener, close, seqs):
    """A break="no" beforebreak: a list marker after a word and a space
    that follows the marker before it in its kind within 120 characters
    ("1. The first item 2."): no break right after it.  Tried only where a
    break was proposed after such a marker; the marker is a prefix tree
    whose leaves check their own predecessor (a lookbehind), so that ICU
    looks back only from a marker."""
    prevs = {}
    for seq in seqs:
        for prev, cur in zip(seq, seq[1:]):
            prevs.setdefault(cur, []).append(prev)
    leaves = {}
    for cur, ps in prevs.items():
        alt = '|'.join(re.escape(p) for p in sorted(set(ps), key=lambda m: (-len(m), m)))
        leaves[cur + close] = (r'(?&lt;=(?&lt;![^\s])' + opener + r'(?:' + alt + r')' + re.escape(close)
                               + r'\s[^\n]{0,120}' + _ITEM_END + opener + re.escape(cur + close) + r')')
    return r'(?&lt;=' + _ITEM_END + r')' + opener + _leaf_trie(leaves)


def item_rules():
    """The list rules, one per kind of marker and way of writing it (so
    that the engine, which tests the first two characters of a rule's
    match, calls ICU only where a marker of that kind stands): no break
    after a marker that follows its predecessor ("2." in "1. ... 2. The"),
    and a break before it."""
    rules = []
    for seq in _MARKER_SEQS:
        rules.append('<rule break="no">\n<beforebreak>' + seq_marker('', '.', [seq])
                     + '</beforebreak>\n<afterbreak>\\s+[\\p{L}\\d(]</afterbreak>\n</rule>')
    for opener, close in (('', '.'), ('', ')'), (r'\(', ')')):
        for seq in _MARKER_SEQS:
            rules.append('<rule break="yes">\n<beforebreak>' + seq_item(opener, close, [seq])
                         + '</beforebreak>\n<afterbreak></afterbreak>\n</rule>')
    return '\n'.join(rules)


EN_ITEM_RULES = item_rules()


# After an abbreviation, a break only before one of these.
EN_STARTERS = '|'.join(
    'A After All Also An And As At Being But By Did Do Does During Each Even Every For From '
    'He Her Here His How However I If In It Its Many Meanwhile Millions More Most My No Not '
    'Now On One Our She So Some Such That The Their Then There These They This Those Though '
    'Thus To We What When Where Which While Who Why With Yes You Your'.split())

# What shows that a Korean sentence goes on after a would-be ending: jamo
# laughter (ㅋㅋ), ^^, ;;, emoji, a connective or quotative (하고, 했다,
# 라고, 하드라고, ...; not 하여간), laughter that ends the text (하하하), a
# tag that ends it (그러니까.), an honorific after a name (씨, 님).
KO_GOES_ON = (
    r'(?=[ㄱ-ㅣ^;\x{2600}-\x{27BF}\x{1F000}-\x{1FAFF}'
    r'하한했라란이고며싶그씨님히호헤흐크키허후엉흑])'
    r'(?:[ㄱ-ㅣ]{2}|[ㅋㅎㅠㅜ]|\^\^|;;|[\x{2600}-\x{27BF}\x{1F000}-\x{1FAFF}]'
    r'|하(?:[고며면는자더겠였기드곤]|여(?![간튼]))|한다|했다|라[고며는]|이라[고며는]|라던'
    r'|란\s|라\s|[고며]\s|싶[었어다은고지]'
    r'|[하히호헤흐크키허후엉흑]{2,}[\s.!?~…ㅋㅎㅠㅜ^]*$'
    r'|그러니까(?:[.!?…~]+(?:\s|$)|$)'
    r'|[씨님](?:[은는이가의을를과와도께에]|\s))')

# What may trail a Korean sentence ending: punctuation, jamo, ^^ or ;;,
# emoji, a short parenthesis, closing quotes and brackets.  Atomic: what
# comes next never starts with any of these, and without it ICU would try
# every shorter tail again when the afterbreak fails.
KO_TAIL = (
    r"""(?>[~!?.…]*(?:[ㄱ-ㅣ]+|\^\^|;;)?[~!?.…]*"""
    r"""[\x{2600}-\x{27BF}\x{1F000}-\x{1FAFF}\x{FE0F}\x{200D}]*"""
    r"""[)\]}」』》〉】〕〗〙〛）］｝”’»›"'&gt;]*(?:\([^()\n]{1,40}\))?"""
    r"""[)\]}」』》〉】〕〗〙〛）］｝”’»›"']*)""")

# What may follow a Korean sentence's stop and stays with it: footnote
# marks glued to it, a number or a letter, maybe after a word ([3][4], [a],
# [참고 2], [주 1]), or a request for a source ([출처 필요]; but not a
# heading that starts the next sentence, 같다.[부록] 표를), then an
# annotation in parentheses after a space ((2019년 기준)), after a full stop
# or a note, that is no list marker ((1), (가), (ii)), holds no stop or
# comma and does not end the text (in chat and tweets a parenthesis after
# the last sentence is one of its own: "주세요!! (우리장르도 ...)").  Inside
# the atomic group of the stop: a break goes after them.
KO_NOTES = (
    r"""(?:\[(?:\d{1,3}|[a-z]|[가-힣A-Za-z]{1,6}\s?\d{1,3}|[가-힣]{1,4}\s필요)\])*"""
    r"""(?:(?&lt;=[가-힣]\.|\])\s\((?![\dA-Za-z가-힣]{1,2}\)|[ivxIVX]{1,4}\)|\s)[^()\n.!?,]{2,30}\)(?=\s))?""")

# What may come right after a Korean sentence ending without punctuation:
# space, a tilde, jamo, ^^ or ;;, a bracket, a closing quote, emoji.
KO_NEXT = (
    r"""(?=[\s~ㄱ-ㅣ^;()"'”’」』\x{2600}-\x{27BF}\x{1F000}-\x{1FAFF}])""")

# Quote and bracket characters, which a quotation's text does not cross
# but as a whole pair: "..." with '...' or (...) inside.
_Q = r"""\"“”‘’'「」『』()&lt;&gt;《》\n"""
_PAIRS = {'"': '"', "'": "'", '“': '”', '‘': '’', '「': '」', '『': '』', '(': ')',
          '&lt;': '&gt;', '《': '》'}


def _inner(outer):
    """A quoted or bracketed span that may stand inside a quotation opened
    by one of `outer` (not a straight quote of the same kind: it closes).
    One class of openers and one of closers, not each pair: one
    alternative for ICU to try rather than nine."""
    ops = ''.join(op for op in _PAIRS if not (op in outer and op in '"\''))
    cls = ''.join(_PAIRS[op] for op in _PAIRS if not (op in outer and op in '"\''))
    ops = ops.replace('"', r'\"').replace('(', r'\(')
    cls = cls.replace('"', r'\"').replace(')', r'\)')
    return r"[" + ops + r"](?>[^" + _Q + r"]*)[" + cls + r"]"


# ICU runs a greedy loop over a set fast, a possessive or counted one a
# character at a time: the loops below are greedy inside atomic groups.

def _body(outer):
    """A quotation's text up to a sentence end: no quote or bracket but
    whole inner spans, and no full stop followed by space."""
    text = r"[^" + _Q + r".!?…]*"
    return (r"(?>" + text + r"(?:(?:(?>[.!?…]+)(?!\s)|" + _inner(outer) + r")" + text
            + r")*)(?>[.!?…]+)")


def ko_quote(opener, outer):
    """A break="no" beforebreak: from `opener`, the first sentence end
    followed by space, when a closing quote comes later with nothing but
    text and inner spans between, within 80 words (counted by words, not
    characters: a counted loop costs ICU a step per turn); then, by \\G, each next sentence end up
    to that closing quote (which the text of a quotation cannot cross, so
    it need not be looked for again).  A straight quote closes after
    anything but space, a bracket or a colon, and not as an apostrophe
    (one's)."""
    word = r"[^" + _Q + r"\s]*"
    close = (r"(?=\s+(?>(?:" + word + r"(?:\s+|" + _inner(outer) + r")){0,80})(?>" + word + r")"
             r"(?:[”’」』)&gt;》]|(?&lt;=[^\s:(\[{=])\"|(?&lt;=[^\s:(\[{=])'(?![A-Za-z])))")
    return (r"(?:" + opener + _body(outer) + close + r"|\G(?=\s)" + _body(outer) + r")")


# Verbs and nouns that take a question (-ㄹ까, -나) as their object:
# 할까 고민했다, 됐나 살펴봤다, 올까 봐, 할까 말까.
_ASKED = ('고민 고심 걱정 우려 염려 두려 조마 망설 살펴 따져 알아 확인 궁금 의문 의심 눈치 '
          '기대 주목 관심 묻 물었 물어 모르 몰라 몰랐 헷갈 생각 말 보 봐 봤 싶 하 해 했 한').split()
# With a lookahead on the first characters, so that ICU tries the words
# only when one can start there.
KO_ASKED = ('(?=[' + ''.join(sorted(set(w[0] for w in _ASKED))) + '])(?:'
            + '|'.join(_ASKED) + ')')


# Interjections and conjunctions that may stand before an ellipsis in a
# sentence that goes on.
KO_INTERJ = (
    r"[아어음흠헐와오네예응휴]|아우|에휴|어휴|아이고|물론|그런데|근데|그리고|그래서"
    r"|그러나|그럼|그러면|그래도|아무튼|암튼|어쨌든|하지만|그러니까|그냥|진짜|정말"
    r"|아니|글쎄|사실|역시|혹시")

# Connective endings and particles after which a Korean sentence goes on,
# so that emoji or laughter after them ends nothing (먹었는데 😋 진짜,
# 친구랑 ㅎㅎ 놀이공원): -는데/-은데, -랑/-이랑,
# -를/-을, -고/-서 after a verb stem; not where a noun ends so (최고, 라면,
# 사랑, 엽서).  Bounded: written into lookbehinds.
KO_LINKS = r"""(?:[는은]데|[가-힣][을를]|[가-힣](?&lt;!사)랑|[았었했어아해와워져봐돼][고서])"""

# After a Korean sentence ending: a space, unless what follows shows that
# the sentence goes on.
KO_END_AFTER = (
    r"""\s(?!\s*(?:""" + KO_GOES_ON
    + r"""|(?=[보봐봤싶쳐치못생말밝전해하는을를또및등(])"""
    r"""(?:보[면니고다]|봐|봤|싶|쳐|치[고더며]|못[해하]|생각|말[고이로했]|밝혔|전했|해[도서야요]|하[는니]"""
    r"""|[는을를]\s|또는|및|등\s|\([^()\n.!?]{1,20}\)\s)))""")

PLACEHOLDERS = {
    'KO_TAIL': KO_TAIL,
    'KO_END_AFTER': KO_END_AFTER,
    'JONG_SS': jong(20),
    'JONG_N': jong(4),
    'JONG_M': jong(16),
    'JONG_L': jong(8),
    'JONG_B': jong(17),
    'KO_NEXT': KO_NEXT,
    'KO_NOTES': KO_NOTES,
    'KO_QUOTE_C': ko_quote(r"[“‘「『(&lt;《]", '“‘「『(&lt;《'),
    'KO_QUOTE_D': ko_quote(r'(?&lt;![^\s(\[{:=])"', '"'),
    'KO_QUOTE_S': ko_quote(r"(?&lt;![^\s(\[{:=])'", "'"),
    'KO_INTERJ': KO_INTERJ,
    'KO_LINKS': KO_LINKS,
    'KO_ASKED': KO_ASKED,
    'EN_ABBR': EN_ABBR,
    'EN_TITLES': EN_TITLES,
    'EN_NUMBERED': EN_NUMBERED,
    'EN_STARTERS': EN_STARTERS,
    'EN_MONTHS': EN_MONTHS,
    'EN_CURRENCY': EN_CURRENCY,
    'EN_DAYS_MONTHS': EN_DAYS_MONTHS,
    'EN_ITEM_RULES': EN_ITEM_RULES,
    'DEF_ABBR': DEF_ABBR,
    'KO_GOES_ON': KO_GOES_ON,
}


def expand(text):
    """The template text with every {NAME} of PLACEHOLDERS replaced."""
    for name, value in PLACEHOLDERS.items():
        text = text.replace('{' + name + '}', value)
    return text


def main():
    """Read the template, expand it, write the SRX file."""
    ap = argparse.ArgumentParser(description='Write the built-in SRX rules.')
    ap.add_argument('--output', default=OUTPUT)
    args = ap.parse_args()
    with open(TEMPLATE, encoding='utf-8') as f:
        text = f.read()
    with open(args.output, 'w', encoding='utf-8') as f:
        f.write(expand(text))


if __name__ == '__main__':
    main()
