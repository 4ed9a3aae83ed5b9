"""SillyTavern World Info (lorebook): written from a world bundle, read back as entities."""

from __future__ import annotations

from core.errors import ValidationFailed
from core.models.entity import ENTITY_TYPES
from core.models.location import LOCATION_TYPES
from core.text import fold, has_visible
from services.bible_labels import relationship_phrase

MAX_NAME = 120
DEFAULT_NAME = "Imported lorebook"
MAX_ALIASES = 20

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


def to_lorebook(bundle: dict) -> dict:
    """One entry per entity and location: keys are the name and aliases."""
    names = {e["entity_id"]: e["name"] for e in bundle["entities"]}
    places = {p["location_id"]: p["name"] for p in bundle["locations"]}
    contents = [(e, _entity_content(e, names), {"kind": "entity", "type": e["entity_type"]})
                for e in bundle["entities"]]
    contents += [(p, _place_content(p, places), {"kind": "location", "type": p["location_type"]})
                 for p in bundle["locations"]]
    entries = {}
    for uid, (item, content, kind) in enumerate(contents):
        # SillyTavern keeps an entry's `extensions`; ours tell a re-import what the entry was.
        entries[str(uid)] = {"uid": uid, "key": [item["name"], *item["aliases"]],
                             "comment": item["name"], "content": content, **ENTRY_DEFAULTS,
                             "displayIndex": uid, "extensions": {"storyloom": kind}}
    return {"entries": entries}


def _entity_content(entity: dict, names: dict) -> str:
    lines = [entity["description"]] if entity["description"] else []
    lines.append(f"Type: {entity['entity_type']}")
    lines += [f"{key}: {value}" for key, value in entity["attributes"].items()]
    ties = [f"{relationship_phrase(r['type'])} {names.get(r['target_entity_id'], '?')}"
            + (f" ({r['label']})" if r.get("label") else "") for r in entity["relationships"]]
    if ties:
        lines.append(f"Relationships: {'; '.join(ties)}")
    return "\n".join(lines)


def _place_content(place: dict, places: dict) -> str:
    lines = [place["description"]] if place["description"] else []
    lines.append(f"Type: {place['location_type']}")
    if place["parent_location_id"] in places:
        lines.append(f"Inside: {places[place['parent_location_id']]}")
    if place.get("coordinates"):
        lines.append(f"Coordinates: {place['coordinates']['x']:g}, "
                     f"{place['coordinates']['y']:g}")
    return "\n".join(lines)


def lorebook_to_bundle(lorebook: dict, file_name: str | None = None) -> dict:
    """A bundle with one entity per entry, or one place for entries Storyloom exported as places.

    The world takes the book's name, else the file's name, else DEFAULT_NAME. Names of entries
    are the comment or first key, aliases the other keys; a name another entry of the same kind
    already has gets a number, as lorebooks often repeat a comment.
    """
    entries = lorebook["entries"]
    labelled = [(str(label), entry) for label, entry in
                (entries.items() if isinstance(entries, dict) else enumerate(entries))]
    places = [(label, entry) for label, entry in labelled if _place_type(entry)]
    characters = [(label, entry) for label, entry in labelled if not _place_type(entry)]
    entities = [{"entity_id": f"entry-{label}", "entity_type": _entity_type(entry), **item}
                for (label, entry), item in zip(characters, _named(characters))]
    locations = [{"location_id": f"entry-{label}", "location_type": _place_type(entry), **item}
                 for (label, entry), item in zip(places, _named(places))]
    return {"format": "storyloom.world", "version": 1,
            "world": {"name": _book_name(lorebook.get("name")) or file_name or DEFAULT_NAME,
                      "world_type": "custom",
                      "description": f"Imported from a SillyTavern lorebook "
                                     f"({len(labelled)} entries)."},
            "entities": entities, "locations": locations}


def _book_name(name: str | None) -> str | None:
    """The book's own name when it shows something and fits a world name."""
    name = (name or "").strip()
    return name if has_visible(name) and len(name) <= MAX_NAME else None


def _storyloom_kind(entry: dict) -> dict:
    return (entry.get("extensions") or {}).get("storyloom") or {}


def _place_type(entry: dict) -> str | None:
    """The place type of an entry Storyloom exported as a place, else None."""
    kind = _storyloom_kind(entry)
    if kind.get("kind") != "location":
        return None
    return kind.get("type") if kind.get("type") in LOCATION_TYPES else "place"


def _entity_type(entry: dict) -> str:
    kind_type = _storyloom_kind(entry).get("type")
    return kind_type if kind_type in ENTITY_TYPES else "character"


def _named(labelled: list) -> list[dict]:
    """Name, aliases and description of each entry; names and aliases unique within the list."""
    names, taken, numbers = [], {}, {}
    for label, entry in labelled:
        name = _unused(_entry_name(label, entry), taken, numbers)
        taken[fold(name)] = label
        names.append(name)
    return [{"name": name, "aliases": _entry_aliases(label, entry, taken),
             "description": entry.get("content", "")}
            for (label, entry), name in zip(labelled, names)]


def _keys(entry: dict) -> list[str]:
    return [k.strip() for k in entry.get("key", [])
            if has_visible(k) and not _is_regex(k.strip())]


def _entry_name(label: str, entry: dict) -> str:
    """The entry's comment, else its first key."""
    comment, keys = entry.get("comment", "").strip(), _keys(entry)
    name = comment if has_visible(comment) and len(comment) <= MAX_NAME else \
        (keys[0] if keys else "")
    if not name or len(name) > MAX_NAME:
        raise ValidationFailed({f"entries.{label}.key": "an entry needs a comment or a "
                                                        f"key of at most {MAX_NAME} chars"})
    return name


def _unused(name: str, taken: dict, numbers: dict) -> str:
    """The name, or the name with the next number that makes it unused.

    `numbers` remembers the last number given per name, so a thousand entries sharing one
    comment cost a thousand steps, not half a million.
    """
    candidate, base = name, fold(name)
    number = numbers.get(base, 1)
    while fold(candidate) in taken:
        number += 1
        suffix = f" ({number})"
        candidate = name[:MAX_NAME - len(suffix)] + suffix
    numbers[base] = number
    return candidate


def _entry_aliases(label: str, entry: dict, taken: dict) -> list[str]:
    """The entry's other keys; keys shared between entries are normal, the first one keeps them."""
    aliases = []
    for key in _keys(entry):
        if len(aliases) < MAX_ALIASES and len(key) <= MAX_NAME and fold(key) not in taken:
            taken[fold(key)] = label
            aliases.append(key)
    return aliases


def _is_regex(key: str) -> bool:
    return len(key) > 2 and key.startswith("/") and key.rfind("/") > 0
