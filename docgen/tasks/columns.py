"""The register's columns: who fills each one (docgen or the office), its width, and the
statuses the office may choose."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

SHEET = "Sổ theo dõi"
TITLE = "SỔ THEO DÕI VIỆC THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO"
HEADER_ROW = 3  # title, the line under it, then the header
FIRST_ROW = HEADER_ROW + 1

DONE = "Đã hoàn thành"
STOPPED = "Dừng thực hiện"
STATUSES = ("Chưa thực hiện", "Đang thực hiện", DONE, STOPPED)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: float
    office: bool = False  # filled in by the office: never overwritten
    hidden: bool = False
    date: bool = False
    printed: bool = True


COLUMNS = (
    Column("id", "Mã nhiệm vụ", 13),
    Column("doc", "Văn bản giao", 14),
    Column("doc_date", "Ngày văn bản", 10.5, date=True),
    Column("section", "Mục", 6),
    Column("text", "Nội dung nhiệm vụ", 40),
    Column("owner", "Cơ quan chủ trì", 15),
    Column("partners", "Cơ quan phối hợp", 15),
    Column("written", "Thời hạn", 13),
    Column("due", "Hạn hoàn thành", 10.5, date=True),
    Column("status", "Trạng thái", 13, office=True),
    Column("reported", "Ngày báo cáo", 10.5, office=True, date=True),
    Column("report_doc", "Văn bản báo cáo", 13, office=True),
    Column("notes", "Ghi chú", 14, office=True),
    Column("new_due", "Hạn mới", 10.5, office=True, date=True),
    Column("kind", "Loại thời hạn", 13, printed=False),
    Column("leader", "Người kết luận, chỉ đạo", 22, printed=False),
    Column("urged", "Đôn đốc", 24, printed=False),
    Column("flags", "Cảnh báo của docgen", 30, printed=False),
    Column("source", "Nguồn (tệp:dòng)", 30, printed=False),
    Column("doc_key", "Khóa văn bản", 20, hidden=True, printed=False),
    Column("fingerprint", "Dấu nội dung", 14, hidden=True, printed=False),
)
BY_KEY = {c.key: c for c in COLUMNS}
BY_LABEL = {c.label.casefold(): c for c in COLUMNS}
OFFICE_KEYS = tuple(c.key for c in COLUMNS if c.office)


def letter(index: int) -> str:
    """1 → A, 27 → AA."""
    return get_column_letter(index)


def fold(text: str) -> str:
    """Lower case, single spaces, no diacritics: to recognise a status typed without accents."""
    text = unicodedata.normalize("NFD", " ".join(str(text).split()).casefold()).replace("đ", "d")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


_EXACT = {" ".join(s.split()).casefold(): s for s in STATUSES}
_FOLDED = {fold(s): s for s in STATUSES}


def read_status(value: object) -> tuple[str | None, str | None]:
    """(the status, a problem): blank is (None, None); a status typed without accents is read
    with a warning; anything else is (None, problem)."""
    if value is None or not str(value).strip():
        return None, None
    text = unicodedata.normalize("NFC", " ".join(str(value).split()))
    if (found := _EXACT.get(text.casefold())) is not None:
        return found, None
    if (found := _FOLDED.get(fold(text))) is not None:
        return found, f"“{value}” được đọc là “{found}” (hãy chọn trong danh sách để có đủ dấu)"
    return None, (f"“{value}” không phải trạng thái hợp lệ ({', '.join(STATUSES)}); giữ nguyên ô này, "
                  "tạm coi như chưa hoàn thành")
