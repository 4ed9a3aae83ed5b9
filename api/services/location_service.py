"""Locations of a world: named places with map coordinates, nested inside each other."""

from __future__ import annotations

from core.clock import now_iso
from core.errors import ValidationFailed
from core.models import Location, Story
from core.models._base import new_id
from core.models.views import LocationView, PageView
from services.cascade import delete_with_references
from services.story_linker import relink, save_relinked
from services.world_access import check_version
from services.world_content import WorldContentService
from services.world_names import ensure_names_free, unique_names
from storage import PageRequest, retry_on_conflict

FIELDS = ("name", "aliases", "location_type", "description", "coordinates",
          "parent_location_id", "extensions")


class LocationService(WorldContentService):
    """The rules for places; names are unique in their world, parents form no cycle."""

    model = Location
    kind = "location"

    def _view(self, reader, user, world, location: Location) -> LocationView:
        parent = (reader.get(Location, location.parent_location_id)
                  if location.parent_location_id else None)
        return LocationView(location, self.permissions(user, world),
                            parent.name if parent else None)

    def list_locations(self, user, world_id: str, q=None, location_type=None,
                       page: PageRequest = PageRequest()) -> PageView:
        """A world's places by name, optionally filtered by name part and type."""
        return self._list(self._storage.locations_of_world, user, world_id, location_type, q,
                          page, lambda item, rights: LocationView(item, rights))

    def get_location(self, user, world_id: str, location_id: str) -> LocationView:
        """One place with its parent's name."""
        world, location = self._load(self._storage, user, world_id, location_id)
        return self._view(self._storage, user, world, location)

    @retry_on_conflict
    def create_location(self, user, world_id: str, fields: dict,
                        source: dict | None = None) -> LocationView:
        """A new place in the world."""
        now = now_iso()
        location = Location(location_id=new_id(), world_id=world_id, created_at=now,
                            updated_at=now, source=source or {"kind": "user"},
                            **{k: v for k, v in fields.items() if k in FIELDS})
        with unique_names(Location), self._storage.transaction() as tx:
            world = self._editable_world(tx, user, world_id)
            ensure_names_free(tx, Location, world_id, location.name, location.aliases)
            _check_parent(tx, location)
            tx.insert(location)
            return self._view(tx, user, world, location)

    @retry_on_conflict
    def update_location(self, user, world_id: str, location_id: str, changes: dict,
                        based_on: int | None = None) -> LocationView:
        """Change the fields given and keep the others."""
        with unique_names(Location), self._storage.transaction() as tx:
            world, location = self._editable(tx, user, world_id, location_id)
            check_version("location", location, based_on,
                          lambda: self._view(tx, user, world, location))
            for name in FIELDS:
                if name in changes:
                    setattr(location, name, changes[name])
            ensure_names_free(tx, Location, world_id, location.name, location.aliases,
                              location_id)
            _check_parent(tx, location)
            location.updated_at = now_iso()
            tx.update(location)
            return self._view(tx, user, world, location)

    @retry_on_conflict
    def delete_location(self, user, world_id: str, location_id: str) -> str:
        """Delete a place: stories and events forget it, places inside move to its parent."""
        with self._storage.transaction() as tx:
            _, location = self._deletable(tx, user, world_id, location_id)
            linked = [s.story_id for s in tx.referencing(Story, "location_ids", location_id)]
            delete_with_references(tx, Location, location_id,
                                   replacement=location.parent_location_id)
            save_relinked(tx, relink(tx, tx.get_many(Story, linked)))
        return location_id


def _check_parent(reader, location: Location) -> None:
    """The parent must be a place of the same world that is not inside this one."""
    seen, parent_id = {location.location_id}, location.parent_location_id
    while parent_id:
        parent = reader.get(Location, parent_id)
        if parent is None or parent.world_id != location.world_id:
            raise ValidationFailed({"parent_location_id": "must be a place of the same world"})
        if parent_id in seen:
            raise ValidationFailed({"parent_location_id": "a place cannot be inside itself"})
        seen.add(parent_id)
        parent_id = parent.parent_location_id
