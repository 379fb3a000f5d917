"""Copy numbers: one series per year shared by SY, TrS and SL (Phụ lục III, Mục I), kept in a
JSON file beside the register, under the register's lock, so no number is ever given twice."""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

from ..plumbing.errors import DocgenError
from ..plumbing.output import make_folder, open_nofollow, refuse_link, write_atomic

LOCK_TIMEOUT_S = 120


class RegisterBusy(DocgenError):
    pass


@contextlib.contextmanager
def locked(register: Path, timeout: float = LOCK_TIMEOUT_S):
    """Hold the register's lock: one writer at a time across processes and docgen runs."""
    lock = register.with_name(f".{register.name}.lock")
    make_folder(lock.parent)
    fd = open_nofollow(lock, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise RegisterBusy(f"Sổ đăng ký {register} đang được một lần chạy docgen khác ghi quá {int(timeout)} giây; "
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


def counter_path(register: Path) -> Path:
    return register.with_name(f"{register.stem}.so-ban-sao.json")


class CopyCounter:
    """Numbers for copies; asking again for the same copy (same key) gives the same number."""

    def __init__(self, register: Path) -> None:
        self.register = Path(register)
        self.path = counter_path(self.register)

    def _read(self) -> dict:
        refuse_link(self.path)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"years": {}}
        except (OSError, ValueError) as exc:
            raise DocgenError(f"Không đọc được bộ đếm số bản sao {self.path} ({exc}). docgen không cấp số mới khi "
                              "chưa biết số đã cấp; hãy khôi phục tệp này từ bản lưu.") from None
        if not isinstance(data, dict) or not isinstance(data.get("years"), dict):
            raise DocgenError(f"Bộ đếm số bản sao {self.path} không đúng cấu trúc; hãy khôi phục tệp này từ bản lưu.")
        return data

    def allocate(self, year: int, keys: list[str]) -> list[int]:
        """A number for each key in year: the one it already has, else the next free one."""
        with locked(self.register):
            data = self._read()
            series = data["years"].setdefault(str(year), {"last": 0, "issued": {}})
            numbers = []
            for k in keys:
                if k not in series["issued"]:
                    series["last"] += 1
                    series["issued"][k] = series["last"]
                numbers.append(series["issued"][k])
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        return numbers

    def last(self, year: int) -> int:
        return int(self._read()["years"].get(str(year), {}).get("last", 0))
