"""YAML with line numbers: the data, plus where every key and value stands in the file."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import yaml

from ..plumbing.errors import Problem, SpecError
from .guard import format_char_message, format_chars, has_format_chars, nfc, read_bounded, refuse_anchors
from .yamlerrors import yaml_problem

Path_ = tuple[str | int, ...]

# Characters XML 1.0 cannot hold (tab, newline and carriage return are fine).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class Source:
    """A parsed YAML document and the line (1-based) of each path in it.

    A merged source (a spec over its office profile) also records, per path, the file the
    value came from; a path with no entry there belongs to `file`.

    The line table is made only when something asks for it (a message, --explain): a
    document that validates never pays for it. Until then the source keeps its YAML text
    (composed again, to the same nodes, when the table is wanted) or the source it was
    merged from, and the grafts made onto it.
    """

    __slots__ = ("file", "data", "_lines", "_files", "_text", "_base", "_ops", "raw", "pending")

    def __init__(self, file: str, data: object, lines: dict[Path_, int] | None = None,
                 files: dict[Path_, str] | None = None, *, text: str | None = None,
                 base: "Source | None" = None) -> None:
        self.file = file
        self.data = data
        self._text = text
        self._base = base
        self.raw: str | None = text if text is not None else (base.raw if base is not None else None)
        self._ops: list = []
        self.pending: list[Problem] = []  # found while merging (an unknown profile id): validate reports them with the rest
        lazy = text is not None or base is not None
        self._lines = None if lazy else (lines if lines is not None else {})
        self._files = None if lazy else (files if files is not None else {})

    def _table(self) -> None:
        if self._lines is not None:
            return
        lines: dict[Path_, int] = {}
        files: dict[Path_, str] = {}
        if self._base is not None:
            lines.update(self._base.lines)
            files.update(self._base.files)
        elif self._text is not None:
            loader = _FastLoader(self._text)
            try:
                node = loader.get_single_node()
            finally:
                loader.dispose()
            if node is not None:
                _index(node, (), lines)
        self._lines, self._files = lines, files
        ops, self._ops, self._text, self._base = self._ops, [], None, None
        for op in ops:
            self._apply(*op)

    def _apply(self, path: Path_, other: "Source | None", other_path: Path_, line: int = 0, file: str = "") -> None:
        lines, files = self._lines, self._files
        if other is None:
            lines[path], files[path] = line, file  # type: ignore[index]
            return
        for sub, at in other.lines.items():
            if sub[: len(other_path)] == other_path:
                here = path + sub[len(other_path):]
                lines[here] = at  # type: ignore[index]
                files[here] = other.file_of(sub)  # type: ignore[index]

    @property
    def lines(self) -> dict[Path_, int]:
        self._table()
        return self._lines  # type: ignore[return-value]

    @property
    def files(self) -> dict[Path_, str]:
        self._table()
        return self._files  # type: ignore[return-value]

    def _later(self, *op: object) -> None:
        # Kept as data, not closures: a closure over self would make a reference cycle that
        # holds the whole node tree until the cyclic garbage collector runs.
        if self._lines is None:
            self._ops.append(op)
        else:
            self._apply(*op)  # type: ignore[arg-type]

    def _longest(self, path: Path_) -> Path_ | None:
        lines = self.lines
        for end in range(len(path), -1, -1):
            if tuple(path[:end]) in lines:
                return tuple(path[:end])
        return None

    def line_of(self, path: Path_) -> int | None:
        """The line of the longest prefix of path that the file has."""
        found = self._longest(path)
        return None if found is None else self.lines[found]

    def file_of(self, path: Path_) -> str:
        found = self._longest(path)
        return self.files.get(found, self.file) if found is not None else self.file

    def text_of(self, path: Path_) -> str | None:
        """The YAML text the value at path was read from (None when it came from another file)."""
        return self.raw if self.file_of(path) == self.file else None

    def graft(self, path: Path_, other: "Source", other_path: Path_ = ()) -> None:
        """Record that the value at path came from other (at other_path)."""
        self._later(path, other, other_path)

    def mark(self, path: Path_, line: int, file: str) -> None:
        """Record that the value at path came from line of file."""
        self._later(path, None, (), line, file)

    def merged(self, data: object) -> "Source":
        """A source for data made from this one: same lines until grafted onto."""
        return Source(self.file, data, base=self)


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

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_ScalarNode, _SequenceNode = yaml.ScalarNode, yaml.SequenceNode


def _implicit_table(loader: type) -> dict[str, tuple]:
    """The loader's implicit resolvers by first character, the wildcard ones after them."""
    found = loader.yaml_implicit_resolvers
    wild = tuple(found.get(None, ()))
    return {ch: tuple(rs) + wild for ch, rs in found.items() if ch is not None}


class _FastLoader(_Loader):
    """_Loader that resolves tags as SafeLoader does, in fewer steps: only composes.

    Same YAML 1.1 rules (true/yes/on, 8:00 as sexagesimal, ~ and null, dates); no path
    resolvers, so descending and ascending are no-ops (C callables, not Python calls).
    """

    def resolve(self, kind, value, implicit, _get=_implicit_table(_Loader).get):  # noqa: ANN001
        if kind is _ScalarNode:
            if implicit[0]:
                for tag, regexp in _get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is _SequenceNode else _MAP

    descend_resolver = staticmethod(slice)  # any two arguments, no Python frame
    ascend_resolver = staticmethod(tuple)  # no arguments


assert not _Loader.yaml_path_resolvers and "" in _Loader.yaml_implicit_resolvers


class _Unusual(Exception):
    """Something the fast construction leaves to the full constructor (explicit tags,
    merge keys, duplicate keys, a value the constructor refuses)."""


def _scalar_constructors(loader: yaml.BaseLoader) -> dict[str, object]:
    ctors = {}
    for tag in ("null", "bool", "int", "float", "timestamp"):
        full = f"tag:yaml.org,2002:{tag}"
        ctors[full] = getattr(loader, _Loader.yaml_constructors[full].__name__)
    return ctors


def _construct(root: yaml.Node, loader: yaml.BaseLoader) -> object:
    """The data of a composed tree: what SafeLoader builds, for plain documents, in one tight
    walk; anything unusual raises _Unusual."""
    try:
        # made: collections by node, so that aliases share one object, as in PyYAML
        return _build(root, _scalar_constructors(loader), {})
    except _Unusual:
        raise
    except Exception:  # unhashable key, bad date, …: the full constructor says what it says
        raise _Unusual from None


def _build(node: yaml.Node, ctors: dict, made: dict) -> object:
    # A module function, not a closure: a recursive closure is a reference cycle.
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _MAP:
        out = made.get(id(node))
        if out is not None:
            return out
        made[id(node)] = out = {}
        pairs = node.value
        keys = [k.value if k.tag == _STR else _build(k, ctors, made) for k, _ in pairs]
        for key, (_, value_node) in zip(keys, pairs):
            if key in out:
                raise _Unusual
            out[key] = _build(value_node, ctors, made)
        return out
    if tag == _SEQ:
        out = made.get(id(node))
        if out is not None:
            return out
        made[id(node)] = out = []
        out.extend([_build(item, ctors, made) for item in node.value])
        return out
    ctor = ctors.get(tag)
    if ctor is None or type(node) is not _ScalarNode:
        raise _Unusual
    return ctor(node)


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


def _compose(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if loader_class is _FastLoader:
            try:
                return node, (_construct(node, loader) if node is not None else None)
            except _Unusual:
                pass  # the full constructor below builds it, or says what is wrong
            loader.dispose()
            loader = _Loader(text)
            node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _parse(text: str) -> tuple[bool, object]:
    """Whether the text is empty of YAML, and its data; the node tree goes on return."""
    node, data = _compose(text, _FastLoader)
    return node is None, data


def parse_text(text: str, file: str, before_error=None) -> Source:
    """Parse YAML text; SpecError with file and line for a syntax error or bad characters.

    The text is taken in NFC; anchors and aliases, and invisible format characters (bidi
    controls, zero-width characters) are refused. `before_error(source)`, when given, lists the
    problems of the lines before a syntax error, reported with it."""
    text = nfc(text)
    refuse_anchors(text, file)
    # The composed tree (two thousand small objects for a long spec) has no reference cycles
    # and is dropped as soon as the data is built: the cyclic collector has nothing to find in
    # it, so it is kept from scanning it (and promoting it to older generations) meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        empty, data = _parse(text)
    except yaml.YAMLError as exc:
        raise SpecError(_with_lines_before(yaml_problem(exc, text, file), text, before_error)) from None
    except (ValueError, OverflowError, RecursionError):  # an int of 5,000 digits, nesting 10,000 deep
        long = re.search(r"\d{1000,}", text)
        line = text.count("\n", 0, long.start()) + 1 if long else None
        raise SpecError([Problem(file, line, "", "Tệp có giá trị quá lớn (một số hàng nghìn chữ số) hoặc lồng quá sâu mà "
                                 "một tệp khai báo văn bản không bao giờ cần; hãy kiểm tra lại giá trị này.")]) from None
    finally:
        if collecting:
            gc.enable()
    source = Source(file, data) if empty else Source(file, data, text=text)
    problems: list[Problem] = []
    # The parser refuses these characters typed in the text (a ReaderError, above), so a value
    # gets one only from an escape in double quotes ("\x01"): most files have no backslash.
    if "\\" in text:
        found: list[tuple[Path_, str]] = []
        _illegal_chars(data, (), found)
        problems += [Problem(file, source.line_of(p), dotted(p),
                             f"Có ký tự điều khiển không hợp lệ (mã U+{ord(ch):04X}) mà tệp Word không chứa được; hãy xóa ký tự này.")
                     for p, ch in found]
    if has_format_chars(text):
        cf: list[tuple[Path_, str]] = []
        format_chars(data, (), cf)
        problems += [Problem(file, source.line_of(p), dotted(p), format_char_message(ch)) for p, ch in cf]
    if problems:
        raise SpecError(sorted(problems, key=lambda p: p.line or 0))
    return source


def _with_lines_before(problem: Problem, text: str, check) -> list[Problem]:
    """The syntax error, and what `check` finds in the lines before it (when they parse)."""
    if check is None or not problem.line or problem.line < 2:
        return [problem]
    head = "".join(text.splitlines(keepends=True)[:problem.line - 1])
    try:
        found = check(parse_text(head, problem.file))
    except SpecError:
        return [problem]
    return sorted([p for p in found if (p.line or 0) < problem.line] + [problem], key=lambda p: p.line or 0)


def read_source(path: Path, what: str = "tệp", before_error=None) -> Source:
    """Read a YAML file (a regular file of bounded size) as UTF-8."""
    file = str(path)
    raw = read_bounded(Path(path), what)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SpecError([Problem(file, line, "", "Tệp không ở bảng mã UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 "
                                 "(trong Notepad/VS Code: Save with Encoding → UTF-8).")]) from None
    return parse_text(text, file, before_error)
