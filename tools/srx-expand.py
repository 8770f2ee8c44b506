#!/usr/bin/env python3
"""srx-expand.py - write xslt/artx-segment.srx from tools/artx-segment.srx.in.

The template is the SRX file itself with a few placeholders that are long
to write by hand: {JONG_SS} and {JONG_N} (every Hangul syllable whose final
consonant is ss or n), prefix trees of the English abbreviation lists, and
pieces of Korean patterns used by several rules.  Run from the repository
root: python3 tools/srx-expand.py
"""
import sys
def jong(j): return ''.join(chr(0xAC00+k*28+j) for k in range(399))
def trie(words, fold_first=True):
    # a regex alternation factored by common prefixes
    words=sorted(set(words))
    def build(ws):
        groups={}
        end=False
        for w in ws:
            if not w: end=True; continue
            groups.setdefault(w[0],[]).append(w[1:])
        parts=[]
        for ch in sorted(groups):
            sub=build(groups[ch])
            c='\\.' if ch=='.' else ch
            parts.append(c+sub)
        if not parts: return ''
        body=parts[0] if len(parts)==1 else '(?:'+'|'.join(parts)+')'
        if len(parts)==1 and len(body)>1 and not body.startswith('(?:'): body='(?:'+body+')'
        return body+('?' if end else '')
    groups={}
    for w in words:
        k=w[0].lower() if fold_first else w[0]
        groups.setdefault(k,[]).append(w)
    parts=[]
    for k in sorted(groups):
        ws=groups[k]
        firsts=sorted(set(w[0] for w in ws))
        if fold_first and k.isalpha():
            rest=[w[1:] for w in ws]
            head='['+k.upper()+k+']'
            parts.append(head+build(rest))
        else:
            parts.append(build(ws))
    return '|'.join(parts)
EN_ABBR=trie('co corp inc ltd llc plc bros jr sr esq ph.d dept div assn assoc univ inst govt ave blvd rd sq hwy jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun approx est etc vs viz cf ibid e.g i.e al min max misc dist col mfg mkt yr yrs hr hrs mins sec secs oz lb lbs ft in mi km cm mm kg'.split())
EN_TITLES=trie('Mr Mrs Ms Mx Dr Prof Mt Ft Gen Gov Sen Rep Rev Revd Capt Col Lt Sgt Cpl Maj Cmdr Comdr Adm Hon Pres Supt Insp Messrs Mme Mlle Msgr Atty Brig Rt St Sts Ste Fr Br Drs Profs Reps Sens Govs'.split(),False)
EN_NUMBERED=trie('p pp no nos nr vol vols fig figs ch chs chap sec secs art para paras ed eds op tel ext ref eq eqs approx ca cf vs num pt ln ll'.split())+'|N°|n°'
DEF_ABBR=trie('Dr Prof Mr Mrs Ms Mme Mlle Mgr Sr Sra Srta Hr Hrn Fr Dipl Ing St Nr No Vol Bd Abb Art Fig Tab Tel ca bzw vgl evtl ggf inkl zzgl vs cf Av p pp'.split(),False)
EN_STARTERS='|'.join('A After All Also An And As At Being But By Did Do Does During Each Even Every For From He Her Here His How However I If In It Its Many Meanwhile Millions More Most My No Not Now On One Our She So Some Such That The Their Then There These They This Those Though Thus To We What When Where Which While Who Why With Yes You Your'.split())
KO_GOES_ON=r'(?=[ㄱ-ㅣ^;\x{2600}-\x{27BF}\x{1F000}-\x{1FAFF}하한했라란이고며싶])(?:[ㄱ-ㅣ]{2}|[ㅋㅎㅠㅜ]|\^\^|;;|[\x{2600}-\x{27BF}\x{1F000}-\x{1FAFF}]|하[고며면는여자더겠였기]|한다|했다|라[고며는]|이라[고며는]|라던|란\s|라\s|[고며]\s|싶[었어다은고지])'
KO_TAIL=r"""[~!?.…]*(?:[ㄱ-ㅣ]+|\^\^|;;)?[~!?.…]*[\x{2600}-\x{27BF}\x{1F000}-\x{1FAFF}\x{FE0F}\x{200D}]*(?:\([^()\n]{1,40}\))?[\p{Pe}\p{Pf}"']*"""
KO_END_AFTER=r"""\s(?!\s*(?:{KO_GOES_ON}|(?=[보싶쳐치못생말해하는을를또및등(])(?:보[면니고]|싶|쳐|치[고더며]|못[해하]|생각|말[고이]|해[도서야]|하[는니]|[는을를]\s|또는|및|등\s|\([^()\n.!?]{1,20}\)\s)))"""
t=open('tools/artx-segment.srx.in',encoding='utf-8').read()
for k,v in dict(KO_TAIL=KO_TAIL,KO_END_AFTER=KO_END_AFTER,JONG_SS=jong(20),JONG_N=jong(4),JONG_M=jong(16),EN_ABBR=EN_ABBR,EN_TITLES=EN_TITLES,EN_NUMBERED=EN_NUMBERED,EN_STARTERS=EN_STARTERS,DEF_ABBR=DEF_ABBR,KO_GOES_ON=KO_GOES_ON).items():
    t=t.replace('{'+k+'}',v)
open('xslt/artx-segment.srx','w',encoding='utf-8').write(t)
