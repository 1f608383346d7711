"""Any language: what a word, a function word and a date are, for the cleaner's measures."""

from __future__ import annotations

import re

import pytest

from pipeline.clean.datetext import _MONTH, MONTHS, find_dates
from pipeline.clean.features import ends_sentence, is_heading_like
from pipeline.clean.language import NEUTRAL_SHARE, content_terms, detect_language, line_size


@pytest.mark.parametrize("text, language", [
    ("The government said on Wednesday that the measures would come into force next week.", "English"),
    ("El gobierno ha anunciado que las medidas entrarán en vigor la próxima semana.", "Spanish"),
    ("Die Regierung hat angekündigt, dass die Maßnahmen in der nächsten Woche in Kraft treten.", "German"),
    ("Le gouvernement a annoncé que les mesures entreront en vigueur la semaine prochaine.", "French"),
    ("Правительство объявило, что меры вступят в силу на следующей неделе.", "Russian"),
    ("政府宣布，这些措施将于下周生效，以减少洪水造成的损失。", "Chinese"),
    ("政府は、これらの措置が来週発効すると発表した。", "Japanese"),
])
def test_the_page_language_is_the_one_whose_function_words_it_uses(text, language):
    found = detect_language([text])
    assert found.name == language
    assert found.stopword_share(text) > 0.15  # running text is dense in function words in every language


def test_a_script_without_spaces_is_sized_in_words_not_in_lines():
    assert line_size("The quick brown fox") == 4
    assert line_size("政府宣布这些措施将于下周生效") == pytest.approx(7.0)  # 14 characters, about 2 a word
    assert line_size("รัฐบาลประกาศว่ามาตรการจะมีผลบังคับใช้") > 5


def test_a_language_without_a_list_gets_a_neutral_share_not_a_menu_like_one():
    thai = detect_language(["รัฐบาลประกาศว่ามาตรการจะมีผลบังคับใช้ในสัปดาห์หน้า"])
    assert thai.stopword_share("รัฐบาลประกาศว่า") == NEUTRAL_SHARE


def test_content_terms_are_words_or_character_pairs():
    assert content_terms("The flood warnings came too late", frozenset({"the", "too"})) == {
        "flood", "warnings", "came", "late"}
    assert {"防洪", "洪计"} <= content_terms("农村防洪计划")


@pytest.mark.parametrize("text, iso", [
    ("Published: Jan 29, 2025", "2025-01-29"),
    ("29 January 2025", "2025-01-29"),
    ("January 29th, 2025", "2025-01-29"),
    ("Wednesday, March 2, 2022", "2022-03-02"),
    ("Updated on 2025-01-29 at 10:00", "2025-01-29"),
    ("By Jayesh Shinde | Updated on 19-Dec-2025", "2025-12-19"),
    ("8/1/2025", "2025-08-01"),  # month first, as most English pages write it
    ("14/03/2024", "2024-03-14"),  # 14 cannot be a month
    ("14 de marzo de 2024", "2024-03-14"),
    ("14. März 2024", "2024-03-14"),
    ("Sept. 4, 2025", "2025-09-04"),
    ("October 17, 20236:01 PM ET", "2023-10-17"),  # the date and the time, two elements the copy ran together
    ("17 Oct 202311:45", "2023-10-17"),
    ("12 марта 2024 г.", "2024-03-12"),  # Russian, Ukrainian, Polish, Czech, Greek: the month in the genitive
    ("12 березня 2024", "2024-03-12"),
    ("12 marca 2024 r.", "2024-03-12"),
    ("12. března 2024", "2024-03-12"),
    ("5 Μαΐου 2024", "2024-05-05"),
    ("3 mei 2024", "2024-05-03"),  # Dutch, Swedish, Turkish
    ("14 augusti 2023", "2023-08-14"),
    ("12 Mart 2024", "2024-03-12"),
    ("2024年3月12日 14時35分", "2024-03-12"),  # Chinese and Japanese, Korean: no spaces, no word's edge
    ("発表は2024年3月12日に", "2024-03-12"),
    ("2024년 3월 12일", "2024-03-12"),
    ("12 मार्च 2024", "2024-03-12"),  # Hindi and Arabic
    ("3 फ़रवरी 2025, 10:30", "2025-02-03"),
    ("12 مارس 2024", "2024-03-12"),
])
def test_common_ways_of_writing_a_date_are_read(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


def test_things_that_are_not_dates_are_not_read_as_dates():
    assert find_dates("Call 555-1234 or see page 12/40 of the 2024 report") == []
    assert find_dates("12024年3月12日") == [] and find_dates("2024年13月1日") == []
    assert find_dates("February 30, 2024") == []
    assert find_dates("May 5, 20231 guests") == [] and find_dates("May 5, 202399:00") == []  # no year, no time


def test_a_sentence_in_a_script_without_spaces_ends_like_one_and_is_no_heading():
    sentence = "政府周三宣布，将在今后五年内投入大量资金，用于改善农村地区的防洪设施。"
    assert ends_sentence(sentence) and ends_sentence("「これでいい。」")
    assert not is_heading_like(sentence)
    assert not is_heading_like("政府周三宣布将在今后五年内投入大量资金用于改善农村地区的防洪设施和预警系统")  # 17 words' worth
    assert is_heading_like("农村防洪计划公布")


@pytest.mark.parametrize("sentence", ["इतिहासकारों का मानना है कि इसमें लाखों लोगों की जान गई।",  # a danda
                                      "ماذا تكشف الوثائق الجديدة؟", "یہ ایک جملہ ہے۔"])
def test_a_sentence_ends_with_its_scripts_own_stop(sentence):
    assert ends_sentence(sentence)


def test_every_month_name_is_matched_whole_by_the_tree_of_names():
    month = re.compile(_MONTH + "$", re.I)
    assert all(month.match(name).group("month") == name for name in MONTHS)
    assert re.match(_MONTH, "septembre").group("month") == "septembre"  # the longest, not "sept" or "sep"
