"""Progress of a batch: a rich bar on a terminal, plain lines in a log (CI, pipes, tests)."""

from __future__ import annotations

import os
import time
from typing import Callable, Protocol

Echo = Callable[..., None]
LIST_EACH_UP_TO = 100  # jobs; beyond this the log gets a progress line every tenth instead


class HasLines(Protocol):
    lines: list[str]
    error: str | None


def num(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


class Progress:
    """A rich progress bar on a terminal; plain lines in a log (CI, pipes, tests)."""

    def __init__(self, total: int, label: str, echo: Echo, terminal: bool | None = None) -> None:
        self.total, self.label, self.echo = total, label, echo
        self.done = self.failed = 0
        self.started = time.monotonic()
        self._bar = None
        self._next_line = 0
        if terminal is None:
            from rich.console import Console

            terminal = Console(stderr=True).is_terminal and not os.environ.get("CI")
        if terminal and total > 1:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("lỗi: {task.fields[failed]}"), TimeElapsedColumn(),
                                 TextColumn("còn"), TimeRemainingColumn(), console=Console(stderr=True))
            self._task = self._bar.add_task(label, total=total, failed=0)
            self._bar.start()

    def update(self, outcome: HasLines) -> None:
        self.done += 1
        self.failed += outcome.error is not None
        if self._bar is not None:
            self._bar.update(self._task, advance=1, failed=self.failed)
            if self.total <= 20:
                for line in outcome.lines:
                    self._bar.console.print(line, markup=False, highlight=False)
            return
        if self.total <= LIST_EACH_UP_TO:
            for line in outcome.lines:
                self.echo(line)
        elif self.done >= self._next_line or self.done == self.total:
            elapsed = time.monotonic() - self.started
            rate = self.done / elapsed if elapsed else 0.0
            left = (self.total - self.done) / rate if rate else 0.0
            self.echo(f"[{self.done}/{self.total}] {self.label}: {num(rate)} văn bản/giây, "
                      f"còn khoảng {num(left, 0)} giây, {self.failed} lỗi")
            self._next_line = self.done + max(1, self.total // 10)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
