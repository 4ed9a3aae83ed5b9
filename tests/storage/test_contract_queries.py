"""The storage contract, part 2: the named queries, against every backend.

Visibility is checked against core.visibility itself on random data: a backend's filter must
list exactly what the permission rules let a viewer see.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from core.models import Entity, Event, Location, Story
from core.visibility import ANONYMOUS, LEVELS, Viewer, levels_seen
from storage.base import Counts, PageRequest
from tests.storage.builders import (a_location, a_story, a_user, a_world, an_entity, an_event,
                                    ids, insert, stamp)

EVERYTHING = PageRequest(1, 100)
ADMIN = Viewer("admin", sees_all=True)


def collaborators(**roles) -> list[dict]:
    return [{"user_id": uid, "username": uid, "role": role} for uid, role in roles.items()]


# worlds

@pytest.fixture
def atlas(storage):
    """Worlds of `ann` at every level, shared with `bob` (editor) and `cy` (viewer)."""
    made = {}
    for level in LEVELS:
        made[level] = a_world("ann", name=f"Ann {level}", visibility=level,
                              collaborators=collaborators(bob="editor", cy="viewer"))
    made["other"] = a_world("dee", name="Dee public", visibility="public")
    made["hidden"] = a_world("dee", name="Dee draft", visibility="draft")
    insert(storage, *made.values())
    return made


def names(page) -> list[str]:
    return [w.name for w in page.items]


def test_each_viewer_lists_exactly_the_worlds_they_may_see(storage, atlas):
    def listed(viewer, scope="all"):
        return sorted(names(storage.list_visible_worlds(viewer, scope, None, EVERYTHING)))

    assert listed(ANONYMOUS) == ["Ann public", "Dee public"]
    assert listed(Viewer("ann")) == ["Ann draft", "Ann private", "Ann public", "Dee public"]
    assert listed(Viewer("bob")) == ["Ann draft", "Ann private", "Ann public", "Dee public"]
    assert listed(Viewer("cy")) == ["Ann private", "Ann public", "Dee public"]
    assert listed(Viewer("stranger")) == ["Ann public", "Dee public"]
    assert len(listed(ADMIN)) == 5


def test_scopes_narrow_the_worlds_listed(storage, atlas):
    def listed(viewer, scope):
        return sorted(names(storage.list_visible_worlds(viewer, scope, None, EVERYTHING)))

    assert listed(Viewer("ann"), "mine") == ["Ann draft", "Ann private", "Ann public"]
    assert listed(Viewer("cy"), "shared") == ["Ann private", "Ann public"]
    assert listed(Viewer("bob"), "shared") == ["Ann draft", "Ann private", "Ann public"]
    assert listed(Viewer("ann"), "public") == ["Ann public", "Dee public"]
    assert listed(Viewer("dee"), "mine") == ["Dee draft", "Dee public"]


def test_worlds_are_newest_change_first_with_ties_by_id_and_pages_do_not_overlap(storage):
    same = stamp()
    worlds = [a_world(name=f"w{i}", visibility="public", updated_at=same) for i in range(5)]
    newest = a_world(name="newest", visibility="public", updated_at=stamp())
    insert(storage, *worlds, newest)

    first = storage.list_visible_worlds(ANONYMOUS, "all", None, PageRequest(1, 4))
    second = storage.list_visible_worlds(ANONYMOUS, "all", None, PageRequest(2, 4))
    tied = sorted(worlds, key=lambda w: w.world_id, reverse=True)
    assert first.items[0] == newest
    assert ids(first.items[1:] + second.items, "world_id") == ids(tied, "world_id")
    assert first.total == second.total == 6


def test_a_folded_text_finds_worlds_by_part_of_their_name(storage, atlas):
    found = storage.list_visible_worlds(Viewer("ann"), "all", "ann pri", EVERYTHING)
    assert names(found) == ["Ann private"] and found.total == 1


def test_world_counts_count_stories_at_the_levels_given_per_world(storage):
    one, two = a_world(), a_world()
    insert(storage, one, two,
           *(a_story(one.world_id, visibility=level) for level in LEVELS),
           an_entity(one.world_id, "A"), an_entity(one.world_id, "B"),
           a_location(one.world_id), an_event(one.world_id), an_event(two.world_id))

    counts = storage.world_counts({one.world_id: ("public",), two.world_id: LEVELS})
    assert counts == {one.world_id: Counts(stories=1, entities=2, locations=1, events=1),
                      two.world_id: Counts(stories=0, entities=0, locations=0, events=1)}
    assert storage.world_counts({one.world_id: LEVELS})[one.world_id].stories == 3


def test_ids_in_world_lists_everything_of_one_kind_in_the_world(storage):
    world = a_world()
    stories = [a_story(world.world_id) for _ in range(3)]
    insert(storage, world, *stories, a_story("elsewhere"))
    assert sorted(storage.ids_in_world(Story, world.world_id)) == \
        sorted(ids(stories, "story_id"))
    assert storage.ids_in_world(Event, world.world_id) == []


# stories

def test_each_viewer_lists_exactly_the_stories_they_may_see(storage, atlas):
    stories = {}
    for world_level in LEVELS:
        world = atlas[world_level]
        for level in LEVELS[:LEVELS.index(world_level) + 1]:
            stories[(world_level, level)] = a_story(world.world_id, title=f"{world_level}/{level}",
                                                    visibility=level)
    insert(storage, *stories.values())

    def listed(viewer):
        return sorted(s.title for s in storage.list_visible_stories(viewer, EVERYTHING).items)

    assert listed(ANONYMOUS) == ["public/public"]
    assert listed(Viewer("cy")) == ["private/private", "public/private", "public/public"]
    assert listed(Viewer("bob")) == sorted(s.title for s in stories.values())
    assert len(listed(ADMIN)) == 6


def test_stories_of_a_world_come_in_the_worlds_order_at_the_levels_asked(storage):
    stories = [a_story("w", order=order, visibility=level, title=f"{order}")
               for order, level in ((3, "public"), (1, "draft"), (2, "public"), (5, "private"))]
    insert(storage, *stories, a_story("other", order=0))

    every = storage.stories_of_world("w")
    public = storage.stories_of_world("w", ("public",))
    paged = storage.stories_of_world("w", LEVELS, PageRequest(2, 2))
    assert [s.title for s in every.items] == ["1", "2", "3", "5"] and every.total == 4
    assert [s.title for s in public.items] == ["2", "3"] and public.total == 2
    assert [s.title for s in paged.items] == ["3", "5"] and paged.total == 4
    assert storage.last_story_order("w") == 5
    assert storage.last_story_order("empty") == 0
    outlines = storage.story_outlines("w", ("public",))
    assert [(o.story_id, o.title, o.order, o.visibility) for o in outlines] == [
        (s.story_id, s.title, s.order, s.visibility) for s in public.items]
    assert [o.story_id for o in storage.story_outlines("w")] == \
        [s.story_id for s in every.items]
    assert storage.story_outlines("w", ()) == []
    assert storage.story_orders("w", ("public", "draft")) == \
        {s.story_id: s.order for s in every.items if s.visibility != "private"}
    assert storage.story_orders("w", ()) == {} and len(storage.story_orders("w")) == 4


def test_names_of_answers_the_names_of_the_ids_that_exist(storage):
    hero, place = an_entity("w", name="Ari"), a_location("w", name="Harbour")
    insert(storage, hero, place)
    assert storage.names_of(Entity, [hero.entity_id, "ghost"]) == {hero.entity_id: "Ari"}
    assert storage.names_of(Location, [place.location_id]) == {place.location_id: "Harbour"}
    assert storage.names_of(Entity, []) == {}


def test_whole_reads_see_every_change_made_through_another_connection(storage):
    """PostgreSQL keeps documents' text per process, checked by each row's xmin: a change made
    anywhere (here: straight in a second transaction) is read at once, a delete too."""
    events = [an_event("w", title=f"e{i}") for i in range(5)]
    insert(storage, *events)
    assert sorted(e.title for e in storage.events_of_world("w")) == [f"e{i}" for i in range(5)]
    with storage.transaction() as tx:
        changed = tx.get(type(events[0]), events[0].event_id)
        changed.title = "moved"
        tx.update(changed)
        tx.delete(type(events[1]), events[1].event_id)
    titles = sorted(e.title for e in storage.events_of_world("w"))
    assert titles == ["e2", "e3", "e4", "moved"]
    first = storage.events_of_world("w")
    first[0].entity_ids.append("mine")
    first[0].source["kind"] = "changed"
    assert all(e.entity_ids == [] and e.source == {"kind": "user"}
               for e in storage.events_of_world("w")), "no shared state"


def test_models_read_twice_share_no_list_or_dict(storage):
    """A read hands out models the caller owns: changing any list or dict of one, however
    deep, changes neither the next read nor storage."""
    event = an_event("w", title="linked", entity_ids=["e1"], location_ids=["l1"],
                     connections=[{"target_event_id": "x", "relation_type": "causes",
                                   "label": "because"}],
                     relative_to={"event_id": "x", "offset": {"years": 1}})
    insert(storage, event)
    for read in (lambda: storage.events_of_world("w")[0],
                 lambda: storage.get(Event, event.event_id)):
        mine = read()
        mine.entity_ids.append("mine")
        mine.location_ids.clear()
        mine.connections[0]["label"] = "changed"
        mine.relative_to["offset"]["years"] = 99
        again = read()
        assert (again.entity_ids, again.location_ids, again.connections[0]["label"],
                again.relative_to["offset"]) == (["e1"], ["l1"], "because", {"years": 1})


def test_shared_reads_give_the_same_models_whose_attributes_are_their_own(storage):
    """`shared=True` (the timeline's reads) answers what a copying read does; setting an
    attribute of a shared model changes neither the next read nor storage."""
    event = an_event("w", title="linked", entity_ids=["e1"], location_ids=["l1"],
                     connections=[{"target_event_id": "x", "relation_type": "causes",
                                   "label": "because"}])
    place = a_location("w", name="Harbour", coordinates={"x": 1.0, "y": 2.0})
    insert(storage, event, place)
    for _ in range(2):      # PostgreSQL: the second read comes from its document cache
        assert [e.to_dict() for e in storage.events_of_world("w", shared=True)] == \
            [e.to_dict() for e in storage.events_of_world("w")]
        assert [p.to_dict() for p in storage.locations_of_world("w", shared=True).items] == \
            [p.to_dict() for p in storage.locations_of_world("w").items]
    shared = storage.events_of_world("w", shared=True)[0]
    shared.title, shared.entity_ids = "renamed", ["other"]
    assert [(e.title, e.entity_ids) for e in storage.events_of_world("w", shared=True)] == \
        [("linked", ["e1"])]
    assert storage.get(Event, event.event_id).title == "linked"


def test_story_outlines_carry_the_links_without_the_text(storage):
    story = a_story("w", entity_ids=["e1", "e2"], location_ids=["l1"],
                    linked_story_ids=["s9"], content="long text")
    insert(storage, story)
    [outline] = storage.story_outlines("w", LEVELS)
    assert (outline.entity_ids, outline.location_ids, outline.linked_story_ids) == (
        ["e1", "e2"], ["l1"], ["s9"])
    assert not hasattr(outline, "content")
    [unlinked] = storage.story_outlines("w", LEVELS, links=False)
    assert (unlinked.entity_ids, unlinked.linked_story_ids) == (["e1", "e2"], [])


def test_stories_at_levels_are_the_given_ids_with_one_of_the_levels(storage):
    draft, public = a_story("w", visibility="draft"), a_story("w", visibility="public")
    insert(storage, draft, public)
    both = [draft.story_id, public.story_id, "missing", public.story_id]
    assert storage.stories_at_levels(both, ("public",)) == {public.story_id}
    assert storage.stories_at_levels(both, LEVELS) == {draft.story_id, public.story_id}
    assert storage.stories_at_levels(both, ()) == set()
    assert storage.stories_at_levels([], LEVELS) == set()


def test_stories_of_an_owner_are_newest_change_first(storage):
    old, new = a_story("w1", owner_id="o"), a_story("w2", owner_id="o")
    insert(storage, old, new, a_story("w1", owner_id="someone-else"))
    assert storage.stories_of_owner("o", EVERYTHING).items == [new, old]


# what worlds hold

def test_entities_of_a_world_by_folded_name_type_and_text(storage):
    insert(storage, an_entity("w", "Zed"), an_entity("w", "Ánh", aliases=["Dawn"]),
           an_entity("w", "Bầy sói", entity_type="faction"), an_entity("x", "Elsewhere"))

    assert [e.name for e in storage.entities_of_world("w").items] == ["Ánh", "Bầy sói", "Zed"]
    assert [e.name for e in storage.entities_of_world("w", "faction").items] == ["Bầy sói"]
    assert [e.name for e in storage.entities_of_world("w", text="daw").items] == ["Ánh"]
    page = storage.entities_of_world("w", page=PageRequest(2, 2))
    assert [e.name for e in page.items] == ["Zed"] and page.total == 3


def test_locations_of_a_world_by_folded_name_type_and_text(storage):
    insert(storage, a_location("w", "Đà Lạt", location_type="city"), a_location("w", "Biển"),
           a_location("x", "Elsewhere"))
    assert [p.name for p in storage.locations_of_world("w").items] == ["Biển", "Đà Lạt"]
    assert [p.name for p in storage.locations_of_world("w", "city").items] == ["Đà Lạt"]
    assert [p.name for p in storage.locations_of_world("w", text="da l").items] == ["Đà Lạt"]


def test_events_come_by_day_number_with_undated_ones_last(storage):
    events = [an_event("w", f"d{day}", day_number=day) for day in (400, -30, 12)]
    insert(storage, *events, an_event("w", "undated"), an_event("x", "elsewhere", day_number=1))
    assert [e.title for e in storage.events_of_world("w")] == ["d-30", "d12", "d400", "undated"]


def test_events_between_two_days_include_both_ends(storage):
    insert(storage, *(an_event("w", f"d{day}", day_number=day) for day in (-5, 0, 7, 8, 20)),
           an_event("w", "undated"), an_event("x", "elsewhere", day_number=7))
    assert [e.title for e in storage.events_between("w", 0, 8)] == ["d0", "d7", "d8"]
    assert [e.title for e in storage.events_between("w", -100, -5)] == ["d-5"]
    assert storage.events_between("w", 21, 99) == []
    assert storage.events_between("a world without events", 0, 99) == []


def test_referencing_finds_every_declared_reference(storage):
    world = "w"
    hero, place, tale, battle = (an_entity(world, "Hero"), a_location(world, "Keep"),
                                 a_story(world), an_event(world, "Battle"))
    friend = an_entity(world, "Friend", relationships=[
        {"target_entity_id": hero.entity_id, "type": "friend", "label": ""}])
    child = a_location(world, "Cellar", parent_location_id=place.location_id)
    mention = a_story(world, entity_ids=[hero.entity_id], location_ids=[place.location_id],
                      linked_story_ids=[tale.story_id])
    aftermath = an_event(world, "Aftermath", story_id=tale.story_id,
                         entity_ids=[hero.entity_id], location_ids=[place.location_id],
                         connections=[{"target_event_id": battle.event_id,
                                       "relation_type": "causation", "label": ""}])
    insert(storage, hero, place, tale, battle, friend, child, mention, aftermath)

    assert storage.referencing(Story, "entity_ids", hero.entity_id) == [mention]
    assert storage.referencing(Story, "location_ids", place.location_id) == [mention]
    assert storage.referencing(Story, "linked_story_ids", tale.story_id) == [mention]
    assert storage.referencing(Entity, "relationship_target_ids", hero.entity_id) == [friend]
    assert storage.referencing(Location, "parent_location_id", place.location_id) == [child]
    for field, target in (("story_id", tale.story_id), ("entity_ids", hero.entity_id),
                          ("location_ids", place.location_id),
                          ("connection_target_ids", battle.event_id)):
        assert storage.referencing(Event, field, target) == [aftermath], field
    with pytest.raises(ValueError):
        storage.referencing(Story, "title", "x")


# counting and accounts

def test_public_counts_count_what_an_owner_has_published(storage):
    insert(storage, a_world("o", visibility="public"), a_world("o", visibility="private"),
           a_world("p", visibility="public"), a_story("w", owner_id="o", visibility="public"),
           a_story("w", owner_id="o", visibility="draft"))
    assert storage.public_counts("o") == (1, 1)
    assert storage.public_counts("nobody") == (0, 0)


def test_visible_totals_count_only_what_the_viewer_sees(storage, atlas):
    insert(storage, a_story(atlas["public"].world_id, visibility="public"),
           a_story(atlas["private"].world_id, visibility="private"),
           an_entity(atlas["private"].world_id), an_entity(atlas["public"].world_id),
           an_event(atlas["draft"].world_id))

    assert storage.visible_totals(ANONYMOUS) == {"worlds": 2, "stories": 1, "entities": 1,
                                                 "locations": 0, "events": 0}
    assert storage.visible_totals(Viewer("cy")) == {"worlds": 3, "stories": 2, "entities": 2,
                                                    "locations": 0, "events": 0}
    assert storage.visible_totals(ADMIN)["events"] == 1


def test_totals_count_everything_for_admins(storage, atlas):
    insert(storage, a_user("mod", role="moderator"), a_user("bad", banned=True),
           a_story("w", visibility="draft"))
    totals = storage.totals()
    assert totals["users"] == {"total": 2, "banned": 1, "by_role": {
        "admin": 0, "moderator": 1, "premium": 0, "user": 1, "guest": 0}}
    assert totals["worlds"] == {"total": 5, "by_visibility": {"draft": 2, "private": 1,
                                                              "public": 2}}
    assert totals["stories"]["by_visibility"]["draft"] == 1
    assert (totals["entities"], totals["locations"], totals["events"]) == (0, 0, 0)


def test_users_are_listed_newest_first_by_text_and_role(storage):
    insert(storage, a_user("alpha"), a_user("beta", role="moderator"),
           a_user("gamma", email="alpha-fan@example.com"))
    assert [u.username for u in storage.list_users(None, None, EVERYTHING).items] == \
        ["gamma", "beta", "alpha"]
    assert [u.username for u in storage.list_users("alpha", None, EVERYTHING).items] == \
        ["gamma", "alpha"]
    assert [u.username for u in storage.list_users(None, "moderator", EVERYTHING).items] == \
        ["beta"]
    assert storage.list_users(None, None, PageRequest(2, 2)).total == 3


# visibility against the rules themselves, on random data

USERS = ("u0", "u1", "u2")
world_rows = st.lists(st.fixed_dictionaries({
    "owner": st.sampled_from(USERS), "level": st.sampled_from(LEVELS),
    "roles": st.dictionaries(st.sampled_from(USERS), st.sampled_from(("editor", "viewer")),
                             max_size=2),
    "stories": st.lists(st.sampled_from(LEVELS), max_size=3)}), max_size=6)
viewers = st.one_of(st.just(ANONYMOUS), st.sampled_from(USERS).map(Viewer),
                    st.just(ADMIN))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=world_rows, viewer=viewers)
def test_listed_worlds_and_stories_are_what_core_visibility_allows(storage_backend, rows,
                                                                   viewer):
    storage = storage_backend.open_empty()
    try:
        _check_visibility(storage, rows, viewer)
    finally:
        storage.close()       # a server allows only so many connections


def _check_visibility(storage, rows, viewer) -> None:
    worlds, stories = [], []
    for row in rows:
        roles = {uid: role for uid, role in row["roles"].items() if uid != row["owner"]}
        world = a_world(row["owner"], visibility=row["level"],
                        collaborators=collaborators(**roles))
        worlds.append(world)
        stories += [a_story(world.world_id, visibility=level) for level in row["stories"]
                    if LEVELS.index(level) <= LEVELS.index(row["level"])]
    insert(storage, *worlds, *stories)
    seen_worlds = {w.world_id for w in worlds if w.visibility in levels_seen(viewer, w)}
    by_id = {w.world_id: w for w in worlds}
    seen_stories = {s.story_id for s in stories
                    if s.visibility in levels_seen(viewer, by_id[s.world_id])}

    listed = storage.list_visible_worlds(viewer, "all", None, EVERYTHING)
    assert set(ids(listed.items, "world_id")) == seen_worlds and listed.total == len(seen_worlds)
    told = storage.list_visible_stories(viewer, EVERYTHING)
    assert set(ids(told.items, "story_id")) == seen_stories and told.total == len(seen_stories)
    assert storage.visible_totals(viewer)["stories"] == len(seen_stories)



