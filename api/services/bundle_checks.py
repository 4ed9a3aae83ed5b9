"""Checks of a world bundle before import: sizes, unique ids and names, references that resolve."""

from __future__ import annotations

from core.errors import BatchTooLarge, ValidationFailed
from core.text import fold

MAX_ITEMS = 5000        # per kind: stories, entities, locations, events, lorebook entries
MAX_REPORTED = 20       # problems named in one answer
KINDS = {"stories": "story_id", "entities": "entity_id", "locations": "location_id",
         "events": "event_id"}
SINGULAR = {"stories": "story", "entities": "entity", "locations": "location", "events": "event"}


def check_sizes(data: dict) -> None:
    """Raise 2004 when the file holds more of any kind than one import takes."""
    for kind in (*KINDS, "entries"):
        count = len(data.get(kind) or ())
        if count > MAX_ITEMS:
            raise BatchTooLarge(f"The file holds {count} {kind}; an import takes at most "
                                f"{MAX_ITEMS}", data={"fields": {kind: f"at most {MAX_ITEMS}"}})


class _Problems:
    """The problems found so far, by the dotted path of what is wrong."""

    def __init__(self):
        self.fields: dict[str, str] = {}

    def add(self, path: str, message: str) -> None:
        """Note a problem (the first one for a path wins; the report is capped)."""
        if len(self.fields) < MAX_REPORTED:
            self.fields.setdefault(path, message)

    def raise_if_any(self) -> None:
        """Raise 2001 naming every problem noted, if there is any."""
        if self.fields:
            first = "; ".join(f"{path}: {text}" for path, text in list(self.fields.items())[:3])
            more = len(self.fields) - 3
            raise ValidationFailed(self.fields, f"The world file cannot be imported: {first}"
                                                + (f" (and {more} more)" if more > 0 else ""))


def check_bundle(bundle: dict) -> None:
    """Raise 2001 naming every duplicate id or name and every reference that points nowhere."""
    problems = _Problems()
    ids = {kind: _unique_ids(problems, bundle, kind) for kind in KINDS}
    for kind in ("entities", "locations"):
        _unique_names(problems, bundle.get(kind, []), kind)
    _check_refs(problems, bundle, ids)
    _check_nesting(problems, bundle.get("locations", []))
    problems.raise_if_any()


def _unique_ids(problems: _Problems, bundle: dict, kind: str) -> set:
    seen = set()
    for index, item in enumerate(bundle.get(kind, [])):
        if item[KINDS[kind]] in seen:
            problems.add(f"{kind}.{index}.{KINDS[kind]}", "the same id appears twice")
        seen.add(item[KINDS[kind]])
    return seen


def _unique_names(problems: _Problems, items: list, kind: str) -> None:
    """Names and aliases are unique per kind, compared without case or diacritics."""
    owners: dict[str, int] = {}
    for index, item in enumerate(items):
        for position, name in enumerate([item["name"], *item.get("aliases", [])]):
            key, path = fold(name), (f"{kind}.{index}.name" if position == 0
                                     else f"{kind}.{index}.aliases.{position - 1}")
            if owners.get(key, index) != index:
                problems.add(path, f"'{name}' is already used by {kind}.{owners[key]} (names "
                                   "and aliases are compared without case or diacritics)")
            owners.setdefault(key, index)


def _check_refs(problems: _Problems, bundle: dict, ids: dict) -> None:
    # (kind, field, kind it points to): every listed id must exist in the bundle.
    for kind, field, target in (("stories", "entity_ids", "entities"),
                                ("stories", "location_ids", "locations"),
                                ("stories", "linked_story_ids", "stories"),
                                ("events", "entity_ids", "entities"),
                                ("events", "location_ids", "locations")):
        for index, item in enumerate(bundle.get(kind, [])):
            for position, ref in enumerate(item.get(field, [])):
                if ref not in ids[target]:
                    problems.add(f"{kind}.{index}.{field}.{position}",
                                 f"no such {SINGULAR[target]} in the file: {ref}")
    _check_nested_refs(problems, bundle, ids)


def _check_nested_refs(problems: _Problems, bundle: dict, ids: dict) -> None:
    for index, entity in enumerate(bundle.get("entities", [])):
        for position, rel in enumerate(entity.get("relationships", [])):
            path = f"entities.{index}.relationships.{position}.target_entity_id"
            if rel["target_entity_id"] not in ids["entities"]:
                problems.add(path, f"no such entity in the file: {rel['target_entity_id']}")
            elif rel["target_entity_id"] == entity["entity_id"]:
                problems.add(path, "an entity cannot be related to itself")
    for index, event in enumerate(bundle.get("events", [])):
        if event.get("story_id") is not None and event["story_id"] not in ids["stories"]:
            problems.add(f"events.{index}.story_id", f"no such story in the file: "
                                                     f"{event['story_id']}")
        relative = event.get("relative_to") or {}
        if relative and relative["event_id"] not in ids["events"]:
            problems.add(f"events.{index}.relative_to.event_id",
                         f"no such event in the file: {relative['event_id']}")
        for position, link in enumerate(event.get("connections", [])):
            if link["target_event_id"] not in ids["events"]:
                problems.add(f"events.{index}.connections.{position}.target_event_id",
                             f"no such event in the file: {link['target_event_id']}")


def _check_nesting(problems: _Problems, locations: list) -> None:
    """Parents exist in the file and no place ends up inside itself."""
    parents = {p["location_id"]: p.get("parent_location_id") for p in locations}
    settled: set = set()        # places known to sit under a top-level place
    for index, place in enumerate(locations):
        parent = place.get("parent_location_id")
        if parent is not None and parent not in parents:
            problems.add(f"locations.{index}.parent_location_id",
                         f"no such location in the file: {parent}")
        elif not _reaches_top(place["location_id"], parents, settled):
            problems.add(f"locations.{index}.parent_location_id", "places are nested in a circle")


def _reaches_top(location_id: str, parents: dict, settled: set) -> bool:
    path, current = set(), location_id
    while current is not None and current in parents and current not in settled:
        if current in path:
            return False
        path.add(current)
        current = parents[current]
    settled.update(path)
    return True
