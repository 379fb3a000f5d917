"""Builds the shipped docxtpl templates, so that what each contains is stated in code.

Run `python -m docgen.render.template_build` to rewrite templates/*.docx; the test suite
checks the shipped files equal what this produces. One template per document type; the
layout is Mẫu 1.4 of Phụ lục III (văn bản có tên loại), used by thông báo and chỉ thị.

Template fields (filled by docgen.render.context):
  parent_lines, agency_lines   lists of upper-case lines (ô 2)
  agency_rule, tieu_ngu_rule, trich_yeu_rule   {left, right} indents in twips of the rules
  number_line, date_line       ô 3, ô 4
  ten_loai, trich_yeu          ô 5a
  body                         list of RichText paragraphs (ô 6), the last ending ./.; a table
                               among them has p.table, its OOXML ({{p p.table }})
  recipients                   lines under "Nơi nhận:" (ô 9b, ô 12)
  signer_titles, signer_name   ô 7a, ô 7b
  appendices                   the phụ lục as OOXML, each from a new page ({{p appendices }})
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Cm, Mm, Pt

from ..nd30 import layout as L
from ..plumbing import ooxml

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT

HEADER_WIDTHS = (Mm(L.HEADER_LEFT_MM), Mm(L.text_width_mm() - L.HEADER_LEFT_MM))
SIGN_WIDTHS = (Mm(L.SIGN_LEFT_MM), Mm(L.text_width_mm() - L.SIGN_LEFT_MM))
TEMPLATE_TYPES = ("thong-bao", "chi-thi", "giay-moi", "cong-van")  # Mẫu 1.4 (TB, CT), 1.7, 1.5
KEEP_STYLE = "ND30 Noi dung lien sau"  # body paragraph kept on the page of the next one


def _style(doc, name: str, spec: L.Style | None, align, *, size: float | None = None,
           before: float = 0, after: float = 0, indent=None, line: float = 1.0, keep: bool = False):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    pf.line_spacing_rule = WD_LINE_SPACING.MULTIPLE if line != 1.0 else WD_LINE_SPACING.SINGLE
    if line != 1.0:
        pf.line_spacing = line
    if indent is not None:
        pf.first_line_indent = indent
    if keep:
        pf.keep_with_next = True
    font = style.font
    font.size = Pt(size if size is not None else spec.size.chosen)  # type: ignore[union-attr]
    if spec is not None:
        font.bold = spec.bold
        font.italic = spec.italic
    return style


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = L.FONT_NAME
    normal.font.size = L.NOI_DUNG.pt
    rpr = normal.element.get_or_add_rPr()
    ooxml.set_run_fonts(rpr, L.FONT_NAME)
    ooxml.set_language(rpr)
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    # No first or last line of a paragraph alone at the foot or head of a page (both Word
    # and LibreOffice read w:widowControl as "at least two lines on each side").
    normal.paragraph_format.widow_control = True
    # docDefaults too, so text outside any style still comes out in Times New Roman.
    defaults = doc.styles.element.find(".//{*}rPrDefault/{*}rPr")
    if defaults is not None:
        ooxml.set_run_fonts(defaults, L.FONT_NAME)

    _style(doc, "ND30 Co quan chu quan", L.CO_QUAN_CHU_QUAN, CENTER)
    _style(doc, "ND30 Co quan ban hanh", L.CO_QUAN_BAN_HANH, CENTER)
    _style(doc, "ND30 So ky hieu", L.SO_KY_HIEU, CENTER, before=6)
    _style(doc, "ND30 Quoc hieu", L.QUOC_HIEU, CENTER)
    _style(doc, "ND30 Tieu ngu", L.TIEU_NGU, CENTER)
    _style(doc, "ND30 Dia danh ngay", L.DIA_DANH_NGAY, CENTER, before=6)
    _style(doc, "ND30 V/v", L.TRICH_YEU_CONG_VAN, CENTER, before=6)  # Phụ lục I, Mục II.5.b: 6 pt under the Số
    # What introduces the text (Kính gửi, tên loại, trích yếu and its rule) stays on the page
    # of the text's first lines.
    _style(doc, "ND30 Kinh gui", L.KINH_GUI, LEFT, before=L.KINH_GUI_BEFORE_PT, indent=Cm(L.KINH_GUI_INDENT_CM), keep=True)
    _style(doc, "ND30 Kinh gui muc", L.KINH_GUI, LEFT, keep=True).paragraph_format.left_indent = Cm(L.KINH_GUI_LIST_INDENT_CM)
    _style(doc, "ND30 Ten loai", L.TEN_LOAI, CENTER, before=24, keep=True)
    _style(doc, "ND30 Trich yeu", L.TRICH_YEU, CENTER, keep=True)
    _style(doc, "ND30 Duong ke", None, CENTER, size=2, before=3, keep=True)  # keeps the rule clear of descenders
    _style(doc, "ND30 Noi dung", L.NOI_DUNG, JUSTIFY, before=L.PARAGRAPH_SPACING.pt,
           indent=L.FIRST_LINE_INDENT, line=L.LINE_SPACING_RANGE.chosen)
    # A heading (I., 1., a) with text under it) and the closing paragraph keep with what
    # follows: the heading with its first paragraph, the closing lines with the signature.
    # Based on the body style and adding only keep-with-next, so an office that edits the
    # body style in its own template edits these paragraphs too.
    keep = doc.styles.add_style(KEEP_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    keep.base_style = doc.styles["ND30 Noi dung"]
    keep.quick_style = True
    keep.paragraph_format.keep_with_next = True
    _style(doc, "ND30 Noi nhan nhan", L.NOI_NHAN_NHAN, LEFT)
    items = _style(doc, "ND30 Noi nhan", L.NOI_NHAN_DANH_SACH, LEFT)
    # A long item wraps under its text, not under the dash, as in the decree's own list.
    hang = Pt(L.NOI_NHAN_HANG_PT)
    items.paragraph_format.left_indent, items.paragraph_format.first_line_indent = hang, -hang
    _style(doc, "ND30 Chuc vu nguoi ky", L.QUYEN_HAN_CHUC_VU, CENTER)
    _style(doc, "ND30 Ho ten nguoi ky", L.HO_TEN_NGUOI_KY, CENTER, before=L.SIGNATURE_GAP_PT)
    _style(doc, "ND30 So trang", L.SO_TRANG, CENTER)
    _mark_style(doc)


def _mark_style(doc) -> None:
    """ô 10a/10b: TUYỆT MẬT … and HỎA TỐC, THƯỢNG KHẨN, KHẨN, upper case, bold, 13-14 pt, framed,
    stacked in the left column under the Số line (Phụ lục I, Mục II.10). Typed in black like the
    rest of the text (Mục I.2); the bright red is the ink of the stamp the văn thư applies."""
    from docx.oxml import parse_xml

    style = _style(doc, "ND30 Dau", L.TEN_LOAI, CENTER, before=6)
    ppr = style.element.get_or_add_pPr()
    sides = "".join(f'<w:{side} w:val="single" w:sz="8" w:space="1" w:color="auto"/>'
                    for side in ("top", "left", "bottom", "right"))
    ppr.append(parse_xml(f'<w:pBdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{sides}</w:pBdr>'))


def _marks(cell) -> None:
    """The marks' paragraphs (none when the document has none)."""
    _loop(cell, "line", "marks", "ND30 Dau")


def _para(container, text: str, style: str):
    p = container.add_paragraph(text, style=style)
    return p


def _loop(container, var: str, seq: str, style: str, rich: bool = False):
    """A docxtpl paragraph loop: one paragraph per item of seq."""
    _para(container, f"{{%p for {var} in {seq} %}}", style)
    _para(container, f"{{{{r {var} }}}}" if rich else f"{{{{ {var} }}}}", style)
    _para(container, "{%p endfor %}", style)


def _body(container) -> None:
    """The body loop; a table (`p.table`, bang) is printed whole in place of its paragraph; a
    paragraph whose `keep` is set (headings, the closing paragraph) is set in the keep-with-next
    style. Plain `{{r p }}` in an office's template still works (render/tables.py)."""
    _para(container, "{%p for p in body %}", "ND30 Noi dung")
    _para(container, "{%p if p.table %}", "ND30 Noi dung")
    _para(container, "{{p p.table }}", "ND30 Noi dung")
    _para(container, "{%p elif p.keep %}", KEEP_STYLE)
    _para(container, "{{r p }}", KEEP_STYLE)
    _para(container, "{%p else %}", "ND30 Noi dung")
    _para(container, "{{r p }}", "ND30 Noi dung")
    _para(container, "{%p endif %}", "ND30 Noi dung")
    _para(container, "{%p endfor %}", "ND30 Noi dung")


def _rule(container, name: str):
    """A rule sized by the text above it: the paragraph comes whole from the context."""
    return _para(container, f"{{{{p {name} }}}}", "ND30 Duong ke")


def _cell(table, row: int, col: int):
    cell = table.cell(row, col)
    cell._tc.remove(cell.paragraphs[0]._p)  # start empty; add_paragraph appends
    return cell


def _header(doc, prefix: str = ""):
    """Row 1 ô 2 | (ô 1, filled by the caller), row 2 ô 3 | ô 4 (Phụ lục I, Mục IV, sơ đồ bố trí).
    Returns the table, its top-right cell and the cell of the Số line."""
    header = doc.add_table(rows=2, cols=2)
    ooxml.table_without_borders(header)
    ooxml.table_fixed(header, list(HEADER_WIDTHS))
    left = _cell(header, 0, 0)
    _loop(left, "line", f"{prefix}parent_lines", "ND30 Co quan chu quan")
    _loop(left, "line", f"{prefix}agency_lines", "ND30 Co quan ban hanh")
    _rule(left, f"{prefix}agency_rule")
    number_cell = _cell(header, 1, 0)
    _para(number_cell, f"{{{{ {prefix}number_line }}}}", "ND30 So ky hieu")
    _para(_cell(header, 1, 1), f"{{{{ {prefix}date_line }}}}", "ND30 Dia danh ngay")
    return header, _cell(header, 0, 1), number_cell


def _signature(doc, prefix: str = "") -> None:
    """Nơi nhận | người ký, side by side, their first lines level (Phụ lục I, Mục II.9.b).
    One row that cannot split across pages: the authority lines, the title and the name, and
    the Nơi nhận beside them, always go to the same page."""
    sign = doc.add_table(rows=1, cols=2)
    ooxml.table_without_borders(sign)
    ooxml.table_fixed(sign, list(SIGN_WIDTHS))
    ooxml.row_cant_split(sign.rows[0])
    left = _cell(sign, 0, 0)
    _para(left, "Nơi nhận:", "ND30 Noi nhan nhan")
    _loop(left, "line", f"{prefix}recipients", "ND30 Noi nhan")
    right = _cell(sign, 0, 1)
    _loop(right, "line", f"{prefix}signer_titles", "ND30 Chuc vu nguoi ky")
    _para(right, f"{{{{ {prefix}signer_name }}}}", "ND30 Ho ten nguoi ky")
    last = doc.add_paragraph()  # Word needs a paragraph after a final table
    last.paragraph_format.space_before = Pt(0)
    ooxml.mark_size(last, 2)  # 1 pt high: it never makes a page of its own
    if not prefix:  # the phụ lục, each from a new page; the paragraph goes when there is none
        _para(doc, "{{p appendices }}", "Normal")


def _optional_trich_yeu(doc, doc_type: str) -> None:
    """ô 5a's trích yếu and its rule; a giấy mời may go without (many provinces print none)."""
    if doc_type == "giay-moi":
        _para(doc, "{%p if trich_yeu %}", "ND30 Trich yeu")
    _para(doc, "{{ trich_yeu }}", "ND30 Trich yeu")
    _rule(doc, "trich_yeu_rule")
    if doc_type == "giay-moi":
        _para(doc, "{%p endif %}", "ND30 Duong ke")
        # A giấy mời sent by name carries a Kính gửi block (ô 9a) like a công văn; most have none.
        _para(doc, "{%p if kinh_gui_head %}", "ND30 Kinh gui")
        _para(doc, "{{ kinh_gui_head }}", "ND30 Kinh gui")
        _loop(doc, "line", "kinh_gui_items", "ND30 Kinh gui muc")
        _para(doc, "{%p endif %}", "ND30 Kinh gui")


def build_document(doc_type: str):
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = L.PAGE_WIDTH, L.PAGE_HEIGHT
    section.top_margin = Mm(L.MARGIN_TOP_MM.chosen)
    section.bottom_margin = Mm(L.MARGIN_BOTTOM_MM.chosen)
    section.left_margin = Mm(L.MARGIN_LEFT_MM.chosen)
    section.right_margin = Mm(L.MARGIN_RIGHT_MM.chosen)
    section.header_distance = Mm(L.HEADER_DISTANCE_MM)
    # Page numbers from page 2 on, centred in the top margin (Phụ lục I, Mục I.7).
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.style = doc.styles["ND30 So trang"]
    ooxml.page_number_field(number)
    section.first_page_header.paragraphs[0].style = doc.styles["ND30 So trang"]

    _, right, number_cell = _header(doc)
    _para(right, L.QUOC_HIEU_TEXT, "ND30 Quoc hieu")
    _para(right, L.TIEU_NGU_TEXT, "ND30 Tieu ngu")
    _rule(right, "tieu_ngu_rule")

    if doc_type == "cong-van":
        # Mẫu 1.5: no tên loại; "V/v …" centred under the Số line, no rule (Mục II.5.b);
        # then Kính gửi (ô 9a, Mục II.9.a): one addressee on its line, or a "- …;" list.
        _para(number_cell, "{{ v_v }}", "ND30 V/v")
        _marks(number_cell)
        _para(doc, "{{ kinh_gui_head }}", "ND30 Kinh gui")
        _loop(doc, "line", "kinh_gui_items", "ND30 Kinh gui muc")
    else:
        _marks(number_cell)
        _para(doc, "{{ ten_loai }}", "ND30 Ten loai")
        _optional_trich_yeu(doc, doc_type)
        if doc_type in ("thong-bao", "chi-thi"):
            # ô 9a when the author addresses the notice or directive ("Kính gửi: …").
            _para(doc, "{%p if kinh_gui_head %}", "ND30 Kinh gui")
            _para(doc, "{{ kinh_gui_head }}", "ND30 Kinh gui")
            _loop(doc, "line", "kinh_gui_items", "ND30 Kinh gui muc")
            _para(doc, "{%p endif %}", "ND30 Kinh gui")
    _body(doc)

    gap = doc.add_paragraph(style="Normal")  # one blank line between ./. and the signature block
    gap.paragraph_format.keep_with_next = True  # ... that goes with the block
    _signature(doc)
    doc.core_properties.title = doc_type
    doc.core_properties.author = "docgen"
    return doc


TRICH_SAO = "trich-sao"


def build_trich_sao():
    """Bản trích sao on paper (Phụ lục I, Phần II; Mẫu 3.1): the original's Mẫu 1.4 layout up
    to the end of ô 6, with the excerpt as `body`; then, under a rule across the text area, the
    copy's own components: ô 2 and ô 3 of the copying agency, TRÍCH SAO and the place and date,
    its Nơi nhận and signer.

    Fields besides the original's: copy_form, copy_parent_lines, copy_agency_lines,
    copy_agency_rule, copy_number_line, copy_date_line, copy_recipients, copy_signer_titles,
    copy_signer_name.
    """
    doc = _up_to_body_end(TRICH_SAO)
    _style(doc, "ND30 Hinh thuc sao", L.SAO_Y_TRICH_SAO, CENTER)

    # The copy stays on the sheet that ends the copied text (Phụ lục I, Phần II).
    rule = _para(doc, "", "ND30 Duong ke")
    ooxml.bottom_border(rule, L.RULE_WEIGHT_EIGHTHS)
    ooxml.mark_size(rule, 4)
    rule.paragraph_format.space_before = Pt(12)
    rule.paragraph_format.space_after = Pt(6)
    copy, right, _ = _header(doc, "copy_")
    _para(right, "{{ copy_form }}", "ND30 Hinh thuc sao")
    gap = doc.add_paragraph(style="Normal")
    _signature(doc, "copy_")
    for p in [rule, *(p for cell in copy._cells for p in cell.paragraphs), gap]:
        p.paragraph_format.keep_with_next = True
    for row in copy.rows:
        ooxml.row_cant_split(row)
    _trim(doc)
    return doc


BIEN_BAN = "bien-ban"


def build_bien_ban():
    """Biên bản (Phụ lục III, Mẫu 1.9): the Mẫu 1.4 header, BIÊN BẢN and the trích yếu, the
    body; then two signatures side by side, THƯ KÝ on the left and CHỦ TỌA on the right, each
    centred in its half; Nơi nhận under them, at the left margin.

    Fields besides Mẫu 1.4's: cosigner_titles, cosigner_name (the secretary).
    """
    doc = _up_to_body_end(BIEN_BAN)
    gap = doc.add_paragraph(style="Normal")  # one blank line between ./. and the signatures
    sign = doc.add_table(rows=1, cols=2)
    ooxml.table_without_borders(sign)
    half = Mm(L.text_width_mm() / 2)
    ooxml.table_fixed(sign, [half, half])
    for col, prefix in ((0, "cosigner_"), (1, "signer_")):
        cell = _cell(sign, 0, col)
        _loop(cell, "line", f"{prefix}titles", "ND30 Chuc vu nguoi ky")
        _para(cell, f"{{{{ {prefix}name }}}}", "ND30 Ho ten nguoi ky")
    after = doc.add_paragraph(style="Normal")
    _para(doc, "Nơi nhận:", "ND30 Noi nhan nhan")
    _loop(doc, "line", "recipients", "ND30 Noi nhan")
    # The two signatures stay together, on the page of the text's last lines.
    for p in [gap, *(p for cell in sign._cells for p in cell.paragraphs)]:
        p.paragraph_format.keep_with_next = True
    ooxml.row_cant_split(sign.rows[0])
    after.paragraph_format.space_before = Pt(0)
    doc.core_properties.title = BIEN_BAN
    return doc


def _up_to_body_end(doc_type: str):
    """The type's Mẫu 1.4 document cut after its body loop: the caller lays out what follows."""
    doc = build_document(doc_type)
    paras = doc.paragraphs
    end = next(p for prev, p in zip(paras, paras[1:]) if prev.text == "{%p endif %}" and p.text == "{%p endfor %}")
    body = doc.element.body
    for el in list(body)[body.index(end._p) + 1:]:
        if not el.tag.endswith("}sectPr"):
            body.remove(el)
    return doc


def _trim(doc) -> None:
    """Leave out what the template never uses: the styles no paragraph names (python-docx's
    default template brings 180), the latent-style table, stylesWithEffects.xml and the
    thumbnail. A copy is made per agency, and LibreOffice opens the lean file in half the time."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    parts = [doc.part, *(rel.target_part for rel in doc.part.rels.values()
                         if rel.reltype in (RT.HEADER, RT.FOOTER, RT.NUMBERING))]
    wanted: set[str] = set()
    for part in parts:
        root = part.element if hasattr(part, "element") else None
        if root is not None:
            for tag in ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink"):
                wanted.update(el.get(qn("w:val")) for el in root.iter(qn(tag)))
    styles = doc.styles.element
    by_id = {el.get(qn("w:styleId")): el for el in styles.findall(qn("w:style"))}
    pending = list(wanted)
    while pending:  # a style needs the ones it is based on, links to and is followed by
        el = by_id.get(pending.pop())
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = el.find(qn(tag)) if el is not None else None
            if ref is not None and ref.get(qn("w:val")) not in wanted:
                wanted.add(ref.get(qn("w:val")))
                pending.append(ref.get(qn("w:val")))
    for style_id, el in by_id.items():
        if style_id not in wanted and el.get(qn("w:default")) not in ("1", "true"):
            styles.remove(el)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for owner in (doc.part, doc.part.package):
        for rel in list(owner.rels.values()):
            if rel.reltype.endswith(("/stylesWithEffects", "/thumbnail")):
                owner.rels.pop(rel.rId)


def build_bytes(doc_type: str) -> bytes:
    """The template as bytes, with fixed zip timestamps so builds are reproducible."""
    raw = io.BytesIO()
    doc = {TRICH_SAO: build_trich_sao, BIEN_BAN: build_bien_ban}.get(doc_type, lambda: build_document(doc_type))()
    import datetime as dt

    fixed = dt.datetime(2020, 3, 5)
    doc.core_properties.created = doc.core_properties.modified = fixed
    doc.core_properties.last_modified_by = "docgen"
    doc.core_properties.revision = 1
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0] if argv else Path(__file__).resolve().parents[2] / "templates")
    target.mkdir(parents=True, exist_ok=True)
    for doc_type in (*TEMPLATE_TYPES, TRICH_SAO, BIEN_BAN):
        path = target / f"{doc_type}.docx"
        path.write_bytes(build_bytes(doc_type))
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
