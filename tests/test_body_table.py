"""A table among the blocks of a body (`bang` in noi_dung): the spec and its errors, the model
(an item in order among the paragraphs, numbering undisturbed), the rendered table read back
with python-docx, the checker (cells and the title are not body paragraphs), an office template
whose body loop does not know tables, and excerpts that walk the body."""

from __future__ import annotations

import shutil

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from docgen.check import check_document
from docgen.distribute.extract import keep
from docgen.model.build import build_documents
from docgen.model.document import Paragraph, Table
from docgen.nd30 import layout as L
from docgen.render.pipeline import render_with_warnings
from docgen.spec import load_spec, load_spec_text
from tests.conftest import DATA
from tests.test_cli import assert_refused, run, write

SPEC = DATA / "thong-bao-bang.yaml"
TEXT = SPEC.read_text(encoding="utf-8")
NOTICE = (DATA / "thong-bao-nho.yaml").read_text(encoding="utf-8")
HEADER = ["STT", "Đơn vị", "Thời gian", "Ghi chú"]
ROWS = [["1", "Trường THPT số 1 Lào Cai", "10/01/2022", ""],
        ["2", "Trường THPT chuyên Lào Cai", "12/01/2022", "Kiểm tra cả khu nội trú"],
        ["3", "Trường PTDTNT tỉnh", "14/01/2022", ""]]
BEFORE = "Kết quả tháng 12 đạt khá; lịch kiểm tra các trường trong tháng 01/2022 như sau:"
AFTER = "Các đơn vị chuẩn bị báo cáo theo lịch trên."
TITLE = "Lịch kiểm tra các trường"

# A letter whose body holds a table, made with the notice (van_ban: thong-bao, cong-van).
LETTER = TEXT.replace("loai: thong-bao\n", "loai: thong-bao\nvan_ban: [thong-bao, cong-van]\n") + """
cong_van:
  ngay: 8/1/2022
  don_vi_soan: TH
  v_v: bảng quy đổi điểm
  kinh_gui: Sở Giáo dục và Đào tạo
  noi_dung:
    - Văn phòng UBND tỉnh gửi bảng quy đổi điểm như sau.
    - bang:
        cot: [Điểm, Xếp loại]
        dong: [["9 - 10", Xuất sắc], ["7 - 8", Khá]]
    - Đề nghị Sở Giáo dục và Đào tạo triển khai thực hiện.
"""


def _render(tmp_path, text: str = TEXT, kind: str = "thong-bao", template=None):
    doc = build_documents(load_spec_text(text), [kind])[kind]
    data, warnings = render_with_warnings(doc, template)
    path = tmp_path / f"{kind}.docx"
    path.write_bytes(data)
    return doc, path, docx.Document(str(path)), warnings


def _blocks(d) -> list:
    """The body's paragraphs (by text) and tables (as "<table>"), in order."""
    out = []
    for el in d.element.body:
        if el.tag == qn("w:tbl"):
            out.append("<table>")
        elif el.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in el.iter(qn("w:t"))))
    return out


def test_a_table_block_is_a_body_item_in_its_place_and_numbering_goes_on():
    doc = build_documents(load_spec(SPEC))["thong-bao"]
    texts = [item.text if isinstance(item, Paragraph) else item for item in doc.body]
    at = texts.index(BEFORE)
    table = texts[at + 1]
    assert isinstance(table, Table) and texts[at + 2] == AFTER
    assert table.header == tuple(HEADER) and [list(r) for r in table.rows] == ROWS
    assert table.title == TITLE and table.path == (0, 1) and table.widths == (1, 5, 2.5, 3)
    assert table.text == "" and table.runs == () and not table.heading
    # the next section is still II., its task still the only one
    assert "II. Nhiệm vụ" in texts and "I. Đánh giá chung" in texts
    assert [t.owners for t in doc.tasks] == [("Sở Kế hoạch và Đầu tư",)]
    plain = build_documents(load_spec(DATA / "thong-bao-nho.yaml"))["thong-bao"]
    assert [t.path for t in doc.tasks] == [t.path for t in plain.tasks]


def test_the_table_is_printed_in_place_with_the_appendix_table_look(tmp_path):
    _, _, d, warnings = _render(tmp_path)
    assert warnings == []
    blocks = _blocks(d)
    at = blocks.index(BEFORE)
    assert blocks[at + 1] == TITLE and blocks[at + 2] == "<table>" and blocks[at + 3] == AFTER
    title = next(p for p in d.paragraphs if p.text == TITLE)
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(r.bold for r in title.runs)
    assert title.paragraph_format.keep_with_next is True
    before = next(p for p in d.paragraphs if p.text == BEFORE)
    assert before.paragraph_format.keep_with_next or before.style.paragraph_format.keep_with_next  # kept with its table

    table = next(t for t in d.tables if t.rows[0].cells[0].text == "STT")
    assert [[c.text for c in row.cells] for row in table.rows] == [HEADER, *ROWS]
    assert table.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert all(r._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is None for r in table.rows[1:])
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"} and len(borders) == 6
    for cell in table.rows[0].cells:
        p = cell.paragraphs[0]
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(r.bold for r in p.runs)
    assert all(row.cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER for row in table.rows[1:])
    assert all(row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT for row in table.rows[1:])
    runs = [r for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert {r.font.size for r in runs} == {Pt(L.BANG_O.size.chosen)} and {r.font.name for r in runs} == {L.FONT_NAME}
    widths = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == round(L.text_width_mm() * 1440 / 25.4) and abs(widths[1] - 5 * widths[0]) <= 5


def test_a_table_without_title_has_a_gap_above_and_a_letter_prints_it(tmp_path):
    doc, path, d, warnings = _render(tmp_path, LETTER, "cong-van")
    assert warnings == [] and sum(isinstance(i, Table) for i in doc.body) == 1
    blocks = _blocks(d)
    at = blocks.index("Văn phòng UBND tỉnh gửi bảng quy đổi điểm như sau.")
    assert blocks[at + 1:at + 4] == ["", "<table>", "Đề nghị Sở Giáo dục và Đào tạo triển khai thực hiện./."]
    table = next(t for t in d.tables if t.rows[0].cells[0].text == "Điểm")
    assert [[c.text for c in r.cells] for r in table.rows] == [["Điểm", "Xếp loại"], ["9 - 10", "Xuất sắc"], ["7 - 8", "Khá"]]
    report = check_document(path)
    assert report.failed_rules == set(), [f.line() for f in report.failures]


def test_the_check_finds_no_fault_and_judges_no_cell_or_title_as_a_body_paragraph(tmp_path):
    _, path, _, _ = _render(tmp_path)
    report = check_document(path)
    assert report.failed_rules == set(), [f.line() for f in report.failures]
    from docgen.check.components import locate
    from docgen.check.reader import read

    body = [p.text for p in locate(read(path)).body]
    assert BEFORE in body and AFTER in body
    assert TITLE not in body and not any(cell in body for row in ROWS for cell in row if cell)


BAD = [  # (old, new, the line the error names, field, words)
    ('            - ["3", Trường PTDTNT tỉnh, 14/01/2022, ""]', '            - ["3", Trường PTDTNT tỉnh]',
     '            - ["3", Trường PTDTNT tỉnh]', "[noi_dung[0].noi_dung[1].bang.dong[2]]", "Dòng 3 của bảng có 2 ô"),
    ("          do_rong: [1, 5, 2.5, 3]", "          do_rong: [1, 5]", "          do_rong: [1, 5]",
     "[noi_dung[0].noi_dung[1].bang.do_rong]", "Do_rong có 2 số, bảng có 4 cột"),
    ("          do_rong: [1, 5, 2.5, 3]", "          do_rong: [1, 5, 2.5, 3]\n        chu_tri: Sở Y tế", "      - bang:",
     "[noi_dung[0].noi_dung[1]]", "Khối bảng (bang) chỉ có khóa bang (ten, cot, dong, do_rong bên trong), không có chu_tri"),
    ("      - bang:", "      - doan: Lịch như sau\n        bang:", "      - doan: Lịch như sau", "[noi_dung[0].noi_dung[1]]",
     "đúng một trong các khóa doan, y, muc, nhiem_vu, bang (đang có: doan, bang)"),
]


@pytest.mark.parametrize("old,new,at,field,words", BAD)
def test_wrong_tables_are_refused_with_file_line_and_field(tmp_path, old, new, at, field, words):
    assert old in TEXT
    text = TEXT.replace(old, new)
    spec = write(tmp_path, text)
    assert_refused(run("validate", str(spec)), spec, text.splitlines().index(at) + 1, field, words)


def test_a_body_that_must_end_in_a_paragraph_cannot_end_with_a_table(tmp_path):
    text = LETTER.replace("    - Đề nghị Sở Giáo dục và Đào tạo triển khai thực hiện.\n", "")
    spec = write(tmp_path, text)
    assert_refused(run("validate", str(spec)), spec, text.splitlines().index("    - bang:") + 1, "[cong_van.noi_dung[1]]",
                   "Nội dung kết thúc bằng một bảng, nhưng dấu ./. phải đứng cuối một đoạn văn")


def test_a_notice_without_closing_sentence_cannot_end_with_a_table_even_nested(tmp_path):
    text = TEXT.replace("""      - nhiem_vu: rà soát số liệu thống kê
        chu_tri: Sở Kế hoạch và Đầu tư
        phoi_hop: Cục Thống kê
        thoi_han: 15/2/2022
""", """      - bang: {cot: [Chỉ tiêu, Số liệu], dong: [[Tăng trưởng, "7%"]]}
""") + "ket_thuc: false\n"
    spec = write(tmp_path, text)
    line = text.splitlines().index("      - bang: {cot: [Chỉ tiêu, Số liệu], dong: [[Tăng trưởng, \"7%\"]]}") + 1
    assert_refused(run("validate", str(spec)), spec, line, "[noi_dung[1].noi_dung[0]]", "dấu ./. phải đứng cuối một đoạn văn")
    # with its closing sentence, the same body may end with the table
    assert run("validate", str(write(tmp_path, text.replace("ket_thuc: false\n", ""), "ok.yaml"))).exit_code == 0


def _old_body_loop(tmp_path, drop_loop: bool = False):
    """The built-in notice template with the body loop an office wrote before tables existed
    (or, drop_loop, with no body loop at all)."""
    assert run("template", "export", "thong-bao", str(tmp_path / "mau")).exit_code == 0
    template = docx.Document(str(tmp_path / "mau" / "thong-bao.docx"))
    paras = template.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text == "{%p for p in body %}")
    end = next(i for i, p in enumerate(paras) if i > start and p.text == "{%p endfor %}")
    gone = paras[start:end + 1] if drop_loop else [p for p in paras[start:end] if "p.table" in p.text]
    for p in gone:
        p._p.getparent().remove(p._p)
    if not drop_loop:
        p = next(p for p in template.paragraphs if p.text == "{%p elif p.keep %}")
        p.runs[0].text, *_ = ("{%p if p.keep %}",)
        for r in p.runs[1:]:
            r.text = ""
    template.save(str(tmp_path / "cu.docx"))
    return tmp_path / "cu.docx"


def test_an_office_body_loop_without_tables_gets_them_in_place_and_a_warning(tmp_path):
    template = _old_body_loop(tmp_path)
    spec = write(tmp_path, TEXT)
    result = run("render", str(spec), "--template", str(template), "-o", str(tmp_path / "ra"))
    assert result.exit_code == 0, result.output
    assert "chưa có nhánh in bảng" in result.output and "{%p if p.table %}" in result.output
    d = docx.Document(str(tmp_path / "ra" / "spec.docx"))
    blocks = _blocks(d)
    at = blocks.index(BEFORE)
    assert blocks[at + 1:at + 4] == [TITLE, "<table>", AFTER] and not any("docgen-bang" in b for b in blocks)
    assert check_document(tmp_path / "ra" / "spec.docx").failed_rules == set()


def test_an_office_template_that_prints_no_table_says_so(tmp_path):
    from docgen.render.engine import CompiledTemplate

    _, _, d, warnings = _render(tmp_path, template=CompiledTemplate(_old_body_loop(tmp_path, drop_loop=True)))
    assert len(warnings) == 1 and "không in 1 bảng (bang)" in warnings[0]


def test_an_appendix_may_hold_a_table_among_its_paragraphs(tmp_path):
    text = NOTICE + """
phu_luc:
  - ten: Lịch kiểm tra
    noi_dung:
      - Lịch kiểm tra như sau.
      - bang: {cot: [STT, Trường], dong: [["1", Trường THPT số 1]]}
      - Các trường chuẩn bị hồ sơ.
"""
    doc, path, d, _ = _render(tmp_path, text)
    assert isinstance(doc.appendices[0].body[1], Table)
    blocks = _blocks(d)
    at = blocks.index("Lịch kiểm tra như sau.")
    assert blocks[at + 1:at + 4] == ["", "<table>", "Các trường chuẩn bị hồ sơ."]
    assert check_document(path).failed_rules == set()


def test_an_excerpt_keeps_a_table_of_a_section_that_holds_the_agencys_task():
    text = TEXT.replace("      - nhiem_vu: rà soát số liệu thống kê", """      - bang: {cot: [Chỉ tiêu, Số liệu], dong: [[Tăng trưởng, "7%"]]}
      - nhiem_vu: rà soát số liệu thống kê""")
    spec = load_spec_text(text)
    doc = build_documents(spec)["thong-bao"]
    table = next(i for i in doc.body if isinstance(i, Table) and i.path == (1, 0))
    task = doc.tasks[0]
    assert task.path == (1, 1)
    assert keep(table, [task.path], spec) is True  # the section of the agency's task
    assert keep(next(i for i in doc.body if isinstance(i, Table) and i.path == (0, 1)), [task.path], spec) is False


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_documents_with_a_body_table_pass_check_layout(tmp_path):
    spec = write(tmp_path, LETTER)
    assert run("render", str(spec)).exit_code == 0
    for name in ("spec.docx", "spec.cong-van.docx"):
        result = run("check", str(tmp_path / name), "--layout")
        assert result.exit_code == 0, result.output
        assert "0 không đạt" in result.output and "0 chưa kiểm tra" in result.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_long_body_table_repeats_its_header_on_the_next_page(tmp_path):
    from docgen.plumbing.office import docx_to_pdf
    from tests.test_pagination_stress import page_texts

    rows = "".join(f'            - ["{i}", "Trường số {i} của tỉnh", "{i % 28 + 1}/01/2022", ""]\n' for i in range(4, 41))
    text = TEXT.replace('            - ["3", Trường PTDTNT tỉnh, 14/01/2022, ""]\n',
                        '            - ["3", Trường PTDTNT tỉnh, 14/01/2022, ""]\n' + rows)
    _, path, _, _ = _render(tmp_path, text)
    pages = page_texts(docx_to_pdf(path, tmp_path / "tb.pdf"))
    assert len(pages) >= 2 and pages[1][0] == "2" and pages[1][1] == "STT Đơn vị Thời gian Ghi chú", pages[1][:3]
    assert check_document(path).failed_rules == set()
