"""Pages saved as one file (MHTML, "Webpage, Single File") and markup under a text seed's name.

A web archive is read as the page it holds, its pictures from the archive itself; a page's HTML source or
an archive named `.txt` is an error that says how to name it, never markup cleaned as if it were text."""

from __future__ import annotations

import io
import re
import zipfile
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from PIL import Image

from conftest import make_project
from pipeline.build import BuildOptions, build
from pipeline.problems import PipelineError
from pipeline.seeds import read_seed
from test_html_seeds import BOOK, CRANE_ALT, FIGURES, PAGE, save_images

BASE = "https://coastal.example/2024/harbour-walk.html"


def web_archive(html: str, pictures: dict[str, bytes], charset: str = "utf-8") -> bytes:
    """A page as Chrome saves it alone: a multipart/related message, the HTML quoted-printable, pictures in base64."""
    message = EmailMessage(policy=default)
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = BASE
    message["Subject"] = "A walk round the harbour"
    message.make_related()
    page = EmailMessage(policy=default)
    page.set_content(html.encode(charset), maintype="text", subtype="html", cte="quoted-printable",
                     params={"charset": charset})
    page["Content-Location"] = BASE
    message.attach(page)
    for where, data in pictures.items():
        picture = EmailMessage(policy=default)
        kind = "png" if data.startswith(b"\x89PNG") else "jpeg"
        picture.set_content(data, maintype="image", subtype=kind, cte="base64")
        picture["Content-Location"] = where
        message.attach(picture)
    return message.as_bytes().replace(b"\n", b"\r\n")


def harbour_pictures(tmp_path: Path) -> dict[str, bytes]:
    folder = tmp_path / "pictures"
    save_images(folder)
    return {f"https://coastal.example/2024/harbour-walk_files/{p.name}": p.read_bytes() for p in folder.iterdir()}


@pytest.fixture(scope="module")
def archived_book(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    page = web_archive(PAGE.read_text(encoding="utf-8"), harbour_pictures(root))
    make_project(root, {}, BOOK.replace("harbour-walk.html", "harbour-walk.mhtml").format(extra=FIGURES))
    (root / "seeds" / "harbour-walk.mhtml").write_bytes(page)
    result = build(BuildOptions(project=root, out=root / "out", cache_layout=False, jobs=1))
    epub = next(p for p in result.outputs if p.suffix == ".epub")
    with zipfile.ZipFile(epub) as archive:
        return result, {name: archive.read(name) for name in archive.namelist()}


def test_a_web_archive_is_read_as_the_page_it_holds(tmp_path):
    source = read_seed(_write(tmp_path, "walk.mhtml", web_archive(PAGE.read_text(encoding="utf-8"), {})))
    text = "\n".join(source.lines)
    assert "The inner basin at low tide" in text and "=\r\n" not in text and "=3D" not in text
    assert "Content-Type" not in text and "<p" not in text


def test_a_web_archive_in_another_charset_keeps_its_letters(tmp_path):
    html = "<html><body><p>Le café où l’on parlait de la grève, « jusqu’à minuit », chaque soir de l’été.</p></body></html>"
    source = read_seed(_write(tmp_path, "cafe.mht", web_archive(html, {}, charset="windows-1252")))
    assert "Le café où l’on parlait de la grève, « jusqu’à minuit »" in "\n".join(source.lines)


def test_the_archives_pictures_are_the_books_figures(archived_book):
    result, files = archived_book
    xhtml = files["EPUB/text/chapter-1.xhtml"].decode("utf-8")
    figures = re.findall(r"<figure .*?</figure>", xhtml)
    assert len(figures) == 2 and f'alt="{CRANE_ALT}"' in figures[1]
    for src in re.findall(r'src="\.\./(images/[^"]+)"', xhtml):
        assert Image.open(io.BytesIO(files[f"EPUB/{src}"])).size[0] > 100
    assert not [w for w in result.warnings if "image" in str(w)]


def test_a_picture_the_archive_lacks_is_a_warning_and_never_fetched(tmp_path):
    pictures = {k: v for k, v in harbour_pictures(tmp_path).items() if not k.endswith("crane.png")}
    source = read_seed(_write(tmp_path, "walk.mhtml", web_archive(PAGE.read_text(encoding="utf-8"), pictures)))
    said = [message for _line, message in source.warnings]
    assert any("crane.png is not in the web archive: not fetched" in m for m in said)
    assert not any("inner-basin" in m for m in said)


def test_a_file_named_mhtml_that_is_not_an_archive_is_a_clear_error(tmp_path):
    with pytest.raises(PipelineError) as caught:
        read_seed(_write(tmp_path, "notes.mhtml", b"Just some notes saved under the wrong name.\n"))
    assert "notes.mhtml" in str(caught.value) and "not a web archive" in str(caught.value)


@pytest.mark.parametrize("data,said,fix", [
    (b"<!DOCTYPE html>\n<html><body><p>Words</p></body></html>", "HTML source", "name it page.html"),
    (b"  <html lang='en'>\n<body><p>Words</p></body></html>", "HTML source", "name it page.html"),
    (None, "web archive", "name it page.mhtml"),
])
def test_markup_under_a_text_seeds_name_is_an_error_that_says_how_to_name_it(tmp_path, data, said, fix):
    data = data or web_archive("<html><body><p>Words</p></body></html>", {})
    with pytest.raises(PipelineError) as caught:
        read_seed(_write(tmp_path, "page.txt", data))
    message = str(caught.value)
    assert "page.txt:1" in message and said in message and fix in message


def test_a_text_seed_that_quotes_markup_is_still_text(tmp_path):
    text = b"How to write a page\nStart the file with this line:\n<!DOCTYPE html>\nThen open the html element.\n"
    assert "<!DOCTYPE html>" in read_seed(_write(tmp_path, "tutorial.txt", text)).lines


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
