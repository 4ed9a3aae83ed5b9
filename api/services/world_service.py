"""Worlds: create, list, read, update, delete, share and unshare."""

from __future__ import annotations

from core.clock import now_iso
from core.errors import MissingToken, NotFound, ValidationFailed
from core.models import Entity, Event, Location, Story, User, World
from core.models._base import new_id
from core.permissions import (can_delete_world, can_edit_content, can_manage_world, can_write,
                              clamp_visibility, more_visible, sees_everything, visible_levels,
                              world_permissions, world_role)
from core.text import excerpt, fold
from services.world_access import load_world, page_of, require
from services.world_generation import generated_content
from storage.base import Query

DESCRIPTIVE_FIELDS = ("name", "description", "world_type", "calendar")
MAX_COLLABORATORS = 100


class WorldService:
    """The rules for worlds; content inside them belongs to the other services."""

    def __init__(self, storage, quotas):
        self._storage = storage
        self._quotas = quotas

    # views

    def _view(self, user, world: World) -> dict:
        doc = world.as_view()
        owner = self._storage.get(User, world.owner_id)
        doc.update(owner_username=owner.username if owner else None,
                   counts=self._counts(user, world), my_role=world_role(user, world),
                   permissions=world_permissions(user, world))
        return doc

    def _summary(self, user, world: World) -> dict:
        doc = self._view(user, world)
        doc["excerpt"] = excerpt(doc.pop("description"))
        doc.pop("calendar")
        return doc

    def _counts(self, user, world: World) -> dict:
        levels = visible_levels(user, world)
        key = {"world_id": world.world_id}
        return {"stories": self._storage.count(Story, *({**key, "visibility": v} for v in levels)),
                "entities": self._storage.count(Entity, key),
                "locations": self._storage.count(Location, key),
                "events": self._storage.count(Event, key)}

    # reads

    def list_worlds(self, user, scope: str = "all", q: str | None = None, page: int = 1,
                    page_size: int = 20) -> dict:
        """The worlds the caller may see, newest change first, filtered by scope and name."""
        query = Query(any_of=self.visible_filter(user, scope), text=fold(q) if q else None,
                      text_fields=("name_key",), offset=(page - 1) * page_size, limit=page_size)
        found = self._storage.find(World, query)
        return page_of([self._summary(user, w) for w in found.items], found.total, page,
                       page_size)

    @staticmethod
    def visible_filter(user, scope: str = "all") -> tuple:
        """Disjoint query alternatives covering the worlds of a scope the user may see."""
        if user is None and scope in ("mine", "shared"):
            raise MissingToken("Sign in to see your own and shared worlds")
        if scope == "public" or user is None:
            return ({"visibility": "public"},)
        uid = user.user_id
        mine = ({"owner_id": uid, "visibility": "draft"}, {"owner_id": uid, "visibility": "private"})
        shared = ({"editor_ids": uid, "visibility": "draft"},
                  {"editor_ids": uid, "visibility": "private"},
                  {"viewer_ids": uid, "visibility": "private"})
        if scope == "mine":
            return ({"owner_id": uid},)
        if scope == "shared":
            return shared + ({"editor_ids": uid, "visibility": "public"},
                             {"viewer_ids": uid, "visibility": "public"})
        if sees_everything(user):
            return ({},)
        return ({"visibility": "public"},) + mine + shared

    def get_world(self, user, world_id: str) -> dict:
        """One world the caller may see."""
        return {"world": self._view(user, load_world(self._storage, user, world_id))}

    # writes

    def create_world(self, user, fields: dict) -> dict:
        """A new world owned by the caller; private unless asked otherwise."""
        require(can_write(user), "Your role may not create worlds")
        generate = fields.pop("generate", None)
        now = now_iso()
        world = World(world_id=new_id(), owner_id=user.user_id, created_at=now, updated_at=now,
                      **fields)
        content = generated_content(world, generate) if generate else []
        with self._quotas.guard(user.user_id, needed=world.visibility == "public"):
            if world.visibility == "public":
                self._quotas.check_public_world(user)
            self._storage.save(world, *content)
        return {"world": self._view(user, world)}

    def update_world(self, user, world_id: str, changes: dict) -> dict:
        """Change the fields given; visibility is the owner's to change."""
        world = load_world(self._storage, user, world_id)
        require(can_edit_content(user, world))
        for name in DESCRIPTIVE_FIELDS:
            if name in changes:
                setattr(world, name, changes[name])
        with self._quotas.guard(world.owner_id, needed=changes.get("visibility") == "public"):
            lowered = self._change_visibility(user, world, changes.get("visibility"))
            world.updated_at = now_iso()
            self._storage.save(world, *lowered)
        return {"world": self._view(user, world)}

    def _change_visibility(self, user, world: World, wanted: str | None) -> list:
        """Apply a visibility change and return the stories it lowers with it."""
        if wanted is None or wanted == world.visibility:
            return []
        require(can_manage_world(user, world), "Only the owner changes a world's visibility")
        if wanted == "public":
            owner = self._storage.get(User, world.owner_id)
            self._quotas.check_public_world(owner)
        world.visibility = wanted
        stories = self._storage.find(Story, Query(any_of=({"world_id": world.world_id},))).items
        lowered = [s for s in stories if more_visible(s.visibility, wanted)]
        for story in lowered:
            story.visibility = clamp_visibility(story.visibility, wanted)
        return lowered

    def delete_world(self, user, world_id: str) -> dict:
        """Delete a world and everything in it, in one atomic write."""
        world = load_world(self._storage, user, world_id)
        require(can_delete_world(user, world), "Only the owner deletes a world")
        deletes = [(World, world_id)]
        for model in (Story, Entity, Location, Event):
            ids = self._storage.find_ids(model, Query(any_of=({"world_id": world_id},)))
            deletes.extend((model, doc_id) for doc_id in ids)
        self._storage.commit(deletes=deletes)
        return {"world_id": world_id}

    def share_world(self, user, world_id: str, role: str, usernames=(), user_ids=()) -> dict:
        """Give users a collaborator role (viewer or editor) in the world."""
        world = load_world(self._storage, user, world_id)
        require(can_manage_world(user, world), "Only the owner shares a world")
        targets = self._resolve_users(usernames, user_ids)
        if any(t.user_id == world.owner_id for t in targets):
            raise ValidationFailed({"usernames": "the owner cannot be a collaborator"})
        kept = [c for c in world.collaborators if c["user_id"] not in {t.user_id for t in targets}]
        added = [{"user_id": t.user_id, "username": t.username, "role": role} for t in targets]
        if len(kept) + len(added) > MAX_COLLABORATORS:
            raise ValidationFailed({"usernames": f"at most {MAX_COLLABORATORS} collaborators"})
        world.collaborators = kept + added
        world.updated_at = now_iso()
        self._storage.save(world)
        return {"world": self._view(user, world)}

    def unshare_world(self, user, world_id: str, usernames=(), user_ids=()) -> dict:
        """Take collaborator roles away; users who had none are ignored."""
        world = load_world(self._storage, user, world_id)
        require(can_manage_world(user, world), "Only the owner shares a world")
        removed = set(user_ids) | {fold(n) for n in usernames}
        world.collaborators = [c for c in world.collaborators
                               if c["user_id"] not in removed and fold(c["username"]) not in removed]
        world.updated_at = now_iso()
        self._storage.save(world)
        return {"world": self._view(user, world)}

    def _resolve_users(self, usernames, user_ids) -> list[User]:
        lookups = [(name, self._storage.find_one_by(User, "username_key", fold(name)))
                   for name in usernames]
        lookups += [(user_id, self._storage.get(User, user_id)) for user_id in user_ids]
        missing = [asked for asked, target in lookups if target is None]
        if missing:
            raise NotFound("user", f"No such user: {', '.join(missing)}", {"missing": missing})
        return list({target.user_id: target for _, target in lookups}.values())
