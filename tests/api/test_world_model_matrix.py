"""The authorization matrix of the world-model routes: entities, locations, story links, admin."""

import pytest

from tests.api.test_worlds_matrix import (BANNED, CALLERS, DENIED, MATRIX, NO_TOKEN, OK, check,
                                          expected, read_outcome)
from tests.conftest import MATRIX_BACKENDS

backend_kinds = MATRIX_BACKENDS

CREATED = (201, "0000")
EDITORS = ("owner", "editor", "admin")
DELETERS = ("owner", "editor", "moderator", "admin")
KINDS = {"entities": ("entity", {"name": "Nguyễn Trãi"}),
         "locations": ("location", {"name": "Côn Sơn"})}


def _item(actors, kind, world):
    return actors.entity(world) if kind == "entities" else actors.location(world)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_list(actors, client, kind, caller, visibility):
    world = actors.world(visibility)
    _item(actors, kind, world)
    check(client.get(f"/api/worlds/{world['world_id']}/{kind}", headers=actors.headers[caller]),
          read_outcome(caller, visibility))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_get(actors, client, kind, caller, visibility):
    world = actors.world(visibility)
    item = _item(actors, kind, world)
    item_id = item[f"{KINDS[kind][0]}_id"]
    check(client.get(f"/api/worlds/{world['world_id']}/{kind}/{item_id}",
                     headers=actors.headers[caller]), read_outcome(caller, visibility))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_create(actors, client, kind, caller, visibility):
    world = actors.world(visibility)
    check(client.post(f"/api/worlds/{world['world_id']}/{kind}", json=KINDS[kind][1],
                      headers=actors.headers[caller]),
          expected(caller, visibility, EDITORS, CREATED))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_update(actors, client, kind, caller, visibility):
    world = actors.world(visibility)
    item_id = _item(actors, kind, world)[f"{KINDS[kind][0]}_id"]
    check(client.put(f"/api/worlds/{world['world_id']}/{kind}/{item_id}",
                     json={"description": "changed"}, headers=actors.headers[caller]),
          expected(caller, visibility, EDITORS))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_delete(actors, client, kind, caller, visibility):
    world = actors.world(visibility)
    item_id = _item(actors, kind, world)[f"{KINDS[kind][0]}_id"]
    check(client.delete(f"/api/worlds/{world['world_id']}/{kind}/{item_id}",
                        headers=actors.headers[caller]),
          expected(caller, visibility, DELETERS))


@pytest.mark.parametrize("route", ["link-entities", "clear-links"])
@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_story_links(actors, client, route, caller, visibility):
    world = actors.world(visibility)
    story = actors.story(world, visibility=visibility)
    body = {"names": ["Lê Lợi"]} if route == "link-entities" else None
    actors.entity(world)
    check(client.post(f"/api/stories/{story['story_id']}/{route}", json=body,
                      headers=actors.headers[caller]), expected(caller, visibility, EDITORS))


ADMIN_ONLY = ("admin",)
STAFF = ("moderator", "admin")


def _admin_outcome(caller, allowed):
    if caller == "anonymous":
        return NO_TOKEN
    if caller == "banned":
        return BANNED
    return OK if caller in allowed else DENIED


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("method, path, body, allowed", [
    ("get", "/api/admin/users", None, STAFF),
    ("get", "/api/admin/users/{other}", None, STAFF),
    ("put", "/api/admin/users/{other}/role", {"role": "premium"}, ADMIN_ONLY),
    ("post", "/api/admin/users/{other}/ban", {"banned": True, "reason": "spam"}, STAFF),
    ("get", "/api/admin/roles", None, ADMIN_ONLY),
    ("get", "/api/admin/stats", None, ADMIN_ONLY),
])
def test_admin_routes(actors, client, caller, method, path, body, allowed):
    url = path.format(other=actors.users["other"].user_id)
    response = getattr(client, method)(url, json=body, headers=actors.headers[caller])
    check(response, _admin_outcome(caller, allowed))


@pytest.mark.parametrize("caller", CALLERS)
def test_stats_answer_everyone_but_banned(actors, client, caller):
    check(client.get("/api/stats", headers=actors.headers[caller]),
          BANNED if caller == "banned" else OK)


@pytest.mark.parametrize("caller, visibility", MATRIX)
def test_export(actors, client, caller, visibility):
    world = actors.world(visibility)
    response = client.get(f"/api/worlds/{world['world_id']}/export?format=json",
                          headers=actors.headers[caller])
    outcome = read_outcome(caller, visibility)
    if outcome == OK:
        assert response.status_code == 200
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert response.get_json()["world"]["name"] == world["name"]
    else:
        check(response, outcome)


@pytest.mark.parametrize("caller", CALLERS)
def test_import(actors, client, caller):
    bundle = {"format": "storyloom.world", "version": 1,
              "world": {"name": "Imported", "world_type": "fantasy"},
              "stories": [], "entities": [], "locations": [], "events": []}
    response = client.post("/api/worlds/import", json=bundle, headers=actors.headers[caller])
    if caller == "anonymous":
        check(response, NO_TOKEN)
    elif caller == "banned":
        check(response, BANNED)
    elif caller == "guest":
        check(response, DENIED)
    else:
        check(response, CREATED)
        assert response.get_json()["data"]["world"]["owner_id"] == actors.users[caller].user_id
