"""The graph's co-appearance count against the pairwise one, on generated casts."""

import random
from types import SimpleNamespace

import pytest

from core.graph import build_graph, co_appearances, naive_co_appearances


def _stories(seed: int, entities: list[str]) -> list:
    rng = random.Random(seed)
    return [SimpleNamespace(story_id=f"s{n}", title=f"S{n}", location_ids=[],
                            entity_ids=rng.choices(entities, k=rng.randint(0, 7)))
            for n in range(rng.randint(0, 60))]


@pytest.mark.parametrize("seed", range(40))
def test_co_appearances_count_what_every_pair_compared_counts_in_id_order(seed):
    rng = random.Random(seed)
    entities = [f"ent-{n:03d}-{rng.random():.3f}" for n in range(rng.randint(0, 40))]
    stories = _stories(seed, entities + ["gone"])        # an id outside the set is ignored
    known = set(entities)
    found = co_appearances(stories, known)
    assert found == dict(naive_co_appearances(stories, known))
    assert list(found) == sorted(found) and all(first < second for first, second in found)


def test_the_graph_draws_each_shared_pair_once_weighted_by_stories():
    people = [SimpleNamespace(entity_id=i, name=i.upper(), relationships=[]) for i in "abc"]
    stories = [SimpleNamespace(story_id="s1", title="One", entity_ids=["b", "a", "b"],
                               location_ids=[]),
               SimpleNamespace(story_id="s2", title="Two", entity_ids=["a", "b", "c"],
                               location_ids=[])]
    edges = build_graph(people, [], stories)["edges"]
    assert [(e["source"], e["target"], e["weight"]) for e in edges
            if e["kind"] == "co_appearance"] == [("a", "b", 2), ("a", "c", 1), ("b", "c", 1)]
    assert sum(e["kind"] == "appears_in" for e in edges) == 5
