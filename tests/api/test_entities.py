"""Entities and locations: names without case or diacritics, mirrored relationships, cascades."""

import pytest

from core.models import Entity, Event, Location, Story
from core.clock import now_iso
from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_story, make_user, make_world
from tests.builders import count, store


@pytest.fixture
def owner(backend):
    return make_user(backend, "user", "owner")


@pytest.fixture
def world(backend, owner):
    return make_world(backend, owner[0], visibility="public")


def post(client, headers, world, kind, **body):
    return client.post(f"/api/worlds/{world['world_id']}/{kind}", json=body, headers=headers)


def test_entity_fields_round_trip(client, owner, world):
    entity = assert_ok(post(client, owner[1], world, "entities", name="Nguyễn Trãi",
                            aliases=["Ức Trai"], entity_type="character",
                            description="Nhà văn hóa lớn.",
                            attributes={"born": 1380, "title": "Quan Phục hầu", "height": 1.7}),
                       201)["entity"]
    assert entity["attributes"] == {"born": 1380, "title": "Quan Phục hầu", "height": 1.7}
    assert entity["source"] == {"kind": "user"} and entity["relationships"] == []
    again = assert_ok(client.get(f"/api/worlds/{world['world_id']}/entities/{entity['entity_id']}"))
    assert again["entity"]["aliases"] == ["Ức Trai"]


@pytest.mark.parametrize("clash", ["nguyen trai", "NGUYỄN TRÃI", "uc trai", "Ức  Trai"])
def test_names_are_unique_without_case_or_diacritics_aliases_included(client, owner, world, clash):
    assert_ok(post(client, owner[1], world, "entities", name="Nguyễn Trãi", aliases=["Ức Trai"]), 201)
    assert_error(post(client, owner[1], world, "entities", name=clash), 409, "3002")
    assert_error(post(client, owner[1], world, "entities", name="Other", aliases=[clash]), 409,
                 "3002")


def test_same_name_is_fine_in_another_world_and_as_a_place(backend, client, owner, world):
    other = make_world(backend, owner[0], name="Other world")
    assert_ok(post(client, owner[1], world, "entities", name="Hà Nội"), 201)
    assert_ok(post(client, owner[1], other, "entities", name="Hà Nội"), 201)
    assert_ok(post(client, owner[1], world, "locations", name="Hà Nội"), 201)


def test_renaming_onto_another_name_clashes_but_keeping_ones_own_does_not(client, owner, world):
    first = assert_ok(post(client, owner[1], world, "entities", name="An"), 201)["entity"]
    assert_ok(post(client, owner[1], world, "entities", name="Bình"), 201)
    url = f"/api/worlds/{world['world_id']}/entities/{first['entity_id']}"
    assert_ok(client.put(url, headers=owner[1], json={"name": "AN", "aliases": ["an"]}))
    assert_error(client.put(url, headers=owner[1], json={"aliases": ["binh"]}), 409, "3002")


@pytest.mark.parametrize("body, field", [
    ({"name": "X", "entity_type": "spaceship"}, "entity_type"),
    ({"name": "X", "attributes": {"age": [1, 2]}}, "attributes.age"),
    ({"name": "X", "relationships": [{"target_entity_id": "x", "type": "frenemy"}]},
     "relationships.0.type"),
    ({"name": "X", "aliases": [""]}, "aliases.0"),
])
def test_invalid_entity_fields_are_named(client, owner, world, body, field):
    response = assert_error(post(client, owner[1], world, "entities", **body), 400, "2001")
    assert any(key.startswith(field) for key in response["data"]["fields"]), response


def test_search_and_type_filter(client, owner, world):
    for name, kind in [("Lê Lợi", "character"), ("Rùa Vàng", "creature"), ("Gươm thần", "item")]:
        assert_ok(post(client, owner[1], world, "entities", name=name, entity_type=kind), 201)
    url = f"/api/worlds/{world['world_id']}/entities"
    assert [e["name"] for e in assert_ok(client.get(url, query_string={"q": "rua"}))["items"]] == \
        ["Rùa Vàng"]
    items = assert_ok(client.get(url, query_string={"entity_type": "item"}))["items"]
    assert [e["name"] for e in items] == ["Gươm thần"]
    everything = assert_ok(client.get(url))
    assert everything["total"] == 3 and [e["name"] for e in everything["items"]] == \
        ["Gươm thần", "Lê Lợi", "Rùa Vàng"]


def test_relationships_are_mirrored_with_inverse_types(client, owner, world):
    url = f"/api/worlds/{world['world_id']}/entities"
    father = assert_ok(post(client, owner[1], world, "entities", name="Lê Lợi"), 201)["entity"]
    son = assert_ok(post(client, owner[1], world, "entities", name="Lê Nguyên Long", relationships=[
        {"target_entity_id": father["entity_id"], "type": "child_of", "label": "con trai"}]),
        201)["entity"]
    friend = assert_ok(post(client, owner[1], world, "entities", name="Nguyễn Trãi"), 201)["entity"]
    father_view = assert_ok(client.get(f"{url}/{father['entity_id']}"))["entity"]
    assert father_view["relationships"] == [{"target_entity_id": son["entity_id"],
                                             "type": "parent_of", "label": "con trai",
                                             "target_name": "Lê Nguyên Long"}]
    assert_ok(client.put(f"{url}/{father['entity_id']}", headers=owner[1], json={"relationships": [
        {"target_entity_id": friend["entity_id"], "type": "friend"}]}))
    son_view = assert_ok(client.get(f"{url}/{son['entity_id']}"))["entity"]
    friend_view = assert_ok(client.get(f"{url}/{friend['entity_id']}"))["entity"]
    assert son_view["relationships"] == []
    assert [(r["target_name"], r["type"]) for r in friend_view["relationships"]] == \
        [("Lê Lợi", "friend")]


def test_relationship_targets_must_be_in_the_same_world(backend, client, owner, world):
    elsewhere = make_world(backend, owner[0], name="Elsewhere")
    stranger = assert_ok(post(client, owner[1], elsewhere, "entities", name="Stranger"), 201)
    body = assert_error(post(client, owner[1], world, "entities", name="Local", relationships=[
        {"target_entity_id": stranger["entity"]["entity_id"], "type": "friend"}]), 400, "2001")
    assert "relationships.0.target_entity_id" in body["data"]["fields"]
    assert count(backend, Entity, world_id=world["world_id"]) == 0


def test_deleting_an_entity_removes_every_reference(backend, client, owner, world):
    url = f"/api/worlds/{world['world_id']}/entities"
    doomed = assert_ok(post(client, owner[1], world, "entities", name="Doomed"), 201)["entity"]
    friend = assert_ok(post(client, owner[1], world, "entities", name="Friend", relationships=[
        {"target_entity_id": doomed["entity_id"], "type": "ally"}]), 201)["entity"]
    story = make_story(backend, owner[0], world["world_id"])
    assert_ok(client.post(f"/api/stories/{story['story_id']}/link-entities", headers=owner[1],
                          json={"entity_ids": [doomed["entity_id"], friend["entity_id"]]}))
    store(backend, Event(event_id="ev", world_id=world["world_id"], title="Battle",
                               created_at=now_iso(), updated_at=now_iso(),
                               entity_ids=[doomed["entity_id"]]))
    assert_ok(client.delete(f"{url}/{doomed['entity_id']}", headers=owner[1]))
    assert_ok(client.get(f"{url}/{friend['entity_id']}"))["entity"]["relationships"] == []
    assert backend.storage.get(Story, story["story_id"]).entity_ids == [friend["entity_id"]]
    assert backend.storage.get(Event, "ev").entity_ids == []
    assert_error(client.get(f"{url}/{doomed['entity_id']}"), 404, "3001")


def test_entity_of_another_world_is_not_found_through_this_one(backend, client, owner, world):
    other = make_world(backend, owner[0], name="Other")
    entity = assert_ok(post(client, owner[1], other, "entities", name="Lost"), 201)["entity"]
    assert_error(client.get(f"/api/worlds/{world['world_id']}/entities/{entity['entity_id']}",
                            headers=owner[1]), 404, "3001")


def test_locations_nest_without_cycles_and_reparent_on_delete(backend, client, owner, world):
    url = f"/api/worlds/{world['world_id']}/locations"
    country = assert_ok(post(client, owner[1], world, "locations", name="Đại Việt",
                             location_type="country", coordinates={"x": 10, "y": 20}), 201)
    country = country["location"]
    city = assert_ok(post(client, owner[1], world, "locations", name="Thăng Long",
                          location_type="city", parent_location_id=country["location_id"]), 201)
    city = city["location"]
    palace = assert_ok(post(client, owner[1], world, "locations", name="Hoàng thành",
                            parent_location_id=city["location_id"]), 201)["location"]
    assert city["parent_name"] == "Đại Việt" and country["coordinates"] == {"x": 10, "y": 20}
    body = assert_error(client.put(f"{url}/{country['location_id']}", headers=owner[1],
                                   json={"parent_location_id": palace["location_id"]}), 400, "2001")
    assert "parent_location_id" in body["data"]["fields"]
    assert_error(post(client, owner[1], world, "locations", name="Nowhere",
                      parent_location_id="missing"), 400, "2001")
    story = make_story(backend, owner[0], world["world_id"])
    assert_ok(client.post(f"/api/stories/{story['story_id']}/link-entities", headers=owner[1],
                          json={"location_ids": [city["location_id"]]}))
    assert_ok(client.delete(f"{url}/{city['location_id']}", headers=owner[1]))
    moved = assert_ok(client.get(f"{url}/{palace['location_id']}"))["location"]
    assert moved["parent_location_id"] == country["location_id"]
    assert backend.storage.get(Story, story["story_id"]).location_ids == []
    cleared = assert_ok(client.put(f"{url}/{palace['location_id']}", headers=owner[1],
                                   json={"coordinates": None, "parent_location_id": None}))
    assert cleared["location"]["coordinates"] is None
    assert backend.storage.get(Location, palace["location_id"]).parent_location_id is None


def test_deleting_a_world_removes_its_entities_and_locations(backend, client, owner, world):
    assert_ok(post(client, owner[1], world, "entities", name="A"), 201)
    assert_ok(post(client, owner[1], world, "locations", name="B"), 201)
    assert_ok(client.delete(f"/api/worlds/{world['world_id']}", headers=owner[1]))
    assert count(backend, Entity) == 0 and count(backend, Location) == 0
