"""The hostile corpus (issue #14): every case in a measured subprocess under fixed bounds.

Each case must end on time (30 s) in under 500 MB of peak memory, with its expected exit
status, a Vietnamese message and never an internal error or a traceback; files it must not
touch stay as they were, nothing appears where nothing may be written, and no temporary or
half-written file is left in the output folder.
"""

from __future__ import annotations

import atexit
import hashlib
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from .cases import Case, all_cases
from .run import run_case

WALL_S = 30
PEAK_MB = 500
AS_MB = 2048  # a hard cap on the child's address space, so a regression cannot take the machine down
VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I)

_FOLDER = Path(tempfile.mkdtemp(prefix="docgen-hostile-"))
atexit.register(shutil.rmtree, _FOLDER, True)
CASES = all_cases(_FOLDER)


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case) -> None:
    before = {p: _digest(p) for p in case.untouched}
    out_before = set(case.out_dir.rglob("*")) if case.out_dir else set()
    result = run_case(case, timeout=WALL_S, as_mb=AS_MB)
    said = result["stderr"] + result["stdout"]
    assert not result["timed_out"], f"{case.name}: still running after {WALL_S} s"
    assert result["wall"] < WALL_S
    assert result["peak_mb"] < PEAK_MB, f"{case.name}: {result['peak_mb']} MB"
    assert str(result["rc"]) in case.expect.split("|"), f"{case.name}: exit {result['rc']}: {said[-800:]}"
    assert "Traceback" not in said and "Lỗi nội bộ" not in said, said[-800:]
    if result["rc"] == 2:
        assert VIETNAMESE.search(said), said
    for word in case.words:
        assert word in said, f"{case.name}: “{word}” not in: {said[-800:]}"
    for path, digest in before.items():
        assert _digest(path) == digest, f"{path} was changed"
    for path in case.absent:
        assert not path.exists() and not path.is_symlink() or path.is_symlink() and not path.resolve().exists(), path
    if case.out_dir and result["rc"] == 2:
        new = set(case.out_dir.rglob("*")) - out_before
        assert not [p for p in new if p.suffix in (".docx", ".pdf", ".tmp")], f"left behind: {sorted(new)}"
