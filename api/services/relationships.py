"""Mirroring entity relationships: A→B of a type appears on B as B→A of the inverse type."""

from __future__ import annotations

from core.errors import ValidationFailed
from core.models import Entity
from core.relationships import inverse_of
from storage.base import Query


def _pairs(relationships) -> dict[tuple, str]:
    return {(r["target_entity_id"], r["type"]): r.get("label", "") for r in relationships}


def normalise(entity: Entity, relationships: list[dict]) -> list[dict]:
    """One relationship per (target, type), never to the entity itself."""
    seen, result = set(), []
    for index, rel in enumerate(relationships):
        if rel["target_entity_id"] == entity.entity_id:
            raise ValidationFailed({f"relationships.{index}.target_entity_id":
                                    "an entity cannot be related to itself"})
        key = (rel["target_entity_id"], rel["type"])
        if key not in seen:
            seen.add(key)
            result.append({"target_entity_id": key[0], "type": key[1],
                           "label": rel.get("label") or ""})
    return result


def mirror(storage, entity: Entity, old: list[dict], new: list[dict]) -> list[Entity]:
    """Apply the change old → new on the other side; returns the other entities to save."""
    before, after = _pairs(old), _pairs(new)
    targets = {target for target, _ in before.keys() | after.keys()}
    others = {e.entity_id: e for e in storage.get_many(Entity, targets)}
    for index, rel in enumerate(new):
        other = others.get(rel["target_entity_id"])
        if other is None or other.world_id != entity.world_id:
            raise ValidationFailed({f"relationships.{index}.target_entity_id":
                                    "must be an entity of the same world"})
    changed = {}
    for target, rel_type in before:
        if (target, rel_type) not in after and target in others:
            other = others[target]
            inverse = (entity.entity_id, inverse_of(rel_type))
            other.relationships = [r for r in other.relationships
                                   if (r["target_entity_id"], r["type"]) != inverse]
            changed[target] = other
    for (target, rel_type), label in after.items():
        if (target, rel_type) not in before or before[(target, rel_type)] != label:
            other = others[target]
            inverse = inverse_of(rel_type)
            kept = [r for r in other.relationships
                    if (r["target_entity_id"], r["type"]) != (entity.entity_id, inverse)]
            other.relationships = kept + [{"target_entity_id": entity.entity_id,
                                           "type": inverse, "label": label}]
            changed[target] = other
    return list(changed.values())


def detach(storage, entity_id: str) -> list[Entity]:
    """Entities that pointed at a deleted entity, with those relationships removed."""
    pointing = storage.find(Entity, Query(any_of=({"relationship_target_ids": entity_id},))).items
    for other in pointing:
        other.relationships = [r for r in other.relationships if r["target_entity_id"] != entity_id]
    return pointing
