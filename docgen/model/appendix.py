"""Spec `phu_luc` → the appendices of a document (Điều 8.3; Phụ lục I, Mục III of Decree 30):
the number line, the title in capitals, the reference line naming the document they go with,
then paragraphs and tables; the task table is drawn from the document's own tasks."""

from __future__ import annotations

import re
from dataclasses import replace

from ..spec.appendix import Bang, PhuLuc, attached_to
from . import numbering
from .document import Appendix, Document, Table, Task

TASK_HEADER = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn")
TASK_WIDTHS = (1.0, 5.0, 2.3, 2.3, 1.9)
NUMBER_WIDTH = 1.0  # a column headed STT: narrow (its header on one line), the others share the rest
LETTER_NAME = "Công văn"  # a công văn has no tên loại of its own

# What the body printed in front of a task: a bullet, or the number of its item.
_LEADING_LABEL = re.compile(r"^(?:[-+]|(?:[IVXLC]+|\d+(?:\.\d+)*)\.|[a-zđ]\)|\(\d+\)|\([ivx]+\))\s+")


def labels(count: int) -> list[str]:
    """"Phụ lục" alone; "Phụ lục I", "Phụ lục II" … when there are two or more (Phụ lục I, Mục III)."""
    if count == 1:
        return ["Phụ lục"]
    return [f"Phụ lục {numbering.ROMAN[i] if i < len(numbering.ROMAN) else i + 1}" for i in range(count)]


def reference_line(doc: Document, agency: str) -> str:
    """"(Kèm theo Thông báo số 05/TB-VPUBND ngày 15 tháng 9 năm 2021 của Văn phòng UBND tỉnh)":
    the document's number and date, blank where its Số and date lines are still blank."""
    name = doc.ten_loai.capitalize() if doc.ten_loai else LETTER_NAME
    number = doc.number_line.replace("Số:", "số", 1)
    date = "ngày " + doc.date_line.rsplit(", ngày ", 1)[-1]
    return f"(Kèm theo {name} {number} {date} của {agency})"


def task_rows(tasks: tuple[Task, ...]) -> tuple[tuple[str, ...], ...]:
    """One row per task: STT, what is to be done (the work alone when docgen worded the sentence:
    the agencies and the deadline have their columns), leads, co-operating agencies, deadline."""
    return tuple((str(i), t.work or _LEADING_LABEL.sub("", t.text, count=1), "; ".join(t.owners), "; ".join(t.cooperating),
                  t.deadline[:1].upper() + t.deadline[1:] if t.deadline else "") for i, t in enumerate(tasks, 1))


def _widths(header: list[str], given: list[float] | None) -> tuple[float, ...]:
    if given:
        return tuple(given)
    return tuple(NUMBER_WIDTH if i == 0 and cell.strip().upper() == "STT" else 2.5 for i, cell in enumerate(header))


def table_of(bang: Bang, path: tuple[int, ...] = ()) -> Table:
    """A `bang` of the spec (an appendix's, or a block of a body at `path`) as a model table."""
    title = " ".join(bang.ten.split()) if bang.ten else ""
    return Table(tuple(bang.cot), tuple(tuple(r) for r in bang.dong), _widths(bang.cot, bang.do_rong), title, path)


def _one(item: PhuLuc, label: str, reference: str, doc: Document, top_style) -> Appendix:
    from .build import _Walker  # the body's own numbering and wording

    walker = _Walker(top_style)
    walker.walk(item.noi_dung, (), 0, 0)
    tables = []
    if item.bang is not None:
        tables.append(table_of(item.bang))
    if item.nhiem_vu:
        tables.append(Table(TASK_HEADER, task_rows(doc.tasks), TASK_WIDTHS))
    return Appendix(label, " ".join(item.ten.split()).upper(), reference, tuple(walker.paragraphs), tuple(tables))


def with_appendices(spec, kind: str, doc: Document) -> Document:
    """The document with the appendices of the spec that go with it (none: the same document)."""
    mine = [item for item in spec.phu_luc if attached_to(spec, item) == kind]
    if not mine:
        return doc
    agency = spec.co_quan.ten_goi or " ".join(doc.agency_lines)
    reference = reference_line(doc, agency)
    made = tuple(_one(item, label, reference, doc, spec.danh_so) for item, label in zip(mine, labels(len(mine))))
    return replace(doc, appendices=made)

