"""How many copies go out (ô 12, Phụ lục I, Mục III.4) and to whom."""

from __future__ import annotations

import dataclasses
import re

from ..model.document import Document
from ..nd30 import recipients
from ..spec.schema import Spec
from . import names
from .directory import Agency, Directory

_COUNT = re.compile(r"\((\d+)\)\s*$")


def archive_copies(luu: str) -> int:
    """Copies kept on file: one per holder on the Lưu line, or the number written after it.

    `VT, TH` is 2; the decree's own `VT, HC (2)` is 3; R1's `VT, các CV, TH2,3,4` is 5.
    """
    text = luu.strip().rstrip(".")
    if text.lower().startswith("lưu"):
        text = text[3:].lstrip(" :")
    total = 0
    for item in (part.strip() for part in text.split(",")):
        if item:
            m = _COUNT.search(item)
            total += int(m[1]) if m else 1
    return total


def recipients_of(spec: Spec, directory: Directory) -> list[Agency]:
    """The agencies on the Nơi nhận list, groups expanded, each once, in list order."""
    seen: dict[int, Agency] = {}
    for item in spec.recipient_names:
        if (names.is_person(item) or spec.is_named_person(item)) and directory.lookup(item) is None:
            continue
        for agency in directory.expand(item):
            seen.setdefault(agency.index, agency)
    return list(seen.values())


def persons_of(spec: Spec, directory: Directory) -> list[str]:
    """The citizens on Nơi nhận, as written: each is sent one copy by post."""
    return [item for item in spec.recipient_names
            if (names.is_person(item) or spec.is_named_person(item)) and directory.lookup(item) is None]


def copy_count(spec: Spec, directory: Directory) -> int:
    """Số lượng bản phát hành: the spec's own figure, else every recipient's copies plus the
    archive copies."""
    if spec.nguoi_soan is not None and spec.nguoi_soan.so_ban is not None:
        return spec.nguoi_soan.so_ban
    return (sum(a.so_ban for a in recipients_of(spec, directory)) + len(persons_of(spec, directory))
            + archive_copies(spec.luu))


def with_copy_count(doc: Document, spec: Spec, count: int) -> Document:
    """The document with ô 12 showing count, when the spec asks for ô 12 at all."""
    drafter = spec.nguoi_soan
    if drafter is None:
        return doc
    lines = recipients.item_lines(spec.noi_nhan, spec.luu, drafter.ky_hieu, count)
    return dataclasses.replace(doc, recipients=tuple(lines))
