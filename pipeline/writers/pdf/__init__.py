"""The print edition: the book laid out and written by WeasyPrint.

- `write_pdf` (here) makes the PDF on the fast path or, on a WeasyPrint the fast
  path was not verified on or when asked, on the plain path.
- `writer` is the plain path, with WeasyPrint's public API alone, and what the
  fast path builds on; `fast` is the fast path; `helper_tasks` is what helper
  processes run for it (`share_chapters` has them lay chapters out beside it).
- `chapter_share` and `paint_share` decide which process lays out and paints
  what; `layout_cache` keeps laid-out parts between builds; `fetcher` is the
  only way WeasyPrint reads a file.
- `weasy/` is the one package that reaches into WeasyPrint's internals, behind
  a version gate; everything else here uses WeasyPrint's public API.

This module stays light: the build imports it before WeasyPrint is loaded. The
writer's modules are imported when a PDF is made, and the fast path's only
when it is taken, so that a WeasyPrint whose internals moved still gets as far
as the plain path.
"""

from __future__ import annotations

from pathlib import Path

from .weasy.libraries import import_weasyprint

__all__ = ["import_weasyprint", "write_pdf"]


def write_pdf(book, styles: Path, target: Path, progress=None, share=None, cache: Path | None = None,
              plain: bool = False, notice=None, on_pages=None):
    """Lay out and write the print edition; returns a writer.PdfResult.

    `share` has helpers lay out some of the chapters (see helper_tasks.share_chapters); `cache`
    is a folder of layouts kept from earlier builds. Both serve the fast path only, which is
    taken unless `plain` asks for the plain path or the gate refuses this WeasyPrint: then
    `notice` (a function of one line of text) is told why, and so is the result's `plain`.
    """
    from .writer import PdfWriter, plain_reason  # WeasyPrint's package first (see weasy/api.py)
    from .weasy.api import release_font_files

    reason = plain_reason(plain)
    if reason is not None and notice is not None:
        notice(f"PDF: {reason}")
    if reason is None:
        from .fast import FastPdfWriter
        writer = FastPdfWriter(book, styles, progress, cache)
    else:
        writer, share = PdfWriter(book, styles, progress), None
    writer.on_pages = on_pages  # told the page starts (page_list.PageList) as soon as they are known
    try:
        result = writer.write(target, share)
    finally:
        release_font_files(writer.fonts)
    result.plain = reason
    return result
