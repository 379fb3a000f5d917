"""Safe file names: Vietnamese stays readable, a name cannot leave its folder or trip Windows."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Names Windows refuses whatever the extension (CON.docx is as bad as CON).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_FORBIDDEN = re.compile(r'[/\\:*?"<>|]')
MAX_NAME_BYTES = 150  # ext4 allows 255 bytes per name; Vietnamese letters take 2-3 bytes each


def _printable(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if cat[0] == "C":  # controls, format characters (ZWJ), surrogates, private use, unassigned
        return False
    if cat in ("So", "Sk"):  # emoji, dingbats, skin-tone modifiers
        return False
    return not (0xFE00 <= ord(ch) <= 0xFE0F or 0xE0100 <= ord(ch) <= 0xE01EF)  # variation selectors


def safe_filename(name: str, fallback: str = "don-vi", max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name (without extension) that keeps Vietnamese readable and cannot leave its
    folder, hide itself, or trip Windows: no separators, no reserved names, bounded length."""
    text = unicodedata.normalize("NFC", name)
    text = "".join(ch for ch in text if _printable(ch))
    text = _FORBIDDEN.sub("-", text)
    text = _SPACES.sub(" ", text).strip(" .-")
    if not text:
        text = fallback
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = f"{text}_"
    raw = text.encode("utf-8")
    if len(raw) > max_bytes:
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
        cut = raw[: max_bytes - len(digest) - 1].decode("utf-8", errors="ignore").rstrip(" .-")
        text = f"{cut}~{digest}"
    return text


def unique_filenames(names: list[str]) -> list[str]:
    """Safe names, with " (2)", " (3)" added where two would be the same file on a
    case-insensitive disk."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for name in names:
        base = safe_filename(name)
        candidate, n = base, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{base} ({n})"
        seen[candidate.casefold()] = 1
        out.append(candidate)
    return out
