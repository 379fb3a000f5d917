"""The tables of a body (`bang` blocks) in the templates' body loop, and in an office's own
template that does not know them.

The built-in templates print a table item with `{%p if p.table %}{{p p.table }}`: the whole
paragraph becomes the table, its title above it (render/appendix.py builds both, as for the
appendices' tables). An office's body loop written before tables existed prints every item
with `{{r p }}`: a table item then prints a placeholder run, and `ensure` puts the table in
place of the paragraph that holds it, with a warning. A table printed nowhere is reported.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from ..model.document import Table
from ..plumbing.safezip import xml_parser
from .appendix import TABLE_BOOKMARK, titled_table_xml
from .zipwrite import Entry, zip_entries

PLACEHOLDER = "docgen-bang-{n}"  # the text `{{r p }}` prints for table n (from 1)
_PLACEHOLDER = re.compile(r"^docgen-bang-(\d+)$")
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"


def placeholder_xml(n: int) -> str:
    return f'<w:r><w:t xml:space="preserve">{PLACEHOLDER.format(n=n + 1)}</w:t></w:r>'


def ensure(docx: bytes, body, before: float) -> tuple[bytes, list[str]]:
    """Every table of the body in the document: put in place of a paragraph that prints its
    placeholder; a warning for each way the template fell short."""
    tables = [item for item in body if isinstance(item, Table)]
    if not tables:
        return docx, []
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml")
        placed = xml.count(f'w:name="{TABLE_BOOKMARK}'.encode())
        if placed >= len(tables) and b"docgen-bang-" not in xml:
            return docx, []
        root = etree.fromstring(xml, xml_parser())
        rescued = _replace_placeholders(root, tables, before)
        entries = [Entry(i.filename, i.date_time, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                                 standalone=True)
                         if i.filename == "word/document.xml" else z.read(i)) for i in z.infolist()]
    warnings = []
    if rescued:
        warnings.append(f"Vòng lặp nội dung của mẫu văn bản chưa có nhánh in bảng nên docgen đặt {rescued} bảng (bang) "
                        "vào chỗ đoạn văn in nó. Hãy sửa vòng lặp nội dung của mẫu: {%p if p.table %}{{p p.table }}"
                        "{%p elif p.keep %}{{r p }}{%p else %}{{r p }}{%p endif %} (xem: docgen template export).")
    missing = len(tables) - placed - rescued
    if missing > 0:
        warnings.append(f"Mẫu văn bản không in {missing} bảng (bang) của nội dung: vòng lặp nội dung của mẫu không in "
                        "các mục bằng {{r p }} hay {{p p.table }}. Hãy thêm vào vòng lặp {%p if p.table %}"
                        "{{p p.table }}{%p endif %} (xem: docgen template export), hoặc dùng mẫu có sẵn của docgen.")
    return zip_entries(entries), warnings


def _replace_placeholders(root, tables: list[Table], before: float) -> int:
    """Each paragraph printing a placeholder becomes that table; how many were put in place."""
    done = 0
    for t in list(root.iter(f"{_W}t")):
        m = _PLACEHOLDER.match(t.text or "")
        p = next((a for a in t.iterancestors(f"{_W}p")), None)
        if m is None or p is None or not 1 <= int(m[1]) <= len(tables):
            continue
        n = int(m[1]) - 1
        wrapper = etree.fromstring(f'<w:x xmlns:w="{_W_NS}">{titled_table_xml(tables[n], before, n)}</w:x>')
        for el in wrapper:
            p.addprevious(el)
        parent = p.getparent()
        parent.remove(p)
        if parent.tag == f"{_W}tc" and parent[-1].tag == f"{_W}tbl":  # a cell ends with a paragraph
            etree.SubElement(parent, f"{_W}p")
        done += 1
    return done
