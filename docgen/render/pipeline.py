"""Spec files → the documents they ask for, as .docx (and .pdf), and where each one goes.

One meeting spec may make several documents (`van_ban`): the main one (thông báo or chỉ thị)
is written as `<spec>.docx`, the others as `<spec>.giay-moi.docx` and `<spec>.cong-van.docx`;
a spec that makes only one document writes `<spec>.docx`. `--each` writes one giấy mời per
invitee, `<spec>.giay-moi.<invitee>.docx`.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..model.build import build_documents, build_invitation
from ..model.document import Document
from ..plumbing.errors import DocgenError
from ..plumbing.office import docx_to_pdf
from ..plumbing.output import refuse_existing, write_atomic
from ..spec.load import AUTO, load_spec
from ..spec.schema import Spec
from . import appendix, footnotes, spacing, tables
from .context import build_context
from .engine import CompiledTemplate
from .limits import BoundedTemplate
from .templates import compiled, for_type

MAIN_KINDS = ("thong-bao", "chi-thi")


def render_document(doc: Document, template: CompiledTemplate | None = None) -> bytes:
    """One document model as .docx bytes, through the given template or its type's built-in one."""
    return render_with_warnings(doc, template)[0]


def render_with_warnings(doc: Document, template: CompiledTemplate | None = None) -> tuple[bytes, list[str]]:
    """The .docx bytes, and what the template made docgen do on its own (tables of the body its
    loop does not know, put in place; appendices it had no place for, put at the end)."""
    data = (template or for_type(doc.doc_type)).render(build_context(doc))
    data, warnings = tables.ensure(data, doc.body, doc.paragraph_spacing)
    data, more = appendix.ensure(data, doc.appendices, doc.line_spacing, doc.paragraph_spacing)
    warnings += more
    data = spacing.apply(data, doc.line_spacing, doc.paragraph_spacing)
    return (footnotes.attach(data, list(doc.footnotes)) if doc.footnotes else data), warnings


@dataclass(frozen=True)
class Planned:
    """One document a spec makes, and the files it goes to."""

    kind: str
    doc: Document
    docx: Path
    pdf: Path | None


def targets(spec_path: Path, out_dir: Path | None, pdf: bool) -> list[Path]:
    """The files of a spec's main (or only) document."""
    folder = Path(out_dir) if out_dir else Path(spec_path).parent
    stem = Path(spec_path).stem
    return [folder / f"{stem}.docx"] + ([folder / f"{stem}.pdf"] if pdf else [])


def plan(spec_path: Path, spec: Spec, out_dir: Path | None, pdf: bool,
         kinds: tuple[str, ...] | None = None, each: bool = False) -> list[Planned]:
    """Every document to write for this spec, each with its output paths."""
    from ..plumbing.names import unique_filenames

    wanted = list(kinds) if kinds else spec.documents
    unknown = [k for k in wanted if k not in spec.documents]
    if unknown:
        have = ", ".join(spec.documents) or "(không có)"
        raise DocgenError(f"{spec_path}: tệp không khai báo văn bản {', '.join(unknown)} (van_ban đang có: {have}).")
    folder = Path(out_dir) if out_dir else Path(spec_path).parent
    stem = Path(spec_path).stem
    several = len(spec.documents) > 1

    def files(name: str) -> tuple[Path, Path | None]:
        return folder / f"{name}.docx", (folder / f"{name}.pdf" if pdf else None)

    out: list[Planned] = []
    for kind, doc in build_documents(spec, wanted).items():
        name = stem if (kind in MAIN_KINDS or not several) else f"{stem}.{kind}"
        if kind == "giay-moi" and each:
            invitees = spec.giay_moi.nguoi_moi  # type: ignore[union-attr]
            for invitee, safe in zip(invitees, unique_filenames(invitees)):
                out.append(Planned(kind, build_invitation(spec, invitee), *files(f"{stem}.giay-moi.{safe}")))
            continue
        out.append(Planned(kind, doc, *files(name)))
    return out


def template_for(kind: str, override: Path | None, office: dict[str, Path] | None = None) -> CompiledTemplate:
    """The template a document is rendered with: --template, the office profile's, or built-in."""
    chosen = override or (office or {}).get(kind)
    return BoundedTemplate(compiled(Path(chosen).resolve())) if chosen else for_type(kind)  # type: ignore[return-value]


@dataclass
class Rendered:
    spec: Path
    outputs: list[Path]


def render_spec(spec_path: Path, out_dir: Path | None = None, pdf: bool = False, force: bool = False,
                kinds: tuple[str, ...] | None = None, each: bool = False, profile: Path | str | None = AUTO) -> Rendered:
    """Validate, build and write one spec's documents; nothing is written when anything is wrong."""
    spec = load_spec(spec_path, profile)
    planned = plan(spec_path, spec, out_dir, pdf, kinds, each)
    outs = [p for item in planned for p in (item.docx, item.pdf) if p is not None]
    refuse_existing(outs, force)
    rendered = [(item, render_document(item.doc)) for item in planned]
    for item, data in rendered:
        if item.pdf is not None:
            # PDF first, from a private copy: the .docx lands only once both are good.
            with tempfile.TemporaryDirectory(prefix="docgen-") as tmp:
                staged = Path(tmp) / item.docx.name
                staged.write_bytes(data)
                pdf_tmp = docx_to_pdf(staged, Path(tmp) / item.pdf.name)
                write_atomic(item.pdf, pdf_tmp.read_bytes())
        write_atomic(item.docx, data)
    return Rendered(Path(spec_path), outs)
