"""Text folding: compare names without case or diacritics ("Nguyễn Trãi" == "nguyen trai")."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# A word: letters, digits and marks, joined by an apostrophe or a hyphen between them.
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# The rule's version: stored word counts made by an older rule are counted again.
WORD_RULE = 2
# NFD leaves these letters whole, so they are mapped by hand.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "Ð": "d", "Ɖ": "d", "ɖ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                          "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"})


def fold(text: str) -> str:
    """Lower-case, strip diacritics and collapse white space."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def _mark_class() -> str:
    """A regex character class of every combining mark (Unicode category M*)."""
    ranges, start = [], None
    for code in [*range(0x300, 0x20000), *range(0xE0100, 0xE01F0), 0x10FFFF]:
        is_mark = unicodedata.category(chr(code)).startswith("M")
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append(f"\\U{start:08x}-\\U{code - 1:08x}")
            start = None
    return "[" + "".join(ranges) + "]"


# Python's \w leaves out combining marks that NFC cannot merge; the rule counts them as letters.
_MARKS = re.compile(_mark_class())


def word_count(text: str) -> int:
    """Number of words by the rule in the README ("Word counts"), the same as the app's."""
    if not text:
        return 0
    normalized = unicodedata.normalize("NFC", text)
    if not normalized.isascii():
        normalized = _MARKS.sub("a", normalized)
    return sum(1 for _ in _WORD.finditer(normalized))


# Letters and symbols that draw nothing: Hangul fillers and the blank braille pattern.
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def has_visible(text: str) -> bool:
    """Whether the text shows anything: not only spaces, control, format (zero-width) or
    filler characters, nor combining marks with nothing to sit on."""
    return any(ch not in _BLANK and unicodedata.category(ch)[0] not in "ZCM"
               for ch in text or "")


def excerpt(text: str, limit: int = 200) -> str:
    """The start of a text, cut at a word boundary, with an ellipsis when cut."""
    # Only the start matters; a generous prefix keeps long texts cheap.
    text = " ".join((text or "")[:limit * 2 + 100].split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"
