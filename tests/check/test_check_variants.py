"""Documents typed the way Word users type them: formatting in styles, runs cut mid-word,
tabs instead of indents, line breaks inside paragraphs, a page laid out with tab stops."""

from __future__ import annotations

import docfactory as F
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from docgen.check import PASS, check_document, fix_document
from docgen.check.components import locate
from docgen.check.reader import read
from docgen.nd30 import layout as L


def test_body_formatted_only_through_a_style_chain_passes(save):
    document = F.compliant()
    F.body_in_styles(document)
    assert all(run._r.rPr is None for p in F.body_paragraphs(document) for run in p.runs)
    report = check_document(save(document))
    assert report.failed_rules == set(), [f.line() for f in report.failures]


def test_a_wrong_size_in_a_based_on_style_is_one_finding_for_every_body_paragraph(save, tmp_path):
    document = F.compliant()
    F.body_in_styles(document, size=12)
    path = save(document)
    report = check_document(path)
    assert report.failed_rules == {"ND30-BODY-SIZE"}
    [finding] = report.failures
    assert finding.found == "cỡ 12 pt"
    assert len(finding.where.others) == len(F.Spec().body) - 1
    fix_document(path, tmp_path / "fixed.docx")
    assert not check_document(tmp_path / "fixed.docx").failed


def _styled_ten_loai(document, char_bold: bool):
    """Tên loại bold through its paragraph style; its run through a character style."""
    p = F.find(document, "THÔNG BÁO")
    para_style = document.styles.add_style("VN Ten loai", WD_STYLE_TYPE.PARAGRAPH)
    para_style.font.bold = True
    char_style = document.styles.add_style("VN Nhan manh", WD_STYLE_TYPE.CHARACTER)
    char_style.font.bold = char_bold
    p.style = para_style
    for run in p.runs:
        run.font.bold = None  # no direct formatting: the styles decide
        run.style = char_style


def test_bold_in_paragraph_and_character_style_cancels_out_as_in_word(save):
    document = F.compliant()
    _styled_ten_loai(document, char_bold=True)
    report = check_document(save(document))
    assert report.failed_rules == {"ND30-TENLOAI-STYLE"}
    assert report.failures[0].found == "chữ không đậm, đứng"


def test_bold_from_the_paragraph_style_alone_is_bold(save):
    document = F.compliant()
    _styled_ten_loai(document, char_bold=False)
    assert check_document(save(document)).failed_rules == set()


def test_caps_formatting_counts_as_capitals(save):
    document = F.compliant()
    p = F.find(document, "THÔNG BÁO")
    F.set_text(p, "Thông báo")
    p.runs[0].font.all_caps = True
    report = check_document(save(document))
    assert report.failed_rules == set()
    assert report.doc_type == "THÔNG BÁO"


def test_runs_cut_mid_word_do_not_fool_the_checker(save):
    document = F.compliant()
    for p in F.paragraphs(document):
        F.split_runs(p, every=3)
    assert len(F.find(document, "CỘNG HÒA").runs) > 5
    report = check_document(save(document))
    assert report.failed_rules == set(), [f.line() for f in report.failures]


def test_padding_fixed_across_runs_cut_mid_number(save, tmp_path):
    document = F.compliant()
    date = F.find(document, "Lào Cai")
    F.set_text(date, "Lào Cai, ngày 5 tháng 09 năm 2021")
    F.split_runs(date, every=2)  # "tháng 09" is now cut as "g 0" | "9 "
    path = save(document)
    report = check_document(path)
    assert report.failed_rules == {"ND30-DATE-PAD"}
    assert {(f.expected, f.found) for f in report.failures} == {("«ngày 05»", "«ngày 5»"), ("«tháng 9»", "«tháng 09»")}
    fix_document(path, tmp_path / "fixed.docx")
    fixed = read(tmp_path / "fixed.docx")
    assert locate(fixed).date.text == "Lào Cai, ngày 05 tháng 9 năm 2021"
    assert not check_document(tmp_path / "fixed.docx").failed


def test_tabs_typed_instead_of_first_line_indents(save, tmp_path):
    document = F.compliant()
    for p in F.body_paragraphs(document):
        F.tab_first_line(p)
    path = save(document)
    report = check_document(path)
    assert report.failed_rules == {"ND30-BODY-INDENT"}
    [finding] = report.failures
    assert finding.found == "dùng phím tab thay cho thụt đầu dòng"
    assert len(finding.where.others) == len(F.Spec().body) - 1
    fix_document(path, tmp_path / "fixed.docx")
    fixed = read(tmp_path / "fixed.docx")
    assert not any(p.text.startswith("\t") for p in locate(fixed).body)
    assert not check_document(tmp_path / "fixed.docx").failed


def _add_break_and(paragraph, text: str, style: L.Style) -> None:
    paragraph.add_run().add_break()
    F.add_run(paragraph, text, style.size.chosen, style.bold, style.italic)


def test_line_breaks_inside_header_paragraphs(save):
    spec = F.Spec(parent=None, agency=("ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN"))
    document = F.compliant(spec)
    first, second = F.find(document, "ỦY BAN"), F.find(document, "TỈNH ĐIỆN BIÊN")
    _add_break_and(first, "TỈNH ĐIỆN BIÊN", L.CO_QUAN_BAN_HANH)
    second._p.getparent().remove(second._p)
    qh, tn = F.find(document, "CỘNG HÒA"), F.find(document, "Độc lập")
    _add_break_and(qh, L.TIEU_NGU_TEXT, L.TIEU_NGU)
    tn._p.getparent().remove(tn._p)
    path = save(document)
    c = locate(read(path))
    assert [s.text for s in c.agency] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN"]
    assert c.quoc_hieu.para is c.tieu_ngu.para
    report = check_document(path)
    assert report.failed_rules == set(), [f.line() for f in report.failures]


def test_page_laid_out_with_tab_stops_and_drawn_lines(save):
    report = check_document(save(F.tab_laid()))
    assert report.failed_rules == set(), [f.line() for f in report.failures]
    assert [r.rule.id for r in report.not_checked if not r.rule.layout] == []
    for rule_id in ("ND30-QH-ALIGN", "ND30-CQ-ALIGN", "ND30-TN-RULE", "ND30-CQ-RULE", "ND30-TRICHYEU-RULE",
                    "ND30-PAGENUM-ALIGN", "ND30-SIGNER-ALIGN"):
        assert report.result(rule_id).status == PASS


def test_tab_laid_agency_typed_at_the_left_margin_is_not_centred(save):
    document = F.tab_laid()
    agency = F.find(document, "\tVĂN PHÒNG")
    agency.runs[0].text = "VĂN PHÒNG"
    report = check_document(save(document))
    assert report.failed_rules == {"ND30-CQ-ALIGN"}
    assert report.failures[0].found == "canh trái"


def test_chi_thi_with_italic_can_cu(save):
    spec = F.Spec(ten_loai="CHỈ THỊ", code="CT-UBND", parent=None, agency=("ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN"),
                  authority=("TM. ỦY BAN NHÂN DÂN",), position="CHỦ TỊCH", signer="Lê Thành Đô", place="Điện Biên",
                  trich_yeu="Về các nhiệm vụ, giải pháp chủ yếu những tháng cuối năm 2021")
    document = F.compliant(spec)
    first = F.body_paragraphs(document)[0]
    p = first.insert_paragraph_before()
    p.alignment, p.paragraph_format.first_line_indent = first.alignment, L.FIRST_LINE_INDENT
    p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(12), Pt(0)
    F.add_run(p, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 14, italic=True)
    report = check_document(save(document))
    assert report.failed_rules == set(), [f.line() for f in report.failures]
    assert report.doc_type == "CHỈ THỊ"
    assert report.result("ND30-CANCU-STYLE").status == PASS
    assert report.result("ND30-SIGNER-PREFIX").status == PASS


def test_signer_prefix_without_a_title_line_under_it(save):
    document = F.compliant()
    F.set_text(F.find(document, "CHÁNH VĂN PHÒNG"), "KT. CHÁNH VĂN PHÒNG")
    report = check_document(save(document))
    assert report.failed_rules == {"ND30-SIGNER-PREFIX"}
    assert report.failures[0].found == "không có dòng chức vụ"


def test_nhu_tren_only_required_with_kinh_gui(save):
    report = check_document(save(F.compliant()))
    assert report.result("ND30-NOINHAN-NHUTREN").status == "not_applicable"


def test_hidden_text_and_tracked_deletions_are_not_read(save):
    document = F.compliant()
    p = F.find(document, "Số:")
    hidden = F.add_run(p, " (dự thảo)", 13)
    hidden.font.hidden = True
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "1")
    deleted.set(qn("w:author"), "VT")
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = " cũ"
    run.append(text)
    deleted.append(run)
    p._p.append(deleted)
    report = check_document(save(document))
    assert report.failed_rules == set(), [f.line() for f in report.failures]


def test_header_in_two_rows_like_docgens_template(save):
    spec = F.Spec(header_rows=2)
    path = save(F.compliant(spec))
    c = locate(read(path))
    assert [s.text for s in c.agency_parent] == ["UBND TỈNH LÀO CAI"] and [s.text for s in c.agency] == ["VĂN PHÒNG"]
    assert c.so.para.place.row == 1 and c.agency_rule is not None
    assert check_document(path).failed_rules == set()
    document = F.compliant(spec)
    F.restyle(F.find(document, "VĂN PHÒNG"), size=14)
    assert check_document(save(document, "wrong.docx")).failed_rules == {"ND30-CQ-SIZE"}


def test_cong_van_numbered_with_a_type_code_or_cv(save):
    for code in ("CV-VPUBND", "TB-VPUBND"):
        document = F.compliant(F.Spec(ten_loai=None, code=code, kinh_gui=("Sở Tài chính",)))
        report = check_document(save(document, f"{code}.docx"))
        assert report.failed_rules == {"ND30-SO-CODE"}, code


def test_kinh_gui_with_one_recipient_on_its_line(save):
    document = F.compliant(F.Spec(ten_loai=None, code="VPUBND-TH", kinh_gui=("Sở Tài chính",)))
    path = save(document)
    c = locate(read(path))
    assert [s.text for s in c.kinh_gui] == ["Kính gửi: Sở Tài chính"]
    assert check_document(path).failed_rules == set()


def test_a_file_that_is_no_administrative_document_gets_no_invented_findings(save):
    document = F.docx.Document()
    F.defaults(document)
    F.page_setup(document.sections[0])
    for text in ("Biên bản bàn giao thiết bị", "Hôm nay chúng tôi gồm các bên có tên dưới đây.", "Ký tên"):
        F.add_run(document.add_paragraph(), text, 14)
    report = check_document(save(document))
    assert report.failed_rules == {"ND30-COMPONENTS"}
    assert report.result("ND30-BODY-INDENT").status == "not_checked"
    assert report.result("ND30-CQ-SIZE").status == "not_checked"


def test_a_rule_that_breaks_on_an_odd_file_is_not_checked_not_passed(save, monkeypatch):
    from docgen.check import rules

    def broken(ctx):
        raise IndexError("list index out of range")

    monkeypatch.setitem(rules.CHECKS, "ND30-FONT", broken)
    report = check_document(save(F.compliant()))
    result = report.result("ND30-FONT")
    assert result.status == "not_checked" and "lỗi nội bộ" in result.reason


def test_a_draft_may_leave_the_signer_name_blank_but_an_issued_document_may_not(save):
    from docgen.check import NOT_APPLICABLE

    draft = check_document(save(F.compliant(F.Spec(number=None, signer=""))))
    assert draft.failed_rules == set(), [f.line() for f in draft.failures]
    assert draft.result("ND30-SIGNER-DEGREE").status == NOT_APPLICABLE
    issued = check_document(save(F.compliant(F.Spec(signer=""))))
    assert issued.failed_rules == {"ND30-COMPONENTS"}


_BLANK_NAME_SPEC = """
loai: thong-bao
co_quan: {chu_quan: UBND TỈNH LAI CHÂU, ten: VĂN PHÒNG, viet_tat: VP, ten_goi: Văn phòng UBND tỉnh}
dia_danh: Lai Châu
ngay: /11/2020
trich_yeu: Kết luận tại phiên họp tháng 11 năm 2020
mo_dau: Ngày 17/11/2020, Ủy ban nhân dân tỉnh họp phiên thường kỳ.
noi_dung: [Nội dung kết luận.]
ket_thuc: Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện.
nguoi_ky: {quyen_han: [TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG], chuc_vu: PHÓ CHÁNH VĂN PHÒNG, ho_ten: ""}
noi_nhan: [Sở Tài chính]
luu: VT, TH
"""


def _signer_check(tmp_path, spec: str):
    from docgen.model.build import build
    from docgen.render.pipeline import render_document
    from docgen.spec import load_spec_text

    path = tmp_path / "tb.docx"
    path.write_bytes(render_document(build(load_spec_text(spec))))
    return check_document(path)


def test_a_drafts_blank_signer_name_leaves_the_last_title_a_title(tmp_path):
    # TL. / KT. / PHÓ CHÁNH VĂN PHÒNG set line under line, then room for a name not yet written:
    # the third line is a title (not an upper-case name), the KT. line has its title under it.
    report = _signer_check(tmp_path, _BLANK_NAME_SPEC)
    assert report.failed_rules == set(), [f.line() for f in report.failures]
    assert report.result("ND30-SIGNER-PREFIX").status == PASS
    assert report.result("ND30-SIGNER-DEGREE").status == "not_applicable"


def test_a_numbered_document_without_the_signers_name_lacks_a_component(tmp_path):
    report = _signer_check(tmp_path, _BLANK_NAME_SPEC.replace("ngay: /11/2020", "so: 12\nngay: 20/11/2020"))
    assert report.failed_rules == {"ND30-COMPONENTS"}
    assert "họ tên người ký" in report.failures[0].expected
