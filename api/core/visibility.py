"""Who sees what: the one definition of visibility, for permission checks and storage filters.

A world and each of its stories have a visibility level. What a user sees depends only on
their relation to the world (owner, editor, viewer or none) and on whether their role sees
everything. Storage backends turn `SEEN_BY` and `RELATION_FIELDS` into their own filters, so
a list never shows what a permission check would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("draft", "private", "public")
RANK = {level: rank for rank, level in enumerate(LEVELS)}
RELATIONS = ("owner", "editor", "viewer")

# The levels each relation to a world sees of the world and of its stories; None is anyone,
# signed in or not.
SEEN_BY: dict[str | None, tuple[str, ...]] = {
    None: ("public",),
    "viewer": ("private", "public"),
    "editor": LEVELS,
    "owner": LEVELS,
}

# The stored world field that holds the users of each relation (a value or a list of values).
RELATION_FIELDS = {"owner": "owner_id", "editor": "editor_ids", "viewer": "viewer_ids"}


@dataclass(frozen=True)
class Viewer:
    """Who is looking: a user id (None when signed out) and whether their role sees all."""

    user_id: str | None = None
    sees_all: bool = False


ANONYMOUS = Viewer()


def relation_to(user_id: str | None, world) -> str | None:
    """The user's relation to a world: owner, editor, viewer or None."""
    if user_id is None:
        return None
    if world.owner_id == user_id:
        return "owner"
    for collaborator in world.collaborators:
        if collaborator["user_id"] == user_id:
            return collaborator["role"]
    return None


def levels_seen(viewer: Viewer, world) -> tuple[str, ...]:
    """The levels of the world and its stories that the viewer sees."""
    if viewer.sees_all:
        return LEVELS
    return SEEN_BY[relation_to(viewer.user_id, world)]


def beyond_public(relation: str) -> tuple[str, ...]:
    """The levels a relation sees that anyone does not: what a filter adds for it.

    Filters built from these never overlap, since a user has one relation to a world.
    """
    return tuple(level for level in SEEN_BY[relation] if level not in SEEN_BY[None])


def more_visible(a: str, b: str) -> bool:
    """Whether level a is strictly more visible than b."""
    return RANK[a] > RANK[b]


def clamp(wanted: str, ceiling: str) -> str:
    """The wanted level, lowered to the ceiling if it is above it."""
    return ceiling if more_visible(wanted, ceiling) else wanted
