"""Which parts of a template hold tags, and each one made ready for Jinja, once.

Every part that can hold tags (document, headers, footers, footnotes, endnotes, core
properties) is read the way docxtpl reads it: parsed and written back by lxml, so that the
entities Word writes inside tags (`&quot;`, `&apos;`, `&#8217;`) become the characters they
stand for; then docxtpl's own preprocessing joins tags Word split across runs and turns
`{%p %}`, `{%tr %}`, `{{r }}`, `{% vm %}`, `{% hm %}` and comments into plain Jinja. A part
keeps its tags only if tags are left after that; one without is copied as it is.

What a rendered part needs afterwards is decided here too, from the template: table grids
rebuilt (only for parts with column loops, merges or a grid that already disagrees with its
cells), drawing ids renumbered (only for parts with drawings a loop could repeat).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

TEMPLATED = re.compile(r"^(word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml|docProps/core\.xml)$")
_ANY_TAG = re.compile(r"\{[{%#]")
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
# Tags that change how many cells a row has.
_TABLE_TOKENS = re.compile(r"<w:(tbl|tr|tc)[ >]|</w:(tbl|tr|tc)>|\{%|\{#|w:gridSpan w:val=\"\{\{")
_DRAWING = re.compile(r"<wp:docPr\b")
_LOOP = re.compile(r"\{%-?\s*for\b")
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

PART_LABELS = {"document": "thân văn bản", "header": "đầu trang", "footer": "chân trang",
               "footnotes": "chú thích cuối trang", "endnotes": "chú thích cuối văn bản", "core": "thuộc tính tệp"}


def part_label(name: str) -> str:
    """The part as an office user knows it: “đầu trang (word/header1.xml)”."""
    stem = name.rsplit("/", 1)[-1].split(".")[0].rstrip("0123456789")
    return f"{PART_LABELS.get(stem, stem)} ({name})"


@dataclass
class Prepared:
    """One part with tags, as Jinja source, and what its rendered XML needs."""

    name: str
    source: str  # docxtpl-preprocessed XML, one line per paragraph (the `\n<w:p` trick)
    fix_grid: bool
    fix_drawings: bool


def nfc(raw: bytes) -> bytes:
    """A text part with its text in Unicode NFC, as docgen takes every spec: an office's template
    typed with decomposed diacritics would otherwise print them so (and fail ND30-UNICODE)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return raw
    return unicodedata.normalize("NFC", text).encode("utf-8")


def serialize(raw: bytes) -> str:
    """The part as lxml writes it back: entities resolved, no declaration, no blank text."""
    return etree.tostring(etree.fromstring(raw, _PARSER), encoding="unicode")


_IN_TAG = re.compile(r"(?<=\{[{%])(.*?)(?=[}%]\})")


def _unescape_in_tags(xml: str) -> str:
    """`&amp;` inside a tag is the `&` the user typed (docxtpl already did `&lt;`, `&gt;`)."""
    return _IN_TAG.sub(lambda m: m.group(0).replace("&amp;", "&"), xml) if "&amp;" in xml else xml


def prepare(name: str, raw: bytes, patch) -> Prepared | None:
    """The part as Jinja source, or None when it holds no tag (it is then copied unchanged)."""
    if not TEMPLATED.match(name) or b"{" not in raw:
        return None
    xml = _unescape_in_tags(patch(serialize(raw)))
    if not _ANY_TAG.search(xml):
        return None
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
    fix_grid = name == "word/document.xml" and ("<w:tbl>" in xml or "<w:tbl " in xml) and (
        _row_level_tags(xml) or grid_disagrees(raw))
    fix_drawings = bool(_DRAWING.search(xml) and _LOOP.search(xml))
    return Prepared(name, source, fix_grid, fix_drawings)


def _row_level_tags(xml: str) -> bool:
    """A tag between a table's rows or cells (not inside a cell): it can change how many cells
    a row has (`{%tc for %}`, `{% hm %}`, `{#tc #}`, a `{%tr if %}` that drops the widest row)."""
    stack: list[str] = []
    for m in _TABLE_TOKENS.finditer(xml):
        token = m.group(0)
        if m.group(1):
            stack.append(m.group(1))
        elif m.group(2):
            if stack:
                stack.pop()
        elif token.startswith("w:gridSpan") or (stack and stack[-1] in ("tbl", "tr")):
            return True
    return False


def grid_disagrees(raw: bytes) -> bool:
    """A table of the template whose grid already has fewer or more columns than its widest row."""
    root = etree.fromstring(raw, _PARSER)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for tbl in root.iter(f"{w}tbl"):
        grid = tbl.find(f"{w}tblGrid")
        if grid is None:
            continue
        widest = max((_row_width(tr, w) for tr in tbl.iter(f"{w}tr")), default=0)
        if widest != len(grid.findall(f"{w}gridCol")):
            return True
    return False


def _row_width(tr, w: str) -> int:
    total = 0
    for tc in tr.findall(f"{w}tc"):
        span = tc.find(f"{w}tcPr/{w}gridSpan")
        total += int(span.get(f"{w}val")) if span is not None and (span.get(f"{w}val") or "").isdigit() else 1
    return total


# ---------------------------------------------------------------- where an error is


_MARK = re.compile(r"\{#¶(\d+)#\}")


def marked_source(raw: bytes, patch) -> str:
    """The part as `prepare` makes it, each row, cell and paragraph preceded by a comment
    that carries the number of the paragraph it starts at, on a line of its own."""
    xml = serialize(raw)
    count = 0
    out: list[str] = []
    last = 0
    for m in re.finditer(r"<w:(tr|tc|p)[ >]", xml):
        out.append(xml[last:m.start()])
        if m.group(1) == "p":
            count += 1
            number = count
        else:
            number = count + 1
        out.append(f"{{#¶{number}#}}")
        last = m.start()
    out.append(xml[last:])
    patched = patch("".join(out))
    return re.sub(r"\{#¶", "\n{#¶", patched)


def paragraph_at(marked: str, lineno: int | None) -> int:
    """The paragraph a Jinja line number falls in, from the marks of `marked_source`."""
    lines = marked.split("\n")
    if not lineno:
        return 0
    for line in reversed(lines[:max(1, min(lineno, len(lines)))]):
        found = _MARK.findall(line)
        if found:
            return int(found[0])
    return 0


def paragraph_texts(raw: bytes) -> list[str]:
    """Each paragraph's text, in document order (tables' paragraphs included)."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(raw)
    if root.tag != f"{w}document" and not any(True for _ in root.iter(f"{w}p")):
        return ["".join(el.text or "" for el in root.iter() if len(el) == 0)]
    return ["".join(t.text or "" for t in p.iter(f"{w}t")) for p in root.iter(f"{w}p")]


# ---------------------------------------------------------------- after Jinja

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RECOVER = etree.XMLParser(recover=True)


def fix_grid(xml: str) -> str:
    """Each table's grid made to match its rows after loops over cells, as docxtpl does: columns
    added (the table keeps its width) when a row has more cells, removed (their width shared
    by the others) when the widest row has fewer."""
    root = etree.fromstring(xml.encode("utf-8"), _RECOVER)
    for tbl in root.iter(f"{_W}tbl"):
        grid = tbl.find(f"{_W}tblGrid")
        if grid is None:
            continue
        rows = list(tbl.iter(f"{_W}tr"))
        cols = grid.findall(f"{_W}gridCol")
        add = max((len(tr.findall(f"{_W}tc")) for tr in rows), default=0) - len(cols)
        if add > 0 and cols:
            width = sum(float(c.get(f"{_W}w")) for c in cols if c.get(f"{_W}w") is not None)
            average = width / (len(cols) + add) if width > 0 else 0
            if width > 0:
                for c in cols:
                    c.set(f"{_W}w", str(int(float(c.get(f"{_W}w") or 0) * average / (width / len(cols)))))
            for _ in range(add):
                etree.SubElement(grid, f"{_W}gridCol", {f"{_W}w": str(int(average))})
            cols = grid.findall(f"{_W}gridCol")
        extra = len(cols) - max((_row_width(tr, _W) for tr in rows), default=len(cols))
        if extra > 0:
            removed = sum(float(c.get(f"{_W}w") or 0) for c in cols[-extra:])
            for c in cols[-extra:]:
                grid.remove(c)
            left = cols[:-extra]
            share = int(removed / len(left)) if left else 0
            for c in left:
                c.set(f"{_W}w", str(int(float(c.get(f"{_W}w") or 0) + share)))
    return etree.tostring(root, encoding="unicode")


_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\sid=")\d+"')
DOCPR_IDS = re.compile(rb'<wp:docPr\b[^>]*?\sid="(\d+)"')
STORY = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def renumber_drawings(xml: str, start: int) -> tuple[str, int]:
    """Every drawing of the part gets a fresh id from `start`; the next free id is returned."""
    counter = [start]

    def fresh(m: re.Match) -> str:
        counter[0] += 1
        return f'{m.group(1)}{counter[0] - 1}"'

    return _DOCPR_ID.sub(fresh, xml), counter[0]
