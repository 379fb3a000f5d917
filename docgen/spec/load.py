"""Spec files in, validated `Spec` objects out (or a SpecError that names every problem)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import Problem, SpecError
from .messages import translate
from .schema import Spec
from .yamlsource import Source, parse_text, read_source

AUTO = "auto"


def validate_source(source: Source) -> Spec:
    if not isinstance(source.data, dict):
        raise SpecError([Problem(source.file, 1, "", "Tệp rỗng hoặc không phải một nhóm khóa YAML (loai:, co_quan:, …).")])
    if isinstance(source.data.get("nguoi_ky"), str):
        raise SpecError([Problem(source.file, source.line_of(("nguoi_ky",)), "nguoi_ky",
                                 f"Người ký “{source.data['nguoi_ky']}” là mã trong hồ sơ cơ quan, nhưng không tìm thấy "
                                 "tệp docgen.yaml ở thư mục này hay thư mục cha (hoặc chỉ ra bằng --profile).")])
    try:
        return Spec.model_validate(source.data)
    except ValidationError as exc:
        raise SpecError(translate(exc, source, Spec)) from None


def resolve(path: Path, profile: Path | str | None = AUTO) -> Source:
    """The spec's source, merged over its office profile (found, named, or None for none)."""
    from .profile import find_profile, load_profile, merge

    source = read_source(Path(path))
    profile_path = find_profile(Path(path)) if profile == AUTO else profile
    if profile_path is None:
        return source
    prof, psource = load_profile(Path(profile_path))
    return merge(source, prof, psource)


def load_spec(path: Path, profile: Path | str | None = AUTO) -> Spec:
    """Read and validate one spec file, over the office profile that applies to it."""
    return validate_source(resolve(path, profile))


def load_spec_text(text: str, name: str = "<spec>") -> Spec:
    return validate_source(parse_text(text, name))
