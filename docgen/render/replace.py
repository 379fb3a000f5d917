"""Pictures and embedded files of a template swapped for others at render time: an office's
logo in a header, a placeholder picture (docxtpl's replace_pic, replace_media, replace_zipname,
replace_embedded), decided by the template's package, not by its text."""

from __future__ import annotations

import zlib
from pathlib import Path

from ..plumbing.errors import DocgenError
from .zipwrite import Entry


def _bytes(value, what: str) -> bytes:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if hasattr(value, "read"):
        return value.read()
    try:
        return Path(value).read_bytes()
    except OSError as exc:
        raise DocgenError(f"Không đọc được {what} {value}: {exc.strerror or exc}.") from None


def replaced(entries: list[Entry], package, replace: dict, template: str) -> list[Entry]:
    """The entries with the parts `replace` names given new bytes; an unknown key is refused."""
    by_name: dict[str, bytes] = {}
    crcs = package.crc_parts()
    for key, value in replace.items():
        if isinstance(key, Path):
            key = _bytes(key, "ảnh gốc")
        if isinstance(key, (bytes, bytearray)):
            names = crcs.get(zlib.crc32(key), [])
            label = "có nội dung như tệp đã cho"
        elif key in package.names:
            names, label = [key], f"“{key}”"
        else:
            names, label = package.pictures.get(key, []), f"tên (hoặc tiêu đề, mô tả) “{key}”"
        if not names:
            known = ", ".join(sorted(package.pictures)[:8]) or "(mẫu không có ảnh)"
            raise DocgenError(f"Mẫu {template} không có ảnh hay tệp nhúng nào {label} để thay. "
                              f"Các ảnh của mẫu: {known}.")
        new = _bytes(value, "ảnh thay thế")
        for name in names:
            by_name[name] = new
    return [Entry(e.name.decode("utf-8"), package.infos[e.name.decode("utf-8")].date_time, by_name[e.name.decode("utf-8")])
            if e.name.decode("utf-8") in by_name else e for e in entries]
