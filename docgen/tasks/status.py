"""Where each task stands on a given day: done on time or late, overdue, due soon, not yet
due; per agency, for the as-of list and the monthly report."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from . import columns as C
from . import deadline as dl
from .book import Row

ON_TIME = "Hoàn thành đúng hạn"
LATE = "Hoàn thành quá hạn"
OVERDUE = "Quá hạn, chưa hoàn thành"
NOT_DUE = "Chưa đến hạn"
STOPPED = "Dừng thực hiện"
CATEGORIES = (ON_TIME, LATE, OVERDUE, NOT_DUE)


@dataclass(frozen=True)
class Standing:
    row: Row
    category: str  # one of CATEGORIES, or STOPPED
    due: dt.date | None  # the due date that decides it (for periodic: the latest or the next)
    days_late: int = 0  # overdue: days since due

    @property
    def owner(self) -> str:
        return self.row.owner


def _periodic(row: Row, d: dl.Deadline, day: dt.date) -> Standing:
    since = row.doc_date or dt.date(day.year, 1, 1)
    last, before = d.last_before(day - dt.timedelta(days=1), since + dt.timedelta(days=1))
    reported = row.reported if row.reported is not None and row.reported <= day else None
    if last is not None and (reported is None or (before is not None and reported <= before)
                             or (before is None and reported < since)):
        return Standing(row, OVERDUE, last, (day - last).days)
    return Standing(row, NOT_DUE, d.next_after(day - dt.timedelta(days=1)))


def stand(row: Row, day: dt.date) -> Standing:
    """The task's standing at the end of `day` (a report dated after it does not count yet)."""
    d = row.deadline
    if row.status == C.STOPPED:
        return Standing(row, STOPPED, d.due)
    done = row.status == C.DONE and (row.reported is None or row.reported <= day)
    if d.kind == dl.PERIODIC and not done:
        return _periodic(row, d, day)
    due = d.due
    if done:  # on time or late against the deadline the document set
        late = due is not None and row.reported is not None and row.reported > due
        return Standing(row, LATE if late else ON_TIME, due)
    due = row.new_due or due  # an extension (Hạn mới) moves when the task becomes overdue, not the original
    if due is not None and due < day:
        return Standing(row, OVERDUE, due, (day - due).days)
    return Standing(row, NOT_DUE, due)


@dataclass
class AsOf:
    day: dt.date
    soon_days: int
    overdue: dict[str, list[Standing]] = field(default_factory=dict)  # by agency
    soon: dict[str, list[Standing]] = field(default_factory=dict)

    @property
    def agencies(self) -> list[str]:
        return sorted(set(self.overdue) | set(self.soon), key=lambda a: (-len(self.overdue.get(a, [])), a))


def _issued_by(row: Row, day: dt.date) -> bool:
    issued = row.doc_date
    return issued is None or issued <= day


def as_of(rows: list[Row], day: dt.date, soon_days: int = 7) -> AsOf:
    """Overdue tasks, and tasks due within soon_days, per lead agency, at `day`."""
    out = AsOf(day, soon_days)
    horizon = day + dt.timedelta(days=soon_days)
    for row in rows:
        if row.gone or not _issued_by(row, day):
            continue
        s = stand(row, day)
        if s.category == OVERDUE:
            out.overdue.setdefault(row.owner, []).append(s)
        elif s.category == NOT_DUE and s.due is not None and day <= s.due <= horizon:
            out.soon.setdefault(row.owner, []).append(s)
    for group in (out.overdue, out.soon):
        for items in group.values():
            items.sort(key=lambda s: (s.due or day, s.row.task_id))
    return out


@dataclass
class AgencyCount:
    agency: str
    assigned: int = 0  # every task given to the agency by the end of the month
    this_month: int = 0  # of which given in the month
    counts: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CATEGORIES})
    stopped: int = 0


@dataclass
class Monthly:
    year: int
    month: int
    cutoff: dt.date
    agencies: list[AgencyCount]
    details: list[Standing]  # the list behind every number

    @property
    def total(self) -> AgencyCount:
        total = AgencyCount("Tổng cộng")
        for a in self.agencies:
            total.assigned += a.assigned
            total.this_month += a.this_month
            total.stopped += a.stopped
            for c in CATEGORIES:
                total.counts[c] += a.counts[c]
        return total


def monthly(rows: list[Row], year: int, month: int, today: dt.date | None = None) -> Monthly:
    """Per agency, the standing at the end of the month (or today, if the month is not over)."""
    first = dt.date(year, month, 1)
    cutoff = dt.date(year, month, calendar.monthrange(year, month)[1])
    if today is not None and today < cutoff:
        cutoff = max(today, first)
    counts: dict[str, AgencyCount] = {}
    details: list[Standing] = []
    for row in rows:
        if row.gone or not _issued_by(row, cutoff):
            continue
        s = stand(row, cutoff)
        a = counts.setdefault(row.owner, AgencyCount(row.owner))
        a.assigned += 1
        issued = row.doc_date
        if issued is not None and issued >= first:
            a.this_month += 1
        if s.category == STOPPED:
            a.stopped += 1
        else:
            a.counts[s.category] += 1
        details.append(s)
    order = sorted(counts.values(), key=lambda a: (-a.assigned, a.agency))
    details.sort(key=lambda s: (s.owner, CATEGORIES.index(s.category) if s.category in CATEGORIES else 9, s.row.task_id))
    return Monthly(year, month, cutoff, order, details)
