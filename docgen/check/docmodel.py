"""What `docgen check` knows of a document once read (docgen/check/reader.py builds it): its
paragraphs in reading order with their runs and effective formatting, where each one lives, and
the sections with their page set-up, headers and footers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .charmap import CharMap
from .styles import ParaFormat, RunFormat, StyleSheet

_PAGE_FIELD = re.compile(r"^\s*PAGE(\s|\\|$)", re.IGNORECASE)


@dataclass(slots=True)
class Run:
    """A piece of one paragraph's text with the formatting Word shows it in."""

    el: etree._Element | None = field(repr=False)  # None once let go (a streamed read keeps no XML)
    start: int
    end: int
    fmt: RunFormat
    field: str | None = None  # field instruction when this run shows a field result


@dataclass(slots=True)
class Place:
    """Where a paragraph lives: the main text, a table cell, a text box, a header or footer."""

    story: str = "body"  # body, header, footer
    table: int | None = None  # number of the top-level table in its story, from 1
    row: int = 0
    col: int = 0
    cols: int = 0
    textbox: bool = False
    table_style: str | None = None
    cell: object | None = field(default=None, repr=False)  # the w:tc, or a token standing for it once freed


@dataclass(slots=True)
class Para:
    index: int  # 1-based, in document order, across tables and text boxes
    el: etree._Element | None = field(repr=False)  # None once let go (a streamed read keeps no XML)
    fmt: ParaFormat = field(repr=False)
    runs: list[Run] = field(repr=False)
    text: str  # what the paragraph reads: tabs as \t, line breaks as \n
    label: str  # numbering label in front of the text (part of `text`), "" when none
    place: Place
    section: int = 0
    char_map: CharMap = field(default_factory=CharMap, repr=False)
    line_shape: bool = False  # holds a drawn line (a rule drawn with Word's line tool)
    drawing: bool = False
    page_breaks: int = 0  # explicit or last-rendered page breaks inside or before it
    fields: list[str] = field(default_factory=list)
    mark: RunFormat | None = field(default=None, repr=False)  # the paragraph mark's formatting

    @property
    def shown(self) -> str:
        """The text as printed: characters under `caps` come out as capitals, one for one."""
        if not any(run.fmt.caps for run in self.runs):
            return self.text
        chars = list(self.text)
        for run in self.runs:
            if run.fmt.caps:
                for i in range(run.start, run.end):
                    upper = chars[i].upper()
                    chars[i] = upper if len(upper) == 1 else chars[i]
        return "".join(chars)

    @property
    def in_table(self) -> bool:
        return self.place.table is not None

    def runs_in(self, start: int, end: int) -> list[tuple[Run, str]]:
        """Runs that print something in [start, end), with the slice each prints."""
        return [(run, self.text[max(run.start, start):min(run.end, end)])
                for run in self.runs if run.end > start and run.start < end]


@dataclass
class Story:
    """A header or footer part as one section uses it."""

    kind: str  # header or footer
    type: str  # default, first or even
    part: object
    paras: list[Para]


@dataclass
class Section:
    index: int
    el: etree._Element
    width: int  # twips
    height: int
    orient: str
    top: int
    bottom: int
    left: int
    right: int
    title_pg: bool
    stories: dict[tuple[str, str], Story]

    def story(self, kind: str, type_: str) -> Story | None:
        return self.stories.get((kind, type_))


@dataclass
class DocxFile:
    path: Path
    document: object  # python-docx Document: with document.xml only when read whole (for --fix)
    sheet: StyleSheet
    paras: list[Para]
    sections: list[Section]

    def para(self, index: int) -> Para:
        return self.paras[index - 1]


def is_page_field(instr: str | None) -> bool:
    return bool(instr) and bool(_PAGE_FIELD.match(instr))
