"""Many specs at once: render or validate each, report every failure, exit 2 if any."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..errors import DocgenError
from ..spec.load import load_spec
from .pipeline import render_spec

Echo = Callable[..., None]


def expand(paths: list[Path]) -> list[Path]:
    """Folders stand for the .yaml/.yml files inside them."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.name != "docgen.yaml"))
        else:
            out.append(path)
    return out


def render_all(paths: list[Path], out_dir: Path | None, pdf: bool, force: bool, echo: Echo) -> int:
    failures = 0
    for path in expand(paths):
        try:
            result = render_spec(path, out_dir, pdf, force)
        except DocgenError as exc:
            failures += 1
            echo(exc.show(), err=True)
            continue
        for out in result.outputs:
            echo(f"Đã tạo {out}")
    return 2 if failures else 0


def validate_all(paths: list[Path], echo: Echo) -> int:
    failures = 0
    for path in expand(paths):
        try:
            load_spec(path)
        except DocgenError as exc:
            failures += 1
            echo(exc.show(), err=True)
            continue
        echo(f"{path}: hợp lệ.")
    return 2 if failures else 0
