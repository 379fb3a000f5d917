"""Who signs in what capacity, and the ô 7a lines that follow (Điều 13; Phụ lục I, Mục II.7)."""

from __future__ import annotations

from typing import Literal

Capacity = Literal["thu-truong", "tap-the", "ky-thay", "tap-the-ky-thay", "quyen", "tap-the-quyen", "thua-lenh",
                   "thua-lenh-ky-thay", "thua-uy-quyen"]

CAPACITIES: dict[str, str] = {
    "thu-truong": "người đứng đầu ký theo chức vụ của mình (chế độ thủ trưởng)",
    "tap-the": "người đứng đầu tập thể ký thay mặt tập thể: TM. <tập thể> / <chức vụ>",
    "ky-thay": "cấp phó ký thay cấp trưởng: KT. <cấp trưởng> / <chức vụ>",
    "tap-the-ky-thay": "cấp phó của tập thể: TM. <tập thể> / KT. <cấp trưởng> / <chức vụ>",
    "quyen": "cấp phó được giao quyền cấp trưởng: Q. <cấp trưởng>",
    "tap-the-quyen": "cấp phó được giao quyền người đứng đầu tập thể: TM. <tập thể> / Q. <cấp trưởng>",
    "thua-lenh": "thủ trưởng đơn vị ký thừa lệnh: TL. <cấp trưởng> / <chức vụ>",
    "thua-lenh-ky-thay": "cấp phó của đơn vị ký thay người được thừa lệnh: TL. <cấp trưởng> / KT. <trưởng đơn vị> / <chức vụ>",
    "thua-uy-quyen": "người được ủy quyền ký: TUQ. <cấp trưởng> / <chức vụ>",
}


def authority_lines(capacity: str, position: str, collective: str | None, head: str | None,
                    unit_head: str | None = None) -> tuple[list[str], str | None]:
    """(quyền hạn lines, the signer's own chức vụ line or None) for one signing case of §5.
    unit_head: for thua-lenh-ky-thay, the title of the unit's head whom the deputy signs for
    (TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG, Điều 13.4)."""
    up = lambda s: s.strip().upper()  # noqa: E731
    if capacity == "thu-truong":
        return [], position
    if capacity == "tap-the":
        return [f"TM. {up(collective)}"], position
    if capacity == "ky-thay":
        return [f"KT. {up(head)}"], position
    if capacity == "tap-the-ky-thay":
        return [f"TM. {up(collective)}", f"KT. {up(head)}"], position
    if capacity == "quyen":
        return [f"Q. {up(head)}"], None
    if capacity == "tap-the-quyen":
        return [f"TM. {up(collective)}", f"Q. {up(head)}"], None
    if capacity == "thua-lenh-ky-thay":
        return [f"TL. {up(head)}", f"KT. {up(unit_head)}"], position
    if capacity == "thua-lenh":
        return [f"TL. {up(head)}"], position
    if capacity == "thua-uy-quyen":
        return [f"TUQ. {up(head)}"], position
    raise ValueError(capacity)


def needs(capacity: str) -> tuple[bool, bool]:
    """Whether the capacity needs (the collective's name, the head's title)."""
    return capacity in ("tap-the", "tap-the-ky-thay", "tap-the-quyen"), capacity not in ("thu-truong", "tap-the")
