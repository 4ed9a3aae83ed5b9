"""Helpers of the AI tests: a backend whose provider is the fake, and waiting for tasks."""

from __future__ import annotations

import time

from tests.api.helpers import assert_ok
from tests.conftest import build_backend

TERMINAL = ("completed", "error", "cancelled", "interrupted")


def ai_backend(tmp_path, kind, fake, **overrides):
    """A backend whose AI provider is the fake, with short timeouts and backoff."""
    settings = {"openai_base_url": fake.url, "openai_model": "fake-model",
                "openai_timeout_seconds": 2, "openai_backoff_seconds": 0.01, **overrides}
    return build_backend(tmp_path, kind, **settings)


def wait(client, headers, task_id, seconds=10.0, until=TERMINAL) -> dict:
    """Poll a task until its status is one of `until` (or the time is up); the last answer."""
    deadline = time.monotonic() + seconds
    while True:
        task = assert_ok(client.get(f"/api/gpt/results/{task_id}", headers=headers))
        if task["status"] in until or time.monotonic() > deadline:
            return task
        time.sleep(0.02)


def run(client, headers, route: str, body: dict) -> dict:
    """Start a task at /api/gpt/<route> and wait for it to end."""
    started = assert_ok(client.post(f"/api/gpt/{route}", headers=headers, json=body), 202)
    assert started["poll_url"] == f"/api/gpt/results/{started['task_id']}"
    return wait(client, headers, started["task_id"])
