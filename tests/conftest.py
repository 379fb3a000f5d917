from __future__ import annotations

from pathlib import Path

import docx
import pytest

from docgen.model.build import build
from docgen.render.pipeline import render_document
from docgen.spec import load_spec

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def render_to(path: Path, spec_path: Path) -> docx.document.Document:
    path.write_bytes(render_document(build(load_spec(spec_path))))
    return docx.Document(str(path))


@pytest.fixture(scope="session")
def notice(tmp_path_factory) -> docx.document.Document:
    return render_to(tmp_path_factory.mktemp("tb") / "tb.docx", DATA / "thong-bao-nho.yaml")


@pytest.fixture(scope="session")
def directive(tmp_path_factory) -> docx.document.Document:
    return render_to(tmp_path_factory.mktemp("ct") / "ct.docx", DATA / "chi-thi-nho.yaml")
