"""The timeline answer: years in calendar order, connections explicit and implicit, ages,
conflicts with explanations, calendar changes that move or refuse, what each caller sees."""

import pytest

from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_entity, make_location, make_story, make_user, make_world


@pytest.fixture
def owner(backend):
    return make_user(backend, "user", "owner")


@pytest.fixture
def world(backend, owner):
    return make_world(backend, owner[0], visibility="public", travel_per_day=10)


def event(client, owner, world, **body) -> dict:
    return assert_ok(client.post(f"/api/worlds/{world['world_id']}/events", json=body,
                                 headers=owner[1]), 201)["event"]


def timeline(client, world, headers=None) -> dict:
    return assert_ok(client.get(f"/api/worlds/{world['world_id']}/events",
                                headers=headers or {}))


def test_years_in_calendar_order_and_events_by_month_day_and_story(backend, client, owner,
                                                                    world):
    first = make_story(backend, owner[0], world["world_id"], title="One", visibility="public")
    second = make_story(backend, owner[0], world["world_id"], title="Two", visibility="public")
    event(client, owner, world, title="Late", year=1300, month=5, day=6)
    event(client, owner, world, title="Second story", year=1300, month=2, day=1,
          story_id=second["story_id"])
    event(client, owner, world, title="First story", year=1300, month=2, day=1,
          story_id=first["story_id"])
    event(client, owner, world, title="Before Christ", year=-500)
    event(client, owner, world, title="Undated")
    answer = timeline(client, world)
    assert [y["year"] for y in answer["years"]] == [-500, 1300, None]
    assert [e["title"] for e in answer["years"][1]["events"]] == ["First story", "Second story",
                                                                  "Late"]
    assert answer["years"][0]["events"][0]["date_label"] == "khoảng năm 500 trước Công nguyên"


def test_explicit_and_implicit_connections(backend, client, owner, world):
    hero = make_entity(backend, owner[0], world["world_id"], name="Hero")
    one = make_story(backend, owner[0], world["world_id"], visibility="public")
    two = make_story(backend, owner[0], world["world_id"], visibility="public")
    a = event(client, owner, world, title="A", year=1300, entity_ids=[hero["entity_id"]],
              story_id=one["story_id"])
    b = event(client, owner, world, title="B", year=1301, entity_ids=[hero["entity_id"]],
              story_id=one["story_id"])
    c = event(client, owner, world, title="C", year=1302, entity_ids=[hero["entity_id"]],
              story_id=two["story_id"])
    assert_ok(client.post(f"/api/events/{a['event_id']}/connections", headers=owner[1],
                          json={"target_event_id": c["event_id"],
                                "relation_type": "causation"}), 201)
    links = {(l["from_event_id"], l["to_event_id"], l["implicit"]): l
             for l in timeline(client, world)["connections"]}
    assert (a["event_id"], c["event_id"], False) in links
    # each event links to the next one of another story that shares the character
    implicit = {k[:2] for k in links if k[2]}
    assert implicit == {(a["event_id"], c["event_id"]), (b["event_id"], c["event_id"])}
    assert links[(b["event_id"], c["event_id"], True)]["label"] == "Hero"
    assert links[(b["event_id"], c["event_id"], True)]["relation_type"] == "character"


def _places(backend, owner, world):
    near = make_location(backend, owner[0], world["world_id"], name="Thăng Long",
                         coordinates={"x": 0, "y": 0})
    far = make_location(backend, owner[0], world["world_id"], name="Lam Sơn",
                        coordinates={"x": 1000, "y": 0})
    return near, far


def test_two_places_definite_with_an_explanation_naming_who_where_and_when(backend, client,
                                                                           owner, world):
    hero = make_entity(backend, owner[0], world["world_id"], name="Lê Lợi")
    near, far = _places(backend, owner, world)
    for place in (near, far):
        event(client, owner, world, title=place["name"], year=1418, month=2, day=7,
              entity_ids=[hero["entity_id"]], location_ids=[place["location_id"]])
    conflicts = timeline(client, world)["conflicts"]
    assert [(c["kind"], c["certainty"], c["entity_id"]) for c in conflicts] == [
        ("two_places", "definite", hero["entity_id"])]
    text = conflicts[0]["explanation"]
    assert "Lê Lợi" in text and "Thăng Long" in text and "Lam Sơn" in text
    assert "ngày 7 tháng 2 năm 1418" in text


def test_after_death_is_possible_when_a_date_is_approximate(backend, client, owner, world):
    hero = make_entity(backend, owner[0], world["world_id"], name="Aria")
    event(client, owner, world, title="Death", kind="death", year=1300, month=5, day=6,
          entity_ids=[hero["entity_id"]])
    event(client, owner, world, title="Ghost walk", year=1301, month=1, day=1,
          precision="approximate", entity_ids=[hero["entity_id"]])
    vi = timeline(client, world)["conflicts"]
    assert [(c["kind"], c["certainty"]) for c in vi] == [("after_death", "possible")]
    assert "sau khi đã mất" in vi[0]["explanation"]


def test_before_birth_and_too_far(backend, client, owner, world):
    hero = make_entity(backend, owner[0], world["world_id"], name="Hero")
    near, far = _places(backend, owner, world)
    event(client, owner, world, title="Born", kind="birth", year=1300, month=1, day=10,
          entity_ids=[hero["entity_id"]], location_ids=[near["location_id"]])
    early = event(client, owner, world, title="Too early", year=1299,
                  entity_ids=[hero["entity_id"]], location_ids=[near["location_id"]])
    event(client, owner, world, title="Far away", year=1300, month=1, day=20,
          entity_ids=[hero["entity_id"]], location_ids=[far["location_id"]])
    conflicts = {c["kind"]: c for c in timeline(client, world)["conflicts"]}
    assert set(conflicts) == {"before_birth", "too_far"}
    assert conflicts["before_birth"]["certainty"] == "possible"
    assert early["event_id"] in conflicts["before_birth"]["event_ids"]
    assert conflicts["too_far"]["certainty"] == "definite"
    assert "1000" in conflicts["too_far"]["explanation"]


def test_unknown_precision_raises_no_conflict(backend, client, owner, world):
    hero = make_entity(backend, owner[0], world["world_id"], name="Hero")
    event(client, owner, world, title="Death", kind="death", year=1300,
          entity_ids=[hero["entity_id"]])
    event(client, owner, world, title="Later?", year=1400, precision="unknown",
          entity_ids=[hero["entity_id"]])
    assert timeline(client, world)["conflicts"] == []


def test_ages_on_the_timeline(backend, client, owner, world):
    hero = make_entity(backend, owner[0], world["world_id"], name="Hero")
    event(client, owner, world, title="Born", kind="birth", year=-10, month=3, day=1,
          entity_ids=[hero["entity_id"]])
    event(client, owner, world, title="Grown", year=10, month=3, day=1,
          entity_ids=[hero["entity_id"]])
    years = timeline(client, world)["years"]
    # no year 0: from 1 March 10 BC to 1 March AD 10 is 19 years
    assert years[-1]["events"][0]["ages"] == [{"entity_id": hero["entity_id"], "age": 19}]


def test_a_calendar_change_moves_day_numbers_or_is_refused(client, owner, world):
    late = event(client, owner, world, title="Late", year=1300, month=1, day=31)
    short = {"months": [{"name": "Only", "days": 400}]}
    url = f"/api/worlds/{world['world_id']}"
    changed = assert_ok(client.put(url, headers=owner[1], json={"calendar": short}))["world"]
    assert changed["calendar"]["months"] == [{"name": "Only", "days": 400}]
    moved = assert_ok(client.get(f"/api/events/{late['event_id']}"))["event"]
    assert moved["day_number"] == 1299 * 400 + 31 != late["day_number"]
    assert moved["date_label"] == "ngày 31 Only năm 1300"
    refused = assert_error(client.put(url, headers=owner[1], json={
        "calendar": {"months": [{"name": "A", "days": 30}, {"name": "B", "days": 30}]}}),
        400, "2001")
    assert "1 event(s)" in refused["data"]["fields"]["calendar"]
    assert "Late" in refused["data"]["fields"]["calendar"]
    again = assert_ok(client.get(url))["world"]
    assert again["calendar"]["months"] == [{"name": "Only", "days": 400}]


def test_a_calendar_that_drops_an_anchor_month_is_refused_with_its_dependents_untouched(
        client, owner, world):
    anchor = event(client, owner, world, title="Anchor", year=1300, month=5, day=6)
    later = event(client, owner, world, title="Later",
                  relative_to={"event_id": anchor["event_id"], "days": 3})
    refused = assert_error(client.put(f"/api/worlds/{world['world_id']}", headers=owner[1], json={
        "calendar": {"months": [{"name": "A", "days": 30}, {"name": "B", "days": 30}]}}),
        400, "2001")
    assert "Anchor" in refused["data"]["fields"]["calendar"]
    kept = assert_ok(client.get(f"/api/events/{later['event_id']}"))["event"]
    assert (kept["year"], kept["month"], kept["day"]) == (1300, 5, 9)


def test_story_world_time_outside_the_calendar_is_named(backend, client, owner, world):
    body = {"world_id": world["world_id"], "title": "T",
            "world_time": {"year": 1301, "month": 2, "day": 29}}
    answer = assert_error(client.post("/api/stories", json=body, headers=owner[1]), 400, "2001")
    assert "world_time.day" in answer["data"]["fields"]
    story = make_story(backend, owner[0], world["world_id"])
    answer = assert_error(client.put(f"/api/stories/{story['story_id']}", headers=owner[1],
                                     json={"world_time": {"year": 1, "month": 13}}), 400, "2001")
    assert "world_time.month" in answer["data"]["fields"]


def test_a_calendar_that_would_strand_a_storys_world_time_is_refused_naming_the_story(
        client, owner, world):
    story = assert_ok(client.post("/api/stories", headers=owner[1], json={
        "world_id": world["world_id"], "title": "Mùa đông năm ấy",
        "world_time": {"year": 1300, "month": 12, "day": 20}}), 201)["story"]
    url = f"/api/worlds/{world['world_id']}"
    refused = assert_error(client.put(url, headers=owner[1], json={
        "calendar": {"months": [{"name": "A", "days": 30}, {"name": "B", "days": 30}]}}),
        400, "2001")
    assert "1 story(ies)" in refused["data"]["fields"]["calendar"]
    assert "Mùa đông năm ấy" in refused["data"]["fields"]["calendar"]
    assert assert_ok(client.get(url))["world"]["calendar"]["months"][11]["days"] == 31
    kept = assert_ok(client.get(f"/api/stories/{story['story_id']}", headers=owner[1]))["story"]
    assert (kept["world_time"]["month"], kept["world_time"]["day"]) == (12, 20)
    thirteen = {"months": [{"name": f"M{n}", "days": 28} for n in range(1, 14)]}
    assert assert_ok(client.put(url, headers=owner[1], json={"calendar": thirteen}))


def test_an_imported_world_keeps_its_events_on_the_timeline_with_day_numbers(backend, client,
                                                                              owner, world):
    anchor = event(client, owner, world, title="Anchor", year=-20, month=3, day=1)
    event(client, owner, world, title="Later", relative_to={"event_id": anchor["event_id"],
                                                            "years": 25})
    bundle = client.get(f"/api/worlds/{world['world_id']}/export?format=json",
                        headers=owner[1]).get_json()
    copy = assert_ok(client.post("/api/worlds/import", json=bundle, headers=owner[1]), 201)["world"]
    years = timeline(client, copy, owner[1])["years"]
    assert [(y["year"], [e["title"] for e in y["events"]]) for y in years] == \
        [(-20, ["Anchor"]), (6, ["Later"])]
    stored = backend.storage.events_of_world(copy["world_id"])
    assert sorted(e.day_number for e in stored) == sorted(
        e["day_number"] for y in timeline(client, world, owner[1])["years"] for e in y["events"])


def test_reading_the_timeline_and_graph_changes_nothing_stored(backend, client, owner, world):
    """The timeline and the graph read events, places and entities without copying their lists
    (shared reads): every answer is the same and storage holds what it held."""
    hero = make_entity(backend, owner[0], world["world_id"], name="Hero")
    near, far = _places(backend, owner, world)
    story = make_story(backend, owner[0], world["world_id"], visibility="public")
    other = make_story(backend, owner[0], world["world_id"], visibility="public")
    born = event(client, owner, world, title="Born", kind="birth", year=1300, month=1, day=10,
                 entity_ids=[hero["entity_id"]], location_ids=[near["location_id"]],
                 story_id=story["story_id"])
    event(client, owner, world, title="Far", year=1300, month=1, day=12, story_id=other["story_id"],
          entity_ids=[hero["entity_id"]], location_ids=[far["location_id"], near["location_id"]])
    event(client, owner, world, title="Later", relative_to={"event_id": born["event_id"],
                                                            "years": 2},
          entity_ids=[hero["entity_id"]], location_ids=[far["location_id"]])
    world_id = world["world_id"]

    def stored():
        return ([e.to_dict() for e in backend.storage.events_of_world(world_id)],
                [p.to_dict() for p in backend.storage.locations_of_world(world_id).items],
                [e.to_dict() for e in backend.storage.entities_of_world(world_id).items])
    before = stored()
    answers = [timeline(client, world, headers) for headers in (owner[1], {}, owner[1])]
    assert answers[0]["conflicts"] and answers[0]["connections"]
    assert answers[0] == answers[2] and answers[0]["years"] == answers[1]["years"]
    graphs = [assert_ok(client.get(f"/api/worlds/{world_id}/graph", headers=headers))
              for headers in (owner[1], {}, owner[1])]
    assert graphs[0]["nodes"] and graphs[0] == graphs[1] == graphs[2]
    assert stored() == before


def test_event_summaries_are_built_with_exactly_the_schemas_fields():
    """The timeline sends its event summaries as built (not walked by the serializer): the
    stored fields it copies plus era, date label and ages are TimelineEventOut's fields."""
    from core.models.views import EVENT_SUMMARY_FIELDS
    from interfaces.schemas.timeline_outputs import TimelineEventOut
    assert len(set(EVENT_SUMMARY_FIELDS)) == len(EVENT_SUMMARY_FIELDS)
    assert set(EVENT_SUMMARY_FIELDS) | {"era", "date_label", "ages"} == \
        set(TimelineEventOut.model_fields)
