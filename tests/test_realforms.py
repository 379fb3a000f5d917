"""The forms real documents need (issue #12): signers, issuers, tasks, numbering, Nơi nhận,
opening and closing, the numbered giấy mời, marks and tails."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.model.build import build
from docgen.plumbing.errors import SpecError
from docgen.spec import load_spec, load_spec_text

BASE = """\
loai: thong-bao
co_quan: {ten: ỦY BAN NHÂN DÂN | HUYỆN A, viet_tat: UBND, ten_goi: UBND huyện}
dia_danh: A
ngay: /9/2021
trich_yeu: Kết luận
mo_dau: Mở đầu.
ket_thuc: Kết thúc.
nguoi_ky: {chuc_vu: Chủ tịch, ho_ten: B}
noi_nhan: [X]
"""


def doc_of(extra: str = "", body: str = "noi_dung: [Nội dung.]\n"):
    return build(load_spec_text(BASE + body + extra))


def texts(doc) -> list[str]:
    return [p.text for p in doc.body]


# --------------------------------------------------------------------------- signers (§5)

PROFILE = """\
co_quan: {chu_quan: UBND TỈNH HÀ TĨNH, ten: VĂN PHÒNG, viet_tat: VPUBND, ten_goi: Văn phòng UBND tỉnh}
co_quan_khac:
  ubnd: {ten: ỦY BAN NHÂN DÂN | TỈNH HÀ TĨNH, viet_tat: UBND, ten_goi: UBND tỉnh}
dia_danh: Hà Tĩnh
nguoi_ky:
  pcvp: {ho_ten: Trần Văn C, chuc_vu: Phó Chánh Văn phòng, tu_cach: thua-lenh-ky-thay, cap_truong: Chủ tịch, truong_don_vi: Chánh Văn phòng}
  pcvp2: {ho_ten: Trần Văn C, chuc_vu: Phó Chánh Văn phòng, quyen_han: [TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG]}
  qct: {ho_ten: Lê D, chuc_vu: Phó Chủ tịch, tu_cach: tap-the-quyen, tap_the: Ủy ban nhân dân, cap_truong: Chủ tịch}
luu: VT, TH
"""

SPEC = """\
loai: thong-bao
ngay: /9/2021
trich_yeu: Kết luận
mo_dau: Mở đầu.
noi_dung: [Nội dung.]
ket_thuc: Kết thúc.
noi_nhan: [X]
"""


@pytest.fixture
def office(tmp_path: Path) -> Path:
    (tmp_path / "docgen.yaml").write_text(PROFILE, encoding="utf-8")
    return tmp_path


def _spec(folder: Path, extra: str) -> Path:
    path = folder / "tb.yaml"
    path.write_text(SPEC + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize("who", ["pcvp", "pcvp2"])
def test_thua_lenh_passed_to_a_deputy_prints_three_lines(office, who):
    doc = build(load_spec(_spec(office, f"nguoi_ky: {who}\n")))
    assert doc.signer.titles == ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG")


def test_collective_acting_head(office):
    doc = build(load_spec(_spec(office, "nguoi_ky: qct\n")))
    assert doc.signer.titles == ("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH")


def test_profile_authority_lines_are_checked_and_exclusive_with_tu_cach(tmp_path):
    (tmp_path / "docgen.yaml").write_text(
        "nguoi_ky:\n  x: {ho_ten: A, chuc_vu: B, quyen_han: [K.T. CHỦ TỊCH]}\n", encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(_spec(tmp_path, "nguoi_ky: x\n"))
    assert "K.T." in err.value.show()
    (tmp_path / "docgen.yaml").write_text(
        "nguoi_ky:\n  x: {ho_ten: A, chuc_vu: B, tu_cach: ky-thay, cap_truong: C, quyen_han: [KT. C]}\n", encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(_spec(tmp_path, "nguoi_ky: x\n"))
    assert "tu_cach" in err.value.show()


# --------------------------------------------------------------------------- several issuers

def test_spec_naming_its_own_issuer_replaces_the_whole_block(office):
    doc = build(load_spec(_spec(office, "nguoi_ky: pcvp\nco_quan: {ten: SỞ Y TẾ, viet_tat: SYT}\n")))
    assert doc.parent_lines == () and doc.agency_lines == ("SỞ Y TẾ",)


def test_issuer_named_by_id(office):
    doc = build(load_spec(_spec(office, "nguoi_ky: qct\nco_quan: ubnd\n")))
    assert doc.parent_lines == () and doc.agency_lines == ("ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH")
    assert doc.number_line.endswith("/TB-UBND")
    with pytest.raises(SpecError) as err:
        load_spec(_spec(office, "nguoi_ky: qct\nco_quan: sxd\n"))
    assert "ubnd" in err.value.show()


def test_child_profile_inherits_and_overrides(office):
    child = office / "so-y-te"
    child.mkdir()
    (child / "docgen.yaml").write_text(
        "ke_thua: true\nco_quan: {chu_quan: UBND TỈNH HÀ TĨNH, ten: SỞ Y TẾ, viet_tat: SYT}\n"
        "nguoi_ky:\n  gd: {ho_ten: Ng E, chuc_vu: Giám đốc}\n", encoding="utf-8")
    doc = build(load_spec(_spec(child, "nguoi_ky: gd\n")))
    assert doc.agency_lines == ("SỞ Y TẾ",) and doc.date_line.startswith("Hà Tĩnh,")
    assert doc.recipients[-1] == "- Lưu: VT, TH."
    doc = build(load_spec(_spec(child, "nguoi_ky: pcvp\n")))  # the parent's signers stay
    assert doc.signer.titles[0] == "TL. CHỦ TỊCH"
