"""Where the trích yếu and the căn cứ block end (issue #11): a long trích yếu of a real notice is
still the trích yếu, and only the căn cứ block under it must be italic, not a body sentence
that opens with "Căn cứ"."""

from __future__ import annotations

import docfactory as F

from docgen.check import check_document
from docgen.check.components import locate
from docgen.check.reader import read

LONG_TRICH_YEU = (
    "Kết luận của đồng chí Chủ tịch Ủy ban nhân dân tỉnh tại phiên họp thường kỳ tháng 9 năm 2021 về tình hình "
    "thực hiện các chỉ tiêu phát triển kinh tế - xã hội, công tác phòng, chống dịch Covid-19, giải ngân vốn "
    "đầu tư công, lập quy hoạch sử dụng đất giai đoạn 2021-2030 và chuẩn bị Lễ khai giảng năm học mới")
CAN_CU = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
BODY_CAN_CU = ("Căn cứ kết quả rà soát của các sở, ngành, Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị "
               "tiếp tục triển khai các nhiệm vụ được giao.")


def test_a_trich_yeu_longer_than_250_characters_is_the_trich_yeu(save):
    assert len(LONG_TRICH_YEU) > 250
    path = save(F.compliant(F.Spec(trich_yeu=LONG_TRICH_YEU)))
    c = locate(read(path))
    assert " ".join(s.shown for s in c.trich_yeu) == LONG_TRICH_YEU
    assert all(p.text != LONG_TRICH_YEU for p in c.body)
    assert check_document(path).failed_rules == set()


def test_a_cong_van_sentence_opening_with_can_cu_is_body_text(save):
    body = (BODY_CAN_CU, *F.BODY[1:])
    path = save(F.compliant(F.Spec(ten_loai=None, code="VPUBND-TH", body=body)))
    report = check_document(path)
    assert report.result("ND30-CANCU-STYLE").status == "not_applicable"
    assert report.failed_rules == set(), [f.line() for f in report.failures]


def test_the_can_cu_block_under_the_trich_yeu_must_be_italic(save):
    document = F.compliant(F.Spec(body=(CAN_CU, *F.BODY)))
    path = save(document)
    c = locate(read(path))
    assert [p.text for p in c.can_cu] == [CAN_CU]
    assert "ND30-CANCU-STYLE" in check_document(path).failed_rules  # typed upright
    F.restyle(F.find(document, "Căn cứ Luật"), italic=True)
    path = save(document, "italic.docx")
    assert "ND30-CANCU-STYLE" not in check_document(path).failed_rules
    # ... and a later body sentence opening with "Căn cứ" is not part of it
    document = F.compliant(F.Spec(body=(F.BODY[0], BODY_CAN_CU, *F.BODY[1:])))
    assert check_document(save(document, "later.docx")).result("ND30-CANCU-STYLE").status == "not_applicable"
