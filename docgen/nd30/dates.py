"""Numbers and dates as Phụ lục I, Mục II.3-II.4 writes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

BLANK_NUMBER = " " * 6  # Số: + 6 spaces + /TB-... while the văn thư has not numbered it (Điều 15.2)
BLANK_DAY = " " * 4


def pad_number(n: int, digits: int | None = None) -> str:
    """Số below 10 get a leading zero: 05 (Phụ lục I, Mục II.3.a); an office that prints "012"
    gives its digits (trinh_bay.so_chu_so)."""
    return f"{n:0{digits or 2}d}"


def pad_day(day: int) -> str:
    """Days 1-9 get a leading zero (Phụ lục I, Mục II.4.b)."""
    return f"{day:02d}"


def pad_month(month: int, two_digits: bool = False) -> str:
    """Only months 1 and 2 get a leading zero: tháng 01, tháng 9 (Phụ lục I, Mục II.4.b).

    `two_digits` is the office that pads every month ("tháng 03"), as some still print it."""
    return f"{month:02d}" if month < 3 or two_digits else str(month)


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

    def words(self, two_digit_month: bool = False) -> str:
        """`ngày 05 tháng 01 năm 2021`, with blanks for what is not known yet."""
        day = pad_day(self.day) if self.day else BLANK_DAY
        month = pad_month(self.month, two_digit_month) if self.month else BLANK_DAY
        return f"ngày {day} tháng {month} năm {self.year}"


def date_line(place: str, date: IssueDate, two_digit_month: bool = False) -> str:
    """`Lào Cai, ngày 15 tháng 9 năm 2021` (Phụ lục I, Mục II.4.c)."""
    return f"{place}, {date.words(two_digit_month)}"


def long_date(date: dt.date, two_digit_month: bool = False) -> str:
    """A full date inside body text: `ngày 31 tháng 8 năm 2021`."""
    return IssueDate.of(date).words(two_digit_month)


def short_date(date: dt.date) -> str:
    """A date as body text usually writes it: 01/7/2021, 15/10/2021."""
    return f"{pad_day(date.day)}/{date.month}/{date.year}"


def date_span(first: dt.date, last: dt.date, figures: bool) -> str:
    """Several days of one meeting, as an opening writes them: "Trong 02 ngày 17 và 18/11/2020",
    "Từ ngày 17 đến ngày 19 tháng 11 năm 2020", "Từ ngày 30/11 đến ngày 02/12/2020"."""
    end = short_date(last) if figures else long_date(last)[5:]
    if (first.month, first.year) == (last.month, last.year):
        start = pad_day(first.day)
    elif first.year == last.year:
        start = f"{pad_day(first.day)}/{first.month}" if figures else f"{pad_day(first.day)} tháng {pad_month(first.month)}"
    else:
        start = short_date(first) if figures else long_date(first)[5:]
    if (last - first).days == 1:
        return f"Trong 02 ngày {start} và {end}"
    return f"Từ ngày {start} đến ngày {end}"


def number_line(number: int | None, code: str, digits: int | None = None) -> str:
    """`Số: 05/TB-VPUBND`, or `Số:      /TB-VPUBND` before numbering (Mục II.3); `digits` pads
    the number as an office that numbers "012" prints it (trinh_bay.so_chu_so)."""
    shown = pad_number(number, digits) if number is not None else BLANK_NUMBER
    return f"Số: {shown}/{code}"


# Weekdays as Vietnamese writes them; Monday is "Thứ Hai" (date.weekday() == 0).
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_WEEKDAY_ALIASES = {
    "hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "tu": 2, "4": 2, "năm": 3, "nam": 3, "5": 3,
    "sáu": 4, "sau": 4, "6": 4, "bảy": 5, "bay": 5, "7": 5, "chủ nhật": 6, "chu nhat": 6, "cn": 6,
}


def weekday(date: dt.date) -> str:
    return WEEKDAYS[date.weekday()]


def parse_weekday(text: str) -> int | None:
    """"Thứ Ba", "thứ 3", "T3", "Chủ nhật" → 1, 1, 1, 6; None when it is not a weekday."""
    t = " ".join(text.strip().lower().split())
    for prefix in ("thứ ", "thu ", "t"):
        if t.startswith(prefix) and t[len(prefix):] in _WEEKDAY_ALIASES:
            return _WEEKDAY_ALIASES[t[len(prefix):]]
    return _WEEKDAY_ALIASES.get(t) if t in ("chủ nhật", "chu nhat", "cn") else None
