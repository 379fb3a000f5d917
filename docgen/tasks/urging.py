"""Công văn đôn đốc (Phụ lục III, Mẫu 1.5): one per agency with overdue tasks, written as a
spec over the office profile and built by the công văn machinery of docgen render, so it is
laid out and checked like every other công văn."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..model.build import build_letter
from ..model.document import Document
from ..nd30.dates import short_date
from ..plumbing.errors import DocgenError
from ..spec.load import validate_source
from ..spec.profile import load_profile, merge
from ..spec.yamlsource import Source
from .status import Standing

V_V = "đôn đốc thực hiện nhiệm vụ"
DEFAULT_UNIT = "TH"


@dataclass(frozen=True)
class LetterOptions:
    profile: Path
    signer: str | None = None  # a signer id of the profile; default: cvp, else the first one
    unit: str = DEFAULT_UNIT  # đơn vị soạn thảo: Số: …/VPUBND-TH
    date: dt.date | None = None  # the letter's date (issued); None: a draft dated by month
    number: int | None = None
    new_deadline: dt.date | None = None


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")


def _leaders(items: list[Standing]) -> list[str]:
    seen: list[str] = []
    for s in items:
        who = str(s.row.cells.get("leader") or "").strip()
        if who and who not in seen:
            seen.append(who)
    return seen


def _titles_of(leaders: list[str]) -> str:
    titles = []
    for who in leaders:
        title = who.split(" - ", 1)[1] if " - " in who else who
        if title not in titles:
            titles.append(title)
    return ", ".join(titles) or "lãnh đạo"


def letter_data(agency: str, items: list[Standing], as_of: dt.date, opts: LetterOptions, office_name: str,
                signers: list[str]) -> dict:
    """The công văn as spec data (the profile fills the agency lines, place, signer and Lưu)."""
    when = opts.date or as_of
    new = opts.new_deadline or (when + dt.timedelta(days=7))
    signer = opts.signer or ("cvp" if "cvp" in signers else (signers[0] if signers else None))
    if signer is None:
        raise DocgenError(f"{opts.profile}: hồ sơ cơ quan chưa có người ký (nguoi_ky) nào để ký công văn đôn đốc.")
    leaders = _leaders(items)
    body: list[dict | str] = [
        f"Thực hiện nhiệm vụ theo dõi, đôn đốc việc thực hiện các nhiệm vụ do {_titles_of(leaders)} giao, "
        f"{office_name} nhận thấy: đến ngày {short_date(as_of)}, {agency} còn {len(items)} nhiệm vụ đã quá thời hạn "
        "nhưng chưa báo cáo kết quả thực hiện, cụ thể như sau:"]
    for s in items:
        written = str(s.row.cells.get("written") or "").strip()
        late = f"quá hạn {s.days_late} ngày" if s.days_late else "đã quá hạn"
        text = s.row.text.rstrip(" .;:")
        # the original deadline once: in the task's words, else after the source document
        stated = "" if written and written in text else f"thời hạn: {written}, "
        body.append({"muc": _escape(f"{text} ({s.row.reference}; {stated}{late})."), "dam": False})
    body.append(f"{office_name} đề nghị {agency} khẩn trương thực hiện các nhiệm vụ nêu trên, báo cáo kết quả về "
                f"{office_name} **trước ngày {short_date(new)}** để tổng hợp, báo cáo {_titles_of(leaders)}.")
    titles = []
    for who in leaders:  # Nơi nhận names the leader by position: "Chủ tịch UBND tỉnh (b/c)"
        title = who.split(" - ", 1)[1] if " - " in who else who
        if title not in titles:
            titles.append(title)
    recipients = [f"{title} (b/c)" for title in titles] + ["Lãnh đạo Văn phòng"]
    date = f"{when.day}/{when.month}/{when.year}" if opts.number is not None else f"/{when.month}/{when.year}"
    return {
        "van_ban": ["cong-van"],
        "nguoi_ky": signer,
        "cong_van": {"so": opts.number, "ngay": date, "don_vi_soan": opts.unit, "v_v": V_V, "kinh_gui": [agency],
                     "noi_dung": body, "noi_nhan": recipients},
    }


def office_name(profile_path: Path) -> str:
    profile, _ = load_profile(profile_path)
    if profile.co_quan is None:
        return ""
    return profile.co_quan.ten_goi or profile.co_quan.ten.title()


def build_urging(agency: str, items: list[Standing], as_of: dt.date, opts: LetterOptions) -> tuple[Document, dt.date]:
    """The letter's document model, and the new deadline it sets."""
    profile, psource = load_profile(opts.profile)
    if profile.co_quan is None or not profile.dia_danh:
        raise DocgenError(f"{opts.profile}: công văn đôn đốc cần hồ sơ cơ quan có co_quan (tên, viết tắt, ten_goi) và "
                          "dia_danh của Văn phòng.")
    office_name = profile.co_quan.ten_goi or profile.co_quan.ten.title()
    data = letter_data(agency, items, as_of, opts, office_name, list(profile.nguoi_ky))
    source = merge(Source(f"công văn đôn đốc {agency}", data), profile, psource)
    spec = validate_source(source)
    new = opts.new_deadline or ((opts.date or as_of) + dt.timedelta(days=7))
    return build_letter(spec), new
