"""PostgreSQL answers every named query exactly as the memory engine does, on random data.

Orders and tie-breaks included: names in many scripts (sorted by code point in both),
equal timestamps (ties broken by id), undated events (last), stories of missing worlds.
"""

from __future__ import annotations

import copy
import random

import pytest

from core.models import Entity, Event, Location, Story, World
from core.search_text import KINDS
from core.text import fold
from core.visibility import LEVELS, Viewer
from storage.base import DuplicateKey, PageRequest
from storage.memory_storage import MemoryStorage
from storage.postgres_storage import PostgresStorage
from tests.storage.builders import (a_location, a_story, a_user, a_world, an_entity, an_event,
                                    insert, stamp)
from tests.support import postgres

NAMES = ("Ánh", "anh", "Zed", "Đà Lạt", "ä", "a", "Ωmega", "ß", "Ǆ", "日本", "😀 smile",
         "Émile", "e", "Bầy sói", "ǅx", "Z", "z")
USERS = ("u0", "u1", "u2", "u3")
PAGES = (PageRequest(1, 5), PageRequest(3, 5), PageRequest(1, 100))
VIEWERS = (Viewer(), Viewer("admin", sees_all=True), *(Viewer(u) for u in USERS))


@pytest.fixture(scope="module")
def engines():
    """(PostgreSQL, memory) holding the same random worlds, stories, entities and more."""
    postgres.require_server()
    url = postgres.new_schema_url()
    pg, memory = PostgresStorage(url, min_connections=1), MemoryStorage()
    worlds = _fill(random.Random(11), pg, memory)
    yield pg, memory, worlds
    pg.close()
    postgres.drop_schema(url)


def _fill(rng: random.Random, *storages) -> list:
    def put(*models):
        for storage in storages:
            try:
                insert(storage, *copy.deepcopy(models))
            except DuplicateKey:
                pass   # a name already taken in that world, in both engines alike

    tie = stamp()
    worlds = [a_world(owner, name=f"{rng.choice(NAMES)}{i}", visibility=rng.choice(LEVELS),
                      updated_at=rng.choice((tie, stamp())), collaborators=[
                          {"user_id": u, "username": u, "role": rng.choice(("editor", "viewer"))}
                          for u in USERS if u != owner and rng.random() < 0.3])
              for i, owner in enumerate(rng.choice(USERS) for _ in range(12))]
    put(*worlds)
    for i in range(80):
        world = rng.choice(worlds + [a_world("nobody")])
        put(a_story(world.world_id, owner_id=rng.choice(USERS), visibility=rng.choice(LEVELS),
                    order=rng.choice((1, 2, i)), updated_at=rng.choice((tie, stamp()))))
    for i in range(60):
        world_id = rng.choice(worlds).world_id
        put(an_entity(world_id, rng.choice(NAMES) + rng.choice(("", f" {i}")),
                      aliases=rng.sample(NAMES, 2), entity_type=rng.choice(("character", "item"))))
        put(a_location(world_id, rng.choice(NAMES) + rng.choice(("", f" {i}")),
                       location_type=rng.choice(("city", "place"))))
        put(an_event(world_id, "e", day_number=rng.choice((None, -5, 0, 3, 3, 100))))
    for i in range(10):
        put(a_user(f"{rng.choice(NAMES)}{i}", role=rng.choice(("user", "moderator"))))
    return worlds


def _plain(answer):
    """An answer as comparable data: pages, lists and tuples of models become dicts."""
    if hasattr(answer, "items") and hasattr(answer, "total"):
        return [m.to_dict() for m in answer.items], answer.total
    if isinstance(answer, (list, tuple)):
        return [_plain(item) for item in answer]
    return answer.to_dict() if hasattr(answer, "to_dict") else answer


def _same(engines, ask) -> None:
    pg, memory, _ = engines
    assert _plain(ask(pg)) == _plain(ask(memory))


@pytest.mark.parametrize("viewer", VIEWERS, ids=str)
def test_visible_worlds_stories_and_totals_match_the_memory_engine(engines, viewer):
    for scope in ("all", "mine", "shared", "public"):
        for text in (None, "a", fold("Đà"), "1"):
            for page in PAGES:
                _same(engines, lambda s: s.list_visible_worlds(viewer, scope, text, page))
    for page in PAGES:
        _same(engines, lambda s: s.list_visible_stories(viewer, page))
    _same(engines, lambda s: s.visible_totals(viewer))


def test_what_each_world_holds_matches_the_memory_engine(engines):
    worlds = engines[2]
    for world_id in [w.world_id for w in worlds] + ["no-such-world"]:
        for levels in (None, ("public",), LEVELS, ()):
            _same(engines, lambda s: s.stories_of_world(world_id, levels, PageRequest(2, 3)))
            _same(engines, lambda s: s.stories_of_world(world_id, levels))
        _same(engines, lambda s: s.last_story_order(world_id))
        for kind in (None, "character", "item", "city"):
            for text in (None, "a", fold("Ánh"), "|"):
                _same(engines, lambda s: s.entities_of_world(world_id, kind, text))
                _same(engines, lambda s: s.locations_of_world(world_id, kind, text))
        _same(engines, lambda s: s.events_of_world(world_id))
        for model in (Story, Entity, Location, Event):
            _same(engines, lambda s: s.ids_in_world(model, world_id))
        for name in NAMES:
            _same(engines, lambda s: (s.named(Entity, world_id, fold(name)),
                                      s.named(Location, world_id, fold(name))))
    levels = {w.world_id: LEVELS[:i % 4] for i, w in enumerate(worlds)}
    _same(engines, lambda s: s.world_counts(levels))


def test_owners_users_and_totals_match_the_memory_engine(engines):
    for user in USERS:
        _same(engines, lambda s: s.stories_of_owner(user, PageRequest(1, 100)))
        _same(engines, lambda s: s.public_counts(user))
    for text in (None, "a", "1", "@"):
        for role in (None, "user", "moderator"):
            _same(engines, lambda s: s.list_users(text, role, PageRequest(1, 100)))
    _same(engines, lambda s: s.totals())


# search: the narrow table and its `anyone` marks against the memory engine's index

SEARCHES = ((["a"], ["a"]), (["tale"], ["tale"]), (["anh"], ["ánh"]),
            (["da", "lat"], ["đà", "lạt"]), (["z"], ["z"]), (["e"], ["e"]))


def _search(viewer, folded, exact, kinds=None):
    def ask(storage):
        page = storage.search(viewer, folded, exact, None, kinds or KINDS, PageRequest(1, 100))
        return [(h.kind, h.id, h.world_id, h.score) for h in page.items], page.total
    return ask


@pytest.mark.parametrize("viewer", VIEWERS, ids=str)
def test_search_finds_what_the_memory_engine_finds_while_worlds_change_level(engines, viewer):
    pg, memory, worlds = engines
    for folded, exact in SEARCHES:
        _same(engines, _search(viewer, folded, exact))
    _same(engines, _search(viewer, ["a"], ["a"], ("story",)))
    rng = random.Random(repr(viewer))
    for world in rng.sample(worlds, 4):
        level = rng.choice(LEVELS)
        for storage in (pg, memory):
            current = storage.get(World, world.world_id)
            current.visibility = level
            with storage.transaction() as tx:
                tx.update(current)
    for folded, exact in SEARCHES:
        _same(engines, _search(viewer, folded, exact))
