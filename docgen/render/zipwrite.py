"""A zip archive from entries deflated in advance.

The standard zipfile module deflates every entry it writes; a template's unchanged parts
(styles.xml alone is hundreds of kB) would be deflated again for every document. Here each
entry carries its deflated bytes, so an unchanged part is compressed once per template.
"""

from __future__ import annotations

import struct
import zlib

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DEFLATED = 8
_VERSION = 20
LEVEL = 6  # zlib's default, what zipfile uses


def _deflate(data: bytes, level: int) -> bytes:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _dos_time(date_time: tuple[int, ...]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


class Entry:
    """One archive member, deflated when made."""

    __slots__ = ("name", "time", "date", "crc", "size", "data")

    def __init__(self, name: str, date_time: tuple[int, ...], raw: bytes, level: int = LEVEL) -> None:
        self.name = name.encode("utf-8")
        self.time, self.date = _dos_time(date_time)
        self.crc = zlib.crc32(raw)
        self.size = len(raw)
        self.data = _deflate(raw, level)


def zip_entries(entries: list[Entry]) -> bytes:
    """A zip archive of already deflated entries (no zip64: a .docx is far below 4 GB)."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for e in entries:
        header = _LOCAL.pack(0x04034B50, _VERSION, 0, _DEFLATED, e.time, e.date, e.crc, len(e.data), e.size,
                             len(e.name), 0)
        chunks += (header, e.name, e.data)
        central.append(_CENTRAL.pack(0x02014B50, _VERSION, _VERSION, 0, _DEFLATED, e.time, e.date, e.crc,
                                     len(e.data), e.size, len(e.name), 0, 0, 0, 0, 0, offset) + e.name)
        offset += len(header) + len(e.name) + len(e.data)
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(chunks) + directory + end
