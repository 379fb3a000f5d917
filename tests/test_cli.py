"""The CLI as a secretary meets it: every bad input gets a Vietnamese message, file:line, field, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from docgen import __version__
from docgen.cli import main
from docgen.plumbing import output
from tests.conftest import DATA

GOOD = (DATA / "thong-bao-nho.yaml").read_text(encoding="utf-8")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def write(tmp_path: Path, text: str, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_refused(result, spec: Path, line: int | None, field: str, words: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    where = f"{spec}:{line}:" if line else f"{spec}:"
    assert where in result.output, result.output
    assert field in result.output, result.output
    assert words in result.output, result.output
    assert not list(spec.parent.glob("*.docx")), "nothing may be written"


BAD_CASES = {
    # name: (replace this, with that, the text on the line the message must name, field, words)
    "yaml-syntax": ("dia_danh: Lào Cai", "dia_danh: Lào Cai: sai", "dia_danh:", "[dia_danh]", "Lỗi cú pháp YAML"),
    "misspelt-key": ("trich_yeu:", "trich_yue:", "trich_yue:", "trich_yue", "Có phải ý bạn là “trich_yeu”"),
    "misspelt-nested-key": ("  viet_tat: VPUBND", "  viettat: VPUBND", "viettat", "co_quan.viettat", "“viet_tat”"),
    "wrong-type": ("so: 5", "so: năm", "so: năm", "so", "cần một số nguyên"),
    "missing-field": ("dia_danh: Lào Cai\n", "", "loai:", "dia_danh", "Thiếu trường bắt buộc"),
    "impossible-date": ("ngay: 6/1/2022", "ngay: 31/02/2021", "31/02/2021", "cuoc_hop.ngay", "không có thật"),
    "impossible-deadline": ("thoi_han: 15/2/2022", "thoi_han: 30/02/2022", "30/02/2022", "thoi_han", "không có thật"),
    "empty-list": ("noi_nhan:\n  - TT. HĐND, UBND tỉnh\n  - Các sở, ban, ngành tỉnh", "noi_nhan: []", "noi_nhan:", "noi_nhan", "ít nhất 1 mục"),
    "bad-authority": ("nguoi_ky: {chuc_vu", "nguoi_ky: {quyen_han: K.T. CHỦ TỊCH, chuc_vu", "K.T.", "nguoi_ky.quyen_han", "TM., KT., Q., TL., TUQ."),
    "bad-type-literal": ("loai: thong-bao", "loai: cong-van", "loai:", "loai", "hãy chọn"),
    "duplicate-key": ("luu: VT, TH", "luu: VT, TH\nluu: VT", "luu: VT\n", "", "xuất hiện hai lần"),
    "control-character": ("Kết quả tháng 12 đạt khá.", "\"Kết quả\\x07 tháng 12\"", "Kết quả", "noi_dung[0].noi_dung[0]", "ký tự điều khiển"),
}


def line_of(text: str, marker: str) -> int:
    index = text.index(marker)
    return text[:index].count("\n") + 1


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_input_is_refused_with_a_vietnamese_message(tmp_path, case):
    old, new, marker, field, words = BAD_CASES[case]
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    spec = write(tmp_path, text)
    for verb in ("render", "validate"):
        assert_refused(run(verb, str(spec)), spec, line_of(text, marker), field, words)


def test_non_utf8_file(tmp_path):
    spec = tmp_path / "cp1258.yaml"
    spec.write_bytes(GOOD.encode("cp1258", errors="replace"))  # a Windows Vietnamese code page
    first_non_ascii = next(ch for ch in GOOD if ord(ch) > 127)
    result = run("render", str(spec))
    assert_refused(result, spec, line_of(GOOD, first_non_ascii), "", "UTF-8")


def test_missing_file_and_directory(tmp_path):
    result = run("render", str(tmp_path / "khong-co.yaml"))
    assert result.exit_code == 2 and "Không tìm thấy tệp" in result.output and "Traceback" not in result.output


def test_all_problems_reported_at_once(tmp_path):
    spec = write(tmp_path, GOOD.replace("so: 5", "so: năm").replace("trich_yeu:", "trich_yue:"))
    result = run("validate", str(spec))
    assert result.exit_code == 2
    assert "[so]" in result.output and "[trich_yue]" in result.output


def test_render_writes_docx_and_refuses_to_overwrite(tmp_path):
    spec = write(tmp_path, GOOD, "thông báo & kết luận.yaml")
    out = tmp_path / "ra"
    assert run("render", str(spec), "-o", str(out)).exit_code == 0
    target = out / "thông báo & kết luận.docx"
    assert docx.Document(str(target)).paragraphs[0].text == "THÔNG BÁO"
    before = target.read_bytes()
    again = run("render", str(spec), "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.output and "Traceback" not in again.output
    assert target.read_bytes() == before
    assert run("render", str(spec), "-o", str(out), "--force").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [target.name], "no temporary files are left"


def test_interrupted_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    target = tmp_path / "x.docx"
    target.write_bytes(b"old and complete")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(target, b"new")
    assert target.read_bytes() == b"old and complete"
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]


def test_one_bad_spec_does_not_stop_the_others(tmp_path):
    good = write(tmp_path, GOOD, "tot.yaml")
    bad = write(tmp_path, GOOD.replace("so: 5", "so: năm"), "xau.yaml")
    result = run("render", str(bad), str(good))
    assert result.exit_code == 2
    assert (tmp_path / "tot.docx").exists() and not (tmp_path / "xau.docx").exists()


@pytest.mark.parametrize("doc_type", ["thong-bao", "chi-thi"])
def test_new_writes_a_spec_that_validates_and_renders(tmp_path, doc_type):
    spec = tmp_path / f"{doc_type}.yaml"
    result = run("new", doc_type, "-o", str(spec))
    assert result.exit_code == 0, result.output
    text = spec.read_text(encoding="utf-8")
    assert "# Văn bản chính" in text and "# Nơi nhận" in text
    checked = run("validate", str(spec))
    assert checked.exit_code == 0 and "chỗ giữ chỗ" in checked.output  # listed, not an error
    refused = run("render", str(spec))  # placeholders never reach a document
    assert refused.exit_code == 2 and "Còn chỗ giữ chỗ" in refused.output and not list(tmp_path.glob("*.docx"))
    drafted = run("render", "--nhap", str(spec))
    assert drafted.exit_code == 0 and "Cảnh báo (bản nháp)" in drafted.output
    assert run("new", doc_type, "-o", str(spec)).exit_code == 2


def test_schema_is_json_with_vietnamese_descriptions():
    result = run("schema")
    schema = json.loads(result.output)
    assert schema["properties"]["trich_yeu"]["description"].startswith("Trích yếu nội dung")
    assert schema["additionalProperties"] is False
    # co_quan, dia_danh may come from the office profile; nguoi_ky from each document's own signer
    assert schema.get("required", []) == []
    assert "docgen.yaml" in schema["properties"]["co_quan"]["description"]
    assert set(schema["properties"]["van_ban"]["items"]["enum"]) == {"thong-bao", "chi-thi", "giay-moi", "bien-ban", "cong-van"}


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_internal_error_exits_1_without_traceback(tmp_path, monkeypatch):
    import docgen.render.pipeline as pipeline

    def boom(*a, **k):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(pipeline, "render_with_warnings", boom)
    spec = write(tmp_path, GOOD)
    result = run("render", str(spec))
    assert result.exit_code == 1 and "Lỗi nội bộ" in result.output and "Traceback" not in result.output


def test_check_exit_status_and_json(tmp_path):
    spec = write(tmp_path, GOOD)
    assert run("render", str(spec)).exit_code == 0
    good = tmp_path / "spec.docx"
    result = run("check", str(good))
    assert result.exit_code == 0 and "ĐẠT" in result.output
    d = docx.Document(str(good))
    d.styles["Normal"].font.name = "Arial"
    d.sections[0].left_margin = docx.shared.Mm(15)
    bad = tmp_path / "word.docx"
    d.save(str(bad))
    result = run("check", str(bad), "--format", "json")
    assert result.exit_code == 1
    files = json.loads(result.output)["files"]
    found = {r["rule"] for f in files for r in f["results"] if r["status"] == "fail"}
    assert {"ND30-FONT", "ND30-MARGIN-LEFT"} <= found
    fixed = tmp_path / "fixed.docx"
    result = run("check", str(bad), "--fix", str(fixed))
    assert result.exit_code == 1 and fixed.exists()
    assert run("check", str(fixed)).exit_code == 0
    not_docx = write(tmp_path, "xin chào", "x.docx")
    result = run("check", str(not_docx))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_outputs_are_readable_by_others_as_a_plain_file_would_be(tmp_path):
    target = output.write_atomic(tmp_path / "x.docx", b"data")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize("args,words", [
    ((), "Thiếu tham số"),
    (("--pdff", "x.yaml"), "Không có tùy chọn '--pdff'. Có phải ý bạn là '--pdf'?"),
    (("--template", "/khong/co.docx", "x.yaml"), "không tồn tại"),
])
def test_usage_errors_are_in_vietnamese(args, words):
    result = run("render", *args)
    assert result.exit_code == 2 and words in result.output and "Cách dùng: docgen render" in result.output


def test_python_dash_m_docgen_runs_the_same_commands():
    done = subprocess.run([sys.executable, "-m", "docgen", "validate", "--help"], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0 and done.stdout.startswith("Cách dùng: docgen validate"), done.stdout + done.stderr


@pytest.mark.parametrize("doc_type", ["thong-bao", "cong-van"])
def test_new_shows_the_appendix_and_the_table_commented_out_and_they_work_uncommented(tmp_path, doc_type):
    spec = tmp_path / f"{doc_type}.yaml"
    assert run("new", doc_type, "-o", str(spec)).exit_code == 0
    text = spec.read_text(encoding="utf-8")
    commented = text[text.index("# phu_luc:"):text.index("# Một bảng")]
    spec.write_text(text + "".join(line[2:] + "\n" for line in commented.splitlines() if line.startswith("# ")),
                    encoding="utf-8")
    drafted = run("render", "--nhap", str(spec))
    assert drafted.exit_code == 0, drafted.output
    d = docx.Document(str(spec.with_suffix(".docx")))
    assert any(p.text == "DANH MỤC NHIỆM VỤ GIAO CÁC CƠ QUAN, ĐƠN VỊ" for p in d.paragraphs)
    assert any(c.text == "Sở Tài chính" for t in d.tables for r in t.rows for c in r.cells)
