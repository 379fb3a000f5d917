"""The register as rows: read what is already in the workbook (with what the office typed),
merge the tasks gathered from the specs into it, and nothing the office typed is ever lost.

Matching, for each task gathered: first a row of the same document and lead agency with the
same wording (so a task that moved keeps its row), then the row with the task's id (the
wording changed: the row keeps its status and is flagged). A row that no task matches stays,
marked as no longer in any document. Rows keep their order; new rows go at the end.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from zipfile import BadZipFile

from lxml import etree

from ..nd30.dates import short_date
from ..plumbing.errors import DocgenError
from . import columns as C
from . import deadline as dl
from . import fastxlsx
from .collect import Entry

CHANGED = "Nội dung nhiệm vụ đã sửa trong văn bản; trạng thái cũ được giữ, hãy xem lại"
GONE = "Không còn trong văn bản nào"
DRAFT = "Văn bản còn là dự thảo"
OUR_SHEETS = (C.SHEET, "Đến ngày", "Báo cáo tháng", "Biểu đồ tháng", "Chi tiết báo cáo")  # written anew (sheets.py)
_TEXT_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")


@dataclass
class Row:
    """One row of the register: docgen's cells, the office's cells as typed, and extras."""

    cells: dict[str, object]
    extras: dict[str, object] = field(default_factory=dict)  # columns the office added, by header
    row: int | None = None  # where it stood in the workbook read
    gone: bool = False
    # read from the office's cells:
    status: str | None = None
    reported: dt.date | None = None
    new_due: dt.date | None = None  # "Hạn mới": an extension, or the deadline an urging letter set

    @property
    def task_id(self) -> str:
        return str(self.cells.get("id") or "")

    @property
    def owner(self) -> str:
        return str(self.cells.get("owner") or "")

    @property
    def text(self) -> str:
        return str(self.cells.get("text") or "")

    @property
    def deadline(self) -> dl.Deadline:
        return dl.read(_str(self.cells.get("written")))

    @property
    def doc_date(self) -> dt.date | None:
        return _as_date(self.cells.get("doc_date"))

    @property
    def reference(self) -> str:
        doc = str(self.cells.get("doc") or "")
        when = self.cells.get("doc_date")
        if isinstance(when, (dt.date, dt.datetime)):
            return f"{doc} ngày {short_date(_as_date(when))}"  # type: ignore[arg-type]
        month = str(when or "").strip("/ ")
        return f"{doc.lower()} tháng {month}" if month else doc.lower()


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


@dataclass
class Existing:
    rows: list[Row] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    book: object = None  # the openpyxl workbook, kept for the office's other sheets


class RegisterUnreadable(DocgenError):
    pass


def office_lock_file(path: Path) -> Path | None:
    """The owner file Excel (~$name) or LibreOffice (.~lock.name#) keeps while the book is open."""
    for name in (f"~${path.name}", f".~lock.{path.name}#"):
        if (path.parent / name).exists():
            return path.parent / name
    return None


def refuse_if_open(path: Path) -> None:
    if (lock := office_lock_file(path)) is not None:
        raise DocgenError(f"Sổ theo dõi {path} đang mở trong Excel hoặc LibreOffice (có tệp khóa {lock.name}). "
                          "Hãy lưu, đóng sổ rồi chạy lại; docgen không ghi gì vào sổ.")


def read(path: Path) -> Existing:
    """The rows of the register at path (none if it does not exist yet), with a warning for
    every cell the office typed that docgen cannot read. The sheet is read by fastxlsx; the
    whole workbook is loaded (slower) only when the office added sheets of its own, to keep them."""
    out = Existing()
    if not path.exists():
        return out
    try:
        names = fastxlsx.sheet_names(str(path))
        if any(name not in OUR_SHEETS for name in names):  # the office's own sheets: keep them
            import io

            from openpyxl import load_workbook

            ours = [name for name in names if name in OUR_SHEETS]
            out.book = load_workbook(io.BytesIO(fastxlsx.without_rows(str(path), ours)))
        if C.SHEET not in names:
            return out
        rows = fastxlsx.read_rows(str(path), C.SHEET)
    except (BadZipFile, KeyError, ValueError, OSError, TypeError, etree.LxmlError) as exc:
        raise RegisterUnreadable(f"Không mở được sổ theo dõi {path} ({type(exc).__name__}: {exc}). docgen không ghi đè "
                                 "một sổ không đọc được; hãy khôi phục tệp hoặc chọn tệp khác bằng -o.") from None
    header_at, header = _find_header(rows, path)
    keys = [C.BY_LABEL.get(str(v).strip().casefold()) if v is not None else None for v in header]
    if not any(k is not None and k.key == "id" for k in keys):
        raise RegisterUnreadable(f"{path}, trang “{C.SHEET}”: không thấy dòng tiêu đề có cột “Mã nhiệm vụ”; docgen không "
                                 "biết nhiệm vụ nào ở dòng nào nên không ghi vào sổ.")
    for number, values in rows:
        if number <= header_at or not any(v not in (None, "") for v in values):
            continue
        row = Row(cells={}, row=number)
        for col, value in enumerate(values):
            column = keys[col] if col < len(keys) else None
            if column is not None:
                if column.date and isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 2958466:
                    value = fastxlsx.from_serial(value)
                row.cells[column.key] = value
            elif value not in (None, "") and col < len(header) and header[col] not in (None, ""):
                row.extras[str(header[col])] = value
            elif value not in (None, ""):
                row.extras[f"Cột {C.letter(col + 1)}"] = value
        _read_office_cells(row, keys, path, out.warnings)
        out.rows.append(row)
    return out


def _find_header(rows, path: Path) -> tuple[int, list]:
    for number, values in rows:
        if any(str(v).strip().casefold() == "mã nhiệm vụ" for v in values if v is not None):
            return number, values
        if number > 20:
            break
    raise RegisterUnreadable(f"{path}, trang “{C.SHEET}”: không thấy dòng tiêu đề (cột “Mã nhiệm vụ”) trong 20 dòng đầu; "
                             "docgen không ghi vào một sổ không nhận ra được.")


def _where(path: Path, row: int, keys: list, key: str) -> str:
    col = next(i for i, k in enumerate(keys) if k is not None and k.key == key) + 1
    return f"{path.name}, trang “{C.SHEET}”, dòng {row}, cột {C.letter(col)} ({C.BY_KEY[key].label})"


def _office_date(row: Row, key: str, use: str, where, warnings: list[str]) -> dt.date | None:
    """A date the office typed: a date cell, or text such as 15/9/2021 (read, with a warning)."""
    value = row.cells.get(key)
    if isinstance(value, (dt.date, dt.datetime)):
        return _as_date(value)
    if value in (None, ""):
        return None
    m = _TEXT_DATE.match(str(value))
    parsed = None
    if m:
        try:
            parsed = dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            parsed = None
    if parsed is not None:
        warnings.append(f"{where()}: ngày “{value}” được gõ dạng chữ, đã đọc là {parsed:%d/%m/%Y}; "
                        "ô giữ nguyên như đã gõ (nên nhập lại dạng ngày).")
    else:
        warnings.append(f"{where()}: “{value}” không phải là ngày (viết ngày/tháng/năm, ví dụ 15/9/2021); "
                        f"giữ nguyên ô này, {use}.")
    return parsed


def _read_office_cells(row: Row, keys: list, path: Path, warnings: list[str]) -> None:
    present = {k.key for k in keys if k is not None}
    if "status" in present:
        row.status, problem = C.read_status(row.cells.get("status"))
        if problem:
            warnings.append(f"{_where(path, row.row, keys, 'status')}: {problem}.")  # type: ignore[arg-type]
    for key, use in (("reported", "không tính ngày báo cáo"), ("new_due", "không tính hạn mới")):
        if key in present:
            where = (lambda key=key: _where(path, row.row, keys, key))  # type: ignore[arg-type]
            setattr(row, key, _office_date(row, key, use, where, warnings))
    if row.status == C.DONE and row.reported is None and "reported" in present and row.cells.get("reported") in (None, ""):
        warnings.append(f"{_where(path, row.row, keys, 'reported')}: nhiệm vụ {row.task_id} “{C.DONE}” nhưng chưa có "  # type: ignore[arg-type]
                        "ngày báo cáo; tạm tính là hoàn thành đúng hạn.")


def entry_cells(e: Entry) -> dict[str, object]:
    doc = f"{e.doc_type} số {e.doc_number}" if e.issued else f"Dự thảo {e.doc_type.lower()}"
    return {
        "id": e.task_id, "doc": doc, "doc_date": e.doc_date or e.doc_date_text, "leader": e.leader,
        "section": e.section, "text": e.text, "owner": e.owner, "partners": e.partners or None,
        "written": e.deadline.written or None, "due": e.deadline.due, "kind": e.deadline.label,
        "source": e.source, "doc_key": e.doc_key, "fingerprint": e.fingerprint,
    }


@dataclass
class Merged:
    rows: list[Row]
    added: int = 0
    kept: int = 0
    changed: int = 0
    gone: int = 0


def _flags(old: str, keep: tuple[str, ...], add: list[str]) -> str | None:
    """docgen's warnings on a row: the new ones, plus those kept from before that the office
    has not cleared (clearing the cell acknowledges them)."""
    found = [f for f in add]
    for line in str(old or "").split("\n"):
        line = line.strip()
        if line and any(line.startswith(k) for k in keep) and line not in found:
            found.append(line)
    return "\n".join(found) or None


def merge(entries: list[Entry], existing: list[Row], today: dt.date) -> Merged:
    by_text: dict[tuple, list[Row]] = {}
    by_id: dict[str, Row] = {}
    for row in existing:
        by_text.setdefault((row.cells.get("doc_key"), str(row.cells.get("owner") or "").casefold(),
                            row.cells.get("fingerprint")), []).append(row)
        by_id.setdefault(row.task_id, row)
    matched: dict[int, Entry] = {}
    result = Merged(rows=[])
    unmatched: list[Entry] = []
    for e in entries:  # pass 1: same document, agency and wording
        candidates = by_text.get((e.doc_key, e.owner.casefold(), e.fingerprint), [])
        row = next((r for r in candidates if id(r) not in matched), None)
        if row is not None:
            matched[id(row)] = e
        else:
            unmatched.append(e)
    fresh: list[Entry] = []
    for e in unmatched:  # pass 2: same id, the wording changed
        row = by_id.get(e.task_id)
        if row is not None and id(row) not in matched and row.cells.get("doc_key") == e.doc_key:
            matched[id(row)] = e
            row.cells["_changed"] = True
        else:
            fresh.append(e)
    used_ids = {r.task_id for r in existing}
    for row in existing:
        e = matched.get(id(row))
        if e is None:
            row.gone = True
            result.gone += 1
            note = f"{GONE} (lần chạy {today:%d/%m/%Y})"
            row.cells["flags"] = _flags(str(row.cells.get("flags") or ""), (GONE, CHANGED), [] if GONE in str(
                row.cells.get("flags") or "") else [note])
            result.rows.append(row)
            continue
        changed = bool(row.cells.pop("_changed", False))
        keep_id = row.task_id
        new = entry_cells(e)
        new["id"] = keep_id
        new["urged"] = row.cells.get("urged")
        add = [CHANGED] if changed else []
        if not e.issued:
            add.append(DRAFT)
        new["flags"] = _flags(str(row.cells.get("flags") or ""), (CHANGED,), add)
        for key in C.OFFICE_KEYS:
            new[key] = row.cells.get(key)
        row.cells = new
        result.changed += changed
        result.kept += 1
        result.rows.append(row)
    for e in fresh:
        cells = entry_cells(e)
        task_id, n = e.task_id, 2
        while task_id in used_ids:  # another row (perhaps no longer in any document) holds the id
            task_id, n = f"{e.task_id}-{n}", n + 1
        used_ids.add(task_id)
        cells["id"] = task_id
        cells["flags"] = DRAFT if not e.issued else None
        result.rows.append(Row(cells=cells))
        result.added += 1
    return result
