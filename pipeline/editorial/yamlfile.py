"""Editorial YAML, loaded safely and with every value's line and column.

Editorial files come from people: they may hold a syntax error, a tab, a
duplicate key, a tag that would construct objects (`!!python/object`) or an
alias bomb ("billion laughs"). The event stream is checked first (no alias,
no anchor, no explicit tag), then the document is composed with ruamel's
round-trip loader, which keeps positions, and converted to plain data.
"""

from __future__ import annotations

import copy
import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent
from ruamel.yaml.tokens import ScalarToken

from ..caching import cache_key, read_entry, write_entry
from ..problems import PipelineError, Problem

MAX_BYTES = 2_000_000  # an editorial file is text written by hand
MAX_EVENTS = 200_000

Path_ = tuple  # a JSON-pointer-like path: ("chapters", 2, "title")


@dataclass
class YamlDocument:
    path: Path
    data: object
    positions: dict = field(default_factory=dict)  # path -> (line, column), 1-based
    key_positions: dict = field(default_factory=dict)  # path of a key -> (line, column)

    def where(self, path: Path_, key: bool = False) -> tuple[int | None, int | None]:
        """The nearest known position of a value (or of a key) at `path`."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, message: str, path: Path_ = (), key: bool = False, hint: str | None = None,
                severity: str = "error") -> Problem:
        line, column = self.where(path, key)
        return Problem(message, self.path, line, column, hint, severity)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def _syntax_problem(path: Path, exc: YAMLError, source: str = "") -> Problem:
    """Where the mistake is, not only where the parser gave up: an unclosed quote or bracket is
    reported where it opens, with the parser's own place as the second clue."""
    if isinstance(exc, DuplicateKeyError):
        text = f"duplicate key {exc.problem.split('duplicate key')[-1].strip()}" if exc.problem else \
            "duplicate key"
        line, column = _position(getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None))
        return Problem(f"YAML syntax error: {text}", path, line, column,
                       "each key may appear once in a mapping: merge the two entries or rename one")
    found = _tab_problem(path, exc, source) or _unclosed_problem(path, exc, source)
    if found is not None:
        return found
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = _position(mark)
    text = (getattr(exc, "problem", None) or str(exc)).strip()
    hint = "check the indentation and the quoting of this line"
    if "found unhashable key" in text or "could not determine a constructor" in text:
        hint = "remove the tag (`!…`): editorial files hold plain text, lists and mappings"
    return Problem(f"YAML syntax error: {text}", path, line, column, hint)


def _position(mark) -> tuple[int | None, int | None]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def _tab_problem(path: Path, exc: YAMLError, source: str) -> Problem | None:
    """A tab where YAML allows none: at the start of a line it indents, anywhere else it is a tab
    inside the line (after `subtitle:`), and the fixes differ."""
    mark = getattr(exc, "problem_mark", None)
    lines = source.splitlines()
    if mark is None or mark.line >= len(lines):
        return None
    text = lines[mark.line]
    at_tab = text[mark.column:mark.column + 1] == "\t"
    before = lines[max(0, mark.line - 1):mark.line + 1]  # a tab that indents may surface a line later
    if not at_tab and not any("\t" in l[:len(l) - len(l.lstrip())] for l in before):
        return None
    if not at_tab or not text[:mark.column].strip():
        return Problem("YAML syntax error: a tab character is used for indentation", path, mark.line + 1,
                       mark.column + 1, "YAML indentation must use spaces, not tabs")
    return Problem(f"YAML syntax error: a tab character inside the line, after “{text[:mark.column].strip()}”",
                   path, mark.line + 1, mark.column + 1,
                   "replace the tab by a space (or put the value in quotes if the tab belongs to it)")


_OPENED = {"while scanning a quoted scalar": "the quoted text",
           "while parsing a flow sequence": "the list opened with '['",
           "while parsing a flow mapping": "the mapping opened with '{'"}


def _unclosed_problem(path: Path, exc: YAMLError, source: str) -> Problem | None:
    """A quote or bracket left open: reported at its start, where the editor has to look."""
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    gave_up = _gave_up(exc)
    if context in _OPENED and start is not None:
        what = _OPENED[context]
        line, column = _position(start)
        return Problem(f"YAML syntax error: {what} that starts at line {line} is never closed ({gave_up})",
                       path, line, column, _closing_hint(what))
    quoted = _quoted_before(exc, source)
    if quoted is None:
        return None
    line, column = _position(quoted.start_mark)
    end_line, _ = _position(quoted.end_mark)
    if end_line > line:
        return Problem(f"YAML syntax error: the quoted text that starts at line {line} runs on to line "
                       f"{end_line}: its closing quote is probably missing ({gave_up})", path, line, column,
                       _closing_hint("the quoted text"))
    return Problem(f"YAML syntax error: the text goes on after the quoted text that starts at line {line} "
                   f"closes ({gave_up})", path, line, column,
                   "a quote inside quoted text ends it: write '' for ' inside single quotes, \\\" for \" inside "
                   "double quotes, or quote the value with the other mark")


def _gave_up(exc: YAMLError) -> str:
    line, column = _position(getattr(exc, "problem_mark", None))
    problem = (getattr(exc, "problem", None) or "").strip()
    return f"the parser stopped at line {line}, column {column}: {problem}" if line else problem


def _closing_hint(what: str) -> str:
    if "quoted" in what:
        return "close the quote where the text ends (a quote inside the text: '' in single quotes, \\\" in double)"
    closer = "]" if "[" in what else "}"
    return f"close it with '{closer}' where it ends, or put the whole value in quotes if the bracket is part of the text"


def _quoted_before(exc: YAMLError, source: str):
    """The quoted scalar that ends right where the parser stopped, if that is what stopped it."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None or not isinstance(exc, MarkedYAMLError):
        return None
    last = None
    try:
        for token in _yaml().scan(source):
            if token.end_mark.index > mark.index:
                break
            last = token
    except YAMLError:
        pass
    if isinstance(last, ScalarToken) and last.style in ("'", '"') and last.end_mark.index == mark.index:
        return last
    return None


def load_yaml(path: Path, cache: Path | None = None) -> YamlDocument:
    """Parse an editorial file, refusing tags and aliases, with every value's position.

    With a `cache` folder, a file whose bytes were parsed before is read back from
    it: ruamel's round-trip parser is the slowest part of an EPUB-only build.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PipelineError(Problem("file not found", path)) from None
    except OSError as exc:
        raise PipelineError(Problem(f"cannot read file: {exc.strerror}", path)) from None
    if len(raw) > MAX_BYTES:
        raise PipelineError(Problem(f"file is {len(raw):,} bytes; editorial files are limited to "
                                    f"{MAX_BYTES:,}", path, hint="split it or remove pasted material"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise PipelineError(Problem(f"not valid UTF-8 at byte offset {exc.start}", path, line,
                                    hint="save the file as UTF-8")) from None
    key = cache_key(raw, libraries=_LIBRARIES, code=_CODE, scheme=_SCHEME)
    cached = _cached(cache, key, path)
    if cached is not None:
        return cached
    _check_events(path, text)
    try:
        node = _yaml().load(text)
    except YAMLError as exc:
        raise PipelineError(_syntax_problem(path, exc, text)) from None
    doc = YamlDocument(path, None)
    doc.positions[()] = (1, 1)
    doc.data = _plain(node, (), doc)
    _store(cache, key, doc)
    return doc


_SCHEME = "editorial-yaml-1"
#: What a parsed file depends on besides its bytes: this module (and what it imports) and ruamel.
_CODE = (__name__,)
_LIBRARIES = ("ruamel.yaml",)


_memory: dict[str, YamlDocument] = {}


def _cached(cache: Path | None, key: str, path: Path) -> YamlDocument | None:
    if cache is None:
        return None
    doc = _memory.get(key)
    if doc is None:
        try:
            entry = json.loads(read_entry(cache / f"{key}.json") or "")
            doc = YamlDocument(path, entry["data"],
                               {tuple(p): (line, column) for p, line, column in entry["positions"]},
                               {tuple(p): (line, column) for p, line, column in entry["key_positions"]})
        except (ValueError, KeyError, TypeError):  # absent or damaged: parse again
            return None
        _memory[key] = doc
    return YamlDocument(path, copy.deepcopy(doc.data), dict(doc.positions), dict(doc.key_positions))


def _store(cache: Path | None, key: str, doc: YamlDocument) -> None:
    if cache is None:
        return
    _memory[key] = doc
    entry = {"data": doc.data,
             "positions": [[list(p), *where] for p, where in doc.positions.items()],
             "key_positions": [[list(p), *where] for p, where in doc.key_positions.items()]}
    write_entry(cache / f"{key}.json", json.dumps(entry, ensure_ascii=False))


def _check_events(path: Path, text: str) -> None:
    """Refuse aliases, anchors and tags before anything is constructed."""
    try:
        for count, event in enumerate(_yaml().parse(text)):
            if count > MAX_EVENTS:
                raise PipelineError(Problem("file is too complex to be an editorial file", path))
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
            if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
                raise PipelineError(Problem(
                    "YAML anchors and aliases (&name, *name) are not allowed in editorial files",
                    path, line, column, hint="write the value out in full where it is needed"))
            tag = getattr(event, "tag", None)
            if isinstance(event, (ScalarEvent, CollectionStartEvent)) and tag and not (
                    isinstance(event, ScalarEvent) and tag == "!"):
                raise PipelineError(Problem(
                    f"YAML tag {tag!r} is not allowed in editorial files", path, line, column,
                    hint="remove the tag: editorial files hold plain text, numbers, lists and mappings"))
    except YAMLError as exc:
        raise PipelineError(_syntax_problem(path, exc, text)) from None


def _plain(node, path: Path_, doc: YamlDocument):
    if isinstance(node, CommentedMap):
        out = {}
        for key, value in node.items():
            child = (*path, str(key))
            try:
                kline, kcol = node.lc.key(key)
                doc.key_positions[child] = (kline + 1, kcol + 1)
                vline, vcol = node.lc.value(key) if node[key] is not None else (kline, kcol)
                doc.positions[child] = (vline + 1, vcol + 1)  # an empty value: its key's line, not the next
            except (KeyError, TypeError, AttributeError):
                pass
            out[str(key)] = _plain(value, child, doc)
        return out
    if isinstance(node, CommentedSeq):
        out_list = []
        for index, value in enumerate(node):
            child = (*path, index)
            try:
                line, col = node.lc.item(index)
                doc.positions[child] = (line + 1, col + 1)
            except (KeyError, TypeError, AttributeError):
                pass
            out_list.append(_plain(value, child, doc))
        return out_list
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, (datetime.date, datetime.datetime)):
        return node.isoformat()
    return str(node)
