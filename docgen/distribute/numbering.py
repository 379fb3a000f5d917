"""Numbers of outgoing documents taken from the Sổ đăng ký văn bản đi itself.

Điều 15 of Decree 30 (nd30.md §11): the số runs from 01 on 1 January and restarts each year.
docgen keeps one series per ký hiệu (e.g. every `…/TB-VPUBND` of a year), read from column (1)
of the register. A number is reserved by writing the document's row at once, under the
register's lock, so two runs at the same time never get the same number; the row is brought up
to date later by `register.record`.

A document is "the same" when its date (column 2) and its tên loại and trích yếu (column 3)
are those already registered: re-issuing it finds its own number again; any other document is
refused a number already registered.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

from ..nd30 import dates
from ..plumbing.errors import DocgenError
from ..plumbing.output import write_atomic
from . import register
from .counter import locked

NEXT = "tiep"  # --so tiep
_NUMBER = re.compile(r"^\s*0*(\d+)\s*/\s*(.+?)\s*$")


class NumberTaken(DocgenError):
    pass


def is_next(value: object) -> bool:
    """`--so tiep` (or `tiếp`, `next`): take the next free number from the register."""
    return isinstance(value, str) and value.strip().casefold() in {"tiep", "tiếp", "next", "auto"}


def _split(so_ky_hieu: object) -> tuple[int, str] | None:
    m = _NUMBER.match(str(so_ky_hieu or ""))
    return (int(m[1]), register.norm(m[2])) if m else None


def _same(cells: tuple, row: register.RegisterRow, by_recipient: bool) -> bool:
    day = cells[1]
    day = day.date() if hasattr(day, "date") else day
    return (day == row.ngay and register.norm(cells[2]) == register.norm(row.ten_loai_trich_yeu)
            and (not by_recipient or register.norm(cells[4]) == register.norm(row.noi_nhan)))


def reserve(book: Path, ky_hieu: str, year: int, number: int | None,
            make_row: Callable[[int], register.RegisterRow], by_recipient: bool = False) -> int:
    """The document's number in the series ky_hieu of year, its row written into the register.

    number None: the number this document already has in the register, else the next free one.
    A number given: refused (NumberTaken) when the register holds it for another document.
    by_recipient: letters of one date and one V/v to several agencies (công văn đôn đốc) are
    different documents, told apart by their recipient (column 5).
    """
    book = Path(book)
    series = register.norm(ky_hieu)
    with locked(book):
        workbook = register.open_book(book)
        sheet = register.register_sheet(workbook, year)
        start = register.first_data_row(sheet)
        last, mine, holder = 0, None, None
        probe = make_row(number or 1)
        for cells in sheet.iter_rows(min_row=start, max_col=5, values_only=True):
            split = _split(cells[0])
            if split is None or split[1] != series:
                continue
            n = split[0]
            last = max(last, n)
            if _same(cells, probe, by_recipient) and mine is None:
                mine = n
            if number is not None and n == number and not _same(cells, probe, by_recipient):
                holder = cells
        if number is None:
            number = mine or last + 1
        elif holder is not None:
            day = holder[1].date() if hasattr(holder[1], "date") else holder[1]
            shown = dates.short_date(day) if hasattr(day, "year") else str(day or "")
            raise NumberTaken(
                f"Số {holder[0]} đã được đăng ký cho văn bản khác: “{holder[2]}” ngày {shown}. Mỗi số chỉ cấp cho một "
                f"văn bản trong năm (Điều 15, Nghị định 30/2020/NĐ-CP). Hãy dùng --so tiep để lấy số tiếp theo "
                f"(hiện là {last + 1:02d}), hoặc sửa số trong tệp YAML.")
        row = make_row(number)
        register.put_rows(workbook, [row], [])
        out = io.BytesIO()
        workbook.save(out)
        write_atomic(book, out.getvalue())
    return number


def so_ky_hieu(number: int, ky_hieu: str, digits: int | None = None) -> str:
    return f"{dates.pad_number(number, digits)}/{ky_hieu}"
