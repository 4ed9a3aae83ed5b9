"""Locations of a world: named places with map coordinates, nested inside each other."""

from __future__ import annotations

from core.clock import now_iso
from core.errors import ValidationFailed
from core.models import Event, Location, Story
from core.models._base import new_id
from services.world_content import WorldContentService
from services.world_names import ensure_unique_names
from storage.base import Query

FIELDS = ("name", "aliases", "location_type", "description", "coordinates",
          "parent_location_id")


class LocationService(WorldContentService):
    """The rules for places; names are unique in their world, parents form no cycle."""

    model = Location
    kind = "location"
    type_field = "location_type"

    def _view(self, user, world, location: Location) -> dict:
        doc = location.as_view()
        parent = (self._storage.get(Location, location.parent_location_id)
                  if location.parent_location_id else None)
        doc["parent_name"] = parent.name if parent else None
        doc["permissions"] = self._permissions(user, world)
        return {"location": doc}

    def list_locations(self, user, world_id: str, q=None, location_type=None, page=1,
                       page_size=20) -> dict:
        """A world's places by name, optionally filtered by name part and type."""
        return self._list(user, world_id, q, location_type, page, page_size)

    def get_location(self, user, world_id: str, location_id: str) -> dict:
        """One place with its parent's name."""
        world, location = self._load(user, world_id, location_id)
        return self._view(user, world, location)

    def create_location(self, user, world_id: str, fields: dict,
                        source: dict | None = None) -> dict:
        """A new place in the world."""
        world = self._editable_world(user, world_id)
        now = now_iso()
        location = Location(location_id=new_id(), world_id=world_id, created_at=now,
                            updated_at=now, source=source or {"kind": "user"},
                            **{k: v for k, v in fields.items() if k in FIELDS})
        with self._world_locks.hold(world_id):
            ensure_unique_names(self._storage, Location, world_id, location.name,
                                location.aliases)
            self._check_parent(location)
            self._storage.save(location)
        return self._view(user, world, location)

    def update_location(self, user, world_id: str, location_id: str, changes: dict) -> dict:
        """Change the fields given and keep the others."""
        self._editable_world(user, world_id)
        with self._world_locks.hold(world_id):
            world, location = self._load(user, world_id, location_id)
            for name in FIELDS:
                if name in changes:
                    setattr(location, name, changes[name])
            ensure_unique_names(self._storage, Location, world_id, location.name,
                                location.aliases, own_id=location_id)
            self._check_parent(location)
            location.updated_at = now_iso()
            self._storage.save(location)
        return self._view(user, world, location)

    def _check_parent(self, location: Location) -> None:
        """The parent must be a place of the same world that is not inside this one."""
        seen, parent_id = {location.location_id}, location.parent_location_id
        while parent_id:
            parent = self._storage.get(Location, parent_id)
            if parent is None or parent.world_id != location.world_id:
                raise ValidationFailed({"parent_location_id": "must be a place of the same world"})
            if parent_id in seen:
                raise ValidationFailed({"parent_location_id": "a place cannot be inside itself"})
            seen.add(parent_id)
            parent_id = parent.parent_location_id

    def delete_location(self, user, world_id: str, location_id: str) -> dict:
        """Delete a place: stories and events forget it, places inside move to its parent."""
        _, location = self._delete_guard(user, world_id, location_id)
        with self._world_locks.hold(world_id):
            saves = []
            for child in self._storage.find(Location, Query(
                    any_of=({"parent_location_id": location_id},))).items:
                child.parent_location_id = location.parent_location_id
                saves.append(child)
            for model in (Story, Event):
                for item in self._storage.find(model, Query(
                        any_of=({"location_ids": location_id},))).items:
                    item.location_ids = [i for i in item.location_ids if i != location_id]
                    saves.append(item)
            self._storage.commit(saves=saves, deletes=[(Location, location_id)])
        return {"location_id": location_id}
