"""Editing the built-in notice template as an office would, for the template tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx

from docgen.render.templates import builtin_path


def edited(tmp_path: Path, change) -> Path:
    """A copy of the built-in notice template, changed with python-docx as Word would."""
    path = tmp_path / "mau.docx"
    shutil.copy(builtin_path("thong-bao"), path)
    d = docx.Document(str(path))
    change(d)
    d.save(str(path))
    return path


def paragraph_with(d, text):
    """The first paragraph, in the body or in a table cell, whose text contains text."""
    cells = [p for t in d.tables for c in t._cells for p in c.paragraphs]
    return next(p for p in [*d.paragraphs, *cells] if text in p.text)


def body_loop_end(d):
    """The paragraph that closes the body loop ("{%p endfor %}" after "{%p for p in body %}")."""
    paras = d.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text.startswith("{%p for p in body"))
    return next(p for p in paras[start:] if p.text == "{%p endfor %}")
