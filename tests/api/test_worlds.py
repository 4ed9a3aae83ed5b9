"""World behaviour: creation defaults, partial updates, lists, search, quotas, sharing, cascades."""

import pytest

from core.models import Story, World
from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_story, make_user, make_world
from tests.builders import store, stored


@pytest.fixture
def writer(backend):
    return make_user(backend, "user", "writer")


def test_new_world_is_private_with_a_default_calendar(client, writer):
    world = assert_ok(client.post("/api/worlds", json={"name": "  Eldoria  "}, headers=writer[1]),
                      201)["world"]
    assert world["name"] == "Eldoria"
    assert world["visibility"] == "private"
    assert world["world_type"] == "fantasy"
    assert world["owner_id"] == writer[0].user_id and world["owner_username"] == "writer"
    calendar = world["calendar"]
    assert [m["days"] for m in calendar["months"]] == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
                                                       30, 31]
    assert calendar["leap"] == {"month": 2, "rule": "4,!100,400"}
    assert calendar["year_zero"] is False and calendar["eras"] == []
    assert world["counts"] == {"stories": 0, "entities": 0, "locations": 0, "events": 0}
    assert world["my_role"] == "owner"
    assert world["permissions"] == {"edit": True, "manage": True, "delete": True}
    assert world["created_at"].endswith("Z")


@pytest.mark.parametrize("body, field", [
    ({"name": ""}, "name"), ({"name": "   "}, "name"), ({"name": "x" * 121}, "name"),
    ({"name": "W", "world_type": "steampunk"}, "world_type"),
    ({"name": "W", "visibility": "secret"}, "visibility"),
    ({"name": "W", "calendar": {"months": []}}, "calendar.months"),
    ({"name": "W", "calendar": {"months": [{"name": "A", "days": 0}]}}, "calendar.months.0.days"),
    ({"name": "W", "calendar": {"leap": {"month": 2, "rule": "4,!x"}}}, "calendar.leap.rule"),
    ({"name": "W", "calendar": {"months": [{"days": 30}], "leap": {"month": 2, "rule": "4"}}},
     "calendar.leap.month"),
    ({"name": "W", "calendar": {"weeks": 4}}, "calendar.weeks"),
    ({"name": 42}, "name"),
])
def test_invalid_world_fields_are_named(client, writer, body, field):
    body = assert_error(client.post("/api/worlds", json=body, headers=writer[1]), 400, "2001")
    assert field in body["data"]["fields"]


def test_update_changes_only_the_fields_sent(client, writer):
    world = assert_ok(client.post("/api/worlds", headers=writer[1], json={
        "name": "Eldoria", "description": "Rivers", "world_type": "sci-fi"}), 201)["world"]
    updated = assert_ok(client.put(f"/api/worlds/{world['world_id']}", headers=writer[1],
                                   json={"description": "Mountains"}))["world"]
    assert (updated["name"], updated["description"], updated["world_type"]) == \
        ("Eldoria", "Mountains", "sci-fi")
    assert updated["updated_at"] >= world["updated_at"]
    again = assert_ok(client.get(f"/api/worlds/{world['world_id']}", headers=writer[1]))["world"]
    assert again["description"] == "Mountains"


def test_update_rejects_null_for_required_fields(client, writer):
    created = assert_ok(client.post("/api/worlds", json={"name": "E"}, headers=writer[1]), 201)
    body = assert_error(client.put(f"/api/worlds/{created['world']['world_id']}",
                                   json={"name": None}, headers=writer[1]), 400, "2001")
    assert body["data"]["fields"] == {"name": "must not be null"}


def test_lists_are_paginated_newest_first(backend, client, writer):
    for i in range(25):
        make_world(backend, writer[0], name=f"World {i:02d}")
    first = assert_ok(client.get("/api/worlds?page=1&page_size=10", headers=writer[1]))
    third = assert_ok(client.get("/api/worlds?page=3&page_size=10", headers=writer[1]))
    assert (first["total"], first["page"], first["page_size"]) == (25, 1, 10)
    assert [w["name"] for w in first["items"]][:2] == ["World 24", "World 23"]
    assert [w["name"] for w in third["items"]] == [f"World {i:02d}" for i in range(4, -1, -1)]
    assert "description" not in first["items"][0] and "excerpt" in first["items"][0]


@pytest.mark.parametrize("query", ["page=0", "page_size=0", "page_size=101", "page=abc",
                                   "scope=everything"])
def test_bad_list_parameters_answer_2001(client, query):
    assert_error(client.get(f"/api/worlds?{query}"), 400, "2001")


def test_search_ignores_case_and_diacritics(backend, client, writer):
    make_world(backend, writer[0], name="Đất Việt", visibility="public")
    make_world(backend, writer[0], name="Hà Nội cổ", visibility="public")
    make_world(backend, writer[0], name="Eldoria", visibility="public")
    for q, names in [("dat viet", ["Đất Việt"]), ("HA NOI", ["Hà Nội cổ"]), ("o", None)]:
        items = assert_ok(client.get("/api/worlds", query_string={"q": q}))["items"]
        if names is not None:
            assert [w["name"] for w in items] == names
        else:
            assert {w["name"] for w in items} == {"Hà Nội cổ", "Eldoria"}


def test_scopes_split_mine_shared_and_public(backend, client, writer):
    friend, friend_headers = make_user(backend, "user", "friend")
    mine = make_world(backend, writer[0], name="Mine")
    shared = make_world(backend, friend, name="Shared")
    backend.world_service.share_world(friend, shared["world_id"], "viewer",
                                      user_ids=[writer[0].user_id])
    public = make_world(backend, friend, name="Public", visibility="public")
    make_world(backend, friend, name="Hidden")

    def names(scope):
        items = assert_ok(client.get(f"/api/worlds?scope={scope}", headers=writer[1]))["items"]
        return sorted(w["name"] for w in items)

    assert names("mine") == ["Mine"]
    assert names("shared") == ["Shared"]
    assert names("public") == ["Public"]
    assert names("all") == ["Mine", "Public", "Shared"]
    assert {mine["world_id"], public["world_id"]} <= {
        w["world_id"] for w in assert_ok(client.get("/api/worlds", headers=writer[1]))["items"]}
    assert_error(client.get("/api/worlds?scope=mine"), 401, "1001")


def test_public_world_quota_of_the_role(backend, client, writer):
    for i in range(5):
        assert_ok(client.post("/api/worlds", headers=writer[1],
                              json={"name": f"P{i}", "visibility": "public"}), 201)
    assert_error(client.post("/api/worlds", headers=writer[1],
                             json={"name": "P5", "visibility": "public"}), 403, "0001")
    private = assert_ok(client.post("/api/worlds", headers=writer[1], json={"name": "Q"}), 201)
    assert_error(client.put(f"/api/worlds/{private['world']['world_id']}", headers=writer[1],
                            json={"visibility": "public"}), 403, "0001")
    me = assert_ok(client.get("/api/auth/me", headers=writer[1]))["user"]
    assert me["quotas"]["public_worlds"] == {"used": 5, "limit": 5}
    # premium has a higher limit, applied as soon as the role changes
    writer[0].role = "premium"
    store(backend, writer[0])
    assert_ok(client.post("/api/worlds", headers=writer[1],
                          json={"name": "P5", "visibility": "public"}), 201)


def test_share_by_username_and_unshare(backend, client, writer):
    friend, friend_headers = make_user(backend, "user", "friend")
    world = make_world(backend, writer[0])
    url = f"/api/worlds/{world['world_id']}"
    assert_error(client.get(url, headers=friend_headers), 404, "3001")
    shared = assert_ok(client.post(f"{url}/share", headers=writer[1],
                                   json={"usernames": ["FRIEND"], "role": "editor"}))["world"]
    assert shared["collaborators"] == [{"user_id": friend.user_id, "username": "friend",
                                        "role": "editor"}]
    seen = assert_ok(client.get(url, headers=friend_headers))["world"]
    assert seen["my_role"] == "editor"
    assert seen["permissions"] == {"edit": True, "manage": False, "delete": False}
    assert_ok(client.post(f"{url}/unshare", headers=writer[1], json={"user_ids": [friend.user_id]}))
    assert_error(client.get(url, headers=friend_headers), 404, "3001")


def test_share_errors(backend, client, writer):
    world = make_world(backend, writer[0])
    url = f"/api/worlds/{world['world_id']}/share"
    body = assert_error(client.post(url, headers=writer[1], json={"usernames": ["ghost"]}), 404,
                        "3001")
    assert body["data"] == {"missing": ["ghost"]}
    assert_error(client.post(url, headers=writer[1], json={"usernames": ["writer"]}), 400, "2001")
    assert_error(client.post(url, headers=writer[1], json={"role": "editor"}), 400, "2002")
    assert_error(client.post(url, headers=writer[1],
                             json={"usernames": ["writer"], "role": "owner"}), 400, "2001")


def test_deleting_a_world_deletes_its_stories(backend, client, writer):
    world = make_world(backend, writer[0])
    stories = [make_story(backend, writer[0], world["world_id"], title=f"S{i}") for i in range(3)]
    other = make_world(backend, writer[0], name="Other")
    kept = make_story(backend, writer[0], other["world_id"])
    assert_ok(client.delete(f"/api/worlds/{world['world_id']}", headers=writer[1]))
    for story in stories:
        assert_error(client.get(f"/api/stories/{story['story_id']}", headers=writer[1]), 404, "3001")
    assert backend.storage.get(World, world["world_id"]) is None
    assert [s.story_id for s in stored(backend, Story)] == [kept["story_id"]]


def test_lowering_a_world_lowers_its_stories(backend, client, writer):
    world = make_world(backend, writer[0], visibility="public")
    story = make_story(backend, writer[0], world["world_id"], visibility="public")
    assert_ok(client.put(f"/api/worlds/{world['world_id']}", headers=writer[1],
                         json={"visibility": "draft"}))
    assert assert_ok(client.get(f"/api/stories/{story['story_id']}",
                                headers=writer[1]))["story"]["visibility"] == "draft"
    assert_error(client.get(f"/api/stories/{story['story_id']}"), 404, "3001")


def test_a_calendar_in_the_older_shape_is_read_as_months(client, writer):
    body = {"name": "Old", "calendar": {"months_per_year": 13, "days_per_month": 28,
                                        "month_names": ["Một"], "eras": [
                                            {"name": "Kỷ Đầu", "start_year": 1}]}}
    world = assert_ok(client.post("/api/worlds", json=body, headers=writer[1]), 201)["world"]
    months = world["calendar"]["months"]
    assert len(months) == 13 and {m["days"] for m in months} == {28}
    assert months[0]["name"] == "Một" and world["calendar"]["leap"] is None
    assert world["calendar"]["eras"] == [{"name": "Kỷ Đầu", "start_year": 1}]


def test_a_partial_calendar_keeps_the_default_months_and_leap_rule(client, writer):
    world = assert_ok(client.post("/api/worlds", headers=writer[1], json={
        "name": "Eras", "calendar": {"eras": [{"name": "Now", "start_year": 1}]}}), 201)["world"]
    assert len(world["calendar"]["months"]) == 12
    assert world["calendar"]["leap"] == {"month": 2, "rule": "4,!100,400"}
    changed = assert_ok(client.put(f"/api/worlds/{world['world_id']}", headers=writer[1], json={
        "calendar": {"months": [{"name": "Long", "days": 400}]}}))["world"]
    assert changed["calendar"]["leap"] is None and changed["calendar"]["eras"] == []
