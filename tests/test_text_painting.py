"""Lines painted with each glyph worked out once give the bytes WeasyPrint's own painting gives."""

from __future__ import annotations

import pytest
from weasyprint.draw import text as draw_text

from pipeline.build import BuildOptions, prepare
from pipeline.writers.pdf import weasy
from pipeline.writers.pdf.weasy import patches
from pipeline.writers.pdf.weasy.text_painting import painting_glyphs_once
from pipeline.writers.pdf.fast import FastPdfWriter
from conftest import ROOT

pytestmark = pytest.mark.skipif(not weasy.verified(), reason="the painter targets WeasyPrint 70")

#: Text that reaches every path: fonts changing within a line, kerning, justification and
#: hyphenation, letter spacing, a zero-width space, Greek and Cyrillic, a combining mark, a
#: glyph no font has, right-to-left text and an ellipsis.
SAMPLE = """<section class="chapter">
<h2 class="chapter-title">AVAWAY: Tyrants, “Quotations” and Workers’ Councils</h2>
<p>The <em>nomenklatura</em> and the <strong>bureaucracy</strong> grew in power while the working class
lost every means of control over the economy, the soviets and the factory committees; WAVE, Toyota,
“AV” and Yeltsin kern; incomprehensibilities, counterrevolutionaries and internationalisation
hyphenate.<span class="footnote">A note on Lenin’s <em>Testament</em> (1922–23), 100 % authentic.</span></p>
<p style="letter-spacing: 0.2em">Spaced capitals: STALIN AND STALINISM</p>
<p>Zero\u200bwidth\u200bspaces, Греческий: Σταλινισμός, Русский: Сталинизм, ñ, ǘ, q\u0307\u0323 and A\u0307\u0301 combined.</p>
<p>Not in any font: \U0001F9E9 and \u2FD5 in a line of its own.</p>
<p dir="rtl">שלום עולם</p>
<p style="white-space: nowrap; overflow: hidden; text-overflow: ellipsis; width: 30mm">
A line far too long for its box ends in an ellipsis</p>
</section>"""


@pytest.fixture(scope="module")
def writer() -> FastPdfWriter:
    _, made = prepare(BuildOptions(ROOT))
    return FastPdfWriter(made.book, ROOT / "styles")


def _fonts(document) -> list:
    """Each font of a written document with its widths and text mappings, in the order set."""
    return [(key, list(font.widths.items()), list(font.to_unicode.items())) for key, font in document.fonts.items()]


def test_lines_painted_once_per_glyph_are_the_same_bytes(writer):
    original = draw_text.draw_first_line
    left_to_weasyprint = []

    def weasyprints_own(stream, textbox, *args):
        left_to_weasyprint.append(textbox.text.replace("\u00ad", ""))  # the print edition's soft hyphens
        return original(stream, textbox, *args)

    with writer.session():  # the book's fonts and fixed timestamps
        # Two documents: a font's widths and text mappings live with the document written.
        fast_document, plain_document = writer.render_document(SAMPLE), writer.render_document(SAMPLE)
        draw_text.draw_first_line = painting_glyphs_once(weasyprints_own)
        fast = fast_document.write_pdf()
        draw_text.draw_first_line = original
        plain = plain_document.write_pdf()
    assert fast == plain
    assert _fonts(fast_document) == _fonts(plain_document) and _fonts(plain_document)
    assert any("ellipsis" in text for text in left_to_weasyprint)
    assert any("\u0307" in text for text in left_to_weasyprint)  # a mark raised over a capital
    assert any("\U0001F9E9" in text for text in left_to_weasyprint)  # no font has it
    assert not any("nomenklatura" in text or "Spaced" in text or "Σταλινισμός" in text for text in left_to_weasyprint)


def test_the_book_is_painted_with_the_painter(writer):
    """The fast session installs it: painting under it does not go through WeasyPrint's function."""
    original = draw_text.draw_first_line
    with patches.applied(*patches.FAST_SESSION):
        assert draw_text.draw_first_line is not original
    assert draw_text.draw_first_line is original
