"""Every part of an office template is checked and rendered the same way: headers, footers,
properties; `template fields` and `render --template` agree on what is broken, and say where."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.model.build import build
from docgen.render.context import build_context
from docgen.render.engine import CompiledTemplate, TemplateProblem
from docgen.render.fields import inspect_template
from docgen.spec import load_spec
from tests.conftest import DATA
from tests.template_edits import edited, paragraph_with

SPEC = DATA / "thong-bao-nho.yaml"






def number_of(path: Path, text: str) -> int:
    """The paragraph's number as `template fields` counts them (document order, tables included)."""
    from docgen.render.parts import paragraph_texts

    with zipfile.ZipFile(path) as z:
        texts = paragraph_texts(z.read("word/document.xml"))
    return next(i for i, t in enumerate(texts, 1) if text in t)


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def rendered_parts(path: Path) -> dict[str, str]:
    data = CompiledTemplate(path).render(build_context(build(load_spec(SPEC))))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}


def test_misspelt_field_in_a_header_is_reported_and_refused(tmp_path):
    path = edited(tmp_path, lambda d: setattr(d.sections[0].header.paragraphs[0], "text", "{{ signer_nam }}"))
    result = inspect_template(path)
    (finding,) = [f for f in result.findings if f.severity == "lỗi"]
    assert finding.part.startswith("word/header") and finding.paragraph == 1
    assert "đầu trang" in finding.show() and "“signer_name”" in finding.show()
    fields = cli("template", "fields", path)
    assert fields.exit_code == 2 and "đầu trang" in fields.output
    spec = tmp_path / "tb.yaml"
    shutil.copy(SPEC, spec)
    render = cli("render", spec, "--template", path, "-o", tmp_path / "out")
    assert render.exit_code == 2 and "đầu trang" in render.output and "Traceback" not in render.output


def test_split_tag_in_a_footer_renders(tmp_path):
    def footer(d):
        p = d.sections[0].footer.paragraphs[0]
        p.text = "{{ signer_"
        p.add_run("name }}")
    path = edited(tmp_path, footer)
    result = inspect_template(path)
    assert not result.failed and any(f.part.startswith("word/footer") and "tách" in f.message for f in result.findings)
    footer_xml = next(v for k, v in rendered_parts(path).items() if k.startswith("word/footer"))
    name = build_context(build(load_spec(SPEC)))["signer_name"]
    assert name in footer_xml and "{{" not in footer_xml


def test_comment_only_header_and_templated_title(tmp_path):
    def change(d):
        d.sections[0].header.paragraphs[0].text = "Mật{# ghi chú nội bộ #}"
        d.core_properties.title = "{{ trich_yeu }}"
    path = edited(tmp_path, change)
    assert not inspect_template(path).failed
    parts = rendered_parts(path)
    header = next(v for k, v in parts.items() if k.startswith("word/header"))
    assert "Mật" in header and "{#" not in header
    assert build(load_spec(SPEC)).trich_yeu.split()[0] in parts["docProps/core.xml"]


def test_custom_filter_is_a_finding_not_an_internal_error(tmp_path):
    path = edited(tmp_path, lambda d: setattr(paragraph_with(d, "{{ signer_name }}").runs[0], "text",
                                                 "{{ signer_name|chu_hoa }}"))
    result = inspect_template(path)
    (finding,) = result.findings
    assert finding.severity == "lỗi" and "“chu_hoa”" in finding.message
    assert finding.paragraph == number_of(path, "chu_hoa")
    fields = cli("template", "fields", path)
    assert fields.exit_code == 2 and "Lỗi nội bộ" not in fields.output
    with pytest.raises(TemplateProblem) as err:
        CompiledTemplate(path)
    assert f"đoạn {finding.paragraph}" in err.value.show()
    assert CompiledTemplate(path, filters={"chu_hoa": str.upper}).render(build_context(build(load_spec(SPEC))))


@pytest.mark.parametrize("where,broken", [
    ("{{ signer_name }}", "{{ signer_name + }}"),  # after the recipients' {%p for %} loop, in a table cell
    ("{{ trich_yeu }}", "{{ trich_yeu }"),
    ("{{ date_line }}", "{% if date_line %}{{ date_line }}"),
])
def test_fields_and_render_agree_on_where(tmp_path, where, broken):
    path = edited(tmp_path, lambda d: setattr(paragraph_with(d, where).runs[0], "text", broken))
    result = inspect_template(path)
    assert result.failed
    errors = [f for f in result.findings if f.severity == "lỗi"]
    assert errors[0].paragraph == number_of(path, broken)
    try:
        CompiledTemplate(path).render(build_context(build(load_spec(SPEC))))
    except TemplateProblem as exc:
        assert f"đoạn {errors[0].paragraph}" in exc.show() or "{%" in broken
    else:  # Jinja accepts it, but fields refuses: render --template refuses too (it asks fields first)
        spec = tmp_path / "tb.yaml"
        shutil.copy(SPEC, spec)
        assert cli("render", spec, "--template", path, "-o", tmp_path / "out").exit_code == 2
