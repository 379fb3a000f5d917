"""Many specs at once, on every core: keep going past a bad spec, report every failure at the
end (exit 2, or 1 for an internal error), show progress, and resume an interrupted run.

Resuming: each job notes in `.docgen-resume.jsonl`, in its output folder, which files it is
about to write and, once they are all in place, their SHA-256. A later run of the same specs
with the same inputs skips the jobs whose files are still exactly as written, and may replace
the files an unfinished job had started; any other existing file is refused as always
(--force replaces it). The note is removed when a run finishes without failures, so running
a finished batch again refuses to overwrite, as a single render does.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import multiprocessing.util
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .digest import file_digest
from .errors import DocgenError, OutputExists, os_problem
from .journal import Journal
from .office_pool import PdfPool
from .progress import Echo, Progress, num

SKIPPED_FILES = ("docgen.yaml",)


def expand(paths: list[Path]) -> list[Path]:
    """Folders stand for the .yaml/.yml files inside them, except directories (danh-ba*.yaml);
    a spec named twice is done once."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.name not in SKIPPED_FILES
                           and not p.name.startswith("danh-ba"))
            if not found:
                raise DocgenError(f"Thư mục «{path}» không có tệp .yaml nào (ngoài docgen.yaml và danh bạ); "
                                  "hãy chỉ ra tệp YAML hoặc thư mục chứa chúng.")
            out.extend(found)
        else:
            out.append(path)
    seen: set[Path] = set()
    unique = []
    for path in out:
        if (resolved := path.resolve()) not in seen:
            seen.add(resolved)
            unique.append(path)
    return unique


def cpu_count() -> int:
    """Cores this process may use; $DOCGEN_WORKERS overrides."""
    if (env := os.environ.get("DOCGEN_WORKERS", "")).isdigit():
        return max(1, int(env))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------- jobs and their records


@dataclass
class Job:
    """One spec's work, as a worker process receives it."""

    spec: Path
    action: Callable[["Job", "Context"], list[str]]  # module-level, so it pickles
    options: object
    journal: Path | None = None
    key: str | None = None
    mine: frozenset[str] = frozenset()  # files an unfinished earlier run of this job started


@dataclass
class Outcome:
    spec: str
    lines: list[str] = field(default_factory=list)
    error: str | None = None
    internal: bool = False
    warnings: list[str] = field(default_factory=list)


def _state(job: Job, records: list[dict]) -> tuple[bool, frozenset[str]]:
    """Whether the job finished and its files are untouched since, and which files are its own:
    those a run began and did not finish, and those it finished that nobody has changed."""
    begun: set[str] = set()
    finished: dict[str, str] = {}
    last = None
    for record in records:
        if record.get("key") != job.key:
            continue
        last = record.get("event")
        if last == "start":
            begun = set(record.get("outputs", {}))
        elif last == "done":
            begun, finished = set(), dict(record.get("outputs", {}))
    intact = {p for p, sha in finished.items() if Path(p).is_file() and file_digest(Path(p)) == sha}
    return last == "done" and len(intact) == len(finished), frozenset(begun | intact)


# ---------------------------------------------------------------- per-process context


_writing = 0  # how many file writes are under way in this process
_stop: type[BaseException] | None = None  # a stop that arrived during one


@contextlib.contextmanager
def writing():
    """A file being put in place: a stop request (Ctrl-C, pool.terminate) waits until it is
    whole or gone, instead of landing between creating a temporary file and cleaning it up."""
    global _writing, _stop
    _writing += 1
    try:
        yield
    finally:
        _writing -= 1
        if not _writing and _stop is not None:
            stop, _stop = _stop, None
            raise stop()


def _deferred(stop: type[BaseException]):
    def handler(signum, frame):
        global _stop
        if _writing:
            _stop = stop
        else:
            raise stop()
    return handler


class Context:
    """What a job may use in the process that runs it: the PDF servers, the journal."""

    def __init__(self, pdf_size: int = 1) -> None:
        self.pdf_size = pdf_size
        self.warnings: list[str] = []
        self._pdf: PdfPool | None = None

    def pdf(self) -> PdfPool:
        if self._pdf is None:
            self._pdf = PdfPool(self.pdf_size, warn=self.warnings.append, guard=writing)
        return self._pdf

    writing = staticmethod(writing)

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    @staticmethod
    def claim(job: Job, outputs: list[Path], force: bool) -> None:
        """Before writing: refuse files that are not this job's own, note the ones it will write,
        and clear temporary files an interrupted run may have left for them."""
        if not force:
            theirs = [p for p in outputs if p.exists() and str(p.resolve()) not in job.mine]
            if theirs:
                names = ", ".join(str(p) for p in theirs[:3])
                if len(theirs) > 3:
                    names += f" và {len(theirs) - 3} tệp khác"
                raise OutputExists(f"Tệp đã có: {names}. docgen không ghi đè; dùng --force để thay thế.")
        if job.journal is not None:
            Journal.append(job.journal, {"spec": str(job.spec.resolve()), "key": job.key, "event": "start",
                                         "outputs": {str(p.resolve()): None for p in outputs}})
        if job.mine:  # a run of this job began before: clear what a hard kill left half-written
            for folder, group in itertools.groupby(sorted(outputs), key=lambda p: p.parent):
                prefixes = tuple(f".{p.name}." for p in group)
                with contextlib.suppress(OSError), os.scandir(folder) as entries:
                    for entry in entries:
                        if entry.name.startswith(prefixes) and entry.name.endswith(".tmp"):
                            Path(entry.path).unlink(missing_ok=True)

    @staticmethod
    def finished(job: Job, outputs: list[Path]) -> None:
        if job.journal is not None:
            Journal.append(job.journal, {"spec": str(job.spec.resolve()), "key": job.key, "event": "done",
                                         "outputs": {str(p.resolve()): file_digest(p) for p in outputs}})


_WORKER: Context | None = None


def _init_worker(pdf_size: int) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C does
    signal.signal(signal.SIGTERM, _deferred(SystemExit))  # pool.terminate(): unwind and clean up
    _WORKER = Context(pdf_size)
    multiprocessing.util.Finalize(_WORKER, _WORKER.close, exitpriority=10)


def _run_in_worker(job: Job) -> Outcome:
    assert _WORKER is not None
    return _run(job, _WORKER)


def _run(job: Job, ctx: Context) -> Outcome:
    outcome = Outcome(str(job.spec))
    try:
        outcome.lines = job.action(job, ctx)
    except DocgenError as exc:
        outcome.error = exc.show()
    except OSError as exc:  # the machine's refusal (read-only, full, no permission), not docgen's bug
        outcome.error = f"{job.spec}: {os_problem(exc).show()}"
    except Exception as exc:  # noqa: BLE001 - one broken job must not stop the batch
        outcome.error = (f"{job.spec}: Lỗi nội bộ của docgen ({type(exc).__name__}: {exc}). "
                         "Hãy báo lỗi này cho nhóm phát triển.")
        outcome.internal = True
    outcome.warnings, ctx.warnings = ctx.warnings, []
    return outcome


# ---------------------------------------------------------------- the runner


class _Tally:
    """What a batch keeps of its outcomes: counts, failures, warnings (not every outcome, so
    that memory stays flat however many documents there are)."""

    def __init__(self) -> None:
        self.ok = 0
        self.failures: list[Outcome] = []
        self.warnings: dict[str, None] = {}

    def add(self, outcome: Outcome) -> None:
        self.warnings.update(dict.fromkeys(outcome.warnings))
        if outcome.error is None:
            self.ok += 1
        else:
            self.failures.append(outcome)


def run_jobs(jobs: list[Job], *, label: str, echo: Echo, force: bool, single_pdf_size: int = 1,
             workers: int | None = None, terminal: bool | None = None,
             on_outcome: Callable[[Outcome], None] | None = None) -> int:
    """Run every job; 0 when all went well, 2 when some input was bad, 1 after an internal error."""
    started = time.monotonic()
    pending: list[Job] = []
    skipped: list[Job] = []
    journals: dict[Path, dict[str, list[dict]]] = {}
    for job in jobs:
        if job.journal is not None and job.key is not None:
            records = journals.setdefault(job.journal, Journal.load(job.journal)).get(str(job.spec.resolve()), [])
            done, job.mine = _state(job, records)
            if done and not force:
                skipped.append(job)
                continue
        pending.append(job)
    for job in skipped:
        echo(f"Bỏ qua {job.spec}: đã làm xong trong lần chạy trước, các tệp vẫn nguyên vẹn.")

    del journals
    procs = min(workers or cpu_count(), len(pending))
    tally = _Tally()
    progress = Progress(len(pending), label, echo, terminal)
    pool = None
    try:
        if procs <= 1:
            ctx = Context(single_pdf_size)
            if threading.current_thread() is threading.main_thread():
                previous = signal.signal(signal.SIGINT, _deferred(KeyboardInterrupt))
            try:
                for job in pending:
                    outcome = _run(job, ctx)
                    tally.add(outcome)
                    progress.update(outcome)
                    if on_outcome:
                        on_outcome(outcome)
            finally:
                ctx.close()
                if threading.current_thread() is threading.main_thread():
                    signal.signal(signal.SIGINT, previous)
        else:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            pool = multiprocessing.get_context(method).Pool(procs, _init_worker, (1,))
            chunk = max(1, min(16, len(pending) // (procs * 8)))
            for outcome in pool.imap_unordered(_run_in_worker, pending, chunksize=chunk):
                tally.add(outcome)
                progress.update(outcome)
                if on_outcome:
                    on_outcome(outcome)
            pool.close()
            pool.join()
            pool = None
    except KeyboardInterrupt:
        if pool is not None:
            pool.terminate()
            pool.join()
        progress.close()
        finished = tally.ok + len(skipped)
        echo(f"Đã dừng sau {finished}/{len(jobs)} văn bản. Chạy lại đúng lệnh này để làm tiếp phần còn lại.", err=True)
        raise
    finally:
        progress.close()

    for warning in tally.warnings:
        echo(warning, err=True)
    failures = tally.failures
    elapsed = time.monotonic() - started
    if len(jobs) > 1 or skipped:
        ok = tally.ok
        rate = f" ({num(ok / elapsed)} văn bản/giây)" if ok and elapsed > 0 else ""
        extra = f", bỏ qua {len(skipped)} đã xong từ trước" if skipped else ""
        echo(f"Xong {ok}/{len(jobs)} văn bản trong {num(elapsed)} giây{rate}{extra}.")
    if failures:
        if len(jobs) > 1:
            echo(f"Có {len(failures)} tệp lỗi:", err=True)
        for failure in failures:
            echo(failure.error, err=True)
        return 1 if any(o.internal for o in failures) else 2
    for journal in {job.journal for job in jobs if job.journal is not None}:
        Journal.forget(journal, {str(job.spec.resolve()) for job in jobs})
    return 0


