"""The page and the text as a whole: paper size and orientation, margins, font, colour and
Unicode form in every story, whether every main component is there, and the page numbers."""

from __future__ import annotations

import re
import unicodedata

from ...nd30 import layout as L
from ..docmodel import DocxFile, Para, Run, is_page_field
from ..report import Location
from ..text import excerpt, num, span
from .common import (
    ALIGN_LABEL,
    TWIPS_PER_MM,
    Context,
    NotApplicable,
    NotChecked,
    _is_draft,
    align_label,
    check,
)

PAGE_TOLERANCE_MM = 0.5
CENTRE_TAB_TOLERANCE_MM = 5.0
BLACK = ("auto", "000000")


# ---------------------------------------------------------------- page and text

def _section_where(index: int) -> Location:
    return Location(story="section", section=index)


def _mm(twips: int) -> float:
    return twips / TWIPS_PER_MM


@check("ND30-PAGE-SIZE")
def page_size(ctx: Context) -> None:
    want = sorted((L.PAGE_WIDTH.mm, L.PAGE_HEIGHT.mm))
    for s in ctx.doc.sections:
        got = sorted((_mm(s.width), _mm(s.height)))
        if any(abs(g - w_) > PAGE_TOLERANCE_MM for g, w_ in zip(got, want)):
            ctx.fail(_section_where(s.index), f"A4 {num(want[0])} × {num(want[1])} mm",
                     f"{num(round(_mm(s.width), 1))} × {num(round(_mm(s.height), 1))} mm", [s])


@check("ND30-PAGE-ORIENT")
def page_orient(ctx: Context) -> None:
    c = ctx.c
    for s in ctx.doc.sections:
        if s.width <= s.height:
            continue
        has_table = any(p.in_table and p.place.table not in c.header_tables and p.place.table != c.signature_table
                        for p in ctx.doc.paras if p.section == s.index)
        if not has_table:
            ctx.fail(_section_where(s.index), "trang dọc (chỉ quay ngang trang có bảng, biểu)", "trang ngang", [s])


def _margin_check(name: str, attr: str, rng: L.Range):
    @check(f"ND30-MARGIN-{name}")
    def fn(ctx: Context) -> None:
        for s in ctx.doc.sections:
            mm = _mm(getattr(s, attr))
            if not rng.low - 0.05 <= mm <= rng.high + 0.05:  # twips round 30 mm to 29.99 mm
                ctx.fail(_section_where(s.index), span(rng, "mm"), f"{num(round(mm, 1))} mm", [(s, attr, rng)])
    return fn


for _name, _attr, _rng in (("TOP", "top", L.MARGIN_TOP_MM), ("BOTTOM", "bottom", L.MARGIN_BOTTOM_MM),
                           ("LEFT", "left", L.MARGIN_LEFT_MM), ("RIGHT", "right", L.MARGIN_RIGHT_MM)):
    _margin_check(_name, _attr, _rng)


def all_paras(doc: DocxFile) -> list[Para]:
    """Main text, then each header and footer part once."""
    out = list(doc.paras)
    seen: set[int] = set()
    for s in doc.sections:
        for story in s.stories.values():
            if id(story.part) in seen:
                continue
            seen.add(id(story.part))
            out.extend(story.paras)
    return out


@check("ND30-FONT")
def font(ctx: Context) -> None:
    wanted = L.FONT_NAME.lower()
    right: dict[object, bool] = {}  # a run whose every slot is right needs no look at its characters
    for para in all_paras(ctx.doc):
        wrong: dict[str, list[Run]] = {}
        for run in para.runs:
            fmt = run.fmt
            if fmt not in right:
                right[fmt] = all((face or "").strip().lower() == wanted for face in (fmt.font_ascii, fmt.font_hansi))
            if right[fmt]:
                continue
            for ch in para.text[run.start:run.end]:
                if ch.isspace():
                    continue
                face = run.fmt.font_for(ch)
                if (face or "").strip().lower() != L.FONT_NAME.lower():
                    wrong.setdefault(face or "(không khai báo phông chữ)", []).append(run)
                    break
        for face, runs in wrong.items():
            ctx.fail(para, L.FONT_NAME, face, runs)


@check("ND30-FONT-COLOR")
def font_color(ctx: Context) -> None:
    for para in all_paras(ctx.doc):
        colours = {}
        for run in para.runs:
            if para.text[run.start:run.end].strip() and run.fmt.color.lower() not in BLACK:
                colours.setdefault(run.fmt.color.upper(), []).append(run)
        for colour, runs in colours.items():
            ctx.fail(para, "màu đen", f"màu #{colour}", runs)


@check("ND30-UNICODE")
def unicode_nfc(ctx: Context) -> None:
    for para in all_paras(ctx.doc):
        if not unicodedata.is_normalized("NFC", para.text):
            ctx.fail(para, "Unicode dựng sẵn (NFC)", "Unicode tổ hợp (dấu tách rời chữ)", [para])


# Every Unicode format character (category Cf, Unicode 15; tests/check/test_check_report.py keeps it whole).
INVISIBLE = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                       "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")


def invisible_chars(text: str) -> list[str]:
    """Format characters (Unicode Cf): bidi overrides and isolates, zero-width spaces and joiners, BOM…
    They change how a line reads (“01/01/2020” shown reversed) without showing themselves."""
    return sorted(set(INVISIBLE.findall(text)))


@check("ND30-INVISIBLE")
def invisible(ctx: Context) -> None:
    for para in all_paras(ctx.doc):
        found = invisible_chars(para.text)
        if found:
            names = ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip() for ch in found)
            ctx.fail(para, "không có ký tự vô hình", names, [para])


@check("ND30-COMPONENTS")
def components(ctx: Context) -> None:
    c = ctx.c
    required = [
        ("Quốc hiệu", c.quoc_hieu), ("Tiêu ngữ", c.tieu_ngu), ("tên cơ quan ban hành", c.agency),
        ("số, ký hiệu", c.so), ("địa danh và thời gian ban hành", c.date),
        ("tên loại văn bản (hoặc trích yếu “V/v” của công văn)", c.doc_type),
        ("nội dung", c.body), ("quyền hạn, chức vụ người ký", c.signer_titles),
        ("họ tên người ký", c.signer_name), ("nơi nhận", c.noi_nhan_label),
    ]
    if c.has_ten_loai:
        required.insert(6, ("trích yếu nội dung", c.trich_yeu))
    if _is_draft(ctx):
        # A draft awaiting its number may also await the name of the leader who signs it.
        required = [(name, value) for name, value in required if name != "họ tên người ký"]
    for name, value in required:
        if not value:
            ctx.fail(Location(story="document"), f"có {name}", "không tìm thấy")


# ---------------------------------------------------------------- Số trang

def page_number_paras(doc: DocxFile) -> list[tuple[int, str, str, Para]]:
    """(section, header|footer, default|first|even, paragraph) for each paragraph with a PAGE field."""
    out = []
    seen: set[int] = set()
    for s in doc.sections:
        for (kind, type_), story in s.stories.items():
            if id(story.part) in seen:
                continue
            seen.add(id(story.part))
            for p in story.paras:
                if any(is_page_field(f) for f in p.fields):
                    out.append((s.index, kind, type_, p))
    return out


def _page_where(section: int, kind: str, type_: str, p: Para) -> Location:
    return Location(paragraph=p.index, excerpt=excerpt(p.text), story=f"{kind}:{type_}", section=section)


def _numbered(ctx: Context) -> list[tuple[int, str, str, Para]]:
    found = page_number_paras(ctx.doc)
    if not found:
        raise NotApplicable("văn bản không đánh số trang")
    return found


def page_count(ctx: Context) -> int | None:
    if ctx.pages is not None:
        return ctx.pages
    breaks = sum(p.page_breaks for p in ctx.doc.paras)
    return 2 if breaks else None


@check("ND30-PAGENUM-MISSING")
def pagenum_missing(ctx: Context) -> None:
    if page_number_paras(ctx.doc):
        return
    pages = page_count(ctx)
    if pages is None:
        raise NotChecked("văn bản không có số trang và tệp không cho biết có mấy trang; chạy với --layout")
    if pages > 1:
        ctx.fail(Location(story="document"), "số trang ở đầu các trang từ trang 2",
                 "không có số trang" + (f" ({pages} trang)" if ctx.pages else ""), [None])


@check("ND30-PAGENUM-FIRST")
def pagenum_first(ctx: Context) -> None:
    _numbered(ctx)
    first = ctx.doc.sections[0]
    shown = "first" if first.title_pg else "default"
    for kind in ("header", "footer"):
        story = first.story(kind, shown)
        if story is None:
            continue
        for p in story.paras:
            if any(is_page_field(f) for f in p.fields):
                why = "trang 1 hiện số trang" + ("" if first.title_pg else " (không chọn “trang đầu khác”)")
                ctx.fail(_page_where(0, kind, shown, p), "trang 1 không có số trang", why, [p])


@check("ND30-PAGENUM-HEADER")
def pagenum_header(ctx: Context) -> None:
    for section, kind, type_, p in _numbered(ctx):
        if kind != "header":
            ctx.fail(_page_where(section, kind, type_, p), "số trang ở lề trên (đầu trang)", "số trang ở chân trang", [p])


def _centre_tab(ctx: Context, p: Para, section: int) -> bool:
    """The number sits after one tab on a centre stop near the middle of the text area."""
    s = ctx.doc.sections[section]
    middle = (s.width - s.left - s.right) / 2
    before = p.text.split("\t")
    if p.text.count("\t") != 1 or before[0].strip():
        return False
    return any(val == "center" and abs(pos - middle) <= CENTRE_TAB_TOLERANCE_MM * TWIPS_PER_MM
               for val, pos in p.fmt.tabs)


@check("ND30-PAGENUM-ALIGN")
def pagenum_align(ctx: Context) -> None:
    for section, kind, type_, p in _numbered(ctx):
        if p.fmt.align != "center" and not _centre_tab(ctx, p, section):
            ctx.fail(_page_where(section, kind, type_, p), ALIGN_LABEL["center"],
                     align_label(p.fmt.align), [p])


def _page_runs(p: Para) -> list[Run]:
    return [run for run in p.runs if is_page_field(run.field)]


@check("ND30-PAGENUM-SIZE")
def pagenum_size(ctx: Context) -> None:
    rng = L.SO_TRANG.size
    for section, kind, type_, p in _numbered(ctx):
        runs = _page_runs(p)
        sizes = sorted({run.fmt.size for run in runs} or {p.mark.size})
        if any(s not in rng for s in sizes):
            ctx.fail(_page_where(section, kind, type_, p), f"cỡ {span(rng)} pt",
                     "cỡ " + " và ".join(num(s) for s in sizes) + " pt", [(p, rng)])


@check("ND30-PAGENUM-STYLE")
def pagenum_style(ctx: Context) -> None:
    for section, kind, type_, p in _numbered(ctx):
        runs = _page_runs(p)
        if any(run.fmt.italic for run in runs) or (not runs and p.mark.italic):
            ctx.fail(_page_where(section, kind, type_, p), "chữ đứng", "chữ nghiêng", [p])
