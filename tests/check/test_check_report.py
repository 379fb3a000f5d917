"""What the user sees: the lines, the JSON, the catalogue, and files that cannot be read."""

from __future__ import annotations

import io
import json
import re
import zipfile

import docfactory as F
import pytest

from docgen.check import (
    BY_ID,
    NOT_CHECKED,
    RULES,
    UnreadableDocument,
    check_document,
    format_json,
    format_text,
)
from docgen.check import layout as layout_checks
from docgen.check import rules as static_checks
from docgen.check.fix import FIXERS
from docgen.nd30 import layout as L
from docgen.plumbing.errors import DocgenError


def test_catalogue_is_complete_and_consistent():
    assert len(BY_ID) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"ND30-[A-Z]+(-[A-Z]+)*", rule.id)
        assert rule.ref.startswith(("Phụ lục", "Điều"))
        assert rule.severity in ("error", "warning")
        assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", rule.title.lower()), rule.id
        checks = layout_checks.CHECKS if rule.layout else static_checks.CHECKS
        assert rule.id in checks
        assert (rule.id in FIXERS) == rule.fixable, rule.id
    assert set(static_checks.CHECKS) | set(layout_checks.CHECKS) == set(BY_ID)


def test_catalogue_numbers_come_from_the_decree_module():
    assert BY_ID["ND30-MARGIN-LEFT"].title == f"Lề trái {int(L.MARGIN_LEFT_MM.low)}–{int(L.MARGIN_LEFT_MM.high)} mm"
    assert BY_ID["ND30-SO-SIZE"].title.endswith(str(int(L.SO_KY_HIEU.size.low)))


def _wrong_date(save):
    document = F.compliant()
    F.set_text(F.find(document, "Lào Cai"), "Lào Cai, ngày 15 tháng 09 năm 2021")
    return save(document, "sai-ngay.docx")


def test_text_output_names_rule_reference_place_expected_and_found(save):
    report = check_document(_wrong_date(save))
    lines = format_text([report]).splitlines()
    finding = next(line for line in lines if "ND30-DATE-PAD" in line)
    assert finding.startswith("sai-ngay.docx: [LỖI] ND30-DATE-PAD (Phụ lục I, Mục II.4.b) — đoạn 8 «Lào Cai, ngày 15 tháng 09")
    assert "Cần: «tháng 9»; thấy: «tháng 09»." in finding
    assert lines[-1].startswith("sai-ngay.docx (THÔNG BÁO): ")
    assert "1 không đạt" in lines[-1] and lines[-1].endswith("KHÔNG ĐẠT.")
    assert report.failed


def test_json_carries_the_same_results(save):
    report = check_document(_wrong_date(save))
    data = json.loads(format_json([report]))
    assert data["failed"] is True
    [file] = data["files"]
    assert [r["rule"] for r in file["results"]] == [r.id for r in RULES]
    date = next(r for r in file["results"] if r["rule"] == "ND30-DATE-PAD")
    assert date["status"] == "fail" and date["fixable"] is True and date["ref"] == "Phụ lục I, Mục II.4.b"
    assert date["findings"] == [{"where": {"story": "body", "paragraph": 8, "excerpt": "Lào Cai, ngày 15 tháng 09…",
                                           "section": None, "page": None, "other_paragraphs": []},
                                 "expected": "«tháng 9»", "found": "«tháng 09»"}]
    assert file["summary"]["fail"] == 1


def test_a_rule_that_cannot_be_judged_is_reported_not_checked_never_passed(save):
    document = F.compliant(F.Spec(repeat_body=6))
    header = document.sections[0].header.paragraphs[0]
    header._p.getparent().remove(header._p)  # no page numbers, and nothing in the file says how many pages
    report = check_document(save(document))
    result = report.result("ND30-PAGENUM-MISSING")
    assert result.status == NOT_CHECKED and "--layout" in result.reason
    assert not report.failed
    text = format_text([report])
    assert "[CHƯA KIỂM TRA] ND30-PAGENUM-MISSING" in text
    assert "ĐẠT." in text.splitlines()[-1]


def test_summary_over_several_files(save):
    good = check_document(save(F.compliant(), "dung.docx"))
    bad = check_document(_wrong_date(save))
    assert format_text([good, bad]).splitlines()[-1] == "Tổng cộng: 2 tệp, 1 tệp không đạt."
    assert not good.failed and bad.failed


def _zip(entries: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in entries.items():
            z.writestr(name, text)
    return out.getvalue()


XLSX = _zip({
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
})


def _broken_xml(save) -> bytes:
    raw = save(F.compliant(), "ok.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return out.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize("content,words", [
    (b"Day khong phai van ban Word", "không phải tệp .docx"),
    (OLE + "EncryptedPackage".encode("utf-16-le"), "mật khẩu"),
    (OLE, "Word 97–2003"),
    (XLSX, "không phải văn bản Word"),
    ("truncated", "bị hỏng"),
    ("broken-xml", "bị hỏng"),
], ids=["text", "encrypted", "doc", "xlsx", "truncated", "broken-xml"])
def test_unreadable_files_give_a_clear_message(save, tmp_path, content, words):
    path = tmp_path / "hong.docx"
    if content == "truncated":
        content = save(F.compliant(), "ok.docx").read_bytes()[:3000]
    elif content == "broken-xml":
        content = _broken_xml(save)
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument) as err:
        check_document(path)
    assert isinstance(err.value, DocgenError) and err.value.exit_code == 2
    assert words in err.value.message and "hong.docx" in err.value.message
    assert "Traceback" not in err.value.message


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableDocument, match="Không tìm thấy tệp"):
        check_document(tmp_path / "khong-co.docx")


def test_the_invisible_character_class_holds_every_format_character():
    import unicodedata

    from docgen.check.rules.page import INVISIBLE

    every = "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")
    assert len(INVISIBLE.findall(every)) == len(every)
    assert not INVISIBLE.search("Lào Cai, ngày 01/01/2020 – “Số: 05/TB-VPUBND”\u00a0\t")
