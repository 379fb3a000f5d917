"""File names made from agency names: readable Vietnamese, and nothing a hostile name can abuse."""

from __future__ import annotations

import unicodedata

import pytest

from docgen.plumbing.names import MAX_NAME_BYTES, safe_filename, unique_filenames
from tests.distribute.helpers import copy_of, run


@pytest.mark.parametrize("name, expected", [
    ("Sở Giao thông vận tải - Xây dựng", "Sở Giao thông vận tải - Xây dựng"),
    ("../../etc", "etc"),
    ("../../../etc/passwd", "etc-passwd"),
    ("/etc/passwd", "etc-passwd"),
    ("..", "don-vi"),
    (".bashrc", "bashrc"),
    ("CON", "CON_"),
    ("con.txt", "con.txt_"),
    ("LPT1", "LPT1_"),
    ("Sở 😀 Y tế 🏥", "Sở Y tế"),
    ("UBND xã A\x00\x07\u200d", "UBND xã A"),
    ('Ban "A" <b>: ngành*?|\\', "Ban -A- -b-- ngành"),
    ("   ", "don-vi"),
    ("Sở Y te\u0302\u0301", "Sở Y tế"),  # decomposed (NFD) input comes out composed
])
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


def test_no_name_can_leave_its_folder_or_hide():
    for name in ["../../etc", "..\\..\\windows", "a/../../b", "~/x", ".", "..", "./.", "-rf", " . "]:
        safe = safe_filename(name)
        assert "/" not in safe and "\\" not in safe and safe not in (".", "..")
        assert not safe.startswith((".", "-", " "))


def test_very_long_names_are_cut_on_a_character_boundary_and_stay_distinct():
    long = "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp " * 6
    a, b = safe_filename(long + "A"), safe_filename(long + "B")
    for cut in (a, b):
        assert len(cut.encode("utf-8")) <= MAX_NAME_BYTES
        assert unicodedata.is_normalized("NFC", cut) and cut.startswith("Ban Quản lý dự án")
    assert a != b


def test_names_that_would_be_the_same_file_get_numbers():
    assert unique_filenames(["Sở Y tế", "SỞ Y TẾ", "Sở Y tế 😀", "Sở Tài chính"]) == [
        "Sở Y tế", "SỞ Y TẾ (2)", "Sở Y tế (3)", "Sở Tài chính"]


HOSTILE_DIRECTORY = """\
trich_sao: {{gui: chu-tri-phoi-hop, ca_noi_nhan: true}}
don_vi:
  - {{ten: Đơn vị leo thư mục, ten_ngan: ../../etc}}
  - {{ten: Đơn vị tên thiết bị, ten_ngan: CON}}
  - {{ten: Đơn vị có biểu tượng, ten_ngan: "Sở Y tế 😀"}}
  - {{ten: Đơn vị tên rất dài, ten_ngan: {long}}}
  - {{ten: Đơn vị có gạch chéo, ten_ngan: Sở Tài chính/Kho bạc}}
"""

HOSTILE_SPEC = """\
loai: thong-bao
co_quan: {{ten: VĂN PHÒNG, viet_tat: VPUBND}}
so: 3
dia_danh: Lào Cai
ngay: 1/10/2021
trich_yeu: Giao nhiệm vụ
mo_dau: Thông báo giao nhiệm vụ như sau.
ket_thuc: Đề nghị các đơn vị thực hiện.
noi_dung:
  - {{nhiem_vu: việc một, chu_tri: ../../etc, phoi_hop: [CON, "Sở Y tế 😀"]}}
  - {{nhiem_vu: việc hai, chu_tri: [Sở Tài chính/Kho bạc, {long}]}}
nguoi_ky: {{chuc_vu: CHÁNH VĂN PHÒNG, ho_ten: Phan Văn Bình}}
noi_nhan: [CON]
"""


def test_distribution_to_hostile_agency_names_stays_in_its_folder(tmp_path):
    long = ("Ban Quản lý các dự án đầu tư xây dựng " * 12).strip()
    spec = copy_of(tmp_path, HOSTILE_SPEC.format(long=long), directory=HOSTILE_DIRECTORY.format(long=long))
    out = tmp_path / "ra"
    result = run("distribute", spec, "-o", out, "--khong-pdf", "--ngay-sao", "20/10/2021")
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx"))
    assert all(p == "thong-bao.docx" or p.startswith("trich-sao/") for p in written), written
    names = [p.removeprefix("trich-sao/").removesuffix(".docx") for p in written if p != "thong-bao.docx"]
    assert len(names) == 5
    assert {"etc", "CON_", "Sở Y tế", "Sở Tài chính-Kho bạc"} <= set(names)
    assert all(len(n.encode("utf-8")) <= MAX_NAME_BYTES for n in names)
    assert not (tmp_path / "etc").exists() and not list(tmp_path.glob("*.docx"))
