"""The OOXML integrity of a .docx, and two .docx compared as Word reads them.

`check_package` is what a corrupt-file dialog would complain about: a relationship id that
resolves to nothing, a relationship to a missing part, a part without a content type, a
drawing id used twice, a part that is not well-formed XML.

`canonical_package` is the document as meaning, not bytes: the parts reachable from the
package's relationships, each XML part canonicalised (C14N 2.0 with prefixes rewritten, ignorable whitespace
dropped), every relationship id replaced by what it points to (a part name, a picture's
content digest, a URL), drawing ids blanked (their uniqueness is checked above), pictures
named by content. Two engines that write the same document get the same canonical package.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import zipfile
from io import BytesIO

from lxml import etree

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_CORE = "docProps/core.xml"


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve_target(part: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target)).lstrip("/")


class Package:
    """A .docx opened for reading: its parts, content types and relationships."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(BytesIO(data)) as z:
            self.parts = {name: z.read(name) for name in z.namelist() if not name.endswith("/")}
        types = etree.fromstring(self.parts.get("[Content_Types].xml", b"<Types/>"))
        self.defaults = {e.get("Extension", "").lower(): e.get("ContentType") for e in types.iter(f"{{{CT}}}Default")}
        self.overrides = {e.get("PartName", "").lstrip("/"): e.get("ContentType") for e in types.iter(f"{{{CT}}}Override")}

    def content_type(self, part: str) -> str | None:
        return self.overrides.get(part) or self.defaults.get(posixpath.splitext(part)[1][1:].lower())

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Id → (type, target part or URL, external) of one part ('' is the package)."""
        name = "_rels/.rels" if part == "" else rels_name(part)
        if name not in self.parts:
            return {}
        out = {}
        for rel in etree.fromstring(self.parts[name]).iter(f"{{{PR}}}Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target", "")
            out[rel.get("Id")] = (rel.get("Type", ""), target if external else resolve_target(part, target), external)
        return out

    def reachable(self) -> list[str]:
        seen: list[str] = []
        todo = [t for _, t, ext in self.rels("").values() if not ext]
        while todo:
            part = todo.pop(0)
            if part in seen or part not in self.parts:
                continue
            seen.append(part)
            todo += [t for _, t, ext in self.rels(part).values() if not ext]
        return seen


def _is_xml(pkg: Package, part: str) -> bool:
    return (pkg.content_type(part) or "").endswith("xml") or part.endswith(".xml")


def check_package(data: bytes) -> list[str]:
    """What is broken in a .docx: dangling ids and targets, parts without type, duplicate drawing ids."""
    pkg = Package(data)
    problems: list[str] = []
    if "[Content_Types].xml" not in pkg.parts:
        return ["thiếu [Content_Types].xml"]
    docpr: dict[str, str] = {}
    for part, raw in pkg.parts.items():
        if part == "[Content_Types].xml" or part.endswith(".rels"):
            continue
        if pkg.content_type(part) is None:
            problems.append(f"{part}: không có kiểu nội dung (content type)")
        if not _is_xml(pkg, part):
            continue
        try:
            root = etree.fromstring(raw)
        except etree.XMLSyntaxError as exc:
            problems.append(f"{part}: XML hỏng ({exc})")
            continue
        rels = pkg.rels(part)
        for _, target, external in rels.values():
            if not external and target not in pkg.parts:
                problems.append(f"{rels_name(part)}: trỏ tới phần không có {target}")
        for el in root.iter():
            for attr, value in el.attrib.items():
                if attr.startswith(f"{{{R}}}") and value not in rels:
                    problems.append(f"{part}: mã quan hệ {value} không có trong {rels_name(part)}")
        for el in root.iter(f"{{{WP}}}docPr"):
            key = el.get("id")
            if key in docpr:
                problems.append(f"{part}: mã hình vẽ wp:docPr id={key} trùng (đã có trong {docpr[key]})")
            docpr[key] = part
    return problems


def _digest(raw: bytes) -> str:
    return hashlib.sha1(raw).hexdigest()[:12]


def canonical_package(data: bytes) -> dict[str, str]:
    """Part key → canonical text, for the parts reachable from the package relationships."""
    pkg = Package(data)
    out: dict[str, str] = {}

    def key(part: str) -> str:
        return part if _is_xml(pkg, part) else f"media:{_digest(pkg.parts[part])}{posixpath.splitext(part)[1].lower()}"

    def target(rel: tuple[str, str, bool]) -> str:
        kind, where, external = rel
        short = kind.rsplit("/", 1)[-1]
        if external:
            return f"{short}→{where}"
        return f"{short}→{key(where) if where in pkg.parts else 'MISSING:' + where}"

    for part in pkg.reachable():
        ctype = pkg.content_type(part)
        if not _is_xml(pkg, part):
            out[key(part)] = f"{ctype}"
            continue
        rels = pkg.rels(part)
        root = etree.fromstring(pkg.parts[part], _PARSER)
        for el in root.iter():
            for attr, value in list(el.attrib.items()):
                if attr.startswith(f"{{{R}}}"):
                    el.set(attr, target(rels[value]) if value in rels else f"DANGLING:{value}")
            if el.tag == f"{{{WP}}}docPr":
                el.set("id", "")
        if part == _CORE:
            for el in list(root):
                if not (el.text or "").strip() and not len(el):
                    root.remove(el)
        # Prefixes rewritten: a namespace bound to two prefixes is one namespace.
        text = etree.canonicalize(xml_data=etree.tostring(root).decode("utf-8"), rewrite_prefixes=True)
        links = sorted({target(r) for r in rels.values()})
        out[key(part)] = f"{ctype}\n{text}\n" + "\n".join(links)
    return out


def _python_docx_default_core(text: str) -> bool:
    return "python-docx" in text or ">docx<" in text


def compare_packages(a: bytes, b: bytes) -> str:
    """'' when both are the same document; else where the first difference is."""
    ca, cb = canonical_package(a), canonical_package(b)
    for only, side in ((ca.keys() - cb.keys(), "chỉ có ở bản docxtpl"), (cb.keys() - ca.keys(), "chỉ có ở bản docgen")):
        only = {k for k in only if not (k == _CORE and _python_docx_default_core(ca.get(k, "") + cb.get(k, "")))}
        if only:
            return f"{side}: {', '.join(sorted(only)[:4])}"
    for k in sorted(ca.keys() & cb.keys()):
        if ca[k] != cb[k]:
            x, y = ca[k], cb[k]
            i = next((n for n, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            snip = lambda s: re.sub(r"\s+", " ", s[max(0, i - 60): i + 80])  # noqa: E731
            return f"{k}: docxtpl …{snip(x)}… / docgen …{snip(y)}…"
    return ""
