"""Writing outputs so that an interrupted run never leaves a broken or half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputExists


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Check every target before anything is written, so a refusal writes nothing."""
    if force:
        return
    existing = [p for p in paths if p.exists()]
    if existing:
        names = ", ".join(str(p) for p in existing)
        raise OutputExists(f"Tệp đã có: {names}. docgen không ghi đè; dùng --force để thay thế.")


def _file_mode() -> int:
    """What a plain open() would give: 0666 less the umask (mkstemp alone gives 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_MODE = _file_mode()


def write_atomic(path: Path, data: bytes) -> Path:
    """Write to a temporary file beside path, then move it into place in one step."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
