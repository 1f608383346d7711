"""Where the print edition may break a word at a line's end: soft hyphens chosen here.

WeasyPrint's automatic hyphenation breaks any word its patterns allow: names
("Trot-sky", "Kame-nev"), words beside their own hyphen ("Marxism-Len-inism"),
and where en_GB's patterns are wrong, wrongly ("bur-eau-cracy", "represen-ted"). So the print
edition sets `hyphens: manual` and gets its break points from here, as a
copy editor would allow them: only in lower-case words (never in a name, an
acronym or a sentence's first word), in words of seven letters or more, three
letters or more left on the line and three carried, never in a word holding a
hyphen, digit or other sign (a compound breaks at its own hyphen, a web
address not at all), only where en_US's patterns agree with en_GB's
(`SECOND_OPINION`), never in a paragraph's last word, and the house's
exceptions ("bureau-cracy", and the `hyphenation:` list of `style:` in
book.yaml) before the patterns.

A layout may still stack hyphens or end a page on one; the writer then names
the word (`unbroken`, per paragraph) and sets the chapter again.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pyphen
from lxml import etree

from ...language_tags import same_language
from ...render.xhtml import text_key

SOFT_HYPHEN = "\u00ad"
#: The smallest word broken, and the letters left on the line and carried to the next. Seven, not eight,
#: since breaks are taken only where en_GB's and en_US's patterns agree (`SECOND_OPINION`): with eight the
#: reader's lines with word spaces over twice a space's width went from 452 to 539; with seven, 457.
MIN_WORD, LEFT, RIGHT = 7, 3, 3
#: Patterns whose breaks a second language's patterns must allow too. en_GB's (LibreOffice's hyph_en_GB)
#: split many words where no British or American dictionary would: before a past tense's "-ted"/"-ded"
#: ("represen-ted", "talen-ted", "deman-ded"), inside a stem before its suffix ("capit-alism", "polit-ics",
#: "famil-ies", "uni-onists", "sanat-orium", "Commun-ists"). Of the 472 breaks the reader used with en_GB
#: alone, 80 were ones en_US does not allow, nearly all of them such faults; a break both allow
#: ("union-ists", "com-munists", "rep-resented", "unprece-dented", "capital-ism") is one a reader of
#: either would accept. The house's exceptions come first and are not checked.
SECOND_OPINION = {"en_GB": "en_US"}
#: Runs of text whose hyphenation a Hyphenator keeps, at most.
TEXTS_KEPT = 200_000
#: Hyphenated lines allowed in a row.
MAX_HYPHENS_IN_A_ROW = 2
#: A paragraph's last line this short (a share of the measure) is never a broken word's end alone.
SHORT_LAST_LINE = 0.5
#: Letters of a broken word's start, at most, that a short last line's rule moves down whole with the rest.
SHORT_HEAD = 4
_EPUB = "http://www.idpf.org/2007/ops"
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+")
#: A run of text between spaces; its core (without the punctuation around it) must be one breakable word.
_TOKEN = re.compile(r"\S+")
_EDGES = "\"'“”‘’«»()[]{}.,;:!?…*–—"
#: Elements whose text is never broken: headings (also bookmarks and running heads), code, and a
#: link whose text is a web address (it breaks before / and . only: see `url_breaks`).
_NEVER = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "title"}
#: Blocks of those classes are display type set ragged, never broken either: a chapter's standfirst, an epigraph,
#: the half-title, title and copyright pages (a soft hyphen in a letterspaced line of capitals takes the spacing
#: twice: "INTRO DUCED").
_NEVER_CLASSES = {"standfirst", "epigraph", "halftitle", "titlepage", "imprint"}
#: The block an inline text belongs to, for naming a paragraph in `unbroken`.
_BLOCKS = {"p", "li", "dd", "dt", "td", "th", "figcaption", "blockquote", "div", "section", "header", "footer"}
#: Where a web address may break, as Chicago has it (6.17): after a double slash, and before a single slash or a
#: full stop (and a query's question mark), so that the punctuation opens the next line and says the address goes
#: on; never at its hyphens, nor after the "www" that opens a host ("www" alone at a line's end reads as a word).
_URL_BREAK = re.compile(r"(?<=//)(?=[^/])|(?<=[^/\s])(?<!\bwww)(?=[./?][^/.\s])")
_URL_NO_BREAK_AFTER = re.compile(r"(?<=[-?])(?=\S)")
WORD_JOINER = "\u2060"
#: Between a glossary term's asterisk and a note call right after it: a thin no-break space (U+202F), the call's.
CALL_SEPARATOR = "\u202f"
ZERO_WIDTH_SPACE = "\u200b"


def default_exceptions(language: str) -> tuple[str, ...]:
    """The house's break points for words the language's patterns break wrongly ("bureau-cracy")."""
    name = f"hyphenation-{language.split('-')[0].lower()}.txt"
    try:
        text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def house_exceptions(language: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The break points a book's words take before the patterns: the house's and book.yaml's."""
    return default_exceptions(language) + tuple(extra)


@dataclass(frozen=True)
class Hyphenator:
    """Break points for the words of one language, the exceptions first; built bare (without
    `for_book`'s patterns) it breaks no word at all."""

    language: str
    exceptions: tuple[str, ...] = ()  # words written with a hyphen at each allowed break: "bureau-cracy"
    #: Words the book writes in lower case: capitalised at a sentence's start ("Nevertheless", "Oppositionists")
    #: they may break as they do in lower case; a name the book never writes so ("Tukhachevsky") never breaks.
    common: frozenset[str] = frozenset()
    _pyphen: pyphen.Pyphen | None = field(default=None, compare=False, repr=False)
    #: A second language's patterns that must allow a break too (`SECOND_OPINION`), or None.
    _second: pyphen.Pyphen | None = field(default=None, compare=False, repr=False)
    #: (text, unbroken) -> `text`'s result: a chapter is hyphenated again for every layout of it.
    _texts: dict = field(default_factory=dict, compare=False, repr=False)
    _others: dict = field(default_factory=dict, compare=False, repr=False)  # tag -> Hyphenator (`other`)

    @classmethod
    def for_book(cls, language: str, extra: tuple[str, ...] = (), common: frozenset[str] = frozenset()
                 ) -> "Hyphenator":
        lang = pyphen.language_fallback(language.replace("-", "_")) or "en_GB"
        second = SECOND_OPINION.get(lang)
        return cls(language, house_exceptions(language, extra), common,
                   pyphen.Pyphen(lang=lang, left=LEFT, right=RIGHT),
                   pyphen.Pyphen(lang=second, left=LEFT, right=RIGHT) if second else None)

    def other(self, language: str) -> "Hyphenator":
        """The hyphenator for a part of the book in another language (a chapter in Russian): that language's
        patterns, or none where pyphen has none (Chinese, Japanese: a bare hyphenator breaks nothing)."""
        if same_language(language, self.language):
            return self
        if language not in self._others:
            lang = pyphen.language_fallback(language.replace("-", "_"))
            self._others[language] = Hyphenator(
                language, house_exceptions(language), _pyphen=pyphen.Pyphen(lang=lang, left=LEFT, right=RIGHT)
            ) if lang else Hyphenator(language)
        return self._others[language]

    @property
    def _exceptions(self) -> dict[str, str]:
        return _exception_table(self.exceptions)

    def breaks(self, word: str) -> list[int]:
        """Where `word` may be broken (indexes into it), none if it may not be broken at all."""
        if _CAPITALISED.fullmatch(word) and word.lower() in self.common:
            word = word.lower()  # a common word opening a sentence, not a name
        if self._pyphen is None or len(word) < MIN_WORD or not _breakable(word):
            return []  # without patterns (a bare Hyphenator), nothing is broken
        written = self._exceptions.get(word)
        if written is not None:
            return _positions(written)
        allowed = [p for p in self._pyphen.positions(word) if LEFT <= p <= len(word) - RIGHT]
        if self._second is not None and allowed:
            agreed = set(self._second.positions(word))
            allowed = [p for p in allowed if p in agreed]
        return allowed

    def soft(self, word: str) -> str:
        """`word` with a soft hyphen at each allowed break."""
        return _with_soft_hyphens(word, tuple(self.breaks(word)))

    def text(self, text: str, unbroken: frozenset[str] = frozenset()) -> str:
        """A run of text with soft hyphens in every word that may be broken, but those in `unbroken`."""
        found = self._texts.get((text, unbroken))
        if found is None:
            if len(self._texts) >= TEXTS_KEPT:
                self._texts.clear()
            found = self._texts[text, unbroken] = self._hyphenated(text, unbroken)
        return found

    def _hyphenated(self, text: str, unbroken: frozenset[str]) -> str:
        def token(match: re.Match) -> str:
            raw = match.group()
            core = raw.strip(_EDGES)
            if not core:
                return raw
            if core in unbroken:  # kept whole, a compound at its own hyphens too: a word joiner after each
                return raw.replace("-", "-" + WORD_JOINER)  # (not U+2011, which a PDF's search takes for another sign)
            start = raw.index(core)
            return raw[:start] + self.soft(core) + raw[start + len(core):]
        return _TOKEN.sub(token, text)


@lru_cache(maxsize=8)
def _exception_table(exceptions: tuple[str, ...]) -> dict[str, str]:
    return {word.replace("-", "").lower(): word.lower() for word in exceptions}


def _positions(written: str) -> list[int]:
    positions, letters = [], 0
    for char in written:
        if char == "-":
            positions.append(letters)
        else:
            letters += 1
    return positions


@lru_cache(maxsize=65536)
def _with_soft_hyphens(word: str, positions: tuple[int, ...]) -> str:
    pieces, last = [], 0
    for position in positions:
        pieces.append(word[last:position])
        last = position
    pieces.append(word[last:])
    return SOFT_HYPHEN.join(pieces)


def url_breaks(address: str) -> str:
    """A web address as printed: a break allowed before each single slash, full stop and question mark and
    after "//", none after its own hyphens (a break there would read as a word's hyphen) or after a question
    mark, and no hyphen added."""
    return _URL_NO_BREAK_AFTER.sub(WORD_JOINER, _URL_BREAK.sub(ZERO_WIDTH_SPACE, address))


def _languages(root, hyphenator: Hyphenator) -> dict:
    """Each element inside a part marked with a language (`lang`: a chapter in Russian, the editors' footnote
    in it marked with the book's again) and the hyphenator for its words; the rest take `hyphenator`."""
    chosen = {}
    for element in root.iter():  # in document order: a part inside another is reached after it, and wins
        tag = element.get("lang") if isinstance(element.tag, str) else None
        if tag:
            other = hyphenator.other(tag)
            for inner in element.iter():
                chosen[inner] = other
    return chosen


def hyphenate(body: str, hyphenator: Hyphenator, unbroken: dict[str, frozenset[str]] | None = None,
              loose: frozenset[str] = frozenset(), tight: frozenset[str] = frozenset()) -> str:
    """The print edition's XHTML `body` with soft hyphens where words may break, and web addresses
    breakable after / and . only; a glossary term's asterisk after its possessive and apart from a
    note call (`_place_glossary_marks`); the words named in `unbroken` (per text_key) kept whole, and
    the paragraphs named in `loose` set a touch looser and those in `tight` a touch tighter (see page_fill)."""
    root = etree.fromstring(f'<root xmlns:epub="{_EPUB}">{body}</root>')
    unbroken = unbroken or {}
    keys: dict[etree._Element, frozenset[str]] = {}
    if loose or tight:
        _mark_spacing(root, {**{key: "loose" for key in loose}, **{key: "tight" for key in tight}})

    _place_glossary_marks(root)
    _bind_calls(root)
    words = {word for found in unbroken.values() for word in found}
    languages = _languages(root, hyphenator)

    def kept(element, text: str) -> frozenset[str]:
        if not any(word in text for word in words):
            return frozenset()  # no word of it to keep whole: its block need not be named
        block = _block_of(element)
        if block is None:
            return frozenset()
        if block not in keys:
            keys[block] = unbroken.get(text_key(own_text(block)), frozenset())
        return keys[block]

    for element in root.iter():
        if not isinstance(element.tag, str) or element is root:
            continue
        if element.text:
            if _is_address(element):
                element.text = url_breaks(element.text)
            elif not _never(element):
                element.text = languages.get(element, hyphenator).text(element.text, kept(element, element.text))
        if element.tail and not _never(element.getparent()):
            parent = element.getparent()
            element.tail = languages.get(parent, hyphenator).text(element.tail, kept(parent, element.tail))
    _keep_last_words_whole(root)
    _tighten_operators(root)
    _keep_references_whole(root)
    return "".join(etree.tostring(child, method="html", encoding=str) + (child.tail or "") for child in root) \
        if len(root) else body


#: What follows a glossary term and belongs with it before its asterisk, as a note's number follows
#: them: a possessive ("Lenin’s"), then any apostrophe or closing quotation marks ("Bolsheviks’",
#: "‘purges’", "“Thermidorian reaction”").
_POSSESSIVE = re.compile(r"[’']s(?![^\W_])")
_CLOSING = re.compile(r"[.,;:!?…]*[’'”]+(?![^\W_])")  # with the stop a quotation closes on: "Trials.”"


def _place_glossary_marks(root) -> None:
    """Print marks a glossary term's first use with a raised asterisk after the link (print.css):
    a possessive or closing quotation marks right after the term are taken into the link, so that
    the asterisk follows the whole word and its marks as a note's number does ("Bolsheviks’*",
    "reaction”*", "Trials.”*", not "Bolsheviks*’", "reaction*”", "Trials*.”"), and where a note call follows
    the link directly the asterisk and the note number stand apart, a thin no-break space between them
    ("Pact*\u202f8"), instead of reading as one mark ("Pact*8"): a character of fixed width (justification never
    stretches it, as it would a padding's neighbour, no-break space or word space), the same beside every call,
    that no line breaks at. It opens the call's own text, so that it is set at the raised figures' size
    (1.4 pt in 10 pt type) and not the text's (2 pt, which read as a word space between two small marks)."""
    for link in root.iter("a"):
        if "glossterm-discreet" not in (link.get("class") or "").split():
            continue
        holder = _text_after(link)
        text = (holder.tail or "") if holder is not None else ""
        possessive = _POSSESSIVE.match(text)
        end = possessive.end() if possessive else 0
        closing = _CLOSING.match(text, end)
        end = closing.end() if closing else end
        if end:
            holder.tail = text[end:] or None
            _append_text(link, text[:end])
        following = _next_after_anchors(link)
        if following is not None and _is_call(following):
            following.text = CALL_SEPARATOR + (following.text or "")  # set at the call's size, as the mark is


def _keep_last_words_whole(root) -> None:
    """No soft hyphen in the last word of a paragraph (a note's, a list item's, a glossary entry's too):
    a paragraph never ends on the tail of a broken word ("over-/thrown.", "capit-/alism."). A compositor's
    rule, kept before layout rather than mended after it, so that it holds in every layout, the plain
    path's too, and costs no layout more. A note's call is not a word: the word before it is the last."""
    pieces: dict = {}  # paragraph -> its runs of text, in order, as (element, "text" or "tail")
    for element in root.iter():
        if not isinstance(element.tag, str) or element is root:
            continue
        if element.text and not _is_call(element):
            pieces.setdefault(_paragraph_of(element), []).append((element, "text"))
        if element.tail and element.getparent() is not root:
            pieces.setdefault(_paragraph_of(element.getparent()), []).append((element, "tail"))
    for paragraph, runs in pieces.items():
        if paragraph is None:
            continue
        for element, where in reversed(runs):
            text = element.text if where == "text" else element.tail
            if not text.strip():
                continue
            head, last = _LAST_WORD.match(text).groups()
            if where == "text":
                element.text = head + last.replace(SOFT_HYPHEN, "")
            else:
                element.tail = head + last.replace(SOFT_HYPHEN, "")
            if head:
                break  # the word began in this run; otherwise its start is in the run before


#: A run of text as everything up to its last word, and that word with what follows it.
_LAST_WORD = re.compile(r"(.*?)(\S*\s*)\Z", re.DOTALL)


def _paragraph_of(element):
    """The paragraph a run of text is set in: its block, or the print glossary's entry, which sets its term,
    definition and references as one paragraph."""
    block = _block_of(element)
    entry = block
    while entry is not None and not (entry.tag == "div" and "entry" in (entry.get("class") or "").split()):
        entry = entry.getparent()
    return entry if entry is not None else block


def _is_call(element) -> bool:
    return element.tag == "a" and "noteref" in (element.get("class") or "").split()


def _bind_calls(root) -> None:
    """A word joiner at the start of each note call's number: WeasyPrint 70 breaks a line between the
    text before an inline box and the box where Pango would not break the text ("scale." then "50" alone
    on the next line); the joiner, which has no width and prints nothing, forbids that break, so a call
    never starts a line. The call's own text, so index anchors and glossary marks before it stay apart."""
    for link in root.iter("a"):
        if _is_call(link) and not (link.text or "").startswith(WORD_JOINER):
            link.text = WORD_JOINER + (link.text or "")


def _is_empty_anchor(element) -> bool:
    """An index's empty anchor (a place the index locates), which print sets after the words."""
    return element.tag == "span" and len(element) == 0 and not element.text and element.get("id") is not None


def _text_after(link):
    """The element whose tail holds the text right after `link` (past empty anchors)."""
    holder = link
    while not holder.tail and holder.getnext() is not None and _is_empty_anchor(holder.getnext()):
        holder = holder.getnext()
    return holder


def _next_after_anchors(link):
    """The element right after `link` with no text between them (past empty anchors), or None."""
    element = link
    while not element.tail and element.getnext() is not None:
        element = element.getnext()
        if not _is_empty_anchor(element):
            return element
    return None


def _append_text(element, text: str) -> None:
    """`text` added at the end of `element`'s content."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


#: A number range ("516–27", "102–103"): a line may break after an en dash, which leaves "534–" at a
#: line's end and "49" on the next; print keeps the range on one line.
_RANGE = re.compile(r"\d+–\d+")
#: A space a line must not break at: after "p.", "pp.", "chapter" or "note" before its number ("p. 103",
#: "pp. 69–70"), and between a day and its month ("23 October").
_TIED_SPACE = re.compile(r"\b(pp?\.|[Cc]hapters?|[Nn]otes?) (?=\d)|\b(\d{1,2}) (?=(?:January|February|March|"
                             r"April|May|June|July|August|September|October|November|December)\b)")


def _keep_references_whole(root) -> None:
    """Each number range wrapped in `<span class="nowrap">` (print.css), and "p.", "pp.", "chapter" or
    "note" joined to its number and a day to its month by a no-break space, in the text of every
    element but a web address's."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or _is_address(element):
            continue
        if element.text:
            element.text, spans = _range_spans(_tie(element.text))
            for span in reversed(spans):
                element.insert(0, span)
        for child in list(element):
            if child.tail:
                child.tail, spans = _range_spans(_tie(child.tail))
                for span in reversed(spans):
                    child.addnext(span)


def _tie(text: str) -> str:
    """`text` with its tied spaces (`_TIED_SPACE`) made no-break spaces."""
    return _TIED_SPACE.sub(lambda m: (m.group(1) or m.group(2)) + "\u00a0", text)


def _range_spans(text: str) -> tuple[str, list]:
    """`text` up to its first number range, and each range as a nowrap span carrying the text after it."""
    pieces = _RANGE.split(text)
    spans = []
    for number_range, after in zip(_RANGE.findall(text), pieces[1:]):
        span = etree.Element("span", {"class": "nowrap"})
        span.text, span.tail = number_range, after or None
        spans.append(span)
    return pieces[0], spans


#: An "=" or "+" inside a word or address ("?v=6meTW", "LGBT+"): the font gives it a fifth of an em
#: on each side, made for arithmetic; set so, it reads as "v = 6meTW".
_OPERATOR = re.compile(r"(?<=\S)[=+]|[=+](?=[^\s\u00ad\u200b])")


def _tighten_operators(root) -> None:
    """Wrap each such "=" and "+" in `<span class="operator">` (print.css takes its side bearings in)."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element is root:
            continue
        if element.text and _OPERATOR.search(element.text):
            text, spans = _split_operators(element.text)
            element.text = text
            for index, span in enumerate(spans):
                element.insert(index, span)
        if element.tail and _OPERATOR.search(element.tail):
            tail, spans = _split_operators(element.tail)
            element.tail = tail
            parent, at = element.getparent(), element.getparent().index(element)
            for offset, span in enumerate(spans, 1):
                parent.insert(at + offset, span)


def _split_operators(text: str):
    """`text` as its part before the first operator and a span for each operator (its tail the text after)."""
    pieces = _OPERATOR.split(text)
    operators = _OPERATOR.findall(text)
    spans = []
    for operator, after in zip(operators, pieces[1:]):
        span = etree.Element("span", {"class": "operator"})
        span.text, span.tail = operator, after
        spans.append(span)
    return pieces[0], spans


def _mark_spacing(root, spacing: dict[str, str]) -> None:
    """The paragraphs named (by text_key) given the class of their spacing ("loose" or "tight")."""
    for element in root.iter("p", "li", "div"):
        if element.tag == "div" and "entry" not in (element.get("class") or "").split():
            continue  # a div is spaced only as the print glossary's entry, a paragraph of its own
        name = spacing.get(text_key(own_text(element)))
        if name:
            element.set("class", " ".join(filter(None, [element.get("class"), name])))


def own_text(block) -> str:
    """A block's text without the notes called from it (they are laid out elsewhere)."""
    parts = []

    def walk(element):
        if element is not block and "footnote" in (element.get("class") or "").split():
            parts.append(element.tail or "")
            return
        parts.append(element.text or "")
        for child in element:
            walk(child)
        if element is not block:
            parts.append(element.tail or "")
    walk(block)
    return "".join(parts)


def _block_of(element):
    while element is not None:
        if isinstance(element.tag, str):
            if element.tag in _BLOCKS or "note-p" in (element.get("class") or "").split():
                return element
        element = element.getparent()
    return None


def _never(element) -> bool:
    while element is not None:
        if isinstance(element.tag, str) and (element.tag in _NEVER
                                             or _NEVER_CLASSES & set((element.get("class") or "").split())):
            return True
        element = element.getparent()
    return False


def _is_address(element) -> bool:
    """A link whose text is its own web address (or mail address), with nothing inside it."""
    href = element.get("href") or ""
    text = (element.text or "").strip()
    return element.tag == "a" and len(element) == 0 and bool(text) and href.startswith(("http", "mailto:")) \
        and (text in href or text.startswith(("http", "www.")))


def hyphen_faults(paragraphs, settled: Container[str] | None = None) -> dict[str, set[str]]:
    """Words to keep whole, per text_key, so that a layout has no third hyphenated line in a
    row and no page ending in a hyphen; and, where `settled` is given, no paragraph's last line that
    is only the end of a word broken on the line before (a compositor's rule: "-tion." alone reads
    as a fragment; where more words follow it, the break stays, for kept whole the word would leave
    the line before it loose by all its letters), but in the
    paragraphs `settled` names (text_key), which have had a word kept whole already: once per
    paragraph, so that setting it whole, which may break the next word, ends. Every such line's
    word at once (one layout more mends most; what setting them whole moves is judged on the next).
    `paragraphs` as weasy.line_ends reads them."""
    faults: dict[str, set[str]] = {}
    for paragraph in paragraphs:
        key = text_key(paragraph.text)
        last_word = settled is not None and key not in settled
        run = 0
        for index, line in enumerate(paragraph.lines):
            run = run + 1 if line.hyphenated else 0
            parts = paragraph.broken_parts(index)
            ends_last = parts is not None and last_word and index == len(paragraph.lines) - 2 \
                and paragraph.lines[-1].fill < SHORT_LAST_LINE \
                and (_only_a_fragment(paragraph.lines[-1]) or _letters(parts[0]) <= SHORT_HEAD)
            if parts and any(parts) and (run >= MAX_HYPHENS_IN_A_ROW + 1 or line.last_on_page or ends_last):
                faults.setdefault(key, set()).add("".join(parts).strip(_EDGES))
                run = 0  # as if set whole: the lines after it are judged again once it is
    return faults


def holed_words(paragraphs) -> dict[str, set[str]]:
    """Words to keep whole, per text_key: each broken at the end of a line set with holes (weasy/fixes.py),
    so that the line cannot end there and takes the words WeasyPrint left off it. `paragraphs` as
    weasy.line_ends reads them."""
    found: dict[str, set[str]] = {}
    for paragraph in paragraphs:
        for index, line in enumerate(paragraph.lines):
            word = paragraph.broken_word(index) if line.holed and line.added_hyphen else None
            if word:
                found.setdefault(text_key(paragraph.text), set()).add(word)
    return found


def _only_a_fragment(line) -> bool:
    """A paragraph's last line that holds nothing but a broken word's end (and its punctuation)."""
    return len(line.text.split()) <= 1


def _letters(text: str) -> int:
    """The letters of a broken word's start: few ("bu-", "com-"), and setting the word whole on the next line
    leaves its line hardly looser."""
    return sum(char.isalpha() for char in text)


def keep_words_whole(unbroken: dict[str, frozenset[str]], faults: dict[str, set[str]]) -> None:
    """Add a layout's hyphenation faults (words per paragraph) to the words kept whole."""
    for key, words in faults.items():
        unbroken[key] = unbroken.get(key, frozenset()) | words


def _breakable(word: str) -> bool:
    """A word the patterns may break: letters only, of any script, lower case (an apostrophe inside, as in
    "workers’s", ends it)."""
    return word.isalpha() and word.islower()


def lower_case_words(texts) -> frozenset[str]:
    """The words a book writes in lower case somewhere (for `Hyphenator.common`)."""
    return frozenset(word for text in texts for word in _LETTERS.findall(text)
                     if len(word) >= MIN_WORD and _breakable(word))


_LETTERS = re.compile(r"[^\W\d_]+")
