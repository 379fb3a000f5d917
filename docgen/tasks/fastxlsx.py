"""Fast paths for big sheets, where openpyxl alone takes tens of seconds for 10,000 rows.

Reading: one sheet's cell values straight from the .xlsx with lxml's iterparse (shared and
inline strings, numbers, booleans), no styles. Writing: openpyxl writes the workbook with one
prototype data row per big sheet (so every style, validation, filter, print setting and the
office's own sheets are openpyxl's); the other rows are then written as XML with the style of
the prototype's cell in the same column, and put into the sheet in the .xlsx.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import posixpath
import re
import zipfile
from xml.sax.saxutils import escape

from lxml import etree
from openpyxl.utils import get_column_letter

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_REF = re.compile(r"([A-Z]+)(\d+)")
_EPOCH = dt.datetime(1899, 12, 30)


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part in the archive (xl/worksheets/sheet1.xml)."""
    book = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for sheet in book.iter(f"{NS}sheet"):
        target = targets.get(sheet.get(f"{REL_NS}id"), "")
        out[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
    return out


def sheet_names(data: bytes | str) -> list[str]:
    with zipfile.ZipFile(data if isinstance(data, str) else io.BytesIO(data)) as archive:
        return list(sheet_paths(archive))


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    try:
        xml = archive.read("xl/sharedStrings.xml").decode("utf-8")
    except KeyError:
        return []
    if "<x:" not in xml[:2000]:
        found = [_text(_PHONETIC.sub("", m[1] or "")) for m in _SI.finditer(xml)]
        if len(found) == xml.count("<si>") + len(re.findall(r"<si\s*/>", xml)):
            return found
    out = []
    raw = archive.open("xl/sharedStrings.xml")
    with raw:
        for _, si in etree.iterparse(raw, tag=f"{NS}si"):
            out.append("".join(t.text or "" for t in si.iter(f"{NS}t") if t.getparent().tag != f"{NS}rPh"))
            si.clear()
    return out


_CELL = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_CELL_OPEN = re.compile(r"<c[\s>/]")
_KIND = re.compile(r'\bt="(\w+)"')
_V = re.compile(r"<v>(.*?)</v>", re.S)
_T = re.compile(r"<t(?:\s[^>]*)?>(.*?)</t>|<t\s*/>", re.S)
_SI = re.compile(r"<si>(.*?)</si>|<si\s*/>", re.S)
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.S)


def _text(xml: str) -> str:
    found = "".join(m[1] or "" for m in _T.finditer(xml))
    return html.unescape(found) if "&" in found else found


def _scan(xml: str, strings: list[str]) -> list[tuple[int, list]] | None:
    """The cells by regular expression, several times faster than any XML parser here; None
    when the sheet is written in a way the expression does not cover (then lxml reads it)."""
    if "<x:" in xml[:2000] or ":c " in xml[:5000]:
        return None
    rows: dict[int, list] = {}
    cols: dict[str, int] = {}
    count = 0
    for m in _CELL.finditer(xml):
        count += 1
        letters, attrs, inner = m[1], m[3], m[4]
        col = cols.get(letters) or cols.setdefault(letters, _col_index(letters))
        value: object = None
        if inner:
            kind = (k[1] if (k := _KIND.search(attrs)) else "n")
            if kind == "inlineStr":
                value = _text(inner)
            elif (v := _V.search(inner)) is not None:
                text = v[1]
                if kind == "s":
                    value = strings[int(text)]
                elif kind == "b":
                    value = text == "1"
                elif kind in ("str", "e"):
                    value = html.unescape(text) if "&" in text else text
                else:
                    value = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
        values = rows.setdefault(int(m[2]), [])
        if len(values) < col - 1:
            values.extend([None] * (col - 1 - len(values)))
        values.append(value)
    if count != len(_CELL_OPEN.findall(xml)):
        return None  # a cell the expression missed: never read a sheet partly
    return sorted(rows.items())


def read_rows(path, sheet: str) -> list[tuple[int, list]]:
    """(row number, values by column from A) of every row of the sheet that has a cell."""
    with zipfile.ZipFile(path) as archive:
        part = sheet_paths(archive)[sheet]
        strings = _shared_strings(archive)
        found = _scan(archive.read(part).decode("utf-8"), strings)
    return found if found is not None else _read_rows_lxml(path, sheet)


def _read_rows_lxml(path, sheet: str) -> list[tuple[int, list]]:
    cols: dict[str, int] = {}
    v_tag, c_tag = f"{NS}v", f"{NS}c"
    with zipfile.ZipFile(path) as archive:
        part = sheet_paths(archive)[sheet]
        strings = _shared_strings(archive)
        rows = []
        with archive.open(part) as raw:
            for _, row in etree.iterparse(raw, tag=f"{NS}row", huge_tree=True):
                values: list = []
                for c in row:
                    if c.tag != c_tag:
                        continue
                    ref = c.get("r")
                    if ref:
                        letters = ref.rstrip("0123456789")
                        col = cols.get(letters) or cols.setdefault(letters, _col_index(letters))
                    else:
                        col = len(values) + 1
                    kind = c.get("t")
                    if kind == "inlineStr":
                        value = "".join(c.itertext())
                    else:
                        text = c.findtext(v_tag)
                        if text is None:
                            value = None
                        elif kind == "s":
                            value = strings[int(text)]
                        elif kind == "b":
                            value = text == "1"
                        elif kind in ("str", "e"):
                            value = text
                        else:
                            value = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
                    if len(values) < col - 1:
                        values.extend([None] * (col - 1 - len(values)))
                    values.append(value)
                rows.append((int(row.get("r") or len(rows) + 1), values))
                row.clear()
        return rows


def from_serial(value: float) -> dt.datetime:
    return _EPOCH + dt.timedelta(days=float(value))


def _serial(value: dt.date) -> str:
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    delta = value - _EPOCH
    days = delta.days + delta.seconds / 86400
    return str(int(days)) if days == int(days) else repr(days)


def rows_xml(first_row: int, rows: list[list], styles: list[str], heights: list[float | None], date_style: str,
             date_cols: frozenset[int] = frozenset()) -> bytes:
    """Rows first_row… as sheetData XML; styles[i] is the style id (s) of column i + 1; a date
    outside date_cols takes date_style."""
    letters = [get_column_letter(i) for i in range(1, max((len(r) for r in rows), default=0) + len(styles) + 2)]
    parts: list[str] = []
    for offset, (values, height) in enumerate(zip(rows, heights)):
        r = first_row + offset
        attrs = f' ht="{height:g}" customHeight="1"' if height else ""
        parts.append(f'<row r="{r}"{attrs}>')
        for i, value in enumerate(values):
            style = styles[i] if i < len(styles) else styles[-1]
            ref = f"{letters[i]}{r}"
            s = f' s="{style}"' if style else ""
            if value is None or value == "":
                parts.append(f'<c r="{ref}"{s}/>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                parts.append(f'<c r="{ref}"{s}><v>{value!r}</v></c>')
            elif isinstance(value, dt.date):
                ds = style if i + 1 in date_cols else date_style
                parts.append(f'<c r="{ref}" s="{ds}"><v>{_serial(value)}</v></c>')
            else:
                text = escape(_ILLEGAL.sub("", str(value)))
                parts.append(f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
        parts.append("</row>")
    return "".join(parts).encode("utf-8")


_ROW_STYLES = re.compile(rb'<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?')


def prototype_styles(sheet_xml: bytes, row: int) -> dict[int, str]:
    """The style id of each cell of one row, by column number."""
    out = {}
    for m in _ROW_STYLES.finditer(sheet_xml):
        if int(m[2]) == row:
            out[_col_index(m[1].decode())] = (m[3] or b"").decode()
    return out


class Addition:
    """Rows to put after a sheet's prototype row (its last), styled like it column by column."""

    def __init__(self, proto_row: int, width: int, date_cols: frozenset[int] = frozenset()) -> None:
        self.proto_row, self.width, self.date_cols = proto_row, width, date_cols
        self.rows: list[list] = []
        self.heights: list[float | None] = []

    def add(self, values: list, height: float | None) -> None:
        self.rows.append(values)
        self.heights.append(height)


def inject(workbook: bytes, additions: dict[str, Addition]) -> bytes:
    """Put each Addition's rows into its sheet of the .xlsx."""
    additions = {k: v for k, v in additions.items() if v.rows}
    if not additions:
        return workbook
    src = zipfile.ZipFile(io.BytesIO(workbook))
    paths = sheet_paths(src)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as dst:
        targets = {paths[name]: name for name in additions}
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in targets:
                data = _inject_sheet(data, additions[targets[info.filename]])
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=3)
    return out.getvalue()


def _inject_sheet(xml: bytes, add: Addition) -> bytes:
    found = prototype_styles(xml, add.proto_row)
    styles = [found.get(i, "") for i in range(1, add.width + 1)]
    date_style = found.get(min(add.date_cols), "") if add.date_cols else ""
    body = rows_xml(add.proto_row + 1, add.rows, styles, add.heights, date_style, add.date_cols)
    end = xml.rindex(b"</sheetData>")
    xml = xml[:end] + body + xml[end:]
    last = add.proto_row + len(add.rows)
    return re.sub(rb'<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"', lambda m: b'<dimension ref="' + m[1] + b":" + m[2]
                  + str(last).encode() + b'"', xml, count=1)


_SHEET_DATA = re.compile(rb"<sheetData>.*</sheetData>", re.S)


def without_rows(path, sheets: list[str]) -> bytes:
    """The workbook with the cells of these sheets left out: openpyxl then loads only the rest
    (the office's own sheets, to keep them) instead of parsing 10,000 rows it will replace."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        parts = {p for name, p in sheet_paths(src).items() if name in sheets}
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in parts:
                data = _SHEET_DATA.sub(b"<sheetData/>", data, count=1)
            dst.writestr(info, data)
    return out.getvalue()
