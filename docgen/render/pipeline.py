"""Spec files → .docx (and .pdf) beside them or in a chosen folder."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..model.build import build
from ..model.document import Document
from ..spec.load import load_spec
from .context import build_context
from .output import refuse_existing, write_atomic
from .pdf import docx_to_pdf
from .templates import for_type


def render_document(doc: Document) -> bytes:
    """One document model as .docx bytes, through its type's built-in template."""
    return for_type(doc.doc_type).render(build_context(doc))


@dataclass
class Rendered:
    spec: Path
    outputs: list[Path]


def targets(spec_path: Path, out_dir: Path | None, pdf: bool) -> list[Path]:
    folder = Path(out_dir) if out_dir else Path(spec_path).parent
    stem = Path(spec_path).stem
    return [folder / f"{stem}.docx"] + ([folder / f"{stem}.pdf"] if pdf else [])


def render_spec(spec_path: Path, out_dir: Path | None = None, pdf: bool = False, force: bool = False) -> Rendered:
    """Validate, build and write one spec; nothing is written when anything is wrong."""
    spec = load_spec(spec_path)
    outs = targets(spec_path, out_dir, pdf)
    refuse_existing(outs, force)
    data = render_document(build(spec))
    if pdf:
        # PDF first, from a private copy: the .docx lands only once both are good.
        with tempfile.TemporaryDirectory(prefix="docgen-") as tmp:
            staged = Path(tmp) / outs[0].name
            staged.write_bytes(data)
            pdf_tmp = docx_to_pdf(staged, Path(tmp) / outs[1].name)
            write_atomic(outs[1], pdf_tmp.read_bytes())
    write_atomic(outs[0], data)
    return Rendered(Path(spec_path), outs)
