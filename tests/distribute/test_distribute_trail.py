"""The whole paper trail of the Lào Cai meeting from one command: giấy mời, biên bản, thông báo,
công văn and the copies, numbered from one register; a second run changes nothing."""

from __future__ import annotations

import hashlib
import json

import docx
from openpyxl import load_workbook

from tests.distribute.helpers import ROOT, run
from tests.distribute.test_distribute_register import data_rows

SPEC = ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml"


def _issue(out, *extra):
    return run("distribute", SPEC, "--so", "tiep", "--ngay", "20/9/2021", "--ngay-giay-moi", "26/8/2021",
               "--ngay-sao", "21/9/2021", "-o", out, "--khong-pdf", *extra)


def _register(out) -> list[tuple]:
    book = load_workbook(out / "so-dang-ky-van-ban-di.xlsx")
    return [row for sheet in book for row in data_rows(sheet)]


def test_one_command_issues_every_paper_numbered_from_the_register(tmp_path):
    out = tmp_path / "phat-hanh"
    first = _issue(out)
    assert first.exit_code == 0, first.output
    rows = data_rows(load_workbook(out / "so-dang-ky-van-ban-di.xlsx")["Văn bản đi 2021"])
    numbers = [r[0] for r in rows]
    assert numbers[:4] == ["01/GM-VPUBND", "01/BB-VPUBND", "01/TB-VPUBND", "01/VPUBND-TH"]
    copies = numbers[4:]
    assert copies and copies == [f"{n:02d}/TrS-VPUBND" for n in range(1, len(copies) + 1)]
    assert len(numbers) == len(set(numbers)), "one row per paper and per copy"
    assert [r[1].date().isoformat() for r in rows[:4]] == ["2021-08-26", "2021-08-31", "2021-09-20", "2021-09-20"]
    assert rows[3][2].startswith("Công văn V/v triển khai thực hiện kết luận")
    letter = docx.Document(str(out / "thong-bao-ket-luan-lao-cai.cong-van.docx"))
    assert any("Thông báo số 01/TB-VPUBND ngày 20/9/2021 kết luận" in p.text for p in letter.paragraphs)
    minutes = docx.Document(str(out / "thong-bao-ket-luan-lao-cai.bien-ban.docx"))
    assert minutes.tables[0].cell(1, 0).text == "Số: 01/BB-VPUBND"

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {item["path"]: item for item in manifest["files"]}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*.docx")}
    assert on_disk <= set(listed)
    for path, item in listed.items():
        assert item["sha256"] == hashlib.sha256((out / path).read_bytes()).hexdigest()
    assert {listed[f"thong-bao-ket-luan-lao-cai.{k}.docx"]["kind"] for k in ("giay-moi", "bien-ban", "cong-van")} == {
        "giay-moi", "bien-ban", "cong-van"}

    before, hashes = _register(out), {p: i["sha256"] for p, i in listed.items()}
    refused = _issue(out)
    assert refused.exit_code == 2 and "--force" in refused.output
    again = _issue(out, "--force")
    assert again.exit_code == 0, again.output
    assert "thêm 0 dòng" in again.output
    assert _register(out) == before, "a second run changes nothing in the register"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {i["path"]: i["sha256"] for i in manifest["files"]} == hashes
