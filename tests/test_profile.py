"""The office profile (docgen.yaml): lookup, precedence, signers by id, --explain origins."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.model.build import build
from docgen.nd30.authority import authority_lines
from docgen.plumbing.errors import SpecError
from docgen.spec import load_spec
from docgen.spec.explain import explain

PROFILE = """\
co_quan:
  chu_quan: UBND TỈNH LÀO CAI
  ten: VĂN PHÒNG
  viet_tat: VPUBND
  ten_goi: Văn phòng UBND tỉnh
dia_danh: Lào Cai
nguoi_ky:
  cvp: {ho_ten: Phan Quốc Nghĩa, chuc_vu: Chánh Văn phòng}
  pct: {ho_ten: Nguyễn Văn A, chuc_vu: Phó Chủ tịch, tu_cach: tap-the-ky-thay, tap_the: Ủy ban nhân dân, cap_truong: Chủ tịch}
noi_nhan: [TT. UBND tỉnh, "Các sở, ban, ngành tỉnh"]
luu: VT, TH
"""

SPEC = """\
loai: thong-bao
ngay: /9/2021
trich_yeu: Kết luận của Chủ tịch UBND tỉnh
mo_dau: Mở đầu.
noi_dung: [Nội dung.]
ket_thuc: Kết thúc.
nguoi_ky: cvp
"""


@pytest.fixture
def office(tmp_path: Path) -> Path:
    (tmp_path / "docgen.yaml").write_text(PROFILE, encoding="utf-8")
    sub = tmp_path / "2021" / "thang-9"
    sub.mkdir(parents=True)
    return sub


def test_profile_found_in_a_parent_folder_fills_what_the_spec_leaves_out(office):
    spec = office / "tb.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    doc = build(load_spec(spec))
    assert doc.agency_lines == ("VĂN PHÒNG",) and doc.parent_lines == ("UBND TỈNH LÀO CAI",)
    assert doc.date_line.startswith("Lào Cai, ngày")
    assert doc.signer.titles == ("CHÁNH VĂN PHÒNG",) and doc.signer.name == "Phan Quốc Nghĩa"
    assert doc.recipients == ("- TT. UBND tỉnh;", "- Các sở, ban, ngành tỉnh;", "- Lưu: VT, TH.")


def test_spec_wins_over_profile(office):
    spec = office / "tb.yaml"
    spec.write_text(SPEC + "dia_danh: Sa Pa\nco_quan: {viet_tat: VP}\nluu: VT, KT\n", encoding="utf-8")
    doc = build(load_spec(spec))
    assert doc.date_line.startswith("Sa Pa,")
    assert doc.number_line.endswith("/TB-VP") and doc.agency_lines == ("VĂN PHÒNG",)
    assert doc.recipients[-1] == "- Lưu: VT, KT."


def test_no_profile_when_asked(office):
    spec = office / "tb.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(spec, profile=None)
    assert "docgen.yaml" in err.value.show()


def test_unknown_signer_id_suggests_the_closest(office):
    spec = office / "tb.yaml"
    spec.write_text(SPEC.replace("nguoi_ky: cvp", "nguoi_ky: cpv"), encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(spec)
    assert f"{spec}:7: [nguoi_ky]" in err.value.show() and "“cvp”" in err.value.show()


def test_profile_errors_name_the_profile_file(office):
    (office.parent.parent / "docgen.yaml").write_text(PROFILE.replace("luu:", "luuu:"), encoding="utf-8")
    spec = office / "tb.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(spec)
    assert "docgen.yaml:11: [luuu]" in err.value.show()


def test_head_signing_kt_for_himself_is_refused(office):
    bad = "  ct: {ho_ten: B, chuc_vu: Chủ tịch, tu_cach: ky-thay, cap_truong: Chủ tịch}\n"
    (office.parent.parent / "docgen.yaml").write_text(PROFILE.replace("noi_nhan:", bad + "noi_nhan:"), encoding="utf-8")
    spec = office / "tb.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(spec)
    assert "không ký KT." in err.value.show()


@pytest.mark.parametrize("capacity,expected", [
    ("thu-truong", ([], "Chánh Văn phòng")),
    ("tap-the", (["TM. ỦY BAN NHÂN DÂN"], "Chánh Văn phòng")),
    ("ky-thay", (["KT. CHỦ TỊCH"], "Chánh Văn phòng")),
    ("tap-the-ky-thay", (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "Chánh Văn phòng")),
    ("quyen", (["Q. CHỦ TỊCH"], None)),
    ("thua-lenh", (["TL. CHỦ TỊCH"], "Chánh Văn phòng")),
    ("thua-uy-quyen", (["TUQ. CHỦ TỊCH"], "Chánh Văn phòng")),
])
def test_authority_lines_follow_section_5(capacity, expected):
    assert authority_lines(capacity, "Chánh Văn phòng", "Ủy ban nhân dân", "Chủ tịch") == expected


def test_explain_names_where_each_value_came_from(office):
    spec = office / "tb.yaml"
    spec.write_text(SPEC.replace("nguoi_ky: cvp", "nguoi_ky: pct"), encoding="utf-8")
    lines = explain(spec)
    profile = office.parent.parent / "docgen.yaml"
    assert f"trich_yeu = Kết luận của Chủ tịch UBND tỉnh    ← {spec}:3" in lines
    assert f"co_quan.viet_tat = VPUBND    ← {profile}:4" in lines
    assert f"nguoi_ky.quyen_han[1] = KT. CHỦ TỊCH    ← {profile}:9" in lines
    assert "danh_so = I    ← mặc định" in lines
