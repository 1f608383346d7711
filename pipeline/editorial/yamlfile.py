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
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent

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
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    text = (getattr(exc, "problem", None) or str(exc)).strip()
    hint = "check the indentation and the quoting of this line"
    lines = source.splitlines()
    near = lines[max(0, line - 2):line] if line else []
    if "\t" in text or "'\\t'" in text or any("\t" in l[:len(l) - len(l.lstrip())] for l in near):
        text = "a tab character is used for indentation"
        hint = "YAML indentation must use spaces, not tabs"
    if isinstance(exc, DuplicateKeyError):
        text = f"duplicate key {exc.problem.split('duplicate key')[-1].strip()}" if exc.problem else \
            "duplicate key"
        hint = "each key may appear once in a mapping: merge the two entries or rename one"
    elif "found unhashable key" in text or "could not determine a constructor" in text:
        hint = "remove the tag (`!…`): editorial files hold plain text, lists and mappings"
    return Problem(f"YAML syntax error: {text}", path, line, column, hint)


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
                vline, vcol = node.lc.value(key)
                doc.positions[child] = (vline + 1, vcol + 1)
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
