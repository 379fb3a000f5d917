"""The giấy mời's body (Phụ lục III, Mẫu 1.7, and the forms provinces print, issue #12).

Mẫu 1.7: "<cơ quan> trân trọng kính mời:" and the invitees, then Tới dự, Chủ trì, Thời gian, Địa
điểm, the preparations, the contact and a last line. Offices also write opening paragraphs before
it, their own invitation clause ("Ban Tiếp công dân huyện kính mời:"), invitees in groups ("- Đại
diện các sở:" then "+ Sở Y tế;"), and labelled parts, numbered (1. Chủ trì, 2. Thành phần mời, …,
6. Phân công chuẩn bị) or not ("**Thời gian:** Vào lúc 08 giờ 00 phút, ngày … (thứ Năm)"), the time
"từ 14h00 ngày … (chiều thứ …)". What an invitee must prepare ("Đề nghị Sở X chuẩn bị …, gửi về …
trước ngày …") is a task: its unit, co-operating units and deadline are kept in the model.
"""

from __future__ import annotations

import re

from ..nd30 import dates, recipients
from ..spec.forms import LEAD_VERBS
from . import tasks, wording

LABELS = {"tham-du": "Tới dự", "chu-tri": "Chủ trì", "thanh-phan": "Thành phần mời", "noi-dung": "Nội dung", "thoi-gian": "Thời gian",
          "dia-diem": "Địa điểm", "chuan-bi": "Phân công chuẩn bị", "lien-he": "Đầu mối liên hệ"}

FILL_IN = "." * 110  # a dotted line left blank for the invitee's name, written in by hand


def _part(ends: str) -> str:
    return ends if ends[-1:] in ".;:!?" else ends + "."


def session(hour: int) -> str:
    return "sáng" if hour < 12 else "chiều" if hour < 18 else "tối"


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def time_from(meeting) -> str:
    """"từ 14h00 ngày 05/12/2025 (chiều thứ Sáu)"."""
    m = re.match(r"(\d+) giờ (\d+) phút", meeting.gio or "")
    day = dates.short_date(meeting.ngay)
    weekday = _lower_first(dates.weekday(meeting.ngay))
    if not m:
        return f"ngày {day} ({weekday}){_until(meeting, True)}"
    hour, minute = int(m[1]), int(m[2])
    return f"từ {hour:02d}h{minute:02d} ngày {day} ({session(hour)} {weekday}){_until(meeting, True)}"


def _until(meeting, figures: bool) -> str:
    """" đến hết ngày 18/11/2020" after the first day of a meeting of several days (den_ngay),
    the last day written as the first is; nothing for a meeting of one day."""
    last = meeting.den_ngay
    if last is None:
        return ""
    return f" đến hết ngày {dates.short_date(last) if figures else dates.long_date(last)[5:]}"


def time_at(meeting) -> str:
    """"08 giờ 00 phút, Thứ Ba, ngày 31 tháng 8 năm 2021" (Mẫu 1.7)."""
    return ", ".join(x for x in (meeting.gio, dates.weekday(meeting.ngay), dates.long_date(meeting.ngay)) if x) + \
        _until(meeting, False)


def time_vao_luc(meeting) -> str:
    """"Vào lúc 08 giờ 00 phút, ngày 25 tháng 7 năm 2019 (thứ Năm)"."""
    when = f"Vào lúc {meeting.gio}, " if meeting.gio else ""
    return f"{when}{dates.long_date(meeting.ngay)} ({_lower_first(dates.weekday(meeting.ngay))}){_until(meeting, False)}"


TIME_FORMS = {"tu": time_from, "luc": time_at, "vao-luc": time_vao_luc}


def invitee_lines(items: list) -> list[str]:
    """"- X;" for each invitee, the last with a full stop; a group's head line as typed (with its
    colon, or its own full stop), its members "+ Y;" (the group's markers). An item's own final
    ";" or "." is kept as typed."""
    flat: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, str):
            flat.append(("-", recipients.clean_item(item) + item.strip()[-1:] * (item.strip()[-1:] in ".;")))
        else:
            group, member = (m.replace("*", "\\*") for m in item.dau)  # "*" printed, not markup
            head = item.nhom.strip()
            head = head if head.endswith(".") or not item.hai_cham else recipients.clean_item(head.rstrip(":")) + ":"
            flat.append(("head", f"{group} {head}".strip()))
            flat.extend((member, m.strip().removeprefix(f"{item.dau[1]} ")) for m in item.moi)
    last = max(i for i, (kind, _) in enumerate(flat) if kind != "head")
    return [text if kind == "head" else f"{kind} {text}{'' if text[-1:] in '.;' else '.' if i == last else ';'}"
            for i, (kind, text) in enumerate(flat)]


def by_group(gm) -> list[str]:
    """The invitees as Nơi nhận lists them by default: each item, a group by its head line."""
    return [item if isinstance(item, str) else item.nhom.rstrip(" :") for item in gm.moi]


def addressees(gm) -> tuple[str, ...]:
    """ô 9a of a giấy mời sent by name: "Kính gửi: X", or "Kính gửi:" and the "- …;" lines (the
    first on the label's line when the office prints it so)."""
    if not gm.kinh_gui:
        return ()
    if len(gm.kinh_gui) == 1:
        return (f"Kính gửi: {recipients.clean_item(gm.kinh_gui[0])}",)
    lines = invitee_lines(list(gm.kinh_gui))
    if gm.kinh_gui_cung_dong:
        return (f"Kính gửi: {lines[0]}", *lines[1:])
    return ("Kính gửi:", *lines)


def preparation(item, office=None) -> str:
    """The sentence of a preparation: as written (cau), or "[Đề nghị] X [chủ trì, phối hợp với Y]
    chuẩn bị …", with its deadline set in bold where written or added."""
    if item.cau is not None:
        text = item.cau
    else:
        verb = LEAD_VERBS[item.giao or "khong"]
        who = tasks.join_agencies(item.don_vi)
        who += f" chủ trì, phối hợp với {tasks.join_agencies(item.phoi_hop)}" if item.phoi_hop else ""
        what = item.noi_dung.rstrip(".")
        # "noi_dung: chuẩn bị báo cáo …" would read "X chuẩn bị chuẩn bị báo cáo …"
        what = f"chuẩn bị {what[8:].lstrip()}" if what[:8].casefold() == "chuẩn bị" else f"chuẩn bị {what}"
        text = f"{verb + ' ' if verb else ''}{who} {_part(what)}"
    mode = tasks.setting(None, office, "dam_thoi_han", "cum")
    return tasks.with_deadlines(text, item.thoi_han, mode)


class Lines:
    """The body as (text, preparation item or None) pairs: the items become tasks."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, object]] = []

    def add(self, text: str, item=None) -> None:
        self.rows.append((text, item))

    def extend(self, texts: list[str]) -> None:
        self.rows.extend((t, None) for t in texts)


def _preparations(spec, gm, invitee, concerns) -> list[tuple[str, object]]:
    return [(i, None) if isinstance(i, str) else (preparation(i, spec.cach_viet_nhiem_vu), i) for i in gm.chuan_bi
            if isinstance(i, str) or invitee is None or any(concerns(invitee, unit) for unit in i.don_vi)]


def _on_lines(label: str, value: str) -> list[str]:
    """"Label: text." — a text typed on several lines (sessions, days, a second address line) gives
    a paragraph a line, the last closed with a full stop."""
    lines = [x.strip() for x in value.split("\n") if x.strip()]
    lines[-1] = _part(lines[-1])
    return [f"{label}: {lines[0]}", *lines[1:]]


def _inviting(spec, gm, invitees: list) -> list[str]:
    """"<cơ quan> trân trọng kính mời:" and the invitees (one on the same line; none: the clause
    alone, blank lines to follow)."""
    clause = (gm.loi_moi or f"{spec.co_quan.ten_goi} trân trọng kính mời").rstrip(" :")
    if not invitees:
        return [f"{clause}:"]
    if len(invitees) == 1 and isinstance(invitees[0], str):
        return [f"{clause}: {recipients.clean_item(invitees[0])}"]
    return [f"{clause}:", *invitee_lines(invitees)]


def mau_17(spec, gm, invitees: list, invitee: str | None, concerns) -> Lines:
    """Mẫu 1.7: openings, the invitation, Tới dự, Chủ trì, Thời gian, Địa điểm, preparations,
    contact, last line."""
    m, out = spec.cuoc_hop, Lines()
    out.extend(list(gm.mo_dau))
    out.extend(_inviting(spec, gm, invitees))
    out.extend([f"Tới dự {(gm.noi_dung or m.ten).rstrip('.')}.", f"Chủ trì: {wording.chairs(m)}.",
                *_on_lines("Thời gian", (gm.thoi_gian or time_at(m)).rstrip(";"))])
    if m.dia_diem:
        out.extend(_on_lines("Địa điểm", m.dia_diem.rstrip(".")))
    for text, item in _preparations(spec, gm, invitee, concerns):
        out.add(text, item)
    if gm.lien_he:
        out.add(f"Đầu mối liên hệ: {gm.lien_he.rstrip('.')}.")
    out.extend(list(gm.luu_y))
    return out


def labelled(spec, gm, invitees: list, invitee: str | None, concerns) -> Lines:
    """The labelled parts, numbered or not, in the office's order; preparations not listed as a
    part follow them as paragraphs."""
    form, m, out = gm.danh_so, spec.cuoc_hop, Lines()
    out.extend([form.mo_dau] if form.mo_dau else [])
    out.extend(list(gm.mo_dau))
    n = 0

    def label(key: str) -> str:
        nonlocal n
        n += 1
        number, colon = f"{n}. " if form.so else "", "" if key in form.khong_hai_cham else ":"
        text = f"{number}{form.nhan.get(key) or LABELS[key]}{colon}"
        return f"**{text}**" if form.dam_nhan else text

    prepared = _preparations(spec, gm, invitee, concerns)

    def part(key: str, value: str) -> None:
        """The label and its text; a text of several lines gives a paragraph a line, and under
        xuong_dong the text starts on the line after the label."""
        lines = [x.strip() for x in value.split("\n") if x.strip()]
        if form.cham:
            lines[-1] = _part(lines[-1])
        if key in form.xuong_dong:
            out.extend([label(key), *lines])
        else:
            out.extend([f"{label(key)} {lines[0]}", *lines[1:]])

    for key in form.muc:
        if key == "moi" and form.dong_trong:
            out.extend([*_inviting(spec, gm, []), *[FILL_IN] * form.dong_trong])
        elif key == "moi":
            out.extend(_inviting(spec, gm, invitees))
        elif key == "tham-du":
            out.add(f"{form.nhan.get(key, LABELS[key])} {_part((gm.noi_dung or m.ten).strip())}")
        elif key == "chu-tri":
            chairs = wording.chairs(m)
            out.add(f"{label(key)} {_part(chairs[0].upper() + chairs[1:])}")
        elif key == "thanh-phan":
            if len(invitees) == 1 and isinstance(invitees[0], str):
                out.add(f"{label(key)} {_part(recipients.clean_item(invitees[0]))}")
            else:
                out.add(label(key))
                out.extend(invitee_lines(invitees))
        elif key == "noi-dung":
            part(key, gm.noi_dung or m.ten)
        elif key == "thoi-gian":
            part(key, form.thoi_gian or gm.thoi_gian or TIME_FORMS[form.kieu_gio](m))
        elif key == "dia-diem" and m.dia_diem:
            part(key, m.dia_diem)
        elif key == "chuan-bi" and prepared and key in form.cung_dong:  # "6. Tài liệu phiên họp: Ý kiến … gửi về …"
            (text, item), *rest = prepared
            out.add(f"{label(key)} {text}", item)
            for text, item in rest:
                out.add(text, item)
            prepared = []
        elif key == "chuan-bi" and prepared:
            out.add(label(key))
            for text, item in prepared:
                out.add(text if text.startswith("- ") else f"- {text}", item)
            prepared = []
        elif key in form.them:
            part(key, form.them[key])
        elif key == "lien-he" and gm.lien_he:
            part(key, gm.lien_he)
    for text, item in prepared:
        out.add(text, item)
    out.extend(list(gm.luu_y))
    return out
