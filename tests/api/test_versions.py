"""Versions (API.md §4): a change based on an old version changes nothing and answers 3004."""

from __future__ import annotations

import pytest

from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_entity, make_location, make_story, make_user, make_world


@pytest.fixture
def owned(backend):
    owner, headers = make_user(backend, "user", "owner")
    world = make_world(backend, owner)
    wid = world["world_id"]
    story = make_story(backend, owner, wid)
    entity = make_entity(backend, owner, wid, name="Ari")
    place = make_location(backend, owner, wid, name="Harbour")
    urls = {"world": f"/api/worlds/{wid}", "story": f"/api/stories/{story['story_id']}",
            "entity": f"/api/worlds/{wid}/entities/{entity['entity_id']}",
            "location": f"/api/worlds/{wid}/locations/{place['location_id']}"}
    with backend.app.test_client() as client:
        made = client.post(f"/api/worlds/{wid}/events", headers=headers,
                           json={"title": "Founding", "year": 1})
    if made.status_code == 201:
        urls["event"] = f"/api/events/{made.get_json()['data']['event']['event_id']}"
    return headers, urls


def url_of(urls: dict, kind: str) -> str:
    """The resource's address; events are only tested where the events API exists."""
    if kind not in urls:
        pytest.skip(f"no {kind} routes on this build (POST /api/worlds/<id>/events is 404)")
    return urls[kind]


CHANGES = {"world": {"description": "changed"}, "story": {"summary": "changed"},
           "entity": {"description": "changed"}, "location": {"description": "changed"},
           "event": {"description": "changed"}}
KINDS = sorted(CHANGES)


@pytest.mark.parametrize("kind", KINDS)
def test_every_resource_starts_at_version_1_and_each_change_adds_one(client, owned, kind):
    headers, urls = owned
    url_of(urls, kind)
    assert assert_ok(client.get(urls[kind], headers=headers))[kind]["version"] == 1
    first = assert_ok(client.put(urls[kind], headers=headers, json=CHANGES[kind]))[kind]
    second = assert_ok(client.put(urls[kind], headers=headers,
                                  json={**CHANGES[kind], "version": 2}))[kind]
    assert (first["version"], second["version"]) == (2, 3)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("how", ["body", "if-match", "weak-if-match"])
def test_a_change_based_on_an_old_version_changes_nothing_and_shows_the_current(client, owned,
                                                                                 kind, how):
    headers, urls = owned
    url_of(urls, kind)
    assert_ok(client.put(urls[kind], headers=headers, json=CHANGES[kind]))   # now version 2
    stale = {"body": ({"version": 1}, {}), "if-match": ({}, {"If-Match": '"1"'}),
             "weak-if-match": ({}, {"If-Match": 'W/"1"'})}[how]
    body = assert_error(client.put(urls[kind], headers={**headers, **stale[1]}, json={
        **stale[0], **{key: "overwritten" for key in CHANGES[kind]}}), 409, "3004")
    current = body["data"]["current"]
    assert current["version"] == 2 and "version 1" in body["errorDetail"]
    assert all(current[key] == "changed" for key in CHANGES[kind])
    now = assert_ok(client.get(urls[kind], headers=headers))[kind]
    assert now == current


def test_a_matching_if_match_header_lets_the_change_through(client, owned):
    headers, urls = owned
    changed = assert_ok(client.put(urls["story"], headers={**headers, "If-Match": '"1"'},
                                   json={"title": "Second draft"}))["story"]
    assert (changed["title"], changed["version"]) == ("Second draft", 2)


@pytest.mark.parametrize("header, body, field", [
    ("not-a-number", {}, "If-Match"), ('"2"', {"version": 1}, "version"),
    (None, {"version": 0}, "version"), (None, {"version": "1"}, "version")])
def test_unusable_versions_answer_2001_naming_the_field(client, owned, header, body, field):
    headers, urls = owned
    extra = {"If-Match": header} if header else {}
    answer = assert_error(client.put(urls["world"], headers={**headers, **extra},
                                     json={"name": "New", **body}), 400, "2001")
    assert field in answer["data"]["fields"]
    assert assert_ok(client.get(urls["world"], headers=headers))["world"]["version"] == 1


def test_a_cascade_raises_the_version_of_what_it_changes(backend, client, owned):
    headers, urls = owned
    story = assert_ok(client.get(urls["story"], headers=headers))["story"]
    entity_id = urls["entity"].rsplit("/", 1)[1]
    assert_ok(client.post(f"{urls['story']}/link-entities", headers=headers,
                          json={"entity_ids": [entity_id]}))
    assert_ok(client.delete(urls["entity"], headers=headers))
    after = assert_ok(client.get(urls["story"], headers=headers))["story"]
    assert after["entity_ids"] == [] and after["version"] == story["version"] + 2
