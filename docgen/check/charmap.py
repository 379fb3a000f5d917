"""Where each character of a paragraph's text comes from, kept per text node, not per character.

A paragraph's text is the label, then its runs' w:t texts, tabs and breaks; --fix needs, for any
span of that text, the element and offset of each character. One entry per piece keeps memory
with the number of runs (the per-character list it replaces took ~25 bytes of memory per byte of
document.xml).
"""

from __future__ import annotations

from bisect import bisect_right

from lxml import etree


class CharMap:
    """Positions → (element or None, offset in its text, or -1 for a one-character element)."""

    __slots__ = ("_starts", "_pieces", "_length")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._pieces: list[tuple[etree._Element | None, int]] = []
        self._length = 0

    def add(self, el: etree._Element | None, base: int, length: int) -> None:
        """length characters from el: offsets base, base+1, … (base -1: one element, one character)."""
        if length <= 0:
            return
        self._starts.append(self._length)
        self._pieces.append((el, base))
        self._length += length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: slice) -> list[tuple[etree._Element | None, int]]:
        start, stop, step = index.indices(self._length)
        out = []
        for pos in range(start, stop, step):
            i = bisect_right(self._starts, pos) - 1
            el, base = self._pieces[i]
            out.append((el, -1 if base < 0 else base + pos - self._starts[i]))
        return out
