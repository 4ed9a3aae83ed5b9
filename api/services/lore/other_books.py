"""Lorebooks of NovelAI, KoboldAI, Agnai and RisuAI read as lore entries, every field kept."""

from __future__ import annotations

from core.text import fold
from services.lore.entries import LoreBook, LoreEntry, as_list, split_keys, text, without

# Words in a NovelAI category's name that say what its entries are (folded).
_CATEGORY_KINDS = (
    (("character", "people", "person", "nhan vat", "npc"), ("entity", "character")),
    (("place", "location", "dia diem", "region", "city", "town"), ("location", "place")),
    (("faction", "organization", "guild", "phe phai"), ("entity", "faction")),
    (("item", "object", "artifact", "vat pham"), ("entity", "item")),
    (("creature", "monster", "species", "sinh vat"), ("entity", "creature")),
)


def _entries(book: dict, field: str):
    """(index, entry) of the objects in a list field; the rest are reported as skipped."""
    found, skipped = [], []
    for index, raw in enumerate(as_list(book.get(field))):
        (found if isinstance(raw, dict) else skipped).append((index, raw))
    return found, [{"index": i, "reason": "the entry is not an object"} for i, _ in skipped]


def _category_kind(name: str) -> tuple:
    folded = fold(name)
    for words, kind in _CATEGORY_KINDS:
        if any(word in folded for word in words):
            return kind
    return None, None


def read_novelai(book: dict) -> LoreBook:
    """A NovelAI `.lorebook`: entries' `text` and `displayName`, categories as kinds."""
    categories = {str(c.get("id")): text(c.get("name"))
                  for c in as_list(book.get("categories")) if isinstance(c, dict)}
    found, skipped = _entries(book, "entries")
    entries = []
    for index, raw in found:
        kind, kind_type = _category_kind(categories.get(str(raw.get("category")), ""))
        entries.append(LoreEntry(index, [text(raw.get("displayName"))], split_keys(raw.get("keys")),
                                 text(raw.get("text")), {"novelai": without(raw, "text")},
                                 kind=kind, type=kind_type, ref=_ref(raw.get("id")),
                                 constant=raw.get("forceActivation") is True))
    return LoreBook("novelai", None, "", {"novelai": without(book, "entries")}, entries, skipped)


def kobold_entries(data) -> list:
    """The entries of a KoboldAI World Info file: a list, or an object by uid beside `folders`."""
    if isinstance(data, list):
        return data
    return [value for key, value in data.items() if key != "folders"]


def read_kobold(data) -> LoreBook:
    """KoboldAI World Info: `title` or `comment` names an entry, `key` fires it."""
    found, skipped = _entries({"entries": kobold_entries(data)}, "entries")
    entries = [LoreEntry(index, [text(raw.get("title")), text(raw.get("comment"))],
                         split_keys(raw.get("key")), text(raw.get("content")),
                         {"koboldai": without(raw, "content")}, ref=_ref(raw.get("uid")),
                         constant=raw.get("constant") is True)
               for index, raw in found]
    folders = {"koboldai": {"folders": data["folders"]}} if isinstance(data, dict) and \
        "folders" in data else {}
    return LoreBook("koboldai", None, "", folders, entries, skipped)


def read_agnai(book: dict) -> LoreBook:
    """An Agnai memory book: entries' `name`, `keywords` and `entry`."""
    found, skipped = _entries(book, "entries")
    entries = [LoreEntry(index, [text(raw.get("name"))], split_keys(raw.get("keywords")),
                         text(raw.get("entry")), {"agnai": without(raw, "entry")})
               for index, raw in found]
    kept = without(book, "entries", "name", "description")
    return LoreBook("agnai", book.get("name"), text(book.get("description")),
                    {"agnai": kept} if kept else {}, entries, skipped)


def read_risu(book: dict) -> LoreBook:
    """A RisuAI lorebook: entries' `comment`, comma-separated `key` and `content`."""
    found, skipped = _entries(book, "data")
    entries = [LoreEntry(index, [text(raw.get("comment"))], split_keys(raw.get("key")),
                         text(raw.get("content")), {"risuai": without(raw, "content")},
                         constant=raw.get("alwaysActive") is True)
               for index, raw in found]
    return LoreBook("risuai", book.get("name"), "", {"risuai": without(book, "data")},
                    entries, skipped)


def _ref(value) -> str | None:
    return None if value is None else str(value)
