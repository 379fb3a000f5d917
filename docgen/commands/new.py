"""`docgen new`: write a starting spec, filled from the office profile that will apply to it."""

from __future__ import annotations

from pathlib import Path

from ..plumbing.output import refuse_existing, write_atomic
from ..plumbing.progress import Echo
from ..spec.profile import find_profile, load_profile
from ..spec.scaffold import scaffold


def new_spec(doc_type: str, out: Path | None, force: bool = False, profile: Path | None = None) -> str:
    """The scaffold text; written atomically to out when given (refused if it exists)."""
    where = Path(out) if out is not None else Path.cwd() / "x.yaml"
    found = profile or find_profile(where)
    text = scaffold(doc_type, load_profile(found)[0] if found else None)
    if out is not None:
        refuse_existing([Path(out)], force)
        write_atomic(Path(out), text.encode("utf-8"))
    return text


def run(doc_type: str, out: Path | None, force: bool, profile: Path | None, echo: Echo) -> int:
    """Print the scaffold, or write it to out and say so."""
    text = new_spec(doc_type, out, force, profile)
    if out is None:
        echo(text, nl=False)
    else:
        echo(f"Đã tạo {out}")
    return 0
