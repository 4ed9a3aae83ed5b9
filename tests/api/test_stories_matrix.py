"""The authorization matrix of the story routes: every caller × every visibility."""

import pytest

from tests.api.test_worlds_matrix import (BANNED, CALLERS, HIDDEN, MATRIX, NO_TOKEN, can_see,
                                          check, expected, read_outcome)
from tests.api.helpers import assert_ok
from tests.conftest import MATRIX_BACKENDS

backend_kinds = MATRIX_BACKENDS


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_get_story(actors, client, caller, visibility):
    story = actors.story(actors.world(visibility), visibility=visibility)
    response = client.get(f"/api/stories/{story['story_id']}", headers=actors.headers[caller])
    check(response, read_outcome(caller, visibility))


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_story_lists_show_only_visible_stories(actors, client, caller, visibility):
    world = actors.world(visibility)
    story = actors.story(world, visibility=visibility)
    if caller == "banned":
        return check(client.get("/api/stories", headers=actors.headers[caller]), BANNED)
    everywhere = assert_ok(client.get("/api/stories", headers=actors.headers[caller]))["items"]
    assert (story["story_id"] in [s["story_id"] for s in everywhere]) == can_see(caller, visibility)
    in_world = client.get(f"/api/worlds/{world['world_id']}/stories", headers=actors.headers[caller])
    if can_see(caller, visibility):
        assert [s["story_id"] for s in assert_ok(in_world)["items"]] == [story["story_id"]]
    else:
        check(in_world, HIDDEN)


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_update_story(actors, client, caller, visibility):
    story = actors.story(actors.world(visibility), visibility=visibility)
    response = client.put(f"/api/stories/{story['story_id']}", json={"title": "New title"},
                          headers=actors.headers[caller])
    check(response, expected(caller, visibility, ("owner", "editor", "admin")))


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_delete_story(actors, client, caller, visibility):
    story = actors.story(actors.world(visibility), visibility=visibility)
    response = client.delete(f"/api/stories/{story['story_id']}", headers=actors.headers[caller])
    check(response, expected(caller, visibility, ("owner", "moderator", "admin")))


@pytest.mark.parametrize("caller", CALLERS)
def test_private_story_in_public_world_is_hidden_from_outsiders(actors, client, caller):
    story = actors.story(actors.world("public"), visibility="private")
    response = client.get(f"/api/stories/{story['story_id']}", headers=actors.headers[caller])
    check(response, read_outcome(caller, "private"))


def test_editor_may_delete_their_own_story_but_not_the_owners(actors, client):
    world = actors.world("private")
    owners = actors.story(world)
    editors = assert_ok(client.post("/api/stories", headers=actors.headers["editor"], json={
        "world_id": world["world_id"], "title": "Editor's tale"}), 201)["story"]
    check(client.delete(f"/api/stories/{owners['story_id']}", headers=actors.headers["editor"]),
          (403, "1004"))
    assert_ok(client.delete(f"/api/stories/{editors['story_id']}", headers=actors.headers["editor"]))


def test_anonymous_writes_need_a_token(actors, client):
    story = actors.story(actors.world("public"), visibility="public")
    check(client.put(f"/api/stories/{story['story_id']}", json={"title": "x"}), NO_TOKEN)
