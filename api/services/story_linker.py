"""StoryLinker: stories that share entities or places are linked, with a weight and reasons.

A story's `linked_story_ids` always names exactly the stories of its world that share an
entity or a place with it. Every change of a story's `entity_ids` or `location_ids` calls
`relink` in the same transaction, which updates the story and each story that gains or loses
it (found through an inverted index thing → stories built from the world's story outlines),
so no stale link outlives the change.
`recompute_world` rebuilds a whole world from an inverted index (thing → stories).
"""

from __future__ import annotations

from collections import defaultdict

from core.clock import now_iso
from core.models import Entity, Location, Story
from core.permissions import can_edit_content, can_view_story
from core.story_links import linked_ids, shared_things, story_things
from services.world_access import load_world, require
from storage import retry_on_conflict

def relink(tx, stories: list[Story]) -> list[Story]:
    """Bring the links of changed stories (and of the stories they gain or lose) up to date.

    Links are found through the world's story outlines (ids and lists, no text) as stored, so
    when several stories change together their new lists must be stored first (one story may
    be given before it is saved). Whole stories are read only when their links change.
    Returns every story whose links changed, each once (given ones included): save them.
    """
    cache = {s.story_id: s for s in stories}
    touched = {}
    for world_id in {s.world_id for s in stories}:
        every = tx.story_outlines(world_id, links=False)
        outlines = {o.story_id for o in every}
        holders = defaultdict(set)
        for outline in every:
            for thing in story_things(outline):
                holders[thing].add(outline.story_id)
        for story in (s for s in stories if s.world_id == world_id):
            new = linked_ids(story, lambda kind, i: holders.get((kind, i), ())) & outlines
            old = set(story.linked_story_ids)
            for story_id in (old ^ new) & outlines:
                if story_id not in cache:
                    cache[story_id] = tx.get(Story, story_id)
                linked = cache[story_id]
                ids = set(linked.linked_story_ids)
                ids = ids | {story.story_id} if story_id in new else ids - {story.story_id}
                if ids != set(linked.linked_story_ids):
                    linked.linked_story_ids = sorted(ids)
                    touched[story_id] = linked
            if sorted(new) != sorted(story.linked_story_ids):
                story.linked_story_ids = sorted(new)
                touched[story.story_id] = story
    return list(touched.values())


def save_relinked(tx, stories: list[Story], saved=()) -> None:
    """Save the stories `relink` changed, except those the caller saves itself."""
    skip = {id(s) for s in saved}
    for story in stories:
        if id(story) not in skip:
            story.updated_at = now_iso()
            tx.update(story)


class StoryLinker:
    """Recomputes and reads the links between a world's stories."""

    def __init__(self, storage):
        self._storage = storage

    @retry_on_conflict
    def recompute_world(self, user, world_id: str) -> list[dict]:
        """Link every story of the world to those sharing an entity or place; answers the
        links ({story_id, linked_story_id, weight, reasons}), each pair once."""
        with self._storage.transaction() as tx:
            world = load_world(tx, user, world_id)
            require(can_edit_content(user, world), "You may not change this world's stories")
            stories = tx.story_outlines(world_id)
            # The answer lists each shared thing as its reason: one dict per thing, named below.
            reasons = {}
            shared = shared_things(stories, lambda thing: reasons.setdefault(
                thing, _reason(thing, {})))
            wanted = {s.story_id: set() for s in stories}
            for first, second in shared:
                wanted[first].add(second)
                wanted[second].add(first)
            stale = [s.story_id for s in stories
                     if set(s.linked_story_ids) != wanted[s.story_id]]
            for story in tx.get_many(Story, stale):
                story.linked_story_ids = sorted(wanted[story.story_id])
                story.updated_at = now_iso()
                tx.update(story)
            for thing, name in _names(tx, reasons).items():
                reasons[thing]["name"] = name
            visible = {s.story_id for s in stories if can_view_story(user, world, s)}
            return [{"story_id": a, "linked_story_id": b, "weight": len(shared_reasons),
                     "reasons": shared_reasons}
                    for (a, b), shared_reasons in shared.items()
                    if a in visible and b in visible]

    def links_of(self, reader, user, world, story: Story) -> list[dict]:
        """The stories linked to one story that the caller may see, with weight and reasons."""
        mine = set(story_things(story))
        found = []
        for linked in reader.get_many(Story, story.linked_story_ids):
            if linked.world_id != world.world_id or not can_view_story(user, world, linked):
                continue
            common = [t for t in story_things(linked) if t in mine]
            if common:
                found.append((linked, common))
        names = _names(reader, {t for _, common in found for t in common})
        return [{"story_id": linked.story_id, "title": linked.title, "weight": len(common),
                 "reasons": [_reason(t, names) for t in common]} for linked, common in found]


def _names(reader, things) -> dict:
    """{(kind, id): name} of the entities and places named."""
    names = {("entity", i): name for i, name in reader.names_of(
        Entity, [i for k, i in things if k == "entity"]).items()}
    names.update({("location", i): name for i, name in reader.names_of(
        Location, [i for k, i in things if k == "location"]).items()})
    return names


def _reason(thing: tuple, names: dict) -> dict:
    return {"kind": thing[0], "id": thing[1], "name": names.get(thing, "")}
