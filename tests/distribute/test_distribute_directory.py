"""The danh bạ: groups expand, names match as secretaries write them, and every mistake in the
directory or in a spec's agency names is reported at its file and line, exit 2."""

from __future__ import annotations

import pytest

from docgen.distribute.directory import check_names, find_directory, load_directory
from docgen.plumbing.errors import SpecError
from docgen.spec.load import resolve, validate_source
from docgen.spec.yamlsource import parse_text
from tests.distribute.helpers import NOTICE, ROOT, copy_of, line_of, run


def short(agencies) -> list[str]:
    return [a.ten_ngan for a in agencies]


def test_groups_expand_to_their_members_nested_groups_included(directory):
    assert short(directory.expand("Các sở, ban, ngành tỉnh")) == ["Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert short(directory.expand("Các sở, ngành, địa phương")) == [
        "Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "UBND huyện Hòa An", "UBND huyện Bảo Lạc"]
    assert directory.expand("Các đơn vị liên quan") == []  # printed as written, nobody in particular
    assert short(directory.expand("Sở KH&ĐT")) == ["Sở Kế hoạch và Đầu tư"]


@pytest.mark.parametrize("written", [
    "sở y tế", "SỞ Y TẾ", "Sở  Y tế;", "Sở Y tế (b/c)", "Sở Y tế (để thực hiện)",
])
def test_names_match_whatever_the_case_spacing_or_note(directory, written):
    assert short(directory.expand(written)) == ["Sở Y tế"]


def test_old_and_new_tone_placement_are_the_same_name(directory):
    assert short(directory.expand("UBND huyện Hoà An")) == ["UBND huyện Hòa An"]
    assert short(directory.expand("TT.UBND tỉnh")) == ["Thường trực UBND tỉnh"]


def test_unknown_name_is_none_and_has_suggestions(directory):
    assert directory.lookup("Sở Y tê") is None
    assert directory.suggestions("Sở Y tê")[0] == "Sở Y tế"
    assert directory.suggestions("So Tai chinh")[0] == "Sở Tài chính"


BAD_DIRECTORY = """\
don_vi:
  - ten: Sở Y tế tỉnh Thử
    ten_ngan: Sở Y tế
    nhom: ["Các sở, ban, ngành tỉnh"]
  - ten: Sở Y tế mới
    ten_ngan: sở y tế
  - ten: Sở Tài chính tỉnh Thử
    ten_ngan: Sở Tài chính
    email: taichinh.thu.gov.vn
    nhom: [Các sở, ban, ngành tỉnh]
  - ten: Sở Nội vụ tỉnh Thử
    ten_ngan: Sở Nội vụ
    nhom: [Các sỏ ban ngành tỉnh]
  - ten: Cục Thống kê tỉnh Thử
nhom:
  - ten: Các sở, ban, ngành tỉnh
  - ten: Nhóm A
    gom: [Nhóm B]
  - ten: Nhóm B
    gom: [Nhóm A]
"""


def problems_of(text: str) -> list:
    from docgen.distribute.directory import directory_from_source

    with pytest.raises(SpecError) as caught:
        directory_from_source(parse_text(text, "danh-ba.yaml"))
    return caught.value.problems


def test_directory_problems_name_file_line_and_field():
    text = BAD_DIRECTORY
    problems = problems_of(text)
    shown = "\n".join(p.show() for p in problems)
    # The model's own checks come first: a bad e-mail address and a missing short name.
    assert f"danh-ba.yaml:{line_of(text, 'email:')}: [don_vi[2].email]" in shown
    assert "không phải là địa chỉ thư điện tử" in shown
    assert f"danh-ba.yaml:{line_of(text, '  - ten: Cục Thống kê')}: [don_vi[4].ten_ngan] Thiếu trường bắt buộc" in shown


def test_directory_semantic_problems_name_file_line_and_field():
    text = BAD_DIRECTORY.replace("    email: taichinh.thu.gov.vn\n", "").replace(
        "  - ten: Cục Thống kê tỉnh Thử\n", "  - ten: Cục Thống kê tỉnh Thử\n    ten_ngan: Cục Thống kê\n")
    shown = "\n".join(p.show() for p in problems_of(text))
    assert (f"danh-ba.yaml:{line_of(text, 'ten_ngan: sở y tế')}: [don_vi[1].ten_ngan] Tên “sở y tế” trùng với "
            f"đơn vị “Sở Y tế” (dòng {line_of(text, 'ten_ngan: Sở Y tế')})") in shown
    # [a, b, c] splits a name at its commas: the message says so.
    assert f"danh-ba.yaml:{line_of(text, 'nhom: [Các sở, ban')}: [don_vi[2].nhom[0]] Nhóm “Các sở” chưa được khai báo" in shown
    assert "phải đặt trong ngoặc kép" in shown
    assert "[don_vi[3].nhom[0]] Nhóm “Các sỏ ban ngành tỉnh” chưa được khai báo trong mục nhom. " \
           "Có phải ý bạn là “Các sở, ban, ngành tỉnh”?" in shown
    assert "Các nhóm gộp vòng tròn: Nhóm A → Nhóm B → Nhóm A." in shown


def test_bad_directory_on_the_command_line_exits_2_and_writes_nothing(tmp_path):
    spec = copy_of(tmp_path, NOTICE.read_text(encoding="utf-8"), directory=BAD_DIRECTORY)
    out = tmp_path / "ra"
    result = run("distribute", spec, "-o", out, "--khong-pdf")
    assert result.exit_code == 2, result.output
    assert f"{spec.parent / 'danh-ba.yaml'}:{line_of(BAD_DIRECTORY, 'email:')}: [don_vi[2].email]" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_unknown_agency_in_a_spec_is_reported_with_the_closest_names(tmp_path):
    text = NOTICE.read_text(encoding="utf-8").replace("chu_tri: Sở Y tế", "chu_tri: Sở Y tê").replace(
        "- Các sở, ban, ngành tỉnh", "- Các sở, ban, nghành tỉnh")
    spec = copy_of(tmp_path, text)
    for verb in (("validate",), ("render",), ("distribute", "-o", tmp_path / "ra", "--khong-pdf")):
        result = run(verb[0], spec, *verb[1:])
        assert result.exit_code == 2, result.output
        assert (f"{spec}:{line_of(text, 'chu_tri: Sở Y tê')}: [noi_dung[1].noi_dung[1].noi_dung[0].chu_tri[0]] "
                f"“Sở Y tê” không có trong danh bạ") in result.output
        assert "Tên gần giống trong danh bạ: “Sở Y tế”" in result.output
        assert f"{spec}:{line_of(text, 'nghành')}: [noi_nhan[1]]" in result.output
        assert "“Các sở, ban, ngành tỉnh”" in result.output
    assert not list(spec.parent.glob("*.docx")) and not (tmp_path / "ra").exists()


def test_directory_is_found_beside_the_spec_or_in_the_nearest_parent(tmp_path):
    (tmp_path / "danh-ba.yaml").write_text("x", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_directory(deep / "tb.yaml") == tmp_path / "danh-ba.yaml"
    (deep / "danh-ba.yaml").write_text("x", encoding="utf-8")
    assert find_directory(deep / "tb.yaml") == deep / "danh-ba.yaml"
    assert find_directory(deep / "tb.yaml", tmp_path / "khac.yaml") == tmp_path / "khac.yaml"


def test_distribute_without_any_directory_says_how_to_give_one(tmp_path):
    spec = tmp_path / "tb.yaml"
    spec.write_text(NOTICE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("distribute", spec, "-o", tmp_path / "ra", "--khong-pdf")
    assert result.exit_code == 2
    assert "không tìm thấy danh bạ đơn vị" in result.output and "--danh-ba" in result.output


def test_the_example_directory_knows_every_name_of_the_example_notice():

    source = resolve(ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml")  # over the office profile
    directory = load_directory(ROOT / "specs" / "lao-cai" / "danh-ba.yaml")
    check_names(validate_source(source), source, directory)  # raises on any unknown name
    sectors = directory.expand("Các sở, ban, ngành thuộc UBND tỉnh")
    assert len(sectors) >= 18 and "Sở Y tế" in short(sectors)
    assert len(directory.expand("UBND các huyện, thị xã, thành phố")) == 9


PROFILE = """\
co_quan: {chu_quan: UBND TỈNH THỬ, ten: VĂN PHÒNG, viet_tat: VPUBND, ten_goi: Văn phòng UBND tỉnh}
dia_danh: Lào Cai
nguoi_ky:
  cvp: {ho_ten: Phan Văn Bình, chuc_vu: Chánh Văn phòng}
noi_nhan: [TT. UBND tỉnh, "Các sở, ban, nganh tỉnh"]
"""


def test_the_office_profile_is_read_and_its_names_are_checked_where_they_are_written(tmp_path):
    from tests.distribute.helpers import DIRECTORY

    (tmp_path / "docgen.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "danh-ba.yaml").write_bytes(DIRECTORY.read_bytes())
    spec = tmp_path / "tb.yaml"
    spec.write_text("loai: thong-bao\nso: 3\nngay: 4/10/2021\ntrich_yeu: Giao việc\nmo_dau: Mở đầu.\n"
                    "noi_dung:\n  - {nhiem_vu: rà soát, chu_tri: Sở Y tế}\nket_thuc: Kết thúc.\nnguoi_ky: cvp\n",
                    encoding="utf-8")
    result = run("distribute", spec, "-o", tmp_path / "ra", "--khong-pdf")
    assert result.exit_code == 2
    assert f"{tmp_path / 'docgen.yaml'}:5: [noi_nhan[1]] “Các sở, ban, nganh tỉnh” không có trong danh bạ" in result.output
    (tmp_path / "docgen.yaml").write_text(PROFILE.replace("nganh", "ngành"), encoding="utf-8")
    result = run("distribute", spec, "-o", tmp_path / "ra", "--khong-pdf")
    assert result.exit_code == 0, result.output
    assert "7 bản phát hành" in result.output  # Thường trực 3 + three sở + VT
    assert run("render", spec).exit_code == 0


def test_cong_van_addressees_are_checked_against_the_directory(tmp_path):
    spec = ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml"
    text = spec.read_text(encoding="utf-8").replace(
        "  kinh_gui:\n    - Các sở, ban, ngành thuộc UBND tỉnh", "  kinh_gui:\n    - Các sở ban ngành thuộc UBND tỉnh", 1)
    for name in ("docgen.yaml", "danh-ba.yaml"):
        (tmp_path / name).write_bytes((spec.parent / name).read_bytes())
    copy = tmp_path / spec.name
    copy.write_text(text, encoding="utf-8")
    source = resolve(copy)
    with pytest.raises(SpecError) as err:
        check_names(validate_source(source), source, load_directory(tmp_path / "danh-ba.yaml"))
    assert "[cong_van.kinh_gui[0]]" in err.value.show() and "“Các sở, ban, ngành thuộc UBND tỉnh”" in err.value.show()
