"""Where docgen's default line spacing comes from: lines per page and page counts, measured.

Usage: .venv/bin/python bench/spacing_pages.py [--shared DIR] [--spacings 1,1.15,1.5]

For each line spacing inside the decree's range (Phụ lục I, Mục II.6.e: single to 1.5 lines)
it lays out, through LibreOffice and docgen's own templates (A4, margins 20/20/30/15 mm, Times
New Roman 14 pt, 6 pt between paragraphs):
  - one page of a single long paragraph: the lines a full page holds;
  - the published documents docgen has word for word: the Lào Cai notice and the Điện Biên
    directive (from their specs), and the two complete originals in shared/reference whose
    printed page counts are known (nd30.md §12.4: công văn 946/UBND-NN, 6 pages; giấy mời
    01/GM-BTCD, 1 page), rebuilt from their transcriptions.
It prints the page count of each at each spacing, to set beside the printed originals, as
"pages.tenths": 7.4 is seven pages, the last filled to four tenths of its text area.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import dataclasses  # noqa: E402

from docgen.model import markup  # noqa: E402
from docgen.model.build import build_documents  # noqa: E402
from docgen.model.document import Document, Paragraph, Signer  # noqa: E402
from docgen.render.pipeline import render_document  # noqa: E402
from docgen.spec import load_spec  # noqa: E402

SPACINGS = (1.0, 1.05, 1.1, 1.15, 1.2, 1.3, 1.5)
FILLER = ("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, "
          "thành phố tập trung triển khai quyết liệt các nhiệm vụ, giải pháp đã đề ra. ")


def convert(docs: list[Path], out: Path) -> None:
    """All documents in one LibreOffice run, in a private profile."""
    profile = Path(tempfile.mkdtemp(prefix="docgen-spacing-lo-")).as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, docs)],
                   check=True, capture_output=True, timeout=600)


def lines_on(pdf: Path, page: int) -> int:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        words = doc.pages[page].extract_words()
    tops = sorted({round(w["top"]) for w in words})
    rows = [t for i, t in enumerate(tops) if i == 0 or t - tops[i - 1] > 3]
    return len(rows)


def pages(pdf: Path) -> str:
    """The page count, and how far down the last page the text reaches (tenths of the text area)."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        last = doc.pages[-1]
        top, bottom = 20 / 25.4 * 72, float(last.height) - 20 / 25.4 * 72
        low = max(float(w["bottom"]) for w in last.extract_words())
        return f"{len(doc.pages)}.{min(9, int(10 * (low - top) / (bottom - top)))}"


def from_reference(path: Path, doc_type: str) -> Document:
    """A công văn or giấy mời rebuilt from a transcription in shared/reference (header, body,
    Nơi nhận, signer), to lay it out as docgen would."""
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    so = next(i for i, ln in enumerate(lines) if ln.startswith("Số:"))
    date = so + 1
    label = lines.index("Nơi nhận:")
    tail = lines[label + 1:]
    items = [ln for ln in tail if ln.startswith("- ")]
    signer = [ln for ln in tail if not ln.startswith("- ")]
    agency = [ln for ln in lines[:so] if "CỘNG HÒA" not in ln and "Độc lập" not in ln]
    start = date + 1
    v_v, kinh_gui = None, ()
    if doc_type == "cong-van":
        v_v = lines[start]
        k = lines.index("Kính gửi:")
        end_k = k + 1
        while lines[end_k].startswith("- "):
            end_k += 1
        kinh_gui = tuple(lines[k:end_k])
        start = end_k
    else:
        start = lines.index("GIẤY MỜI") + 1
    body = tuple(Paragraph(tuple(markup.parse(ln))) for ln in lines[start:label])
    return Document(doc_type=doc_type, ten_loai="" if doc_type == "cong-van" else "GIẤY MỜI",
                    type_code="", parent_lines=tuple(agency[:-1]), agency_lines=tuple(agency[-1:]),
                    agency_code="", number=None, number_line=lines[so], date_line=lines[date],
                    trich_yeu="", body=body, signer=Signer(tuple(signer[:-1]), signer[-1]),
                    recipients=tuple(items), v_v=v_v, kinh_gui=kinh_gui)


def subjects(shared: Path) -> dict[str, tuple[Document, str]]:
    """name -> (document, printed page count as known, or "?")."""
    out: dict[str, tuple[Document, str]] = {}
    lao_cai = load_spec(ROOT / "specs" / "lao-cai" / "thong-bao-ket-luan-lao-cai.yaml")
    out["thong-bao Lào Cai (R1)"] = (build_documents(lao_cai, ["thong-bao"])["thong-bao"], "< 8")
    dien_bien = load_spec(ROOT / "specs" / "chi-thi-dien-bien.yaml")
    out["chỉ thị Điện Biên"] = (build_documents(dien_bien)["chi-thi"], "?")
    ref = shared / "reference"
    out["công văn 946 (D1)"] = (from_reference(ref / "cong-van_dak-nong_946_2019-07.txt", "cong-van"), "6")
    out["giấy mời 01 (D2)"] = (from_reference(ref / "giay-moi_dak-nong_01_2019-07.txt", "giay-moi"), "1")
    long_para = Paragraph(tuple(markup.parse(FILLER * 120)))
    closing = Paragraph(tuple(markup.parse("Văn phòng thông báo để các cơ quan biết, thực hiện./.")))
    base = out["thong-bao Lào Cai (R1)"][0]
    out["_full page"] = (dataclasses.replace(base, body=(long_para, closing)), "")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("DOCGEN_SHARED", "/work/shared")))
    parser.add_argument("--spacings", default=",".join(map(str, SPACINGS)))
    args = parser.parse_args(argv)
    spacings = [float(s) for s in args.spacings.split(",")]
    docs = subjects(args.shared)
    with tempfile.TemporaryDirectory(prefix="docgen-spacing-") as tmp:
        folder = Path(tmp)
        files: dict[tuple[str, float], Path] = {}
        for i, (name, (doc, _)) in enumerate(docs.items()):
            for j, line in enumerate(spacings):
                path = folder / f"d{i}-{j}.docx"
                path.write_bytes(render_document(dataclasses.replace(doc, line_spacing=line)))
                files[(name, line)] = path
        convert(list(files.values()), folder)
        pdf = {key: path.with_suffix(".pdf") for key, path in files.items()}
        print("line spacing            " + "".join(f"{s:>6g}" for s in spacings) + "   printed")
        print("lines on a full page    " + "".join(f"{lines_on(pdf[('_full page', s)], 1):>6}" for s in spacings))
        for name, (_, printed) in docs.items():
            if name.startswith("_"):
                continue
            print(f"{name:<24}" + "".join(f"{pages(pdf[(name, s)]):>6}" for s in spacings) + f"   {printed:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
