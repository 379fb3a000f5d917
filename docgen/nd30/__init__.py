"""Decree 30/2020/ND-CP in code: sizes, dates, numbers, codes, signer and Nơi nhận."""

from . import layout
from .codes import AUTHORITY_PREFIXES, COPY_CODES, DOC_TYPES, TYPE_CODES
from .dates import (
    IssueDate,
    date_line,
    long_date,
    number_line,
    pad_day,
    pad_month,
    pad_number,
    short_date,
)
from .recipients import archive_line, item_lines
from .signer import authority_prefix, title_lines

__all__ = [
    "AUTHORITY_PREFIXES", "COPY_CODES", "DOC_TYPES", "TYPE_CODES", "IssueDate", "archive_line",
    "authority_prefix", "date_line", "item_lines", "layout", "long_date", "number_line",
    "pad_day", "pad_month", "pad_number", "short_date", "title_lines",
]
