"""The foot of the document: the signer block (quyền hạn, chức vụ, họ tên người ký) and
Nơi nhận (its label, the list of recipients, “Như trên”, the closing “Lưu: VT, …”)."""

from __future__ import annotations

import re
import unicodedata

from ...nd30 import layout as L
from ...nd30.codes import AUTHORITY_PREFIXES
from ...nd30.recipients import LABEL as NOI_NHAN_LABEL
from ...nd30.recipients import clean_item
from ...nd30.signer import authority_prefix
from ...nd30.text import ACADEMIC_TITLES, ARCHIVE_CLERK, ARCHIVE_WORD, NHU_TREN
from ..components import AUTHORITY_LIKE, Segment
from ..text import excerpt, fold, num
from .common import (
    INDENT_TOLERANCE_TWIPS,
    TWIPS_PER_CM,
    Context,
    NotApplicable,
    _dash_items,
    _is_draft,
    _need,
    _register_components,
    _visible,
    align_label,
    check,
    upper_rule,
)


def _signer(ctx: Context) -> list[Segment]:
    segs = list(ctx.c.signer_titles) + ([ctx.c.signer_name] if ctx.c.signer_name else [])
    return _need(segs, "khối chữ ký (chức vụ, họ tên người ký)")


_register_components([
    ("ND30-SIGNER", _signer, L.QUYEN_HAN_CHUC_VU, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-NOINHAN-LABEL", lambda ctx: _need(ctx.c.noi_nhan_label, "nhãn “Nơi nhận:”"), L.NOI_NHAN_NHAN,
     ("SIZE", "STYLE")),
    ("ND30-NOINHAN-ITEM", lambda ctx: _need(ctx.c.noi_nhan_items, "danh sách nơi nhận"), L.NOI_NHAN_DANH_SACH,
     ("SIZE", "STYLE")),
])


# ---------------------------------------------------------------- Người ký

@check("ND30-SIGNER-PREFIX")
def signer_prefix(ctx: Context) -> None:
    titles = _need(ctx.c.signer_titles, "quyền hạn, chức vụ người ký")
    for i, seg in enumerate(titles):
        text = unicodedata.normalize("NFC", seg.shown).strip()
        prefix = authority_prefix(text)
        if prefix is None and AUTHORITY_LIKE.match(fold(text)):
            ctx.fail(seg, "một trong " + ", ".join(AUTHORITY_PREFIXES) + " rồi dấu cách", f"«{excerpt(text, 2)}»")
        elif prefix in ("TM.", "KT.", "TL.", "TUQ.") and i == len(titles) - 1:
            ctx.fail(seg, f"dòng chức vụ người ký dưới dòng «{prefix}»", "không có dòng chức vụ")


@check("ND30-SIGNER-CASE")
def signer_case(ctx: Context) -> None:
    _signer(ctx)
    upper_rule(ctx, ctx.c.signer_titles, True)
    if ctx.c.signer_name is not None:
        upper_rule(ctx, [ctx.c.signer_name], False)


@check("ND30-SIGNER-DEGREE")
def signer_degree(ctx: Context) -> None:
    if ctx.c.signer_name is None and _is_draft(ctx):
        raise NotApplicable("dự thảo chưa ghi họ tên người ký")
    name = _need(ctx.c.signer_name, "họ tên người ký")[0]
    first = name.shown.strip().split(" ", 1)[0]
    if first in ACADEMIC_TITLES or first.upper() in {t.upper() for t in ACADEMIC_TITLES}:
        ctx.fail(name, "chỉ họ và tên", f"có «{first}» trước họ tên")


# ---------------------------------------------------------------- Nơi nhận

@check("ND30-NOINHAN-LABEL")
def noi_nhan_label(ctx: Context) -> None:
    seg = _need(ctx.c.noi_nhan_label, "nhãn “Nơi nhận:”")[0]
    if unicodedata.normalize("NFC", seg.shown) != NOI_NHAN_LABEL:
        ctx.fail(seg, f"«{NOI_NHAN_LABEL}»", f"«{_visible(seg.shown)}»")


@check("ND30-NOINHAN-PUNCT")
def noi_nhan_punct(ctx: Context) -> None:
    items = _need(ctx.c.noi_nhan_items, "danh sách nơi nhận")
    _dash_items(ctx, items, last_end=None)


# The Lưu line, and ô 12 after it on the same line when the office writes it (Mẫu 1.4:
# "- Lưu: VT, …. PL.(300)."), also after a bare "VT".
_LUU = re.compile(rf"- {ARCHIVE_WORD}: {ARCHIVE_CLERK}(,\s*\S.*)?\.(\s+[A-ZĐ]{{1,8}}\.\s*\(\d+\)\.?)?")


@check("ND30-NOINHAN-LUU")
def noi_nhan_luu(ctx: Context) -> None:
    items = _need(ctx.c.noi_nhan_items, "danh sách nơi nhận")
    last = items[-1]
    text = unicodedata.normalize("NFC", last.shown).strip()
    if last.para.label and last.start == len(last.para.label):
        text = (last.para.label + text).strip()
    if not _LUU.fullmatch(text):
        ctx.fail(last, f"«- {ARCHIVE_WORD}: {ARCHIVE_CLERK}, ….» là dòng cuối", f"«{_visible(text)}»")


@check("ND30-NOINHAN-ALIGN")
def noi_nhan_align(ctx: Context) -> None:
    segs = _need(ctx.c.noi_nhan_label, "nhãn “Nơi nhận:”") + list(ctx.c.noi_nhan_items)
    seen: set[int] = set()
    for seg in segs:
        p = seg.para
        if p.index in seen:
            continue
        seen.add(p.index)
        start = p.fmt.left + min(p.fmt.first, 0)
        lead = p.text[:seg.start]
        if p.fmt.align not in ("left", "both") or start > INDENT_TOLERANCE_TWIPS or "\t" in lead:
            found = align_label(p.fmt.align) if p.fmt.align not in ("left", "both") \
                else f"lùi vào {num(round(start / TWIPS_PER_CM, 2))} cm" if start > INDENT_TOLERANCE_TWIPS \
                else "lùi vào bằng tab"
            ctx.fail(seg, "sát lề trái", found)


@check("ND30-NOINHAN-NHUTREN")
def noi_nhan_nhu_tren(ctx: Context) -> None:
    if not ctx.c.kinh_gui:
        raise NotApplicable("văn bản không có “Kính gửi”")
    items = _need(ctx.c.noi_nhan_items, "danh sách nơi nhận")
    if clean_item(unicodedata.normalize("NFC", items[0].shown)) != NHU_TREN:
        ctx.fail(items[0], f"«- {NHU_TREN};» là nơi nhận đầu tiên", f"«{excerpt(items[0].shown, 4)}»")
