"""The rules read from the .docx itself: one check function per catalogue id.

A check calls ctx.fail(...) for each place that breaks its rule, raises NotChecked when the
file does not let it judge (a component it needs is missing, the page count is unknown), and
NotApplicable when the document has nothing the rule is about (no Kính gửi, no căn cứ)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable

from ..nd30 import layout as L
from ..nd30.codes import AUTHORITY_PREFIXES, TYPE_CODES
from ..nd30.dates import pad_day, pad_month, pad_number
from ..nd30.recipients import LABEL as NOI_NHAN_LABEL
from ..nd30.recipients import clean_item
from ..nd30.signer import authority_prefix
from ..nd30.text import (
    ACADEMIC_TITLES,
    ARCHIVE_CLERK,
    ARCHIVE_WORD,
    END_MARK,
    KINH_GUI_LABEL,
    NHU_TREN,
    QUOC_HIEU_VARIANTS,
    VV_PREFIX,
)
from .catalogue import RULES, Rule
from .components import AUTHORITY_LIKE, Components, Segment, whole
from .reader import DocxFile, Para, Run, is_page_field
from .report import FAIL, NOT_APPLICABLE, NOT_CHECKED, PASS, Finding, Location, Result
from .text import excerpt, fold, is_upper, num, span

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_CM = TWIPS_PER_MM * 10
# Single line spacing of Times New Roman as Word sets it: ascent + descent + line gap of the
# font, 1.15 em (font metrics, not the decree). Lets "exactly 16 pt" be read as lines.
SINGLE_LINE_EM = 1.15
LINE_TOLERANCE = 0.02
INDENT_TOLERANCE_TWIPS = 12  # about 0.2 mm: Word rounds indents typed in cm
PAGE_TOLERANCE_MM = 0.5
CENTRE_TAB_TOLERANCE_MM = 5.0
BLACK = ("auto", "000000")


class NotChecked(Exception):
    """The file does not let this rule be judged; reported, never counted as passed."""


class NotApplicable(Exception):
    """The document has nothing this rule is about."""


class Context:
    """What a check needs, and where it writes what it finds."""

    def __init__(self, doc: DocxFile, c: Components, pages: int | None = None) -> None:
        self.doc, self.c, self.pages = doc, c, pages
        self.rule: Rule | None = None
        self.findings: list[Finding] = []

    def fail(self, where: Segment | Para | Location, expected: str, found: str, targets: Iterable = ()) -> None:
        self.findings.append(Finding(self.rule, locate(where), expected, found, list(targets)))


def locate(where: Segment | Para | Location) -> Location:
    if isinstance(where, Location):
        return where
    para = where.para if isinstance(where, Segment) else where
    text = where.shown if isinstance(where, Segment) else para.shown[len(para.label):]
    story = para.place.story
    return Location(paragraph=para.index, excerpt=excerpt(text), story=story,
                    section=para.section if story != "body" else None)


CHECKS: dict[str, Callable[[Context], None]] = {}


def check(rule_id: str):
    def register(fn: Callable[[Context], None]) -> Callable[[Context], None]:
        assert rule_id not in CHECKS, rule_id
        CHECKS[rule_id] = fn
        return fn
    return register


def run(doc: DocxFile, c: Components, pages: int | None = None) -> list[Result]:
    """Every static rule of the catalogue, in catalogue order."""
    ctx = Context(doc, c, pages)
    results: list[Result] = []
    for rule in RULES:
        if rule.layout:
            continue

        def one(rule: Rule = rule) -> list[Finding]:
            ctx.rule, ctx.findings = rule, []
            CHECKS[rule.id](ctx)
            return merge_findings(ctx.findings)

        results.append(judge(rule, one))
    return results


def judge(rule: Rule, check: Callable[[], list[Finding]]) -> Result:
    """One rule's result: its findings, or why it could not be judged, never a crash."""
    try:
        findings = check()
    except NotChecked as exc:
        return Result(rule, NOT_CHECKED, reason=str(exc))
    except NotApplicable as exc:
        return Result(rule, NOT_APPLICABLE, reason=str(exc))
    except Exception as exc:  # noqa: BLE001 - an odd file must not end the whole check
        return Result(rule, NOT_CHECKED, reason=internal_error(exc))
    return Result(rule, FAIL if findings else PASS, findings)


def internal_error(exc: Exception) -> str:
    return f"lỗi nội bộ của docgen khi đọc văn bản này ({type(exc).__name__}: {exc}); hãy báo lỗi kèm tệp"


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """The same fault in many paragraphs is one finding naming them all."""
    merged: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.expected, f.found, f.where.story, f.where.section)
        if key in merged and f.where.paragraph is not None:
            first = merged[key]
            if f.where.paragraph != first.where.paragraph and f.where.paragraph not in first.where.others:
                first.where.others.append(f.where.paragraph)
            first.targets.extend(f.targets)
        else:
            merged[key if f.where.paragraph is not None else (key, len(merged))] = f
    return list(merged.values())


# ---------------------------------------------------------------- shared pieces

def _chars(seg: Segment) -> list[tuple[Run, str]]:
    return [(run, ch) for run, text in seg.pieces() for ch in text if not ch.isspace()]


def _state(flags: list[bool], on: str, off: str) -> str:
    if all(flags):
        return on
    if not any(flags):
        return off
    return f"{on} một phần"


def _need(value, name: str, optional: str | None = None) -> list[Segment]:
    segs = value if isinstance(value, list) else ([value] if value is not None else [])
    if not segs:
        if optional is not None:
            raise NotApplicable(optional)
        raise NotChecked(f"không tìm thấy {name} trong văn bản")
    return segs


def size_rule(ctx: Context, segs: list[Segment], rng: L.Range) -> None:
    for seg in segs:
        chars = _chars(seg)
        sizes = sorted({run.fmt.size for run, _ in chars})
        if any(size not in rng for size in sizes):
            bad = {id(run): run for run, _ in chars if run.fmt.size not in rng}
            ctx.fail(seg, f"cỡ {span(rng)} pt", "cỡ " + " và ".join(num(s) for s in sizes) + " pt",
                     [(run, rng) for run in bad.values()])


def style_rule(ctx: Context, segs: list[Segment], bold: bool, italic: bool) -> None:
    want = f"{'đậm' if bold else 'không đậm'}, {'nghiêng' if italic else 'đứng'}"
    for seg in segs:
        chars = _chars(seg)
        if not chars:
            continue
        bolds, italics = [r.fmt.bold for r, _ in chars], [r.fmt.italic for r, _ in chars]
        if any(b != bold for b in bolds) or any(i != italic for i in italics):
            ctx.fail(seg, "chữ " + want,
                     f"chữ {_state(bolds, 'đậm', 'không đậm')}, {_state(italics, 'nghiêng', 'đứng')}")


def upper_rule(ctx: Context, segs: list[Segment], upper: bool) -> None:
    for seg in segs:
        if is_upper(seg.shown) != upper:
            ctx.fail(seg, "chữ in hoa" if upper else "chữ in thường",
                     "có chữ thường" if upper else "toàn chữ in hoa")


def segment_align(seg: Segment) -> str:
    """How a segment sits: the paragraph's alignment, or the kind of tab stop it was tabbed to
    (the n-th tab of a line lands on the n-th stop; past the set stops Word's default stops are
    left stops)."""
    tabs = seg.tabs_before
    if not tabs:
        return seg.para.fmt.align
    stops = sorted((pos, val) for val, pos in seg.para.fmt.tabs if val not in ("clear", "bar"))
    if tabs > len(stops):
        return "tab:left"
    kind = stops[tabs - 1][1]
    kind = {"start": "left", "end": "right"}.get(kind, kind)
    return "center" if kind == "center" else f"tab:{kind}"


ALIGN_LABEL = {"left": "canh trái", "center": "canh giữa", "right": "canh phải", "both": "canh đều hai lề",
               "tab:left": "đặt bằng tab trái", "tab:right": "đặt bằng tab phải"}


def align_label(align: str) -> str:
    return ALIGN_LABEL.get(align, "đặt bằng tab" if align.startswith("tab:") else align)


def align_rule(ctx: Context, segs: list[Segment], want: str = "center") -> None:
    for seg in segs:
        got = segment_align(seg)
        if got != want:
            ctx.fail(seg, ALIGN_LABEL[want], align_label(got))


def _signer(ctx: Context) -> list[Segment]:
    segs = list(ctx.c.signer_titles) + ([ctx.c.signer_name] if ctx.c.signer_name else [])
    return _need(segs, "khối chữ ký (chức vụ, họ tên người ký)")


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


def _register_component(rule_id: str, kind: str, get: Callable[[Context], list[Segment]],
                        style: L.Style | None = None) -> None:
    def fn(ctx: Context) -> None:
        segs = get(ctx)
        if kind == "size":
            size_rule(ctx, segs, style.size)
        elif kind == "style":
            style_rule(ctx, segs, style.bold, style.italic)
        elif kind == "case":
            upper_rule(ctx, segs, style.upper)
        elif kind == "align":
            align_rule(ctx, segs)
    check(rule_id)(fn)


_COMPONENTS: list[tuple[str, Callable[[Context], list[Segment]], L.Style, tuple[str, ...]]] = [
    ("ND30-QH", lambda ctx: _need(ctx.c.quoc_hieu, "Quốc hiệu"), L.QUOC_HIEU, ("SIZE", "STYLE", "CASE", "ALIGN")),
    ("ND30-TN", lambda ctx: _need(ctx.c.tieu_ngu, "Tiêu ngữ"), L.TIEU_NGU, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-CQ-PARENT", lambda ctx: _need(ctx.c.agency_parent, "", "văn bản không ghi tên cơ quan chủ quản"),
     L.CO_QUAN_CHU_QUAN, ("SIZE", "STYLE")),
    ("ND30-CQ", lambda ctx: _need(ctx.c.agency, "tên cơ quan ban hành"), L.CO_QUAN_BAN_HANH, ("SIZE", "STYLE")),
    ("ND30-CQ", lambda ctx: ctx.c.agency_parent + _need(ctx.c.agency, "tên cơ quan ban hành"),
     L.CO_QUAN_BAN_HANH, ("CASE", "ALIGN")),
    ("ND30-SO", lambda ctx: _need(ctx.c.so, "số, ký hiệu"), L.SO_KY_HIEU, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-DATE", lambda ctx: _need(ctx.c.date, "địa danh và ngày"), L.DIA_DANH_NGAY, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-TENLOAI", _ten_loai, L.TEN_LOAI, ("SIZE", "STYLE", "CASE", "ALIGN")),
    ("ND30-TRICHYEU", _trich_yeu, L.TRICH_YEU, ("SIZE", "STYLE", "CASE", "ALIGN")),
    ("ND30-VV", _vv, L.TRICH_YEU_CONG_VAN, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-KINHGUI", lambda ctx: _need(ctx.c.kinh_gui, "", "văn bản không có “Kính gửi”"), L.KINH_GUI, ("SIZE",)),
    ("ND30-SIGNER", _signer, L.QUYEN_HAN_CHUC_VU, ("SIZE", "STYLE", "ALIGN")),
    ("ND30-NOINHAN-LABEL", lambda ctx: _need(ctx.c.noi_nhan_label, "nhãn “Nơi nhận:”"), L.NOI_NHAN_NHAN,
     ("SIZE", "STYLE")),
    ("ND30-NOINHAN-ITEM", lambda ctx: _need(ctx.c.noi_nhan_items, "danh sách nơi nhận"), L.NOI_NHAN_DANH_SACH,
     ("SIZE", "STYLE")),
]
for _prefix, _get, _style, _kinds in _COMPONENTS:
    for _kind in _kinds:
        _register_component(f"{_prefix}-{_kind}", _kind.lower(), _get, _style)


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
    for para in all_paras(ctx.doc):
        wrong: dict[str, list[Run]] = {}
        for run in para.runs:
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


# ---------------------------------------------------------------- Quốc hiệu, Tiêu ngữ, rules

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


def _visible(text: str) -> str:
    """Shows what is easy to miss: dashes other than "-", double spaces, line breaks."""
    out = text.replace("\n", "⏎").replace("\t", "→").replace("\u2013", "– (gạch ngang dài)")
    return re.sub(r" {2,}", lambda m: f"[{len(m.group())} dấu cách]", out)


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


@check("ND30-TRICHYEU-RULE")
def trich_yeu_rule(ctx: Context) -> None:
    segs = _trich_yeu(ctx)
    if ctx.c.trich_yeu_rule is None:
        ctx.fail(segs[-1], "đường kẻ nét liền dưới trích yếu", "không có đường kẻ")


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


def _dash_items(ctx: Context, items: list[Segment], last_end: str | None) -> None:
    """Each item "- …;", the last one ending with `last_end` (None: the last is judged elsewhere)."""
    for i, seg in enumerate(items):
        text = seg.para.text[:seg.end] if seg.para.label and seg.start == len(seg.para.label) else seg.shown
        text = text.strip()
        last = i == len(items) - 1
        end = last_end if last else ";"
        if last and last_end is None:
            continue
        if not re.match(r"- \S", text) or not text.endswith(end) or text.endswith(" " + end):
            ctx.fail(seg, f"«- …{end}»", f"«{_visible(_ends(text))}»")


def _ends(text: str, keep: int = 24) -> str:
    """A line short enough to quote: its start and its end, which is where punctuation goes."""
    return text if len(text) <= 2 * keep else f"{text[:keep]}…{text[-keep // 2:]}"


# ---------------------------------------------------------------- Nội dung

def _body(ctx: Context) -> list[Para]:
    if not ctx.c.recognised:
        raise NotChecked("không nhận ra văn bản hành chính (không có Quốc hiệu, số, tên loại)")
    if not ctx.c.body:
        raise NotChecked("không tìm thấy phần nội dung")
    return ctx.c.body


def _own_text(p: Para) -> str:
    return p.text[len(p.label):]


def _is_cancu(p: Para) -> bool:
    return fold(_own_text(p)).startswith("can cu")


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
    for p in _body(ctx):
        chars = _all_chars(p)
        if chars and not _is_cancu(p) and all(run.fmt.italic for run, _ in chars):
            ctx.fail(p, "chữ đứng", "cả đoạn chữ nghiêng")


@check("ND30-CANCU-STYLE")
def cancu_style(ctx: Context) -> None:
    cancu = [p for p in _body(ctx) if _is_cancu(p)]
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


def _is_draft(ctx: Context) -> bool:
    """No number yet before the "/" of the Số line: the văn thư numbers it after signing."""
    so = ctx.c.so
    seg = so[0] if isinstance(so, list) and so else so
    if seg is None:
        return False
    left = seg.shown.split("/", 1)[0]
    return not re.search(r"\d", left)


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


_LUU = re.compile(rf"- {ARCHIVE_WORD}: {ARCHIVE_CLERK}(,\s*\S.*)?\.")


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


missing = [r.id for r in RULES if not r.layout and r.id not in CHECKS]
assert not missing, f"rules without a check: {missing}"
