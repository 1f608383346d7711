"""Notes: the source's own notes recovered, editors' notes anchored, both numbered and rendered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SEEDS, SMALL_BOOK, XHTML_NS, make_project
from pipeline.clean import clean
from pipeline.editorial.apply import build_book
from pipeline.editorial.load import load_editorial
from pipeline.model import Mark, MarkKind, NoteOrigin, Text
from pipeline.problems import PipelineError
from pipeline.read import decode_seed
from pipeline.seeds import read_seed

JOURNAL = "003_ad47bf4394396364.txt"


def _calls(article):
    out = []
    for text in [*(t for b in article.blocks for t in b.lines)]:
        for mark in text.marks:
            if mark.kind is MarkKind.NOTE_CALL:
                out.append((mark.ref, text.text[max(0, mark.start - 25):mark.start], text.text[mark.start:][:12]))
    return out


def test_every_call_of_the_journal_is_found_in_order_and_the_numerals_vanish():
    article = clean(read_seed(SEEDS / JOURNAL)).article
    calls = _calls(article)
    assert [ref for ref, _, _ in calls] == [f"s{n}" for n in range(1, 58)]
    before = {ref: text for ref, text, _ in calls}
    assert before["s1"].endswith("on 25 December 1991.")
    assert before["s10"].endswith("Communist Party in 1939.")
    assert before["s3"].endswith("pro-Stalin, position”.")
    paragraph = next(b.text for b in article.blocks if "1,588,852" in b.text)
    assert "only 1.3 percent had been Bolsheviks" in paragraph and "only 8.3 percent" in paragraph
    assert "Cop26 mobilisation" in " ".join(b.text for b in article.blocks)


def _tricky(*body: str, notes: str):
    text = "\n".join([*body, "Notes", notes])
    return clean(decode_seed(text.encode(), Path("tricky.txt")))


def test_numbers_that_belong_to_the_text_are_never_calls():
    result = _tricky(
        "Out of 1,588,852 members in 1939, only 1.3 percent had joined before 1917.1 The rest came later, "
        "as figures in pp118-119 and the years 1928-9 show.",
        "The party grew in 1939.2 About 90 percent of them were young, and Cop26 was decades away.3",
        notes="1 Cliff, 1974.\n2 Cliff, 1974, p121.\n3 Harman, 1967.")
    calls = _calls(result.article)
    assert [ref for ref, _, _ in calls] == ["s1", "s2", "s3"]
    text = " ".join(b.text for b in result.article.blocks)
    assert "only 1.3 percent had joined before 1917. The rest" in text
    assert "in 1939. About 90 percent" in text and "pp118-119" in text and "1928-9" in text


def test_a_call_out_of_sequence_is_reported():
    result = _tricky("First claim.1 Second claim.2", "Third claim.3 A stray repeat.2 And the end.4",
                     notes="1 A.\n2 B.\n3 C.\n4 D.")
    warnings = [e.detail for e in result.warnings()]
    assert any("2" in w and "out of sequence" in w for w in warnings)


@pytest.fixture(scope="module")
def real_book():
    from conftest import ROOT
    editorial = load_editorial(ROOT)
    return build_book(editorial)


@pytest.fixture(scope="module")
def unacknowledged(tmp_path_factory):
    """The real book with the editors' acknowledgement of the journal's three lost notes removed."""
    from conftest import copy_project
    root = copy_project(tmp_path_factory.mktemp("unacknowledged"))
    book = root / "editorial" / "book.yaml"
    text = book.read_text(encoding="utf-8")
    start = text.index("    missing_notes:")
    last = text.index("own note 33,")
    end = text.index("the editors have not been able to recover it.\n", last) + len(
        "the editors have not been able to recover it.\n")
    book.write_text(text[:start] + text[end:], encoding="utf-8")
    return build_book(load_editorial(root))


def test_missing_source_notes_are_reported_with_chapter_and_sentence(unacknowledged):
    messages = [p.message for p in unacknowledged.warnings if "notes list lacks" in p.message]
    for number in (3, 5, 33):
        assert any(f"calls note {number} " in m and "'long-shadow'" in m for m in messages), number
    three = next(m for m in messages if "calls note 3 " in m)
    assert "pro-Stalin, position" in three


def test_missing_notes_are_rendered_as_missing_not_dropped(unacknowledged):
    chapter = next(c for c in unacknowledged.book.chapters if c.id == "long-shadow")
    missing = [n for n in chapter.notes if n.origin is NoteOrigin.MISSING]
    assert len(missing) == 3 and all("missing from the source" in n.paragraphs[0].text for n in missing)


def test_the_reader_acknowledges_the_journals_lost_notes_and_warns_of_nothing(real_book):
    """book.yaml says, for each note the journal calls but its page lacks, that it is missing."""
    assert not real_book.warnings, [str(p) for p in real_book.warnings]
    chapter = next(c for c in real_book.book.chapters if c.id == "long-shadow")
    supplied = {n.key: n for n in chapter.notes if n.origin is NoteOrigin.SUPPLIED}
    assert sorted(supplied) == ["s3", "s33", "s5"]
    for key, note in supplied.items():
        text = " ".join(p.text for p in note.paragraphs)
        assert f"journal’s own note {key[1:]}, between those it numbers" in text and "is missing" in text


SEED = ("A title for the test\n\nThe Bolsheviks took power in October 1917 and the civil war followed.1 "
        "Lenin died in 1924 and Stalin became general secretary of the party.\n\n"
        "The New Economic Policy was adopted in 1921.2 It allowed private trade in grain.\n\n"
        "Notes\n\n1 Source one.\n\n2 Source two.\n\n3 A note with no call.\n")


def test_a_note_without_a_call_is_reported(tmp_path):
    made = build_book(load_editorial(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK)))
    assert any("source note 3 has no call" in p.message for p in made.warnings)


def test_editors_notes_are_numbered_with_source_notes_in_reading_order(tmp_path):
    notes = ('notes:\n  - chapter: one\n    after: "general secretary"\n    text: "Stalin held the post from '
             '*1922*."\n  - chapter: one\n    after: "October 1917"\n    text: "Old style: 25 October."\n')
    made = build_book(load_editorial(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, notes)))
    chapter = made.book.chapters[0]
    assert [(n.number, n.origin.value, n.key) for n in chapter.notes] == [
        (1, "editor", "e2"), (2, "source", "s1"), (3, "editor", "e1"), (4, "source", "s2")]
    [paragraph] = chapter.notes[2].paragraphs
    assert paragraph.text == "Stalin held the post from 1922."
    assert paragraph.marks == [Mark(MarkKind.EMPHASIS, 26, 30)]


@pytest.mark.parametrize("after, expected", [
    ("general secretry", "is not in chapter 'one'"),
    ("the", "occurs"),
])
def test_a_phrase_not_found_or_ambiguous_is_an_error_naming_file_and_line(tmp_path, after, expected):
    notes = f'notes:\n  - chapter: one\n    after: "{after}"\n    text: "x"\n'
    project = make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, notes)
    with pytest.raises(PipelineError) as caught:
        build_book(load_editorial(project))
    problem = caught.value.problems[0]
    assert expected in problem.message
    assert problem.path.name == "notes.yaml" and problem.line == 3
    if "not in" in expected:
        assert "general secretary" in problem.hint


def test_the_editor_can_supply_a_missing_note(tmp_path):
    seed = SEED.replace("1924 and", "1924.3 And")
    book = SMALL_BOOK + "    missing_notes:\n      - number: 3\n        text: \"Supplied *text*.\"\n"
    seed = seed.replace("3 A note with no call.\n", "")
    made = build_book(load_editorial(make_project(tmp_path, {"one.txt": seed}, book)))
    note = next(n for n in made.book.chapters[0].notes if n.key == "s3")
    assert note.origin is NoteOrigin.SUPPLIED
    assert note.paragraphs == [Text("Supplied text.", [Mark(MarkKind.EMPHASIS, 9, 13)])]
    assert not [p for p in made.warnings if "lacks" in p.message]


# ------------------------------------------------------------- the built editions

def test_every_noteref_in_the_epub_has_its_note_and_its_back_link(epub_documents):
    ids: dict[str, str] = {}
    for name, document in epub_documents.items():
        for element in document.iter():
            if element.get("id"):
                assert element.get("id") not in ids, f"duplicate id {element.get('id')}"
                ids[element.get("id")] = name
    refs = [(name, a) for name, document in epub_documents.items()
            for a in document.iterfind(".//x:a[@epub:type='noteref']", XHTML_NS)]
    assert len(refs) >= 57
    for name, a in refs:
        assert len(a) == 0 and re.fullmatch(r"\d+", a.text), "nothing but the number inside a noteref"
        assert a.get("role") == "doc-noteref"
        file, anchor = a.get("href").split("#")
        target_doc = epub_documents[f"{name.rsplit('/', 1)[0]}/{file}"]
        note = target_doc.find(f".//*[@id='{anchor}']")
        assert note is not None and note.get("{http://www.idpf.org/2007/ops}type") == "endnote"
        back = note.find(".//x:a[@role='doc-backlink']", XHTML_NS)
        assert back is not None and back.get("href").endswith(f"#{a.get('id')}")
        assert back.getparent().index(back) == 0, "the back-link leads the note (Kindle merges notes otherwise)"


def test_every_note_is_printed_in_the_pdf(built, pdf_text):
    """Each footnote, by its number and its first words, on some page: none may vanish."""
    pages = [" ".join(page.split()) for page in pdf_text]
    total = 0
    for chapter in built.made.book.chapters:
        for note in chapter.notes:
            total += 1
            text = note.paragraphs[0].text
            start = f"{note.number} " + " ".join(text.split()[:3])
            assert any(start in page for page in pages), f"chapter {chapter.number} note {note.number}: {start}"
    assert total == sum(len(c.notes) for c in built.made.book.chapters) >= 57


from hypothesis import given, strategies as st  # noqa: E402

from pipeline.editorial.phrases import _fold_slowly, fold  # noqa: E402


@given(st.text(alphabet=st.sampled_from(list("aZ .,“”‘’\"'–—-…\u00a0\u202f\t\nİß")) | st.characters(), max_size=40))
def test_fast_fold_agrees_with_the_character_by_character_fold(text):
    assert fold(text) == _fold_slowly(text)
