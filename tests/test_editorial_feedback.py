"""What `check` tells an editor: every mistake named once, at its own line, with a fix, and nothing
an editor wrote dropped without a word."""

from __future__ import annotations

import pytest

from conftest import SMALL_BOOK, make_project
from pipeline.editorial.apply import build_book
from pipeline.editorial.load import load_editorial
from pipeline.problems import PipelineError

SEED = ("A title for the test\n\nThe Bolsheviks took power in October 1917 and the civil war followed. "
        "Lenin died in 1924 and Stalin became general secretary of the party.\n\n"
        "The New Economic Policy was adopted in 1921. It allowed private trade in grain.\n")

TWO_CHAPTERS = SMALL_BOOK + "  - seed: two.txt\n    id: two\n    title: Chapter Two\n"


def _problems(project) -> list:
    """Every problem of a check of `project`: the errors if it fails, else the warnings."""
    try:
        return build_book(load_editorial(project)).warnings
    except PipelineError as exc:
        return exc.problems


def _notes(*entries: str) -> str:
    return "notes:\n" + "".join(entries)


def _note(after: str, text: str = "A note.", chapter: str = "one", occurrence: int | None = None) -> str:
    extra = f"    occurrence: {occurrence}\n" if occurrence else ""
    return f"  - chapter: {chapter}\n    after: \"{after}\"\n{extra}    text: \"{text}\"\n"


# ---------------------------------------------------------------- notes

def test_an_occurrence_the_chapter_lacks_says_which_there_are(tmp_path):
    notes = _notes(_note("general secretary", occurrence=5))
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, notes))
    assert "occurrence 5 asked" in problem.message and problem.line == 4
    assert "use occurrence: 1" in problem.hint and "longer phrase" in problem.hint


def test_two_notes_on_one_phrase_are_one_error_naming_both_lines(tmp_path):
    notes = _notes(_note("general secretary"), _note("Stalin"), _note("general secretary", "Another."))
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, notes))
    assert problem.severity == "error" and problem.line == 9
    assert "lines 2 and 8" in problem.message and "merge them into one note" in problem.hint


def test_two_notes_whose_calls_land_on_one_place_are_an_error_however_they_quote_it(tmp_path):
    notes = _notes(_note("general secretary"), _note("secretary"))
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, notes))
    assert "both follow" in problem.message


def test_a_duplicate_chapter_id_is_one_error_not_a_cascade_over_its_notes(tmp_path):
    book = TWO_CHAPTERS.replace("id: two", "id: one")
    notes = _notes(_note("general secretary"), _note("civil war"), _note("New Economic Policy"))
    seeds = {"one.txt": SEED, "two.txt": "Another title\n\nA different article altogether.\n"}
    problems = _problems(make_project(tmp_path, seeds, book, notes))
    assert [p.path.name for p in problems] == ["book.yaml"], [str(p) for p in problems]
    assert "used twice" in problems[0].message and "not checked until then" in problems[0].hint


def test_notes_naming_one_unknown_chapter_are_one_error_listing_their_lines(tmp_path):
    notes = _notes(_note("civil war", chapter="too"), _note("Stalin", chapter="too"))
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, notes))
    assert "unknown chapter 'too', named by 2 notes (lines 2, 5)" in problem.message
    assert problem.line == 2


# ---------------------------------------------------------------- blank values

@pytest.mark.parametrize("edit, line, field", [
    (lambda book: book.replace("title: A Small Book", 'title: "   "'), 1, "'title'"),
    (lambda book: book.replace("title: Chapter One", 'title: "  "'), 9, "'title'"),
    (lambda book: book + '    author: ""\n', 10, "'author'"),
])
def test_blank_text_in_book_yaml_is_an_error_at_its_line(tmp_path, edit, line, field):
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, edit(SMALL_BOOK)))
    assert problem.message.startswith(f"{field} is blank") and problem.line == line, str(problem)


def test_a_title_no_title_page_could_set_is_an_error_at_its_line(tmp_path):
    book = SMALL_BOOK.replace("title: A Small Book", "title: " + "Stalin" * 4000)
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, book))
    assert problem.message == "'title' is 24,000 characters long, over the 200 a title page sets"
    assert problem.line == 1 and "shorten it" in problem.hint


def test_a_blank_note_text_is_one_error_at_its_line(tmp_path):
    notes = _notes(_note("general secretary", text="  "))
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, notes))
    assert problem.message.startswith("'text' is blank") and (problem.path.name, problem.line) == ("notes.yaml", 4)


def test_a_blank_form_in_the_glossary_is_an_error_naming_the_entry_of_the_list(tmp_path):
    glossary = 'entries:\n  - term: NEP\n    forms: [New Economic Policy, " "]\n    definition: A policy.\n'
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, glossary=glossary))
    assert problem.message.startswith("entry 2 of 'forms' is blank") and problem.line == 3


@pytest.mark.parametrize("key", ["introduction", "colophon"])
def test_an_empty_markdown_file_is_a_warning(tmp_path, key):
    book = SMALL_BOOK.replace("chapters:", f"{key}: {key}.md\nchapters:")
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, book, files={f"{key}.md": "\n  \n"}))
    assert problem.severity == "warning" and f"{key}.md is empty" in problem.message


# ---------------------------------------------------------------- files editorial/ holds

NOTES = _notes(_note("general secretary"))


@pytest.mark.parametrize("written, meant", [("Notes.yaml", "notes.yaml"), ("notes.yml", "notes.yaml")])
def test_a_renamed_notes_file_is_an_error_not_a_book_without_notes(tmp_path, written, meant):
    project = make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, files={written: NOTES})
    [problem] = _problems(project)
    assert problem.severity == "error" and problem.path.name == written
    assert f"rename it to {meant}" in problem.hint


def test_a_renamed_glossary_is_an_error(tmp_path):
    glossary = "entries:\n  - term: NEP\n    definition: A policy.\n"
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, files={"glossary.yml": glossary}))
    assert problem.severity == "error" and "glossary.yaml, which is missing" in problem.message


def test_files_editorial_does_not_read_are_warnings_with_the_name_meant(tmp_path):
    files = {"notes.yaml.bak": NOTES, "draft.md": "Some text.\n", ".hidden": "x"}
    problems = _problems(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, NOTES, files=files))
    unread = {p.path.name: p for p in problems if "not read" in p.message}
    assert sorted(unread) == ["draft.md", "notes.yaml.bak"]
    assert all(p.severity == "warning" for p in unread.values())
    assert "did you mean 'notes.yaml'?" in unread["notes.yaml.bak"].hint
    assert "introduction:" in unread["draft.md"].hint


def test_the_markdown_files_book_yaml_names_are_read(tmp_path):
    book = SMALL_BOOK.replace("chapters:", "introduction: preface.md\nchapters:")
    problems = _problems(make_project(tmp_path, {"one.txt": SEED}, book, files={"preface.md": "Text.\n"}))
    assert not [p for p in problems if "not read" in p.message]


# ---------------------------------------------------------------- YAML syntax: where the mistake is

def _syntax_error(tmp_path, text: str):
    from pipeline.editorial.yamlfile import load_yaml
    path = tmp_path / "notes.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PipelineError) as caught:
        load_yaml(path)
    [problem] = caught.value.problems
    return problem


UNCLOSED_QUOTE = ('notes:\n  - chapter: one\n    after: "general secretary\n    text: >-\n      A note.\n\n'
                  '  - chapter: one\n    after: "civil war"\n    text: Another.\n')


def test_an_unclosed_quote_is_reported_where_it_opens_with_where_the_parser_stopped(tmp_path):
    problem = _syntax_error(tmp_path, UNCLOSED_QUOTE)
    assert (problem.line, problem.column) == (3, 12), str(problem)
    assert "starts at line 3" in problem.message and "stopped at line 8" in problem.message
    assert "close the quote" in problem.hint


def test_an_unclosed_quote_at_the_end_of_the_file_is_reported_where_it_opens(tmp_path):
    problem = _syntax_error(tmp_path, 'notes:\n  - chapter: one\n    after: "abc\n')
    assert problem.line == 3 and "never closed" in problem.message


def test_an_unclosed_bracket_is_reported_where_it_opens(tmp_path):
    problem = _syntax_error(tmp_path, "title: [Stalin and Stalinism\nsubtitle: Five\n")
    assert (problem.line, problem.column) == (1, 8) and "'[' that starts at line 1" in problem.message
    assert "']'" in problem.hint


def test_a_quote_inside_quoted_text_says_so(tmp_path):
    problem = _syntax_error(tmp_path, "title: 'Stalin's heirs'\nsubtitle: Five\n")
    assert problem.line == 1 and "goes on after the quoted text" in problem.message and "''" in problem.hint


def test_a_tab_inside_a_line_is_not_called_indentation(tmp_path):
    problem = _syntax_error(tmp_path, "title: A\nsubtitle:\tFive\n")
    assert problem.line == 2 and "tab character inside the line" in problem.message
    assert "indentation" not in problem.message


def test_a_tab_that_indents_is_still_called_indentation(tmp_path):
    problem = _syntax_error(tmp_path, "chapters:\n  - seed: a.txt\n\t- seed: b.txt\n")
    assert problem.line == 3 and "indentation" in problem.message


def test_an_empty_value_is_reported_at_its_own_line(tmp_path):
    book = SMALL_BOOK.replace("title: A Small Book", "title:")
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, book))
    assert problem.line == 1 and "'title' should be text" in problem.message


# ---------------------------------------------------------------- the editors' Markdown: nothing dropped unsaid

def _findings(source: str, headings: bool = True) -> list[tuple[int, str, str]]:
    from pipeline.editorial.prose import markdown_findings
    return [(f.line, f.severity, f.message) for f in markdown_findings(source, headings)]


@pytest.mark.parametrize("source, line, severity, words", [
    ('Text.\n\nA <img alt="x"> here.', 3, "error", "<img> is removed"),
    ("Text.\n\n![a crane](crane.png)", 3, "error", "<img> is removed"),
    ("Text <script>x</script>.", 1, "warning", "<script> is removed with its content"),
    ("One\n<div>two</div>\nthree", 2, "warning", "raw HTML <div>"),
    ("A <span>word</span>.", 1, "warning", "raw HTML <span>"),
    ("See\n[the page](page.html).", 2, "warning", "'page.html' is relative"),
    ("[x](file:///etc/passwd)", 1, "warning", "'file:' addresses are not kept"),
    ("[x](javascript:alert(1))", 1, "warning", "'javascript:' addresses are not kept"),
    ("[x]()", 1, "warning", "it has no address"),
    ("As\n\n[text][nowhere] says.", 3, "warning", "[text][nowhere] has no definition"),
])
def test_what_the_book_cannot_keep_is_found_at_its_line(source, line, severity, words):
    [(found_line, found_severity, message)] = _findings(source)
    assert (found_line, found_severity) == (line, severity) and words in message, message


@pytest.mark.parametrize("source", [
    "Plain *italics*, **bold**, `code <div>` and [a link](https://example.org) or <mailto:me@example.org>.",
    "A [reference][r] link.\n\n[r]: https://example.org",
    "Brackets [sic] and [1] stay as they are.",
    "A <b>typed</b> <i>tag</i> Markdown would make.",
    "Text.\n\n---\n\nMore text, with a hard  \nbreak.",
    "<!-- an editors' comment -->\nText.",
    "## A section heading",
])
def test_what_the_book_keeps_is_not_a_finding(source):
    assert _findings(source, headings=False) == []


def test_a_top_level_heading_is_a_finding_only_where_the_book_heads_the_part():
    source = "Text.\n\n# Introduction\n\nMore.\n\nSources\n=======\n"
    assert [(line, message[:21]) for line, _, message in _findings(source, headings=False)] == [
        (3, "a top-level heading ("), (7, "a top-level heading (")]
    assert _findings(source) == []


def test_markdown_findings_in_a_note_are_reported_at_the_line_of_its_text(tmp_path):
    notes = _notes(_note("general secretary", text="See [the page](page.html)."),
                   _note("civil war", text="A picture: <img alt='war'>"))
    [problem] = _problems(make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK, notes))
    assert problem.severity == "error" and (problem.path.name, problem.line) == ("notes.yaml", 7)


def test_markdown_findings_in_the_glossary_and_the_introduction_are_warnings_with_their_lines(tmp_path):
    glossary = ("entries:\n  - term: NEP\n    forms: [New Economic Policy]\n"
                "    definition: See [the policy](nep.html).\n")
    book = SMALL_BOOK.replace("chapters:", "introduction: introduction.md\nchapters:")
    files = {"introduction.md": "# Introduction\n\nThe text.\n\n<div>Boxed.</div>\n"}
    problems = _problems(make_project(tmp_path, {"one.txt": SEED}, book, glossary=glossary, files=files))
    assert sorted((p.path.name, p.line, p.severity) for p in problems if "never used" not in p.message) == [
        ("glossary.yaml", 4, "warning"), ("introduction.md", 1, "warning"), ("introduction.md", 5, "warning")]
