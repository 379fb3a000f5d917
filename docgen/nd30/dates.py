"""Numbers and dates as Phụ lục I, Mục II.3-II.4 writes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

BLANK_NUMBER = " " * 6  # Số: + 6 spaces + /TB-... while the văn thư has not numbered it (Điều 15.2)
BLANK_DAY = " " * 4


def pad_number(n: int) -> str:
    """Số below 10 get a leading zero: 05 (Phụ lục I, Mục II.3.a)."""
    return f"{n:02d}"


def pad_day(day: int) -> str:
    """Days 1-9 get a leading zero (Phụ lục I, Mục II.4.b)."""
    return f"{day:02d}"


def pad_month(month: int) -> str:
    """Only months 1 and 2 get a leading zero: tháng 01, tháng 9 (Phụ lục I, Mục II.4.b)."""
    return f"{month:02d}" if month < 3 else str(month)


@dataclass(frozen=True)
class IssueDate:
    """A date line whose day (or day and month) may still be blank while drafting."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def of(cls, date: dt.date) -> "IssueDate":
        return cls(date.year, date.month, date.day)

    @property
    def complete(self) -> bool:
        return self.day is not None and self.month is not None

    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.complete else None  # type: ignore[arg-type]

    def words(self) -> str:
        """`ngày 05 tháng 01 năm 2021`, with blanks for what is not known yet."""
        day = pad_day(self.day) if self.day else BLANK_DAY
        month = pad_month(self.month) if self.month else BLANK_DAY
        return f"ngày {day} tháng {month} năm {self.year}"


def date_line(place: str, date: IssueDate) -> str:
    """`Lào Cai, ngày 15 tháng 9 năm 2021` (Phụ lục I, Mục II.4.c)."""
    return f"{place}, {date.words()}"


def long_date(date: dt.date) -> str:
    """A full date inside body text: `ngày 31 tháng 8 năm 2021`."""
    return IssueDate.of(date).words()


def short_date(date: dt.date) -> str:
    """A date as body text usually writes it: 01/7/2021, 15/10/2021."""
    return f"{pad_day(date.day)}/{date.month}/{date.year}"


def number_line(number: int | None, code: str) -> str:
    """`Số: 05/TB-VPUBND`, or `Số:      /TB-VPUBND` before numbering (Mục II.3)."""
    shown = pad_number(number) if number is not None else BLANK_NUMBER
    return f"Số: {shown}/{code}"
