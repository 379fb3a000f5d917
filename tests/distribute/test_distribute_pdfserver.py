"""PDF from one long-lived LibreOffice: real conversions with embedded Times-compatible fonts,
a restart when LibreOffice dies or hangs, the slow path when no server can start, and a clear
Vietnamese message when LibreOffice is missing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from docgen.model.build import build
from docgen.plumbing.errors import DocgenError, ToolMissing
from docgen.plumbing.office_pool import PdfPool, PdfServer
from docgen.render.pipeline import render_document
from docgen.spec import load_spec
from tests.conftest import DATA as CORE_DATA
from tests.distribute.helpers import NOTICE, run

needs_libreoffice = pytest.mark.skipif(not any(os.access(os.path.join(d, "soffice"), os.X_OK)
                                               for d in os.environ.get("PATH", "").split(os.pathsep)),
                                       reason="LibreOffice (soffice) is not installed")


@pytest.fixture(autouse=True)
def no_stale_libreoffice_pipes():
    """Tests that kill LibreOffice on purpose clean up the sockets it leaves in /tmp."""
    before = set(Path("/tmp").glob("OSL_PIPE_*"))
    yield
    import socket

    for path in set(Path("/tmp").glob("OSL_PIPE_*")) - before:
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(str(path))
            except OSError:  # nobody listens: a pipe of a LibreOffice that was killed
                path.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "tb.docx"
    path.write_bytes(render_document(build(load_spec(CORE_DATA / "thong-bao-nho.yaml"))))
    return path


def fonts(pdf: Path) -> dict[str, bool]:
    """Base font name → embedded, for every font the pages use."""
    found = {}
    for page in PdfReader(str(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"]).split("+")[-1]] = embedded
    return found


def soffice_pids(server: PdfServer) -> list[int]:
    out = subprocess.run(["ps", "-eo", "pid,pgid,comm"], capture_output=True, text=True).stdout.splitlines()[1:]
    return [int(pid) for pid, pgid, comm in (line.split(None, 2) for line in out)
            if int(pgid) == server.proc.pid and comm.startswith("soffice")]


@needs_libreoffice
def test_one_libreoffice_converts_many_and_survives_a_crash(tmp_path, docx_file):
    with PdfPool(1) as pool:
        first = pool.convert(docx_file, tmp_path / "a.pdf")
        server = pool._servers[0]
        started = server.pid
        pool.convert(docx_file, tmp_path / "b.pdf")
        assert server.pid == started, "the same LibreOffice served both"
        for pid in soffice_pids(server):
            os.kill(pid, signal.SIGKILL)  # LibreOffice crashes between two documents
        pool.convert(docx_file, tmp_path / "c.pdf")
        assert pool.restarts == 1 and server.pid != started
        group = server.proc.pid
    assert not soffice_pids_of_group(group), "closing the pool ends LibreOffice"
    used = fonts(first)
    assert used and all(used.values()), f"every font embedded: {used}"
    assert all(name.startswith(("LiberationSerif", "TimesNewRoman")) for name in used), used
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf", "c.pdf"]


def soffice_pids_of_group(pgid: int) -> list[int]:
    time.sleep(0.2)
    out = subprocess.run(["ps", "-eo", "pid,pgid,stat,comm"], capture_output=True, text=True).stdout.splitlines()[1:]
    return [int(p) for p, g, stat, comm in (line.split(None, 3) for line in out)
            if int(g) == pgid and comm.startswith("soffice") and not stat.startswith("Z")]


FAKE_DRIVER = textwrap.dedent("""\
    import json, shutil, sys, time
    from pathlib import Path
    count = Path(sys.argv[1])
    starts = int(count.read_text()) + 1 if count.exists() else 1
    count.write_text(str(starts))
    print(json.dumps({"ready": 1}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if starts <= int(sys.argv[2]):
            time.sleep(3600)  # LibreOffice hangs on this document
        Path(request["dst"]).write_bytes(b"%PDF-1.4 fake")
        print(json.dumps({"ok": True}), flush=True)
""")


def fake_server(tmp_path: Path, hangs: int) -> PdfServer:
    driver = tmp_path / "driver.py"
    driver.write_text(FAKE_DRIVER, encoding="utf-8")
    return PdfServer("soffice", command=[sys.executable, str(driver), str(tmp_path / "starts"), str(hangs)],
                     doc_timeout=1.0)


def test_a_hang_is_cut_off_after_the_time_out_and_the_document_retried(tmp_path, docx_file):
    server = fake_server(tmp_path, hangs=1)
    started = time.monotonic()
    made = server.convert(docx_file)
    assert made.read_bytes() == b"%PDF-1.4 fake"
    assert 1.0 <= time.monotonic() - started < 10 and server.restarts == 1
    server.stop()
    assert not made.parent.exists(), "the server's own folder goes with it"


def test_a_document_that_hangs_twice_fails_with_a_vietnamese_message(tmp_path, docx_file):
    server = fake_server(tmp_path, hangs=2)
    with pytest.raises(DocgenError, match="LibreOffice không chuyển được tb.docx sang PDF .LibreOffice không trả lời sau 1 giây"):
        server.convert(docx_file)
    server.stop()


@needs_libreoffice
def test_without_python_uno_it_says_so_once_and_converts_one_file_at_a_time(tmp_path, docx_file, monkeypatch):
    monkeypatch.setenv("DOCGEN_UNO_PYTHON", sys.executable)  # this Python has no uno module
    warnings: list[str] = []
    with PdfPool(1, warn=warnings.append) as pool:
        pool.convert(docx_file, tmp_path / "a.pdf")
    assert pool.fallback and len(warnings) == 1
    assert "python3-uno" in warnings[0] and "chậm hơn" in warnings[0]
    assert PdfReader(str(tmp_path / "a.pdf")).pages


def test_missing_libreoffice_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice anywhere
    monkeypatch.delenv("DOCGEN_SOFFICE", raising=False)
    spec = tmp_path / "tb.yaml"
    spec.write_text((CORE_DATA / "thong-bao-nho.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for args in (("render", spec, "--pdf"), ("distribute", NOTICE, "-o", tmp_path / "ra")):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert "Không tìm thấy LibreOffice" in result.output
        assert "sudo apt-get install libreoffice-writer-nogui" in result.output
        assert "Traceback" not in result.output
    assert not list(tmp_path.glob("*.docx")) and not (tmp_path / "ra").exists()
    with pytest.raises(ToolMissing):
        PdfPool(1).convert(tmp_path / "tb.docx", tmp_path / "tb.pdf")


@needs_libreoffice
def test_works_while_the_user_has_libreoffice_open(tmp_path, docx_file):
    """The user's own LibreOffice (its own profile, already running) is neither used nor disturbed."""
    user_profile = tmp_path / "user-profile"
    soffice = subprocess.Popen(["soffice", f"-env:UserInstallation={user_profile.as_uri()}", "--headless", "--norestore",
                                "--accept=pipe,name=docgen-test-user;urp;"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while not (user_profile / "user").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        with PdfPool(1) as pool:
            pool.convert(docx_file, tmp_path / "a.pdf")
            assert str(user_profile) not in " ".join(pool._servers[0].proc.args)
        assert PdfReader(str(tmp_path / "a.pdf")).pages
        assert soffice.poll() is None, "the user's LibreOffice is still running"
    finally:
        os.killpg(soffice.pid, signal.SIGKILL)
        soffice.wait()
