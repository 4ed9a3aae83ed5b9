"""Cached GET answers never outlive a write, and never cross between callers."""

from tests.api.helpers import assert_ok
from tests.builders import make_story, make_user, make_world, store


def test_a_write_is_visible_to_the_very_next_read(backend, client):
    owner, headers = make_user(backend, "user", "owner")
    world = make_world(backend, owner, visibility="public")
    story = make_story(backend, owner, world["world_id"], title="Before", visibility="public")
    url = f"/api/stories/{story['story_id']}"
    for _ in range(2):
        assert assert_ok(client.get(url))["story"]["title"] == "Before"
    assert_ok(client.put(url, headers=headers, json={"title": "After"}))
    assert assert_ok(client.get(url))["story"]["title"] == "After"
    listed = assert_ok(client.get("/api/stories?page=1"))["items"]
    assert [s["title"] for s in listed] == ["After"]


def test_callers_get_their_own_answers(backend, client):
    owner, owner_headers = make_user(backend, "user", "owner")
    _, other_headers = make_user(backend, "user", "other")
    world = make_world(backend, owner, visibility="public")
    url = f"/api/worlds/{world['world_id']}"
    assert assert_ok(client.get(url, headers=owner_headers))["world"]["my_role"] == "owner"
    assert assert_ok(client.get(url, headers=other_headers))["world"]["my_role"] is None
    assert assert_ok(client.get(url))["world"]["permissions"]["edit"] is False


def test_a_role_change_is_seen_at_once(backend, client):
    owner, _ = make_user(backend, "user", "owner")
    mod, mod_headers = make_user(backend, "user", "mod")
    world = make_world(backend, owner, visibility="public")
    url = f"/api/worlds/{world['world_id']}"
    assert assert_ok(client.get(url, headers=mod_headers))["world"]["permissions"]["delete"] is False
    mod.role = "moderator"
    store(backend, mod)
    assert assert_ok(client.get(url, headers=mod_headers))["world"]["permissions"]["delete"] is True
