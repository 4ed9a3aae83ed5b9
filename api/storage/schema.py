"""Which model lives in which table, its id field, indexes, unique keys and default order."""

from dataclasses import dataclass

from core.models import (AiUsage, Entity, Event, Location, PromptTemplate, Story, Task,
                         TokenRevocation, User, World)


@dataclass(frozen=True)
class TableSpec:
    """How one table is stored and indexed by every backend."""

    name: str
    id_field: str
    indexes: tuple = ()
    unique: tuple = ()
    sort_field: str = "updated_at"
    ordered: tuple = ()   # (fields, sort field) pairs: indexes kept in another order


TABLES: dict[type, TableSpec] = {
    User: TableSpec("users", "user_id", indexes=(("role",), ("banned",)),
                    unique=("username_key", "email_key"), sort_field="created_at"),
    World: TableSpec("worlds", "world_id", indexes=(
        ("visibility",), ("owner_id",), ("owner_id", "visibility"), ("editor_ids",),
        ("editor_ids", "visibility"), ("viewer_ids",), ("viewer_ids", "visibility"))),
    Story: TableSpec("stories", "story_id", indexes=(
        ("visibility",), ("world_id",), ("world_id", "visibility"), ("owner_id",),
        ("owner_id", "visibility"), ("entity_ids",), ("location_ids",)),
        ordered=((("world_id",), "order"), (("world_id", "visibility"), "order"))),
    Entity: TableSpec("entities", "entity_id", sort_field="name_key", indexes=(
        ("world_id",), ("world_id", "name_keys"), ("world_id", "entity_type"),
        ("relationship_target_ids",))),
    Location: TableSpec("locations", "location_id", sort_field="name_key", indexes=(
        ("world_id",), ("world_id", "name_keys"), ("world_id", "location_type"),
        ("parent_location_id",))),
    Event: TableSpec("events", "event_id", indexes=(
        ("world_id",), ("story_id",), ("entity_ids",), ("location_ids",))),
    Task: TableSpec("tasks", "task_id", indexes=(("user_id",), ("status",))),
    PromptTemplate: TableSpec("prompt_templates", "template_id", unique=("name",)),
    TokenRevocation: TableSpec("token_revocations", "jti", sort_field="expires_at"),
    AiUsage: TableSpec("ai_usage", "usage_id", indexes=(("user_id",),), sort_field="day"),
}

SPEC_BY_NAME = {spec.name: spec for spec in TABLES.values()}
