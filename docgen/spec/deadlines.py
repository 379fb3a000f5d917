"""Deadlines: the one `thoi_han` gives, and the ones a sentence already writes."""

from __future__ import annotations

import datetime as dt
import re

from .types import DATE_IN_TEXT

# A deadline phrase inside a sentence: "trước ngày 15/10/2021", "trong tháng 11", "chậm nhất
# ngày 5/9", "hoàn thành trong quý IV", "xong trước 30/6/2022".
DEADLINE_PHRASE = re.compile(
    r"\b(?:trước|trong|chậm nhất|hạn chót|hoàn thành|xong|hạn)\s+(?:ngày|tháng|quý|năm|tuần|\d)"
    r"[^.;]*?(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|(?:\d+|[IVX]+)\s+năm\s+\d{4}|\d+(?:/\d+){0,2}|[IVX]+)\b",
    re.IGNORECASE)
# The same date or period as letters write it out: "ngày 05 tháng 12 năm 2025" for 5/12/2025,
# "tháng 12 năm 2025" for tháng 12/2025, "quý IV năm 2021" for Quý IV/2021.
LONG_DATE = re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)")
_PERIOD = re.compile(r"(?<![\d/])(\d{1,2}|[IVX]+)/(\d{4})(?![\d/])")

_WORDS = ("trước", "trong", "chậm nhất", "hạn", "hoàn thành", "xong")


def written_deadline(text: str, deadline: str) -> str | None:
    """The deadline as the text writes it: literally, or the same date written otherwise
    (5/9/2021 for 05/9/2021), with the "trước ngày" before it when there is one."""
    if deadline in text:
        return deadline
    lowered = deadline.casefold()
    if lowered in text.casefold():
        start = text.casefold().index(lowered)
        return text[start:start + len(deadline)]
    wanted = [m.groups() for m in DATE_IN_TEXT.finditer(deadline)]
    if len(wanted) != 1:
        return _written_period(text, deadline)
    day, month, year = (int(x) for x in wanted[0])
    for m in (*DATE_IN_TEXT.finditer(text), *LONG_DATE.finditer(text)):
        if (int(m[1]), int(m[2]), int(m[3])) == (day, month, year):
            start = m.start()
            for lead in ("trước ngày ", "trước "):
                if text[:start].endswith(lead):
                    start -= len(lead)
                    break
            return text[start:m.end()]
    return None


def _written_period(text: str, deadline: str) -> str | None:
    """A month or quarter deadline ("trong tháng 12/2025", "Quý IV/2021") that the text writes
    with "năm": "trong tháng 12 năm 2025", "quý IV năm 2021"."""
    found = _PERIOD.search(deadline)
    if found is None:
        return None
    unit = rf"0?{int(found[1])}" if found[1].isdigit() else re.escape(found[1])
    pattern = (re.escape(deadline[:found.start()]).replace(r"\ ", r"\s+") + unit + rf"(?:\s*/\s*|\s+năm\s+){found[2]}"
               + re.escape(deadline[found.end():]))
    match = re.search(pattern, text, re.IGNORECASE)
    return match[0] if match else None


def conflicting_deadline(text: str, deadline: str | None) -> str | None:
    """The deadline the text already writes when thoi_han says another one; None when they
    agree or the text names none."""
    if not deadline:
        return None
    low = text.casefold()
    if not any(word in low for word in _WORDS):  # most sentences: no regex at all
        return None
    if written_deadline(text, deadline) is not None:
        return None
    found = DEADLINE_PHRASE.search(text)
    return found.group().strip() if found else None


def deadline_dates(deadline: str | None) -> list[dt.date]:
    """The full dates a deadline names (none for "thường xuyên" or "trong tháng 9")."""
    out = []
    for m in DATE_IN_TEXT.finditer(deadline or ""):
        try:
            out.append(dt.date(int(m[3]), int(m[2]), int(m[1])))
        except ValueError:
            pass
    return out
