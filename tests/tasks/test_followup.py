"""As of a date, the monthly report, urging letters and calendars."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pytest
from icalendar import Calendar

from docgen.check import check_document
from docgen.commands.tasks import TasksOptions, build_register
from docgen.distribute.register import REGISTER_NAME
from docgen.tasks import columns as C
from docgen.tasks import status
from docgen.tasks.book import read

D = dt.date


def run(specs, out, lines=None, **kw):
    opts = TasksOptions(out=out, chart=kw.pop("chart", False), **kw)
    said = lines if lines is not None else []
    return build_register([specs], opts, echo=lambda msg="", **_: said.append(msg))


def type_in(out, values: dict[str, tuple]):
    """The office types (status, date reported) for the row of each lead agency."""
    book = openpyxl.load_workbook(out)
    sheet = book[C.SHEET]
    cols = {sheet.cell(C.HEADER_ROW, i).value: i for i in range(1, sheet.max_column + 1)}
    for r in range(C.FIRST_ROW, sheet.max_row + 1):
        owner = sheet.cell(r, cols["Cơ quan chủ trì"]).value
        if owner in values:
            sheet.cell(r, cols["Trạng thái"]).value, sheet.cell(r, cols["Ngày báo cáo"]).value = values[owner]
    book.save(out)


def all_text(path) -> str:
    """Every paragraph of a .docx, those in the header tables included."""
    import docx
    from docx.oxml.ns import qn

    body = docx.Document(str(path)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def test_overdue_and_due_soon_per_agency_with_periodic_tasks(specs, tmp_path):
    out = tmp_path / "so.xlsx"
    said: list[str] = []
    figures = run(specs, out, said, as_of=D(2021, 9, 25))
    rows = read(out).rows
    report = status.as_of(rows, D(2021, 9, 25))
    late = {agency: [s.days_late for s in items] for agency, items in report.overdue.items()}
    assert late == {"Sở Kế hoạch và Đầu tư": [10], "Sở Tư pháp": [5], "Sở Y tế": [1]}  # weekly: Friday 24/9 passed
    assert figures["overdue"] == 3
    text = "\n".join(said)
    assert "Sở Kế hoạch và Đầu tư: 1 quá hạn, 0 sắp đến hạn" in text and "quá hạn 10 ngày" in text
    soon = status.as_of(rows, D(2021, 10, 25), soon_days=7).soon
    assert [s.due for s in soon["Sở Tài chính"]] == [D(2021, 10, 31)]
    type_in(out, {"Sở Y tế": ("Đang thực hiện", dt.datetime(2021, 9, 24))})
    rows = read(out).rows
    assert "Sở Y tế" not in status.as_of(rows, D(2021, 9, 25)).overdue  # this week's report is in
    assert status.as_of(rows, D(2021, 10, 2)).overdue["Sở Y tế"][0].due == D(2021, 10, 1)
    sheet = openpyxl.load_workbook(out)["Đến ngày"]
    assert "05/10/2021" not in str(sheet["A2"].value) and "25/09/2021" in str(sheet["A2"].value)
    listed = [sheet.cell(r, 3).value for r in range(4, sheet.max_row + 1)]
    assert listed[:1] == ["Sở Kế hoạch và Đầu tư"] and set(listed) == {"Sở Kế hoạch và Đầu tư", "Sở Tư pháp", "Sở Y tế"}


def test_monthly_report_counts_the_list_behind_them_and_the_chart(specs, tmp_path):
    out = tmp_path / "so.xlsx"
    run(specs, out, as_of=D(2021, 10, 10))
    type_in(out, {"Sở Kế hoạch và Đầu tư": (C.DONE, dt.datetime(2021, 9, 14)),
                  "Sở Tư pháp": (C.DONE, dt.datetime(2021, 9, 22)),
                  "Sở Nội vụ": (C.STOPPED, None)})
    run(specs, out, as_of=D(2021, 10, 10), month=(2021, 9), chart=True)
    report = status.monthly(read(out).rows, 2021, 9)
    counts = {a.agency: (a.assigned, a.this_month, a.counts, a.stopped) for a in report.agencies}
    assert counts["Sở Kế hoạch và Đầu tư"][2][status.ON_TIME] == 1
    assert counts["Sở Tư pháp"][2][status.LATE] == 1
    assert counts["Sở Y tế"][2][status.OVERDUE] == 1
    assert counts["Sở Nội vụ"][3] == 1 and counts["Sở Tài chính"][2][status.NOT_DUE] == 1
    assert report.total.assigned == 6 and report.total.this_month == 6
    book = openpyxl.load_workbook(out)
    sheet = book["Báo cáo tháng"]
    assert sheet["A1"].value == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 9/2021"
    head = [sheet.cell(3, i).value for i in range(1, 10)]
    assert head[2:8] == ["Nhiệm vụ được giao", "Trong đó giao trong tháng", *status.CATEGORIES]
    total = [sheet.cell(sheet.max_row, i).value for i in range(2, 10)]
    assert total == ["Tổng cộng", 6, 6, 1, 1, 1, 2, 1]  # regular and October tasks are not yet due
    assert len(book["Biểu đồ tháng"]._images) == 1
    assert book["Biểu đồ tháng"].page_setup.fitToHeight == 1
    detail = book["Chi tiết báo cáo"]
    results = [detail.cell(r, 8).value for r in range(4, detail.max_row + 1)]
    assert sorted(results) == sorted([status.ON_TIME, status.LATE, status.OVERDUE, status.NOT_DUE, status.NOT_DUE,
                                      status.STOPPED])
    png = out.with_suffix(".thang-09-2021.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_urging_letters_are_cong_van_numbered_through_the_register_when_issued(specs, tmp_path):
    out = tmp_path / "so.xlsx"
    letters = tmp_path / "cong-van"
    said: list[str] = []
    run(specs, out, said, as_of=D(2021, 9, 25), letters=letters)
    drafts = sorted(letters.glob("*.docx"))
    assert [p.name for p in drafts] == ["don-doc-Sở Kế hoạch và Đầu tư.docx", "don-doc-Sở Tư pháp.docx", "don-doc-Sở Y tế.docx"]
    text = all_text(drafts[0])
    assert "V/v đôn đốc thực hiện nhiệm vụ" in text and "Kính gửi: Sở Kế hoạch và Đầu tư" in text
    assert "Thông báo số 12/TB-VPUBND ngày 10/9/2021; quá hạn 10 ngày" in text and "trước ngày 15/9/2021" in text
    assert "trước ngày 02/10/2021" in text and "Nơi nhận" in text and "Số:" in text and "/VPUBND-TH" in text
    for path in drafts:
        report = check_document(path)
        assert not report.failures, [f.line() for f in report.failures]

    shutil.rmtree(letters)
    run(specs, out, as_of=D(2021, 9, 25), letters=letters, issue=True, issue_date=D(2021, 9, 27),
        new_deadline=D(2021, 10, 5))
    register = tmp_path / REGISTER_NAME
    sheet = openpyxl.load_workbook(register)["Văn bản đi 2021"]
    numbers = [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)]
    assert numbers == ["01/VPUBND-TH", "02/VPUBND-TH", "03/VPUBND-TH"]
    text = all_text(letters / "don-doc-Sở Kế hoạch và Đầu tư.docx")
    assert "Số: 01/VPUBND-TH" in text and "ngày 27 tháng 9 năm 2021" in text and "trước ngày 05/10/2021" in text
    urged = {r.owner: r.cells.get("urged") for r in read(out).rows}
    assert urged["Sở Kế hoạch và Đầu tư"] == "Công văn số 01/VPUBND-TH ngày 27/09/2021; hạn mới 05/10/2021"
    assert urged["Sở Tài chính"] is None
    rows = read(out).rows
    assert {r.owner: r.new_due for r in rows if r.new_due} == {a: D(2021, 10, 5) for a in ("Sở Kế hoạch và Đầu tư", "Sở Tư pháp")}
    assert set(status.as_of(rows, D(2021, 10, 1)).overdue) == {"Sở Y tế"}  # the new deadline has not passed
    assert status.as_of(rows, D(2021, 10, 6)).overdue["Sở Tư pháp"][0].days_late == 1
    # issuing again the same day gives the same numbers, not new ones
    run(specs, out, as_of=D(2021, 9, 25), letters=letters, issue=True, issue_date=D(2021, 9, 27),
        new_deadline=D(2021, 10, 5), force=True)
    sheet = openpyxl.load_workbook(register)["Văn bản đi 2021"]
    assert [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)] == numbers
    assert {r.owner: r.cells.get("urged") for r in read(out).rows} == urged


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_an_urging_letter_passes_the_layout_check(specs, tmp_path):
    letters = tmp_path / "cv"
    run(specs, tmp_path / "so.xlsx", as_of=D(2021, 9, 25), letters=letters, pdf=True)
    letter = letters / "don-doc-Sở Tư pháp.docx"
    assert letter.with_suffix(".pdf").exists()
    report = check_document(letter, layout=True)
    assert not report.failures, [f.line() for f in report.failures]


def test_calendars_per_agency_and_for_the_office(specs, tmp_path):
    folder = tmp_path / "lich"
    run(specs, tmp_path / "so.xlsx", as_of=D(2021, 9, 25), calendars=folder)
    names = sorted(p.name for p in folder.glob("*.ics"))
    assert "van-phong.ics" in names and "Sở Kế hoạch và Đầu tư.ics" in names
    assert "Sở Công Thương.ics" not in names  # thường xuyên: no date to put in a calendar
    office = Calendar.from_ical((folder / "van-phong.ics").read_bytes())
    events = {str(e["summary"]).split("–", 1)[1].split(":")[0].strip(): e for e in office.walk("VEVENT")}
    assert set(events) == {"Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Y tế", "Sở Nội vụ", "Sở Tư pháp"}
    kh = events["Sở Kế hoạch và Đầu tư"]
    assert kh.decoded("dtstart") == D(2021, 9, 15) and str(kh["uid"]).startswith("NV-")
    assert "Thông báo số 12/TB-VPUBND ngày 10/9/2021" in str(kh["description"])
    weekly = events["Sở Y tế"]
    assert weekly.decoded("dtstart") == D(2021, 9, 17) and weekly["rrule"]["FREQ"] == ["WEEKLY"]
    assert weekly["rrule"]["BYDAY"] == ["FR"]
    one = Calendar.from_ical((folder / "Sở Tư pháp.ics").read_bytes())
    assert [e.decoded("dtstart") for e in one.walk("VEVENT")] == [D(2021, 9, 20)]
    assert len(list(one.walk("VALARM"))) == 1
