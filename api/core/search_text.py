"""What search indexes and how it ranks: fields per kind, terms, the score and the snippet.

Every backend indexes the same terms and computes the same score from three yes/no facts, so
rankings agree: a document matches when it holds every folded query term (fold(): no case, no
diacritics, đ → d); it scores higher when its title holds them all, and higher still when it
holds every term with the accents as typed (NFC, case-folded).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from core.text import fold

KINDS = ("world", "story", "entity", "location", "event")
KIND_OF_TABLE = {"worlds": "world", "stories": "story", "entities": "entity",
                 "locations": "location", "events": "event"}
TABLE_OF_KIND = {kind: table for table, kind in KIND_OF_TABLE.items()}
MAX_QUERY = 200
MAX_TERMS = 16
_TOKEN = re.compile(r"[^\W_]+")
EXACT_BONUS, TITLE_BONUS = 4.0, 2.0


def exact_form(text: str) -> str:
    """Text compared with its accents: NFC and case-folded (NFD input compares equal)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def terms(text: str) -> list[str]:
    """The words of a text, in order."""
    return _TOKEN.findall(text)


def folded_terms(text: str) -> list[str]:
    """The words of a text without case or diacritics."""
    return terms(fold(text))


def exact_terms(text: str) -> list[str]:
    """The words of a text with their accents."""
    return terms(exact_form(text))


def fields(table: str, doc: dict) -> tuple[str, str]:
    """(title, body) that search reads from a stored document of an indexed table."""
    if table == "worlds":
        return doc.get("name") or "", doc.get("description") or ""
    if table == "stories":
        return doc.get("title") or "", doc.get("content") or ""
    if table in ("entities", "locations"):
        aliases = " ".join(a for a in doc.get("aliases") or () if isinstance(a, str))
        return doc.get("name") or "", f"{aliases}\n{doc.get('description') or ''}".strip()
    return doc.get("title") or "", doc.get("description") or ""


def index_text(table: str, doc: dict) -> tuple[str, str, str]:
    """(folded title words, folded title and body words, exact words), each joined by spaces."""
    title, body = fields(table, doc)
    return (" ".join(folded_terms(title)), " ".join(folded_terms(f"{title}\n{body}")),
            " ".join(exact_terms(f"{title}\n{body}")))


def score(in_title: bool, exact: bool) -> float:
    """The rank of a match: 1, plus a bonus for a title match and a larger one for accents."""
    return 1.0 + (TITLE_BONUS if in_title else 0.0) + (EXACT_BONUS if exact else 0.0)


def order_key(kind: str, doc_id: str, value: float) -> tuple:
    """How hits are sorted: best score first, then kind (worlds first), then id."""
    return (-value, KINDS.index(kind), doc_id)


# Snippets fold word after word of the hits' texts; words repeat, so their folds are kept.
_fold_word = lru_cache(maxsize=65_536)(fold)


def _first_match(text: str, wanted: set) -> re.Match | None:
    return next((m for m in _TOKEN.finditer(text) if _fold_word(m.group()) in wanted), None)


def snippet(title: str, body: str, wanted: list[str], width: int = 160) -> str:
    """An escaped excerpt around the first matched word, each matched word in <mark>."""
    wanted_set = set(wanted)
    text = unicodedata.normalize("NFC", body or "")
    first = _first_match(text, wanted_set)
    if first is None and title:
        text = unicodedata.normalize("NFC", title)
        first = _first_match(text, wanted_set)
    start = 0
    if first is not None and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 3) + 1
    end = min(len(text), start + width)
    if end < len(text) and text.rfind(" ", start, end) > start:
        end = text.rfind(" ", start, end)
    out, at = [], start
    for match in _TOKEN.finditer(text, start, end):
        if _fold_word(match.group()) in wanted_set:
            out.append(html.escape(text[at:match.start()]))
            out.append(f"<mark>{html.escape(match.group())}</mark>")
            at = match.end()
    out.append(html.escape(text[at:end]))
    piece = " ".join("".join(out).split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")
