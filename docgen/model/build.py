"""Spec → Document: numbering, wording of defaults, deadlines, Nơi nhận and signer lines."""

from __future__ import annotations

from ..nd30 import codes, dates, recipients, signer
from ..spec.schema import Muc, Spec
from ..spec.types import DATE_IN_TEXT
from . import markup
from .document import Document, Paragraph, Signer, Task

# Điểm letters follow the Vietnamese alphabet (Phụ lục I, Mục II.6.đ).
VI_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX"]
_STYLES = ["I", "1", "a"]


def _label(style: str, n: int) -> str:
    if style == "I":
        return f"{ROMAN[n]}." if n < len(ROMAN) else f"{n + 1}."
    if style == "1":
        return f"{n + 1}."
    return f"{VI_LETTERS[n % len(VI_LETTERS)]})"


def split_lines(text: str | None) -> tuple[str, ...]:
    """Agency names may be broken with `|` or newlines; each piece is one line."""
    if not text:
        return ()
    parts = [p.strip() for chunk in text.split("\n") for p in chunk.split("|")]
    return tuple(p.upper() for p in parts if p)


def _join_agencies(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def _task_sentence(block: Muc) -> str:
    text = f"{_join_agencies(block.chu_tri)} chủ trì"
    if block.phoi_hop:
        text += f", phối hợp với {_join_agencies(block.phoi_hop)}"
    what = block.nhiem_vu.strip()  # type: ignore[union-attr]
    return f"{text} {what}" + ("" if what[-1:] in ".;:!?…" else ".")


def _written_deadline(text: str, deadline: str) -> str | None:
    """The deadline as the text writes it: literally, or the same date written otherwise
    (5/9/2021 for 05/9/2021), with the "trước ngày" before it when there is one."""
    if deadline in text:
        return deadline
    wanted = [m.groups() for m in DATE_IN_TEXT.finditer(deadline)]
    if len(wanted) != 1:
        return None
    day, month, year = (int(x) for x in wanted[0])
    for m in DATE_IN_TEXT.finditer(text):
        if (int(m[1]), int(m[2]), int(m[3])) == (day, month, year):
            start = m.start()
            for lead in ("trước ngày ", "trước "):
                if text[:start].endswith(lead):
                    start -= len(lead)
                    break
            return text[start:m.end()]
    return None


def _with_deadline(text: str, deadline: str | None, bold: bool = True) -> str:
    if not deadline:
        return text
    written = _written_deadline(text, deadline)
    if written:
        return markup.embolden(text, written) if bold else text
    sentence = text.rstrip()
    if sentence and sentence[-1] not in ".;:!?":
        sentence += "."
    shown = f"**{deadline}**" if bold else deadline
    return f"{sentence} Hoàn thành {shown}."


class _Walker:
    def __init__(self, top_style: str) -> None:
        self.top = _STYLES.index(top_style)
        self.paragraphs: list[Paragraph] = []
        self.tasks: list[Task] = []

    def walk(self, blocks: list[Muc], path: tuple[int, ...], muc_depth: int, bullet_depth: int) -> None:
        numbered = 0
        for i, block in enumerate(blocks):
            here = path + (i,)
            text = _task_sentence(block) if block.nhiem_vu is not None else block.text
            text = _with_deadline(text, block.thoi_han, block.dam_thoi_han)
            if block.muc is not None:
                style = _STYLES[min(self.top + muc_depth, len(_STYLES) - 1)]
                bold = block.dam if block.dam is not None else bool(block.noi_dung)
                runs = markup.parse(f"{_label(style, numbered)} {text}", bold=bold)
                numbered += 1
                self._add(runs, here, bold, block)
                self.walk(block.noi_dung, here, muc_depth + 1, 0)
            elif block.y is not None or block.nhiem_vu is not None:
                mark = "-" if bullet_depth == 0 else "+"
                self._add(markup.parse(f"{mark} {text}"), here, False, block)
                self.walk(block.noi_dung, here, muc_depth, bullet_depth + 1)
            else:
                self._add(markup.parse(text), here, False, block)

    def _add(self, runs: list[markup.Run], path: tuple[int, ...], heading: bool, block: Muc) -> None:
        para = Paragraph(tuple(runs), path, heading)
        self.paragraphs.append(para)
        if block.chu_tri:
            self.tasks.append(Task(tuple(block.chu_tri), tuple(block.phoi_hop), block.thoi_han, para.text, path))


def opening(spec: Spec) -> list[str]:
    """The opening paragraphs: as written, or composed from the meeting."""
    if spec.mo_dau or spec.cuoc_hop is None:
        return list(spec.mo_dau)
    m = spec.cuoc_hop
    chairs = "; ".join(f"{c.ho_ten} - {c.chuc_vu}" for c in m.chu_tri)
    who_chairs = f"đồng chí {chairs}" if len(m.chu_tri) == 1 else f"các đồng chí: {chairs}"
    where = f", tại {m.dia_diem}" if m.dia_diem else ""
    first = f"Ngày {dates.long_date(m.ngay)[5:]}{where}, {who_chairs} chủ trì {m.ten}."
    if m.thanh_phan:
        first += f" Tham dự có các đồng chí: {'; '.join(x.rstrip(';.') for x in m.thanh_phan)}."
    who = m.concluder
    close = f"đồng chí {who.ho_ten} - {who.chuc_vu} kết luận như sau:"
    if m.noi_dung:
        agenda = "; ".join(x.rstrip(";.") for x in m.noi_dung)
        return [first, f"{m.ten[0].upper()}{m.ten[1:]} tập trung vào các nội dung: {agenda}. "
                       f"Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu, {close}"]
    return [f"{first} Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu, {close}"]


def closing(spec: Spec) -> str:
    """The closing sentence, as written or the usual one for the type, ending in `./.`."""
    text = spec.ket_thuc
    if text is None and spec.loai == "thong-bao":
        who = spec.cuoc_hop.concluder  # type: ignore[union-attr]
        text = (f"Trên đây là kết luận của đồng chí **{who.ho_ten}** - {who.chuc_vu} tại {spec.cuoc_hop.ten}, "  # type: ignore[union-attr]
                f"{spec.co_quan.ten_goi} thông báo để các cơ quan, đơn vị, địa phương biết và thực hiện.")
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


def build(spec: Spec) -> Document:
    ten_loai = codes.DOC_TYPES[spec.loai]
    type_code = codes.TYPE_CODES[ten_loai]
    walker = _Walker(spec.danh_so)
    head = [Paragraph(tuple(markup.parse(t))) for t in opening(spec)]
    walker.walk(spec.noi_dung, (), 0, 0)
    body = head + walker.paragraphs + [Paragraph(tuple(markup.parse(closing(spec))))]
    s = spec.nguoi_ky
    drafter = spec.nguoi_soan
    return Document(
        doc_type=spec.loai,
        ten_loai=ten_loai,
        type_code=type_code,
        parent_lines=split_lines(spec.co_quan.chu_quan),
        agency_lines=split_lines(spec.co_quan.ten),
        agency_code=spec.co_quan.viet_tat,
        number=spec.so,
        number_line=dates.number_line(spec.so, f"{type_code}-{spec.co_quan.viet_tat}"),
        date_line=dates.date_line(spec.dia_danh, spec.ngay),
        trich_yeu=spec.trich_yeu,
        body=tuple(body),
        signer=Signer(tuple(signer.title_lines(s.quyen_han, s.chuc_vu)), s.ho_ten),
        recipients=tuple(recipients.item_lines(spec.noi_nhan, spec.luu, drafter and drafter.ky_hieu,
                                               drafter and drafter.so_ban)),
        tasks=tuple(walker.tasks),
    )
