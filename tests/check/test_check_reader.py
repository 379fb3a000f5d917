"""Effective formatting and text, read the way Word reads them."""

from __future__ import annotations

import docfactory as F
import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from docgen.check import check_document
from docgen.check.docmodel import is_page_field
from docgen.check.reader import read
from docgen.check.styles import StyleSheet

W = nsdecls("w")


def styles_xml(body: str, defaults: str = "") -> StyleSheet:
    root = parse_xml(f'<w:styles {W}><w:docDefaults>{defaults}</w:docDefaults>{body}</w:styles>')
    return StyleSheet(root, None, None)


def test_based_on_chain_child_overrides_parent():
    sheet = styles_xml(
        '<w:style w:type="paragraph" w:styleId="A"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
        '<w:sz w:val="24"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>',
        '<w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault>')
    fmt = sheet.run_format(None, "B", None, {})
    assert (fmt.font_ascii, fmt.font_hansi, fmt.size) == ("Arial", "Arial", 14)
    assert sheet.run_format(None, None, None, {}).size == 10


def test_based_on_loop_does_not_hang():
    sheet = styles_xml(
        '<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/><w:rPr><w:i/></w:rPr></w:style>')
    fmt = sheet.run_format(None, "A", None, {})
    assert fmt.bold and fmt.italic


@pytest.mark.parametrize("para_bold,char_bold,direct,expected", [
    (True, False, None, True),
    (True, True, None, False),  # toggles: bold in both style layers cancels out
    (False, True, None, True),
    (True, True, True, True),  # direct formatting is absolute
    (True, False, False, False),
])
def test_bold_is_a_toggle_between_style_layers(para_bold, char_bold, direct, expected):
    sheet = styles_xml(
        f'<w:style w:type="paragraph" w:styleId="P"><w:rPr>{"<w:b/>" if para_bold else ""}</w:rPr></w:style>'
        f'<w:style w:type="character" w:styleId="C"><w:rPr>{"<w:b/>" if char_bold else ""}</w:rPr></w:style>')
    assert sheet.run_format(None, "P", "C", {} if direct is None else {"b": direct}).bold is expected


def test_theme_fonts_resolve_through_the_theme_part(save):
    document = docx.Document()  # python-docx's own template: theme fonts, 11 pt
    document.add_paragraph("Chữ trong mẫu mặc định")
    doc = read(save(document))
    run = doc.paras[0].runs[0]
    assert (run.fmt.font_hansi, run.fmt.size) == ("Cambria", 11)


def test_paragraph_properties_merge_attribute_by_attribute():
    sheet = styles_xml(
        '<w:style w:type="paragraph" w:styleId="P"><w:pPr><w:spacing w:before="120" w:line="276" w:lineRule="auto"/>'
        '<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>',
        '<w:pPrDefault><w:pPr><w:spacing w:after="200"/></w:pPr></w:pPrDefault>')
    fmt = sheet.para_format(None, "P", {"sp.before": 0})
    assert (fmt.before, fmt.after, fmt.line, fmt.first, fmt.align) == (0, 200, 276, 567, "both")


def _body_xml(document, xml: str) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    for el in parse_xml(f"<w:body {W} {vml}>{xml}</w:body>"):
        body.insert(len(body) - 1, el)


def test_text_joins_runs_hyperlinks_insertions_and_skips_field_codes(save):
    document = docx.Document()
    _body_xml(document,
              '<w:p><w:r><w:t xml:space="preserve">Lào </w:t></w:r><w:hyperlink><w:r><w:t>Ca</w:t></w:r></w:hyperlink>'
              '<w:ins w:id="1" w:author="a"><w:r><w:t>i</w:t></w:r></w:ins>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>, ngày</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t></w:r></w:p>')
    para = read(save(document)).paras[0]
    assert para.text == "Lào Cai, ngày\tx\ny"
    assert para.fields == ["DATE"]


def test_text_box_paragraphs_are_read_after_their_anchor(save):
    document = docx.Document()
    _body_xml(document,
              '<w:p><w:r><w:t>Neo</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
              '<w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>'
              '</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>')
    paras = read(save(document)).paras
    assert [p.text for p in paras] == ["Neo", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert paras[1].place.textbox


def test_numbering_labels_become_part_of_the_text(save):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="-"/><w:suff w:val="space"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="8"><w:abstractNumId w:val="8"/></w:num>'))
    _body_xml(document, "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{n}"/></w:numPr></w:pPr>'
        f'<w:r><w:t>{t}</w:t></w:r></w:p>' for n, t in (("7", "Như trên;"), ("8", "KẾT QUẢ"), ("8", "NHIỆM VỤ"))))
    assert [p.text for p in read(save(document)).paras] == ["- Như trên;", "I. KẾT QUẢ", "II. NHIỆM VỤ"]


def test_page_field_found_whether_split_over_runs_or_in_one_run(save):
    document = F.compliant()
    header = document.sections[0].header
    p = header.add_paragraph()
    p._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="begin"/><w:instrText> PAGE \\* MERGEFORMAT '
                          '</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>2</w:t>'
                          '<w:fldChar w:fldCharType="end"/></w:r>'))
    doc = read(save(document))
    paras = doc.sections[0].story("header", "default").paras
    assert [any(is_page_field(r.field) for r in para.runs) for para in paras] == [True, True]


def test_headers_are_inherited_by_later_sections(save):
    document = F.compliant()
    document.add_section()
    doc = read(save(document))
    assert len(doc.sections) == 2
    assert doc.sections[1].story("header", "default").part is doc.sections[0].story("header", "default").part
    assert check_document(save(document, "two.docx")).failed_rules == set()


def test_first_line_indent_in_characters(save):
    document = F.compliant()
    for p in F.body_paragraphs(document):
        ind = p._p.pPr.find(qn("w:ind"))
        ind.set(qn("w:firstLineChars"), "300")  # Word measures in characters when both are given
    report = check_document(save(document))
    assert report.failed_rules == {"ND30-BODY-INDENT"}
    assert report.failures[0].found == "thụt 1,48 cm"


def test_landscape_section_with_a_table_is_allowed(save):
    document = F.compliant()
    section = document.add_section()
    section.page_width, section.page_height = Mm(297), Mm(210)
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Bảng số liệu"
    report = check_document(save(document))
    assert "ND30-PAGE-ORIENT" not in report.failed_rules
