"""Signing block lines (Điều 13; Phụ lục I, Mục II.7)."""

from __future__ import annotations

from .codes import AUTHORITY_PREFIXES


def authority_prefix(line: str) -> str | None:
    """The TM./KT./Q./TL./TUQ. prefix a title line starts with, if any."""
    head = line.split(" ", 1)[0].upper()
    return head if head in AUTHORITY_PREFIXES else None


def title_lines(authority: list[str], position: str | None) -> list[str]:
    """ô 7a: the quyền hạn lines, then the signer's own chức vụ, all upper case."""
    lines = [line.strip().upper() for line in authority]
    if position:
        lines.append(position.strip().upper())
    return lines
