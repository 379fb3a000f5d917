"""Click's own messages (usage errors, help headings) in Vietnamese.

Click marks its strings for gettext; docgen ships no .mo catalogue, so the translations are a
table here and replace the `_`/`ngettext` each click module looked up at import.
"""

from __future__ import annotations

import importlib

VI: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: {command} {option}",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing command.": "Thiếu lệnh (render, validate, check, distribute, new, schema, template).",
    "argument": "tham số",
    "option": "tùy chọn",
    "parameter": "tham số",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là thư mục.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là tệp, không phải thư mục.",
    "{name} {filename!r} is not readable.": "Không đọc được {name} {filename!r}.",
    "{name} {filename!r} is not writable.": "Không ghi được {name} {filename!r}.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "integer": "số nguyên",
    "Aborted!": "Đã dừng.",
    "default: {default}": "mặc định: {default}",
}

_MODULES = ("core", "exceptions", "types", "formatting", "parser", "decorators", "utils", "termui")


def _(message: str) -> str:
    return VI.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)


def install() -> None:
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
