"""SillyTavern World Info (and the early TavernAI shape): read entry for entry, written back.

An entry imported from another tool keeps every field but its text on the resource
(`extensions.sillytavern`) and is written back as it came; an entry Storyloom wrote says what it
was (`extensions.storyloom` of the entry) so a re-import restores the entity or place itself.
"""

from __future__ import annotations

import re

from core.errors import ValidationFailed
from core.text import fold
from services.bible_labels import relationship_phrase
from services.lore.entries import LoreBook, LoreEntry, as_list, split_keys, text, without

TOOL = "sillytavern"
SHORT_KEY = 5         # keys this short match whole words only ("Ari" not inside "variable")

# The fields SillyTavern writes for a new World Info entry, with its defaults.
ENTRY_DEFAULTS = {
    "keysecondary": [], "constant": False, "vectorized": False, "selective": True,
    "selectiveLogic": 0, "addMemo": True, "order": 100, "position": 0, "disable": False,
    "ignoreBudget": False, "excludeRecursion": False, "preventRecursion": False,
    "delayUntilRecursion": False, "probability": 100, "useProbability": True, "depth": 4,
    "group": "", "groupOverride": False, "groupWeight": 100, "scanDepth": None,
    "caseSensitive": None, "matchWholeWords": None, "useGroupScoring": None,
    "automationId": "", "role": 0, "sticky": None, "cooldown": None, "delay": None,
}
# Fields a Storyloom entry takes from the entity or place itself, not from what was stored.
_OWN_FIELDS = ("key", "keys", "comment", "content", "uid")


def read(book: dict) -> LoreBook:
    """The book's entries (an object by uid, or a list) as lore entries; entries of the wrong
    shape are skipped, `entries` itself of the wrong shape is a 2001."""
    entries = book.get("entries")
    if not isinstance(entries, (dict, list)):
        raise ValidationFailed({"entries": "must be an object of entries by uid, or a list"})
    labelled = entries.items() if isinstance(entries, dict) else enumerate(entries)
    found, skipped = [], []
    for label, raw in labelled:
        reason = shape_problem(raw)
        if reason:
            skipped.append({"index": label, "reason": reason})
        else:
            found.append(_entry(str(label), raw))
    kept = without(book, "entries", "name")
    return LoreBook(TOOL, book.get("name"), text(book.get("description")),
                    {TOOL: kept} if kept else {}, found, skipped)


# field -> (the types it may hold, what it must be)
_SHAPES = {"key": ((list, str), "a list of texts"), "keys": ((list, str), "a list of texts"),
           "keysecondary": ((list, str), "a list of texts"), "content": ((str,), "a text"),
           "comment": ((str, type(None)), "a text"), "extensions": ((dict,), "an object")}


def shape_problem(raw) -> str | None:
    """Why an entry is not one SillyTavern reads, or None."""
    if not isinstance(raw, dict):
        return "the entry is not an object"
    for name, (types, wanted) in _SHAPES.items():
        if name in raw and not isinstance(raw[name], types):
            return f"its {name} is not {wanted}"
        if isinstance(raw.get(name), list) and not all(isinstance(k, str) for k in raw[name]):
            return f"its {name} is not {wanted}"
    return None


def _entry(label: str, raw: dict) -> LoreEntry:
    extensions = raw.get("extensions") if isinstance(raw.get("extensions"), dict) else {}
    mark = extensions.get("storyloom")
    ref = str(raw.get("uid", label))
    keys = split_keys(raw.get("key", raw.get("keys")))
    content = text(raw.get("content"))
    if not isinstance(mark, dict) or mark.get("kind") not in ("entity", "location"):
        return LoreEntry(label, [text(raw.get("comment"))], keys, content,
                         {TOOL: without(raw, "content")}, ref=ref,
                         constant=raw.get("constant") is True)
    stored = without(raw, *_OWN_FIELDS)
    stored["uid"] = raw.get("uid")
    rest = without(extensions, "storyloom")
    stored.pop("extensions", None)
    if rest:
        stored["extensions"] = rest
    return LoreEntry(label, [text(raw.get("comment"))], keys, _description(content, mark),
                     {TOOL: stored}, kind=mark["kind"], type=mark.get("type"), ref=ref,
                     attributes=mark.get("attributes") or {},
                     relationships=[t for t in as_list(mark.get("relationships"))
                                    if isinstance(t, dict)],
                     parent_ref=_ref(mark.get("parent")), coordinates=mark.get("coordinates"))


def _ref(value) -> str | None:
    return None if value is None else str(value)


def _description(content: str, mark: dict) -> str:
    """The description a Storyloom entry's text starts with (the rest is written from fields)."""
    length = mark.get("description_length")
    if length == 0:
        return ""
    if isinstance(length, int) and 0 <= length <= len(content) and \
            content[length:length + 1] in ("", "\n"):
        return content[:length]
    return content


# writing

def to_lorebook(bundle: dict) -> dict:
    """SillyTavern World Info: one entry per entity and place, keys = name, aliases and their
    accent-free forms; imported entries written back with every field they came with."""
    items = [("entity", e) for e in bundle["entities"]] + \
            [("location", p) for p in bundle["locations"]]
    uids = _uids([item for _, item in items])
    names = {e["entity_id"]: e["name"] for e in bundle["entities"]}
    places = {p["location_id"]: p["name"] for p in bundle["locations"]}
    entries = {}
    for kind, item in items:
        stored = (item.get("extensions") or {}).get(TOOL)
        uid = uids[_item_id(item)]
        if _came_from_elsewhere(stored):
            entry = _as_imported(item, stored, uid)
        else:
            entry = _own(kind, item, stored if isinstance(stored, dict) else None, uid, uids,
                         names, places)
        entries[str(uid)] = entry
    world = bundle["world"]
    kept = (world.get("extensions") or {}).get(TOOL)
    return {**(kept if isinstance(kept, dict) else {}), "name": world["name"],
            "entries": entries}


def _came_from_elsewhere(stored) -> bool:
    """Whether stored entry fields are another tool's whole entry (it has its own keys)."""
    return isinstance(stored, dict) and any(name in stored for name in ("key", "keys", "comment"))


def _item_id(item: dict) -> str:
    return item.get("entity_id") or item["location_id"]


def _uids(items: list) -> dict:
    """An entry number per item: the one it was imported with when free, else the next one."""
    taken, uids = set(), {}
    for item in items:
        stored = (item.get("extensions") or {}).get(TOOL) or {}
        uid = stored.get("uid") if isinstance(stored, dict) else None
        if isinstance(uid, int) and not isinstance(uid, bool) and uid >= 0 and uid not in taken:
            taken.add(uid)
            uids[_item_id(item)] = uid
    next_uid = 0
    for item in items:
        if _item_id(item) not in uids:
            while next_uid in taken:
                next_uid += 1
            taken.add(next_uid)
            uids[_item_id(item)] = next_uid
    return uids


def _as_imported(item: dict, stored: dict, uid: int) -> dict:
    """An entry of another tool's book as it came, with what was changed here since."""
    field = "key" if "key" in stored or "keys" not in stored else "keys"
    keys = split_keys(stored.get(field))
    known = {fold(k) for k in keys}
    named_by_it = _named_by(item["name"], [text(stored.get("comment")), *keys])
    extra = [n for n in ([] if named_by_it else [item["name"]]) + item["aliases"]
             if fold(n) not in known]
    entry = {**stored, "uid": uid, "content": item["description"]}
    if extra:
        entry[field] = [*keys, *extra]
    if not named_by_it:
        entry["comment"] = item["name"]
    return entry


def _named_by(name: str, candidates: list) -> bool:
    """Whether the name is one the import gave from these candidates ("X", or "X (2)")."""
    for candidate in candidates:
        candidate = " ".join(candidate.split())
        if candidate and (fold(candidate) == fold(name) or
                          re.fullmatch(re.escape(candidate) + r" \(\d+\)", name)):
            return True
    return False


def _own(kind: str, item: dict, stored: dict | None, uid: int, uids: dict, names: dict,
         places: dict) -> dict:
    """An entry written from an entity or place, with the fields it kept from SillyTavern."""
    keys = lore_keys([item["name"], *item["aliases"]])
    mark = {"kind": kind, "type": item.get("entity_type") or item.get("location_type"),
            "description_length": len(item["description"])}
    tool_fields = {name: value for name, value in (item.get("extensions") or {}).items()
                   if name != TOOL}
    if kind == "entity":
        content = entity_content(item, names) if not tool_fields else item["description"]
        if item.get("attributes"):
            mark["attributes"] = item["attributes"]
        ties = [{"target_ref": str(uids[r["target_entity_id"]]), "type": r["type"],
                 "label": r.get("label", "")}
                for r in item.get("relationships", []) if r["target_entity_id"] in uids]
        if ties:
            mark["relationships"] = ties
    else:
        content = place_content(item, places) if not tool_fields else item["description"]
        if item.get("parent_location_id") in uids:
            mark["parent"] = str(uids[item["parent_location_id"]])
        if item.get("coordinates"):
            mark["coordinates"] = item["coordinates"]
    whole_words = True if any(len(k) <= SHORT_KEY for k in keys) else None
    entry = {**ENTRY_DEFAULTS, "matchWholeWords": whole_words, "displayIndex": uid,
             **(without(stored, "uid") if stored else {})}
    extensions = {**(entry.get("extensions") or {}), **tool_fields, "storyloom": mark}
    return {**entry, "uid": uid, "key": keys, "comment": item["name"], "content": content,
            "extensions": extensions}


def lore_keys(names: list) -> list[str]:
    """The names, then the accent-free forms of those with accents ("Hà Nội" → "ha noi"), so a
    reader typing without accents fires the entry too."""
    keys, seen = [], set()
    for key in [*names, *(fold(name) for name in names)]:
        if key and key.casefold() not in seen:
            seen.add(key.casefold())
            keys.append(key)
    return keys


def entity_content(entity: dict, names: dict) -> str:
    """What the model reads about an entity: its description, type, attributes and ties."""
    lines = [entity["description"]] if entity["description"] else []
    lines.append(f"Type: {entity['entity_type']}")
    lines += [f"{key}: {value}" for key, value in entity["attributes"].items()]
    ties = [f"{relationship_phrase(r['type'])} {names.get(r['target_entity_id'], '?')}"
            + (f" ({r['label']})" if r.get("label") else "") for r in entity["relationships"]]
    if ties:
        lines.append(f"Relationships: {'; '.join(ties)}")
    return "\n".join(lines)


def place_content(place: dict, places: dict) -> str:
    """What the model reads about a place: its description, type, parent and position."""
    lines = [place["description"]] if place["description"] else []
    lines.append(f"Type: {place['location_type']}")
    if place["parent_location_id"] in places:
        lines.append(f"Inside: {places[place['parent_location_id']]}")
    if place.get("coordinates"):
        lines.append(f"Coordinates: {place['coordinates']['x']:g}, "
                     f"{place['coordinates']['y']:g}")
    return "\n".join(lines)
