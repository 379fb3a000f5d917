"""The giấy mời as provinces print it (issue #12): an opening sentence, then numbered parts
with bold labels (1. Chủ trì, 2. Thành phần mời, 3. Nội dung, 4. Thời gian, 5. Địa điểm,
6. Phân công chuẩn bị), the time "từ 14h00 ngày … (chiều thứ …)" or "08 giờ 00 phút, Thứ Ba,
ngày …", and no trích yếu line when the office prints none. Mẫu 1.7 stays the default."""

from __future__ import annotations

import re

from ..nd30 import dates, recipients
from . import wording

LABELS = {"chu-tri": "Chủ trì", "thanh-phan": "Thành phần mời", "noi-dung": "Nội dung", "thoi-gian": "Thời gian",
          "dia-diem": "Địa điểm", "chuan-bi": "Phân công chuẩn bị", "lien-he": "Đầu mối liên hệ"}


def _part(ends: str) -> str:
    return ends if ends[-1:] in ".;:!?" else ends + "."


def session(hour: int) -> str:
    return "sáng" if hour < 12 else "chiều" if hour < 18 else "tối"


def time_from(meeting) -> str:
    """"từ 14h00 ngày 05/12/2025 (chiều thứ Sáu)"."""
    m = re.match(r"(\d+) giờ (\d+) phút", meeting.gio or "")
    day = dates.short_date(meeting.ngay)
    weekday = dates.weekday(meeting.ngay)
    if not m:
        return f"ngày {day} ({weekday[0].lower()}{weekday[1:]})"
    hour, minute = int(m[1]), int(m[2])
    return f"từ {hour:02d}h{minute:02d} ngày {day} ({session(hour)} {weekday[0].lower()}{weekday[1:]})"


def time_at(meeting) -> str:
    return ", ".join(x for x in (meeting.gio, dates.weekday(meeting.ngay), dates.long_date(meeting.ngay)) if x)


def body_lines(spec, gm, invitees: list[str], invitee: str | None, concerns) -> list[str]:
    """The paragraphs of a numbered giấy mời, markup included."""
    form, m = gm.danh_so, spec.cuoc_hop
    lines: list[str] = [form.mo_dau] if form.mo_dau else []
    n = 0

    def label(key: str) -> str:
        nonlocal n
        n += 1
        text = f"{n}. {form.nhan.get(key, LABELS[key])}:"
        return f"**{text}**" if form.dam_nhan else text

    for key in form.muc:
        if key == "chu-tri":
            lines.append(f"{label(key)} {_part(wording.chairs(m)[0].upper() + wording.chairs(m)[1:])}")
        elif key == "thanh-phan":
            if len(invitees) == 1:
                lines.append(f"{label(key)} {_part(recipients.clean_item(invitees[0]))}")
            else:
                lines.append(label(key))
                typed = [i.strip() for i in invitees]
                # the items' own final punctuation is kept as typed; otherwise "- …;" and "- … ."
                lines.extend(f"- {t}" if t[-1:] in ".;" else f"- {t}{'.' if i == len(typed) - 1 else ';'}"
                             for i, t in enumerate(typed))
        elif key == "noi-dung":
            lines.append(f"{label(key)} {_part(gm.noi_dung or m.ten)}")
        elif key == "thoi-gian":
            when = form.thoi_gian or (time_from(m) if form.kieu_gio == "tu" else time_at(m))
            lines.append(f"{label(key)} {_part(when)}")
        elif key == "dia-diem" and m.dia_diem:
            lines.append(f"{label(key)} {_part(m.dia_diem)}")
        elif key == "chuan-bi" and gm.chuan_bi:
            items = [i if isinstance(i, str) else f"{i.don_vi} chuẩn bị {i.noi_dung.rstrip('.')}."
                     for i in gm.chuan_bi if isinstance(i, str) or invitee is None or concerns(invitee, i.don_vi)]
            if items:
                lines.append(label(key))
                lines.extend(f"- {i}" if not i.startswith("- ") else i for i in items)
        elif key == "lien-he" and gm.lien_he:
            lines.append(f"{label(key)} {_part(gm.lien_he)}")
    if gm.luu_y:
        lines.append(gm.luu_y)
    return lines
