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


def _written(data: object, path: Path_) -> Path_ | None:
    """The path as the YAML writes it, or None when the value is not written there. A single
    value where a list is expected (`chu_tri: {…}`, `noi_nhan: Bộ Nội vụ`) stands for item 0;
    a bare string where a block is expected is its `doan`."""
    out: list = []
    for part in path:
        if isinstance(data, list) and isinstance(part, int):
            if part >= len(data):
                return None
            data = data[part]
            out.append(part)
        elif isinstance(data, dict) and part in data:
            data = data[part]
            out.append(part)
        elif isinstance(data, (dict, str)) and part == 0:
            continue  # one value written where a list is expected: it is item 0
        elif isinstance(data, str) and part == "doan":
            continue
        else:
            return None
    return tuple(out)


def _origin(source: Source, path: Path_) -> str:
    written = _written(source.data, path)
    if written is None:
        return "mặc định"
    line = source.line_of(written)
    return f"{source.file_of(written)}:{line}" if line else "mặc định"


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
