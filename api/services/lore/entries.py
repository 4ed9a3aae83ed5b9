"""Lore entries read from any tool's file, turned into a world bundle's entities and places."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import orjson

from core.models.entity import ENTITY_TYPES
from core.models.location import LOCATION_TYPES
from core.relationships import RELATIONSHIP_TYPES
from core.text import fold, has_visible

MAX_NAME = 120
MAX_ALIASES = 20
MAX_DESCRIPTION = 200_000
MAX_EXTENSIONS = 64 * 1024
MAX_ATTRIBUTES = 50
DEFAULT_NAME = "Imported lorebook"


@dataclass
class LoreEntry:
    """One entry of a lorebook in the terms every format shares."""

    index: int | str                  # where it was in the file, for `skipped`
    names: list                       # name candidates, best first (comment, title, ...)
    keys: list                        # what fires the entry; the first one names an unnamed one
    content: str
    extensions: dict                  # {tool: the fields it reads} kept on the resource
    kind: str | None = None           # entity | location, when the file says
    type: str | None = None           # its entity or location type, when the file says
    ref: str | None = None            # the entry's id in the file, for references to it
    attributes: dict = field(default_factory=dict)
    relationships: list = field(default_factory=list)     # [{target_ref, type, label}]
    parent_ref: str | None = None
    coordinates: dict | None = None
    constant: bool = False


@dataclass
class LoreBook:
    """A whole file: its name, description, the book's own fields and its entries."""

    tool: str
    name: str | None
    description: str
    extensions: dict
    entries: list
    skipped: list = field(default_factory=list)           # [{index, reason}] found by the reader


def split_keys(value) -> list[str]:
    """Keys given as a list or as one comma-separated string, as the tools write them."""
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    if isinstance(value, list):
        return [k.strip() for k in value if isinstance(k, str) and k.strip()]
    return []


def as_list(value) -> list:
    """A list field, or [] when the file holds something else there."""
    return value if isinstance(value, list) else []


def text(value) -> str:
    """A text field, or "" when the file holds something else there."""
    return value if isinstance(value, str) else ""


def without(fields: dict, *names) -> dict:
    """The fields less those named."""
    return {k: v for k, v in fields.items() if k not in names}


# Words that tell what an entry describes when the file does not say (folded, whole words).
_CHARACTER = re.compile(r"\b(character|char|nhan vat|gender|sex|gioi tinh|age|tuoi|personality|"
                        r"tinh cach|appearance|ngoai hinh|species|he is|she is|born|sinh nam)\b")
_PLACE = re.compile(r"\b(location|place|dia diem|city|town|village|kingdom|region|continent|"
                    r"thanh pho|thi tran|lang|vung|vuong quoc|luc dia|located|nam o|building)\b")


def guess_kind(entry: LoreEntry) -> tuple[str, str]:
    """(kind, type): what the file says, else a guess from the entry's first words, else lore."""
    if entry.kind == "location":
        return "location", entry.type if entry.type in LOCATION_TYPES else "place"
    if entry.kind == "entity":
        return "entity", entry.type if entry.type in ENTITY_TYPES else "character"
    if entry.constant:
        return "entity", "lore"
    head = fold(" ".join([*entry.names[:1], entry.content[:300]]))
    if _CHARACTER.search(head):
        return "entity", "character"
    if _PLACE.search(head):
        return "location", "place"
    return "entity", "lore"


def to_bundle(book: LoreBook, file_name: str | None) -> tuple[dict, list]:
    """A world bundle with one entity or place per usable entry, and the entries skipped."""
    skipped = list(book.skipped)
    usable = []
    for entry in book.entries:
        reason = _problem(entry)
        if reason:
            skipped.append({"index": entry.index, "reason": reason})
        else:
            usable.append(entry)
    kinds = [guess_kind(entry) for entry in usable]
    named = _named(usable, kinds)
    ids = {entry.ref: f"{kind}-{i}" for i, (entry, (kind, _)) in enumerate(zip(usable, kinds))
           if entry.ref is not None}
    entities, locations = [], []
    for i, (entry, (kind, kind_type), (name, aliases)) in enumerate(zip(usable, kinds, named)):
        item = {"name": name, "aliases": aliases, "description": entry.content,
                "extensions": entry.extensions, "source": {"kind": "user", "format": book.tool}}
        if kind == "location":
            parent = ids.get(entry.parent_ref)
            locations.append({**item, "location_id": f"location-{i}", "location_type": kind_type,
                              "parent_location_id": parent if parent and
                              parent.startswith("location-") else None,
                              "coordinates": _coordinates(entry.coordinates)})
        else:
            entities.append({**item, "entity_id": f"entity-{i}", "entity_type": kind_type,
                             "attributes": _attributes(entry.attributes),
                             "relationships": _relationships(entry, ids, f"entity-{i}")})
    world = {"name": _book_name(book.name) or file_name or DEFAULT_NAME,
             "world_type": "custom", "description": book.description[:50_000],
             "extensions": book.extensions if _fits(book.extensions) else {}}
    return ({"format": "storyloom.world", "version": 1, "world": world,
             "entities": entities, "locations": locations}, skipped)


def _problem(entry: LoreEntry) -> str | None:
    """Why the entry cannot become an entity or place, or None."""
    if not _candidates(entry):
        return "the entry has no name, comment or key to be named by"
    if len(entry.content) > MAX_DESCRIPTION:
        return f"its text is longer than {MAX_DESCRIPTION:,} characters"
    if not _fits(entry.extensions):
        return "its fields take more than 64 kB"
    if "\x00" in entry.content or b"\\u0000" in orjson.dumps(entry.extensions):
        return "its text holds the NUL character"
    return None


def _fits(extensions: dict) -> bool:
    return len(orjson.dumps(extensions)) <= MAX_EXTENSIONS


def _candidates(entry: LoreEntry) -> list[str]:
    """Names the entry could take: its names, then its keys that are not patterns."""
    found = [" ".join(str(n).split()) for n in entry.names if isinstance(n, str)]
    found += [k for k in entry.keys if not is_regex(k)]
    return [n for n in found if has_visible(n) and len(n) <= MAX_NAME]


def _book_name(name) -> str | None:
    """The book's own name when it shows something and fits a world name."""
    name = " ".join(name.split()) if isinstance(name, str) else ""
    return name if has_visible(name) and len(name) <= MAX_NAME else None


def _named(entries: list, kinds: list) -> list[tuple[str, list]]:
    """(name, aliases) per entry; names and aliases unique among things of the same kind."""
    taken = {"entity": {}, "location": {}}
    numbers = {"entity": {}, "location": {}}
    names = []
    for entry, (kind, _) in zip(entries, kinds):
        name = unused(_candidates(entry)[0], taken[kind], numbers[kind])
        taken[kind][fold(name)] = entry
        names.append(name)
    result = []
    for entry, (kind, _), name in zip(entries, kinds, names):
        aliases = []
        for key in entry.keys:
            if (len(aliases) < MAX_ALIASES and len(key) <= MAX_NAME and has_visible(key)
                    and not is_regex(key) and fold(key) and fold(key) not in taken[kind]):
                taken[kind][fold(key)] = entry
                aliases.append(key)
        result.append((name, aliases))
    return result


def unused(name: str, taken: dict, numbers: dict) -> str:
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


def _relationships(entry: LoreEntry, ids: dict, own_id: str) -> list[dict]:
    """The entry's ties to other entities of the file that were imported, each once."""
    ties, seen = [], set()
    for tie in entry.relationships:
        target = ids.get(str(tie.get("target_ref")))
        if (target and target.startswith("entity-") and target != own_id
                and tie.get("type") in RELATIONSHIP_TYPES
                and (target, tie["type"]) not in seen):
            seen.add((target, tie["type"]))
            ties.append({"target_entity_id": target, "type": tie["type"],
                         "label": text(tie.get("label"))[:120]})
    return ties


def _attributes(attributes) -> dict:
    """The attributes a Storyloom entry carried, as far as they are valid ones."""
    if not isinstance(attributes, dict):
        return {}
    kept = {}
    for name, value in list(attributes.items())[:MAX_ATTRIBUTES]:
        name = name.strip()
        if not 0 < len(name) <= 60:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            continue
        if isinstance(value, str) and len(value) > 500:
            continue
        kept[name] = value
    return kept


def _coordinates(value) -> dict | None:
    """A valid {x, y} position, else None."""
    if not isinstance(value, dict):
        return None
    x, y = value.get("x"), value.get("y")
    valid = all(isinstance(v, (int, float)) and not isinstance(v, bool)
                and -1_000_000 <= v <= 1_000_000 for v in (x, y))
    return {"x": x, "y": y} if valid else None


def is_regex(key: str) -> bool:
    """Whether a key is a /pattern/flags regular expression rather than a word."""
    key = key.strip()
    return len(key) > 2 and key.startswith("/") and key.rfind("/") > 0
