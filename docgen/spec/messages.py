"""Pydantic's validation errors as Vietnamese problems with file, line and field."""

from __future__ import annotations

import difflib
import re

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
    keyed = False  # the previous field is a dict by id (nguoi_ky: {cvp: …}): this part is the id
    for part in path:
        if current is None or isinstance(part, int) or keyed:
            keyed = False
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        keyed = getattr(field.annotation, "__origin__", None) is dict
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


def close_key(model: type[BaseModel], loc: tuple) -> str | None:
    """The valid key an unknown one (at loc) is probably a misspelling of."""
    close = difflib.get_close_matches(str(loc[-1]), _known_keys(_model_at(model, loc[:-1])), n=1, cutoff=0.5)
    return close[0] if close else None


def misspelt(exc: ValidationError, model: type[BaseModel]) -> set[tuple]:
    """The paths of the keys that unknown keys are misspellings of (`trich_yu` → trich_yeu)."""
    return {err["loc"][:-1] + (key,) for err in exc.errors()
            if err["type"] == "extra_forbidden" and (key := close_key(model, err["loc"])) is not None}


_FILE_KIND = {"Spec": "tệp khai báo văn bản", "Profile": "hồ sơ cơ quan (docgen.yaml)", "DanhBa": "danh bạ đơn vị"}

# Keys a secretary writes in the wrong place, with where they belong.
_ELSEWHERE = {
    ("NguoiKyHoSo", "quyen_han"): "trong hồ sơ cơ quan, dòng quyền hạn (TM., KT., …) được docgen viết từ tu_cach "
                                  "(thu-truong, tap-the, ky-thay, tap-the-ky-thay, quyen, thua-lenh, thua-uy-quyen) cùng tap_the, "
                                  "cap_truong; hãy bỏ quyen_han và ghi tu_cach",
    # The ký hiệu is composed (Phụ lục I, Mục II.3.b), never typed: say which part is typed where.
    ("CongVan", "ky_hieu"): "ký hiệu công văn được docgen ghép từ co_quan.viet_tat và don_vi_soan (Số: …/VPUBND-TH); "
                            "hãy bỏ ky_hieu và ghi phần sau dấu gạch ngang ở don_vi_soan, ví dụ don_vi_soan: TH",
    ("Spec", "ky_hieu"): "ký hiệu được docgen ghép từ tên loại và co_quan.viet_tat (Số: …/TB-UBND); hãy bỏ ky_hieu, "
                         "phần sau dấu gạch ngang sửa ở co_quan.viet_tat",
    ("GiayMoi", "ky_hieu"): "ký hiệu giấy mời được docgen ghép từ GM và co_quan.viet_tat (Số: …/GM-UBND); hãy bỏ "
                            "ky_hieu, phần sau dấu gạch ngang sửa ở co_quan.viet_tat",
}


def _where_keys(model: type[BaseModel], path: str, out: dict[str, list[str]], seen: set) -> None:
    if model in seen:
        return
    seen = seen | {model}
    for name, field in model.model_fields.items():
        here = f"{path}.{name}" if path else name
        out.setdefault(name, []).append(here)
        inner = _inner_model(field.annotation)
        if inner is not None:
            _where_keys(inner, here + ("[]" if "list" in str(field.annotation) else ""), out, seen)


def _elsewhere(root: type[BaseModel], owner: type[BaseModel] | None, key: str) -> str | None:
    """Where a key unknown here belongs, in this kind of file."""
    if owner is not None and (owner.__name__, key) in _ELSEWHERE:
        return _ELSEWHERE[(owner.__name__, key)]
    places: dict[str, list[str]] = {}
    _where_keys(root, "", places, set())
    found = places.get(key)
    if not found:
        return None
    shown = ", ".join("ở cấp ngoài cùng của tệp (không thụt lề)" if "." not in p else f"trong “{p.rsplit('.', 1)[0]}”"
                      for p in found[:3])
    return f"khóa “{key}” dùng {shown}: hãy viết nó đúng chỗ, đúng thụt lề"


def choices_vi(expected: str) -> str:
    """Pydantic's "'I', '1' or 'a'" as “I”, “1” hoặc “a”."""
    items = re.findall(r"'([^']*)'", expected) or [expected]
    quoted = [f"“{x}”" for x in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " hoặc " + quoted[-1]


_LITERAL_HINTS = {
    ("loai", "giay-moi"): " Giấy mời và công văn là văn bản đi kèm: viết “van_ban: [giay-moi]” (cùng loai nếu có văn bản chính).",
    ("loai", "cong-van"): " Giấy mời và công văn là văn bản đi kèm: viết “van_ban: [cong-van]” (cùng loai nếu có văn bản chính).",
}


def _colon_hint(value: object, key: object = None) -> str:
    """A line that ends in “:” is read by YAML as a key with no value: say how to keep it text."""
    if isinstance(value, dict) and len(value) == 1 and next(iter(value.values())) is None:
        key = next(iter(value))
    elif isinstance(value, str) and isinstance(key, str) and " " in key.strip():
        # "- Sở Tài chính: rà soát …": a sentence with ": " in it, read as a key and its value
        shown = f"{key}: {value}"
        shown = shown if len(shown) <= 60 else shown[:57] + "…"
        return (f" Dòng “{shown}” có dấu “: ” nên YAML hiểu “{key}” là một khóa. Nếu đây là câu văn, đặt cả câu "
                f"trong ngoặc kép: - \"{shown}\"; nếu là việc giao cho {key}, viết nhiem_vu (hoặc doan) kèm "
                f"chu_tri: {key}.")
    elif value is not None:
        return ""
    if isinstance(key, str) and (" " in key.strip() or not key.isascii()):
        return (f" Dòng “{key}:” kết thúc bằng dấu hai chấm nên YAML hiểu là một khóa; hãy đặt cả chữ trong ngoặc kép: "
                f"\"{key}:\".")
    return ""


def _number_hint(value: object, kind: str) -> str:
    """`so: 1.205` typed with a thousands dot: YAML reads a decimal number (1.205), not 1205;
    `so: 12/CT-UBND` typed with its ký hiệu, which docgen composes."""
    if isinstance(value, str) and kind.startswith("int") and (m := re.match(r"\s*(?:Số:?\s*)?(\d+)\s*/\s*(\S+)", value)):
        return (f" Chỉ ghi con số: {int(m[1])}; phần “/{m[2]}” docgen tự ghép từ loại văn bản và co_quan.viet_tat "
                "(công văn: và cong_van.don_vi_soan).")
    if not (isinstance(value, float) and kind.startswith("int")):
        return ""
    whole = f"{value:.3f}".replace(".", "").lstrip("0") or "0"
    return (f" Số viết liền, không có dấu chấm hay dấu phẩy phân cách: YAML đọc {value:g} là số thập phân; "
            f"nếu ý bạn là {whole}, hãy viết {whole}.")


def _flow_comma_hint(source: Source, loc: tuple, line: int | None) -> str:
    """`{chuc_vu: Phó Bí thư, Chủ tịch UBND tỉnh}`: in braces every comma starts a key, so the
    words after a comma inside a value came out as a key with no value."""
    key = loc[-1]
    parent = source.data
    for part in loc[:-1]:
        if isinstance(parent, dict) and part in parent:
            parent = parent[part]
        elif isinstance(parent, list) and isinstance(part, int) and part < len(parent):
            parent = parent[part]
        elif not (isinstance(parent, dict) and isinstance(part, int)):  # one item where a list may be: same place
            return ""
    text = source.text_of(loc)
    if not (isinstance(key, str) and isinstance(parent, dict) and parent.get(key, "") is None and text and line):
        return ""
    row = text.splitlines()[line - 1] if line <= text.count("\n") + 1 else ""
    keys = list(parent)
    at = keys.index(key)
    if "{" not in row or f", {key}" not in row or at == 0 or not isinstance(parent[keys[at - 1]], str):
        return ""
    before = keys[at - 1]
    whole = f"{parent[before]}, {key}"
    return (f" Trong {{ … }}, mỗi dấu phẩy bắt đầu một khóa mới, nên “{key}” bị tách khỏi giá trị của “{before}”. "
            f"Hãy đặt giá trị có dấu phẩy trong ngoặc kép: {before}: \"{whole}\" (hoặc viết mỗi khóa một dòng).")


def _sentence_items(exc: ValidationError) -> dict[tuple, dict]:
    """List items of a union (text or a group: noi_nhan, moi, chuan_bi) that are a sentence with
    “: ” read by YAML as a one-key mapping (`- Các Sở: GTVT, TC`): their place and that mapping.
    Each branch of the union fails on it (not text, keys missing, key unknown); one message says
    what happened."""
    found: dict[tuple, dict] = {}
    for err in exc.errors():
        loc, value = err["loc"], err.get("input")
        if (err["type"] == "string_type" and len(loc) > 1 and isinstance(loc[-2], int) and isinstance(value, dict)
                and len(value) == 1 and isinstance(key := next(iter(value)), str)
                and (" " in key.strip() or not key.isascii()) and not isinstance(value[key], (dict, list))):
            found[loc[:-1]] = value
    return found


def translate(exc: ValidationError, source: Source, model: type[BaseModel], keep=None) -> list[Problem]:
    """Each error as a Problem; `keep`, when given, chooses the errors (a pydantic error dict each)."""
    problems: list[Problem] = []
    seen: set[tuple] = set()
    sentences, told = _sentence_items(exc), set()
    meant = misspelt(exc, model)  # a key missing because it is misspelt: the misspelling says so
    for err in exc.errors():
        if keep is not None and not keep(err):
            continue
        # A union (one style or a list of styles) reports each branch under a tag such as
        # "literal['I','1']": the user's field is the same, and its first message says enough.
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or "'" in p)))
        item = next((at for at in sentences if err["loc"][:len(at)] == at), None)
        if item is not None:
            if item not in told:
                told.add(item)
                key, text = next(iter(sentences[item].items()))
                shown = f"{key}: {text}" if text is not None else f"{key}:"
                msg = (f"Dòng “{shown}” có dấu “: ” nên YAML hiểu “{key}” là một khóa, không phải một dòng chữ; "
                       f"hãy đặt cả dòng trong ngoặc kép: - \"{shown}\".")
                problems.append(Problem(source.file_of(item), source.line_of(item), dotted(item), msg))
            continue
        if loc in seen and err["loc"] != loc:
            continue
        seen.add(loc)
        kind = err["type"]
        if kind == "missing" and loc in meant:
            continue
        field = dotted(loc)
        line = source.line_of(loc)
        value = err.get("input")
        if kind == "extra_forbidden":
            owner = _model_at(model, loc[:-1])
            keys = _known_keys(owner)
            where = _FILE_KIND.get(model.__name__, "tệp này")
            close = close_key(model, loc)
            elsewhere = _elsewhere(model, owner, str(loc[-1]))
            if elsewhere:
                hint = f" {elsewhere[0].upper()}{elsewhere[1:]}."
            elif close:
                hint = f" Có phải ý bạn là “{close}”?"
            elif keys:
                hint = f" Các khóa hợp lệ ở đây: {', '.join(keys)}."
            else:
                hint = " Ở đây chỉ ghi giá trị, không có khóa con."
            # "trich yeu: …" is a misspelt key; "Các nhiệm vụ sau:" (Vietnamese) is a sentence read as a key
            sentence = not close or not str(loc[-1]).isascii()
            colon = _flow_comma_hint(source, loc, line) or (_colon_hint(value, loc[-1]) if sentence else "")
            msg = f"khóa “{loc[-1]}” không dùng ở chỗ này của {where}.{colon or hint}"
        elif kind == "missing":
            msg = f"thiếu trường bắt buộc “{loc[-1]}”."
        elif kind in _TYPE_NAMES:
            msg = f"giá trị {_shown(value)} không đúng kiểu: cần {_TYPE_NAMES[kind]}.{_colon_hint(value)}{_number_hint(value, kind)}"
        elif kind == "too_short":
            msg = f"danh sách cần ít nhất {err['ctx'].get('min_length', 1)} mục."
        elif kind == "literal_error":
            hint = _LITERAL_HINTS.get((str(loc[-1]), str(value)), "")
            msg = f"giá trị {_shown(value)} không hợp lệ; hãy chọn {choices_vi(str(err['ctx']['expected']))}.{hint}"
        elif kind == "string_pattern_mismatch":
            msg = f"giá trị {_shown(value)} không hợp lệ (không được có dấu cách hoặc dấu /)."
        elif kind in ("greater_than_equal", "greater_than"):
            msg = f"giá trị {_shown(value)} phải lớn hơn hoặc bằng {err['ctx'].get('ge', err['ctx'].get('gt'))}."
        elif kind in ("less_than_equal", "less_than"):
            msg = (f"giá trị {_shown(value)} quá lớn: sổ đăng ký chỉ ghi đến "
                   f"{err['ctx'].get('le', err['ctx'].get('lt'))}; hãy kiểm tra lại số.")
        elif kind in ("string_too_short",):
            msg = "giá trị trống; hãy viết nội dung, hoặc bỏ hẳn khóa này nếu không cần."
        elif kind == "value_error":
            msg = str(err["ctx"]["error"]).rstrip(".") + "."
            msg = msg[0].upper() + msg[1:]
        else:
            msg = f"giá trị {_shown(value)} không hợp lệ ở đây; xem mô tả của trường này bằng docgen schema hoặc docgen new."
        problems.append(Problem(source.file_of(loc), line, field, msg[0].upper() + msg[1:]))
    return sorted(problems, key=lambda p: p.line or 0)
