"""Bản trích sao (TrS): the excerpt for one agency, laid out as Phụ lục I, Phần II lays out a
paper copy, rendered through the shipped `trich-sao` template."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ..model.document import Document, Paragraph, Signer
from ..nd30 import codes, dates, recipients
from ..render import spacing
from ..render.context import build_context, rules
from ..render.templates import builtin_path, compiled

FORM = "TRÍCH SAO"
CODE = codes.COPY_CODES[FORM]  # TrS (Phụ lục III, Mục I)
TEMPLATE = "trich-sao"


@dataclass(frozen=True)
class Copy:
    """The copy's own components (Phụ lục I, Phần II): who copies, its number, when, for whom."""

    number: int
    date: dt.date
    place: str
    recipient: str  # the agency's short name, as its Nơi nhận line prints it
    archive: str  # the copy's Lưu line, e.g. "VT"
    signer: Signer
    form: str = FORM  # TRÍCH SAO, or SAO Y when the agency's part is the whole body

    def number_line(self, agency_code: str) -> str:
        return dates.number_line(self.number, self.own_code(agency_code))

    def own_code(self, agency_code: str) -> str:
        return f"{codes.COPY_CODES[self.form]}-{agency_code}"

    def numbered(self, agency_code: str) -> str:
        """`05/TrS-VPUBND`: the copy's number and ký hiệu (Mẫu 3.1)."""
        return f"{dates.pad_number(self.number)}/{self.own_code(agency_code)}"

    @staticmethod
    def code(agency_code: str) -> str:
        return f"{CODE}-{agency_code}"


def context(doc: Document, body: tuple[Paragraph, ...], copy: Copy) -> dict:
    """The template fields: the original's, with the excerpt as its body, and the copy's."""
    ctx = build_context(dataclasses.replace(doc, body=body))
    ctx.update(
        copy_form=copy.form,
        copy_parent_lines=list(doc.parent_lines),
        copy_agency_lines=list(doc.agency_lines),
        copy_agency_rule=rules(doc)["agency_rule"],
        copy_number_line=copy.number_line(doc.agency_code),
        copy_date_line=dates.date_line(copy.place, dates.IssueDate.of(copy.date)),
        copy_recipients=recipients.item_lines([copy.recipient], copy.archive),
        copy_signer_titles=list(copy.signer.titles),
        copy_signer_name=copy.signer.name,
    )
    return ctx


def render(doc: Document, body: tuple[Paragraph, ...], copy: Copy) -> bytes:
    data = compiled(builtin_path(TEMPLATE)).render(context(doc, body, copy))
    return spacing.apply(data, doc.line_spacing, doc.paragraph_spacing)
