"""The figures of a saved page as the book sets them: editors' alt text and captions, checked image files.

Editors name an image by its file name in book.yaml (`figures: [{image: harbour.jpg, alt: …}]`):
alt text for an image the page left without (so that every image is described for readers who
cannot see it), a caption, or `omit`. Each image file is opened here, once, before any output
exists: it must be a JPEG, PNG, GIF, WebP or SVG image; a raster image longer than MAX_SIDE
pixels on its long side is scaled down; an SVG loses scripts, event handlers and outside
references. The result lives in the model as bytes, so the writers only package it.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

from lxml import etree
from PIL import Image, UnidentifiedImageError

from ..model import Article, BlockKind, Figure, Text
from ..html.images import files_folder
from ..problems import Problems, did_you_mean
from .load import ChapterSpec, Editorial

MAX_SIDE = 1600
MAX_PIXELS = 60_000_000  # a larger image is a decompression bomb, not a photograph
_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
_SVG_DROP = ("script", "foreignObject", "iframe", "object", "embed", "handler", "listener")
_OUTSIDE = re.compile(r"^\s*(?!#)")


class ImageProblem(ValueError):
    """An image file that cannot go into the book, and why."""


def prepare_image(data: bytes, name: str) -> tuple[bytes, str, int, int]:
    """The image's bytes for the editions, its media type and its size in pixels."""
    if name.lower().endswith(".svg") or data.lstrip()[:5] in (b"<?xml", b"<svg ") or b"<svg" in data[:512]:
        return _clean_svg(data), "image/svg+xml", 0, 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only: the size is known before decoding
            kind = image.format
            if image.size[0] * image.size[1] > MAX_PIXELS:
                raise ImageProblem(f"{image.size[0]}×{image.size[1]} pixels: too large to be a photograph")
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError) as exc:
        raise ImageProblem(f"not an image the book can hold ({exc.__class__.__name__})") from None
    if kind not in _FORMATS:
        raise ImageProblem(f"a {kind} image: only JPEG, PNG, GIF, WebP and SVG go into the book")
    width, height = image.size
    if max(width, height) <= MAX_SIDE:
        return data, _FORMATS[kind], width, height
    scale = MAX_SIDE / max(width, height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    resized = image.resize(size, Image.LANCZOS)
    out = io.BytesIO()
    resized.save(out, format=kind, **({"quality": 88} if kind in ("JPEG", "WEBP") else {}))
    return out.getvalue(), _FORMATS[kind], size[0], size[1]


def _clean_svg(data: bytes) -> bytes:
    """The SVG without anything that runs or reaches outside it."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ImageProblem(f"not a well-formed SVG image ({exc})") from None
    if etree.QName(root).localname != "svg":
        raise ImageProblem("not an SVG image")
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).localname in _SVG_DROP:
            element.getparent().remove(element)
            continue
        for attribute in list(element.attrib):
            local = etree.QName(attribute).localname.lower()
            value = element.attrib[attribute]
            if local.startswith("on") or (local == "href" and not value.strip().startswith("#")):
                del element.attrib[attribute]
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def apply_figures(article: Article, spec: ChapterSpec, editorial: Editorial, problems: Problems) -> None:
    """Editors' decisions on the chapter's figures, and every image file checked and prepared."""
    specs = {f.image: f for f in spec.figures}
    used: set[str] = set()
    kept = []
    for block in article.blocks:
        if block.kind is not BlockKind.FIGURE:
            kept.append(block)
            continue
        figure = block.figure
        given = specs.get(figure.name)
        if given is not None:
            used.add(given.image)
            if given.omit:
                continue
            figure.alt = given.alt or figure.alt
            if given.caption:
                figure.caption = Text(given.caption)
                block.lines = [figure.caption]
        if not _load(figure, spec, problems) and figure.caption is None:
            continue  # neither picture nor caption: nothing to set
        if figure.data and not figure.alt:
            problems.warning(f"chapter '{spec.id}': image {figure.name} has no alt text", spec.seed,
                             hint=f"describe it in editorial/book.yaml: figures: [{{image: {figure.name}, alt: …}}]")
        kept.append(block)
    article.blocks = kept
    for name, given in specs.items():
        if name not in used:
            problems.add(editorial.book.problem(f"figures: no image '{name}' in the article of {spec.seed.name}",
                                                (*given.where, "image"), hint=_why_not_there(name, spec.seed)))


def _why_not_there(name: str, page: Path) -> str:
    """Why an image the editors name is not in the cleaned article: the cleaner dropped it with the page's
    furniture (the file is in the page's folder), or no file of that name is there (a near one named)."""
    folder = files_folder(page)
    files = sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    if name in files:
        return (f"the page's folder holds {name}, but the cleaner dropped it with the page's furniture: see where "
                f"with `python -m pipeline clean {page} --report`, and keep it with cleaning: keep: […]")
    near = did_you_mean(name, files)
    return (f"{near} " if near else "") + f"name the image by its file name in {folder.name}/"


def _load(figure: Figure, spec: ChapterSpec, problems: Problems) -> bool:
    if figure.file is None:
        return False  # the reader has warned: missing, on the web, or outside the page's folder
    try:
        figure.data, figure.media_type, figure.width, figure.height = prepare_image(
            figure.file.read_bytes(), figure.file.name)
    except (ImageProblem, OSError) as exc:
        problems.warning(f"chapter '{spec.id}': image {figure.name} left out: {exc}", spec.seed)
        figure.file = None
        return False
    return True
