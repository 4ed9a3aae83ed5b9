"""Relationship types between entities, and mirroring: A→B shows on B as the inverse type."""

from core.errors import ValidationFailed

INVERSES = {
    "parent_of": "child_of", "child_of": "parent_of",
    "mentor_of": "student_of", "student_of": "mentor_of",
    "leader_of": "follower_of", "follower_of": "leader_of",
    "member_of": "has_member", "has_member": "member_of",
    "employer_of": "employee_of", "employee_of": "employer_of",
    "owner_of": "owned_by", "owned_by": "owner_of",
    "creator_of": "created_by", "created_by": "creator_of",
    "ruler_of": "ruled_by", "ruled_by": "ruler_of",
}
SYMMETRIC = ("friend", "enemy", "ally", "rival", "sibling", "spouse", "lover", "relative",
             "colleague", "related_to")
RELATIONSHIP_TYPES = tuple(sorted(set(INVERSES) | set(SYMMETRIC)))


def inverse_of(relationship_type: str) -> str:
    """The type the other side shows: parent_of ↔ child_of; symmetric types stay the same."""
    return INVERSES.get(relationship_type, relationship_type)


def normalise(entity_id: str, relationships: list[dict]) -> list[dict]:
    """One relationship per (target, type), never to the entity itself (2001 otherwise)."""
    seen, result = set(), []
    for index, rel in enumerate(relationships):
        if rel["target_entity_id"] == entity_id:
            raise ValidationFailed({f"relationships.{index}.target_entity_id":
                                    "an entity cannot be related to itself"})
        key = (rel["target_entity_id"], rel["type"])
        if key not in seen:
            seen.add(key)
            result.append({"target_entity_id": key[0], "type": key[1],
                           "label": rel.get("label") or ""})
    return result


def _pairs(relationships) -> dict[tuple, str]:
    return {(r["target_entity_id"], r["type"]): r.get("label", "") for r in relationships}


def _without(relationships: list[dict], target: str, rel_type: str) -> list[dict]:
    return [r for r in relationships if (r["target_entity_id"], r["type"]) != (target, rel_type)]


def mirror_change(entity, old: list[dict], new: list[dict], others: dict) -> list:
    """Show the change old → new of an entity's relationships on the other sides.

    `others` maps the ids of every old and new target to its Entity; returns the ones changed.
    """
    before, after = _pairs(old), _pairs(new)
    changed = {}
    for target, rel_type in before.keys() - after.keys():
        other = others.get(target)
        if other is not None:
            other.relationships = _without(other.relationships, entity.entity_id,
                                           inverse_of(rel_type))
            changed[target] = other
    for (target, rel_type), label in after.items():
        if before.get((target, rel_type)) != label:
            other = others[target]
            inverse = inverse_of(rel_type)
            other.relationships = _without(other.relationships, entity.entity_id, inverse) + [
                {"target_entity_id": entity.entity_id, "type": inverse, "label": label}]
            changed[target] = other
    return list(changed.values())


def mirror_all(entities: list) -> None:
    """Make every relationship among these entities show on both sides, each (target, type)
    once; for new entities built together (imports, the generator)."""
    by_id = {e.entity_id: e for e in entities}
    for entity in entities:
        entity.relationships = normalise(entity.entity_id, entity.relationships)
    present = {(e.entity_id, r["target_entity_id"], r["type"])
               for e in entities for r in e.relationships}
    for entity in entities:
        for rel in list(entity.relationships):
            inverse = (rel["target_entity_id"], entity.entity_id, inverse_of(rel["type"]))
            if inverse not in present and inverse[0] in by_id:
                present.add(inverse)
                by_id[inverse[0]].relationships.append(
                    {"target_entity_id": entity.entity_id, "type": inverse[2],
                     "label": rel.get("label", "")})
