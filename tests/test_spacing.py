"""Line and paragraph spacing are the office's choice (docgen.yaml `trinh_bay`), inside the
decree's range (Phụ lục I, Mục II.6.e), with docgen's measured default otherwise."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from test_profile import PROFILE, SPEC

from docgen.model.build import build
from docgen.nd30 import layout as L
from docgen.plumbing.errors import SpecError
from docgen.render.pipeline import render_document
from docgen.spec import load_spec


def body_format(data: bytes):
    d = docx.Document(io.BytesIO(data))
    pf = d.styles["ND30 Noi dung"].paragraph_format
    keep = d.styles["ND30 Noi dung lien sau"]
    assert keep.base_style.name == "ND30 Noi dung" and keep.paragraph_format.keep_with_next
    return pf.line_spacing, pf.space_before.pt


def render_with(tmp_path: Path, trinh_bay: str = "") -> bytes:
    (tmp_path / "docgen.yaml").write_text(PROFILE + trinh_bay, encoding="utf-8")
    spec = tmp_path / "tb.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return render_document(build(load_spec(spec)))


def test_default_is_single_spacing_and_6_pt(tmp_path):
    assert L.LINE_SPACING_RANGE.chosen == 1.0 and L.PARAGRAPH_SPACING_RANGE.chosen == 6
    line, before = body_format(render_with(tmp_path))
    assert line == 1.0 and before == 6


def test_the_profile_sets_the_body_spacing(tmp_path):
    line, before = body_format(render_with(tmp_path, "trinh_bay: {gian_dong: 1.5, cach_doan: 12}\n"))
    assert line == 1.5 and before == 12


def test_the_spec_wins_over_the_profile(tmp_path):
    (tmp_path / "docgen.yaml").write_text(PROFILE + "trinh_bay: {gian_dong: 1.5}\n", encoding="utf-8")
    spec = tmp_path / "tb.yaml"
    spec.write_text(SPEC + "trinh_bay: {gian_dong: 1.2}\n", encoding="utf-8")
    line, before = body_format(render_document(build(load_spec(spec))))
    assert line == 1.2 and before == 6


@pytest.mark.parametrize("bad", ["{gian_dong: 1.6}", "{gian_dong: 0.9}", "{cach_doan: 4}", "{gian_cach: 1}"])
def test_spacing_outside_the_decree_is_refused(tmp_path, bad):
    with pytest.raises(SpecError):
        render_with(tmp_path, f"trinh_bay: {bad}\n")


@pytest.mark.parametrize("style,expected", [
    (b'<w:pPr><w:keepNext/><w:ind w:firstLine="567"/></w:pPr>', b'<w:pPr><w:keepNext/><w:spacing '),
    (b'<w:name w:val="x"/><w:rPr><w:b/></w:rPr>', b'<w:name w:val="x"/><w:pPr><w:spacing '),
])
def test_an_office_body_style_without_spacing_gets_it_in_schema_order(style, expected):
    from docgen.render.spacing import restyle

    xml = b'<w:styles><w:style w:type="paragraph" w:styleId="ND30Noidung">' + style + b"</w:style></w:styles>"
    out = restyle(xml, 1.5, 12)
    assert expected in out and b'w:line="360"' in out and b'w:before="240"' in out
