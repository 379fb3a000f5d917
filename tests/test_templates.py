"""The shipped templates are exactly what the build script makes, and hold the docxtpl fields it states."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest

from docgen.render.template_build import TEMPLATE_TYPES, build_bytes
from docgen.render.templates import builtin_path


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


@pytest.mark.parametrize("doc_type", TEMPLATE_TYPES)
def test_shipped_template_equals_build(doc_type):
    shipped = builtin_path(doc_type).read_bytes()
    assert parts(shipped) == parts(build_bytes(doc_type)), (
        "templates/ is stale: run python -m docgen.render.template_build")


@pytest.mark.parametrize("doc_type", TEMPLATE_TYPES)
def test_template_fields(doc_type):
    xml = parts(builtin_path(doc_type).read_bytes())["word/document.xml"].decode()
    for field in ("{{ number_line }}", "{{ date_line }}", "{{ ten_loai }}", "{{ trich_yeu }}", "{{r p }}",
                  "{%p for line in agency_lines %}", "{%p for line in recipients %}", "{{ signer_name }}",
                  "{{ agency_rule.left }}", "{{ tieu_ngu_rule.right }}", "{{ trich_yeu_rule.left }}"):
        assert field in xml, field
