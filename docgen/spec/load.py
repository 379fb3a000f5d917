"""Spec files in, validated `Spec` objects out (or a SpecError that names every problem)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..plumbing.errors import Problem, SpecError
from .messages import misspelt, translate
from .salvage import before_syntax_error, salvage, unaffected
from .schema import Spec
from .yamlsource import Source, dotted, parse_text, read_source

AUTO = "auto"


def validate_source(source: Source, along: list[Problem] | tuple = ()) -> Spec:
    """The validated spec, or a SpecError naming every problem of the file, ordered by line:
    the checks across fields run even when some fields fail (on the rest of the spec). `along`
    (the placeholders left) is reported among them when there are any."""
    from .checks import raw_problems, spec_problems

    if not isinstance(source.data, dict):
        raise SpecError([Problem(source.file, 1, "", "Tệp rỗng hoặc không phải một nhóm khóa YAML (loai:, co_quan:, …).")])
    # An id the profile lacks was reported while merging; one left with no profile at all, here.
    problems = list(source.pending) or [
        Problem(source.file_of(path), source.line_of(path), dotted(path),
                f"Người ký “{value}” là mã trong hồ sơ cơ quan, nhưng không tìm thấy tệp docgen.yaml "
                "ở thư mục này hay thư mục cha (hoặc chỉ ra bằng --profile).") for path, value in signer_refs(source.data)]
    problems += raw_problems(source)
    try:
        spec = Spec.model_validate(source.data)
    except ValidationError as exc:
        problems += translate(exc, source, Spec) + _salvaged_problems(source, exc)
        raise SpecError(ordered(problems + list(along))) from None
    problems += spec_problems(spec, source)
    if problems:
        raise SpecError(ordered(problems + list(along)))
    return spec


def _salvaged_problems(source: Source, exc: ValidationError) -> list[Problem]:
    """The checks across fields, on the spec without its failing values."""
    from .checks import spec_problems

    saved = salvage(source.data, exc)  # type: ignore[arg-type]
    if saved is None:
        return []
    spec, pruned = saved
    return unaffected(spec_problems(spec, source), pruned, sorted(misspelt(exc, Spec), key=str))


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems by file and line; one per field (the first found: an empty trich_yeu is not
    also reported missing)."""
    seen: set[tuple] = set()
    out = []
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        key = (p.file, p.line, p.field) if p.field else (p.show(),)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def signer_refs(data: dict):
    """Signers named by an id (`nguoi_ky: cvp`) at the top or in a giấy mời / công văn."""
    for path in (("nguoi_ky",), ("giay_moi", "nguoi_ky"), ("cong_van", "nguoi_ky")):
        node: object = data
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, str):
            yield path, node


def resolve(path: Path, profile: Path | str | None = AUTO) -> Source:
    """The spec's source, merged over its office profile (found, named, or None for none)."""
    from .profile import find_profile, load_profile, merge

    source = read_source(Path(path), before_error=before_syntax_error)
    profile_path = find_profile(Path(path)) if profile == AUTO else profile
    if profile_path is None:
        return source
    prof, psource = load_profile(Path(profile_path))
    return merge(source, prof, psource)


def load_spec(path: Path, profile: Path | str | None = AUTO) -> Spec:
    """Read and validate one spec file, over the office profile that applies to it."""
    return validate_source(resolve(path, profile))


def load_spec_text(text: str, name: str = "<spec>") -> Spec:
    return validate_source(parse_text(text, name, before_syntax_error))
