"""Prompt templates: installed once, edited by admins with versions the next task uses, the
built-in one when a stored one is broken, and the internal routes behind X-API-Key."""

from __future__ import annotations

import logging
import time

import pytest

from ai.templates import BUILT_IN
from storage import DuplicateKey
from tests.api.helpers import assert_error, assert_ok
from tests.support.ai import ai_backend, run
from tests.builders import make_user
from tests.support.fake_openai import answer

KEY = "internal-key-for-tests-0123456789"


@pytest.fixture
def ai(tmp_path, backend_kind, fake):
    instance = ai_backend(tmp_path, backend_kind, fake, internal_api_key=KEY)
    yield instance
    instance.close()


@pytest.fixture
def admin(ai):
    return make_user(ai, "admin", "root")[1]


def test_built_in_templates_are_installed_once_and_listed(ai, admin, tmp_path, backend_kind,
                                                          fake):
    client = ai.app.test_client()
    items = assert_ok(client.get("/api/admin/prompt-templates", headers=admin))["items"]
    assert sorted(t["name"] for t in items) == sorted(BUILT_IN)
    assert all(t["version"] == 1 and t["active"] for t in items)
    assert ai.prompt_templates.install_defaults() == 0


def test_templates_installed_by_another_process_meanwhile_are_not_an_error(ai, admin,
                                                                          monkeypatch):
    # Two workers starting on a new database both find no templates, and one of them inserts
    # first: the other one's insert meets stored names and must start up all the same.
    stored = ai.storage.prompt_template_named
    looked = set()

    def not_yet_for_the_first_look(name):
        if name not in looked:
            looked.add(name)
            return None
        return stored(name)
    monkeypatch.setattr(ai.storage, "prompt_template_named", not_yet_for_the_first_look)
    assert ai.prompt_templates.install_defaults() == 0
    items = assert_ok(ai.app.test_client().get("/api/admin/prompt-templates",
                                               headers=admin))["items"]
    assert sorted(t["name"] for t in items) == sorted(BUILT_IN)


def test_a_check_that_never_sees_the_stored_templates_fails_instead_of_looping(ai,
                                                                             monkeypatch):
    monkeypatch.setattr(ai.storage, "prompt_template_named", lambda name: None)
    with pytest.raises(DuplicateKey):
        ai.prompt_templates.install_defaults()


def test_an_edit_raises_the_version_and_the_next_task_uses_it(ai, admin, fake):
    client = ai.app.test_client()
    url = "/api/admin/prompt-templates/world_description"
    system = BUILT_IN["world_description"]["system_prompt"] + " Write like a poet."
    changed = assert_ok(client.put(url, headers=admin, json={"system_prompt": system}))
    assert changed["version"] == 2 and changed["system_prompt"] == system
    assert assert_ok(client.get(url, headers=admin))["version"] == 2
    _, writer = make_user(ai, "user", "writer")
    fake.script("world_description", answer({"description": "Thơ."}))
    run(client, writer, "generate-description", {"type": "world", "world_name": "Nam"})
    assert fake.requests_for("world_description")[0]["messages"][0]["content"] == system


def test_edits_that_could_not_work_are_refused_naming_the_field(ai, admin):
    client = ai.app.test_client()
    url = "/api/admin/prompt-templates/analyze_story"
    bad_input = assert_error(client.put(url, headers=admin, json={
        "user_prompt_template": "Story: $text, secret: $password"}), 400, "2001")
    assert "password" in bad_input["data"]["fields"]["user_prompt_template"]
    assert_error(client.put(url, headers=admin, json={"user_prompt_template": "cost: 5$"}),
                 400, "2001")
    bad_schema = assert_error(client.put(url, headers=admin, json={
        "output_format_schema": {"type": "object", "properties": {"x": {"type": "nonsense"}}}}),
        400, "2001")
    assert "output_format_schema" in bad_schema["data"]["fields"]
    assert_error(client.put("/api/admin/prompt-templates/nope", headers=admin,
                            json={"active": False}), 404, "3001")
    assert assert_ok(client.get(url, headers=admin))["version"] == 1


def test_a_broken_or_switched_off_template_falls_back_to_the_built_in_one(ai, admin, fake,
                                                                          caplog):
    client = ai.app.test_client()
    stored = ai.storage.prompt_template_named("world_description")
    stored.user_prompt_template = "Name: $unknown_input"
    with ai.storage.transaction() as tx:
        tx.update(stored)
    _, writer = make_user(ai, "user", "writer")
    fake.script("world_description", answer({"description": "ok"}))
    with caplog.at_level(logging.WARNING, logger="storyloom.ai"):
        task = run(client, writer, "generate-description", {"type": "world", "world_name": "Nam"})
    assert task["status"] == "completed"
    assert any("built-in" in r.getMessage() for r in caplog.records)
    assert "World name:" in fake.requests_for("world_description")[0]["messages"][1]["content"]

    assert_ok(client.put("/api/admin/prompt-templates/world_description", headers=admin,
                         json={"active": False,
                               "user_prompt_template": "Language: $language Name: $world_name"}))
    run(client, writer, "generate-description", {"type": "world", "world_name": "Nam"})
    assert "World name:" in fake.requests_for("world_description")[1]["messages"][1]["content"]


def test_only_admins_see_the_templates(ai):
    client = ai.app.test_client()
    _, writer = make_user(ai, "user", "writer")
    assert_error(client.get("/api/admin/prompt-templates", headers=writer), 403, "1004")
    assert_error(client.get("/api/admin/prompt-templates"), 401, "1001")


def test_internal_routes_need_the_right_key(ai, caplog):
    client = ai.app.test_client()
    with caplog.at_level(logging.DEBUG):
        active = assert_ok(client.get("/api/v1/internal/prompt-templates/active",
                                      headers={"X-API-Key": KEY}))["items"]
        assert sorted(t["name"] for t in active) == sorted(BUILT_IN)
        one = assert_ok(client.get("/api/v1/internal/prompt-templates/by-name/analyze_world",
                                   headers={"X-API-Key": KEY}))
        assert assert_ok(client.get(f"/api/v1/internal/prompt-templates/{one['template_id']}",
                                    headers={"X-API-Key": KEY}))["name"] == "analyze_world"
        for headers in ({}, {"X-API-Key": "wrong"}, {"X-API-Key": KEY + "x"}):
            assert_error(client.get("/api/v1/internal/prompt-templates/active",
                                    headers=headers), 401, "1006")
    assert not any(KEY in r.getMessage() or KEY in str(getattr(r, "fields", ""))
                   for r in caplog.records)


def test_internal_routes_are_off_without_a_key(tmp_path, backend_kind, fake):
    backend = ai_backend(tmp_path, backend_kind, fake)
    try:
        answer_ = backend.app.test_client().get("/api/v1/internal/prompt-templates/active",
                                                headers={"X-API-Key": ""})
        assert answer_.status_code == 401 and answer_.get_json()["errorCode"] == "1006"
    finally:
        backend.close()


def test_internal_ai_routes_run_tasks_on_the_text_given(ai, fake):
    client = ai.app.test_client()
    key = {"X-API-Key": KEY}
    fake.script("analyze_story", answer({
        "characters": [{"name": "Thánh Gióng", "quote": "Thánh Gióng lớn lên", "description": ""}],
        "locations": []}))
    started = assert_ok(client.post("/internal/ai/v1/analyze", headers=key, json={
        "text": "Thánh Gióng lớn lên ở làng Phù Đổng."}), 202)
    assert started["poll_url"] == f"/internal/ai/v1/tasks/{started['task_id']}"
    deadline = time.monotonic() + 10
    while True:
        task = assert_ok(client.get(started["poll_url"], headers=key))
        if task["status"] not in ("pending", "processing") or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert task["status"] == "completed", task
    assert task["result"]["characters"] == [{"name": "Thánh Gióng", "entity_id": None,
                                             "description": "",
                                             "quote": "Thánh Gióng lớn lên"}]
    for path, body in (("/internal/ai/v1/analyze", {"text": "x"}),
                       ("/internal/ai/v1/rewrite", {"text": "x"}),
                       ("/internal/ai/v1/generate-description", {"name": "x"})):
        assert_error(client.post(path, json=body), 401, "1006")
        assert_error(client.post(path, headers={"X-API-Key": "nope"}, json=body), 401, "1006")
    assert_error(client.get(started["poll_url"]), 401, "1006")
    _, writer = make_user(ai, "user", "writer")
    assert_error(client.get(f"/api/gpt/results/{started['task_id']}", headers=writer), 404,
                 "3003")
    assert_error(client.post("/internal/ai/v1/nothing", headers=key, json={}), 404, "3001")
