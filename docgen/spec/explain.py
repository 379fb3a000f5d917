"""`docgen validate --explain`: every resolved field, and whether it came from the spec,
the office profile or docgen's default."""

from __future__ import annotations

from pathlib import Path

from .load import AUTO, resolve, validate_source
from .yamlsource import Path_, Source, dotted


def _leaves(value: object, path: Path_):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(value, list) and value:
        for i, v in enumerate(value):
            yield from _leaves(v, path + (i,))
    else:
        yield path, value


def _present(data: object, path: Path_) -> bool:
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        elif isinstance(data, str) and part in ("doan", 0):  # a bare string: a paragraph, a one-item list
            return True
        else:
            return False
    return True


def _origin(source: Source, path: Path_) -> str:
    if not _present(source.data, path):
        return "mặc định"
    for end in range(len(path), 0, -1):
        prefix = tuple(path[:end])
        if prefix in source.lines:
            return f"{source.files.get(prefix, source.file)}:{source.lines[prefix]}"
    return "mặc định"


def explain(spec_path: Path, profile: Path | str | None = AUTO) -> list[str]:
    source = resolve(spec_path, profile)
    return explain_source(source, validate_source(source))


def explain_source(source: Source, spec) -> list[str]:
    """One line per resolved field: `path = value    ← file:line` or `← mặc định`."""
    lines = []
    for path, value in _leaves(spec.model_dump(mode="json"), ()):
        origin = _origin(source, path)
        if origin == "mặc định" and value in (None, [], "") and len(path) > 1:
            continue  # unset optional keys inside a block: noise
        shown = "(trống)" if value in (None, [], "") else str(value)
        if len(shown) > 70:
            shown = shown[:67] + "…"
        lines.append(f"{dotted(path)} = {shown}    ← {origin}")
    return lines
