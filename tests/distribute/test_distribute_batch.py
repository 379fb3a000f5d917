"""Batches: many specs on every core, every failure reported at the end, and an interrupted run
resumed without redoing what was finished or leaving half-written files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.commands import render as render_cmd
from docgen.distribute.counter import CopyCounter
from docgen.plumbing import runner
from docgen.plumbing.journal import JOURNAL_NAME, Journal
from tests.conftest import DATA as CORE_DATA
from tests.distribute.helpers import NOTICE, ROOT, run

GOOD = (CORE_DATA / "thong-bao-nho.yaml").read_text(encoding="utf-8")


def specs(folder: Path, n: int, bad: tuple[int, ...] = ()) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        text = GOOD.replace("so: 5", f"so: {i + 1}")
        if i in bad:
            text = text.replace("ngay: 7/1/2022", "ngay: 31/02/2022")
        path = folder / f"tb-{i:04d}.yaml"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir() if p.suffix == ".docx"}


def test_parallel_batch_keeps_going_and_reports_every_failure_at_the_end(tmp_path):
    src = specs(tmp_path / "in", 12, bad=(3, 8))
    out = tmp_path / "out"
    lines: list[tuple[str, bool]] = []
    code = render_cmd.render_all([tmp_path / "in"], out, False, False, lambda m="", err=False, **k: lines.append((m, err)),
                            workers=2, terminal=False)
    assert code == 2
    assert sorted(p.name for p in out.glob("*.docx")) == sorted(f"{p.stem}.docx" for i, p in enumerate(src) if i not in (3, 8))
    summary = next(i for i, (m, _) in enumerate(lines) if m.startswith("Xong 10/12 văn bản"))
    errors = [m for m, err in lines[summary:] if err]
    assert errors[0] == "Có 2 tệp lỗi:"
    assert any("tb-0003.yaml" in m and "31/02/2022" in m for m in errors)
    assert any("tb-0008.yaml" in m for m in errors)
    assert (out / JOURNAL_NAME).exists(), "an unfinished batch keeps its resume note"


def test_folders_skip_directories_and_duplicates(tmp_path):
    folder = tmp_path / "in"
    specs(folder, 2)
    (folder / "danh-ba-lao-cai.yaml").write_text("don_vi: []", encoding="utf-8")
    assert [p.name for p in runner.expand([folder, folder / "tb-0000.yaml"])] == ["tb-0000.yaml", "tb-0001.yaml"]


def test_interrupted_batch_resumes_without_redoing_finished_work(tmp_path):
    specs(tmp_path / "in", 8)
    out = tmp_path / "out"
    seen = []

    def stop_after_three(outcome):
        seen.append(outcome)
        if len(seen) == 3:
            raise KeyboardInterrupt

    jobs = [runner.Job(p, render_cmd.render_job, render_cmd.RenderOptions(out, False, False), Journal.path_for(out),
                      render_cmd._render_key(p, render_cmd.RenderOptions(out, False, False)))
            for p in runner.expand([tmp_path / "in"])]
    with pytest.raises(KeyboardInterrupt):
        runner.run_jobs(jobs, label="x", echo=lambda *a, **k: None, force=False, workers=1, on_outcome=stop_after_three)
    before = snapshot(out)
    assert len(before) == 3 and not list(out.glob(".*.tmp"))

    lines: list[str] = []
    code = render_cmd.render_all([tmp_path / "in"], out, False, False, lambda m="", **k: lines.append(m), workers=2,
                            terminal=False)
    assert code == 0
    after = snapshot(out)
    assert len(after) == 8
    assert {name: after[name] for name in before} == before, "finished files are not written again"
    assert sum(m.startswith("Bỏ qua") for m in lines) == 3
    assert "bỏ qua 3 đã xong từ trước" in lines[-1]
    assert not (out / JOURNAL_NAME).exists()
    again = render_cmd.render_all([tmp_path / "in"], out, False, False, lambda *a, **k: None, terminal=False)
    assert again == 2, "a finished batch is not silently redone: existing files are refused as usual"


def test_a_changed_spec_is_not_taken_as_finished(tmp_path):
    paths = specs(tmp_path / "in", 2, bad=(1,))
    out = tmp_path / "out"
    assert render_cmd.render_all([tmp_path / "in"], out, False, False, lambda *a, **k: None, terminal=False) == 2
    paths[0].write_text(paths[0].read_text(encoding="utf-8").replace("so: 1", "so: 9"), encoding="utf-8")
    paths[1].write_text(GOOD, encoding="utf-8")
    lines: list[str] = []
    code = render_cmd.render_all([tmp_path / "in"], out, False, False, lambda m="", **k: lines.append(m), terminal=False)
    assert code == 2 and any("Tệp đã có" in m and "tb-0000.docx" in m for m in lines)
    assert (out / "tb-0001.docx").exists()


def test_ctrl_c_on_a_real_batch_leaves_no_partial_files_and_resumes(tmp_path):
    specs(tmp_path / "in", 300)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "docgen.cli", "render", str(tmp_path / "in"), "-o", str(out)]
    env = {**os.environ, "DOCGEN_WORKERS": "2", "CI": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    proc.stdout.readline()  # the first progress line: work is under way
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Chạy lại đúng lệnh này để làm tiếp" in err and "Traceback" not in err
    done = snapshot(out)
    assert 0 < len(done) < 300
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")], "no half-written file"
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    after = snapshot(out)
    assert len(after) == 300 and {k: after[k] for k in done} == done


def test_log_mode_prints_progress_lines_for_big_batches(tmp_path):
    specs(tmp_path / "in", 120)
    lines: list[str] = []
    assert render_cmd.render_all([tmp_path / "in"], tmp_path / "out", False, False, lambda m="", **k: lines.append(m),
                            terminal=False) == 0
    progress = [m for m in lines if m.startswith("[")]
    assert progress[0].startswith("[1/120] Tạo văn bản:") and progress[-1].startswith("[120/120]")
    assert "văn bản/giây" in progress[-1] and len(progress) <= 12


def test_terminal_mode_draws_a_rich_progress_bar(tmp_path, capsys):
    specs(tmp_path / "in", 3)
    assert render_cmd.render_all([tmp_path / "in"], tmp_path / "out", False, False, lambda *a, **k: None, terminal=True) == 0
    err = capsys.readouterr().err
    assert "Tạo văn bản" in err and "3/3" in err


def test_distribute_batch_shares_one_register(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "danh-ba.yaml").write_bytes((NOTICE.parent / "danh-ba.yaml").read_bytes())
    text = NOTICE.read_text(encoding="utf-8")
    for n in (7, 8, 9):
        (folder / f"tb-{n}.yaml").write_text(text.replace("so: 7", f"so: {n}"), encoding="utf-8")
    out = tmp_path / "ra"
    result = run("distribute", folder, "-o", out, "--khong-pdf", "--ngay-sao", "20/10/2021")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["tb-7", "tb-8", "tb-9"]
    assert CopyCounter(out / "so-dang-ky-van-ban-di.xlsx").last(2021) == 18, "6 copies each, no number twice"
    numbers = [f["number"] for d in ("tb-7", "tb-8", "tb-9")
               for f in json.loads((out / d / "manifest.json").read_text(encoding="utf-8"))["files"]
               if f["kind"] == "trich-sao"]
    assert len(numbers) == len(set(numbers)) == 18
    assert run("distribute", folder, "-o", out, "--so", "3").exit_code == 2


def test_distribute_batch_picks_up_where_a_failed_run_stopped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "danh-ba.yaml").write_bytes((NOTICE.parent / "danh-ba.yaml").read_bytes())
    text = NOTICE.read_text(encoding="utf-8")
    (folder / "tb-7.yaml").write_text(text, encoding="utf-8")
    (folder / "tb-8.yaml").write_text(text.replace("so: 7", "so: 8").replace("chu_tri: Cục Thống kê", "chu_tri: Cục Thông kê"),
                                      encoding="utf-8")
    out = tmp_path / "ra"
    args = ("distribute", folder, "-o", out, "--khong-pdf", "--ngay-sao", "20/10/2021")
    first = run(*args)
    assert first.exit_code == 2 and "“Cục Thông kê” không có trong danh bạ" in first.output
    finished = snapshot(out / "tb-7" / "trich-sao")
    assert len(finished) == 6 and not (out / "tb-8").exists()
    (folder / "tb-8.yaml").write_text(text.replace("so: 7", "so: 8"), encoding="utf-8")
    second = run(*args)
    assert second.exit_code == 0, second.output
    assert f"Bỏ qua {folder / 'tb-7.yaml'}" in second.output
    assert snapshot(out / "tb-7" / "trich-sao") == finished
    assert CopyCounter(out / "so-dang-ky-van-ban-di.xlsx").last(2021) == 12
    assert not (out / JOURNAL_NAME).exists()
