"""Counts for any caller: only what that caller may see."""

from __future__ import annotations

from core.models import Entity, Event, Location, Story, World
from storage.base import Query


class StatsService:
    """Totals of visible worlds, stories and what the visible worlds hold."""

    def __init__(self, storage, world_service, story_service):
        self._storage = storage
        self._worlds = world_service
        self._stories = story_service

    def visible_stats(self, user) -> dict:
        """How many worlds, stories, entities, places and events the caller can see."""
        world_ids = self._storage.find_ids(World, Query(any_of=self._worlds.visible_filter(user)))
        per_world = [{"world_id": world_id} for world_id in world_ids]
        return {"worlds": len(world_ids),
                "stories": self._storage.count(Story, *self._stories.visible_filter(user)),
                "entities": self._storage.count(Entity, *per_world) if per_world else 0,
                "locations": self._storage.count(Location, *per_world) if per_world else 0,
                "events": self._storage.count(Event, *per_world) if per_world else 0}
