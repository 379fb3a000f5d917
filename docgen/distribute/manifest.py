"""manifest.json (every file of a distribution with its SHA-256) and the optional .zip."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from ..plumbing.digest import file_digest
from ..plumbing.output import write_atomic

MANIFEST_NAME = "manifest.json"


def write_manifest(folder: Path, files: list[dict], about: dict) -> Path:
    """files: dicts with at least "path" (relative to folder); size and SHA-256 are added here."""
    entries = []
    for item in files:
        path = folder / item["path"]
        entries.append({**item, "bytes": path.stat().st_size, "sha256": file_digest(path)})
    data = {**about, "files": entries}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_atomic(folder / MANIFEST_NAME, text.encode("utf-8"))


def write_zip(target: Path, folder: Path, relative: list[str]) -> Path:
    """One archive of the listed files and the manifest, names relative to folder (UTF-8)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for rel in [*relative, MANIFEST_NAME]:
            archive.write(folder / rel, rel)
    return write_atomic(target, buf.getvalue())
