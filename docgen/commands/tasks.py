"""`docgen nhiem-vu`: the register of assigned tasks (theo dõi nhiệm vụ) built from the issued
specs, merged with what the office typed into it; the as-of list, the monthly report and its
chart, urging letters (công văn đôn đốc) numbered through the Sổ đăng ký văn bản đi when issued,
and calendars of the deadlines."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..distribute import numbering, register
from ..model.document import Document
from ..plumbing.errors import DocgenError, SpecError
from ..plumbing.lock import locked
from ..plumbing.names import safe_filename, unique_filenames
from ..plumbing.output import refuse_existing, write_atomic
from ..plumbing.progress import Echo
from ..plumbing.runner import cpu_count, expand
from ..render.pipeline import render_document
from ..spec.profile import find_profile
from ..tasks import book, cache, calendars, chart, deadline, sheets, status, terminal, urging
from ..tasks.collect import Gathered
from .distribute import parse_date

REGISTER_NAME = "so-theo-doi-nhiem-vu.xlsx"
LETTERS_FOLDER = "cong-van-don-doc"


@dataclass(frozen=True)
class TasksOptions:
    out: Path
    drafts: bool = False  # --du-thao: also tasks of specs without a number and full date
    as_of: dt.date = field(default_factory=dt.date.today)  # --den-ngay
    soon_days: int = 7  # --sap-den-han
    month: tuple[int, int] | None = None  # --thang: (year, month); default the month of as_of
    letters: Path | None = None  # --cong-van DIR
    pdf: bool = False
    issue: bool = False  # --ban-hanh: number the letters through the Sổ đăng ký văn bản đi
    issue_date: dt.date | None = None  # --ngay
    new_deadline: dt.date | None = None  # --han-moi
    outgoing: Path | None = None  # --so-dang-ky
    calendars: Path | None = None  # --lich DIR
    profile: Path | None = None  # --profile: the office profile for the letters
    signer: str | None = None  # --nguoi-ky
    unit: str = urging.DEFAULT_UNIT  # --don-vi-soan
    force: bool = False
    chart: bool = True
    quiet: bool = False  # no table in the terminal (benchmarks)


def parse_month(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    parts = text.replace("-", "/").split("/")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        month, year = int(parts[0]), int(parts[1])
        if 1 <= month <= 12 and 1900 < year < 2200:
            return year, month
    raise DocgenError(f"--thang: “{text}” không phải là tháng; viết tháng/năm, ví dụ 9/2021.")


def gather(specs: list[Path], drafts: bool, register: Path) -> tuple[Gathered, dict]:
    """Every spec's entries (unchanged specs from the cache beside the register); all spec
    problems at once (SpecError), so nothing is written."""
    files = expand(specs)
    missing = [str(p) for p in specs if not p.exists()]
    if missing:
        raise DocgenError(f"Không tìm thấy: {', '.join(missing)}.")
    if not files:
        raise DocgenError(f"Không có tệp YAML nào trong {', '.join(str(p) for p in specs)}.")
    got, problems, remembered = cache.gather(files, drafts, cpu_count(), register)
    if problems:
        raise SpecError(problems)
    return got, remembered


def _letter_profile(opts: TasksOptions, specs: list[Path]) -> Path:
    if opts.profile is not None:
        return opts.profile
    for path in expand(specs):
        if (found := find_profile(path)) is not None:
            return found
    raise DocgenError("Công văn đôn đốc cần hồ sơ cơ quan của Văn phòng (docgen.yaml): không thấy tệp này cạnh các tệp "
                      "YAML hay ở thư mục cha; hãy chỉ ra bằng --profile.")


def _letters(rows: list[book.Row], report: status.AsOf, opts: TasksOptions, specs: list[Path], echo: Echo) -> list[Path]:
    """Render (and, with --ban-hanh, number) one urging letter per agency with overdue tasks."""
    profile = _letter_profile(opts, specs)
    office = urging.office_name(profile)
    agencies = [a for a in report.agencies if report.overdue.get(a) and a.casefold() != office.casefold()]
    if any(a.casefold() == office.casefold() for a in report.overdue):
        echo(f"{office} có nhiệm vụ quá hạn: Văn phòng không tự đôn đốc mình bằng công văn; xem trang “Đến ngày” của sổ.")
    if not agencies:
        echo("Không có cơ quan nào có nhiệm vụ quá hạn: không có công văn đôn đốc nào.")
        return []
    assert opts.letters is not None
    names = unique_filenames([safe_filename(f"don-doc-{a}", fallback="don-doc") for a in agencies])
    targets = [opts.letters / f"{n}.docx" for n in names]
    refuse_existing(targets + ([t.with_suffix(".pdf") for t in targets] if opts.pdf else []), opts.force)
    numbers: list[int | None] = [None] * len(agencies)
    letter_date = opts.issue_date if opts.issue else None
    if opts.issue:
        assert letter_date is not None
        drafts = []
        for agency in agencies:
            doc, _ = urging.build_urging(agency, report.overdue[agency], report.day,
                                         _letter_opts(opts, profile, letter_date, None))
            drafts.append(register.RegisterRow(
                so_ky_hieu=doc.number_line.split("/", 1)[1], ngay=letter_date,
                ten_loai_trich_yeu=f"Công văn {doc.v_v}", nguoi_ky=doc.signer.name, noi_nhan=agency,
                ban_luu="; ".join(r for r in doc.recipients if "Lưu" in r).strip("- ."), so_luong=1,
                ngay_chuyen=letter_date))
        outgoing = opts.outgoing or opts.out.parent / register.REGISTER_NAME
        numbers = [numbering.reserve(outgoing, d.so_ky_hieu, letter_date.year, None,
                                     lambda n, d=d: dataclasses.replace(d, so_ky_hieu=numbering.so_ky_hieu(n, d.so_ky_hieu)),
                                     by_recipient=True)
                   for d in drafts]
        echo(f"Đã vào sổ {outgoing}: {len(drafts)} công văn đôn đốc.")
    docs: list[tuple[Path, Document]] = []
    for agency, target, number in zip(agencies, targets, numbers):
        items = report.overdue[agency]
        doc, new = urging.build_urging(agency, items, report.day, _letter_opts(opts, profile, letter_date, number))
        docs.append((target, doc))
        if number is not None:
            note = f"Công văn số {doc.number_line.removeprefix('Số: ')} ngày {letter_date:%d/%m/%Y}; hạn mới {new:%d/%m/%Y}"
            for s in items:
                old = str(s.row.cells.get("urged") or "")
                if note not in old:
                    s.row.cells["urged"] = f"{old}\n{note}".strip()
                periodic = s.row.deadline.kind == deadline.PERIODIC  # each period has its own due date
                if not periodic and s.row.cells.get("new_due") in (None, ""):  # the office's column, only if empty
                    s.row.cells["new_due"] = new
                    s.row.new_due = new
    for target, doc in docs:
        write_atomic(target, render_document(doc))
    if opts.pdf:
        from ..plumbing.office_pool import PdfPool

        with PdfPool() as pool:
            pool.convert_all([(t, t.with_suffix(".pdf")) for t, _ in docs])
    kind = "đã cấp số" if opts.issue else "dự thảo, chưa cấp số"
    for target, _ in docs:
        echo(f"Đã tạo {target} ({kind})" + (f" và {target.with_suffix('.pdf').name}" if opts.pdf else ""))
    return [t for t, _ in docs]


def _letter_opts(opts: TasksOptions, profile: Path, date: dt.date | None, number: int | None) -> urging.LetterOptions:
    return urging.LetterOptions(profile=profile, signer=opts.signer, unit=opts.unit, date=date, number=number,
                                new_deadline=opts.new_deadline)


def _calendars(rows: list[book.Row], folder: Path, force: bool, echo: Echo) -> None:
    groups = calendars.by_agency(rows)
    names = unique_filenames([safe_filename(a, fallback="co-quan") for a in groups])
    targets = [folder / f"{n}.ics" for n in names] + [folder / "van-phong.ics"]
    refuse_existing(targets, force)
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    for (agency, items), target in zip(groups.items(), targets):
        write_atomic(target, calendars.calendar_bytes(items, f"Hạn nhiệm vụ – {agency}", stamp))
    write_atomic(targets[-1], calendars.calendar_bytes(rows, "Hạn nhiệm vụ – toàn cơ quan", stamp, office=True))
    echo(f"Đã tạo {len(targets)} lịch (.ics) trong {folder}: một cho mỗi cơ quan có hạn, và van-phong.ics cho cả cơ quan.")


def build_register(specs: list[Path], opts: TasksOptions, echo: Echo) -> dict:
    """The whole verb; returns figures for the caller (and the benchmark)."""
    out = opts.out
    if out.suffix.lower() != ".xlsx":
        raise DocgenError(f"-o {out}: sổ theo dõi là tệp Excel, tên phải có đuôi .xlsx.")
    if opts.issue and opts.issue_date is None:
        raise DocgenError("--ban-hanh cần ngày ban hành công văn đôn đốc: --ngay, ví dụ --ngay 5/10/2021.")
    if opts.issue and opts.letters is None:
        raise DocgenError("--ban-hanh cấp số cho công văn đôn đốc: hãy chỉ thư mục ghi công văn bằng --cong-van.")
    book.refuse_if_open(out)
    got, remembered = gather(specs, opts.drafts, out)
    with locked(out, what="Sổ theo dõi nhiệm vụ"):
        existing = book.read(out)
        merged = book.merge(got.entries, existing.rows, opts.as_of)
        rows = merged.rows
        report = status.as_of(rows, opts.as_of, opts.soon_days)
        year, month = opts.month or (opts.as_of.year, opts.as_of.month)
        monthly = status.monthly(rows, year, month, today=opts.as_of)
        if opts.letters is not None:
            _letters(rows, report, opts, specs, echo)
        workbook = existing.book or sheets.new_book()
        picture = chart.render(monthly) if opts.chart and monthly.agencies else None
        additions: dict = {}
        sheets.write_register(workbook, rows, sheets.today_subtitle(opts.as_of, got.specs, len(rows)), additions)
        sheets.write_as_of(workbook, report, additions)
        sheets.write_monthly(workbook, monthly, picture, additions)
        data = sheets.to_bytes(workbook, additions)
        try:
            write_atomic(out, data)
        except PermissionError:
            raise DocgenError(f"Không ghi được {out}: tệp đang bị khóa hoặc không có quyền ghi (sổ đang mở trong Excel?). "
                              "Sổ cũ giữ nguyên; hãy đóng sổ rồi chạy lại.") from None
        cache.save(out, remembered)
    if opts.calendars is not None:
        _calendars(rows, opts.calendars, opts.force, echo)
    if picture:
        write_atomic(out.with_suffix(f".thang-{month:02d}-{year}.png"), picture)
    for warning in [*got.warnings, *existing.warnings]:
        echo(f"Cảnh báo: {warning}", err=True)
    if got.drafts_skipped:
        echo(f"Bỏ qua {len(got.drafts_skipped)} văn bản còn là dự thảo (chưa có số, ngày): "
             f"{', '.join(got.drafts_skipped[:5])}{' …' if len(got.drafts_skipped) > 5 else ''}; thêm --du-thao để đưa vào sổ.")
    if not opts.quiet:
        for line in terminal.table(report):
            echo(line)
    echo(f"Đã ghi {out}: {len(rows)} dòng nhiệm vụ ({merged.added} mới, {merged.kept} đã có, giữ nguyên phần Văn phòng "
         f"đã nhập; {merged.changed} đổi nội dung, {merged.gone} không còn trong văn bản nào).")
    return {"rows": len(rows), "added": merged.added, "kept": merged.kept, "changed": merged.changed,
            "gone": merged.gone, "warnings": len(got.warnings) + len(existing.warnings),
            "overdue": sum(len(v) for v in report.overdue.values())}


def run(specs: list[Path], out: Path | None, *, drafts: bool, as_of: str | None, soon_days: int, month: str | None,
        letters: Path | None, pdf: bool, issue: bool, issue_date: str | None, new_deadline: str | None,
        outgoing: Path | None, calendars_dir: Path | None, profile: Path | None, signer: str | None, unit: str,
        force: bool, echo: Echo) -> int:
    """`docgen nhiem-vu` as typed: the dates are read here, so a bad one names its option."""
    day = parse_date(as_of, "--den-ngay") or dt.date.today()
    opts = TasksOptions(
        out=out or Path(REGISTER_NAME), drafts=drafts, as_of=day, soon_days=soon_days, month=parse_month(month),
        letters=letters, pdf=pdf, issue=issue, issue_date=parse_date(issue_date, "--ngay"),
        new_deadline=parse_date(new_deadline, "--han-moi"), outgoing=outgoing, calendars=calendars_dir,
        profile=profile, signer=signer, unit=unit, force=force)
    build_register(specs, opts, echo)
    return 0
