"""Notes printed after the closing "./." of a document (issue #12)."""

from __future__ import annotations


def split_tail(body: list) -> tuple[list, list]:
    """Notes printed after the closing "./.", such as "(Đính kèm …)" or "(gửi kèm theo Phiếu …)":
    not part of the body the decree's rules judge. Returns (body, notes)."""
    end = len(body)
    while end > 1:
        text = body[end - 1].text.strip()
        if not (text.startswith("(") and text.endswith(")")):
            break
        end -= 1
    if end < len(body) and body[end - 1].text.rstrip().endswith("./."):
        return body[:end], body[end:]
    return body, []
