"""Entities (characters, creatures, factions, items) of a world, with mirrored relationships."""

from __future__ import annotations

from core.clock import now_iso
from core.models import Entity, Event, Story
from core.models._base import new_id
from services import relationships
from services.world_content import WorldContentService
from services.world_names import ensure_unique_names
from storage.base import Query

FIELDS = ("name", "aliases", "entity_type", "description", "attributes")


class EntityService(WorldContentService):
    """The rules for entities; names are unique in their world, relationships mirrored."""

    model = Entity
    kind = "entity"
    type_field = "entity_type"

    def _view(self, user, world, entity: Entity) -> dict:
        doc = entity.as_view()
        names = {e.entity_id: e.name for e in self._storage.get_many(
            Entity, {r["target_entity_id"] for r in entity.relationships})}
        doc["relationships"] = [{**r, "target_name": names.get(r["target_entity_id"])}
                                for r in entity.relationships]
        doc["permissions"] = self._permissions(user, world)
        return {"entity": doc}

    def list_entities(self, user, world_id: str, q=None, entity_type=None, page=1,
                      page_size=20) -> dict:
        """A world's entities by name, optionally filtered by name part and type."""
        return self._list(user, world_id, q, entity_type, page, page_size)

    def get_entity(self, user, world_id: str, entity_id: str) -> dict:
        """One entity with its relationships and the other sides' names."""
        world, entity = self._load(user, world_id, entity_id)
        return self._view(user, world, entity)

    def create_entity(self, user, world_id: str, fields: dict, source: dict | None = None) -> dict:
        """A new entity; its relationships appear mirrored on their targets."""
        world = self._editable_world(user, world_id)
        now = now_iso()
        entity = Entity(entity_id=new_id(), world_id=world_id, created_at=now, updated_at=now,
                        source=source or {"kind": "user"},
                        **{k: v for k, v in fields.items() if k in FIELDS})
        with self._world_locks.hold(world_id):
            ensure_unique_names(self._storage, Entity, world_id, entity.name, entity.aliases)
            entity.relationships = relationships.normalise(entity, fields.get("relationships", []))
            others = relationships.mirror(self._storage, entity, [], entity.relationships)
            self._storage.save(entity, *others)
        return self._view(user, world, entity)

    def update_entity(self, user, world_id: str, entity_id: str, changes: dict) -> dict:
        """Change the fields given; a new relationship list is mirrored on both sides."""
        self._editable_world(user, world_id)
        with self._world_locks.hold(world_id):
            world, entity = self._load(user, world_id, entity_id)
            for name in FIELDS:
                if name in changes:
                    setattr(entity, name, changes[name])
            ensure_unique_names(self._storage, Entity, world_id, entity.name, entity.aliases,
                                own_id=entity_id)
            others = []
            if "relationships" in changes:
                old = entity.relationships
                entity.relationships = relationships.normalise(entity, changes["relationships"])
                others = relationships.mirror(self._storage, entity, old, entity.relationships)
            entity.updated_at = now_iso()
            self._storage.save(entity, *others)
        return self._view(user, world, entity)

    def delete_entity(self, user, world_id: str, entity_id: str) -> dict:
        """Delete an entity and every reference to it: relationships, stories, events."""
        self._delete_guard(user, world_id, entity_id)
        with self._world_locks.hold(world_id):
            saves = relationships.detach(self._storage, entity_id)
            for model in (Story, Event):
                for item in self._storage.find(model, Query(any_of=({"entity_ids": entity_id},))).items:
                    item.entity_ids = [i for i in item.entity_ids if i != entity_id]
                    saves.append(item)
            self._storage.commit(saves=saves, deletes=[(Entity, entity_id)])
        return {"entity_id": entity_id}
