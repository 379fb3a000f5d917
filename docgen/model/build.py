"""Spec → Document: numbering, wording of defaults, deadlines, Nơi nhận and signer lines."""

from __future__ import annotations

from dataclasses import replace

from ..nd30 import codes, dates, recipients, signer
from ..nd30.text import NHU_TREN
from ..spec.schema import Muc, Spec
from . import invitation, markup, numbering, tasks, wording
from .appendix import table_of, with_appendices
from .document import BodyItem, Document, Paragraph, Signer, Table, Task

VI_LETTERS, ROMAN = numbering.VI_LETTERS, numbering.ROMAN


def split_lines(text: str | None) -> tuple[str, ...]:
    """Agency names may be broken with `|` or newlines; each piece is one line."""
    if not text:
        return ()
    parts = [p.strip() for chunk in text.split("\n") for p in chunk.split("|")]
    return tuple(p.upper() for p in parts if p)




def _task_sentence(block: Muc, office=None, heading: str | None = None) -> str:
    return tasks.sentence(block, office, heading)


def _with_deadline(text: str, deadline: str | list[str] | None, bold: bool | str = True) -> str:
    deadlines = [deadline] if isinstance(deadline, str) else deadline
    mode = {True: "cum", False: "khong"}.get(bold, bold)  # type: ignore[call-overload]
    return tasks.with_deadlines(text, deadlines, mode)


class _Walker:
    """The body's blocks → numbered paragraphs, the tables among them, and the tasks they assign."""

    def __init__(self, top_style: str | list[str], office=None) -> None:
        self.styles = numbering.styles_from(top_style)
        self.office = office  # the office's way of wording tasks (CachViet)
        self.paragraphs: list[BodyItem] = []  # a table (bang) among them at its place
        self.tasks: list[Task] = []
        self.warnings: list[str] = []

    def walk(self, blocks: list[Muc], path: tuple[int, ...], muc_depth: int, bullet_depth: int,
             parent_label: str | None = None, owner: int | None = None, heading: str | None = None) -> None:
        """`heading`: the text of the heading these blocks are under, when it assigns no task."""
        numbered = 0
        previous: int | None = None  # the task of the block just before: a deadline after it is its own
        # A task among numbered items is numbered with them ("1. Hạt Kiểm lâm:", then "2. UBND các
        # xã … chủ trì …"), unless it or the office says otherwise; elsewhere it is a "- " point.
        task_form = "muc" if any(b.muc is not None for b in blocks) else "y"
        for i, block in enumerate(blocks):
            here = path + (i,)
            if block.bang is not None:  # a table: in its place, no number, no task; the items around it unchanged
                self.paragraphs.append(table_of(block.bang, here))
                previous = None
                continue
            is_task = block.nhiem_vu is not None
            text = _task_sentence(block, self.office, heading) if is_task else block.text
            mode = tasks.setting(block, self.office, "dam_thoi_han", "cum")
            # several tasks in one paragraph: each deadline is in the text (the schema made sure), set in bold
            given = block.thoi_han or [d for item in block.giao_viec for d in item.thoi_han or ()]
            text = _with_deadline(text, given, mode)
            form = tasks.setting(block, self.office, "hinh_thuc", task_form) if is_task else None
            if block.muc is not None or form == "muc":
                style = numbering.style_at(self.styles, muc_depth)
                expected = numbering.label(style, numbered, parent_label)
                shown = block.so.strip() if block.so else expected
                if block.so:
                    at = numbering.position(style, shown)
                    if shown != expected:
                        self.warnings.append(f"Mục “{shown} {markup.plain(text)[:40]}…” lệch thứ tự: số tự động là “{expected}”.")
                    numbered = at if at is not None else numbered
                bold = block.dam if block.dam is not None else (bool(block.noi_dung) and not is_task and not block.dam_so)
                runs = markup.parse(_label(shown, text, block.dam_so), bold=bold)
                numbered += 1
                index = self._add(runs, here, bold, block, previous, owner)
                self.walk(block.noi_dung, here, muc_depth + 1, 0, shown, index if block.chu_tri else owner,
                          None if is_task else markup.plain(text))
            elif block.y is not None or form == "y":
                mark = "-" if bullet_depth == 0 else "+"
                index = self._add(markup.parse(f"{mark} {text}"), here, False, block, previous, owner)
                self.walk(block.noi_dung, here, muc_depth, bullet_depth + 1, parent_label, index if block.chu_tri else owner)
            else:
                index = self._add(markup.parse(text), here, False, block, previous, owner)
                if block.noi_dung:  # a task written as a paragraph, with its points under it
                    self.walk(block.noi_dung, here, muc_depth, bullet_depth, parent_label, index)
            # only a free paragraph (doan) right after a task continues it; a bullet is its own item
            previous = index if index is not None and block.chu_tri else None

    def _add(self, runs: list[markup.Run], path: tuple[int, ...], heading: bool, block: Muc,
             previous: int | None = None, owner: int | None = None) -> int | None:
        """Add the paragraph; the index of the task it states or continues, if any."""
        para = Paragraph(tuple(runs), path, heading)
        self.paragraphs.append(para)
        if block.chu_tri:
            self.tasks.append(_task(block, para))
            return len(self.tasks) - 1
        # one paragraph, several tasks: a deadline after it belongs to none of them
        self.tasks += [_task(item, para) for item in block.giao_viec]
        target = previous if previous is not None and block.doan is not None else owner
        if block.thoi_han and target is not None:  # "Báo cáo UBND huyện trước ngày …" after the task
            task = self.tasks[target]
            deadlines = task.deadlines + tuple(d for d in block.thoi_han if d not in task.deadlines)
            self.tasks[target] = replace(task, deadline="; ".join(deadlines), deadlines=deadlines,
                                         more=task.more + (path,))
            return target
        return None


def _task(given, para: Paragraph) -> Task:
    """The task a block (or one entry of its giao_viec) assigns in para."""
    deadlines = tuple(given.thoi_han or ())
    work = markup.plain(getattr(given, "nhiem_vu", None) or "").strip()
    work = work[:1].upper() + work[1:] + ("" if not work or work[-1] in ".;:!?…" else ".")
    return Task(tuple(given.chu_tri), tuple(given.phoi_hop), "; ".join(deadlines) or None, para.text, para.path, deadlines,
                work=work)


def _label(shown: str, text: str, bold_number: bool | None) -> str:
    """"2. text"; "**2.** text" (dam_so); a bold number before a bold lead is one bold run
    ("**2. Các sở, ban, ngành:** Là …")."""
    if not bold_number:
        return f"{shown} {text}"
    return f"**{shown} {text[2:]}" if text.startswith("**") else f"**{shown}** {text}"


def opening(spec: Spec) -> list[str]:
    """The opening paragraphs: as written, or composed from the meeting."""
    if spec.mo_dau or spec.cuoc_hop is None:
        return list(spec.mo_dau)
    return wording.opening(spec.cuoc_hop)


def closing(spec: Spec) -> str:
    """The closing sentence, as written or the usual one for the type, ending in `./.`."""
    text = spec.ket_thuc
    if text is None and spec.loai == "thong-bao":
        text = wording.conclusion(spec.cuoc_hop, spec.co_quan.ten_goi)
    elif text is None:
        text = (f"Nhận được Chỉ thị này, yêu cầu {'; '.join(spec.doi_tuong_thuc_hien)} "
                "tập trung quán triệt và nghiêm túc triển khai thực hiện.")
    return close_mark(text)


def close_mark(text: str) -> str:
    """End with `./.`: the full stop, then `/.` (Phụ lục III, Mẫu 1.4)."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return text.rstrip(".") + "./."


def close_last(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with `./.` after the last one's last run."""
    last = paragraphs[-1]
    tail = last.runs[-1]
    closed = markup.Run(close_mark(tail.text), tail.bold, tail.italic)
    return paragraphs[:-1] + [Paragraph(last.runs[:-1] + (closed,), last.path, last.heading)]


def build(spec: Spec) -> Document:
    ten_loai = codes.DOC_TYPES[spec.loai]
    type_code = codes.TYPE_CODES[ten_loai]
    walker = _Walker(spec.danh_so, spec.cach_viet_nhiem_vu)
    head = [Paragraph(tuple(markup.parse(t))) for t in opening(spec)]
    walker.walk(spec.noi_dung, (), 0, 0)
    tail = [Paragraph(tuple(markup.parse(t))) for t in spec.ghi_sau]  # after the ./.
    if spec.ket_thuc is False:  # no closing sentence: the last paragraph of the body carries the ./.
        body = head + close_last(walker.paragraphs) + tail
    else:
        body = head + walker.paragraphs + [Paragraph(tuple(markup.parse(closing(spec))))] + tail
    return with_appendices(spec, spec.loai, Document(
        **spacing(spec),
        doc_type=spec.loai,
        ten_loai=ten_loai,
        type_code=type_code,
        **_issuer(spec, spec.so, f"{type_code}-{spec.co_quan.viet_tat}", spec.ngay),
        trich_yeu=spec.trich_yeu,
        kinh_gui=kinh_gui_lines(spec.kinh_gui),
        body=tuple(body),
        signer=_signer(spec, None),
        recipients=_recipient_lines(spec, spec.noi_nhan),
        tasks=tuple(walker.tasks),
        footnotes=tuple(spec.chu_thich),
        warnings=tuple(walker.warnings),
    ))


def _without_nhu_tren(items: list) -> list:
    """The letter's own Nơi nhận without a "Như trên" the secretary typed: docgen sets it first."""
    return [i for i in items if not (isinstance(i, str) and recipients.clean_item(i).casefold() == NHU_TREN.casefold())]


def _signer(spec: Spec, own) -> Signer:
    s = own or spec.nguoi_ky
    return Signer(tuple(signer.title_lines(s.quyen_han, s.chuc_vu)), s.ho_ten)


def _dash_list(items: list[str]) -> list[str]:
    """`- a;` … `- z.`: one per line, the last with a full stop (Phụ lục I, Mục II.9.a)."""
    cleaned = [recipients.clean_item(i) for i in items]
    return [f"- {c};" for c in cleaned[:-1]] + [f"- {cleaned[-1]}."]


def kinh_gui_lines(items: list[str]) -> tuple[str, ...]:
    """ô 9a (Phụ lục I, Mục II.9.a): "Kính gửi: X" for one addressee, else "Kính gửi:" and a list."""
    if not items:
        return ()
    if len(items) == 1:
        return (f"Kính gửi: {recipients.clean_item(items[0])}",)
    return ("Kính gửi:", *_dash_list(list(items)))


def build_invitation(spec: Spec, invitee: str | None = None) -> Document:
    """Giấy mời (Phụ lục III, Mẫu 1.7, or the labelled form): one for every invitee, or addressed
    to one. What invitees must prepare are its tasks."""
    gm, m = spec.giay_moi, spec.cuoc_hop
    assert gm is not None and m is not None
    invitees = [invitee] if invitee else list(gm.moi)
    form = invitation.labelled if gm.danh_so is not None else invitation.mau_17
    rows = form(spec, gm, invitees, invitee, _concerns).rows
    rows[-1] = (close_mark(rows[-1][0]), rows[-1][1])
    body = tuple(Paragraph(tuple(markup.parse(text)), (i,)) for i, (text, _) in enumerate(rows))
    found = tuple(Task(tuple(item.don_vi), tuple(item.phoi_hop), "; ".join(item.thoi_han or ()) or None, body[i].text, (i,),
                       tuple(item.thoi_han or ())) for i, (_, item) in enumerate(rows) if item is not None)
    type_code = codes.type_code(codes.TYPE_NAME_VARIANTS.get(gm.ten_loai, gm.ten_loai))  # GM, or TB for a notice instead
    code = f"{type_code}-{spec.co_quan.viet_tat}"
    return with_appendices(spec, "giay-moi", Document(
        **spacing(spec),
        doc_type="giay-moi", ten_loai=gm.ten_loai, type_code=type_code,
        **_issuer(spec, gm.so, code, gm.ngay),
        trich_yeu="" if gm.danh_so is not None and not gm.danh_so.trich_yeu else gm.trich_yeu or f"Dự {m.ten}",
        body=body, kinh_gui=invitation.addressees(gm),
        signer=_signer(spec, gm.nguoi_ky),
        recipients=_recipient_lines(spec, _invitation_recipients(gm, invitee), gm.luu),
        tasks=found,
    ))


def _invitation_recipients(gm, invitee: str | None) -> list:
    """The giấy mời's Nơi nhận: as written, else the invitees; sent by name (Kính gửi), it opens
    with "- Như trên;" (Phụ lục I, Mục II.9.b), as a công văn's does."""
    items = gm.noi_nhan or ([invitee] if invitee else [] if gm.kinh_gui else invitation.by_group(gm))
    return [NHU_TREN, *_without_nhu_tren(items)] if gm.kinh_gui and not invitee else items


def _issuer(spec: Spec, number: int | None, code: str, date) -> dict:
    """ô 2-4 of any document of the spec: agency lines, Số line, place and date."""
    marks = tuple(m for m in (spec.dau.mat, spec.dau.khan) if m) if spec.dau else ()
    return dict(marks=marks, parent_lines=split_lines(spec.co_quan.chu_quan), agency_lines=split_lines(spec.co_quan.ten),
                agency_code=spec.co_quan.viet_tat, number=number, number_line=dates.number_line(number, code, number_digits(spec)),
                date_line=dates.date_line(spec.dia_danh, date, two_digit_months(spec)))


def _recipient_lines(spec: Spec, items: list[str], luu: str | None = None) -> tuple[str, ...]:
    drafter = spec.nguoi_soan
    return tuple(recipients.item_lines(items, luu or spec.luu, drafter and drafter.ky_hieu, drafter and drafter.so_ban))


def _concerns(invitee: str, unit: str) -> bool:
    return unit.lower() in invitee.lower() or invitee.lower() in unit.lower()


NOTICE_MARK = "{van_ban_chinh}"  # in a công văn: the main document's number and date


def main_citation(spec: Spec) -> str:
    """`số 12/TB-VPUBND ngày 20/9/2021` of the spec's main document; blanks while it is a draft."""
    code = f"{codes.TYPE_CODES[codes.DOC_TYPES[spec.loai]]}-{spec.co_quan.viet_tat}" if spec.loai else spec.co_quan.viet_tat
    number = dates.pad_number(spec.so, number_digits(spec)) if spec.so is not None else dates.BLANK_NUMBER
    date = spec.ngay
    when = (dates.short_date(date.as_date()) if date is not None and date.complete
            else f"{'   '}/{date.month or '   '}/{date.year}" if date is not None else "   /   /    ")
    return f"số {number}/{code} ngày {when}"


def build_letter(spec: Spec) -> Document:
    """Công văn (Phụ lục III, Mẫu 1.5): V/v under the Số line, Kính gửi, body, "Như trên".
    `{van_ban_chinh}` in its text stands for the number and date of the spec's main document,
    filled in when that document is issued."""
    cv = spec.cong_van
    assert cv is not None
    walker = _Walker(cv.danh_so, spec.cach_viet_nhiem_vu)
    walker.walk(cv.noi_dung, (), 0, 0)
    cite = main_citation(spec)
    body = [p if isinstance(p, Table) else Paragraph(tuple(markup.Run(r.text.replace(NOTICE_MARK, cite), r.bold, r.italic)
                                                           for r in p.runs), p.path, p.heading) for p in walker.paragraphs]
    body = close_last(body)
    body += [Paragraph(tuple(markup.parse(t))) for t in cv.ghi_sau]  # after the ./.
    kinh_gui = kinh_gui_lines(cv.kinh_gui)
    code = f"{spec.co_quan.viet_tat}-{cv.don_vi_soan}"  # no type code (Phụ lục I, Mục II.3.b)
    return with_appendices(spec, "cong-van", Document(
        **spacing(spec),
        doc_type="cong-van", ten_loai="", type_code="",
        **_issuer(spec, cv.so, code, cv.ngay),
        trich_yeu="", v_v=f"V/v {cv.v_v}", kinh_gui=kinh_gui,
        body=tuple(body),
        signer=_signer(spec, cv.nguoi_ky),
        recipients=_recipient_lines(spec, [NHU_TREN, *_without_nhu_tren(cv.noi_nhan)], cv.luu),
        tasks=tuple(walker.tasks),
        footnotes=tuple(spec.chu_thich) if any(r.note for p in body for r in p.runs) else (),
    ))


def number_digits(spec: Spec) -> int | None:
    """The office prints every number with so many digits ("012"): trinh_bay.so_chu_so."""
    return spec.trinh_bay.so_chu_so if spec.trinh_bay else None


def two_digit_months(spec: Spec) -> bool:
    """The office pads every month ("tháng 03"): trinh_bay.thang_hai_so."""
    return bool(spec.trinh_bay and spec.trinh_bay.thang_hai_so)


def spacing(spec: Spec) -> dict[str, float]:
    """The office's line and paragraph spacing (trinh_bay), where the spec or profile sets it."""
    tb = spec.trinh_bay
    out: dict[str, float] = {}
    if tb is not None and tb.gian_dong is not None:
        out["line_spacing"] = tb.gian_dong
    if tb is not None and tb.cach_doan is not None:
        out["paragraph_spacing"] = tb.cach_doan
    return out


def build_documents(spec: Spec, kinds: list[str] | None = None) -> dict[str, Document]:
    """Every document the spec asks for (or those named), by kind."""
    from .minutes import build_minutes

    makers = {"thong-bao": build, "chi-thi": build, "giay-moi": build_invitation, "cong-van": build_letter,
              "bien-ban": build_minutes}
    return {kind: makers[kind](spec) for kind in (kinds or spec.documents)}
