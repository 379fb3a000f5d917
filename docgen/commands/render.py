"""`docgen render`: every document of many specs as .docx (and PDF), on the batch runner."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..plumbing.errors import DocgenError, Problem, SpecError
from ..plumbing.journal import Journal
from ..plumbing.output import write_atomic
from ..plumbing.progress import Echo
from ..plumbing.runner import Context, Job, expand, run_jobs, writing
from ..render import pipeline
from ..spec.load import resolve, validate_source
from .jobkey import input_key


@dataclass(frozen=True)
class RenderOptions:
    out_dir: Path | None
    pdf: bool
    force: bool
    kinds: tuple[str, ...] | None = None  # --type: only these documents of each spec
    each: bool = False  # --each: one giấy mời per invitee
    template: Path | None = None  # --template: an office's own template
    profile: Path | str | None = "auto"  # --profile, or the docgen.yaml found beside the spec
    draft: bool = False  # --nhap: placeholders of docgen new are allowed, printed as warnings


def render_job(job: Job, ctx: Context) -> list[str]:
    """Validate, build and write every document of one spec (.docx, and .pdf when asked)."""
    from ..distribute.copies import copy_count, with_copy_count
    from ..distribute.directory import check_names, find_directory, load_directory
    from ..spec.checks import placeholder_problems
    from ..spec.profile import office_templates

    opts: RenderOptions = job.options  # type: ignore[assignment]
    source = resolve(job.spec, opts.profile)  # the spec over its office profile, as load_spec reads it
    left = placeholder_problems(source)
    spec = validate_source(source, along=() if opts.draft else left)
    warnings = []
    if left:
        if not opts.draft:
            raise SpecError(left + [Problem(source.file, None, "", "Chưa tạo văn bản nào: hãy thay các chỗ giữ chỗ trên, "
                                                                   "hoặc dùng --nhap để in bản nháp.")])
        warnings += [f"Cảnh báo (bản nháp): {p.show()}" for p in left]
    planned = pipeline.plan(job.spec, spec, opts.out_dir, opts.pdf, opts.kinds, opts.each)
    if (found := find_directory(job.spec)) is not None:
        directory = load_directory(found)
        warnings += check_names(spec, source, directory, draft=opts.draft or not spec.issued)
        count = copy_count(spec, directory)
        planned = [replace(p, doc=with_copy_count(p.doc, spec, count)) if p.kind in pipeline.MAIN_KINDS else p
                   for p in planned]
    office = office_templates(job.spec, opts.profile)
    templates = {p.kind: pipeline.template_for(p.kind, opts.template, office) for p in planned}
    custom = {kind for kind in templates if opts.template or kind in office}
    outs = [path for p in planned for path in (p.docx, p.pdf) if path is not None]
    ctx.claim(job, outs, opts.force)
    made = [(p, pipeline.render_with_warnings(p.doc, templates[p.kind])) for p in planned]
    rendered = [(p, data) for p, (data, _) in made]
    for p, data in rendered:
        if p.pdf is not None:
            # PDF first, from a private copy: the .docx lands only once both are good.
            with tempfile.TemporaryDirectory(prefix="docgen-") as tmp:
                staged = Path(tmp) / p.docx.name
                staged.write_bytes(data)
                ctx.pdf().convert(staged, p.pdf)
    with writing():  # the files and the note that they are finished, or neither
        for p, data in rendered:
            write_atomic(p.docx, data)
        ctx.finished(job, outs)
    messages = warnings + [f"Đã tạo {out}" for out in outs]
    messages.extend(f"Lưu ý ({p.docx.name}): {w}" for p, _ in rendered for w in p.doc.warnings)
    messages.extend(f"Cảnh báo (mẫu riêng, {p.docx.name}): {w}" for p, (_, notes) in made for w in notes)
    for p, _ in rendered:
        if p.kind in custom:
            messages.extend(custom_template_warnings(p.docx))
    return messages


def custom_template_warnings(docx: Path) -> list[str]:
    """An office's own template may break Decree 30: say where, as warnings, after the render."""
    from ..check import check_document

    report = check_document(docx)
    return [f"Cảnh báo (mẫu riêng): {finding.line()}" for finding in report.failures]


def _render_key(spec: Path, opts: RenderOptions) -> str | None:
    template = opts.template.read_bytes() if opts.template and opts.template.is_file() else b""
    return input_key(spec, str(opts.pdf), str(opts.kinds), str(opts.each), str(opts.profile), template, str(opts.draft))


def render_all(paths: list[Path], out_dir: Path | None, pdf: bool, force: bool, echo: Echo, *,
               workers: int | None = None, terminal: bool | None = None, kinds: tuple[str, ...] | None = None,
               each: bool = False, template: Path | None = None, profile: Path | str | None = "auto",
               draft: bool = False) -> int:
    specs = expand(paths)
    if pdf and specs:
        from ..plumbing.office import find_soffice

        find_soffice()  # say how to install LibreOffice before starting, not once per spec
    if template is not None:
        check_template(template)  # a broken template stops the batch before anything is written
    opts = RenderOptions(Path(out_dir) if out_dir else None, pdf, force, kinds or None, each, template, profile, draft)
    jobs = []
    journals: dict[Path, Path] = {}
    for spec in specs:
        folder = Path(out_dir) if out_dir else spec.parent
        journal = journals.setdefault(folder, Journal.path_for(folder))
        jobs.append(Job(spec, render_job, opts, journal, _render_key(spec, opts)))
    duplicate = _same_targets(jobs, opts)
    if duplicate:
        echo(duplicate, err=True)
        return 2
    return run_jobs(jobs, label="Tạo văn bản", echo=echo, force=force, workers=workers, terminal=terminal)


def _same_targets(jobs: list[Job], opts: RenderOptions) -> str | None:
    """Two specs that would write the same file: refused before anything is written."""
    seen: dict[str, Path] = {}
    for job in jobs:
        target = str(pipeline.targets(job.spec, opts.out_dir, False)[0].resolve())
        if target in seen and seen[target].resolve() != job.spec.resolve():
            return (f"{seen[target]} và {job.spec} cùng ghi ra {target}; hãy đổi tên một tệp "
                    "hoặc ghi vào các thư mục khác nhau.")
        seen[target] = job.spec
    return None


def check_template(template: Path) -> None:
    """Refuse a template whose tags are broken or unknown, naming the paragraphs (exit 2)."""
    from ..render.fields import inspect_template

    result = inspect_template(template)
    if result.failed:
        raise DocgenError(f"Mẫu {template} có lỗi, chưa tạo văn bản nào:\n" + "\n".join(f.show() for f in result.findings))
