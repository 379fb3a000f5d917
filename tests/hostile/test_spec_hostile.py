"""Hostile input on the spec side (issue #14): YAML alias bombs, devices and pipes, huge files,
invisible format characters, numbers no register holds. Each case runs docgen in a child
process bounded to 30 s and 500 MB and must answer exit 2, in Vietnamese, with the line,
writing nothing."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from docgen.spec.guard import _CF, CF_RANGES
from tests.hostile.spec_helpers import ROOT, Outcome, run_docgen

GOOD = (ROOT / "tests" / "mistakes" / "deadline-before-meeting.yaml").read_text(encoding="utf-8").replace(
    "15/8/2021  # ← lỗi", "15/10/2021")
BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" \
       "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n" \
       "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
PROFILE = "co_quan: {ten: VĂN PHÒNG, viet_tat: VPUBND, ten_goi: Văn phòng UBND tỉnh}\ndia_danh: Lào Cai\n"
DIRECTORY = "don_vi:\n  - ten: Sở Kế hoạch và Đầu tư tỉnh Lào Cai\n    ten_ngan: Sở Kế hoạch và Đầu tư\n"


def refused(result: Outcome, where: str, *words: str) -> None:
    assert result.code == 2, result.output
    assert result.seconds < 10, f"{result.seconds:.1f} s"
    assert result.peak_mb < 200, f"{result.peak_mb:.0f} MB"
    assert "Traceback" not in result.output
    assert where in result.output, result.output
    for word in words:
        assert word in result.output, result.output
    assert re.search(r"[ạảãàáâầấậẫẩăằắặẵẳđêềếệễểôồốộỗổơờớợỡởưừứựữửíìịĩỉýỳỵỹỷ]", result.output)


def both(folder: Path, spec: str, where: str, *words: str) -> None:
    """validate and render refuse it; render writes nothing."""
    refused(run_docgen("validate", spec, cwd=folder), where, *words)
    refused(run_docgen("render", spec, "-o", "out", cwd=folder), where, *words)
    assert not (folder / "out").exists() or not any((folder / "out").iterdir())
    assert not list(folder.glob("*.docx"))


def test_alias_bomb_in_a_spec(tmp_path: Path) -> None:
    (tmp_path / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    assert len(BOMB.encode()) < 400
    both(tmp_path, "bomb.yaml", "bomb.yaml:1:", "neo YAML “&a”", "không dùng neo")


def test_alias_bomb_in_the_office_profile(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "docgen.yaml").write_text(PROFILE + BOMB.replace("a: &a", "x_a: &a"), encoding="utf-8")
    both(tmp_path, "spec.yaml", "docgen.yaml:3:", "neo YAML")


def test_alias_bomb_in_the_directory(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "danh-ba.yaml").write_text(DIRECTORY + "nhom:\n  - ten: &n Các sở\n    ten_khac: [*n, *n]\n", encoding="utf-8")
    both(tmp_path, "spec.yaml", "danh-ba.yaml:5:", "neo YAML “&n”")


def test_device_is_refused_at_once(tmp_path: Path) -> None:
    both(tmp_path, "/dev/zero", "/dev/zero:", "không phải một tệp thường")


def test_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    both(tmp_path, "pipe.yaml", "pipe.yaml:", "không phải một tệp thường")


def test_named_pipe_as_office_profile(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "ho-so.yaml")
    refused(run_docgen("validate", "spec.yaml", "--profile", "ho-so.yaml", cwd=tmp_path), "ho-so.yaml:", "không phải một tệp thường")


def test_file_over_ten_megabytes(tmp_path: Path) -> None:
    with open(tmp_path / "to.yaml", "wb") as f:
        f.truncate(11 * 1024 * 1024)  # sparse: no disk used
    both(tmp_path, "to.yaml", "to.yaml:", "quá lớn", "10 MB")


@pytest.mark.parametrize("char, name", [
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE (U+202E)"),
    ("\u2066", "LEFT-TO-RIGHT ISOLATE (U+2066)"),
    ("\u200f", "RIGHT-TO-LEFT MARK (U+200F)"),
    ("\u200b", "ZERO WIDTH SPACE (U+200B)"),
    ("\ufeff", "ZERO WIDTH NO-BREAK SPACE (U+FEFF)"),
    ("\u2060", "WORD JOINER (U+2060)"),
    ("\u00ad", "SOFT HYPHEN (U+00AD)"),
])
def test_invisible_format_character_in_a_spec(tmp_path: Path, char: str, name: str) -> None:
    text = GOOD.replace("trich_yeu: Kết luận của Chủ tịch", f"trich_yeu: Kết luận của Chủ{char} tịch")
    (tmp_path / "spec.yaml").write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if char in ln)
    both(tmp_path, "spec.yaml", f"spec.yaml:{line}: [trich_yeu]", name, "hãy xóa ký tự này")


def test_invisible_character_in_profile_and_directory(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "docgen.yaml").write_text(PROFILE + "luu: VT, \u202eTH\n", encoding="utf-8")
    both(tmp_path, "spec.yaml", "docgen.yaml:3: [luu]", "RIGHT-TO-LEFT OVERRIDE (U+202E)")
    (tmp_path / "docgen.yaml").unlink()
    (tmp_path / "danh-ba.yaml").write_text(DIRECTORY.replace("ten_ngan: Sở", "ten_ngan: \u200bSở"), encoding="utf-8")
    both(tmp_path, "spec.yaml", "danh-ba.yaml:3: [don_vi[0].ten_ngan]", "ZERO WIDTH SPACE (U+200B)")


@pytest.mark.parametrize("line, field", [
    ("so: 1000000000000000000000000000000000000000", "[so]"),
    ("nguoi_soan: {ky_hieu: PL, so_ban: 100000000000}", "[nguoi_soan.so_ban]"),
])
def test_numbers_beyond_a_register(tmp_path: Path, line: str, field: str) -> None:
    (tmp_path / "spec.yaml").write_text(GOOD + line + "\n", encoding="utf-8")
    both(tmp_path, "spec.yaml", f"spec.yaml:{len(GOOD.splitlines()) + 1}: {field}", "quá lớn")


def test_number_of_thousands_of_digits(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(GOOD + "so: " + "9" * 5000 + "\n", encoding="utf-8")
    both(tmp_path, "spec.yaml", f"spec.yaml:{len(GOOD.splitlines()) + 1}:", "quá lớn")


def test_nesting_ten_thousand_deep(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text("noi_nhan: " + "[" * 10000 + "]" * 10000 + "\n", encoding="utf-8")
    both(tmp_path, "spec.yaml", "spec.yaml:1:", "Lỗi cú pháp YAML")


def test_format_character_table_is_unicode_category_cf() -> None:
    cf = {cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) == "Cf"}
    listed = {cp for a, b in CF_RANGES for cp in range(a, b + 1)}
    assert cf <= listed, sorted(hex(c) for c in cf - listed)
    assert all(_CF.search(chr(cp)) for cp in cf)
