"""Stories: create, list, read, update, delete and reorder within a world."""

from __future__ import annotations

from collections import defaultdict

from core.clock import now_iso
from core.errors import MissingToken, ValidationFailed
from core.models import Story, User, World
from core.models._base import new_id
from core.models.views import PageView, StoryView
from core.permissions import (can_delete_story, can_edit_content, story_permissions, viewer_of,
                              visible_levels)
from core.visibility import LEVELS, clamp, more_visible
from services.cascade import delete_with_references
from services.dates import check_date, world_calendar
from services.world_access import check_version, load_story, load_world, require
from storage import PageRequest, retry_on_conflict

EDITABLE_FIELDS = ("title", "content", "summary", "genre", "order", "world_time")


class StoryService:
    """The rules for stories; a story is never more visible than its world."""

    def __init__(self, storage, quotas, linker=None):
        self._storage = storage
        self._quotas = quotas
        self._linker = linker

    # views

    @staticmethod
    def views(reader, user, stories: list[Story]) -> list[StoryView]:
        """Stories with their worlds' names and the user's rights, in one more read."""
        worlds = {w.world_id: w for w in reader.get_many(World, {s.world_id for s in stories})}
        views = [StoryView(s, worlds[s.world_id].name,
                           story_permissions(user, worlds[s.world_id], s))
                 for s in stories if s.world_id in worlds]
        hide_unseen_links(reader, user, [(v, worlds[v.model.world_id]) for v in views])
        return views

    @staticmethod
    def view(user, world: World, story: Story) -> StoryView:
        """One story as the user sees it."""
        return StoryView(story, world.name, story_permissions(user, world, story))

    def _page(self, user, found, page: PageRequest) -> PageView:
        return PageView(self.views(self._storage, user, found.items), found.total, page.page,
                        page.page_size)

    # reads

    def list_stories(self, user, world_id: str | None = None, scope: str = "all",
                     page: PageRequest = PageRequest()) -> PageView:
        """Stories the caller may see: in `order` within one world, else newest change first."""
        if world_id:
            return self.list_world_stories(user, world_id, page)
        if scope == "mine":
            if user is None:
                raise MissingToken("Sign in to see your own stories")
            return self._page(user, self._storage.stories_of_owner(user.user_id, page), page)
        return self._page(user, self._storage.list_visible_stories(viewer_of(user), page), page)

    def list_world_stories(self, user, world_id: str,
                           page: PageRequest = PageRequest()) -> PageView:
        """The stories of one world the caller may see, in the world's order."""
        world = load_world(self._storage, user, world_id)
        found = self._storage.stories_of_world(world_id, visible_levels(user, world), page)
        items = [self.view(user, world, story) for story in found.items]
        hide_unseen_links(self._storage, user, [(view, world) for view in items])
        return PageView(items, found.total, page.page, page.page_size)

    def get_story(self, user, story_id: str) -> StoryView:
        """One story the caller may see, with the stories linked to it that they may see."""
        story, world = load_story(self._storage, user, story_id)
        return self._detail(self._storage, user, world, story)

    def _detail(self, reader, user, world: World, story: Story) -> StoryView:
        """The story as a read of it answers: with the linked stories the user may see."""
        view = self.view(user, world, story)
        hide_unseen_links(reader, user, [(view, world)])
        if self._linker is not None:
            view.links = self._linker.links_of(reader, user, world, story)
        return view

    # writes

    @retry_on_conflict
    def create_story(self, user, world_id: str, fields: dict) -> StoryView:
        """A new story in a world the caller may edit, after the world's last story."""
        fields = dict(fields)
        visibility = fields.pop("visibility", None)
        with self._storage.transaction() as tx:
            world = load_world(tx, user, world_id)
            require(can_edit_content(user, world), "You may not add stories to this world")
            _check_ceiling(visibility, world)
            _check_world_time(world, fields.get("world_time"))
            now = now_iso()
            story = Story(story_id=new_id(), world_id=world_id, owner_id=user.user_id,
                          created_at=now, updated_at=now,
                          visibility=visibility or clamp("private", world.visibility), **fields)
            if "order" not in fields:
                story.order = tx.last_story_order(world_id) + 1
            if story.visibility == "public":
                self._quotas.check_public_story(tx, user)
            tx.insert(story)
            return self.view(user, world, story)

    @retry_on_conflict
    def update_story(self, user, story_id: str, changes: dict,
                     based_on: int | None = None) -> StoryView:
        """Change the fields given and keep the others."""
        with self._storage.transaction() as tx:
            story, world = load_story(tx, user, story_id)
            require(can_edit_content(user, world), "You may not change this story")
            check_version("story", story, based_on,
                          lambda: self._detail(tx, user, world, story))
            for name in EDITABLE_FIELDS:
                if name in changes:
                    setattr(story, name, changes[name])
            if "world_time" in changes:
                _check_world_time(world, story.world_time)
            wanted = changes.get("visibility")
            if wanted and wanted != story.visibility:
                _check_ceiling(wanted, world)
                if wanted == "public":
                    self._quotas.check_public_story(tx, _owner(tx, story, user))
                story.visibility = wanted
            story.updated_at = now_iso()
            tx.update(story)
            return self.view(user, world, story)

    @retry_on_conflict
    def delete_story(self, user, story_id: str) -> str:
        """Delete a story and every link and event reference to it, atomically."""
        with self._storage.transaction() as tx:
            story, world = load_story(tx, user, story_id)
            require(can_delete_story(user, world, story), "You may not delete this story")
            delete_with_references(tx, Story, story_id)
        return story_id

    @retry_on_conflict
    def reorder_stories(self, user, world_id: str, story_ids: list[str]) -> list[StoryView]:
        """Set the world's story order to the given sequence of all its stories."""
        with self._storage.transaction() as tx:
            world = load_world(tx, user, world_id)
            require(can_edit_content(user, world), "You may not reorder this world's stories")
            stories = {s.story_id: s for s in tx.stories_of_world(world_id).items}
            if len(story_ids) != len(set(story_ids)) or set(story_ids) != set(stories):
                raise ValidationFailed({"story_ids": "must list every story of the world once"})
            for position, story_id in enumerate(story_ids, start=1):
                if stories[story_id].order != position:
                    stories[story_id].order = position
                    tx.update(stories[story_id])
            return [self.view(user, world, stories[i]) for i in story_ids]


def _check_ceiling(visibility: str | None, world: World) -> None:
    if visibility and more_visible(visibility, world.visibility):
        raise ValidationFailed({"visibility": f"cannot be more visible than its world "
                                              f"({world.visibility})"})


def _check_world_time(world: World, world_time: dict | None) -> None:
    """2001 naming world_time.month or .day when the date is not in the world's calendar."""
    if world_time:
        check_date(world_calendar(world), world_time["year"], world_time.get("month"),
                   world_time.get("day"), "world_time.")


def _owner(reader, story: Story, user):
    return user if story.owner_id == user.user_id else reader.get(User, story.owner_id)


def hide_unseen_links(reader, user, pairs: list[tuple[StoryView, World]]) -> None:
    """Leave in each (view, its world)'s `linked_story_ids` only stories the caller may see."""
    limited = [(view, levels) for view, levels in
               ((view, visible_levels(user, world)) for view, world in pairs)
               if not set(LEVELS) <= set(levels) and view.model.linked_story_ids]
    wanted = defaultdict(set)                   # levels seen -> linked ids to check
    for view, levels in limited:
        wanted[levels].update(view.model.linked_story_ids)
    seen = {levels: reader.stories_at_levels(ids, levels) for levels, ids in wanted.items()}
    for view, levels in limited:
        view.seen_links = [i for i in view.model.linked_story_ids if i in seen[levels]]
