"""Character Cards (V1, V2, V3; JSON or PNG): the character an entity, its book the world's lore."""

from __future__ import annotations

import base64
import binascii

import orjson

from services.lore import png_text
from services.lore.entries import LoreBook, LoreEntry, as_list, split_keys, text, without

SPECS = ("chara_card_v2", "chara_card_v3")
MAX_ATTRIBUTE = 500
TOOL = "character_card"
BOOK_TOOL = "character_book"


def is_card(data: dict) -> bool:
    """Whether the object is a character card of any version."""
    return data.get("spec") in SPECS or ("name" in data and "first_mes" in data)


def read(card: dict) -> LoreBook:
    """The card's character as an entity, and its character book's entries as lore."""
    data = card.get("data") if card.get("spec") in SPECS else card
    data = data if isinstance(data, dict) else {}
    personality = text(data.get("personality"))
    nickname = text(data.get("nickname"))
    character = LoreEntry(
        "character", [text(data.get("name"))], [nickname] if nickname else [],
        text(data.get("description")),
        {TOOL: {"spec": card.get("spec", ""), "spec_version": card.get("spec_version", ""),
                **without(data, "name", "description", "character_book")}},
        kind="entity", type="character",
        attributes={"personality": personality}
        if personality and len(personality) <= MAX_ATTRIBUTE else {})
    book = data.get("character_book") if isinstance(data.get("character_book"), dict) else {}
    entries, skipped = [character], []
    for index, raw in enumerate(as_list(book.get("entries"))):
        if not isinstance(raw, dict):
            skipped.append({"index": index, "reason": "the entry is not an object"})
            continue
        entries.append(LoreEntry(index, [text(raw.get("name")), text(raw.get("comment"))],
                                 split_keys(raw.get("keys")), text(raw.get("content")),
                                 {BOOK_TOOL: without(raw, "content")},
                                 ref=None if raw.get("id") is None else str(raw["id"]),
                                 constant=raw.get("constant") is True))
    kept = without(book, "entries", "name", "description")
    return LoreBook(TOOL, text(book.get("name")) or text(data.get("name")),
                    text(book.get("description")), {BOOK_TOOL: kept} if kept else {},
                    entries, skipped)


def card_of_png(data: bytes) -> dict:
    """The card a PNG carries in its `ccv3` (preferred) or `chara` text chunk.

    ValueError says what is wrong with a file that is not such a PNG.
    """
    try:
        texts = png_text.text_chunks(data)
    except png_text.NotPng as exc:
        raise ValueError(str(exc)) from None
    encoded = texts.get("ccv3") or texts.get("chara")
    if encoded is None:
        raise ValueError("the PNG holds no character card (no chara or ccv3 text chunk)")
    try:
        card = orjson.loads(base64.b64decode(encoded, validate=False))
    except (binascii.Error, orjson.JSONDecodeError, ValueError):
        raise ValueError("the PNG's character card is not base64-encoded JSON") from None
    if not isinstance(card, dict):
        raise ValueError("the PNG's character card is not a JSON object")
    return card


# writing

def to_card(bundle: dict, entity: dict, lorebook: dict) -> dict:
    """A Character Card V2 of one entity, the rest of the world's lore as its character book."""
    stored = (entity.get("extensions") or {}).get(TOOL) or {}
    fields = without(stored, "spec", "spec_version") if isinstance(stored, dict) else {}
    entries = [_book_entry(entry) for entry in lorebook["entries"].values()
               if entry["comment"] != entity["name"]]
    data = {"name": entity["name"], "description": entity["description"],
            "personality": "", "scenario": "", "first_mes": "", "mes_example": "",
            "creator_notes": "", "system_prompt": "", "post_history_instructions": "",
            "alternate_greetings": [], "tags": [], "creator": "", "character_version": "",
            "extensions": {}, **fields}
    personality = entity.get("attributes", {}).get("personality")
    if isinstance(personality, str):
        data["personality"] = personality
    data["description"] = entity["description"]
    data["name"] = entity["name"]
    data["character_book"] = {"name": bundle["world"]["name"], "extensions": {},
                              "entries": entries}
    return {"spec": "chara_card_v2", "spec_version": "2.0", "data": data}


def _book_entry(entry: dict) -> dict:
    """A character book entry from a SillyTavern one (the V2 spec's fields)."""
    book_entry = {"keys": entry["key"], "content": entry["content"],
                  "extensions": entry.get("extensions") or {},
                  "enabled": not entry.get("disable", False),
                  "insertion_order": entry.get("order", 100), "case_sensitive":
                  entry.get("caseSensitive") is True, "name": entry["comment"],
                  "priority": entry.get("order", 100), "id": entry["uid"],
                  "comment": entry["comment"], "selective": entry.get("selective", False),
                  "secondary_keys": entry.get("keysecondary", []),
                  "constant": entry.get("constant", False),
                  "position": "after_char" if entry.get("position") == 1 else "before_char"}
    return book_entry


def card_png(card: dict, picture: bytes | None = None) -> bytes:
    """The card inside a PNG (`chara` text chunk, base64 JSON), on a plain picture by default."""
    encoded = base64.b64encode(orjson.dumps(card)).decode("ascii")
    return png_text.with_text(picture or png_text.blank_png(), {"chara": encoded})
