"""Worlds: create, list, read, update, delete, share and unshare."""

from __future__ import annotations

from core.calendar import complete_calendar
from core.clock import now_iso
from core.errors import MissingToken, NotFound, ValidationFailed
from core.models import Entity, Event, Location, Story, User, World
from core.models._base import new_id
from core.models.views import PageView, WorldView
from core.permissions import (can_delete_world, can_edit_content, can_manage_world, can_write,
                              viewer_of, visible_levels, world_permissions, world_role)
from core.text import fold
from core.visibility import more_visible
from services.dates import check_story_times, checked_calendar, redate_events
from services.world_access import check_version, load_world, require
from services.world_generation import generated_content
from storage import PageRequest, retry_on_conflict

DESCRIPTIVE_FIELDS = ("name", "description", "world_type", "language", "calendar",
                      "travel_per_day", "extensions")
CONTENT = (Story, Entity, Location, Event)
MAX_COLLABORATORS = 100


class WorldService:
    """The rules for worlds; content inside them belongs to the other services."""

    def __init__(self, storage, quotas):
        self._storage = storage
        self._quotas = quotas

    # views

    @staticmethod
    def views(reader, user, worlds: list[World]) -> list[WorldView]:
        """Worlds as the user sees them, in three reads whatever their number."""
        owners = {u.user_id: u.username
                  for u in reader.get_many(User, {w.owner_id for w in worlds})}
        counts = reader.world_counts({w.world_id: visible_levels(user, w) for w in worlds})
        return [WorldView(w, owners.get(w.owner_id), counts[w.world_id], world_role(user, w),
                          world_permissions(user, w)) for w in worlds]

    def _view(self, reader, user, world: World) -> WorldView:
        return self.views(reader, user, [world])[0]

    # reads

    def list_worlds(self, user, scope: str = "all", q: str | None = None,
                    page: PageRequest = PageRequest()) -> PageView:
        """The worlds the caller may see, newest change first, filtered by scope and name."""
        if user is None and scope in ("mine", "shared"):
            raise MissingToken("Sign in to see your own and shared worlds")
        found = self._storage.list_visible_worlds(viewer_of(user), scope,
                                                  fold(q) if q else None, page)
        return PageView(self.views(self._storage, user, found.items), found.total, page.page,
                        page.page_size)

    def get_world(self, user, world_id: str) -> WorldView:
        """One world the caller may see."""
        return self._view(self._storage, user, load_world(self._storage, user, world_id))

    # writes

    @retry_on_conflict
    def create_world(self, user, fields: dict) -> WorldView:
        """A new world owned by the caller; private unless asked otherwise."""
        require(can_write(user), "Your role may not create worlds")
        fields = dict(fields)
        generate = fields.pop("generate", None)
        if fields.get("calendar") is not None:
            fields["calendar"] = complete_calendar(fields["calendar"])
            checked_calendar(fields["calendar"])
        now = now_iso()
        world = World(world_id=new_id(), owner_id=user.user_id, created_at=now, updated_at=now,
                      **fields)
        content = generated_content(world, generate) if generate else []
        with self._storage.transaction() as tx:
            if world.visibility == "public":
                self._quotas.check_public_world(tx, user)
            tx.insert(world)
            for item in content:
                tx.insert(item)
            return self._view(tx, user, world)

    @retry_on_conflict
    def update_world(self, user, world_id: str, changes: dict,
                     based_on: int | None = None) -> WorldView:
        """Change the fields given; visibility is the owner's to change and lowers stories."""
        with self._storage.transaction() as tx:
            world = load_world(tx, user, world_id)
            require(can_edit_content(user, world))
            check_version("world", world, based_on, lambda: self._view(tx, user, world))
            if changes.get("calendar") is not None:
                changes = {**changes, "calendar": complete_calendar(changes["calendar"])}
                if changes["calendar"] != world.calendar:
                    calendar = checked_calendar(changes["calendar"])
                    check_story_times(tx, world.world_id, calendar)
                    redate_events(tx, world.world_id, calendar)
            for name in DESCRIPTIVE_FIELDS:
                if name in changes and (changes[name] is not None or name == "travel_per_day"):
                    setattr(world, name, changes[name])
            self._change_visibility(tx, user, world, changes.get("visibility"))
            world.updated_at = now_iso()
            tx.update(world)
            return self._view(tx, user, world)

    def _change_visibility(self, tx, user, world: World, wanted: str | None) -> None:
        """Apply a visibility change; stories above the new level come down with it."""
        if wanted is None or wanted == world.visibility:
            return
        require(can_manage_world(user, world), "Only the owner changes a world's visibility")
        if wanted == "public":
            self._quotas.check_public_world(tx, tx.get(User, world.owner_id))
        world.visibility = wanted
        for story in tx.stories_of_world(world.world_id).items:
            if more_visible(story.visibility, wanted):
                story.visibility = wanted
                tx.update(story)

    @retry_on_conflict
    def delete_world(self, user, world_id: str) -> str:
        """Delete a world and everything in it, in one transaction."""
        with self._storage.transaction() as tx:
            world = load_world(tx, user, world_id)
            require(can_delete_world(user, world), "Only the owner deletes a world")
            for model in CONTENT:
                tx.delete(model, *tx.ids_in_world(model, world_id))
            tx.delete(World, world_id)
        return world_id

    @retry_on_conflict
    def share_world(self, user, world_id: str, role: str, usernames=(), user_ids=()) -> WorldView:
        """Give users a collaborator role (viewer or editor) in the world."""
        with self._storage.transaction() as tx:
            world = load_world(tx, user, world_id)
            require(can_manage_world(user, world), "Only the owner shares a world")
            targets = _resolve_users(tx, usernames, user_ids)
            if any(t.user_id == world.owner_id for t in targets):
                raise ValidationFailed({"usernames": "the owner cannot be a collaborator"})
            chosen = {t.user_id for t in targets}
            kept = [c for c in world.collaborators if c["user_id"] not in chosen]
            added = [{"user_id": t.user_id, "username": t.username, "role": role}
                     for t in targets]
            if len(kept) + len(added) > MAX_COLLABORATORS:
                raise ValidationFailed({"usernames": f"at most {MAX_COLLABORATORS} "
                                                     "collaborators"})
            world.collaborators = kept + added
            world.updated_at = now_iso()
            tx.update(world)
            return self._view(tx, user, world)

    @retry_on_conflict
    def unshare_world(self, user, world_id: str, usernames=(), user_ids=()) -> WorldView:
        """Take collaborator roles away; users who had none are ignored."""
        with self._storage.transaction() as tx:
            world = load_world(tx, user, world_id)
            require(can_manage_world(user, world), "Only the owner shares a world")
            removed = set(user_ids) | {fold(n) for n in usernames}
            world.collaborators = [c for c in world.collaborators if c["user_id"] not in removed
                                   and fold(c["username"]) not in removed]
            world.updated_at = now_iso()
            tx.update(world)
            return self._view(tx, user, world)


def _resolve_users(reader, usernames, user_ids) -> list[User]:
    """The users named by username or id; 3001 naming every one that does not exist."""
    lookups = [(name, reader.user_by("username_key", fold(name))) for name in usernames]
    found = {u.user_id: u for u in reader.get_many(User, user_ids)}
    lookups += [(user_id, found.get(user_id)) for user_id in user_ids]
    missing = [asked for asked, target in lookups if target is None]
    if missing:
        raise NotFound("user", f"No such user: {', '.join(missing)}", {"missing": missing})
    return list({target.user_id: target for _, target in lookups}.values())
