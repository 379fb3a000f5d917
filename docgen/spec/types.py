"""Value types of the spec: dates as secretaries write them, with Vietnamese errors."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from ..nd30.dates import IssueDate, short_date

_DATE = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_OTHER_SEPARATORS = re.compile(r"^\s*(\d{1,2})\s*[.-]\s*(\d{1,2})\s*[.-]\s*(\d{4})\s*$")
_PARTIAL = re.compile(r"^\s*(\d{1,2})?\s*/\s*(\d{1,2})?\s*/\s*(\d{4})\s*$")
_NO_YEAR = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$")
DATE_IN_TEXT = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def _real_date(day: int, month: int, year: int, shown: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày “{shown}” không có thật trong lịch") from None


def to_date(value: object) -> dt.date:
    """A full date as documents write it: 15/9/2021 (the JSON Schema's pattern: slashes only)."""
    if isinstance(value, dt.date):  # YAML read 2021-09-15 as a date
        shown = f"{value.day}/{value.month}/{value.year}"
        raise ValueError(f"ngày viết theo kiểu ngày/tháng/năm với dấu /, như văn bản ghi: hãy viết {shown}")
    if isinstance(value, str) and (m := _OTHER_SEPARATORS.match(value)):
        raise ValueError(f"ngày “{value.strip()}” viết bằng dấu / như văn bản ghi: hãy viết {int(m[1])}/{int(m[2])}/{m[3]}")
    if isinstance(value, str) and (m := _DATE.match(value)):
        return _real_date(int(m[1]), int(m[2]), int(m[3]), value.strip())
    raise ValueError(f"“{value}” không phải là ngày; hãy viết theo dạng ngày/tháng/năm, ví dụ 15/9/2021")


def to_issue_date(value: object) -> IssueDate:
    """The document's date; the day, or day and month, may be left blank: /9/2021."""
    if isinstance(value, IssueDate):
        return value
    if isinstance(value, int) and 1900 < value < 2200:
        return IssueDate(value)
    if isinstance(value, str) and (m := _PARTIAL.match(value)):
        day, month, year = (int(x) if x else None for x in m.groups())
        if day is not None and month is None:
            raise ValueError("đã có ngày thì phải có tháng, ví dụ 15/9/2021 hoặc /9/2021")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"tháng {month} không có thật")
        if day is not None:
            _real_date(day, month, year, value.strip())  # type: ignore[arg-type]
        return IssueDate(year, month, day)
    return IssueDate.of(to_date(value))


def check_dates_in_text(text: str) -> str:
    """Refuse impossible dates written inside text, such as 'trước ngày 31/02/2021'."""
    for m in DATE_IN_TEXT.finditer(text):
        _real_date(int(m[1]), int(m[2]), int(m[3]), m[0])
    return text


def _date_schema(example: str, partial: bool) -> WithJsonSchema:
    digits = r"\d{0,2}" if partial else r"\d{1,2}"
    return WithJsonSchema({"type": "string", "pattern": rf"^\s*{digits}\s*/\s*{digits}\s*/\s*\d{{4}}\s*$", "examples": [example]})


Date = Annotated[dt.date, BeforeValidator(to_date), _date_schema("31/8/2021", False),
                 PlainSerializer(lambda d: f"{d.day}/{d.month}/{d.year}", return_type=str)]
DocDate = Annotated[IssueDate, BeforeValidator(to_issue_date), _date_schema("/9/2021", True),
                    PlainSerializer(lambda d: f"{d.day or ''}/{d.month or ''}/{d.year}", return_type=str)]
EMPTY = ("để trống (\"\"): docgen không tự điền thay. Hãy viết nội dung, hoặc bỏ hẳn dòng này "
         "(mục này) để dùng giá trị mặc định")


def _text_or_blank(value: object, _find=DATE_IN_TEXT.finditer) -> object:
    """check_dates_in_text for a string, in one call (a spec has hundreds of Text fields)."""
    if isinstance(value, str) and "/" in value:
        for m in _find(value):
            _real_date(int(m[1]), int(m[2]), int(m[3]), m[0])
    return value


def _text(value: object, _find=DATE_IN_TEXT.finditer) -> object:
    """A text that is not empty: `trich_yeu: ""` would print nothing, or be replaced unseen."""
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(EMPTY)
        if "/" in value:
            for m in _find(value):
                _real_date(int(m[1]), int(m[2]), int(m[3]), m[0])
    return value


def _cell(value: object) -> object:
    """A table cell: a whole number typed bare (an STT, a count) is its figures; a number with a
    decimal point is refused, since YAML reads 1.250 (one thousand two hundred fifty, as Vietnamese
    writes it) as 1.25."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        raise ValueError("số có dấu chấm hoặc dấu phẩy thập phân trong ô bảng cần đặt trong ngoặc kép, ví dụ \"1.250\" "
                         "hoặc \"24,8\": viết trần, YAML đọc 1.250 thành 1.25")
    return _text_or_blank(value)


Text = Annotated[str, BeforeValidator(_text)]
# One cell of a table: text, "" for an empty cell, or a whole number.
Cell = Annotated[str, BeforeValidator(_cell), WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]})]
# A name that may be left "" while drafting (the signer), or a line that may be empty (chủ quản).
TextOrBlank = Annotated[str, BeforeValidator(_text_or_blank)]


def as_list(value: object) -> object:
    """A single string where a list is expected becomes a one-item list."""
    return [value] if isinstance(value, str) else value


_TIME = re.compile(r"^\s*(\d{1,2})\s*(?::|h|giờ)\s*(\d{1,2})?\s*(?:'|phút)?\s*$", re.IGNORECASE)


def to_time(value: object) -> str:
    """A time of day as documents write it: 08 giờ 00 phút (8:00, 8h, 14h30, 8 giờ 30)."""
    if isinstance(value, int) and not isinstance(value, bool):
        # gio: 8 is an hour; YAML 1.1 reads gio: 8:30 as 510 (sexagesimal minutes)
        value = f"{value}:00" if value < 24 else f"{value // 60}:{value % 60:02d}"
    if isinstance(value, str) and (m := _TIME.match(value)):
        hour, minute = int(m[1]), int(m[2] or 0)
        if hour < 24 and minute < 60:
            return f"{hour:02d} giờ {minute:02d} phút"
        raise ValueError(f"giờ “{value}” không có thật")
    raise ValueError(f"“{value}” không phải là giờ; viết ví dụ 8:00, 14h30 hoặc 8 giờ 30")


# YAML 1.1 reads an unquoted 8:30 as 510 (sexagesimal minutes): the schema takes both forms, as validate does.
TimeOfDay = Annotated[str, BeforeValidator(to_time),
                      WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]})]


def to_deadline(value: object) -> object:
    """A deadline: a date (YAML's or 15/10/2021) becomes "trước ngày 15/10/2021"; words are kept,
    with any date inside them checked."""
    if isinstance(value, dt.date) or (isinstance(value, str) and (_DATE.match(value) or _OTHER_SEPARATORS.match(value))):
        return f"trước ngày {short_date(to_date(value))}"
    if isinstance(value, str) and (m := _NO_YEAR.match(value)):  # "15/4": printed "Hoàn thành 15/4.", no date to follow up
        raise ValueError(f"thời hạn “{value.strip()}” thiếu năm: hãy viết đủ ngày/tháng/năm, thêm năm sau "
                         f"“{int(m[1])}/{int(m[2])}/” (như 15/10/2021); docgen in “trước ngày …”")
    return check_dates_in_text(value) if isinstance(value, str) else value
