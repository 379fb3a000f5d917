"""Where the built-in templates are: inside the installed package (docgen.templates)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from .engine import CompiledTemplate


def builtin_path(doc_type: str) -> Path:
    # A source checkout's own templates first: an editable install made from another checkout
    # maps docgen.templates to that checkout's folder, whose templates may differ from these.
    local = Path(__file__).resolve().parents[2] / "templates" / f"{doc_type}.docx"
    if local.exists() and (local.parent.parent / "docgen" / "render" / "templates.py").exists():
        return local
    try:
        root = resources.files("docgen.templates")
        path = Path(str(root.joinpath(f"{doc_type}.docx")))
        if path.exists():
            return path
    except ModuleNotFoundError:
        pass
    # Running from a source checkout that was not installed.
    return Path(__file__).resolve().parents[2] / "templates" / f"{doc_type}.docx"


@lru_cache(maxsize=16)
def compiled(path: Path) -> CompiledTemplate:
    return CompiledTemplate(path)


def for_type(doc_type: str) -> CompiledTemplate:
    return compiled(builtin_path(doc_type))
