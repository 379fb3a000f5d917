"""PDF through LibreOffice headless, in a private user profile."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from .errors import DocgenError, ToolMissing

INSTALL_HINT = (
    "Không tìm thấy LibreOffice (lệnh soffice). Cài đặt trên Debian/Ubuntu bằng: "
    "sudo apt-get install libreoffice-writer-nogui fonts-liberation2 "
    "(hoặc chạy bash scripts/setup.sh trong thư mục docgen)."
)
TIMEOUT_S = 120


def find_soffice() -> str:
    """The soffice binary, honouring $DOCGEN_SOFFICE; ToolMissing when absent."""
    for candidate in (os.environ.get("DOCGEN_SOFFICE"), "soffice", "libreoffice"):
        if candidate and (path := shutil.which(candidate)):
            return path
    raise ToolMissing(INSTALL_HINT)


WORKDIR_PREFIX = "docgen-lo-"


def make_workdir() -> Path:
    """A private folder for one LibreOffice (profile, output), named after this process; folders
    left by a process that was killed outright (SIGKILL, power loss) are removed first."""
    root = Path(tempfile.gettempdir())
    for old in root.glob(f"{WORKDIR_PREFIX}*"):
        pid = old.name[len(WORKDIR_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{os.getpid()}-"))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


GUARD = Path(__file__).with_name("office_guard.py")
_guards: dict[int, int] = {}  # guard pid -> the write end of its pipe, held by this process only


def _drop_guard_pipes() -> None:  # a forked worker must not keep a guard from seeing docgen die
    for fd in _guards.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _guards.clear()


os.register_at_fork(after_in_child=_drop_guard_pipes)


def start_guarded(cmd: list[str], **popen) -> subprocess.Popen:
    """cmd under office_guard.py, in a session of its own: Ctrl-C reaches docgen, not LibreOffice,
    killpg takes everything it started, and when docgen dies, even by SIGKILL, the guard kills
    that session. release() once the process is gone."""
    read_end, write_end = os.pipe()
    try:
        proc = subprocess.Popen([sys.executable, "-I", str(GUARD), str(read_end), "--", *cmd],
                                pass_fds=(read_end,), start_new_session=True, **popen)
    except BaseException:
        os.close(write_end)
        raise
    finally:
        os.close(read_end)
    _guards[proc.pid] = write_end
    return proc


def release(proc: subprocess.Popen) -> None:
    """Close the guard's pipe: what is left of the session is killed."""
    fd = _guards.pop(proc.pid, None)
    if fd is not None:
        os.close(fd)


def run_office(cmd: list[str], timeout: float) -> subprocess.CompletedProcess:
    """Run LibreOffice guarded (start_guarded); on time-out, error, Ctrl-C or SIGTERM the whole session
    (soffice, oosplash, soffice.bin) is killed, so nothing is left running."""
    proc = start_guarded(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    previous = None
    if threading.current_thread() is threading.main_thread():
        def terminate(signum, frame):
            raise SystemExit(128 + signum)
        previous = signal.signal(signal.SIGTERM, terminate)
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()
        raise
    finally:
        release(proc)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd, out, err)
    return subprocess.CompletedProcess(cmd, 0, out, err)


def docx_to_pdf(src: Path, dst: Path, timeout: float | None = None) -> Path:
    """Convert one .docx into dst (.pdf), atomically; a private profile so a running
    LibreOffice of the user's does not capture the conversion."""
    soffice = find_soffice()
    dst = Path(dst)
    timeout = TIMEOUT_S if timeout is None else timeout
    tmp = make_workdir()
    try:
        profile = Path(tmp, "profile").as_uri()
        out = Path(tmp, "out")
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), str(src)]
        try:
            run_office(cmd, timeout)
        except subprocess.TimeoutExpired as exc:
            raise DocgenError(f"LibreOffice không chuyển xong {src.name} sang PDF sau {timeout:g} giây; "
                              "docgen đã dừng LibreOffice.") from exc
        except subprocess.CalledProcessError as exc:
            raise DocgenError(f"LibreOffice không chuyển được {src.name} sang PDF: {exc.stderr.decode(errors='replace')[-300:]}") from exc
        produced = out / (Path(src).stem + ".pdf")
        if not produced.exists():
            raise DocgenError(f"LibreOffice không tạo ra tệp PDF cho {src.name}.")
        tmp_dst = dst.with_name(f".{dst.name}.tmp")
        shutil.move(str(produced), tmp_dst)
        os.replace(tmp_dst, dst)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dst
