"""Agency names as secretaries type them: one key for two spellings, and the closest known names."""

from __future__ import annotations

import difflib
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


def closest(name: str, known: dict[str, str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to n display names from known (key → display name) that look like name: only those
    above the similarity cutoff, so that a name unlike any other gets no misleading guess."""
    wanted = key(name)
    found = difflib.get_close_matches(wanted, list(known), n=n, cutoff=cutoff)
    if len(found) < n:
        folded = {ascii_fold(k): k for k in known}
        for k in difflib.get_close_matches(ascii_fold(wanted), list(folded), n=n, cutoff=cutoff):
            if folded[k] not in found:
                found.append(folded[k])
    if not found:  # a fragment of a long name: "Sở Kế hoạch" for "Sở Kế hoạch và Đầu tư"
        found = [k for k in known if wanted and len(wanted) >= 8
                 and ((wanted in k and 2 * len(wanted) >= len(k)) or (k in wanted and 2 * len(k) >= len(wanted)))][:n]
    shown: list[str] = []
    for k in found:
        if known[k] not in shown:
            shown.append(known[k])
    return shown[:n]


# A person on Nơi nhận ("Ông Nguyễn Văn A, thôn …"): sent by post, not an agency of the directory.
_PERSON = re.compile(r"^(ông|bà|anh|chị|cô|công dân|đồng chí|đ/c|hộ gia đình)\s", re.IGNORECASE)


def is_person(name: str) -> bool:
    return bool(_PERSON.match(unicodedata.normalize("NFC", name).strip()))
