"""The as-of list as a table in the terminal: per agency, overdue then due soon."""

from __future__ import annotations

import unicodedata

from .status import AsOf


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in unicodedata.normalize("NFC", text))


def _fit(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    if _width(text) > width:
        text = text[: width - 1] + "…"
    return text + " " * (width - _width(text))


def table(report: AsOf, text_width: int = 60) -> list[str]:
    lines = [f"Nhiệm vụ quá hạn và sắp đến hạn (trong {report.soon_days} ngày) tính đến ngày {report.day:%d/%m/%Y}:"]
    if not report.agencies:
        return lines + ["  Không có nhiệm vụ nào quá hạn hay sắp đến hạn."]
    head = f"  {_fit('Mã nhiệm vụ', 14)} {_fit('Hạn', 10)} {_fit('Tình trạng', 16)} {'Nội dung'}"
    rule = "  " + "-" * (14 + 1 + 10 + 1 + 16 + 1 + text_width)
    for agency in report.agencies:
        late, soon = report.overdue.get(agency, []), report.soon.get(agency, [])
        lines += ["", f"{agency}: {len(late)} quá hạn, {len(soon)} sắp đến hạn", head, rule]
        for s in late:
            lines.append(f"  {_fit(s.row.task_id, 14)} {_fit(f'{s.due:%d/%m/%Y}' if s.due else '', 10)} "
                         f"{_fit(f'quá hạn {s.days_late} ngày', 16)} {_fit(s.row.text, text_width)}".rstrip())
        for s in soon:
            left = (s.due - report.day).days if s.due else 0
            lines.append(f"  {_fit(s.row.task_id, 14)} {_fit(f'{s.due:%d/%m/%Y}' if s.due else '', 10)} "
                         f"{_fit(f'còn {left} ngày', 16)} {_fit(s.row.text, text_width)}".rstrip())
    total_late = sum(len(v) for v in report.overdue.values())
    total_soon = sum(len(v) for v in report.soon.values())
    lines += ["", f"Cộng: {total_late} nhiệm vụ quá hạn ở {len(report.overdue)} cơ quan; {total_soon} nhiệm vụ sắp đến hạn."]
    return lines
