"""Loading worlds and stories with the caller's rights checked, shared by the content services."""

from __future__ import annotations

from core.errors import Forbidden, NotFound
from core.models import Story, World
from core.permissions import can_view_story, can_view_world


def load_world(storage, user, world_id: str) -> World:
    """The world if the user may see it; 3001 otherwise, exactly as if it did not exist."""
    world = storage.get(World, world_id)
    if world is None or not can_view_world(user, world):
        raise NotFound("world")
    return world


def load_story(storage, user, story_id: str) -> tuple[Story, World]:
    """The story and its world if the user may see the story; 3001 otherwise."""
    story = storage.get(Story, story_id)
    world = storage.get(World, story.world_id) if story else None
    if story is None or world is None or not can_view_story(user, world, story):
        raise NotFound("story")
    return story, world


def require(allowed: bool, detail: str = "You are not allowed to do this") -> None:
    """Raise 1004 unless the action is allowed."""
    if not allowed:
        raise Forbidden(detail)


def page_of(items: list, total: int, page: int, page_size: int) -> dict:
    """The list shape every paginated route answers."""
    return {"items": items, "total": total, "page": page, "page_size": page_size}
