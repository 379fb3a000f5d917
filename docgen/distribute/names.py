"""Agency names two ways: a key for matching what secretaries type, and a safe file name."""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata

# Old and new tone placement (Hòa/Hoà, Ủy/Uỷ) both occur in official names (nd30.md §9).
_TONE_PLACEMENT = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(_TONE_PLACEMENT))
_AROUND_PUNCT = re.compile(r"\s*([.,:;&/\-–])\s*")
_SPACES = re.compile(r"\s+")
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def key(name: str) -> str:
    """What two spellings of the same name have in common: case, tone placement, spacing
    around punctuation and a final `;` or `.` do not count."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = _TONE_RE.sub(lambda m: _TONE_PLACEMENT[m.group()], text)
    text = _AROUND_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip()
    return text.rstrip(";.,: ")


def without_note(name: str) -> str | None:
    """`Văn phòng Chính phủ` for `Văn phòng Chính phủ (b/c)`; None when there is no note."""
    stripped = _TRAILING_NOTE.sub("", name)
    return stripped if stripped != name and stripped.strip() else None


def ascii_fold(text: str) -> str:
    """Without diacritics, so that "So Y te" still finds "Sở Y tế" as a suggestion."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")


def closest(name: str, known: dict[str, str], n: int = 3) -> list[str]:
    """Up to n display names from known (key → display name) that look like name."""
    wanted = key(name)
    found = difflib.get_close_matches(wanted, list(known), n=n, cutoff=0.6)
    if len(found) < n:
        folded = {ascii_fold(k): k for k in known}
        for k in difflib.get_close_matches(ascii_fold(wanted), list(folded), n=n, cutoff=0.6):
            if folded[k] not in found:
                found.append(folded[k])
    if not found:  # a fragment of a long name: "Sở Kế hoạch" for "Sở Kế hoạch và Đầu tư"
        found = [k for k in known if wanted and (wanted in k or k in wanted)][:n]
    shown: list[str] = []
    for k in found:
        if known[k] not in shown:
            shown.append(known[k])
    return shown[:n]


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
