"""Text widths in Times New Roman metrics, for the rules the decree sizes by the text.

Liberation Serif (Debian fonts-liberation2) has the same advance widths as Times New
Roman by design; without it docgen falls back to an average width per character.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
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


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """Advance width of text set on one line, in points."""
    text = unicodedata.normalize("NFC", text)
    table = _advances(bold)
    if table is None:
        em = sum(_FALLBACK_EM[bold] * (_UPPER_FACTOR if ch.isupper() else 1) for ch in text)
        return em * size_pt
    widths, upm = table
    default = widths.get(ord("n"), upm // 2)
    return sum(widths.get(ord(ch), default) for ch in text) * size_pt / upm
