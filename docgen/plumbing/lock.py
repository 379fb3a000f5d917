"""One writer at a time for a shared file (a register, a counter): an advisory lock held on a
hidden file beside it, across processes and docgen runs."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from .errors import DocgenError
from .output import make_folder, open_nofollow

LOCK_TIMEOUT_S = 120


class FileBusy(DocgenError):
    pass


@contextlib.contextmanager
def locked(target: Path, timeout: float = LOCK_TIMEOUT_S, what: str = "Sổ đăng ký"):
    """Hold target's lock; FileBusy (a Vietnamese message naming `what`) after timeout seconds."""
    target = Path(target)
    lock = target.with_name(f".{target.name}.lock")
    make_folder(lock.parent)
    fd = open_nofollow(lock, os.O_CREAT | os.O_RDWR, 0o644)  # a planted link is refused, never followed
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise FileBusy(f"{what} {target} đang được một lần chạy docgen khác ghi quá {int(timeout)} giây; "
                               "hãy đợi lần chạy đó xong rồi chạy lại.")
            time.sleep(0.05)
        yield
    finally:
        _unlock(fd)
        os.close(fd)


try:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
except ImportError:  # Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
