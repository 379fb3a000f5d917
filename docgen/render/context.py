"""Document model → the docxtpl context the templates read (see template_build)."""

from __future__ import annotations

import re
from html import escape

from docxtpl import RichText
from markupsafe import Markup

from ..model.document import Document, Paragraph, Table
from ..nd30 import layout as L
from ..plumbing.ooxml import rule_paragraph_xml
from .appendix import appendices_xml, titled_table_xml
from .footnotes import REFERENCE
from .metrics import fill_lines, text_width_pt
from .tables import placeholder_xml

_TWIPS_PER_PT = 20


def _centred_rule(column_mm: float, rule_pt: float) -> Markup:
    """The paragraph of a centred rule of rule_pt in a column of column_mm."""
    column_tw = column_mm / 25.4 * 72 * _TWIPS_PER_PT
    rule_tw = min(rule_pt * _TWIPS_PER_PT, column_tw)
    side = int(round((column_tw - rule_tw) / 2))
    return Markup(rule_paragraph_xml(side, side, L.RULE_WEIGHT_EIGHTHS))


def _longest(lines, style: L.Style) -> float:
    return max((text_width_pt(line, style.size.chosen, style.bold) for line in lines), default=0.0)


def _column_pt(mm: float) -> float:
    return mm / 25.4 * 72


# docgen breaks a long trích yếu itself a little short of the measured width, so that the
# lines it makes are never wrapped again by Word or LibreOffice.
WRAP_SLACK = 0.97


def trich_yeu_lines(text: str) -> list[str]:
    """The trích yếu's printed lines (Phụ lục I, Mục II.5.a: centred under the tên loại).

    Lines the author broke (a YAML block `trich_yeu: |`, one line per line) are kept as
    written. Otherwise a text wider than the text area is broken by docgen, word by word, and
    a last line of a single word takes the word before it down with it."""
    if "\n" in text:
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    lines = fill_lines(text.split(), _column_pt(L.text_width_mm()) * WRAP_SLACK, L.TRICH_YEU.size.chosen, True)
    while len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 2:
        lines[-1].insert(0, lines[-2].pop())
    return [" ".join(words) for words in lines]


def rules(doc: Document) -> dict[str, Markup]:
    """The three header rules, sized as Phụ lục I, Mục II.1.b, II.2.b and II.5.a ask; the
    trích yếu's from its longest printed line."""
    left_mm = L.HEADER_LEFT_MM
    right_mm = L.text_width_mm() - L.HEADER_LEFT_MM
    column_pt = _column_pt
    agency = min(_longest(doc.agency_lines, L.CO_QUAN_BAN_HANH), column_pt(left_mm))
    trich_yeu = min(_longest(trich_yeu_lines(doc.trich_yeu), L.TRICH_YEU), column_pt(L.text_width_mm()))
    tieu_ngu = text_width_pt(L.TIEU_NGU_TEXT, L.TIEU_NGU.size.chosen, True)
    return {
        "agency_rule": _centred_rule(left_mm, agency * L.RULE_FRACTION.chosen),
        "tieu_ngu_rule": _centred_rule(right_mm, tieu_ngu),
        "trich_yeu_rule": _centred_rule(L.text_width_mm(), trich_yeu * L.RULE_FRACTION.chosen),
    }


_SPECIAL = re.compile("[&<>\"']").search  # what html.escape changes

# What RichText.add writes for a run with no properties, bold, italic, or both.
_RUN_START = {
    (False, False): "<w:r>",
    (True, False): "<w:r><w:rPr><w:b/></w:rPr>",
    (False, True): "<w:r><w:rPr><w:i/></w:rPr>",
    (True, True): "<w:r><w:rPr><w:b/><w:i/></w:rPr>",
}


class BodyText(RichText):
    """A body paragraph's runs, and whether it keeps with the next paragraph (`p.keep` in the
    template): a heading keeps with its text, the closing paragraph with the signature, the
    paragraph before a table with the table. A table (`p.table`: its OOXML for `{{p p.table }}`)
    prints, through a plain `{{r p }}`, a placeholder render/tables.py puts the table in place of."""

    def __init__(self, keep: bool = False, table: Markup | None = None) -> None:
        super().__init__()
        self.keep = keep
        self.table = table


def rich(paragraph: Paragraph, keep: bool = False) -> BodyText:
    """The paragraph's runs as docxtpl's RichText, the XML written directly: the same XML as
    RichText.add(text, bold=…, italic=…), without its per-run keyword handling."""
    rt = BodyText(keep)
    rt.xml = "".join(REFERENCE.format(n=run.note) if run.note is not None else
                     f'{_RUN_START[bool(run.bold), bool(run.italic)]}<w:t xml:space="preserve">'
                     f'{escape(run.text) if _SPECIAL(run.text) else run.text}</w:t></w:r>' for run in paragraph.runs)
    return rt


def body(items, before: float = L.PARAGRAPH_SPACING_RANGE.chosen) -> list[BodyText]:
    """The body loop's items: paragraphs, and the tables among them (numbered from 0 in order)."""
    last = len(items) - 1
    out: list[BodyText] = []
    n = 0
    for i, p in enumerate(items):
        if isinstance(p, Table):
            item = BodyText(table=Markup(titled_table_xml(p, before, n)))
            item.xml = placeholder_xml(n)
            out.append(item)
            n += 1
        else:
            out.append(rich(p, p.heading or i == last or (i < last and isinstance(items[i + 1], Table))))
    return out


def build_context(doc: Document) -> dict:
    ctx = _fields(doc)
    if doc.cosigner is not None:  # biên bản: the secretary's signature, left of the chair's (Mẫu 1.9)
        ctx.update(cosigner_titles=list(doc.cosigner.titles), cosigner_name=doc.cosigner.name)
    return ctx


def _fields(doc: Document) -> dict:
    return {
        "parent_lines": list(doc.parent_lines),
        "agency_lines": list(doc.agency_lines),
        "number_line": doc.number_line,
        "date_line": doc.date_line,
        "ten_loai": doc.ten_loai,
        "trich_yeu": "\n".join(trich_yeu_lines(doc.trich_yeu)),
        "body": body(doc.body, doc.paragraph_spacing),
        "recipients": list(doc.recipients),
        "signer_titles": list(doc.signer.titles),
        "signer_name": doc.signer.name,
        "v_v": doc.v_v or "",
        "kinh_gui": list(doc.kinh_gui),
        "kinh_gui_head": doc.kinh_gui[0] if doc.kinh_gui else "",
        "kinh_gui_items": list(doc.kinh_gui[1:]),
        "marks": list(doc.marks),
        "appendices": Markup(appendices_xml(doc.appendices, doc.line_spacing, doc.paragraph_spacing)),
        **rules(doc),
    }
