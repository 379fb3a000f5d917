"""`docgen check`: judge any .docx against the layout rules of Decree 30/2020/NĐ-CP.

    report = check_document(Path("tb.docx"), layout=True)
    print(format_text([report])); sys.exit(1 if report.failed else 0)
    changes = fix_document(Path("tb.docx"), Path("tb-sua.docx"))
"""

from __future__ import annotations

import time
from pathlib import Path

from . import rules
from .catalogue import BY_ID, RULES, Rule
from .components import Components, locate
from .docmodel import DocxFile
from .fix import fix_document
from .package import UnreadableDocument
from .reader import read
from .report import (
    FAIL,
    NOT_APPLICABLE,
    NOT_CHECKED,
    PASS,
    Change,
    Finding,
    Location,
    Report,
    Result,
    format_changes,
    format_json,
    format_text,
)

__all__ = [
    "BY_ID", "Change", "Components", "DocxFile", "FAIL", "Finding", "Location", "NOT_APPLICABLE", "NOT_CHECKED",
    "PASS", "RULES", "Report", "Result", "Rule", "UnreadableDocument", "check_document", "fix_document",
    "format_changes", "format_json", "format_text",
]


def check_document(path: Path, layout: bool = False) -> Report:
    """Check one .docx. With `layout`, LibreOffice lays it out as PDF for the rules only the page shows."""
    started = time.perf_counter()
    doc = read(Path(path), keep_all=layout)  # LibreOffice reads every part: bound them all first
    comps = locate(doc)
    pages = None
    layout_results: list[Result] = []
    if layout:
        from .layout import check_layout  # pdfplumber is only needed here

        layout_results, pages = check_layout(doc, comps)
    results = {r.rule.id: r for r in rules.run(doc, comps, pages)}
    for r in layout_results:
        results[r.rule.id] = r
    ordered = []
    for rule in RULES:
        if rule.id in results:
            ordered.append(results[rule.id])
        else:
            ordered.append(Result(rule, NOT_CHECKED, reason="cần --layout (chuyển sang PDF bằng LibreOffice)"))
    return Report(Path(path), comps.doc_type, ordered, layout, time.perf_counter() - started)
