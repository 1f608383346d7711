"""Broken editorial trees: a clear message with file and line, a non-zero exit, out/ untouched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import ROOT
from pipeline.__main__ import main
from pipeline.problems import PipelineError

BOOK = "editorial/book.yaml"
NOTES = "editorial/notes.yaml"


def _edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(project: Path, name: str, text: str) -> None:
    with open(project / name, "a", encoding="utf-8") as handle:
        handle.write(text)


@pytest.fixture
def previous_out(project):
    out = project / "out"
    out.mkdir()
    (out / "stalin-and-stalinism.epub").write_bytes(b"previous epub")
    (out / "stalin-and-stalinism.pdf").write_bytes(b"previous pdf")
    return out


def _run(project: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["build", "--project", str(project), *extra])
    captured = capsys.readouterr()
    return code, captured.err + captured.out


MISTAKES = {
    "bad YAML syntax": (lambda p: _edit(p, BOOK, "title: Stalin and Stalinism", "title: [Stalin and Stalinism"),
                        "book.yaml:", "YAML syntax error"),
    "unknown key": (lambda p: _edit(p, BOOK, "subtitle:", "subtitel:"), "book.yaml:", "did you mean 'subtitle'"),
    "wrong type": (lambda p: _edit(p, BOOK, "language: en-GB", "language: [en, GB]"), "book.yaml:",
                   "'language' should be text"),
    "missing seed": (lambda p: _edit(p, BOOK, "seed: 001_90960ef981d27cfa.txt", "seed: 001_90960ef981d27cfb.txt"),
                     "book.yaml:", "did you mean '001_90960ef981d27cfa.txt'"),
    "duplicate chapter": (lambda p: _append(p, BOOK, "\n  - seed: 000_de6112e542265b07.txt\n    id: again\n"),
                          "book.yaml:", "is already chapter 1"),
    "phrase not found": (lambda p: _append(p, NOTES, "\n  - chapter: gravedigger\n    after: \"Trotsky and "
                                                     "the Left Oposition\"\n    text: x\n"),
                         "notes.yaml:", "closest passages"),
    "ambiguous phrase": (lambda p: _append(p, NOTES, "\n  - chapter: gravedigger\n    after: \"Stalin\"\n"
                                                     "    text: x\n"),
                         "notes.yaml:", "add occurrence"),
    "tab indentation": (lambda p: _edit(p, BOOK, "\n  - seed: 002", "\n\t- seed: 002"), "book.yaml:",
                        "tabs"),
    "duplicate key": (lambda p: _edit(p, BOOK, "editor:", "title: Again\neditor:"), "book.yaml:",
                      "duplicate key"),
    "unknown chapter in notes": (lambda p: _append(p, NOTES, "\n  - chapter: gravediger\n    after: \"xy\"\n"
                                                             "    text: x\n"),
                                 "notes.yaml:", "did you mean 'gravedigger'"),
    "override that matches no line": (lambda p: _edit(p, BOOK, "id: gravedigger\n",
                                                      "id: gravedigger\n    cleaning:\n      keep: "
                                                      "[\"Origins of Stalinsm\"]\n"),
                                      "book.yaml:", "closest lines"),
}


@pytest.mark.parametrize("kind", sorted(MISTAKES))
def test_a_mistake_stops_the_build_with_file_and_line_and_out_untouched(kind, project, previous_out, capsys):
    if not (project / NOTES).exists():
        (project / NOTES).write_text("notes:\n", encoding="utf-8")
    mistake, where, message = MISTAKES[kind]
    mistake(project)
    before = {p.name: p.read_bytes() for p in previous_out.iterdir()}
    code, output = _run(project, capsys)
    assert code == 1
    assert where in output and message in output, output
    lines = [line for line in output.splitlines() if where in line]
    assert any(line.split(where)[1][:1].isdigit() for line in lines), "the message names the line"
    assert {p.name: p.read_bytes() for p in previous_out.iterdir()} == before


def test_every_mistake_is_reported_in_one_run(project, capsys):
    (project / NOTES).write_text("notes:\n", encoding="utf-8")
    MISTAKES["unknown chapter in notes"][0](project)
    MISTAKES["phrase not found"][0](project)
    MISTAKES["missing seed"][0](project)
    code, output = _run(project, capsys)
    assert code == 1
    assert "did you mean 'gravedigger'" in output and "closest passages" in output
    assert "did you mean '001_90960ef981d27cfa.txt'" in output


def test_check_exit_codes(project, capsys):
    assert main(["check", "--project", str(project)]) == 0
    said = capsys.readouterr()
    assert re.search(r"is valid: 5 chapters, .* index entries, \d{2} corrections; 0 warning", said.out + said.err)
    MISTAKES["unknown key"][0](project)
    assert main(["check", "--project", str(project)]) == 1
    with pytest.raises(SystemExit) as usage:
        main(["check", "--no-such-option"])
    assert usage.value.code == 2
    assert not (project / "out").exists() or not any((project / "out").iterdir())


def test_the_published_json_schemas_are_valid_and_the_yaml_files_point_to_them():
    for path in (ROOT / "pipeline" / "editorial" / "schemas").glob("*.schema.json"):
        Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))
    for name in ("book", "notes", "glossary"):
        yaml_file = ROOT / "editorial" / f"{name}.yaml"
        if yaml_file.exists():
            first = yaml_file.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../pipeline/editorial/schemas/{name}.schema.json"


def test_parsed_editorial_files_are_cached_by_their_bytes(tmp_path):
    from pipeline.editorial import yamlfile
    source = tmp_path / "notes.yaml"
    source.write_text("notes:\n  - chapter: one\n    after: a phrase\n    text: >-\n      A note.\n",
                      encoding="utf-8")
    cache = tmp_path / "cache"
    fresh = yamlfile.load_yaml(source)
    first = yamlfile.load_yaml(source, cache)
    assert len(list(cache.glob("*.json"))) == 1
    yamlfile._memory.clear()  # as a new process would
    cached = yamlfile.load_yaml(source, cache)
    for doc in (first, cached):
        assert (doc.data, doc.positions, doc.key_positions) == (fresh.data, fresh.positions, fresh.key_positions)
    cached.data["notes"].clear()  # a caller's change does not reach the cache
    assert yamlfile.load_yaml(source, cache).data == fresh.data

    source.write_text(source.read_text(encoding="utf-8").replace("A note.", "Another note."), encoding="utf-8")
    assert yamlfile.load_yaml(source, cache).data["notes"][0]["text"] == "Another note."

    yamlfile._memory.clear()
    for entry in cache.glob("*.json"):
        entry.write_text("{damaged", encoding="utf-8")
    assert yamlfile.load_yaml(source, cache).data["notes"][0]["text"] == "Another note."


def test_a_refused_file_is_refused_again_and_never_cached(tmp_path):
    from pipeline.editorial import yamlfile
    source = tmp_path / "book.yaml"
    source.write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    cache = tmp_path / "cache"
    for _ in range(2):
        with pytest.raises(PipelineError):
            yamlfile.load_yaml(source, cache)
    assert not cache.exists() or not list(cache.glob("*.json"))
