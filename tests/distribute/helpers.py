"""Shared by the distribution tests: paths, the CLI runner, a spec copied beside a directory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
ROOT = HERE.parents[1]
NOTICE = DATA / "thong-bao.yaml"
DIRECTORY = DATA / "danh-ba.yaml"
COPY_DATE = dt.date(2021, 10, 20)


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def copy_of(tmp_path: Path, text: str, name: str = "thong-bao.yaml", directory: str | None = None) -> Path:
    """The spec text in a folder of its own, beside the test directory (or the one given)."""
    folder = tmp_path / "specs"
    folder.mkdir(exist_ok=True)
    (folder / "danh-ba.yaml").write_text(directory or DIRECTORY.read_text(encoding="utf-8"), encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1
