"""Events: create, read, update, delete and connect; dates in the world's calendar, relative
dates following their anchors, cascades and who may do what."""

import pytest

from core.models import Event
from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_entity, make_location, make_story, make_user, make_world, stored


@pytest.fixture
def owner(backend):
    return make_user(backend, "user", "owner")


@pytest.fixture
def world(backend, owner):
    return make_world(backend, owner[0], visibility="public")


def create(client, headers, world, **body):
    return client.post(f"/api/worlds/{world['world_id']}/events", json=body, headers=headers)


def made(client, headers, world, **body) -> dict:
    return assert_ok(create(client, headers, world, **body), 201)["event"]


def test_event_fields_round_trip_with_its_date_written_out(backend, client, owner, world):
    hero = make_entity(backend, owner[0], world["world_id"], name="Lê Lợi")
    place = make_location(backend, owner[0], world["world_id"], name="Lam Sơn")
    story = make_story(backend, owner[0], world["world_id"])
    event = made(client, owner[1], world, title="Khởi nghĩa", kind="battle", year=1418,
                 month=2, day=7, entity_ids=[hero["entity_id"]],
                 location_ids=[place["location_id"]], story_id=story["story_id"],
                 story_position=1)
    assert event["precision"] == "exact" and event["version"] == 1
    assert event["date_label"] == "ngày 7 tháng 2 năm 1418"
    again = assert_ok(client.get(f"/api/events/{event['event_id']}", headers=owner[1]))["event"]
    assert again["entity_ids"] == [hero["entity_id"]] and again["story_id"] == story["story_id"]
    assert again["day_number"] == event["day_number"] is not None


def test_precision_defaults_from_how_much_of_the_date_is_given(client, owner, world):
    assert made(client, owner[1], world, title="A", year=1300)["precision"] == "approximate"
    assert made(client, owner[1], world, title="B")["precision"] == "unknown"
    approx = made(client, owner[1], world, title="C", year=1300, month=5, day=6,
                  precision="approximate")
    assert approx["date_label"] == "khoảng ngày 6 tháng 5 năm 1300"


@pytest.mark.parametrize("body, field", [
    ({"year": 1300, "month": 13}, "month"),
    ({"year": 1300, "month": 4, "day": 31}, "day"),
    ({"year": 1301, "month": 2, "day": 29}, "day"),
    ({"year": 0}, "year"),
    ({"kind": "party"}, "kind"),
    ({"entity_ids": ["nope"]}, "entity_ids"),
    ({"relative_to": {"event_id": "nope", "years": 1}}, "relative_to.event_id"),
])
def test_a_date_or_reference_that_does_not_hold_is_named(client, owner, world, body, field):
    answer = assert_error(create(client, owner[1], world, title="X", **body), 400, "2001")
    assert field in answer["data"]["fields"], answer


def test_a_leap_day_is_fine_in_a_leap_year(client, owner, world):
    assert made(client, owner[1], world, title="Leap", year=1600, month=2, day=29)["day"] == 29


def test_entities_places_and_stories_of_another_world_are_refused(backend, client, owner, world):
    other = make_world(backend, owner[0], name="Other")
    stranger = make_entity(backend, owner[0], other["world_id"], name="Stranger")
    place = make_location(backend, owner[0], other["world_id"], name="Far")
    story = make_story(backend, owner[0], other["world_id"])
    for body, field in (({"entity_ids": [stranger["entity_id"]]}, "entity_ids"),
                        ({"location_ids": [place["location_id"]]}, "location_ids"),
                        ({"story_id": story["story_id"]}, "story_id")):
        answer = assert_error(create(client, owner[1], world, title="X", **body), 400, "2001")
        assert field in answer["data"]["fields"]


def test_era_defaults_to_the_calendars_era_of_the_year(client, owner):
    world = assert_ok(client.post("/api/worlds", headers=owner[1], json={
        "name": "Eras", "calendar": {"eras": [{"name": "Thời Tiền", "start_year": -1000},
                                              {"name": "Thời Hậu", "start_year": 1}]}}),
                      201)["world"]
    assert made(client, owner[1], world, title="Old", year=-5)["era"] == "Thời Tiền"
    event = made(client, owner[1], world, title="New", year=5)
    assert event["era"] == "Thời Hậu" and event["date_label"] == "khoảng năm 5, Thời Hậu"
    assert made(client, owner[1], world, title="Own", year=5, era="Mine")["era"] == "Mine"


def test_relative_dates_follow_their_anchor_transitively(client, owner, world):
    birth = made(client, owner[1], world, title="Birth", kind="birth", year=1385, month=9,
                 day=10)
    crowned = made(client, owner[1], world, title="Crowned",
                   relative_to={"event_id": birth["event_id"], "years": 43, "months": 1})
    assert (crowned["year"], crowned["month"], crowned["day"]) == (1428, 10, 10)
    later = made(client, owner[1], world, title="Later",
                 relative_to={"event_id": crowned["event_id"], "days": 30})
    assert (later["year"], later["month"], later["day"]) == (1428, 11, 9)
    assert_ok(client.put(f"/api/events/{birth['event_id']}", headers=owner[1],
                         json={"year": 1386}))
    moved = assert_ok(client.get(f"/api/events/{crowned['event_id']}"))["event"]
    assert (moved["year"], moved["month"], moved["day"]) == (1429, 10, 10)
    assert moved["version"] == 2
    last = assert_ok(client.get(f"/api/events/{later['event_id']}"))["event"]
    assert (last["year"], last["month"], last["day"]) == (1429, 11, 9)


def test_relative_dates_in_a_circle_are_refused(client, owner, world):
    first = made(client, owner[1], world, title="A", year=1300)
    second = made(client, owner[1], world, title="B",
                  relative_to={"event_id": first["event_id"], "years": 1})
    third = made(client, owner[1], world, title="C",
                 relative_to={"event_id": second["event_id"], "years": 1})
    answer = assert_error(client.put(f"/api/events/{first['event_id']}", headers=owner[1],
                                     json={"relative_to": {"event_id": third["event_id"]}}),
                          400, "2001")
    assert "relative_to.event_id" in answer["data"]["fields"]
    assert_error(client.put(f"/api/events/{first['event_id']}", headers=owner[1],
                            json={"relative_to": {"event_id": first["event_id"]}}), 400, "2001")
    assert assert_ok(client.get(f"/api/events/{first['event_id']}"))["event"]["relative_to"] \
        is None


def test_ages_come_from_birth_events(backend, client, owner, world):
    hero = make_entity(backend, owner[0], world["world_id"], name="Hero")
    made(client, owner[1], world, title="Born", kind="birth", year=1385, month=9, day=10,
         entity_ids=[hero["entity_id"]])
    before_birthday = made(client, owner[1], world, title="Battle", year=1418, month=2, day=7,
                           entity_ids=[hero["entity_id"]])
    after = made(client, owner[1], world, title="Feast", year=1418, month=9, day=10,
                 entity_ids=[hero["entity_id"]])
    assert before_birthday["ages"] == [{"entity_id": hero["entity_id"], "age": 32}]
    assert after["ages"] == [{"entity_id": hero["entity_id"], "age": 33}]


def test_update_keeps_fields_and_stale_versions_answer_3004(client, owner, world):
    event = made(client, owner[1], world, title="Meeting", kind="meeting", year=1300)
    url = f"/api/events/{event['event_id']}"
    changed = assert_ok(client.put(url, headers=owner[1], json={"title": "Council",
                                                                "version": 1}))["event"]
    assert changed["kind"] == "meeting" and changed["version"] == 2
    conflict = assert_error(client.put(url, headers=owner[1], json={"title": "X",
                                                                    "version": 1}), 409, "3004")
    assert conflict["data"]["current"]["title"] == "Council"


def test_connections_are_added_and_vanish_with_their_target(backend, client, owner, world):
    cause = made(client, owner[1], world, title="Cause", year=1300)
    effect = made(client, owner[1], world, title="Effect", year=1301)
    url = f"/api/events/{cause['event_id']}/connections"
    linked = assert_ok(client.post(url, headers=owner[1], json={
        "target_event_id": effect["event_id"], "relation_type": "causation",
        "label": "leads to"}), 201)["event"]
    assert linked["connections"] == [{"target_event_id": effect["event_id"],
                                      "relation_type": "causation", "label": "leads to"}]
    assert_error(client.post(url, headers=owner[1], json={
        "target_event_id": cause["event_id"], "relation_type": "temporal"}), 400, "2001")
    assert_ok(client.delete(f"/api/events/{effect['event_id']}", headers=owner[1]))
    assert assert_ok(client.get(f"/api/events/{cause['event_id']}"))["event"]["connections"] == []


def test_deleting_an_anchor_keeps_the_computed_date(client, owner, world):
    anchor = made(client, owner[1], world, title="Anchor", year=1300, month=1, day=1)
    follower = made(client, owner[1], world, title="Follower",
                    relative_to={"event_id": anchor["event_id"], "days": 45})
    assert_ok(client.delete(f"/api/events/{anchor['event_id']}", headers=owner[1]))
    kept = assert_ok(client.get(f"/api/events/{follower['event_id']}"))["event"]
    assert kept["relative_to"] is None
    assert (kept["year"], kept["month"], kept["day"], kept["precision"]) == (1300, 2, 15,
                                                                             "exact")


def test_deleting_a_story_entity_or_place_removes_it_from_events(backend, client, owner, world):
    hero = make_entity(backend, owner[0], world["world_id"], name="Hero")
    place = make_location(backend, owner[0], world["world_id"], name="Keep")
    story = make_story(backend, owner[0], world["world_id"])
    event = made(client, owner[1], world, title="E", entity_ids=[hero["entity_id"]],
                 location_ids=[place["location_id"]], story_id=story["story_id"])
    wid = world["world_id"]
    assert_ok(client.delete(f"/api/worlds/{wid}/entities/{hero['entity_id']}", headers=owner[1]))
    assert_ok(client.delete(f"/api/worlds/{wid}/locations/{place['location_id']}",
                            headers=owner[1]))
    assert_ok(client.delete(f"/api/stories/{story['story_id']}", headers=owner[1]))
    left = assert_ok(client.get(f"/api/events/{event['event_id']}", headers=owner[1]))["event"]
    assert (left["entity_ids"], left["location_ids"], left["story_id"]) == ([], [], None)


def test_deleting_the_world_deletes_its_events(backend, client, owner, world):
    made(client, owner[1], world, title="E", year=1)
    assert_ok(client.delete(f"/api/worlds/{world['world_id']}", headers=owner[1]))
    assert stored(backend, Event) == []


@pytest.mark.parametrize("actor, read, write", [
    ("anonymous", 404, 401), ("other", 404, 404), ("guest", 404, 404), ("viewer", 200, 403),
    ("editor", 200, 200), ("owner", 200, 200), ("moderator", 200, 403), ("admin", 200, 200),
])
def test_event_auth_matrix_on_a_private_world(client, actors, actor, read, write):
    world = actors.world("private")
    event = made(client, actors.headers["owner"], world, title="Secret", year=1)
    headers = actors.headers[actor]
    url = f"/api/events/{event['event_id']}"
    assert client.get(url, headers=headers).status_code == read
    assert client.put(url, headers=headers, json={"title": "T"}).status_code == write
    created = create(client, headers, world, title="New")
    assert created.status_code == (201 if write == 200 else write)
    timeline = client.get(f"/api/worlds/{world['world_id']}/events", headers=headers)
    assert timeline.status_code == read


def test_events_of_a_draft_story_are_hidden_from_viewers(backend, client, actors):
    world = actors.world("private")
    draft = actors.story(world, visibility="draft")
    event = made(client, actors.headers["owner"], world, title="Hidden", year=1,
                 story_id=draft["story_id"])
    assert_error(client.get(f"/api/events/{event['event_id']}",
                            headers=actors.headers["viewer"]), 404, "3001")
    timeline = assert_ok(client.get(f"/api/worlds/{world['world_id']}/events",
                                    headers=actors.headers["viewer"]))
    assert timeline["years"] == []
    assert_ok(client.get(f"/api/events/{event['event_id']}", headers=actors.headers["editor"]))


def test_moderators_delete_events_but_viewers_do_not(client, actors):
    world = actors.world("private")
    event = made(client, actors.headers["owner"], world, title="E", year=1)
    url = f"/api/events/{event['event_id']}"
    assert_error(client.delete(url, headers=actors.headers["viewer"]), 403, "1004")
    assert_ok(client.delete(url, headers=actors.headers["moderator"]))
    assert_error(client.get(url, headers=actors.headers["owner"]), 404, "3001")
