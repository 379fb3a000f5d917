"""Run a callable in a forked child under a wall clock, a CPU limit and an address-space limit.

The parent never runs the callable: a child that loops, eats memory or crashes is killed and
reported as BudgetExceeded; its result (or its DocgenError) comes back pickled through a pipe.
Inside the child, the wall clock raises BudgetExceeded where the code is, so the caller can say
which line it was at (see docgen.render.limits).

When no child can be forked (no fork on this system, or fork fails: too many processes, no
memory), the callable runs here under the same budget, as far as one process can keep it: a
wall clock (SIGALRM on the main thread, and `active_budget().check()` for the code that runs
the callable to call in its loops, on any thread), the address-space limit lowered for the time
of the call and put back after.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from .errors import DocgenError

GRACE_S = 3.0  # after the child's own alarm, before the parent kills it
ALARM_LATE_S = 1.0  # in-process: the alarm, for loops that never look at the clock, after the deadline


class BudgetExceeded(Exception):
    """Raised inside the child when the wall clock rings; the parent's view is `killed`."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class Budget:
    """The in-process budget of one call: its deadline, checked by whoever loops for it."""

    def __init__(self, wall_s: float) -> None:
        self.deadline = time.monotonic() + wall_s

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded("time")


_local = threading.local()


def active_budget() -> Budget | None:
    """The budget of the call running in this thread without a child of its own, if any."""
    return getattr(_local, "budget", None)


def _vm_size() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _in_child(fn: Callable[[], Any], wall_s: float, cpu_s: int, memory_bytes: int, out: int) -> None:
    import resource

    def ring(signum, frame):
        raise BudgetExceeded("time")

    try:
        if memory_bytes:
            limit = _vm_size() + memory_bytes
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 2))
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, wall_s)
        try:
            reply: tuple = ("ok", fn())
        except DocgenError as exc:
            reply = ("docgen", type(exc).__name__, exc.message)
        except BudgetExceeded as exc:
            reply = ("budget", exc.what)
        except MemoryError:
            reply = ("budget", "memory")
        except BaseException as exc:  # noqa: BLE001 - carried to the parent, shown there
            reply = ("error", f"{type(exc).__name__}: {exc}")
        signal.setitimer(signal.ITIMER_REAL, 0)
        data = pickle.dumps(reply)
        view = memoryview(data)
        while view:
            view = view[os.write(out, view):]
    finally:
        os._exit(0)


def run_bounded(fn: Callable[[], Any], *, wall_s: float, cpu_s: int, memory_bytes: int,
                on_budget: Callable[[str], DocgenError]) -> Any:
    """fn() in a child. A DocgenError raised there is raised here (as DocgenError with its message);
    a child killed for its budget gives on_budget("time" | "cpu" | "memory")."""
    if not hasattr(os, "fork"):
        return _here(fn, wall_s, memory_bytes, on_budget)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return _here(fn, wall_s, memory_bytes, on_budget)
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        _in_child(fn, wall_s, cpu_s, memory_bytes, write_end)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + wall_s + GRACE_S
    killed = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                killed = True
                break
            ready, _, _ = select.select([read_end], [], [], left)
            if ready:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if killed:
        raise on_budget("time")
    try:
        reply = pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - a child that died before answering
        cause = "cpu" if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU else "memory"
        raise on_budget(cause)
    if reply[0] == "ok":
        return reply[1]
    if reply[0] == "docgen":
        raise DocgenError(reply[2])
    if reply[0] == "budget":
        raise on_budget(reply[1])
    raise RuntimeError(reply[1])


def _here(fn: Callable[[], Any], wall_s: float, memory_bytes: int, on_budget: Callable[[str], DocgenError]) -> Any:
    """fn() in this process under the budget run_bounded gives a child."""
    import resource

    def ring(signum, frame):
        raise BudgetExceeded("time")

    _local.budget = Budget(wall_s)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGALRM, ring)
        # Later than the budget's own deadline: a loop that checks it stops first, and the alarm
        # does not ring again while that refusal is being written (it would lose the tag's name).
        signal.setitimer(signal.ITIMER_REAL, wall_s + ALARM_LATE_S)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if memory_bytes:
        limit = _vm_size() + memory_bytes
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        try:
            return fn()
        finally:  # an alarm that rings in here is still caught below
            if previous is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
            _local.budget = None
    except BudgetExceeded as exc:
        raise on_budget(exc.what) from None
    except MemoryError:
        raise on_budget("memory") from None
