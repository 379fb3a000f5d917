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


COMMON = ("{{ number_line }}", "{{ date_line }}", "{{r p }}", "{%p for line in agency_lines %}",
          "{%p for line in recipients %}", "{{ signer_name }}", "{{p agency_rule }}", "{{p tieu_ngu_rule }}")
WITH_TEN_LOAI = ("{{ ten_loai }}", "{{ trich_yeu }}", "{{p trich_yeu_rule }}")
KINH_GUI = ("{{ kinh_gui_head }}", "{%p for line in kinh_gui_items %}")
CONG_VAN = ("{{ v_v }}", *KINH_GUI)


@pytest.mark.parametrize("doc_type", TEMPLATE_TYPES)
def test_template_fields(doc_type):
    xml = parts(builtin_path(doc_type).read_bytes())["word/document.xml"].decode()
    own, other = (CONG_VAN, WITH_TEN_LOAI) if doc_type == "cong-van" else (WITH_TEN_LOAI, CONG_VAN)
    if doc_type in ("thong-bao", "chi-thi", "giay-moi"):  # ô 9a when the author addresses them (kinh_gui); no V/v
        own, other = own + KINH_GUI, ("{{ v_v }}",)
    for field in COMMON + own:
        assert field in xml, field
    for field in other:
        assert field not in xml, field


def test_rendered_archive_is_a_sound_zip_with_the_templates_parts():
    from docgen.model.build import build
    from docgen.render.pipeline import render_document
    from docgen.spec import load_spec
    from tests.conftest import DATA

    data = render_document(build(load_spec(DATA / "thong-bao-nho.yaml")))
    with zipfile.ZipFile(BytesIO(data)) as z:
        assert z.testzip() is None  # every CRC matches
        rendered = {name: z.read(name) for name in z.namelist()}
    template = parts(builtin_path("thong-bao").read_bytes())
    assert rendered.keys() == template.keys()
    unchanged = [n for n in template if n != "word/document.xml"]
    assert all(rendered[n] == template[n] for n in unchanged), "parts without tags are copied as they are"
