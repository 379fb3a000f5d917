"""The typed document model: what goes on the page, already worded and numbered.

Built from a spec by `build.py`, read by the renderer and the distribution tools; it
knows nothing of YAML or of .docx.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..nd30 import layout as L
from .markup import Run


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph (ô 6): its runs and where it sits in the numbering."""

    runs: tuple[Run, ...]
    path: tuple[int, ...] = ()  # index of each enclosing block, for per-agency extracts
    heading: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Task:
    """An assigned task: who leads, who helps, by when, and the paragraph that states it."""

    owners: tuple[str, ...]  # the lead agencies (chủ trì); usually one
    cooperating: tuple[str, ...]
    deadline: str | None
    text: str
    path: tuple[int, ...]
    deadlines: tuple[str, ...] = ()  # every deadline, when there are several (deadline joins them)
    more: tuple[tuple[int, ...], ...] = ()  # following paragraphs that belong to it (a deadline stated after it)
    work: str = ""  # the work alone (nhiem_vu), without the agencies and the added deadline, when worded by docgen

    @property
    def paths(self) -> tuple[tuple[int, ...], ...]:
        return (self.path, *self.more)

    @property
    def owner(self) -> str:
        return self.owners[0]

    @property
    def agencies(self) -> tuple[str, ...]:
        """Everyone the task concerns: leads, then co-operating agencies."""
        return self.owners + self.cooperating


@dataclass(frozen=True)
class Table:
    """A table: header cells, rows of cells, relative column widths, the title printed above it.

    In a body (`Document.body`, `Appendix.body`) it is an item among the paragraphs, at its
    place: `path` is its block's, as a paragraph's; it prints no text of its own (`text` is "",
    `runs` empty), so code that reads the paragraphs' text or labels passes over it."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    title: str = ""
    path: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        return ""

    @property
    def runs(self) -> tuple:
        return ()

    @property
    def heading(self) -> bool:
        return False


BodyItem = Paragraph | Table  # what a body holds, in order


@dataclass(frozen=True)
class Appendix:
    """One phụ lục (Điều 8.3), on pages of its own after the signature: its number line, title,
    reference line "(Kèm theo …)", then paragraphs and tables."""

    label: str  # "Phụ lục", or "Phụ lục I" when there are two or more
    title: str  # upper case
    reference: str
    body: tuple[BodyItem, ...] = ()
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class Signer:
    titles: tuple[str, ...]  # ô 7a, upper case, authority lines first
    name: str  # ô 7b


@dataclass(frozen=True)
class Document:
    doc_type: str  # "thong-bao", "chi-thi", "giay-moi", "cong-van"
    ten_loai: str  # THÔNG BÁO; empty for a công văn, which has none
    type_code: str  # TB; empty for a công văn
    parent_lines: tuple[str, ...]
    agency_lines: tuple[str, ...]
    agency_code: str
    number: int | None
    number_line: str
    date_line: str
    trich_yeu: str
    body: tuple[BodyItem, ...]  # paragraphs, and the tables among them (bang)
    signer: Signer
    recipients: tuple[str, ...]  # every line under "Nơi nhận:", punctuation included
    tasks: tuple[Task, ...] = field(default=())
    v_v: str | None = None  # công văn: trích yếu "V/v …" under the Số line (ô 5b)
    kinh_gui: tuple[str, ...] = ()  # công văn: ô 9a lines, "Kính gửi: X" or "Kính gửi:" then "- X;"
    cosigner: Signer | None = None  # biên bản: the secretary, signing on the left (Mẫu 1.9)
    line_spacing: float = L.LINE_SPACING_RANGE.chosen  # body, in lines (Phụ lục I, Mục II.6.e)
    paragraph_spacing: float = L.PARAGRAPH_SPACING_RANGE.chosen  # before each body paragraph, pt
    footnotes: tuple[str, ...] = ()  # chú thích, referred to as [^1], [^2] … in the body
    marks: tuple[str, ...] = ()  # ô 10a (độ mật) then ô 10b (mức độ khẩn), under the Số line
    appendices: tuple[Appendix, ...] = ()  # phụ lục, after the Nơi nhận and the signature
    warnings: tuple[str, ...] = ()  # what the author may want to look at (a label that breaks the sequence)

    @property
    def ky_hieu(self) -> str:
        return self.number_line.split("/", 1)[1]
