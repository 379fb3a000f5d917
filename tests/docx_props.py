"""Effective formatting as Word resolves it (run → paragraph style chain), for assertions."""

from __future__ import annotations

from docx.oxml.ns import qn


def _style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def run_prop(paragraph, run, name: str):
    value = getattr(run.font, name)
    if value is not None:
        return value
    for style in _style_chain(paragraph.style):
        value = getattr(style.font, name)
        if value is not None:
            return value
    return None


def para_prop(paragraph, name: str):
    value = getattr(paragraph.paragraph_format, name)
    if value is not None:
        return value
    for style in _style_chain(paragraph.style):
        value = getattr(style.paragraph_format, name)
        if value is not None:
            return value
    return None


def runs_with_text(paragraph):
    return [r for r in paragraph.runs if r.text.strip()]


def size_pt(paragraph) -> set[float]:
    return {run_prop(paragraph, r, "size").pt for r in runs_with_text(paragraph)}


def all_bold(paragraph) -> bool:
    return all(run_prop(paragraph, r, "bold") for r in runs_with_text(paragraph))


def all_italic(paragraph) -> bool:
    return all(run_prop(paragraph, r, "italic") for r in runs_with_text(paragraph))


def bottom_border(paragraph):
    pPr = paragraph._p.pPr
    if pPr is None or pPr.find(qn("w:pBdr")) is None:
        return None
    return pPr.find(qn("w:pBdr")).find(qn("w:bottom"))


def indents_twips(paragraph) -> tuple[int, int]:
    ind = paragraph._p.pPr.find(qn("w:ind"))
    return int(ind.get(qn("w:left"))), int(ind.get(qn("w:right")))
