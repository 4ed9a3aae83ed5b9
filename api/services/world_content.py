"""What entities and locations share: living in a world, listed, read and guarded alike."""

from __future__ import annotations

from core.errors import NotFound, ValidationFailed
from core.models.views import PageView
from core.permissions import can_edit_content, can_view_world, has_permission
from core.text import fold
from services.world_access import load_world, require
from storage import PageRequest


class WorldContentService:
    """Base of the services for things that follow their world's visibility."""

    model = None          # the model class
    kind = ""             # "entity" or "location", for messages

    def __init__(self, storage):
        self._storage = storage

    @staticmethod
    def permissions(user, world) -> dict:
        """What the user may do with the world's entities and places."""
        return {"edit": can_edit_content(user, world),
                "delete": can_edit_content(user, world) or has_permission(user, "delete_any")}

    def _load(self, reader, user, world_id: str, item_id: str):
        """The world and the item if the user may see them; 3001 otherwise."""
        world = load_world(reader, user, world_id)
        item = reader.get(self.model, item_id)
        if item is None or item.world_id != world_id or not can_view_world(user, world):
            raise NotFound(self.kind)
        return world, item

    def _editable_world(self, reader, user, world_id: str):
        world = load_world(reader, user, world_id)
        require(can_edit_content(user, world), f"You may not change this world's {self.kind}s")
        return world

    def _list(self, query, user, world_id: str, type_value: str | None, q: str | None,
              page: PageRequest, summary) -> PageView:
        """A page of the world's items by name; `query` is the storage's list query."""
        world = load_world(self._storage, user, world_id)
        found = query(world_id, type_value, fold(q) if q else None, page)
        permissions = self.permissions(user, world)
        return PageView([summary(item, permissions) for item in found.items], found.total,
                        page.page, page.page_size)

    def _editable(self, reader, user, world_id: str, item_id: str):
        """The world and the item if the user may change the world's content."""
        world, item = self._load(reader, user, world_id, item_id)
        require(can_edit_content(user, world), f"You may not change this world's {self.kind}s")
        return world, item

    def _deletable(self, reader, user, world_id: str, item_id: str):
        world, item = self._load(reader, user, world_id, item_id)
        require(self.permissions(user, world)["delete"], f"You may not delete this {self.kind}")
        return world, item


def check_ids_in_world(reader, model_cls, world_id: str, ids, field: str) -> None:
    """2001 naming `field` when an id is not an entity (or place...) of the world."""
    found = {getattr(m, f"{model_cls.__name__.lower()}_id")
             for m in reader.get_many(model_cls, ids) if m.world_id == world_id}
    missing = [item_id for item_id in ids if item_id not in found]
    if missing:
        raise ValidationFailed({field: f"not in this world: {', '.join(missing)}"})
