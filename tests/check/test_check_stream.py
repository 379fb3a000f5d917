"""`docgen check` streams document.xml; `--fix` reads it whole. Both must see the same document:
same paragraphs, runs, formats, places (cells shared alike), sections, headers and footers."""

from __future__ import annotations

from pathlib import Path

import docfactory as F
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docgen.check.docmodel import DocxFile
from docgen.check.reader import read

ROOT = Path(__file__).resolve().parents[2]
W = nsdecls("w")
ODD_BLOCKS = [  # what a body may hold besides plain paragraphs, each in the body's own order
    f'<w:bookmarkStart {W} w:id="0" w:name="a"/>',
    f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>trong điều khiển nội dung</w:t></w:r></w:p></w:sdtContent></w:sdt>',
    f'<w:tbl {W}><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>'
    '<w:tr><w:tc><w:p><w:r><w:t>ô 1</w:t></w:r></w:p><w:p><w:r><w:t>ô 1, đoạn 2</w:t></w:r></w:p></w:tc>'
    '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:tbl><w:tr><w:tc><w:p><w:r><w:t>bảng lồng</w:t></w:r></w:p>'
    '</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr><w:bookmarkEnd w:id="0"/>'
    '<w:tr><w:tc><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>hàng 2</w:t></w:r></w:p>'
    '</w:tc><w:tc><w:p><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    f'<w:tbl {W}><w:tblPr/></w:tbl>',  # a table without rows still takes a number
    f'<w:p {W}><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:pPr></w:p>',
    f'<w:customXml {W}><w:p><w:r><w:t>trong customXml</w:t></w:r></w:p></w:customXml>',
    f'<w:tbl {W}><w:tr><w:tc><w:p><w:r><w:t>bảng thứ ba</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
]


def _seen(doc: DocxFile) -> tuple:
    cells: dict[int, int] = {}

    def cell(c) -> int | None:
        return None if c is None else cells.setdefault(id(c), len(cells))

    paras = [(p.index, p.text, p.label, p.fmt, p.mark, p.section, p.line_shape, p.drawing, p.page_breaks,
              tuple(p.fields), tuple((r.start, r.end, r.fmt, r.field) for r in p.runs),
              (p.place.story, p.place.table, p.place.row, p.place.col, p.place.cols, p.place.textbox,
               p.place.table_style, cell(p.place.cell))) for p in doc.paras]
    sections = [(s.index, s.width, s.height, s.orient, s.top, s.bottom, s.left, s.right, s.title_pg,
                 sorted((key, [p.text for p in story.paras]) for key, story in s.stories.items()))
                for s in doc.sections]
    return paras, sections


def _same(path: Path) -> None:
    whole, streamed = read(path, whole=True), read(path)
    assert _seen(streamed) == _seen(whole)
    assert all(p.el is None for p in streamed.paras) and all(p.el is not None for p in whole.paras)


def test_odd_bodies_read_alike(save):
    document = F.compliant()
    body = document.element.body
    anchor = body[len(body) // 2]
    for xml in ODD_BLOCKS:
        anchor.addnext(parse_xml(xml))
        anchor = anchor.getnext()
    _same(save(document))


@pytest.mark.parametrize("path", sorted((ROOT / "samples").glob("*.docx")) + sorted((ROOT / "templates").glob("*.docx")),
                         ids=lambda p: p.name)
def test_real_documents_read_alike(path):
    _same(path)
