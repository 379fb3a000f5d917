"""`--layout`: what only the laid-out page shows, read from the PDF LibreOffice makes.

The Quốc hiệu on one line, the length of the three rules, the header's two columns side by
side, every mark inside the margins, and room for the signature and the seal. Components are
found on the page by their words (the .docx tells which words), so a line that wrapped or a
column that slid under the other shows up as it prints.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..nd30 import layout as L
from ..plumbing.errors import DocgenError
from ..plumbing.office import docx_to_pdf
from . import pagination
from .catalogue import BY_ID
from .components import Components, Segment
from .docmodel import DocxFile
from .report import Finding, Location, Result
from .rules import TWIPS_PER_MM, NotApplicable, NotChecked, judge
from .text import excerpt, fold, num

PT_PER_MM = 72 / 25.4
TN_RULE_TOLERANCE = 0.10  # "as long as the Tiêu ngữ": within a tenth of its length
FRACTION_SLACK = 0.02  # the renderer's widths come from font metrics; allow 2 % of the text
CENTRE_TOLERANCE_MM = 2.0
TEXT_INK_TOLERANCE_PT = 1.0
# Word's default table cell padding (0.19 cm) puts a content table's borders that far into the
# margin while its text stays inside; lines and boxes get that much room.
LINE_INK_TOLERANCE_PT = 0.19 * 10 * PT_PER_MM + 0.5
# ô 7c holds the signature and the seal; nd30.md gives no figure. 20 mm is about four empty
# lines of 14 pt, what hand-typed documents leave, and less than docgen's own gap [inference].
SIGNATURE_GAP_MIN_MM = 20.0
RULE_SEARCH_PT = 24.0  # a rule belongs to the text right above it, within two lines


@dataclass
class Word:
    text: str
    key: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class Block:
    """Words of one component as printed: their box, and the box of each printed line."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def lines(self) -> list[tuple[float, float]]:
        """(x0, x1) of each printed line."""
        rows: list[list[Word]] = []
        for w in sorted(self.words, key=lambda w: w.top):
            if rows and abs(w.top - rows[-1][0].top) < 2:
                rows[-1].append(w)
            else:
                rows.append([w])
        return [(min(w.x0 for w in ws), max(w.x1 for w in ws)) for ws in rows]

    @property
    def widest(self) -> float:
        return max(x1 - x0 for x0, x1 in self.lines)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class HRule:
    x0: float
    x1: float
    top: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


class Page:
    def __init__(self, number: int, page) -> None:
        self.number = number
        self.width, self.height = float(page.width), float(page.height)
        raw = page.extract_words(extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False)
        self.words = [Word(w["text"], fold(w["text"]), float(w["x0"]), float(w["x1"]), float(w["top"]),
                           float(w["bottom"]), float(w["size"])) for w in raw]
        self.words.sort(key=lambda w: (round(w.top), w.x0))
        self.chars = [c for c in page.chars if c["text"].strip()]
        self.lines = page.lines
        self.rects = page.rects
        self.curves = page.curves
        self.images = page.images
        self.rules = self._rules()

    def _rules(self) -> list[HRule]:
        found: list[HRule] = []
        for line in self.lines:
            if abs(float(line["top"]) - float(line["bottom"])) < 1.5 and float(line["x1"]) - float(line["x0"]) > 5:
                found.append(HRule(float(line["x0"]), float(line["x1"]), float(line["top"])))
        for rect in self.rects:
            height = float(rect["bottom"]) - float(rect["top"])
            if height < 2 and float(rect["x1"]) - float(rect["x0"]) > 5 and (rect.get("fill") or rect.get("stroke")):
                found.append(HRule(float(rect["x0"]), float(rect["x1"]), float(rect["top"])))
        unique: list[HRule] = []
        for seg in found:
            if not any(abs(seg.x0 - u.x0) < 0.5 and abs(seg.x1 - u.x1) < 0.5 and abs(seg.top - u.top) < 1
                       for u in unique):
                unique.append(seg)
        return unique

    def find(self, text: str, below: float | None = None) -> Block | None:
        """The printed words of `text`, read on from line to line in the same column; with
        `below`, the first printing that starts lower than that."""
        keys = [fold(t) for t in text.split()]
        if not keys:
            return None
        for start, first in enumerate(self.words):
            if first.key != keys[0] or (below is not None and first.top <= below):
                continue
            block = self._follow(start, keys)
            if block is not None:
                return block
        return None

    def _follow(self, start: int, keys: list[str]) -> Block | None:
        chosen = [self.words[start]]
        for key in keys[1:]:
            last = chosen[-1]
            same = [w for w in self.words if abs(w.top - last.top) < 2 and 0 <= w.x0 - last.x1 < 2.5 * last.size]
            if same:
                nxt = min(same, key=lambda w: w.x0)
                if nxt.key == key:
                    chosen.append(nxt)
                    continue
                return None
            nxt = self._next_line_start(chosen, last)
            if nxt is None or nxt.key != key:
                return None
            chosen.append(nxt)
        return Block(chosen)

    def _next_line_start(self, chosen: list[Word], last: Word) -> Word | None:
        """First word of the next printed line in the same column as the words so far."""
        below = [w for w in self.words if 0.5 * last.size < w.top - last.top < 2.2 * last.size]
        if not below:
            return None
        line_top = min(w.top for w in below)
        row = sorted((w for w in below if abs(w.top - line_top) < 2), key=lambda w: w.x0)
        clusters: list[list[Word]] = [[row[0]]]
        for w in row[1:]:
            if w.x0 - clusters[-1][-1].x1 > 2.5 * w.size:
                clusters.append([w])
            else:
                clusters[-1].append(w)
        left, right = min(w.x0 for w in chosen), max(w.x1 for w in chosen)
        overlap = lambda ws: min(right, ws[-1].x1) - max(left, ws[0].x0)  # noqa: E731
        best = max(clusters, key=overlap)
        return best[0] if overlap(best) > 0 else None

    def rule_under(self, block: Block) -> HRule | None:
        near = [r for r in self.rules if -2 <= r.top - block.bottom <= RULE_SEARCH_PT
                and r.x1 > block.x0 - 10 and r.x0 < block.x1 + 10]
        return min(near, key=lambda r: r.top - block.bottom) if near else None


class Layout:
    def __init__(self, pdf_path: Path) -> None:
        try:
            import pdfplumber
        except ImportError as exc:  # pragma: no cover - a dependency of docgen
            raise DocgenError("Thiếu gói pdfplumber để kiểm tra dàn trang; cài bằng: pip install pdfplumber") from exc
        with pdfplumber.open(str(pdf_path)) as pdf:
            self.pages = [Page(i + 1, p) for i, p in enumerate(pdf.pages)]


def check_layout(doc: DocxFile, c: Components) -> tuple[list[Result], int]:
    """Lay the document out with LibreOffice and judge the layout rules; also the page count."""
    with tempfile.TemporaryDirectory(prefix="docgen-check-") as tmp:
        pdf = docx_to_pdf(doc.path, Path(tmp) / "layout.pdf")
        laid = Layout(pdf)
    results = []
    for rule_id, fn in CHECKS.items():
        rule = BY_ID[rule_id]

        def one(rule=rule, fn=fn) -> list[Finding]:
            findings: list[Finding] = []
            fn(laid, doc, c, lambda where, want, got: findings.append(Finding(rule, where, want, got)))
            return findings

        results.append(judge(rule, one))
    return results, len(laid.pages)


Skip = NotChecked  # a layout rule that cannot be judged on this document


def _page_where(page: int, text: str = "") -> Location:
    return Location(story="page", page=page, excerpt=excerpt(text) if text else "")


def _first(laid: Layout, seg: Segment | None, name: str) -> Block:
    if seg is None:
        raise Skip(f"không tìm thấy {name} trong văn bản")
    block = laid.pages[0].find(seg.shown)
    if block is None:
        raise Skip(f"không tìm thấy {name} trên trang 1 của bản dàn trang")
    return block


def _mm(pt: float) -> str:
    return f"{num(round(pt / PT_PER_MM, 1))} mm"


def qh_line(laid: Layout, doc: DocxFile, c: Components, fail) -> None:
    if c.quoc_hieu is None:
        raise Skip("không tìm thấy Quốc hiệu trong văn bản")
    page = laid.pages[0]
    block = page.find(c.quoc_hieu.shown)
    if block is None:
        raise Skip("không tìm thấy Quốc hiệu trên trang 1 của bản dàn trang")
    if len(block.lines) > 1:
        fail(_page_where(1, c.quoc_hieu.shown), "Quốc hiệu trên một dòng", f"xuống {len(block.lines)} dòng")


def _rule_check(laid: Layout, block: Block, name: str, fail, low: float, high: float, relative_to: float,
                centred: bool = True) -> None:
    rule = laid.pages[0].rule_under(block)
    if rule is None:
        raise Skip(f"không thấy đường kẻ dưới {name} trên bản dàn trang")
    ratio = rule.width / relative_to
    want = (f"dài {num(round(low * 100))}–{num(round(high * 100))} % dòng chữ ({_mm(relative_to)})"
            if low != high else f"dài bằng dòng chữ ({_mm(relative_to)})")
    if not low <= ratio <= high:
        fail(_page_where(1, name), want, f"dài {_mm(rule.width)} ({num(round(ratio * 100))} %)")
    elif centred and abs((rule.x0 + rule.x1) / 2 - block.centre) > CENTRE_TOLERANCE_MM * PT_PER_MM:
        fail(_page_where(1, name), "đường kẻ cân đối giữa dòng chữ",
             f"lệch {_mm(abs((rule.x0 + rule.x1) / 2 - block.centre))}")


def tn_rule(laid: Layout, doc: DocxFile, c: Components, fail) -> None:
    block = _first(laid, c.tieu_ngu, "Tiêu ngữ")
    width = block.widest
    _rule_check(laid, block, "Tiêu ngữ", fail, 1 - TN_RULE_TOLERANCE, 1 + TN_RULE_TOLERANCE, width)


def cq_rule(laid: Layout, doc: DocxFile, c: Components, fail) -> None:
    if not c.agency:
        raise Skip("không tìm thấy tên cơ quan ban hành trong văn bản")
    blocks = [_first(laid, seg, "tên cơ quan ban hành") for seg in c.agency]
    merged = Block([w for b in blocks for w in b.words])
    low, high = L.RULE_FRACTION.low - FRACTION_SLACK, L.RULE_FRACTION.high + FRACTION_SLACK
    _rule_check(laid, merged, "tên cơ quan ban hành", fail, low, high, merged.widest)


def trich_yeu_rule(laid: Layout, doc: DocxFile, c: Components, fail) -> None:
    if c.is_cong_van:
        raise NotApplicable("công văn có trích yếu “V/v”, không có đường kẻ dưới trích yếu")
    if not c.trich_yeu:
        raise Skip("văn bản không có trích yếu dưới tên loại")
    text = " ".join(seg.shown for seg in c.trich_yeu)
    block = laid.pages[0].find(text)
    if block is None:
        raise Skip("không tìm thấy trích yếu trên trang 1 của bản dàn trang")
    low, high = L.RULE_FRACTION.low - FRACTION_SLACK, L.RULE_FRACTION.high + FRACTION_SLACK
    _rule_check(laid, block, "trích yếu", fail, low, high, block.widest)


def header(laid: Layout, doc: DocxFile, c: Components, fail) -> None:
    lines = c.agency_parent + c.agency
    if not lines or c.quoc_hieu is None:
        raise Skip("không tìm thấy tên cơ quan hoặc Quốc hiệu trong văn bản")
    agency = _first(laid, lines[0], "tên cơ quan")
    qh = _first(laid, c.quoc_hieu, "Quốc hiệu")
    s = doc.sections[0]
    middle = (s.left + (s.width - s.left - s.right) / 2) / TWIPS_PER_MM * PT_PER_MM
    level = 1.2 * max(w.size for w in agency.words + qh.words)
    if qh.centre <= middle or agency.centre >= middle or qh.x0 < agency.x1:
        fail(_page_where(1, c.quoc_hieu.shown), "tên cơ quan bên trái, Quốc hiệu bên phải, cạnh nhau",
             "Quốc hiệu không nằm ở nửa phải, cạnh tên cơ quan")
    elif abs(qh.top - agency.top) > level:
        fail(_page_where(1, c.quoc_hieu.shown), "Quốc hiệu ngang dòng đầu tên cơ quan",
             f"lệch {_mm(abs(qh.top - agency.top))}")
    if c.so is not None and c.date is not None:
        so, date = _first(laid, c.so, "số, ký hiệu"), _first(laid, c.date, "địa danh và ngày")
        if abs(so.top - date.top) > 1.2 * max(w.size for w in so.words + date.words) or date.x0 < so.x1:
            fail(_page_where(1, c.date.shown), "số, ký hiệu và địa danh, ngày trên cùng một hàng",
                 f"lệch {_mm(abs(so.top - date.top))}")


def margins(laid: Layout, doc: DocxFile, c: Components, fail) -> None:
    s = min(doc.sections, key=lambda x: x.left + x.right + x.top + x.bottom)
    to_pt = PT_PER_MM / TWIPS_PER_MM
    for page in laid.pages:
        left, right = s.left * to_pt, page.width - s.right * to_pt
        top, bottom = s.top * to_pt, page.height - s.bottom * to_pt
        worst: tuple[float, str, str] | None = None

        def consider(x0, x1, y0, y1, what: str, tolerance: float) -> None:
            nonlocal worst
            overs = [(left - x0, "lề trái"), (x1 - right, "lề phải"), (top - y0, "lề trên"), (y1 - bottom, "lề dưới")]
            over, side = max(overs)
            if over > tolerance and (worst is None or over > worst[0]):
                worst = (over, side, what)

        header_chars = [ch for ch in page.chars if float(ch["bottom"]) <= top]
        number_band = "".join(ch["text"] for ch in header_chars).strip()
        for ch in page.chars:
            if ch in header_chars and number_band.isdigit():
                continue  # the page number lives in the top margin (Phụ lục I, Mục I.7)
            consider(float(ch["x0"]), float(ch["x1"]), float(ch["top"]), float(ch["bottom"]),
                     f"chữ «{ch['text']}»", TEXT_INK_TOLERANCE_PT)
        for obj in page.lines + page.curves:
            consider(float(obj["x0"]), float(obj["x1"]), float(obj["top"]), float(obj["bottom"]),
                     "đường kẻ", LINE_INK_TOLERANCE_PT)
        for obj in page.rects:
            if obj.get("fill") or obj.get("stroke"):
                consider(float(obj["x0"]), float(obj["x1"]), float(obj["top"]), float(obj["bottom"]),
                         "khung, nền", LINE_INK_TOLERANCE_PT)
        for obj in page.images:
            consider(float(obj["x0"]), float(obj["x1"]), float(obj["top"]), float(obj["bottom"]),
                     "hình ảnh", TEXT_INK_TOLERANCE_PT)
        if worst is not None:
            over, side, what = worst
            fail(_page_where(page.number), "mọi nội dung nằm trong lề trang", f"{what} tràn {side} {_mm(over)}")


def signature(laid: Layout, doc: DocxFile, c: Components, fail) -> None:
    """The signer's title and name on one page (a split block fails), with room between."""
    if c.signer_titles and c.signer_name is None and c.so is not None and not any(
            ch.isdigit() for ch in c.so.shown.split("/", 1)[0]):
        raise NotApplicable("dự thảo chưa ghi họ tên người ký")
    if not c.signer_titles or c.signer_name is None:
        raise Skip("không tìm thấy chức vụ và họ tên người ký trong văn bản")
    try:
        number, title, name = pagination.signer_pages(laid, c)
    except pagination.Split as split:
        fail(_page_where(split.page, c.signer_name.shown), "chức vụ và họ tên người ký trên cùng một trang", split.found)
        return
    gap = name.top - title.bottom
    if gap < SIGNATURE_GAP_MIN_MM * PT_PER_MM:
        fail(_page_where(number, c.signer_name.shown),
             f"ít nhất {num(SIGNATURE_GAP_MIN_MM)} mm giữa chức vụ và họ tên", _mm(gap))


def heading_keep(laid: Layout, doc: DocxFile, c: Components, fail) -> None:
    pagination.heading_keep(laid, doc, c, fail, _page_where)


CHECKS = {
    "ND30-LAYOUT-QH-LINE": qh_line,
    "ND30-LAYOUT-TN-RULE": tn_rule,
    "ND30-LAYOUT-CQ-RULE": cq_rule,
    "ND30-LAYOUT-TRICHYEU-RULE": trich_yeu_rule,
    "ND30-LAYOUT-HEADER": header,
    "ND30-LAYOUT-MARGINS": margins,
    "ND30-LAYOUT-SIGNATURE": signature,
    "ND30-LAYOUT-HEADING-KEEP": heading_keep,
}
_missing = [r for r, rule in BY_ID.items() if rule.layout and r not in CHECKS]
assert not _missing, f"layout rules without a check: {_missing}"
