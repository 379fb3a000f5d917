"""What issuing a document records: its number and date made final, the rows of the
registers (Phụ lục IV), the manifest's entries, the signer of the copies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model.document import Document, Signer
from ..nd30 import dates, recipients, signer
from ..plumbing.errors import DocgenError
from ..spec.schema import Spec
from . import copies, extract, register, trich_sao
from .directory import Agency, Directory


class NotIssued(DocgenError):
    pass


def issued(spec: Spec, file: str, number: int | str | None, date: dt.date | None) -> Spec:
    """The spec with --so/--ngay filled in where it is blank; NotIssued unless it then has a
    number (or --so tiep: the register gives it) and a full date (Điều 15: both are given once
    the document is signed)."""
    updates: dict[str, object] = {}
    take_next = isinstance(number, str)
    if take_next:
        number = None
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
    if take_next and spec.so is None and spec.ngay is not None and spec.ngay.complete:
        return spec
    if not spec.issued:
        missing = [what for what, ok in (("số", spec.so is not None),
                                         ("ngày ban hành đầy đủ", spec.ngay is not None and spec.ngay.complete)) if not ok]
        raise NotIssued(f"{file}: văn bản chưa có {' và '.join(missing)}, nên chưa phân phối được. Văn thư cấp số và "
                        "ngày sau khi văn bản được ký: điền so và ngay trong tệp YAML, hoặc thêm --so 12 --ngay 20/9/2021 (--so tiep: số tiếp theo trong sổ đăng ký).")
    return spec


def copy_signer(directory: Directory, doc: Document) -> Signer:
    who = directory.copy_signer
    if who is None:
        return doc.signer
    return Signer(tuple(signer.title_lines(who.quyen_han, who.chuc_vu)), who.ho_ten)


def sentence_case(upper: str) -> str:
    return upper[:1] + upper[1:].lower()


def archive_text(luu: str) -> str:
    return recipients.archive_line(luu).removeprefix("- Lưu: ").rstrip(".")


def manifest_entries(folder: Path, docx_files: list[Path], pdf: bool, so_ky_hieu: str,
                      parts: list[extract.Excerpt], made: list[trich_sao.Copy], copy_code: str) -> list[dict]:
    """The document, then each copy, each as .docx and .pdf, paths relative to folder."""
    def both(path: Path, about: dict) -> list[dict]:
        files = [path, path.with_suffix(".pdf")] if pdf else [path]
        return [{"path": f.relative_to(folder).as_posix(), **about} for f in files]

    entries = both(docx_files[0], {"kind": "van-ban", "number": so_ky_hieu})
    agency_code = copy_code.split("-", 1)[1]
    for part, made_copy, path in zip(parts, made, docx_files[1:]):
        entries += both(path, {"kind": "sao-y" if part.whole else "trich-sao", "agency": part.agency.ten_ngan,
                               "number": made_copy.numbered(agency_code), "tasks": len(part.tasks)})
    return entries


def title_of(doc: Document) -> str:
    """Column (3): tên loại and trích yếu; a công văn, which has no tên loại, as "Công văn V/v …"."""
    if not doc.ten_loai:
        return f"Công văn {doc.v_v or ''}".strip()
    return f"{sentence_case(doc.ten_loai)} {' '.join(doc.trich_yeu.split())}"  # an author's line breaks are layout


def luu_of(spec: Spec, doc: Document) -> str:
    """The Lưu line of this document: its own section's, else the spec's."""
    own = {"giay-moi": spec.giay_moi, "cong-van": spec.cong_van}.get(doc.doc_type)
    return (getattr(own, "luu", None) or spec.luu) if own is not None else spec.luu


def main_row(doc: Document, luu: str, so_ky_hieu: str, issue_date: dt.date, copy_date: dt.date, count: int,
             n_copies: int = 0) -> register.RegisterRow:
    """The document's own row of the Sổ đăng ký văn bản đi (Mẫu I, columns (1)–(10))."""
    sent = [line for line in doc.recipients if not line.startswith("- Lưu")]
    note = f"Kèm {n_copies} bản trích sao gửi các đơn vị có nhiệm vụ" if n_copies else ""
    return register.RegisterRow(so_ky_hieu, issue_date, title_of(doc), doc.signer.name, "\n".join(sent),
                                archive_text(luu), count, copy_date, note)


def register_rows(spec: Spec, doc: Document, directory: Directory, so_ky_hieu: str, issue_date: dt.date,
                   copy_date: dt.date, count: int, parts: list[extract.Excerpt], made: list[trich_sao.Copy],
                   copy_code: str) -> tuple[list[register.RegisterRow], list[register.PostRow]]:
    kind = sentence_case(doc.ten_loai)
    rows = [main_row(doc, luu_of(spec, doc), so_ky_hieu, issue_date, copy_date, count, len(made))]
    copy_number = {}
    agency_code = copy_code.split("-", 1)[1]
    for part, made_copy in zip(parts, made):
        number = made_copy.numbered(agency_code)
        form = "Bản sao y" if part.whole else "Bản trích sao"
        copy_number[part.agency.index] = (number, form.lower())
        what = (f"{form} {kind.lower()} số {so_ky_hieu} ngày {dates.short_date(issue_date)}: "
                f"phần giao {part.agency.ten_ngan} ({len(part.tasks)} nhiệm vụ)")
        rows.append(register.RegisterRow(number, copy_date, what, made_copy.signer.name, part.agency.ten_ngan,
                                         archive_text(made_copy.archive),
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
            note = f"Kèm {copy_number[index][1]} số {copy_number[index][0]}" if index in copy_number else ""
        else:
            number, note = copy_number[index][0], copy_number[index][1].capitalize()
        post.append(register.PostRow(copy_date, number, where, 1, note, recipient=agency.ten))
    for person in copies.persons_of(spec, directory):  # a citizen: by post, no directory entry needed
        post.append(register.PostRow(copy_date, so_ky_hieu, person.rstrip(";. "), 1, "", recipient=person.rstrip(";. ")))
    return rows, post


