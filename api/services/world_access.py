"""Loading worlds and stories with the caller's rights checked, and other shared service steps."""

from __future__ import annotations

from core.errors import Forbidden, NotFound, VersionConflict
from core.models import Story, World
from core.permissions import can_view_story, can_view_world


def load_world(reader, user, world_id: str) -> World:
    """The world if the user may see it; 3001 otherwise, exactly as if it did not exist."""
    world = reader.get(World, world_id)
    if world is None or not can_view_world(user, world):
        raise NotFound("world")
    return world


def load_story(reader, user, story_id: str) -> tuple[Story, World]:
    """The story and its world if the user may see the story; 3001 otherwise."""
    story, world = reader.story_in_world(story_id)
    if story is None or world is None or not can_view_story(user, world, story):
        raise NotFound("story")
    return story, world


def require(allowed: bool, detail: str = "You are not allowed to do this") -> None:
    """Raise 1004 unless the action is allowed."""
    if not allowed:
        raise Forbidden(detail)


def check_version(kind: str, model, based_on: int | None, current_view) -> None:
    """Raise 3004 with the resource as it is now when a change was based on another version.

    `current_view` builds what a read of the resource answers; it is called only on conflict.
    """
    if based_on is not None and based_on != model.version:
        raise VersionConflict(kind, current_view(), based_on)
