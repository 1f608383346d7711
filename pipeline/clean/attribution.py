"""Who wrote the article and when: bylines, datelines and "…, writes Name".

Shared by the stages that find the article's head and by the body model,
which weighs a byline as a sign of the article's start.
"""

from __future__ import annotations

import re

from .features import word_count
from .vocabulary import MONTHS

#: Capital letters of the Latin, Greek and Cyrillic scripts ("Çelik", "Ødegaard", "Παπαδόπουλος", "Петров"): a
#: name's words begin with one.
CAPITAL = "A-Z" + "".join(c for c in map(chr, (*range(0xC0, 0x250), *range(0x370, 0x530))) if c.isupper())
NAME = rf"(?:[{CAPITAL}][\w’'.-]*\.?)(?:\s+(?:(?:de|van|von|der|da|di|le|la|and|&)\s+)?[{CAPITAL}][\w’'.-]*\.?){{0,4}}"
#: "…, writes Ann Smith" closing a standfirst; a bare "by" only after a comma or dash ("…, by Ann Smith"),
#: since a sentence may end "… established by Lenin."
STANDFIRST_BYLINE = re.compile(
    rf"(?:(?:,|\s[—–-])?\s+(?:writes|argues|explains|reports|says|asks|reviews|looks\s+at|examines|"
    rf"considers|recalls|reflects|insists|warns|introduces)|(?:,|\s[—–-])\s+by)\s+(?P<name>{NAME})\s*\.?$")
BYLINE = re.compile(
    rf"^(?:by|words\s+by|written\s+by|posted\s+by|story\s+by|text\s+by|words\s*:|text\s*:|author:?|autor:?|"
    rf"auteur\s*:|автор:?|"
    rf"текст\s*:)\s+(?P<name>{NAME})"
    rf"(?:\s*(?:[|,•·]|\s[-–—]\s).{{0,80}})?$", re.I)
#: "By", "Written by", "Author:" on a line of its own: the writer's name is on the line under it.
BY_ALONE = re.compile(r"^(?:(?:article|post|story|blog|text|words|this\s+article\s+was)\s+)?"
                      r"(?:by|written\s+by|words\s+by|posted\s+by|authored\s+by|authors?|author\s+by|por|von|par|"
                      r"autor|автор)"
                      r"\s*:?$", re.I)
DATE = (rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\.?,?\s+\d{{4}}|{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
        rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})")
DATELINE = re.compile(
    rf"^(?:(?:published|posted|updated|last\s+updated|first\s+published|modified|date)\s*:?\s*(?:on\s+)?)?"
    rf"{DATE}(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{{2,5}})?)?"
    rf"(?:\s*[|•·]\s*.{{0,60}}|\s+by\s+(?P<name>{NAME}))?\.?$", re.I)


#: Chinese, Japanese and Korean write no capitals: a name there is two to four Han characters or Hangul
#: syllables, one to three of them in a byline, and the byline says so with a word before the names, set off
#: from them ("记者 王伟", "作者：王伟", "文・山田太郎", "文・写真：高橋 由紀", "記者：山田太郎", "글 홍길동"; "記者会見"
#: is no byline), or after them ("山田太郎記者", "홍길동 기자", an address after it).
_CJK_NAME = r"(?:[\u4e00-\u9fff々]{2,4}|[\uac00-\ud7a3]{2,4})"
_CJK_NAMES = rf"{_CJK_NAME}(?:[\s、,，]+{_CJK_NAME}){{0,2}}"
#: "Text" alone or beside the photographs' credit: "文", "文・写真", "取材・文", "文/图".
_CJK_TEXT_CUE = r"(?:(?:写真|取材|撮影|图|摄影)[・/／と])?文(?:[・/／と](?:写真|取材|撮影|構成|图|摄影))?"
_CJK_CUE_FIRST = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,6}}记者|作者|撰文|{_CJK_TEXT_CUE}|記者|筆者|執筆|文責|글|기자)"
                            rf"\s*(?:[：:・/／|｜]\s*|\s+)"
                            rf"(?P<name>{_CJK_NAMES})\s*$")
_CJK_CUE_AFTER = re.compile(rf"^(?P<name>{_CJK_NAMES})\s*(?:记者|記者|特派员|特派員|기자)(?:\s+\S+@\S+)?\s*$")


#: Arabic, Persian, Hebrew and Hindi write no capitals either: there a byline is a cue and one to four words of the
#: script ("بقلم أحمد خالد", "كتب: أحمد خالد", "نویسنده: علی رضایی", "מאת דנה כהן", "लेखक: राहुल शर्मा"), or the
#: name before "द्वारा" ("राहुल शर्मा द्वारा"); "كتب" also means "books", so it is a cue only before a colon.
_UNCASED_WORD = r"[\u0600-\u06ff\u0590-\u05ff\u0900-\u097f]+"
_UNCASED_NAME = rf"{_UNCASED_WORD}(?:\s+{_UNCASED_WORD}){{0,3}}"
_UNCASED_CUE_FIRST = re.compile(rf"^(?:(?:بقلم|نوشته|מאת)(?:\s*:\s*|\s+)|"  # "by": a cue whatever follows
                                rf"(?:كتب|كتبت|تأليف|نویسنده|כתב|כתבה|लेखक|लेखिका|रिपोर्ट)\s*:\s*)"  # "wrote", "books": a label
                                rf"(?P<name>{_UNCASED_NAME})\s*$")
_UNCASED_CUE_AFTER = re.compile(rf"^(?P<name>{_UNCASED_NAME})\s+द्वारा\s*$")


def uncased_byline(text: str) -> str | None:
    """The names of a byline in a script without capitals (Chinese, Japanese, Korean; Arabic, Persian, Hebrew,
    Hindi), which a cue marks, or None."""
    text = text.strip()
    match = (_CJK_CUE_FIRST.match(text) or _CJK_CUE_AFTER.match(text) or _UNCASED_CUE_FIRST.match(text)
             or _UNCASED_CUE_AFTER.match(text))
    return match.group("name") if match else None


def byline_author(text: str) -> str | None:
    """The writer's name in a byline, a dateline ("Posted on … by Name") or a standfirst
    ending "…, writes Name"."""
    match = BYLINE.match(text) or DATELINE.match(text.strip()) or STANDFIRST_BYLINE.search(text)
    return match.group("name").rstrip(".") if match and match.group("name") else uncased_byline(text)


def is_byline(text: str) -> bool:
    return bool(BYLINE.match(text)) or uncased_byline(text) is not None


def is_dateline(text: str) -> bool:
    return word_count(text) <= 14 and bool(DATELINE.match(text.strip()))


_WORDS = re.compile(r"\w+")
_BY = re.compile(r"^\s*by\s+", re.I)
#: A user name or a template's placeholder, not a person's name: "kffnirmitap", "andrew.keaveney", "KatieS",
#: "page.head.extra.author", "site.com".
_HANDLE = re.compile(r"^(?:[^\sA-Z]+|\S*[._@\d]\S*|\S*[a-z][A-Z]\S*)$")


def _name_words(text: str) -> list[str]:
    return _WORDS.findall(_BY.sub("", text).lower())


def _lists_names(text: str) -> bool:
    """ "Ann Smith, Bo Lind & Cy Park": a list, every word a name's (capitalised) or the list's own."""
    words = _BY.sub("", text).replace(",", " , ").split()
    return any(w in (",", "and", "&") for w in words) and all(w[:1].isupper() or w in (",", "and", "&")
                                                              for w in words)


def markup_or_shown_author(markup: str | None, shown: str | None, publication: str | None) -> str | None:
    """A saved page's author: its markup's, which is usually cleaner than a byline, unless the text shows a name
    and the markup's is no person's: a handle or a placeholder, the publication itself ("Acme", "Acme Team"), a
    list of roles ("content: Acme, design: …"), or the shown name with more after it ("Ann Smith, The Times")
    or fewer names than the byline lists."""
    if not markup or not shown:
        return markup or shown
    own, seen = _name_words(markup), _name_words(shown)
    house = _name_words(publication or "")
    if (_HANDLE.match(markup.strip()) or ":" in markup or not own
            or house and own[:len(house)] == house and len(own) <= len(house) + 1
            or own != seen and (own[:len(seen)] == seen or seen[:len(own)] == own and _lists_names(shown))):
        return shown
    return markup
