"""Deadlines as calendars (RFC 5545, through icalendar): one .ics per lead agency and one for
the office, an all-day event on every dated deadline and a repeating one for periodic tasks,
with a reminder three days before. Event ids are the task ids, so a calendar that imports
the file again updates the events instead of doubling them."""

from __future__ import annotations

import datetime as dt

from . import deadline as dl
from .book import Row

_RRULE = {"tuan": "WEEKLY", "thang": "MONTHLY", "quy": "MONTHLY", "nam": "YEARLY"}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
REMIND_DAYS = 3


def _event(row: Row, stamp: dt.datetime, office: bool):
    from icalendar import Alarm, Event

    d = row.deadline
    first: dt.date | None = d.due
    rule = None
    if d.kind == dl.PERIODIC:
        since = row.doc_date or stamp.date()
        first = d.next_after(since)
        period = d.period or "thang"
        rule = {"FREQ": _RRULE[period]}
        if period == "tuan":
            rule["BYDAY"] = _WEEKDAYS[dl.WEEKLY_DAY if d.day is None else d.day]
        elif period == "quy":
            rule["INTERVAL"] = 3
        if period != "tuan":
            rule["BYMONTHDAY"] = d.day if d.day else -1  # -1: the last day of the month
    if first is None:
        return None
    event = Event()
    event.add("uid", f"{row.task_id}@docgen")
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", first + dt.timedelta(days=1))
    short = row.text if len(row.text) <= 90 else row.text[:89] + "…"
    who = f"{row.owner}: " if office else ""
    event.add("summary", f"Hạn nhiệm vụ – {who}{short}")
    lines = [row.text, "", f"Cơ quan chủ trì: {row.owner}"]
    if row.cells.get("partners"):
        lines.append(f"Phối hợp: {row.cells['partners']}")
    lines += [f"Văn bản giao: {row.reference}", f"Thời hạn: {row.cells.get('written') or ''}", f"Mã nhiệm vụ: {row.task_id}"]
    event.add("description", "\n".join(lines))
    event.add("categories", ["Nhiệm vụ được giao"])
    event.add("transp", "TRANSPARENT")
    if rule:
        event.add("rrule", rule)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Còn {REMIND_DAYS} ngày đến hạn: {short}")
    alarm.add("trigger", dt.timedelta(days=-REMIND_DAYS))
    event.add_component(alarm)
    return event


def calendar_bytes(rows: list[Row], name: str, stamp: dt.datetime, office: bool = False) -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//docgen//Theo doi nhiem vu//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for row in rows:
        if row.gone:
            continue
        event = _event(row, stamp, office)
        if event is not None:
            cal.add_component(event)
    return cal.to_ical()


def by_agency(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for row in rows:
        if not row.gone and (row.deadline.dated or row.deadline.kind == dl.PERIODIC):
            out.setdefault(row.owner, []).append(row)
    return out
