"""A trích yếu over several lines (Phụ lục I, Mục II.5.a): the author's own breaks are kept
(a YAML block `trich_yeu: |`); a long one docgen breaks itself never leaves a word alone on
its last line; the rule under it is sized from the longest printed line."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
import pytest

from docgen.model.build import build_documents
from docgen.nd30 import layout as L
from docgen.render.context import WRAP_SLACK, rules, trich_yeu_lines
from docgen.render.metrics import text_width_pt
from docgen.render.pipeline import render_document
from docgen.spec import load_spec

ROOT = Path(__file__).resolve().parents[1]
WIDTH = L.text_width_mm() / 25.4 * 72
SIZE = L.TRICH_YEU.size.chosen


def width(line: str) -> float:
    return text_width_pt(line, SIZE, True)


@pytest.mark.parametrize("words", range(8, 60, 3))
def test_docgen_breaks_to_the_line_and_leaves_no_word_alone(words):
    text = " ".join(["Kết luận", "của", "Chủ tịch", "tại", "phiên họp", "thường kỳ"] * 10).split()[:words]
    lines = trich_yeu_lines(" ".join(text))
    assert " ".join(lines).split() == text
    assert all(width(line) <= WIDTH * WRAP_SLACK for line in lines)
    assert len(lines) == 1 or len(lines[-1].split()) > 1


def test_the_authors_breaks_are_kept():
    assert trich_yeu_lines("Kết luận của Chủ tịch UBND tỉnh\n  tại phiên họp  thường kỳ\n") == [
        "Kết luận của Chủ tịch UBND tỉnh", "tại phiên họp thường kỳ"]


def test_yaml_block_breaks_the_printed_trich_yeu(tmp_path):
    source = (ROOT / "tests" / "data" / "thong-bao-nho.yaml").read_text(encoding="utf-8")
    source = source.replace("trich_yeu: Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban tháng 01/2022",
                            "trich_yeu: |\n  Kết luận của Chủ tịch UBND tỉnh\n  tại cuộc họp giao ban tháng 01/2022")
    spec = tmp_path / "tb.yaml"
    spec.write_text(source, encoding="utf-8")
    doc = build_documents(load_spec(spec))["thong-bao"]
    d = docx.Document(io.BytesIO(render_document(doc)))
    para = next(p for p in d.paragraphs if p.style.name == "ND30 Trich yeu")
    assert para.text == "Kết luận của Chủ tịch UBND tỉnh\ntại cuộc họp giao ban tháng 01/2022"


def test_the_rule_is_sized_from_the_longest_line():
    doc = build_documents(load_spec(ROOT / "tests" / "data" / "thong-bao-nho.yaml"))["thong-bao"]
    long = dataclasses.replace(doc, trich_yeu="Kết luận của Chủ tịch UBND tỉnh\ntại cuộc họp giao ban")
    xml = str(rules(long)["trich_yeu_rule"])
    left = int(xml.split('w:left="')[1].split('"')[0])
    rule_pt = (WIDTH * 20 - 2 * left) / 20
    assert rule_pt == pytest.approx(width("Kết luận của Chủ tịch UBND tỉnh") * L.RULE_FRACTION.chosen, abs=0.2)
