"""Số, ký hiệu and địa danh, ngày tháng: their size, style and alignment, the form of each
line, the padding of numbers, days and months, the type code and the case of the ký hiệu."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ...nd30 import layout as L
from ...nd30.codes import TYPE_CODES
from ...nd30.dates import pad_day, pad_month, pad_number
from ..components import Segment
from .common import Context, NotApplicable, NotChecked, _need, _register_components, _visible, check

_register_components([
    ("ND30-SO", lambda ctx: _need(ctx.c.so, "số, ký hiệu"), L.SO_KY_HIEU, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-DATE", lambda ctx: _need(ctx.c.date, "địa danh và ngày"), L.DIA_DANH_NGAY, ("SIZE", "STYLE", "ALIGN")),
])


# ---------------------------------------------------------------- Số, ký hiệu

def _so_parts(ctx: Context) -> tuple[Segment, str, str]:
    seg = _need(ctx.c.so, "số, ký hiệu")[0]
    left, _, code = seg.shown.partition("/")
    return seg, left, code


@check("ND30-SO-FORM")
def so_form(ctx: Context) -> None:
    seg, left, _ = _so_parts(ctx)
    if not re.fullmatch(r"Số: (\d+|[\s.…]*)", unicodedata.normalize("NFC", left)):
        ctx.fail(seg, "“Số: ” rồi số, liền dấu “/” (ví dụ Số: 05/TB-UBND)", _visible(seg.shown))


@check("ND30-SO-PAD")
def so_pad(ctx: Context) -> None:
    seg, left, _ = _so_parts(ctx)
    m = re.search(r"(\d+)\s*$", left)
    if m is None:
        raise NotApplicable("số chưa được ghi (văn bản chờ cấp số)")
    digits = m.group(1)
    want = pad_number(int(digits))
    if digits != want:
        ctx.fail(seg, f"số «{want}»", f"«{digits}»",
                 [(seg.para, seg.start + m.start(1), seg.start + m.end(1), want)])


def _code_groups(code: str) -> list[str]:
    return re.sub(r"\s+", "", code).split("-")


@check("ND30-SO-CODE")
def so_code(ctx: Context) -> None:
    seg, _, code = _so_parts(ctx)
    c = ctx.c
    groups = _code_groups(code)
    if c.doc_type is None:
        raise NotChecked("không nhận ra loại văn bản nên không đối chiếu được ký hiệu")
    if c.is_cong_van:
        if groups[0] in TYPE_CODES.values() or groups[0].upper() == "CV":
            ctx.fail(seg, "ký hiệu công văn không có chữ viết tắt tên loại (ví dụ 12/UBND-VX)", f"«{groups[0]}-»")
        return
    want = TYPE_CODES.get(c.doc_type)
    if want is None:
        raise NotApplicable(f"{c.doc_type} không có chữ viết tắt trong Phụ lục III")
    if groups[0] != want or len(groups) < 2 or not groups[1]:
        ctx.fail(seg, f"«{want}-…» ({c.doc_type.lower()}, Phụ lục III)", f"«{code.strip()}»")


@check("ND30-SO-SPACE")
def so_space(ctx: Context) -> None:
    seg, _, code = _so_parts(ctx)
    if re.search(r"\s", code.rstrip()):
        ctx.fail(seg, "ký hiệu viết liền", f"«{_visible(code.rstrip())}»")


@check("ND30-SO-CASE")
def so_case(ctx: Context) -> None:
    seg, _, code = _so_parts(ctx)
    groups = _code_groups(code)
    first_is_type = ctx.c.has_ten_loai or (ctx.c.doc_type is None
                                           and groups[0].lower() in {v.lower() for v in TYPE_CODES.values()})
    checked = groups[1:] if first_is_type else groups
    lower = [g for g in checked if any(ch.islower() for ch in g)]
    if lower:
        ctx.fail(seg, "ký hiệu cơ quan, đơn vị in hoa", "«" + "-".join(lower) + "»")


# ---------------------------------------------------------------- Địa danh, ngày

_DATE_FORM = re.compile(r"(?P<place>[^,\n]+), ngày(?P<d> \d{1,2}|[ .…\u00a0]*) tháng(?P<m> \d{1,2}|[ .…\u00a0]*)"
                        r" năm (?P<y>\d{4})")
_DATE_LOOSE = re.compile(r"ngày\s*(?P<d>\d{1,2})?[\s.…]*tháng\s*(?P<m>\d{1,2})?\b", re.IGNORECASE)


@check("ND30-DATE-FORM")
def date_form(ctx: Context) -> None:
    seg = _need(ctx.c.date, "địa danh và ngày")[0]
    text = unicodedata.normalize("NFC", seg.shown)
    m = _DATE_FORM.fullmatch(text)
    want = "«Địa danh, ngày … tháng … năm …» (ví dụ Lào Cai, ngày 15 tháng 9 năm 2021)"
    if m is None or not m.group("place")[0].isupper():
        ctx.fail(seg, want, _visible(seg.shown))
        return
    day, month = m.group("d").strip(), m.group("m").strip()
    if day.isdigit() and month.isdigit():
        try:
            dt.date(int(m.group("y")), int(month), int(day))
        except ValueError:
            ctx.fail(seg, "một ngày có thật", f"ngày {day} tháng {month} năm {m.group('y')}")


@check("ND30-DATE-PAD")
def date_pad(ctx: Context) -> None:
    seg = _need(ctx.c.date, "địa danh và ngày")[0]
    m = _DATE_LOOSE.search(seg.shown + " ")
    if m is None or not (m.group("d") or m.group("m")):
        raise NotApplicable("ngày, tháng chưa được ghi")
    for group, pad, name in (("d", pad_day, "ngày"), ("m", pad_month, "tháng")):
        digits = m.group(group)
        if digits and int(digits) > 0 and digits != pad(int(digits)):
            want = pad(int(digits))
            ctx.fail(seg, f"«{name} {want}»", f"«{name} {digits}»",
                     [(seg.para, seg.start + m.start(group), seg.start + m.end(group), want)])
