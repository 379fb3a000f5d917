"""Numbering, task wording and deadlines, from spec text to document model."""

from __future__ import annotations

import pytest

from docgen.model.build import build
from docgen.model.markup import Run, parse
from docgen.nd30 import IssueDate, archive_line, date_line, number_line
from docgen.spec import load_spec_text
from tests.conftest import DATA

BASE = (DATA / "chi-thi-nho.yaml").read_text(encoding="utf-8")


def body_with(blocks: str):
    text = BASE.split("noi_dung:\n", 1)[0] + "noi_dung:\n" + blocks + "\ndoi_tuong" + BASE.split("\ndoi_tuong", 1)[1]
    return build(load_spec_text(text))


def test_deadline_written_differently_in_the_text_is_bolded_not_repeated():
    doc = body_with("  - y: Sở Y tế báo cáo trước ngày 5/9/2021 để tổng hợp.\n    chu_tri: Sở Y tế\n    thoi_han: 05/09/2021")
    para = doc.body[0]
    assert para.text == "- Sở Y tế báo cáo trước ngày 5/9/2021 để tổng hợp."
    assert [r.text for r in para.runs if r.bold] == ["trước ngày 5/9/2021"]
    assert doc.tasks[0].deadline == "trước ngày 05/9/2021"


def test_task_sentence_keeps_its_own_final_punctuation():
    doc = body_with("  - nhiem_vu: \"đề xuất các nội dung:\"\n    chu_tri: Sở Y tế\n    noi_dung:\n      - y: Đào tạo.")
    assert doc.body[0].text == "- Sở Y tế chủ trì đề xuất các nội dung:"
    assert doc.body[1].text == "+ Đào tạo."


def test_vietnamese_letters_for_third_level():
    items = "\n".join(f"      - muc: điểm {i}" for i in range(6))
    doc = body_with(f"  - muc: A\n    noi_dung:\n    - muc: B\n      noi_dung:\n{items}")
    labels = [p.text.split(" ")[0] for p in doc.body[2:8]]
    assert labels == ["a)", "b)", "c)", "d)", "đ)", "e)"]  # Phụ lục I, II.6.đ: Vietnamese alphabet


def test_markup_is_small_and_literal_elsewhere():
    assert parse("a **b** *c* \\* {{ x }}") == [Run("a "), Run("b", bold=True), Run(" "), Run("c", italic=True), Run(" * {{ x }}")]
    assert parse("3 * 4 = 12") == [Run("3 * 4 = 12")]


@pytest.mark.parametrize("date,words", [
    (IssueDate(2021, 1, 5), "ngày 05 tháng 01 năm 2021"),
    (IssueDate(2021, 2, 28), "ngày 28 tháng 02 năm 2021"),
    (IssueDate(2021, 9, 15), "ngày 15 tháng 9 năm 2021"),
    (IssueDate(2021, 12, 1), "ngày 01 tháng 12 năm 2021"),
    (IssueDate(2021, 9), "ngày      tháng 9 năm 2021"),
])
def test_date_padding(date, words):
    assert date_line("Hà Nội", date) == f"Hà Nội, {words}"


def test_number_padding_and_archive_line():
    assert number_line(5, "TB-VPUBND") == "Số: 05/TB-VPUBND"
    assert number_line(12, "CT-UBND") == "Số: 12/CT-UBND"
    assert number_line(None, "TB-VPUBND") == "Số:       /TB-VPUBND"
    assert archive_line("VT, TH") == "- Lưu: VT, TH."
    assert archive_line("Lưu: VT, TCCB.") == "- Lưu: VT, TCCB."
    assert archive_line("TH", "pl", 300) == "- Lưu: VT, TH. PL.(300)."
    assert archive_line("Lưu: Văn thư, TCCV (02). CMP") == "- Lưu: Văn thư, TCCV (02). CMP."  # VT written out


def test_deadline_can_stay_regular():
    doc = body_with("  - y: Sở Tài chính báo cáo UBND tỉnh vào đầu tháng 10 năm 2021.\n    chu_tri: Sở Tài chính\n"
                    "    thoi_han: vào đầu tháng 10 năm 2021\n    dam_thoi_han: false")
    assert not any(r.bold for r in doc.body[0].runs)
    assert doc.tasks[0].deadline == "vào đầu tháng 10 năm 2021"


def test_task_under_the_heading_naming_its_agency_does_not_repeat_the_name():
    # "1. Sở Tài chính" then "- Sở Tài chính chủ trì, …" doubled the name; a chỉ thị writes the work alone
    doc = body_with("  - muc: \"Sở Tài chính:\"\n    noi_dung:\n"
                    "      - {nhiem_vu: thẩm định kinh phí, chu_tri: Sở Tài chính, phoi_hop: [Sở Xây dựng], thoi_han: 30/4/2024}\n"
                    "      - {nhiem_vu: báo cáo UBND tỉnh, chu_tri: Sở Tài chính}\n"
                    "      - {nhiem_vu: phối hợp kiểm tra, chu_tri: Sở Y tế}")
    texts = [p.text for p in doc.body]
    assert texts[1] == "- Chủ trì, phối hợp với Sở Xây dựng thẩm định kinh phí. Hoàn thành trước ngày 30/4/2024."
    assert texts[2] == "- Báo cáo UBND tỉnh."
    assert texts[3] == "- Sở Y tế chủ trì phối hợp kiểm tra."  # another agency: named
    assert [t.owners for t in doc.tasks] == [("Sở Tài chính",), ("Sở Tài chính",), ("Sở Y tế",)]
