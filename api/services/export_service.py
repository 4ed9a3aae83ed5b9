"""Exporting a world as a file: the JSON bundle, a Markdown world bible, a lorebook or a
character's card."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from core.clock import now_iso
from core.errors import MissingField, NotFound, ValidationFailed
from core.models import World
from core.permissions import visible_levels
from core.text import fold
from services.lore.cards import card_png, to_card
from services.lore.sillytavern import to_lorebook
from services.world_access import load_world
from services.world_bible import world_bible

BUNDLE_FORMAT = "storyloom.world"
BUNDLE_VERSION = 1
JSON_TYPE = "application/json; charset=utf-8"
_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


@dataclass(frozen=True)
class ExportFile:
    """A file to download: its name, media type and content."""

    filename: str
    media_type: str
    content: bytes


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


# format -> (file name ending, media type, renderer of the bundle)
FORMATS = {
    "json": (".json", JSON_TYPE, _json),
    "markdown": (".md", "text/markdown; charset=utf-8",
                 lambda bundle: world_bible(bundle).encode("utf-8")),
    "lorebook": ("-lorebook.json", JSON_TYPE, lambda bundle: _json(to_lorebook(bundle))),
}
# format -> (file name ending, media type, renderer of a card)
CARD_FORMATS = {
    "card": (".card.json", JSON_TYPE, _json),
    "card_png": (".png", "image/png", card_png),
}


def safe_filename(name: str) -> str:
    """The world's name as a file name: letters, digits, dots and dashes, never empty."""
    return _UNSAFE.sub("-", name).strip("-.")[:80] or "world"


class ExportService:
    """Builds the bundle of what the caller may see of a world and renders it as a file."""

    def __init__(self, storage):
        self._storage = storage

    def export_world(self, user, world_id: str, file_format: str = "json",
                     entity_id: str | None = None) -> ExportFile:
        """The world as a file of the format; 3001 when the caller may not see the world.

        A card is one entity's (`entity_id`), with the rest of the world's lore as its book.
        """
        if file_format in CARD_FORMATS:
            return self._card(user, world_id, file_format, entity_id)
        if file_format not in FORMATS:
            raise ValidationFailed({"format": f"one of {', '.join([*FORMATS, *CARD_FORMATS])}"})
        world = load_world(self._storage, user, world_id)
        ending, media_type, render = FORMATS[file_format]
        return ExportFile(safe_filename(world.name) + ending, media_type,
                          render(self.world_bundle(user, world)))

    def _card(self, user, world_id: str, file_format: str, entity_id: str | None) -> ExportFile:
        if not entity_id:
            raise MissingField({"entity_id": "required: the character the card is of"})
        bundle = self.world_bundle(user, load_world(self._storage, user, world_id))
        entity = next((e for e in bundle["entities"] if e["entity_id"] == entity_id), None)
        if entity is None:
            raise NotFound("entity")
        ending, media_type, render = CARD_FORMATS[file_format]
        return ExportFile(safe_filename(entity["name"]) + ending, media_type,
                          render(to_card(bundle, entity, to_lorebook(bundle))))

    def world_bundle(self, user, world: World) -> dict:
        """Everything in the world the caller may see, ids kept, references inside the bundle."""
        storage, world_id = self._storage, world.world_id
        stories = self._stories(user, world)
        story_ids = {s["story_id"] for s in stories}
        entities = [_fields(e) for e in storage.entities_of_world(world_id).items]
        locations = [_fields(p) for p in storage.locations_of_world(world_id).items]
        events = [_fields(e) for e in storage.events_of_world(world_id)
                  if e.story_id is None or e.story_id in story_ids]
        _keep_known(stories, entities, locations, events)
        return {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "exported_at": now_iso(),
                "world": _fields(world, drop=("owner_id", "collaborators")),
                "stories": stories,
                "entities": sorted(entities, key=lambda e: fold(e["name"])),
                "locations": sorted(locations, key=lambda p: fold(p["name"])),
                "events": sorted(events, key=_event_order)}

    def _stories(self, user, world: World) -> list[dict]:
        found = self._storage.stories_of_world(world.world_id, visible_levels(user, world))
        return [_fields(s, drop=("world_id", "owner_id", "word_count", "excerpt"))
                for s in found.items]


def _fields(model, drop=("world_id",)) -> dict:
    # Versions belong to this server's copy (an import starts at 1); day numbers are derived.
    return {key: value for key, value in model.to_dict().items()
            if key not in drop and key not in ("version", "day_number")}


def _event_order(event: dict) -> tuple:
    return (event["year"] is None, event["year"] or 0, event["month"] or 0, event["day"] or 0,
            event["story_position"] or 0, event["created_at"])


def _keep_known(stories: list, entities: list, locations: list, events: list) -> None:
    """Drop references to what the bundle does not hold (stories the caller may not see)."""
    known = {item[key] for items, key in ((stories, "story_id"), (entities, "entity_id"),
                                          (locations, "location_id"), (events, "event_id"))
             for item in items}
    for item in stories + events:
        for key in ("entity_ids", "location_ids", "linked_story_ids"):
            if key in item:
                item[key] = [i for i in item[key] if i in known]
    for event in events:
        event["connections"] = [c for c in event["connections"] if c["target_event_id"] in known]
    for entity in entities:
        entity["relationships"] = [r for r in entity["relationships"]
                                   if r["target_entity_id"] in known]
    for place in locations:
        if place["parent_location_id"] not in known:
            place["parent_location_id"] = None
    for item in entities + locations + events:
        story_id = item["source"].get("story_id")
        if story_id is not None and story_id not in known:
            item["source"] = {k: v for k, v in item["source"].items() if k != "story_id"}
