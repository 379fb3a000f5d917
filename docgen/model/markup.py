"""The spec's small inline markup: **bold**, *italic*; `\\*` is a literal asterisk.

Everything else in the text is literal: `&`, `<`, `{{ }}` and `{% %}` reach the document
exactly as typed, because the text never passes through a template compiler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    note: int | None = None  # a footnote reference [^n]: the run has no text, only the mark


_TOKEN = re.compile(r"\\\*|\*\*|\*")
NOTE = re.compile(r"\[\^(\d+)\]")


def parse(text: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """Split marked-up text into runs; an unmatched marker is kept as a literal `*`; `[^1]` is a
    reference to the first footnote (chu_thich)."""
    if "[^" in text and NOTE.search(text):
        pieces = NOTE.split(text)
        runs: list[Run] = []
        for i, piece in enumerate(pieces):
            if i % 2:
                runs.append(Run("", bold, italic, int(piece)))
            else:
                runs.extend(parse(piece, bold, italic))
        return runs
    if "*" not in text:  # most text has no markup at all
        return [Run(text, bold, italic)] if text else []
    tokens = _TOKEN.split(text)
    markers = _TOKEN.findall(text)
    # A marker toggles only when a partner follows; count what is left of each kind.
    pending = {"**": markers.count("**"), "*": markers.count("*")}
    runs: list[Run] = []
    is_bold, is_italic = bold, italic
    buf = tokens[0]
    open_marks: list[str] = []
    for marker, chunk in zip(markers, tokens[1:]):
        if marker == "\\*":
            buf += "*" + chunk
            continue
        pending[marker] -= 1
        closing = marker in open_marks
        if not closing and pending[marker] == 0:
            buf += marker + chunk  # no partner ahead: literal
            continue
        if buf:
            runs.append(Run(buf, is_bold, is_italic))
        buf = chunk
        if closing:
            open_marks.remove(marker)
        else:
            open_marks.append(marker)
        if marker == "**":
            is_bold = not is_bold if not bold else True
        else:
            is_italic = not is_italic if not italic else True
    if buf:
        runs.append(Run(buf, is_bold, is_italic))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic) and out[-1].note is None is run.note:
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        else:
            out.append(run)
    return out


def plain(text: str) -> str:
    """The text without markup, as it reads on the page."""
    return "".join(r.text for r in parse(text))


def embolden(text: str, phrase: str) -> str:
    """Mark the first bare occurrence of phrase bold, unless it is bold already."""
    runs = parse(text)
    for run in runs:
        if phrase in run.text and run.bold:
            return text
    idx = text.find(phrase)
    if idx < 0:
        return text
    return f"{text[:idx]}**{phrase}**{text[idx + len(phrase):]}"
