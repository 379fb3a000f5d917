"""What every rule module shares: the registry binding check functions to catalogue ids, the
runner that judges each static rule in catalogue order, and the helpers several components use.

A check calls ctx.fail(...) for each place that breaks its rule, raises NotChecked when the
file does not let it judge (a component it needs is missing, the page count is unknown), and
NotApplicable when the document has nothing the rule is about (no Kính gửi, no căn cứ)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ...nd30 import layout as L
from ..catalogue import RULES, Rule
from ..components import Components, Segment
from ..docmodel import DocxFile, Para, Run
from ..report import FAIL, NOT_APPLICABLE, NOT_CHECKED, PASS, Finding, Location, Result
from ..text import excerpt, is_upper, num, span

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_CM = TWIPS_PER_MM * 10
INDENT_TOLERANCE_TWIPS = 12  # about 0.2 mm: Word rounds indents typed in cm


class NotChecked(Exception):
    """The file does not let this rule be judged; reported, never counted as passed."""


class NotApplicable(Exception):
    """The document has nothing this rule is about."""


class Context:
    """What a check needs, and where it writes what it finds."""

    def __init__(self, doc: DocxFile, c: Components, pages: int | None = None) -> None:
        self.doc, self.c, self.pages = doc, c, pages
        self.rule: Rule | None = None
        self.findings: list[Finding] = []

    def fail(self, where: Segment | Para | Location, expected: str, found: str, targets: Iterable = ()) -> None:
        self.findings.append(Finding(self.rule, locate(where), expected, found, list(targets)))


def locate(where: Segment | Para | Location) -> Location:
    if isinstance(where, Location):
        return where
    para = where.para if isinstance(where, Segment) else where
    text = where.shown if isinstance(where, Segment) else para.shown[len(para.label):]
    story = para.place.story
    return Location(paragraph=para.index, excerpt=excerpt(text), story=story,
                    section=para.section if story != "body" else None)


CHECKS: dict[str, Callable[[Context], None]] = {}


def check(rule_id: str):
    def register(fn: Callable[[Context], None]) -> Callable[[Context], None]:
        assert rule_id not in CHECKS, rule_id
        CHECKS[rule_id] = fn
        return fn
    return register


def run(doc: DocxFile, c: Components, pages: int | None = None) -> list[Result]:
    """Every static rule of the catalogue, in catalogue order."""
    ctx = Context(doc, c, pages)
    results: list[Result] = []
    for rule in RULES:
        if rule.layout:
            continue

        def one(rule: Rule = rule) -> list[Finding]:
            ctx.rule, ctx.findings = rule, []
            CHECKS[rule.id](ctx)
            return merge_findings(ctx.findings)

        results.append(judge(rule, one))
    return results


def judge(rule: Rule, check: Callable[[], list[Finding]]) -> Result:
    """One rule's result: its findings, or why it could not be judged, never a crash."""
    try:
        findings = check()
    except NotChecked as exc:
        return Result(rule, NOT_CHECKED, reason=str(exc))
    except NotApplicable as exc:
        return Result(rule, NOT_APPLICABLE, reason=str(exc))
    except Exception as exc:  # noqa: BLE001 - an odd file must not end the whole check
        return Result(rule, NOT_CHECKED, reason=internal_error(exc))
    return Result(rule, FAIL if findings else PASS, findings)


def internal_error(exc: Exception) -> str:
    return f"lỗi nội bộ của docgen khi đọc văn bản này ({type(exc).__name__}: {exc}); hãy báo lỗi kèm tệp"


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """The same fault in many paragraphs is one finding naming them all."""
    merged: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.expected, f.found, f.where.story, f.where.section)
        if key in merged and f.where.paragraph is not None:
            first = merged[key]
            if f.where.paragraph != first.where.paragraph and f.where.paragraph not in first.where.others:
                first.where.others.append(f.where.paragraph)
            first.targets.extend(f.targets)
        else:
            merged[key if f.where.paragraph is not None else (key, len(merged))] = f
    return list(merged.values())


# ---------------------------------------------------------------- shared pieces

def _chars(seg: Segment) -> list[tuple[Run, str]]:
    return [(run, ch) for run, text in seg.pieces() for ch in text if not ch.isspace()]


def _state(flags: list[bool], on: str, off: str) -> str:
    if all(flags):
        return on
    if not any(flags):
        return off
    return f"{on} một phần"


def _need(value, name: str, optional: str | None = None) -> list[Segment]:
    segs = value if isinstance(value, list) else ([value] if value is not None else [])
    if not segs:
        if optional is not None:
            raise NotApplicable(optional)
        raise NotChecked(f"không tìm thấy {name} trong văn bản")
    return segs


def size_rule(ctx: Context, segs: list[Segment], rng: L.Range) -> None:
    for seg in segs:
        chars = _chars(seg)
        sizes = sorted({run.fmt.size for run, _ in chars})
        if any(size not in rng for size in sizes):
            bad = {id(run): run for run, _ in chars if run.fmt.size not in rng}
            ctx.fail(seg, f"cỡ {span(rng)} pt", "cỡ " + " và ".join(num(s) for s in sizes) + " pt",
                     [(run, rng) for run in bad.values()])


def style_rule(ctx: Context, segs: list[Segment], bold: bool, italic: bool) -> None:
    want = f"{'đậm' if bold else 'không đậm'}, {'nghiêng' if italic else 'đứng'}"
    for seg in segs:
        chars = _chars(seg)
        if not chars:
            continue
        bolds, italics = [r.fmt.bold for r, _ in chars], [r.fmt.italic for r, _ in chars]
        if any(b != bold for b in bolds) or any(i != italic for i in italics):
            ctx.fail(seg, "chữ " + want,
                     f"chữ {_state(bolds, 'đậm', 'không đậm')}, {_state(italics, 'nghiêng', 'đứng')}")


def upper_rule(ctx: Context, segs: list[Segment], upper: bool) -> None:
    for seg in segs:
        if is_upper(seg.shown) != upper:
            ctx.fail(seg, "chữ in hoa" if upper else "chữ in thường",
                     "có chữ thường" if upper else "toàn chữ in hoa")


def segment_align(seg: Segment) -> str:
    """How a segment sits: the paragraph's alignment, or the kind of tab stop it was tabbed to
    (the n-th tab of a line lands on the n-th stop; past the set stops Word's default stops are
    left stops)."""
    tabs = seg.tabs_before
    if not tabs:
        return seg.para.fmt.align
    stops = sorted((pos, val) for val, pos in seg.para.fmt.tabs if val not in ("clear", "bar"))
    if tabs > len(stops):
        return "tab:left"
    kind = stops[tabs - 1][1]
    kind = {"start": "left", "end": "right"}.get(kind, kind)
    return "center" if kind == "center" else f"tab:{kind}"


ALIGN_LABEL = {"left": "canh trái", "center": "canh giữa", "right": "canh phải", "both": "canh đều hai lề",
               "tab:left": "đặt bằng tab trái", "tab:right": "đặt bằng tab phải"}


def align_label(align: str) -> str:
    return ALIGN_LABEL.get(align, "đặt bằng tab" if align.startswith("tab:") else align)


def align_rule(ctx: Context, segs: list[Segment], want: str = "center") -> None:
    for seg in segs:
        got = segment_align(seg)
        if got != want:
            ctx.fail(seg, ALIGN_LABEL[want], align_label(got))


def _register_component(rule_id: str, kind: str, get: Callable[[Context], list[Segment]],
                        style: L.Style | None = None) -> None:
    def fn(ctx: Context) -> None:
        segs = get(ctx)
        if kind == "size":
            size_rule(ctx, segs, style.size)
        elif kind == "style":
            style_rule(ctx, segs, style.bold, style.italic)
        elif kind == "case":
            upper_rule(ctx, segs, style.upper)
        elif kind == "align":
            align_rule(ctx, segs)
    check(rule_id)(fn)


ComponentRow = tuple[str, Callable[[Context], list[Segment]], L.Style, tuple[str, ...]]


def _register_components(rows: list[ComponentRow]) -> None:
    """For each (prefix, getter, style, kinds) a check per kind: "ND30-QH" + "SIZE" → ND30-QH-SIZE."""
    for prefix, get, style, kinds in rows:
        for kind in kinds:
            _register_component(f"{prefix}-{kind}", kind.lower(), get, style)


def _visible(text: str) -> str:
    """Shows what is easy to miss: dashes other than "-", double spaces, line breaks."""
    out = text.replace("\n", "⏎").replace("\t", "→").replace("\u2013", "– (gạch ngang dài)")
    return re.sub(r" {2,}", lambda m: f"[{len(m.group())} dấu cách]", out)


# What offices write after an item's semicolon: a note "; (b/cáo)", or the brace of a group
# sharing one note ";\t} (biết)". The item itself still ends with its semicolon.
_TYPED_NOTE = re.compile(r"(?<=;)(?:\s*\}\s*(?:\([^()]*\))?|\s+\([^()]*\))$")


def _dash_items(ctx: Context, items: list[Segment], last_end: str | None) -> None:
    """Each item "- …;", the last one ending with `last_end` (None: the last is judged elsewhere)."""
    for i, seg in enumerate(items):
        text = seg.para.text[:seg.end] if seg.para.label and seg.start == len(seg.para.label) else seg.shown
        text = _TYPED_NOTE.sub("", text.strip())
        last = i == len(items) - 1
        end = last_end if last else ";"
        if last and last_end is None:
            continue
        if not re.match(r"- \S", text) or not text.endswith(end) or text.endswith(" " + end):
            ctx.fail(seg, f"«- …{end}»", f"«{_visible(_ends(text))}»")


def _ends(text: str, keep: int = 24) -> str:
    """A line short enough to quote: its start and its end, which is where punctuation goes."""
    return text if len(text) <= 2 * keep else f"{text[:keep]}…{text[-keep // 2:]}"


def _is_draft(ctx: Context) -> bool:
    """No number yet before the "/" of the Số line: the văn thư numbers it after signing."""
    so = ctx.c.so
    seg = so[0] if isinstance(so, list) and so else so
    if seg is None:
        return False
    left = seg.shown.split("/", 1)[0]
    return not re.search(r"\d", left)
