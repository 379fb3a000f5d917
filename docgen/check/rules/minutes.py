"""Rules of the biên bản alone (Phụ lục III, Mẫu 1.9): the order of its opening lines and its
two signatures, THƯ KÝ on the left and CHỦ TỌA on the right. See docs/nd30-bien-ban.md."""

from __future__ import annotations

import unicodedata

from ..text import excerpt, fold
from .common import Context, NotApplicable, check

BIEN_BAN = "BIÊN BẢN"
# Mẫu 1.9's lines, in its order: the time it began first, the time it ended last.
OPENING = ("thời gian bắt đầu", "địa điểm", "thành phần tham dự", "chủ trì", "thư ký")
SECRETARY = "THƯ KÝ"
CHAIRS = ("CHỦ TỌA", "CHỦ TOẠ", "CHỦ TRÌ")


def _only_minutes(ctx: Context) -> None:
    if ctx.c.doc_type != BIEN_BAN:
        raise NotApplicable("chỉ áp dụng cho biên bản")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


@check("ND30-BB-MUC")
def minutes_lines(ctx: Context) -> None:
    _only_minutes(ctx)
    body = [p for p in ctx.c.body if _norm(p.shown)]
    if not body:
        ctx.fail(ctx.doc.paras[0], "nội dung biên bản", "không có")
        return
    starts = [fold(_norm(p.shown)).casefold() for p in body]
    cursor = 0
    for key in OPENING:
        found = next((i for i in range(cursor, len(starts)) if starts[i].startswith(fold(key).casefold())), None)
        if found is None:
            ctx.fail(body[min(cursor, len(body) - 1)], f"dòng «{key.capitalize()}: …» (theo thứ tự của Mẫu 1.9)",
                     "không có hoặc sai thứ tự")
            return
        cursor = found + 1
    last = _norm(body[-1].shown)
    if "kết thúc vào" not in last.casefold():
        ctx.fail(body[-1], "dòng cuối «Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …./.»",
                 f"«{excerpt(last, 6)}»")


@check("ND30-BB-KY")
def minutes_signatures(ctx: Context) -> None:
    _only_minutes(ctx)
    name = ctx.c.signer_name
    table = ctx.c.signature_table or (name.para.place.table if name is not None else None)
    cells: dict[int, list[str]] = {}
    for p in ctx.doc.paras:
        if p.place.story == "body" and table is not None and p.place.table == table and _norm(p.shown):
            cells.setdefault(p.place.col, []).append(_norm(p.shown).upper())
    if table is None or len(cells) < 2:
        where = ctx.c.signer_name.para if ctx.c.signer_name is not None else ctx.doc.paras[-1]
        ctx.fail(where, "hai chữ ký cạnh nhau: THƯ KÝ bên trái, CHỦ TỌA bên phải", "không có hai cột chữ ký")
        return
    left, right = cells[min(cells)], cells[max(cells)]
    if not left[0].startswith(SECRETARY) or not right[0].startswith(CHAIRS):
        first = next(p for p in ctx.doc.paras if p.place.table == table and _norm(p.shown))
        ctx.fail(first, "THƯ KÝ bên trái, CHỦ TỌA bên phải", f"«{left[0]}» | «{right[0]}»")
