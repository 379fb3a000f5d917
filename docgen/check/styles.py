"""Effective formatting as Word resolves it.

Run properties: document defaults, then the table style, the paragraph style and the
character style (each with its basedOn chain, child over parent), then direct formatting.
Bold, italic, caps and the other toggle properties flip when a style layer sets them and are
absolute only as direct formatting (ECMA-376 Part 1, 17.7.3). Paragraph properties: document
defaults, table style, paragraph style chain, the numbering level, then direct formatting.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_VAL = w("val")
TOGGLES = ("b", "i", "caps", "smallCaps", "vanish")
DEFAULT_SIZE_PT = 10.0  # w:sz never given anywhere: Word shows 10 pt


def on_off(el: etree._Element) -> bool:
    val = el.get(W_VAL)
    return val is None or val.lower() not in ("0", "false", "off", "none")


def twips(el: etree._Element, attr: str) -> int | None:
    val = el.get(w(attr))
    if val is None:
        return None
    try:
        return int(float(val))
    except ValueError:
        return None


def read_rpr(rpr: etree._Element | None) -> dict:
    """The run properties one level of the hierarchy sets."""
    props: dict = {}
    if rpr is None:
        return props
    for child in rpr:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "rFonts":
            for slot in ("ascii", "hAnsi"):
                theme = child.get(w(f"{slot}Theme"))
                if theme:
                    props[f"font.{slot}"] = ("theme", theme)
                elif child.get(w(slot)) is not None:
                    props[f"font.{slot}"] = ("name", child.get(w(slot)))
        elif tag == "sz":
            try:
                props["sz"] = int(child.get(W_VAL)) / 2
            except (TypeError, ValueError):
                pass
        elif tag in TOGGLES:
            props[tag] = on_off(child)
        elif tag == "color":
            props["color"] = (child.get(W_VAL) or "auto")
    return props


def read_ppr(ppr: etree._Element | None) -> dict:
    """The paragraph properties one level of the hierarchy sets."""
    props: dict = {}
    if ppr is None:
        return props
    for child in ppr:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "jc":
            props["jc"] = child.get(W_VAL)
        elif tag == "ind":
            for key, names in (("left", ("start", "left")), ("right", ("end", "right"))):
                for name in names:
                    val = twips(child, name)
                    if val is not None:
                        props[f"ind.{key}"] = val
                        break
            hanging, first = twips(child, "hanging"), twips(child, "firstLine")
            if hanging is not None:
                props["ind.first"] = -hanging
            elif first is not None:
                props["ind.first"] = first
            chars = twips(child, "hangingChars"), twips(child, "firstLineChars")
            if chars[0]:
                props["ind.firstChars"] = -chars[0]
            elif chars[1]:
                props["ind.firstChars"] = chars[1]
            elif chars[0] == 0 or chars[1] == 0:
                props["ind.firstChars"] = None
        elif tag == "spacing":
            for side in ("before", "after"):
                if child.get(w(f"{side}Autospacing")) is not None and on_off_attr(child, f"{side}Autospacing"):
                    props[f"sp.{side}"] = 280  # HTML auto spacing: Word uses 14 pt
                    continue
                lines = twips(child, f"{side}Lines")
                val = twips(child, side)
                if lines:
                    props[f"sp.{side}"] = lines * 240 // 100  # hundredths of a 12 pt line
                elif val is not None:
                    props[f"sp.{side}"] = val
            line = twips(child, "line")
            if line is not None:
                props["sp.line"] = line
                props["sp.lineRule"] = child.get(w("lineRule")) or "auto"
        elif tag == "contextualSpacing":
            props["contextual"] = on_off(child)
        elif tag == "pBdr":
            bottom = child.find(w("bottom"))
            if bottom is not None:
                props["bdr.bottom"] = (bottom.get(W_VAL) or "none") not in ("none", "nil")
            top = child.find(w("top"))
            if top is not None:
                props["bdr.top"] = (top.get(W_VAL) or "none") not in ("none", "nil")
        elif tag == "numPr":
            num_id, ilvl = child.find(w("numId")), child.find(w("ilvl"))
            if num_id is not None:
                props["numId"] = num_id.get(W_VAL)
            if ilvl is not None:
                props["ilvl"] = int(ilvl.get(W_VAL) or 0)
        elif tag == "tabs":
            props["tabs"] = tuple((t.get(W_VAL), twips(t, "pos") or 0) for t in child.findall(w("tab")))
    return props


def on_off_attr(el: etree._Element, attr: str) -> bool:
    val = el.get(w(attr))
    return val is not None and val.lower() not in ("0", "false", "off")


def merge(base: dict, over: dict) -> dict:
    """Later level wins, property by property; tab stops add up and `clear` removes one."""
    out = dict(base)
    for key, value in over.items():
        if key == "tabs":
            stops = dict((pos, val) for val, pos in out.get("tabs", ()))
            for val, pos in value:
                if val == "clear":
                    stops.pop(pos, None)
                else:
                    stops[pos] = val
            out["tabs"] = tuple((val, pos) for pos, val in sorted(stops.items()))
        else:
            out[key] = value
    return out


@dataclass(frozen=True)
class RunFormat:
    """What one run looks like: font per slot, size in pt, weight, slant, caps, colour."""

    font_ascii: str | None
    font_hansi: str | None
    size: float
    bold: bool
    italic: bool
    caps: bool
    small_caps: bool
    vanish: bool
    color: str

    def font_for(self, ch: str) -> str | None:
        return self.font_ascii if ord(ch) < 128 else self.font_hansi


@dataclass(frozen=True)
class ParaFormat:
    """What one paragraph looks like. Lengths in twips (1/20 pt), line in 240ths when auto."""

    style_id: str | None
    jc: str
    left: int
    right: int
    first: int  # > 0 first-line indent, < 0 hanging
    first_chars: int | None  # hundredths of a character, when Word measures the indent in characters
    before: int
    after: int
    line: int
    line_rule: str
    contextual: bool
    border_bottom: bool
    border_top: bool
    num_id: str | None
    ilvl: int
    tabs: tuple[tuple[str, int], ...]

    @property
    def align(self) -> str:
        """left, center, right or both (justified)."""
        return {"start": "left", "end": "right", "distribute": "both", "thaiDistribute": "both",
                "lowKashida": "both", "mediumKashida": "both", "highKashida": "both"}.get(self.jc, self.jc)


class StyleSheet:
    """styles.xml, the theme fonts and numbering.xml of one document, resolved on demand."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None,
                 numbering: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.defaults: dict[str, str] = {}
        self.doc_rpr: dict = {}
        self.doc_ppr: dict = {}
        if styles is not None:
            for style in styles.iterfind(w("style")):
                sid = style.get(w("styleId"))
                if sid:
                    self.styles[sid] = style
                    if on_off_attr(style, "default"):
                        self.defaults.setdefault(style.get(w("type")) or "paragraph", sid)
            dd = styles.find(w("docDefaults"))
            if dd is not None:
                self.doc_rpr = read_rpr(dd.find(f"{w('rPrDefault')}/{w('rPr')}"))
                self.doc_ppr = read_ppr(dd.find(f"{w('pPrDefault')}/{w('pPr')}"))
        self.theme_fonts = _theme_fonts(theme)
        self.numbering = Numbering(numbering)
        # per document, so a long test run does not keep every document's styles alive
        self.style_rpr = cache(self._style_rpr)
        self.style_ppr = cache(self._style_ppr)
        self._layers = cache(self._merge_layers)
        self._made: dict[tuple, RunFormat | ParaFormat] = {}

    def default(self, kind: str) -> str | None:
        return self.defaults.get(kind)

    def _chain(self, sid: str | None) -> list[etree._Element]:
        """The style and its basedOn ancestors, root first; a loop stops the walk."""
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            style = self.styles[sid]
            chain.append(style)
            based = style.find(w("basedOn"))
            sid = based.get(W_VAL) if based is not None else None
        return chain[::-1]

    def _style_rpr(self, sid: str | None) -> dict:
        props: dict = {}
        for style in self._chain(sid):
            props = merge(props, read_rpr(style.find(w("rPr"))))
        return props

    def _style_ppr(self, sid: str | None) -> dict:
        props: dict = {}
        for style in self._chain(sid):
            props = merge(props, read_ppr(style.find(w("pPr"))))
        return props

    def _merge_layers(self, table_style: str | None, para_style: str | None, char_style: str | None) -> dict:
        layers = [self.style_rpr(table_style), self.style_rpr(para_style), self.style_rpr(char_style)]
        props = dict(self.doc_rpr)
        for layer in layers:
            props = merge(props, {k: v for k, v in layer.items() if k not in TOGGLES})
        for toggle in TOGGLES:
            value = bool(self.doc_rpr.get(toggle, False))
            for layer in layers:
                if layer.get(toggle):
                    value = not value
            props[toggle] = value
        return props

    def _once(self, key: tuple, make):
        """One format object for each distinct input: a long document repeats a few formats
        many thousand times, and this keeps both the time and the memory to the few."""
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = make()
        return found

    def run_format(self, table_style: str | None, para_style: str | None, char_style: str | None,
                   direct: dict) -> RunFormat:
        key = ("r", table_style, para_style, char_style, *sorted(direct.items()))
        return self._once(key, lambda: self._run_format(table_style, para_style, char_style, direct))

    def _run_format(self, table_style: str | None, para_style: str | None, char_style: str | None,
                    direct: dict) -> RunFormat:
        props = merge(self._layers(table_style, para_style, char_style), direct)
        return RunFormat(
            font_ascii=self._font(props.get("font.ascii")),
            font_hansi=self._font(props.get("font.hAnsi")),
            size=props.get("sz", DEFAULT_SIZE_PT),
            bold=props["b"], italic=props["i"], caps=props["caps"], small_caps=props["smallCaps"],
            vanish=props["vanish"], color=props.get("color", "auto"),
        )

    def _font(self, slot: tuple[str, str] | None) -> str | None:
        if slot is None:
            return None
        kind, value = slot
        if kind == "name":
            return value
        return self.theme_fonts.get(value)

    def para_props(self, table_style: str | None, para_style: str | None, direct: dict) -> dict:
        props = merge(merge(self.doc_ppr, self.style_ppr(table_style)), self.style_ppr(para_style))
        num_id = direct.get("numId", props.get("numId"))
        ilvl = direct.get("ilvl", props.get("ilvl", 0))
        if num_id and num_id != "0":
            props = merge(props, self.numbering.level_ppr(num_id, ilvl))
        props = merge(props, direct)
        props["numId"], props["ilvl"] = (num_id if num_id != "0" else None), ilvl
        return props

    def para_format(self, table_style: str | None, para_style: str | None, direct: dict) -> ParaFormat:
        key = ("p", table_style, para_style, *sorted(direct.items()))
        return self._once(key, lambda: self._para_format(table_style, para_style, direct))

    def _para_format(self, table_style: str | None, para_style: str | None, direct: dict) -> ParaFormat:
        props = self.para_props(table_style, para_style, direct)
        return ParaFormat(
            style_id=para_style, jc=props.get("jc") or "left",
            left=props.get("ind.left", 0), right=props.get("ind.right", 0), first=props.get("ind.first", 0),
            first_chars=props.get("ind.firstChars"),
            before=props.get("sp.before", 0), after=props.get("sp.after", 0),
            line=props.get("sp.line", 240), line_rule=props.get("sp.lineRule", "auto"),
            contextual=bool(props.get("contextual", False)),
            border_bottom=bool(props.get("bdr.bottom", False)), border_top=bool(props.get("bdr.top", False)),
            num_id=props["numId"], ilvl=props["ilvl"], tabs=props.get("tabs", ()),
        )


def _theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """minorHAnsi, majorHAnsi, minorEastAsia … -> the typeface the theme names."""
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    for group, prefix in (("majorFont", "major"), ("minorFont", "minor")):
        el = theme.find(f".//{{{A_NS}}}{group}")
        if el is None:
            continue
        for script, suffix in (("latin", ("HAnsi", "Ascii")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
            face = el.find(f"{{{A_NS}}}{script}")
            if face is not None and face.get("typeface"):
                for s in suffix:
                    fonts[prefix + s] = face.get("typeface")
    return fonts


class Numbering:
    """numbering.xml: the level of a list a paragraph is in, its indent and its label."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, etree._Element] = {}
        self.nums: dict[str, etree._Element] = {}
        if root is not None:
            for el in root.iterfind(w("abstractNum")):
                self.abstract[el.get(w("abstractNumId"))] = el
            for el in root.iterfind(w("num")):
                self.nums[el.get(w("numId"))] = el

    def level(self, num_id: str, ilvl: int) -> etree._Element | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        for override in num.iterfind(w("lvlOverride")):
            if int(override.get(w("ilvl")) or 0) == ilvl:
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    return lvl
        abstract_id = num.find(w("abstractNumId"))
        abstract = self.abstract.get(abstract_id.get(W_VAL)) if abstract_id is not None else None
        if abstract is None:
            return None
        for lvl in abstract.iterfind(w("lvl")):
            if int(lvl.get(w("ilvl")) or 0) == ilvl:
                return lvl
        return None

    def level_ppr(self, num_id: str, ilvl: int) -> dict:
        lvl = self.level(num_id, ilvl)
        return read_ppr(lvl.find(w("pPr"))) if lvl is not None else {}

    def abstract_key(self, num_id: str) -> str:
        num = self.nums.get(num_id)
        abstract_id = num.find(w("abstractNumId")) if num is not None else None
        return abstract_id.get(W_VAL) if abstract_id is not None else num_id


class ListCounter:
    """Label text of numbered paragraphs, counted in document order like Word does."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.counts: dict[str, list[int]] = {}

    def label(self, num_id: str, ilvl: int) -> str:
        lvl = self.numbering.level(num_id, ilvl)
        if lvl is None:
            return ""
        fmt_el, text_el = lvl.find(w("numFmt")), lvl.find(w("lvlText"))
        fmt = fmt_el.get(W_VAL) if fmt_el is not None else "decimal"
        template = text_el.get(W_VAL) if text_el is not None else ""
        suffix_el = lvl.find(w("suff"))
        suffix = "" if suffix_el is not None and suffix_el.get(W_VAL) == "nothing" else " "
        if fmt == "bullet":
            return (template + suffix) if template else ""
        key = self.numbering.abstract_key(num_id)
        counts = self.counts.setdefault(key, [0] * 9)
        start_el = lvl.find(w("start"))
        start = int(start_el.get(W_VAL)) if start_el is not None else 1
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = template
        for level in range(9):
            if f"%{level + 1}" in text:
                level_el = self.numbering.level(num_id, level)
                level_fmt = "decimal"
                if level_el is not None and level_el.find(w("numFmt")) is not None:
                    level_fmt = level_el.find(w("numFmt")).get(W_VAL)
                text = text.replace(f"%{level + 1}", _format_number(max(counts[level], 1), level_fmt))
        return text + suffix if text else ""


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        text = letters[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(n)
        return text.lower() if fmt == "lowerRoman" else text
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out
