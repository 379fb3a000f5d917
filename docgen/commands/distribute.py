"""`docgen distribute`: an issued document, its copies for each agency, the registers, the
manifest; one spec or a batch of them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..distribute import copies, extract, issue, manifest, numbering, paperwork, register, trich_sao
from ..distribute.counter import CopyCounter
from ..distribute.directory import check_names, require_directory
from ..distribute.docxwrite import write_all
from ..model.build import build
from ..nd30 import dates
from ..plumbing.errors import DocgenError
from ..plumbing.journal import Journal
from ..plumbing.names import safe_filename, unique_filenames
from ..plumbing.progress import Echo
from ..plumbing.runner import Context, Job, cpu_count, expand, run_jobs
from ..render.pipeline import render_document
from ..spec.load import resolve, validate_source
from ..spec.schema import MAX_NUMBER
from ..spec.types import to_date
from .jobkey import input_key

COPIES_FOLDER = "trich-sao"


@dataclass(frozen=True)
class DistributeOptions:
    out_dir: Path
    directory: Path | None = None  # --danh-ba
    number: int | str | None = None  # --so, for a spec whose so is blank; "tiep": the register's next
    date: dt.date | None = None  # --ngay, for a spec whose day is blank
    copy_date: dt.date | None = None  # --ngay-sao; today when None
    register: Path | None = None  # --so-dang-ky
    paper_dates: tuple[tuple[str, dt.date], ...] = ()  # --ngay-giay-moi, --ngay-cong-van
    pdf: bool = True
    zip: bool = False
    force: bool = False
    single: bool = True  # one spec: its files go straight into out_dir


def parse_date(text: str | None, option: str) -> dt.date | None:
    """A date typed on the command line, or a DocgenError that names the option."""
    if text is None:
        return None
    try:
        return to_date(text)
    except ValueError as exc:
        raise DocgenError(f"{option}: {str(exc).rstrip('.')}.") from None


def folder_for(spec_path: Path, opts: DistributeOptions) -> Path:
    if opts.single:
        return opts.out_dir
    return opts.out_dir / safe_filename(spec_path.stem, fallback="van-ban")


def register_for(opts: DistributeOptions) -> Path:
    return opts.register or opts.out_dir / register.REGISTER_NAME


def distribute_job(job: Job, ctx: Context) -> list[str]:
    opts: DistributeOptions = job.options  # type: ignore[assignment]
    source = resolve(job.spec)  # the spec over its office profile, as load_spec reads it
    spec = validate_source(source)
    if spec.loai is None:
        raise DocgenError(f"{job.spec}: docgen distribute phát hành văn bản chính (thông báo, chỉ thị) cùng giấy mời, "
                          "biên bản, công văn của nó; tệp này không có khóa loai.")
    spec = paperwork.issued(spec, str(job.spec), opts.number, opts.date)
    directory = require_directory(job.spec, opts.directory)
    check_names(spec, source, directory)
    copy_date = opts.copy_date or dt.date.today()
    assert spec.ngay is not None
    issue_date = spec.ngay.as_date()
    assert issue_date is not None
    if copy_date < issue_date:
        raise DocgenError(f"{job.spec}: ngày sao {copy_date:%d/%m/%Y} trước ngày ban hành {issue_date:%d/%m/%Y}.")

    count = copies.copy_count(spec, directory)
    doc = copies.with_copy_count(build(spec), spec, count)
    parts = extract.excerpts(doc, spec, directory)
    if directory.copy_policy.ca_van_ban == "khong":
        parts = [p for p in parts if not p.whole]  # the whole body is not an extract; the office makes none
    folder = folder_for(job.spec, opts)
    stem = safe_filename(job.spec.stem, fallback="van-ban")
    main = folder / f"{stem}.docx"
    copy_names = unique_filenames([p.agency.ten_ngan for p in parts])
    copy_files = [folder / COPIES_FOLDER / f"{name}.docx" for name in copy_names]
    before, after = issue.others(spec)
    paper_files = {kind: folder / f"{stem}.{kind}.docx" for kind in before + after}
    given = dict(opts.paper_dates)
    paper_dates = {kind: issue.paper_date(spec, kind, issue_date, given, str(job.spec)) for kind in before + after}
    docx_files = [main, *copy_files, *paper_files.values()]
    pdf_files = [p.with_suffix(".pdf") for p in docx_files] if opts.pdf else []
    zip_file = folder / f"{stem}.zip"
    outputs = [*docx_files, *pdf_files, folder / manifest.MANIFEST_NAME] + ([zip_file] if opts.zip else [])
    ctx.claim(job, outputs, opts.force)

    book = register_for(opts)
    take_next = isinstance(opts.number, str)
    with ctx.writing():  # each number, from the register and reserved there under its lock
        papers = [issue.issue(book, spec, k, paper_dates[k], copy_date, take_next, str(job.spec)) for k in before]
        number = numbering.reserve(book, doc.ky_hieu, issue_date.year, spec.so, lambda n: paperwork.main_row(
            doc, spec.luu, numbering.so_ky_hieu(n, doc.ky_hieu), issue_date, copy_date, count))
    if spec.so != number:
        spec = spec.model_copy(update={"so": number})
        doc = copies.with_copy_count(build(spec), spec, count)
    so_ky_hieu = numbering.so_ky_hieu(number, doc.ky_hieu)
    with ctx.writing():  # the công văn cites the notice: it is numbered once the notice is
        papers += [issue.issue(book, spec, k, paper_dates[k], copy_date, take_next, str(job.spec)) for k in after]
    keys = [f"{so_ky_hieu}|{issue_date.isoformat()}|{p.agency.ten_ngan}" for p in parts]
    with ctx.writing():
        numbers = CopyCounter(book).allocate(copy_date.year, keys) if keys else []
    copy_signer = paperwork.copy_signer(directory, doc)
    made = [trich_sao.Copy(n, copy_date, spec.dia_danh, p.agency.ten_ngan, directory.copy_archive, copy_signer,
                           "SAO Y" if p.whole else trich_sao.FORM)
            for n, p in zip(numbers, parts)]

    documents = [(main, lambda: render_document(doc))]
    documents += [(path, lambda part=part, made_copy=made_copy: trich_sao.render(doc, part.body, made_copy))
                  for part, made_copy, path in zip(parts, made, copy_files)]
    documents += [(paper_files[p.kind], lambda p=p: render_document(p.doc)) for p in papers]
    with ctx.writing():
        write_all(documents)
    if opts.pdf:
        ctx.pdf().convert_all(list(zip(docx_files, pdf_files)))

    copy_code = trich_sao.Copy.code(doc.agency_code)
    rows, post = paperwork.register_rows(spec, doc, directory, so_ky_hieu, issue_date, copy_date, count, parts, made, copy_code)
    rows += [issue.row(p, spec, copy_date) for p in papers]
    with ctx.writing():
        recorded = register.record(book, rows, post)

    listed = paperwork.manifest_entries(folder, docx_files[: 1 + len(parts)], opts.pdf, so_ky_hieu, parts, made, copy_code)
    for p in papers:
        listed += [{"path": f.relative_to(folder).as_posix(), "kind": p.kind, "number": p.so_ky_hieu,
                    "date": p.date.isoformat()}
                   for f in [paper_files[p.kind], *([paper_files[p.kind].with_suffix(".pdf")] if opts.pdf else [])]]
    about = {"document": so_ky_hieu, "date": issue_date.isoformat(), "type": paperwork.sentence_case(doc.ten_loai),
             "trich_yeu": " ".join(doc.trich_yeu.split()), "copies_issued": count, "copy_date": copy_date.isoformat(),
             "register": str(book), "docgen": __version__}
    with ctx.writing():
        manifest.write_manifest(folder, listed, about)
        if opts.zip:
            manifest.write_zip(zip_file, folder, [item["path"] for item in listed])
        ctx.finished(job, outputs)

    lines = [f"Đã phân phối {so_ky_hieu} ({job.spec}) vào {folder}:",
             f"  văn bản: {main.name}" + (f", {main.with_suffix('.pdf').name}" if opts.pdf else "") + f"; {count} bản phát hành"]
    for p in papers:
        lines.append(f"  {issue.NAME[p.kind]} {p.so_ky_hieu} ngày {dates.short_date(p.date)}: {paper_files[p.kind].name}")
    if made:
        shown = ", ".join(c.numbered(doc.agency_code) for c in made[:3]) + (", …" if len(made) > 3 else "")
        lines.append(f"  {len(made)} bản sao gửi đơn vị (số {shown}) trong {COPIES_FOLDER}/")
    lines.append(f"  sổ đăng ký {book}: thêm {recorded.added} dòng, cập nhật {recorded.updated} dòng")
    lines.append(f"  {manifest.MANIFEST_NAME}" + (f", {zip_file.name}" if opts.zip else ""))
    return lines


def distribute_all(paths: list[Path], opts: DistributeOptions, echo, *, workers: int | None = None,
                   terminal: bool | None = None) -> int:
    """Distribute every spec; the exit status as `run_jobs` gives it."""
    specs = expand(paths)
    if len(specs) > 1 and (isinstance(opts.number, int) or opts.date is not None):
        raise DocgenError("--so và --ngay chỉ dùng khi phân phối một văn bản.")
    if opts.pdf and specs:
        from ..plumbing.office import find_soffice

        find_soffice()
    opts = dataclasses.replace(opts, out_dir=Path(opts.out_dir), single=len(specs) <= 1,
                               copy_date=opts.copy_date or dt.date.today())
    folders: dict[Path, Path] = {}
    for spec in specs:
        folder = folder_for(spec, opts).resolve()
        if folder in folders and folders[folder].resolve() != spec.resolve():
            raise DocgenError(f"{folders[folder]} và {spec} cùng ghi vào {folder}; hãy đổi tên một tệp.")
        folders[folder] = spec
    journal = Journal.path_for(opts.out_dir)
    key_options = repr(dataclasses.replace(opts, force=False))
    jobs = [Job(spec, distribute_job, opts, journal, input_key(spec, key_options, directory=opts.directory))
            for spec in specs]
    return run_jobs(jobs, label="Phân phối văn bản", echo=echo, force=opts.force, single_pdf_size=cpu_count(),
                    workers=workers, terminal=terminal)


def parse_number(text: str | None) -> int | str | None:
    """--so: a number, or `tiep` for the next free number of the register."""
    if text is None:
        return None
    if numbering.is_next(text):
        return numbering.NEXT
    digits = text.strip()
    if digits.isdigit() and len(digits) <= 7 and 1 <= int(digits) <= MAX_NUMBER:
        return int(digits)
    raise DocgenError(f"--so: “{text}” không phải số văn bản; ghi một số từ 1 đến {MAX_NUMBER} (ví dụ 12) "
                      "hoặc tiep (số tiếp theo trong sổ).")


def run(specs: list[Path], out_dir: Path, directory: Path | None, number: str | None, date: str | None,
        copy_date: str | None, register: Path | None, pdf: bool, make_zip: bool, force: bool, echo: Echo,
        invitation_date: str | None = None, letter_date: str | None = None) -> int:
    """`docgen distribute` as typed: the dates are read here, so a bad one names its option."""
    papers = tuple((kind, parse_date(text, option)) for kind, text, option in
                   (("giay-moi", invitation_date, "--ngay-giay-moi"), ("cong-van", letter_date, "--ngay-cong-van"))
                   if text is not None)
    options = DistributeOptions(out_dir, directory, parse_number(number), parse_date(date, "--ngay"),
                                parse_date(copy_date, "--ngay-sao"), register, papers, pdf=pdf, zip=make_zip, force=force)
    return distribute_all(specs, options, echo=echo)
