"""Text widths in Times New Roman metrics, for the rules the decree sizes by the text.

Liberation Serif (Debian fonts-liberation2) has the same advance widths as Times New
Roman by design; without it docgen falls back to an average width per character.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import repeat
from pathlib import Path

_FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation")]
_FILES = {False: "LiberationSerif-Regular.ttf", True: "LiberationSerif-Bold.ttf"}
_FALLBACK_EM = {False: 0.50, True: 0.55}  # average advance of mixed Vietnamese text
_UPPER_FACTOR = 1.3


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, int], int] | None:
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        return None
    for folder in _FONT_DIRS:
        path = folder / _FILES[bold]
        if path.exists():
            font = TTFont(str(path), lazy=True)
            hmtx = font["hmtx"].metrics
            cmap = font.getBestCmap()
            return {cp: hmtx[name][0] for cp, name in cmap.items()}, font["head"].unitsPerEm
    return None


def _units(text: str, bold: bool) -> tuple[float, int]:
    """Advance of text in font units, and the font's units per em."""
    table = _advances(bold)
    if table is None:
        return sum(_FALLBACK_EM[bold] * (_UPPER_FACTOR if ch.isupper() else 1) for ch in text), 1
    widths, upm = table
    return sum(map(widths.get, map(ord, text), repeat(widths.get(ord("n"), upm // 2)))), upm


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """Advance width of text set on one line, in points."""
    units, upm = _units(unicodedata.normalize("NFC", text), bold)
    return units * size_pt / upm


def fill_lines(words: list[str], width_pt: float, size_pt: float, bold: bool = False) -> list[list[str]]:
    """Words set greedily into lines no wider than width_pt (a word wider than a line has one
    of its own). Each word is measured once: widths add up, Times New Roman has no kerning
    that Word applies by default."""
    space, upm = _units(" ", bold)
    limit = width_pt * upm / size_pt
    lines: list[list[str]] = []
    used = 0.0
    for word in words:
        units = _units(unicodedata.normalize("NFC", word), bold)[0]
        if lines and used + space + units <= limit:
            lines[-1].append(word)
            used += space + units
        else:
            lines.append([word])
            used = units
    return lines
