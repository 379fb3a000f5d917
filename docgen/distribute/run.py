"""`docgen distribute`: an issued document, its copies for each agency, the registers, the
manifest; one spec or a batch of them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..errors import DocgenError
from ..model.build import build
from ..model.document import Document, Signer
from ..nd30 import dates, recipients, signer
from ..render.context import build_context
from ..render.templates import builtin_path, compiled
from ..runner import Context, Job, Journal, cpu_count, expand, input_digest, run_jobs
from ..spec.load import resolve, validate_source
from ..spec.schema import Spec
from ..spec.types import to_date
from . import copies, extract, manifest, names, register, trich_sao
from .counter import CopyCounter
from .directory import Agency, Directory, check_names, require_directory
from .docxwrite import write_all

COPIES_FOLDER = "trich-sao"


class NotIssued(DocgenError):
    pass


@dataclass(frozen=True)
class DistributeOptions:
    out_dir: Path
    directory: Path | None = None  # --danh-ba
    number: int | None = None  # --so, for a spec whose so is blank
    date: dt.date | None = None  # --ngay, for a spec whose day is blank
    copy_date: dt.date | None = None  # --ngay-sao; today when None
    register: Path | None = None  # --so-dang-ky
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


def issued(spec: Spec, file: str, number: int | None, date: dt.date | None) -> Spec:
    """The spec with --so/--ngay filled in where it is blank; NotIssued unless it then has a
    number and a full date (Điều 15: both are given once the document is signed)."""
    updates: dict[str, object] = {}
    if number is not None:
        if spec.so is not None and spec.so != number:
            raise DocgenError(f"{file}: văn bản đã có số {dates.pad_number(spec.so)}; --so {number} khác số này.")
        updates["so"] = number
    if date is not None:
        have = spec.ngay or dates.IssueDate(date.year)
        if have.year != date.year or (have.month and have.month != date.month) or (have.day and have.day != date.day):
            shown = f"{have.day or ''}/{have.month or ''}/{have.year}"
            raise DocgenError(f"{file}: ngày trong tệp ({shown}) khác ngày cho bằng --ngay "
                              f"({date.day}/{date.month}/{date.year}).")
        updates["ngay"] = dates.IssueDate.of(date)
    spec = spec.model_copy(update=updates)
    if not spec.issued:
        missing = [what for what, ok in (("số", spec.so is not None),
                                         ("ngày ban hành đầy đủ", spec.ngay is not None and spec.ngay.complete)) if not ok]
        raise NotIssued(f"{file}: văn bản chưa có {' và '.join(missing)}, nên chưa phân phối được. Văn thư cấp số và "
                        "ngày sau khi văn bản được ký: điền so và ngay trong tệp YAML, hoặc thêm --so 12 --ngay 20/9/2021.")
    return spec


def _copy_signer(directory: Directory, doc: Document) -> Signer:
    who = directory.copy_signer
    if who is None:
        return doc.signer
    return Signer(tuple(signer.title_lines(who.quyen_han, who.chuc_vu)), who.ho_ten)


def _sentence_case(upper: str) -> str:
    return upper[:1] + upper[1:].lower()


def _archive_text(luu: str) -> str:
    return recipients.archive_line(luu).removeprefix("- Lưu: ").rstrip(".")


def folder_for(spec_path: Path, opts: DistributeOptions) -> Path:
    if opts.single:
        return opts.out_dir
    return opts.out_dir / names.safe_filename(spec_path.stem, fallback="van-ban")


def register_for(opts: DistributeOptions) -> Path:
    return opts.register or opts.out_dir / register.REGISTER_NAME


def distribute_job(job: Job, ctx: Context) -> list[str]:
    opts: DistributeOptions = job.options  # type: ignore[assignment]
    source = resolve(job.spec)  # the spec over its office profile, as load_spec reads it
    spec = validate_source(source)
    if spec.loai is None:
        raise DocgenError(f"{job.spec}: docgen distribute phân phối văn bản chính (thông báo, chỉ thị); tệp này không có "
                          "khóa loai. Giấy mời và công văn làm từ tệp này hãy tạo bằng docgen render.")
    spec = issued(spec, str(job.spec), opts.number, opts.date)
    directory = require_directory(job.spec, opts.directory)
    check_names(spec, source, directory)
    copy_date = opts.copy_date or dt.date.today()
    assert spec.so is not None and spec.ngay is not None
    issue_date = spec.ngay.as_date()
    assert issue_date is not None
    if copy_date < issue_date:
        raise DocgenError(f"{job.spec}: ngày sao {copy_date:%d/%m/%Y} trước ngày ban hành {issue_date:%d/%m/%Y}.")

    count = copies.copy_count(spec, directory)
    doc = copies.with_copy_count(build(spec), spec, count)
    parts = extract.excerpts(doc, spec, directory)
    folder = folder_for(job.spec, opts)
    stem = names.safe_filename(job.spec.stem, fallback="van-ban")
    main = folder / f"{stem}.docx"
    copy_names = names.unique_filenames([p.agency.ten_ngan for p in parts])
    copy_files = [folder / COPIES_FOLDER / f"{name}.docx" for name in copy_names]
    docx_files = [main, *copy_files]
    pdf_files = [p.with_suffix(".pdf") for p in docx_files] if opts.pdf else []
    zip_file = folder / f"{stem}.zip"
    outputs = [*docx_files, *pdf_files, folder / manifest.MANIFEST_NAME] + ([zip_file] if opts.zip else [])
    ctx.claim(job, outputs, opts.force)

    so_ky_hieu = f"{dates.pad_number(spec.so)}/{doc.ky_hieu}"
    book = register_for(opts)
    keys = [f"{so_ky_hieu}|{issue_date.isoformat()}|{p.agency.ten_ngan}" for p in parts]
    with ctx.writing():
        numbers = CopyCounter(book).allocate(copy_date.year, keys) if keys else []
    copy_signer = _copy_signer(directory, doc)
    made = [trich_sao.Copy(n, copy_date, spec.dia_danh, p.agency.ten_ngan, directory.copy_archive, copy_signer)
            for n, p in zip(numbers, parts)]

    documents = [(main, lambda: compiled(builtin_path(doc.doc_type)).render(build_context(doc)))]
    documents += [(path, lambda part=part, made_copy=made_copy: trich_sao.render(doc, part.body, made_copy))
                  for part, made_copy, path in zip(parts, made, copy_files)]
    with ctx.writing():
        write_all(documents)
    if opts.pdf:
        ctx.pdf().convert_all(list(zip(docx_files, pdf_files)))

    copy_code = trich_sao.Copy.code(doc.agency_code)
    rows, post = _register_rows(spec, doc, directory, so_ky_hieu, issue_date, copy_date, count, parts, made, copy_code)
    with ctx.writing():
        recorded = register.record(book, rows, post)

    listed = _manifest_entries(folder, docx_files, opts.pdf, so_ky_hieu, parts, made, copy_code)
    about = {"document": so_ky_hieu, "date": issue_date.isoformat(), "type": _sentence_case(doc.ten_loai),
             "trich_yeu": doc.trich_yeu, "copies_issued": count, "copy_date": copy_date.isoformat(),
             "register": str(book), "docgen": __version__}
    with ctx.writing():
        manifest.write_manifest(folder, listed, about)
        if opts.zip:
            manifest.write_zip(zip_file, folder, [item["path"] for item in listed])
        ctx.finished(job, outputs)

    lines = [f"Đã phân phối {so_ky_hieu} ({job.spec}) vào {folder}:",
             f"  văn bản: {main.name}" + (f", {main.with_suffix('.pdf').name}" if opts.pdf else "") + f"; {count} bản phát hành"]
    if made:
        shown = ", ".join(f"{dates.pad_number(c.number)}" for c in made[:3]) + (", …" if len(made) > 3 else "")
        lines.append(f"  {len(made)} bản trích sao (số {shown}/{copy_code}) trong {COPIES_FOLDER}/")
    lines.append(f"  sổ đăng ký {book}: thêm {recorded.added} dòng, cập nhật {recorded.updated} dòng")
    lines.append(f"  {manifest.MANIFEST_NAME}" + (f", {zip_file.name}" if opts.zip else ""))
    return lines


def _manifest_entries(folder: Path, docx_files: list[Path], pdf: bool, so_ky_hieu: str,
                      parts: list[extract.Excerpt], made: list[trich_sao.Copy], copy_code: str) -> list[dict]:
    """The document, then each copy, each as .docx and .pdf, paths relative to folder."""
    def both(path: Path, about: dict) -> list[dict]:
        files = [path, path.with_suffix(".pdf")] if pdf else [path]
        return [{"path": f.relative_to(folder).as_posix(), **about} for f in files]

    entries = both(docx_files[0], {"kind": "van-ban", "number": so_ky_hieu})
    for part, made_copy, path in zip(parts, made, docx_files[1:]):
        entries += both(path, {"kind": "trich-sao", "agency": part.agency.ten_ngan,
                               "number": f"{dates.pad_number(made_copy.number)}/{copy_code}", "tasks": len(part.tasks)})
    return entries


def _register_rows(spec: Spec, doc: Document, directory: Directory, so_ky_hieu: str, issue_date: dt.date,
                   copy_date: dt.date, count: int, parts: list[extract.Excerpt], made: list[trich_sao.Copy],
                   copy_code: str) -> tuple[list[register.RegisterRow], list[register.PostRow]]:
    kind = _sentence_case(doc.ten_loai)
    sent = [line for line in doc.recipients if not line.startswith("- Lưu")]
    note = f"Kèm {len(made)} bản trích sao gửi các đơn vị có nhiệm vụ" if made else ""
    rows = [register.RegisterRow(so_ky_hieu, issue_date, f"{kind} {doc.trich_yeu}", doc.signer.name, "\n".join(sent),
                                 _archive_text(spec.luu), count, copy_date, note)]
    copy_number = {}
    for part, made_copy in zip(parts, made):
        number = f"{dates.pad_number(made_copy.number)}/{copy_code}"
        copy_number[part.agency.index] = number
        what = (f"Bản trích sao {kind.lower()} số {so_ky_hieu} ngày {dates.short_date(issue_date)}: "
                f"phần giao {part.agency.ten_ngan} ({len(part.tasks)} nhiệm vụ)")
        rows.append(register.RegisterRow(number, copy_date, what, made_copy.signer.name, part.agency.ten_ngan,
                                         _archive_text(made_copy.archive),
                                         1 + copies.archive_copies(made_copy.archive), copy_date))
    # One envelope per recipient that gets paper by post: the document, its copy, or both.
    by_post: dict[int, Agency] = {a.index: a for a in copies.recipients_of(spec, directory) if a.buu_dien}
    receives_document = set(by_post)
    for part in parts:
        if part.agency.buu_dien:
            by_post.setdefault(part.agency.index, part.agency)
    post = []
    for index, agency in by_post.items():
        where = agency.ten + (f", {agency.dia_chi}" if agency.dia_chi else "")
        if index in receives_document:
            number = so_ky_hieu
            note = f"Kèm bản trích sao số {copy_number[index]}" if index in copy_number else ""
        else:
            number, note = copy_number[index], "Bản trích sao"
        post.append(register.PostRow(copy_date, number, where, 1, note))
    return rows, post


def distribute_all(paths: list[Path], opts: DistributeOptions, echo, *, workers: int | None = None,
                   terminal: bool | None = None) -> int:
    """Distribute every spec; the exit status as `run_jobs` gives it."""
    specs = expand(paths)
    if len(specs) > 1 and (opts.number is not None or opts.date is not None):
        raise DocgenError("--so và --ngay chỉ dùng khi phân phối một văn bản.")
    if opts.pdf and specs:
        from ..render.pdf import find_soffice

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
    jobs = [Job(spec, distribute_job, opts, journal, input_digest(spec, key_options, directory=opts.directory))
            for spec in specs]
    return run_jobs(jobs, label="Phân phối văn bản", echo=echo, force=opts.force, single_pdf_size=cpu_count(),
                    workers=workers, terminal=terminal)
