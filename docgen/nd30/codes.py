"""Phụ lục III, Mục I: the names of the administrative document types and their codes."""

from __future__ import annotations

# tên loại (as printed, upper case) -> chữ viết tắt. Công văn and thư công have no code.
TYPE_CODES: dict[str, str] = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA",
    "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN",
    "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ",
    "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
}

# Copies (Phụ lục III, Mục I, bản sao): one number series per year shared by all three.
COPY_CODES: dict[str, str] = {"SAO Y": "SY", "TRÍCH SAO": "TrS", "SAO LỤC": "SL"}

# The document types docgen writes, by the name used in specs and on the CLI.
# Names some offices print for a type of Phụ lục III (its code is the type's).
TYPE_NAME_VARIANTS: dict[str, str] = {"GIẤY MỜI HỌP": "GIẤY MỜI"}

DOC_TYPES: dict[str, str] = {"thong-bao": "THÔNG BÁO", "chi-thi": "CHỈ THỊ"}

# Signing authority prefixes (Phụ lục I, Mục II.7.b).
AUTHORITY_PREFIXES: tuple[str, ...] = ("TM.", "KT.", "Q.", "TL.", "TUQ.")


def type_code(ten_loai: str) -> str:
    return TYPE_CODES[ten_loai.upper()]
