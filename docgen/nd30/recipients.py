"""The Nơi nhận list (Phụ lục I, Mục II.9.b; ô 12 from Mục III.4)."""

from __future__ import annotations

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
    if archive.lower().startswith("lưu"):
        archive = archive[3:].lstrip(" :")
    if not archive.upper().startswith("VT"):
        archive = f"VT, {archive}" if archive else "VT"
    line = f"- Lưu: {archive}."
    if drafter:
        count = f"({copies})." if copies is not None else ""
        line += f" {drafter.strip().rstrip('.').upper()}.{count}"
    return line


def item_lines(items: list[str], archive: str, drafter: str | None = None, copies: int | None = None) -> list[str]:
    """Every line under `Nơi nhận:`: `- …;` for each item, the Lưu line last."""
    return [f"- {clean_item(item)};" for item in items] + [archive_line(archive, drafter, copies)]
