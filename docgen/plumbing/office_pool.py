"""PDF at batch speed: LibreOffice started once and kept open, instead of one `soffice` per file.

Each server is a small driver (office_uno.py) run by the system Python that has `uno`; it
starts LibreOffice with its own user profile (so a LibreOffice the user has open is never
touched) and converts documents on request. docgen talks to it over a pipe, one JSON line per
document, with a time-out per document: when LibreOffice crashes or hangs, the server is
killed with everything it started, a fresh one is started and the document is tried once
more. A pool holds one server per worker; when no server can start (no python3-uno), the
pool says so once and falls back to one `soffice --convert-to` per file.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import secrets
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, ContextManager

from .errors import DocgenError
from .office import docx_to_pdf, find_soffice, make_workdir, release, start_guarded
from .output import write_atomic

DRIVER = Path(__file__).with_name("office_uno.py")
DOC_TIMEOUT_S = 60.0
START_TIMEOUT_S = 60.0
DOCS_PER_START = 12
RECYCLE_AFTER = 500  # documents per LibreOffice before a fresh one (it grows ~0.15 MB a document)
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python", "/opt/libreoffice/program/python")
NO_SERVER_HINT = (
    "Không khởi động được LibreOffice chạy nền ({reason}); docgen chuyển PDF từng tệp một, chậm hơn. "
    "Để nhanh hơn, cài cầu nối Python–UNO: sudo apt-get install python3-uno (hoặc chạy bash scripts/setup.sh)."
)


class ServerUnavailable(Exception):
    """The long-lived LibreOffice could not be started; the reason is in the message."""


def uno_python() -> str | None:
    """A Python that can import `uno`: $DOCGEN_UNO_PYTHON, else the usual system places."""
    for candidate in (os.environ.get("DOCGEN_UNO_PYTHON"), *UNO_PYTHONS):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class PdfServer:
    """One driver and its LibreOffice. Not thread-safe: a pool gives each to one thread at a time."""

    def __init__(self, soffice: str, python: str | None = None, *, doc_timeout: float = DOC_TIMEOUT_S,
                 start_timeout: float = START_TIMEOUT_S, command: list[str] | None = None) -> None:
        self.soffice = soffice
        self.python = python
        self.doc_timeout = doc_timeout
        self.start_timeout = start_timeout
        self.command = command  # the driver's command line; tests give their own
        self.proc: subprocess.Popen | None = None
        self.pid: int | None = None  # LibreOffice's own process
        self.converted = 0
        self.restarts = 0
        self._workdir: Path | None = None  # the LibreOffice profile and the PDFs it writes
        self._pipe: str | None = None
        self._buf = b""

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> None:
        if self.python is None and self.command is None:
            raise ServerUnavailable("không tìm thấy Python của hệ thống có mô-đun uno")
        self._workdir = make_workdir()
        (self._workdir / "out").mkdir()
        self._pipe = f"docgen-{os.getpid()}-{secrets.token_hex(6)}"
        cmd = self.command or [self.python, "-I", str(DRIVER), "--soffice", self.soffice, "--profile",
                               str(self._workdir / "profile"), "--pipe", self._pipe, "--startup-timeout", str(self.start_timeout)]
        self._buf = b""
        self.proc = start_guarded(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  bufsize=0)
        hello = self._read(self.start_timeout + 5)
        if not hello or "ready" not in hello:
            self.kill()
            reason = (hello or {}).get("error") or "không có trả lời"
            raise ServerUnavailable(str(reason))
        self.pid = hello["ready"]
        self.converted = 0

    def _read(self, timeout: float) -> dict | None:
        """The next JSON line from the driver; None on time-out or when it is gone."""
        assert self.proc is not None and self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buf:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self._buf += chunk
        line, _, self._buf = self._buf.partition(b"\n")
        try:
            return json.loads(line)
        except ValueError:
            return {"ok": False, "error": line.decode(errors="replace")[:200], "alive": False}

    def _send(self, message: dict) -> bool:
        assert self.proc is not None and self.proc.stdin is not None
        try:
            self.proc.stdin.write((json.dumps(message) + "\n").encode())
            return True
        except (BrokenPipeError, OSError):
            return False

    def convert(self, src: Path) -> Path:
        """The PDF of src, written by LibreOffice into this server's own folder (so a conversion
        cut short never leaves a file beside the user's); restart and one retry when LibreOffice
        crashes or hangs. The caller moves the PDF away."""
        problem = ""
        for attempt in (1, 2):
            if not self.running:
                if attempt == 2 or self.proc is not None:
                    self.restarts += 1
                self.start()
            assert self._workdir is not None
            dst = self._workdir / "out" / f"{secrets.token_hex(6)}.pdf"
            reply = self._read(self.doc_timeout) if self._send({"src": str(src), "dst": str(dst)}) else None
            if reply is None:
                problem = (f"LibreOffice không trả lời sau {self.doc_timeout:g} giây" if self.running
                           else "LibreOffice dừng đột ngột")
                self.kill()
                continue
            if reply.get("ok"):
                self.converted += 1
                return dst
            problem = str(reply.get("error"))
            if reply.get("alive", True):
                break  # LibreOffice is fine; this document is what it cannot convert
            self.kill()
        raise DocgenError(f"LibreOffice không chuyển được {Path(src).name} sang PDF ({problem}).")

    def begin_stop(self) -> None:
        """Ask the driver to close LibreOffice (which then removes its sockets in /tmp)."""
        if self.proc is not None and self.proc.stdin is not None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass

    def stop(self, wait: float = 5.0) -> None:
        """Close LibreOffice, killing it and its driver when that takes longer than wait."""
        self.begin_stop()
        if self.proc is not None:
            try:
                self.proc.wait(wait)
            except subprocess.TimeoutExpired:
                pass
        self.kill()

    def kill(self) -> None:
        if self._pipe:  # a killed LibreOffice leaves its pipe behind
            Path(f"/tmp/OSL_PIPE_{os.getuid()}_{self._pipe}").unlink(missing_ok=True)
            self._pipe = None
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            for stream in (self.proc.stdin, self.proc.stdout):
                try:
                    if stream:
                        stream.close()
                except OSError:
                    pass
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                pass
            release(self.proc)
            self.proc = None
            self.pid = None
        if self._workdir:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None


class PdfPool:
    """size LibreOffice servers shared by threads; started on first use, closed by close()."""

    def __init__(self, size: int = 1, *, doc_timeout: float = DOC_TIMEOUT_S,
                 warn: Callable[[str], None] | None = None,
                 guard: Callable[[], ContextManager] = contextlib.nullcontext) -> None:
        self.size = max(1, size)
        self.doc_timeout = doc_timeout
        self.warn = warn
        self.guard = guard  # held while a PDF is put in place: a stop request waits for it
        self.fallback: str | None = None  # why the one-shot path is in use
        self._soffice: str | None = None
        self._servers: list[PdfServer] = []
        self._idle: queue.Queue[PdfServer] = queue.Queue()
        self._lock = threading.Lock()

    def _server(self) -> PdfServer:
        with self._lock:
            if self._soffice is None:
                self._soffice = find_soffice()  # ToolMissing, with the install hint, when absent
            if self._idle.empty() and len(self._servers) < self.size:
                server = PdfServer(self._soffice, uno_python(), doc_timeout=self.doc_timeout)
                self._servers.append(server)
                return server
        return self._idle.get()

    def convert(self, src: Path, dst: Path) -> Path:
        """dst (.pdf) from src (.docx), written atomically."""
        dst = Path(dst)
        if self.fallback is None:
            server = self._server()
            try:
                made = server.convert(Path(src))
                try:
                    with self.guard():
                        write_atomic(dst, made.read_bytes())
                finally:
                    made.unlink(missing_ok=True)
                if server.converted >= RECYCLE_AFTER:
                    server.stop()
                return dst
            except ServerUnavailable as exc:
                self._give_up(str(exc))
            finally:
                self._idle.put(server)
        with tempfile.TemporaryDirectory(prefix="docgen-") as tmp:
            made = docx_to_pdf(Path(src), Path(tmp) / dst.name)
            with self.guard():
                write_atomic(dst, made.read_bytes())
        return dst

    def _give_up(self, reason: str) -> None:
        with self._lock:
            if self.fallback is None:
                self.fallback = reason
                if self.warn:
                    self.warn(NO_SERVER_HINT.format(reason=reason))

    def convert_all(self, pairs: list[tuple[Path, Path]]) -> list[Path]:
        """Every (src, dst) pair, the servers working side by side; the first error is raised
        once all have finished."""
        # A LibreOffice takes about as long to start as to convert a dozen documents: fewer
        # documents than that per server, and another server would not pay for itself.
        threads = max(1, min(self.size, len(pairs) // DOCS_PER_START))
        if threads == 1:
            return [self.convert(s, d) for s, d in pairs]
        with ThreadPoolExecutor(max_workers=threads) as workers:
            futures = [workers.submit(self.convert, s, d) for s, d in pairs]
        errors = [f.exception() for f in futures if f.exception() is not None]
        if errors:
            raise errors[0]
        return [f.result() for f in futures]

    @property
    def restarts(self) -> int:
        return sum(s.restarts for s in self._servers)

    def close(self) -> None:
        for server in self._servers:  # all at once: each LibreOffice takes a moment to close
            server.begin_stop()
        for server in self._servers:
            server.stop()
        self._servers.clear()
        while not self._idle.empty():
            self._idle.get_nowait()

    def __enter__(self) -> "PdfPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
