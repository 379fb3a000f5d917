"""Biên bản (Mẫu 1.9) from the meeting spec: its lines in the mẫu's order, the notice's own
content as conclusions, two signatures, and the checker's own rules for it."""

from __future__ import annotations

import docx
import pytest

from docgen.check import check_document
from docgen.model.build import build, build_documents
from docgen.render.pipeline import render_document
from docgen.spec import load_spec
from tests.conftest import ROOT

LAO_CAI = ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml"


def _minutes():
    spec = load_spec(LAO_CAI)
    return spec, build_documents(spec, ["bien-ban"])["bien-ban"]


def test_minutes_follow_the_mau_and_conclude_with_the_notices_own_content():
    spec, doc = _minutes()
    texts = [p.text for p in doc.body]
    assert doc.number_line.endswith("/BB-VPUBND") and doc.ten_loai == "BIÊN BẢN"
    assert texts[0] == "Thời gian bắt đầu: 08 giờ 00 phút, Thứ Ba, ngày 31 tháng 8 năm 2021."
    order = [next(i for i, t in enumerate(texts) if t.startswith(k)) for k in
             ("Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự", "Chủ trì (chủ tọa)", "Thư ký", "Nội dung")]
    assert order == sorted(order)
    notice = build(spec)
    content = [p.text for p in notice.body if p.path]  # the notice without its opening and closing
    start = texts.index(content[0])
    assert texts[start: start + len(content)] == content, "the conclusions are the notice's content, word for word"
    assert texts[-1] == "Cuộc họp kết thúc vào 11 giờ 30 phút, ngày 31 tháng 8 năm 2021./."
    assert doc.cosigner.titles == ("THƯ KÝ",) and doc.signer.titles == ("CHỦ TỌA",)
    assert doc.signer.name == "Trịnh Xuân Trường"


def _results(path):
    report = check_document(path)
    return {r.rule.id: r for r in report.results}


def _swap_signatures(d, doc):
    sign = d.tables[1]
    sign.cell(0, 0).paragraphs[0].runs[0].text = "CHỦ TỌA"
    sign.cell(0, 1).paragraphs[0].runs[0].text = "THƯ KÝ"


def _drop_end_time(d, doc):
    para = next(p for p in d.paragraphs if p.text == doc.body[-1].text)
    for i, run in enumerate(para.runs):
        run.text = "Hết./." if i == 0 else ""


def _drop_secretary_line(d, doc):
    para = next(p for p in d.paragraphs if p.text.startswith("Thư ký (người ghi biên bản)"))
    para._p.getparent().remove(para._p)


@pytest.mark.parametrize("rule_id,mutate", [("ND30-BB-KY", _swap_signatures), ("ND30-BB-MUC", _drop_end_time),
                                            ("ND30-BB-MUC", _drop_secretary_line)])
def test_minutes_pass_their_own_rules_and_a_wrong_one_breaks_exactly_its_rule(tmp_path, rule_id, mutate):
    _, doc = _minutes()
    out = tmp_path / "bb.docx"
    out.write_bytes(render_document(doc))
    report = check_document(out)
    assert report.failed_rules == set()
    results = {r.rule.id: r.status for r in report.results}
    assert results["ND30-BB-KY"] == results["ND30-BB-MUC"] == "pass"
    d = docx.Document(str(out))
    mutate(d, doc)
    bad = tmp_path / "sai.docx"
    d.save(str(bad))
    assert check_document(bad).failed_rules == {rule_id}


def test_rules_of_the_minutes_do_not_apply_to_a_notice(tmp_path):
    out = tmp_path / "tb.docx"
    out.write_bytes(render_document(build(load_spec(LAO_CAI))))
    results = _results(out)
    assert results["ND30-BB-KY"].status == results["ND30-BB-MUC"].status == "not_applicable"


def test_a_named_secretary_is_a_co_signer_not_the_signers_title(tmp_path):
    # The secretary's name sits on the left, under THƯ KÝ; the signer is the CHỦ TỌA on the right.
    spec = load_spec(ROOT / "tests" / "data" / "hoi-nghi-so-y-te.yaml")
    out = tmp_path / "bb.docx"
    out.write_bytes(render_document(build_documents(spec, ["bien-ban"])["bien-ban"]))
    results = _results(out)
    assert results["ND30-SIGNER-CASE"].status == "pass" and results["ND30-BB-KY"].status == "pass"
    assert check_document(out).failed_rules == set()


def test_attendees_written_for_the_opening_sentence_start_their_lines_in_capitals():
    spec = load_spec(LAO_CAI)
    meeting = spec.cuoc_hop.model_copy(update={"thanh_phan": ["đại diện lãnh đạo Sở Y tế", "các Phó Chủ tịch UBND tỉnh"]})
    minutes = spec.bien_ban.model_copy(update={"co_mat": [], "vang_mat": ["lãnh đạo Sở Tư pháp (đi công tác)"]})
    doc = build_documents(spec.model_copy(update={"cuoc_hop": meeting, "bien_ban": minutes}), ["bien-ban"])["bien-ban"]
    texts = [p.text for p in doc.body]
    at = texts.index("Thành phần tham dự:")
    assert texts[at + 1: at + 3] == ["- Đại diện lãnh đạo Sở Y tế;", "- Các Phó Chủ tịch UBND tỉnh."]
    assert texts[texts.index("Vắng mặt:") + 1] == "- Lãnh đạo Sở Tư pháp (đi công tác)."
