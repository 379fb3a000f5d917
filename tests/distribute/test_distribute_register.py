"""The registers (Phụ lục IV, Mẫu I and III) and the copy numbers: created when missing, rows
added once, the văn thư's own entries kept, numbers never given twice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing

import pytest
from openpyxl import load_workbook

from docgen.distribute.counter import CopyCounter
from docgen.distribute.register import (
    POST_COLUMNS,
    REGISTER_COLUMNS,
    PostRow,
    RegisterProblem,
    RegisterRow,
    record,
)
from tests.distribute.helpers import NOTICE, copy_of, run

D = dt.date(2021, 10, 15)
ROW = RegisterRow("07/TB-VPUBND", D, "Thông báo Kết luận …", "Phan Văn Bình", "- Sở Y tế;", "VT, TH (2)", 11,
                  dt.date(2021, 10, 20))


def data_rows(sheet) -> list[tuple]:
    start = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "(1)") + 1
    return [row for row in sheet.iter_rows(min_row=start, values_only=True) if any(v is not None for v in row)]


def test_workbook_is_created_with_the_columns_of_mau_i_and_mau_iii(tmp_path):
    book = tmp_path / "so.xlsx"
    result = record(book, [ROW], [PostRow(dt.date(2021, 10, 20), "07/TB-VPUBND", "UBND huyện Hòa An")])
    assert (result.added, result.updated) == (2, 0)
    wb = load_workbook(book)
    assert wb.sheetnames == ["Văn bản đi 2021", "Gửi bưu điện 2021"]
    sheet = wb["Văn bản đi 2021"]
    assert sheet.cell(1, 1).value == "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2021"
    assert [sheet.cell(2, c).value for c in range(1, 11)] == [label for label, _ in REGISTER_COLUMNS]
    assert [sheet.cell(2, c).value for c in range(1, 11)][:4] == [
        "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký"]
    assert [sheet.cell(3, c).value for c in range(1, 11)] == [f"({i})" for i in range(1, 11)]
    (row,) = data_rows(sheet)
    assert row[0] == "07/TB-VPUBND" and row[1].date() == D and row[6] == 11 and row[8] is None
    post = wb["Gửi bưu điện 2021"]
    assert [post.cell(2, c).value for c in range(1, 7)] == [label for label, _ in POST_COLUMNS]
    assert data_rows(post)[0][1:4] == ("07/TB-VPUBND", "UBND huyện Hòa An", 1)


def test_rows_are_never_duplicated_and_hand_entries_are_kept(tmp_path):
    book = tmp_path / "so.xlsx"
    earlier = RegisterRow("05/TB-VPUBND", dt.date(2021, 10, 1), "Thông báo khác", "A", "- X;", "VT", 3, dt.date(2021, 10, 1))
    record(book, [earlier, ROW], [])
    wb = load_workbook(book)
    sheet = wb["Văn bản đi 2021"]
    sheet.cell(5, 9).value = "Đã ký nhận"  # the văn thư signs for ROW by hand
    sheet.cell(5, 10).value = "Gửi kèm phụ lục"
    wb.save(book)
    again = dataclasses.replace(ROW, so_luong=12, ngay_chuyen=dt.date(2021, 10, 25))
    result = record(book, [again], [])
    assert (result.added, result.updated) == (0, 1)
    rows = data_rows(load_workbook(book)["Văn bản đi 2021"])
    assert [r[0] for r in rows] == ["05/TB-VPUBND", "07/TB-VPUBND"]
    assert rows[1][6] == 12, "the document's own columns are brought up to date"
    assert rows[1][7].date() == dt.date(2021, 10, 20) and rows[1][8:] == ("Đã ký nhận", "Gửi kèm phụ lục")


def test_each_year_has_its_own_sheets(tmp_path):
    book = tmp_path / "so.xlsx"
    record(book, [ROW, RegisterRow("01/TB-VPUBND", dt.date(2022, 1, 3), "…", "A", "-", "VT", 2, dt.date(2022, 1, 3))], [])
    assert load_workbook(book).sheetnames == ["Văn bản đi 2021", "Văn bản đi 2022"]


def test_an_unreadable_register_is_refused_and_left_alone(tmp_path):
    book = tmp_path / "so.xlsx"
    book.write_bytes(b"not a workbook")
    with pytest.raises(RegisterProblem) as caught:
        record(book, [ROW], [])
    assert "Không mở được sổ đăng ký" in caught.value.show() and caught.value.exit_code == 2
    assert book.read_bytes() == b"not a workbook"


def test_a_register_without_numbered_columns_is_refused(tmp_path):
    from openpyxl import Workbook

    book = tmp_path / "so.xlsx"
    wb = Workbook()
    wb.active.title = "Văn bản đi 2021"
    wb.active.append(["một sổ tự kẻ"])
    wb.save(book)
    before = book.read_bytes()
    with pytest.raises(RegisterProblem, match=r"\(1\), \(2\)"):
        record(book, [ROW], [])
    assert book.read_bytes() == before


def test_copy_numbers_are_reused_for_the_same_copy_and_restart_each_year(tmp_path):
    counter = CopyCounter(tmp_path / "so.xlsx")
    assert counter.allocate(2021, ["a", "b"]) == [1, 2]
    assert counter.allocate(2021, ["b", "c"]) == [2, 3]
    assert counter.allocate(2022, ["a"]) == [1]
    assert counter.last(2021) == 3


def _allocate(args) -> list[int]:
    folder, worker = args
    counter = CopyCounter(folder / "so.xlsx")
    return [n for i in range(25) for n in counter.allocate(2021, [f"{worker}-{i}"])]


def test_two_processes_never_get_the_same_number(tmp_path):
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        first, second = pool.map(_allocate, [(tmp_path, "x"), (tmp_path, "y")])
    assert sorted(first + second) == list(range(1, 51))


def test_a_broken_counter_stops_numbering_instead_of_starting_again(tmp_path):
    counter = CopyCounter(tmp_path / "so.xlsx")
    counter.path.write_text("{broken", encoding="utf-8")
    with pytest.raises(Exception, match="không cấp số mới"):
        counter.allocate(2021, ["a"])


def test_distributing_again_updates_rows_and_keeps_copy_numbers(tmp_path):
    spec = copy_of(tmp_path, NOTICE.read_text(encoding="utf-8"))
    out = tmp_path / "ra"
    args = ("distribute", spec, "-o", out, "--khong-pdf", "--ngay-sao", "20/10/2021")
    first = run(*args)
    assert first.exit_code == 0, first.output
    book = out / "so-dang-ky-van-ban-di.xlsx"
    rows = data_rows(load_workbook(book)["Văn bản đi 2021"])
    assert [r[0] for r in rows] == ["07/TB-VPUBND"] + [f"{n:02d}/TrS-VPUBND" for n in range(1, 7)]
    assert rows[0][6] == 11 and rows[0][9] == "Kèm 6 bản trích sao gửi các đơn vị có nhiệm vụ"
    assert rows[1][2].startswith("Bản trích sao thông báo số 07/TB-VPUBND ngày 15/10/2021: phần giao Sở Y tế")
    post = data_rows(load_workbook(book)["Gửi bưu điện 2021"])
    assert [(r[1], r[2], r[5]) for r in post] == [
        ("07/TB-VPUBND", "Ủy ban nhân dân huyện Hòa An, thị trấn Nước Hai, huyện Hòa An", "Kèm bản trích sao số 05/TrS-VPUBND"),
        ("07/TB-VPUBND", "Ủy ban nhân dân huyện Bảo Lạc", "Kèm bản trích sao số 06/TrS-VPUBND")]

    refused = run(*args)
    assert refused.exit_code == 2 and "--force" in refused.output
    again = run(*args, "--force")
    assert again.exit_code == 0, again.output
    assert "thêm 0 dòng, cập nhật 9 dòng" in again.output
    assert data_rows(load_workbook(book)["Văn bản đi 2021"]) == rows
    assert CopyCounter(book).last(2021) == 6, "the same copies keep their numbers"
    assert not [p for p in out.rglob("*.tmp")]
