"""What entities and locations share: living in a world, listed, read and guarded alike."""

from __future__ import annotations

from core.errors import NotFound
from core.permissions import can_edit_content, can_view_world, has_permission
from core.text import excerpt, fold
from services.world_access import load_world, page_of, require
from services.world_names import list_filter
from storage.base import Query


class WorldContentService:
    """Base of the services for things that follow their world's visibility."""

    model = None          # the model class
    kind = ""             # "entity" or "location", for messages
    type_field = ""       # "entity_type" or "location_type"

    def __init__(self, storage, world_locks):
        self._storage = storage
        self._world_locks = world_locks

    def _permissions(self, user, world) -> dict:
        return {"edit": can_edit_content(user, world),
                "delete": can_edit_content(user, world) or has_permission(user, "delete_any")}

    def _load(self, user, world_id: str, item_id: str):
        """The world and the item if the user may see them; 3001 otherwise."""
        world = load_world(self._storage, user, world_id)
        item = self._storage.get(self.model, item_id)
        if item is None or item.world_id != world_id or not can_view_world(user, world):
            raise NotFound(self.kind)
        return world, item

    def _editable_world(self, user, world_id: str):
        world = load_world(self._storage, user, world_id)
        require(can_edit_content(user, world), f"You may not change this world's {self.kind}s")
        return world

    def _summary(self, user, world, item) -> dict:
        doc = item.as_view()
        doc["excerpt"] = excerpt(doc.pop("description"))
        doc["permissions"] = self._permissions(user, world)
        return doc

    def _list(self, user, world_id: str, q: str | None, type_value: str | None,
              page: int, page_size: int) -> dict:
        world = load_world(self._storage, user, world_id)
        found = self._storage.find(self.model, Query(
            any_of=list_filter(world_id, self.type_field, type_value),
            text=fold(q) if q else None, text_fields=("search_key",),
            descending=False, offset=(page - 1) * page_size, limit=page_size))
        return page_of([self._summary(user, world, item) for item in found.items], found.total,
                       page, page_size)

    def _delete_guard(self, user, world_id: str, item_id: str):
        world, item = self._load(user, world_id, item_id)
        require(self._permissions(user, world)["delete"], f"You may not delete this {self.kind}")
        return world, item
