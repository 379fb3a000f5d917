"""Task wording (issue #12): the lead-in verb, "chủ trì, (tiếp tục) phối hợp với", the kinds of
deadline and how each is worded, and which part of a deadline is set in bold.

A task's deadlines are located in its text when the author wrote them there (set in bold as
the office chooses, never repeated); otherwise one sentence is added after it, worded for the
kind of deadline: "Hoàn thành trước ngày …", "Hoàn thành trong tháng 11/2025", "Thời gian thực
hiện: thường xuyên", "Thực hiện định kỳ hằng tháng".
"""

from __future__ import annotations

import re

from ..spec.deadlines import written_deadline
from ..spec.forms import LEAD_VERBS, CachViet
from . import markup

_SHORT_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")


def join_agencies(names: list[str] | tuple[str, ...]) -> str:
    """"A, B và C"; but "Bộ Dân tộc và Tôn giáo, Bộ Tài chính" when a name has its own "và" (a
    second "và" would read as splitting that name), unless the last is a group, "… và các Ủy ban
    của Quốc hội": so the Văn phòng Chính phủ writes."""
    if len(names) <= 1:
        return "".join(names)
    if any(" và " in name for name in names) and not names[-1].startswith("các "):
        return ", ".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def setting(block, office: CachViet | None, key: str, default):
    """A task's own choice, else the office's (cach_viet_nhiem_vu), else the default."""
    own = getattr(block, key, None)
    if own is not None:
        return own
    theirs = getattr(office, key, None) if office is not None else None
    return theirs if theirs is not None else default


def sentence(block, office: CachViet | None = None, heading: str | None = None) -> str:
    """"[Giao|Yêu cầu|Đề nghị] X chủ trì, [tiếp tục] phối hợp với Y <việc>." With a lead-in verb
    and no co-operating agency, "chủ trì" is left to the author's text ("Giao UBND các xã rà soát …");
    `ten` writes the agency alone: "X <việc>", "X phối hợp với Y <việc>". Under the heading that
    names X ("1. Sở Tài chính:"), X is not written again: "Chủ trì, phối hợp với Y <việc>", or the
    task alone, "Thẩm định …"."""
    lead = setting(block, office, "giao", "khong")
    verb = LEAD_VERBS[lead]
    owners = join_agencies(block.chu_tri)
    again = "tiếp tục " if block.tiep_tuc else ""
    others = f"{again}phối hợp với {join_agencies(block.phoi_hop)}" if block.phoi_hop else ""
    if heading is not None and not verb and heading.strip().rstrip(":").strip().casefold() == owners.casefold():
        text = ("chủ trì, " if lead == "khong" else "") + others if others else ""
    elif lead == "ten":  # "X …", "X (tiếp tục) phối hợp với Y …": the name alone, no "chủ trì"
        text = f"{owners} {others}" if others else owners
    elif others:
        text = f"{owners} chủ trì, {others}"
    elif verb:
        text = owners
    else:
        text = f"{owners} chủ trì"
    if verb:
        text = f"{verb} {text}"
    text = f"{text} {block.nhiem_vu.strip()}".lstrip()
    return text[:1].upper() + text[1:] + ("" if text[-1:] in ".;:!?…" else ".")


def clause(deadline: str) -> str:
    """The sentence added after a task whose text does not state its deadline."""
    low = deadline.lower()
    if low.startswith(("thường xuyên", "định kỳ", "hằng ", "hàng ")):
        head = "Thời gian thực hiện: " if low.startswith("thường xuyên") else "Thực hiện "
        return f"{head}{deadline}"
    if low.startswith(("quý", "năm ", "tháng ", "6 tháng")):
        return f"Hoàn thành trong {deadline}"
    return f"Hoàn thành {deadline}"


def _bold_part(phrase: str, mode: str) -> str | None:
    if mode == "khong":
        return None
    if mode == "ngay":
        found = _SHORT_DATE.search(phrase)
        return found[0] if found else phrase
    return phrase


def with_deadlines(text: str, deadlines: list[str] | None, mode: str = "cum") -> str:
    """The text with each deadline set in bold where written, or one added sentence for those
    the text does not state (several joined with "; ")."""
    if not deadlines:
        return text
    missing: list[str] = []
    for deadline in deadlines:
        written = written_deadline(markup.plain(text), deadline)
        if written is None:
            missing.append(deadline)
        elif (part := _bold_part(written, mode)) is not None:
            text = markup.embolden(text, part)
    if not missing:
        return text
    sentence = text.rstrip()
    if sentence and sentence[-1] not in ".;:!?…":
        sentence += "."
    added = []
    for i, deadline in enumerate(missing):
        worded = clause(deadline) if i == 0 else deadline
        part = _bold_part(deadline, mode)
        if part is not None:
            worded = worded.replace(part, f"**{part}**", 1)
        added.append(worded)
    return f"{sentence} {'; '.join(added)}."
