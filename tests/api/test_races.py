"""Races found by attacking a running server: two requests at once never undo each other.

Each test starts the requests together from threads, many rounds, and checks what a user
would see afterwards. The interpreter switches threads every microsecond meanwhile, so the
requests interleave as they do on a busy server; before transactions each of these tests
failed (a ban undone in 3 of 6 rounds, a lost field in 7 of 40, a revoked editor back in 3 of
60, orphans in every round).
"""

from __future__ import annotations

import sys
import threading

import pytest

from core.models import Entity, World
from tests.api.helpers import assert_ok
from tests.builders import PASSWORD, count, make_story, make_user, make_world, share, stored
from tests.conftest import build_backend


@pytest.fixture(autouse=True)
def interleaved_threads():
    """Let threads interleave at almost every bytecode, as on a loaded server."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def together(*calls) -> list:
    """Run the calls at the same moment from threads; their responses, in order."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        barrier.wait(10)
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


@pytest.fixture
def slow_hashing_backend(tmp_path, backend_kind):
    """A backend with argon2 at its production cost: a password change takes ~0.1 s."""
    instance = build_backend(tmp_path, backend_kind, password_time_cost=3,
                             password_memory_kib=65536)
    yield instance
    instance.close()


def test_a_ban_or_demotion_made_during_a_password_change_stays(slow_hashing_backend):
    backend = slow_hashing_backend
    client = backend.app.test_client()
    _, admin = make_user(backend, "admin", "boss")
    for round_no in range(6):
        victim, headers = make_user(backend, "premium", f"victim{round_no}")
        change, ban = together(
            lambda: client.post("/api/auth/change-password", headers=headers, json={
                "old_password": PASSWORD, "new_password": "another long password"}),
            lambda: client.post(f"/api/admin/users/{victim.user_id}/ban", headers=admin,
                                json={"banned": True, "reason": "spam"}))
        assert ban.status_code == 200
        now = assert_ok(client.get(f"/api/admin/users/{victim.user_id}", headers=admin))["user"]
        assert now["banned"], f"round {round_no}: the password change undid the ban"
        demoted, headers = make_user(backend, "premium", f"demoted{round_no}")
        together(
            lambda: client.post("/api/auth/change-password", headers=headers, json={
                "old_password": PASSWORD, "new_password": "another long password"}),
            lambda: client.put(f"/api/admin/users/{demoted.user_id}/role", headers=admin,
                               json={"role": "user"}))
        now = assert_ok(client.get(f"/api/admin/users/{demoted.user_id}", headers=admin))["user"]
        assert now["role"] == "user", f"round {round_no}: the password change undid the demotion"


def test_a_story_made_public_while_its_world_becomes_a_draft_never_stays_public(backend,
                                                                                 client):
    owner, headers = make_user(backend, "premium", "owner")
    for round_no in range(40):
        world = make_world(backend, owner, visibility="public")
        story = make_story(backend, owner, world["world_id"], visibility="private")
        together(
            lambda: client.put(f"/api/worlds/{world['world_id']}", headers=headers,
                               json={"visibility": "draft"}),
            lambda: client.put(f"/api/stories/{story['story_id']}", headers=headers,
                               json={"visibility": "public"}))
        assert client.get(f"/api/stories/{story['story_id']}").status_code == 404, \
            f"round {round_no}: a public story in a draft world is served to anonymous readers"


def test_parallel_changes_of_different_fields_of_one_story_both_stay(backend, client):
    owner, headers = make_user(backend, "user", "owner")
    world = make_world(backend, owner)
    story = make_story(backend, owner, world["world_id"])
    url = f"/api/stories/{story['story_id']}"
    for round_no in range(40):
        title, summary = together(
            lambda: client.put(url, headers=headers, json={"title": f"Title {round_no}"}),
            lambda: client.put(url, headers=headers, json={"summary": f"Summary {round_no}"}))
        assert title.status_code == summary.status_code == 200
        now = assert_ok(client.get(url, headers=headers))["story"]
        assert (now["title"], now["summary"]) == (f"Title {round_no}", f"Summary {round_no}")


def test_an_editors_change_made_during_an_unshare_does_not_restore_the_editor(backend, client):
    owner, owner_headers = make_user(backend, "user", "owner")
    for round_no in range(60):
        editor, editor_headers = make_user(backend, "user", f"editor{round_no}")
        world = make_world(backend, owner)
        share(backend, owner, world["world_id"], editor, "editor")
        url = f"/api/worlds/{world['world_id']}"
        together(
            lambda: client.post(f"{url}/unshare", headers=owner_headers,
                                json={"user_ids": [editor.user_id]}),
            lambda: client.put(url, headers=editor_headers, json={"description": "mine"}))
        assert client.get(url, headers=editor_headers).status_code == 404, \
            f"round {round_no}: the revoked editor kept access"


def test_entities_created_while_their_world_is_deleted_leave_no_orphans(backend, client):
    owner, headers = make_user(backend, "user", "owner")
    for round_no in range(10):
        world = make_world(backend, owner)
        url = f"/api/worlds/{world['world_id']}"
        together(lambda: client.delete(url, headers=headers),
                 *(lambda n=n: client.post(f"{url}/entities", headers=headers,
                                           json={"name": f"Hero {round_no}-{n}"})
                   for n in range(5)))
    worlds = {w.world_id for w in stored(backend, World)}
    orphans = [e.name for e in stored(backend, Entity) if e.world_id not in worlds]
    assert not orphans and count(backend, World) == 0


def test_stories_written_at_once_into_one_world_all_land_in_distinct_order(backend, client):
    owner, headers = make_user(backend, "premium", "owner")
    world = make_world(backend, owner)
    answers = together(*(lambda n=n: client.post("/api/stories", headers=headers, json={
        "world_id": world["world_id"], "title": f"Chapter {n}"}) for n in range(16)))
    assert [a.status_code for a in answers] == [201] * 16
    listed = assert_ok(client.get(f"/api/worlds/{world['world_id']}/stories?page_size=100",
                                  headers=headers))["items"]
    assert sorted(s["order"] for s in listed) == list(range(1, 17))
