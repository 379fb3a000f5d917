"""Templates that exercise each docxtpl feature an office template may use, built with
python-docx and then edited as Word writes them (entities inside tags, tags split across
runs), each with the context a program would give it, for docxtpl and for docgen.

Run as a script to write them into tests/data/parity/ for a look in Word or LibreOffice:
    .venv/bin/python -m tests.parity_templates
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import docx
from docx.shared import Mm


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain PNG of one colour (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


LOGO, SEAL, QR, NEW_LOGO = png(40, 20, (200, 0, 0)), png(30, 30, (0, 0, 200)), png(25, 25, (0, 0, 0)), png(40, 20, (0, 150, 0))


def rewrite(path: Path, part: str, change: Callable[[str], str]) -> None:
    """Edit one part's XML text in place, as another word processor would have written it."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            z.writestr(info, change(data.decode("utf-8")).encode("utf-8") if info.filename == part else data)


def split_run(paragraph, at: int) -> None:
    """The paragraph's single run cut in two at `at`, same formatting: Word's split tag."""
    run = paragraph.runs[0]
    text = run.text
    run.text = text[:at]
    paragraph.add_run(text[at:])


# ---------------------------------------------------------------- the templates


def entities_split_comments(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph('Kính gửi: {{ name|default("Testé") }}')
    d.add_paragraph("Khoảng trắng:{{' '}}hết.")
    d.add_paragraph("{# ghi chú cho người soạn #}Nội dung chính.")
    split_run(d.add_paragraph("Ký tên: {{ signer }}"), 12)
    header = d.sections[0].header.paragraphs[0]
    header.text = "{{ who }}"
    split_run(header, 4)  # "{{ w" + "ho }}": the header's only tag, split
    d.sections[0].footer.paragraphs[0].text = "Trang cuối{# chỉ là ghi chú #}"
    d.core_properties.title = "{{ title }}"
    d.core_properties.subject = "Về {{ subject }}"
    d.save(str(path))

    def word_entities(xml: str) -> str:  # Word writes quotes inside tags as entities
        return xml.replace('default("Testé")', "default(&quot;Testé&quot;)").replace("{{' '}}", "{{&apos; &apos;}}")
    rewrite(path, "word/document.xml", word_entities)


_FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Nguồn: {{ so</w:t></w:r>'
    '<w:r><w:t xml:space="preserve">urce }}{# chưa rõ #}</w:t></w:r></w:p></w:footnote></w:footnotes>')


def footnotes(path: Path) -> None:
    """A footnote whose only tag Word split, added as Word writes footnotes (python-docx has no API)."""
    d = docx.Document()
    d.add_paragraph("Số liệu năm {{ year }}").add_run("FOOTNOTE")
    d.save(str(path))
    rewrite(path, "word/document.xml", lambda xml: xml.replace(
        "<w:t>FOOTNOTE</w:t>", '<w:footnoteReference w:id="1"/>'))
    rewrite(path, "word/_rels/document.xml.rels", lambda xml: xml.replace("</Relationships>", (
        '<Relationship Id="rId99" Target="footnotes.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/footnotes"/></Relationships>')))
    rewrite(path, "[Content_Types].xml", lambda xml: xml.replace("</Types>", (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.footnotes+xml"/></Types>')))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/footnotes.xml", _FOOTNOTES)


def table_columns(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Bảng theo cột:")
    t = d.add_table(rows=2, cols=4)
    for cell, text in zip(t.rows[0].cells, ["Tên", "{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"]):
        cell.text = text
    for cell, text in zip(t.rows[1].cells, ["Giá trị", "{%tc for c in cols %}", "{{ c|upper }}", "{%tc endfor %}"]):
        cell.text = text
    d.add_paragraph("Gộp ô ngang:")
    m = d.add_table(rows=2, cols=3)
    for cell, text in zip(m.rows[0].cells, ["{%tc for x in xs %}", "{% hm %}Tiêu đề gộp", "{%tc endfor %}"]):
        cell.text = text
    for cell, text in zip(m.rows[1].cells, ["{%tc for x in xs %}", "{{ x }}", "{%tc endfor %}"]):
        cell.text = text
    d.add_paragraph("{# bỏ ô #}Hết bảng.")
    d.save(str(path))


def pictures(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Logo: {{ logo }}")
    d.add_paragraph("{%p for q in codes %}")
    d.add_paragraph("Mã {{ loop.index }}: {{ q }}")
    d.add_paragraph("{%p endfor %}")
    header = d.sections[0].header
    header.paragraphs[0].text = "Dấu: {{ seal }}"
    header.add_paragraph("{%p for q in codes %}")
    header.add_paragraph("{{ q }}")
    header.add_paragraph("{%p endfor %}")
    d.save(str(path))


def links(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Xem: {{r link }}")
    d.add_paragraph("{{r plain }} và {{ text }}")
    d.save(str(path))


def replaced_logo(path: Path, logo_file: Path) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].add_run().add_picture(str(logo_file), width=Mm(20))
    d.add_paragraph().add_run().add_picture(io.BytesIO(SEAL), width=Mm(10))
    d.add_paragraph("Cơ quan: {{ agency }}")
    d.save(str(path))


def subdocument_master(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Phần đầu.")
    d.add_paragraph("{{p sub }}")
    d.add_paragraph("Phần cuối, {{ who }}.")
    d.save(str(path))


def subdocument_source(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Đoạn của tài liệu con, có ảnh:")
    d.add_paragraph().add_run().add_picture(io.BytesIO(QR), width=Mm(15))
    d.add_paragraph("Đoạn thứ hai.", style="List Bullet")
    d.save(str(path))


@dataclass
class Case:
    """A template and how each engine is given its context."""

    name: str
    build: Callable[[Path], Path]
    docxtpl: Callable  # (DocxTemplate, folder) -> (context, replacements for docxtpl calls done)
    docgen: Callable  # (folder) -> (context, replace)


def _files(folder: Path) -> dict[str, Path]:
    out = {}
    for name, data in (("logo.png", LOGO), ("seal.png", SEAL), ("qr.png", QR), ("new-logo.png", NEW_LOGO)):
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


def _build(fn, name: str, *extra):
    def make(folder: Path) -> Path:
        path = folder / f"{name}.docx"
        fn(path, *[_files(folder)[e] for e in extra])
        return path
    return make


def cases() -> list[Case]:
    from docxtpl import InlineImage, RichText

    from docgen.render.media import Image, Subdocument, url_id

    def entities_tpl(tpl, folder):
        return {"name": "Sở Tài chính & Sở Nội vụ", "signer": "Lê Văn A", "who": "UBND TỈNH", "title": "Thông báo số 5",
                "subject": "họp giao ban"}

    def table_tpl(tpl, folder):
        return {"cols": ["a", "b", "c", "d"], "xs": [1, 2, 3]}

    def pictures_tpl(tpl, folder):
        f = _files(folder)
        return {"logo": InlineImage(tpl, str(f["logo.png"]), width=Mm(20)),
                "seal": InlineImage(tpl, io.BytesIO(SEAL), height=Mm(12)),
                "codes": [InlineImage(tpl, str(f["qr.png"]), width=Mm(10)) for _ in range(3)]}

    def pictures_docgen(folder):
        f = _files(folder)
        return {"logo": Image(f["logo.png"], width=Mm(20)), "seal": Image(SEAL, height=Mm(12)),
                "codes": [Image(f["qr.png"], width=Mm(10)) for _ in range(3)]}, None

    def links_tpl(tpl, folder):
        rt = RichText("trang của ")
        rt.add("Chính phủ", url_id=tpl.build_url_id("https://chinhphu.vn/?a=1&b=2"), underline=True, color="0000FF")
        return {"link": rt, "plain": RichText("chữ đậm", bold=True), "text": "A & B"}

    def links_docgen(folder):
        rt = RichText("trang của ")
        rt.add("Chính phủ", url_id=url_id("https://chinhphu.vn/?a=1&b=2"), underline=True, color="0000FF")
        return {"link": rt, "plain": RichText("chữ đậm", bold=True), "text": "A & B"}, None

    def replace_tpl(tpl, folder):
        f = _files(folder)
        tpl.replace_pic("logo.png", str(f["new-logo.png"]))
        tpl.replace_media(str(f["seal.png"]), str(f["qr.png"]))
        return {"agency": "Văn phòng"}

    def replace_docgen(folder):
        f = _files(folder)
        return {"agency": "Văn phòng"}, {"logo.png": f["new-logo.png"], SEAL: QR}

    def subdoc_tpl(tpl, folder):
        sub = folder / "con.docx"
        subdocument_source(sub)
        return {"sub": tpl.new_subdoc(str(sub)), "who": "Văn phòng"}

    def subdoc_docgen(folder):
        sub = folder / "con.docx"
        subdocument_source(sub)
        return {"sub": Subdocument(sub), "who": "Văn phòng"}, None

    def same(fn):
        return lambda folder: (fn(None, folder), None)

    return [
        Case("entities_split_comments", _build(entities_split_comments, "entities_split_comments"), entities_tpl,
             same(entities_tpl)),
        Case("table_columns", _build(table_columns, "table_columns"), table_tpl, same(table_tpl)),
        Case("footnotes", _build(footnotes, "footnotes"), lambda tpl, folder: {"year": 2025, "source": "Cục Thống kê"},
             same(lambda tpl, folder: {"year": 2025, "source": "Cục Thống kê"})),
        Case("pictures", _build(pictures, "pictures"), pictures_tpl, pictures_docgen),
        Case("links", _build(links, "links"), links_tpl, links_docgen),
        Case("replaced_logo", _build(replaced_logo, "replaced_logo", "logo.png"), replace_tpl, replace_docgen),
        Case("subdocument", _build(subdocument_master, "subdocument"), subdoc_tpl, subdoc_docgen),
    ]


def main() -> None:
    folder = Path(__file__).resolve().parent / "data" / "parity"
    folder.mkdir(parents=True, exist_ok=True)
    for case in cases():
        print(case.build(folder))
    for leftover in folder.glob("*.png"):
        leftover.unlink()


if __name__ == "__main__":
    main()
