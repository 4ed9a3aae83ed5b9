"""Schemathesis against /apispec.json with all its checks, signed in and anonymous, on both
backends: no server error, and every answer matches its documented status, schema, content type
and headers. It runs the real `schemathesis` command against a real server on loopback, with
the fake AI provider, so the AI routes start tasks instead of answering 4001."""

from __future__ import annotations

import os
import subprocess

import pytest
import requests

from tests.support.fake_openai import FakeOpenAI, answer
from tests.support.server import serving

CONFIG = os.path.join(os.path.dirname(os.path.dirname(__file__)), "support", "schemathesis.toml")
SECRET = "spec-conformance-secret-that-is-long-enough-0123456789"
# Operations that end the session the signed-in run uses; the anonymous run covers them.
SESSION_ENDING = ("logout", "change_password")


@pytest.fixture(scope="module")
def fake_ai():
    fake = FakeOpenAI()
    fake.script("world_description", answer({"description": "Sông núi."}))
    fake.script("story_description", answer({"description": "Một chuyện."}))
    fake.script("analyze_world", answer({"entities": [], "locations": []}))
    fake.script("analyze_story", answer({"characters": [], "locations": []}))
    fake.script("extract_events", answer({"events": []}))
    fake.script("consistency_check", answer({"issues": []}))
    fake.script("rewrite", answer({"suggestions": ["a", "b", "c"]}))
    yield fake
    fake.stop()


@pytest.fixture(params=["tinydb", "postgresql"])
def server(request, tmp_path, fake_ai):
    """A `python run.py` process on loopback with the fake AI provider; stopped afterwards."""
    env = {"JWT_SECRET": SECRET, "LOG_LEVEL": "WARNING", "OPENAI_BASE_URL": fake_ai.url,
           "OPENAI_API_KEY": "fake-key", "AI_REQUESTS_PER_MINUTE": "10000"}
    with serving(tmp_path / "data", request.param, env) as process:
        yield process


def schemathesis(server, tmp_path, *extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["schemathesis", "--config-file", CONFIG, "run", server.url("/apispec.json"),
         "--checks", "all", "--max-examples", "6", "--no-shrink", "--seed", "20261205",
         "--continue-on-failure", "--max-failures", "300", "--request-timeout", "30",
         "--report", "ndjson", "--report-dir", str(tmp_path / "report"), *extra],
        capture_output=True, text=True, timeout=900)


def _failures(run: subprocess.CompletedProcess) -> str:
    output = run.stdout + run.stderr
    start = output.find("FAILURES")
    return output[start:start + 20_000] if start >= 0 else output[-20_000:]


def test_anonymous_calls_match_the_spec(server, tmp_path):
    run = schemathesis(server, tmp_path)
    assert run.returncode == 0, _failures(run)


def test_signed_in_calls_match_the_spec(server, tmp_path):
    session = requests.post(server.url("/api/auth/register"), timeout=10, json={
        "username": "spec.tester", "email": "spec@example.com",
        "password": "correct horse battery"}).json()["data"]
    excluded = [arg for op in SESSION_ENDING for arg in ("--exclude-operation-id", op)]
    run = schemathesis(server, tmp_path, "-H", f"Authorization: Bearer {session['token']}",
                       *excluded)
    assert run.returncode == 0, _failures(run)
    refused = _refused_operations(run.stdout)
    assert refused and all(op.split(" ", 1)[1].startswith(ADMIN_OR_KEYED) or op == LOGIN
                           for op in refused), refused


# A user's token opens everything but the admin area and the routes behind X-API-Key; login
# answers 401 to the credentials schemathesis makes up.
ADMIN_OR_KEYED = ("/api/admin/", "/internal/", "/api/v1/internal/")
LOGIN = "POST /api/auth/login"


def _refused_operations(output: str) -> list[str]:
    """The operations schemathesis says answered only 401/403."""
    start = output.find("Authentication failed")
    if start < 0:
        return []
    section = output[start:].split("\n\n💡", 1)[0]
    return [line.strip()[2:] for line in section.splitlines() if line.strip().startswith("- ")]
