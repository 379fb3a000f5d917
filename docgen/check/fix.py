"""`docgen check --fix OUT.docx`: a corrected copy for the rules that need no judgement
(font, sizes, margins, indent and spacing, date and number padding, page numbering).
The input is never written; the copy appears atomically."""

from __future__ import annotations

import io
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from ..nd30 import layout as L
from ..plumbing.errors import DocgenError
from ..plumbing.ooxml import page_number_field
from ..plumbing.output import refuse_existing, write_atomic
from . import rules
from .components import Components, locate
from .docmodel import DocxFile, Para
from .reader import read
from .report import FAIL, Change, Location, Result
from .styles import w
from .text import num

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme")


class Fixer:
    def __init__(self, doc: DocxFile, c: Components) -> None:
        self.doc, self.c = doc, c
        self.changes: list[Change] = []
        self.edits: list[tuple[Para, int, int, str]] = []
        self.page_numbers_done = False

    def change(self, rule_id: str, where: Location, before: str, after: str) -> None:
        self.changes.append(Change(rule_id, where, before, after))


FIXERS: dict[str, Callable[[Fixer, Result], None]] = {}


def fixer(*rule_ids: str):
    def register(fn):
        for rule_id in rule_ids:
            FIXERS[rule_id] = fn
        return fn
    return register


def fix_document(src: Path, dst: Path, force: bool = False) -> list[Change]:
    """Write a corrected copy of src to dst (an existing dst only with force); return what was changed."""
    src, dst = Path(src), Path(dst)
    if dst.resolve() == src.resolve() or (dst.exists() and src.exists() and os.path.samefile(src, dst)):
        raise DocgenError(f"Tệp ghi ra «{dst}» trùng với tệp cần sửa; --fix không ghi đè văn bản gốc, hãy chọn tên khác.")
    refuse_existing([dst], force)
    doc = read(src, keep_all=True, whole=True)  # the fixed copy keeps every picture and part
    comps = locate(doc)
    fix = Fixer(doc, comps)
    for result in rules.run(doc, comps):
        if result.status == FAIL and result.rule.fixable:
            FIXERS[result.rule.id](fix, result)
    _apply_edits(fix.edits)
    _save(doc, dst)
    return fix.changes


def _save(doc: DocxFile, dst: Path) -> None:
    if not dst.parent.is_dir():
        raise DocgenError(f"Không có thư mục «{dst.parent}» để ghi tệp đã sửa.")
    data = io.BytesIO()
    doc.document.save(data)
    write_atomic(dst, data.getvalue())  # a temporary name beside dst, then one rename; never through a link


# ---------------------------------------------------------------- XML helpers

def _child(parent: etree._Element, tag: str, before: tuple[str, ...] = ()) -> etree._Element:
    """The child `tag` of parent, created (before the first of `before` present) when missing."""
    el = parent.find(w(tag))
    if el is None:
        el = etree.SubElement(parent, w(tag))
        for name in before:
            anchor = parent.find(w(name))
            if anchor is not None:
                anchor.addprevious(el)
                break
    return el


def _rpr(run_el: etree._Element) -> etree._Element:
    rpr = run_el.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        run_el.insert(0, rpr)
    return rpr


_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def _ordered_child(parent: etree._Element, tag: str, order: tuple[str, ...]) -> etree._Element:
    """The child `tag` of parent, made where the schema's sequence wants it when missing
    (Word refuses a document whose pPr/rPr children are out of order)."""
    el = parent.find(w(tag))
    if el is not None:
        return el
    el = etree.Element(w(tag))
    later = order[order.index(tag) + 1:]
    for child in parent:
        if isinstance(child.tag, str) and etree.QName(child).localname in later:
            child.addprevious(el)
            return el
    parent.append(el)
    return el


def _rpr_child(rpr: etree._Element, tag: str) -> etree._Element:
    return _ordered_child(rpr, tag, _RPR_ORDER)


def set_size(run_el: etree._Element, size: float) -> None:
    rpr = _rpr(run_el)
    for tag in ("sz", "szCs"):
        _rpr_child(rpr, tag).set(w("val"), str(int(round(size * 2))))


def set_toggle(run_el: etree._Element, tag: str, value: bool) -> None:
    _rpr_child(_rpr(run_el), tag).set(w("val"), "1" if value else "0")


def set_fonts(rfonts: etree._Element) -> None:
    """All four slots; theme attributes go, since Word lets them win over a named font."""
    for slot in THEME_SLOTS:
        rfonts.attrib.pop(w(slot), None)
    for slot in FONT_SLOTS:
        rfonts.set(w(slot), L.FONT_NAME)


_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")


def _ppr_child(p_el: etree._Element, tag: str) -> etree._Element:
    ppr = p_el.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p_el.insert(0, ppr)
    return _ordered_child(ppr, tag, _PPR_ORDER)


def _apply_edits(edits: list[tuple[Para, int, int, str]]) -> None:
    """Replace text spans, last first so earlier offsets stay true; runs keep their formatting."""
    for para, start, end, new in sorted(edits, key=lambda e: (e[0].index, id(e[0]), -e[1])):
        _replace(para, start, end, new)


def _replace(para: Para, start: int, end: int, new: str) -> None:
    anchor: tuple[etree._Element, int] | None = None
    for el, off in reversed(para.char_map[start:end]):
        if el is None:
            continue
        if off < 0:
            el.getparent().remove(el)
            continue
        el.text = el.text[:off] + el.text[off + 1:]
        el.set(XML_SPACE, "preserve")
        anchor = (el, off)
    if new and anchor is not None:
        el, off = anchor
        el.text = el.text[:off] + new + el.text[off:]


# ---------------------------------------------------------------- fixers

@fixer(*[r for r in rules.CHECKS if r.endswith("-SIZE") and r not in ("ND30-PAGE-SIZE", "ND30-PAGENUM-SIZE")])
def fix_sizes(fix: Fixer, result: Result) -> None:
    for finding in result.findings:
        new_sizes = set()
        for run, rng in finding.targets:
            new = rng.low if run.fmt.size < rng.low else rng.high
            set_size(run.el, new)
            new_sizes.add(new)
        fix.change(result.rule.id, finding.where, finding.found,
                   "cỡ " + " và ".join(num(s) for s in sorted(new_sizes)) + " pt")


@fixer("ND30-FONT")
def fix_font(fix: Fixer, result: Result) -> None:
    document = fix.doc.document
    styles = document.styles.element
    dd = _child(styles, "docDefaults", ("latentStyles", "style"))
    rpr = _child(_child(dd, "rPrDefault"), "rPr")
    set_fonts(_rpr_child(rpr, "rFonts"))
    roots = [styles, document.element]
    for s in fix.doc.sections:
        roots += [story.part.element for story in s.stories.values()]
    for root in roots:
        for rfonts in root.iter(w("rFonts")):
            set_fonts(rfonts)
    for finding in result.findings:
        fix.change(result.rule.id, finding.where, finding.found, L.FONT_NAME)


@fixer("ND30-FONT-COLOR")
def fix_color(fix: Fixer, result: Result) -> None:
    for finding in result.findings:
        for run in finding.targets:
            color = _rpr_child(_rpr(run.el), "color")
            for attr in ("themeColor", "themeShade", "themeTint"):
                color.attrib.pop(w(attr), None)
            color.set(w("val"), "000000")
        fix.change(result.rule.id, finding.where, finding.found, "màu đen")


@fixer("ND30-UNICODE")
def fix_unicode(fix: Fixer, result: Result) -> None:
    for finding in result.findings:
        for para in finding.targets:
            for t in para.el.iter(w("t")):
                if t.text:
                    t.text = unicodedata.normalize("NFC", t.text)
        fix.change(result.rule.id, finding.where, finding.found, "Unicode dựng sẵn (NFC)")


@fixer("ND30-INVISIBLE")
def fix_invisible(fix: Fixer, result: Result) -> None:
    for finding in result.findings:
        for para in finding.targets:
            for t in para.el.iter(w("t")):
                if t.text:
                    t.text = "".join(ch for ch in t.text if unicodedata.category(ch) != "Cf")
        fix.change(result.rule.id, finding.where, finding.found, "đã bỏ các ký tự vô hình")


@fixer("ND30-PAGE-SIZE")
def fix_page_size(fix: Fixer, result: Result) -> None:
    short, long_ = (round(v.mm * rules.TWIPS_PER_MM) for v in (L.PAGE_WIDTH, L.PAGE_HEIGHT))
    for finding in result.findings:
        for s in finding.targets:
            pg = _child(s.el, "pgSz")
            landscape = s.width > s.height
            pg.set(w("w"), str(long_ if landscape else short))
            pg.set(w("h"), str(short if landscape else long_))
        fix.change(result.rule.id, finding.where, finding.found, finding.expected)


@fixer("ND30-MARGIN-TOP", "ND30-MARGIN-BOTTOM", "ND30-MARGIN-LEFT", "ND30-MARGIN-RIGHT")
def fix_margin(fix: Fixer, result: Result) -> None:
    for finding in result.findings:
        for s, attr, rng in finding.targets:
            mm = getattr(s, attr) / rules.TWIPS_PER_MM
            new = rng.low if mm < rng.low else rng.high
            _child(s.el, "pgMar").set(w(attr), str(round(new * rules.TWIPS_PER_MM)))
            fix.change(result.rule.id, finding.where, finding.found, f"{num(new)} mm")


@fixer("ND30-SO-PAD", "ND30-DATE-PAD")
def fix_padding(fix: Fixer, result: Result) -> None:
    for finding in result.findings:
        fix.edits.extend(finding.targets)
        fix.change(result.rule.id, finding.where, finding.found, finding.expected)


@fixer("ND30-BODY-INDENT")
def fix_indent(fix: Fixer, result: Result) -> None:
    twips = round(L.FIRST_LINE_INDENT.twips)
    for finding in result.findings:
        for para, lead in finding.targets:
            if lead:
                fix.edits.append((para, len(para.label), len(para.label) + lead, ""))
            ind = _ppr_child(para.el, "ind")
            for attr in ("hanging", "hangingChars", "firstLineChars"):
                ind.attrib.pop(w(attr), None)
            ind.set(w("firstLine"), str(twips))
        fix.change(result.rule.id, finding.where, finding.found,
                   f"thụt đầu dòng {num(L.FIRST_LINE_INDENT_CM[0])} cm")


@fixer("ND30-BODY-SPACING")
def fix_spacing(fix: Fixer, result: Result) -> None:
    need = L.PARAGRAPH_SPACING_MIN_PT * 20
    for finding in result.findings:
        for para, _prev in finding.targets:
            spacing = _ppr_child(para.el, "spacing")
            for attr in ("beforeLines", "beforeAutospacing"):
                spacing.attrib.pop(w(attr), None)
            spacing.set(w("before"), str(max(para.fmt.before, need)))
            if para.fmt.contextual:
                _ppr_child(para.el, "contextualSpacing").set(w("val"), "0")
        fix.change(result.rule.id, finding.where, finding.found, f"{L.PARAGRAPH_SPACING_MIN_PT} pt")


@fixer("ND30-BODY-LINE")
def fix_line(fix: Fixer, result: Result) -> None:
    rng = L.LINE_SPACING_RANGE
    for finding in result.findings:
        for para in finding.targets:
            lines = min(max(rules.line_spacing(para), rng.low), rng.high)
            spacing = _ppr_child(para.el, "spacing")
            spacing.set(w("line"), str(round(lines * 240)))
            spacing.set(w("lineRule"), "auto")
            new = f"{num(lines)} dòng"
        fix.change(result.rule.id, finding.where, finding.found, new)


# ---------------------------------------------------------------- page numbers

@fixer("ND30-PAGENUM-MISSING", "ND30-PAGENUM-FIRST", "ND30-PAGENUM-HEADER", "ND30-PAGENUM-ALIGN",
       "ND30-PAGENUM-SIZE", "ND30-PAGENUM-STYLE")
def fix_page_numbers(fix: Fixer, result: Result) -> None:
    """One pass for every page-number rule: centred PAGE field in the default header of the
    first section, upright, in size, with a different (blank-numbered) first page."""
    for finding in result.findings:
        fix.change(result.rule.id, finding.where, finding.found, finding.expected)
    if fix.page_numbers_done:
        return
    fix.page_numbers_done = True
    document = fix.doc.document
    section = document.sections[0]
    numbered = rules.page_number_paras(fix.doc)
    for _s, kind, type_, para in numbered:
        if kind == "footer" or type_ == "first":
            _drop_paragraph(para.el)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    keep = [p for _s, kind, type_, p in numbered if kind == "header" and type_ != "first"]
    targets = [p.el for p in keep if p.el.getparent() is not None]
    if not any(t.getroottree().getroot() is header._element for t in targets):
        targets.append(_new_page_paragraph(header))
    rng = L.SO_TRANG.size
    for p_el in targets:
        _ppr_child(p_el, "jc").set(w("val"), "center")
        for run_el in p_el.iter(w("r")):
            rpr = run_el.find(w("rPr"))
            sz = rpr.find(w("sz")) if rpr is not None else None
            size = int(sz.get(w("val"))) / 2 if sz is not None and sz.get(w("val")) else None
            if size is None or size not in rng:
                set_size(run_el, rng.chosen if size is None else (rng.low if size < rng.low else rng.high))
            set_toggle(run_el, "i", False)
            set_fonts(_rpr_child(_rpr(run_el), "rFonts"))


def _drop_paragraph(p_el: etree._Element) -> None:
    parent = p_el.getparent()
    if parent is None:
        return
    if sum(1 for child in parent if child.tag == w("p")) == 1:  # a header or footer keeps one paragraph
        empty = etree.Element(w("p"))
        p_el.addprevious(empty)
    parent.remove(p_el)


def _new_page_paragraph(header) -> etree._Element:
    first = header.paragraphs[0] if header.paragraphs else None
    p = first.insert_paragraph_before() if first is not None and first.text.strip() else (first or header.add_paragraph())
    page_number_field(p)
    return p._p
