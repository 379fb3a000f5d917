"""Small specs for the task register tests: a folder with the Lào Cai office profile and
notices whose tasks are given as (agency, what, deadline)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import ROOT

PROFILE = ROOT / "specs" / "lao-cai" / "docgen.yaml"
DIRECTORY = ROOT / "specs" / "lao-cai" / "danh-ba.yaml"


def office(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROFILE, folder / "docgen.yaml")
    shutil.copy(DIRECTORY, folder / "danh-ba.yaml")
    return folder


def notice(folder: Path, name: str, tasks: list[tuple], so: int | None = 12, ngay: str = "10/9/2021") -> Path:
    """A thông báo kết luận with one task per (agency, what, deadline[, partners])."""
    blocks = []
    for task in tasks:
        agency, what, deadline = task[:3]
        block = {"nhiem_vu": what, "chu_tri": agency}
        if deadline:
            block["thoi_han"] = deadline
        if len(task) > 3:
            block["phoi_hop"] = task[3]
        blocks.append(block)
    data = {
        "loai": "thong-bao", "so": so, "ngay": ngay,
        "trich_yeu": "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban",
        "cuoc_hop": {"ten": "cuộc họp giao ban của UBND tỉnh", "ngay": "8/9/2021",
                     "chu_tri": {"ho_ten": "Trịnh Xuân Trường", "chuc_vu": "Chủ tịch UBND tỉnh"}},
        "noi_dung": [{"muc": "Nhiệm vụ", "noi_dung": blocks}],
        "nguoi_ky": "cvp", "noi_nhan": ["Các sở, ban, ngành tỉnh"],
    }
    if so is None:
        del data["so"]
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


TASKS = [
    ("Sở Kế hoạch và Đầu tư", "rà soát số liệu, báo cáo UBND tỉnh", "15/9/2021", ["Cục Thống kê"]),
    ("Sở Tài chính", "đề xuất phương án bố trí vốn", "trong tháng 10/2021"),
    ("Sở Y tế", "báo cáo tình hình dịch bệnh", "định kỳ hằng tuần"),
    ("Sở Nội vụ", "rà soát tổ chức bộ máy", "Quý IV/2021"),
    ("Sở Công Thương", "theo dõi thị trường", "thường xuyên"),
    ("Sở Tư pháp", "thẩm định dự thảo", "trước ngày 20/9/2021"),
]
