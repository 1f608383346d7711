"""The house style's rules, one by one: what each changes and what it must leave alone."""

from __future__ import annotations

import pytest

from pipeline.model import Mark, MarkKind, Text
from pipeline.style.capitals import Lexicon, sentence_case, title_case
from pipeline.style.dashes import CLOSED_EM, NBSP, SPACED_EN, dash_edits
from pipeline.style.displays import display_edits
from pipeline.style.edits import Edit, apply_edits
from pipeline.style.joins import join_edits, related_pairs
from pipeline.style.quotes import DOUBLE, SINGLE, quotations, quote_edits
from pipeline.style.ranges import range_edits
from pipeline.style.spacing import spacing_edits


def run(rule, text: str | Text, *args) -> str:
    text = text if isinstance(text, Text) else Text(text)
    apply_edits(text, rule(text, *args))
    return text.text


# ---------------------------------------------------------------- edits keep marks

def test_edits_move_marks_with_their_words():
    text = Text("Stalin—a tyrant—died", [Mark(MarkKind.EMPHASIS, 7, 15), Mark(MarkKind.NOTE_CALL, 6, 6, "e1"),
                                        Mark(MarkKind.GLOSSARY, 16, 20, "death")])
    apply_edits(text, dash_edits(text, SPACED_EN))
    assert text.text == f"Stalin{NBSP}– a tyrant{NBSP}– died"
    spans = {m.kind: text.text[m.start:m.end] for m in text.marks}
    assert spans[MarkKind.EMPHASIS] == "a tyrant"
    assert spans[MarkKind.GLOSSARY] == "died"
    assert next(m.start for m in text.marks if m.kind is MarkKind.NOTE_CALL) == 6  # still right after "Stalin"


def test_overlapping_edits_keep_the_first():
    text = Text("abcdef")
    apply_edits(text, [Edit(1, 3, "X"), Edit(2, 4, "Y")])
    assert text.text == "aXdef"


# ---------------------------------------------------------------- ranges

@pytest.mark.parametrize("before, after", [
    ("the Chinese Revolution of 1925-27.", "the Chinese Revolution of 1925–27."),
    ("One Long Night, pp. 69-70.", "One Long Night, pp. 69–70."),
    ("vol. 1, pp. 516-27 and 534-49.", "vol. 1, pp. 516–27 and 534–49."),
    ("in 1918-1920 and 1932-3", "in 1918–1920 and 1932–3"),
    ("(1906-38)", "(1906–38)"),
    ("Cliff, 1974, pp118-119.", "Cliff, 1974, pp118–119."),
    ("pages 99-100", "pages 99–100"),
    ("during 1937-1941 because", "during 1937–1941 because"),
])
def test_number_ranges_take_an_en_dash(before, after):
    assert run(range_edits, before) == after


@pytest.mark.parametrize("text", [
    "published on 2023-05-03 online",           # an ISO date
    "ISBN 978-0-19-953744-3",                   # an ISBN
    "call 020 7946-0000 now", "tel 555-1234",   # phone numbers
    "COVID-19 and the T-34 tank",               # identifiers
    "see www.youtube.com/watch?v=6meTW-1920-30 and https://example.org/1925-27/",  # web addresses
    "the 5-4 vote", "Article 58-10",            # not rising: scores, codes
    "a 1925–27 range already set",
])
def test_what_is_not_a_range_keeps_its_hyphen(text):
    assert run(range_edits, text) == text


# ---------------------------------------------------------------- dashes

def test_closed_em_dashes_become_spaced_en_dashes_that_never_start_a_line():
    assert run(dash_edits, "up Stalin—a murderous dictator—as a hero", SPACED_EN) == \
        f"up Stalin{NBSP}– a murderous dictator{NBSP}– as a hero"
    assert run(dash_edits, "and then—”", SPACED_EN) == f"and then{NBSP}–”"


def test_spaced_en_dashes_become_closed_em_dashes():
    assert run(dash_edits, "the civil war – along with WW1 – shattered", CLOSED_EM) == \
        "the civil war—along with WW1—shattered"


@pytest.mark.parametrize("text", ["the Nazi–Soviet pact of 1939–41", "— Socialist Appeal (@socialist_app)",
                                  "see https://example.org/a—b for more"])
def test_connectives_attributions_and_addresses_keep_their_dashes(text):
    assert run(dash_edits, text, SPACED_EN) == text
    assert run(dash_edits, text, CLOSED_EM) == text


def test_a_compound_the_book_joins_with_an_en_dash_elsewhere_takes_it_everywhere():
    pairs = related_pairs([Text("the Hitler–Stalin Pact of 1939"), Text("Marxism-Leninism and the Nazi–Soviet pact"),
                           Text("see https://example.org/Red–Army")])
    assert pairs == {("Hitler", "Stalin"), ("Nazi", "Soviet")}
    assert run(join_edits, "after the Hitler-Stalin Pact, Nazi-Soviet trade", pairs) == \
        "after the Hitler–Stalin Pact, Nazi–Soviet trade"
    for kept in ("Marxism-Leninism", "Stalin-Hitler", "the Hitler-Stalin-Mussolini axis",
                 "https://example.org/Hitler-Stalin"):
        assert run(join_edits, kept, pairs) == kept


# ---------------------------------------------------------------- quotation marks

def _spaced(text: str) -> str:
    t = Text(text)
    apply_edits(t, spacing_edits(t))
    return t.text


@pytest.mark.parametrize("before, after", [
    ("threaten to commit suicide .’In addition", "threaten to commit suicide.’ In addition"),
    ("as ‘lack of care for them as human beings’resulted in ‘dissatisfaction’",
     "as ‘lack of care for them as human beings’ resulted in ‘dissatisfaction’"),
    ("the planned and state- owned economy", "the planned and state-owned economy"),
    ("after 1921 -that is, after", "after 1921 – that is, after"),
    ("the workers.“The mood", "the workers. “The mood"),
    ("Is it so ? Yes , it is .", "Is it so? Yes, it is."),
    ("the bureaucracy…As early as 1927", "the bureaucracy … As early as 1927"),
    ("No comrades…the pace", "No comrades … the pace"),
    ("abuse of power… he often", "abuse of power … he often"),
    ("congresses …the", "congresses … the"),
    ("must not be slackened!…On the contrary", "must not be slackened! … On the contrary"),
    ("a “workers’ government”…which holds", "a “workers’ government” … which holds"),
])
def test_slips_of_spacing_are_set_right(before, after):
    assert _spaced(before) == after


@pytest.mark.parametrize("text", [
    "pre- and post-war, anti- or pro-Soviet, nineteenth- to twentieth-century",
    "‘Don’t,’ she said, ‘they’re O’Brien’s, rock’n’roll’s and Thiong’o’s.’",
    "He paused . . . and went on.",
    "“…and then,” he said, “we went…” (and so on…). On … and on…",
    "See http://example.com/a- b .x and `a -b` in code",
    "the workers’ state, Stalin’s, the ’30s",
])
def test_spacing_leaves_what_is_written_on_purpose(text):
    t = Text(text, [Mark(MarkKind.CODE, text.index("`a"), text.index("`a") + 6)] if "`" in text else [])
    apply_edits(t, spacing_edits(t))
    assert t.text == text


def test_a_note_call_after_a_respaced_stop_stays_after_its_word():
    t = Text("commit suicide .’In addition", [Mark(MarkKind.NOTE_CALL, 17, 17, "n1")])
    apply_edits(t, spacing_edits(t))
    assert t.text == "commit suicide.’ In addition" and t.marks[0].start == t.text.index("’") + 1


def test_single_quotations_become_double_with_single_inside():
    assert run(quote_edits, "his ‘Secret Speech’ and his ‘cult of personality’.", DOUBLE) == \
        "his “Secret Speech” and his “cult of personality”."
    assert run(quote_edits, "‘He called it “socialism”, she said.’", DOUBLE) == \
        "“He called it ‘socialism’, she said.”"


def test_double_primary_becomes_single_primary():
    assert run(quote_edits, "“He said ‘no’ twice,” she wrote.", SINGLE) == "‘He said “no” twice,’ she wrote."


def test_apostrophes_are_not_quotation_marks():
    text = "The ‘workers’ state is dead,’ he said; the workers’ friends don’t rock ’n’ roll in the ’30s."
    assert run(quote_edits, text, DOUBLE) == \
        "The “workers’ state is dead,” he said; the workers’ friends don’t rock ’n’ roll in the ’30s."
    assert run(quote_edits, "‘The Doctors’ Plot’", DOUBLE) == "“The Doctors’ Plot”"


def test_correct_nesting_is_left_alone():
    text = "“He said ‘the workers’ state’ was dead,” she wrote."
    assert run(quote_edits, text, DOUBLE) == text


def test_a_quotation_across_marks_is_paired_and_the_marks_stay():
    text = Text("He wrote ‘the end of history’ once.", [Mark(MarkKind.EMPHASIS, 9, 20), Mark(MarkKind.LINK, 20, 29,
                                                                                                  "https://x.org")])
    apply_edits(text, quote_edits(text, DOUBLE))
    assert text.text == "He wrote “the end of history” once."
    assert [(m.kind, m.start, m.end) for m in text.marks] == [(MarkKind.EMPHASIS, 9, 20), (MarkKind.LINK, 20, 29)]


def test_a_quotation_running_on_and_one_ending_a_run_on_quotation():
    assert run(quote_edits, "‘The first paragraph of a long quotation", DOUBLE) == \
        "“The first paragraph of a long quotation"
    # The paragraph closes a quotation opened earlier: what it quotes is quoted within it.
    assert run(quote_edits, "under the slogan: “For Stalin!” Ours is: ‘Against Stalin!’”", DOUBLE) == \
        "under the slogan: ‘For Stalin!’ Ours is: ‘Against Stalin!’”"


def test_a_misprinted_pair_is_set_right():
    assert [q.mismatched for q in quotations(Text("the slogan ‘For Stalin!” and more"))] == [True]
    assert run(quote_edits, "the slogan ‘For Stalin!” and more", DOUBLE) == "the slogan “For Stalin!” and more"



# ---------------------------------------------------------------- displayed quotations

def bare(*paragraphs: str | Text) -> list[str]:
    """A display's paragraphs after the display rule, then the quotation-mark rule (double primary)."""
    texts = [p if isinstance(p, Text) else Text(p) for p in paragraphs]
    for text, edits in zip(texts, display_edits(texts)):
        apply_edits(text, edits)
    return [run(quote_edits, text, DOUBLE) for text in texts]


def test_a_display_loses_the_marks_round_it_and_what_it_quotes_takes_the_primary_mark():
    assert bare("“He said ‘no’ to the plan.”") == ["He said “no” to the plan."]
    assert bare("“Bread.” (Trotsky, The Revolution Betrayed (1937), p. 5.)") == [
        "Bread. (Trotsky, The Revolution Betrayed (1937), p. 5.)"]  # a citation after it stays
    assert bare("‘He said “no” to the plan.’") == ["He said “no” to the plan."]  # a page's single marks


def test_a_display_of_several_paragraphs_loses_its_run_on_marks_too():
    assert bare("“Comrade Kamenev!", "“I send you the letter.", "Yours, ‘L.’", "“Lenin”") == [
        "Comrade Kamenev!", "I send you the letter.", "Yours, “L.”", "Lenin"]
    assert bare("“The first.", "The last.” (p. 3.)") == ["The first.", "The last. (p. 3.)"]


@pytest.mark.parametrize("paragraphs", [
    ("“Yes,” he said, “it is.”",),  # two quotations, with words between: not one round the display
    ("He said: “it is.”",),  # the display does not open with a mark
    ("“It opens here and never closes.",),
    ("“The first.”", "“The second.”"),  # two quotations, each a paragraph: closed before the display ends
    ("“The first.", "Ends here.” More words after it.", "“The third.”"),
])
def test_marks_that_do_not_enclose_the_whole_display_stay(paragraphs):
    texts = [Text(p) for p in paragraphs]
    assert all(not edits for edits in display_edits(texts))


def test_a_note_call_after_the_closing_mark_stays_after_the_last_word():
    text = Text("“He died.”", [Mark(MarkKind.NOTE_CALL, 10, 10, "n1")])
    assert bare(text) == ["He died."] and text.marks[0].start == len("He died.")

def test_quotation_marks_inside_addresses_are_left_alone():
    text = "see https://example.org/it‘s’ now"
    assert run(quote_edits, text, DOUBLE) == text


# ---------------------------------------------------------------- capitals

LEXICON = Lexicon.of([
    "In the years after the death of Stalin the shadow was long. He fought in the Second World War and the "
    "second war; the United Opposition met. The cult grew, and the rise of the bureaucracy. The Doctors’ Plot "
    "was announced. The doctors were freed. The revolution was lost."])


@pytest.mark.parametrize("before, after", [
    ("Seventy Years after Stalin’s Death", "Seventy years after Stalin’s death"),
    ("The Rise of Stalin", "The rise of Stalin"),
    ("Stalin and the Second World War", "Stalin and the Second World War"),
    ("The United Opposition", "The United Opposition"),
    ("‘The Doctors’ Plot’", "‘The Doctors’ Plot’"),
    ("USSR and NEP after the Revolution", "USSR and NEP after the revolution"),
    ("the rise of Stalin", "The rise of Stalin"),
])
def test_sentence_case_keeps_proper_nouns(before, after):
    assert sentence_case(before, LEXICON) == after


def test_sentence_case_keeps_the_editors_exceptions_and_titles_of_works():
    assert sentence_case("The Revolution Betrayed and the Revolution", LEXICON,
                         keep=["The Revolution Betrayed", "Revolution"]) == "The Revolution Betrayed and the Revolution"


@pytest.mark.parametrize("before, after", [
    ("Stalinism in Russia: the rise of a new ruling class", "Stalinism in Russia: The Rise of a New Ruling Class"),
    ("the rise of counter-revolution", "The Rise of Counter-Revolution"),
    ("what the USSR was for", "What the USSR Was For"),
])
def test_title_case(before, after):
    assert title_case(before) == after


def test_capitalisation_keeps_the_length_and_so_the_marks():
    for title in ("Stalin’s Long Shadow", "the ß-Straße problem"):
        assert len(sentence_case(title, LEXICON)) == len(title) == len(title_case(title))


# ---------------------------------------------------------------- the style: block in book.yaml

def test_a_mistyped_style_value_or_key_is_reported_with_the_nearest_valid_one(tmp_path):
    from conftest import SMALL_BOOK, make_project
    from pipeline.editorial.load import load_editorial
    from pipeline.problems import PipelineError

    book = SMALL_BOOK.replace("chapters:", "style:\n  dashes: closed-en\n  qoutes: single\nchapters:")
    with pytest.raises(PipelineError) as caught:
        load_editorial(make_project(tmp_path, {"one.txt": "A title\n\nText.\n"}, book))
    messages = [f"{p.path.name}:{p.line}:{p.column}: {p.message} ({p.hint})" for p in caught.value.problems]
    assert any("book.yaml:7:11: 'closed-en' is not a valid value for 'dashes'" in m and "did you mean 'closed-em'?" in m
               for m in messages), messages
    assert any("book.yaml:8:3: unknown key 'qoutes'" in m and "did you mean 'quotes'?" in m for m in messages), messages


def test_the_style_block_is_optional_and_read_whole(tmp_path):
    from conftest import SMALL_BOOK, make_project
    from pipeline.editorial.load import load_editorial
    from pipeline.style import HouseStyle

    plain = load_editorial(make_project(tmp_path / "a", {"one.txt": "A title\n\nText.\n"}, SMALL_BOOK))
    assert plain.style == HouseStyle()
    book = SMALL_BOOK.replace("chapters:", "style:\n  dashes: closed-em\n  quotes: single\n  capitalisation: title\n"
                                           "  proper_nouns: [Revolution]\n  glossary_terms: none\n  bare_displays: false\nchapters:")
    styled = load_editorial(make_project(tmp_path / "b", {"one.txt": "A title\n\nText.\n"}, book))
    assert styled.style == HouseStyle("closed-em", "single", True, "title", ("Revolution",), "none",
                                        bare_displays=False)
