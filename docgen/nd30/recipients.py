"""The Nơi nhận list (Phụ lục I, Mục II.9.b; ô 12 from Mục III.4)."""

from __future__ import annotations

import re

LABEL = "Nơi nhận:"


def clean_item(text: str) -> str:
    """An item as the secretary typed it, without the list's own `- ` and `;`."""
    text = text.strip()
    if text.startswith(("- ", "-\t")):
        text = text[2:].lstrip()
    return text.rstrip(";.").rstrip()


def archive_line(archive: str, drafter: str | None = None, copies: int | None = None) -> str:
    """`- Lưu: VT, TH.`, with ô 12 `PL.(25)` after it when asked for."""
    archive = archive.strip().rstrip(".")
    if archive.lower().startswith("lưu") and not archive[3:].lstrip().startswith(":"):
        line = f"- {archive}."  # as the office writes it: "Lưu VT, NNMT (đ_5b)"
        return line if not drafter else f"{line} {drafter.strip().rstrip('.')}." + (f"({copies})." if copies is not None else "")
    if archive.lower().startswith("lưu"):
        archive = archive[3:].lstrip(" :")
    if not archive.upper().startswith(("VT", "VĂN THƯ")):  # "Lưu: Văn thư, TCCV (02)" is VT written out
        archive = f"VT, {archive}" if archive else "VT"
    line = f"- Lưu: {archive}."
    if drafter:
        count = f"({copies})." if copies is not None else ""
        line += f" {drafter.strip().rstrip('.').upper()}.{count}"
    return line


_NOTE_AFTER = re.compile(r"^(.*?);\s*(\([^()]*\))$")


def item_line(item: str) -> str:
    """`- X;`, or `- X; (b/cáo)` when the note was typed after the semicolon."""
    typed = _NOTE_AFTER.match(item.strip())
    if typed:
        return f"- {clean_item(typed[1])}; {typed[2]}"
    return f"- {clean_item(item)};"


def group_lines(names: list[str], note: str, style: str | None = None) -> list[str]:
    """Several lines sharing one note: on the last line (`- Z (biết);`), or a brace to their
    right with the note by its middle line (`- Y;` + tab + `} (biết)`)."""
    cleaned = [clean_item(n) for n in names]
    if style != "ngoac":
        return [f"- {c};" for c in cleaned[:-1]] + [f"- {cleaned[-1]} {note.strip()};"]
    middle = (len(cleaned) - 1) // 2
    return [f"- {c};\t}}" + (f" {note.strip()}" if i == middle else "") for i, c in enumerate(cleaned)]


def entry_lines(item: object) -> list[str]:
    """One Nơi nhận entry: a name as typed, a group with one note (`nhom`, `ghi_chu`), or a
    person (`ca_nhan`)."""
    if isinstance(item, str):
        return [item_line(item)]
    members = getattr(item, "nhom", None)
    if members is not None:
        return group_lines(list(members), item.ghi_chu, getattr(item, "cach_in", None))  # type: ignore[attr-defined]
    note = getattr(item, "ghi_chu", None)
    return [item_line(f"{item.ca_nhan} {note}" if note else item.ca_nhan)]  # type: ignore[attr-defined]


def entry_names(item: object) -> list[str]:
    """The names an entry sends a copy to (groups: each member; notes left out)."""
    if isinstance(item, str):
        typed = _NOTE_AFTER.match(item.strip())
        return [typed[1].strip() if typed else item]
    members = getattr(item, "nhom", None)
    return list(members) if members is not None else [item.ca_nhan]  # type: ignore[attr-defined]


def item_lines(items: list, archive: str, drafter: str | None = None, copies: int | None = None) -> list[str]:
    """Every line under `Nơi nhận:`: `- …;` for each item, the Lưu line last."""
    return [line for item in items for line in entry_lines(item)] + [archive_line(archive, drafter, copies)]
