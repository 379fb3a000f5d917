"""Extracts carry only what concerns the agency; who gets one is the office's choice."""

from __future__ import annotations

from openpyxl import load_workbook

from docgen.distribute import extract
from docgen.distribute.directory import load_directory
from docgen.model.build import build
from docgen.spec.load import validate_source
from docgen.spec.yamlsource import read_source
from tests.distribute.helpers import copy_of, run
from tests.distribute.test_distribute_register import data_rows

DIRECTORY = """\
nguoi_ky_sao: {{chuc_vu: CHÁNH VĂN PHÒNG, ho_ten: Phan Văn Bình}}
{policy}
nhom:
  - ten: Các sở, ban, ngành tỉnh
  - ten: UBND các huyện, thành phố
don_vi:
  - {{ten: Sở Y tế tỉnh Thử, ten_ngan: Sở Y tế, nhom: ["Các sở, ban, ngành tỉnh"]}}
  - {{ten: Sở Tài chính tỉnh Thử, ten_ngan: Sở Tài chính, nhom: ["Các sở, ban, ngành tỉnh"]}}
  - {{ten: Sở Công Thương tỉnh Thử, ten_ngan: Sở Công Thương, nhom: ["Các sở, ban, ngành tỉnh"]}}
  - {{ten: Cục Thống kê tỉnh Thử, ten_ngan: Cục Thống kê}}
  - {{ten: Ủy ban nhân dân huyện Hòa An, ten_ngan: UBND huyện Hòa An, nhom: ["UBND các huyện, thành phố"], buu_dien: true}}
  - {{ten: Ủy ban nhân dân huyện Bảo Lạc, ten_ngan: UBND huyện Bảo Lạc, nhom: ["UBND các huyện, thành phố"]}}
"""

# A notice whose paragraphs assign tasks to several agencies, including a free paragraph of a
# section that assigns a task (to Sở Công Thương) and a top-level paragraph outside any section.
NOTICE = """\
loai: thong-bao
co_quan: {chu_quan: UBND TỈNH THỬ, ten: VĂN PHÒNG, viet_tat: VPUBND, ten_goi: Văn phòng UBND tỉnh}
so: 9
dia_danh: Lào Cai
ngay: 20/10/2021
trich_yeu: Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về giá cả thị trường
cuoc_hop:
  ten: cuộc họp về giá cả thị trường
  ngay: 18/10/2021
  chu_tri: {ho_ten: Nguyễn Văn An, chuc_vu: Chủ tịch UBND tỉnh}
noi_dung:
  - Giá cả các mặt hàng thiết yếu trong tháng 10 cơ bản ổn định.
  - muc: Nhiệm vụ
    noi_dung:
      - doan: Các cơ quan tập trung thực hiện các nhiệm vụ sau.
      - doan: Sở Công Thương kiểm tra hàng hóa tại các chợ đầu mối.
        chu_tri: Sở Công Thương
      - muc: Về y tế
        noi_dung:
          - nhiem_vu: kiểm tra giá thuốc, vật tư y tế
            chu_tri: Sở Y tế
            phoi_hop: [Sở Tài chính, "UBND các huyện, thành phố"]
            thoi_han: 30/10/2021
      - muc: Về giá
        noi_dung:
          - nhiem_vu: thẩm định phương án giá
            chu_tri: Sở Tài chính
          - y: Cục Thống kê công bố chỉ số giá hằng tháng.
            chu_tri: Cục Thống kê
nguoi_ky: {chuc_vu: CHÁNH VĂN PHÒNG, ho_ten: Phan Văn Bình}
noi_nhan:
  - Các sở, ban, ngành tỉnh
  - Ông Nguyễn Văn Bình, thôn Nậm Cáy, xã Bản Lầu, huyện Mường Khương
"""


def _excerpts(tmp_path, policy: str = "", notice: str = NOTICE) -> dict[str, extract.Excerpt]:
    spec_path = copy_of(tmp_path, notice, directory=DIRECTORY.format(policy=policy))
    spec = validate_source(read_source(spec_path))
    directory = load_directory(spec_path.parent / "danh-ba.yaml")
    return {e.agency.ten_ngan: e for e in extract.excerpts(build(spec), spec, directory)}


def _texts(excerpt: extract.Excerpt) -> list[str]:
    return [p.text for p in excerpt.body]


def test_default_sends_to_lead_agencies_not_on_noi_nhan_only(tmp_path):
    got = _excerpts(tmp_path)
    # the sở are on Nơi nhận (their group): they have the original; co-operating agencies get none
    assert sorted(got) == ["Cục Thống kê"]


def test_each_extract_carries_its_own_part_and_never_another_agencys_task(tmp_path):
    got = _excerpts(tmp_path, "trich_sao: {ca_noi_nhan: true}")
    assert sorted(got) == ["Cục Thống kê", "Sở Công Thương", "Sở Tài chính", "Sở Y tế"]
    health = "\n".join(_texts(got["Sở Y tế"]))
    assert "kiểm tra giá thuốc" in health and "Về y tế" in health and "Các cơ quan tập trung" in health
    assert "chợ đầu mối" not in health, "a paragraph assigning Sở Công Thương's task"
    assert "phương án giá" not in health and "chỉ số giá" not in health and "Về giá" not in health
    assert "cơ bản ổn định" not in health, "a top-level paragraph is no lead-in"
    trade = "\n".join(_texts(got["Sở Công Thương"]))
    assert "chợ đầu mối" in trade and "kiểm tra giá thuốc" not in trade
    stats = "\n".join(_texts(got["Cục Thống kê"]))
    assert "chỉ số giá" in stats and "Về giá" in stats and "phương án giá" not in stats
    assert not any(e.whole for e in got.values())


def test_co_operating_agencies_and_groups_only_when_asked(tmp_path):
    named = _excerpts(tmp_path, "trich_sao: {gui: chu-tri-phoi-hop, ca_noi_nhan: true}")
    assert "Sở Tài chính" in named and "UBND huyện Hòa An" not in named
    grouped = _excerpts(tmp_path, "trich_sao: {gui: chu-tri-phoi-hop, nhom: true, ca_noi_nhan: true}")
    assert {"UBND huyện Hòa An", "UBND huyện Bảo Lạc"} <= set(grouped)


SINGLE = NOTICE.replace("""      - doan: Sở Công Thương kiểm tra hàng hóa tại các chợ đầu mối.
        chu_tri: Sở Công Thương
""", "").replace("""      - muc: Về giá
        noi_dung:
          - nhiem_vu: thẩm định phương án giá
            chu_tri: Sở Tài chính
          - y: Cục Thống kê công bố chỉ số giá hằng tháng.
            chu_tri: Cục Thống kê
""", "").replace("  - Giá cả các mặt hàng thiết yếu trong tháng 10 cơ bản ổn định.\n", "")


def test_an_extract_of_the_whole_body_is_a_sao_y_or_none(tmp_path):
    got = _excerpts(tmp_path, "trich_sao: {ca_noi_nhan: true}", SINGLE)
    assert list(got) == ["Sở Y tế"] and got["Sở Y tế"].whole
    spec = copy_of(tmp_path, SINGLE, directory=DIRECTORY.format(policy="trich_sao: {ca_noi_nhan: true}"))
    result = run("distribute", spec, "-o", tmp_path / "ra", "--khong-pdf", "--ngay-sao", "21/10/2021")
    assert result.exit_code == 0, result.output
    rows = data_rows(load_workbook(tmp_path / "ra" / "so-dang-ky-van-ban-di.xlsx")["Văn bản đi 2021"])
    assert rows[1][0] == "01/SY-VPUBND" and rows[1][2].startswith("Bản sao y thông báo số 09/TB-VPUBND")
    none = copy_of(tmp_path, SINGLE, directory=DIRECTORY.format(policy="trich_sao: {ca_noi_nhan: true, ca_van_ban: khong}"))
    result = run("distribute", none, "-o", tmp_path / "ra2", "--khong-pdf", "--ngay-sao", "21/10/2021")
    assert result.exit_code == 0, result.output
    assert not list((tmp_path / "ra2").rglob("trich-sao/*.docx"))


def test_a_citizen_on_noi_nhan_is_sent_by_post_without_a_directory_entry(tmp_path):
    spec = copy_of(tmp_path, NOTICE, directory=DIRECTORY.format(policy=""))
    result = run("distribute", spec, "-o", tmp_path / "ra", "--khong-pdf", "--ngay-sao", "21/10/2021")
    assert result.exit_code == 0, result.output
    post = data_rows(load_workbook(tmp_path / "ra" / "so-dang-ky-van-ban-di.xlsx")["Gửi bưu điện 2021"])
    assert ("09/TB-VPUBND", "Ông Nguyễn Văn Bình, thôn Nậm Cáy, xã Bản Lầu, huyện Mường Khương") in [
        (r[1], r[2]) for r in post]
