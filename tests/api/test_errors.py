"""The envelope everywhere: Flask's own errors, bad bodies, unexpected exceptions, request ids, logs."""

import logging

import pytest

from core.models import Entity, World
from interfaces.logging_setup import JsonFormatter, RequestIdFilter
from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_user, make_world
from tests.conftest import build_backend
from tests.builders import count


def test_unknown_api_route_is_an_enveloped_404(client):
    assert_error(client.get("/api/no/such/route"), 404, "3001")


def test_wrong_method_is_an_enveloped_405(client):
    response = client.delete("/api/health")
    assert_error(response, 405, "2005")
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize("kwargs", [
    {"data": "name=x", "content_type": "application/x-www-form-urlencoded"},
    {"data": "{not json", "content_type": "application/json"},
    {"data": "[1, 2]", "content_type": "application/json"},
    {"data": "", "content_type": "application/json"},
])
def test_bodies_that_are_not_a_json_object_answer_2003(backend, client, kwargs):
    _, headers = make_user(backend)
    assert_error(client.post("/api/worlds", headers=headers, **kwargs), 400, "2003")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_numbers_json_cannot_carry_answer_2003_and_are_never_stored(backend, client, literal):
    """Python's own parser accepts NaN; stored, it would make every later answer invalid JSON."""
    owner, headers = make_user(backend)
    world = make_world(backend, owner)
    response = client.post(f"/api/worlds/{world['world_id']}/entities", headers=headers,
                           content_type="application/json",
                           data='{"name": "Aria", "attributes": {"power": %s}}' % literal)
    assert_error(response, 400, "2003")
    assert "not valid JSON" in response.get_json()["errorDetail"]
    assert count(backend, Entity) == 0


def test_body_over_the_limit_answers_2006_and_stores_nothing(tmp_path, backend_kind):
    backend = build_backend(tmp_path, backend_kind, max_body_mb=1)
    try:
        _, headers = make_user(backend)
        client = backend.app.test_client()
        response = client.post("/api/worlds", headers=headers,
                               json={"name": "Big", "description": "x" * (1024 * 1024 + 10)})
        assert_error(response, 413, "2006")
        assert count(backend, World) == 0
    finally:
        backend.close()


def test_unexpected_exception_is_5001_without_details(backend, client, monkeypatch, caplog):
    def explode(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(backend.world_service, "get_world", explode)
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.ERROR):
        response = client.get("/api/worlds/anything", headers={"X-Request-ID": "req-42"})
    body = assert_error(response, 500, "5001")
    assert "hunter2" not in response.get_data(as_text=True)
    assert body["data"] is None
    assert response.headers["X-Request-ID"] == "req-42"
    logged = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert logged and logged[0].request_id == "req-42"
    line = JsonFormatter().format(logged[0])
    assert '"request_id": "req-42"' in line and "RuntimeError" in line


def test_every_response_carries_a_request_id(client):
    generated = client.get("/api/health").headers["X-Request-ID"]
    assert len(generated) >= 16
    assert client.get("/api/health", headers={"X-Request-ID": "abc-123"}).headers[
        "X-Request-ID"] == "abc-123"
    odd = client.get("/api/health", headers={"X-Request-ID": "bad id <script>"})
    assert odd.headers["X-Request-ID"] != "bad id <script>"
    assert client.get("/api/nope").headers["X-Request-ID"]


def test_passwords_and_tokens_never_reach_the_logs(client, caplog):
    with caplog.at_level(logging.DEBUG):
        session = assert_ok(client.post("/api/auth/register", json={
            "username": "secretive", "email": "s@example.com", "password": "p4ssw0rd-unique"}), 201)
        client.get("/api/auth/me", headers={"Authorization": f"Bearer {session['token']}"})
        client.post("/api/auth/login", json={"username": "secretive", "password": "wrong-unique"})
    text = "\n".join(r.getMessage() + str(getattr(r, "fields", "")) for r in caplog.records)
    assert "request" in text
    for secret in ("p4ssw0rd-unique", "wrong-unique", session["token"]):
        assert secret not in text


def test_root_points_to_the_api_docs_without_a_built_frontend(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "/api/docs" in response.get_data(as_text=True)


def test_health_reports_storage_ai_and_version(backend, client):
    data = assert_ok(client.get("/api/health"))
    assert data == {"status": "ok", "storage": backend.storage.kind,
                    "storage_health": {"writable": True, "detail": "writes are durable"},
                    "ai": {"configured": False, "model": None}, "version": data["version"]}
    assert data["version"].count(".") == 2


def test_health_shows_the_configured_model(tmp_path, backend_kind):
    backend = build_backend(tmp_path, backend_kind, openai_base_url="http://127.0.0.1:9/v1", openai_model="llama3")
    try:
        data = assert_ok(backend.app.test_client().get("/api/health"))
        assert data["ai"] == {"configured": True, "model": "llama3"}
    finally:
        backend.close()


def test_failed_requests_are_logged_at_info_and_every_request_at_debug(client, caplog):
    with caplog.at_level(logging.INFO, logger="storyloom.access"):
        client.get("/api/health")
        client.get("/api/no-such-route", headers={"X-Request-ID": "missing-1"})
    assert [(r.levelname, r.request_id, r.fields["status"]) for r in caplog.records
            if r.name == "storyloom.access"] == [("INFO", "missing-1", 404)]
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="storyloom.access"):
        client.get("/api/health", headers={"X-Request-ID": "ok-1"})
    assert [(r.levelname, r.request_id) for r in caplog.records] == [("DEBUG", "ok-1")]


@pytest.mark.backends("tinydb")   # a local disk refusing a write is the embedded backend's
def test_a_write_the_disk_refuses_answers_5002_is_not_shown_and_the_next_one_works(
        backend, client, monkeypatch):
    import os
    _, headers = make_user(backend)
    assert_ok(client.get("/api/worlds", headers=headers))   # an answer the cache may keep

    def disk_error(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", disk_error)
    failed = client.post("/api/worlds", headers=headers, json={"name": "Lost"})
    assert_error(failed, 503, "5002")
    assert "Input/output" not in failed.get_data(as_text=True)
    monkeypatch.undo()
    health = assert_ok(client.get("/api/health"))["storage_health"]
    assert health["writable"] is False and "durable" in health["detail"]
    assert assert_ok(client.get("/api/worlds", headers=headers))["total"] == 0
    assert_ok(client.post("/api/worlds", headers=headers, json={"name": "Kept"}), 201)
    assert assert_ok(client.get("/api/health"))["storage_health"]["writable"] is True
    listed = assert_ok(client.get("/api/worlds", headers=headers))["items"]
    assert [world["name"] for world in listed] == ["Kept"]


def test_text_with_a_nul_character_is_refused_on_every_backend(backend, client):
    _, headers = make_user(backend)
    body = assert_error(client.post("/api/worlds", headers=headers,
                                    json={"name": "Null\u0000world"}), 400, "2001")
    assert "body" in body["data"]["fields"]
    assert count(backend, World) == 0
    fine = assert_ok(client.post("/api/worlds", headers=headers,
                                 json={"name": "Backslash", "description": "a \\u0000 b"}), 201)
    assert fine["world"]["description"] == "a \\u0000 b"
