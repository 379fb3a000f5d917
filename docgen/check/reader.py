"""Open any .docx and read it as Word lays it out: paragraphs in document order (table cells
and text boxes included), their text joined across runs, each run with its effective
formatting, the sections with their page set-up, headers and footers, and PAGE fields."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from ..plumbing.errors import DocgenError
from .charmap import CharMap
from .docmodel import DocxFile, Para, Place, Run, Section, Story
from .package import broken, open_docx, open_streamed, related_root
from .styles import (
    W_VAL,
    ListCounter,
    StyleSheet,
    on_off,
    read_ppr,
    read_rpr,
    twips,
    w,
)

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
V_NS = "urn:schemas-microsoft-com:vml"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"

W_P, W_R, W_T, W_TBL, W_TR, W_TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
W_PPR, W_RPR, W_SDT, W_SDTCONTENT = w("pPr"), w("rPr"), w("sdt"), w("sdtContent")
W_TXBX = w("txbxContent")
W_PSTYLE, W_RSTYLE, W_SECTPR, W_TYPE = w("pStyle"), w("rStyle"), w("sectPr"), w("type")
W_NO_BREAK_HYPHEN, W_RENDERED_BREAK = w("noBreakHyphen"), w("lastRenderedPageBreak")
W_PAGE_BREAK_BEFORE = w("pageBreakBefore")
W_FLD_CHAR, W_FLD_CHAR_TYPE, W_INSTR_TEXT = w("fldChar"), w("fldCharType"), w("instrText")
W_FLD_SIMPLE, W_INSTR = w("fldSimple"), w("instr")
_TABS, _BREAKS = {w("tab"), w("ptab")}, {w("br"), w("cr")}
MC_ALT, MC_CHOICE = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice"
_DRAWN = {w("drawing"), w("pict"), w("object"), MC_ALT}
_SKIP_INLINE = {w("del"), w("moveFrom"), w("pPr"), w("rPr")}
_WRAP_INLINE = {w("ins"), w("moveTo"), w("hyperlink"), w("smartTag"), w("customXml"), w("dir"), w("bdo"),
                w("fldSimple"), W_SDTCONTENT}


def read(path: Path, keep_all: bool = False, whole: bool = False) -> DocxFile:
    """Read the whole document once; every rule works from this model. whole keeps document.xml's
    tree (and each paragraph's elements) for --fix; otherwise document.xml is streamed."""
    path = Path(path)
    if whole:
        document = open_docx(path, keep_all)
        blocks: Iterable[tuple] = (("block", el) for el in document.element.body)
    else:
        document, blocks = open_streamed(path, keep_all)
    try:
        return _build(path, document, blocks, keep_elements=whole)
    except DocgenError:
        raise
    except Exception as exc:  # noqa: BLE001 - malformed XML the package layer accepted
        raise broken(path, exc) from exc


def _build(path: Path, document, blocks: Iterable[tuple], keep_elements: bool) -> DocxFile:
    """blocks: ("block", el) for each child of the body; a top-level table may come instead as
    ("row", tbl, tr) for each of its rows as soon as it is read, then ("end", tbl)."""
    part = document.part
    styles = related_root(part, RT.STYLES)
    sheet = StyleSheet(styles, related_root(part, RT.THEME), related_root(part, RT.NUMBERING))
    walker = _Walker(sheet, ListCounter(sheet.numbering), "body")
    body_place = Place()
    sect_els: list[etree._Element] = []
    final: etree._Element | None = None
    table: list = [None]  # the top-level table whose rows are coming: element, number, style, next row
    for kind, block, *tr in blocks:
        kept = len(walker.paras)
        if kind != "block":
            if table[0] is not block:
                table = [block, *walker.table_begin(block, body_place), 0]
            if kind == "row":
                walker.row(tr[0], table[3], table[1], table[2], body_place)
                table[3] += 1
        elif block.tag == W_P:
            walker.child(block, body_place)
            sect = block.find(f"{W_PPR}/{W_SECTPR}")
            if sect is not None:
                sect_els.append(sect if keep_elements else copy.deepcopy(sect))
        elif block.tag == W_SECTPR:
            final = final if final is not None else block if keep_elements else copy.deepcopy(block)
        else:
            walker.child(block, body_place)
        if not keep_elements:
            _let_go(walker.paras[kept:])
    if final is not None:
        sect_els.append(final)
    fallback = document.element.body if keep_elements else etree.Element(W_SECTPR)  # --fix edits the body's
    sections = _sections(document, sheet, sect_els, walker.paras, fallback)
    return DocxFile(path, document, sheet, walker.paras, sections)


_NO_MAP = CharMap()


def _let_go(paras: list[Para]) -> None:
    """Drop the references to the XML of paragraphs just read, so the parser can free it; a cell
    becomes a token that its paragraphs still share."""
    tokens: dict[int, object] = {}
    for para in paras:
        para.el, para.char_map = None, _NO_MAP
        for run in para.runs:
            run.el = None
        cell = para.place.cell
        if isinstance(cell, etree._Element):
            para.place.cell = tokens.setdefault(id(cell), object())


def _first(el: etree._Element, tag: str) -> etree._Element | None:
    """el.find(tag) for one tag, without the path machinery (twice as fast; it runs for every run)."""
    return next(el.iterchildren(tag), None)


class _Walker:
    """Collects paragraphs of one story in reading order."""

    def __init__(self, sheet: StyleSheet, counter: ListCounter, story: str) -> None:
        self.sheet = sheet
        self.counter = counter
        self.story = story
        self.paras: list[Para] = []
        self.tables = 0
        self.section = 0

    def block(self, container: etree._Element, place: Place) -> None:
        for child in container:
            self.child(child, place)

    def child(self, child: etree._Element, place: Place) -> None:
        tag = child.tag
        if tag == W_P:
            self.paragraph(child, place)
        elif tag == W_TBL:
            self.table(child, place)
        elif tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                self.block(content, place)
        elif tag == w("customXml"):
            self.block(child, place)

    def table(self, tbl: etree._Element, outer: Place) -> None:
        number, table_style = self.table_begin(tbl, outer)
        for r, tr in enumerate(tbl.iterfind(W_TR)):
            self.row(tr, r, number, table_style, outer)

    def table_begin(self, tbl: etree._Element, outer: Place) -> tuple[int | None, str | None]:
        """The table's number in its story and its style: the first of its rows is enough."""
        if outer.table is None and not outer.textbox:
            self.tables += 1
            number = self.tables
        else:
            number = outer.table
        style_el = tbl.find(f"{w('tblPr')}/{w('tblStyle')}")
        return number, style_el.get(W_VAL) if style_el is not None else self.sheet.default("table")

    def row(self, tr: etree._Element, r: int, number: int | None, table_style: str | None, outer: Place) -> None:
        cells = [tc for tc in tr if tc.tag in (W_TC, W_SDT)]
        col = 0
        for tc in cells:
            if tc.tag == W_SDT:
                tc = tc.find(f"{W_SDTCONTENT}/{W_TC}")
                if tc is None:
                    continue
            span_el = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
            span = int(span_el.get(W_VAL)) if span_el is not None else 1
            place = Place(self.story, number, r, col, len(cells), outer.textbox, table_style, tc)
            self.block(tc, place)
            col += span

    def paragraph(self, p: etree._Element, place: Place) -> None:
        sheet = self.sheet
        ppr = _first(p, W_PPR)
        direct = read_ppr(ppr)
        style_el = _first(ppr, W_PSTYLE) if ppr is not None else None
        para_style = style_el.get(W_VAL) if style_el is not None else sheet.default("paragraph")
        fmt = sheet.para_format(place.table_style, para_style, direct)
        default_char = sheet.default("character")
        mark = sheet.run_format(place.table_style, para_style, None,
                                read_rpr(_first(ppr, W_RPR)) if ppr is not None else {})
        para = Para(index=0, el=p, fmt=fmt, runs=[], text="", label="", place=place, section=self.section, mark=mark)
        if ppr is not None:
            page_before = _first(ppr, W_PAGE_BREAK_BEFORE)
            if page_before is not None and on_off(page_before):
                para.page_breaks += 1
        label = self.counter.label(fmt.num_id, fmt.ilvl) if fmt.num_id else ""
        pieces: list[str] = [label]
        char_map = CharMap()
        char_map.add(None, 0, len(label))
        textboxes: list[etree._Element] = []
        state = {"depth": 0, "in_instr": False, "instr": "", "result_of": None}
        pos = len(label)

        def add_run(r: etree._Element, simple_field: str | None) -> None:
            nonlocal pos
            rpr = _first(r, W_RPR)
            rstyle = _first(rpr, W_RSTYLE) if rpr is not None else None
            char_style = rstyle.get(W_VAL) if rstyle is not None else default_char
            run_fmt = sheet.run_format(place.table_style, para_style, char_style, read_rpr(rpr))
            start = pos
            touched: str | None = None  # the field this run is part of, if any
            for child in r:
                tag = child.tag
                if state["depth"] and not state["in_instr"]:
                    touched = state["result_of"]
                if tag == W_T:
                    if state["in_instr"] or run_fmt.vanish:
                        continue
                    text = child.text or ""
                    pieces.append(text)
                    char_map.add(child, 0, len(text))
                    pos += len(text)
                elif tag in _TABS:
                    if not state["in_instr"] and not run_fmt.vanish:
                        pieces.append("\t")
                        char_map.add(child, -1, 1)
                        pos += 1
                elif tag in _BREAKS:
                    if child.get(W_TYPE) == "page":
                        para.page_breaks += 1
                    if not state["in_instr"] and not run_fmt.vanish:
                        pieces.append("\n")
                        char_map.add(child, -1, 1)
                        pos += 1
                elif tag == W_NO_BREAK_HYPHEN:
                    pieces.append("-")
                    char_map.add(child, -1, 1)
                    pos += 1
                elif tag == W_RENDERED_BREAK:
                    para.page_breaks += 1
                elif tag == W_FLD_CHAR:
                    kind = child.get(W_FLD_CHAR_TYPE)
                    if kind == "begin":
                        state["depth"] += 1
                        state["in_instr"] = True
                        state["instr"] = ""
                    elif kind == "separate":
                        state["in_instr"] = False
                        state["result_of"] = state["instr"].strip()
                        para.fields.append(state["result_of"])
                        touched = state["result_of"]
                    elif kind == "end":
                        if state["in_instr"]:  # a field with no result part still counts
                            para.fields.append(state["instr"].strip())
                        touched = touched or state["instr"].strip()
                        state["depth"] = max(0, state["depth"] - 1)
                        state["in_instr"] = False
                        state["result_of"] = None
                elif tag == W_INSTR_TEXT:
                    state["instr"] += child.text or ""
                    touched = touched or state["instr"].strip()
                elif tag in _DRAWN:
                    self._drawing(child, para, textboxes)
            if state["in_instr"]:
                touched = touched or state["instr"].strip() or "?"
            field_name = simple_field.strip() if simple_field else touched
            if pos > start or field_name:
                para.runs.append(Run(r, start, pos, run_fmt, field_name))

        def walk_inline(container: etree._Element, simple_field: str | None) -> None:
            for child in container:
                tag = child.tag
                if tag == W_R:
                    add_run(child, simple_field)
                elif tag in _SKIP_INLINE:
                    continue
                elif tag == W_FLD_SIMPLE:
                    instr = child.get(W_INSTR) or ""
                    para.fields.append(instr.strip())
                    walk_inline(child, instr)
                elif tag == W_SDT:
                    content = child.find(W_SDTCONTENT)
                    if content is not None:
                        walk_inline(content, simple_field)
                elif tag in _WRAP_INLINE:
                    walk_inline(child, simple_field)
                elif tag == MC_ALT:
                    choice = child.find(MC_CHOICE)
                    if choice is not None:
                        walk_inline(choice, simple_field)

        walk_inline(p, None)
        para.text = "".join(pieces)
        para.label = label
        para.char_map = char_map
        if ppr is not None and _first(ppr, W_SECTPR) is not None:
            self.section += 1
        self.paras.append(para)
        para.index = len(self.paras)
        for box in textboxes:
            self.block(box, Place(self.story, place.table, place.row, place.col, place.cols, True,
                                  None, place.cell))

    def _drawing(self, el: etree._Element, para: Para, textboxes: list[etree._Element]) -> None:
        if el.tag == MC_ALT:
            choice = el.find(MC_CHOICE)
            if choice is None:
                return
            for child in choice:
                self._drawing(child, para, textboxes)
            return
        para.drawing = True
        for node in el.iter():
            tag = node.tag
            if not isinstance(tag, str):
                continue
            if tag == W_TXBX:
                textboxes.append(node)
            elif tag == f"{{{A_NS}}}prstGeom" and node.get("prst") in ("line", "straightConnector1"):
                para.line_shape = True
            elif tag == f"{{{V_NS}}}line":
                para.line_shape = True
            elif tag == f"{{{V_NS}}}shape" and (node.get("type") or "").endswith("_x0000_t32"):
                para.line_shape = True
            elif tag == f"{{{WPS_NS}}}cNvCnPr":
                para.line_shape = True


def _sections(document, sheet: StyleSheet, sect_els: list[etree._Element], paras: list[Para],
              fallback: etree._Element) -> list[Section]:
    sections: list[Section] = []
    inherited: dict[tuple[str, str], Story] = {}
    for index, el in enumerate(sect_els):
        pg_sz, pg_mar = el.find(w("pgSz")), el.find(w("pgMar"))
        width = twips(pg_sz, "w") if pg_sz is not None else None
        height = twips(pg_sz, "h") if pg_sz is not None else None
        orient = (pg_sz.get(w("orient")) if pg_sz is not None else None) or "portrait"

        def margin(name: str) -> int:
            val = twips(pg_mar, name) if pg_mar is not None else None
            return abs(val) if val is not None else 1440  # Word's default, 1 inch

        title = el.find(w("titlePg"))
        stories = dict(inherited)
        for kind in ("header", "footer"):
            for ref in el.iterfind(w(f"{kind}Reference")):
                rid = ref.get(f"{{{R_NS}}}id")
                type_ = ref.get(w("type")) or "default"
                try:
                    part = document.part.related_parts[rid]
                except KeyError:
                    continue
                walker = _Walker(sheet, ListCounter(sheet.numbering), kind)
                walker.block(part.element, Place(story=kind))
                for para in walker.paras:
                    para.section = index
                stories[(kind, type_)] = Story(kind, type_, part, walker.paras)
        inherited = stories
        sections.append(Section(
            index=index, el=el, width=width or 12240, height=height or 15840, orient=orient,
            top=margin("top"), bottom=margin("bottom"), left=margin("left"), right=margin("right"),
            title_pg=title is not None and on_off(title), stories=stories,
        ))
    if not sections:
        sections.append(Section(0, fallback, 12240, 15840, "portrait", 1440, 1440, 1800, 1800, False, {}))
    for para in paras:
        para.section = min(para.section, len(sections) - 1)
    return sections
