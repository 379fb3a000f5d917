"""docxtpl's context values as docgen's: for programs (and the parity script) that built a
context for docxtpl. InlineImage becomes `media.Image`, Subdoc `media.Subdocument`, and the
hyperlink ids a RichText got from `DocxTemplate.build_url_id` become `media.url_id` tokens,
so that each relationship is made in the document docgen writes."""

from __future__ import annotations

import re

from markupsafe import Markup

from .media import Image, Subdocument, url_id

_RID = re.compile(r'r:(id|embed|link)="([^"]*)"')


def _targets(part) -> dict:
    out = {}
    for rid, rel in part.rels.items():
        if rel.is_external:
            out[rid] = (rel.reltype.rsplit("/", 1)[-1], rel.target_ref)
        elif rel.reltype.endswith("/image"):
            out[rid] = ("image", rel.target_part.blob, rel.target_part.partname.ext.lower())
        else:
            out[rid] = (rel.reltype.rsplit("/", 1)[-1], None)
    return out


def value(v, tpl, seen: dict):
    """One context value, converted (containers walked, other values left as they are)."""
    from docxtpl import InlineImage, Listing, RichText, RichTextParagraph

    try:
        from docxtpl.subdoc import Subdoc
    except ImportError:  # docxtpl's Subdoc needs docxcompose
        Subdoc = ()  # noqa: N806
    if id(v) in seen:
        return seen[id(v)]
    if isinstance(v, dict):
        out = seen[id(v)] = {}
        out.update({k: value(x, tpl, seen) for k, x in v.items()})
        return out
    if isinstance(v, (list, tuple)):
        return type(v)(value(x, tpl, seen) for x in v)
    if isinstance(v, InlineImage):
        descriptor = v.image_descriptor
        source = descriptor.read() if hasattr(descriptor, "read") else descriptor
        return Image(source, v.width, v.height, link=v.anchor)
    if isinstance(v, (RichText, RichTextParagraph)):
        xml = str(v)
        if tpl.docx is not None:
            rels = tpl.docx.part.rels
            xml = _RID.sub(lambda m: f'r:{m.group(1)}="{url_id(rels[m.group(2)].target_ref)}"'
                           if m.group(2) in rels and rels[m.group(2)].is_external else m.group(0), xml)
        return Markup(xml)
    if isinstance(v, Listing):
        return Markup(v.__html__())
    if Subdoc and isinstance(v, Subdoc):
        # The sub-document's ids are the master's: docxtpl related its parts to the template.
        return Subdocument(xml=v._get_xml(), targets=_targets(v.docx.part))
    return v


def context(ctx: dict, tpl) -> dict:
    return value(ctx, tpl, {})


def custom_filters(env) -> dict:
    """The filters a docxtpl Jinja environment added to Jinja's own."""
    if env is None:
        return {}
    from jinja2 import Environment

    builtin = Environment().filters
    return {k: f for k, f in env.filters.items() if k not in builtin}


def replacements(r: dict | None) -> dict:
    """docxtpl's replace_pic / replace_media / replace_embedded / replace_zipname maps, as `replace`."""
    if not r:
        return {}
    out: dict = {}
    out.update(r["pics"])
    out.update(r["zipnames"])
    originals = r.get("originals", {})
    for crc, new in {**r["media"], **r["embedded"]}.items():
        out[originals[crc]] = new
    return out
