"""Entities (characters, creatures, factions, items) of a world, with mirrored relationships."""

from __future__ import annotations

from core.clock import now_iso
from core.errors import ValidationFailed
from core.models import Entity, Story
from core.models._base import new_id
from core.models.views import EntityView, PageView
from core.relationships import mirror_change, normalise
from services.cascade import delete_with_references
from services.story_linker import relink, save_relinked
from services.world_access import check_version
from services.world_content import WorldContentService
from services.world_names import ensure_names_free, unique_names
from storage import PageRequest, retry_on_conflict

FIELDS = ("name", "aliases", "entity_type", "description", "attributes", "extensions")


class EntityService(WorldContentService):
    """The rules for entities; names are unique in their world, relationships mirrored."""

    model = Entity
    kind = "entity"

    def _view(self, reader, user, world, entity: Entity) -> EntityView:
        names = {e.entity_id: e.name for e in reader.get_many(
            Entity, {r["target_entity_id"] for r in entity.relationships})}
        return EntityView(entity, self.permissions(user, world), names)

    def list_entities(self, user, world_id: str, q=None, entity_type=None,
                      page: PageRequest = PageRequest()) -> PageView:
        """A world's entities by name, optionally filtered by name part and type."""
        return self._list(self._storage.entities_of_world, user, world_id, entity_type, q,
                          page, lambda item, rights: EntityView(item, rights))

    def get_entity(self, user, world_id: str, entity_id: str) -> EntityView:
        """One entity with its relationships and the other sides' names."""
        world, entity = self._load(self._storage, user, world_id, entity_id)
        return self._view(self._storage, user, world, entity)

    @retry_on_conflict
    def create_entity(self, user, world_id: str, fields: dict,
                      source: dict | None = None) -> EntityView:
        """A new entity; its relationships appear mirrored on their targets."""
        now = now_iso()
        entity = Entity(entity_id=new_id(), world_id=world_id, created_at=now, updated_at=now,
                        source=source or {"kind": "user"},
                        **{k: v for k, v in fields.items() if k in FIELDS})
        entity.relationships = normalise(entity.entity_id, fields.get("relationships", []))
        with unique_names(Entity), self._storage.transaction() as tx:
            world = self._editable_world(tx, user, world_id)
            ensure_names_free(tx, Entity, world_id, entity.name, entity.aliases)
            others = self._mirror(tx, entity, [], entity.relationships)
            tx.insert(entity)
            for other in others:
                tx.update(other)
            return self._view(tx, user, world, entity)

    @retry_on_conflict
    def update_entity(self, user, world_id: str, entity_id: str, changes: dict,
                      based_on: int | None = None) -> EntityView:
        """Change the fields given; a new relationship list is mirrored on both sides."""
        with unique_names(Entity), self._storage.transaction() as tx:
            world, entity = self._editable(tx, user, world_id, entity_id)
            check_version("entity", entity, based_on,
                          lambda: self._view(tx, user, world, entity))
            for name in FIELDS:
                if name in changes:
                    setattr(entity, name, changes[name])
            ensure_names_free(tx, Entity, world_id, entity.name, entity.aliases, entity_id)
            others = []
            if "relationships" in changes:
                old = entity.relationships
                entity.relationships = normalise(entity_id, changes["relationships"])
                others = self._mirror(tx, entity, old, entity.relationships)
            entity.updated_at = now_iso()
            tx.update(entity)
            for other in others:
                tx.update(other)
            return self._view(tx, user, world, entity)

    @staticmethod
    def _mirror(tx, entity: Entity, old: list, new: list) -> list[Entity]:
        """The other entities changed by mirroring old → new; targets must share the world."""
        targets = {r["target_entity_id"] for r in old + new}
        others = {e.entity_id: e for e in tx.get_many(Entity, targets)}
        for index, rel in enumerate(new):
            other = others.get(rel["target_entity_id"])
            if other is None or other.world_id != entity.world_id:
                raise ValidationFailed({f"relationships.{index}.target_entity_id":
                                        "must be an entity of the same world"})
        return mirror_change(entity, old, new, others)

    @retry_on_conflict
    def delete_entity(self, user, world_id: str, entity_id: str) -> str:
        """Delete an entity and every reference to it: relationships, stories, events."""
        with self._storage.transaction() as tx:
            self._deletable(tx, user, world_id, entity_id)
            linked = [s.story_id for s in tx.referencing(Story, "entity_ids", entity_id)]
            delete_with_references(tx, Entity, entity_id)
            save_relinked(tx, relink(tx, tx.get_many(Story, linked)))
        return entity_id
