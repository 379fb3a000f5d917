"""Spec files in, validated `Spec` objects out (or a SpecError that names every problem)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import Problem, SpecError
from .messages import translate
from .schema import Spec
from .yamlsource import Source, parse_text, read_source


def validate_source(source: Source) -> Spec:
    if not isinstance(source.data, dict):
        raise SpecError([Problem(source.file, 1, "", "Tệp rỗng hoặc không phải một nhóm khóa YAML (loai:, co_quan:, …).")])
    try:
        return Spec.model_validate(source.data)
    except ValidationError as exc:
        raise SpecError(translate(exc, source, Spec)) from None


def load_spec(path: Path) -> Spec:
    """Read and validate one spec file."""
    return validate_source(read_source(Path(path)))


def load_spec_text(text: str, name: str = "<spec>") -> Spec:
    return validate_source(parse_text(text, name))
