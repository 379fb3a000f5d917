"""`docgen check` as a library call: check files, print, fix, and say the exit status."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..check import check_document, fix_document, format_changes, format_json, format_text
from ..plumbing.errors import DocgenError
from ..plumbing.output import refuse_existing


def check_files(files: list[Path], layout: bool, fix_out: Path | None, fmt: str, echo: Callable[..., None],
                force: bool = False) -> int:
    """0 when every file passes, 1 when a rule fails, 2 when a file cannot be read."""
    if fix_out is not None and len(files) != 1:
        raise DocgenError("--fix chỉ dùng với một tệp .docx mỗi lần.")
    if fix_out is not None:
        refuse_existing([Path(fix_out)], force)  # as render: nothing replaced without --force, said before checking
    reports, unreadable = [], 0
    for path in files:
        try:
            reports.append(check_document(Path(path), layout=layout))
        except DocgenError as exc:
            unreadable += 1
            echo(exc.show(), err=True)
    if reports:
        echo(format_json(reports) if fmt == "json" else format_text(reports))
    if fix_out is not None and reports:
        changes = fix_document(Path(files[0]), Path(fix_out), force)
        echo(format_changes(changes), err=(fmt == "json"))
    if unreadable:
        return 2
    return 1 if any(r.failed for r in reports) else 0
