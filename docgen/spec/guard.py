"""What a YAML file must be before docgen reads it: a regular file of bounded size, text in NFC,
no invisible format characters, no anchors or aliases. Shared by specs, office profiles and
agency directories (they all come through `yamlsource.read_source`)."""

from __future__ import annotations

import os
import re
import stat
import sys
import unicodedata
from pathlib import Path

import yaml

from ..plumbing.errors import Problem, SpecError

MAX_BYTES = 10 * 1024 * 1024  # a spec is a few kilobytes; ten megabytes is already absurd

# Unicode category Cf (format characters: invisible, they change how text is shown, not what
# it says): bidi controls, zero-width characters, the BOM inside text, soft hyphen, tags, …
# Listed as ranges so that import costs nothing; tests/hostile/test_spec_hostile.py checks the
# list against unicodedata.
CF_RANGES = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)
_CF = re.compile("[" + "".join(f"\\U{a:08X}-\\U{b:08X}" for a, b in CF_RANGES) + "]")
# The same, per plane: a class of BMP characters is searched ten times faster, and the astral
# class is needed only by a text that holds an astral character at all.
_CF_BMP = re.compile("[" + "".join(f"\\u{a:04X}-\\u{b:04X}" for a, b in CF_RANGES if b <= 0xFFFF) + "]")
_BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C}
_ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060}



def _maybe_anchor(text: str) -> bool:
    """An anchor (&name) or alias (*name) starts a node: after a space, a comma, [ or {, and is
    followed by a name. A hit is checked token by token (“ *nghiêng*” in a text hits too)."""
    for mark in "&*":
        at = text.find(mark)
        while at != -1:
            before = text[at - 1] if at else " "
            after = text[at + 1:at + 2]
            if (before.isspace() or before in ",[{") and after and not after.isspace() and after not in "*,[]{}":
                return True
            at = text.find(mark, at + 1)
    return False


def read_bounded(path: Path, what: str = "tệp") -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; SpecError for anything else (a folder,
    a device such as /dev/zero, a named pipe, a huge file), without blocking or reading it all."""
    file = str(path)

    def refuse(message: str) -> SpecError:
        return SpecError([Problem(file, None, "", message)])

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise refuse(f"Không tìm thấy {what}.") from None
    except OSError as exc:
        raise refuse(f"Không đọc được {what}: {exc.strerror}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise refuse("Đây là thư mục, không phải tệp YAML.")
    if not stat.S_ISREG(info.st_mode):
        raise refuse(f"Đây không phải một tệp thường (mà là thiết bị, ống dẫn hay socket); docgen chỉ đọc {what} YAML lưu trên đĩa.")
    if info.st_size > MAX_BYTES:
        raise refuse(f"Tệp quá lớn ({info.st_size // (1024 * 1024)} MB); {what} YAML của docgen không quá {MAX_BYTES // (1024 * 1024)} MB.")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise refuse(f"Không đọc được {what}: {exc.strerror}.") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between stat and open
            raise refuse(f"Đây không phải một tệp thường; docgen chỉ đọc {what} YAML lưu trên đĩa.")
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            raise refuse(f"Tệp quá lớn; {what} YAML của docgen không quá {MAX_BYTES // (1024 * 1024)} MB.")
        return b"".join(chunks)
    finally:
        os.close(fd)


def nfc(text: str) -> str:
    """Text in NFC: "Thứ Sáu" typed with combining marks (NFD) becomes the precomposed form, so
    comparisons and the checker's ND30-UNICODE rule never depend on the keyboard."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def refuse_anchors(text: str, file: str) -> None:
    """SpecError at the first YAML anchor or alias: a spec never needs them, and nested
    aliases expand into billions of values (the "billion laughs")."""
    if not _maybe_anchor(text):
        return
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                kind = "neo" if isinstance(token, yaml.AnchorToken) else "bí danh"
                mark = "&" if isinstance(token, yaml.AnchorToken) else "*"
                raise SpecError([Problem(file, token.start_mark.line + 1, "",
                                         f"Có {kind} YAML “{mark}{token.value}”: tệp của docgen không dùng neo (&) và bí danh (*) "
                                         "để lặp lại nội dung; hãy viết thẳng giá trị. Nếu đây là chữ trong văn bản, "
                                         "hãy đặt cả giá trị trong ngoặc kép.")])
    except yaml.YAMLError:
        return  # a syntax error: the parser says where


def char_name(ch: str) -> str:
    return f"{unicodedata.name(ch, 'FORMAT CHARACTER')} (U+{ord(ch):04X})"


def format_char_message(ch: str) -> str:
    code = ord(ch)
    if code in _BIDI:
        why = "ký tự điều khiển hướng chữ: không nhìn thấy nhưng đảo thứ tự hiển thị, chữ in ra có thể khác chữ đọc được"
    elif code in _ZERO_WIDTH:
        why = "ký tự không có bề rộng: không nhìn thấy nhưng làm hai chữ giống nhau thành khác nhau (tìm kiếm, danh bạ, chữ ký số)"
    else:
        why = "ký tự định dạng ẩn: không nhìn thấy trên màn hình"
    return (f"Có ký tự ẩn {char_name(ch)}, {why}. Văn bản hành chính chỉ gồm chữ thường thấy: "
            "hãy xóa ký tự này (gõ lại đoạn chữ thay vì dán từ PDF hay trang web).")


def _has_astral(text: str) -> bool:
    # CPython stores a text with any character beyond U+FFFF at four bytes a character.
    return len(text) < 4096 or sys.getsizeof(text) > 3 * len(text) + 100


def has_format_chars(text: str) -> bool:
    return _CF_BMP.search(text) is not None or (_has_astral(text) and _CF.search(text) is not None)


def format_chars(data: object, path: tuple, found: list) -> None:
    """(path, character) for every string (key or value) in data with a Cf character."""
    if isinstance(data, str):
        if m := _CF.search(data):
            found.append((path, m.group()))
    elif isinstance(data, dict):
        for k, v in data.items():
            if isinstance(k, str) and (m := _CF.search(k)):
                found.append((path + (k,), m.group()))
            format_chars(v, path + (k,), found)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            format_chars(v, path + (i,), found)
