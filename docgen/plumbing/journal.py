"""The resume notes of a batch: which files a job is about to write and, once they are all
in place, their SHA-256 (see docgen.plumbing.runner)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .output import make_folder, open_nofollow, refuse_link, write_atomic

JOURNAL_NAME = ".docgen-resume.jsonl"


class Journal:
    """The resume notes of one output folder: JSON lines, appended by whichever process works."""

    @staticmethod
    def path_for(folder: Path) -> Path:
        return Path(folder) / JOURNAL_NAME

    @staticmethod
    def append(path: Path, record: dict) -> None:
        make_folder(path.parent)
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        fd = open_nofollow(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            os.write(fd, line)  # one write of one line: appends from several processes never interleave
            os.fsync(fd)
        finally:
            os.close(fd)

    @staticmethod
    def load(path: Path) -> dict[str, list[dict]]:
        records: dict[str, list[dict]] = {}
        refuse_link(path)  # notes read through a planted link would say what another file says
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return records
        for line in text.splitlines():
            try:
                record = json.loads(line)
                records.setdefault(record["spec"], []).append(record)
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a crash
        return records

    @staticmethod
    def forget(path: Path, specs: set[str]) -> None:
        """Drop the notes of specs; the file goes when nothing is left in it."""
        kept: list[str] = []
        try:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        if json.loads(line)["spec"] not in specs:
                            kept.append(line)
                    except (ValueError, KeyError, TypeError):
                        continue
        except (OSError, UnicodeDecodeError):
            return
        if not kept:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, "".join(kept).encode("utf-8"))
