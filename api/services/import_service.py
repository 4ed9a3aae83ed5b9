"""Importing a world bundle or a SillyTavern lorebook as a new private world with new ids."""

from __future__ import annotations

from core.clock import now_iso
from core.models import Entity, Event, Location, Story, World
from core.models._base import new_id
from core.models.world import default_calendar
from core.permissions import can_write, clamp_visibility
from core.relationships import inverse_of
from services.bundle_checks import KINDS, check_bundle, check_sizes
from services.lorebook import lorebook_to_bundle
from services.world_access import require


class ImportService:
    """Checks a whole file first, then creates everything in one atomic write."""

    def __init__(self, storage, world_service):
        self._storage = storage
        self._worlds = world_service

    def import_world(self, user, data: dict) -> dict:
        """A new world owned by the caller from a bundle or lorebook; nothing is made on error."""
        require(can_write(user), "Your role may not create worlds")
        check_sizes(data)
        bundle = lorebook_to_bundle(data) if "entries" in data else data
        check_bundle(bundle)
        models = _Rebuild(user, bundle).models()
        self._storage.commit(saves=models)
        return self._worlds.get_world(user, models[0].world_id)


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
        entities = _mirrored(self.bundle.get("entities", []))
        return [self._world(),
                *(self._story(s) for s in self.bundle.get("stories", [])),
                *(self._entity(e) for e in entities),
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
                     calendar={**default_calendar(), **(world.get("calendar") or {})})

    def _story(self, story: dict) -> Story:
        return Story.from_dict({
            **self._base(story, "stories"), "owner_id": self.user.user_id,
            "visibility": clamp_visibility(story.get("visibility", "private"), "private"),
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
        return Event.from_dict({
            **self._base(event, "events"), "connections": connections,
            "story_id": self.ids["stories"][story_id] if story_id is not None else None,
            "entity_ids": self._map("entities", event.get("entity_ids", [])),
            "location_ids": self._map("locations", event.get("location_ids", []))})


def _mirrored(entities: list[dict]) -> list[dict]:
    """Entities whose relationships all appear on both sides, each (target, type) once."""
    result = [{**e, "relationships": _unique_ties(e.get("relationships", []))} for e in entities]
    by_id = {e["entity_id"]: e for e in result}
    present = {(e["entity_id"], r["target_entity_id"], r["type"])
               for e in result for r in e["relationships"]}
    for entity in result:
        for rel in list(entity["relationships"]):
            inverse = (rel["target_entity_id"], entity["entity_id"], inverse_of(rel["type"]))
            if inverse not in present:
                present.add(inverse)
                by_id[inverse[0]]["relationships"].append(
                    {"target_entity_id": entity["entity_id"], "type": inverse[2],
                     "label": rel.get("label", "")})
    return result


def _unique_ties(relationships: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for rel in relationships:
        if (rel["target_entity_id"], rel["type"]) not in seen:
            seen.add((rel["target_entity_id"], rel["type"]))
            kept.append({"label": "", **rel})
    return kept
