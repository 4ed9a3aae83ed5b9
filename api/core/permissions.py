"""Roles, quotas and visibility rules as pure functions of (user, world, story)."""

from __future__ import annotations

from dataclasses import dataclass

from core.visibility import ANONYMOUS, Viewer, levels_seen, relation_to

ROLES = ("admin", "moderator", "premium", "user", "guest")


@dataclass(frozen=True)
class Quotas:
    """Limits of one role; None means unlimited."""

    public_worlds: int | None
    public_stories: int | None
    ai_requests_per_day: int | None


ROLE_QUOTAS = {
    "admin": Quotas(None, None, None),
    "moderator": Quotas(None, None, 500),
    "premium": Quotas(50, 500, 500),
    "user": Quotas(5, 50, 50),
    "guest": Quotas(0, 0, 0),
}

ROLE_PERMISSIONS = {
    "admin": ("read", "write_own", "publish", "use_ai", "see_all", "delete_any", "ban_users",
              "change_roles", "manage_prompts"),
    "moderator": ("read", "write_own", "publish", "use_ai", "see_all", "delete_any", "ban_users"),
    "premium": ("read", "write_own", "publish", "use_ai"),
    "user": ("read", "write_own", "publish", "use_ai"),
    "guest": ("read",),
}


def quotas_for(role: str) -> Quotas:
    """The quotas of a role (an unknown role gets a guest's)."""
    return ROLE_QUOTAS.get(role, ROLE_QUOTAS["guest"])


def has_permission(user, permission: str) -> bool:
    """Whether the user's role grants a permission; anonymous users have none."""
    return user is not None and permission in ROLE_PERMISSIONS.get(user.role, ())


def sees_everything(user) -> bool:
    """Moderators and admins see all content, whatever its visibility."""
    return has_permission(user, "see_all")


def can_write(user) -> bool:
    """Whether the user may create or change content at all (guests read only)."""
    return has_permission(user, "write_own")


def viewer_of(user) -> Viewer:
    """The user as core.visibility sees them (anonymous when None)."""
    if user is None:
        return ANONYMOUS
    return Viewer(user.user_id, sees_everything(user))


def world_role(user, world) -> str | None:
    """The user's role in a world: owner, editor, viewer or None."""
    return relation_to(user.user_id if user else None, world)


def visible_levels(user, world) -> tuple[str, ...]:
    """The visibility levels of the world's content that the user may see."""
    return levels_seen(viewer_of(user), world)


def can_view_world(user, world) -> bool:
    """Whether the user may see the world (and so its entities, places and events)."""
    return world.visibility in visible_levels(user, world)


def can_view_story(user, world, story) -> bool:
    """Whether the user may see a story of the world."""
    return story.visibility in visible_levels(user, world)


def can_edit_content(user, world) -> bool:
    """Owner, editors and admins change the world's stories, entities, places and events."""
    if has_permission(user, "change_roles"):
        return True
    return can_write(user) and world_role(user, world) in ("owner", "editor")


def can_manage_world(user, world) -> bool:
    """Only the owner (or an admin) shares the world or changes its visibility."""
    if has_permission(user, "change_roles"):
        return True
    return can_write(user) and world_role(user, world) == "owner"


def can_delete_world(user, world) -> bool:
    """The owner, moderators and admins delete a world."""
    return has_permission(user, "delete_any") or can_manage_world(user, world)


def can_delete_story(user, world, story) -> bool:
    """The world's owner, the story's author while an editor, moderators and admins."""
    if has_permission(user, "delete_any") or can_manage_world(user, world):
        return True
    return can_edit_content(user, world) and story.owner_id == user.user_id


def world_permissions(user, world) -> dict:
    """What the user may do with a world, for clients to offer only usable buttons."""
    return {"edit": can_edit_content(user, world), "manage": can_manage_world(user, world),
            "delete": can_delete_world(user, world)}


def story_permissions(user, world, story) -> dict:
    """What the user may do with a story."""
    return {"edit": can_edit_content(user, world),
            "delete": can_delete_story(user, world, story)}
