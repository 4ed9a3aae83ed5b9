"""What a batch analysis writes: new names created once, stories linked, links followed."""

from __future__ import annotations

import copy

from core.clock import now_iso
from core.models import Entity, Location, Story
from core.models._base import new_id
from core.text import fold
from services.story_linker import relink, save_relinked


def link_found(tx, world_id: str, found: list, source: dict, result: dict) -> None:
    """In the completing transaction: make each new name once (an entity for a character, a
    place for a location; a name the world gained meanwhile is matched instead), link every
    story to what it names, and bring the world's story links up to date. Sets the task's
    `result` stories (with the ids now known) and `created`; `found` itself is left as it was,
    so a retried transaction starts again from it."""
    found = copy.deepcopy(found)
    created = {"entities": [], "locations": []}
    made: dict[tuple, str] = {}
    changed = []
    for entry in found:
        story = tx.get(Story, entry["story_id"])
        if story is None or story.world_id != world_id:
            continue
        entity_ids = [_id_of(tx, world_id, item, "entity", made, source, story, created)
                      for item in entry["characters"]]
        location_ids = [_id_of(tx, world_id, item, "location", made, source, story, created)
                        for item in entry["locations"]]
        for item, new_id_ in zip(entry["characters"], entity_ids):
            item["entity_id"] = new_id_
        for item, new_id_ in zip(entry["locations"], location_ids):
            item["location_id"] = new_id_
        merged_e = list(dict.fromkeys([*story.entity_ids, *entity_ids]))
        merged_l = list(dict.fromkeys([*story.location_ids, *location_ids]))
        if (merged_e, merged_l) != (story.entity_ids, story.location_ids):
            story.entity_ids, story.location_ids = merged_e, merged_l
            story.updated_at = now_iso()
            changed.append(story)
    for story in changed:           # stored first: relink reads the world's stories as stored
        tx.update(story)
    save_relinked(tx, relink(tx, changed))
    result["stories"], result["created"] = found, created


def _id_of(tx, world_id, item, kind, made, source, story, created) -> str:
    """The id of the thing an analysed name stands for, creating it once when it is new."""
    given = item.get("entity_id" if kind == "entity" else "location_id")
    if given:
        return given
    key = fold(item["name"])
    if (kind, key) in made:
        return made[(kind, key)]
    model = Entity if kind == "entity" else Location
    existing = tx.named(model, world_id, key)
    if existing is not None:
        made[(kind, key)] = existing.entity_id if kind == "entity" else existing.location_id
        return made[(kind, key)]
    now = now_iso()
    provenance = {**source, "story_id": story.story_id, "excerpt": item.get("quote", "")[:500]}
    if kind == "entity":
        thing = Entity(entity_id=new_id(), world_id=world_id, name=item["name"][:120],
                       created_at=now, updated_at=now, description=item.get("description", ""),
                       source=provenance)
        thing_id = thing.entity_id
    else:
        thing = Location(location_id=new_id(), world_id=world_id, name=item["name"][:120],
                         created_at=now, updated_at=now, description=item.get("description", ""),
                         source=provenance)
        thing_id = thing.location_id
    tx.insert(thing)
    made[(kind, key)] = thing_id
    created["entities" if kind == "entity" else "locations"].append(
        {("entity_id" if kind == "entity" else "location_id"): thing_id, "name": thing.name})
    return thing_id
