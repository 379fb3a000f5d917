"""LibreOffice one-shot (`check --layout`, PDFs without the pool): killed whole on time-out, and
the private folder of a run that was killed outright is removed by the next one."""

from __future__ import annotations

import os
import stat
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
