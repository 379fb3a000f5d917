"""docxtpl templates compiled once, rendered many times.

A template is read once: its XML parts that hold tags go through docxtpl's own
preprocessing (so `{%p %}`, `{{r }}` and the rest mean what docxtpl users expect) and are
compiled by Jinja's sandbox with autoescaping; the other parts are kept as bytes and copied
into every output unchanged. Text from a spec only ever reaches a template as context
data, so `{{ }}` typed in a spec is printed, never run.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import DocgenError

_TAG = re.compile(rb"\{[{%]")
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


class TemplateProblem(DocgenError):
    """The template itself is broken (an office's own template, usually)."""


def sandbox() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True)


class CompiledTemplate:
    """A docxtpl template, preprocessed and compiled once."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        helper = DocxTemplate(str(self.path))
        env = sandbox()
        self._parts: list[tuple[zipfile.ZipInfo, object]] = []
        try:
            archive = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise TemplateProblem(f"Mẫu {self.path.name} không phải là tệp .docx hợp lệ: {exc}.") from None
        with archive:
            for info in archive.infolist():
                raw = archive.read(info)
                if _TEMPLATED.match(info.filename) and _TAG.search(raw):
                    xml = helper.patch_xml(raw.decode("utf-8"))
                    xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
                    try:
                        self._parts.append((info, env.from_string(xml)))
                    except TemplateError as exc:
                        raise TemplateProblem(f"Mẫu {self.path.name} có thẻ lỗi: {exc}.") from None
                else:
                    self._parts.append((info, raw))
        self._helper = helper

    def render(self, context: dict) -> bytes:
        """The filled document as .docx bytes."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info, part in self._parts:
                if isinstance(part, bytes):
                    dst.writestr(info, part)
                    continue
                try:
                    xml = part.render(context)  # type: ignore[attr-defined]
                except TemplateError as exc:
                    raise TemplateProblem(f"Mẫu {self.path.name}: lỗi khi điền dữ liệu: {exc}.") from None
                xml = self._finish(xml)
                dst.writestr(info, xml.encode("utf-8"))
        return out.getvalue()

    def _finish(self, xml: str) -> str:
        """What docxtpl does after Jinja: undo the line trick, unescape {_{, resolve \\n, \\t."""
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if any(ch in xml for ch in "\t\a\f\n"):
            xml = self._helper.resolve_listing(xml)
        return xml
