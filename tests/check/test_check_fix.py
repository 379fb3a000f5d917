"""--fix: a corrected copy, the input never touched, judgement left to people."""

from __future__ import annotations

import os

import docfactory as F
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm

from docgen.check import check_document, fix_document, format_changes
from docgen.check.reader import read
from docgen.plumbing.errors import DocgenError


def careless(document) -> None:
    """The mistakes the issue lists: Arial, 1.5 cm margins, "tháng 09", no rule under the
    Tiêu ngữ, a page number on page 1, and a last Nơi nhận line without "Lưu"."""
    for p in F.paragraphs(document):
        for run in p.runs:
            F.fonts(run._r, "Arial")
    section = document.sections[0]
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Mm(15)
    F.set_text(F.find(document, "Lào Cai"), "Lào Cai, ngày 15 tháng 09 năm 2021")
    rule = F.find(document, "Độc lập")._p.getnext()
    rule.pPr.remove(rule.pPr.find(qn("w:pBdr")))
    section.different_first_page_header_footer = False
    F.set_text(F.find(document, "- Lưu"), "- VT, TH.")


def test_the_usual_mistakes_are_found_and_the_mechanical_ones_fixed(save, tmp_path):
    document = F.compliant()
    careless(document)
    path = save(document, "vb.docx")
    report = check_document(path)
    assert report.failed_rules == {"ND30-FONT", "ND30-MARGIN-TOP", "ND30-MARGIN-BOTTOM", "ND30-MARGIN-LEFT",
                                   "ND30-DATE-PAD", "ND30-TN-RULE", "ND30-PAGENUM-FIRST", "ND30-NOINHAN-LUU"}
    before = path.read_bytes()
    out = tmp_path / "vb-sua.docx"
    changes = fix_document(path, out)
    assert path.read_bytes() == before
    assert {c.rule for c in changes} == {"ND30-FONT", "ND30-MARGIN-TOP", "ND30-MARGIN-BOTTOM", "ND30-MARGIN-LEFT",
                                          "ND30-DATE-PAD", "ND30-PAGENUM-FIRST"}
    text = format_changes(changes)
    assert "Đã sửa: ND30-MARGIN-LEFT — thiết lập trang (phần 1): 15 mm → 30 mm" in text
    assert "«tháng 09» → «tháng 9»" in text
    assert check_document(out).failed_rules == {"ND30-TN-RULE", "ND30-NOINHAN-LUU"}
    assert sorted(os.listdir(tmp_path)) == ["vb-sua.docx", "vb.docx"]  # no temporary file left behind


def test_a_document_in_word_defaults_gets_times_new_roman_from_the_defaults(save, tmp_path):
    document = F.compliant()
    styles = document.styles.element
    rfonts = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    rfonts.set(qn("w:asciiTheme"), "minorHAnsi")
    rfonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    for p in F.paragraphs(document):  # runs without a font of their own, as Word leaves them
        for run in p.runs:
            rpr = run._r.rPr
            if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
                rpr.remove(rpr.find(qn("w:rFonts")))
    normal = document.styles["Normal"].element.rPr
    normal.remove(normal.find(qn("w:rFonts")))
    path = save(document)
    report = check_document(path)
    assert report.failed_rules == {"ND30-FONT"}
    assert report.failures[0].found == "Cambria"
    fix_document(path, tmp_path / "fixed.docx")
    assert not check_document(tmp_path / "fixed.docx").failed


def test_fix_refuses_to_overwrite_its_input(save, tmp_path):
    path = save(F.compliant(), "goc.docx")
    before = path.read_bytes()
    for dst in (path, tmp_path / "." / "goc.docx"):
        with pytest.raises(DocgenError, match="trùng với tệp cần sửa"):
            fix_document(path, dst)
    link = tmp_path / "lien-ket.docx"
    link.symlink_to(path)
    with pytest.raises(DocgenError):
        fix_document(path, link)
    assert path.read_bytes() == before


def test_fix_of_a_compliant_document_changes_nothing_and_still_writes_the_copy(save, tmp_path):
    path = save(F.compliant())
    out = tmp_path / "copy.docx"
    assert fix_document(path, out) == []
    assert out.exists() and not check_document(out).failed
    assert format_changes([]) == "Không có gì cần sửa tự động."


def test_fix_into_a_missing_folder_is_a_clear_error(save, tmp_path):
    with pytest.raises(DocgenError, match="Không có thư mục"):
        fix_document(save(F.compliant()), tmp_path / "khong-co" / "out.docx")


def test_fixed_page_number_is_in_a_centred_header_not_on_page_one(save, tmp_path):
    document = F.compliant()
    header = document.sections[0].header.paragraphs[0]
    header._p.getparent().remove(header._p)
    document.sections[0].different_first_page_header_footer = False
    F.body_paragraphs(document)[1].add_run().add_break(WD_BREAK.PAGE)
    path = save(document)
    assert check_document(path).failed_rules == {"ND30-PAGENUM-MISSING"}
    fix_document(path, tmp_path / "fixed.docx")
    doc = read(tmp_path / "fixed.docx")
    section = doc.sections[0]
    assert section.title_pg
    [numbered] = [p for p in section.story("header", "default").paras if p.fields]
    assert numbered.fields == ["PAGE"] and numbered.fmt.align == "center"
    assert not any(p.fields for p in section.story("header", "first").paras)
