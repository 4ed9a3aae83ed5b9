"""What a deletion does to the documents that point at what is deleted: no dangling ids remain.

`REFERRERS` names, for each kind of target, the reference fields (storage/schema.py
`references`) that may hold its id; `forget` removes one id from one such field.
"""

from __future__ import annotations

from core.models import Entity, Event, Location, Story

REFERRERS = {
    Entity: ((Story, "entity_ids"), (Event, "entity_ids"), (Entity, "relationship_target_ids")),
    Location: ((Story, "location_ids"), (Event, "location_ids"),
               (Location, "parent_location_id")),
    Story: ((Story, "linked_story_ids"), (Event, "story_id")),
    Event: ((Event, "connection_target_ids"),),
}


def forget(item, field: str, target_id: str, replacement: str | None = None) -> None:
    """Remove target_id from the item's reference field (a place's parent becomes
    `replacement`, the deleted place's own parent)."""
    if field == "relationship_target_ids":
        item.relationships = [r for r in item.relationships if r["target_entity_id"] != target_id]
    elif field == "connection_target_ids":
        item.connections = [c for c in item.connections if c["target_event_id"] != target_id]
    elif field == "parent_location_id":
        item.parent_location_id = replacement
    elif field == "story_id":
        item.story_id = None
    else:
        setattr(item, field, [i for i in getattr(item, field) if i != target_id])
