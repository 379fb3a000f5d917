"""--layout: the rules only the laid-out page shows. Each test converts once with LibreOffice
(about a second), so there is one compliant document and one mutation per layout rule."""

from __future__ import annotations

import shutil

import docfactory as F
import pytest
from docx.shared import Cm, Mm, Pt

from docgen.check import FAIL, PASS, RULES, check_document

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                                reason="LibreOffice (soffice) is not installed")
LAYOUT_RULES = [r.id for r in RULES if r.layout]


def _next(p):
    from docx.text.paragraph import Paragraph

    return Paragraph(p._p.getnext(), p._parent)


def set_indents(p, left, right) -> None:
    p.paragraph_format.left_indent, p.paragraph_format.right_indent = left, right


def lower_quoc_hieu(document) -> None:
    """The Quốc hiệu pushed two lines down: no longer level with the agency's first line."""
    F.find(document, "CỘNG HÒA").paragraph_format.space_before = Pt(30)


def test_compliant_document_passes_every_layout_rule(save):
    report = check_document(save(F.compliant()), layout=True)
    assert report.failed_rules == set(), [f.line() for f in report.failures]
    expected = {i: PASS for i in LAYOUT_RULES} | {"ND30-LAYOUT-HEADING-KEEP": "not_applicable"}  # no headings
    assert {r.rule.id: r.status for r in report.results if r.rule.layout} == expected
    assert report.not_checked == []


def strand_heading(document) -> None:
    """A bold heading before the last body paragraph, and that paragraph forced onto the next
    page: the heading is the last line of page 1."""
    import copy

    from docx.text.paragraph import Paragraph

    last = F.body_paragraphs(document)[-1]
    twin = copy.deepcopy(last._p)
    last._p.addprevious(twin)
    heading = Paragraph(twin, last._parent)
    F.set_text(heading, "II. Nhiệm vụ trọng tâm tháng 10")
    for run in heading.runs:
        run.bold = True
    last.paragraph_format.page_break_before = True


MUTATIONS = [
    ("ND30-LAYOUT-QH-LINE", lambda d: set_indents(F.find(d, "CỘNG HÒA"), Mm(20), Mm(20))),
    ("ND30-LAYOUT-TN-RULE", lambda d: set_indents(_next(F.find(d, "Độc lập")), Mm(30), Mm(30))),
    ("ND30-LAYOUT-CQ-RULE", lambda d: set_indents(_next(F.find(d, "VĂN PHÒNG")), Mm(0), Mm(0))),
    ("ND30-LAYOUT-TRICHYEU-RULE", lambda d: set_indents(_next(F.find(d, "Kết luận")), Mm(0), Mm(0))),
    ("ND30-LAYOUT-HEADER", lower_quoc_hieu),
    ("ND30-LAYOUT-MARGINS", lambda d: set_indents(F.body_paragraphs(d)[0], Cm(0), Cm(-2))),
    ("ND30-LAYOUT-SIGNATURE", lambda d: setattr(F.find(d, "Phan Quốc Nghĩa").paragraph_format, "space_before", Pt(0))),
    ("ND30-LAYOUT-HEADING-KEEP", strand_heading),
]


def test_mutations_cover_every_layout_rule():
    assert [rule_id for rule_id, _ in MUTATIONS] == LAYOUT_RULES


@pytest.mark.parametrize("rule_id,mutate", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_layout_fault_breaks_exactly_its_rule(save, rule_id, mutate):
    document = F.compliant()
    mutate(document)
    path = save(document)
    assert check_document(path).failed_rules == set()  # the .docx alone cannot see it
    report = check_document(path, layout=True)
    assert report.failed_rules == {rule_id}, [f.line() for f in report.failures]
    assert report.result(rule_id).status == FAIL


def test_a_split_signer_block_fails_the_signature_rule(save):
    # A row that may split, its name pushed past the foot of page 1: the title stays on page 1.
    document = F.compliant(F.Spec(keep_signer=False))
    F.find(document, "Phan Quốc Nghĩa").paragraph_format.space_before = Pt(560)
    report = check_document(save(document), layout=True)
    result = report.result("ND30-LAYOUT-SIGNATURE")
    assert result.status == FAIL, result
    assert "chức vụ ở trang 1, họ tên ở trang 2" in report.failures[0].found
    assert report.failed


def test_page_count_from_the_layout_judges_missing_page_numbers(save):
    document = F.compliant(F.Spec(repeat_body=5))
    header = document.sections[0].header.paragraphs[0]
    header._p.getparent().remove(header._p)
    path = save(document)
    assert check_document(path).result("ND30-PAGENUM-MISSING").status == "not_checked"
    report = check_document(path, layout=True)
    assert report.failed_rules == {"ND30-PAGENUM-MISSING"}
    assert report.failures[0].found.startswith("không có số trang (")


def test_page_laid_out_with_tabs_and_drawn_lines_passes(save):
    report = check_document(save(F.tab_laid()), layout=True)
    assert report.failed_rules == set(), [f.line() for f in report.failures]
    assert report.not_checked == []
