"""Reading files that come from outside (a .docx, a template, a register) with bounds.

- An input is a regular file of bounded size, opened without blocking, never a FIFO or a device.
- A zip member is inflated through a stream that stops at a size limit per member, in total, and
  at a compression ratio no honest file reaches; members nobody needs are never inflated.
- XML is parsed without DTDs, entities or network, and a DOCTYPE is refused outright.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import DocgenError

MB = 1 << 20


class InputRefused(DocgenError):
    """The input is not a file docgen reads: a device, a FIFO, too large, a zip bomb."""


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 100 * MB  # the .docx/.xlsx itself
    member_bytes: int = 64 * MB  # one inflated member
    total_bytes: int = 256 * MB  # all inflated members together
    ratio: int = 200  # inflated / compressed, judged once a member passes ratio_from
    ratio_from: int = 4 * MB
    members: int = 5000


DEFAULT = Limits()
CHUNK = 256 * 1024


def read_input(path: Path, what: str = "tệp", limit: int = DEFAULT.file_bytes) -> bytes:
    """The bytes of a regular file of at most limit bytes; a FIFO, a device or a folder is refused
    without being opened for a blocking read."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputRefused(f"Không tìm thấy {what} «{path}».") from None
    except IsADirectoryError:
        raise InputRefused(f"«{path}» là một thư mục, không phải tệp thường; hãy chỉ ra một {what}.") from None
    except OSError as exc:
        raise InputRefused(f"Không mở được {what} «{path}»: {exc.strerror}.") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = ("ống dẫn (FIFO)" if stat.S_ISFIFO(info.st_mode) else "thư mục" if stat.S_ISDIR(info.st_mode)
                    else "thiết bị" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "tệp đặc biệt")
            raise InputRefused(f"«{path}» là {kind}, không phải tệp thường; docgen chỉ đọc {what} là tệp thường.")
        if info.st_size > limit:
            raise InputRefused(f"{what.capitalize()} «{path}» lớn {info.st_size // MB} MB, quá giới hạn "
                               f"{limit // MB} MB docgen chấp nhận.")
        chunks, total = [], 0
        while chunk := os.read(fd, CHUNK):
            total += len(chunk)
            if total > limit:  # the file grew while being read
                raise InputRefused(f"{what.capitalize()} «{path}» vượt quá giới hạn {limit // MB} MB docgen chấp nhận.")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputRefused(f"Không đọc được {what} «{path}»: {exc.strerror}.") from None
    finally:
        os.close(fd)


class SafeZip:
    """A zip read member by member through bounded streams."""

    def __init__(self, data: bytes, label: str, limits: Limits = DEFAULT) -> None:
        self.label, self.limits, self.inflated = label, limits, 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise InputRefused(f"{label} không phải gói zip hợp lệ (.docx, .xlsx): {exc}.") from None
        self.infos = self.zip.infolist()
        if len(self.infos) > limits.members:
            raise InputRefused(f"{label} chứa {len(self.infos)} phần, quá giới hạn {limits.members}; "
                               "docgen không đọc tệp này.")

    @classmethod
    def open(cls, path: Path, what: str = "tệp", limits: Limits = DEFAULT) -> "SafeZip":
        return cls(read_input(path, what, limits.file_bytes), f"{what.capitalize()} «{path}»", limits)

    def __enter__(self) -> "SafeZip":
        return self

    def __exit__(self, *exc) -> None:
        self.zip.close()

    def declared_ok(self, info: zipfile.ZipInfo, limit: int | None = None) -> bool:
        """What the central directory says of a member, without inflating it."""
        limit = self.limits.member_bytes if limit is None else limit
        return info.file_size <= limit and not self._ratio_exceeded(info.file_size, info.compress_size)

    def check_declared(self, info: zipfile.ZipInfo) -> None:
        if not self.declared_ok(info):
            raise self._bomb(info, info.file_size)

    def _ratio_exceeded(self, inflated: int, compressed: int) -> bool:
        return inflated > self.limits.ratio_from and inflated > self.limits.ratio * max(compressed, 1)

    def _bomb(self, info: zipfile.ZipInfo, size: int, limit: int | None = None) -> InputRefused:
        limit = self.limits.member_bytes if limit is None else limit
        return InputRefused(
            f"{self.label}: phần {info.filename} giải nén ra quá lớn (hơn {size // MB} MB từ {info.compress_size // 1024} KB "
            f"nén; giới hạn {limit // MB} MB mỗi phần, {self.limits.total_bytes // MB} MB cả gói, "
            f"tỉ lệ nén {self.limits.ratio}:1): tệp quá lớn hoặc là một “bom zip”; docgen không đọc tệp này.")

    def read(self, info: zipfile.ZipInfo | str, limit: int | None = None) -> bytes:
        """One member, inflated in chunks; stops at the first limit passed."""
        return b"".join(self.chunks(info, limit))

    def chunks(self, info: zipfile.ZipInfo | str, limit: int | None = None) -> Iterator[bytes]:
        """One member as a stream of inflated chunks, each counted against the limits before it is given."""
        if isinstance(info, str):
            info = self.zip.getinfo(info)
        limit = self.limits.member_bytes if limit is None else limit
        if info.file_size > limit:
            raise self._bomb(info, info.file_size, limit)
        size = 0
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if (size > limit or self.inflated + size > self.limits.total_bytes
                            or self._ratio_exceeded(size, info.compress_size)):
                        raise self._bomb(info, size, limit)
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise InputRefused(f"{self.label}: phần {info.filename} bị hỏng, không giải nén được ({exc}).") from None
        finally:
            self.inflated += size

    def read_xml(self, info: zipfile.ZipInfo | str, limit: int | None = None) -> bytes:
        data = self.read(info, limit)
        refuse_doctype(data, f"{self.label}: phần {getattr(info, 'filename', info)}")
        return data


_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


def refuse_doctype(data: bytes, label: str) -> None:
    """A DOCTYPE (and with it DTDs and entities) has no place in an Office part."""
    head = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        head = data[:1 * MB].decode("utf-16", errors="ignore").encode("utf-8")
    m = _FIRST_ELEMENT.search(head)
    prologue = head[: m.start()] if m else head
    if b"<!DOCTYPE" in prologue.upper() or b"<!ENTITY" in prologue.upper():
        raise InputRefused(f"{label} có khai báo DOCTYPE/ENTITY (DTD); tệp Office không dùng DTD và docgen không "
                           "đọc phần có DTD vì lý do an toàn.")


def xml_parser(**extra) -> etree.XMLParser:
    """lxml without DTDs, entity expansion, network or huge trees."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, **extra)


def parse_xml(data: bytes, label: str) -> etree._Element:
    refuse_doctype(data, label)
    try:
        return etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise InputRefused(f"{label} không phải XML hợp lệ ({exc}).") from None


def stream_xml(chunks: Iterable[bytes], label: str, **options) -> Iterator[etree._Element]:
    """The elements of an XML stream as each one ends, parsed as xml_parser does (no DTD, no entity,
    no network) and with a DOCTYPE refused; the caller frees what it has read."""
    parser = etree.XMLPullParser(events=("end",), resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=False, **options)
    head: bytes | None = b""
    for chunk in chunks:
        if head is not None:  # the prologue, where a DOCTYPE would be, is judged before parsing
            head += chunk
            if len(head) < MB and not _FIRST_ELEMENT.search(head):
                continue
            refuse_doctype(head, label)
            chunk, head = head, None
        parser.feed(chunk)
        for _, el in parser.read_events():
            yield el
    if head is not None:
        refuse_doctype(head, label)
        parser.feed(head)
    parser.close()
    for _, el in parser.read_events():
        yield el


def bounded_package(data: bytes, label: str, needed: Callable[[str], bool], keep_all: bool = False,
                    xml_member: int | None = None, xml_total: int | None = None) -> bytes:
    """The package again, stored: each needed part inflated within bounds (xml_member each,
    xml_total together: what gets parsed and kept) and without a DTD; the others judged by their
    declared size only and left empty, unless keep_all (then inflated within the general limits)."""
    with SafeZip(data, label) as source:
        return repack(source, needed, "keep" if keep_all else "judge", xml_member, xml_total)


def repack(source: SafeZip, needed: Callable[[str], bool], others: str = "judge", xml_member: int | None = None,
           xml_total: int | None = None, stubs: dict[str, bytes] | None = None) -> bytes:
    """source as a stored package: needed parts inflated and checked, parts named in stubs replaced
    uninflated; the others judged by declared size and left empty ("judge"), inflated and kept
    ("keep") or inflated to be judged, then dropped ("inflate")."""
    out, kept, stubs = io.BytesIO(), 0, stubs or {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infos:
            if info.is_dir():
                continue
            if info.filename in stubs:
                body = stubs[info.filename]
            elif needed(info.filename):
                body = source.read_xml(info, xml_member)
                kept += len(body)
                if xml_total is not None and kept > xml_total:
                    raise InputRefused(f"{source.label}: các phần XML cộng lại hơn {xml_total // MB} MB, quá giới "
                                       "hạn docgen đọc được trong bộ nhớ cho phép; docgen không đọc tệp này.")
            elif others == "keep":
                body = source.read(info)
            elif others == "inflate":
                for _ in source.chunks(info):
                    pass
                body = b""
            else:
                source.check_declared(info)  # a bomb where nobody looks is still refused, uninflated
                body = b""
            target.writestr(info.filename, body)
    return out.getvalue()


def docx_part_needed(name: str) -> bool:
    """The parts of a .docx docgen reads: its XML, less what only Word's organizer and add-ins use."""
    return name.endswith(".rels") or (name.endswith(".xml") and not name.startswith(("customXml/", "word/glossary/")))


# A part parsed whole (python-docx's tree and the reader's model) costs about 20 bytes of memory
# per byte of XML: these keep such a read under ~500 MB. `docgen check` streams document.xml
# instead (docgen/check/package.py), within DOCUMENT_XML_MEMBER.
CHECK_XML_MEMBER, CHECK_XML_TOTAL = 20 * MB, 22 * MB
DOCUMENT_XML_MEMBER = 200 * MB

