"""run_bounded when no child can be forked: the callable runs in this process under the same
wall clock and memory limit, and the process is left as it was found (alarm, handler, limit)."""

from __future__ import annotations

import errno
import os
import resource
import signal
import time

import pytest

from docgen.plumbing import sandboxed_run
from docgen.plumbing.errors import DocgenError


@pytest.fixture
def no_fork(monkeypatch):
    def fail() -> int:
        raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))
    monkeypatch.setattr(sandboxed_run.os, "fork", fail)


def _over(what: str) -> DocgenError:
    return DocgenError(f"quá ngân sách: {what}")


def test_runs_here_and_leaves_the_process_as_it_was(no_fork):
    handler, limit = signal.getsignal(signal.SIGALRM), resource.getrlimit(resource.RLIMIT_AS)
    assert sandboxed_run.run_bounded(lambda: os.getpid(), wall_s=5, cpu_s=5, memory_bytes=64 << 20,
                                     on_budget=_over) == os.getpid()
    assert signal.getsignal(signal.SIGALRM) is handler
    assert resource.getrlimit(resource.RLIMIT_AS) == limit
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert sandboxed_run.active_budget() is None


@pytest.mark.parametrize("loop", ["alarm", "checked"])
def test_a_loop_is_stopped_on_time(no_fork, loop):
    def spin() -> None:
        while True:
            if loop == "checked":
                sandboxed_run.active_budget().check()

    started = time.monotonic()
    with pytest.raises(DocgenError, match="time"):
        sandboxed_run.run_bounded(spin, wall_s=0.3, cpu_s=5, memory_bytes=0, on_budget=_over)
    assert time.monotonic() - started < 3


def test_memory_is_bounded_here(no_fork):
    with pytest.raises(DocgenError, match="memory"):
        sandboxed_run.run_bounded(lambda: bytearray(1 << 30), wall_s=5, cpu_s=5, memory_bytes=64 << 20,
                                  on_budget=_over)
