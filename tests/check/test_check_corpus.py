"""The wrong-document corpus: one mutation of a compliant document per rule. Each must be
flagged by exactly the rule it breaks, and --fix must repair the ones marked fixable."""

from __future__ import annotations

import unicodedata

import docfactory as F
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from docgen.check import BY_ID, RULES, check_document, fix_document
from docgen.nd30 import layout as L

LEFT, RIGHT = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
CONG_VAN = F.Spec(ten_loai=None, code="VPUBND-TH", kinh_gui=("Sở Tài chính", "Sở Kế hoạch và Đầu tư"))
CAN_CU = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"


def after(p: Paragraph) -> Paragraph:
    return Paragraph(p._p.getnext(), p._parent)


def no_border(p: Paragraph) -> None:
    p._p.pPr.remove(p._p.pPr.find(qn("w:pBdr")))


def body(doc, i: int = 1) -> Paragraph:
    return F.body_paragraphs(doc)[i]


def header_para(doc) -> Paragraph:
    return doc.sections[0].header.paragraphs[0]


def set_page(doc, **kwargs) -> None:
    for key, value in kwargs.items():
        setattr(doc.sections[0], key, value)


def landscape(doc) -> None:
    s = doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = L.PAGE_HEIGHT, L.PAGE_WIDTH


def move_number_to_footer(doc) -> None:
    head = header_para(doc)
    for r in list(head._p.iterchildren(qn("w:r"))):
        head._p.remove(r)
    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    F.page_field(p)


def drop_number_add_break(doc) -> None:
    head = header_para(doc)
    for r in list(head._p.iterchildren(qn("w:r"))):
        head._p.remove(r)
    body(doc, 1).add_run().add_break(WD_BREAK.PAGE)


def insert_can_cu(doc, italic: bool) -> None:
    first = body(doc, 0)
    p = first.insert_paragraph_before()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = L.FIRST_LINE_INDENT
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = L.LINE_SPACING_RANGE.chosen
    F.add_run(p, CAN_CU, 14, italic=italic)


# (rule id, spec, mutation). The spec is the compliant document the mutation starts from.
CORPUS = [
    ("ND30-PAGE-SIZE", None, lambda d: set_page(d, page_width=Mm(216), page_height=Mm(279))),
    ("ND30-PAGE-ORIENT", None, landscape),
    ("ND30-MARGIN-TOP", None, lambda d: set_page(d, top_margin=Mm(15))),
    ("ND30-MARGIN-BOTTOM", None, lambda d: set_page(d, bottom_margin=Mm(30))),
    ("ND30-MARGIN-LEFT", None, lambda d: set_page(d, left_margin=Mm(20))),
    ("ND30-MARGIN-RIGHT", None, lambda d: set_page(d, right_margin=Mm(25))),
    ("ND30-FONT", None, lambda d: [F.fonts(r._r, "Arial") for r in body(d).runs]),
    ("ND30-FONT-COLOR", None, lambda d: setattr(body(d).runs[0].font.color, "rgb", RGBColor(0x1F, 0x4E, 0x79))),
    ("ND30-UNICODE", None, lambda d: F.set_text(body(d), unicodedata.normalize("NFD", body(d).text))),
    ("ND30-INVISIBLE", None, lambda d: F.set_text(body(d), "\u202e" + body(d).text + "\u200b")),
    ("ND30-COMPONENTS", None, lambda d: F.set_text(F.find(d, "Phan Quốc Nghĩa"), "")),
    ("ND30-QH-TEXT", None, lambda d: F.set_text(F.find(d, "CỘNG HÒA"), "CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM")),
    ("ND30-QH-SIZE", None, lambda d: F.restyle(F.find(d, "CỘNG HÒA"), size=14)),
    ("ND30-QH-STYLE", None, lambda d: F.restyle(F.find(d, "CỘNG HÒA"), bold=False)),
    ("ND30-QH-CASE", None, lambda d: F.set_text(F.find(d, "CỘNG HÒA"), "Cộng hòa xã hội chủ nghĩa Việt Nam")),
    ("ND30-QH-ALIGN", None, lambda d: setattr(F.find(d, "CỘNG HÒA"), "alignment", LEFT)),
    ("ND30-TN-TEXT", None, lambda d: F.set_text(F.find(d, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")),
    ("ND30-TN-SIZE", None, lambda d: F.restyle(F.find(d, "Độc lập"), size=12)),
    ("ND30-TN-STYLE", None, lambda d: F.restyle(F.find(d, "Độc lập"), italic=True)),
    ("ND30-TN-ALIGN", None, lambda d: setattr(F.find(d, "Độc lập"), "alignment", RIGHT)),
    ("ND30-TN-RULE", None, lambda d: no_border(after(F.find(d, "Độc lập")))),
    ("ND30-CQ-PARENT-SIZE", None, lambda d: F.restyle(F.find(d, "UBND TỈNH"), size=14)),
    ("ND30-CQ-PARENT-STYLE", None, lambda d: F.restyle(F.find(d, "UBND TỈNH"), italic=True)),
    ("ND30-CQ-SIZE", None, lambda d: F.restyle(F.find(d, "VĂN PHÒNG"), size=11)),
    ("ND30-CQ-STYLE", None, lambda d: F.restyle(F.find(d, "VĂN PHÒNG"), bold=False)),
    ("ND30-CQ-CASE", None, lambda d: F.set_text(F.find(d, "VĂN PHÒNG"), "Văn phòng")),
    ("ND30-CQ-ALIGN", None, lambda d: setattr(F.find(d, "VĂN PHÒNG"), "alignment", LEFT)),
    ("ND30-CQ-RULE", None, lambda d: no_border(after(F.find(d, "VĂN PHÒNG")))),
    ("ND30-SO-FORM", None, lambda d: F.set_text(F.find(d, "Số:"), "Số 05/TB-VPUBND")),
    ("ND30-SO-PAD", None, lambda d: F.set_text(F.find(d, "Số:"), "Số: 5/TB-VPUBND")),
    ("ND30-SO-CODE", None, lambda d: F.set_text(F.find(d, "Số:"), "Số: 05/QĐ-VPUBND")),
    ("ND30-SO-SPACE", None, lambda d: F.set_text(F.find(d, "Số:"), "Số: 05/TB - VPUBND")),
    ("ND30-SO-CASE", None, lambda d: F.set_text(F.find(d, "Số:"), "Số: 05/TB-Vpubnd")),
    ("ND30-SO-SIZE", None, lambda d: F.restyle(F.find(d, "Số:"), size=14)),
    ("ND30-SO-STYLE", None, lambda d: F.restyle(F.find(d, "Số:"), bold=True)),
    ("ND30-SO-ALIGN", None, lambda d: setattr(F.find(d, "Số:"), "alignment", LEFT)),
    ("ND30-DATE-FORM", None, lambda d: F.set_text(F.find(d, "Lào Cai"), "Lào Cai ngày 15 tháng 9 năm 2021")),
    ("ND30-DATE-PAD", None, lambda d: F.set_text(F.find(d, "Lào Cai"), "Lào Cai, ngày 5 tháng 09 năm 2021")),
    ("ND30-DATE-SIZE", None, lambda d: F.restyle(F.find(d, "Lào Cai"), size=12)),
    ("ND30-DATE-STYLE", None, lambda d: F.restyle(F.find(d, "Lào Cai"), italic=False)),
    ("ND30-DATE-ALIGN", None, lambda d: setattr(F.find(d, "Lào Cai"), "alignment", LEFT)),
    ("ND30-TENLOAI-SIZE", None, lambda d: F.restyle(F.find(d, "THÔNG BÁO"), size=16)),
    ("ND30-TENLOAI-STYLE", None, lambda d: F.restyle(F.find(d, "THÔNG BÁO"), bold=False)),
    ("ND30-TENLOAI-CASE", None, lambda d: F.set_text(F.find(d, "THÔNG BÁO"), "Thông báo")),
    ("ND30-TENLOAI-ALIGN", None, lambda d: setattr(F.find(d, "THÔNG BÁO"), "alignment", LEFT)),
    ("ND30-TRICHYEU-SIZE", None, lambda d: F.restyle(F.find(d, "Kết luận"), size=12)),
    ("ND30-TRICHYEU-STYLE", None, lambda d: F.restyle(F.find(d, "Kết luận"), bold=False)),
    ("ND30-TRICHYEU-CASE", None, lambda d: F.set_text(F.find(d, "Kết luận"), F.Spec().trich_yeu.upper())),
    ("ND30-TRICHYEU-ALIGN", None, lambda d: setattr(F.find(d, "Kết luận"), "alignment", LEFT)),
    ("ND30-TRICHYEU-RULE", None, lambda d: no_border(after(F.find(d, "Kết luận")))),
    ("ND30-VV-FORM", CONG_VAN, lambda d: F.set_text(F.find(d, "V/v"), "V/v: triển khai kết luận phiên họp")),
    ("ND30-VV-SIZE", CONG_VAN, lambda d: F.restyle(F.find(d, "V/v"), size=14)),
    ("ND30-VV-STYLE", CONG_VAN, lambda d: F.restyle(F.find(d, "V/v"), bold=True)),
    ("ND30-VV-ALIGN", CONG_VAN, lambda d: setattr(F.find(d, "V/v"), "alignment", LEFT)),
    ("ND30-KINHGUI-FORM", CONG_VAN, lambda d: F.set_text(F.find(d, "Kính gửi"), "Kính gửi")),
    ("ND30-KINHGUI-SIZE", CONG_VAN, lambda d: F.restyle(F.find(d, "- Sở Tài chính"), size=12)),
    ("ND30-NOINHAN-NHUTREN", CONG_VAN, lambda d: F.set_text(F.find(d, "- Như trên"), "- Như Điều 3;")),
    ("ND30-BODY-SIZE", None, lambda d: F.restyle(body(d), size=12)),
    ("ND30-BODY-STYLE", None, lambda d: F.restyle(body(d), italic=True)),
    ("ND30-BODY-ALIGN", None, lambda d: setattr(body(d), "alignment", LEFT)),
    ("ND30-BODY-INDENT", None, lambda d: setattr(body(d).paragraph_format, "first_line_indent", Cm(0))),
    ("ND30-BODY-SPACING", None, lambda d: setattr(body(d, 2).paragraph_format, "space_before", Pt(0))),
    ("ND30-BODY-LINE", None, lambda d: setattr(body(d).paragraph_format, "line_spacing", 2.0)),
    ("ND30-CANCU-STYLE", None, lambda d: insert_can_cu(d, italic=False)),
    ("ND30-END-MARK", None, lambda d: F.set_text(body(d, -1), body(d, -1).text.replace("./.", "."))),
    ("ND30-SIGNER-PREFIX", None, lambda d: F.set_text(F.find(d, "CHÁNH VĂN PHÒNG"), "KT CHÁNH VĂN PHÒNG")),
    ("ND30-SIGNER-CASE", None, lambda d: F.set_text(F.find(d, "CHÁNH VĂN PHÒNG"), "Chánh Văn phòng")),
    ("ND30-SIGNER-SIZE", None, lambda d: F.restyle(F.find(d, "Phan Quốc Nghĩa"), size=12)),
    ("ND30-SIGNER-STYLE", None, lambda d: F.restyle(F.find(d, "Phan Quốc Nghĩa"), bold=False)),
    ("ND30-SIGNER-ALIGN", None, lambda d: setattr(F.find(d, "CHÁNH VĂN PHÒNG"), "alignment", LEFT)),
    ("ND30-SIGNER-DEGREE", None, lambda d: F.set_text(F.find(d, "Phan Quốc Nghĩa"), "TS. Phan Quốc Nghĩa")),
    ("ND30-NOINHAN-LABEL", None, lambda d: F.set_text(F.find(d, "Nơi nhận"), "Nơi nhận")),
    ("ND30-NOINHAN-LABEL-SIZE", None, lambda d: F.restyle(F.find(d, "Nơi nhận"), size=11)),
    ("ND30-NOINHAN-LABEL-STYLE", None, lambda d: F.restyle(F.find(d, "Nơi nhận"), italic=False)),
    ("ND30-NOINHAN-ITEM-SIZE", None, lambda d: F.restyle(F.find(d, "- Thường trực Tỉnh"), size=12)),
    ("ND30-NOINHAN-ITEM-STYLE", None, lambda d: F.restyle(F.find(d, "- Thường trực Tỉnh"), bold=True)),
    ("ND30-NOINHAN-PUNCT", None, lambda d: F.set_text(F.find(d, "- Thường trực Tỉnh"), "– Thường trực Tỉnh ủy")),
    ("ND30-NOINHAN-LUU", None, lambda d: F.set_text(F.find(d, "- Lưu"), "- Lưu VT, TH.")),
    ("ND30-NOINHAN-ALIGN", None, lambda d: setattr(F.find(d, "- Lưu").paragraph_format, "left_indent", Cm(1))),
    ("ND30-PAGENUM-MISSING", None, drop_number_add_break),
    ("ND30-PAGENUM-FIRST", None, lambda d: setattr(d.sections[0], "different_first_page_header_footer", False)),
    ("ND30-PAGENUM-HEADER", None, move_number_to_footer),
    ("ND30-PAGENUM-ALIGN", None, lambda d: setattr(header_para(d), "alignment", LEFT)),
    ("ND30-PAGENUM-SIZE", None, lambda d: F.restyle(header_para(d), size=10)),
    ("ND30-PAGENUM-STYLE", None, lambda d: F.restyle(header_para(d), italic=True)),
]


def test_corpus_covers_every_static_rule():
    # The biên bản's own rules are broken one by one on a rendered biên bản in tests/test_bien_ban.py,
    # the phụ lục's on a rendered document with appendices in tests/test_appendix.py.
    static = {r.id for r in RULES if not r.layout and not r.id.startswith(("ND30-BB-", "ND30-PL-"))}
    assert {rule_id for rule_id, _, _ in CORPUS} == static


@pytest.mark.parametrize("spec", [None, CONG_VAN], ids=["thong-bao", "cong-van"])
def test_compliant_documents_pass(save, spec):
    report = check_document(save(F.compliant(spec)))
    assert report.failed_rules == set()
    assert not report.failed
    assert [r.rule.id for r in report.not_checked] == [r.id for r in RULES if r.layout]
    assert report.doc_type == ("CÔNG VĂN" if spec else "THÔNG BÁO")


@pytest.mark.parametrize("rule_id,spec,mutate", CORPUS, ids=[c[0] for c in CORPUS])
def test_each_wrong_document_breaks_exactly_its_rule(save, tmp_path, rule_id, spec, mutate):
    document = F.compliant(spec)
    mutate(document)
    path = save(document, "wrong.docx")
    report = check_document(path)
    assert report.failed_rules == {rule_id}, [f.line() for f in report.failures]
    assert report.failed
    assert not [r.reason for r in report.results if "lỗi nội bộ" in r.reason]

    out = tmp_path / "fixed.docx"
    changes = fix_document(path, out)
    after_fix = check_document(out)
    if BY_ID[rule_id].fixable:
        assert changes and {c.rule for c in changes} == {rule_id}
        assert after_fix.failed_rules == set(), [f.line() for f in after_fix.failures]
    else:
        assert changes == []
        assert after_fix.failed_rules == {rule_id}
