"""Deadlines read from the words of a notice."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.tasks import deadline as dl

D = dt.date


@pytest.mark.parametrize("written, kind, due", [
    ("trước ngày 15/10/2021", dl.DATE, D(2021, 10, 15)),
    ("trước 15/9/2021", dl.DATE, D(2021, 9, 15)),
    ("ngày 5 tháng 11 năm 2025", dl.DATE, D(2025, 11, 5)),
    ("trong tháng 11/2025", dl.MONTH, D(2025, 11, 30)),
    ("trong tháng 2 năm 2024", dl.MONTH, D(2024, 2, 29)),
    ("vào đầu tháng 10 năm 2021", dl.MONTH, D(2021, 10, 10)),
    ("Quý IV/2021", dl.QUARTER, D(2021, 12, 31)),
    ("trong quý 2 năm 2022", dl.QUARTER, D(2022, 6, 30)),
    ("6 tháng đầu năm 2022", dl.HALF, D(2022, 6, 30)),
    ("trong năm 2023", dl.YEAR, D(2023, 12, 31)),
    ("thường xuyên", dl.REGULAR, None),
    (None, dl.NONE, None),
])
def test_dated_and_undated(written, kind, due):
    d = dl.read(written)
    assert (d.kind, d.due) == (kind, due)


def test_periodic_generates_due_dates():
    weekly = dl.read("định kỳ hằng tuần")
    assert weekly.kind == dl.PERIODIC and weekly.period == "tuan"
    assert weekly.occurrences(D(2021, 9, 1), D(2021, 9, 30)) == [D(2021, 9, 3), D(2021, 9, 10), D(2021, 9, 17), D(2021, 9, 24)]
    monthly = dl.read("báo cáo định kỳ hằng tháng trước ngày 20")
    assert monthly.day == 20
    assert monthly.occurrences(D(2021, 1, 21), D(2021, 3, 31)) == [D(2021, 2, 20), D(2021, 3, 20)]
    quarterly = dl.read("định kỳ hằng quý")
    assert quarterly.occurrences(D(2021, 1, 1), D(2021, 12, 31)) == [D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31)]
    assert dl.read("hằng tuần vào thứ Hai").occurrences(D(2021, 9, 1), D(2021, 9, 7)) == [D(2021, 9, 6)]


@pytest.mark.parametrize("written", ["sớm nhất có thể", "trước ngày 31/02/2021", "trong tháng 13/2021"])
def test_unreadable_says_why_in_vietnamese(written):
    d = dl.read(written)
    assert d.kind == dl.UNREADABLE and d.due is None
    assert any(word in d.problem for word in ("không đọc được", "không có thật"))
