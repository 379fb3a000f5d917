"""The opening and closing of a notice, worded from the kind of meeting (issue #12).

A phiên họp is chaired ("… chủ trì phiên họp …"), a field inspection is made ("… kiểm tra …"),
a working session is held with someone ("… làm việc với …"), a citizen reception or a dialogue
hears citizens, a hội nghị is organised by an agency and chaired by a person. The organiser, the
chair and the person concluding may differ; each is called "đồng chí", "ông" or "bà"; after its
first mention a long meeting name may be shortened ("Hội nghị").
"""

from __future__ import annotations

from ..nd30 import dates

# What the participants did before the conclusion, by kind of meeting.
_HEARD = {
    "phien-hop": "Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu",
    "hop": "Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu",
    "kiem-tra": "Sau khi kiểm tra thực tế, nghe báo cáo và ý kiến của các đại biểu",
    "lam-viec": "Sau khi nghe báo cáo và ý kiến của các đại biểu dự buổi làm việc",
    "tiep-cong-dan": "Sau khi nghe công dân trình bày và ý kiến của các cơ quan liên quan",
    "doi-thoai": "Sau khi nghe ý kiến của người dân và giải trình của các cơ quan liên quan",
    "hoi-nghi": "Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu",
}
_PRESENT = {"kiem-tra": "Cùng đi có", "lam-viec": "Cùng dự có"}


def _call(person, meeting) -> str:
    return person.danh_xung or meeting.danh_xung


def _named(p, meeting, bold: bool = False) -> str:
    """"Nguyễn Văn A - Chức vụ", "Nguyễn Văn A, Chức vụ" or "Chức vụ Nguyễn Văn A" (loi_van.goi)."""
    form, name = meeting.loi_van.goi, f"**{p.ho_ten}**" if bold else p.ho_ten
    if form == "chuc-vu-truoc":
        return f"{p.chuc_vu} {name}"
    return f"{name}{', ' if form == 'phay' else ' - '}{p.chuc_vu}"


def person(p, meeting, bold: bool = False) -> str:
    if meeting.loi_van.goi == "chuc-vu-truoc":
        return _named(p, meeting, bold)
    return f"{_call(p, meeting)} {_named(p, meeting, bold)}"


def chairs(meeting) -> str:
    people = [_named(c, meeting) for c in meeting.chu_tri]
    if len(people) == 1:
        return person(meeting.chu_tri[0], meeting)
    calls = {_call(c, meeting) for c in meeting.chu_tri}
    plural = "các đồng chí" if calls == {"đồng chí"} else "các ông, bà" if len(calls) > 1 else f"các {calls.pop()}"
    return f"{plural}: " + "; ".join(people)


def short_name(meeting) -> str:
    return meeting.ten_ngan or meeting.ten


def _when(m) -> str:
    """"Ngày 06 tháng 10 năm 2023" or "Ngày 06/10/2023", after the part of the day if given."""
    v = m.loi_van
    if m.den_ngay is not None:
        return dates.date_span(m.ngay, m.den_ngay, v.kieu_ngay == "so")
    day = dates.short_date(m.ngay) if v.kieu_ngay == "so" else dates.long_date(m.ngay)[5:]
    return f"{v.buoi[0].upper()}{v.buoi[1:]} ngày {day}" if v.buoi else f"Ngày {day}"


def _first_sentence(m) -> str:
    when = _when(m)
    where = f", tại {m.dia_diem}" if m.dia_diem else ""
    who = chairs(m)
    kind = m.loai
    if m.to_chuc:
        return f"{when}{where}, {m.to_chuc} tổ chức {m.ten}, do {who} chủ trì."
    if m.loi_van.dong_tu:  # the office's verb: "đã chủ trì buổi làm việc với …"
        return f"{when}{where}, {who} {m.loi_van.dong_tu} {m.ten}."
    if kind == "kiem-tra":
        return f"{when}, {who} đã kiểm tra {m.ten}{where}."
    if kind == "lam-viec":
        return f"{when}{where}, {who} có buổi làm việc với {m.ten}."
    return f"{when}{where}, {who} chủ trì {m.ten}."


def _attendees(m, first: str) -> list[str]:
    """The first sentence with the attendees: a sentence of its own, joined by "; " when the
    office's lead words are lower case ("…; tham gia cuộc họp có …"), or a paragraph of its own
    (loi_van.tach_doan: [thanh_phan])."""
    names = "; ".join(x.rstrip(";.") for x in m.thanh_phan)
    lead = m.loi_van.tham_du or f"{_PRESENT.get(m.loai, 'Tham dự có')} các đồng chí:"
    if not m.loi_van.tham_du and (names.casefold().startswith(("các đồng chí", "đồng chí")) or m.danh_xung != "đồng chí"):
        # not "có các đồng chí: các đồng chí …", nor "các đồng chí" where the meeting calls people "ông", "bà"
        lead = _PRESENT.get(m.loai, "Tham dự có")
    if lead[0].islower():
        return [f"{first.rstrip('.')}; {lead} {names}."]
    if "thanh_phan" in m.loi_van.tach_doan:
        return [first, f"{lead} {names}."]
    return [f"{first} {lead} {names}."]


def opening(m) -> list[str]:
    *before, first = _attendees(m, _first_sentence(m)) if m.thanh_phan else [_first_sentence(m)]
    close = f"{person(m.concluder, m)} {m.loi_van.nhu_sau}"
    heard = m.loi_van.sau_khi or _HEARD[m.loai]
    if m.noi_dung:
        agenda = "; ".join(x.rstrip(";.") for x in m.noi_dung)
        name = short_name(m)
        return [*before, first, f"{name[0].upper()}{name[1:]} tập trung vào các nội dung: {agenda}. {heard}, {close}"]
    if "sau_khi" in m.loi_van.tach_doan:  # "Sau khi …, … kết luận như sau:" as a paragraph of its own
        return [*before, first, f"{heard}, {close}"]
    return [*before, f"{first} {heard}, {close}"]


# Where the conclusion was given, for the kinds whose name says what was done, not the event:
# "kiểm tra tiến độ dự án …" was inspected at "buổi kiểm tra tiến độ dự án …".
_EVENT = {"kiem-tra": "buổi kiểm tra ", "lam-viec": "buổi làm việc với "}


def conclusion(m, issuer: str | None) -> str:
    """"Trên đây là kết luận của đồng chí **X** - … tại <meeting>, <issuer> thông báo …", or
    "<issuer> thông báo (ý kiến) kết luận của đồng chí X - … tại <meeting> để …" (loi_van.cau_ket)."""
    who, v = m.concluder, m.loi_van
    event = f"{_EVENT.get(m.loai, '')}{short_name(m)}"
    purpose = v.de or "các cơ quan, đơn vị, địa phương biết và thực hiện"
    if v.cau_ket == "ngan":
        return f"{issuer} thông báo để {purpose}."
    if v.cau_ket == "tren-day":
        return f"Trên đây là kết luận của {person(who, m, bold=True)} tại {event}, {issuer} thông báo để {purpose}."
    what = "ý kiến kết luận" if v.cau_ket == "thong-bao-y-kien" else "kết luận"
    return f"{issuer} thông báo {what} của {person(who, m)} tại {event} để {purpose}."
