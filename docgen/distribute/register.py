"""The registers of outgoing documents as one .xlsx workbook (Phụ lục IV, nd30.md §11).

One sheet per year for the Sổ đăng ký văn bản đi (Mẫu I, columns (1)–(10)) and one for the
Sổ gửi văn bản đi bưu điện (Mẫu III, columns (1)–(6)). Rows are added, never removed; a row
for a document already registered is brought up to date instead of added twice, and what the
văn thư wrote by hand (Ngày chuyển, Ký nhận, Ghi chú) is kept. Written under the register's
lock and atomically.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from ..plumbing.errors import DocgenError
from ..plumbing.output import refuse_link, write_atomic
from ..plumbing.safezip import InputRefused, bounded_package, read_input
from .counter import locked

REGISTER_NAME = "so-dang-ky-van-ban-di.xlsx"

REGISTER_TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM {year}"
REGISTER_SHEET = "Văn bản đi {year}"
REGISTER_COLUMNS = (
    ("Số, ký hiệu văn bản", 16), ("Ngày tháng văn bản", 12), ("Tên loại và trích yếu nội dung văn bản", 48),
    ("Người ký", 18), ("Nơi nhận văn bản", 40), ("Đơn vị, người nhận bản lưu", 16), ("Số lượng bản", 9),
    ("Ngày chuyển", 12), ("Ký nhận", 12), ("Ghi chú", 26),
)
POST_TITLE = "SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN NĂM {year}"
POST_SHEET = "Gửi bưu điện {year}"
POST_COLUMNS = (
    ("Ngày chuyển", 12), ("Số, ký hiệu văn bản", 18), ("Nơi nhận văn bản", 56), ("Số lượng bì", 9),
    ("Ký nhận và dấu bưu điện", 22), ("Ghi chú", 30),
)
_DOCGEN_COLUMNS = 7  # (1)-(7) of Mẫu I come from the document; (8)-(10) may be the văn thư's
_DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class RegisterRow:
    """One row of the Sổ đăng ký văn bản đi."""

    so_ky_hieu: str
    ngay: dt.date
    ten_loai_trich_yeu: str
    nguoi_ky: str
    noi_nhan: str
    ban_luu: str
    so_luong: int
    ngay_chuyen: dt.date
    ghi_chu: str = ""

    def values(self) -> list:
        return [self.so_ky_hieu, self.ngay, self.ten_loai_trich_yeu, self.nguoi_ky, self.noi_nhan, self.ban_luu,
                self.so_luong, self.ngay_chuyen, None, self.ghi_chu or None]

    @property
    def key(self) -> tuple:
        return (_norm(self.so_ky_hieu),)


@dataclass(frozen=True)
class PostRow:
    """One row of the Sổ gửi văn bản đi bưu điện: one envelope per recipient."""

    ngay_chuyen: dt.date
    so_ky_hieu: str
    noi_nhan: str
    so_bi: int = 1
    ghi_chu: str = ""
    recipient: str = ""  # the recipient's name alone: the key, so a corrected address updates the row

    def values(self) -> list:
        return [self.ngay_chuyen, self.so_ky_hieu, self.noi_nhan, self.so_bi, None, self.ghi_chu or None]

    @property
    def key(self) -> tuple:
        return (_norm(self.so_ky_hieu), _norm(self.recipient or self.noi_nhan))


def _norm(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


class RegisterProblem(DocgenError):
    pass


@dataclass
class Recorded:
    added: int = 0
    updated: int = 0


norm = _norm


def record(path: Path, rows: list[RegisterRow], post: list[PostRow]) -> Recorded:
    """Add rows to the workbook at path (created if missing); rows already there are updated."""
    path = Path(path)
    with locked(path):
        book = _open(path)
        result = put_rows(book, rows, post)
        out = io.BytesIO()
        book.save(out)
        write_atomic(path, out.getvalue())
    return result


def put_rows(book, rows: list[RegisterRow], post: list[PostRow]) -> Recorded:
    """Rows into an open workbook (the caller holds the lock and saves it)."""
    result = Recorded()
    indexes: dict[str, _Index] = {}
    for row in rows:
        sheet = register_sheet(book, row.ngay.year)
        index = indexes.setdefault(sheet.title, _Index(sheet, (1,)))
        _put(sheet, index, row.key, row.values(), _DOCGEN_COLUMNS, result)
    for row in post:
        sheet = _sheet(book, POST_SHEET, POST_TITLE, POST_COLUMNS, row.ngay_chuyen.year)
        index = indexes.setdefault(sheet.title, _PostIndex(sheet))
        _put(sheet, index, row.key, row.values(), 4, result)
    return result


def open_book(path: Path):
    return _open(Path(path))


def register_sheet(book, year: int):
    return _sheet(book, REGISTER_SHEET, REGISTER_TITLE, REGISTER_COLUMNS, year)


def first_data_row(sheet) -> int:
    return _header_row(sheet) + 1


def _open(path: Path):
    from openpyxl import Workbook, load_workbook

    if not path.exists():
        book = Workbook()
        book.remove(book.active)
        return book
    refuse_link(path)
    try:  # bounded like any file from outside: no zip bomb, no DTD
        data = bounded_package(read_input(path, "sổ đăng ký"), f"Sổ đăng ký «{path}»",
                               lambda name: name.endswith((".xml", ".rels")), keep_all=True)
    except InputRefused as exc:
        raise RegisterProblem(f"Không mở được sổ đăng ký {path}: {exc.message} docgen không ghi đè một sổ không đọc "
                              "được; hãy kiểm tra tệp hoặc chọn sổ khác bằng --so-dang-ky.") from None
    try:
        return load_workbook(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - whatever a broken or hostile workbook makes openpyxl raise
        raise RegisterProblem(f"Không mở được sổ đăng ký {path} ({type(exc).__name__}: {str(exc)[:200]}). docgen không "
                              "ghi đè một sổ không đọc được; hãy kiểm tra tệp hoặc chọn sổ khác bằng --so-dang-ky.") from None


def _sheet(book, name: str, title: str, columns, year: int):
    from openpyxl.styles import Alignment, Border, Font, Side

    sheet_name = name.format(year=year)
    if sheet_name in book.sheetnames:
        return book[sheet_name]
    sheet = book.create_sheet(sheet_name)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.append([title.format(year=year)])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    sheet.cell(1, 1).font = Font(name="Times New Roman", size=14, bold=True)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.append([label for label, _ in columns])
    sheet.append([f"({i})" for i in range(1, len(columns) + 1)])
    for col, (_, width) in enumerate(columns, start=1):
        letter = sheet.cell(2, col).column_letter
        sheet.column_dimensions[letter].width = width
        for row, italic in ((2, False), (3, True)):
            cell = sheet.cell(row, col)
            cell.font = Font(name="Times New Roman", size=12, bold=not italic, italic=italic)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = box
    sheet.freeze_panes = "A4"
    sheet.print_title_rows = "2:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


def _header_row(sheet) -> int:
    """The row that numbers the columns (1), (2), …: data starts below it."""
    for row in range(1, min(sheet.max_row, 20) + 1):
        if str(sheet.cell(row, 1).value or "").strip() == "(1)":
            return row
    raise RegisterProblem(f"Trang “{sheet.title}” của sổ đăng ký không có dòng đánh số cột (1), (2), … như Phụ lục IV; "
                          "docgen không biết dữ liệu bắt đầu từ đâu nên không ghi vào.")


class _Index:
    """Where each key already stands in a sheet, and the first free row."""

    def __init__(self, sheet, key_cols: tuple[int, ...]) -> None:
        self.start = _header_row(sheet) + 1
        self.rows: dict[tuple, int] = {}
        last = self.start - 1
        for row, cells in enumerate(sheet.iter_rows(min_row=self.start, values_only=True), start=self.start):
            if any(v not in (None, "") for v in cells):
                last = row
                self.rows.setdefault(tuple(_norm(cells[c - 1] if c <= len(cells) else None) for c in key_cols), row)
        self.free = last + 1

    def get(self, key: tuple) -> int | None:
        return self.rows.get(key)

    def add(self, key: tuple, row: int) -> None:
        self.rows[key] = row


class _PostIndex(_Index):
    """Postal rows are one per letter and recipient: keyed by the number and the recipient's
    name, whatever address follows it after a comma, so a corrected address updates the row."""

    def __init__(self, sheet) -> None:
        super().__init__(sheet, (2, 3))
        self.by_number: dict[str, list[tuple[str, int]]] = {}
        for (number, where), row in self.rows.items():
            self.by_number.setdefault(number, []).append((where, row))

    def get(self, key: tuple) -> int | None:
        number, name = key
        for where, row in self.by_number.get(number, []):
            if where == name or where.startswith(name + ","):
                return row
        return None

    def add(self, key: tuple, row: int) -> None:
        self.rows[key] = row
        self.by_number.setdefault(key[0], []).append((key[1], row))


def _put(sheet, index: _Index, key: tuple, values: list, owned: int, result: Recorded) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    found = index.get(key)
    fresh = found is None
    if fresh:
        found = index.free
        index.add(key, found)
        index.free += 1
        result.added += 1
    else:
        result.updated += 1
    thin = Side(style="thin")
    for col, value in enumerate(values, start=1):
        cell = sheet.cell(found, col)
        # Columns after the document's own are the văn thư's once written; only fill them if empty.
        if col > owned and not fresh and cell.value not in (None, ""):
            continue
        cell.value = value
        cell.font = Font(name="Times New Roman", size=12)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if isinstance(value, dt.date):
            cell.number_format = _DATE_FORMAT
