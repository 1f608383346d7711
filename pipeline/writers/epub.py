"""The EPUB 3 edition, packaged with ebooklib.

The renderer's fragments are wrapped in complete XHTML documents here and
handed to ebooklib as plain items, so ebooklib's HTML re-parsing cannot drop
`<body epub:type>` or rewrite markup. Known ebooklib 0.20 traps are worked
around where they arise: page-list entries for every element with an id and
an epub:type (#339) — page list off; a non-linear cover page (#315) — our own
cover page, linear; repeated creator ids (#356) — explicit ids; a random
identifier and wall-clock zip times — a fixed identifier and a re-zip with
fixed entry times, `mimetype` first and stored, entries sorted.
"""

from __future__ import annotations

import datetime
import html
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ebooklib import epub

from ..dates import source_datetime
from ..model import Book
from ..render import ids
from ..render.outline import OutlineEntry, chapter_outline
from ..render.xhtml import (EPUB, Edition, chapter_figures, chapter_key, chapter_title, glossary_pages, has_notes,
                            language_attributes, render_chapter, render_colophon, render_endnotes, render_glossary,
                            render_imprint, render_introduction, render_titlepage)
from ..render.index import linked_anchors, render_index
from .epub_index import index_view
from .epub_pages import mark_pages, page_list_nav, print_source
from .ncx import finish_ncx
from .page_list import PageList
from .cover import cover_png
from .split import anchors, split_fragment

FONTS = ("CharisSIL-Regular.ttf", "CharisSIL-Italic.ttf", "CharisSIL-Bold.ttf", "CharisSIL-BoldItalic.ttf")
XHTML = "application/xhtml+xml"


@dataclass
class Document:
    key: str
    file: str  # path inside EPUB/
    title: str
    body: str
    body_type: str  # epub:type of <body>
    properties: tuple = ()


def _wrap(doc: Document, language: str) -> bytes:
    lang = html.escape(language)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'lang="{lang}" xml:lang="{lang}">\n<head>\n<meta charset="utf-8"/>\n'
            f'<title>{html.escape(doc.title)}</title>\n'
            f'<link rel="stylesheet" type="text/css" href="../css/shared.css"/>\n'
            f'<link rel="stylesheet" type="text/css" href="../css/epub.css"/>\n</head>\n'
            f'<body epub:type="{doc.body_type}">\n{doc.body}\n</body>\n</html>\n').encode("utf-8")


#: The back matter's documents as the contents, the landmarks and the NCX list them: a book's order.
BACK_MATTER = (("endnotes", "Notes"), ("glossary", "Glossary"), ("index", "Index"), ("colophon", "Sources"))


def _documents(book: Book) -> list[Document]:
    docs = [Document("cover", "text/cover.xhtml", "Cover", "", "cover"),
            Document("titlepage", "text/titlepage.xhtml", "Title page", "", "frontmatter"),
            Document("toc", "text/toc.xhtml", "Contents", "", "frontmatter", ("nav",))]
    if book.introduction:
        docs.append(Document("introduction", "text/introduction.xhtml", "Introduction", "", "frontmatter"))
    for chapter in book.chapters:
        docs.append(Document(chapter_key(chapter), f"text/chapter-{chapter.number}.xhtml", chapter.title, "",
                             "bodymatter"))
    # the back matter in a book's order (Chicago 1.4): notes, glossary, index; the sources close it
    if has_notes(book):
        docs.append(Document("endnotes", "text/endnotes.xhtml", "Notes", "", "backmatter"))
    if book.glossary:
        docs.append(Document("glossary", "text/glossary.xhtml", "Glossary", "", "backmatter"))
    if book.index:  # the manifest says the document holds an index: EPUBCheck then checks its structure
        docs.append(Document("index", "text/index.xhtml", "Index", "", "backmatter", ("index",)))
    docs.append(Document("colophon", "text/colophon.xhtml", "Sources", "", "backmatter"))
    return docs


def _cover_body(book: Book) -> str:
    meta = book.meta
    # What the cover shows, as it shows it: the title page's credit ("Selected, introduced and annotated by …")
    alt = f"Cover: {meta.title}" + (f": {meta.subtitle}" if meta.subtitle else "") + f". {meta.credit_line}"
    return (f'<section id="cover" class="cover" epub:type="cover">'
            f'<img src="../images/cover.png" alt="{html.escape(alt)}" role="doc-cover"/></section>')


def _nav_body(book: Book, docs: dict[str, Document], anchor_files: dict[str, str]) -> str:
    def href(key: str, anchor: str | None = None) -> str:
        name = anchor_files.get(anchor) or docs[key].file.removeprefix("text/")
        return f"{name}#{anchor}" if anchor else name

    items = []  # as the print edition's contents: from the introduction (the title page opens the book anyway)
    if "introduction" in docs:
        items.append(f'<li><a href="{href("introduction")}">Introduction</a></li>')
    def nested(key: str, entries: list[OutlineEntry], attributes: str = "") -> str:
        """The chapter's parts and sections as nested lists (`attributes` on the outermost: its language)."""
        if not entries:
            return ""
        return f"<ol{attributes}>" + "".join(
            f'<li><a href="{href(key, e.id)}">{html.escape(e.title)}</a>{nested(key, e.children)}</li>'
            for e in entries) + "</ol>"

    for chapter in book.chapters:
        key = chapter_key(chapter)
        sub = nested(key, chapter_outline(chapter), language_attributes(chapter.language))  # its sections' too
        items.append(f'<li><a href="{href(key)}">{chapter.number}. {chapter_title(chapter)}</a>{sub}</li>')
    where = {key: (key, None) for key in docs}
    for key, title in BACK_MATTER:
        if key in where:
            items.append(f'<li><a href="{href(*where[key])}">{title}</a></li>')
    landmarks = [("cover", "cover", "Cover"), ("toc", "toc", "Contents")]
    first = chapter_key(book.chapters[0])
    landmarks.append((first, "bodymatter", "Start of reading"))
    landmarks += [(key, key, title) for key, title in BACK_MATTER if key in where]  # epub:type = the key
    marks = "".join(f'<li><a href="{href(*where[k])}" epub:type="{t}">{n}</a></li>' for k, t, n in landmarks)
    return (f'<nav id="toc" epub:type="toc" role="doc-toc" aria-labelledby="toc-title">'
            f'<h2 id="toc-title">Contents</h2><ol>{"".join(items)}</ol></nav>\n'
            f'<nav id="landmarks" epub:type="landmarks" aria-labelledby="landmarks-title" hidden="hidden">'
            f'<h2 id="landmarks-title">Landmarks</h2><ol>{marks}</ol></nav>')


def _metadata(book: Book, ebook: epub.EpubBook, paged: bool = False) -> None:
    meta = book.meta
    ebook.set_identifier(meta.identifier)
    ebook.set_language(meta.language)
    ebook.title = meta.title
    ebook.add_metadata("DC", "title", meta.title, {"id": "title"})
    ebook.add_metadata(None, "meta", "main", {"refines": "#title", "property": "title-type"})
    if meta.subtitle:
        ebook.add_metadata("DC", "title", meta.subtitle, {"id": "subtitle"})
        ebook.add_metadata(None, "meta", "subtitle", {"refines": "#subtitle", "property": "title-type"})
    ebook.add_metadata("DC", "creator", meta.editor_alone, {"id": "editor"})
    ebook.add_metadata(None, "meta", "edt", {"refines": "#editor", "property": "role", "scheme": "marc:relators"})
    for i, name in enumerate(book.contributors, start=1):
        ebook.add_metadata("DC", "contributor", name, {"id": f"contributor-{i}"})
        ebook.add_metadata(None, "meta", "aut", {"refines": f"#contributor-{i}", "property": "role",
                                                 "scheme": "marc:relators"})
    if meta.publisher:
        ebook.add_metadata("DC", "publisher", meta.publisher)
    if meta.date:
        ebook.add_metadata("DC", "date", meta.date)
    if meta.rights:
        ebook.add_metadata("DC", "rights", meta.rights)
    if meta.description:
        ebook.add_metadata("DC", "description", meta.description)
    if paged:
        # The print edition the page breaks and page list follow (EPUB 3 "source-of pagination").
        ebook.add_metadata("DC", "source", print_source(book), {"id": "print-source"})
        ebook.add_metadata(None, "meta", "pagination", {"refines": "#print-source", "property": "source-of"})
    _accessibility(book, ebook, paged)
    ebook.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})


def _accessibility(book: Book, ebook: epub.EpubBook, paged: bool) -> None:
    """EPUB Accessibility 1.1 metadata: only what is true of this book."""
    def prop(name: str, value: str) -> None:
        ebook.add_metadata(None, "meta", value, {"property": name})

    prop("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA")
    prop("schema:accessMode", "textual")
    prop("schema:accessMode", "visual")
    prop("schema:accessModeSufficient", "textual")
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "alternativeText",
                "displayTransformability"]
    if book.index:
        features.append("index")
    if paged:
        features += ["pageBreakMarkers", "pageNavigation", "printPageNumbers"]
        prop("pageBreakSource", print_source(book))  # EPUB's meta vocabulary (page-source-id)
    for feature in features:
        prop("schema:accessibilityFeature", feature)
    prop("schema:accessibilityHazard", "none")
    prop("schema:accessibilitySummary",
         "A text-only reader with a navigable table of contents, headings in order, notes linked to and from "
         "their calls, and a glossary linked from the text. The cover image has a text description; no "
         "information is conveyed by images or colour alone.")


def _fix_package(opf: bytes, language: str) -> bytes:
    """ebooklib leaves the package element without xml:lang, which accessibility checkers require."""
    return opf.replace(b'<package xmlns="http://www.idpf.org/2007/opf"',
                       f'<package xmlns="http://www.idpf.org/2007/opf" xml:lang="{html.escape(language)}"'
                       .encode("utf-8"), 1)


def _reproducible_zip(data: bytes, when: datetime.datetime, language: str, order: list[str],
                      pages: list[tuple[str, str]]) -> bytes:
    """Re-zip: mimetype first and stored, entries sorted, every time fixed; the package and the NCX
    finished (`order`: the documents' hrefs in reading order, `pages`: the page list's (href, label))."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in source.namelist() if n != "mimetype"]
    documents = {n.removeprefix("EPUB/"): source.read(n) for n in names if n.endswith(".xhtml")}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        entries = [("mimetype", zipfile.ZIP_STORED)] + [(n, zipfile.ZIP_DEFLATED) for n in sorted(names)]
        for name, method in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.create_system = 3
            info.external_attr = 0o644 << 16
            content = source.read(name)
            if name.endswith(".opf"):
                content = _fix_package(content, language)
            elif name.endswith(".ncx"):
                content = finish_ncx(content, documents, order, pages)
            target.writestr(info, content)
    return out.getvalue()


def _render_parts(book: Book, base: dict[str, str], anchor_files: dict[str, str],
                  pages: dict[str, str] | None) -> dict[str, list[str]]:
    """Each splittable document's fragment, split into parts under the size limit."""
    edition = Edition(EPUB, base, anchor_files=anchor_files)
    edition.index_anchors = linked_anchors(book, index_view(book, edition, pages)) if book.index else set()
    parts = {chapter_key(c): split_fragment(render_chapter(c, book, edition)) for c in book.chapters}
    if book.glossary:
        parts["glossary"] = split_fragment(
            render_glossary(book, edition, glossary_pages(book, pages) if pages is not None else None))
    if has_notes(book):
        parts["endnotes"] = split_fragment(render_endnotes(book, edition))
    return parts


def _part_file(base_file: str, index: int) -> str:
    return base_file if index == 0 else base_file.replace(".xhtml", f"-{index + 1}.xhtml")


def _layout_parts(book: Book, docs: list[Document],
                  pages: dict[str, str] | None) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Render and split until every link names the part its anchor ended up in.

    Splitting a document moves anchors to other files, which changes the links to them
    (and so, slightly, the sizes): render again with the new anchor map until it is stable.
    """
    base = {d.key: d.file.removeprefix("text/") for d in docs}
    anchor_files: dict[str, str] = {}
    for _ in range(5):
        parts = _render_parts(book, base, anchor_files, pages)
        if all(len(p) == 1 for p in parts.values()) and not anchor_files:
            return parts, anchor_files  # nothing split: every anchor is in its document's file
        mapping = {anchor: _part_file(base[key], i)
                   for key, fragments in parts.items() for i, fragment in enumerate(fragments)
                   for anchor in anchors(fragment)}
        if mapping == anchor_files:
            return parts, anchor_files
        anchor_files = mapping
    return parts, anchor_files


def build_epub(book: Book, styles: Path, covers: Path | None = None, pages: PageList | None = None) -> bytes:
    """The finished EPUB file as bytes (`covers`: a folder to keep the cover image in; `pages`: the
    print edition's page starts and anchors' pages, for the page list, the index and the glossary)."""
    planned = _documents(book)
    labels = pages.labels if pages is not None else None
    parts, anchor_files = _layout_parts(book, planned, labels)
    docs: list[Document] = []
    for doc in planned:
        fragments = parts.get(doc.key)
        if not fragments:
            docs.append(doc)
            continue
        for i, fragment in enumerate(fragments):
            key = doc.key if i == 0 else f"{doc.key}-continued-{i + 1}"
            title = doc.title if i == 0 else f"{doc.title} (continued)"
            docs.append(Document(key, _part_file(doc.file, i), title, fragment, doc.body_type))
    by_key = {d.key: d for d in docs}
    by_key["cover"].body = _cover_body(book)
    by_key["titlepage"].body = render_titlepage(book) + "\n" + render_imprint(book, EPUB, print_pages=labels is not None)
    by_key["toc"].body = _nav_body(book, by_key, anchor_files)
    if "introduction" in by_key:
        by_key["introduction"].body = render_introduction(book)
    by_key["colophon"].body = render_colophon(book)
    if "index" in by_key:  # never split: a part holding nothing but index would have to say so on its body
        edition = Edition(EPUB, {d.key: d.file.removeprefix("text/") for d in planned}, anchor_files=anchor_files)
        by_key["index"].body = render_index(book, index_view(book, edition, labels))
    page_marks = mark_pages(docs, pages.starts) if pages is not None and pages.starts else []
    if page_marks:
        by_key["toc"].body += "\n" + page_list_nav(page_marks)

    ebook = epub.EpubBook()
    _metadata(book, ebook, paged=bool(page_marks))
    shared = (styles / "shared.css").read_text(encoding="utf-8").replace('url("fonts/', 'url("../fonts/')
    ebook.add_item(epub.EpubItem(uid="css-shared", file_name="css/shared.css", media_type="text/css",
                                 content=shared.encode("utf-8")))
    ebook.add_item(epub.EpubItem(uid="css-epub", file_name="css/epub.css", media_type="text/css",
                                 content=(styles / "epub.css").read_bytes()))
    for font in FONTS:
        ebook.add_item(epub.EpubItem(uid=f"font-{font.split('.')[0].lower()}", file_name=f"fonts/{font}",
                                     media_type="font/ttf", content=(styles / "fonts" / font).read_bytes()))
    cover = epub.EpubCover(uid="cover-image", file_name="images/cover.png")
    cover.content = cover_png(book.meta, styles / "fonts", covers)
    ebook.add_item(cover)
    for chapter in book.chapters:  # the articles' images, checked and scaled by the editorial stage
        for index, figure in chapter_figures(chapter):
            if figure.data:
                ebook.add_item(epub.EpubItem(uid=f"figure-{chapter.number}-{index}",
                                             file_name=ids.figure_file(chapter, index, figure.media_type),
                                             media_type=figure.media_type, content=figure.data))
    spine = []
    for doc in docs:
        item = epub.EpubItem(uid=doc.key, file_name=doc.file, media_type=XHTML,
                             content=_wrap(doc, book.meta.language))
        item.properties = list(doc.properties)
        ebook.add_item(item)
        spine.append(item)
    ebook.add_item(epub.EpubNcx())
    ebook.spine = spine
    ebook.toc = _ncx_toc(book, by_key, anchor_files)
    when = source_datetime(book)
    buffer = io.BytesIO()
    epub.write_epub(buffer, ebook, {"epub3_pages": False, "epub3_landmark": False, "epub2_guide": False,
                                    "raise_exceptions": True, "mtime": when.replace(tzinfo=None),
                                    "compresslevel": 0})
    return _reproducible_zip(buffer.getvalue(), when, book.meta.language, [doc.file for doc in docs],
                             [(f"text/{href}", label) for href, label in page_marks])


def _ncx_toc(book: Book, docs: dict[str, Document], anchor_files: dict[str, str]) -> list:
    toc: list = [epub.Link(docs["titlepage"].file, "Title page", "toc-titlepage")]
    if "introduction" in docs:
        toc.append(epub.Link(docs["introduction"].file, "Introduction", "toc-introduction"))
    def points(key: str, entries: list[OutlineEntry]) -> list:
        """The chapter's parts (each a section of the NCX over its own) and sections."""
        out: list = []
        for e in entries:
            target = f"text/{anchor_files[e.id]}#{e.id}" if e.id in anchor_files else f"{docs[key].file}#{e.id}"
            out.append((epub.Section(e.title, href=target), points(key, e.children)) if e.children
                       else epub.Link(target, e.title, f"toc-{e.id}"))
        return out

    for chapter in book.chapters:
        key = chapter_key(chapter)
        sections = points(key, chapter_outline(chapter))
        label = f"{chapter.number}. {chapter.title}"
        if sections:
            toc.append((epub.Section(label, href=docs[key].file), sections))
        else:
            toc.append(epub.Link(docs[key].file, label, f"toc-{ids.chapter_id(chapter)}"))
    for key, title in BACK_MATTER:
        if key in docs:
            toc.append(epub.Link(docs[key].file, title, f"toc-{key}"))
    return toc
