"""Validation of editorial files against their JSON Schemas.

The schemas in `schemas/` are the single source of truth: the pipeline
validates with them, and the YAML files point editors' editors at them for
completion. jsonschema's errors are rephrased for editors: file, line and
column, what was expected, and the nearest valid key.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..problems import Problem, did_you_mean
from .yamlfile import YamlDocument

SCHEMAS = Path(__file__).with_name("schemas")
_TYPE_NAMES = {"object": "a mapping (key: value lines)", "array": "a list (lines starting with -)",
               "string": "text", "integer": "a whole number", "boolean": "true or false",
               "number": "a number", "null": "nothing"}


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _type_name(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "nothing (an empty value)"
    return "text"


def _field(path) -> str:
    named = [str(p) for p in path if isinstance(p, str)]
    return named[-1] if named else "the file"


def _explain(error: ValidationError, doc: YamlDocument) -> list[Problem]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    validator_name = error.validator
    if validator_name == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        instance = error.instance if isinstance(error.instance, dict) else {}
        problems = []
        for key in instance:
            if key in allowed:
                continue
            hint = did_you_mean(key, allowed) or ""
            hint = (hint + " " if hint else "") + "valid keys here: " + ", ".join(allowed)
            problems.append(doc.problem(f"unknown key '{key}'", (*path, key), key=True, hint=hint))
        return problems
    if validator_name == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        description = schema.get("properties", {}).get(missing, {}).get("description", "")
        return [doc.problem(f"missing required key '{missing}' in {_field(path) if path else 'the file'}",
                            path, hint=description or None)]
    if validator_name == "type":
        expected = error.validator_value
        expected_names = " or ".join(_TYPE_NAMES.get(t, t) for t in (
            expected if isinstance(expected, list) else [expected]))
        return [doc.problem(f"'{_field(path)}' should be {expected_names}, not {_type_name(error.instance)}",
                            path, hint=schema.get("description"))]
    branch = _fitting_branch(error) if validator_name == "oneOf" else None
    if branch:  # the one alternative of the value's own kind: what is wrong with it there
        return [problem for sub in branch for problem in _explain(sub, doc)]
    if validator_name == "oneOf" and path and path[-1] != "chapters":
        return [doc.problem(f"'{_field(path)}' entry {path[-1] + 1 if isinstance(path[-1], int) else ''} "
                            f"should be the start of a line (text) or a mapping with 'starts' and "
                            f"'occurrence'", path)]
    if validator_name == "maxLength":
        return [doc.problem(f"'{_field(path)}' is {len(error.instance):,} characters long, over the "
                            f"{error.validator_value} a title page sets", path,
                            hint="shorten it: what more it would say belongs in the introduction or a note")]
    if validator_name in ("pattern", "minLength") and _blank(error.instance):
        return [_blank_problem(path, schema, doc)]
    if validator_name in ("pattern", "minLength", "minimum", "minItems", "enum"):
        value = error.instance
        shown = value if not isinstance(value, str) or len(value) < 60 else value[:57] + "…"
        hint = schema.get("description") or error.message
        if validator_name == "enum" and isinstance(value, str):
            near = did_you_mean(value, [str(v) for v in error.validator_value])
            hint = f"{near} {hint}" if near else hint
        return [doc.problem(f"{shown!r} is not a valid value for '{_field(path)}'", path, hint=hint)]
    return [doc.problem(f"'{_field(path)}': {error.message}", path, hint=schema.get("description"))]


def _fitting_branch(error: ValidationError) -> list[ValidationError] | None:
    """The errors of the one alternative of a `oneOf` that is of the value's kind (text, or a mapping), when
    only one is: "D. Volkogonov, *Trotsky" is text that breaks the text's rule, not a mapping gone wrong."""
    branches: dict = {}
    for sub in error.context or ():
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    fitting = [subs for subs in branches.values()
               if not any(sub.validator == "type" and not sub.relative_path for sub in subs)]
    return fitting[0] if len(fitting) == 1 else None


def _blank(value) -> bool:
    return isinstance(value, str) and not value.strip()


def _blank_problem(path: tuple, schema: dict, doc: YamlDocument) -> Problem:
    """One message for text that is empty or only spaces, whichever rule caught it (the schema's
    `pattern: "\\S"` or its minLength), so the value is reported once."""
    item = bool(path) and isinstance(path[-1], int)
    what = f"entry {path[-1] + 1} of '{_field(path)}'" if item else f"'{_field(path)}'"
    hint = "write the text, or remove the entry" if item else "write the text, or remove the key if it is optional"
    description = schema.get("description")
    return doc.problem(f"{what} is blank: it holds no text, only spaces or nothing",
                       path, hint=f"{hint} ({description})" if description else hint)


def validate(doc: YamlDocument, name: str) -> list[Problem]:
    """Every schema problem of one document, in file order."""
    problems: list[Problem] = []
    for error in validator(name).iter_errors(doc.data):
        problems.extend(_explain(error, doc))
    unique = {(p.line, p.column, p.message): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.line or 0, p.column or 0))
