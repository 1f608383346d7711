"""Dates as pages write them, read into ISO dates.

"Jan 29, 2025", "29 January 2025", "January 29th, 2025", "Wednesday, March 2,
2022", "2025-01-29", "19-Dec-2025", "8/1/2025", "14/03/2024", "14 de marzo de
2024", "14. März 2024", "12 марта 2024", "2024年3月12日": the common ways of
writing a day, in English, the main languages of the Latin, Cyrillic and Greek
scripts (their months as a date writes them: the Slavic and Greek genitive),
Chinese, Japanese and Korean, Hindi and Arabic. A numeric date whose order is ambiguous (8/1/2025)
is read month first, as most English pages write it, unless one part cannot be
a month.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MONTH_NAMES = {  # English, Spanish, French, German, Italian, Portuguese
    1: ("january", "jan", "enero", "ene", "janvier", "janv", "januar", "jän", "gennaio", "gen", "janeiro"),
    2: ("february", "feb", "febrero", "février", "févr", "fevrier", "februar", "febbraio", "fevereiro", "fev"),
    3: ("march", "mar", "marzo", "mars", "märz", "marz", "março", "marco"),
    4: ("april", "apr", "abril", "abr", "avril", "avr", "aprile"),
    5: ("may", "mayo", "mai", "maggio", "maio", "mag"),
    6: ("june", "jun", "junio", "juin", "juni", "giugno", "giu", "junho"),
    7: ("july", "jul", "julio", "juillet", "juil", "juli", "luglio", "lug", "julho"),
    8: ("august", "aug", "agosto", "ago", "août", "aout"),
    9: ("september", "sep", "sept", "septiembre", "setiembre", "set", "septembre", "settembre", "setembro"),
    10: ("october", "oct", "octubre", "octobre", "oktober", "okt", "ottobre", "ott", "outubro", "out"),
    11: ("november", "nov", "noviembre", "novembre", "novembro"),
    12: ("december", "dec", "diciembre", "dic", "décembre", "déc", "dezember", "dez", "dicembre", "dezembro"),
}
#: Dutch, Swedish, Danish and Norwegian, Indonesian, Turkish; Polish, Czech, Russian, Ukrainian and Greek in the
#: genitive a date puts them in ("12 marca 2024", "12 марта 2024", "12 Μαρτίου 2024"), Russian's short forms.
_MORE_MONTH_NAMES = {
    1: ("januari", "ocak", "stycznia", "ledna", "января", "янв", "січня", "ιανουαρίου"),
    2: ("februari", "şubat", "lutego", "února", "февраля", "фев", "лютого", "φεβρουαρίου"),
    3: ("maart", "marts", "maret", "mart", "marca", "března", "марта", "мар", "березня", "μαρτίου"),
    4: ("nisan", "kwietnia", "dubna", "апреля", "апр", "квітня", "απριλίου"),
    5: ("mei", "maj", "mayıs", "maja", "května", "мая", "травня", "μαΐου"),
    6: ("haziran", "czerwca", "června", "июня", "июн", "червня", "ιουνίου"),
    7: ("temmuz", "lipca", "července", "июля", "июл", "липня", "ιουλίου"),
    8: ("augustus", "augusti", "agustus", "ağustos", "sierpnia", "srpna", "августа", "авг", "серпня", "αυγούστου"),
    9: ("eylül", "września", "září", "сентября", "сен", "сент", "вересня", "σεπτεμβρίου"),
    10: ("ekim", "października", "října", "октября", "окт", "жовтня", "οκτωβρίου"),
    11: ("kasım", "listopada", "listopadu", "ноября", "нояб", "ноя", "листопада", "νοεμβρίου"),
    12: ("desember", "aralık", "grudnia", "prosince", "декабря", "дек", "грудня", "δεκεμβρίου"),
}
#: Hindi and Arabic ("12 मार्च 2024", "12 مارس 2024"), in the spellings their papers use.
_HINDI_ARABIC_MONTH_NAMES = {
    1: ("जनवरी", "يناير"),
    2: ("फ़रवरी", "फरवरी", "فبراير"),
    3: ("मार्च", "مارس"),
    4: ("अप्रैल", "अप्रेल", "أبريل", "ابريل", "إبريل"),
    5: ("मई", "مايو"),
    6: ("जून", "يونيو", "يونيه"),
    7: ("जुलाई", "يوليو", "يوليه"),
    8: ("अगस्त", "أغسطس", "اغسطس"),
    9: ("सितंबर", "सितम्बर", "سبتمبر"),
    10: ("अक्टूबर", "अक्तूबर", "أكتوبر", "اكتوبر"),
    11: ("नवंबर", "नवम्बर", "نوفمبر"),
    12: ("दिसंबर", "दिसम्बर", "ديسمبر"),
}
MONTHS = {name: number for table in (_MONTH_NAMES, _MORE_MONTH_NAMES, _HINDI_ARABIC_MONTH_NAMES)
          for number, names in table.items() for name in names}


def _trie(words) -> str:
    """A regular expression matching any of `words`, the longest where several could (a plain alternation of
    the 200 month names, tried one by one at every place of every line, doubled the time dates took)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + ("?" if "" in node else "")  # greedy: the longer word first, then the shorter

    return pattern(tree)


_MONTH = "(?P<month>" + _trie(MONTHS) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
#: Where a written year ends: at a word's edge, or at a time glued to it ("October 17, 20236:01 PM": a page's
#: date and time, two inline elements its text copy ran together).
_YEAR_END = r"(?:\b|(?=[0-2]?\d:[0-5]\d))"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_PATTERNS = (
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_YEAR_END}", re.I),           # January 29, 2025
    re.compile(rf"\b{_WEEKDAY}{_DAY}\.?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}{_YEAR_END}", re.I),  # 29 Jan 2025
    re.compile(rf"\b{_DAY}[-/ ]{_MONTH}[-/ ]{_YEAR}{_YEAR_END}", re.I),                    # 19-Dec-2025
    re.compile(rf"\b{_YEAR}-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),                      # 2025-01-29
    re.compile(rf"\b{_YEAR}[/.](?P<month>[01]?\d)[/.](?P<day>[0-3]?\d)\b"),                 # 2025/01/29
    re.compile(r"\b(?P<a>[0-3]?\d)[/.-](?P<b>[0-3]?\d)[/.-](?P<year>(?:19|20)\d\d|\d\d)\b"),   # 8/1/2025
    # 2024年3月12日, 2024년 3월 12일: no word's edge, since the characters around are letters too
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"),
)


@dataclass(frozen=True)
class FoundDate:
    iso: str
    start: int  # where in the text it was written
    end: int


def without_dates(text: str, mark: str = " ") -> str:
    """The text with each date `find_dates` reads in it put by `mark`: what stands beside them."""
    for found in reversed(find_dates(text)):
        text = text[:found.start] + mark + text[found.end:]
    return text


def _number_month(match: re.Match) -> int:
    month = match.group("month").lower().rstrip(".")
    return MONTHS[month] if month in MONTHS else int(month)


def _build(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match, day_first: bool) -> datetime.date | None:
    groups = match.groupdict()
    if "a" in groups and groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        year = int(groups["year"])
        year += 2000 if year < 100 else 0
        if a > 12 or (day_first and b <= 12):
            return _build(year, b, a)
        return _build(year, a, b)
    return _build(int(groups["year"]), _number_month(match), int(groups["day"]))


def find_dates(text: str, day_first: bool = False) -> list[FoundDate]:
    """Every date written in the text, in order, each once."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            date = _from_match(match, day_first)
            if date is not None and 1990 <= date.year <= 2100:
                found.append(FoundDate(date.isoformat(), match.start(), match.end()))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)
