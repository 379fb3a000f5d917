"""Documents for the checker's tests: a fully compliant one built the way docgen's renderer
lays a page out, and Word-style variants typed by hand. Mutations in test_check_corpus.py break one
rule each."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from docgen.nd30 import layout as L
from docgen.nd30.dates import IssueDate, date_line, number_line
from docgen.nd30.recipients import LABEL, item_lines

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")  # Liberation Serif: the metrics of Times New Roman
PT_PER_MM = 72 / 25.4
CELL_MARGIN_MM = 1.9  # Word's default cell padding, 0.19 cm each side

BODY = [
    "Ngày 31 tháng 8 năm 2021, Ủy ban nhân dân tỉnh họp phiên thường kỳ tháng 9 năm 2021, đồng chí Chủ tịch "
    "Ủy ban nhân dân tỉnh chủ trì phiên họp; tham dự có các đồng chí thành viên Ủy ban nhân dân tỉnh, Thủ "
    "trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố.",
    "Sau khi nghe các báo cáo và ý kiến thảo luận của các đại biểu, đồng chí Chủ tịch Ủy ban nhân dân tỉnh "
    "kết luận như sau:",
    "1. Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Cục Thống kê và các cơ quan, đơn vị rà soát các chỉ "
    "tiêu, số liệu cần chuẩn hóa, tham mưu văn bản chỉ đạo của Ủy ban nhân dân tỉnh trước ngày 15/9/2021.",
    "2. Giao Sở Tài chính chủ trì, phối hợp với Cục Thuế tỉnh tiếp tục thực hiện tốt công tác thu ngân sách "
    "nhà nước, đề xuất các giải pháp điều hành bảo đảm thu đạt dự toán năm 2021.",
    "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị, địa phương biết và thực hiện./.",
]


@cache
def _font(bold: bool, italic: bool):
    from PIL import ImageFont

    style = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
    return ImageFont.truetype(str(FONT_DIR / f"LiberationSerif-{style[bold, italic]}.ttf"), 1000)


def text_width_pt(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    return _font(bold, italic).getlength(text) * size / 1000


def fonts(rpr_parent, name: str = L.FONT_NAME) -> None:
    """rFonts on all four slots, as docgen writes them."""
    rpr = rpr_parent.get_or_add_rPr() if hasattr(rpr_parent, "get_or_add_rPr") else rpr_parent
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(slot), name)


def add_run(paragraph, text: str, size: float, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts(run._r)
    return run


def para(container, text: str, style: L.Style | None = None, size: float | None = None, bold: bool | None = None,
         italic: bool | None = None, align=WD_ALIGN_PARAGRAPH.CENTER, before: float = 0):
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(0)
    if text:
        add_run(p, text, size or style.size.chosen, style.bold if bold is None else bold,
                style.italic if italic is None else italic)
    return p


def border(paragraph, side: str = "bottom") -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        ppr.append(bdr)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(L.RULE_WEIGHT_EIGHTHS))
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), "auto")
    bdr.append(edge)
    # schema order: pBdr comes before spacing, ind, jc
    for tag in ("w:spacing", "w:ind", "w:jc"):
        el = ppr.find(qn(tag))
        if el is not None:
            ppr.remove(el)
            ppr.append(el)


def rule_paragraph(container, width_mm: float, rule_mm: float):
    """An empty paragraph whose bottom border, narrowed by indents, is the rule."""
    p = container.add_paragraph()
    p.paragraph_format.space_before = Pt(0)
    p.paragraph_format.space_after = Pt(0)
    side = max(0.0, (width_mm - rule_mm) / 2)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    border(p)
    rpr = OxmlElement("w:rPr")  # a small paragraph mark keeps the empty rule line thin
    fonts(rpr)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "8")
    rpr.append(size)
    p._p.get_or_add_pPr().append(rpr)
    return p


def borderless(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)


def two_columns(document, left_mm: float, right_mm: float):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    borderless(table)
    for col, width in zip(table.columns, (left_mm, right_mm)):
        col.width = Mm(width)
        for cell in col.cells:
            cell.width = Mm(width)
    for cell in table.rows[0].cells:  # drop the empty paragraph python-docx puts in each cell
        cell._tc.remove(cell.paragraphs[0]._p)
    return table


def page_field(paragraph, size: float = L.SO_TRANG.size.chosen, italic: bool = False) -> None:
    """A PAGE field as Word writes it: begin, instruction, separate, result, end."""
    def run_with(child_tag: str, **attrs):
        run = add_run(paragraph, "", size, italic=italic)
        el = OxmlElement(child_tag)
        for key, value in attrs.items():
            el.set(qn(key), value)
        run._r.append(el)
        return el

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    instr = run_with("w:instrText")
    instr.text = " PAGE "
    instr.set(qn("xml:space"), "preserve")
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    add_run(paragraph, "2", size, italic=italic)
    run_with("w:fldChar", **{"w:fldCharType": "end"})


def defaults(document, size: float = L.NOI_DUNG.size.chosen) -> None:
    """Document defaults and the Normal style in Times New Roman, single spacing, no space after."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts(rpr)
    for el in rpr.findall(qn("w:sz")) + rpr.findall(qn("w:szCs")):
        el.set(qn("w:val"), str(int(size * 2)))
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = document.styles["Normal"]
    normal.font.name = L.FONT_NAME
    fonts(normal.element.get_or_add_rPr())


def page_setup(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = L.PAGE_WIDTH, L.PAGE_HEIGHT
    section.top_margin = Mm(L.MARGIN_TOP_MM.chosen)
    section.bottom_margin = Mm(L.MARGIN_BOTTOM_MM.chosen)
    section.left_margin = Mm(L.MARGIN_LEFT_MM.chosen)
    section.right_margin = Mm(L.MARGIN_RIGHT_MM.chosen)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def page_numbers(section) -> None:
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(p)


@dataclass
class Spec:
    """What the compliant document says; tests change fields to build variants."""

    ten_loai: str | None = "THÔNG BÁO"  # None: a công văn
    code: str = "TB-VPUBND"
    number: int | None = 5
    date: IssueDate = IssueDate(2021, 9, 15)
    place: str = "Lào Cai"
    parent: str | None = "UBND TỈNH LÀO CAI"
    agency: tuple[str, ...] = ("VĂN PHÒNG",)
    trich_yeu: str = "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại phiên họp thường kỳ tháng 9 năm 2021"
    vv: str = "V/v triển khai kết luận phiên họp thường kỳ tháng 9 năm 2021"
    kinh_gui: tuple[str, ...] = ()
    body: tuple[str, ...] = tuple(BODY)
    repeat_body: int = 1
    recipients: tuple[str, ...] = ("Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Các sở, ban, ngành thuộc UBND tỉnh")
    archive: str = "VT, TH"
    authority: tuple[str, ...] = ()
    position: str = "CHÁNH VĂN PHÒNG"
    signer: str = "Phan Quốc Nghĩa"
    header_rows: int = 1  # 2: Số and the date in a row of their own, as docgen's template has them
    keep_signer: bool = True  # the signature row cannot split across pages, as docgen writes it


def compliant(spec: Spec | None = None):
    """A document that follows every rule, laid out as docgen's renderer does."""
    spec = spec or Spec()
    document = docx.Document()
    defaults(document)
    section = document.sections[0]
    page_setup(section)
    page_numbers(section)

    text_mm = L.text_width_mm()
    left_mm, right_mm = L.HEADER_LEFT_MM, text_mm - L.HEADER_LEFT_MM
    head = two_columns(document, left_mm, right_mm)
    left, right = head.rows[0].cells
    if spec.parent:
        para(left, spec.parent, L.CO_QUAN_CHU_QUAN)
    for line in spec.agency:
        para(left, line, L.CO_QUAN_BAN_HANH)
    widest = max(text_width_pt(line, L.CO_QUAN_BAN_HANH.size.chosen, bold=True) for line in spec.agency)
    rule_paragraph(left, left_mm - 2 * CELL_MARGIN_MM, widest * L.RULE_FRACTION.chosen * 25.4 / 72)
    para(right, L.QUOC_HIEU_TEXT, L.QUOC_HIEU)
    para(right, L.TIEU_NGU_TEXT, L.TIEU_NGU)
    tn_mm = text_width_pt(L.TIEU_NGU_TEXT, L.TIEU_NGU.size.chosen, bold=True) * 25.4 / 72
    rule_paragraph(right, right_mm - 2 * CELL_MARGIN_MM, tn_mm)
    if spec.header_rows == 2:
        row = head.add_row()
        for cell in row.cells:
            cell._tc.remove(cell.paragraphs[0]._p)
        left, right = row.cells
    para(left, number_line(spec.number, spec.code), L.SO_KY_HIEU, before=6)
    if spec.ten_loai is None:
        para(left, spec.vv, L.TRICH_YEU_CONG_VAN, before=6)
    para(right, date_line(spec.place, spec.date), L.DIA_DANH_NGAY, before=6)

    if spec.ten_loai:
        para(document, spec.ten_loai, L.TEN_LOAI, before=18)
        para(document, spec.trich_yeu, L.TRICH_YEU)
        ty_pt = text_width_pt(spec.trich_yeu, L.TRICH_YEU.size.chosen, bold=True)
        ty_mm = min(ty_pt * 25.4 / 72, text_mm)
        rule_paragraph(document, text_mm, ty_mm * L.RULE_FRACTION.chosen)
    if spec.kinh_gui:
        first = "Kính gửi:" + (f" {spec.kinh_gui[0]}" if len(spec.kinh_gui) == 1 else "")
        p = para(document, first, L.KINH_GUI, align=WD_ALIGN_PARAGRAPH.LEFT, before=12)
        p.paragraph_format.left_indent = Cm(3.5)
        if len(spec.kinh_gui) > 1:
            for i, item in enumerate(spec.kinh_gui):
                end = "." if i == len(spec.kinh_gui) - 1 else ";"
                q = para(document, f"- {item}{end}", L.KINH_GUI, align=WD_ALIGN_PARAGRAPH.LEFT)
                q.paragraph_format.left_indent = Cm(4.5)

    texts = [t for _ in range(spec.repeat_body) for t in spec.body[:-1]] + [spec.body[-1]]
    for i, text in enumerate(texts):
        p = para(document, text, L.NOI_DUNG, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=L.PARAGRAPH_SPACING_MIN_PT)
        if i == 0:
            p.paragraph_format.space_before = Pt(12)
        p.paragraph_format.first_line_indent = L.FIRST_LINE_INDENT
        p.paragraph_format.line_spacing = L.LINE_SPACING_RANGE.chosen

    document.add_paragraph().paragraph_format.space_after = Pt(0)
    sign = two_columns(document, L.SIGN_LEFT_MM, text_mm - L.SIGN_LEFT_MM)
    if spec.keep_signer:
        sign.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = sign.rows[0].cells
    para(left, LABEL, L.NOI_NHAN_NHAN, align=WD_ALIGN_PARAGRAPH.LEFT)
    recipients = list(spec.recipients)
    if spec.kinh_gui:
        recipients = ["Như trên"] + recipients
    for line in item_lines(recipients, spec.archive):
        para(left, line, L.NOI_NHAN_DANH_SACH, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in list(spec.authority) + [spec.position]:
        para(right, line, L.QUYEN_HAN_CHUC_VU)
    para(right, spec.signer, L.HO_TEN_NGUOI_KY, before=L.SIGNATURE_GAP_PT)
    return document


def save(document, path: Path) -> Path:
    document.save(path)
    return path


# ---------------------------------------------------------------- finding things to mutate

def paragraphs(document):
    """Every paragraph in reading order, table cells included (python-docx objects)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []

    def walk(parent, element):
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                out.append(Paragraph(child, parent))
            elif child.tag == qn("w:tbl"):
                table = Table(child, parent)
                for row in table.rows:
                    for cell in row.cells:
                        walk(cell, cell._tc)
    walk(document._body, document.element.body)
    return out


def find(document, start: str):
    """The first paragraph whose text starts with `start`."""
    for p in paragraphs(document):
        if p.text.startswith(start):
            return p
    raise LookupError(start)


def body_paragraphs(document):
    return [p for p in paragraphs(document) if p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY]


def set_text(paragraph, text: str) -> None:
    """New text in the first run, the other runs emptied (formatting kept)."""
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def restyle(paragraph, **kwargs) -> None:
    for run in paragraph.runs:
        for key, value in kwargs.items():
            if key == "size":
                run.font.size = Pt(value)
            else:
                setattr(run.font, key, value)


# ---------------------------------------------------------------- typed the way Word users type

def split_runs(paragraph, every: int = 3) -> None:
    """Cut every run into runs of `every` characters, mid-word, each with the same formatting."""
    for run in list(paragraph.runs):
        text = run.text
        if len(text) <= every or run._r.find(qn("w:fldChar")) is not None:
            continue
        for start in range(every, len(text), every):
            clone = copy.deepcopy(run._r)
            for t in clone.findall(qn("w:t")):
                clone.remove(t)
            run._r.addnext(clone)
        pieces = [text[i:i + every] for i in range(0, len(text), every)]
        el = run._r
        for piece in pieces:
            from docx.text.run import Run
            Run(el, paragraph).text = piece
            el = el.getnext()


def tab_first_line(paragraph) -> None:
    """A tab typed at the start instead of a first-line indent."""
    paragraph.paragraph_format.first_line_indent = Cm(0)
    first = paragraph.runs[0]._r
    tab = OxmlElement("w:tab")
    first.insert(list(first).index(first.find(qn("w:t"))), tab)


def body_in_styles(document, size: float = L.NOI_DUNG.size.chosen) -> None:
    """Body formatting moved into a paragraph style based on another style; runs carry none.
    The document defaults go back to python-docx's (theme font, 11 pt), so only the basedOn
    chain can make the body right."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles
    rpr = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    rfonts.set(qn("w:asciiTheme"), "minorHAnsi")
    rfonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    for el in rpr.findall(qn("w:sz")):
        el.set(qn("w:val"), "22")
    base = styles.add_style("VN Co ban", WD_STYLE_TYPE.PARAGRAPH)
    base.base_style = styles["Normal"]
    base.font.size = Pt(size)
    fonts(base.element.get_or_add_rPr())
    body_style = styles.add_style("VN Noi dung", WD_STYLE_TYPE.PARAGRAPH)
    body_style.base_style = base
    pf = body_style.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = L.FIRST_LINE_INDENT
    pf.space_before, pf.space_after = Pt(L.PARAGRAPH_SPACING_MIN_PT), Pt(0)
    pf.line_spacing = L.LINE_SPACING_RANGE.chosen
    for p in body_paragraphs(document):
        ppr = p._p.pPr
        for tag in ("w:jc", "w:ind", "w:spacing"):
            el = ppr.find(qn(tag))
            if el is not None:
                ppr.remove(el)
        for run in p.runs:
            run._r.remove(run._r.rPr)
        p.style = body_style
    # every other run keeps its direct formatting, but now needs its font spelt out
    for p in paragraphs(document):
        for run in p.runs:
            if run._r.rPr is not None:
                fonts(run._r)


def vml_line(paragraph, x0_pt: float, x1_pt: float) -> None:
    """A line drawn with Word's line tool (VML), anchored in the paragraph, x from the left margin."""
    from lxml import etree

    v = "urn:schemas-microsoft-com:vml"
    run = paragraph.add_run()
    pict = OxmlElement("w:pict")
    run._r.append(pict)
    line = etree.SubElement(pict, f"{{{v}}}line", nsmap={"v": v})
    line.set("style", "position:absolute;z-index:1;mso-position-horizontal-relative:margin;"
                      "mso-position-vertical-relative:paragraph")
    line.set("from", f"{x0_pt:.1f}pt,1pt")
    line.set("to", f"{x1_pt:.1f}pt,1pt")
    line.set("strokeweight", ".75pt")


def tab_laid(spec: Spec | None = None):
    """The whole page typed without tables: the header and the signature placed with tab
    stops, rules drawn as line shapes, page number from a centre tab in the header."""
    spec = spec or Spec()
    document = docx.Document()
    defaults(document)
    section = document.sections[0]
    page_setup(section)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    number = section.header.paragraphs[0]
    number.paragraph_format.tab_stops.add_tab_stop(Mm(L.text_width_mm() / 2), WD_TAB_ALIGNMENT.CENTER)
    add_run(number, "", L.SO_TRANG.size.chosen).add_tab()
    page_field(number)
    left_stop_pt = L.HEADER_LEFT_MM / 2 * PT_PER_MM
    right_stop_pt = (L.HEADER_LEFT_MM + (L.text_width_mm() - L.HEADER_LEFT_MM) / 2) * PT_PER_MM

    def line(left: tuple[str, L.Style] | None, right: tuple[str, L.Style] | None):
        p = para(document, "", align=WD_ALIGN_PARAGRAPH.LEFT)
        for stop in (left_stop_pt, right_stop_pt):
            p.paragraph_format.tab_stops.add_tab_stop(Pt(stop), WD_TAB_ALIGNMENT.CENTER)
        if left:
            add_run(p, "\t" + left[0], left[1].size.chosen, left[1].bold, left[1].italic)
        if right:
            add_run(p, ("\t" if left else "\t\t") + right[0], right[1].size.chosen, right[1].bold, right[1].italic)
        return p

    def centred_rule(p, centre_pt: float, length_pt: float) -> None:
        vml_line(p, centre_pt - length_pt / 2, centre_pt + length_pt / 2)

    line((spec.parent, L.CO_QUAN_CHU_QUAN), (L.QUOC_HIEU_TEXT, L.QUOC_HIEU))
    line((spec.agency[0], L.CO_QUAN_BAN_HANH), (L.TIEU_NGU_TEXT, L.TIEU_NGU))
    rules = line(None, None)
    agency_pt = text_width_pt(spec.agency[0], L.CO_QUAN_BAN_HANH.size.chosen, bold=True)
    centred_rule(rules, left_stop_pt, agency_pt * L.RULE_FRACTION.chosen)
    centred_rule(rules, right_stop_pt, text_width_pt(L.TIEU_NGU_TEXT, L.TIEU_NGU.size.chosen, bold=True))
    line((number_line(spec.number, spec.code), L.SO_KY_HIEU), (date_line(spec.place, spec.date), L.DIA_DANH_NGAY))
    para(document, spec.ten_loai, L.TEN_LOAI, before=18)
    para(document, spec.trich_yeu, L.TRICH_YEU)
    trich_yeu_pt = min(text_width_pt(spec.trich_yeu, L.TRICH_YEU.size.chosen, bold=True),
                       L.text_width_mm() * PT_PER_MM)
    centred_rule(para(document, "", align=WD_ALIGN_PARAGRAPH.CENTER), L.text_width_mm() / 2 * PT_PER_MM,
                 trich_yeu_pt * L.RULE_FRACTION.chosen)
    for text in spec.body:
        p = para(document, text, L.NOI_DUNG, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=L.PARAGRAPH_SPACING_MIN_PT)
        p.paragraph_format.first_line_indent = L.FIRST_LINE_INDENT
        p.paragraph_format.line_spacing = L.LINE_SPACING_RANGE.chosen
    sign_stop = Mm(L.SIGN_LEFT_MM + (L.text_width_mm() - L.SIGN_LEFT_MM) / 2)
    first = para(document, "", align=WD_ALIGN_PARAGRAPH.LEFT, before=12)
    first.paragraph_format.tab_stops.add_tab_stop(sign_stop, WD_TAB_ALIGNMENT.CENTER)
    add_run(first, LABEL, L.NOI_NHAN_NHAN.size.chosen, True, True)
    add_run(first, "\t" + spec.position, L.QUYEN_HAN_CHUC_VU.size.chosen, True)
    for item in item_lines(list(spec.recipients), spec.archive):
        para(document, item, L.NOI_NHAN_DANH_SACH, align=WD_ALIGN_PARAGRAPH.LEFT)
    name = para(document, "", align=WD_ALIGN_PARAGRAPH.LEFT, before=48)
    name.paragraph_format.tab_stops.add_tab_stop(sign_stop, WD_TAB_ALIGNMENT.CENTER)
    add_run(name, "\t" + spec.signer, L.HO_TEN_NGUOI_KY.size.chosen, True)
    return document


__all__ = ["Spec", "compliant", "save", "find", "paragraphs", "body_paragraphs", "set_text", "restyle",
           "page_field", "border", "fonts", "add_run", "split_runs", "tab_first_line", "body_in_styles",
           "tab_laid"]
