"""What a template's package holds besides its text: relationships, media, content types,
styles, pictures by name. Read once per template, consulted only by renders that add or
replace pictures, links or sub-documents.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import zipfile
from functools import cached_property

from lxml import etree

from ..plumbing.errors import DocgenError
from .integrity import CT, PR, R, rels_name, resolve_target
from .zipwrite import Entry

_NUMERIC_ID = re.compile(rb'\sid="(\d+)"')
_STYLE_USE = re.compile(r'<w:(pStyle|rStyle|tblStyle) w:val="([^"]*)"')
_NUM_USE = re.compile(r'<w:numId w:val="([^"]*)"')
_RELS_NS = f'xmlns="{PR}"'
STORY = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


class PackageInfo:
    """The template's package, as renders that touch relationships need it."""

    def __init__(self, infos: list[zipfile.ZipInfo], parts: dict[str, bytes]) -> None:
        """infos: the template's members; parts: their bytes, as the engine read them (bounded)."""
        self.infos = {i.filename: i for i in infos}
        self.names = set(self.infos)
        self._parts = parts
        self._raw: dict[str, bytes] = {name: parts[name] for name in self.names
                                       if name.endswith(".rels") or name == "[Content_Types].xml" or STORY.match(name)
                                       or name in ("word/styles.xml", "word/numbering.xml")}

    # ------------------------------------------------------------ relationships

    @cached_property
    def _rels(self) -> dict[str, dict[str, tuple[str, str, bool]]]:
        out: dict[str, dict[str, tuple[str, str, bool]]] = {}
        for name, raw in self._raw.items():
            if not name.endswith(".rels"):
                continue
            folder, file = posixpath.split(name)
            part = posixpath.join(posixpath.dirname(folder), file[:-5]) if file != ".rels" else ""
            rels = {}
            for rel in etree.fromstring(raw).iter(f"{{{PR}}}Relationship"):
                external = rel.get("TargetMode") == "External"
                target = rel.get("Target", "")
                rels[rel.get("Id")] = (rel.get("Type", ""), target if external else resolve_target(part, target), external)
            out[part] = rels
        return out

    def existing_rel(self, part: str, kind: str, target: str, external: bool) -> str | None:
        wanted = target if external else resolve_target(part, target)
        for rid, (k, t, ext) in self._rels.get(part, {}).items():
            if k == kind and t == wanted and ext == external:
                return rid
        return None

    def free_rel_id(self, part: str, taken: set[str]) -> str:
        used = set(self._rels.get(part, {})) | taken
        n = 1
        while f"rId{n}" in used:
            n += 1
        return f"rId{n}"

    @staticmethod
    def relative(part: str, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(part) or ".")

    def rels_entry(self, part: str, added: list[tuple[str, str, str, bool]]) -> Entry:
        name = rels_name(part)
        raw = self._raw.get(name, f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                  f'<Relationships {_RELS_NS}></Relationships>'.encode())
        text = raw.decode("utf-8")
        new = "".join(
            f'<Relationship Id="{rid}" Type="{kind}" Target="{_attr(target)}"'
            + (' TargetMode="External"/>' if external else "/>") for rid, kind, target, external in added)
        text = re.sub(r"(</Relationships>\s*)$", new + r"\1", text) if "</Relationships>" in text \
            else re.sub(r"<Relationships([^>]*)/>", rf"<Relationships\1>{new}</Relationships>", text)
        return Entry(name, self._time(part), text.encode("utf-8"))

    def _time(self, name: str) -> tuple[int, ...]:
        info = self.infos.get(name) or self.infos.get("[Content_Types].xml")
        return info.date_time if info else (1980, 1, 1, 0, 0, 0)

    # ------------------------------------------------------------ media and content types

    @cached_property
    def _media_digests(self) -> dict[str, str]:
        return {hashlib.sha1(self._parts[n]).hexdigest(): n for n in self.names if n.startswith("word/media/")}

    def media_with(self, digest: str) -> str | None:
        return self._media_digests.get(digest)

    def media_entries(self, media: dict[str, bytes]) -> list[Entry]:
        return [Entry(name, self._time("[Content_Types].xml"), blob) for name, blob in media.items()]

    def content_types(self, media: dict[str, bytes]) -> Entry | None:
        """[Content_Types].xml with a Default for each new picture extension, or None if none is new."""
        from docx.image.image import Image as Picture

        text = self._raw["[Content_Types].xml"].decode("utf-8")
        have = {e.lower() for e in re.findall(r'<Default\b[^>]*\bExtension="([^"]*)"', text)}
        new = {}
        for name, blob in media.items():
            ext = name.rsplit(".", 1)[-1].lower()
            if ext not in have and ext not in new:
                new[ext] = Picture.from_blob(blob).content_type
        if not new:
            return None
        defaults = "".join(f'<Default Extension="{ext}" ContentType="{ct}"/>' for ext, ct in new.items())
        text = re.sub(r"(<Types\b[^>]*>)", r"\1" + defaults, text, count=1)
        assert CT in text
        return Entry("[Content_Types].xml", self._time("[Content_Types].xml"), text.encode("utf-8"))

    # ------------------------------------------------------------ drawings

    @cached_property
    def _shape_ids(self) -> dict[str, int]:
        return {name: max((int(x) for x in _NUMERIC_ID.findall(raw)), default=0) + 1
                for name, raw in self._raw.items() if STORY.match(name)}

    def next_shape_id(self, part: str) -> int:
        """What python-docx gives a new picture of this part: one more than the largest id."""
        return self._shape_ids.get(part, 1)

    drawing_base = 1001  # renumbered drawings start here (set by the engine above the template's ids)

    # ------------------------------------------------------------ styles a sub-document may use

    @cached_property
    def _styles(self) -> set[str]:
        raw = self._raw.get("word/styles.xml", b"")
        return set(re.findall(r'w:styleId="([^"]*)"', raw.decode("utf-8")))

    @cached_property
    def _numbering(self) -> set[str]:
        raw = self._raw.get("word/numbering.xml", b"")
        return set(re.findall(r'<w:num\b[^>]*w:numId="([^"]*)"', raw.decode("utf-8")))

    def check_styles(self, xml: str) -> None:
        missing = sorted({name for _, name in _STYLE_USE.findall(xml)} - self._styles)
        if missing:
            raise DocgenError(f"Tài liệu con dùng kiểu (style) {', '.join(missing[:5])} mà mẫu không có; docgen không "
                              "gộp kiểu của hai tệp. Hãy thêm các kiểu đó vào mẫu hoặc dùng kiểu có sẵn của mẫu.")
        numbers = sorted({n for n in _NUM_USE.findall(xml) if n != "0"} - self._numbering)
        if numbers:
            raise DocgenError("Tài liệu con dùng danh sách đánh số (numbering) mà mẫu không có; docgen không gộp "
                              "đánh số của hai tệp. Hãy bỏ đánh số tự động trong tài liệu con.")

    # ------------------------------------------------------------ pictures replaced by name

    @cached_property
    def pictures(self) -> dict[str, list[str]]:
        """Name, title or description of each picture (as Word's Alt Text shows) → its media parts."""
        out: dict[str, list[str]] = {}
        ns = {"pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
              "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
        for part, raw in self._raw.items():
            if not STORY.match(part):
                continue
            rels = self._rels.get(part, {})
            for pic in etree.fromstring(raw).iterfind(".//pic:pic", ns):
                blip = pic.find(".//a:blip", ns)
                rid = blip.get(f"{{{R}}}embed") if blip is not None else None
                if rid not in rels:
                    continue
                props = pic.find(".//pic:cNvPr", ns)
                for label in {props.get("name"), props.get("title"), props.get("descr")} - {None, ""}:
                    out.setdefault(label, []).append(rels[rid][1])
        return out

    def crc_parts(self) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for name, info in self.infos.items():
            if name.startswith(("word/media/", "word/embeddings/")):
                out.setdefault(info.CRC, []).append(name)
        return out


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
