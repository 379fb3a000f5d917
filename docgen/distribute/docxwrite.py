"""Writing many rendered files: rendering here, the atomic, fsync'd writes on a few threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

from ..plumbing.output import write_atomic

WRITERS = 4  # each file is fsync'd: a few writes in flight hide the disk's latency
BATCH = 32  # files rendered ahead of the writers, so memory stays bounded


def write_all(jobs: Iterable[tuple[Path, Callable[[], bytes]]]) -> None:
    """Render and write many files: rendering here, the atomic writes on a few threads."""
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        pending = []
        for path, render in jobs:
            pending.append(pool.submit(write_atomic, path, render()))
            if len(pending) >= BATCH:
                pending.pop(0).result()
        for future in pending:
            future.result()
