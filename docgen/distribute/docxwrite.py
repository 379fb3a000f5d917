"""A compiled template whose unchanged parts are compressed once and then copied as bytes.

`CompiledTemplate` already compiles the tagged parts once; it still deflates every other part
(styles.xml alone is 350 kB) for every document, which is most of the time a render takes.
Here those parts are deflated when the template is loaded and written into each .docx as
stored zip entries, so a per-agency copy costs the Jinja render of document.xml and little
else. Same template language, same sandbox, same XML out.
"""

from __future__ import annotations

import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from jinja2 import TemplateError

from ..render.engine import CompiledTemplate, TemplateProblem
from ..render.output import write_atomic

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DEFLATED = 8
_VERSION = 20


def _deflate(data: bytes, level: int) -> bytes:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _dos_time(date_time: tuple[int, ...]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


class _Entry:
    __slots__ = ("name", "time", "date", "crc", "size", "data")

    def __init__(self, name: str, date_time: tuple[int, ...], raw: bytes, level: int) -> None:
        self.name = name.encode("utf-8")
        self.time, self.date = _dos_time(date_time)
        self.crc = zlib.crc32(raw)
        self.size = len(raw)
        self.data = _deflate(raw, level)


def zip_entries(entries: list[_Entry]) -> bytes:
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


class CopyingTemplate(CompiledTemplate):
    """Renders like CompiledTemplate; the parts without tags are deflated only once."""

    LEVEL = 6  # zlib's default, what zipfile uses

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._layout: list[_Entry | tuple[object, object]] = []
        for info, part in self._parts:
            if isinstance(part, bytes):
                self._layout.append(_Entry(info.filename, info.date_time, part, self.LEVEL))
            else:
                self._layout.append((info, part))

    def _finish(self, xml: str) -> str:
        # The newline after the XML declaration is not text; without it docxtpl's listing pass
        # (\n, \t inside runs) runs only when some text really holds one.
        decl, end, rest = xml.partition("?>\n")
        if end and decl.startswith("<?xml") and "<" not in decl[1:]:
            return f"{decl}{end}{super()._finish(rest)}"
        return super()._finish(xml)

    def render(self, context: dict) -> bytes:
        entries: list[_Entry] = []
        for item in self._layout:
            if isinstance(item, _Entry):
                entries.append(item)
                continue
            info, template = item
            try:
                xml = template.render(context)  # type: ignore[attr-defined]
            except TemplateError as exc:
                raise TemplateProblem(f"Mẫu {self.path.name}: lỗi khi điền dữ liệu: {exc}.") from None
            raw = self._finish(xml).encode("utf-8")
            entries.append(_Entry(info.filename, info.date_time, raw, self.LEVEL))  # type: ignore[attr-defined]
        return zip_entries(entries)


@lru_cache(maxsize=8)
def copying_template(path: Path) -> CopyingTemplate:
    """One compiled template per file and process."""
    return CopyingTemplate(path)


WRITERS = 4  # each file is fsync'd: a few writes in flight hide the disk's latency
BATCH = 32  # files rendered ahead of the writers, so memory stays bounded


def write_all(jobs: Iterable[tuple[Path, Callable[[], bytes]]]) -> None:
    """Render and write many files: rendering here, the atomic writes on a few threads."""
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        pending = []
        for path, render in jobs:
            pending.append(pool.submit(write_atomic, path, render()))
            if len(pending) >= BATCH:
                pending.pop(0).result()
        for future in pending:
            future.result()
