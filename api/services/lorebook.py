"""SillyTavern World Info (lorebook): written from a world bundle, read back as entities."""

from __future__ import annotations

from core.errors import ValidationFailed
from core.text import fold
from services.world_bible import relationship_phrase

MAX_NAME = 120
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
    contents = [(e, _entity_content(e, names)) for e in bundle["entities"]]
    contents += [(p, _place_content(p, places)) for p in bundle["locations"]]
    entries = {}
    for uid, (item, content) in enumerate(contents):
        entries[str(uid)] = {"uid": uid, "key": [item["name"], *item["aliases"]],
                             "comment": item["name"], "content": content, **ENTRY_DEFAULTS,
                             "displayIndex": uid}
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


def lorebook_to_bundle(lorebook: dict) -> dict:
    """A bundle holding one entity per entry: name = comment or first key, aliases = keys."""
    entries = lorebook["entries"]
    labelled = [(str(label), entry) for label, entry in
                (entries.items() if isinstance(entries, dict) else enumerate(entries))]
    names = _entry_names(labelled)
    taken = {fold(name): label for (label, _), name in zip(labelled, names)}
    entities = [{"entity_id": f"entry-{index}", "name": name,
                 "aliases": _entry_aliases(label, entry, taken),
                 "description": entry.get("content", "")}
                for index, ((label, entry), name) in enumerate(zip(labelled, names))]
    return {"format": "storyloom.world", "version": 1,
            "world": {"name": lorebook.get("name") or "Imported lorebook",
                      "world_type": "custom",
                      "description": f"Imported from a SillyTavern lorebook "
                                     f"({len(entities)} entries)."},
            "entities": entities}


def _keys(entry: dict) -> list[str]:
    return [k.strip() for k in entry.get("key", []) if k.strip() and not _is_regex(k.strip())]


def _entry_names(labelled: list) -> list[str]:
    """Each entry's name (its comment, else its first key); two entries may not share one."""
    names, seen = [], {}
    for label, entry in labelled:
        comment, keys = entry.get("comment", "").strip(), _keys(entry)
        name = comment if 0 < len(comment) <= MAX_NAME else (keys[0] if keys else "")
        if not name or len(name) > MAX_NAME:
            raise ValidationFailed({f"entries.{label}.key": "an entry needs a comment or a "
                                                            f"key of at most {MAX_NAME} chars"})
        if fold(name) in seen:
            raise ValidationFailed({f"entries.{label}.comment": f"'{name}' is already the name "
                                                                f"of entries.{seen[fold(name)]}"})
        seen[fold(name)] = label
        names.append(name)
    return names


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
