"""Names of a world's entities and places: unique without case or diacritics, found by alias."""

from __future__ import annotations

from core.errors import AlreadyExists
from core.models.entity import name_keys
from core.text import fold
from storage.base import Query


def ensure_unique_names(storage, model_cls, world_id: str, name: str, aliases, own_id=None):
    """Raise 3002 when the name or an alias is already used by another thing of that kind."""
    for key in name_keys(name, aliases):
        for other_id in storage.find_ids(model_cls, Query(any_of=(
                {"world_id": world_id, "name_keys": key},))):
            if other_id != own_id:
                kind = model_cls.__name__.lower()
                raise AlreadyExists("name", f"A {kind} of this world is already called "
                                            f"'{key}' (names and aliases are compared "
                                            "without case or diacritics)")


def find_by_name(storage, model_cls, world_id: str, name: str):
    """The thing of that kind whose name or alias matches, or None."""
    key = fold(name)
    if not key:
        return None
    found = storage.find(model_cls, Query(any_of=({"world_id": world_id, "name_keys": key},),
                                          limit=1)).items
    return found[0] if found else None


def list_filter(world_id: str, type_field: str, type_value: str | None) -> tuple:
    """The query alternatives of a world's list, optionally of one type."""
    if type_value:
        return ({"world_id": world_id, type_field: type_value},)
    return ({"world_id": world_id},)
