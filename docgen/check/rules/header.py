"""The header block: Quốc hiệu, Tiêu ngữ and the issuing agency's lines (cơ quan chủ quản,
cơ quan ban hành): their size, style, case and alignment, their wording, the rules under them."""

from __future__ import annotations

import unicodedata

from ...nd30 import layout as L
from ...nd30.text import QUOC_HIEU_VARIANTS
from .common import Context, _need, _register_components, _visible, check

_register_components([
    ("ND30-QH", lambda ctx: _need(ctx.c.quoc_hieu, "Quốc hiệu"), L.QUOC_HIEU, ("SIZE", "STYLE", "CASE", "ALIGN")),
    ("ND30-TN", lambda ctx: _need(ctx.c.tieu_ngu, "Tiêu ngữ"), L.TIEU_NGU, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-CQ-PARENT", lambda ctx: _need(ctx.c.agency_parent, "", "văn bản không ghi tên cơ quan chủ quản"),
     L.CO_QUAN_CHU_QUAN, ("SIZE", "STYLE")),
    ("ND30-CQ", lambda ctx: _need(ctx.c.agency, "tên cơ quan ban hành"), L.CO_QUAN_BAN_HANH, ("SIZE", "STYLE")),
    ("ND30-CQ", lambda ctx: ctx.c.agency_parent + _need(ctx.c.agency, "tên cơ quan ban hành"),
     L.CO_QUAN_BAN_HANH, ("CASE", "ALIGN")),
])


@check("ND30-QH-TEXT")
def qh_text(ctx: Context) -> None:
    seg = _need(ctx.c.quoc_hieu, "Quốc hiệu")[0]
    text = unicodedata.normalize("NFC", seg.shown).upper()
    if text not in QUOC_HIEU_VARIANTS:
        ctx.fail(seg, L.QUOC_HIEU_TEXT, _visible(seg.shown))


@check("ND30-TN-TEXT")
def tn_text(ctx: Context) -> None:
    seg = _need(ctx.c.tieu_ngu, "Tiêu ngữ")[0]
    if unicodedata.normalize("NFC", seg.shown) != L.TIEU_NGU_TEXT:
        ctx.fail(seg, L.TIEU_NGU_TEXT, _visible(seg.shown))


@check("ND30-TN-RULE")
def tn_rule(ctx: Context) -> None:
    seg = _need(ctx.c.tieu_ngu, "Tiêu ngữ")[0]
    if ctx.c.tieu_ngu_rule is None:
        ctx.fail(seg, "đường kẻ nét liền dưới Tiêu ngữ", "không có đường kẻ")


@check("ND30-CQ-RULE")
def cq_rule(ctx: Context) -> None:
    segs = _need(ctx.c.agency, "tên cơ quan ban hành")
    if ctx.c.agency_rule is None:
        ctx.fail(segs[-1], "đường kẻ nét liền dưới tên cơ quan ban hành", "không có đường kẻ")
