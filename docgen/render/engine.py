"""docxtpl templates compiled once, rendered many times.

A template is read once (see `parts`): every part that can hold tags (document, headers,
footers, footnotes, endnotes, core properties) is read as docxtpl reads it and compiled by
Jinja's sandbox with autoescaping; the other parts are kept as deflated bytes and copied into
every output unchanged. What each rendered part needs afterwards (table grids, drawing ids)
is decided at compile time; relationships, media parts and content types are touched only by
a render that adds pictures, links or sub-documents (`media`) or replaces pictures. Text from
a spec only ever reaches a template as context data, so `{{ }}` typed in a spec is printed,
never run.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from ..plumbing.errors import DocgenError
from ..plumbing.safezip import InputRefused, SafeZip
from ..plumbing.sandboxed_run import BudgetExceeded
from . import parts as P
from .integrity import rels_name
from .limits import BoundedOps, TemplateLimit, refuse, templated_part, unused_part
from .media import CURRENT, RenderState
from .package import PackageInfo
from .zipwrite import Entry, zip_entries

# The filled parts are deflated once per document: zlib level 1 is 5x faster than the default 6
# on a long document.xml and makes it about 2 kB larger; the unchanged parts keep level 6.
RENDERED_LEVEL = 1




_T_OPEN = re.compile(r"<w:t(?: [^>]*)?>")
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'


def _line_breaks(xml: str) -> str:
    """Each newline inside a w:t as a w:br, as docxtpl's resolve_listing writes it, looking only around each newline: the part is
    long and its newlines are few (a trích yếu broken by its author)."""
    out: list[str] = []
    done, i = 0, xml.find("\n")
    while i != -1:
        start, end = xml.rfind("<", 0, i), xml.find("<", i)
        m = _T_OPEN.match(xml, start) if start >= done else None
        if m and m.end() <= i and xml.startswith("</w:t>", end):
            out += [xml[done:start], xml[start:end].replace("\n", _BREAK)]
            done, i = end, xml.find("\n", end)
        else:
            i = xml.find("\n", i + 1)
    return "".join(out) + xml[done:] if out else xml


class TemplateProblem(DocgenError):
    """The template itself is broken (an office's own template, usually)."""


class PartProblem(TemplateProblem):
    """A tag that does not compile, at a known part and paragraph."""

    def __init__(self, message: str, part: str, paragraph: int, text: str, reason: str) -> None:
        super().__init__(message)
        self.part, self.paragraph, self.text, self.reason = part, paragraph, text, reason


# Globals a document template has no use for; each is a handle on Python objects.
_PRUNED_GLOBALS = ("cycler", "joiner", "namespace", "lipsum", "dict")
_FORBIDDEN_NAMES = {"self", "config", "request", "environ", "os", "sys"}


class Sandbox(BoundedOps, SandboxedEnvironment):
    """Jinja's sandbox with autoescaping, no helper globals, no `self`/dunder access, bounded
    operations and no include, import, recursion or huge loop (docgen.render.limits)."""

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        for name in _PRUNED_GLOBALS:
            self.globals.pop(name, None)

    def _parse(self, source, name, filename):
        tree = super()._parse(source, name, filename)
        for node in tree.find_all((nodes.Name, nodes.Getattr)):
            bad = node.name if isinstance(node, nodes.Name) else node.attr
            if (isinstance(node, nodes.Name) and bad in _FORBIDDEN_NAMES) or bad.startswith("_"):
                raise SecurityError(f"“{bad}” (dòng {node.lineno})")
        refuse(tree, source)
        return tree


def sandbox(filters: dict | None = None) -> SandboxedEnvironment:
    env = Sandbox()
    env.filters.update(filters or {})
    return env


def security_message(template: str, exc: Exception) -> str:
    return (f"Mẫu {template} tìm cách truy cập phần bên trong của chương trình ({exc}); docgen chặn việc này. "
            "Mẫu chỉ được dùng các trường dữ liệu của văn bản (xem: docgen template fields).")


_MESSAGES = [
    (re.compile(r"No filter named '([^']*)'"), "không có bộ lọc “{0}” (docgen chỉ có các bộ lọc sẵn có của Jinja)"),
    (re.compile(r"No test named '([^']*)'"), "không có phép thử “{0}”"),
    (re.compile(r"Encountered unknown tag '(end\w+)'"), "thẻ “{0}” không có thẻ mở tương ứng"),
    (re.compile(r"Encountered unknown tag '([^']*)'"), "không có thẻ “{0}”"),
    (re.compile(r"Unexpected end of template.*'(end\w+)'"), "thiếu thẻ đóng “{0}”"),
    (re.compile(r"unexpected char '(.*)' at"), "ký tự “{0}” không được phép trong thẻ"),
    (re.compile(r"unexpected '(.*)'"), "không chờ đợi “{0}” ở đây"),
]


def explain(exc: TemplateError) -> str:
    """A Jinja error in Vietnamese, with Jinja's own words in brackets."""
    text = getattr(exc, "message", None) or str(exc)
    for pattern, message in _MESSAGES:
        m = pattern.search(text)
        if m:
            return f"{message.format(*m.groups())} ({text})"
    return f"lỗi cú pháp thẻ: {text}"


def where(raw: bytes, patch, env: SandboxedEnvironment, exc: TemplateSyntaxError) -> tuple[int, str]:
    """The paragraph (number, text) a compile error is in: the part compiled again, marked."""
    marked = P.marked_source(raw, patch)
    try:
        env.from_string(marked)
    except TemplateSyntaxError as again:
        exc = again
    except TemplateError:
        return 0, ""
    number = P.paragraph_at(marked, exc.lineno)
    texts = P.paragraph_texts(raw)
    return number, texts[number - 1] if 0 < number <= len(texts) else ""


def compile_part(env: SandboxedEnvironment, prepared: P.Prepared, raw: bytes, patch, template: str):
    """One part's Jinja template, or TemplateProblem naming the part and paragraph."""
    try:
        return env.from_string(prepared.source)
    except SecurityError as exc:
        raise PartProblem(security_message(template, exc), prepared.name, 0, "",
                          f"mẫu truy cập phần bên trong của chương trình ({exc}): bị chặn") from None
    except TemplateSyntaxError as exc:
        number, text = where(raw, patch, env, exc)
        place = f"{P.part_label(prepared.name)}, đoạn {number}" + (f" “{text[:60]}”" if text else "")
        reason = f"vượt giới hạn của mẫu: {exc.message}" if isinstance(exc, TemplateLimit) else explain(exc)
        raise PartProblem(f"Mẫu {template} có thẻ lỗi ở {place}: {reason}.", prepared.name, number, text,
                          reason) from None


class _Part:
    __slots__ = ("info", "template", "fix_grid", "fix_drawings")

    def __init__(self, info: zipfile.ZipInfo, template, prepared: P.Prepared) -> None:
        self.info, self.template = info, template
        self.fix_grid, self.fix_drawings = prepared.fix_grid, prepared.fix_drawings


class CompiledTemplate:
    """A docxtpl template, preprocessed and compiled once.

    `filters`: Jinja filters a program adds (functions of its own; a template cannot add any).
    """

    def __init__(self, path: Path, filters: dict | None = None) -> None:
        self.path = Path(path)
        helper = DocxTemplate(str(self.path))
        env = sandbox(filters)
        self._parts: list[_Part | Entry] = []
        try:
            archive = SafeZip.open(self.path, "mẫu")
        except InputRefused as exc:
            raise TemplateProblem(exc.message) from None
        drawings: dict[int, bytes] = {}  # index in _parts -> raw XML of a story part with pictures
        raws: dict[str, bytes] = {}
        with archive:
            for info in archive.infos:
                try:  # bounded: a bomb in any part is refused before it is inflated whole
                    raw = (P.nfc(templated_part(archive, info)) if P.TEMPLATED.match(info.filename)
                           else unused_part(archive, info))
                except InputRefused as exc:
                    raise TemplateProblem(exc.message) from None
                raws[info.filename] = raw
                if b"<wp:docPr" in raw and P.STORY.match(info.filename):
                    drawings[len(self._parts)] = raw
                try:
                    prepared = P.prepare(info.filename, raw, helper.patch_xml)
                except etree.XMLSyntaxError as exc:
                    raise TemplateProblem(f"Mẫu {self.path.name}: phần {info.filename} không phải XML hợp lệ ({exc}).") \
                        from None
                if prepared is None:
                    self._parts.append(Entry(info.filename, info.date_time, raw))
                else:
                    template = compile_part(env, prepared, raw, helper.patch_xml, self.path.name)
                    self._parts.append(_Part(info, template, prepared))
        self.package = PackageInfo(archive.infos, raws)
        self._helper = helper
        self._unique_drawings(drawings)

    def _unique_drawings(self, drawings: dict[int, bytes]) -> None:
        """Drawing ids the template itself repeats (python-docx and some editors number them per
        part) are made unique once here: parts without tags now, parts with tags at each render."""
        ids = [int(x) for raw in drawings.values() for x in P.DOCPR_IDS.findall(raw)]
        start = max([1000, *ids]) + 1
        if len(ids) != len(set(ids)):
            for index, raw in drawings.items():
                part = self._parts[index]
                if isinstance(part, _Part):
                    part.fix_drawings = True
                else:
                    xml, start = P.renumber_drawings(raw.decode("utf-8"), start)
                    self._parts[index] = Entry(part.name.decode("utf-8"), self.package.infos[
                        part.name.decode("utf-8")].date_time, xml.encode("utf-8"))
        self.package.drawing_base = start

    def render(self, context: dict, replace: dict | None = None) -> bytes:
        """The filled document as .docx bytes; the parts without tags were deflated at load.

        `replace`: pictures to swap, as docxtpl's replace_pic/replace_media/replace_zipname do:
        a key naming a picture (its name, title or description in Word's Alt Text) or a part
        (“word/media/image1.png”), or the original bytes of a picture or embedded file; the
        value is the new bytes.
        """
        state = RenderState(self.package)
        token = CURRENT.set(state)
        entries: list[Entry] = []
        next_drawing = None
        try:
            for part in self._parts:
                if isinstance(part, Entry):
                    entries.append(part)
                    continue
                name = part.info.filename
                state.part = name
                xml = self._fill(part, context, name)
                if "docgen-url:" in xml:
                    xml = state.link_urls(xml)
                if part.fix_grid:
                    xml = P.fix_grid(xml)
                if part.fix_drawings or name in state.drawn:
                    xml, next_drawing = P.renumber_drawings(xml, next_drawing or self.package.drawing_base)
                entries.append(Entry(name, part.info.date_time, (P.DECLARATION + xml).encode("utf-8"), RENDERED_LEVEL))
        finally:
            CURRENT.reset(token)
        if state.changed:
            entries = self._with_relationships(entries, state)
        if replace:
            from .replace import replaced

            entries = replaced(entries, self.package, replace, self.path.name)
        return zip_entries(entries)

    def _fill(self, part: _Part, context: dict, name: str) -> str:
        try:
            xml = part.template.render(context)
        except SecurityError as exc:
            raise TemplateProblem(security_message(self.path.name, exc)) from None
        except TemplateError as exc:
            raise TemplateProblem(f"Mẫu {self.path.name}, {P.part_label(name)}: lỗi khi điền dữ liệu: {exc}.") from None
        except (DocgenError, BudgetExceeded, MemoryError, RecursionError, OverflowError):
            raise  # the budget's own refusals (docgen.render.limits) say which tag went over
        except Exception as exc:  # a value that cannot print itself, e.g. docxtpl's InlineImage bound to its DocxTemplate
            raise TemplateProblem(
                f"Mẫu {self.path.name}, {P.part_label(name)}: một giá trị trong dữ liệu không kết xuất được "
                f"({type(exc).__name__}: {exc}). Ảnh, liên kết và tài liệu con cho docgen là docgen.render.media.Image, "
                "url_id, Subdocument (giá trị đã tạo cho docxtpl: chuyển bằng docgen.render.adapt.context).") from None
        return self._finish(xml)

    def _with_relationships(self, entries: list[Entry], state: RenderState) -> list[Entry]:
        changed = {rels_name(part): self.package.rels_entry(part, rels) for part, rels in state.new_rels.items()}
        types = self.package.content_types(state.new_media)
        if types is not None:
            changed["[Content_Types].xml"] = types
        out = [changed.pop(e.name.decode("utf-8"), e) for e in entries]
        return out + list(changed.values()) + self.package.media_entries(state.new_media)

    def _finish(self, xml: str) -> str:
        """What docxtpl does after Jinja: undo the line trick, unescape {_{, resolve \\n, \\t."""
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")  # = re.sub(r"\n<w:p([ >])", r"<w:p\1")
        if "_" in xml:  # one character is found far faster than four strings are replaced
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if any(ch in xml for ch in "\t\a\f"):
            xml = self._helper.resolve_listing(xml)
        elif "\n" in xml:  # line breaks only (a trích yếu broken by its author): docxtpl's result, without its
            xml = _line_breaks(xml)
        return xml
