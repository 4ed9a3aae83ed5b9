"""Random edits of stories' entities and places: after each one, every story's
linked_story_ids is exactly the set of stories sharing something with it."""

import random

from core.models import Story
from core.story_links import shared_things
from tests.builders import make_entity, make_location, make_story, make_user, make_world, stored
from tests.conftest import build_backend


def _expected(stories) -> dict:
    linked = {s.story_id: set() for s in stories}
    for first, second in shared_things(stories):
        linked[first].add(second)
        linked[second].add(first)
    return linked


def test_links_match_what_stories_share_after_every_edit(tmp_path):
    backend = build_backend(tmp_path, "memory")
    rng = random.Random(7)
    owner, _ = make_user(backend, "user", "owner")
    wid = make_world(backend, owner)["world_id"]
    stories = [make_story(backend, owner, wid, title=f"S{i}")["story_id"] for i in range(8)]
    entities = [make_entity(backend, owner, wid, name=f"E{i}")["entity_id"] for i in range(10)]
    places = [make_location(backend, owner, wid, name=f"P{i}")["location_id"] for i in range(4)]
    for step in range(150):
        action = rng.random()
        if action < 0.5:
            entity = rng.random() < 0.7
            backend.link_service.link_entities(
                owner, rng.choice(stories), [rng.choice(entities)] if entity else [],
                [] if entity else [rng.choice(places)])
        elif action < 0.6:
            backend.link_service.clear_links(owner, rng.choice(stories))
        elif action < 0.8:
            place = places.pop(rng.randrange(len(places)))
            backend.location_service.delete_location(owner, wid, place)
            places.append(make_location(backend, owner, wid, name=f"Place{step}")["location_id"])
        elif action < 0.95:
            gone = entities.pop(rng.randrange(len(entities)))
            backend.entity_service.delete_entity(owner, wid, gone)
            entities.append(make_entity(backend, owner, wid, name=f"New{step}")["entity_id"])
        elif len(stories) > 3:
            backend.story_service.delete_story(owner, stories.pop(rng.randrange(len(stories))))
        kept = stored(backend, Story)
        expected = _expected(kept)
        assert {s.story_id: set(s.linked_story_ids) for s in kept} == expected, step
    backend.close()
