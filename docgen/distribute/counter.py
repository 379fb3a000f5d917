"""Copy numbers: one series per year shared by SY, TrS and SL (Phụ lục III, Mục I), kept in a
JSON file beside the register, under the register's lock, so no number is ever given twice."""

from __future__ import annotations

import json
from pathlib import Path

from ..plumbing.errors import DocgenError
from ..plumbing.lock import LOCK_TIMEOUT_S, FileBusy, locked  # noqa: F401 - re-exported for distribute
from ..plumbing.output import refuse_link, write_atomic

RegisterBusy = FileBusy  # the name distribute has always used


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
