"""Numbering of the body's levels (Phụ lục I, Mục II.6.đ; issue #12).

Each level has a style: I (I., II.), 1 (1., 2.), 1.1 (decimal under its parent: 2.1., 2.1.1.),
(1) ((1), (2), as the Văn phòng Chính phủ numbers the points of an item), a (a), b), in the
Vietnamese alphabet), (i) ((i), (ii), the points under a letter), - or + (a mark, no counter).
The author or the office chooses them (`danh_so: [I, "1", "1.1", a]`); a block may print its own
label (`so: "2.6."`), which overrides the counter and is reported when it breaks the sequence.
"""

from __future__ import annotations

import re

# Điểm letters follow the Vietnamese alphabet (Phụ lục I, Mục II.6.đ).
VI_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX"]
DEFAULT = ["I", "1", "a"]
_NEXT = {"I": "1", "1": "a", "1.1": "a", "(1)": "a", "(i)": "-", "a": "a", "-": "+", "+": "+"}


def styles_from(top: str | list[str]) -> list[str]:
    """The spec's danh_so: one style (the outer level; deeper levels follow I → 1 → a) or a list."""
    if isinstance(top, str):
        return DEFAULT[DEFAULT.index(top):] if top in DEFAULT else [top]
    return list(top) or ["I"]


def style_at(styles: list[str], depth: int) -> str:
    if depth < len(styles):
        return styles[depth]
    style = styles[-1]
    for _ in range(depth - len(styles) + 1):
        style = _NEXT[style]
    return style


def label(style: str, n: int, parent: str | None = None) -> str:
    """The n-th (0-based) label of a level; parent is the label of the numbered block above."""
    if style == "I":
        return f"{ROMAN[n]}." if n < len(ROMAN) else f"{n + 1}."
    if style == "1":
        return f"{n + 1}."
    if style == "1.1":
        stem = parent if parent and re.fullmatch(r"\d+(\.\d+)*\.", parent) else ""
        return f"{stem}{n + 1}." if stem else f"{n + 1}."
    if style == "(1)":
        return f"({n + 1})"
    if style == "(i)":
        return f"({ROMAN[n].lower()})" if n < len(ROMAN) else f"({n + 1})"
    if style in ("-", "+"):
        return style
    return f"{VI_LETTERS[n % len(VI_LETTERS)]})"


def position(style: str, text: str) -> int | None:
    """The 0-based counter an explicit label stands for, when it reads as the style; else None."""
    text = text.strip()
    if style == "I":
        roman = text.rstrip(".")
        return ROMAN.index(roman) if roman in ROMAN else None
    if style in ("1", "1.1"):
        m = re.fullmatch(r"(?:\d+\.)*(\d+)\.?", text)
        return int(m[1]) - 1 if m else None
    if style == "(1)":
        m = re.fullmatch(r"\((\d+)\)", text)
        return int(m[1]) - 1 if m else None
    if style == "(i)":
        roman = text.strip("()").upper()
        return ROMAN.index(roman) if text.startswith("(") and roman in ROMAN else None
    if style == "a":
        letter = text.rstrip(")")
        return VI_LETTERS.index(letter) if letter in VI_LETTERS else None
    return None
