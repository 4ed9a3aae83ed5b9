"""Which model lives in which table: ids, unique keys, versions, indexed and referencing fields.

Every backend reads these specs: the memory store builds its indexes from them, PostgreSQL its
columns and indexes. Field names are keys of the stored document (`Model.to_document()`), which
holds the model's fields plus derived keys such as folded names.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.models import (AiUsage, Entity, Event, Location, PromptTemplate, Story, Task,
                         TokenRevocation, User, World)


@dataclass(frozen=True)
class TableSpec:
    """How one table is stored, indexed and kept consistent by every backend.

    - `unique`: tuples of fields whose combined values no two documents share; a list-valued
      field stands for each of its elements (an entity's folded names, per world).
    - `versioned`: writes compare-and-set the `version` field and raise it by one.
    - `indexes`: equality lookups (a list-valued field matches each element), kept in
      `sort_field` order; `ordered`: (fields, sort field) lookups kept in another order.
    - `references`: fields holding ids of other documents, found by `Reader.referencing`.
    - `world_field`, `user_field`: the fields naming the world or the account a document
      belongs to (change scopes).
    """

    name: str
    id_field: str
    unique: tuple = ()
    versioned: bool = False
    indexes: tuple = ()
    sort_field: str = "updated_at"
    ordered: tuple = ()
    references: tuple = ()
    world_field: str | None = None
    user_field: str | None = None


TABLES: dict[type, TableSpec] = {
    User: TableSpec("users", "user_id", unique=(("username_key",), ("email_key",)),
                    indexes=(("role",), ("banned",)), sort_field="created_at",
                    user_field="user_id"),
    World: TableSpec("worlds", "world_id", versioned=True, world_field="world_id", indexes=(
        ("visibility",), ("owner_id",), ("owner_id", "visibility"), ("editor_ids",),
        ("editor_ids", "visibility"), ("viewer_ids",), ("viewer_ids", "visibility"))),
    Story: TableSpec(
        "stories", "story_id", versioned=True, world_field="world_id", indexes=(
            ("visibility",), ("world_id",), ("world_id", "visibility"), ("owner_id",),
            ("owner_id", "visibility")),
        ordered=((("world_id",), "order"), (("world_id", "visibility"), "order")),
        references=("entity_ids", "location_ids", "linked_story_ids")),
    Entity: TableSpec(
        "entities", "entity_id", unique=(("world_id", "name_keys"),), versioned=True,
        world_field="world_id", sort_field="name_key",
        indexes=(("world_id",), ("world_id", "entity_type")),
        references=("relationship_target_ids",)),
    Location: TableSpec(
        "locations", "location_id", unique=(("world_id", "name_keys"),), versioned=True,
        world_field="world_id", sort_field="name_key",
        indexes=(("world_id",), ("world_id", "location_type")),
        references=("parent_location_id",)),
    Event: TableSpec(
        "events", "event_id", versioned=True, world_field="world_id", indexes=(("world_id",),),
        ordered=((("world_id",), "day_number"),),
        references=("story_id", "entity_ids", "location_ids", "connection_target_ids")),
    Task: TableSpec("tasks", "task_id", indexes=(("user_id",), ("status",))),
    PromptTemplate: TableSpec("prompt_templates", "template_id", unique=(("name",),),
                              sort_field="name"),
    TokenRevocation: TableSpec("token_revocations", "jti", sort_field="expires_at",
                               user_field="user_id"),
    AiUsage: TableSpec("ai_usage", "usage_id", indexes=(("user_id",),), sort_field="day"),
}

SPEC_BY_NAME = {spec.name: spec for spec in TABLES.values()}
MODEL_BY_NAME = {spec.name: model for model, spec in TABLES.items()}


def unique_values(spec: TableSpec, doc: dict) -> list[tuple[tuple, tuple]]:
    """(unique key, value) pairs a document claims; list fields expand to each element."""
    claims = []
    for key in spec.unique:
        combos = [()]
        for field in key:
            value = doc.get(field)
            values = value if isinstance(value, list) else [value]
            combos = [combo + (v,) for combo in combos for v in values if v is not None]
        claims.extend((key, combo) for combo in combos)
    return claims


def change_scopes(spec: TableSpec, doc: dict | None) -> tuple[str, ...]:
    """The cache scopes a change of this document touches: its table, its world, its account."""
    scopes = [f"table:{spec.name}"]
    if doc is not None and spec.world_field and doc.get(spec.world_field):
        scopes.append(f"world:{doc[spec.world_field]}")
    if doc is not None and spec.user_field and doc.get(spec.user_field):
        scopes.append(f"user:{doc[spec.user_field]}")
    return tuple(scopes)
