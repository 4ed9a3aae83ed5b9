"""Linking a story to the entities and places it mentions, by id or by name or alias."""

from __future__ import annotations

from core.clock import now_iso
from core.errors import ValidationFailed
from core.models import Entity, Location
from core.models._base import new_id
from core.permissions import can_edit_content
from core.text import fold
from services.world_access import load_story, require
from services.world_names import find_by_name

MAX_LINKS = 500


class LinkService:
    """Adds and clears a story's links; names that match nothing can create entities."""

    def __init__(self, storage, story_service, world_locks):
        self._storage = storage
        self._stories = story_service
        self._world_locks = world_locks

    def link_entities(self, user, story_id: str, entity_ids=(), location_ids=(), names=(),
                      create_missing: bool = False) -> dict:
        """Link by ids and names; answers the story, what was created and what was not found."""
        story, world = load_story(self._storage, user, story_id)
        require(can_edit_content(user, world), "You may not change this story")
        with self._world_locks.hold(world.world_id):
            self._check_ids(Entity, world.world_id, entity_ids, "entity_ids")
            self._check_ids(Location, world.world_id, location_ids, "location_ids")
            found_entities, found_locations, created, unresolved = self._resolve(
                story, names, create_missing)
            story.entity_ids = _merge(story.entity_ids, [*entity_ids, *found_entities,
                                                         *(e.entity_id for e in created)])
            story.location_ids = _merge(story.location_ids, [*location_ids, *found_locations])
            if len(story.entity_ids) + len(story.location_ids) > MAX_LINKS:
                raise ValidationFailed({"names": f"a story links at most {MAX_LINKS} things"})
            story.updated_at = now_iso()
            self._storage.save(story, *created)
        return {"story": self._stories.get_story(user, story_id)["story"],
                "created": {"entities": [e.to_dict() for e in created]},
                "unresolved": unresolved}

    def clear_links(self, user, story_id: str) -> dict:
        """Remove every entity and place link of the story."""
        story, world = load_story(self._storage, user, story_id)
        require(can_edit_content(user, world), "You may not change this story")
        story.entity_ids, story.location_ids = [], []
        story.updated_at = now_iso()
        self._storage.save(story)
        return self._stories.get_story(user, story_id)

    def _check_ids(self, model_cls, world_id: str, ids, field: str) -> None:
        found = {item_id for item_id in ids
                 if (item := self._storage.get(model_cls, item_id)) and item.world_id == world_id}
        missing = [item_id for item_id in ids if item_id not in found]
        if missing:
            raise ValidationFailed({field: f"not in this world: {', '.join(missing)}"})

    def _resolve(self, story, names, create_missing: bool):
        entities, locations, created, unresolved = [], [], [], []
        new_names = set()
        for name in names:
            entity = find_by_name(self._storage, Entity, story.world_id, name)
            location = None if entity else find_by_name(self._storage, Location,
                                                        story.world_id, name)
            if entity:
                entities.append(entity.entity_id)
            elif location:
                locations.append(location.location_id)
            elif create_missing and fold(name) not in new_names:
                new_names.add(fold(name))
                now = now_iso()
                created.append(Entity(entity_id=new_id(), world_id=story.world_id,
                                      name=name.strip(), created_at=now, updated_at=now,
                                      source={"kind": "user", "story_id": story.story_id}))
            elif not create_missing:
                unresolved.append(name)
        return entities, locations, created, unresolved


def _merge(existing: list, added) -> list:
    """The existing ids followed by the new ones, each once."""
    return list(dict.fromkeys([*existing, *added]))
