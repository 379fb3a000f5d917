"""The office's line and paragraph spacing (docgen.yaml `trinh_bay`) written into the body style.

The built-in templates carry docgen's defaults in the "ND30 Noi dung" style; a document whose
office chose otherwise gets that style's w:spacing rewritten, so every body paragraph (and the
keep-with-next style based on it) follows, and Word shows the choice as the style's own.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..nd30 import layout as L
from .zipwrite import Entry, zip_entries

BODY_STYLE_ID = "ND30Noidung"
_STYLE = re.compile(rb'(<w:style\b[^>]*w:styleId="' + BODY_STYLE_ID.encode() + rb'"[^>]*>)(.*?)(</w:style>)', re.S)
_SPACING = re.compile(rb"<w:spacing\b[^>]*/>")
_PPR = re.compile(rb"(<w:pPr>)(.*?)(</w:pPr>)", re.S)
_AFTER_SPACING = re.compile(rb"<w:(ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|"
                            rb"textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b")


def is_default(line: float, before_pt: float) -> bool:
    return abs(line - L.LINE_SPACING_RANGE.chosen) < 1e-9 and abs(before_pt - L.PARAGRAPH_SPACING_RANGE.chosen) < 1e-9


def spacing_xml(line: float, before_pt: float) -> bytes:
    """w:spacing of a body paragraph: before in twentieths of a point, line in 240ths of a line."""
    return (f'<w:spacing w:before="{round(before_pt * 20)}" w:after="0" w:lineRule="auto" '
            f'w:line="{round(line * 240)}"/>').encode()


def restyle(styles_xml: bytes, line: float, before_pt: float) -> bytes:
    """styles.xml with the body style's spacing replaced; unchanged when it has no body style."""
    def one(m: re.Match) -> bytes:
        inner = m.group(2)
        if _SPACING.search(inner):
            inner = _SPACING.sub(spacing_xml(line, before_pt), inner, count=1)
        elif (ppr := _PPR.search(inner)) is not None:
            # w:spacing goes before w:ind, w:jc and the rest (CT_PPrBase order), else at the end.
            body = ppr.group(2)
            at = _AFTER_SPACING.search(body)
            cut = at.start() if at else len(body)
            body = body[:cut] + spacing_xml(line, before_pt) + body[cut:]
            inner = inner[:ppr.start()] + ppr.group(1) + body + ppr.group(3) + inner[ppr.end():]
        else:  # a style without paragraph properties: pPr goes before rPr, tblPr and the rest
            ppr = b"<w:pPr>" + spacing_xml(line, before_pt) + b"</w:pPr>"
            at = re.search(rb"<w:(rPr|tblPr|trPr|tcPr|tblStylePr)\b", inner)
            cut = at.start() if at else len(inner)
            inner = inner[:cut] + ppr + inner[cut:]
        return m.group(1) + inner + m.group(3)

    return _STYLE.sub(one, styles_xml, count=1)


def apply(docx: bytes, line: float, before_pt: float) -> bytes:
    """The .docx with the office's spacing; the same bytes when it is docgen's default."""
    if is_default(line, before_pt):
        return docx
    entries = []
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        for info in z.infolist():
            raw = z.read(info)
            if info.filename == "word/styles.xml":
                raw = restyle(raw, line, before_pt)
            entries.append(Entry(info.filename, info.date_time, raw))
    return zip_entries(entries)
