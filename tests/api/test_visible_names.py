"""Names must show a character (API.md §4): invisible-only names answer 2001 naming the field."""

from __future__ import annotations

import pytest

from core.text import has_visible
from tests.api.helpers import assert_error, assert_ok
from core.models import Entity, Event, Location, Story, World
from tests.builders import (count, make_entity, make_location, make_story, make_user,
                            make_world)

INVISIBLE = ["   ", "\u200b", "\u2060\u2060", "\ufeff", "\u00ad", "\u180e", "\u3164",
             "\u115f\u1160", "\uffa0", "\u2800", " \u200b\t\u200d ", "\u0007", "\u034f",
             "\u3000", "\u2028", "\U000e0020", "\u0301"]
VISIBLE = ["A", "Đà Lạt", "\u200bAri\u200b", "·", "龍", "٣", "😀"]


@pytest.mark.parametrize("text", VISIBLE)
def test_names_with_something_to_see_are_visible(text):
    assert has_visible(text)


@pytest.mark.parametrize("text", INVISIBLE)
def test_names_of_blanks_fillers_and_marks_are_invisible(text):
    assert not has_visible(text)


@pytest.fixture
def owned(backend):
    owner, headers = make_user(backend, "user", "owner")
    world = make_world(backend, owner)
    wid = world["world_id"]
    story = make_story(backend, owner, wid)
    entity = make_entity(backend, owner, wid, name="Ari")
    place = make_location(backend, owner, wid, name="Harbour")
    return headers, {
        "world": ("/api/worlds", f"/api/worlds/{wid}", "name"),
        "story": ("/api/stories", f"/api/stories/{story['story_id']}", "title"),
        "entity": (f"/api/worlds/{wid}/entities",
                   f"/api/worlds/{wid}/entities/{entity['entity_id']}", "name"),
        "location": (f"/api/worlds/{wid}/locations",
                     f"/api/worlds/{wid}/locations/{place['location_id']}", "name"),
        **_event_urls(backend, headers, wid)}, wid


def _event_urls(backend, headers, wid) -> dict:
    """The event's addresses, where this build has the events API."""
    with backend.app.test_client() as client:
        made = client.post(f"/api/worlds/{wid}/events", headers=headers,
                           json={"title": "Founding", "year": 1})
    if made.status_code != 201:
        return {}
    event_id = made.get_json()["data"]["event"]["event_id"]
    return {"event": (f"/api/worlds/{wid}/events", f"/api/events/{event_id}", "title")}


def urls_of(urls: dict, kind: str) -> tuple:
    if kind not in urls:
        pytest.skip(f"no {kind} routes on this build (POST /api/worlds/<id>/events is 404)")
    return urls[kind]


KINDS = ["world", "story", "entity", "location", "event"]
MODELS = {"world": World, "story": Story, "entity": Entity, "location": Location,
          "event": Event}


@pytest.mark.parametrize("kind", KINDS)
def test_creating_with_an_invisible_name_answers_2001_naming_the_field(backend, client, owned,
                                                                      kind):
    headers, urls, wid = owned
    collection, _, field = urls_of(urls, kind)
    extra = {"world_id": wid} if kind == "story" else {}
    for text in INVISIBLE:
        body = assert_error(client.post(collection, headers=headers,
                                        json={field: text, **extra}), 400, "2001")
        assert field in body["data"]["fields"], (kind, repr(text))
    assert count(backend, MODELS[kind]) == 1      # only the one made by the fixture


@pytest.mark.parametrize("kind", KINDS)
def test_renaming_to_an_invisible_name_answers_2001_and_keeps_the_name(client, owned, kind):
    headers, urls, _ = owned
    _, item, field = urls_of(urls, kind)
    before = assert_ok(client.get(item, headers=headers))[kind]
    for text in INVISIBLE:
        body = assert_error(client.put(item, headers=headers, json={field: text}), 400, "2001")
        assert field in body["data"]["fields"], (kind, repr(text))
    assert assert_ok(client.get(item, headers=headers))[kind] == before


def test_aliases_and_imported_titles_need_a_visible_character_too(client, owned):
    headers, urls, wid = owned
    body = assert_error(client.post(urls["entity"][0], headers=headers, json={
        "name": "Bao", "aliases": ["\u200b"]}), 400, "2001")
    assert "aliases.0" in body["data"]["fields"]
    bundle = {"format": "storyloom.world", "version": 1, "world": {"name": "Imported"},
              "events": [{"event_id": "e1", "title": "\u2060 \u3164"}]}
    body = assert_error(client.post("/api/worlds/import", headers=headers, json=bundle),
                        400, "2001")
    assert any(path.endswith("title") for path in body["data"]["fields"]), body


def test_a_name_with_a_visible_character_among_invisible_ones_is_kept_as_sent(client, owned):
    headers, urls, _ = owned
    created = assert_ok(client.post(urls["world"][0], headers=headers,
                                    json={"name": "\u200bMây"}), 201)["world"]
    assert created["name"] == "\u200bMây"
