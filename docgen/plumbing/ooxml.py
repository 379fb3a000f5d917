"""The few raw WordprocessingML edits python-docx has no API for, each a named function."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph


def _child(parent, tag: str, before: tuple[str, ...] = ()):
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        anchor = next((parent.find(qn(t)) for t in before if parent.find(qn(t)) is not None), None)
        if anchor is not None:
            anchor.addprevious(el)
        else:
            parent.append(el)
    return el


def set_run_fonts(rpr, name: str) -> None:
    """All four font slots, so Vietnamese, complex-script and East Asian text agree."""
    fonts = _child(rpr, "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def set_language(rpr, lang: str = "vi-VN") -> None:
    el = _child(rpr, "w:lang")
    el.set(qn("w:val"), lang)


def table_without_borders(table: Table) -> None:
    tblPr = table._tbl.tblPr
    borders = _child(tblPr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = _child(borders, f"w:{side}")
        el.set(qn("w:val"), "nil")


def table_fixed(table: Table, widths: list[Length], cell_margin_twips: int = 0) -> None:
    """Fixed layout with exact column widths and no side padding, so rule maths holds."""
    tblPr = table._tbl.tblPr
    _child(tblPr, "w:tblLayout").set(qn("w:type"), "fixed")
    tblW = _child(tblPr, "w:tblW")
    tblW.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    tblW.set(qn("w:type"), "dxa")
    ind = _child(tblPr, "w:tblInd")
    ind.set(qn("w:w"), "0")
    ind.set(qn("w:type"), "dxa")
    mar = _child(tblPr, "w:tblCellMar")
    for side in ("left", "right"):
        el = _child(mar, f"w:{side}")
        el.set(qn("w:w"), str(cell_margin_twips))
        el.set(qn("w:type"), "dxa")
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def row_cannot_split(row) -> None:
    """w:cantSplit: the row moves whole to the next page rather than break (Word, LibreOffice)."""
    trPr = row._tr.get_or_add_trPr()
    _child(trPr, "w:cantSplit")


def bottom_border(paragraph: Paragraph, eighths: int) -> None:
    """A solid rule `eighths` of a point thick under the paragraph, as wide as the paragraph
    between its indents."""
    pPr = paragraph._p.get_or_add_pPr()
    pbdr = _child(pPr, "w:pBdr", before=("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr"))
    bottom = _child(pbdr, "w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")


def mark_size(paragraph: Paragraph, half_points: int) -> None:
    """Size of the paragraph mark, which sets the height of an empty paragraph."""
    pPr = paragraph._p.get_or_add_pPr()
    rpr = _child(pPr, "w:rPr")
    sz = _child(rpr, "w:sz")
    sz.set(qn("w:val"), str(half_points))


def page_number_field(paragraph: Paragraph) -> None:
    """A PAGE field: the page's own number, as Word and LibreOffice compute it."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


RULE_STYLE_ID = "ND30Duongke"


def rule_paragraph_xml(left_twips: int, right_twips: int, eighths: int) -> str:
    """A rule paragraph (empty, its bottom border the rule) for a docxtpl `{{p … }}` tag.

    The indents depend on the text the rule sits under, so the whole paragraph comes from
    code: the template holds only the tag, which survives editing in Word and LibreOffice.
    """
    return (f'<w:p><w:pPr><w:pStyle w:val="{RULE_STYLE_ID}"/>'
            f'<w:pBdr><w:bottom w:val="single" w:sz="{eighths}" w:space="1" w:color="000000"/></w:pBdr>'
            f'<w:ind w:left="{left_twips}" w:right="{right_twips}"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>')
