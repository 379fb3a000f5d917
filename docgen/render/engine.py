"""docxtpl templates compiled once, rendered many times.

A template is read once: its XML parts that hold tags go through docxtpl's own
preprocessing (so `{%p %}`, `{{r }}` and the rest mean what docxtpl users expect) and are
compiled by Jinja's sandbox with autoescaping; the other parts are kept as bytes and copied
into every output unchanged. Text from a spec only ever reaches a template as context
data, so `{{ }}` typed in a spec is printed, never run.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ..plumbing.errors import DocgenError
from ..plumbing.safezip import InputRefused, SafeZip
from .limits import BoundedOps, refuse, templated_part, unused_part
from .zipwrite import Entry, zip_entries

_TAG = re.compile(rb"\{[{%]")
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


class TemplateProblem(DocgenError):
    """The template itself is broken (an office's own template, usually)."""


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


def sandbox() -> SandboxedEnvironment:
    return Sandbox()


def security_message(template: str, exc: Exception) -> str:
    return (f"Mẫu {template} tìm cách truy cập phần bên trong của chương trình ({exc}); docgen chặn việc này. "
            "Mẫu chỉ được dùng các trường dữ liệu của văn bản (xem: docgen template fields).")


class CompiledTemplate:
    """A docxtpl template, preprocessed and compiled once."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        helper = DocxTemplate(str(self.path))
        env = sandbox()
        self._parts: list[tuple[zipfile.ZipInfo, object]] = []
        try:
            archive = SafeZip.open(self.path, "mẫu")
        except InputRefused as exc:
            raise TemplateProblem(exc.message) from None
        with archive:
            for info in archive.infos:
                try:
                    raw = templated_part(archive, info) if _TEMPLATED.match(info.filename) else unused_part(archive, info)
                except InputRefused as exc:
                    raise TemplateProblem(exc.message) from None
                if _TEMPLATED.match(info.filename) and _TAG.search(raw):
                    xml = helper.patch_xml(raw.decode("utf-8"))
                    xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
                    try:
                        self._parts.append((info, env.from_string(xml)))
                    except SecurityError as exc:
                        raise TemplateProblem(security_message(self.path.name, exc)) from None
                    except TemplateError as exc:
                        raise TemplateProblem(f"Mẫu {self.path.name} có thẻ lỗi: {exc}. "
                                              f"Chạy: docgen template fields {self.path} để biết đoạn nào.") from None
                else:
                    self._parts.append((info, Entry(info.filename, info.date_time, raw)))
        self._helper = helper

    def render(self, context: dict) -> bytes:
        """The filled document as .docx bytes; the parts without tags were deflated at load."""
        entries: list[Entry] = []
        for info, part in self._parts:
            if isinstance(part, Entry):
                entries.append(part)
                continue
            try:
                xml = part.render(context)  # type: ignore[attr-defined]
            except SecurityError as exc:
                raise TemplateProblem(security_message(self.path.name, exc)) from None
            except TemplateError as exc:
                raise TemplateProblem(f"Mẫu {self.path.name}: lỗi khi điền dữ liệu: {exc}.") from None
            entries.append(Entry(info.filename, info.date_time, self._finish(xml).encode("utf-8")))
        return zip_entries(entries)

    def _finish(self, xml: str) -> str:
        """What docxtpl does after Jinja: undo the line trick, unescape {_{, resolve \\n, \\t."""
        # The newline after the XML declaration is not text: leave it out of the \\n test below.
        decl, end, rest = xml.partition("?>\n")
        if end and decl.startswith("<?xml") and "<" not in decl[1:]:
            return f"{decl}{end}{self._finish(rest)}"
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if any(ch in xml for ch in "\t\a\f\n"):
            xml = self._helper.resolve_listing(xml)
        return xml
