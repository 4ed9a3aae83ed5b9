"""The authorization matrix of the world routes: every caller × every visibility."""

import pytest

from tests.api.helpers import assert_error, assert_ok
from tests.conftest import MATRIX_BACKENDS

backend_kinds = MATRIX_BACKENDS

CALLERS = ("anonymous", "other", "viewer", "editor", "owner", "moderator", "admin", "guest",
           "banned")
VISIBILITIES = ("draft", "private", "public")
OK, HIDDEN, DENIED, NO_TOKEN = (200, "0000"), (404, "3001"), (403, "1004"), (401, "1001")
BANNED = (403, "1005")


def can_see(caller, visibility):
    if caller in ("owner", "editor", "moderator", "admin"):
        return True
    if caller == "viewer":
        return visibility != "draft"
    return visibility == "public"


def read_outcome(caller, visibility):
    """What a read answers: 1005 banned, the resource if seen, 3001 otherwise."""
    if caller == "banned":
        return BANNED
    return OK if can_see(caller, visibility) else HIDDEN


def expected(caller, visibility, allowed_callers, success=OK):
    """What a write answers: 1001 anonymous, 1005 banned, 3001 unseen, 1004 seen but denied."""
    if caller == "banned":
        return BANNED
    if caller == "anonymous":
        return NO_TOKEN
    if not can_see(caller, visibility):
        return HIDDEN
    return success if caller in allowed_callers else DENIED


def check(response, outcome):
    status, code = outcome
    body = response.get_json()
    assert (response.status_code, body["errorCode"]) == (status, code), body


MATRIX = [(c, v) for c in CALLERS for v in VISIBILITIES]


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_get_world(actors, client, caller, visibility):
    world = actors.world(visibility)
    response = client.get(f"/api/worlds/{world['world_id']}", headers=actors.headers[caller])
    check(response, read_outcome(caller, visibility))


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_world_appears_in_lists_only_for_callers_who_may_see_it(actors, client, caller, visibility):
    world = actors.world(visibility)
    response = client.get("/api/worlds", headers=actors.headers[caller])
    if caller == "banned":
        return check(response, BANNED)
    items = assert_ok(response)["items"]
    assert (world["world_id"] in [w["world_id"] for w in items]) == can_see(caller, visibility)


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_rename_world(actors, client, caller, visibility):
    world = actors.world(visibility)
    response = client.put(f"/api/worlds/{world['world_id']}", json={"name": "Renamed"},
                          headers=actors.headers[caller])
    check(response, expected(caller, visibility, ("owner", "editor", "admin")))


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_change_world_visibility(actors, client, caller, visibility):
    world = actors.world(visibility)
    target = "private" if visibility != "private" else "draft"
    response = client.put(f"/api/worlds/{world['world_id']}", json={"visibility": target},
                          headers=actors.headers[caller])
    check(response, expected(caller, visibility, ("owner", "admin")))


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_delete_world(actors, client, caller, visibility):
    world = actors.world(visibility)
    response = client.delete(f"/api/worlds/{world['world_id']}", headers=actors.headers[caller])
    check(response, expected(caller, visibility, ("owner", "moderator", "admin")))


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_share_world(actors, client, caller, visibility):
    world = actors.world(visibility)
    response = client.post(f"/api/worlds/{world['world_id']}/share", headers=actors.headers[caller],
                           json={"usernames": ["other_actor"], "role": "viewer"})
    check(response, expected(caller, visibility, ("owner", "admin")))


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_create_story_in_world(actors, client, caller, visibility):
    world = actors.world(visibility)
    response = client.post("/api/stories", headers=actors.headers[caller],
                           json={"world_id": world["world_id"], "title": "A tale"})
    check(response, expected(caller, visibility, ("owner", "editor", "admin"), (201, "0000")))


def test_guests_read_only(actors, client):
    response = client.post("/api/worlds", json={"name": "Mine"}, headers=actors.headers["guest"])
    assert_error(response, 403, "1004")
