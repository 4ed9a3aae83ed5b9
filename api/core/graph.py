"""A world as a graph: entities, places and stories as nodes; relationships, co-appearance,
appears-in and located-at as edges. Co-appearance is counted from an inverted index (story →
its entities), so the cost is the stories' entity pairs, never every pair of entities.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations


def _edge(source: str, target: str, kind: str, label: str = "", weight: int = 1) -> dict:
    return {"source": source, "target": target, "kind": kind, "label": label,
            "weight": weight}


def co_appearances(stories, entity_ids: set) -> dict:
    """{(entity id, entity id): stories both appear in}, each pair once, the ids of a pair and
    the pairs in order."""
    # Counted and sorted as one integer per pair (ranks of the ids): sorting 13,000 pairs of
    # strings took twice as long as counting them.
    ids = sorted(entity_ids)
    rank = {entity_id: n for n, entity_id in enumerate(ids)}
    size = len(ids)
    counts = Counter()
    for story in stories:
        present = sorted({rank[i] for i in story.entity_ids if i in rank})
        counts.update([first * size + second for first, second in combinations(present, 2)])
    return {(ids[code // size], ids[code % size]): counts[code] for code in sorted(counts)}


def naive_co_appearances(stories, entity_ids: set) -> Counter:
    """The same by intersecting every pair of entities' story sets (for benchmarks only)."""
    stories_of = {i: set() for i in entity_ids}
    for story in stories:
        for entity_id in story.entity_ids:
            if entity_id in stories_of:
                stories_of[entity_id].add(story.story_id)
    counts = Counter()
    for first, second in combinations(sorted(entity_ids), 2):
        shared = len(stories_of[first] & stories_of[second])
        if shared:
            counts[(first, second)] = shared
    return counts


def build_graph(entities, locations, stories) -> dict:
    """{nodes, edges} of what is given (the caller passes only what it may see), plain data in
    the answer's shape (GraphOut)."""
    entity_ids = {e.entity_id for e in entities}
    location_ids = {p.location_id for p in locations}
    nodes = ([{"id": e.entity_id, "kind": "entity", "label": e.name} for e in entities]
             + [{"id": p.location_id, "kind": "location", "label": p.name} for p in locations]
             + [{"id": s.story_id, "kind": "story", "label": s.title} for s in stories])
    edges = []
    for entity in entities:
        for rel in entity.relationships:
            # mirrored relationships are stored on both sides; draw each once
            if rel["target_entity_id"] in entity_ids and entity.entity_id < rel["target_entity_id"]:
                edges.append(_edge(entity.entity_id, rel["target_entity_id"], "relationship",
                                   rel.get("label") or rel["type"]))
    for (first, second), shared in co_appearances(stories, entity_ids).items():
        edges.append(_edge(first, second, "co_appearance", "", shared))
    for story in stories:
        edges += [_edge(i, story.story_id, "appears_in")
                  for i in dict.fromkeys(story.entity_ids) if i in entity_ids]
        edges += [_edge(story.story_id, i, "located_at")
                  for i in dict.fromkeys(story.location_ids) if i in location_ids]
    edges += [_edge(p.location_id, p.parent_location_id, "located_at", "inside")
              for p in locations if p.parent_location_id in location_ids]
    return {"nodes": nodes, "edges": edges}
