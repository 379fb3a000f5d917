"""The rendered .docx holds what Decree 30/2020 fixes (shared/nd30.md), read back with python-docx."""

from __future__ import annotations

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from docgen.nd30 import layout as L
from docgen.render.metrics import text_width_pt
from tests.docx_props import (
    all_bold,
    all_italic,
    bottom_border,
    indents_twips,
    para_prop,
    run_prop,
    runs_with_text,
    size_pt,
)

DOCS = ["notice", "directive"]


@pytest.fixture(params=DOCS)
def doc(request):
    return request.getfixturevalue(request.param)


def header_cells(doc):
    table = doc.tables[0]
    return table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)


def body_paragraphs(doc):
    """Paragraphs after the trích yếu rule up to the signature table."""
    paras = doc.paragraphs
    start = next(i for i, p in enumerate(paras) if bottom_border(p) is not None) + 1
    return [p for p in paras[start:] if p.text.strip()]


def sign_cells(doc):
    table = doc.tables[1]
    return table.cell(0, 0), table.cell(0, 1)


def test_page_is_a4_portrait_with_decree_margins(doc):
    # Phụ lục I, Mục I.3-I.4: A4 portrait; top/bottom 20-25, left 30-35, right 15-20 mm.
    s = doc.sections[0]
    assert s.orientation == WD_ORIENT.PORTRAIT
    assert abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5)
    assert s.top_margin.mm == pytest.approx(20, abs=0.1) and s.top_margin.mm in L.MARGIN_TOP_MM
    assert s.bottom_margin.mm in L.MARGIN_BOTTOM_MM
    assert s.left_margin.mm == pytest.approx(30, abs=0.1)
    assert s.right_margin.mm == pytest.approx(15, abs=0.1)


def test_every_run_is_times_new_roman(doc):
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"Times New Roman"}
    paragraphs = list(doc.paragraphs) + [p for t in doc.tables for c in t._cells for p in c.paragraphs]
    for p in paragraphs:
        for r in runs_with_text(p):
            assert run_prop(p, r, "name") == "Times New Roman", p.text


def test_header_table_has_no_borders_and_two_rows(doc):
    table = doc.tables[0]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert len(table.rows) == 2 and len(table.columns) == 2


def test_quoc_hieu_and_tieu_ngu(doc):
    _, right, _, date_cell = header_cells(doc)
    qh, tn = [p for p in right.paragraphs if p.text]
    assert qh.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert all_bold(qh) and size_pt(qh) == {12.0}  # Mục II.1.a: 12-13, đứng, đậm
    assert tn.text == "Độc lập - Tự do - Hạnh phúc"
    assert all_bold(tn) and size_pt(tn) == {13.0}  # Mục II.1.b: 13-14, đậm
    assert para_prop(qh, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    # The rule under the tiêu ngữ is as long as the tiêu ngữ (Mục II.1.b).
    rule = right.paragraphs[-1]
    assert bottom_border(rule).get(qn("w:val")) == "single"
    left, right_ind = indents_twips(rule)
    column = L.text_width_mm() - L.HEADER_LEFT_MM
    rule_pt = (Mm(column).twips - left - right_ind) / 20
    assert rule_pt == pytest.approx(text_width_pt(tn.text, 13, True), rel=0.01)


def test_agency_lines_and_rule(doc):
    left = header_cells(doc)[0]
    paras = left.paragraphs
    agency = [p for p in paras if p.text and all_bold(p)]
    assert agency and all(p.text == p.text.upper() for p in agency)
    assert all(size_pt(p) == {12.0} for p in agency)  # Mục II.2.b: 12-13, đậm
    parent = [p for p in paras if p.text and not all_bold(p)]
    for p in parent:
        assert size_pt(p) == {12.0} and p.text == p.text.upper()
    rule = paras[-1]
    assert rule.text == "" and bottom_border(rule) is not None
    l, r = indents_twips(rule)
    rule_pt = (Mm(L.HEADER_LEFT_MM).twips - l - r) / 20
    longest = max(text_width_pt(p.text, 12, True) for p in agency)
    assert longest / 3 <= rule_pt <= longest / 2  # 1/3 to 1/2 of the name (Mục II.2.b)


def test_number_and_date_lines(notice, directive):
    _, _, num, date = header_cells(notice)
    assert num.paragraphs[0].text == "Số: 05/TB-VPUBND"  # số dưới 10 thêm số 0 (Mục II.3.a)
    assert size_pt(num.paragraphs[0]) == {13.0} and not any(run_prop(num.paragraphs[0], r, "bold") for r in num.paragraphs[0].runs)
    # Months 1 and 2 are padded, others not (Mục II.4.b).
    assert date.paragraphs[0].text == "Lào Cai, ngày 07 tháng 01 năm 2022"
    assert all_italic(date.paragraphs[0]) and size_pt(date.paragraphs[0]) == {14.0}
    _, _, num, date = header_cells(directive)
    assert num.paragraphs[0].text == "Số: 04/CT-UBND"
    assert date.paragraphs[0].text == "Điện Biên, ngày 06 tháng 8 năm 2021"


def test_ten_loai_trich_yeu_and_rule(doc):
    paras = doc.paragraphs
    ten_loai, trich_yeu, rule = paras[0], paras[1], paras[2]
    assert ten_loai.text in ("THÔNG BÁO", "CHỈ THỊ")
    for p in (ten_loai, trich_yeu):
        assert all_bold(p) and size_pt(p) == {14.0}
        assert para_prop(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert bottom_border(rule) is not None
    l, r = indents_twips(rule)
    rule_pt = (Mm(L.text_width_mm()).twips - l - r) / 20
    line = min(text_width_pt(trich_yeu.text, 14, True), Mm(L.text_width_mm()).pt)
    assert line / 3 <= rule_pt <= line / 2


def test_body_paragraph_format(doc):
    # Mục II.6.e: 13-14, justified, first-line indent 1 or 1.27 cm, >= 6 pt between, single..1.5.
    for p in body_paragraphs(doc):
        assert para_prop(p, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert para_prop(p, "first_line_indent").cm == pytest.approx(1.0, abs=0.01)
        assert para_prop(p, "space_before").pt >= 6
        assert para_prop(p, "line_spacing") in L.LINE_SPACING_RANGE
        assert size_pt(p) == {14.0}


def test_numbering_bold_headings_and_deadline(directive, notice):
    texts = [p.text for p in body_paragraphs(directive)]
    assert "I. YÊU CẦU CHUNG" in texts and "II. Nhiệm vụ" in texts and "1. Tập trung..." in texts
    assert "- Gạch đầu dòng" in texts and "+ cộng" in texts
    heading = next(p for p in body_paragraphs(directive) if p.text == "I. YÊU CẦU CHUNG")
    assert all_bold(heading)
    plain = next(p for p in body_paragraphs(directive) if p.text == "1. Tập trung...")
    assert not any(run_prop(plain, r, "bold") for r in plain.runs)
    task = next(p for p in body_paragraphs(notice) if "Sở Kế hoạch" in p.text)
    assert task.text.endswith("Hoàn thành trước ngày 15/2/2022.")
    bold = [r.text for r in task.runs if run_prop(task, r, "bold")]
    assert bold == ["trước ngày 15/2/2022"]


def test_closing_mark(doc):
    last = body_paragraphs(doc)[-1]
    assert last.text.endswith("./.") and not last.text.endswith("../.")


def test_noi_nhan_block(notice):
    left, _ = sign_cells(notice)
    label, *items = [p for p in left.paragraphs if p.text]
    assert label.text == "Nơi nhận:"
    assert all_bold(label) and all_italic(label) and size_pt(label) == {12.0}  # Mục II.9.b
    assert [p.text for p in items] == ["- TT. HĐND, UBND tỉnh;", "- Các sở, ban, ngành tỉnh;", "- Lưu: VT, TH. PL.(25)."]
    for p in items:
        assert size_pt(p) == {11.0} and not all_bold(p)
        assert para_prop(p, "alignment") == WD_ALIGN_PARAGRAPH.LEFT


def test_signer_block(notice, directive):
    _, right = sign_cells(directive)
    lines = [p for p in right.paragraphs if p.text]
    assert [p.text for p in lines] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thành Đô"]
    for p in lines:
        assert all_bold(p) and size_pt(p) == {14.0}
        assert para_prop(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    # Room for the signature and the seal (ô 7c) between the title and the name.
    assert para_prop(lines[-1], "space_before").cm >= 2.5
    _, right = sign_cells(notice)
    assert [p.text for p in right.paragraphs if p.text] == ["CHÁNH VĂN PHÒNG", "Phan Quốc Nghĩa"]


def test_page_numbers_from_page_two(doc):
    s = doc.sections[0]
    assert s.different_first_page_header_footer  # titlePg: page 1 has its own header
    assert "PAGE" not in s.first_page_header._element.xml
    assert not "".join(p.text for p in s.first_page_header.paragraphs).strip()
    header = s.header
    instr = [el.text for el in header._element.iter(qn("w:instrText"))]
    assert any(t.strip() == "PAGE" for t in instr)
    p = header.paragraphs[0]
    assert para_prop(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert run_prop(p, p.runs[0], "size").pt == 14  # Mục III.1.đ: 13-14


def test_spec_text_is_data_not_template(directive):
    assert directive.paragraphs[1].text == 'Về công tác {{ 7*7 }} & <b> "q" 😀'
    assert body_paragraphs(directive)[0].text == "Mở đầu đậm nghiêng {% if x %} & < >"
