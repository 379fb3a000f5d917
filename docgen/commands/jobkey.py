"""The key of a batch job's inputs, for the resume notes: a finished job is skipped only when
docgen, its templates, the spec, its office profile, its danh bạ and the options are the same."""

from __future__ import annotations

import functools
from pathlib import Path

from .. import __version__
from ..distribute.directory import find_directory
from ..plumbing.digest import digest
from ..plumbing.errors import DocgenError
from ..render.templates import builtin_path
from ..spec.guard import read_bounded
from ..spec.profile import find_profile


@functools.lru_cache(maxsize=1)
def templates_digest() -> str:
    folder = builtin_path("thong-bao").parent
    return digest(*(p.read_bytes() for p in sorted(folder.glob("*.docx"))))


def input_key(spec: Path, *extra: bytes | str, directory: Path | None = None) -> str | None:
    """None when the spec cannot be read (the job itself then says why)."""
    try:
        parts: list[bytes | str] = [__version__, templates_digest(), read_bounded(spec), *extra]
        for found in (find_profile(spec), find_directory(spec, directory)):
            parts.append(read_bounded(found) if found is not None else b"")
    except (OSError, DocgenError):  # not a regular file of bounded size: the job itself says why
        return None
    return digest(*parts)
