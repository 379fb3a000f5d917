"""docgen's compiled engine against docxtpl: the same template and context give the same
document (compared part by part after canonicalisation), and docgen's is sound OOXML.

The templates are built at test time (tests/parity_templates.py), one per feature an office
template may use. The same comparison over docxtpl's own test suite is
scripts/docxtpl_parity.py (its last table: bench/docxtpl_parity.md); set DOCXTPL_CHECKOUT to
a checkout of python-docx-template to run it here.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate
from jinja2 import Environment

from docgen.render import adapt
from docgen.render.engine import CompiledTemplate, TemplateProblem
from docgen.render.integrity import check_package, compare_packages
from tests.conftest import ROOT
from tests.parity_templates import cases

CASES = {c.name: c for c in cases()}


def with_docxtpl(case, folder: Path) -> bytes:
    path = case.build(folder)
    tpl = DocxTemplate(str(path))
    context = case.docxtpl(tpl, folder)
    tpl.render(context, Environment(autoescape=True))
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def with_docgen(case, folder: Path, via_adapter: bool = False) -> bytes:
    path = case.build(folder)
    if via_adapter:  # a program that built its context for docxtpl
        tpl = DocxTemplate(str(path))
        context, replace = adapt.context(case.docxtpl(tpl, folder), tpl), None
    else:
        context, replace = case.docgen(folder)
    return CompiledTemplate(path).render(context, replace=replace)


@pytest.mark.parametrize("name", list(CASES))
def test_same_document_as_docxtpl(name, tmp_path):
    if name == "subdocument":
        # Not a test dependency on purpose: importing docxcompose rebinds python-docx's "cp"
        # prefix to the custom-properties namespace, which corrupts docProps/core.xml of every
        # document python-docx then writes (the template builder's among them).
        pytest.importorskip("docxcompose", reason="docxtpl's Subdoc needs docxcompose")
    case = CASES[name]
    theirs = with_docxtpl(case, tmp_path / "a")
    ours = with_docgen(case, tmp_path / "b")
    assert compare_packages(theirs, ours) == ""
    assert check_package(ours) == []


@pytest.mark.parametrize("name", ["pictures", "links"])
def test_a_docxtpl_context_through_the_adapter(name, tmp_path):
    case = CASES[name]
    theirs = with_docxtpl(case, tmp_path / "a")
    assert compare_packages(theirs, with_docgen(case, tmp_path / "b", via_adapter=True)) == ""


@pytest.fixture(autouse=True)
def folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()


def test_docxtpl_repeats_drawing_ids_that_docgen_keeps_unique(tmp_path):
    theirs = with_docxtpl(CASES["pictures"], tmp_path / "a")
    assert any("trùng" in p for p in check_package(theirs))  # a loop in a header: docxtpl's duplicate ids
    assert check_package(with_docgen(CASES["pictures"], tmp_path / "b")) == []


def test_subdocument_brings_its_picture(tmp_path):
    ours = with_docgen(CASES["subdocument"], tmp_path / "b")
    assert check_package(ours) == []
    with zipfile.ZipFile(io.BytesIO(ours)) as z:
        body = z.read("word/document.xml").decode()
        assert "Đoạn của tài liệu con" in body and "<wp:docPr" in body
        assert any(n.startswith("word/media/") for n in z.namelist())


def test_entities_split_tags_comments_and_properties(tmp_path):
    case = CASES["entities_split_comments"]
    context = dict(case.docgen(tmp_path)[0], title="Thông báo <số 5>")  # docxtpl escapes properties twice
    ours = CompiledTemplate(case.build(tmp_path)).render(context)
    with zipfile.ZipFile(io.BytesIO(ours)) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}
    body = parts["word/document.xml"]
    assert "Sở Tài chính &amp; Sở Nội vụ" in body and "{#" not in body and "Lê Văn A" in body
    header = next(v for k, v in parts.items() if k.startswith("word/header"))
    footer = next(v for k, v in parts.items() if k.startswith("word/footer"))
    assert "UBND TỈNH" in header and "{{" not in header
    assert "Trang cuối" in footer and "{#" not in footer
    assert "<dc:title>Thông báo &lt;số 5&gt;</dc:title>" in parts["docProps/core.xml"]


def test_unknown_picture_name_is_refused_in_vietnamese(tmp_path):
    path = CASES["replaced_logo"].build(tmp_path)
    with pytest.raises(TemplateProblem.__mro__[1]) as err:
        CompiledTemplate(path).render({"agency": "x"}, replace={"logo-cu.png": b"x"})
    assert "không có ảnh" in err.value.show() and "logo.png" in err.value.show()


def test_subdocument_with_foreign_styles_is_refused(tmp_path):
    import docx

    from docgen.render.media import Subdocument

    sub = tmp_path / "la.docx"
    d = docx.Document()
    d.add_paragraph("x")
    d.paragraphs[0]._p.get_or_add_pPr().get_or_add_pStyle().val = "KieuLa"
    d.save(str(sub))
    path = CASES["subdocument"].build(tmp_path)
    with pytest.raises(TemplateProblem.__mro__[1]) as err:
        CompiledTemplate(path).render({"sub": Subdocument(sub), "who": "x"})
    assert "KieuLa" in err.value.show() and "không gộp kiểu" in err.value.show()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/setup.sh")
def test_libreoffice_opens_pictures_links_and_subdocuments(tmp_path):
    folder = tmp_path / "lo"
    folder.mkdir()
    files = []
    for name in ("pictures", "links", "subdocument", "replaced_logo"):
        out = folder / f"{name}.out.docx"
        out.write_bytes(with_docgen(CASES[name], tmp_path / "b"))
        files.append(str(out))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "again"), *files],
                   check=True, capture_output=True, timeout=240)
    for name, pictures in (("pictures", 2), ("subdocument", 1), ("replaced_logo", 2)):
        with zipfile.ZipFile(tmp_path / "again" / f"{name}.out.docx") as z:
            media = [n for n in z.namelist() if n.startswith("word/media/")]
            assert len(media) >= pictures, (name, media)  # LibreOffice read each picture through its relationship
    with zipfile.ZipFile(tmp_path / "again" / "links.out.docx") as z:
        assert "chinhphu.vn" in z.read("word/_rels/document.xml.rels").decode()


@pytest.mark.skipif(not os.environ.get("DOCXTPL_CHECKOUT"), reason="set DOCXTPL_CHECKOUT to a python-docx-template checkout")
def test_docxtpl_suite_parity():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "docxtpl_parity.py"), os.environ["DOCXTPL_CHECKOUT"]],
                            capture_output=True, text=True, timeout=1200, cwd=ROOT)
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_a_docxtpl_inline_image_given_as_is_is_explained_not_a_crash(tmp_path):
    from docxtpl import InlineImage

    case = CASES["pictures"]
    path = case.build(tmp_path)
    tpl = DocxTemplate(str(path))
    context = case.docxtpl(tpl, tmp_path)
    assert isinstance(context["logo"], InlineImage)
    with pytest.raises(TemplateProblem) as err:
        CompiledTemplate(path).render(context)
    assert "docgen.render.media.Image" in err.value.show()


def test_footnote_with_a_split_tag_and_a_comment(tmp_path):
    ours = with_docgen(CASES["footnotes"], tmp_path / "b")
    with zipfile.ZipFile(io.BytesIO(ours)) as z:
        notes = z.read("word/footnotes.xml").decode("utf-8")
    assert "Nguồn: Cục Thống kê" in notes and "{" not in notes


def test_misspelt_field_in_a_footnote_is_reported(tmp_path):
    from docgen.render.fields import inspect_template

    path = CASES["footnotes"].build(tmp_path)
    result = inspect_template(path)
    assert "word/footnotes.xml" in result.parts
    note = [f for f in result.findings if f.part == "word/footnotes.xml" and f.severity == "lỗi"]
    assert note and "source" in note[0].message and "chú thích cuối trang" in note[0].show()
