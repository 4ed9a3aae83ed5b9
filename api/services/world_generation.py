"""Filling a new world from the template generator: ids for its refs, models ready to save."""

from __future__ import annotations

import random

from core.clock import now_iso
from core.models import Entity, Location, World
from core.models.world import LANGUAGES
from core.models._base import new_id
from core.relationships import mirror_all
from generators.world_generator import generate_world


def generated_content(world: World, options: dict, rng: random.Random | None = None) -> list:
    """The entities and locations the generator makes for a new world, as unsaved models.

    `options` is the request's `generate`: counts and the language of the names and texts
    (the world's by default). Attribute names are in that language, or the world's if mixed.
    """
    language = options.get("language") or world.language
    made = generate_world(rng or random.Random(), world.world_type,
                          options.get("entities", 0), options.get("locations", 0),
                          language, language if language in LANGUAGES else world.language)
    ids = {item["ref"]: new_id() for item in made.entities + made.locations}
    source = {"kind": "user", "generator": world.world_type}
    locations = [_location(world.world_id, item, ids, source) for item in made.locations]
    entities = [_entity(world.world_id, item, ids, source) for item in made.entities]
    mirror_all(entities)
    return locations + entities


def _location(world_id: str, item: dict, ids: dict, source: dict) -> Location:
    now = now_iso()
    return Location(location_id=ids[item["ref"]], world_id=world_id, name=item["name"],
                    created_at=now, updated_at=now, aliases=item["aliases"],
                    location_type=item["location_type"], description=item["description"],
                    coordinates=item["coordinates"],
                    parent_location_id=ids.get(item["parent_ref"]), source=dict(source))


def _entity(world_id: str, item: dict, ids: dict, source: dict) -> Entity:
    now = now_iso()
    relationships = [{"target_entity_id": ids[r["target_ref"]], "type": r["type"],
                      "label": r["label"]} for r in item["relationships"]]
    return Entity(entity_id=ids[item["ref"]], world_id=world_id, name=item["name"],
                  created_at=now, updated_at=now, aliases=item["aliases"],
                  entity_type=item["entity_type"], description=item["description"],
                  attributes=item["attributes"], relationships=relationships,
                  source=dict(source))
