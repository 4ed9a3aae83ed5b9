"""Story behaviour: defaults, order, reorder, the visibility ceiling, quotas, cascades."""

import pytest

from core.models import Event, Story
from core.clock import now_iso
from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_story, make_user, make_world
from tests.builders import store


@pytest.fixture
def writer(backend):
    return make_user(backend, "user", "writer")


@pytest.fixture
def world(backend, writer):
    return make_world(backend, writer[0], visibility="public")


def post_story(client, headers, world_id, **fields):
    return client.post("/api/stories", headers=headers,
                       json={"world_id": world_id, "title": "Chương một", **fields})


def test_new_story_defaults_and_word_count(client, writer, world):
    story = assert_ok(post_story(client, writer[1], world["world_id"],
                                 content="Ngày xưa, có một cô gái tên Tấm."), 201)["story"]
    assert story["visibility"] == "private"
    assert story["order"] == 1
    assert story["word_count"] == 8
    assert story["world_name"] == world["name"]
    assert story["entity_ids"] == [] and story["linked_story_ids"] == []
    assert story["permissions"] == {"edit": True, "delete": True}


def test_story_in_a_draft_world_defaults_to_draft(backend, client, writer):
    draft = make_world(backend, writer[0], visibility="draft")
    story = assert_ok(post_story(client, writer[1], draft["world_id"]), 201)["story"]
    assert story["visibility"] == "draft"


def test_story_cannot_be_more_visible_than_its_world(backend, client, writer):
    private = make_world(backend, writer[0], visibility="private")
    body = assert_error(post_story(client, writer[1], private["world_id"], visibility="public"),
                        400, "2001")
    assert "visibility" in body["data"]["fields"]
    story = make_story(backend, writer[0], private["world_id"])
    assert_error(client.put(f"/api/stories/{story['story_id']}", headers=writer[1],
                            json={"visibility": "public"}), 400, "2001")


def test_world_time_is_validated_and_gets_a_precision(client, writer, world):
    story = assert_ok(post_story(client, writer[1], world["world_id"], world_time={
        "year": -250, "month": 3, "day": 14, "era": "Trước Công Nguyên"}), 201)["story"]
    assert story["world_time"] == {"year": -250, "month": 3, "day": 14,
                                   "era": "Trước Công Nguyên", "precision": "exact"}
    body = assert_error(post_story(client, writer[1], world["world_id"],
                                   world_time={"year": 1, "month": 0}), 400, "2001")
    assert "world_time.month" in body["data"]["fields"]
    cleared = assert_ok(client.put(f"/api/stories/{story['story_id']}", headers=writer[1],
                                   json={"world_time": None}))["story"]
    assert cleared["world_time"] is None


def test_world_id_cannot_be_changed_by_update(backend, client, writer, world):
    story = make_story(backend, writer[0], world["world_id"])
    body = assert_error(client.put(f"/api/stories/{story['story_id']}", headers=writer[1],
                                   json={"world_id": "elsewhere"}), 400, "2001")
    assert body["data"]["fields"] == {"world_id": "unknown field"}


def test_story_in_unknown_world_is_3001(client, writer):
    assert_error(post_story(client, writer[1], "no-such-world"), 404, "3001")


def test_stories_keep_the_world_order_and_can_be_reordered(backend, client, writer, world):
    ids = [make_story(backend, writer[0], world["world_id"], title=f"Part {i}")["story_id"]
           for i in range(1, 4)]
    url = f"/api/worlds/{world['world_id']}/stories"
    listed = assert_ok(client.get(url, headers=writer[1]))["items"]
    assert [(s["title"], s["order"]) for s in listed] == [("Part 1", 1), ("Part 2", 2), ("Part 3", 3)]
    assert "content" not in listed[0] and "excerpt" in listed[0]
    new_order = [ids[2], ids[0], ids[1]]
    assert_ok(client.post(f"{url}/reorder", headers=writer[1], json={"story_ids": new_order}))
    listed = assert_ok(client.get(url, headers=writer[1]))["items"]
    assert [s["story_id"] for s in listed] == new_order
    assert [s["story_id"] for s in assert_ok(client.get(
        f"/api/stories?world_id={world['world_id']}", headers=writer[1]))["items"]] == new_order
    body = assert_error(client.post(f"{url}/reorder", headers=writer[1],
                                    json={"story_ids": ids[:2]}), 400, "2001")
    assert "story_ids" in body["data"]["fields"]


def test_global_list_is_newest_change_first_and_mine_filters(backend, client, writer, world):
    other, other_headers = make_user(backend, "user", "other")
    other_world = make_world(backend, other, visibility="public")
    first = make_story(backend, writer[0], world["world_id"], title="Old", visibility="public")
    make_story(backend, other, other_world["world_id"], title="Theirs", visibility="public")
    assert_ok(client.put(f"/api/stories/{first['story_id']}", headers=writer[1],
                         json={"content": "edited"}))
    titles = [s["title"] for s in assert_ok(client.get("/api/stories"))["items"]]
    assert titles == ["Old", "Theirs"]
    mine = assert_ok(client.get("/api/stories?scope=mine", headers=writer[1]))["items"]
    assert [s["title"] for s in mine] == ["Old"]
    assert_error(client.get("/api/stories?scope=mine"), 401, "1001")


def test_public_story_quota(backend, client, writer, world):
    writer[0].role = "guest"
    store(backend, writer[0])
    assert_error(post_story(client, writer[1], world["world_id"]), 403, "1004")
    writer[0].role = "user"
    store(backend, writer[0])
    for i in range(50):
        make_story(backend, writer[0], world["world_id"], title=f"S{i}", visibility="public")
    assert_error(post_story(client, writer[1], world["world_id"], visibility="public"), 403, "0001")
    assert_ok(post_story(client, writer[1], world["world_id"], visibility="private"), 201)


def test_deleting_a_story_removes_links_and_event_references(backend, client, writer, world):
    doomed = make_story(backend, writer[0], world["world_id"], title="Doomed")
    linking = backend.storage.get(Story, make_story(backend, writer[0], world["world_id"])["story_id"])
    linking.linked_story_ids = [doomed["story_id"]]
    event = Event(event_id="e1", world_id=world["world_id"], title="Battle", created_at=now_iso(),
                  updated_at=now_iso(), story_id=doomed["story_id"])
    store(backend, linking, event)
    assert_ok(client.delete(f"/api/stories/{doomed['story_id']}", headers=writer[1]))
    assert backend.storage.get(Story, linking.story_id).linked_story_ids == []
    assert backend.storage.get(Event, "e1").story_id is None
    assert_error(client.get(f"/api/stories/{doomed['story_id']}", headers=writer[1]), 404, "3001")
