"""One LibreOffice kept open to turn .docx into PDF, driven through UNO.

Run by docgen.plumbing.office_pool under the system Python that has the `uno` module (Debian's
python3-uno serves only /usr/bin/python3), so this file imports nothing from docgen and
nothing outside the standard library but `uno`.

Protocol on stdin/stdout, one JSON object per line:
  out, first:   {"ready": <soffice pid>}  or  {"error": "...", "kind": "no-uno" | "start"}
  in:           {"src": "/path/in.docx", "dst": "/path/out.pdf"}
  out:          {"ok": true}  or  {"ok": false, "error": "...", "alive": <LibreOffice still up>}
End of input (docgen finished, or died) closes LibreOffice and ends this process.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def emit(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def start(args):
    import uno
    from com.sun.star.connection import NoConnectException

    cmd = [args.soffice, f"-env:UserInstallation={Path(args.profile).as_uri()}", "--headless", "--invisible",
           "--nocrashreport", "--nodefault", "--nologo", "--nofirststartwizard", "--norestore", "--nolockcheck",
           f"--accept=pipe,name={args.pipe};urp;StarOffice.ComponentContext"]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + args.startup_timeout
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={args.pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError(f"soffice exited with status {proc.returncode} before accepting connections")
            if time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"soffice did not accept connections within {args.startup_timeout} s")
            time.sleep(0.05)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def convert(desktop, src: str, dst: str) -> None:
    import uno
    from com.sun.star.beans import PropertyValue

    def props(**kw):
        return tuple(PropertyValue(Name=k, Value=v) for k, v in kw.items())

    # Never run macros; no link updates: the input is a generated document, nothing more.
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                       props(Hidden=True, ReadOnly=True, FilterName="MS Word 2007 XML",
                                             MacroExecutionMode=0, UpdateDocMode=0))
    if doc is None:
        raise RuntimeError(f"LibreOffice could not open {src}")
    try:
        # Embed every font, the standard ones too: the PDF must look the same everywhere.
        data = uno.Any("[]com.sun.star.beans.PropertyValue", props(EmbedStandardFonts=True))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                       props(FilterName="writer_pdf_Export", FilterData=data))
    finally:
        doc.close(True)


def answers(desktop) -> bool:
    """Whether LibreOffice is still there: its launcher may outlive a crashed soffice.bin."""
    try:
        desktop.getFrames()
        return True
    except Exception:  # noqa: BLE001 - DisposedException and friends: the bridge is gone
        return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--pipe", required=True)
    parser.add_argument("--startup-timeout", type=float, default=60.0)
    args = parser.parse_args()
    try:
        import uno  # noqa: F401
    except ImportError as exc:
        emit({"error": str(exc), "kind": "no-uno"})
        return 3
    try:
        proc, desktop = start(args)
    except Exception as exc:  # noqa: BLE001 - reported to docgen, which falls back
        emit({"error": f"{type(exc).__name__}: {exc}", "kind": "start"})
        return 4
    emit({"ready": proc.pid})
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            try:
                convert(desktop, request["src"], request["dst"])
                emit({"ok": True})
            except Exception as exc:  # noqa: BLE001 - a UNO error is an answer, not a crash
                alive = proc.poll() is None and answers(desktop)
                emit({"ok": False, "error": f"{type(exc).__name__}: {exc}", "alive": alive})
                if not alive:
                    return 5
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - LibreOffice may be gone already
            pass
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
