"""The signature zone of a document: "Nơi nhận" and its items, the signer's titles and name,
whether laid out as docgen's two-column table or as plain paragraphs (see components.py)."""

from __future__ import annotations

from ..nd30.codes import AUTHORITY_PREFIXES
from .components import _DASHES, _DRAFTER, _PLACEHOLDER, AUTHORITY_LIKE, Components, Segment, segments
from .docmodel import Para
from .text import fold, is_upper


def signature_zone(c: Components, paras: list[Para], cursor: int) -> int:
    """Nơi nhận and the signer; returns the index of the first paragraph of the signature zone."""
    after = [p for p in paras if p.index > cursor]
    label = None
    for p in reversed(after):
        for seg in segments(p):
            if fold(seg.text).startswith("noi nhan"):
                label = seg
                break
        if label is not None:
            break
    end = len(paras) + 1
    if label is not None and label.para.in_table:
        return _signature_table(c, after, label)
    if label is None:
        tables = [p.place.table for p in after if p.in_table and p.place.table not in c.header_tables]
        table = tables[-1] if tables else None
        if table is not None and any(_signer_like(s) for p in after if p.place.table == table for s in segments(p)):
            return _signature_table(c, after, None, table)
    # Plain paragraphs: the content ends with "./." or where the label or the signer begins.
    mark = None
    limit = label.para.index if label is not None else end
    for p in after:
        if p.index >= limit:
            break
        if not p.in_table and p.text.rstrip().endswith("/."):
            mark = p
    if mark is not None:
        start = mark.index + 1
    elif label is not None:
        start = label.para.index
        for p in reversed([q for q in after if q.index < start]):
            first = (segments(p) or [None])[0]
            if first is None:
                continue
            if _signer_like(first) or is_upper(first.shown) and p.fmt.align != "both":
                start = p.index
            else:
                break
    else:
        start = next((p.index for p in after if any(AUTHORITY_LIKE.match(fold(s.text)) for s in segments(p))), end)
    zone = [p for p in after if p.index >= start]
    titles: list[Segment] = []
    in_list = False
    for p in zone:
        for seg in segments(p):
            kind = _zone_kind(seg, in_list)
            if kind == "label":
                c.noi_nhan_label = seg
                in_list = True
            elif kind == "item":
                c.noi_nhan_items.append(seg)
            elif kind == "signer":
                titles.append(seg)
    _split_signer(c, _right_column(titles))
    return start


def _right_column(lines: list[Segment]) -> list[Segment]:
    """The signer's lines when signatures stand side by side in a table (a biên bản: THƯ KÝ on
    the left, CHỦ TỌA on the right): the signer is the right-hand one (ô 7, lower right); the
    others are co-signers, judged by the rules of their document type."""
    tables = {s.para.place.table for s in lines if s.para.in_table}
    if len(tables) != 1 or any(not s.para.in_table for s in lines):
        return lines
    right = max(s.para.place.col for s in lines)
    return [s for s in lines if s.para.place.col == right]


def _signature_table(c: Components, after: list[Para], label, table: int | None = None) -> int:
    table = label.para.place.table if label is not None else table
    members = [p for p in after if p.place.table == table]
    c.signature_table = table
    label_cell = label.para.place.cell if label is not None else None
    titles: list[Segment] = []
    for p in members:
        if label is not None and p.place.cell is label_cell:
            for seg in segments(p, "\n"):
                if seg == label or seg.para.index < label.para.index:
                    continue
                if not _DRAFTER.match(seg.text.strip()):
                    c.noi_nhan_items.append(seg)
        else:
            titles += [s for s in segments(p) if not _PLACEHOLDER.match(s.text.strip())]
    c.noi_nhan_label = label
    _split_signer(c, titles)
    return members[0].index


def _zone_kind(seg: Segment, in_list: bool) -> str:
    text = seg.text.strip()
    if fold(text).startswith("noi nhan"):
        return "label"
    if (seg.para.label.strip() and seg.start == len(seg.para.label)) or text.startswith(_DASHES):
        return "item" if in_list or not _signer_like(seg) else "signer"
    if _PLACEHOLDER.match(text) or _DRAFTER.match(text):
        return "skip"
    return "signer"


def _signer_like(seg: Segment) -> bool:
    return bool(AUTHORITY_LIKE.match(fold(seg.text))) or seg.text.split(" ", 1)[0].upper() in AUTHORITY_PREFIXES


def _split_signer(c: Components, lines: list[Segment]) -> None:
    lines = [s for s in lines if not _PLACEHOLDER.match(s.text.strip())]
    if not lines:
        return
    if len(lines) == 1:
        if is_upper(lines[0].shown):
            c.signer_titles = lines
        else:
            c.signer_name = lines[0]
        return
    last, above = lines[-1], lines[-2]
    if is_upper(last.shown) and not _room_to_sign(above, last):
        c.signer_titles = lines  # a draft's blank name: the last line is a title, not the name
        return
    c.signer_titles, c.signer_name = lines[:-1], last


# Below this (in twips) a line set under the titles leaves no room to sign: it is a title too.
_SIGNING_ROOM_TW = 20 * 20


def _room_to_sign(above: Segment, line: Segment) -> bool:
    """Whether line is set apart from the line above as a name is: in another paragraph, with
    empty paragraphs or space for a signature between them."""
    if line.para is above.para:  # lines broken inside one paragraph: blank lines are the room
        return line.para.text.count("\n", above.end, line.start) > 1
    return line.para.index - above.para.index > 1 or line.para.fmt.before + above.para.fmt.after >= _SIGNING_ROOM_TW
