"""Which known names a text mentions: folded (no case, no diacritics), as whole words.

The text's folded words are indexed once as every run of up to MAX_NAME_WORDS words, so the
cost is linear in the text and the names, whatever their number.
"""

from __future__ import annotations

import re

from core.text import fold

MAX_NAME_WORDS = 8
_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def folded_words(text: str) -> list[str]:
    """The text's words, folded."""
    return _WORDS.findall(fold(text or ""))


def word_runs(text: str) -> set[str]:
    """Every run of 1 to MAX_NAME_WORDS consecutive folded words of the text, space-joined."""
    words = folded_words(text)
    runs = set()
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + MAX_NAME_WORDS) + 1):
            runs.add(" ".join(words[start:end]))
    return runs


def name_key(name: str) -> str:
    """A name as `word_runs` would hold it."""
    return " ".join(folded_words(name))


def mentioned(text: str, names_by_id: dict[str, list[str]]) -> list[str]:
    """Ids (in the order given) whose name or one of whose aliases the text mentions."""
    runs = word_runs(text)
    return [thing_id for thing_id, names in names_by_id.items()
            if any(name_key(n) and name_key(n) in runs for n in names)]


def quoted_in(text: str, quote: str) -> bool:
    """Whether the quote appears in the text as written (white space and quote marks aside)."""
    def normal(value: str) -> str:
        value = value.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
        return " ".join(value.split())
    wanted = normal(quote)
    return bool(wanted) and wanted in normal(text)
