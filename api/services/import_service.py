"""Importing a world bundle or another tool's lore file as a new private world with new ids."""

from __future__ import annotations

from dataclasses import dataclass

from core.clock import now_iso
from core.calendar import upgrade_calendar
from core.models import Entity, Event, Location, Story, World
from core.models._base import new_id
from core.models.views import WorldView
from core.models.world import default_calendar
from core.permissions import can_write
from core.relationships import mirror_all
from core.visibility import clamp
from services.dates import checked_calendar, date_events
from services.bundle_checks import KINDS, check_bundle, check_sizes
from services.lore import is_bundle, read_lore
from services.world_access import require
from services.world_names import imported_world_name, unique_names


@dataclass
class ImportResult:
    """The world made, and the entries of the file that could not be imported."""

    world: WorldView
    skipped: list


class ImportService:
    """Checks a whole file first, then creates everything in one transaction."""

    def __init__(self, storage, world_service):
        self._storage = storage
        self._worlds = world_service

    def import_world(self, user, data, file_name: str | None = None) -> ImportResult:
        """A new world owned by the caller from a bundle or a lore file; nothing is made when
        the file as a whole is wrong, and entries that cannot be imported are skipped.

        A book without a name of its own takes `file_name`; a world whose name the caller
        already uses gets a suffix ("(imported)", "(imported 2)", ...).
        """
        require(can_write(user), "Your role may not create worlds")
        if is_bundle(data):
            check_sizes(data)
            bundle, skipped = data, []
        else:
            bundle, skipped = read_lore(data, file_name)
        check_bundle(bundle)
        models = _Rebuild(user, bundle).models()
        world = models[0]
        date_events(checked_calendar(world.calendar, "world."),
                    [m for m in models if isinstance(m, Event)])
        with unique_names(Entity), self._storage.transaction() as tx:
            world.name = imported_world_name(tx, user, world.name, world.language)
            for model in models:
                tx.insert(model)
            return ImportResult(self._worlds.views(tx, user, [models[0]])[0], skipped)


class _Rebuild:
    """The bundle's items as new models: new ids, every reference remapped."""

    def __init__(self, user, bundle: dict):
        self.user = user
        self.bundle = bundle
        self.world_id = new_id()
        self.ids = {kind: {item[key]: new_id() for item in bundle.get(kind, [])}
                    for kind, key in KINDS.items()}

    def models(self) -> list:
        """The world first, then its stories, entities, locations and events."""
        entities = [self._entity(e) for e in self.bundle.get("entities", [])]
        mirror_all(entities)
        return [self._world(),
                *(self._story(s) for s in self.bundle.get("stories", [])),
                *entities,
                *(self._location(p) for p in self.bundle.get("locations", [])),
                *(self._event(e) for e in self.bundle.get("events", []))]

    def _map(self, kind: str, refs) -> list[str]:
        return [self.ids[kind][ref] for ref in refs]

    def _base(self, item: dict, kind: str) -> dict:
        """The item's own fields with a new id, this world, new timestamps and its source."""
        now = now_iso()
        fields = {**item, KINDS[kind]: self.ids[kind][item[KINDS[kind]]],
                  "world_id": self.world_id, "created_at": now, "updated_at": now}
        if kind != "stories":
            fields["source"] = self._source(item.get("source") or {"kind": "user"})
        return fields

    def _source(self, source: dict) -> dict:
        """The provenance kept, its story remapped (or dropped when not in the file)."""
        source = dict(source)
        if source.get("story_id") is not None:
            new_story_id = self.ids["stories"].get(source.pop("story_id"))
            if new_story_id:
                source["story_id"] = new_story_id
        return source

    def _world(self) -> World:
        world, now = self.bundle["world"], now_iso()
        return World(world_id=self.world_id, owner_id=self.user.user_id, created_at=now,
                     updated_at=now, name=world["name"],
                     description=world.get("description", ""),
                     world_type=world.get("world_type", "fantasy"), visibility="private",
                     language=world.get("language", "vi"),
                     calendar={**default_calendar(), **upgrade_calendar(world.get("calendar") or None)},
                     travel_per_day=world.get("travel_per_day"),
                     extensions=world.get("extensions") or {})

    def _story(self, story: dict) -> Story:
        return Story.from_dict({
            **self._base(story, "stories"), "owner_id": self.user.user_id,
            "visibility": clamp(story.get("visibility", "private"), "private"),
            "entity_ids": self._map("entities", story.get("entity_ids", [])),
            "location_ids": self._map("locations", story.get("location_ids", [])),
            "linked_story_ids": self._map("stories", story.get("linked_story_ids", []))})

    def _entity(self, entity: dict) -> Entity:
        relationships = [{**r, "target_entity_id": self.ids["entities"][r["target_entity_id"]]}
                         for r in entity.get("relationships", [])]
        return Entity.from_dict({**self._base(entity, "entities"),
                                 "relationships": relationships})

    def _location(self, place: dict) -> Location:
        parent = place.get("parent_location_id")
        return Location.from_dict({**self._base(place, "locations"),
                                   "parent_location_id": self.ids["locations"].get(parent)})

    def _event(self, event: dict) -> Event:
        connections = [{**c, "target_event_id": self.ids["events"][c["target_event_id"]]}
                       for c in event.get("connections", [])]
        story_id = event.get("story_id")
        relative = event.get("relative_to")
        if relative:
            relative = {**relative, "event_id": self.ids["events"][relative["event_id"]]}
        return Event.from_dict({
            **self._base(event, "events"), "connections": connections, "relative_to": relative,
            "story_id": self.ids["stories"][story_id] if story_id is not None else None,
            "entity_ids": self._map("entities", event.get("entity_ids", [])),
            "location_ids": self._map("locations", event.get("location_ids", []))})

