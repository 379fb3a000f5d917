"""A spec that fails field validation, made valid by setting its failing values aside, so that
the checks across fields still run and one `validate` reports every error of the file; and
what can be told of the lines before a YAML syntax error.

Only the error path pays for this: a spec that validates never comes here.
"""

from __future__ import annotations

import copy
import re

from pydantic import ValidationError

from ..plumbing.errors import Problem
from .schema import Spec
from .yamlsource import Path_, Source, dotted

# Required at the top of a spec: a neutral value stands in for a failing one (a nested value
# that fails is dropped, or its list item replaced, instead).
_STAND_INS = {"co_quan": {"ten": "…", "viet_tat": "X", "ten_goi": "…"}, "dia_danh": "…",
              "nguoi_ky": {"chuc_vu": "…", "ho_ten": ""}}
_ITEM = "…"  # a list item that fails: a paragraph, a name, a recipient
_ROUNDS = 8


def _target(data: object, loc: tuple) -> Path_:
    """The value an error is about: the longest part of its location the data has (a missing
    key's owner; a union as a whole, not one of its branches)."""
    path: list = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            break
        path.append(part)
    return tuple(path)


def _inside(path: Path_, pruned: list[Path_]) -> bool:
    return any(path[:len(p)] == p for p in pruned)


def _set_aside(data: object, pruned: list[Path_]) -> object:
    out = copy.deepcopy(data)
    for path in sorted(pruned, key=len):
        if _inside(path, [p for p in pruned if len(p) < len(path)]):
            continue  # inside something already set aside
        parent = out
        for part in path[:-1]:
            parent = parent[part]  # type: ignore[index]
        last = path[-1]
        if isinstance(parent, list):
            parent[last] = _ITEM  # type: ignore[index]
        elif len(path) == 1 and last in _STAND_INS:
            parent[last] = copy.deepcopy(_STAND_INS[last])  # type: ignore[index]
        else:
            parent.pop(last, None)  # type: ignore[union-attr, arg-type]
    return out


def salvage(data: dict, exc: ValidationError) -> tuple[Spec, list[Path_]] | None:
    """A Spec from data with every failing value set aside, and the paths set aside; None when
    the spec cannot be made (a failure of the whole file)."""
    pruned: list[Path_] = []
    current: object = data
    for _ in range(_ROUNDS):
        before, grew = list(pruned), False
        for err in exc.errors():
            loc = err["loc"]
            target = _target(current, loc)
            if not target and err["type"] == "missing" and len(loc) == 1 and loc[0] in _STAND_INS:
                target = loc
            while target and _inside(target, before):
                target = target[:-1]  # what stands in fails too: set its owner aside
            if not target:
                return None  # the file as a whole (a check across every field) fails
            if not _inside(target, pruned):
                pruned.append(target)
                grew = True
        if not grew:
            return None
        current = _set_aside(data, pruned)
        try:
            return Spec.model_validate(current), pruned
        except ValidationError as again:
            exc = again
    return None


def _overlaps(field: str, names: list[str]) -> bool:
    for name in names:
        if field == name or field.startswith((name + ".", name + "[")):
            return True
        if field and name.startswith((field + ".", field + "[")):
            return True
    return False


def _mentions(message: str, names: list[str]) -> bool:
    return any(re.search(r"(?<![\w.])" + re.escape(name) + r"(?![\w\[]|\.\w)", message) for name in names)


def unaffected(problems: list[Problem], pruned: list[Path_], guessed: list[Path_]) -> list[Problem]:
    """The cross-field problems of a salvaged spec that are not about what was set aside: none
    at or inside a value set aside (or at the key a misspelt one stands for), none that names one."""
    names = [dotted(p) for p in pruned + guessed]
    return [p for p in problems if not _overlaps(p.field, names) and not _mentions(p.message, names)]


# A value given as a scalar where a group is expected may be an id the office profile resolves.
_GROUP_TYPES = ("model_type", "model_attributes_type", "dict_type")


def _complete_value(err: dict) -> bool:
    """An error the lines after a cut cannot undo: an unknown key, or a scalar value of the
    wrong type (not a missing key, not a block or list cut short, not a check across fields)."""
    if err["type"] == "extra_forbidden":
        return True
    value = err.get("input")
    return (err["type"] != "missing" and err["type"] not in _GROUP_TYPES
            and not isinstance(value, (dict, list)) and value not in (None, ""))


def before_syntax_error(source: Source) -> list[Problem]:
    """The problems of the lines before a YAML syntax error (source holds only them)."""
    from .checks import raw_problems
    from .messages import translate

    if not isinstance(source.data, dict):
        return []
    problems = raw_problems(source)
    try:
        Spec.model_validate(source.data)
    except ValidationError as exc:
        problems += translate(exc, source, Spec, keep=_complete_value)
    return problems
