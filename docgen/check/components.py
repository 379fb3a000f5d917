"""Find the thể thức components in a document, whichever way it was typed.

docgen writes the header and the signature as two-column tables; Word users also type them
as tab-separated lines, line breaks inside one paragraph, text boxes or plain stacked
paragraphs. Components are therefore found by their wording (without diacritics, so a
misspelt Quốc hiệu is still found and then judged), and each is a Segment: a span of one
paragraph between tabs and line breaks, with the runs that print it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..nd30.codes import TYPE_CODES, TYPE_NAME_VARIANTS
from .docmodel import DocxFile, Para
from .tail import split_tail
from .text import fold

HEAD_LIMIT = 40  # the header of page 1 sits well inside the first 40 paragraphs
_QH = re.compile(r"cong\s*hoa\b.{0,40}?viet\s*nam")
_TN = re.compile(r"doc\s*lap\W{0,5}tu\s*do\W{0,5}hanh\s*phuc")
_SO = re.compile(r"^so\s*[:.;]?\s*[\w\s.…]*/\s*\S")
_DATE = re.compile(r"ngay\b.{0,12}\bthang\b.{0,12}\bnam\s*\d{4}")
_DATE_LINE = re.compile(r"^[^,()]{2,40},\s*ngay\b.{0,12}\bthang\b.{0,12}\bnam\s*\d{4}$")
_VV = re.compile(r"^v\s*/\s*v\b")
# Anything that looks like a signing-authority prefix, well or badly written (TM, T/M, K.T., Q.).
AUTHORITY_LIKE = re.compile(r"^(t\s*[./]?\s*m|k\s*[./]?\s*t|t\s*[./]?\s*l|t\s*[./]?\s*u\s*[./]?\s*q)[\s.:/]|^q\s*[.:]\s*")
_PLACEHOLDER = re.compile(r"^\(.*\)$")
_DRAFTER = re.compile(r"^[A-ZĐ]{1,8}\.\s*\(\d+\)\.?$")  # ô 12: PL.(300).
_DASHES = ("-", "–", "—", "+", "•", "*")
_TYPE_NAMES = {fold(name): name for name in TYPE_CODES} | {fold(v): name for v, name in TYPE_NAME_VARIANTS.items()}


@dataclass(frozen=True)
class Segment:
    """One line of one paragraph: the text between tabs and line breaks, trimmed."""

    para: Para
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.para.text[self.start:self.end]

    @property
    def shown(self) -> str:
        return self.para.shown[self.start:self.end]

    @property
    def whole(self) -> bool:
        """The paragraph holds nothing else, so its alignment is this segment's alignment."""
        body = self.para.text
        return not body[:self.start].strip() and not body[self.end:].strip()

    @property
    def tabs_before(self) -> int:
        """Tabs between the start of its line and the segment: which tab stop places it."""
        line_start = self.para.text.rfind("\n", 0, self.start) + 1
        return self.para.text.count("\t", line_start, self.start)

    def pieces(self):
        return self.para.runs_in(self.start, self.end)


def segments(para: Para, split: str = "\t\n") -> list[Segment]:
    """Non-blank spans of a paragraph between the separators, trimmed of spaces."""
    out: list[Segment] = []
    text = para.text
    pattern = re.compile(f"[^{re.escape(split)}]+")
    for m in pattern.finditer(text, len(para.label)):
        chunk = m.group()
        if not chunk.strip():
            continue
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        out.append(Segment(para, m.start() + lead, m.end() - trail))
    return out


def whole(para: Para) -> Segment | None:
    """The paragraph's text (label excluded) as one segment, trimmed; None when blank."""
    text = para.text
    body = text[len(para.label):]
    if not body.strip():
        return None
    start = len(para.label) + len(body) - len(body.lstrip())
    end = len(text) - (len(text) - len(text.rstrip()))
    return Segment(para, start, end)


@dataclass
class RuleMark:
    """A drawn rule under a component: a paragraph border or a line shape."""

    para: Para
    kind: str  # border or shape


@dataclass
class Components:
    quoc_hieu: Segment | None = None
    tieu_ngu: Segment | None = None
    tieu_ngu_rule: RuleMark | None = None
    agency_parent: list[Segment] = field(default_factory=list)
    agency: list[Segment] = field(default_factory=list)
    agency_rule: RuleMark | None = None
    so: Segment | None = None
    date: Segment | None = None
    vv: list[Segment] = field(default_factory=list)
    ten_loai: Segment | None = None
    doc_type: str | None = None  # the tên loại as printed in capitals, "CÔNG VĂN", or None
    trich_yeu: list[Segment] = field(default_factory=list)
    trich_yeu_rule: RuleMark | None = None
    kinh_gui: list[Segment] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    can_cu: list[Para] = field(default_factory=list)  # the căn cứ block: first body paragraphs, tên loại documents only
    tail: list[Para] = field(default_factory=list)  # notes after the closing "./."
    noi_nhan_label: Segment | None = None
    noi_nhan_items: list[Segment] = field(default_factory=list)
    signer_titles: list[Segment] = field(default_factory=list)
    signer_name: Segment | None = None
    header_tables: set[int] = field(default_factory=set)
    signature_table: int | None = None

    @property
    def recognised(self) -> bool:
        """Something marks the file as an administrative document: Quốc hiệu, Số or tên loại."""
        return self.quoc_hieu is not None or self.so is not None or self.doc_type is not None

    @property
    def has_ten_loai(self) -> bool:
        return self.ten_loai is not None

    @property
    def is_cong_van(self) -> bool:
        return self.doc_type == "CÔNG VĂN"


def _find(paras: list[Para], pattern: re.Pattern, split: str = "\t\n") -> Segment | None:
    for para in paras:
        for seg in segments(para, split):
            if pattern.search(fold(seg.text)):
                return seg
    return None


def _find_spanning(paras: list[Para], pattern: re.Pattern) -> Segment | None:
    """Like _find, but the match may run over a line break inside the paragraph."""
    seg = _find(paras, pattern)
    if seg is not None:
        return seg
    for para in paras:
        for seg in segments(para, "\t"):
            if pattern.search(fold(seg.text)):
                return seg
    return None


def _rule_after(paras: list[Para], para: Para, same_cell: bool) -> RuleMark | None:
    """The rule drawn under `para`: its own bottom border, a blank paragraph after it with a
    border (or the next one's top border), or a line shape in the same cell or paragraph.
    `paras` is the whole story, paras[i - 1] being paragraph i."""
    if para.fmt.border_bottom:
        return RuleMark(para, "border")
    if para.line_shape:
        return RuleMark(para, "shape")
    following = [p for p in paras[para.index:para.index + 3]
                 if not same_cell or p.place.cell is para.place.cell]
    for p in following:
        if p.fmt.border_top:
            return RuleMark(p, "border")
        if p.text.strip():
            break
        if p.fmt.border_bottom:
            return RuleMark(p, "border")
        if p.line_shape:
            return RuleMark(p, "shape")
    if same_cell and para.place.cell is not None:
        for p in paras:
            if p.place.cell is para.place.cell and p.line_shape:
                return RuleMark(p, "shape")
    return None


def _is_bold(seg: Segment) -> bool:
    chars = [(run, ch) for run, text in seg.pieces() for ch in text if not ch.isspace()]
    return bool(chars) and all(run.fmt.bold for run, _ in chars)


def _ten_loai(para: Para) -> str | None:
    seg = whole(para)
    if seg is None:
        return None
    return _TYPE_NAMES.get(fold(seg.shown))


def locate(doc: DocxFile) -> Components:
    c = Components()
    paras = doc.paras
    head = paras[:HEAD_LIMIT]

    ten_loai_para = next((p for p in head if not p.in_table and _ten_loai(p)), None)
    head_end = ten_loai_para.index - 1 if ten_loai_para else _head_end(head)
    zone = [p for p in head if p.index <= head_end]

    c.quoc_hieu = _find_spanning(zone, _QH)
    c.tieu_ngu = _find_spanning(zone, _TN)
    c.so = _find(zone, _SO)
    if c.quoc_hieu is not None:
        c.date = _find([p for p in zone if p.index >= c.quoc_hieu.para.index], _DATE)
    else:  # no Quốc hiệu to anchor on: only a line that reads "Place, ngày …" is a date line
        c.date = _find(zone, _DATE_LINE)
    for seg in (c.quoc_hieu, c.tieu_ngu, c.so, c.date):
        if seg is not None and seg.para.in_table:
            c.header_tables.add(seg.para.place.table)
    if c.tieu_ngu is not None:
        c.tieu_ngu_rule = _rule_after(paras, c.tieu_ngu.para, c.tieu_ngu.para.in_table)

    if c.quoc_hieu is not None or c.so is not None:
        _agency(c, zone, paras)
    _vv(c, paras)
    if ten_loai_para is not None:
        c.ten_loai = whole(ten_loai_para)
        c.doc_type = _ten_loai(ten_loai_para)
    elif c.vv:
        c.doc_type = "CÔNG VĂN"
    if c.quoc_hieu is None and c.so is None and c.doc_type is None:
        return c  # nothing marks this as an administrative document: no body or signature to judge

    cursor = _trich_yeu(c, paras, head_end)
    cursor = _kinh_gui(c, paras, cursor)
    from .signature_zone import signature_zone  # it reads the Segment helpers defined here

    zone_start = signature_zone(c, paras, cursor)
    c.body = [p for p in paras if cursor < p.index < zone_start and not p.in_table
              and not p.place.textbox and p.text[len(p.label):].strip() and not _table_title(p, paras)]
    c.body, c.tail = split_tail(c.body)
    c.can_cu = _can_cu(c)
    return c


def _table_title(p: Para, paras: list[Para]) -> bool:
    """The title of a table in the body (docgen's `bang`, a caption typed in Word): a centred
    line, all bold, straight above the table's first row. Not a body paragraph; the table's
    cells are none either."""
    below = paras[p.index] if p.index < len(paras) else None  # paras[i - 1] is paragraph i
    return (below is not None and below.in_table and not p.in_table and below.place.row == 0 and p.fmt.align == "center"
            and all(run.fmt.bold for run in p.runs if p.text[run.start:run.end].strip()))


def _can_cu(c: Components) -> list[Para]:
    """The căn cứ ban hành (ô 6, Phụ lục I, Mục II.6): the paragraphs opening with "Căn cứ"
    straight under the trích yếu of a document with a tên loại. A công văn has no such block
    (Mẫu 1.5), and a sentence of the body that happens to open with "Căn cứ" is body text."""
    if not c.has_ten_loai:
        return []
    block: list[Para] = []
    for p in c.body:
        if not fold(p.text[len(p.label):]).startswith("can cu"):
            break
        block.append(p)
    return block


def _head_end(head: list[Para]) -> int:
    """Without a tên loại: the header ends before "Kính gửi" or before the first long paragraph."""
    for p in head:
        if p.in_table:
            continue
        folded = fold(p.text)
        if folded.startswith("kinh gui") or len(folded) > 160:
            return p.index - 1
    return head[-1].index if head else 0


def _agency(c: Components, zone: list[Para], paras: list[Para]) -> None:
    known = {id(s.para): s for s in (c.quoc_hieu, c.tieu_ngu, c.date) if s is not None}
    if c.so is not None and c.so.para.in_table:
        here = c.so.para.place  # the agency sits above the Số line, in its column (docgen: the row above)
        candidates = [p for p in zone if p.place.table == here.table and p.place.col == here.col
                      and p.index < c.so.para.index]
    elif c.so is not None:
        candidates = [p for p in zone if p.index < c.so.para.index]
    elif c.quoc_hieu is not None and c.quoc_hieu.para.in_table:
        qh = c.quoc_hieu.para.place
        candidates = [p for p in zone if p.place.table == qh.table and p.place.col != qh.col]
    else:
        candidates = [p for p in zone if c.quoc_hieu is None or p.index <= c.quoc_hieu.para.index]
    lines: list[Segment] = []
    for p in candidates:
        segs = segments(p)
        if (not p.in_table and len(segs) > 1) or id(p) in known:  # a tabbed line: the agency comes first
            segs = segs[:1]
        for seg in segs:
            folded = fold(seg.text)
            if _QH.search(folded) or _TN.search(folded) or _DATE.search(folded) or _PLACEHOLDER.match(seg.text):
                continue
            if id(p) in known and seg.start >= known[id(p)].start:
                continue
            lines.append(seg)
    if not lines:
        return
    # The issuing agency is the bold block at the end; the chủ quản lines above it are regular.
    split = len(lines)
    while split > 0 and _is_bold(lines[split - 1]):
        split -= 1
    if split == len(lines):
        split -= 1
    c.agency_parent, c.agency = lines[:split], lines[split:]
    last = c.agency[-1].para
    c.agency_rule = _rule_after(paras, last, last.in_table)


def _vv(c: Components, paras: list[Para]) -> None:
    start = c.so.para.index if c.so is not None else 0
    scope = [p for p in paras[:HEAD_LIMIT] if p.index >= start and not _ten_loai(p)]
    for p in scope:
        for seg in segments(p, "\n" if p.in_table else "\t\n"):
            if _VV.match(fold(seg.text)):
                c.vv = [seg]
                rest = segments(p, "\n")
                c.vv += [s for s in rest if s.start > seg.start]
                if p.in_table:  # a subject wrapped by hand over several paragraphs of the cell
                    for q in paras[p.index:]:
                        if q.place.cell is not p.place.cell or not q.text.strip():
                            break
                        c.vv += segments(q, "\n")
                return


def _trich_yeu(c: Components, paras: list[Para], head_end: int) -> int:
    """Trích yếu lines under the tên loại and the rule under them; returns the last paragraph used."""
    if c.ten_loai is None:
        last = max([head_end] + [s.para.index for s in c.vv if not s.para.in_table]
                   + [p.index for p in paras if p.place.table in c.header_tables])
        return last
    cursor = c.ten_loai.para.index
    for p in paras[c.ten_loai.para.index:]:
        if p.in_table:
            break
        blank = not p.text.strip()
        if not blank and len(c.trich_yeu) >= 4:  # four lines at most; the rule under them still counts
            break
        if blank:
            if p.fmt.border_bottom or p.line_shape or p.fmt.border_top:
                c.trich_yeu_rule = RuleMark(p, "shape" if p.line_shape else "border")
                cursor = p.index
                break
            if c.trich_yeu:
                break
            cursor = p.index
            continue
        if _looks_like_body(p) or (c.trich_yeu and p.fmt.align != c.trich_yeu[0].para.fmt.align):
            if p.fmt.border_top and c.trich_yeu:
                c.trich_yeu_rule = RuleMark(p, "border")
            break
        c.trich_yeu += segments(p, "\n")
        cursor = p.index
        if p.fmt.border_bottom or p.line_shape:
            c.trich_yeu_rule = RuleMark(p, "shape" if p.line_shape else "border")
            break
    return cursor


def _looks_like_body(p: Para) -> bool:
    """A trích yếu is never indented, never a căn cứ or Kính gửi line, never a whole paragraph of text
    (published ones run to four lines, about 300 characters: tests/realdocs/dak-lak, 131/TB-VPUBND);
    a longer paragraph set as a trích yếu (centred, bold) is a long trích yếu."""
    folded = fold(p.text)
    seg = whole(p)
    set_as_title = p.fmt.align == "center" and seg is not None and _is_bold(seg)
    return p.fmt.first > 0 or (len(folded) > 320 and not set_as_title) or p.text.startswith("\t") \
        or folded.startswith(("can cu", "kinh gui", "thuc hien", "ngay "))


def _kinh_gui(c: Components, paras: list[Para], cursor: int) -> int:
    following = [p for p in paras[cursor:] if p.text.strip()]
    if not following or not fold(following[0].text).startswith("kinh gui"):
        return cursor
    label = following[0]
    c.kinh_gui = segments(label, "\n")
    cursor = label.index
    after = label.text.split(":", 1)[1].strip() if ":" in label.text else ""
    if after and not after.startswith(_DASHES):
        return cursor  # one recipient, on the label's line (a "- …" there starts the list)
    for p in following[1:]:
        seg = whole(p)
        if seg is None or not (p.label.strip() or seg.text.startswith(_DASHES)):
            break
        c.kinh_gui.append(seg)
        cursor = p.index
    return cursor
