"""Which stories of a world share entities or places, with how many and which, from an
inverted index (thing → stories): the cost is the (story, thing) pairs plus the links found.
"""

from __future__ import annotations

from collections import defaultdict


def story_things(story) -> list[tuple[str, str]]:
    """The (kind, id) pairs a story links to: its entities, then its places."""
    return ([("entity", i) for i in story.entity_ids]
            + [("location", i) for i in story.location_ids])


def shared_things(stories, describe=None) -> dict[tuple[str, str], list]:
    """{(story id, linked story id): [(kind, id) shared]} for every pair sharing something,
    each pair once (in the order the stories are given). With `describe`, each shared thing
    is listed as `describe((kind, id))`, called once per thing that two stories share."""
    holders = defaultdict(list)                 # (kind, id) -> story ids, in story order
    for story in stories:
        for thing in dict.fromkeys(story_things(story)):
            holders[thing].append(story.story_id)
    shared = defaultdict(list)
    for thing, story_ids in holders.items():
        if len(story_ids) < 2:
            continue
        item = describe(thing) if describe is not None else thing
        for index, first in enumerate(story_ids):
            for second in story_ids[index + 1:]:
                shared[(first, second)].append(item)
    return shared


def linked_ids(story, holders_of) -> set[str]:
    """Ids of the stories sharing something with `story`; `holders_of(kind, id)` answers the
    ids of the stories that link to a thing (an indexed query)."""
    found = set()
    for kind, thing_id in dict.fromkeys(story_things(story)):
        found.update(holders_of(kind, thing_id))
    found.discard(story.story_id)
    return found


def naive_shared_things(stories) -> dict:
    """The same as shared_things by comparing every pair of stories (for benchmarks only)."""
    shared = {}
    for index, first in enumerate(stories):
        mine = story_things(first)
        for second in stories[index + 1:]:
            theirs = set(story_things(second))
            common = [t for t in dict.fromkeys(mine) if t in theirs]
            if common:
                shared[(first.story_id, second.story_id)] = common
    return shared
