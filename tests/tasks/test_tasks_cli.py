"""`docgen nhiem-vu` (and its English name `tasks`) from the command line: exit codes and
Vietnamese messages, never a traceback."""

from __future__ import annotations

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from docgen.cli import main
from docgen.tasks import columns as C
from tests.conftest import ROOT


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("verb", ["nhiem-vu", "tasks"])
def test_builds_the_register_and_prints_the_overdue_table(verb, specs, tmp_path):
    out = tmp_path / "so.xlsx"
    result = invoke(verb, specs, "-o", out, "--den-ngay", "25/9/2021")
    assert result.exit_code == 0, result.output
    assert "Sở Kế hoạch và Đầu tư: 1 quá hạn" in result.output and "Đã ghi" in result.output
    assert openpyxl.load_workbook(out)[C.SHEET].max_row == C.FIRST_ROW + 5


def test_the_examples_from_a_fresh_clone(tmp_path):
    out = tmp_path / "so.xlsx"
    result = invoke("nhiem-vu", ROOT / "specs", "--du-thao", "--den-ngay", "5/10/2021", "-o", out,
                    "--cong-van", tmp_path / "cv", "--lich", tmp_path / "lich")
    assert result.exit_code == 0, result.output
    assert "Cộng: 27 nhiệm vụ quá hạn ở 16 cơ quan" in result.output
    assert "Văn phòng không tự đôn đốc mình" in result.output
    assert len(list((tmp_path / "cv").glob("*.docx"))) == 15
    assert (tmp_path / "lich" / "van-phong.ics").exists()
    plain = invoke("nhiem-vu", ROOT / "specs", "-o", tmp_path / "chi-ban-hanh.xlsx", "--den-ngay", "5/10/2021")
    assert plain.exit_code == 0 and "Bỏ qua 3 văn bản còn là dự thảo" in plain.output


@pytest.mark.parametrize("args, message", [
    (["--den-ngay", "31/2/2021"], "--den-ngay: ngày “31/2/2021” không có thật trong lịch"),
    (["--thang", "13/2021"], "--thang: “13/2021” không phải là tháng"),
    (["--ban-hanh", "--cong-van", "cv"], "--ban-hanh cần ngày ban hành"),
    (["--ban-hanh", "--ngay", "5/10/2021"], "hãy chỉ thư mục ghi công văn bằng --cong-van"),
])
def test_bad_options_exit_2_with_a_vietnamese_message(args, message, specs, tmp_path):
    result = invoke("nhiem-vu", specs, "-o", tmp_path / "so.xlsx", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "so.xlsx").exists()


def test_bad_spec_or_register_exit_2_and_write_nothing(specs, tmp_path):
    (specs / "hong.yaml").write_text("loai: thong-bao\nso: 3\nngay: 1/9/2021\nnoi_dung: [{nhiem_vu: làm, thoi_han: 5/9/2021}]\n",
                                     encoding="utf-8")
    out = tmp_path / "so.xlsx"
    result = invoke("nhiem-vu", specs, "-o", out)
    assert result.exit_code == 2 and "hong.yaml:" in result.output and "Traceback" not in result.output
    assert not out.exists()
    (specs / "hong.yaml").unlink()
    assert invoke("nhiem-vu", specs, "-o", out).exit_code == 0
    (tmp_path / f"~${out.name}").write_text("x")
    result = invoke("nhiem-vu", specs, "-o", out)
    assert result.exit_code == 2 and "đang mở trong Excel" in result.output
    result = invoke("nhiem-vu", specs, "-o", tmp_path / "so.csv")
    assert result.exit_code == 2 and "đuôi .xlsx" in result.output
    result = invoke("nhiem-vu", tmp_path / "khong-co", "-o", tmp_path / "khac.xlsx")
    assert result.exit_code == 2 and "Không tìm thấy" in result.output


def test_an_unreadable_deadline_and_a_task_without_owner_are_warnings(specs, tmp_path):
    from tests.tasks.helpers import notice

    path = notice(specs, "mo-ho", [("Sở Xây dựng", "rà soát", "sớm nhất có thể")], so=30)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["noi_dung"].insert(0, {"y": "Các địa phương chủ động thực hiện.", "thoi_han": "trong tháng 10/2021"})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = invoke("nhiem-vu", specs, "-o", tmp_path / "so.xlsx")
    assert result.exit_code == 0, result.output
    assert "mo-ho.yaml:" in result.output and "[thoi_han] không đọc được thời hạn “sớm nhất có thể”" in result.output
    assert "không có cơ quan chủ trì (chu_tri)" in result.output
