"""Stories linked by what they share (links follow every edit, stale ones vanish at once),
auto-linking a world, and the world graph as each kind of caller sees it."""

import pytest

from core.models import Story
from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_entity, make_location, make_story, make_user, make_world, store


@pytest.fixture
def setting(backend):
    owner, headers = make_user(backend, "user", "owner")
    world = make_world(backend, owner, visibility="public")
    stories = [make_story(backend, owner, world["world_id"], title=t, visibility="public")
               for t in ("One", "Two", "Three")]
    hero = make_entity(backend, owner, world["world_id"], name="Hero")
    sidekick = make_entity(backend, owner, world["world_id"], name="Sidekick")
    place = make_location(backend, owner, world["world_id"], name="Keep")
    return {"owner": owner, "headers": headers, "world": world, "stories": stories,
            "hero": hero, "sidekick": sidekick, "place": place}


def link(client, setting, index, **body):
    story = setting["stories"][index]
    return assert_ok(client.post(f"/api/stories/{story['story_id']}/link-entities",
                                 headers=setting["headers"], json=body))["story"]


def story(client, setting, index) -> dict:
    return assert_ok(client.get(f"/api/stories/{setting['stories'][index]['story_id']}",
                                headers=setting["headers"]))["story"]


def ids(setting, *indexes):
    return sorted(setting["stories"][i]["story_id"] for i in indexes)


def test_links_appear_with_weight_and_reasons_and_vanish_when_stale(client, setting):
    hero, place = setting["hero"]["entity_id"], setting["place"]["location_id"]
    link(client, setting, 0, entity_ids=[hero], location_ids=[place])
    link(client, setting, 1, entity_ids=[hero], location_ids=[place])
    link(client, setting, 2, entity_ids=[setting["sidekick"]["entity_id"]])
    first = story(client, setting, 0)
    assert first["linked_story_ids"] == ids(setting, 1)
    assert first["links"] == [{"story_id": setting["stories"][1]["story_id"], "title": "Two",
                               "weight": 2, "reasons": [
                                   {"kind": "entity", "id": hero, "name": "Hero"},
                                   {"kind": "location", "id": place, "name": "Keep"}]}]
    assert story(client, setting, 2)["linked_story_ids"] == []
    cleared = assert_ok(client.post(f"/api/stories/{setting['stories'][1]['story_id']}"
                                    "/clear-links", headers=setting["headers"]))["story"]
    assert cleared["linked_story_ids"] == []
    assert story(client, setting, 0)["linked_story_ids"] == []
    assert story(client, setting, 0)["links"] == []


def test_deleting_the_shared_entity_unlinks_the_stories(client, setting):
    hero = setting["hero"]["entity_id"]
    link(client, setting, 0, entity_ids=[hero])
    link(client, setting, 1, entity_ids=[hero])
    assert story(client, setting, 1)["linked_story_ids"] == ids(setting, 0)
    assert_ok(client.delete(f"/api/worlds/{setting['world']['world_id']}/entities/{hero}",
                            headers=setting["headers"]))
    assert story(client, setting, 0)["linked_story_ids"] == []
    assert story(client, setting, 1)["linked_story_ids"] == []


def test_deleting_a_story_removes_it_from_the_others_links(client, setting):
    place = setting["place"]["location_id"]
    for index in range(3):
        link(client, setting, index, location_ids=[place])
    assert story(client, setting, 0)["linked_story_ids"] == ids(setting, 1, 2)
    assert_ok(client.delete(f"/api/stories/{setting['stories'][2]['story_id']}",
                            headers=setting["headers"]))
    assert story(client, setting, 0)["linked_story_ids"] == ids(setting, 1)


def test_auto_link_recomputes_a_world(backend, client, setting):
    hero = setting["hero"]["entity_id"]
    link(client, setting, 0, entity_ids=[hero])
    link(client, setting, 2, entity_ids=[hero])
    # links written by another tool (an old import): stale and missing ones
    broken = backend.storage.get(Story, setting["stories"][1]["story_id"])
    broken.linked_story_ids = [setting["stories"][0]["story_id"]]
    store(backend, broken)
    url = f"/api/worlds/{setting['world']['world_id']}/auto-link-stories"
    links = assert_ok(client.post(url, headers=setting["headers"]))["links"]
    assert links == [{"story_id": setting["stories"][0]["story_id"],
                      "linked_story_id": setting["stories"][2]["story_id"], "weight": 1,
                      "reasons": [{"kind": "entity", "id": hero, "name": "Hero"}]}]
    assert story(client, setting, 1)["linked_story_ids"] == []
    assert story(client, setting, 2)["linked_story_ids"] == ids(setting, 0)
    other = make_user(backend, "user", "stranger")[1]
    assert_error(client.post(url, headers=other), 403, "1004")


def test_links_to_stories_the_caller_may_not_see_are_left_out(backend, client, setting):
    hero = setting["hero"]["entity_id"]
    draft = make_story(backend, setting["owner"], setting["world"]["world_id"], title="Draft",
                       visibility="draft")
    assert_ok(client.post(f"/api/stories/{draft['story_id']}/link-entities",
                          headers=setting["headers"], json={"entity_ids": [hero]}))
    link(client, setting, 0, entity_ids=[hero])
    public = assert_ok(client.get(f"/api/stories/{setting['stories'][0]['story_id']}"))["story"]
    assert public["links"] == [] and public["linked_story_ids"] == []
    mine = story(client, setting, 0)
    assert [l["title"] for l in mine["links"]] == ["Draft"]
    assert mine["linked_story_ids"] == [draft["story_id"]]
    world_id = setting["world"]["world_id"]
    for url in (f"/api/stories?world_id={world_id}", "/api/stories"):
        listed = {s["title"]: s for s in assert_ok(client.get(url))["items"]}
        assert listed["One"]["linked_story_ids"] == [], url
        listed = {s["title"]: s for s in assert_ok(client.get(url, headers=setting["headers"]))[
            "items"]}
        assert listed["One"]["linked_story_ids"] == [draft["story_id"]], url


# the graph


def _graph_world(backend, actors):
    world = actors.world("private")
    owner = actors.users["owner"]
    wid = world["world_id"]
    hero = make_entity(backend, owner, wid, name="Hero")
    friend = make_entity(backend, owner, wid, name="Friend", relationships=[
        {"target_entity_id": hero["entity_id"], "type": "friend"}])
    city = make_location(backend, owner, wid, name="City")
    make_location(backend, owner, wid, name="Hall", parent_location_id=city["location_id"])
    stories = {}
    for title, visibility in (("Open", "private"), ("Also open", "private"),
                              ("Secret", "draft")):
        made = make_story(backend, owner, wid, title=title, visibility=visibility)
        backend.link_service.link_entities(owner, made["story_id"],
                                           [hero["entity_id"], friend["entity_id"]],
                                           [city["location_id"]])
        stories[title] = made
    return world, hero, friend, stories


@pytest.mark.parametrize("actor, status, secret", [
    ("anonymous", 404, None), ("other", 404, None), ("guest", 404, None),
    ("viewer", 200, False), ("editor", 200, True), ("owner", 200, True),
    ("moderator", 200, True), ("admin", 200, True),
])
def test_graph_shows_only_what_the_caller_may_see(backend, client, actors, actor, status,
                                                  secret):
    world, hero, friend, stories = _graph_world(backend, actors)
    response = client.get(f"/api/worlds/{world['world_id']}/graph",
                          headers=actors.headers[actor])
    assert response.status_code == status
    if status != 200:
        return
    graph = response.get_json()["data"]
    labels = {n["label"] for n in graph["nodes"] if n["kind"] == "story"}
    assert ("Secret" in labels) is secret
    assert {"Open", "Also open"} <= labels
    edges = {(e["kind"], e["source"], e["target"]): e for e in graph["edges"]}
    pair = tuple(sorted((hero["entity_id"], friend["entity_id"])))
    assert edges[("co_appearance", *pair)]["weight"] == (3 if secret else 2)
    assert [e for e in graph["edges"] if e["kind"] == "relationship"] == [
        {"source": pair[0], "target": pair[1], "kind": "relationship", "label": "friend",
         "weight": 1}]
    assert ("appears_in", hero["entity_id"], stories["Open"]["story_id"]) in edges
    located = [e for e in graph["edges"] if e["kind"] == "located_at"]
    assert len(located) == (3 if secret else 2) + 1     # stories at City, Hall inside City
