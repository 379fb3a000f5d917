"""Opening a .docx for `docgen check`, within bounds (docgen/plumbing/safezip.py).

Two ways: whole (python-docx holds every part as a tree; `--fix` edits and saves it), or
streamed (python-docx holds every part but document.xml, which is parsed as it is inflated and
handed out one body block at a time, each freed once read): a check's memory then grows with
the model the rules keep, not with the XML.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from ..plumbing.errors import DocgenError
from ..plumbing.safezip import (
    CHECK_XML_MEMBER,
    CHECK_XML_TOTAL,
    DOCUMENT_XML_MEMBER,
    MB,
    InputRefused,
    SafeZip,
    docx_part_needed,
    read_input,
    repack,
    stream_xml,
    xml_parser,
)
from .styles import W_NS, w

PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
STUB = f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>'.encode()
W_BODY, W_TBL, W_TR = w("body"), w("tbl"), w("tr")
# The parser reports only these: what the reader walks at the top of the body, and rows. Any other
# child of the body is nothing to the reader and goes with the next block reported after it.
_REPORTED = (W_BODY, W_TBL, W_TR, w("p"), w("sdt"), w("customXml"), w("sectPr"))


class UnreadableDocument(DocgenError):
    """The file is not a .docx docgen can open: exit status 2, never a traceback."""


def describe(path: Path) -> str:
    return f"«{path}»"


def broken(path: Path, exc: BaseException) -> UnreadableDocument:
    return UnreadableDocument(f"Tệp {describe(path)} bị hỏng, không đọc được ({type(exc).__name__}).")


def _load(path: Path) -> bytes:
    """The file's bytes, once it is known to be a zip package and not a Word 97–2003 file."""
    try:
        data = read_input(path, "tệp")
    except InputRefused as exc:
        raise UnreadableDocument(exc.message) from None
    if data.startswith(b"\xd0\xcf\x11\xe0") and "EncryptedPackage".encode("utf-16-le") in data:  # OLE2, encrypted
        raise UnreadableDocument(f"Tệp {describe(path)} được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu trong Word rồi kiểm tra lại.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2 compound file: Word 97-2003
        raise UnreadableDocument(f"Tệp {describe(path)} là tệp Word 97–2003 (.doc), không phải .docx; hãy lưu lại dưới dạng .docx.")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK"):
            raise UnreadableDocument(f"Tệp {describe(path)} bị hỏng (gói .docx không đầy đủ), không đọc được.")
        raise UnreadableDocument(f"Tệp {describe(path)} không phải tệp .docx (không đúng định dạng Office Open XML).")
    return data


def _python_docx(path: Path, package: bytes) -> docx.document.Document:
    try:
        return docx.Document(io.BytesIO(package))
    except ValueError as exc:
        if "content type" in str(exc):
            raise UnreadableDocument(f"Tệp {describe(path)} không phải văn bản Word (.docx).") from exc
        raise UnreadableDocument(f"Tệp {describe(path)} bị hỏng, không đọc được: {exc}.") from exc
    except Exception as exc:  # noqa: BLE001 - any failure inside a broken package is the same to the user
        raise broken(path, exc) from exc


def open_docx(path: Path, keep_all: bool = False) -> docx.document.Document:
    """python-docx Document of every part, document.xml included (unused parts empty unless keep_all)."""
    path = Path(path)
    data = _load(path)
    try:
        with SafeZip(data, f"Tệp {describe(path)}") as source:
            main = _main_part(source)
            if main in source.zip.NameToInfo and source.zip.getinfo(main).file_size > CHECK_XML_MEMBER:
                raise UnreadableDocument(
                    f"Tệp {describe(path)}: phần nội dung {main} lớn {source.zip.getinfo(main).file_size // MB} MB; "
                    f"«docgen check --fix» phải nạp toàn bộ văn bản vào bộ nhớ nên chỉ sửa tệp có phần này tới "
                    f"{CHECK_XML_MEMBER // MB} MB và không sửa tệp này. «docgen check» không kèm --fix vẫn kiểm tra "
                    f"được tệp tới {DOCUMENT_XML_MEMBER // MB} MB: hãy sửa trong Word theo các lỗi nó nêu.")
            package = repack(source, docx_part_needed, "keep" if keep_all else "judge", CHECK_XML_MEMBER,
                             CHECK_XML_TOTAL)
    except InputRefused as exc:
        raise UnreadableDocument(exc.message) from None
    except etree.XMLSyntaxError as exc:
        raise broken(path, exc) from exc
    document = _python_docx(path, package)
    try:
        document.element.body  # noqa: B018 - touch the body so a broken part fails here
    except Exception as exc:  # noqa: BLE001
        raise broken(path, exc) from exc
    return document


def related_root(part, reltype: str) -> etree._Element | None:
    """The XML of the part related to part by reltype (styles, theme, numbering), if any."""
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            if element is not None:
                return element
            try:
                return etree.fromstring(target.blob, xml_parser())
            except etree.XMLSyntaxError:
                return None
    return None


def _main_part(source: SafeZip) -> str | None:
    """The name of the main document part, as _rels/.rels points to it."""
    try:
        info = source.zip.getinfo("_rels/.rels")
    except KeyError:
        return None
    root = etree.fromstring(source.read_xml(info, CHECK_XML_MEMBER), xml_parser())
    for rel in root.iter(f"{{{PKG_RELS_NS}}}Relationship"):
        if rel.get("Type") == RT.OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            return posixpath.normpath(posixpath.join("/", rel.get("Target") or "")).lstrip("/")
    return None


def open_streamed(path: Path, keep_all: bool = False) -> tuple[docx.document.Document, Iterator[tuple]]:
    """python-docx Document of every part but the main one (left as an empty body), and the main
    part's body as it is parsed (see _body_blocks): each piece complete when given, freed after."""
    path = Path(path)
    data = _load(path)
    label = f"Tệp {describe(path)}"
    try:
        source = SafeZip(data, label)
        main = _main_part(source)
        stubs = {main: STUB} if main in source.zip.NameToInfo else {}
        package = repack(source, docx_part_needed, "inflate" if keep_all else "judge", CHECK_XML_MEMBER,
                         CHECK_XML_TOTAL, stubs)
    except InputRefused as exc:
        raise UnreadableDocument(exc.message) from None
    except etree.XMLSyntaxError as exc:
        raise broken(path, exc) from exc
    document = _python_docx(path, package)
    if not stubs:  # python-docx found its main part elsewhere: read what it read
        return document, iter([("block", el) for el in document.element.body])
    return document, _body_blocks(source, main, label)


def _body_blocks(source: SafeZip, main: str, label: str) -> Iterator[tuple]:
    """("block", el) for each child of w:body once it is complete; a top-level table as
    ("row", tbl, tr) for each row once complete, then ("end", tbl). Each is freed once given."""
    chunks = source.chunks(main, DOCUMENT_XML_MEMBER)
    try:
        body_seen = False
        for el in stream_xml(chunks, f"{label}: phần {main}", tag=_REPORTED, remove_blank_text=True):
            parent = el.getparent()
            grand = parent.getparent() if parent is not None else None
            if grand is None:
                body_seen = body_seen or el.tag == W_BODY
            elif parent.tag == W_BODY:
                yield ("end", el) if el.tag == W_TBL else ("block", el)
                el.clear()
                while el.getprevious() is not None:
                    del parent[0]
            elif el.tag == W_TR and parent.tag == W_TBL and grand.tag == W_BODY and grand.getparent() is not None:
                yield "row", parent, el
                el.clear()
                before = el.getprevious()
                if before is not None and before.tag == W_TR:  # the row read last time, emptied then
                    parent.remove(before)
        if not body_seen:
            raise UnreadableDocument(f"{label} bị hỏng, không đọc được (thiếu phần thân văn bản w:body).")
    except InputRefused as exc:
        raise UnreadableDocument(exc.message) from None
    finally:
        source.zip.close()
