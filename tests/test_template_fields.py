"""Office templates edited the way Word users edit them, and templates that try to escape the sandbox."""

from __future__ import annotations

import docx
import pytest

from docgen.model.build import build
from docgen.render.context import build_context
from docgen.render.engine import CompiledTemplate, TemplateProblem
from docgen.render.fields import FIELD_GUIDE, inspect_template
from docgen.render.templates import builtin_path
from docgen.spec import load_spec
from tests.conftest import DATA
from tests.template_edits import body_loop_end, edited, paragraph_with


def test_builtin_template_is_clean_and_uses_known_fields():
    result = inspect_template(builtin_path("thong-bao"))
    assert not result.findings
    assert result.fields["body"] == "vòng lặp" and result.fields["trich_yeu"] == "trường"
    assert set(result.fields) <= set(FIELD_GUIDE)


def test_context_keys_are_all_documented():
    doc = build(load_spec(DATA / "thong-bao-nho.yaml"))
    assert set(build_context(doc)) <= set(FIELD_GUIDE)


def test_tag_split_across_runs_is_reported_and_still_renders(tmp_path):
    def split(d):
        p = paragraph_with(d, "{{ trich_yeu }}")
        p.runs[0].text = "{{ trich_"
        p.add_run("yeu }}")
    path = edited(tmp_path, split)
    result = inspect_template(path)
    assert not result.failed
    (finding,) = result.findings
    assert finding.severity == "lưu ý" and "tách" in finding.message and finding.paragraph > 0
    doc = build(load_spec(DATA / "thong-bao-nho.yaml"))
    out = tmp_path / "x.docx"
    out.write_bytes(CompiledTemplate(path).render(build_context(doc)))
    assert docx.Document(str(out)).paragraphs[1].text == doc.trich_yeu


def test_misspelt_field_is_named_with_the_closest(tmp_path):
    path = edited(tmp_path, lambda d: setattr(paragraph_with(d, "{{ trich_yeu }}").runs[0], "text", "{{ trich_yue }}"))
    result = inspect_template(path)
    assert result.failed
    (finding,) = result.findings
    assert "“trich_yue”" in finding.message and "“trich_yeu”" in finding.message
    assert finding.text == "{{ trich_yue }}"


def test_unclosed_for_names_its_paragraph(tmp_path):
    def unclose(d):
        p = body_loop_end(d)
        p._p.getparent().remove(p._p)
    path = edited(tmp_path, unclose)
    result = inspect_template(path)
    assert result.failed
    assert any("chưa được đóng" in f.message and "for p in body" in f.text for f in result.findings)


def test_unclosed_braces(tmp_path):
    path = edited(tmp_path, lambda d: setattr(paragraph_with(d, "{{ signer_name }}").runs[0], "text", "{{ signer_name }"))
    result = inspect_template(path)
    assert result.failed and "chưa được đóng" in result.findings[0].message


@pytest.mark.parametrize("attack", ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__ }}", "{{ self }}",
                                    "{{ signer_name.__class__ }}"])
def test_sandbox_escapes_are_refused(tmp_path, attack):
    path = edited(tmp_path, lambda d: setattr(paragraph_with(d, "{{ signer_name }}").runs[0], "text", attack))
    result = inspect_template(path)
    assert result.failed
    with pytest.raises(TemplateProblem) as err:
        CompiledTemplate(path)
    assert "chặn" in err.value.show()
