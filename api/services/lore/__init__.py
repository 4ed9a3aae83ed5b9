"""Lore files of other tools read into world bundles, and worlds written as their files."""

from __future__ import annotations

from core.errors import BatchTooLarge, ValidationFailed
from services.lore import cards, other_books, sillytavern
from services.lore.entries import as_list, to_bundle

MAX_ENTRIES = 5000
FORMATS_READ = ("a Storyloom world bundle (JSON)", "SillyTavern World Info",
                "KoboldAI World Info", "NovelAI .lorebook", "Agnai memory book",
                "RisuAI lorebook", "Character Card V1/V2/V3 (JSON or PNG)")
_KOBOLD_FIELDS = ("manual_text", "use_wpp", "wpp", "title", "folder")


def is_bundle(data) -> bool:
    """Whether the file is Storyloom's own world bundle (it names its format)."""
    return isinstance(data, dict) and "format" in data


def _reader(data):
    """The function reading this file's format, or None when no format fits."""
    if isinstance(data, list):
        return other_books.read_kobold if all(isinstance(e, dict) for e in data) else None
    if not isinstance(data, dict):
        return None
    if cards.is_card(data):
        return cards.read
    if "lorebookVersion" in data:
        return other_books.read_novelai
    if data.get("kind") == "memory" and isinstance(data.get("entries"), list):
        return other_books.read_agnai
    if data.get("type") == "risu" and isinstance(data.get("data"), list):
        return other_books.read_risu
    if "folders" in data or _kobold_entries(data.get("entries")):
        return other_books.read_kobold if "folders" in data else _kobold_book
    if "entries" in data:
        return sillytavern.read
    return None


def _kobold_entries(entries) -> bool:
    values = entries.values() if isinstance(entries, dict) else as_list(entries)
    return any(isinstance(e, dict) and any(f in e for f in _KOBOLD_FIELDS) for e in values)


def _kobold_book(data: dict):
    entries = data["entries"]
    return other_books.read_kobold(list(entries.values()) if isinstance(entries, dict)
                                   else entries)


def read_lore(data, file_name: str | None = None) -> tuple[dict, list]:
    """(bundle, skipped entries) of a lore file of any format read; 2001 naming the formats
    read when it is none of them, 2004 when it holds too many entries."""
    reader = _reader(data)
    if reader is None:
        raise ValidationFailed({"body": "not a format Storyloom reads; it reads "
                                        + ", ".join(FORMATS_READ)})
    book = reader(data)
    if len(book.entries) > MAX_ENTRIES:
        raise BatchTooLarge(f"The file holds {len(book.entries)} entries; an import takes at "
                            f"most {MAX_ENTRIES}", data={"fields": {"entries":
                                                                    f"at most {MAX_ENTRIES}"}})
    return to_bundle(book, file_name)
