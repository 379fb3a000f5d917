"""The body (nội dung): size, upright text and italic căn cứ, justification, first-line
indent, spacing between paragraphs, line spacing, and the closing “./.”."""

from __future__ import annotations

import re

from ...nd30 import layout as L
from ...nd30.text import END_MARK
from ..components import whole
from ..docmodel import Para, Run
from ..text import fold, is_upper, num
from .common import (
    ALIGN_LABEL,
    INDENT_TOLERANCE_TWIPS,
    TWIPS_PER_CM,
    Context,
    NotApplicable,
    NotChecked,
    align_label,
    check,
    size_rule,
)

# Single line spacing of Times New Roman as Word sets it: ascent + descent + line gap of the
# font, 1.15 em (font metrics, not the decree). Lets "exactly 16 pt" be read as lines.
SINGLE_LINE_EM = 1.15
LINE_TOLERANCE = 0.02


def _body(ctx: Context) -> list[Para]:
    if not ctx.c.recognised:
        raise NotChecked("không nhận ra văn bản hành chính (không có Quốc hiệu, số, tên loại)")
    if not ctx.c.body:
        raise NotChecked("không tìm thấy phần nội dung")
    return ctx.c.body


def _own_text(p: Para) -> str:
    return p.text[len(p.label):]


def _all_chars(p: Para) -> list[tuple[Run, str]]:
    return [(run, ch) for run in p.runs for ch in p.text[run.start:run.end] if not ch.isspace()]


def _is_heading(p: Para) -> bool:
    """A centred heading (Phần, Chương, Mục and their titles): bold, centred, exempt from indent."""
    chars = _all_chars(p)
    if p.fmt.align != "center" or not chars or not all(run.fmt.bold for run, _ in chars):
        return False
    return bool(re.match(r"(phan|chuong|muc|tieu muc)\b", fold(_own_text(p)))) or is_upper(p.shown)


def _body_exempt(p: Para) -> bool:
    return _own_text(p).strip() == END_MARK or _is_heading(p)


@check("ND30-BODY-SIZE")
def body_size(ctx: Context) -> None:
    size_rule(ctx, [s for p in _body(ctx) if (s := whole(p))], L.NOI_DUNG.size)


@check("ND30-BODY-STYLE")
def body_style(ctx: Context) -> None:
    cancu = {id(p) for p in ctx.c.can_cu}
    for p in _body(ctx):
        chars = _all_chars(p)
        if chars and id(p) not in cancu and all(run.fmt.italic for run, _ in chars):
            ctx.fail(p, "chữ đứng", "cả đoạn chữ nghiêng")


@check("ND30-CANCU-STYLE")
def cancu_style(ctx: Context) -> None:
    _body(ctx)
    cancu = ctx.c.can_cu
    if not cancu:
        raise NotApplicable("văn bản không có căn cứ ban hành")
    for p in cancu:
        chars = _all_chars(p)
        if not all(run.fmt.italic for run, _ in chars):
            ctx.fail(p, "chữ nghiêng", "có chữ đứng")


@check("ND30-BODY-ALIGN")
def body_align(ctx: Context) -> None:
    for p in _body(ctx):
        if not _body_exempt(p) and p.fmt.align != "both":
            ctx.fail(p, ALIGN_LABEL["both"], align_label(p.fmt.align))


def first_line_twips(p: Para) -> int:
    if p.fmt.first_chars is not None:
        size = max((run.fmt.size for run in p.runs), default=L.NOI_DUNG.size.chosen)
        return round(p.fmt.first_chars / 100 * size * 20)
    return p.fmt.first


@check("ND30-BODY-INDENT")
def body_indent(ctx: Context) -> None:
    allowed = [cm * TWIPS_PER_CM for cm in L.FIRST_LINE_INDENT_CM]
    want = " hoặc ".join(f"{num(cm)} cm" for cm in L.FIRST_LINE_INDENT_CM)
    for p in _body(ctx):
        if _body_exempt(p):
            continue
        own = _own_text(p)
        lead = len(own) - len(own.lstrip(" \t\u00a0"))
        first = first_line_twips(p)
        if lead and "\t" in own[:lead]:
            ctx.fail(p, f"thụt đầu dòng {want}", "dùng phím tab thay cho thụt đầu dòng", [(p, lead)])
        elif lead:
            ctx.fail(p, f"thụt đầu dòng {want}", "dùng dấu cách thay cho thụt đầu dòng", [(p, lead)])
        elif not any(abs(first - a) <= INDENT_TOLERANCE_TWIPS for a in allowed):
            found = f"thụt {num(round(first / TWIPS_PER_CM, 2))} cm" if first >= 0 \
                else f"thụt treo {num(round(-first / TWIPS_PER_CM, 2))} cm"
            ctx.fail(p, f"thụt đầu dòng {want}", found, [(p, 0)])


def _spacing_after(p: Para, nxt: Para) -> int:
    return 0 if p.fmt.contextual and p.fmt.style_id == nxt.fmt.style_id else p.fmt.after


def _spacing_before(p: Para, prev: Para) -> int:
    return 0 if p.fmt.contextual and p.fmt.style_id == prev.fmt.style_id else p.fmt.before


@check("ND30-BODY-SPACING")
def body_spacing(ctx: Context) -> None:
    need = L.PARAGRAPH_SPACING_MIN_PT * 20
    body = _body(ctx)
    members = {p.index for p in body}
    for p in body:
        prev = ctx.doc.paras[p.index - 2] if p.index > 1 else None
        if prev is None or prev.index not in members or prev.in_table:
            continue  # the first paragraph, or one after a blank line or a table
        # Word and LibreOffice disagree on adding or overlapping the two; the larger one is
        # what both give at least.
        gap = max(_spacing_after(prev, p), _spacing_before(p, prev))
        if gap < need:
            ctx.fail(p, f"cách đoạn trên ít nhất {L.PARAGRAPH_SPACING_MIN_PT} pt", f"{num(gap / 20)} pt", [(p, prev)])


def line_spacing(p: Para) -> float:
    """The paragraph's line spacing in lines (1.0 = single)."""
    if p.fmt.line_rule == "auto":
        return p.fmt.line / 240
    size = max((run.fmt.size for run in p.runs), default=L.NOI_DUNG.size.chosen)
    lines = p.fmt.line / 20 / (size * SINGLE_LINE_EM)
    return max(lines, 1.0) if p.fmt.line_rule == "atLeast" else lines


@check("ND30-BODY-LINE")
def body_line(ctx: Context) -> None:
    rng = L.LINE_SPACING_RANGE
    for p in _body(ctx):
        lines = line_spacing(p)
        if not rng.low - LINE_TOLERANCE <= lines <= rng.high + LINE_TOLERANCE:
            found = f"{num(round(lines, 2))} dòng"
            if p.fmt.line_rule != "auto":
                found += f" ({'chính xác' if p.fmt.line_rule == 'exact' else 'tối thiểu'} {num(p.fmt.line / 20)} pt)"
            ctx.fail(p, f"từ {num(rng.low)} đến {num(rng.high)} dòng", found, [p])


@check("ND30-END-MARK")
def end_mark(ctx: Context) -> None:
    last = _body(ctx)[-1]
    text = _own_text(last).rstrip()
    if not text.endswith(END_MARK) or (text != END_MARK and text[-len(END_MARK) - 1].isspace()):
        ctx.fail(last, f"kết thúc bằng «{END_MARK}» liền chữ cuối", f"«…{text[-12:]}»")
