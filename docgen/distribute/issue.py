"""The other papers of a meeting, issued with its main document: giấy mời and biên bản before
it, the covering công văn after it (so that it can cite the notice's number and date).

Each paper gets a full date (its own; for a biên bản the meeting's; for a công văn, when its
day is blank, the main document's), a number in its own series (`GM-…`, `BB-…`, `…-TH`) taken
from the register or given in its section of the spec, and its row in the Sổ đăng ký văn bản đi.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..model.build import build_documents, number_digits
from ..model.document import Document
from ..nd30 import dates
from ..plumbing.errors import DocgenError
from ..spec.schema import Spec
from . import copies, numbering, paperwork

BEFORE = ("giay-moi", "bien-ban")  # issued before the main document
AFTER = ("cong-van",)
SECTION = {"giay-moi": "giay_moi", "bien-ban": "bien_ban", "cong-van": "cong_van"}
NAME = {"giay-moi": "giấy mời", "bien-ban": "biên bản", "cong-van": "công văn"}
DATE_OPTION = {"giay-moi": "--ngay-giay-moi", "cong-van": "--ngay-cong-van"}


@dataclass(frozen=True)
class Paper:
    kind: str
    doc: Document
    date: dt.date
    so_ky_hieu: str
    count: int


def others(spec: Spec) -> tuple[list[str], list[str]]:
    """The papers besides the main document: (before it, after it), in issuing order."""
    kinds = spec.documents
    return [k for k in BEFORE if k in kinds], [k for k in AFTER if k in kinds]


def paper_date(spec: Spec, kind: str, main_date: dt.date, given: dict[str, dt.date], file: str) -> dt.date:
    """The paper's full date, checked against the meeting and the main document."""
    meeting = spec.cuoc_hop.ngay if spec.cuoc_hop is not None else None
    if kind == "bien-ban":
        assert meeting is not None
        return meeting
    own = getattr(spec, SECTION[kind]).ngay
    date = own.as_date() if own.complete else given.get(kind)
    if date is not None and not own.complete and given.get(kind):
        if date.year != own.year or (own.month and own.month != date.month):
            raise DocgenError(f"{file}: {DATE_OPTION[kind]} {dates.short_date(date)} khác ngày trong tệp "
                              f"({own.day or ''}/{own.month or ''}/{own.year}).")
    if date is None and kind == "cong-van" and own.year == main_date.year and own.month in (None, main_date.month):
        date = main_date  # sent with the notice it forwards
    if date is None:
        raise DocgenError(f"{file}: {NAME[kind]} chưa có ngày ký đầy đủ ({SECTION[kind]}.ngay); ghi ngày trong tệp "
                          f"YAML hoặc thêm {DATE_OPTION[kind]} 26/8/2021.")
    if kind == "giay-moi" and meeting is not None and date > meeting:
        raise DocgenError(f"{file}: giấy mời ký ngày {dates.short_date(date)}, sau ngày họp {dates.short_date(meeting)}.")
    if kind == "cong-van" and date < main_date:
        raise DocgenError(f"{file}: công văn ngày {dates.short_date(date)} gửi văn bản ban hành sau nó "
                          f"({dates.short_date(main_date)}).")
    return date


def _with(spec: Spec, kind: str, **fields) -> Spec:
    key = SECTION[kind]
    return spec.model_copy(update={key: getattr(spec, key).model_copy(update=fields)})


def issue(book: Path, spec: Spec, kind: str, date: dt.date, copy_date: dt.date, take_next: bool, file: str) -> Paper:
    """Number the paper from the register (or check the number its section gives) and reserve
    its row; the paper as it will be rendered."""
    if kind != "bien-ban":
        spec = _with(spec, kind, ngay=dates.IssueDate.of(date))
    own = getattr(spec, SECTION[kind]).so
    if own is None and not take_next:
        raise DocgenError(f"{file}: {NAME[kind]} chưa có số ({SECTION[kind]}.so); ghi số trong tệp YAML hoặc dùng "
                          "--so tiep để lấy số tiếp theo trong sổ đăng ký.")
    draft = build_documents(spec, [kind])[kind]
    luu = paperwork.luu_of(spec, draft) if kind != "bien-ban" else spec.bien_ban.luu  # type: ignore[union-attr]
    count = len([line for line in draft.recipients if not line.startswith("- Lưu")]) + copies.archive_copies(luu)
    number = numbering.reserve(book, draft.ky_hieu, date.year, own, lambda n: paperwork.main_row(
        draft, luu, numbering.so_ky_hieu(n, draft.ky_hieu, number_digits(spec)), date, copy_date, count))
    doc = build_documents(_with(spec, kind, so=number), [kind])[kind]
    return Paper(kind, doc, date, numbering.so_ky_hieu(number, doc.ky_hieu, number_digits(spec)), count)


def row(paper: Paper, spec: Spec, copy_date: dt.date):
    luu = paperwork.luu_of(spec, paper.doc) if paper.kind != "bien-ban" else spec.bien_ban.luu  # type: ignore[union-attr]
    return paperwork.main_row(paper.doc, luu, paper.so_ky_hieu, paper.date, copy_date, paper.count)
