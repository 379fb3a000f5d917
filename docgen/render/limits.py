"""The budget of an office's own template: what it may ask for, checked before and while it runs.

Before (static, on the Jinja tree, for `render` and `template fields` alike): no include, import
or extends; no macro that calls itself, directly or not, and no `recursive` loop; no integer
literal above MAX_LITERAL; constant `**`, `*` and `range()` evaluated with bounds, so
`10**(10**8)`, `'x'*10**9` and `range(10**10)` are named; nested constant loops bounded as a
product.

While (runtime): the sandbox intercepts `**`, `*` and `%` (which also stops Jinja from folding
them at compile time) and bounds their results, `range` is capped at MAX_RANGE, and an office's
template renders in a forked child (docgen.plumbing.sandboxed_run) under a wall clock and a
memory limit; a refusal names the tag and its paragraph. Built-in templates keep the fast path.
When no child can be forked, the template renders in docgen's own process under the same
clock: there, every range() and every join of output checks it, and the output is bounded.
"""

from __future__ import annotations

import html
import itertools
import re
import weakref
from dataclasses import dataclass

from jinja2 import nodes
from jinja2.exceptions import TemplateRuntimeError, TemplateSyntaxError

from ..plumbing.errors import DocgenError
from ..plumbing.safezip import MB, InputRefused, SafeZip, parse_xml
from ..plumbing.sandboxed_run import Budget, BudgetExceeded, active_budget, run_bounded

MAX_LITERAL = 1_000_000
MAX_RANGE = 10_000  # turns of one loop
MAX_NESTED = 1_000_000  # turns of nested constant loops together
MAX_EXPONENT = 64
MAX_TEXT = 1_000_000  # characters or items made by `*` or a `%` width
MAX_OUTPUT = 64_000_000  # characters one part or block of a template may write, without a child process
MAX_PIECES = 4_000_000  # pieces of output joined (each costs a pointer even when it is one letter)
CHECK_EVERY = 4096  # turns of a loop between two looks at the clock
WALL_S = 10.0
CPU_S = 20
MEMORY_BYTES = 384 << 20
UNUSED_PART_BYTES = 16 * MB  # a part without tags is copied into every document: only when small
TEMPLATED_PART_BYTES = 8 * MB  # a part with tags is compiled: Jinja needs ~10 kB of memory per tag
MAX_TAGS = 5_000  # per part; the built-in templates have fewer than 100


class TemplateLimit(TemplateSyntaxError):
    """A template that asks for more than a document template may; Jinja reports it like a syntax error."""


class _TooBig(Exception):
    pass


# ---------------------------------------------------------------- static analysis

@dataclass
class Problem:
    lineno: int
    message: str
    hint: str = ""  # a piece of the tag at fault, to pick it among the tags of its paragraph


def analyse(tree: nodes.Template) -> list[Problem]:
    problems: list[Problem] = []
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        tag = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import",
               nodes.Extends: "extends"}[type(node)]
        problems.append(Problem(node.lineno, f"thẻ {{% {tag} %}}: mẫu docgen không được nạp mẫu hay tệp khác",
                                tag.split()[0]))
    problems += _recursion(tree)
    for node in tree.find_all(nodes.Const):
        if isinstance(node.value, int) and not isinstance(node.value, bool) and abs(node.value) > MAX_LITERAL:
            problems.append(Problem(node.lineno, f"số {node.value:,} quá lớn cho một mẫu văn bản (tối đa {MAX_LITERAL:,})",
                                    str(node.value)))
    for node in tree.find_all((nodes.Pow, nodes.Mul, nodes.Mod)):
        try:
            value = _const(node)
        except _TooBig as exc:
            problems.append(Problem(node.lineno, str(exc), "*"))
            continue
        if isinstance(value, int) and abs(value) > MAX_LITERAL:
            problems.append(Problem(node.lineno, f"số {value:,} quá lớn cho một mẫu văn bản (tối đa {MAX_LITERAL:,})", "*"))
    _loops(tree, 1, problems)
    problems.sort(key=lambda p: p.lineno)
    seen: set[int] = set()
    return [p for p in problems if p.lineno not in seen and not seen.add(p.lineno)]  # one per paragraph


def _recursion(tree: nodes.Template) -> list[Problem]:
    problems = [Problem(f.lineno, "vòng lặp “recursive” (đệ quy) không được dùng trong mẫu docgen", "recursive")
                for f in tree.find_all(nodes.For) if f.recursive]
    macros = {m.name: m for m in tree.find_all(nodes.Macro)}
    calls = {name: {c.node.name for c in m.find_all(nodes.Call) if isinstance(c.node, nodes.Name) and c.node.name in macros}
             for name, m in macros.items()}

    def reaches(start: str) -> bool:
        todo, seen = list(calls[start]), set()
        while todo:
            name = todo.pop()
            if name == start:
                return True
            if name not in seen:
                seen.add(name)
                todo.extend(calls.get(name, ()))
        return False

    for name, macro in macros.items():
        if reaches(name):
            problems.append(Problem(macro.lineno, f"macro “{name}” gọi lại chính nó (đệ quy): mẫu docgen không dùng đệ quy",
                                    "macro"))
    return problems


def _const(node: nodes.Node):
    """The value of a constant expression, refusing to compute one that is too big; None if not constant."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Neg):
        value = _const(node.node)
        return -value if isinstance(value, (int, float)) else None
    if isinstance(node, (nodes.List, nodes.Tuple)):
        return [None] * len(node.items)
    if not isinstance(node, (nodes.Pow, nodes.Mul, nodes.Add, nodes.Sub, nodes.Mod, nodes.FloorDiv)):
        return None
    left, right = _const(node.left), _const(node.right)
    if left is None or right is None:
        return None
    if isinstance(node, nodes.Pow):
        _check_pow(left, right)
    elif isinstance(node, nodes.Mul):
        _check_mul(left, right)
    elif isinstance(node, nodes.Mod) and not isinstance(left, (int, float)):
        return None  # string formatting: judged when it runs
    try:
        return {nodes.Pow: lambda: left ** right, nodes.Mul: lambda: left * right, nodes.Add: lambda: left + right,
                nodes.Sub: lambda: left - right, nodes.Mod: lambda: left % right,
                nodes.FloorDiv: lambda: left // right}[type(node)]()
    except (TypeError, ValueError, ArithmeticError):
        return None


def _check_pow(left, right) -> None:
    if not (isinstance(left, (int, float)) and isinstance(right, (int, float))) or abs(left) in (0, 1):
        return
    if abs(right) > MAX_EXPONENT or (isinstance(left, int) and right > 0 and left.bit_length() * right > 4096):
        shown = f"{left}**{right}" if len(f"{left}{right}") < 40 else "lũy thừa"
        raise _TooBig(f"lũy thừa {shown} quá lớn (số mũ tối đa {MAX_EXPONENT}, kết quả tối đa 4096 bit)")


def _check_mul(left, right) -> None:
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and len(seq) * count > MAX_TEXT:
            raise _TooBig(f"phép nhân tạo ra {len(seq) * count:,} ký tự/phần tử (tối đa {MAX_TEXT:,})")
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > 4096:
        raise _TooBig("phép nhân tạo ra số quá lớn")


def _range_len(node: nodes.Node) -> int | None:
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range"):
        return None
    try:
        args = [_const(a) for a in node.args]
    except _TooBig:
        return None
    if not args or any(not isinstance(a, int) for a in args) or len(args) > 3 or 0 in args[2:]:
        return None
    return len(range(*args))


def _loops(node: nodes.Node, outer: int, problems: list[Problem]) -> None:
    for child in node.iter_child_nodes():
        turns = outer
        if isinstance(child, nodes.For):
            size = _range_len(child.iter)
            if size is not None and size > MAX_RANGE:
                problems.append(Problem(child.lineno, f"vòng lặp range(…) {size:,} lần, quá giới hạn {MAX_RANGE:,} lần",
                                        "range"))
            turns = outer * (size or 1)
            if size is not None and size <= MAX_RANGE and turns > MAX_NESTED:
                problems.append(Problem(child.lineno, f"các vòng lặp range(…) lồng nhau chạy {turns:,} lần, quá giới hạn "
                                                      f"{MAX_NESTED:,} lần", "range"))
        elif isinstance(child, nodes.Call):
            size = _range_len(child)
            if size is not None and size > MAX_RANGE:
                problems.append(Problem(child.lineno, f"range(…) {size:,} phần tử, quá giới hạn {MAX_RANGE:,}", "range"))
        _loops(child, turns, problems)


def refuse(tree: nodes.Template, source: str) -> None:
    """Raise TemplateLimit naming the first tag over budget (every one, in the message)."""
    problems = analyse(tree)
    if problems:
        text = "; ".join(f"{describe(source, p.lineno, p.hint)}: {p.message}" for p in problems[:5])
        raise TemplateLimit(text, problems[0].lineno)


# ---------------------------------------------------------------- naming a tag

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def tags_at(source: str, lineno: int) -> list[str]:
    lines = source.split("\n")
    if not 1 <= lineno <= len(lines):
        return []
    text = html.unescape(re.sub(r"<[^>]*>", "", lines[lineno - 1]))
    return [t if len(t) <= 80 else t[:77] + "…" for t in _JINJA.findall(text)]


def describe(source: str, lineno: int, hint: str = "") -> str:
    """“đoạn N, thẻ «…»”: the engine starts each <w:p> on a line of its own, so lines give paragraphs."""
    tags = tags_at(source, lineno)
    paragraph = sum(1 for line in source.split("\n")[:lineno] if line.startswith("<w:p"))
    where = f"đoạn {max(paragraph, 1)}"
    tag = next((t for t in tags if hint and hint in t), tags[0] if tags and hint else " ".join(tags[:4]))
    return f"{where}, thẻ «{tag}»" if tag else where


# ---------------------------------------------------------------- runtime

class BoundedOps:
    """Mixed into the sandbox: bounded `**`, `*`, `%` and range (and no folding of them at compile)."""

    intercepted_binops = frozenset({"**", "*", "%"})

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self.globals["range"] = _range
        # Jinja calls a filter with constant arguments at compile time (`'x'|center(10**6)|replace(…)`),
        # outside any budget; a filter that takes the context is never called there.
        self.filters = {name: _unfoldable(f) for name, f in self.filters.items()}

    def concat(self, pieces) -> str:
        """Jinja joins every template, block and macro output with this; without a child process
        of its own, a render is watched here."""
        budget = active_budget()
        return "".join(pieces) if budget is None else _watched_join(pieces, budget)

    def call_binop(self, context, operator, left, right):
        try:
            if operator == "**":
                _check_pow(left, right)
            elif operator == "*":
                _check_mul(left, right)
            elif operator == "%" and isinstance(left, str):
                widths = [int(w) for w in re.findall(r"%[-+ #0]*(\d+)", left)]
                if any(w > MAX_TEXT for w in widths) or ("%*" in left or ".*" in left):
                    raise _TooBig("định dạng “%” với độ rộng quá lớn")
        except _TooBig as exc:
            raise TemplateRuntimeError(str(exc)) from None
        return super().call_binop(context, operator, left, right)  # type: ignore[misc]

    def from_string(self, source, *args, **kwargs):
        template = super().from_string(source, *args, **kwargs)  # type: ignore[misc]
        # Jinja rewrites a traceback to template lines under template.filename: a key to the source,
        # so a refusal can name the tag that ran over budget.
        template.docgen_source = source
        template.filename = f"<docgen-{next(_IDS)}>"
        _SOURCES[template.filename] = weakref.ref(template)
        return template


def _unfoldable(f):
    from jinja2.utils import _PassArg, pass_context

    kind = _PassArg.from_obj(f)
    if kind is _PassArg.context:
        return f
    if kind is _PassArg.eval_context:
        return pass_context(lambda ctx, *a, **k: f(ctx.eval_ctx, *a, **k))
    if kind is _PassArg.environment:
        return pass_context(lambda ctx, *a, **k: f(ctx.environment, *a, **k))
    return pass_context(lambda ctx, *a, **k: f(*a, **k))


def _range(*args):
    size = len(range(*args))
    if size > MAX_RANGE * 10:
        raise TemplateRuntimeError(f"range(…) {size:,} phần tử, quá giới hạn {MAX_RANGE * 10:,}")
    budget = active_budget()
    return range(*args) if budget is None else _WatchedRange(range(*args), budget)


class _WatchedRange:
    """A range whose loops look at the budget's clock every CHECK_EVERY turns."""

    def __init__(self, inner: range, budget: Budget) -> None:
        self.inner, self.budget = inner, budget

    def __iter__(self):
        for i, value in enumerate(self.inner):
            if i % CHECK_EVERY == 0:
                self.budget.check()
            yield value

    def __len__(self) -> int:
        return len(self.inner)

    def __getitem__(self, index):
        return self.inner[index]

    def __contains__(self, value) -> bool:
        return value in self.inner

    def __reversed__(self):
        return iter(_WatchedRange(self.inner[::-1], self.budget))


def _watched_join(pieces, budget: Budget) -> str:
    out: list[str] = []
    size = 0
    source = iter(pieces)
    for piece in source:
        out.append(piece)
        size += len(piece)
        if size > MAX_OUTPUT or len(out) % CHECK_EVERY == 0:
            try:
                if size > MAX_OUTPUT or len(out) > MAX_PIECES:
                    raise BudgetExceeded("output")
                budget.check()
            except BudgetExceeded as exc:
                if hasattr(source, "throw"):  # raised where the template is, so the refusal names its tag
                    source.throw(exc)
                raise
    return "".join(out)


WORDS = {"time": f"chạy quá {WALL_S:g} giây", "cpu": f"chạy quá {CPU_S} giây xử lý",
         "memory": f"cần quá {MEMORY_BYTES >> 20} MB bộ nhớ",
         "output": f"viết ra quá {MAX_OUTPUT // 1_000_000} triệu ký tự (hoặc {MAX_PIECES // 1_000_000} triệu mẩu)"}


class BoundedTemplate:
    """An office's own CompiledTemplate, rendered in a child process under a budget."""

    def __init__(self, template) -> None:
        self.template = template
        self.path = template.path

    def render(self, context: dict) -> bytes:
        name = self.path.name

        def over(what: str) -> DocgenError:
            return DocgenError(f"Mẫu {name} {WORDS[what]} khi điền dữ liệu; docgen đã dừng và không ghi tệp nào. "
                               f"Chạy: docgen template fields {self.path} để xem thẻ nào cần sửa.")

        return run_bounded(lambda: self._render_here(context), wall_s=WALL_S, cpu_s=CPU_S,
                           memory_bytes=MEMORY_BYTES, on_budget=over)

    def _render_here(self, context: dict) -> bytes:
        try:
            return self.template.render(context)
        except (BudgetExceeded, MemoryError, RecursionError, OverflowError) as exc:
            what = (WORDS[exc.what] if isinstance(exc, BudgetExceeded)
                    else WORDS["memory"] if isinstance(exc, MemoryError) else "đệ quy hoặc lặp quá sâu")
            raise DocgenError(f"Mẫu {self.path.name}: {_where(exc)} {what} khi điền dữ liệu; docgen đã dừng và không "
                              "ghi tệp nào. Hãy sửa hoặc bỏ thẻ này.") from None
        except DocgenError as exc:
            cause = exc.__context__
            if cause is not None and _where(cause) != "mẫu":
                raise DocgenError(f"{exc.message} ({_where(cause)})") from None
            raise


_IDS = itertools.count(1)
_SOURCES: dict[str, weakref.ref] = {}


def _where(exc: BaseException) -> str:
    """The paragraph and tag of the innermost template frame in exc's traceback (as Jinja rewrote it)."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        ref = _SOURCES.get(tb.tb_frame.f_code.co_filename)
        template = ref() if ref else tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None and getattr(template, "docgen_source", None):
            line = tb.tb_lineno if ref else template.get_corresponding_lineno(tb.tb_lineno)
            found = (template, line)
        tb = tb.tb_next
    if found is None:
        return "mẫu"
    template, line = found
    return describe(template.docgen_source, line)


def unused_part(archive: SafeZip, info) -> bytes:
    """A template part without tags, copied into every output: small, and well-formed XML if XML."""
    data = archive.read(info, limit=UNUSED_PART_BYTES)
    if info.filename.endswith((".xml", ".rels")):
        parse_xml(data, f"{archive.label}: phần {info.filename}")
    return data


def templated_part(archive: SafeZip, info) -> bytes:
    """A part whose tags are compiled: bounded in size and in number of tags (compiling costs time
    and memory with the tags, before any budget of the render applies)."""
    data = archive.read_xml(info, limit=TEMPLATED_PART_BYTES)
    tags = data.count(b"{{") + data.count(b"{%")
    if tags > MAX_TAGS:
        name = getattr(info, "filename", info)
        raise InputRefused(f"{archive.label}: phần {name} có {tags:,} thẻ {{{{ }}}} / {{% %}}, quá giới hạn {MAX_TAGS:,} "
                           "thẻ một phần của mẫu docgen; hãy dùng vòng lặp thay vì lặp lại thẻ.")
    return data
