"""The task register at scale: 1,000 issued notices with 10,000 tasks.

Usage: .venv/bin/python bench/bench_tasks.py [--specs 1000] [--tasks 10000] [--workdir DIR]

Each phase runs in its own process (so its peak memory is its own, read from ru_maxrss), and
prints its wall time (work only, then the whole process with Python's start-up and imports):
1. build: `docgen nhiem-vu` on every spec into a new register (.xlsx);
2. re-run: the office has typed a status, a date reported, a reporting document and a note in
   every one of the rows (done here with openpyxl, not timed); 100 new notices were issued;
   `docgen nhiem-vu` merges them and keeps every typed cell (checked after the run);
3. as of a date: read the register, overdue and due soon per agency, the monthly report
   (the terminal table and the counts, without writing).
Targets (issue #17): each under 10 s and 300 MB on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AGENCIES = [f"Sở {name}" for name in (
    "Kế hoạch và Đầu tư", "Tài chính", "Y tế", "Nội vụ", "Công Thương", "Tư pháp", "Xây dựng", "Giao thông vận tải",
    "Tài nguyên và Môi trường", "Nông nghiệp và PTNT", "Giáo dục và Đào tạo", "Lao động TBXH", "Văn hóa, Thể thao và Du lịch",
    "Thông tin và Truyền thông", "Khoa học và Công nghệ", "Ngoại vụ")] + [f"UBND huyện {n}" for n in (
    "Bát Xát", "Mường Khương", "Si Ma Cai", "Bắc Hà", "Bảo Thắng", "Bảo Yên", "Văn Bàn")] + ["Công an tỉnh", "Cục Thuế tỉnh"]
DEADLINES = ["trước ngày {d}/{m}/2021", "trong tháng {m}/2021", "Quý {q}/2021", "định kỳ hằng tháng", "định kỳ hằng tuần",
             "thường xuyên", "trước ngày {d}/{m}/2021", "trước ngày {d}/{m}/2021"]
TARGET_S, TARGET_MB = 10.0, 300


def make_specs(folder: Path, specs: int, tasks: int, first: int = 1, seed: int = 17) -> None:
    """specs notices (numbers first…) with tasks spread evenly, in folder beside the Lào Cai profile."""
    import yaml

    rng = random.Random(seed + first)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "specs" / "lao-cai" / "docgen.yaml", folder / "docgen.yaml")
    shutil.copy(ROOT / "specs" / "lao-cai" / "danh-ba.yaml", folder / "danh-ba.yaml")
    per, extra = divmod(tasks, specs)
    for i in range(specs):
        number = first + i
        issued = dt.date(2021, 1, 4) + dt.timedelta(days=(number * 3) % 330)
        blocks = []
        for k in range(per + (1 if i < extra else 0)):
            due = issued + dt.timedelta(days=rng.randint(5, 90))
            words = rng.choice(DEADLINES).format(d=due.day, m=due.month, q=["I", "II", "III", "IV"][(due.month - 1) // 3])
            block = {"nhiem_vu": f"thực hiện nhiệm vụ số {k + 1} của kết luận {number}: rà soát, tham mưu, đề xuất giải pháp "
                                 "tháo gỡ khó khăn, vướng mắc, báo cáo UBND tỉnh",
                     "chu_tri": rng.choice(AGENCIES), "thoi_han": words}
            if rng.random() < 0.5:
                block["phoi_hop"] = rng.sample(AGENCIES, 2)
            blocks.append(block)
        data = {"loai": "thong-bao", "so": number, "ngay": f"{issued.day}/{issued.month}/{issued.year}",
                "trich_yeu": f"Kết luận của Chủ tịch UBND tỉnh tại cuộc họp số {number}",
                "cuoc_hop": {"ten": f"cuộc họp số {number} của UBND tỉnh", "ngay": f"{issued.day}/{issued.month}/{issued.year}",
                             "chu_tri": {"ho_ten": "Trịnh Xuân Trường", "chuc_vu": "Chủ tịch UBND tỉnh"}},
                "noi_dung": [{"muc": "Nhiệm vụ", "noi_dung": blocks}], "nguoi_ky": "cvp",
                "noi_nhan": ["Các sở, ban, ngành tỉnh"]}
        (folder / f"ket-luan-{number:05d}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                             encoding="utf-8")


def type_everything(register: Path) -> int:
    """The office types its four columns in every row (openpyxl, as a person's Excel would save)."""
    import openpyxl

    from docgen.tasks import columns as C

    book = openpyxl.load_workbook(register)
    sheet = book[C.SHEET]
    cols = {sheet.cell(C.HEADER_ROW, i).value: i for i in range(1, sheet.max_column + 1)}
    for r in range(C.FIRST_ROW, sheet.max_row + 1):
        sheet.cell(r, cols["Trạng thái"]).value = C.STATUSES[r % 4]
        sheet.cell(r, cols["Ngày báo cáo"]).value = dt.datetime(2021, 1, 1) + dt.timedelta(days=r % 360)
        sheet.cell(r, cols["Văn bản báo cáo"]).value = f"Báo cáo số {r}/BC"
        sheet.cell(r, cols["Ghi chú"]).value = f"ghi chú dòng {r}"
    book.save(register)
    return sheet.max_row - C.FIRST_ROW + 1


def check_typed(register: Path) -> int:
    """How many rows lost what was typed (must be 0)."""
    import openpyxl

    from docgen.tasks import columns as C

    sheet = openpyxl.load_workbook(register, read_only=True)[C.SHEET]
    rows = sheet.iter_rows(min_row=C.HEADER_ROW, values_only=True)
    cols = {v: i for i, v in enumerate(next(rows))}
    lost = 0
    for values in rows:
        note = values[cols["Ghi chú"]]
        if note is None:
            continue  # a new row
        r = int(str(note).rsplit(" ", 1)[1])
        if (values[cols["Trạng thái"]] != C.STATUSES[r % 4] or values[cols["Văn bản báo cáo"]] != f"Báo cáo số {r}/BC"
                or values[cols["Ngày báo cáo"]] != dt.datetime(2021, 1, 1) + dt.timedelta(days=r % 360)):
            lost += 1
    return lost


def phase(name: str, folder: Path, register: Path) -> dict:
    """One phase, in this process: its work's wall time and this process's peak memory."""
    started = time.perf_counter()
    from docgen.commands.tasks import TasksOptions, build_register

    out: dict = {}
    day = dt.date(2021, 10, 15)
    work = time.perf_counter()
    if name in ("build", "rerun"):
        opts = TasksOptions(out=register, as_of=day, quiet=True)
        out = build_register([folder], opts, echo=lambda *a, **k: None)
    elif name == "asof":
        from docgen.tasks import book, status, terminal

        rows = book.read(register).rows
        report = status.as_of(rows, day)
        lines = terminal.table(report)
        monthly = status.monthly(rows, 2021, 9)
        out = {"rows": len(rows), "overdue": sum(len(v) for v in report.overdue.values()), "lines": len(lines),
               "agencies": len(monthly.agencies)}
    out["work_s"] = time.perf_counter() - work
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu_s"] = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime  # the spec readers run in children
    out["imports_s"] = work - started
    out["peak_mb"] = max(_own_peak_kb(), kids.ru_maxrss) / 1024
    return out


def _own_peak_kb() -> int:
    """This process's peak resident memory since it started: VmHWM. (ru_maxrss would also count
    the bench's own memory, which Linux carries over through fork and exec.)"""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_phase(name: str, folder: Path, register: Path) -> dict:
    started = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, __file__, "--phase", name, "--workdir", str(folder.parent)],
                          capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - started
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--specs", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--phase", choices=["build", "rerun", "asof"])
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.workdir / "specs", args.workdir / "so-theo-doi.xlsx")))
        return 0
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-tasks-"))
    folder, register = work / "specs", work / "so-theo-doi.xlsx"
    make_specs(folder, args.specs, args.tasks)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"docgen nhiem-vu: {args.specs} văn bản, {args.tasks} nhiệm vụ; {cores} lõi; thư mục {work}")
    figures = {}
    figures["build"] = run_phase("build", folder, register)
    typed = type_everything(register)
    new = max(1, args.specs // 10)
    make_specs(folder, new, new * 10, first=args.specs + 1)
    figures["rerun"] = run_phase("rerun", folder, register)
    lost = check_typed(register)
    figures["asof"] = run_phase("asof", folder, register)
    labels = {"build": "1. lập sổ mới", "rerun": f"2. chạy lại, gộp {typed} dòng đã nhập (+{new} văn bản mới)",
              "asof": "3. đến ngày (quá hạn, sắp đến hạn, báo cáo tháng)"}
    ok = True
    for key, f in figures.items():
        within = f["work_s"] < TARGET_S and f["peak_mb"] < TARGET_MB
        ok &= within
        print(f"{labels[key]:58s} {f['work_s'] * 1000:7.0f} ms  (cả tiến trình {f['process_s'] * 1000:6.0f} ms; "
              f"CPU {f['cpu_s'] * 1000:6.0f} ms)  đỉnh bộ nhớ {f['peak_mb']:6.1f} MB  {'đạt' if within else 'CHƯA ĐẠT'}")
    print(f"   dòng trong sổ: {figures['rerun'].get('rows')}; dòng mất phần đã nhập sau khi chạy lại: {lost}; "
          f"kích thước sổ {register.stat().st_size / 1e6:.1f} MB")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"   tải máy lúc đo (load average 1 phút): {load:.1f} trên {cores} lõi; khi tải vượt số lõi, thời gian thực "
          "dài ra, thời gian CPU thì không")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok and lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
