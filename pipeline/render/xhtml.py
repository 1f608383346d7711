"""The one renderer: the Book as XHTML fragments for both editions.

Both writers call these functions; they differ only in an Edition, which says
where each document lives (EPUB files, or one PDF document) and how a note
call looks (a link to the endnotes, or a footnote at the foot of the page).
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field

from ..language_tags import right_to_left
from ..model import Block, BlockKind, Book, Chapter, Figure, MarkKind, Note, NoteOrigin, Text, glossary_filing
from . import ids
from .inline import PLAIN, InlineStyle, lang_attributes, render_text
from .listing import listing
from .outline import opens_untitled, part_label, part_name, part_numbers
from .prose import render_prose

EPUB = "epub"
PRINT = "print"


def esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


@dataclass
class Edition:
    kind: str  # EPUB or PRINT
    files: dict[str, str] = field(default_factory=dict)  # document key -> file name (EPUB)
    # Print: note keys whose paragraph must not break across pages (a layout workaround).
    keep_whole: set[str] = field(default_factory=set)
    # Print: paragraphs (by text_key) to set without automatic hyphenation (a layout workaround).
    rebreak: set[str] = field(default_factory=set)
    # EPUB: anchor -> file, for documents split into parts.
    anchor_files: dict[str, str] = field(default_factory=dict)
    # The index spans to write (None: all). Print needs every one to read its page off the layout; the
    # EPUB only those its index links to (one a page, or a chapter): every span costs bytes, and the
    # longest chapter would no longer fit in one file.
    index_anchors: set[str] | None = None

    def href(self, document: str, anchor: str) -> str:
        if self.kind == PRINT:
            return f"#{anchor}"
        if anchor in self.anchor_files:
            return f"{self.anchor_files[anchor]}#{anchor}"
        if document not in self.files:
            return f"#{anchor}"
        return f"{self.files[document]}#{anchor}"


def chapter_key(chapter: Chapter) -> str:
    return ids.chapter_id(chapter)


# ---------------------------------------------------------------- notes

def _note_marker(note: Note, dash: str = "—") -> str:
    if note.origin in (NoteOrigin.EDITOR, NoteOrigin.SUPPLIED):
        return f'\u00a0<span class="editor-mark">{dash}\u00a0Ed.</span>'
    return ""


def _note_paragraphs(note: Note, lead: str = "", dash: str = "—") -> list[str]:
    paragraphs = [render_text(p, PLAIN) for p in note.paragraphs] or [""]
    paragraphs[0] = lead + paragraphs[0]
    paragraphs[-1] = paragraphs[-1] + _note_marker(note, dash)
    return paragraphs


def _note_class(note: Note) -> str:
    return f"note note-{note.origin.value}"


def language_attributes(tag: str | None, within: str | None = None) -> str:
    """`lang` and `xml:lang`, or nothing; and `dir` where the language runs right to left, or runs left to right
    `within` one that does (the book's words in an Arabic chapter)."""
    if not tag:
        return ""
    direction = ""
    if right_to_left(tag):
        direction = ' dir="rtl"'
    elif within and right_to_left(within):
        direction = ' dir="ltr"'
    return lang_attributes(tag) + direction


def chapter_title(chapter: Chapter) -> str:
    """The chapter's title, marked with its language where that is not the book's (in the contents, the notes,
    the sources)."""
    if not chapter.language:
        return esc(chapter.title)
    return f"<span{language_attributes(chapter.language)}>{esc(chapter.title)}</span>"


def _house_language(chapter: Chapter, book: Book) -> str:
    """The book's language again on the editors' words inside a chapter in another language (its label, a
    footnote, "Part One"): nothing where the chapter is in the book's language."""
    return language_attributes(book.meta.language if chapter.language else None, chapter.language)


def _call(chapter: Chapter, note: Note, edition: Edition, dash: str = "—", house: str = "") -> str:
    ref = ids.noteref_id(chapter, note.number)
    target = ids.note_id(chapter, note.number)
    if edition.kind == EPUB:
        return (f'<a href="{edition.href("endnotes", target)}" id="{ref}" class="noteref" '
                f'epub:type="noteref" role="doc-noteref">{note.number}</a>')
    paragraphs = _note_paragraphs(note, f'<span class="note-number">{note.number}</span> ', dash)
    body = "".join(f'<span class="note-p{" rebreak" if text_key(p) in edition.rebreak else ""}">{p}</span>'
                   for p in paragraphs)
    return (f'<a href="#{target}" id="{ref}" class="noteref" role="doc-noteref">{note.number}</a>'
            f'<span class="footnote {_note_class(note)}" id="{target}" role="doc-footnote"{house}>{body}</span>')


def _style(chapter: Chapter, book: Book, edition: Edition) -> InlineStyle:
    by_key = {note.key: note for note in chapter.notes}

    def note_call(key: str) -> str:
        note = by_key.get(key)
        return _call(chapter, note, edition, book.meta.dash, _house_language(chapter, book)) if note else ""

    # How print marks a term (styles/print.css); e-readers show the link as they show links.
    marking = f" glossterm-{book.meta.glossary_terms}" if edition.kind == PRINT else ""

    def glossary_link(entry_id: str, inner: str) -> str:
        target = edition.href("glossary", ids.glossary_entry_id(entry_id))
        epub_type = ' epub:type="glossref"' if edition.kind == EPUB else ""
        return (f'<a href="{target}" id="{ids.term_use_id(chapter, entry_id)}" class="glossterm{marking}" '
                f'role="doc-glossref"{epub_type}>{inner}</a>')

    def index_span(anchor: str, inner: str) -> str:
        if edition.index_anchors is not None and anchor not in edition.index_anchors:
            return inner
        if edition.kind == PRINT:
            return print_index_anchors(anchor, inner)
        return f'<span id="{anchor}">{inner}</span>'

    return InlineStyle(note_call, glossary_link, index_span)


#: A tag, or the space that ends an occurrence's first word.
_TAG_OR_SPACE = re.compile(r"<[^>]*>| ")


def print_index_anchors(anchor: str, inner: str) -> str:
    """An index occurrence in print: an empty anchor after its first word (the page it starts on) and, where
    it has more words, one after its last (the page it ends on). Empty and glued to a word, never after a
    space: wrapping the words would end the text before them in a space next to an inline box, which
    WeasyPrint 70 may break after one word (weasy/fixes.py, bug 2), and the plain path has no fix for that.
    A word is never broken over a page's turn (the writer keeps it whole), so a form that runs over one
    breaks at a space."""
    space = next((m.start() for m in _TAG_OR_SPACE.finditer(inner) if m.group() == " "), None)
    if space is None:
        return f'{inner}<span id="{anchor}"></span>'
    return (f'{inner[:space]}<span id="{anchor}"></span>{inner[space:]}'
            f'<span id="{ids.index_end_id(anchor)}"></span>')


# ---------------------------------------------------------------- chapters

_WORDS = re.compile(r"[^\W\d_]+")


def text_key(text: str) -> str:
    """A paragraph's identity for layout remedies: its first letters, whatever the hyphenation."""
    return "".join(_WORDS.findall(html.unescape(re.sub(r"<[^>]+>", "", text)).lower()))[:60]


def _block(block: Block, style: InlineStyle, edition: Edition | None = None) -> str:
    if block.kind is BlockKind.PARAGRAPH:
        text = block.lines[0]
        code = listing(text)
        if code is not None:  # a saved page's <pre>: its lines and indents kept, nothing linked inside
            return f'<pre class="listing"><code>{html.escape(code, quote=False)}</code></pre>'
        classes = []
        if edition is not None:
            if any(m.ref in edition.keep_whole for m in text.marks if m.kind is MarkKind.NOTE_CALL):
                classes.append("keep-whole")
            if edition.rebreak and text_key(text.text) in edition.rebreak:
                classes.append("rebreak")
        attributes = f' class="{" ".join(classes)}"' if classes else ""
        return f"<p{attributes}>{render_text(text, style)}</p>"
    if block.kind is BlockKind.LIST:
        items = "".join(f"<li>{render_text(t, style)}</li>" for t in block.lines)
        tag = "ol" if block.ordered else "ul"
        return f"<{tag}>{items}</{tag}>"
    if block.kind is BlockKind.TABLE:
        return _table(block, style)
    if block.kind is BlockKind.QUOTATION:
        parts = [f"<p>{render_text(t, style)}</p>" for t in block.lines]
        if block.signature:
            parts.append(f'<p class="signature">{render_text(block.signature, style)}</p>')
        if block.source:
            parts.append(f'<p class="quote-source"><cite>{render_text(block.source, style)}</cite></p>')
        kind = " letter" if block.signature else ""
        return f'<blockquote class="quotation{kind}">{"".join(parts)}</blockquote>'
    raise ValueError(block.kind)


def _table(block: Block, style: InlineStyle) -> str:
    rows = []
    for index, row in enumerate(block.rows):
        cell = "th" if index < block.header_rows else "td"
        scope = ' scope="col"' if cell == "th" else ""
        rows.append("<tr>" + "".join(f"<{cell}{scope}>{render_text(c, style)}</{cell}>" for c in row) + "</tr>")
    head = "".join(rows[:block.header_rows])
    body = "".join(rows[block.header_rows:])
    caption = f"<caption>{render_text(block.lines[0], style)}</caption>" if block.lines else ""
    return f'<table class="data">{caption}{f"<thead>{head}</thead>" if head else ""}<tbody>{body}</tbody></table>'


def image_source(chapter: Chapter, index: int, figure: Figure, edition: Edition) -> str:
    """Where the edition finds the image: a file packaged beside the chapter (EPUB), or the bytes
    themselves in a data: address (PDF: the one kind of address its URL fetcher serves besides styles/)."""
    if edition.kind == PRINT:
        return f"data:{figure.media_type};base64,{base64.b64encode(figure.data).decode('ascii')}"
    return "../" + ids.figure_file(chapter, index, figure.media_type)


def chapter_figures(chapter: Chapter):
    """(index, figure) of each figure of the chapter, numbered as the renderer numbers them."""
    index = 0
    for block in chapter.article.blocks:
        if block.kind is BlockKind.FIGURE:
            index += 1
            yield index, block.figure


def _figure(chapter: Chapter, index: int, block: Block, style: InlineStyle, edition: Edition) -> str:
    figure = block.figure
    parts = []
    if figure.data:
        size = f' width="{figure.width}" height="{figure.height}"' if figure.width and figure.height else ""
        parts.append(f'<img src="{esc(image_source(chapter, index, figure, edition))}" alt="{esc(figure.alt)}"{size}/>')
    if figure.caption:
        parts.append(f"<figcaption>{render_text(figure.caption, style)}</figcaption>")
    return f'<figure id="{ids.figure_id(chapter, index)}" class="figure">{"".join(parts)}</figure>'


UNKNOWN_AUTHOR = "Author unknown"
#: A publication's name and a place or note in brackets after it ("Solidarity (Australia)").
_QUALIFIED = re.compile(r"^(.*\S)\s+(\([^()]*\))$")


def publication_title(name: str, tag: str) -> str:
    """A publication's name set as a title (in `tag`), a bracketed qualifier after it left roman."""
    match = _QUALIFIED.match(name)
    if match:
        return f"<{tag}>{esc(match.group(1))}</{tag}> {esc(match.group(2))}"
    return f"<{tag}>{esc(name)}</{tag}>"


def attribution(chapter: Chapter) -> str:
    """What the editors know of who wrote the chapter: its author, or else its publication."""
    if chapter.author:
        return esc(chapter.author)
    if chapter.publication:
        return publication_title(chapter.publication, "cite")
    return f'<span class="unknown">{UNKNOWN_AUTHOR}</span>'  # the editors' word, not a name: set apart


def render_chapter(chapter: Chapter, book: Book, edition: Edition) -> str:
    style = _style(chapter, book, edition)
    article = chapter.article
    house = _house_language(chapter, book)
    out = [f'<section id="{ids.chapter_id(chapter)}" class="chapter" epub:type="chapter" role="doc-chapter" '
           f'aria-labelledby="{ids.chapter_title_id(chapter)}"{language_attributes(chapter.language)}>']
    out.append('<header class="chapter-head">')
    out.append(f'<p class="chapter-number"{house}><span class="label">Chapter </span>{chapter.number}</p>')
    head = esc(chapter.running_head or chapter.title)  # print's, over its pages
    out.append(f'<h2 id="{ids.chapter_title_id(chapter)}" class="chapter-title" data-running-head="{head}">'
               f'{esc(chapter.title)}</h2>')
    # every opening has its byline, the same place and style, even where the standfirst also names the
    # writer ("…, writes Tom Orsag"): a book designer's read found one opening without it odd
    out.append(f'<p class="byline">{attribution(chapter)}</p>')
    if article.standfirst:
        out.append(f'<p class="standfirst">{render_text(article.standfirst, style)}</p>')
    out.append("</header>")
    if article.epigraph:
        lines = "".join(f"<p>{render_text(t, style)}</p>" for t in article.epigraph.lines)
        if article.epigraph.source:
            lines += (f'<p class="epigraph-source">{book.meta.dash}\u00a0'
                      f'<cite>{render_text(article.epigraph.source, style)}</cite></p>')
        out.append(f'<blockquote class="epigraph" epub:type="epigraph" role="doc-epigraph">{lines}</blockquote>')
    section = 0
    figures = 0
    parts = part_numbers(article.blocks)
    depth = 1 if parts else 0  # sections sit a level lower inside parts
    in_part = in_section = False
    if opens_untitled(parts):
        out.append(_part_opening(chapter, 1, None, style, house))
        in_part = True
    for k, block in enumerate(article.blocks):
        if block.kind is BlockKind.FIGURE:
            figures += 1
            out.append(_figure(chapter, figures, block, style, edition))
        elif block.kind is BlockKind.HEADING and k in parts:
            out.append("</section>" * (in_section + in_part))
            out.append(_part_opening(chapter, parts[k], block.lines[0], style, house))
            in_part, in_section = True, False
        elif block.kind is BlockKind.HEADING and block.level > 1:  # a subheading: within its section
            tag = f"h{min(block.level + 2 + depth, 6)}"
            out.append(f"<{tag}>{render_text(block.lines[0], style)}</{tag}>")
        elif block.kind is BlockKind.HEADING:
            if in_section:
                out.append("</section>")
            section += 1
            sid = ids.section_id(chapter, section)
            # Not labelled: a labelled section is a landmark, and two sections may share a heading.
            out.append(f'<section id="{sid}" class="section">')
            out.append(f'<h{3 + depth} id="{sid}-heading">{render_text(block.lines[0], style)}</h{3 + depth}>')
            in_section = True
        else:
            out.append(_block(block, style, edition))
    out.append("</section>" * (in_section + in_part))
    if article.about_author:
        out.append(f'<footer class="about-author"><p>{render_text(article.about_author, style)}</p></footer>')
    if article.references:
        rid = f"{ids.chapter_id(chapter)}-references"
        items = "".join(f"<li>{render_text(t)}</li>" for t in article.references)
        heading = esc(article.references_heading)  # the page's own word, in the article's language
        out.append(f'<section id="{rid}" class="references" epub:type="bibliography" role="doc-bibliography" '
                   f'aria-labelledby="{rid}-heading"><h3 id="{rid}-heading">{heading}</h3><ul>{items}</ul></section>')
    out.append("</section>")
    return "\n".join(out)


def _part_opening(chapter: Chapter, number: int, title: Text | None, style: InlineStyle, house: str = "") -> str:
    """A part's section and its heading: its number over its title (none for an untitled part one). The
    number is in the heading, for those who go by headings; the colon after it shows where no style sheet
    sets the two apart, and the print bookmark reads `data-label`."""
    pid = ids.part_id(chapter, number)
    inner = f'<span class="part-number"{house}>{part_name(number)}</span>'
    if title is not None:
        inner += f'<span class="part-colon">: </span><span class="part-name">{render_text(title, style)}</span>'
    label = html.escape(part_label(number, title.text if title is not None else None), quote=True)
    return (f'<section id="{pid}" class="part">\n'
            f'<h3 id="{pid}-heading" class="part-title" data-label="{label}">{inner}</h3>')


# ---------------------------------------------------------------- notes (EPUB)

def render_endnotes(book: Book, edition: Edition) -> str:
    out = ['<section id="endnotes" class="endnotes" epub:type="endnotes" role="doc-endnotes" '
           'aria-labelledby="endnotes-title">', '<h2 id="endnotes-title">Notes</h2>']
    for chapter in book.chapters:
        if not chapter.notes:
            continue
        nid = ids.chapter_notes_id(chapter)
        out.append(f'<section id="{nid}" aria-labelledby="{nid}-title">')
        # To the chapter's title: converters (pandoc) keep a heading's id, not a section's.
        out.append(f'<h3 id="{nid}-title"><a href="{edition.href(chapter_key(chapter), ids.chapter_title_id(chapter))}">'
                   f'{chapter.number}. {chapter_title(chapter)}</a></h3>')
        # Numbered once, by the back-link that leads each note (Kindle pairs a note with its call
        # by it): an <ol> would number them again in every conversion that ignores the style
        # sheet (calibre, pandoc: "1. 1. Quoted in …"), so the list is one for ARIA only.
        out.append('<div class="notes" role="list">')
        for note in chapter.notes:
            back = edition.href(chapter_key(chapter), ids.noteref_id(chapter, note.number))
            lead = f'<a href="{back}" class="backlink" role="doc-backlink">{note.number}.</a> '
            paragraphs = "".join(f"<p>{p}</p>" for p in _note_paragraphs(note, lead, book.meta.dash))
            out.append(f'<div id="{ids.note_id(chapter, note.number)}" class="{_note_class(note)}" '
                       f'epub:type="endnote" role="listitem">{paragraphs}</div>')
        out.append("</div></section>")
    out.append("</section>")
    return "\n".join(out)


def has_notes(book: Book) -> bool:
    return any(chapter.notes for chapter in book.chapters)


# ---------------------------------------------------------------- glossary

def glossary_pages(book: Book, labels: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Entry id -> [(page label, anchor)] of each chapter's first use of the term, from the print
    edition's `labels` (anchor -> page label)."""
    pages: dict[str, list[tuple[str, str]]] = {}
    for entry in book.glossary:
        refs = []
        for chapter in book.chapters:
            anchor = ids.term_use_id(chapter, entry.id)
            if anchor in labels:
                refs.append((labels[anchor], anchor))
        pages[entry.id] = refs
    return pages


def render_glossary(book: Book, edition: Edition, pages: dict[str, list[tuple[str, str]]] | None = None) -> str:
    """The glossary; `pages` maps entry id -> [(page label, anchor)] of its uses: the print edition's
    pages (the e-book has them too when the print layout is known; else it names chapters)."""
    out = ['<section id="glossary" class="glossary" epub:type="glossary" role="doc-glossary" '
           'aria-labelledby="glossary-title">', '<h2 id="glossary-title">Glossary</h2>', "<dl>"]
    by_id = {e.id: e for e in book.glossary}
    chapters = {c.id: c for c in book.chapters}
    for _, entry, form in _glossary_rows(book.glossary):
        if edition.kind == PRINT:  # one block per entry, which print sets as one paragraph (print.css)
            out.append('<div class="entry">')
        if form:
            out.append(_glossary_reference(form, entry))
        else:
            out.append(_glossary_definition(entry, edition, by_id, chapters, pages))
        if edition.kind == PRINT:
            out.append("</div>")
    out.append("</dl></section>")
    return "\n".join(out)


def _glossary_rows(entries) -> list:
    """(filing key, entry, form) for every entry (form None) and every cross-reference from a form a
    reader may look up under its own letter, in filing order."""
    rows = [(entry.filing(), entry, None) for entry in entries]
    rows += [(glossary_filing(form), entry, form) for entry in entries for form in entry.see_from]
    return sorted(rows, key=lambda row: (row[0], row[2] is not None))


def _glossary_reference(form: str, entry) -> str:
    """'show trials. See Moscow Trials.': the reader who looks the text's word up finds the headword. No
    <dfn>: the term is defined under the headword, not here."""
    target = ids.glossary_entry_id(entry.id)
    return (f'<dt class="see-term" epub:type="glossterm">{esc(form)}</dt><dd epub:type="glossdef">'
            f'<p class="see"><em>See</em>\u00a0<a href="#{target}">{esc(entry.term)}</a>.</p></dd>')


def _glossary_definition(entry, edition: Edition, by_id: dict, chapters: dict,
                         pages: dict[str, list[tuple[str, str]]] | None) -> str:
    """An entry: its term, definition, related entries and the pages (or chapters) that use it."""
    eid = ids.glossary_entry_id(entry.id)
    # The target is the <dfn>: pandoc's EPUB reader drops a <dt>'s id, and every link with it.
    out = [f'<dt epub:type="glossterm"><dfn id="{eid}">{esc(entry.term)}</dfn></dt>',
           f'<dd epub:type="glossdef">{render_prose(entry.definition)}']
    related = sorted((by_id[r] for r in entry.see_also if r in by_id), key=lambda r: r.filing())  # as filed
    if related:
        links = ", ".join(f'<a href="#{ids.glossary_entry_id(r.id)}">{esc(r.term)}</a>' for r in related)
        out.append(f'<p class="see-also"><em>See\u00a0also</em>\u00a0{links}.</p>')
    uses = [chapters[c] for c in entry.uses if c in chapters]
    if uses and pages is not None:
        found = pages.get(entry.id, [])
        files = {ids.term_use_id(c, entry.id): chapter_key(c) for c in uses}
        refs = ", ".join(f'<a href="{edition.href(files.get(anchor, ""), anchor)}">{label}</a>'
                         for label, anchor in found)
        if refs:
            out.append(f'<p class="uses">{"Page" if len(found) == 1 else "Pages"}\u00a0{refs}.</p>')
    elif uses:
        refs = ", ".join(
            f'<a href="{edition.href(chapter_key(c), ids.term_use_id(c, entry.id))}">{c.number}</a>'
            for c in uses)
        word = "Chapter" if len(uses) == 1 else "Chapters"
        out.append(f'<p class="uses">{word} {refs}.</p>')
    out.append("</dd>")
    return "\n".join(out)


# ---------------------------------------------------------------- front and back matter

def credit(meta) -> str:
    """The credit line, escaped, the editors' name in it kept on one line (a `nowrap` span): a
    name broken across lines ("the Reader / Pipeline editors") reads as two. The name is found as
    `editor:` gives it, whatever its capitals."""
    line, name = meta.credit_line, meta.editor or ""
    at = line.lower().find(name.lower()) if name else -1
    if at < 0 or " " not in name.strip():
        return esc(line)
    end = at + len(name)
    return f'{esc(line[:at])}{_unbroken(line[at:end])}{esc(line[end:])}'


def _unbroken(text: str) -> str:
    """`text`, escaped, in a span print keeps on one line (print.css `.nowrap`)."""
    return f'<span class="nowrap">{esc(text)}</span>'


def render_titlepage(book: Book) -> str:
    meta = book.meta
    subtitle = (f'<p class="subtitle" epub:type="subtitle" role="doc-subtitle">{esc(meta.subtitle)}</p>'
                if meta.subtitle else "")
    publisher = f'<p class="publisher">{esc(meta.publisher)}</p>' if meta.publisher else ""
    return (f'<section id="titlepage" class="titlepage" epub:type="titlepage" aria-label="Title page">'
            f'<h1 class="book-title" epub:type="title">{esc(meta.title)}</h1>{subtitle}'
            f'<p class="editor">{credit(meta)}</p>'
            f'{publisher}</section>')


def render_halftitle(book: Book) -> str:
    return (f'<section id="halftitle" class="halftitle" epub:type="halftitlepage" aria-label="Half title">'
            f'<p class="halftitle-title">{esc(book.meta.title)}</p></section>')


#: The e-book's copyright page, where its glossary and index give the print edition's page numbers.
PRINT_PAGES_NOTE = ("The page numbers in the glossary, in the index and in the e-book’s page list are those of the "
                    "print edition; in the e-book each leads to the place it names.")


def render_imprint(book: Book, edition_kind: str = PRINT, print_pages: bool = False) -> str:
    """The copyright page (the e-book's follows its title page, as the print edition's does). An e-book that
    carries the print edition's page numbers (`print_pages`) says whose pages its glossary and index name."""
    meta = book.meta
    lines = [f"<p>{esc(meta.title)}{': ' + esc(meta.subtitle) if meta.subtitle else ''}</p>",
             f"<p>{credit(meta)}</p>"]
    if meta.rights:
        lines.append(f"<p>{esc(meta.rights)}</p>")
    if meta.publisher:
        lines.append(f"<p>Published by {esc(meta.publisher)}{', ' + esc(meta.date[:4]) if meta.date else ''}</p>")
    isbn = meta.isbn or (meta.identifier[len("urn:isbn:"):] if meta.identifier.lower().startswith("urn:isbn:")
                         else None)
    if isbn:  # a urn:uuid identifies the files, not the book a reader could order: not printed
        lines.append(f'<p class="isbn">ISBN {esc(isbn)}</p>')
    # As the sources page says: the web pages are what the texts were taken from (one has no known first
    # publication); it lists their addresses only where book.yaml gives every chapter's `url`.
    where = ("from the web pages listed among the sources at the end of the book"
             if book.chapters and all(chapter.url for chapter in book.chapters) else
             "from their publishers’ web pages; the sources at the end of the book give what is known of each")
    lines.append(f"<p>The articles are reproduced {where}. Notes marked “Ed.” are the editors’.</p>")
    if book.glossary and meta.glossary_terms == "discreet" and edition_kind == PRINT:
        lines.append("<p>An asterisk after a word (Lenin*) marks its first use in a chapter of a term explained "
                     "in the glossary, which lists after each entry the pages where it is so marked.</p>")
    elif book.glossary and edition_kind == EPUB:  # the reader sees a link, styled as each reading system does
        lines.append("<p>A term explained in the glossary is a link to its entry at its first use in each chapter; "
                     "the entry links back to each of those uses.</p>")
    if edition_kind == EPUB and print_pages:
        lines.append(f"<p>{PRINT_PAGES_NOTE}</p>")
    return f'<section id="imprint" class="imprint" epub:type="copyright-page" aria-label="Copyright">{"".join(lines)}</section>'


def render_introduction(book: Book) -> str:
    return (f'<section id="introduction" class="introduction" epub:type="introduction" role="doc-introduction" '
            f'aria-labelledby="introduction-title"><h2 id="introduction-title">Introduction</h2>'
            f'{render_prose(book.introduction)}</section>')


_MONTHS = ("January February March April May June July August September October November December").split()


def human_date(value: str | None) -> str:
    """2023-03-05 -> 5 March 2023; 2003-03 -> March 2003; 2003 -> 2003."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return value


def _source_entry(chapter: Chapter) -> str:
    text = f"<strong>{chapter_title(chapter)}</strong>"
    if chapter.author:
        text += f", by {esc(chapter.author)}"
    text += "."
    where = [publication_title(chapter.publication, "em")] if chapter.publication else []
    if chapter.published:
        where.append(esc(human_date(chapter.published)))
    if where:
        # an article its publication prints without a name is said to be unsigned, not left to look forgotten
        text += (" First published" if chapter.author else " Unsigned; first published") + " in " + ", ".join(where) + "."
    elif not chapter.author:
        text += " Author and first publication unknown."
    if chapter.url:
        text += f' Online at <a href="{esc(chapter.url)}">{esc(chapter.url)}</a>.'
    summary = f'<p class="summary">{esc(chapter.summary)}</p>' if chapter.summary else ""
    return f'<div class="source" role="listitem"><p>{chapter.number}. {text}</p>{summary}</div>'


def render_colophon(book: Book) -> str:
    """The sources, numbered once as the chapters are (a list for ARIA only, as the notes)."""
    items = "".join(_source_entry(c) for c in book.chapters)
    extra = render_prose(book.colophon)
    meta = book.meta
    return (f'<section id="colophon" class="colophon" epub:type="colophon" role="doc-colophon" '
            f'aria-labelledby="colophon-title"><h2 id="colophon-title">Sources</h2>{extra}'
            f'<div class="sources" role="list">{items}</div>'
            f'<p class="production">This edition of <cite>{esc(meta.title)}</cite> was compiled and annotated by '
            f'{_unbroken(meta.editor)}{", " + esc(human_date(meta.date)) if meta.date else ""}. '
            f'It is set in Charis SIL, '
            f'an open-source typeface by SIL International.</p></section>')


def render_contents(book: Book, pages: dict[str, str] | None = None, front: list[tuple[str, str]] = ()) -> str:
    """The print edition's contents page; `pages` maps anchor id -> page label."""
    pages = pages or {}

    def item(anchor: str, title: str, extra: str = "", cls: str = "") -> str:
        label = pages.get(anchor, "")
        return (f'<li class="{cls}"><a href="#{anchor}"><span class="toc-title">{title}</span>'
                f'<span class="toc-page">{esc(label)}</span></a>{extra}</li>')

    rows = [item(anchor, esc(title), cls="toc-front") for anchor, title in front]
    for chapter in book.chapters:
        author = f'<span class="toc-author">{attribution(chapter)}</span>'
        rows.append(item(ids.chapter_id(chapter),
                         f'<span class="toc-number">{chapter.number}</span> {chapter_title(chapter)}', author,
                         "toc-chapter"))
    if book.glossary:
        rows.append(item("glossary", "Glossary", cls="toc-back"))
    if book.index:
        rows.append(item("index", "Index", cls="toc-back"))
    rows.append(item("colophon", "Sources", cls="toc-back"))
    return (f'<nav id="contents" class="contents" role="doc-toc" aria-labelledby="contents-title">'
            f'<h2 id="contents-title">Contents</h2><ol>{"".join(rows)}</ol></nav>')

