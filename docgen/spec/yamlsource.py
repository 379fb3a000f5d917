"""YAML with line numbers: the data, plus where every key and value stands in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..plumbing.errors import Problem, SpecError

Path_ = tuple[str | int, ...]

# Characters XML 1.0 cannot hold (tab, newline and carriage return are fine).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass
class Source:
    """A parsed YAML document and the line (1-based) of each path in it.

    A merged source (a spec over its office profile) also records, per path, the file the
    value came from; a path with no entry there belongs to `file`.
    """

    file: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)
    files: dict[Path_, str] = field(default_factory=dict)

    def _longest(self, path: Path_) -> Path_ | None:
        for end in range(len(path), -1, -1):
            if tuple(path[:end]) in self.lines:
                return tuple(path[:end])
        return None

    def line_of(self, path: Path_) -> int | None:
        """The line of the longest prefix of path that the file has."""
        found = self._longest(path)
        return None if found is None else self.lines[found]

    def file_of(self, path: Path_) -> str:
        found = self._longest(path)
        return self.files.get(found, self.file) if found is not None else self.file

    def graft(self, path: Path_, other: "Source", other_path: Path_ = ()) -> None:
        """Record that the value at path came from other (at other_path)."""
        for sub, line in other.lines.items():
            if sub[: len(other_path)] == other_path:
                here = path + sub[len(other_path):]
                self.lines[here] = line
                self.files[here] = other.file_of(sub)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: 10x faster
    """SafeLoader that refuses duplicate keys instead of keeping the last one."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[object, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.MarkedYAMLError(
                problem=f"khóa “{key}” xuất hiện hai lần (lần đầu ở dòng {seen[key]})",
                problem_mark=key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _index(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (key_node.value,)
            lines[child] = key_node.start_mark.line + 1
            _index(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, path + (i,), lines)


def _illegal_chars(data: object, path: Path_, found: list[tuple[Path_, str]]) -> None:
    if isinstance(data, str):
        if m := _XML_ILLEGAL.search(data):
            found.append((path, m.group()))
    elif isinstance(data, dict):
        for k, v in data.items():
            _illegal_chars(v, path + (k,), found)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            _illegal_chars(v, path + (i,), found)


def dotted(path: Path_) -> str:
    """`noi_dung[2].muc` for a path, as the messages name fields."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_text(text: str, file: str) -> Source:
    """Parse YAML text; SpecError with file and line for a syntax error or bad characters."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "lỗi cú pháp"
        shown = text.splitlines()[line - 1].strip() if line and line <= len(text.splitlines()) else ""
        key = re.match(r"^-?\s*([A-Za-z_][\w]*)\s*:", shown)
        quote = f" Dòng đó: “{shown[:80]}”." if shown else ""
        raise SpecError([Problem(file, line, key[1] if key else "",
                                 f"Lỗi cú pháp YAML: {_yaml_problem_vi(what)}.{quote}")]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(file, None, "", f"Lỗi cú pháp YAML: {exc}.")]) from None
    source = Source(file, data)
    if node is not None:
        _index(node, (), source.lines)
    found: list[tuple[Path_, str]] = []
    _illegal_chars(data, (), found)
    if found:
        raise SpecError([
            Problem(file, source.line_of(p), dotted(p),
                    f"có ký tự điều khiển không hợp lệ (mã U+{ord(ch):04X}) mà tệp Word không chứa được; hãy xóa ký tự này.")
            for p, ch in found
        ])
    return source


def _yaml_problem_vi(problem: str) -> str:
    known = {
        "mapping values are not allowed": "dấu “:” không được phép ở đây (văn bản có dấu “: ” thì đặt trong ngoặc kép; hoặc thụt lề sai)",
        "found character that cannot start any token": "có ký tự không được đứng đầu giá trị (thường là ký tự Tab: YAML chỉ dùng dấu cách để thụt lề; hoặc @, ` ở đầu: đặt trong ngoặc kép)",
        "could not find expected ':'": "thiếu dấu “:” sau tên khóa",
        "found character '\\t' that cannot start any token": "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề",
        "did not find expected key": "thụt lề không đúng hoặc thiếu khóa",
        "did not find expected '-' indicator": "thụt lề của danh sách không đúng (thiếu dấu “-”?)",
        "found unexpected end of stream": "tệp kết thúc giữa chừng (thiếu dấu ngoặc kép đóng?)",
        "found undefined alias": "dùng bí danh (*) chưa được định nghĩa",
    }
    for en, vi in known.items():
        if problem.startswith(en):
            return vi
    return problem


def read_source(path: Path) -> Source:
    """Read a spec file as UTF-8 YAML."""
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SpecError([Problem(file, None, "", "Không tìm thấy tệp.")]) from None
    except IsADirectoryError:
        raise SpecError([Problem(file, None, "", "Đây là thư mục, không phải tệp YAML.")]) from None
    except OSError as exc:
        raise SpecError([Problem(file, None, "", f"Không đọc được tệp: {exc.strerror}.")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SpecError([Problem(file, line, "", "Tệp không ở bảng mã UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 "
                                 "(trong Notepad/VS Code: Save with Encoding → UTF-8).")]) from None
    return parse_text(text, file)
