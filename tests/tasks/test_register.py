"""The register: its cells and layout, and nothing the office typed is ever lost on a re-run."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from docgen.commands.tasks import TasksOptions, build_register
from docgen.plumbing.errors import DocgenError
from docgen.tasks import columns as C
from tests.tasks.helpers import TASKS, notice

AS_OF = dt.date(2021, 9, 25)


def run(specs, out, lines=None, **kw):
    opts = TasksOptions(out=out, as_of=kw.pop("as_of", AS_OF), chart=kw.pop("chart", False), **kw)
    said = lines if lines is not None else []
    return build_register([specs], opts, echo=lambda msg="", **_: said.append(msg))


def header(sheet) -> dict[str, int]:
    return {sheet.cell(C.HEADER_ROW, i).value: i for i in range(1, sheet.max_column + 1)}


def rows(path):
    sheet = openpyxl.load_workbook(path)[C.SHEET]
    cols = header(sheet)
    out = {}
    for r in range(C.FIRST_ROW, sheet.max_row + 1):
        values = {label: sheet.cell(r, i).value for label, i in cols.items()}
        out[values["Mã nhiệm vụ"]] = values | {"_row": r}
    return sheet, out


def test_one_row_per_task_and_lead_agency_with_its_data(specs, tmp_path):
    notice(specs, "cung-chu-tri", [(["Sở Xây dựng", "Sở Giao thông vận tải"], "lập quy hoạch", "Quý IV/2021")], so=13)
    out = tmp_path / "so.xlsx"
    run(specs, out)
    sheet, found = rows(out)
    assert len(found) == len(TASKS) + 2
    kh = next(v for v in found.values() if v["Cơ quan chủ trì"] == "Sở Kế hoạch và Đầu tư")
    assert kh["Văn bản giao"] == "Thông báo số 12/TB-VPUBND"
    assert kh["Ngày văn bản"] == dt.datetime(2021, 9, 10)
    assert kh["Người kết luận, chỉ đạo"] == "Trịnh Xuân Trường - Chủ tịch UBND tỉnh"
    assert kh["Cơ quan phối hợp"] == "Cục Thống kê"
    assert kh["Thời hạn"] == "trước ngày 15/9/2021" and kh["Hạn hoàn thành"] == dt.datetime(2021, 9, 15)
    assert kh["Loại thời hạn"] == "Ngày" and kh["Mục"] == "I"
    assert "rà soát số liệu" in kh["Nội dung nhiệm vụ"]
    kinds = {v["Cơ quan chủ trì"]: (v["Loại thời hạn"], v["Hạn hoàn thành"]) for v in found.values()}
    assert kinds["Sở Tài chính"] == ("Tháng", dt.datetime(2021, 10, 31))
    assert kinds["Sở Y tế"] == ("Định kỳ hằng tuần", None)
    assert kinds["Sở Nội vụ"] == ("Quý", dt.datetime(2021, 12, 31))
    assert kinds["Sở Công Thương"] == ("Thường xuyên", None)
    co = [v for v in found.values() if v["Văn bản giao"] == "Thông báo số 13/TB-VPUBND"]
    assert {v["Cơ quan chủ trì"] for v in co} == {"Sở Xây dựng", "Sở Giao thông vận tải"}
    assert all(v["Cơ quan phối hợp"].startswith("Cùng chủ trì: ") for v in co)


def test_layout_validation_freeze_filters_print_and_font(specs, tmp_path):
    out = tmp_path / "so.xlsx"
    run(specs, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:4] == ["Sổ theo dõi", "Đến ngày", "Báo cáo tháng", "Chi tiết báo cáo"]  # no chart asked
    from docgen.tasks import sheets
    from docgen.tasks.book import OUR_SHEETS

    assert OUR_SHEETS == sheets.OUR_SHEETS
    sheet = book[C.SHEET]
    cols = header(sheet)
    assert sheet.freeze_panes == f"A{C.FIRST_ROW}"
    assert sheet.auto_filter.ref.startswith(f"A{C.HEADER_ROW}:")
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows.replace("$", "") == f"{C.HEADER_ROW}:{C.HEADER_ROW}"
    status = openpyxl.utils.get_column_letter(cols["Trạng thái"])
    lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and status in str(lists[0].sqref)
    assert all(s in lists[0].formula1 for s in C.STATUSES)
    assert any(dv.type == "date" for dv in sheet.data_validations.dataValidation)
    for r in range(1, sheet.max_row + 1):
        for c in range(1, len(C.COLUMNS) + 1):
            cell = sheet.cell(r, c)
            if cell.value is not None:
                assert cell.font.name == "Times New Roman", cell.coordinate
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(cols["Khóa văn bản"])].hidden


def test_every_edit_survives_a_rerun_with_new_notices(specs, tmp_path):
    out = tmp_path / "so.xlsx"
    run(specs, out)
    book = openpyxl.load_workbook(out)
    sheet = book[C.SHEET]
    cols = header(sheet)
    typed = {}
    for r in range(C.FIRST_ROW, sheet.max_row + 1):
        task_id = sheet.cell(r, cols["Mã nhiệm vụ"]).value
        sheet.cell(r, cols["Trạng thái"]).value = C.DONE if r % 2 else "Đang thực hiện"
        sheet.cell(r, cols["Ngày báo cáo"]).value = dt.datetime(2021, 9, 10 + r)
        sheet.cell(r, cols["Văn bản báo cáo"]).value = f"Báo cáo số {r}/BC-SKH"
        sheet.cell(r, cols["Ghi chú"]).value = f"ghi chú {r} – đã gọi điện"
        if r == C.FIRST_ROW + 1:  # what the XML reader must give back as typed
            special = 'A & B <cấp> "trích" \'x\'\ndòng 2 &amp;'
            sheet.cell(r, cols["Văn bản báo cáo"]).value = special
        typed[task_id] = (sheet.cell(r, cols["Trạng thái"]).value, dt.datetime(2021, 9, 10 + r),
                          sheet.cell(r, cols["Văn bản báo cáo"]).value, f"ghi chú {r} – đã gọi điện")
    extra = sheet.max_column + 1
    sheet.cell(C.HEADER_ROW, extra).value = "Cán bộ theo dõi"
    sheet.cell(C.FIRST_ROW, extra).value = "Chị Lan"
    book.create_sheet("Ghi chép riêng")["A1"] = "của Văn phòng"
    book.save(out)

    notice(specs, "giao-ban-thang-10", [("Sở Xây dựng", "rà soát quy hoạch", "15/10/2021")], so=20, ngay="5/10/2021")
    said: list[str] = []
    figures = run(specs, out, said, as_of=dt.date(2021, 10, 6))
    assert figures["kept"] == len(typed) and figures["added"] == 1 and figures["gone"] == 0
    _, found = rows(out)
    for task_id, (status, reported, report_doc, note) in typed.items():
        row = found[task_id]
        assert (row["Trạng thái"], row["Ngày báo cáo"], row["Văn bản báo cáo"], row["Ghi chú"]) == (status, reported, report_doc, note)
    first = min(found.values(), key=lambda v: v["_row"])
    assert first["Cán bộ theo dõi"] == "Chị Lan"
    book = openpyxl.load_workbook(out)
    assert book["Ghi chép riêng"]["A1"].value == "của Văn phòng"
    assert any("1 mới" in line for line in said)


def test_reworded_task_keeps_status_and_is_flagged_removed_task_is_marked(specs, tmp_path):
    out = tmp_path / "so.xlsx"
    run(specs, out)
    book = openpyxl.load_workbook(out)
    sheet = book[C.SHEET]
    cols = header(sheet)
    for r in range(C.FIRST_ROW, sheet.max_row + 1):
        sheet.cell(r, cols["Trạng thái"]).value = "Đang thực hiện"
        sheet.cell(r, cols["Ghi chú"]).value = sheet.cell(r, cols["Cơ quan chủ trì"]).value
    book.save(out)
    _, before = rows(out)
    changed = list(TASKS)
    changed[1] = ("Sở Tài chính", "đề xuất phương án bố trí vốn đối ứng", "trong tháng 10/2021")  # reworded
    del changed[4]  # Sở Công Thương's task is gone
    notice(specs, "giao-ban-thang-9", changed)
    figures = run(specs, out)
    assert (figures["changed"], figures["gone"], figures["added"]) == (1, 1, 0)
    _, after = rows(out)
    assert set(after) == set(before)  # same ids, nothing deleted
    for task_id, row in after.items():
        assert row["Ghi chú"] == before[task_id]["Ghi chú"] and row["Trạng thái"] == "Đang thực hiện"
        assert row["_row"] == before[task_id]["_row"]
    by_owner = {v["Cơ quan chủ trì"]: v for v in after.values()}
    assert "đối ứng" in by_owner["Sở Tài chính"]["Nội dung nhiệm vụ"]
    assert "đã sửa" in by_owner["Sở Tài chính"]["Cảnh báo của docgen"]
    assert "Không còn trong văn bản nào" in by_owner["Sở Công Thương"]["Cảnh báo của docgen"]
    assert by_owner["Sở Y tế"]["Cảnh báo của docgen"] is None
    # the flag stays until the office clears it; the task moved within the notice keeps its row
    run(specs, out)
    _, again = rows(out)
    assert "đã sửa" in next(v for v in again.values() if v["Cơ quan chủ trì"] == "Sở Tài chính")["Cảnh báo của docgen"]
    assert {k: v["Ghi chú"] for k, v in again.items()} == {k: v["Ghi chú"] for k, v in before.items()}
    notice(specs, "giao-ban-thang-9", [changed[-1], *changed[:-1]])  # order changed
    run(specs, out)
    _, moved = rows(out)
    assert {k: v["Ghi chú"] for k, v in moved.items()} == {k: v["Ghi chú"] for k, v in before.items()}


def test_hand_edited_bad_cells_warn_with_sheet_row_and_column_and_are_kept(specs, tmp_path):
    out = tmp_path / "so.xlsx"
    run(specs, out)
    book = openpyxl.load_workbook(out)
    sheet = book[C.SHEET]
    cols = header(sheet)
    r = C.FIRST_ROW
    sheet.cell(r, cols["Trạng thái"]).value = "Da xong roi"
    sheet.cell(r + 1, cols["Trạng thái"]).value = "da hoan thanh"
    sheet.cell(r + 1, cols["Ngày báo cáo"]).value = "14/9/2021"
    sheet.cell(r + 2, cols["Ngày báo cáo"]).value = "hôm qua"
    book.save(out)
    said: list[str] = []
    run(specs, out, said)
    status = openpyxl.utils.get_column_letter(cols["Trạng thái"])
    when = openpyxl.utils.get_column_letter(cols["Ngày báo cáo"])
    text = "\n".join(said)
    assert f"trang “Sổ theo dõi”, dòng {r}, cột {status} (Trạng thái): “Da xong roi” không phải trạng thái hợp lệ" in text
    assert f"dòng {r + 1}, cột {status} (Trạng thái): “da hoan thanh” được đọc là “Đã hoàn thành”" in text
    assert f"dòng {r + 1}, cột {when} (Ngày báo cáo): ngày “14/9/2021” được gõ dạng chữ" in text
    assert f"dòng {r + 2}, cột {when} (Ngày báo cáo): “hôm qua” không phải là ngày" in text
    sheet = openpyxl.load_workbook(out)[C.SHEET]
    assert sheet.cell(r, cols["Trạng thái"]).value == "Da xong roi"
    assert sheet.cell(r + 1, cols["Ngày báo cáo"]).value == "14/9/2021"
    assert sheet.cell(r + 2, cols["Ngày báo cáo"]).value == "hôm qua"


def test_an_open_or_unreadable_register_is_left_untouched(specs, tmp_path):
    out = tmp_path / "so.xlsx"
    run(specs, out)
    before = out.read_bytes()
    lock = tmp_path / f".~lock.{out.name}#"
    lock.write_text("x")
    with pytest.raises(DocgenError, match="đang mở trong Excel hoặc LibreOffice"):
        run(specs, out)
    lock.unlink()
    (tmp_path / f"~${out.name}").write_text("x")
    with pytest.raises(DocgenError, match="đang mở"):
        run(specs, out)
    assert out.read_bytes() == before
    (tmp_path / f"~${out.name}").unlink()
    out.write_bytes(b"not a workbook")
    with pytest.raises(DocgenError, match="Không mở được sổ theo dõi"):
        run(specs, out)
    assert out.read_bytes() == b"not a workbook"


def test_drafts_only_with_the_flag(specs, tmp_path):
    notice(specs, "du-thao", [("Sở Xây dựng", "rà soát", "15/10/2021")], so=None, ngay="/10/2021")
    out = tmp_path / "so.xlsx"
    said: list[str] = []
    assert run(specs, out, said)["rows"] == len(TASKS)
    assert any("dự thảo" in line and "--du-thao" in line for line in said)
    assert run(specs, out, drafts=True)["rows"] == len(TASKS) + 1
    _, found = rows(out)
    draft = next(v for v in found.values() if v["Cơ quan chủ trì"] == "Sở Xây dựng")
    assert draft["Văn bản giao"] == "Dự thảo thông báo" and "dự thảo" in draft["Cảnh báo của docgen"]


def test_the_cache_of_unchanged_specs_gives_the_same_register(specs, tmp_path):
    from docgen.tasks.cache import cache_path

    out = tmp_path / "so.xlsx"
    run(specs, out)
    assert cache_path(out).exists()
    _, first = rows(out)
    run(specs, out)
    _, second = rows(out)
    assert {k: {c: v for c, v in row.items() if c != "_row"} for k, row in first.items()} == \
        {k: {c: v for c, v in row.items() if c != "_row"} for k, row in second.items()}
    cache_path(out).write_text("{not json", encoding="utf-8")  # a broken cache: read everything again
    assert run(specs, out)["kept"] == len(TASKS)
