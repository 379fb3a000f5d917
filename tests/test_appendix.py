"""Phụ lục (Điều 8.3; Phụ lục I, Mục III.1): the spec's `phu_luc`, the model's appendices, the
rendered pages (new page after the signature, number line, title, reference line, tables) read
back with python-docx, the checker's rules for them, and an office template without the tag."""

from __future__ import annotations

import shutil

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from docgen.check import BY_ID, check_document, fix_document
from docgen.model.appendix import TASK_HEADER
from docgen.model.build import build_documents
from docgen.nd30 import layout as L
from docgen.render.pipeline import render_document
from docgen.spec import load_spec, load_spec_text
from tests.conftest import DATA, ROOT
from tests.test_cli import run, write

NOTICE = (DATA / "thong-bao-nho.yaml").read_text(encoding="utf-8")
LAO_CAI = (ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml").read_text(encoding="utf-8")

TWO = """
phu_luc:
  - ten: Danh mục nhiệm vụ giao các cơ quan, đơn vị
    nhiem_vu: true
  - ten: Danh sách đơn vị báo cáo
    noi_dung:
      - Các đơn vị báo cáo theo **mẫu** dưới đây.
    bang:
      cot: [STT, Đơn vị, Ghi chú]
      dong:
        - ["1", Sở Tài chính, ""]
        - ["2", Sở Y tế, Báo cáo trước ngày 15/02/2022]
      do_rong: [1, 5, 4]
"""
ONE = """
phu_luc:
  - ten: Danh mục nhiệm vụ
    nhiem_vu: true
"""


def _spec(tmp_path, text: str):
    """The spec; the Lào Cai one with its office profile (signer ids)."""
    if "van_ban:" not in text:
        return load_spec_text(text)
    path = tmp_path / "lao-cai.yaml"
    path.write_text(text, encoding="utf-8")
    return load_spec(path, ROOT / "specs" / "lao-cai" / "docgen.yaml")


def _render(tmp_path, text: str, kind: str = "thong-bao", name: str = "pl.docx"):
    doc = build_documents(_spec(tmp_path, text), [kind])[kind]
    path = tmp_path / name
    path.write_bytes(render_document(doc))
    return doc, path, docx.Document(str(path))


def _para(d, text: str):
    return next(p for p in d.paragraphs if p.text == text)


def _only(values: set):
    assert len(values) == 1, values
    return values.pop()


def _runs(p, attr: str):
    return {getattr(r.font, attr) for r in p.runs if r.text.strip()}


def _body_index(d, element) -> int:
    return list(d.element.body).index(element)


def test_the_spec_carries_appendices_into_the_model():
    doc = build_documents(load_spec_text(NOTICE + TWO), ["thong-bao"])["thong-bao"]
    first, second = doc.appendices
    assert (first.label, second.label) == ("Phụ lục I", "Phụ lục II")
    assert first.title == "DANH MỤC NHIỆM VỤ GIAO CÁC CƠ QUAN, ĐƠN VỊ"
    assert first.tables[0].header == TASK_HEADER
    assert [p.text for p in second.body] == ["Các đơn vị báo cáo theo mẫu dưới đây."]
    assert second.tables[0].rows == (("1", "Sở Tài chính", ""), ("2", "Sở Y tế", "Báo cáo trước ngày 15/02/2022"))


def test_appendices_open_a_new_page_after_the_signature_with_their_three_lines(tmp_path):
    doc, _, d = _render(tmp_path, NOTICE + TWO)
    number = _para(d, "Phụ lục I")
    signature = d.tables[1]  # header table, signature table, then the appendices' tables
    assert "Nơi nhận:" in signature.cell(0, 0).text
    assert _body_index(d, signature._tbl) < _body_index(d, number._p)
    assert number.paragraph_format.page_break_before is True
    assert _para(d, "Phụ lục II").paragraph_format.page_break_before is True

    title = _para(d, "DANH MỤC NHIỆM VỤ GIAO CÁC CƠ QUAN, ĐƠN VỊ")
    reference = _para(d, "(Kèm theo Thông báo số 05/TB-VPUBND ngày 07 tháng 01 năm 2022 của Văn phòng UBND tỉnh)")
    for p, size, bold, italic in ((number, 14, True, None), (title, 14, True, None), (reference, 14, None, True)):
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert _only(_runs(p, "size")) == Pt(size)
        assert _only(_runs(p, "bold")) is bold and _only(_runs(p, "italic")) is italic
        assert _only(_runs(p, "name")) == L.FONT_NAME

def test_each_appendix_is_a_section_of_the_same_page_numbered_from_one(tmp_path):
    _, _, d = _render(tmp_path, NOTICE + TWO)
    text, first, second = d.sections
    for section in d.sections:  # portrait A4, the same margins, no number on a section's first page
        assert section.orientation == WD_ORIENT.PORTRAIT and abs(section.page_width - L.PAGE_WIDTH) < 1000
        assert (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin) == (
            text.left_margin, text.right_margin, text.top_margin, text.bottom_margin)
        assert section.different_first_page_header_footer
    starts = [s._sectPr.find(qn("w:pgNumType")) for s in d.sections]
    assert starts[0] is None or starts[0].get(qn("w:start")) is None
    assert [s.get(qn("w:start")) for s in starts[1:]] == ["1", "1"]
    # the breaks ride on the paragraph before each appendix: no page of their own
    number = _para(d, "Phụ lục I")
    assert number._p.getprevious().find(qn("w:pPr")).find(qn("w:sectPr")) is not None
    assert not number._p.getprevious().xpath("string(.)")


def test_the_task_table_is_the_documents_tasks(tmp_path):
    doc, _, d = _render(tmp_path, NOTICE + TWO)
    table = d.tables[2]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == list(TASK_HEADER)
    assert len(rows) == len(doc.tasks) + 1 and doc.tasks
    for i, (row, task) in enumerate(zip(rows[1:], doc.tasks), 1):
        assert row[0] == str(i)
        assert task.text.startswith("- ") and not row[1].startswith("- ")
        assert row[2:4] == ["; ".join(task.owners), "; ".join(task.cooperating)]
        assert row[4].lower() == (task.deadline or "").lower()
        # the content is the work: the agencies and the deadline have their own columns, not repeated in it
        assert not any(name in row[1] for name in task.agencies) and "Hoàn thành" not in row[1]
    assert rows[1] == ["1", "Rà soát số liệu thống kê.", "Sở Kế hoạch và Đầu tư", "Cục Thống kê", "Trước ngày 15/2/2022"]


def test_tables_have_a_repeated_bold_centred_header_single_borders_and_centred_numbers(tmp_path):
    _, _, d = _render(tmp_path, NOTICE + TWO)
    table = d.tables[3]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["STT", "Đơn vị", "Ghi chú"], ["1", "Sở Tài chính", ""], ["2", "Sở Y tế", "Báo cáo trước ngày 15/02/2022"]]
    header = table.rows[0]._tr
    assert header.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert all(r._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is None for r in table.rows[1:])
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"} and len(borders) == 6
    for cell in table.rows[0].cells:
        p = cell.paragraphs[0]
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER and _only(_runs(p, "bold")) is True
    for row in table.rows[1:]:
        assert row.cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    sizes = {r.font.size for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs}
    assert sizes == {Pt(L.BANG_O.size.chosen)} and L.BANG_O.size.chosen in (12, 13)
    widths = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(widths[1] - 5 * widths[0]) <= 5 and sum(widths) == round(L.text_width_mm() * 1440 / 25.4)


def test_a_single_appendix_of_a_draft_leaves_the_number_and_day_blank(tmp_path):
    draft = NOTICE.replace("so: 5\n", "").replace("ngay: 7/1/2022", "ngay: /1/2022") + ONE
    _, _, d = _render(tmp_path, draft)
    assert _para(d, "Phụ lục").paragraph_format.page_break_before is True
    assert not [p for p in d.paragraphs if p.text.startswith("Phụ lục I")]
    _para(d, "(Kèm theo Thông báo số       /TB-VPUBND ngày      tháng 01 năm 2022 của Văn phòng UBND tỉnh)")


@pytest.mark.parametrize("kind,name", [("cong-van", "Công văn"), ("giay-moi", "Giấy mời")])
def test_a_letter_or_an_invitation_carries_its_own_appendix(tmp_path, kind, name):
    text = LAO_CAI + f"""
phu_luc:
  - ten: Danh sách kèm theo
    van_ban: {kind}
    bang:
      cot: [STT, Đơn vị]
      dong: [["1", Sở Tài chính]]
"""
    docs = build_documents(_spec(tmp_path, text))
    assert [k for k, doc in docs.items() if doc.appendices] == [kind]
    _, _, d = _render(tmp_path, text, kind)
    reference = next(p.text for p in d.paragraphs if p.text.startswith("(Kèm theo "))
    assert reference.startswith(f"(Kèm theo {name} số ") and reference.endswith("của Văn phòng UBND tỉnh)")
    assert [[c.text for c in r.cells] for r in d.tables[-1].rows] == [["STT", "Đơn vị"], ["1", "Sở Tài chính"]]


def test_a_directive_carries_its_task_table(tmp_path):
    text = (DATA / "chi-thi-nho.yaml").read_text(encoding="utf-8") + ONE
    doc, _, d = _render(tmp_path, text, "chi-thi")
    assert next(p.text for p in d.paragraphs if p.text.startswith("(Kèm theo ")).startswith("(Kèm theo Chỉ thị số ")
    assert len(d.tables[-1].rows) == len(doc.tasks) + 1


@pytest.mark.parametrize("appendix,line_text,field,words", [
    ("  - nhiem_vu: true\n", "  - nhiem_vu: true", "[phu_luc[0].ten]", "thiếu trường bắt buộc “ten”"),
    ("  - ten: Bảng\n    bang:\n      cot: [STT, Đơn vị]\n      dong:\n        - [\"1\", Sở Y tế]\n"
     "        - [\"2\"]\n", "        - [\"2\"]", "[phu_luc[0].bang.dong[1]]", "dòng 2 của bảng có 1 ô"),
    ("  - ten: Bảng\n    bang:\n      cot: [A, B]\n      dong: [[a, b]]\n      do_rong: [1]\n",
     "      do_rong: [1]", "[phu_luc[0].bang.do_rong]", "do_rong có 1 số"),
    ("  - ten: Trống\n", "  - ten: Trống", "[phu_luc[0]]", "phụ lục cần có nội dung"),
    # 1.250 (one thousand two hundred fifty) typed bare would print as 1.25
    ("  - ten: Bảng\n    bang:\n      cot: [STT, Dự toán]\n      dong:\n        - [1, 1.250]\n",
     "        - [1, 1.250]", "[phu_luc[0].bang.dong[0][1]]", "cần đặt trong ngoặc kép"),
    ("  - ten: Bảng\n    van_ban: cong-van\n    nhiem_vu: true\n", "    van_ban: cong-van", "[phu_luc[0].van_ban]",
     "tệp không làm văn bản này"),
])
def test_wrong_appendices_are_refused_with_file_line_and_field(tmp_path, appendix, line_text, field, words):
    text = NOTICE + "\nphu_luc:\n" + appendix
    spec = write(tmp_path, text)
    result = run("validate", str(spec))
    assert result.exit_code == 2, result.output
    line = text.splitlines().index(line_text) + 1
    assert f"{spec}:{line}: {field}" in result.output, result.output
    assert words.lower() in result.output.lower() and "Traceback" not in result.output


def test_documents_with_appendices_pass_the_check_and_their_rules_are_judged(tmp_path):
    _, path, _ = _render(tmp_path, NOTICE + TWO)
    report = check_document(path)
    assert report.failed_rules == set(), [f.line() for f in report.failures]
    status = {r.rule.id: r.status for r in report.results}
    assert {s for rid, s in status.items() if rid.startswith("ND30-PL-")} == {"pass"}
    assert len([rid for rid in status if rid.startswith("ND30-PL-")]) == 12


def test_a_document_without_appendices_leaves_their_rules_aside(tmp_path):
    _, path, _ = _render(tmp_path, NOTICE)
    status = {r.rule.id: r.status for r in check_document(path).results}
    assert {s for rid, s in status.items() if rid.startswith("ND30-PL-")} == {"not_applicable"}


def _restyle(text, **kw):
    def mutate(d):
        for r in _para(d, text).runs:
            for k, v in kw.items():
                setattr(r.font, k, Pt(v) if k == "size" else v)
    return mutate


def _no_break(d):
    _para(d, "Phụ lục II").paragraph_format.page_break_before = False


def _arabic(d):
    _para(d, "Phụ lục II").runs[0].text = "Phụ lục 2"


def _reference_wording(d):
    p = next(p for p in d.paragraphs if p.text.startswith("(Kèm theo "))
    p.runs[0].text = p.runs[0].text.rstrip(")")


TITLE = "DANH MỤC NHIỆM VỤ GIAO CÁC CƠ QUAN, ĐƠN VỊ"
REFERENCE = "(Kèm theo Thông báo số 05/TB-VPUBND ngày 07 tháng 01 năm 2022 của Văn phòng UBND tỉnh)"


@pytest.mark.parametrize("rule_id,mutate", [
    ("ND30-PL-SO-SIZE", _restyle("Phụ lục I", size=12)),
    ("ND30-PL-SO-STYLE", _restyle("Phụ lục I", bold=False)),
    ("ND30-PL-SO-ALIGN", lambda d: setattr(_para(d, "Phụ lục I"), "alignment", WD_ALIGN_PARAGRAPH.LEFT)),
    ("ND30-PL-SO-FORM", _no_break),
    ("ND30-PL-SO-FORM", _arabic),
    ("ND30-PL-TEN-SIZE", _restyle(TITLE, size=12)),
    ("ND30-PL-TEN-STYLE", _restyle(TITLE, bold=False)),
    ("ND30-PL-TEN-CASE", lambda d: setattr(_para(d, TITLE).runs[0], "text", "Danh mục nhiệm vụ")),
    ("ND30-PL-TEN-ALIGN", lambda d: setattr(_para(d, TITLE), "alignment", WD_ALIGN_PARAGRAPH.LEFT)),
    ("ND30-PL-KEMTHEO-FORM", _reference_wording),
    ("ND30-PL-KEMTHEO-SIZE", _restyle(REFERENCE, size=11)),
    ("ND30-PL-KEMTHEO-STYLE", _restyle(REFERENCE, italic=False)),
    ("ND30-PL-KEMTHEO-ALIGN", lambda d: setattr(_para(d, REFERENCE), "alignment", WD_ALIGN_PARAGRAPH.RIGHT)),
])
def test_a_wrong_appendix_line_breaks_exactly_its_rule(tmp_path, rule_id, mutate):
    _, _, d = _render(tmp_path, NOTICE + TWO)
    mutate(d)
    bad = tmp_path / "sai.docx"
    d.save(str(bad))
    assert check_document(bad).failed_rules == {rule_id}
    if BY_ID[rule_id].fixable:  # a size: --fix sets it back
        assert {c.rule for c in fix_document(bad, tmp_path / "sua.docx")} == {rule_id}
        assert check_document(tmp_path / "sua.docx").failed_rules == set()


def test_text_after_the_signature_without_a_number_line_is_not_checked(tmp_path):
    _, _, d = _render(tmp_path, NOTICE + ONE)
    _para(d, "Phụ lục").runs[0].text = "Bảng kèm theo"
    bad = tmp_path / "sai.docx"
    d.save(str(bad))
    results = {r.rule.id: r for r in check_document(bad).results if r.rule.id.startswith("ND30-PL-")}
    assert {r.status for r in results.values()} == {"not_checked"}
    assert "không thấy dòng “Phụ lục”" in results["ND30-PL-SO-FORM"].reason


def test_an_office_template_without_the_tag_gets_the_appendices_at_the_end_and_a_warning(tmp_path):
    assert run("template", "export", "thong-bao", str(tmp_path / "mau")).exit_code == 0
    template = docx.Document(str(tmp_path / "mau" / "thong-bao.docx"))
    tag = next(p for p in template.paragraphs if "appendices" in p.text)
    tag._p.getparent().remove(tag._p)
    template.save(str(tmp_path / "cu.docx"))
    spec = write(tmp_path, NOTICE + TWO)
    result = run("render", str(spec), "--template", str(tmp_path / "cu.docx"), "-o", str(tmp_path / "ra"))
    assert result.exit_code == 0, result.output
    assert "không có thẻ {{p appendices }}" in result.output and "phụ lục" in result.output
    d = docx.Document(str(tmp_path / "ra" / "spec.docx"))
    assert _para(d, "Phụ lục I").paragraph_format.page_break_before is True and len(d.sections) == 3
    assert [[c.text for c in r.cells] for r in d.tables[-1].rows][0] == ["STT", "Đơn vị", "Ghi chú"]
    # the built-in template has the tag: no warning
    again = run("render", str(spec), "-o", str(tmp_path / "ra2"))
    assert again.exit_code == 0 and "appendices" not in again.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_documents_with_appendices_pass_check_layout(tmp_path):
    spec = write(tmp_path, NOTICE + TWO)
    assert run("render", str(spec)).exit_code == 0
    result = run("check", str(tmp_path / "spec.docx"), "--layout")
    assert result.exit_code == 0, result.output
    assert "0 không đạt" in result.output and "0 chưa kiểm tra" in result.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_long_appendix_repeats_its_header_and_numbers_its_own_pages_from_one(tmp_path):
    from docgen.plumbing.office import docx_to_pdf
    from tests.test_pagination_stress import page_texts

    rows = "".join(f'        - ["{i}", "Đơn vị số {i} của tỉnh", "Ghi chú {i}"]\n' for i in range(1, 61))
    text = NOTICE + f"phu_luc:\n  - ten: Danh sách đơn vị\n    bang:\n      cot: [STT, Đơn vị, Ghi chú]\n      dong:\n{rows}" + \
        "  - ten: Nhiệm vụ\n    nhiem_vu: true\n"
    _, path, _ = _render(tmp_path, text)
    pages = page_texts(docx_to_pdf(path, tmp_path / "pl.pdf"))
    assert len(pages) == 4  # the notice, Phụ lục I on two pages, Phụ lục II
    assert pages[1][0] == "Phụ lục I" and pages[3][0] == "Phụ lục II"  # no number on an appendix's first page
    assert pages[2][0] == "2" and pages[2][1] == "STT Đơn vị Ghi chú"  # its second page: "2", the header again
    assert check_document(path).failed_rules == set()


def test_the_readme_example_builds_both_appendices(tmp_path):
    from tests.mistakes.test_fixed import _readme_block

    docs = build_documents(_spec(tmp_path, LAO_CAI + "\n" + _readme_block("### Appendices", "phu_luc:")))
    assert [a.title for a in docs["thong-bao"].appendices] == ["DANH MỤC NHIỆM VỤ GIAO CÁC CƠ QUAN, ĐƠN VỊ"]
    assert [a.label for a in docs["cong-van"].appendices] == ["Phụ lục"]
    assert [len(t.rows) for t in docs["thong-bao"].appendices[0].tables] == [len(docs["thong-bao"].tasks)]


def test_a_footnote_mark_in_an_appendix_is_refused(tmp_path):
    text = NOTICE + "\nphu_luc:\n  - ten: Ghi chú\n    noi_dung:\n      - Một đoạn có chú thích[^1].\n"
    spec = write(tmp_path, text)
    result = run("validate", str(spec))
    assert result.exit_code == 2
    line = text.splitlines().index("      - Một đoạn có chú thích[^1].") + 1
    assert f"{spec}:{line}: [phu_luc[0].noi_dung[0]]" in result.output and "không dùng trong phụ lục" in result.output


def test_a_whole_number_typed_bare_in_a_cell_is_its_figures(tmp_path):
    doc, _, d = _render(tmp_path, NOTICE + "\nphu_luc:\n  - ten: Bảng\n    bang:\n      cot: [STT, Số lượng]\n"
                                          "      dong: [[1, 250], [2, \"1.250\"]]\n")
    assert [[c.text for c in row.cells] for row in d.tables[-1].rows] == [["STT", "Số lượng"], ["1", "250"], ["2", "1.250"]]
