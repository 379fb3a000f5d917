"""The pagination stress generator: documents of every type, lengthened line by line and their
Nơi nhận item by item, so that the page break falls at every position through the closing
paragraph, the Nơi nhận and the signer block (and through the body's headings).

A padding paragraph of n short lines (one manual line break each, so each step is exactly one
printed line) goes right after the opening paragraph; everything after it - headings, the
closing paragraph, the signature table - moves down one line per step, and 48 steps are more
than a page holds at docgen's spacing (46 lines), so every line of what follows meets the foot
of a page once. A second sweep keeps the padding and adds Nơi nhận lines one at a time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from docgen.distribute import trich_sao
from docgen.model import markup
from docgen.model.build import build_documents
from docgen.model.document import Document, Paragraph, Signer
from docgen.render.pipeline import render_document
from docgen.spec import load_spec

ROOT = Path(__file__).resolve().parents[1]
PADDING_STEPS = range(0, 48)
RECIPIENT_STEPS = range(1, 11)
RECIPIENT_PADDING = (14, 30)  # two paddings for the Nơi nhận sweep: break high and low in the block
EXTRA_RECIPIENTS = [f"UBND huyện số {i} (để thực hiện)" for i in range(1, 20)]


@dataclass(frozen=True)
class Case:
    """One stress document and the texts the assertions look for on its pages."""

    name: str
    data: bytes
    signer_name: str
    together: tuple[str, ...]  # each printed on the signer name's page: titles, Nơi nhận, end of text
    headings: tuple[str, ...]


def _padding(lines: int) -> tuple[Paragraph, ...]:
    if lines == 0:
        return ()
    text = "\n".join(f"Dòng đệm thứ {i + 1} của văn bản kiểm tra dàn trang." for i in range(lines))
    return (Paragraph(tuple(markup.parse(text))),)


def _with(doc: Document, lines: int, recipients: int | None) -> Document:
    body = doc.body[:1] + _padding(lines) + doc.body[1:]
    out = dataclasses.replace(doc, body=body)
    if recipients is not None:
        items = [r for r in doc.recipients[:-1]]
        extra = [f"- {name};" for name in EXTRA_RECIPIENTS]
        wanted = (items + extra)[:recipients]
        out = dataclasses.replace(out, recipients=tuple(wanted) + doc.recipients[-1:])
    return out


def base_documents() -> dict[str, Document]:
    notice = load_spec(ROOT / "tests" / "data" / "thong-bao-nho.yaml")
    directive = load_spec(ROOT / "tests" / "data" / "chi-thi-nho.yaml")
    meeting = load_spec(ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml")
    docs = {"thong-bao": build_documents(notice)["thong-bao"], "chi-thi": build_documents(directive)["chi-thi"]}
    docs.update(build_documents(meeting, ["giay-moi", "cong-van"]))
    return docs


COPY = trich_sao.Copy(number=3, date=dt.date(2022, 1, 10), place="Lào Cai", recipient="Sở Kế hoạch và Đầu tư",
                      archive="VT", signer=Signer(("TL. CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG HÀNH CHÍNH"), "Nguyễn Văn Bình"))


def _tail(doc: Document) -> str:
    """The last three words of the text: the closing lines go with the signature."""
    return " ".join(doc.body[-1].text.split()[-3:])


def _case(name: str, doc: Document) -> Case:
    together = (*doc.signer.titles, "Nơi nhận:", doc.recipients[-1], _tail(doc))
    return Case(name, render_document(doc), doc.signer.name, together,
                tuple(p.text for p in doc.body if p.heading))


def _copy_case(name: str, doc: Document) -> Case:
    """A bản trích sao: the copy's own block (rule, header, TRÍCH SAO, Nơi nhận, signer) stays
    on the sheet that ends the copied text (Phụ lục I, Phần II)."""
    data = trich_sao.render(doc, doc.body, COPY)
    together = (trich_sao.FORM, *COPY.signer.titles, "Nơi nhận:", _tail(doc))
    return Case(name, data, COPY.signer.name, together, tuple(p.text for p in doc.body if p.heading))


def cases() -> list[Case]:
    """Every stress document: per type, the padding sweep then the Nơi nhận sweep."""
    out: list[Case] = []
    for kind, doc in [*base_documents().items(), ("trich-sao", base_documents()["thong-bao"])]:
        make = _copy_case if kind == "trich-sao" else _case
        for lines in PADDING_STEPS:
            out.append(make(f"{kind}-pad{lines:02d}", _with(doc, lines, None)))
        for lines in RECIPIENT_PADDING:
            for count in RECIPIENT_STEPS:
                out.append(make(f"{kind}-pad{lines:02d}-nn{count:02d}", _with(doc, lines, count)))
    return out


def _soffice(files: list[Path], folder: Path, profile: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, files)],
                   capture_output=True, timeout=1200)


def lay_out(files: list[Path], folder: Path, chunk: int = 40) -> None:
    """PDFs of all files into folder: chunks of files per soffice run (one LibreOffice start per
    chunk, so a crash costs a chunk, not the batch), one run per core, each in its own profile;
    then any file left without a PDF once more on its own."""
    chunks = [files[i:i + chunk] for i in range(0, len(files), chunk)]
    workers = max(1, min(len(chunks), os.cpu_count() or 1))
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda ic: _soffice(ic[1], folder, folder / f"lo-profile-{ic[0] % workers}"),
                      enumerate(chunks)))
    for f in files:
        if not f.with_suffix(".pdf").exists():
            _soffice([f], folder, folder / "lo-profile-retry")
