"""Stories: create, list, read, update, delete and reorder within a world."""

from __future__ import annotations

from core.clock import now_iso
from core.errors import MissingToken, ValidationFailed
from core.models import Event, Story, User, World
from core.models._base import new_id
from core.permissions import (can_delete_story, can_edit_content, clamp_visibility,
                              more_visible, sees_everything, story_permissions, visible_levels)
from services.world_access import load_story, load_world, page_of, require
from storage.base import Query

EDITABLE_FIELDS = ("title", "content", "summary", "genre", "order", "world_time")


class StoryService:
    """The rules for stories; a story is never more visible than its world."""

    def __init__(self, storage, quotas):
        self._storage = storage
        self._quotas = quotas

    # views

    @staticmethod
    def _view(user, world: World, story: Story) -> dict:
        doc = story.as_view()
        doc.update(world_name=world.name, permissions=story_permissions(user, world, story))
        return doc

    def _summary(self, user, world: World, story: Story) -> dict:
        doc = self._view(user, world, story)
        del doc["content"]
        return doc

    def _page(self, user, found, page: int, page_size: int) -> dict:
        worlds = {w.world_id: w for w in self._storage.get_many(
            World, {s.world_id for s in found.items})}
        items = [self._summary(user, worlds[s.world_id], s) for s in found.items
                 if s.world_id in worlds]
        return page_of(items, found.total, page, page_size)

    # reads

    def list_stories(self, user, world_id: str | None = None, scope: str = "all",
                     page: int = 1, page_size: int = 20) -> dict:
        """Stories the caller may see: in `order` within one world, else newest change first."""
        if world_id:
            return self.list_world_stories(user, world_id, page, page_size)
        if scope == "mine" and user is None:
            raise MissingToken("Sign in to see your own stories")
        if scope == "mine":
            any_of = ({"owner_id": user.user_id},)
        else:
            any_of = self.visible_filter(user)
        found = self._storage.find(Story, Query(any_of=any_of, offset=(page - 1) * page_size,
                                                limit=page_size))
        return self._page(user, found, page, page_size)

    def list_world_stories(self, user, world_id: str, page: int = 1, page_size: int = 20) -> dict:
        """The stories of one world the caller may see, in the world's order."""
        world = load_world(self._storage, user, world_id)
        any_of = tuple({"world_id": world_id, "visibility": v}
                       for v in visible_levels(user, world))
        found = self._storage.find(Story, Query(any_of=any_of, order_by="order",
                                                descending=False,
                                                offset=(page - 1) * page_size, limit=page_size))
        return self._page(user, found, page, page_size)

    def visible_filter(self, user) -> tuple:
        """Disjoint alternatives covering exactly the stories the user may see."""
        if sees_everything(user):
            return ({},)
        alternatives = [{"visibility": "public"}]
        if user is None:
            return tuple(alternatives)
        uid = user.user_id
        for key, levels in (("owner_id", ("draft", "private")), ("editor_ids", ("draft", "private")),
                            ("viewer_ids", ("private",))):
            for world_id in self._storage.find_ids(World, Query(any_of=({key: uid},))):
                alternatives.extend({"world_id": world_id, "visibility": v} for v in levels)
        return tuple(alternatives)

    def get_story(self, user, story_id: str) -> dict:
        """One story the caller may see."""
        story, world = load_story(self._storage, user, story_id)
        return {"story": self._view(user, world, story)}

    # writes

    def create_story(self, user, world_id: str, fields: dict) -> dict:
        """A new story in a world the caller may edit."""
        world = load_world(self._storage, user, world_id)
        require(can_edit_content(user, world), "You may not add stories to this world")
        visibility = fields.pop("visibility", None)
        self._check_ceiling(visibility, world)
        now = now_iso()
        story = Story(story_id=new_id(), world_id=world_id, owner_id=user.user_id,
                      created_at=now, updated_at=now,
                      visibility=visibility or clamp_visibility("private", world.visibility),
                      **fields)
        if "order" not in fields:
            story.order = self._next_order(world_id)
        with self._quotas.guard(user.user_id, needed=story.visibility == "public"):
            if story.visibility == "public":
                self._quotas.check_public_story(user)
            self._storage.save(story)
        return {"story": self._view(user, world, story)}

    def update_story(self, user, story_id: str, changes: dict) -> dict:
        """Change the fields given and keep the others."""
        story, world = load_story(self._storage, user, story_id)
        require(can_edit_content(user, world), "You may not change this story")
        for name in EDITABLE_FIELDS:
            if name in changes:
                setattr(story, name, changes[name])
        wanted = changes.get("visibility")
        with self._quotas.guard(story.owner_id, needed=wanted == "public"):
            if wanted and wanted != story.visibility:
                self._check_ceiling(wanted, world)
                if wanted == "public":
                    self._quotas.check_public_story(self._owner(story, user))
                story.visibility = wanted
            story.updated_at = now_iso()
            self._storage.save(story)
        return {"story": self._view(user, world, story)}

    def delete_story(self, user, story_id: str) -> dict:
        """Delete a story and every link and event reference to it, atomically."""
        story, world = load_story(self._storage, user, story_id)
        require(can_delete_story(user, world, story), "You may not delete this story")
        same_world = Query(any_of=({"world_id": world.world_id},))
        linking = [s for s in self._storage.find(Story, same_world).items
                   if story_id in s.linked_story_ids]
        for other in linking:
            other.linked_story_ids = [i for i in other.linked_story_ids if i != story_id]
        events = self._storage.find(Event, Query(any_of=({"story_id": story_id},))).items
        for event in events:
            event.story_id = None
        self._storage.commit(saves=[*linking, *events], deletes=[(Story, story_id)])
        return {"story_id": story_id}

    def reorder_stories(self, user, world_id: str, story_ids: list[str]) -> dict:
        """Set the world's story order to the given sequence of all its stories."""
        world = load_world(self._storage, user, world_id)
        require(can_edit_content(user, world), "You may not reorder this world's stories")
        stories = {s.story_id: s for s in self._storage.find(
            Story, Query(any_of=({"world_id": world_id},))).items}
        if len(story_ids) != len(set(story_ids)) or set(story_ids) != set(stories):
            raise ValidationFailed({"story_ids": "must list every story of the world once"})
        changed = []
        for position, story_id in enumerate(story_ids, start=1):
            if stories[story_id].order != position:
                stories[story_id].order = position
                changed.append(stories[story_id])
        if changed:
            self._storage.save(*changed)
        items = [self._summary(user, world, stories[i]) for i in story_ids]
        return {"items": items}

    # helpers

    @staticmethod
    def _check_ceiling(visibility: str | None, world: World) -> None:
        if visibility and more_visible(visibility, world.visibility):
            raise ValidationFailed({"visibility": f"cannot be more visible than its world "
                                                  f"({world.visibility})"})

    def _next_order(self, world_id: str) -> int:
        last = self._storage.find(Story, Query(any_of=({"world_id": world_id},),
                                               order_by="order", limit=1)).items
        return last[0].order + 1 if last else 1

    def _owner(self, story: Story, user):
        return user if story.owner_id == user.user_id else self._storage.get(User, story.owner_id)
