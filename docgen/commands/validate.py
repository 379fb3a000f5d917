"""`docgen validate`: check specs (over their office profile and danh bạ), write nothing."""

from __future__ import annotations

from pathlib import Path

from ..distribute.directory import check_names, find_directory, load_directory
from ..plumbing.errors import DocgenError
from ..plumbing.progress import Echo
from ..plumbing.runner import expand
from ..spec.checks import placeholder_problems
from ..spec.explain import explain_source
from ..spec.load import resolve, validate_source


def validate_all(paths: list[Path], echo: Echo, profile: Path | str | None = "auto", explain: bool = False) -> int:
    failures = 0
    for path in expand(paths):
        try:
            source = resolve(path, profile)
            left = placeholder_problems(source)
            spec = validate_source(source, along=left)
            warnings = []
            if (found := find_directory(path)) is not None:
                warnings = check_names(spec, source, load_directory(found), draft=not spec.issued)
        except DocgenError as exc:
            failures += 1
            echo(exc.show(), err=True)
            continue
        for problem in left:
            echo(f"Cảnh báo: {problem.show()}", err=True)
        for warning in warnings:
            echo(warning, err=True)
        if left:
            echo(f"{path}: hợp lệ, nhưng còn {len(left)} chỗ giữ chỗ của mẫu; docgen render sẽ từ chối cho đến khi "
                 "thay xong (hoặc dùng docgen render --nhap để in bản nháp).")
        else:
            echo(f"{path}: hợp lệ.")
        if explain:
            echo("\n".join(explain_source(source, spec)))
    return 2 if failures else 0

