"""What the document is and to whom: tên loại and trích yếu (with the rule under it), the
công văn's trích yếu “V/v”, and “Kính gửi” with its list of addressees."""

from __future__ import annotations

import unicodedata

from ...nd30 import layout as L
from ...nd30.text import KINH_GUI_LABEL, VV_PREFIX
from ..components import Segment
from ..text import excerpt
from .common import Context, NotApplicable, NotChecked, _dash_items, _need, _register_components, check


def _trich_yeu(ctx: Context) -> list[Segment]:
    c = ctx.c
    if c.is_cong_van:
        raise NotApplicable("công văn có trích yếu “V/v”, không có trích yếu dưới tên loại")
    if c.doc_type is None:
        raise NotChecked("không nhận ra loại văn bản (không thấy tên loại)")
    return _need(c.trich_yeu, "trích yếu")


def _ten_loai(ctx: Context) -> list[Segment]:
    c = ctx.c
    if c.is_cong_van:
        raise NotApplicable("công văn không có tên loại")
    return _need(c.ten_loai, "tên loại văn bản")


def _vv(ctx: Context) -> list[Segment]:
    if not ctx.c.is_cong_van:
        raise NotApplicable("chỉ công văn có trích yếu “V/v”")
    return _need(ctx.c.vv, "trích yếu “V/v”")


_register_components([
    ("ND30-TENLOAI", _ten_loai, L.TEN_LOAI, ("SIZE", "STYLE", "CASE", "ALIGN")),
    ("ND30-TRICHYEU", _trich_yeu, L.TRICH_YEU, ("SIZE", "STYLE", "CASE", "ALIGN")),
    ("ND30-VV", _vv, L.TRICH_YEU_CONG_VAN, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-KINHGUI", lambda ctx: _need(ctx.c.kinh_gui, "", "văn bản không có “Kính gửi”"), L.KINH_GUI, ("SIZE",)),
])


@check("ND30-TRICHYEU-RULE")
def trich_yeu_rule(ctx: Context) -> None:
    segs = _trich_yeu(ctx)
    if ctx.c.trich_yeu_rule is None:
        ctx.fail(segs[-1], "đường kẻ nét liền dưới trích yếu", "không có đường kẻ")


# ---------------------------------------------------------------- V/v, Kính gửi

@check("ND30-VV-FORM")
def vv_form(ctx: Context) -> None:
    seg = _vv(ctx)[0]
    text = unicodedata.normalize("NFC", seg.shown)
    if not text.startswith(VV_PREFIX) or text[len(VV_PREFIX):].lstrip().startswith(":"):
        ctx.fail(seg, f"«{VV_PREFIX}…» không có dấu hai chấm", f"«{excerpt(text, 3)}»")


@check("ND30-KINHGUI-FORM")
def kinh_gui_form(ctx: Context) -> None:
    segs = _need(ctx.c.kinh_gui, "", "văn bản không có “Kính gửi”")
    label, items = segs[0], segs[1:]
    text = unicodedata.normalize("NFC", label.shown)
    if not text.startswith(KINH_GUI_LABEL):
        ctx.fail(label, f"«{KINH_GUI_LABEL}»", f"«{excerpt(text, 3)}»")
    _dash_items(ctx, items, last_end=".")
