"""Small text helpers: matching Vietnamese without diacritics, and numbers written the Vietnamese way."""

from __future__ import annotations

import re
import unicodedata

from ..nd30.layout import Range

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, single spaces: for recognising, never for judging."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.lower()).strip()


def squash(text: str) -> str:
    """NFC, runs of white space (tabs and line breaks too) as one space, trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def num(value: float) -> str:
    """1.27 -> "1,27", 13.0 -> "13": the decimal comma of Vietnamese."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def span(rng: Range, unit: str = "") -> str:
    """A range as the decree writes it: "12–13", or "13" when it is one value."""
    text = num(rng.low) if rng.low == rng.high else f"{num(rng.low)}–{num(rng.high)}"
    return f"{text} {unit}".rstrip()


def excerpt(text: str, words: int = 6) -> str:
    """The first words of a text, to say where a finding is."""
    # An invisible character is shown by its code: a right-to-left override would otherwise turn the report around.
    text = "".join(f"⟨U+{ord(ch):04X}⟩" if unicodedata.category(ch) == "Cf" else ch for ch in text)
    parts = squash(text).split(" ")
    head = " ".join(parts[:words])
    return head + ("…" if len(parts) > words else "")


def is_upper(text: str) -> bool:
    """Every cased letter is a capital (and there is at least one letter)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(not ch.islower() for ch in letters)
