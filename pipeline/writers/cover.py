"""The cover image, drawn at build time from the book's metadata.

Drawing and compressing it is a large share of making the EPUB, so a project
keeps the last one drawn (`cover_png`) under .cache/, keyed (pipeline/caching.py)
by the metadata, the fonts, this code and Pillow's version.

Same metadata and fonts, same pixels: the PNG carries no timestamp, so the
EPUB stays reproducible.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..caching import cache_key, file_digest, load, prune, write_bytes
from ..model import BookMeta

WIDTH, HEIGHT = 1600, 2560
PAPER = (244, 239, 228)
INK = (32, 28, 26)
ACCENT = (142, 29, 31)
#: The font files the cover is drawn with.
COVER_FONTS = ("CharisSIL-Bold.ttf", "CharisSIL-Italic.ttf", "CharisSIL-Regular.ttf")
#: The chunk a whole PNG file ends with.
_PNG_END = b"IEND\xaeB`\x82"
MARGIN = 150


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _fit(draw, text: str, font_path: Path, size: int, width: int, max_lines: int):
    while size > 40:
        font = ImageFont.truetype(str(font_path), size)
        lines = _wrap(draw, text, font, width)
        if len(lines) <= max_lines and all(draw.textlength(l, font=font) <= width for l in lines):
            return font, lines
        size -= 6
    font = ImageFont.truetype(str(font_path), size)
    return font, _wrap(draw, text, font, width)


def _centred(draw, lines: list[str], font, top: int, spacing: float, fill) -> int:
    for line in lines:
        width = draw.textlength(line, font=font)
        draw.text(((WIDTH - width) / 2, top), line, font=font, fill=fill)
        top += int(font.size * spacing)
    return top


def draw_cover(meta: BookMeta, fonts: Path) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 360), fill=ACCENT)
    draw.rectangle((0, HEIGHT - 120, WIDTH, HEIGHT), fill=ACCENT)
    draw.rectangle((MARGIN, 1480, WIDTH - MARGIN, 1486), fill=INK)
    title_font, title_lines = _fit(draw, meta.title, fonts / "CharisSIL-Bold.ttf", 170, WIDTH - 2 * MARGIN, 4)
    top = 620
    top = _centred(draw, title_lines, title_font, top, 1.18, INK)
    if meta.subtitle:
        sub_font, sub_lines = _fit(draw, meta.subtitle, fonts / "CharisSIL-Italic.ttf", 88,
                                   WIDTH - 2 * MARGIN, 4)
        _centred(draw, sub_lines, sub_font, max(top + 80, 1100), 1.3, INK)
    credit_font, credit_lines = _fit(draw, meta.credit_line, fonts / "CharisSIL-Regular.ttf", 72,
                                     WIDTH - 2 * MARGIN, 2)  # the title page's credit, in the same words
    _centred(draw, credit_lines, credit_font, 1620, 1.3, INK)
    if meta.publisher:
        pub_font = ImageFont.truetype(str(fonts / "CharisSIL-Italic.ttf"), 60)
        _centred(draw, [meta.publisher], pub_font, HEIGHT - 330, 1.3, ACCENT)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)  # optimize=True: much slower for a slightly smaller file
    return buffer.getvalue()


def cover_png(meta: BookMeta, fonts: Path, cache: Path | None = None) -> bytes:
    """The cover as draw_cover makes it; from `cache` (a folder) if it was drawn alike before."""
    if cache is None:
        return draw_cover(meta, fonts)
    key = _cover_key(meta, fonts)
    path = cache / f"{key}.png"
    kept = load(path, _whole_png)
    if kept:
        return kept
    drawn = draw_cover(meta, fonts)
    prune(cache, "*.png", used=[key])  # one cover per project: the last one drawn
    write_bytes(path, drawn)
    return drawn


def _whole_png(data: bytes) -> bytes | None:
    return data if data.startswith(b"\x89PNG") and data.endswith(_PNG_END) else None


#: What draws the cover: this module and what it imports; and the library that draws.
_CODE = (__name__,)
_LIBRARIES = ("pillow",)


def _cover_key(meta: BookMeta, fonts: Path) -> str:
    return cache_key(repr((meta.title, meta.subtitle, meta.credit_line, meta.publisher)),
                     *(file_digest(fonts / name) for name in COVER_FONTS),
                     libraries=_LIBRARIES, code=_CODE, scheme="cover-1", length=40)
