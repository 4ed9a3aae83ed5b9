"""Admin and moderation: users, roles and their quotas, bans, the catalogue, true totals."""

import pytest

from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_story, make_user, make_world
from tests.builders import make_entity


@pytest.fixture
def staff(backend):
    return {"admin": make_user(backend, "admin", "root"),
            "moderator": make_user(backend, "moderator", "mod"),
            "writer": make_user(backend, "user", "writer")}


def test_users_are_searchable_and_filtered_by_role(backend, client, staff):
    for i in range(3):
        make_user(backend, "premium", f"gold{i}")
    admin_headers = staff["admin"][1]
    found = assert_ok(client.get("/api/admin/users?q=GOLD&page_size=2", headers=admin_headers))
    assert found["total"] == 3 and len(found["items"]) == 2
    premium = assert_ok(client.get("/api/admin/users?role=premium", headers=admin_headers))
    assert {u["username"] for u in premium["items"]} == {"gold0", "gold1", "gold2"}
    by_email = assert_ok(client.get("/api/admin/users?q=writer@example", headers=admin_headers))
    assert [u["username"] for u in by_email["items"]] == ["writer"]
    assert "password_hash" not in str(found)


def test_role_change_applies_its_quotas_at_once(client, staff):
    writer, writer_headers = staff["writer"]
    before = assert_ok(client.get("/api/auth/me", headers=writer_headers))["user"]["quotas"]
    assert before["public_worlds"]["limit"] == 5
    assert_ok(client.put(f"/api/admin/users/{writer.user_id}/role", headers=staff["admin"][1],
                         json={"role": "premium"}))
    after = assert_ok(client.get("/api/auth/me", headers=writer_headers))["user"]
    assert after["role"] == "premium" and after["quotas"]["public_worlds"]["limit"] == 50
    assert_ok(client.put(f"/api/admin/users/{writer.user_id}/role", headers=staff["admin"][1],
                         json={"role": "guest"}))
    assert_error(client.post("/api/worlds", headers=writer_headers, json={"name": "W"}), 403, "1004")


def test_admins_cannot_demote_or_ban_themselves(client, staff):
    admin, headers = staff["admin"]
    assert_error(client.put(f"/api/admin/users/{admin.user_id}/role", headers=headers,
                            json={"role": "user"}), 403, "1004")
    assert_error(client.post(f"/api/admin/users/{admin.user_id}/ban", headers=headers,
                             json={"banned": True}), 403, "1004")
    assert_error(client.put(f"/api/admin/users/{admin.user_id}/role", headers=headers,
                            json={"role": "emperor"}), 400, "2001")


def test_ban_works_on_the_next_request_and_unban_restores(client, staff):
    writer, writer_headers = staff["writer"]
    assert_ok(client.get("/api/auth/me", headers=writer_headers))
    banned = assert_ok(client.post(f"/api/admin/users/{writer.user_id}/ban",
                                   headers=staff["moderator"][1],
                                   json={"banned": True, "reason": "spam"}))["user"]
    assert banned["banned"] is True and banned["ban_reason"] == "spam"
    assert_error(client.get("/api/auth/me", headers=writer_headers), 403, "1005")
    assert_error(client.get("/api/worlds", headers=writer_headers), 403, "1005")
    assert_ok(client.post(f"/api/admin/users/{writer.user_id}/ban", headers=staff["admin"][1],
                          json={"banned": False}))
    assert_ok(client.get("/api/auth/me", headers=writer_headers))


def test_moderators_cannot_ban_admins_or_change_roles(client, staff):
    admin, _ = staff["admin"]
    mod_headers = staff["moderator"][1]
    assert_error(client.post(f"/api/admin/users/{admin.user_id}/ban", headers=mod_headers,
                             json={"banned": True}), 403, "1004")
    assert_error(client.put(f"/api/admin/users/{staff['writer'][0].user_id}/role",
                            headers=mod_headers, json={"role": "admin"}), 403, "1004")


def test_unknown_user_is_3001(client, staff):
    assert_error(client.get("/api/admin/users/nobody", headers=staff["admin"][1]), 404, "3001")


def test_roles_catalogue(client, staff):
    roles = {r["role"]: r for r in assert_ok(client.get("/api/admin/roles",
                                                        headers=staff["admin"][1]))["roles"]}
    assert list(roles) == ["admin", "moderator", "premium", "user", "guest"]
    assert roles["guest"]["permissions"] == ["read"]
    assert roles["user"]["quotas"] == {"public_worlds": 5, "public_stories": 50,
                                       "ai_requests_per_day": 50}
    assert "ban_users" in roles["moderator"]["permissions"]


def test_admin_stats_count_everything_and_public_stats_only_what_is_visible(backend, client, staff):
    writer, writer_headers = staff["writer"]
    public = make_world(backend, writer, name="Open", visibility="public")
    hidden = make_world(backend, writer, name="Hidden", visibility="private")
    make_story(backend, writer, public["world_id"], visibility="public")
    make_story(backend, writer, public["world_id"], visibility="private")
    make_story(backend, writer, hidden["world_id"])
    make_entity(backend, writer, hidden["world_id"], name="Secret")
    make_entity(backend, writer, public["world_id"], name="Known")
    totals = assert_ok(client.get("/api/admin/stats", headers=staff["admin"][1]))
    assert totals["worlds"] == {"total": 2, "by_visibility": {"draft": 0, "private": 1, "public": 1}}
    assert totals["stories"]["total"] == 3 and totals["entities"] == 2
    assert totals["users"]["total"] == 3 and totals["users"]["by_role"]["moderator"] == 1
    anonymous = assert_ok(client.get("/api/stats"))
    assert anonymous == {"worlds": 1, "stories": 1, "entities": 1, "locations": 0, "events": 0}
    owner_view = assert_ok(client.get("/api/stats", headers=writer_headers))
    assert owner_view == {"worlds": 2, "stories": 3, "entities": 2, "locations": 0, "events": 0}


def test_moderators_see_and_delete_any_content_but_do_not_edit(backend, client, staff):
    writer, _ = staff["writer"]
    world = make_world(backend, writer, visibility="draft")
    mod_headers = staff["moderator"][1]
    assert_ok(client.get(f"/api/worlds/{world['world_id']}", headers=mod_headers))
    assert_error(client.put(f"/api/worlds/{world['world_id']}", headers=mod_headers,
                            json={"name": "Mine now"}), 403, "1004")
    assert_ok(client.delete(f"/api/worlds/{world['world_id']}", headers=mod_headers))
