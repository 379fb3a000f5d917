"""Biên bản of a meeting (Phụ lục III, Mẫu 1.9), from the same spec as its notice.

The body follows the mẫu's order: time it began, place, who attended (and who was absent),
the chair, the secretary, the proceedings (reports, then the discussion), the chair's
conclusions, and the time it ended, closed by `./.`. The conclusions are the notice's own
content (`noi_dung`), numbered as the notice numbers it: nothing is typed twice. Two
signatures close it, THƯ KÝ left and CHỦ TỌA right; Nơi nhận comes under them.
"""

from __future__ import annotations

from ..nd30 import codes, dates, recipients
from ..spec.schema import Spec
from . import markup
from .build import _issuer, _Walker, close_mark, spacing
from .document import Document, Paragraph, Signer

TEN_LOAI = "BIÊN BẢN"
SECRETARY = "THƯ KÝ"
CHAIR = "CHỦ TỌA"


def _p(text: str, heading: bool = False) -> Paragraph:
    return Paragraph(tuple(markup.parse(text)), heading=heading)


def _dashes(items: list[str]) -> list[str]:
    """One "- …;" line an item, capitalised: the meeting's thanh_phan, written for the opening
    sentence ("đại diện lãnh đạo Sở Y tế"), opens a line of its own here."""
    cleaned = [(c := recipients.clean_item(i))[:1].upper() + c[1:] for i in items]
    return [f"- {c};" for c in cleaned[:-1]] + [f"- {cleaned[-1]}."] if cleaned else []


def build_minutes(spec: Spec) -> Document:
    bb, m = spec.bien_ban, spec.cuoc_hop
    assert bb is not None and m is not None
    chair = m.ket_luan or m.chu_tri[0]
    lines: list[Paragraph] = [
        _p(f"Thời gian bắt đầu: {bb.bat_dau}, {dates.weekday(m.ngay)}, {dates.long_date(m.ngay)}."),
    ]
    place = bb.dia_diem or m.dia_diem
    if place:
        lines.append(_p(f"Địa điểm: {place.rstrip('.')}."))
    present = list(bb.co_mat or m.thanh_phan)
    if present:
        lines.append(_p("Thành phần tham dự:"))
        lines += [_p(t) for t in _dashes(present)]
    if bb.vang_mat:
        lines.append(_p("Vắng mặt:"))
        lines += [_p(t) for t in _dashes(list(bb.vang_mat))]
    chairs = "; ".join(f"đồng chí {c.ho_ten} - {c.chuc_vu}" for c in m.chu_tri)
    lines.append(_p(f"Chủ trì (chủ tọa): {chairs}."))
    secretary = " - ".join(x for x in (bb.thu_ky.ho_ten, bb.thu_ky.chuc_vu) if x)
    lines.append(_p(f"Thư ký (người ghi biên bản): {secretary}."))
    lines.append(_p("Nội dung (theo diễn biến cuộc họp):"))
    n = 0
    if bb.bao_cao:
        n += 1
        lines.append(_p(f"**{n}. Các báo cáo tại cuộc họp**", heading=True))
        lines += [_p(f"- {r.nguoi}: {r.noi_dung.rstrip('.')}.") for r in bb.bao_cao]
    if bb.y_kien:
        n += 1
        lines.append(_p(f"**{n}. Ý kiến thảo luận**", heading=True))
        lines += [_p(f"- {r.nguoi}: {r.noi_dung.rstrip('.')}.") for r in bb.y_kien]
    n += 1
    lines.append(_p(f"**{n}. Kết luận của chủ tọa**", heading=True))
    lines.append(_p(f"Đồng chí {chair.ho_ten} - {chair.chuc_vu} kết luận:"))
    walker = _Walker(spec.danh_so, spec.cach_viet_nhiem_vu)
    walker.walk(spec.noi_dung, (), 0, 0)
    lines += walker.paragraphs
    last = m.den_ngay or m.ngay  # a meeting of several days ends, and its minutes are signed, on the last
    lines.append(_p(close_mark(f"Cuộc họp kết thúc vào {bb.ket_thuc}, {dates.long_date(last)}")))
    code = f"{codes.TYPE_CODES[TEN_LOAI]}-{spec.co_quan.viet_tat}"
    return Document(
        **spacing(spec),
        doc_type="bien-ban", ten_loai=TEN_LOAI, type_code=codes.TYPE_CODES[TEN_LOAI],
        **_issuer(spec, bb.so, code, dates.IssueDate.of(last)),
        trich_yeu=m.ten[:1].upper() + m.ten[1:],
        body=tuple(lines),
        signer=Signer((CHAIR,), chair.ho_ten),
        cosigner=Signer((SECRETARY,), bb.thu_ky.ho_ten),
        recipients=tuple(recipients.item_lines(list(bb.noi_nhan), bb.luu)),
        tasks=tuple(walker.tasks),
    )
