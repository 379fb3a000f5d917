"""Writing outputs so that an interrupted run never leaves a broken or half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import DocgenError, OutputExists, os_problem

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def refuse_link(path: Path) -> None:
    """A symlink docgen did not create is never written through, nor replaced."""
    if Path(path).is_symlink():
        raise DocgenError(f"«{path}» là một liên kết tượng trưng (symlink) mà docgen không tạo; docgen không ghi theo "
                          "liên kết. Hãy xóa liên kết này hoặc ghi vào thư mục khác.")


def open_nofollow(path: Path, flags: int, mode: int = 0o644) -> int:
    """os.open that refuses a symlink at path (O_NOFOLLOW) and says so in Vietnamese."""
    path = Path(path)
    refuse_link(path)
    try:
        return os.open(path, flags | NOFOLLOW, mode)
    except OSError as exc:
        raise os_problem(exc, path) from None


def make_folder(folder: Path) -> None:
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_problem(exc, folder) from None


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Check every target before anything is written, so a refusal writes nothing."""
    if force:
        return
    for p in paths:
        refuse_link(p)
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
    make_folder(path.parent)
    refuse_link(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # O_EXCL: never a link
    except OSError as exc:
        raise os_problem(exc, path.parent) from None
    try:
        os.fchmod(fd, _MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise os_problem(exc, path) from None
        raise
    return path
