"""`docgen distribute SPEC -o DIR`: only issued documents; the full set written, each file in
the manifest with its SHA-256, optionally zipped."""

from __future__ import annotations

import hashlib
import json
import zipfile

import docx
from pypdf import PdfReader

from tests.distribute.helpers import NOTICE, ROOT, copy_of, run

BLANK = NOTICE.read_text(encoding="utf-8").replace("so: 7\n", "").replace("ngay: 15/10/2021", "ngay: /10/2021")


def test_a_draft_is_refused_with_what_is_missing(tmp_path):
    spec = copy_of(tmp_path, BLANK)
    out = tmp_path / "ra"
    result = run("distribute", spec, "-o", out, "--khong-pdf")
    assert result.exit_code == 2
    assert "văn bản chưa có số và ngày ban hành đầy đủ" in result.output and "--so 12 --ngay 20/9/2021" in result.output
    assert "Traceback" not in result.output and not out.exists()
    only_day = run("distribute", spec, "-o", out, "--khong-pdf", "--so", "7")
    assert only_day.exit_code == 2 and "chưa có ngày ban hành đầy đủ" in only_day.output


def test_number_and_date_on_the_command_line_fill_the_blanks(tmp_path):
    spec = copy_of(tmp_path, BLANK)
    out = tmp_path / "ra"
    result = run("distribute", spec, "-o", out, "--khong-pdf", "--so", "7", "--ngay", "15/10/2021", "--ngay-sao", "20/10/2021")
    assert result.exit_code == 0, result.output
    header = [c.text for row in docx.Document(str(out / "thong-bao.docx")).tables[0].rows for c in row.cells]
    assert header[2:] == ["Số: 07/TB-VPUBND", "Lào Cai, ngày 15 tháng 10 năm 2021"]


def test_command_line_may_not_contradict_the_spec(tmp_path):
    spec = copy_of(tmp_path, NOTICE.read_text(encoding="utf-8"))
    for args, words in ((("--so", "8"), "đã có số 07; --so 8 khác số này"),
                        (("--ngay", "16/10/2021"), "khác ngày cho bằng --ngay"),
                        (("--ngay", "31/02/2021"), "--ngay: ngày “31/02/2021” không có thật trong lịch"),
                        (("--ngay-sao", "1/10/2021"), "ngày sao 01/10/2021 trước ngày ban hành 15/10/2021")):
        result = run("distribute", spec, "-o", tmp_path / "ra", "--khong-pdf", *args)
        assert result.exit_code == 2 and words in result.output, result.output
        assert "Traceback" not in result.output


def test_the_full_set_with_pdfs_manifest_and_zip(tmp_path):
    spec = copy_of(tmp_path, NOTICE.read_text(encoding="utf-8"))
    out = tmp_path / "ra"
    result = run("distribute", spec, "-o", out, "--zip", "--ngay-sao", "20/10/2021")
    assert result.exit_code == 0, result.output
    copies = ["Cục Thống kê", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Y tế", "UBND huyện Bảo Lạc", "UBND huyện Hòa An"]
    expected = {"thong-bao.docx", "thong-bao.pdf", *(f"trich-sao/{n}.{ext}" for n in copies for ext in ("docx", "pdf"))}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == expected
    for rel, entry in listed.items():
        data = (out / rel).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)
    assert listed["trich-sao/Sở Y tế.pdf"]["number"] == "01/TrS-VPUBND"  # directory order, first with a task
    assert manifest["document"] == "07/TB-VPUBND" and manifest["copies_issued"] == 11
    with zipfile.ZipFile(out / "thong-bao.zip") as archive:
        assert archive.testzip() is None
        assert set(archive.namelist()) == expected | {"manifest.json"}
        assert archive.read("trich-sao/Sở Y tế.docx") == (out / "trich-sao/Sở Y tế.docx").read_bytes()
    pdf = PdfReader(str(out / "trich-sao" / "Sở Y tế.pdf"))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "TRÍCH SAO" in text and "01/TrS-VPUBND" in text
    assert "Về tài chính" not in text, "only the parts that concern Sở Y tế"
    assert (out / "so-dang-ky-van-ban-di.xlsx").exists() and not list(out.rglob("*.tmp"))
    assert not (out / ".docgen-resume.jsonl").exists(), "a finished run leaves no resume note"


def test_example_notice_distributes_without_pdfs(tmp_path):
    out = tmp_path / "ra"
    result = run("distribute", ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml", "--danh-ba",
                 ROOT / "specs" / "lao-cai" / "danh-ba.yaml", "--so", "tiep", "--ngay", "20/9/2021", "--ngay-sao", "21/9/2021",
                 "--ngay-giay-moi", "26/8/2021",
                 "-o", out, "--khong-pdf")
    assert result.exit_code == 0, result.output
    assert "67 bản phát hành" in result.output
    copies = sorted(p.stem for p in (out / "trich-sao").glob("*.docx"))
    assert "Sở Y tế" in copies and "Sở Lao động - Thương binh và Xã hội" in copies
    assert "UBND huyện Si Ma Cai" not in copies, "co-operating agencies only when the office asks"
    assert "Thường trực Tỉnh ủy" not in copies, "no task, no copy"
    cells = [c.text for row in docx.Document(str(out / "thong-bao-ket-luan-lao-cai.docx")).tables[1].rows for c in row.cells]
    assert cells[0].split("\n")[-1] == "- Lưu: VT, các CV, TH2,3,4."  # the example asks for no ô 12
