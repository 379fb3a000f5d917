"""ô 12: the number of copies comes from the expanded Nơi nhận plus the archive copies,
unless the spec states it."""

from __future__ import annotations

import docx
import pytest

from docgen.distribute.copies import archive_copies, copy_count, recipients_of
from docgen.distribute.directory import load_directory
from docgen.spec.load import load_spec_text, resolve, validate_source
from tests.distribute.helpers import NOTICE, ROOT, copy_of, run


@pytest.mark.parametrize("luu, copies", [
    ("VT", 1), ("VT, TH", 2), ("VT, HC (2)", 3), ("Lưu: VT, TCCB.", 2), ("VT, các CV, TH2,3,4", 5),
])
def test_archive_copies(luu, copies):
    assert archive_copies(luu) == copies


def test_recipients_are_expanded_once_each(directory, notice):
    spec, _, _ = notice
    names = [a.ten_ngan for a in recipients_of(spec, directory)]
    # "TT. UBND tỉnh (b/c)" is one agency with 3 copies; the two groups expand.
    assert names == ["Thường trực UBND tỉnh", "Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư",
                     "UBND huyện Hòa An", "UBND huyện Bảo Lạc"]
    text = NOTICE.read_text(encoding="utf-8").replace("  - UBND các huyện, thành phố\nluu",
                                                      "  - UBND các huyện, thành phố\n  - Sở Y tế\nluu")
    assert len(recipients_of(load_spec_text(text), directory)) == 6  # named twice, counted once


def test_copy_count_is_recipients_plus_archive(directory, notice):
    spec, _, _ = notice
    # Thường trực 3 + three sở + two huyện = 8 copies sent; VT 1 + TH (2) = 3 kept.
    assert copy_count(spec, directory) == 11


def test_spec_figure_wins(directory):
    text = NOTICE.read_text(encoding="utf-8").replace("nguoi_soan: {ky_hieu: PL}", "nguoi_soan: {ky_hieu: PL, so_ban: 25}")
    assert copy_count(load_spec_text(text), directory) == 25


def test_rendered_document_prints_the_count_in_o_12(tmp_path):
    spec = copy_of(tmp_path, NOTICE.read_text(encoding="utf-8"))
    assert run("render", spec).exit_code == 0
    cells = [c.text for row in docx.Document(str(spec.with_suffix(".docx"))).tables[1].rows for c in row.cells]
    assert cells[0].split("\n")[-1] == "- Lưu: VT, TH (2). PL.(11)."


def test_without_a_directory_render_leaves_the_count_out(tmp_path):
    spec = tmp_path / "tb.yaml"
    spec.write_text(NOTICE.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("render", spec).exit_code == 0
    cells = [c.text for row in docx.Document(str(spec.with_suffix(".docx"))).tables[1].rows for c in row.cells]
    assert cells[0].split("\n")[-1] == "- Lưu: VT, TH (2). PL."


def test_example_notice_copy_count():
    source = resolve(ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml")  # over the office profile
    directory = load_directory(ROOT / "specs" / "lao-cai" / "danh-ba.yaml")
    # 6 leaders (TT.TU 1, HĐND 1, UBND 4) + 19 sở, ban, ngành + 6 ngành dọc + 6 đoàn thể + 9 huyện ủy
    # + 9 UBND huyện + 2 văn phòng + 4 lãnh đạo Văn phòng + 1 cổng = 62, and 5 archive copies.
    assert copy_count(validate_source(source), directory) == 67
