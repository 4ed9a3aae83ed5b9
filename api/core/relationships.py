"""Relationship types between entities and the inverse each one shows on the other side."""

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
