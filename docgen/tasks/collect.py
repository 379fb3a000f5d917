"""Every assigned task of every spec, one entry per task and lead agency, with a stable id.

The id does not depend on the document's number (a draft keeps its tasks' ids when it is
issued) nor on the task's wording (a reworded task keeps its id and is flagged): it is made
from the spec file's name, the document's type and agency code, the task's place in the
document and its lead agency. A hash of the wording is kept beside it to notice rewording.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.build import build
from ..model.document import Document, Task
from ..nd30 import codes, dates
from ..spec.load import AUTO, resolve, validate_source
from ..spec.schema import Muc, Spec
from ..spec.yamlsource import Source
from . import deadline as dl

_LABEL = re.compile(r"^\s*(?:([IVXLC]+\.|\d+\.|[a-zđ]\))|[-+•])\s*")


@dataclass(frozen=True)
class Entry:
    """One row of the register: one task, one lead agency."""

    task_id: str
    doc_key: str  # which document the task belongs to, whatever its number
    fingerprint: str  # a hash of the wording, lead agency and deadline
    doc_type: str  # Thông báo, Chỉ thị
    doc_number: str  # 12/TB-VPUBND, or "" for a draft
    doc_date: dt.date | None  # None for a draft without a full date
    doc_date_text: str  # 15/9/2021 or /9/2021
    leader: str  # who concluded or directed
    section: str  # II.6.a
    text: str
    owner: str
    co_leads: tuple[str, ...]
    cooperating: tuple[str, ...]
    deadline: dl.Deadline
    source: str  # file:line of the task in its spec

    @property
    def issued(self) -> bool:
        return bool(self.doc_number) and self.doc_date is not None

    @property
    def reference(self) -> str:
        """How a letter cites the source: "Thông báo số 12/TB-VPUBND ngày 15/9/2021"."""
        if self.issued:
            return f"{self.doc_type} số {self.doc_number} ngày {dates.short_date(self.doc_date)}"  # type: ignore[arg-type]
        return f"dự thảo {self.doc_type.lower()} (chưa có số) tháng {self.doc_date_text.strip('/')}"

    @property
    def partners(self) -> str:
        parts = []
        if self.co_leads:
            parts.append("Cùng chủ trì: " + ", ".join(self.co_leads))
        parts.extend(self.cooperating)
        return "; ".join(parts)


@dataclass
class Gathered:
    entries: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    drafts_skipped: list[str] = field(default_factory=list)
    specs: int = 0


def short_hash(*parts: str, n: int = 10) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def _sections(doc: Document) -> dict[tuple[int, ...], str]:
    """The numbering label of each numbered paragraph, by path: (1,) → "I.", (1, 6) → "6."."""
    out = {}
    for para in doc.body:
        if para.path and (m := _LABEL.match(para.text)) and m[1]:
            out[para.path] = m[1].rstrip(".")
    return out


def _section(task: Task, labels: dict[tuple[int, ...], str]) -> str:
    parts = [labels[task.path[:n]] for n in range(1, len(task.path) + 1) if task.path[:n] in labels]
    return ".".join(parts)


def _leader(spec: Spec) -> str:
    if spec.cuoc_hop is not None:
        who = spec.cuoc_hop.concluder
        return f"{who.ho_ten} - {who.chuc_vu}"
    signer = spec.nguoi_ky or next(s for s in (spec.cong_van and spec.cong_van.nguoi_ky, spec.giay_moi and spec.giay_moi.nguoi_ky) if s)
    title = signer.chuc_vu or (signer.quyen_han[-1] if signer.quyen_han else "")
    return f"{signer.ho_ten} - {title.capitalize()}" if title else signer.ho_ten


def _block_lines(blocks: list[Muc], source: Source, path: tuple, out: dict, orphans: list) -> None:
    """Line of each block by its index path; blocks with a deadline or partners but no lead."""
    for i, block in enumerate(blocks):
        here = path + ("noi_dung", i)
        index = tuple(here[1::2])
        out[index] = f"{source.file_of(here)}:{source.line_of(here)}"
        if not block.chu_tri and (block.thoi_han or block.phoi_hop):
            orphans.append((index, block))
        _block_lines(block.noi_dung, source, here, out, orphans)


def strip_label(text: str) -> str:
    return _LABEL.sub("", text, count=1).strip()


def gather_spec(path: Path, profile: Path | str | None = AUTO, drafts: bool = False, into: Gathered | None = None) -> Gathered:
    """The entries of one spec (nothing for a draft unless drafts), warnings included."""
    got = into if into is not None else Gathered()
    source = resolve(path, profile)
    spec = validate_source(source)
    got.specs += 1
    if spec.loai is None:
        return got
    if not spec.issued and not drafts:
        got.drafts_skipped.append(str(path))
        return got
    doc = build(spec)
    type_code = codes.TYPE_CODES[doc.ten_loai]
    doc_key = f"{type_code}-{spec.co_quan.viet_tat}|{Path(path).stem}"
    doc_type = doc.ten_loai.capitalize()
    number = f"{doc.number_line.removeprefix('Số: ')}" if spec.issued else ""
    ngay = spec.ngay
    doc_date = ngay.as_date() if ngay is not None and ngay.complete else None
    date_text = f"{ngay.day or ''}/{ngay.month or ''}/{ngay.year}" if ngay is not None else ""
    if doc_date is not None:
        date_text = dates.short_date(doc_date)
    leader = _leader(spec)
    labels = _sections(doc)
    lines: dict[tuple, str] = {}
    orphans: list = []
    _block_lines(spec.noi_dung, source, (), lines, orphans)
    for index, block in orphans:
        got.warnings.append(f"{lines.get(index, path)}: khối “{block.text[:60]}” có "
                            f"{'thời hạn' if block.thoi_han else 'cơ quan phối hợp'} nhưng không có cơ quan chủ trì "
                            "(chu_tri), nên không được đưa vào sổ theo dõi nhiệm vụ.")
    for task in doc.tasks:
        where = lines.get(task.path, str(path))
        deadline = dl.read(task.deadline)
        if deadline.problem:
            got.warnings.append(f"{where}: [thoi_han] {deadline.problem}; nhiệm vụ vẫn vào sổ, chưa tính hạn.")
        text = strip_label(task.text)
        place = ".".join(str(i) for i in task.path)
        for owner in task.owners:
            got.entries.append(Entry(
                task_id="NV-" + short_hash(doc_key, place, owner.casefold()),
                doc_key=doc_key,
                fingerprint=short_hash(text, owner, deadline.written, n=12),
                doc_type=doc_type, doc_number=number, doc_date=doc_date, doc_date_text=date_text,
                leader=leader, section=_section(task, labels), text=text, owner=owner,
                co_leads=tuple(o for o in task.owners if o != owner), cooperating=task.cooperating,
                deadline=deadline, source=where))
    return got


def gather_files(paths: list[Path], drafts: bool) -> tuple[Gathered, list]:
    """Several specs (a worker's share): the entries, and every spec's problems instead of raising."""
    from ..plumbing.errors import SpecError

    got = Gathered()
    problems: list = []
    for path in paths:
        try:
            gather_spec(path, AUTO, drafts, into=got)
        except SpecError as exc:
            problems.extend(exc.problems)
    return got, problems


def gather_parallel(paths: list[Path], drafts: bool, workers: int) -> tuple[Gathered, list]:
    """gather_files over `workers` processes, in the order of paths (ids and rows stay stable)."""
    if workers <= 1 or len(paths) < 64:
        return gather_files(paths, drafts)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(16, len(paths) // (workers * 4))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        parts = list(pool.map(gather_files, chunks, [drafts] * len(chunks)))
    got, problems = Gathered(), []
    for part, found in parts:
        got.entries.extend(part.entries)
        got.warnings.extend(part.warnings)
        got.drafts_skipped.extend(part.drafts_skipped)
        got.specs += part.specs
        problems.extend(found)
    return got, problems
