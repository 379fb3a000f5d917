"""Deadlines as notices write them, read as data: a date, a month, a quarter, a year, periodic
(định kỳ hằng tuần/tháng/quý/năm), regular (thường xuyên), none, or unreadable.

`docgen/spec/types.py` keeps what the spec accepts; this module only reads the words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass

DATE = "ngay"
MONTH = "thang"
QUARTER = "quy"
HALF = "nua-nam"
YEAR = "nam"
PERIODIC = "dinh-ky"
REGULAR = "thuong-xuyen"
NONE = "khong"
UNREADABLE = "khong-doc-duoc"

KIND_LABELS = {
    DATE: "Ngày", MONTH: "Tháng", QUARTER: "Quý", HALF: "6 tháng", YEAR: "Năm",
    PERIODIC: "Định kỳ", REGULAR: "Thường xuyên", NONE: "Không nêu", UNREADABLE: "Không đọc được",
}
PERIOD_LABELS = {"tuan": "hằng tuần", "thang": "hằng tháng", "quy": "hằng quý", "nam": "hằng năm"}
WEEKLY_DAY = 4  # a weekly report is due on Friday (Thứ Sáu) unless the words say otherwise

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_D = r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
_DATE_WORDS = re.compile(r"(?<![\d/])" + _D + r"(?![\d/])")
_DATE_LONG = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_MONTH = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|\s+năm\s+|-)\s*(\d{4})")
_QUARTER = re.compile(r"quý\s+(i{1,3}|iv|[1-4])\s*(?:/|\s+năm\s+|-)\s*(\d{4})")
_HALF = re.compile(r"6\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})")
_YEAR = re.compile(r"(?:trong|trước|cuối|hết)\s+năm\s+(\d{4})")
_PERIODIC = re.compile(r"(?:định\s+kỳ\s+)?(?:hằng|hàng|mỗi)\s+(tuần|tháng|quý|năm)")
_DAY_OF_PERIOD = re.compile(r"(?:trước\s+)?ngày\s+(\d{1,2})(?!\s*/)")
_WEEKDAY = re.compile(r"thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])")
_WEEKDAY_NUM = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "4": 2, "năm": 3, "5": 3, "sáu": 4, "6": 4, "bảy": 5, "7": 5}


@dataclass(frozen=True)
class Deadline:
    """A deadline as written and as data. `due` is the last day to finish (dated kinds);
    periodic deadlines carry their period and the day within it instead."""

    written: str
    kind: str
    due: dt.date | None = None
    period: str | None = None  # tuan, thang, quy, nam
    day: int | None = None  # the day of the month (or weekday for tuan) a periodic report is due
    problem: str | None = None  # why it could not be read

    @property
    def label(self) -> str:
        if self.kind == PERIODIC:
            return f"Định kỳ {PERIOD_LABELS[self.period or 'thang']}"
        return KIND_LABELS[self.kind]

    @property
    def dated(self) -> bool:
        return self.due is not None

    def occurrences(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """The due dates in [start, end]: one for a dated deadline, each period's for periodic."""
        if self.due is not None:
            return [self.due] if start <= self.due <= end else []
        if self.kind != PERIODIC:
            return []
        out: list[dt.date] = []
        when = self._first_on_or_after(start)
        while when <= end:
            out.append(when)
            when = self._first_on_or_after(when + dt.timedelta(days=1))
        return out

    def last_before(self, day: dt.date, since: dt.date) -> tuple[dt.date | None, dt.date | None]:
        """Periodic: the latest due date on or before `day` (after `since`), and the one before it."""
        found = self.occurrences(since, day)
        return (found[-1] if found else None, found[-2] if len(found) > 1 else None)

    def next_after(self, day: dt.date) -> dt.date | None:
        if self.due is not None:
            return self.due if self.due > day else None
        if self.kind != PERIODIC:
            return None
        return self._first_on_or_after(day + dt.timedelta(days=1))

    def _first_on_or_after(self, start: dt.date) -> dt.date:
        period = self.period or "thang"
        if period == "tuan":
            weekday = WEEKLY_DAY if self.day is None else self.day
            return start + dt.timedelta(days=(weekday - start.weekday()) % 7)
        months = {"thang": 1, "quy": 3, "nam": 12}[period]
        year, month = start.year, start.month
        if months > 1:  # the last month of the quarter or year
            month = ((month - 1) // months + 1) * months
        while True:
            last = calendar.monthrange(year, month)[1]
            candidate = dt.date(year, month, min(self.day or last, last))
            if candidate >= start:
                return candidate
            month += months
            if month > 12:
                year, month = year + 1, month - 12


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


@functools.lru_cache(maxsize=4096)
def read(written: str | None) -> Deadline:
    """The deadline of a task from its words (`thoi_han`); None is "not stated". Cached: a
    register of 10,000 tasks has a few hundred different wordings."""
    if written is None or not str(written).strip():
        return Deadline("", NONE)
    text = _norm(str(written))
    shown = str(written).strip()
    dates = []
    for m in [*_DATE_WORDS.finditer(text), *_DATE_LONG.finditer(text)]:
        try:
            dates.append(dt.date(int(m[3]), int(m[2]), int(m[1])))
        except ValueError:
            return Deadline(shown, UNREADABLE, problem=f"ngày “{m[0]}” không có thật trong lịch")
    if dates:
        return Deadline(shown, DATE, max(dates))  # "từ … đến 30/9/2021": the last one is the deadline
    if m := _PERIODIC.search(text):
        period = {"tuần": "tuan", "tháng": "thang", "quý": "quy", "năm": "nam"}[m[1]]
        day = None
        if period == "tuan" and (w := _WEEKDAY.search(text)):
            day = _WEEKDAY_NUM[w[1]]
        elif period != "tuan" and (d := _DAY_OF_PERIOD.search(text)) and 1 <= int(d[1]) <= 31:
            day = int(d[1])
        return Deadline(shown, PERIODIC, period=period, day=day)
    if m := _MONTH.search(text):
        month, year = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            return Deadline(shown, UNREADABLE, problem=f"tháng {month} không có thật")
        end = _month_end(year, month)
        if re.search(r"đầu\s+tháng", text):
            end = dt.date(year, month, 10)
        elif re.search(r"giữa\s+tháng", text):
            end = dt.date(year, month, 20)
        return Deadline(shown, MONTH, end)
    if m := _QUARTER.search(text):
        quarter = _ROMAN.get(m[1]) or int(m[1])
        return Deadline(shown, QUARTER, _month_end(int(m[2]), quarter * 3))
    if m := _HALF.search(text):
        return Deadline(shown, HALF, _month_end(int(m[2]), 6 if m[1] == "đầu" else 12))
    if m := _YEAR.search(text):
        return Deadline(shown, YEAR, dt.date(int(m[1]), 12, 31))
    if "thường xuyên" in text or "liên tục" in text:
        return Deadline(shown, REGULAR)
    return Deadline(shown, UNREADABLE, problem=(
        f"không đọc được thời hạn “{shown}”; viết ví dụ “trước ngày 15/10/2021”, “trong tháng 11/2025”, "
        "“Quý IV/2021”, “định kỳ hằng tháng” hoặc “thường xuyên”"))
