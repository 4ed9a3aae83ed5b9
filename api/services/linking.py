"""Linking a story to the entities and places it mentions, by id or by name or alias."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.clock import now_iso
from core.errors import ValidationFailed
from core.models import Entity, Location
from core.models._base import new_id
from core.models.views import EntityView, StoryView
from core.permissions import can_edit_content
from core.text import fold
from services.story_linker import relink, save_relinked
from services.story_service import StoryService
from services.world_access import load_story, require
from services.world_content import WorldContentService, check_ids_in_world
from services.world_names import unique_names
from storage import retry_on_conflict

MAX_LINKS = 500


@dataclass
class LinkResult:
    """The story after linking, the entities created for unknown names, and names not found.

    `created` is {"entities": [EntityView]}.
    """

    story: StoryView
    created: dict = field(default_factory=lambda: {"entities": []})
    unresolved: list = field(default_factory=list)


class LinkService:
    """Adds and clears a story's links; names that match nothing can create entities."""

    def __init__(self, storage):
        self._storage = storage

    @retry_on_conflict
    def link_entities(self, user, story_id: str, entity_ids=(), location_ids=(), names=(),
                      create_missing: bool = False) -> LinkResult:
        """Link by ids and names; answers the story, what was created and what was not found."""
        with unique_names(Entity), self._storage.transaction() as tx:
            story, world = load_story(tx, user, story_id)
            require(can_edit_content(user, world), "You may not change this story")
            check_ids_in_world(tx, Entity, world.world_id, entity_ids, "entity_ids")
            check_ids_in_world(tx, Location, world.world_id, location_ids, "location_ids")
            entities, locations, created, unresolved = _resolve(tx, story, names,
                                                                create_missing)
            story.entity_ids = _merge(story.entity_ids, [*entity_ids, *entities,
                                                         *(e.entity_id for e in created)])
            story.location_ids = _merge(story.location_ids, [*location_ids, *locations])
            if len(story.entity_ids) + len(story.location_ids) > MAX_LINKS:
                raise ValidationFailed({"names": f"a story links at most {MAX_LINKS} things"})
            story.updated_at = now_iso()
            for entity in created:
                tx.insert(entity)
            relinked = relink(tx, [story])
            tx.update(story)
            save_relinked(tx, relinked, saved=[story])
            rights = WorldContentService.permissions(user, world)
            return LinkResult(StoryService.view(user, world, story),
                              {"entities": [EntityView(e, rights) for e in created]}, unresolved)

    @retry_on_conflict
    def clear_links(self, user, story_id: str) -> StoryView:
        """Remove every entity and place link of the story."""
        with self._storage.transaction() as tx:
            story, world = load_story(tx, user, story_id)
            require(can_edit_content(user, world), "You may not change this story")
            story.entity_ids, story.location_ids = [], []
            story.updated_at = now_iso()
            relinked = relink(tx, [story])
            tx.update(story)
            save_relinked(tx, relinked, saved=[story])
            return StoryService.view(user, world, story)


def _resolve(reader, story, names, create_missing: bool):
    entities, locations, created, unresolved = [], [], [], []
    new_names = set()
    for name in names:
        key = fold(name)
        entity = reader.named(Entity, story.world_id, key) if key else None
        location = None if entity or not key else reader.named(Location, story.world_id, key)
        if entity:
            entities.append(entity.entity_id)
        elif location:
            locations.append(location.location_id)
        elif create_missing and key and key not in new_names:
            new_names.add(key)
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
