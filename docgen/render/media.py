"""Pictures, links and sub-documents in a rendered template, with their relationships.

Values a program puts in a template's context (never something a template can build):

- `Image(source, width=None, height=None, link=None)`: a picture from a path or bytes (a logo,
  a QR code, a scanned signature), inline where the tag stands: `{{ logo }}`. Width and
  height are lengths in EMU (python-docx's `Mm(20)` is one); one of them keeps the ratio.
- `url_id(url)`: a hyperlink relationship id for rich text (`<w:hyperlink r:id="…">`), made
  when the text is rendered, in the part it lands in.
- `Subdocument(source)`: the body of another .docx (path or bytes), in place of a `{{p sub }}`
  paragraph; its pictures and links come along, its styles and numbering must be the
  template's (docgen does not merge styles: it refuses, naming the style).

All of them produce markup when rendered: Jinja's autoescaping leaves them as they are and
escapes everything else. The relationships, media parts and content types they need are
kept in a `RenderState`, one per render, reached through a context variable while each
part renders.
"""

from __future__ import annotations

import contextvars
import hashlib
import re
from pathlib import Path
from urllib.parse import quote, unquote

from lxml import etree
from markupsafe import Markup

from ..plumbing.errors import DocgenError

RT_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
RT_LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
CURRENT: contextvars.ContextVar = contextvars.ContextVar("docgen_render_state")
_URL = re.compile(r"docgen-url:([A-Za-z0-9_.~%-]+)")
_REL_ATTR = re.compile(r'\br:(embed|id|link|pict|dm|lo|qs|cs)="([^"]*)"')


class MediaProblem(DocgenError):
    """A picture or sub-document that cannot go into the document."""


def _state(what: str):
    state = CURRENT.get(None)
    if state is None:
        raise MediaProblem(f"{what} chỉ dùng được khi kết xuất mẫu bằng docgen (CompiledTemplate.render).")
    return state


def _read(source, what: str) -> tuple[bytes, str | None]:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source), None
    if hasattr(source, "read"):
        return source.read(), None
    path = Path(source)
    try:
        return path.read_bytes(), path.name
    except OSError as exc:
        raise MediaProblem(f"Không đọc được {what} {path}: {exc.strerror or exc}.") from None


class Image:
    """A picture to place inline where its tag stands."""

    def __init__(self, source, width: int | None = None, height: int | None = None, link: str | None = None) -> None:
        from docx.image.exceptions import UnrecognizedImageError
        from docx.image.image import Image as Picture

        self.blob, name = _read(source, "ảnh")
        try:
            self.picture = Picture.from_blob(self.blob)
        except UnrecognizedImageError:
            raise MediaProblem(f"Ảnh {name or ''} không phải định dạng ảnh docgen đọc được (PNG, JPEG, GIF, BMP, TIFF).")\
                from None
        self.filename = name or f"image.{self.picture.ext}"
        self.width, self.height, self.link = width, height, link

    def __html__(self) -> str:
        return _state("Ảnh").drawing(self)

    __str__ = __html__


def url_id(url: str) -> str:
    """A hyperlink relationship id for rich text; the relationship is made where it is used."""
    return "docgen-url:" + quote(str(url), safe="")


class Subdocument:
    """The body of another .docx, inserted with its pictures and links."""

    def __init__(self, source=None, *, xml: str | None = None, targets: dict | None = None) -> None:
        if xml is None:
            xml, targets = _body_of(_read(source, "tài liệu con")[0])
        self.xml = xml
        self.targets = targets or {}  # rId -> ("image", bytes, ext) | ("hyperlink", url) | (other type, None)

    def __html__(self) -> str:
        return _state("Tài liệu con").subdocument(self)

    __str__ = __html__


def _body_of(data: bytes) -> tuple[str, dict]:
    from .integrity import Package

    pkg = Package(data)
    main = next((t for kind, t, _ in pkg.rels("").values() if kind.endswith("/officeDocument")), "word/document.xml")
    root = etree.fromstring(pkg.parts[main])
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = root.find(f"{w}body")
    for sect in body.findall(f"{w}sectPr"):
        body.remove(sect)
    xml = re.sub(r"</?w:body[^>]*>", "", etree.tostring(body, encoding="unicode"))
    targets = {}
    for rid, (kind, target, external) in pkg.rels(main).items():
        if external:
            targets[rid] = (kind.rsplit("/", 1)[-1], target)
        elif kind == RT_IMAGE and target in pkg.parts:
            targets[rid] = ("image", pkg.parts[target], target.rsplit(".", 1)[-1].lower())
        else:
            targets[rid] = (kind.rsplit("/", 1)[-1], None)
    return xml, targets


class RenderState:
    """What one render adds to the package: media parts, relationships, content types."""

    def __init__(self, package) -> None:
        self.package = package  # engine.PackageInfo: the template's rels, media, styles
        self.part = ""
        self.new_rels: dict[str, list[tuple[str, str, str, bool]]] = {}  # part -> (id, type, target, external)
        self._rel_keys: dict[tuple[str, str, str], str] = {}
        self.new_media: dict[str, bytes] = {}  # part name -> bytes
        self._media_by_digest: dict[str, str] = {}
        self.drawn: set[str] = set()  # parts that got drawings at render

    @property
    def changed(self) -> bool:
        return bool(self.new_rels or self.new_media)

    def relate(self, kind: str, target: str, external: bool) -> str:
        """The id of a relationship of the current part (made once per target)."""
        key = (self.part, kind, target)
        if key in self._rel_keys:
            return self._rel_keys[key]
        existing = self.package.existing_rel(self.part, kind, target, external)
        if existing:
            self._rel_keys[key] = existing
            return existing
        rid = self.package.free_rel_id(self.part, {r[0] for r in self.new_rels.get(self.part, [])})
        self.new_rels.setdefault(self.part, []).append((rid, kind, target, external))
        self._rel_keys[key] = rid
        return rid

    def media(self, blob: bytes, ext: str) -> str:
        """The package part holding these bytes: the template's own, or a new one."""
        digest = hashlib.sha1(blob).hexdigest()
        found = self._media_by_digest.get(digest) or self.package.media_with(digest)
        if found:
            return found
        n = 1
        while f"word/media/image{n}.{ext}" in self.package.names or f"word/media/image{n}.{ext}" in self.new_media:
            n += 1
        name = f"word/media/image{n}.{ext}"
        self.new_media[name] = blob
        self._media_by_digest[digest] = name
        return name

    def _image_rel(self, blob: bytes, ext: str) -> str:
        target = self.media(blob, ext)
        return self.relate(RT_IMAGE, self.package.relative(self.part, target), False)

    def drawing(self, image: Image) -> str:
        from docx.oxml.shape import CT_Inline

        rid = self._image_rel(image.blob, image.picture.ext)
        cx, cy = image.picture.scaled_dimensions(image.width, image.height)
        inline = CT_Inline.new_pic_inline(self.package.next_shape_id(self.part), rid, image.filename, cx, cy)
        if image.link:
            link = self.relate(RT_LINK, str(image.link), True)
            ns = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
                  "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture"}
            for holder in (inline.find("wp:docPr", ns), inline.find(".//pic:cNvPr", ns)):
                click = etree.SubElement(holder, "{http://schemas.openxmlformats.org/drawingml/2006/main}hlinkClick")
                click.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", link)
        self.drawn.add(self.part)
        xml = etree.tostring(inline, encoding="unicode")
        return Markup(f'</w:t></w:r><w:r><w:drawing>{xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">')

    def subdocument(self, sub: Subdocument) -> str:
        self.package.check_styles(sub.xml)

        def remap(m: re.Match) -> str:
            target = sub.targets.get(m.group(2))
            if target is None:
                raise MediaProblem(f"Tài liệu con có mã quan hệ {m.group(2)} không trỏ tới đâu.")
            kind = target[0]
            if kind == "image" and target[1] is not None:
                return f'r:{m.group(1)}="{self._image_rel(target[1], target[2])}"'
            if kind == "hyperlink" and target[1] is not None:
                return f'r:{m.group(1)}="{self.relate(RT_LINK, target[1], True)}"'
            raise MediaProblem(f"Tài liệu con chứa một phần loại “{kind}” (biểu đồ, đối tượng nhúng…); "
                               "docgen chỉ chép được ảnh và liên kết. Hãy bỏ phần đó khỏi tài liệu con.")

        xml = _REL_ATTR.sub(remap, sub.xml)
        if "<wp:docPr" in xml:
            self.drawn.add(self.part)
        return Markup(xml)

    def link_urls(self, xml: str) -> str:
        """Rich text's `url_id` tokens, turned into relationships of the current part."""
        return _URL.sub(lambda m: self.relate(RT_LINK, unquote(m.group(1)), True), xml)


