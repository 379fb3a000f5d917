"""`docgen template export` and `docgen template fields`: an office's own templates."""

from __future__ import annotations

from pathlib import Path

from ..plumbing.output import refuse_existing, write_atomic
from ..plumbing.progress import Echo
from ..render.fields import field_guide, inspect_template
from ..render.templates import builtin_path


def export(doc_type: str, folder: Path, force: bool = False) -> list[Path]:
    """The built-in template of a type, as an editable .docx, with a guide to its fields."""
    folder = Path(folder)
    docx_path = folder / f"{doc_type}.docx"
    guide_path = folder / f"{doc_type}.cac-truong.md"
    refuse_existing([docx_path, guide_path], force)
    write_atomic(docx_path, builtin_path(doc_type).read_bytes())
    write_atomic(guide_path, field_guide().encode("utf-8"))
    return [docx_path, guide_path]


def describe(path: Path) -> tuple[str, bool]:
    """The template's fields and loops, then its problems; and whether any is an error."""
    result = inspect_template(Path(path))
    from ..render.parts import part_label

    lines = [f"Mẫu {path}:"]
    if len(result.parts) > 1:
        lines.append("  Các phần có thẻ, đều đã kiểm tra: " + ", ".join(part_label(p) for p in result.parts))
    for name, kind in sorted(result.fields.items()):
        lines.append(f"  {kind:<9} {name}")
    lines += [f"  {f.show()}" for f in result.findings]
    errors = sum(1 for f in result.findings if f.severity == "lỗi")
    lines.append(f"{len(result.fields)} trường và vòng lặp; {errors} lỗi, {len(result.findings) - errors} lưu ý.")
    return "\n".join(lines), result.failed


def run_export(doc_type: str, folder: Path, force: bool, echo: Echo) -> int:
    for path in export(doc_type, folder, force):
        echo(f"Đã tạo {path}")
    return 0


def run_fields(path: Path, echo: Echo) -> int:
    """0 when the template is sound, 2 when it has an error."""
    text, failed = describe(path)
    echo(text)
    return 2 if failed else 0
