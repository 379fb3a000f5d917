"""LibreOffice one-shot (`check --layout`, PDFs without the pool) and pooled: killed whole on
time-out and when docgen itself is killed outright (SIGKILL), and the private folder of a run
that was killed outright is removed by the next one."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from docgen.plumbing import office
from docgen.plumbing.errors import DocgenError


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead for our purpose
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("ending", ["wait", "kill -STOP $$"], ids=["hung", "stopped"])
def test_time_out_kills_soffice_and_what_it_started(tmp_path, monkeypatch, ending):
    pidfile = tmp_path / "grandchild.pid"
    fake = tmp_path / "soffice"
    # Like soffice → oosplash → soffice.bin: the process started hangs (or is stopped) and so does its child.
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pidfile}\n{ending}\nwait\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("DOCGEN_SOFFICE", str(fake))
    src = tmp_path / "a.docx"
    src.write_bytes(b"PK")
    started = time.monotonic()
    with pytest.raises(DocgenError) as caught:
        office.docx_to_pdf(src, tmp_path / "a.pdf", timeout=1)
    assert time.monotonic() - started < 10
    assert "LibreOffice" in caught.value.show() and "giây" in caught.value.show()
    grandchild = int(pidfile.read_text())
    for _ in range(50):
        if not _alive(grandchild):
            break
        time.sleep(0.1)
    assert not _alive(grandchild), "the process LibreOffice started is still running"
    assert not (tmp_path / "a.pdf").exists()


def test_workdir_of_a_killed_run_is_removed():
    stale = Path(tempfile.gettempdir()) / f"{office.WORKDIR_PREFIX}999999999-stale"
    stale.mkdir(exist_ok=True)
    (stale / "profile").mkdir(exist_ok=True)
    fresh = office.make_workdir()
    try:
        assert not stale.exists()
        assert fresh.name.startswith(f"{office.WORKDIR_PREFIX}{os.getpid()}-")
    finally:
        fresh.rmdir()


def _running_with(marker: str) -> list[int]:
    """Processes whose command line holds marker (a run's private folder), zombies left out."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if marker.encode() in cmdline and _alive(int(entry.name)):
            found.append(int(entry.name))
    return found


CONVERT = {
    "one-shot": "from docgen.plumbing.office import docx_to_pdf; docx_to_pdf(Path(sys.argv[1]), Path(sys.argv[2]))",
    "pool": "from docgen.plumbing.office_pool import PdfPool; PdfPool(1).convert(Path(sys.argv[1]), Path(sys.argv[2]))",
}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("path", sorted(CONVERT))
def test_sigkill_of_docgen_mid_conversion_leaves_no_soffice(tmp_path, path):
    from .cases import big_docx

    src = big_docx(tmp_path, 6)  # LibreOffice takes minutes over it: it is still converting when docgen dies
    script = f"import sys; from pathlib import Path; {CONVERT[path]}"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    docgen = subprocess.Popen([sys.executable, "-c", script, str(src), str(tmp_path / "a.pdf")], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    marker = f"{office.WORKDIR_PREFIX}{docgen.pid}-"
    try:
        deadline = time.monotonic() + 30
        while not any(b"soffice.bin" in Path(f"/proc/{pid}/cmdline").read_bytes()
                      for pid in _running_with(marker) if Path(f"/proc/{pid}").exists()):
            assert time.monotonic() < deadline and docgen.poll() is None, "LibreOffice never started"
            time.sleep(0.05)
        docgen.kill()  # SIGKILL: docgen has no chance to clean up
        docgen.wait()
        deadline = time.monotonic() + 5
        while _running_with(marker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running_with(marker), "LibreOffice outlived the docgen that started it"
        assert not (tmp_path / "a.pdf").exists()
        office.make_workdir().rmdir()  # the next run removes the killed run's private folder
        assert not list(Path(tempfile.gettempdir()).glob(f"{marker}*"))
    finally:
        for pid in _running_with(marker):
            os.kill(pid, signal.SIGKILL)
