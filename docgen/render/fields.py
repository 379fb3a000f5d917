"""The fields a document template can use, each described once (Vietnamese, for the office
that edits its own template), and the inspection of a template's tags before rendering."""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import meta, nodes
from lxml import etree

from ..plumbing.errors import DocgenError
from ..plumbing.safezip import InputRefused, SafeZip, xml_parser
from .engine import PartProblem, compile_part, sandbox
from .limits import templated_part
from .parts import TEMPLATED, part_label, prepare

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

FIELD_GUIDE: dict[str, str] = {
    "parent_lines": "danh sách dòng tên cơ quan chủ quản (in hoa); dùng trong {%p for line in parent_lines %}",
    "agency_lines": "danh sách dòng tên cơ quan ban hành (in hoa, đậm)",
    "agency_rule": "đường kẻ dưới tên cơ quan (1/3–1/2 dòng chữ), cả đoạn: {{p agency_rule }} đứng riêng một đoạn",
    "tieu_ngu_rule": "đường kẻ dưới tiêu ngữ (dài bằng dòng chữ): {{p tieu_ngu_rule }}",
    "trich_yeu_rule": "đường kẻ dưới trích yếu (1/3–1/2 dòng chữ): {{p trich_yeu_rule }}",
    "number_line": "dòng số, ký hiệu, ví dụ “Số: 05/TB-VPUBND”",
    "date_line": "dòng địa danh, ngày tháng, ví dụ “Lào Cai, ngày 15 tháng 9 năm 2021”",
    "ten_loai": "tên loại văn bản, ví dụ THÔNG BÁO",
    "trich_yeu": "trích yếu nội dung",
    "v_v": "công văn: dòng “V/v …” dưới số, ký hiệu",
    "kinh_gui": "công văn, giấy mời gửi đích danh (và thông báo, chỉ thị có ô 9a): các dòng “Kính gửi”",
    "kinh_gui_head": "công văn, giấy mời, thông báo, chỉ thị: dòng đầu, “Kính gửi: X” (một nơi nhận) hoặc “Kính gửi:”",
    "kinh_gui_items": "công văn, giấy mời, thông báo, chỉ thị: các dòng “- …;” dưới “Kính gửi:” khi gửi nhiều nơi",
    "marks": "dấu độ mật và mức độ khẩn (MẬT, HỎA TỐC, …) dưới số, ký hiệu; dùng {%p for line in marks %}",
    "body": "danh sách đoạn nội dung (chữ đậm, nghiêng sẵn có); dùng {{r p }} trong {%p for p in body %}; "
            "p.keep đúng với đề mục và đoạn kết (giữ cùng trang với đoạn sau): {%p if p.keep %}; một bảng (bang) "
            "là p.table, in cả bảng bằng {%p if p.table %}{{p p.table }}{%p elif p.keep %}…",
    "recipients": "các dòng dưới “Nơi nhận:”, đã có “- ” và “;”, dòng cuối “- Lưu: VT, …”",
    "signer_titles": "các dòng quyền hạn, chức vụ người ký (in hoa)",
    "signer_name": "họ tên người ký",
    "appendices": "các phụ lục (phu_luc), mỗi phụ lục từ một trang mới: {{p appendices }} đứng riêng một đoạn, sau khối "
                  "nơi nhận, chữ ký; mẫu thiếu thẻ này thì docgen đặt phụ lục ở cuối văn bản và cảnh báo",
}


@dataclass
class Finding:
    severity: str  # "lỗi" stops a render; "lưu ý" does not
    paragraph: int
    text: str
    message: str
    part: str = "word/document.xml"

    def show(self) -> str:
        where = f"đoạn {self.paragraph}" if self.paragraph else "mẫu"
        if self.part != "word/document.xml":
            where = f"{part_label(self.part)}, {where}" if self.paragraph else part_label(self.part)
        snippet = f" “{self.text[:60]}”" if self.text else ""
        return f"[{self.severity}] {where}{snippet}: {self.message}"


@dataclass
class Inspection:
    path: Path
    fields: dict[str, str] = field(default_factory=dict)  # name -> "trường" | "vòng lặp"
    findings: list[Finding] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # the parts that hold tags, all checked

    @property
    def failed(self) -> bool:
        return any(f.severity == "lỗi" for f in self.findings)


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_OPEN = re.compile(r"\{\{|\{%|\{#")
_BLOCK = re.compile(r"\{%-?\s*[pr]?\s*(for|if|endfor|endif)\b")
_ORDER = ("document", "header", "footer", "footnotes", "endnotes", "core")


def _paragraphs(xml: bytes) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each paragraph's text and the character span of each of its text runs (a core
    property, which has no paragraph, counts as one)."""
    root = etree.fromstring(xml, xml_parser())
    out = []
    paragraphs = list(root.iter(f"{W}p"))
    if not paragraphs and not root.tag.startswith(W):
        return [(el.text or "", [(0, len(el.text or ""))]) for el in root if el.text]
    for p in paragraphs:
        text, spans = "", []
        for t in p.iter(f"{W}t"):
            start = len(text)
            text += t.text or ""
            spans.append((start, len(text)))
        out.append((text, spans))
    return out


def _runs_touched(spans: list[tuple[int, int]], start: int, end: int) -> int:
    return sum(1 for a, b in spans if a < end and b > start)


def _tag_parts(z: SafeZip) -> list[tuple[str, bytes]]:
    """The parts that can hold tags, document first, as an office user reads them; each read
    within the bounds render compiles them with (docgen.render.limits)."""
    infos = [i for i in z.infos if TEMPLATED.match(i.filename)]
    infos.sort(key=lambda i: (next((k for k, part in enumerate(_ORDER) if part in i.filename), 9), i.filename))
    return [(i.filename, templated_part(z, i)) for i in infos]


def _check_paragraphs(part: str, paragraphs, result: Inspection) -> None:
    """Split, unclosed and unbalanced tags, paragraph by paragraph."""
    stack: list[tuple[str, int, str]] = []
    for number, (text, spans) in enumerate(paragraphs, start=1):
        for m in _TAG.finditer(text):
            if _runs_touched(spans, m.start(), m.end()) > 1:
                result.findings.append(Finding("lưu ý", number, text, f"thẻ {m.group()} bị Word tách thành nhiều đoạn "
                                               "chữ (run); docgen vẫn đọc được, nhưng nên gõ lại thẻ liền một lần", part))
            block = _BLOCK.match(m.group())
            if block:
                kind = block.group(1)
                if kind in ("for", "if"):
                    stack.append((kind, number, text))
                elif stack and stack[-1][0] == kind[3:]:
                    stack.pop()
                else:
                    result.findings.append(Finding("lỗi", number, text, f"thẻ {m.group()} không có thẻ mở tương ứng", part))
        rest = _TAG.sub("", text)
        if _OPEN.search(rest):
            result.findings.append(Finding("lỗi", number, text, "thẻ mở “{{” hoặc “{%” chưa được đóng bằng “}}” hoặc "
                                           "“%}” trong cùng đoạn", part))
    for kind, number, text in stack:
        result.findings.append(Finding("lỗi", number, text, f"thẻ {{% {kind} %}} chưa được đóng bằng {{% end{kind} %}}",
                                       part))


def inspect_template(path: Path, filters: dict | None = None) -> Inspection:
    """Fields and loops the template uses, unknown names, split and unclosed tags, in every
    part that can hold tags (document, headers, footers, footnotes, endnotes, properties),
    compiled exactly as `render` compiles them: what passes here renders."""
    path = Path(path)
    result = Inspection(path)
    try:
        with SafeZip.open(path, "mẫu") as z:
            if not any(i.filename == "word/document.xml" for i in z.infos):
                raise KeyError("word/document.xml")
            parts = _tag_parts(z)
    except InputRefused as exc:
        raise DocgenError(exc.message) from None
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DocgenError(f"{path}: không đọc được mẫu .docx ({exc}).") from None
    texts: dict[str, list[tuple[str, list[tuple[int, int]]]]] = {}
    for name, raw in parts:
        if b"{" in raw:
            result.parts.append(name)
            try:
                texts[name] = _paragraphs(raw)
            except etree.XMLSyntaxError as exc:
                result.findings.append(Finding("lỗi", 0, "", f"phần này không phải XML hợp lệ ({exc})", name))
                continue
            _check_paragraphs(name, texts[name], result)
    if result.failed:
        return result

    env = sandbox(filters)
    patch = DocxTemplate(str(path)).patch_xml
    trees = []
    for name, raw in parts:
        prepared = prepare(name, raw, patch) if name in texts else None
        if prepared is None:
            continue
        try:
            compile_part(env, prepared, raw, patch, path.name)
        except PartProblem as exc:
            result.findings.append(Finding("lỗi", exc.paragraph, exc.text, exc.reason, name))
            continue
        trees.append((name, env.parse(prepared.source)))
    if result.failed:
        return result
    for name, tree in trees:
        loops = {n.iter.name for n in tree.find_all(nodes.For) if isinstance(n.iter, nodes.Name)}
        for var in sorted(meta.find_undeclared_variables(tree)):
            known = result.fields.get(var)
            result.fields[var] = "vòng lặp" if var in loops or known == "vòng lặp" else "trường"
            if var in FIELD_GUIDE or known is not None:
                continue
            close = difflib.get_close_matches(var, list(FIELD_GUIDE), n=1, cutoff=0.5)
            hint = f"; có phải ý bạn là “{close[0]}”?" if close else ""
            where = next(((i, t) for i, (t, _) in enumerate(texts[name], 1) if re.search(rf"\b{re.escape(var)}\b", t)),
                         (0, ""))
            result.findings.append(Finding("lỗi", where[0], where[1], f"docgen không có trường “{var}”{hint}", name))
    return result


def field_guide() -> str:
    lines = ["# Các trường dữ liệu của mẫu docgen", "",
             "Mẫu là tệp .docx với thẻ docxtpl (Jinja): {{ trường }}, {%p for … %} … {%p endfor %}, {{r p }}.",
             "Sửa chữ, bố cục trong Word hoặc LibreOffice; giữ nguyên các thẻ. Kiểm tra: docgen template fields <tệp>.",
             "Kết xuất với mẫu riêng: docgen render <tệp yaml> --template <tệp mẫu>.", ""]
    lines += [f"- {name}: {desc}" for name, desc in FIELD_GUIDE.items()]
    return "\n".join(lines) + "\n"
