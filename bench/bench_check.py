"""How long `docgen check` takes on a 20-page document (without and with --layout).

Usage: .venv/bin/python bench/bench_check.py [-n RUNS] [--layout]
The document is the compliant one the checker's tests build (tests/check/docfactory.py),
with its body repeated to fill 20 A4 pages.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "check")]

import docfactory as F  # noqa: E402

from docgen.check import check_document, fix_document  # noqa: E402


def timed(label: str, runs: int, fn) -> None:
    fn()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    print(f"{label:<40} median {1000 * statistics.median(times):7.1f} ms   min {1000 * min(times):7.1f} ms   "
          f"max {1000 * max(times):7.1f} ms   ({runs} runs)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=20)
    parser.add_argument("--layout", action="store_true", help="also time --layout (LibreOffice, ~3 s a run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hai-muoi-trang.docx"
        F.compliant(F.Spec(repeat_body=54)).save(str(path))
        report = check_document(path)
        print(f"document: 20 pages, {len(report.results)} rules, failed: {report.failed}")
        timed("docgen check (no --layout)", args.n, lambda: check_document(path))
        timed("docgen check --fix", args.n, lambda: fix_document(path, Path(tmp) / "fixed.docx", force=True))
        if args.layout:
            timed("docgen check --layout", 3, lambda: check_document(path, layout=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
