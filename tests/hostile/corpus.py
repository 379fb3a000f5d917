"""The hostile corpus as a table: `python -m tests.hostile.corpus [FOLDER]` runs every case
under the same bounds as the tests and prints name, exit status, wall time and peak memory."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .cases import all_cases
from .run import run_case


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="docgen-hostile-"))
    only = sys.argv[2:]
    for case in all_cases(folder):
        if only and not any(o in case.name for o in only):
            continue
        r = run_case(case, timeout=30, as_mb=3072)
        first = (r["stderr"].strip().splitlines() or r["stdout"].strip().splitlines() or [""])[0][:110]
        state = "TIMEOUT" if r["timed_out"] else f"rc={r['rc']}"
        print(f"{case.name:<32} {state:<8} {r['wall']:>7.2f} s {r['peak_mb']:>8.1f} MB  {first}", flush=True)


if __name__ == "__main__":
    main()
