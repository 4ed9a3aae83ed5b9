"""Linking stories to entities and places by id, or by name or alias."""

import pytest

from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_entity, make_location, make_story, make_user, make_world


@pytest.fixture
def setting(backend):
    owner, headers = make_user(backend, "user", "owner")
    world = make_world(backend, owner)
    story = make_story(backend, owner, world["world_id"])
    hero = make_entity(backend, owner, world["world_id"], name="Thánh Gióng",
                       aliases=["Phù Đổng Thiên Vương"])
    place = make_location(backend, owner, world["world_id"], name="Sóc Sơn")
    return {"headers": headers, "world": world, "story": story, "hero": hero, "place": place,
            "url": f"/api/stories/{story['story_id']}"}


def test_link_by_names_and_aliases_without_diacritics(client, setting):
    data = assert_ok(client.post(f"{setting['url']}/link-entities", headers=setting["headers"],
                                 json={"names": ["phu dong thien vuong", "SOC SON", "Ai đó"]}))
    assert data["story"]["entity_ids"] == [setting["hero"]["entity_id"]]
    assert data["story"]["location_ids"] == [setting["place"]["location_id"]]
    assert data["unresolved"] == ["Ai đó"] and data["created"] == {"entities": []}


def test_create_missing_makes_one_entity_per_new_name(backend, client, setting):
    data = assert_ok(client.post(f"{setting['url']}/link-entities", headers=setting["headers"],
                                 json={"names": ["Mẹ Gióng", "me giong", "Thánh Gióng"],
                                       "create_missing": True}))
    created = data["created"]["entities"]
    assert [e["name"] for e in created] == ["Mẹ Gióng"]
    assert created[0]["source"] == {"kind": "user", "story_id": setting["story"]["story_id"]}
    assert data["story"]["entity_ids"] == [setting["hero"]["entity_id"], created[0]["entity_id"]]
    again = assert_ok(client.post(f"{setting['url']}/link-entities", headers=setting["headers"],
                                  json={"names": ["Mẹ Gióng"], "create_missing": True}))
    assert again["created"]["entities"] == []
    assert len(again["story"]["entity_ids"]) == 2


def test_ids_must_belong_to_the_story_world(backend, client, setting):
    body = assert_error(client.post(f"{setting['url']}/link-entities", headers=setting["headers"],
                                    json={"entity_ids": ["nope"]}), 400, "2001")
    assert "entity_ids" in body["data"]["fields"]


def test_link_needs_something_to_link(client, setting):
    assert_error(client.post(f"{setting['url']}/link-entities", headers=setting["headers"],
                             json={}), 400, "2002")


def test_clear_links(client, setting):
    assert_ok(client.post(f"{setting['url']}/link-entities", headers=setting["headers"], json={
        "entity_ids": [setting["hero"]["entity_id"]],
        "location_ids": [setting["place"]["location_id"]]}))
    story = assert_ok(client.post(f"{setting['url']}/clear-links", headers=setting["headers"]))
    assert story["story"]["entity_ids"] == [] and story["story"]["location_ids"] == []
