"""Phụ lục (Điều 8.3; Phụ lục I, Mục III.1): after the Nơi nhận and the signature, each appendix
opens on a new page with its number line ("Phụ lục", "Phụ lục I" when there are several), its
title in capitals and the reference line "(Kèm theo … số … ngày … của …)", all centred.

Only those three lines are judged: the paragraphs and tables under them are the appendix's own
content (centred titles, table cells) and no rule of the body applies to them. Text after the
signature that opens with no "Phụ lục" line cannot be judged: the rules say so (chưa kiểm tra)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from ...nd30 import layout as L
from ..components import Segment, whole
from ..docmodel import Para
from ..styles import _roman
from ..text import excerpt, fold
from .common import Context, NotApplicable, NotChecked, _register_components, check

_HEAD = re.compile(r"^phu\s*luc(?:\s+([ivxlc]+|\d+))?\s*\.?$")


@dataclass
class Appendix:
    number: Segment
    numeral: str | None  # "I", "II" … as printed, None for "Phụ lục" alone
    title: Segment | None
    reference: Segment | None


def _after_signature(ctx: Context) -> list[Para]:
    c = ctx.c
    ends = [s.para.index for s in (c.signer_name, *c.signer_titles, *c.noi_nhan_items) if s is not None]
    last = max(ends) if ends else max((p.index for p in c.body), default=0)
    return [p for p in ctx.doc.paras if p.index > last and p.place.story == "body"]


def _appendices(ctx: Context) -> list[Appendix]:
    """The appendices found after the signature (found once per check, every rule asks)."""
    cached = getattr(ctx, "_appendices", None)
    if cached is None:
        try:
            cached = _find(ctx)
        except (NotApplicable, NotChecked) as exc:
            cached = exc
        ctx._appendices = cached  # type: ignore[attr-defined]
    if isinstance(cached, Exception):
        raise cached
    return cached


def _is_head(p: Para) -> bool:
    text = p.text.strip()
    return len(text) < 20 and text[:1] in "Pp" and not p.in_table and bool(_HEAD.match(fold(text)))


def _find(ctx: Context) -> list[Appendix]:
    """NotApplicable when there is nothing after the signature, NotChecked when there is text
    there but no "Phụ lục" line to anchor on."""
    after = _after_signature(ctx)
    heads = [p for p in after if _is_head(p)]
    if not heads:
        text = next((p for p in after if p.text.strip() and not fold(p.text[:20]).startswith("noi nhan")), None)
        if text is None:
            raise NotApplicable("văn bản không có phụ lục")
        raise NotChecked(f"có nội dung sau khối chữ ký (đoạn {text.index}, «{excerpt(text.text)}») nhưng không "
                         "thấy dòng “Phụ lục” mở đầu, nên không kiểm tra được phụ lục")
    found = []
    for head in heads:
        lines = list(islice((p for p in after if p.index > head.index and not p.in_table and p.text.strip()), 2))
        title = whole(lines[0]) if lines and not fold(lines[0].text).startswith("(kem theo") else None
        rest = lines[1:] if title is not None else lines[:1]
        reference = whole(rest[0]) if rest and fold(rest[0].text).startswith("(kem theo") else None
        numeral = _HEAD.match(fold(head.text.strip()))[1]  # type: ignore[index]
        found.append(Appendix(whole(head), numeral.upper() if numeral else None, title, reference))  # type: ignore[arg-type]
    return found


def _lines(ctx: Context, which: str, name: str) -> list[Segment]:
    segs = [getattr(a, which) for a in _appendices(ctx)]
    found = [s for s in segs if s is not None]
    if not found:
        raise NotChecked(f"không thấy {name} dưới dòng “Phụ lục”")
    return found


_register_components([
    ("ND30-PL-SO", lambda ctx: [a.number for a in _appendices(ctx)], L.PHU_LUC_SO, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-PL-TEN", lambda ctx: _lines(ctx, "title", "tên phụ lục"), L.PHU_LUC_TEN, ("SIZE", "STYLE", "CASE", "ALIGN")),
    ("ND30-PL-KEMTHEO", lambda ctx: _lines(ctx, "reference", "dòng “(Kèm theo …)”"), L.PHU_LUC_KEM_THEO,
     ("SIZE", "STYLE", "ALIGN")),
])


@check("ND30-PL-SO-FORM")
def number_form(ctx: Context) -> None:
    found = _appendices(ctx)
    several = len(found) > 1
    for n, a in enumerate(found):
        want = f"Phụ lục {_roman(n + 1)}" if several else "Phụ lục"
        if several and a.numeral != _roman(n + 1):
            ctx.fail(a.number, f"«{want}» (nhiều phụ lục đánh số La Mã)", f"«{a.number.shown}»")
        elif not several and a.numeral not in (None, "I"):
            ctx.fail(a.number, "«Phụ lục» (hoặc «Phụ lục I»)", f"«{a.number.shown}»")
        if not a.number.para.page_breaks and not _first_on_page(ctx, a.number.para):
            ctx.fail(a.number, "phụ lục bắt đầu từ trang mới", "cùng trang với phần trước")
        if a.title is None:
            ctx.fail(a.number, "tên phụ lục (in hoa, đậm) dưới dòng “Phụ lục”", "không có")
        if a.reference is None:
            ctx.fail(a.number, "dòng “(Kèm theo … số … ngày … của …)” dưới tên phụ lục", "không có")


def _first_on_page(ctx: Context, para: Para) -> bool:
    """A page break at the end of the paragraph before it (a break typed on its own line)."""
    before = next((p for p in reversed(ctx.doc.paras[:para.index - 1]) if p.place.story == "body" and not p.in_table), None)
    return before is not None and before.page_breaks > 0 and not before.text.strip()


@check("ND30-PL-KEMTHEO-FORM")
def reference_form(ctx: Context) -> None:
    for seg in _lines(ctx, "reference", "dòng “(Kèm theo …)”"):
        text = seg.shown.strip()
        if not (text.startswith("(Kèm theo ") and text.endswith(")") and " số " in text and " ngày " in text):
            ctx.fail(seg, "«(Kèm theo <tên loại> số …/… ngày … tháng … năm … của …)»", f"«{excerpt(text, 8)}»")
