"""AI tasks across real server processes: kill -9 leaves a task `interrupted`, and with
PostgreSQL a task started through one process is polled and cancelled through another, and
marked `interrupted` by the other when its process dies."""

from __future__ import annotations

import time

import pytest
import requests

from tests.support.fake_openai import FakeOpenAI, answer, hang
from tests.support.postgres import new_schema_url, require_server
from tests.support.server import ServerProcess

pytestmark = pytest.mark.processes
SECRET = "ai-processes-share-this-secret-0123456789abcdef"
QUICK = {"AI_HEARTBEAT_SECONDS": "1", "AI_STALE_SECONDS": "3", "LOG_LEVEL": "WARNING"}


@pytest.fixture
def fake():
    server = FakeOpenAI()
    yield server
    server.stop()


def server(tmp_path, name: str, fake, **env) -> ServerProcess:
    return ServerProcess(tmp_path / name, env={"OPENAI_BASE_URL": fake.url, "JWT_SECRET": SECRET,
                                               **QUICK, **env})


def register(server_, name: str) -> dict:
    answer_ = requests.post(server_.url("/api/auth/register"), timeout=10, json={
        "username": name, "email": f"{name}@example.com", "password": "correct horse"})
    assert answer_.status_code == 201, answer_.text
    return {"Authorization": f"Bearer {answer_.json()['data']['token']}"}


def start_task(server_, headers) -> str:
    started = requests.post(server_.url("/api/gpt/generate-description"), headers=headers,
                            json={"type": "world", "world_name": "Nam"}, timeout=10)
    assert started.status_code == 202, started.text
    return started.json()["data"]["task_id"]


def poll(server_, headers, task_id, until, seconds=15.0) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        task = requests.get(server_.url(f"/api/gpt/results/{task_id}"), headers=headers,
                            timeout=10).json()["data"]
        if task["status"] in until or time.monotonic() > deadline:
            return task
        time.sleep(0.1)


def test_kill_9_under_a_task_leaves_it_interrupted_after_the_restart(tmp_path, fake):
    fake.script("world_description", hang(30))
    one = server(tmp_path, "data", fake).start()
    try:
        headers = register(one, "writer")
        task_id = start_task(one, headers)
        assert poll(one, headers, task_id, ("processing",))["status"] == "processing"
        one.kill9()
        one.start()
        task = poll(one, headers, task_id, ("interrupted",), seconds=5)
        assert task["status"] == "interrupted", task
    finally:
        one.stop()


def test_processes_share_tasks_poll_cancel_and_interrupt(tmp_path, fake):
    require_server()
    database = new_schema_url()
    fake.script("world_description", hang(30))
    first = server(tmp_path, "a", fake, DATABASE_URL=database).start()
    second = server(tmp_path, "b", fake, DATABASE_URL=database).start()
    try:
        headers = register(first, "writer")
        cancelled = start_task(first, headers)
        assert poll(second, headers, cancelled, ("processing",))["status"] == "processing"
        gone = requests.delete(second.url(f"/api/gpt/tasks/{cancelled}"), headers=headers,
                               timeout=10)
        assert gone.status_code == 200 and gone.json()["data"]["status"] == "cancelled"
        assert poll(first, headers, cancelled, ())["status"] == "cancelled"

        orphan = start_task(first, headers)
        poll(second, headers, orphan, ("processing",))
        time.sleep(2)                      # heartbeats go on while the process lives
        assert poll(second, headers, orphan, ())["status"] == "processing"
        first.kill9()
        task = poll(second, headers, orphan, ("interrupted",), seconds=10)
        assert task["status"] == "interrupted", task

        fake.script("world_description", answer({"description": "Vẫn chạy."}))
        done = poll(second, headers, start_task(second, headers), ("completed", "error"))
        assert done["result"]["description"] == "Vẫn chạy."
    finally:
        first.stop()
        second.stop()
