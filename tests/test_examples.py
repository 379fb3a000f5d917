"""Every example spec renders, and the .docx reads back as the model wrote it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from docgen.model.build import build
from docgen.render.pipeline import render_document
from docgen.spec import load_spec
from tests.conftest import ROOT

SPECS = sorted(p for p in (ROOT / "specs").glob("*.yaml") if not p.name.startswith(("danh-ba", "docgen")))


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_docx_reads_back_paragraph_for_paragraph(tmp_path, spec: Path):
    doc = build(load_spec(spec))
    out = tmp_path / "x.docx"
    out.write_bytes(render_document(doc))
    d = docx.Document(str(out))
    texts = [p.text for p in d.paragraphs if p.text]
    assert texts[0] == doc.ten_loai and texts[1] == doc.trich_yeu
    assert texts[2:2 + len(doc.body)] == [p.text for p in doc.body]
    for para, model in zip([p for p in d.paragraphs if p.text][2:], doc.body):
        bold = "".join(r.text for r in para.runs if r.bold)
        assert bold == "".join(r.text for r in model.runs if r.bold)
    cells = [c.text for row in d.tables[1].rows for c in row.cells]
    assert cells[0].split("\n")[1:] == list(doc.recipients)
    assert doc.signer.name in cells[1]


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_every_example_passes_the_decree_check_with_layout(tmp_path, spec: Path):
    from docgen.check import check_document, format_text

    out = tmp_path / f"{spec.stem}.docx"
    out.write_bytes(render_document(build(load_spec(spec))))
    report = check_document(out, layout=True)
    assert not report.failed and not report.not_checked, format_text([report])
