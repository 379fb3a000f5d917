"""The workbook: the register sheet (docgen's columns, the office's columns with data
validation, frozen header, filters, A4 landscape, Times New Roman), the as-of sheet and the
monthly report with its chart and the list behind each number. The office's own sheets are
kept; docgen's sheets are written anew each run from the merged rows."""

from __future__ import annotations

import copy
import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from . import columns as C
from . import fastxlsx
from .book import Row
from .status import CATEGORIES, AsOf, Monthly, Standing

FONT = "Times New Roman"
ASOF_SHEET = "Đến ngày"
MONTH_SHEET = "Báo cáo tháng"
CHART_SHEET = "Biểu đồ tháng"
DETAIL_SHEET = "Chi tiết báo cáo"
OUR_SHEETS = (C.SHEET, ASOF_SHEET, MONTH_SHEET, CHART_SHEET, DETAIL_SHEET)
DATE_FORMAT = "DD/MM/YYYY"

_thin = Side(style="thin")
_BOX = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_OFFICE_FILL = PatternFill("solid", fgColor="FFF2CC")  # the columns the office fills in
_HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")


class _Styles:
    """Ready-made cell styles, copied cell to cell (much faster than assigning fonts one by one)."""

    def __init__(self, sheet) -> None:
        def make(font: Font, align: Alignment, fmt: str = "General", fill=None, border=_BOX):
            cell = sheet.cell(1, 1)
            cell.font, cell.alignment, cell.number_format, cell.border = font, align, fmt, border
            if fill is not None:
                cell.fill = fill
            style = copy.copy(cell._style)
            cell._style = copy.copy(sheet.cell(1, 2)._style)
            return style

        wrap = Alignment(vertical="top", wrap_text=True)
        centre = Alignment(horizontal="center", vertical="top", wrap_text=True)
        body = Font(name=FONT, size=11)
        self.text = make(body, wrap)
        self.centre = make(body, centre)
        self.date = make(body, centre, DATE_FORMAT)
        self.office = make(body, wrap, fill=_OFFICE_FILL)
        self.office_date = make(body, centre, DATE_FORMAT, fill=_OFFICE_FILL)
        self.head = make(Font(name=FONT, size=11, bold=True), Alignment(horizontal="center", vertical="center", wrap_text=True),
                         fill=_HEAD_FILL)
        self.head_office = make(Font(name=FONT, size=11, bold=True),
                                Alignment(horizontal="center", vertical="center", wrap_text=True), fill=_OFFICE_FILL)
        self.title = make(Font(name=FONT, size=14, bold=True), Alignment(horizontal="center"), border=Border())
        self.subtitle = make(Font(name=FONT, size=12, italic=True), Alignment(horizontal="center"), border=Border())
        self.bold = make(Font(name=FONT, size=11, bold=True), centre)


LINE_PT = 14.5  # one line of 11 pt Times New Roman


def _per_line(width: float) -> int:
    return max(1, int(width * 1.5) - 1)  # measured on LibreOffice's print of 11 pt Times New Roman


def _height(values: list, widths: list[float]) -> float | None:
    """The height a row of wrapped cells needs (openpyxl cannot ask Excel to fit the row)."""
    lines = 1
    for value, width in zip(values, widths):
        if value.__class__ is not str:
            continue
        per = _per_line(width)
        if len(value) <= per and "\n" not in value:
            continue
        n = sum(max(1, -(-len(part) // per)) for part in value.split("\n"))
        if n > lines:
            lines = n
    return min(409, lines * LINE_PT + 3) if lines > 1 else None


def _print_setup(sheet, title_rows: str, last_col: int, last_row: int | None = None) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
    sheet.print_area = f"A1:{C.letter(last_col)}{max(last_row or sheet.max_row, 1)}"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.oddFooter.center.text = "Trang &P/&N"
    sheet.oddFooter.center.font = f"{FONT},Regular"
    sheet.print_options.horizontalCentered = True


def _replace_sheet(book, name: str, index: int):
    if name in book.sheetnames:
        index = book.sheetnames.index(name)
        book.remove(book[name])
    return book.create_sheet(name, min(index, len(book.sheetnames)))


def _titles(sheet, st: _Styles, title: str, subtitle: str, width: int) -> None:
    for row, text, style in ((1, title, st.title), (2, subtitle, st.subtitle)):
        cell = sheet.cell(row, 1, text)
        cell._style = copy.copy(style)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def write_register(book, rows: list[Row], subtitle: str, additions: dict) -> None:
    sheet = _replace_sheet(book, C.SHEET, 0)
    st = _Styles(sheet)
    extras: list[str] = []
    for row in rows:
        for label in row.extras:
            if label not in extras:
                extras.append(label)
    cols = list(C.COLUMNS)
    printed = sum(1 for c in cols if c.printed)
    _titles(sheet, st, C.TITLE, subtitle, printed)
    for i, col in enumerate(cols, start=1):
        cell = sheet.cell(C.HEADER_ROW, i, col.label)
        cell._style = copy.copy(st.head_office if col.office else st.head)
        dim = sheet.column_dimensions[C.letter(i)]
        dim.width = col.width
        dim.hidden = col.hidden
    for j, label in enumerate(extras, start=len(cols) + 1):
        cell = sheet.cell(C.HEADER_ROW, j, label)
        cell._style = copy.copy(st.head)
        sheet.column_dimensions[C.letter(j)].width = 16
    styles = []
    for col in cols:
        if col.office:
            styles.append(st.office_date if col.date else st.office)
        elif col.date:
            styles.append(st.date)
        elif col.key in ("id", "section", "doc"):
            styles.append(st.centre)
        else:
            styles.append(st.text)
    keys = [c.key for c in cols]
    widths = [c.width for c in cols] + [16] * len(extras)
    width = len(cols) + len(extras)
    date_cols = frozenset(i for i, c in enumerate(cols, start=1) if c.date)
    addition = fastxlsx.Addition(C.FIRST_ROW, width, date_cols)
    for r, row in enumerate(rows, start=C.FIRST_ROW):
        values = [row.cells.get(k) for k in keys] + [row.extras.get(label) for label in extras]
        height = _height([None if c.hidden else v for c, v in zip(cols, values)], widths)
        if r > C.FIRST_ROW:  # the first row is openpyxl's, the prototype of the others' styles
            addition.add(values, height)
            continue
        if height:
            sheet.row_dimensions[r].height = height
        for i, value in enumerate(values, start=1):
            cell = sheet.cell(r, i)
            if value is not None:
                cell.value = value
            cell._style = copy.copy(styles[i - 1] if i <= len(cols) else st.text)
    additions[C.SHEET] = addition
    last = max(C.FIRST_ROW, C.FIRST_ROW + len(rows) - 1)
    status_col = C.letter(keys.index("status") + 1)
    statuses = DataValidation(type="list", formula1='"' + ",".join(C.STATUSES) + '"', allow_blank=True,
                              showErrorMessage=True, errorTitle="Trạng thái",
                              error="Chọn một trạng thái trong danh sách: " + ", ".join(C.STATUSES) + ".",
                              promptTitle="Trạng thái", prompt="Chọn trong danh sách", showInputMessage=True)
    statuses.add(f"{status_col}{C.FIRST_ROW}:{status_col}{last + 1000}")
    reported_col = C.letter(keys.index("reported") + 1)
    when = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True, showErrorMessage=True,
                          errorTitle="Ngày báo cáo", error="Nhập một ngày, ví dụ 15/9/2021.")
    when.add(f"{reported_col}{C.FIRST_ROW}:{reported_col}{last + 1000}")
    sheet.add_data_validation(statuses)
    sheet.add_data_validation(when)
    sheet.freeze_panes = sheet.cell(C.FIRST_ROW, 1).coordinate
    sheet.auto_filter.ref = f"A{C.HEADER_ROW}:{C.letter(len(cols) + len(extras))}{last}"
    sheet.row_dimensions[C.HEADER_ROW].height = 32
    _print_setup(sheet, f"{C.HEADER_ROW}:{C.HEADER_ROW}", printed, last)


def _table(sheet, st: _Styles, top: int, header: list[tuple[str, float]], rows: list[list], date_cols=(),
           centre_cols=(), additions: dict | None = None) -> int:
    """A header and rows; with additions, only the first row is openpyxl's (see fastxlsx)."""
    for i, (label, width) in enumerate(header, start=1):
        cell = sheet.cell(top, i, label)
        cell._style = copy.copy(st.head)
        sheet.column_dimensions[C.letter(i)].width = width
    widths = [w for _, w in header]
    addition = fastxlsx.Addition(top + 1, len(header), frozenset(date_cols))
    for r, values in enumerate(rows, start=top + 1):
        height = _height(values, widths)
        if additions is not None and r > top + 1:
            addition.add(values, height)
            continue
        if height:
            sheet.row_dimensions[r].height = height
        for i, value in enumerate(values, start=1):
            cell = sheet.cell(r, i, value)
            style = st.date if i in date_cols else st.centre if i in centre_cols else st.text
            cell._style = copy.copy(style)
    if additions is not None:
        additions[sheet.title] = addition
    return top + len(rows)


def _short(text: str, n: int = 400) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _standing_row(s: Standing, n: int, extra: list) -> list:
    c = s.row.cells
    return [n, c.get("id"), s.row.owner, _short(s.row.text), s.row.reference, c.get("written"), s.due, *extra]


def write_as_of(book, report: AsOf, additions: dict) -> None:
    sheet = _replace_sheet(book, ASOF_SHEET, 1)
    st = _Styles(sheet)
    header = [("STT", 5), ("Mã nhiệm vụ", 13), ("Cơ quan chủ trì", 18), ("Nội dung nhiệm vụ", 60), ("Văn bản giao", 22),
              ("Thời hạn", 16), ("Hạn", 11), ("Tình trạng", 16)]
    _titles(sheet, st, "NHIỆM VỤ QUÁ HẠN VÀ SẮP ĐẾN HẠN",
            f"Tính đến ngày {report.day:%d/%m/%Y}; sắp đến hạn: trong {report.soon_days} ngày tới", len(header))
    rows, n = [], 0
    for agency in report.agencies:
        for s in report.overdue.get(agency, []):
            n += 1
            rows.append(_standing_row(s, n, [f"Quá hạn {s.days_late} ngày"]))
        for s in report.soon.get(agency, []):
            n += 1
            rows.append(_standing_row(s, n, [f"Còn {(s.due - report.day).days} ngày" if s.due else ""]))
    if not rows:
        rows = [["", "", "Không có nhiệm vụ quá hạn hay sắp đến hạn.", "", "", "", None, ""]]
    last = _table(sheet, st, 3, header, rows, date_cols=(7,), centre_cols=(1, 2, 8), additions=additions)
    sheet.freeze_panes = "A4"
    sheet.auto_filter.ref = f"A3:H{max(last, 4)}"
    _print_setup(sheet, "3:3", len(header), last)


def write_monthly(book, report: Monthly, chart_png: bytes | None, additions: dict) -> None:
    sheet = _replace_sheet(book, MONTH_SHEET, 2)
    st = _Styles(sheet)
    header = [("STT", 5), ("Cơ quan chủ trì", 34), ("Nhiệm vụ được giao", 11), ("Trong đó giao trong tháng", 11),
              *[(c, 12) for c in CATEGORIES], ("Dừng thực hiện", 10)]
    _titles(sheet, st, f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG {report.month}/{report.year}",
            f"Số liệu tính đến ngày {report.cutoff:%d/%m/%Y}", len(header))
    rows = []
    for n, a in enumerate([*report.agencies, report.total], start=1):
        rows.append([n if a.agency != "Tổng cộng" else "", a.agency, a.assigned, a.this_month,
                     *[a.counts[c] for c in CATEGORIES], a.stopped])
    last = _table(sheet, st, 3, header, rows, centre_cols=tuple(range(3, len(header) + 1)) + (1,))
    for i in range(1, len(header) + 1):
        sheet.cell(last, i)._style = copy.copy(st.bold)
    sheet.row_dimensions[3].height = 48
    sheet.freeze_panes = "C4"
    if chart_png:
        _chart_sheet(book, chart_png)
    _print_setup(sheet, "3:3", len(header), last)

    detail = _replace_sheet(book, DETAIL_SHEET, 4)
    st = _Styles(detail)
    header = [("STT", 5), ("Mã nhiệm vụ", 13), ("Cơ quan chủ trì", 18), ("Nội dung nhiệm vụ", 56), ("Văn bản giao", 22),
              ("Thời hạn", 16), ("Hạn", 11), ("Kết quả", 18), ("Ngày báo cáo", 11)]
    _titles(detail, st, f"DANH SÁCH NHIỆM VỤ THEO KẾT QUẢ THÁNG {report.month}/{report.year}",
            f"Số liệu tính đến ngày {report.cutoff:%d/%m/%Y}", len(header))
    rows = [_standing_row(s, n, [s.category, s.row.reported]) for n, s in enumerate(report.details, start=1)]
    last = _table(detail, st, 3, header, rows, date_cols=(7, 9), centre_cols=(1, 2), additions=additions)
    detail.freeze_panes = "A4"
    detail.auto_filter.ref = f"A3:I{max(last, 4)}"
    _print_setup(detail, "3:3", len(header), last)


def _chart_sheet(book, chart_png: bytes) -> None:
    """The chart alone on a sheet printed on one A4 landscape page: what the Chairman reads."""
    from openpyxl.drawing.image import Image

    sheet = _replace_sheet(book, CHART_SHEET, 3)
    image = Image(io.BytesIO(chart_png))
    image.anchor = "A1"
    sheet.add_image(image)
    cols = int(image.width / 64) + 1  # default columns are 64 px wide, rows 20 px high
    rows = int(image.height / 20) + 1
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_area = f"A1:{C.letter(cols)}{rows}"
    sheet.print_options.horizontalCentered = True


def new_book():
    book = Workbook()
    book.remove(book.active)
    return book


def to_bytes(book, additions: dict | None = None) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return fastxlsx.inject(out.getvalue(), additions or {})


def today_subtitle(day: dt.date, specs: int, rows: int) -> str:
    return f"Lập ngày {day:%d/%m/%Y} từ {specs} văn bản; {rows} dòng nhiệm vụ (mỗi nhiệm vụ một dòng cho mỗi cơ quan chủ trì)"
