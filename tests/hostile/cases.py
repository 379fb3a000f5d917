"""Hostile and careless inputs, made at test time (bombs are built as deflate streams, never
stored inflated). Each maker writes its files into a folder and returns what to run.

Used by tests/hostile/test_hostile.py and by `python -m tests.hostile.corpus` (the table of
time and peak memory for the closing note of issue #14).
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests" / "data" / "thong-bao-nho.yaml"
TEMPLATE = ROOT / "templates" / "thong-bao.docx"
SAMPLE = ROOT / "samples" / "chi-thi-dien-bien.docx"
GB = 1 << 30
MB = 1 << 20


# ---------------------------------------------------------------- zip writing with bombs

@dataclass
class Member:
    name: str
    data: bytes = b""  # stored deflated normally
    bomb: tuple[bytes, bytes, int] | None = None  # (prefix, suffix, inflated filler size)


def _bomb_stream(prefix: bytes, suffix: bytes, size: int) -> tuple[bytes, int, int]:
    """A raw deflate stream of prefix + size spaces + suffix, built from one repeated block."""
    chunk = b" " * MB
    head = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [head.compress(prefix), head.flush(zlib.Z_FULL_FLUSH)]
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    rep = block.compress(chunk) + block.flush(zlib.Z_FULL_FLUSH)
    count = size // MB
    out.append(rep * count)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15)
    out.append(tail.compress(suffix) + tail.flush())
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    return b"".join(out), crc, len(prefix) + count * MB + len(suffix)


def write_zip(path: Path, members: list[Member]) -> Path:
    """A zip with deflated members; bomb members get their precomputed stream."""
    local, central, offset = [], [], 0
    for m in members:
        if m.bomb:
            comp, crc, size = _bomb_stream(*m.bomb)
        else:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            comp = c.compress(m.data) + c.flush()
            crc, size = zlib.crc32(m.data), len(m.data)
        name = m.name.encode()
        header = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(comp), size, len(name), 0)
        local.append(header + name + comp)
        central.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(comp), size,
                                   len(name), 0, 0, 0, 0, 0, offset) + name)
        offset += len(header) + len(name) + len(comp)
    cd = b"".join(central)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(cd), offset, 0)
    path.write_bytes(b"".join(local) + cd + end)
    return path


def members_of(docx: Path) -> list[Member]:
    with zipfile.ZipFile(docx) as z:
        return [Member(i.filename, z.read(i)) for i in z.infolist()]


def replace_member(members: list[Member], name: str, new: Member) -> list[Member]:
    out = [m for m in members if m.name != name]
    out.append(new)
    return out


def template_with(path: Path, tag_paragraphs: list[str], *, doctype: str = "") -> Path:
    """The built-in notice template with paragraphs of tags put first in its body."""
    members = members_of(TEMPLATE)
    for m in members:
        if m.name == "word/document.xml":
            xml = m.data.decode()
            paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in tag_paragraphs)
            xml = xml.replace("<w:body>", "<w:body>" + paras, 1)
            if doctype:
                xml = re.sub(r"(<\?xml[^>]*\?>)", r"\1" + doctype, xml, count=1)
            m.data = xml.encode()
    return write_zip(path, members)


# ---------------------------------------------------------------- cases

@dataclass
class Case:
    name: str
    args: list[str]  # after `python -m docgen.cli`
    expect: str = "2"  # expected exit status: "2", "1", "0" or "1|2"
    words: tuple[str, ...] = ()  # fragments the Vietnamese message must contain
    untouched: list[Path] = field(default_factory=list)  # files that must be left as they were
    absent: list[Path] = field(default_factory=list)  # files that must not appear
    out_dir: Path | None = None  # nothing may be left half-written here
    slow: bool = False
    module: str = "docgen.cli"  # tests.hostile.nofork: as if no process could be forked


def _out(tmp: Path, name: str) -> Path:
    d = tmp / f"out-{name}"
    d.mkdir(exist_ok=True)
    return d


def zip_bomb_document(tmp: Path) -> Case:
    members = replace_member(members_of(SAMPLE), "word/document.xml", Member(
        "word/document.xml", bomb=(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                                   b'wordprocessingml/2006/main"><w:body>', b"</w:body></w:document>", GB)))
    return Case("zip-bomb-document", ["check", str(write_zip(tmp / "bomb-doc.docx", members))], "2", ("nén",))


def zip_bomb_thumbnail(tmp: Path) -> Case:
    members = members_of(SAMPLE) + [Member("docProps/thumbnail.jpeg", bomb=(b"\xff\xd8", b"\xff\xd9", GB))]
    return Case("zip-bomb-thumbnail", ["check", str(write_zip(tmp / "bomb-thumb.docx", members))], "0|1|2")


def zip_bomb_template_styles(tmp: Path) -> Case:
    members = replace_member(members_of(TEMPLATE), "word/styles.xml", Member(
        "word/styles.xml", bomb=(b'<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/'
                                 b'wordprocessingml/2006/main">', b"</w:styles>", GB)))
    tpl = write_zip(tmp / "bomb-styles.docx", members)
    out = _out(tmp, "styles")
    return Case("zip-bomb-template-styles", ["render", str(SPEC), "-o", str(out), "--template", str(tpl)], "2",
                ("nén",), out_dir=out)


def _template_case(tmp: Path, name: str, tags: list[str], words: tuple[str, ...] = (), doctype: str = "") -> list[Case]:
    tpl = template_with(tmp / f"{name}.docx", tags, doctype=doctype)
    out = _out(tmp, name)
    return [Case(f"{name}/render", ["render", str(SPEC), "-o", str(out), "--template", str(tpl)], "2", words, out_dir=out),
            Case(f"{name}/fields", ["template", "fields", str(tpl)], "2", words)]


def template_cases(tmp: Path) -> list[Case]:
    return [
        *_template_case(tmp, "tpl-pow-fold", ["{{ (10**(10**8)) % 7 }}"], ("10**(10**8)",)),
        *_template_case(tmp, "tpl-nested-range", ["{% for a in range(100000) %}{% for b in range(100000) %}"
                                                  "{% for c in range(100000) %}x{% endfor %}{% endfor %}{% endfor %}"],
                        ("range",)),
        *_template_case(tmp, "tpl-str-mul", ["{{ 'x'*10**9 }}"], ("'x'*10**9",)),
        *_template_case(tmp, "tpl-huge-range", ["{% for a in range(10**10) %}x{% endfor %}"], ("range",)),
        *_template_case(tmp, "tpl-recursive-macro", ["{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"], ("macro",)),
        *_template_case(tmp, "tpl-include", ["{% include 'word/styles.xml' %}"], ("include",)),
        *_template_case(tmp, "tpl-dtd", ["{{ trich_yeu }}"], ("DOCTYPE",),
                        doctype='<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'),
        *_template_case(tmp, "tpl-filter-memory", ["{{ 'x'|center(10**9) }}"], ("center",)),
        # Compiling costs with the tags: 120,000 distinct tags took 1.4 GB before any render budget applied.
        *_template_case(tmp, "tpl-many-tags", ["{{ trich_yeu }} %x {{ ten_loai }}" % (i * 2654435761 % 2**32)
                                               for i in range(60000)], ("5,000",)),
        # Only known when it runs: the budget of the child process names the tag.
        _template_case(tmp, "tpl-dynamic-loops", ["{% set n = trich_yeu|length * 1000 %}{% for a in range(n) %}"
                                                   "{% for b in range(n) %}{% endfor %}{% endfor %}"], ("giây", "range(n)"))[0],
        _template_case(tmp, "tpl-dynamic-memory", ["{% set n = trich_yeu|length %}{{ 'x'|center(n*n*n*n*n) }}"],
                       ("bộ nhớ", "center"))[0],
    ]


def no_fork_cases(tmp: Path) -> list[Case]:
    """The render budget when no worker process can be forked: the template renders in docgen's own
    process, under its clock and output bounds, and the refusal still names the tag."""
    cases = [
        _template_case(tmp, "nofork-nested-range", ["{% for a in range(100000) %}{% for b in range(100000) %}x"
                                                     "{% endfor %}{% endfor %}"], ("range",))[0],
        _template_case(tmp, "nofork-dynamic-loops", ["{% set n = trich_yeu|length * 1000 %}{% for a in range(n) %}"
                                                     "{% for b in range(n) %}{% endfor %}{% endfor %}"],
                       ("giây", "range(n)"))[0],
        _template_case(tmp, "nofork-dynamic-output", ["{% set n = trich_yeu|length * 1000 %}{% for a in range(n) %}"
                                                      "{% for b in range(n) %}x{% endfor %}{% endfor %}"],
                       ("triệu ký tự", "range(n)"))[0],
        _template_case(tmp, "nofork-string-loops", ["{% set s = trich_yeu * 10000 %}{% for a in s %}{% for b in s %}"
                                                    "{% endfor %}{% endfor %}"], ("giây", "for b in s"))[0],
        _template_case(tmp, "nofork-dynamic-memory", ["{% set n = trich_yeu|length %}{{ 'x'|center(n*n*n*n*n) }}"],
                       ("bộ nhớ", "center"))[0],
    ]
    for case in cases:
        case.module = "tests.hostile.nofork"
    return cases


def fifo_and_devices(tmp: Path) -> list[Case]:
    fifo = tmp / "fifo.docx"
    if not fifo.exists():
        os.mkfifo(fifo)
    out = _out(tmp, "fifo")
    return [
        Case("fifo-template/render", ["render", str(SPEC), "-o", str(out), "--template", str(fifo)], "2", ("tệp thường",)),
        Case("fifo-template/fields", ["template", "fields", str(fifo)], "2", ("tệp thường",)),
        Case("fifo-check", ["check", str(fifo)], "2", ("tệp thường",)),
        Case("dev-zero-template/fields", ["template", "fields", "/dev/zero"], "2", ("tệp thường",)),
        Case("dev-zero-check", ["check", "/dev/zero"], "2", ("tệp thường",)),
    ]


def symlink_cases(tmp: Path) -> list[Case]:
    victim = tmp / "victim.txt"
    victim.write_text("do not touch\n")
    out = _out(tmp, "journal-link")
    link = out / ".docgen-resume.jsonl"
    if not link.is_symlink():
        link.symlink_to(victim)
    out2 = _out(tmp, "lock-link")
    lock = out2 / ".so-dang-ky-van-ban-di.xlsx.lock"
    created = tmp / "created-by-lock"
    if not lock.is_symlink():
        lock.symlink_to(created)
    directory = ROOT / "specs" / "lao-cai" / "danh-ba.yaml"
    lao_cai = next((ROOT / "specs" / "lao-cai").glob("thong-bao*.yaml"))
    return [
        Case("journal-symlink", ["render", str(SPEC), "-o", str(out)], "2", ("liên kết",), untouched=[victim]),
        Case("lock-symlink", ["distribute", str(lao_cai), "-o", str(out2), "--so", "tiep", "--ngay", "20/9/2021", "--ngay-giay-moi", "26/8/2021",
                              "--khong-pdf", "--danh-ba", str(directory)], "2", ("liên kết",), absent=[created]),
    ]


def output_cases(tmp: Path) -> list[Case]:
    existing = tmp / "existing-fix.docx"
    existing.write_bytes(b"keep me")
    blocker = tmp / "a-file"
    blocker.write_text("x")
    empty = tmp / "empty-folder"
    empty.mkdir(exist_ok=True)
    return [
        Case("fix-overwrites", ["check", str(SAMPLE), "--fix", str(existing)], "2", ("--force",), untouched=[existing]),
        Case("output-under-a-file", ["render", str(SPEC), "-o", str(blocker / "out")], "2", (str(blocker),)),
        Case("output-forbidden-proc", ["render", str(SPEC), "-o", "/proc/docgen-out"], "2", ("/proc",)),
        Case("empty-folder", ["render", str(empty)], "2", ("không có tệp",)),
    ]


def register_cases(tmp: Path) -> list[Case]:
    lao_cai = next((ROOT / "specs" / "lao-cai").glob("thong-bao*.yaml"))
    directory = ROOT / "specs" / "lao-cai" / "danh-ba.yaml"
    cases = []
    for name, member in (
        ("register-bomb", Member("xl/worksheets/sheet1.xml", bomb=(
            b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData>", b"</sheetData></worksheet>", GB))),
        ("register-dtd", Member("xl/worksheets/sheet1.xml", (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row>'
            b"</sheetData></worksheet>"))),
        ("register-garbage", Member("xl/workbook.xml", b"<not-a-workbook")),
    ):
        out = _out(tmp, name)
        register = out / "so.xlsx"
        members = _blank_register(tmp)
        write_zip(register, replace_member(members, member.name, member))
        cases.append(Case(name, ["distribute", str(lao_cai), "-o", str(out), "--so", "tiep", "--ngay", "20/9/2021", "--ngay-giay-moi", "26/8/2021",
                                 "--khong-pdf", "--danh-ba", str(directory), "--so-dang-ky", str(register)], "2",
                          ("sổ",), untouched=[register]))
    return cases


def _blank_register(tmp: Path) -> list[Member]:
    from openpyxl import Workbook

    path = tmp / "blank.xlsx"
    if not path.exists():
        Workbook().save(path)
    return members_of(path)


def bidi_case(tmp: Path) -> Case:
    members = members_of(SAMPLE)
    for m in members:
        if m.name == "word/document.xml":
            xml = m.data.decode()
            # The first body text run gets a right-to-left override and a zero-width space.
            m.data = re.sub(r"(<w:t(?: [^>]*)?>)([^<]{3,})", lambda mo: mo.group(1) + "\u202e" + mo.group(2) + "\u200b",
                            xml, count=1).encode()
    return Case("bidi-in-docx", ["check", str(write_zip(tmp / "bidi.docx", members))], "1", ("U+202E",))


def big_docx(tmp: Path, size_mb: int) -> Path:
    """A .docx whose document.xml holds size_mb of plain paragraphs (made once per folder)."""
    path = tmp / f"big-{size_mb}.docx"
    if path.exists():
        return path
    members = members_of(SAMPLE)
    para = ('<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr>'
            '<w:t>{n}. Các sở, ban, ngành tỉnh rà soát số liệu {h} và báo cáo kết quả thực hiện đúng thời hạn.</w:t></w:r></w:p>')
    for m in members:
        if m.name == "word/document.xml":
            xml = m.data.decode()
            repeat = (size_mb * MB) // len(para.encode())
            # Numbers that differ from line to line, so the part compresses as a real document does.
            body = "".join(para.format(n=i, h=f"{(i * 2654435761) % 4294967296:08x}") for i in range(repeat))
            m.data = xml.replace("<w:body>", "<w:body>" + body, 1).encode()
    return write_zip(path, members)


def big_document(tmp: Path, size_mb: int = 50) -> Case:
    """A plain document.xml of size_mb is checked (streamed): memory grows with what is kept, not with the file."""
    return Case(f"big-document-{size_mb}mb", ["check", str(big_docx(tmp, size_mb))], "0|1", slow=True)


def big_document_fix(tmp: Path, size_mb: int = 50) -> Case:
    """`check --fix` needs the whole tree: past its limit it checks, then refuses to fix, and says why."""
    out = _out(tmp, f"fix-{size_mb}")
    return Case(f"big-document-{size_mb}mb-fix", ["check", str(big_docx(tmp, size_mb)), "--fix", str(out / "sua.docx")],
                words=("--fix", "KHÔNG ĐẠT"), absent=[out / "sua.docx"], out_dir=out, slow=True)


def all_cases(tmp: Path, big_mb: int = 18) -> list[Case]:
    tmp.mkdir(parents=True, exist_ok=True)
    return [zip_bomb_document(tmp), zip_bomb_thumbnail(tmp), zip_bomb_template_styles(tmp), *template_cases(tmp),
            *fifo_and_devices(tmp), *symlink_cases(tmp), *output_cases(tmp), *register_cases(tmp), bidi_case(tmp),
            big_document(tmp, big_mb), big_document(tmp, 50), big_document_fix(tmp, 50), *no_fork_cases(tmp)]
