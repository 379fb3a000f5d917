"""The appendices of a document as OOXML for the templates' `{{p appendices }}` tag.

Each appendix starts on a new page after the signature block: its number line, title and
reference line centred (Phụ lục I, Mục III.1), then its paragraphs and tables. Every property is
written on the paragraph and run, so an office's own template, whatever its styles, prints them
the same. A template without the tag gets them at the end of its body (`ensure`), with a warning.
"""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from html import escape

from lxml import etree

from ..model.document import Appendix, Paragraph, Table
from ..nd30 import layout as L
from ..plumbing.safezip import xml_parser
from .footnotes import REFERENCE
from .zipwrite import Entry, zip_entries

BOOKMARK = "PhuLuc_"  # the number line of appendix n carries the bookmark PhuLuc_<n>
_FIRST_ID = 9001
TABLE_BOOKMARK = "Bang_"  # the n-th table of a body: the line above it carries Bang_<n>
_FIRST_TABLE_ID = 8001
_TWIPS_PER_MM = 1440 / 25.4
_CELL_MARGIN = 85  # twips, 1.5 mm each side of the cell text
_BORDER = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'


def _rpr(size: float, bold: bool = False, italic: bool = False) -> str:
    font = L.FONT_NAME
    half = round(size * 2)
    return (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>'
            f'{"<w:b/><w:bCs/>" if bold else ""}{"<w:i/><w:iCs/>" if italic else ""}'
            f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>')


def _text(text: str) -> str:
    return escape(text, quote=False).replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')


def _run(text: str, size: float, bold: bool = False, italic: bool = False) -> str:
    return f'<w:r>{_rpr(size, bold, italic)}<w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


def _ppr(align: str, *, before: float = 0, after: float = 0, line: float = 1.0, first_line_twips: int = 0,
         keep: bool = False, page_break: bool = False) -> str:
    return ('<w:pPr>' + ('<w:keepNext/>' if keep else '') + ('<w:pageBreakBefore/>' if page_break else '')
            + f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}" w:line="{round(line * 240)}" '
              'w:lineRule="auto"/>'
            + f'<w:ind w:left="0" w:right="0" w:firstLine="{first_line_twips}"/><w:jc w:val="{align}"/></w:pPr>')


def _heading(appendix: Appendix, n: int) -> str:
    """The number line (a new page, bookmarked), the title and the reference line."""
    mark = _FIRST_ID + n
    number = (f'<w:p>{_ppr("center", keep=True, page_break=True)}<w:bookmarkStart w:id="{mark}" w:name="{BOOKMARK}{n + 1}"/>'
              f'{_run(appendix.label, L.PHU_LUC_SO.size.chosen, bold=True)}<w:bookmarkEnd w:id="{mark}"/></w:p>')
    title = f'<w:p>{_ppr("center", before=6, keep=True)}{_run(appendix.title, L.PHU_LUC_TEN.size.chosen, bold=True)}</w:p>'
    reference = (f'<w:p>{_ppr("center", keep=True)}'
                 f'{_run(appendix.reference, L.PHU_LUC_KEM_THEO.size.chosen, italic=True)}</w:p>')
    return number + title + reference


def _paragraph(paragraph: Paragraph, line: float, before: float) -> str:
    size = L.NOI_DUNG.size.chosen
    runs = "".join(REFERENCE.format(n=r.note) if r.note is not None else _run(r.text, size, bool(r.bold), bool(r.italic))
                   for r in paragraph.runs)
    indent = round(L.FIRST_LINE_INDENT_CM[0] * 10 * _TWIPS_PER_MM)
    return f'<w:p>{_ppr("both", before=before, line=line, first_line_twips=indent, keep=paragraph.heading)}{runs}</w:p>'


def _cell(text: str, width: int, align: str, bold: bool) -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p>{_ppr(align, before=3, after=3)}{_run(text, L.BANG_O.size.chosen, bold=bold) if text else ""}</w:p></w:tc>')


def table_xml(table: Table) -> str:
    """Single borders, fixed column widths over the text area, the header row bold, centred and
    repeated on each page; a first column headed STT centred."""
    total = round(L.text_width_mm() * _TWIPS_PER_MM)
    share = sum(table.widths)
    widths = [round(total * w / share) for w in table.widths]
    widths[-1] += total - sum(widths)
    numbered = bool(table.header) and table.header[0].strip().upper() == "STT"
    borders = "".join(_BORDER.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    head = ('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
            + "".join(_cell(text, w, "center", True) for text, w in zip(table.header, widths)) + '</w:tr>')
    rows = "".join('<w:tr><w:trPr><w:cantSplit/></w:trPr>'
                   + "".join(_cell(text, w, "center" if i == 0 and numbered else "left", False)
                             for i, (text, w) in enumerate(zip(row, widths))) + '</w:tr>' for row in table.rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{borders}'
            f'</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{_CELL_MARGIN}" w:type="dxa"/>'
            f'<w:right w:w="{_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
            '<w:tblGrid>' + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + '</w:tblGrid>'
            + head + rows + '</w:tbl>')


def titled_table_xml(table: Table, before: float, n: int | None = None) -> str:
    """The table and the line above it, kept with it: its title (bold, centred), or a gap as
    high as the paragraph spacing; that line carries the bookmark Bang_<n> when n is given."""
    mark = "" if n is None else (f'<w:bookmarkStart w:id="{_FIRST_TABLE_ID + n}" w:name="{TABLE_BOOKMARK}{n + 1}"/>'
                                 f'<w:bookmarkEnd w:id="{_FIRST_TABLE_ID + n}"/>')
    if table.title:
        above = f'<w:p>{_ppr("center", before=before, after=3, keep=True)}{mark}{_run(table.title, L.NOI_DUNG.size.chosen, bold=True)}</w:p>'
    else:  # an empty paragraph whose mark is 1 pt high: only its spacing shows
        ppr = _ppr("left", before=before, keep=True).replace("</w:pPr>", '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr>')
        above = f'<w:p>{ppr}{mark}</w:p>'
    return above + table_xml(table)


def appendices_xml(appendices: tuple[Appendix, ...], line: float = L.LINE_SPACING_RANGE.chosen,
                   before: float = L.PARAGRAPH_SPACING_RANGE.chosen) -> str:
    """Every appendix, each from a new page; "" when there is none (the tag's paragraph goes)."""
    out: list[str] = []
    for n, appendix in enumerate(appendices):
        out.append(_heading(appendix, n))
        items = (*appendix.body, *appendix.tables)  # tables among the paragraphs, then the appendix's own
        for k, item in enumerate(items):
            if not isinstance(item, Table):
                out.append(_paragraph(item, line, before))
                continue
            out.append(titled_table_xml(item, before))
            if k + 1 == len(items) or isinstance(items[k + 1], Table):  # a paragraph after a table, as Word wants
                out.append(f'<w:p>{_ppr("left")}</w:p>')
    return "".join(out)


def ensure(docx: bytes, appendices: tuple[Appendix, ...], line: float, before: float) -> tuple[bytes, list[str]]:
    """Each appendix in a section of its own, its pages numbered from 1 (Phụ lục I, Mục III.1.đ).
    An office's template without `{{p appendices }}` would drop the appendices: they go at the end
    of its body instead, and a warning says how to place them."""
    if not appendices:
        return docx, []
    warnings: list[str] = []
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml")
        if f'w:name="{BOOKMARK}1"'.encode() not in xml:
            at = xml.rfind(b"<w:sectPr")  # the body's own section properties close it
            at = at if at != -1 else xml.rfind(b"</w:body>")
            xml = xml[:at] + appendices_xml(appendices, line, before).encode("utf-8") + xml[at:]
            warnings.append("Mẫu văn bản không có thẻ {{p appendices }} nên docgen đặt các phụ lục ở cuối văn bản, mỗi "
                            "phụ lục từ một trang mới. Hãy thêm một đoạn chỉ có thẻ {{p appendices }} sau khối nơi nhận, "
                            "chữ ký của mẫu (xem: docgen template export).")
        xml = _sections(xml)
        entries = [Entry(i.filename, i.date_time, xml if i.filename == "word/document.xml" else z.read(i))
                   for i in z.infolist()]
    return zip_entries(entries), warnings


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_AFTER_SECTPR = (f"{_W}pPrChange",)
# What follows w:pgNumType in w:sectPr (CT_SectPr order).
_AFTER_PGNUMTYPE = tuple(f"{_W}{t}" for t in ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection",
                                              "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"))


def _sections(xml: bytes) -> bytes:
    """A section break closes the text and each appendix but the last: every section takes the
    body's page set-up, headers and first-page header (no number on an appendix's first page), the
    appendices' pages are numbered from 1. The break rides on the paragraph before each appendix."""
    root = etree.fromstring(xml, xml_parser())
    body = root.find(f"{_W}body")
    last = body.find(f"{_W}sectPr") if body is not None else None
    if last is None:
        return xml
    heads = [b.getparent() for b in body.iter(f"{_W}bookmarkStart") if (b.get(f"{_W}name") or "").startswith(BOOKMARK)]
    for n, head in enumerate(heads):
        previous = head.getprevious()
        if previous is None or previous.tag != f"{_W}p":
            previous = etree.Element(f"{_W}p")
            head.addprevious(previous)
        ppr = previous.find(f"{_W}pPr")
        if ppr is None:
            ppr = etree.SubElement(previous, f"{_W}pPr")
            previous.insert(0, ppr)
        closing = _copy(last, restart=n > 0)
        end = next((c for c in ppr if c.tag in _AFTER_SECTPR), None)
        if end is not None:
            end.addprevious(closing)
        else:
            ppr.append(closing)
    _restart(last)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _copy(sect, restart: bool):
    out = deepcopy(sect)
    for attr in list(out.attrib):
        if attr.startswith(_W + "rsid"):
            del out.attrib[attr]
    pg = out.find(f"{_W}pgNumType")
    if pg is not None and not restart:
        pg.attrib.pop(f"{_W}start", None)
    if restart:
        _restart(out)
    return out


def _restart(sect) -> None:
    """Page numbers from 1 in this section."""
    pg = sect.find(f"{_W}pgNumType")
    if pg is None:
        pg = etree.Element(f"{_W}pgNumType")
        anchor = next((c for c in sect if c.tag in _AFTER_PGNUMTYPE), None)
        if anchor is not None:
            anchor.addprevious(pg)
        else:
            sect.append(pg)
    pg.set(f"{_W}start", "1")
