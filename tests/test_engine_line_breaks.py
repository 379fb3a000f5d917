"""A part whose only listing character is a line break takes the engine's fast path; it must
write exactly what docxtpl's resolve_listing writes."""

from __future__ import annotations

import random
import re

from docxtpl import DocxTemplate

from docgen.render.engine import _line_breaks
from tests.conftest import ROOT

NL = "\n"
# The whole-part regex the engine used before it looked only around each newline.
TEXT_WITH_NEWLINE = re.compile(r"<w:t(?: [^>]*)?>[^<]*\n[^<]*</w:t>")


def _regex(xml: str) -> str:
    return TEXT_WITH_NEWLINE.sub(lambda m: m.group(0).replace(NL, '</w:t><w:br/><w:t xml:space="preserve">'), xml)


def _part(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 5)):
        runs = ""
        for _ in range(rng.randint(1, 3)):
            rpr = "<w:rPr><w:b/></w:rPr>" if rng.random() < .5 else ""
            attr = ' xml:space="preserve"' if rng.random() < .5 else ""
            text = "".join(rng.choice(["a", NL, "b c", "ễ", "&amp;"]) for _ in range(rng.randint(0, 6)))
            runs += f"<w:r>{rpr}<w:t{attr}>{text}</w:t></w:r>"
        ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if rng.random() < .5 else ""
        paragraphs.append(f"<w:p>{ppr}{runs}</w:p>" + rng.choice(["", NL]))
    return "<w:body>" + "".join(paragraphs) + "</w:body>"


def test_line_breaks_as_docxtpl_writes_them():
    helper = DocxTemplate(str(ROOT / "templates" / "thong-bao.docx"))
    rng = random.Random(30)
    for _ in range(3000):
        xml = _part(rng)
        assert _line_breaks(xml) == _regex(xml) == helper.resolve_listing(xml), xml
