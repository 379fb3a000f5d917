"""Pagination stress (issue #11): documents of every type lengthened line by line and their
Nơi nhận item by item (tests/stress.py), laid out by LibreOffice in one batch; from the PDF's
text, the signer block is never split (titles, Nơi nhận, name and the last words of the text
on one page) and no heading is the last line of a page.

340 documents; two to three minutes on two cores (soffice runs of 40 documents, one per core)."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from stress import cases, lay_out

pytestmark = [pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
              pytest.mark.slow]
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def page_texts(pdf: Path) -> list[list[str]]:
    """The printed lines of each page, top to bottom."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return [[norm(line) for line in (page.extract_text() or "").splitlines() if line.strip()] for page in doc.pages]


def last_page_with(pages: list[list[str]], text: str) -> int | None:
    hits = [i for i, lines in enumerate(pages) if norm(text) in " ".join(lines)]
    return hits[-1] if hits else None


def problems(case, pages: list[list[str]]) -> list[str]:
    out = []
    name_page = last_page_with(pages, case.signer_name)
    if name_page is None:
        return [f"{case.name}: signer name not found"]
    for text in case.together:
        where = last_page_with(pages, text)
        if where != name_page:
            out.append(f"{case.name}: “{text}” on page {None if where is None else where + 1}, "
                       f"the signer's name on page {name_page + 1}")
    headings = [norm(h) for h in case.headings]
    for number, lines in enumerate(pages[:-1], start=1):
        last = lines[-1] if lines else ""
        if any(h.endswith(last) and (last == h or len(last) >= 12) for h in headings):
            out.append(f"{case.name}: heading “{last}” is the last line of page {number}")
    return out


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stress")
    made = cases()
    for case in made:
        (folder / f"{case.name}.docx").write_bytes(case.data)
    start = time.perf_counter()
    lay_out([folder / f"{c.name}.docx" for c in made], folder)
    print(f"\n{len(made)} stress documents laid out in {time.perf_counter() - start:.0f} s")
    missing = [c.name for c in made if not (folder / f"{c.name}.pdf").exists()]
    assert not missing, f"LibreOffice made no PDF for {missing[:10]}"
    return made, folder


def test_at_least_200_break_positions_over_every_type(laid_out):
    made, _ = laid_out
    assert len(made) >= 200
    assert {c.name.split("-pad")[0] for c in made} == {"thong-bao", "chi-thi", "giay-moi", "cong-van", "trich-sao"}


def test_the_page_break_moves_through_the_whole_block(laid_out):
    """The sweep really does cross page ends: per type, the signer lands on page 1 for the
    shortest and on a later page for the longest."""
    made, folder = laid_out
    for kind in ("thong-bao", "chi-thi", "giay-moi", "cong-van", "trich-sao"):
        sweep = [c for c in made if c.name.startswith(f"{kind}-pad") and "-nn" not in c.name]
        counts = [len(page_texts(folder / f"{c.name}.pdf")) for c in (sweep[0], sweep[-1])]
        assert counts[1] > counts[0], (kind, counts)


def test_signer_block_never_splits_and_no_heading_ends_a_page(laid_out):
    made, folder = laid_out
    found = [p for case in made for p in problems(case, page_texts(folder / f"{case.name}.pdf"))]
    assert not found, "\n".join(found[:30])
