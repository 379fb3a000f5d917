"""Each agency's bản trích sao: the parts of the document that concern it, then the copy's own
components under a full-width rule (Phụ lục I, Phần II), checked like the original."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from docgen.distribute import extract, trich_sao
from docgen.model.document import Signer
from docgen.render.template_build import TRICH_SAO, build_bytes
from docgen.render.templates import builtin_path
from tests.docx_props import all_bold, all_italic, bottom_border, size_pt

COPY = trich_sao.Copy(1, dt.date(2021, 10, 20), "Lào Cai", "Sở Y tế", "VT",
                      Signer(("TL. CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG HÀNH CHÍNH - TỔ CHỨC"), "Lê Văn Sao"))


def paths(excerpt) -> list[tuple[int, ...]]:
    return [p.path for p in excerpt.body]


@pytest.fixture(scope="module")
def parts(notice, directory):
    spec, doc, _ = notice
    return {e.agency.ten_ngan: e for e in extract.excerpts(doc, spec, directory)}


def test_only_agencies_with_tasks_get_a_copy(parts):
    # Thường trực UBND tỉnh is on the Nơi nhận list but has no task; "Các đơn vị liên quan" names nobody.
    assert list(parts) == ["Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Cục Thống kê",
                           "UBND huyện Hòa An", "UBND huyện Bảo Lạc"]


def test_excerpt_keeps_opening_headings_lead_in_tasks_and_closing(parts):
    # () opening, (1,) "II. Nhiệm vụ", (1, 0) its lead-in paragraph, (1, 1) "1. Về y tế" and its task,
    # (1, 3) "3. Về thống kê" whose task names "Các sở, ngành, địa phương", () closing.
    assert paths(parts["Sở Y tế"]) == [(), (1,), (1, 0), (1, 1), (1, 1, 0), (1, 3), (1, 3, 0), ()]
    # A co-lead gets its task with everything under the sibling task it leads alone.
    assert paths(parts["Sở Tài chính"]) == [(), (1,), (1, 0), (1, 2), (1, 2, 0), (1, 2, 1), (1, 2, 1, 0), (1, 3),
                                            (1, 3, 0), ()]
    # Co-operating through a group: "UBND các huyện, thành phố" and "Các sở, ngành, địa phương".
    assert paths(parts["UBND huyện Bảo Lạc"]) == [(), (1,), (1, 0), (1, 2), (1, 2, 0), (1, 3), (1, 3, 0), ()]
    assert [len(parts[name].tasks) for name in parts] == [2, 3, 2, 1, 2, 2]


@pytest.fixture(scope="module")
def copy_doc(tmp_path_factory, notice, parts):
    _, doc, _ = notice
    path = tmp_path_factory.mktemp("trs") / "Sở Y tế.docx"
    path.write_bytes(trich_sao.render(doc, parts["Sở Y tế"].body, COPY))
    return path


def test_copy_reads_as_the_original_up_to_the_end_of_its_excerpt(copy_doc, notice, parts):
    _, doc, _ = notice
    d = docx.Document(str(copy_doc))
    texts = [p.text for p in d.paragraphs if p.text.strip()]
    body = [p.text for p in parts["Sở Y tế"].body]
    assert texts == [doc.ten_loai, doc.trich_yeu, *body]
    assert body[-1].endswith("./.")
    header = [c.text for row in d.tables[0].rows for c in row.cells]
    assert header[2] == "Số: 07/TB-VPUBND" and header[3] == "Lào Cai, ngày 15 tháng 10 năm 2021"


def test_copy_components_under_a_full_width_rule(copy_doc):
    d = docx.Document(str(copy_doc))
    body = d.element.body
    copy_table = d.tables[1]
    rule = copy_table._tbl.getprevious()
    assert rule.tag == qn("w:p")
    rule_para = next(p for p in d.paragraphs if p._p is rule)
    assert bottom_border(rule_para) is not None and bottom_border(rule_para).get(qn("w:val")) == "single"
    assert rule_para._p.pPr.find(qn("w:ind")) is None, "the rule spans the whole text area"
    assert list(body).index(rule) > list(body).index(d.tables[0]._tbl)
    (agency, form), (number, date) = ([c for c in row.cells] for row in copy_table.rows)
    assert [p.text for p in agency.paragraphs if p.text] == ["UBND TỈNH THỬ", "VĂN PHÒNG"]
    form_p = form.paragraphs[0]
    assert form_p.text == "TRÍCH SAO" and all_bold(form_p) and size_pt(form_p) <= {13.0, 14.0}
    assert number.paragraphs[0].text == "Số: 01/TrS-VPUBND"
    assert date.paragraphs[0].text == "Lào Cai, ngày 20 tháng 10 năm 2021" and all_italic(date.paragraphs[0])
    recipients, signer = d.tables[2].rows[0].cells
    assert [p.text for p in recipients.paragraphs] == ["Nơi nhận:", "- Sở Y tế;", "- Lưu: VT."]
    assert [p.text for p in signer.paragraphs] == ["TL. CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG HÀNH CHÍNH - TỔ CHỨC",
                                                   "Lê Văn Sao"]


def test_copy_passes_docgen_check_like_the_original(copy_doc):
    check = pytest.importorskip("docgen.check")
    report = check.check_document(copy_doc)
    assert not report.failed, check.format_text([report])


def test_shipped_trich_sao_template_equals_the_build():
    def parts_of(data: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {n: z.read(n) for n in z.namelist()}

    assert parts_of(builtin_path(TRICH_SAO).read_bytes()) == parts_of(build_bytes(TRICH_SAO)), (
        "templates/ is stale: run python -m docgen.render.template_build")


def test_copies_render_the_same_xml_as_the_engine(notice, parts):
    """The copying writer only skips re-deflating unchanged parts; the parts are the engine's."""
    from docgen.render.engine import CompiledTemplate

    _, doc, _ = notice
    ctx = trich_sao.context(doc, parts["Sở Y tế"].body, COPY)
    ours = zipfile.ZipFile(io.BytesIO(trich_sao.render(doc, parts["Sở Y tế"].body, COPY)))
    engine = zipfile.ZipFile(io.BytesIO(CompiledTemplate(builtin_path(TRICH_SAO)).render(ctx)))
    assert ours.testzip() is None
    assert ours.namelist() == engine.namelist()
    assert all(ours.read(n) == engine.read(n) for n in ours.namelist())
