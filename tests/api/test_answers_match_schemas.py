"""Every route's real answer matches the Out schema the spec documents for it.

A user's whole tour of the API, through the checking client (tests/support/checked_client.py):
each successful answer is validated strictly against its route's Out model; at the end every
route that documents one must have been validated.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.api.helpers import assert_ok
from tests.builders import make_user
from tests.conftest import build_backend
from tests.support import checked_client
from tests.support.fake_openai import FakeOpenAI, answer, hang

INTERNAL_KEY = "internal-key-for-the-schema-tour-0123"


@pytest.fixture
def backend(tmp_path, backend_kind):
    """The backend with an AI provider (the fake) and internal routes switched on."""
    fake = FakeOpenAI()
    fake.script("world_description", answer({"description": "Sông núi."}))
    fake.script("analyze_world", hang(2))
    fake.script("rewrite", answer({"suggestions": ["a", "b", "c"]}))
    fake.script("analyze_story", answer({"characters": [], "locations": []}))
    fake.script("extract_events", answer({"events": []}))
    fake.script("consistency_check", answer({"issues": []}))
    instance = build_backend(tmp_path, backend_kind, openai_base_url=fake.url,
                             internal_api_key=INTERNAL_KEY)
    yield instance
    instance.close()
    fake.stop()


def test_every_documented_answer_matches_its_schema(backend, client):
    checked_client.CHECKED.clear()
    _, admin = make_user(backend, "admin", "root")
    moderator, _ = make_user(backend, "moderator", "mod")
    session = assert_ok(client.post("/api/auth/register", json={
        "username": "linh", "email": "linh@example.com", "password": "a long password"}), 201)
    me = {"Authorization": f"Bearer {session['token']}"}
    assert_ok(client.post("/api/auth/login", json={"username": "linh",
                                                   "password": "a long password"}))
    assert_ok(client.get("/api/auth/me", headers=me))
    assert_ok(client.get("/api/auth/verify", headers=me))
    assert_ok(client.get("/api/health"))
    assert_ok(client.get("/api/stats", headers=me))

    world = assert_ok(client.post("/api/worlds", headers=me, json={"name": "Đại Việt"}),
                      201)["world"]
    url = f"/api/worlds/{world['world_id']}"
    assert_ok(client.get("/api/worlds", headers=me))
    assert_ok(client.get(url, headers=me))
    assert_ok(client.put(url, headers=me, json={"description": "Sông núi", "version": 1}))
    assert_ok(client.post(f"{url}/share", headers=me, json={"usernames": ["mod"]}))
    assert_ok(client.post(f"{url}/unshare", headers=me, json={"user_ids": [moderator.user_id]}))

    story = assert_ok(client.post("/api/stories", headers=me, json={
        "world_id": world["world_id"], "title": "Dời đô", "content": "Năm 1010."}), 201)["story"]
    story_url = f"/api/stories/{story['story_id']}"
    assert_ok(client.get("/api/stories", headers=me))
    assert_ok(client.get(story_url, headers=me))
    assert_ok(client.put(story_url, headers=me, json={"summary": "Vua dời đô"}))
    assert_ok(client.get(f"{url}/stories", headers=me))
    assert_ok(client.post(f"{url}/stories/reorder", headers=me,
                          json={"story_ids": [story["story_id"]]}))

    entity = assert_ok(client.post(f"{url}/entities", headers=me, json={"name": "Lý Công Uẩn"}),
                       201)["entity"]
    place = assert_ok(client.post(f"{url}/locations", headers=me, json={"name": "Thăng Long"}),
                      201)["location"]
    for kind, item in (("entities", entity["entity_id"]), ("locations", place["location_id"])):
        assert_ok(client.get(f"{url}/{kind}", headers=me))
        assert_ok(client.get(f"{url}/{kind}/{item}", headers=me))
        assert_ok(client.put(f"{url}/{kind}/{item}", headers=me, json={"description": "x"}))
    assert_ok(client.post(f"{story_url}/link-entities", headers=me,
                          json={"names": ["Thăng Long", "Ỷ Lan"], "create_missing": True}))
    assert_ok(client.post(f"{story_url}/clear-links", headers=me))

    events = f"{url}/events"
    first = assert_ok(client.post(events, headers=me, json={
        "title": "Dời đô", "year": 1010, "month": 7, "entity_ids": [entity["entity_id"]],
        "story_id": story["story_id"]}), 201)["event"]
    second = assert_ok(client.post(events, headers=me, json={
        "title": "Sau đó", "relative_to": {"event_id": first["event_id"], "years": 1}}),
        201)["event"]
    event_url = f"/api/events/{second['event_id']}"
    assert_ok(client.get(event_url, headers=me))
    assert_ok(client.put(event_url, headers=me, json={"description": "Một năm sau"}))
    assert_ok(client.post(f"{event_url}/connections", headers=me, json={
        "target_event_id": first["event_id"], "relation_type": "temporal"}), 201)
    assert_ok(client.get(events, headers=me))
    assert_ok(client.get(f"{url}/graph", headers=me))
    assert_ok(client.post(f"{url}/auto-link-stories", headers=me))
    assert_ok(client.get("/api/search?q=dai%20viet", headers=me))
    assert_ok(client.get("/api/search?q=song&kinds=world,story"))
    exported = client.get(f"{url}/export?format=json", headers=me)
    assert_ok(client.post("/api/worlds/import", headers=me, json=json.loads(exported.data)), 201)

    task = assert_ok(client.post("/api/gpt/generate-description", headers=me, json={
        "type": "world", "world_name": "Đại Việt"}), 202)
    for _ in range(500):
        polled = assert_ok(client.get(task["poll_url"], headers=me))
        if polled["status"] == "completed":
            break
        time.sleep(0.01)
    assert polled["status"] == "completed", polled
    assert_ok(client.get("/api/gpt/tasks", headers=me))
    running = assert_ok(client.post("/api/gpt/analyze", headers=me, json={
        "world_description": "Thăng Long"}), 202)
    assert_ok(client.delete(f"/api/gpt/tasks/{running['task_id']}", headers=me))
    assert_ok(client.post(f"{story_url}/events/extract", headers=me), 202)
    assert_ok(client.post("/api/gpt/batch-analyze-stories", headers=me, json={
        "world_id": world["world_id"], "story_ids": [story["story_id"]]}), 202)
    assert_ok(client.post("/api/gpt/consistency-check", headers=me,
                          json={"story_id": story["story_id"]}), 202)
    assert_ok(client.post(f"{url}/events/extract?force=true", headers=me), 202)
    internal = {"X-API-Key": INTERNAL_KEY}
    assert_ok(client.post("/api/gpt/rewrite", headers=me, json={"text": "Gió."}), 202)
    for path, body in (("analyze", {"text": "Gió."}), ("rewrite", {"text": "Gió."}),
                       ("generate-description", {"name": "Nam"})):
        started = assert_ok(client.post(f"/internal/ai/v1/{path}", headers=internal,
                                        json=body), 202)
    assert_ok(client.get(started["poll_url"], headers=internal))
    templates = assert_ok(client.get("/api/admin/prompt-templates", headers=admin))["items"]
    assert_ok(client.get("/api/admin/prompt-templates/analyze_world", headers=admin))
    assert_ok(client.put("/api/admin/prompt-templates/analyze_world", headers=admin,
                         json={"active": True}))
    assert_ok(client.get("/api/v1/internal/prompt-templates/active", headers=internal))
    assert_ok(client.get("/api/v1/internal/prompt-templates/by-name/analyze_world",
                         headers=internal))
    assert_ok(client.get(f"/api/v1/internal/prompt-templates/{templates[0]['template_id']}",
                         headers=internal))

    assert_ok(client.get("/api/admin/users", headers=admin))
    assert_ok(client.get(f"/api/admin/users/{moderator.user_id}", headers=admin))
    assert_ok(client.put(f"/api/admin/users/{moderator.user_id}/role", headers=admin,
                         json={"role": "premium"}))
    assert_ok(client.post(f"/api/admin/users/{moderator.user_id}/ban", headers=admin,
                          json={"banned": True, "reason": "test"}))
    assert_ok(client.get("/api/admin/roles", headers=admin))
    assert_ok(client.get("/api/admin/stats", headers=admin))

    assert_ok(client.delete(event_url, headers=me))
    assert_ok(client.delete(f"{url}/entities/{entity['entity_id']}", headers=me))
    assert_ok(client.delete(f"{url}/locations/{place['location_id']}", headers=me))
    assert_ok(client.delete(story_url, headers=me))
    assert_ok(client.delete(url, headers=me))
    token = assert_ok(client.post("/api/auth/change-password", headers=me, json={
        "old_password": "a long password", "new_password": "another long one"}))["token"]
    assert_ok(client.post("/api/auth/logout", headers={"Authorization": f"Bearer {token}"}))

    documented = {name for name, (out, _) in
                  backend.app.extensions["storyloom_responses"].items() if out is not None}
    assert documented - checked_client.CHECKED == set()
