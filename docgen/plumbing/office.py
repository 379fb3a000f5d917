"""PDF through LibreOffice headless, in a private user profile."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
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


def docx_to_pdf(src: Path, dst: Path) -> Path:
    """Convert one .docx into dst (.pdf), atomically; a private profile so a running
    LibreOffice of the user's does not capture the conversion."""
    soffice = find_soffice()
    dst = Path(dst)
    with tempfile.TemporaryDirectory(prefix="docgen-lo-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        out = Path(tmp, "out")
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), str(src)]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise DocgenError(f"LibreOffice không chuyển xong {src.name} sang PDF sau {TIMEOUT_S} giây.") from exc
        except subprocess.CalledProcessError as exc:
            raise DocgenError(f"LibreOffice không chuyển được {src.name} sang PDF: {exc.stderr.decode(errors='replace')[-300:]}") from exc
        produced = out / (Path(src).stem + ".pdf")
        if not produced.exists():
            raise DocgenError(f"LibreOffice không tạo ra tệp PDF cho {src.name}.")
        tmp_dst = dst.with_name(f".{dst.name}.tmp")
        shutil.move(str(produced), tmp_dst)
        os.replace(tmp_dst, dst)
    return dst
