"""Footnotes (chú thích) of a document (issue #12): the body's `[^n]` marks become Word footnote
references; the notes themselves are written into word/footnotes.xml of the rendered package."""

from __future__ import annotations

import io
import re
import zipfile
from html import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
SIZE_HALF_POINTS = 24  # 12 pt, under the 13-14 pt of the body

REFERENCE = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>'


def _note(n: int, text: str) -> str:
    size = f'<w:sz w:val="{SIZE_HALF_POINTS}"/><w:szCs w:val="{SIZE_HALF_POINTS}"/>'
    return (f'<w:footnote w:id="{n}"><w:p><w:pPr><w:jc w:val="both"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/>{size}</w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr>{size}</w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')


def footnotes_xml(notes: list[str]) -> str:
    separators = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                  '</w:r></w:p></w:footnote>')
    body = "".join(_note(i, text) for i, text in enumerate(notes, 1))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">{separators}{body}</w:footnotes>'


def attach(data: bytes, notes: list[str]) -> bytes:
    """The package with its footnotes part (replacing any the template had), its relationship
    and its content type."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            raw = src.read(info.filename)
            if info.filename == "word/footnotes.xml":
                continue
            if info.filename == "word/_rels/document.xml.rels" and REL.encode() not in raw:
                raw = raw.replace(b"</Relationships>",
                                  f'<Relationship Id="rIdDocgenFootnotes" Type="{REL}" Target="footnotes.xml"/>'
                                  f"</Relationships>".encode())
            if info.filename == "[Content_Types].xml" and b"/word/footnotes.xml" not in raw:
                raw = raw.replace(b"</Types>", f'<Override PartName="/word/footnotes.xml" ContentType="{CONTENT}"/>'
                                               f"</Types>".encode())
            dst.writestr(info, raw)
        member = zipfile.ZipInfo("word/footnotes.xml", date_time=(1980, 1, 1, 0, 0, 0))
        member.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(member, footnotes_xml(notes))
    assert "word/document.xml" in names
    return out.getvalue()


def references(xml: str) -> list[int]:
    return [int(n) for n in re.findall(r'w:footnoteReference w:id="(\d+)"', xml)]
