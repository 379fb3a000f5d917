"""Numbers taken from the register: --so tiep, a reused number refused, re-issue idempotent,
postal rows keyed by letter and recipient, two processes at once."""

from __future__ import annotations

import os
import subprocess
import sys

from openpyxl import load_workbook

from tests.distribute.helpers import DIRECTORY, NOTICE, ROOT, copy_of, run
from tests.distribute.test_distribute_register import data_rows

UNNUMBERED = NOTICE.read_text(encoding="utf-8").replace("so: 7\n", "")


def _numbers(book) -> list[str]:
    return [r[0] for r in data_rows(load_workbook(book)["Văn bản đi 2021"])]


def test_so_tiep_takes_the_next_number_and_a_rerun_keeps_it(tmp_path):
    first = copy_of(tmp_path, UNNUMBERED)
    second = copy_of(tmp_path, UNNUMBERED.replace("giao ban tháng 10/2021", "giao ban tháng 10/2021 (lần 2)"), "hai.yaml")
    book = tmp_path / "so.xlsx"
    common = ("--khong-pdf", "--ngay-sao", "20/10/2021", "--so-dang-ky", book, "--so", "tiep")
    a = run("distribute", first, "-o", tmp_path / "a", *common)
    assert a.exit_code == 0, a.output
    assert "Đã phân phối 01/TB-VPUBND" in a.output
    b = run("distribute", second, "-o", tmp_path / "b", *common)
    assert b.exit_code == 0, b.output
    assert "Đã phân phối 02/TB-VPUBND" in b.output
    before = _numbers(book)
    again = run("distribute", first, "-o", tmp_path / "a", *common, "--force")
    assert again.exit_code == 0, again.output
    assert "Đã phân phối 01/TB-VPUBND" in again.output and "thêm 0 dòng" in again.output
    assert _numbers(book) == before


def test_a_number_registered_for_another_document_is_refused(tmp_path):
    first = copy_of(tmp_path, UNNUMBERED)
    other = copy_of(tmp_path, UNNUMBERED.replace("ngay: 15/10/2021", "ngay: 16/10/2021")
                    .replace("giao ban tháng 10/2021\n", "giao ban tháng 10/2021 về y tế\n"), "khac.yaml")
    book = tmp_path / "so.xlsx"
    common = ("--khong-pdf", "--ngay-sao", "20/10/2021", "--so-dang-ky", book)
    assert run("distribute", first, "-o", tmp_path / "a", *common, "--so", "512").exit_code == 0
    before = load_workbook(book)["Văn bản đi 2021"]
    rows_before = data_rows(before)
    refused = run("distribute", other, "-o", tmp_path / "b", *common, "--so", "512")
    assert refused.exit_code == 2, refused.output
    assert "Số 512/TB-VPUBND đã được đăng ký cho văn bản khác" in refused.output
    assert "ngày 15/10/2021" in refused.output and "Traceback" not in refused.output
    assert data_rows(load_workbook(book)["Văn bản đi 2021"]) == rows_before, "nothing overwritten"
    assert not (tmp_path / "b" / "khac.docx").exists()


def test_a_corrected_address_updates_the_postal_row(tmp_path):
    spec = copy_of(tmp_path, NOTICE.read_text(encoding="utf-8"))
    out = tmp_path / "ra"
    args = ("distribute", spec, "-o", out, "--khong-pdf", "--ngay-sao", "20/10/2021")
    assert run(*args).exit_code == 0
    directory = spec.parent / "danh-ba.yaml"
    directory.write_text(directory.read_text(encoding="utf-8").replace(
        "dia_chi: thị trấn Nước Hai, huyện Hòa An", "dia_chi: số 2 đường Hùng Vương, thị trấn Nước Hai"), encoding="utf-8")
    again = run(*args, "--force")
    assert again.exit_code == 0, again.output
    post = data_rows(load_workbook(out / "so-dang-ky-van-ban-di.xlsx")["Gửi bưu điện 2021"])
    hoa_an = [r for r in post if r[2].startswith("Ủy ban nhân dân huyện Hòa An")]
    assert len(hoa_an) == 1 and "Hùng Vương" in hoa_an[0][2]


def test_two_processes_on_one_register_get_distinct_numbers(tmp_path):
    specs = [copy_of(tmp_path, UNNUMBERED.replace("giao ban tháng 10/2021\n", f"giao ban tháng 10/2021 số {i}\n"),
                     f"tb{i}.yaml") for i in range(2)]
    assert DIRECTORY.exists()
    book = tmp_path / "so.xlsx"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "docgen.cli", "distribute", str(s), "-o", str(tmp_path / s.stem),
                               "--khong-pdf", "--ngay-sao", "20/10/2021", "--so-dang-ky", str(book), "--so", "tiep"],
                              env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for s in specs]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    said = sorted(line.split()[3] for out, _ in outputs for line in out.splitlines() if line.startswith("Đã phân phối"))
    assert said == ["01/TB-VPUBND", "02/TB-VPUBND"]
    numbers = _numbers(book)  # openpyxl opens it: the file is whole
    assert sorted(n for n in numbers if "/TB-" in n) == ["01/TB-VPUBND", "02/TB-VPUBND"]
    copies = [n for n in numbers if "/TrS-" in n]
    assert len(copies) == len(set(copies)) == 2 * 6
