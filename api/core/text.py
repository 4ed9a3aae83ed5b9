"""Text folding: compare names without case or diacritics ("Nguyễn Trãi" == "nguyen trai")."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# NFD leaves these letters whole, so they are mapped by hand.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                          "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"})


def fold(text: str) -> str:
    """Lower-case, strip diacritics and collapse white space."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def word_count(text: str) -> int:
    """Number of words in a text, counted as word processors do: runs between white space."""
    return len((text or "").split())


def excerpt(text: str, limit: int = 200) -> str:
    """The start of a text, cut at a word boundary, with an ellipsis when cut."""
    # Only the start matters; a generous prefix keeps long texts cheap.
    text = " ".join((text or "")[:limit * 2 + 100].split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"
