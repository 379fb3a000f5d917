"""Pydantic's validation errors as Vietnamese problems with file, line and field."""

from __future__ import annotations

import difflib

from pydantic import BaseModel, ValidationError

from ..plumbing.errors import Problem
from .yamlsource import Source, dotted

_TYPE_NAMES = {
    "string_type": "một chuỗi chữ",
    "int_type": "một số nguyên",
    "int_parsing": "một số nguyên",
    "int_from_float": "một số nguyên",
    "bool_type": "true hoặc false",
    "bool_parsing": "true hoặc false",
    "list_type": "một danh sách (mỗi mục bắt đầu bằng “- ”)",
    "dict_type": "một nhóm khóa (khóa: giá trị)",
    "model_type": "một nhóm khóa (khóa: giá trị)",
    "model_attributes_type": "một nhóm khóa (khóa: giá trị)",
}


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) < 60 else text[:57] + "…"


def _model_at(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The pydantic model class that owns the mapping at path."""
    current: type[BaseModel] | None = model
    for part in path:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current


def _inner_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        if found := _inner_model(arg):
            return found
    if hasattr(annotation, "__origin__") and hasattr(annotation, "__metadata__"):
        return _inner_model(annotation.__origin__)
    return None


def _known_keys(model: type[BaseModel] | None) -> list[str]:
    return list(model.model_fields) if model else []


def translate(exc: ValidationError, source: Source, model: type[BaseModel]) -> list[Problem]:
    problems: list[Problem] = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        kind = err["type"]
        field = dotted(loc)
        line = source.line_of(loc)
        value = err.get("input")
        if kind == "extra_forbidden":
            owner = _model_at(model, loc[:-1])
            keys = _known_keys(owner)
            close = difflib.get_close_matches(str(loc[-1]), keys, n=1, cutoff=0.5)
            hint = f" Có phải ý bạn là “{close[0]}”?" if close else f" Các khóa hợp lệ ở đây: {', '.join(keys)}."
            msg = f"khóa “{loc[-1]}” không có trong mẫu văn bản.{hint}"
        elif kind == "missing":
            msg = f"thiếu trường bắt buộc “{loc[-1]}”."
        elif kind in _TYPE_NAMES:
            msg = f"giá trị {_shown(value)} không đúng kiểu: cần {_TYPE_NAMES[kind]}."
        elif kind == "too_short":
            msg = f"danh sách cần ít nhất {err['ctx'].get('min_length', 1)} mục."
        elif kind == "literal_error":
            msg = f"giá trị {_shown(value)} không hợp lệ; chọn một trong: {err['ctx']['expected']}."
        elif kind == "string_pattern_mismatch":
            msg = f"giá trị {_shown(value)} không hợp lệ (không được có dấu cách hoặc dấu /)."
        elif kind in ("greater_than_equal", "greater_than"):
            msg = f"giá trị {_shown(value)} phải lớn hơn hoặc bằng {err['ctx'].get('ge', err['ctx'].get('gt'))}."
        elif kind == "value_error":
            msg = str(err["ctx"]["error"]).rstrip(".") + "."
            msg = msg[0].upper() + msg[1:]
        else:
            msg = f"giá trị {_shown(value)} không hợp lệ ({err['msg']})."
        problems.append(Problem(source.file_of(loc), line, field, msg[0].upper() + msg[1:]))
    return sorted(problems, key=lambda p: p.line or 0)
