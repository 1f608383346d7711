"""Which of a page's images are the article's, and where their files are: the page's own folder only.

A browser saving "Web page, complete" writes `NAME.html` and `NAME_files/`, and
points each `src` into that folder. An image is taken only from there: a `src`
on the web is never fetched, one that leaves the folder (`../../etc/passwd`, an
absolute path, a symbolic link out) is refused, and a missing file is named.
Each is a warning; the figure keeps its caption. Icons, tracking pixels and
lazy-loading placeholders are not figures at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SMALL = 48  # px: an image this small on either side is an icon or a tracking pixel
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg")


@dataclass(frozen=True)
class Image:
    src: str
    file: Path | None
    alt: str
    width: int = 0
    height: int = 0


def _size(value: str | None) -> int:
    digits = "".join(ch for ch in (value or "").split(".")[0] if ch.isdigit())
    return int(digits) if digits and len(digits) < 6 else 0


def files_folder(page: Path) -> Path:
    """The folder a browser saves a page's files into."""
    name = page.name
    for suffix in (".gz",):
        name = name.removesuffix(suffix)
    return page.parent / (Path(name).stem + "_files")


@dataclass
class ImageFolder:
    """Resolves an `<img>` to a file inside the page's folder, warning about every other case."""

    folder: Path | None  # None: the page has no folder (an .html.gz from a benchmark): nothing is read
    archived: dict[str, Path] | None = None  # a web archive's pictures by the address it loaded them from
    base: str = ""  # the archived page's address, against which its relative addresses resolve
    warnings: list[tuple[int, str]] = field(default_factory=list)
    unsourced: list[tuple[int, str]] = field(default_factory=list)  # pictures saved without an address: line, alt

    def unsourced_warning(self) -> tuple[int, str] | None:
        """One warning for the pictures the saved copy holds no address for (a page that loads them as its
        reader scrolls): they cannot be in the book, and a page saved again after scrolling has them."""
        if not self.unsourced:
            return None
        line, alt = self.unsourced[0]
        count = len({alt for _line, alt in self.unsourced})  # a carousel shows a picture twice
        return line, (f"{count} picture(s) of the page (the first: '{alt[:60]}') have no address in the saved "
                      f"copy and are not in the book: the page sets them as its reader scrolls; scroll to its end, "
                      f"then save it again as 'Web page, complete'")

    def image(self, element, line: int) -> Image | None:
        src = (element.get("src") or "").strip()
        if not src or src.lower().startswith("data:"):
            src = (element.get("data-src") or element.get("data-lazy-src") or src).strip()
        width, height = _size(element.get("width")), _size(element.get("height"))
        if (width and width < SMALL) or (height and height < SMALL):
            return None
        alt = " ".join((element.get("alt") or "").split())
        if not src or src.lower().startswith("data:"):
            if alt and not src:  # a described picture whose address the page's scripts never set
                self.unsourced.append((line, alt))
            return None  # a placeholder or an inline picture: not a file of the page
        return Image(src, self._file(src, line), alt, width, height)

    def _warn(self, line: int, message: str) -> None:
        if (line, message) not in self.warnings:
            self.warnings.append((line, message))

    def _file(self, src: str, line: int) -> Path | None:
        if self.archived is not None:
            return self._archived(src, line)
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            if parts.scheme.lower() in ("http", "https", "") and parts.netloc:
                self._warn(line, f"image {src[:120]} is on the web, not in the saved page's folder: "
                                 f"not fetched (save the page as 'Web page, complete')")
            else:
                self._warn(line, f"image {src[:120]} refused: only files of the saved page's folder are read")
            return None
        if self.folder is None:
            return None
        relative = unquote(parts.path)
        if relative.startswith("/") or "\\" in relative:
            self._warn(line, f"image {src[:120]} refused: it points outside the page's folder")
            return None
        base = self.folder.parent.resolve()
        folder = self.folder.resolve()
        path = (base / relative).resolve()
        if not path.is_relative_to(folder):
            self._warn(line, f"image {src[:120]} refused: it points outside the page's folder {self.folder.name}/")
            return None
        if not path.is_file():
            self._warn(line, f"image file {relative} is missing from {self.folder.name}/: the figure keeps "
                             f"its caption only")
            return None
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            self._warn(line, f"image {relative} is not a JPEG, PNG, GIF, WebP or SVG file: left out")
            return None
        return path

    def _archived(self, src: str, line: int) -> Path | None:
        """A web archive's picture, by its address; one the archive lacks is on the web and not fetched."""
        path = self.archived.get(src) or self.archived.get(urljoin(self.base, src))
        if path is None:
            self._warn(line, f"image {src[:120]} is not in the web archive: not fetched (its caption is kept)")
        return path
