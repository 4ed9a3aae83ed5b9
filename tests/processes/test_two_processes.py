"""Two Storyloom processes on one PostgreSQL database answer as one (API.md §7).

Each test starts real `run.py` servers on loopback sharing a fresh schema. Writes made through
one are read at once through the other (their response caches included), unique names,
quotas and versions hold across both, and a process killed with kill -9 under writers loses
no write it acknowledged.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.support.postgres import new_schema_url, require_server
from tests.support.server import ServerProcess

pytestmark = pytest.mark.processes
SECRET = "two-processes-share-this-secret-0123456789abcdef"
PASSWORD = "correct horse"


@pytest.fixture
def database():
    require_server()
    return new_schema_url()


def start(tmp_path, database: str, name: str, *args) -> ServerProcess:
    env = {"DATABASE_URL": database, "JWT_SECRET": SECRET, "LOG_LEVEL": "WARNING"}
    return ServerProcess(tmp_path / name, env=env, extra_args=args).start()


@pytest.fixture
def pair(tmp_path, database):
    first, second = start(tmp_path, database, "a"), start(tmp_path, database, "b")
    yield first, second
    first.stop()
    second.stop()


def call(server, method: str, path: str, token: str | None = None, **kwargs):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.request(method, server.url(path), headers=headers, timeout=30, **kwargs)


def register(server, username: str) -> str:
    answer = call(server, "POST", "/api/auth/register", json={
        "username": username, "email": f"{username}@example.com", "password": PASSWORD})
    assert answer.status_code == 201, answer.text
    return answer.json()["data"]["token"]


def test_a_write_through_one_process_is_read_at_once_through_the_other(pair):
    a, b = pair
    token = register(a, "writer")
    assert call(b, "GET", "/api/auth/me", token).status_code == 200
    world = call(a, "POST", "/api/worlds", token, json={"name": "W0"}).json()["data"]["world"]
    url = f"/api/worlds/{world['world_id']}"
    for n in range(1, 40):
        writer, reader = (a, b) if n % 2 else (b, a)
        assert call(reader, "GET", url, token).status_code == 200      # fills reader's cache
        assert call(reader, "GET", "/api/worlds", token).status_code == 200
        changed = call(writer, "PUT", url, token, json={"name": f"W{n}"})
        assert changed.status_code == 200, changed.text
        seen = call(reader, "GET", url, token).json()["data"]["world"]
        assert (seen["name"], seen["version"]) == (f"W{n}", n + 1), f"round {n}"
        listed = call(reader, "GET", "/api/worlds", token).json()["data"]["items"]
        assert [w["name"] for w in listed] == [f"W{n}"]


def test_one_username_registered_through_both_at_once_exists_once(pair):
    a, b = pair
    servers = [a, b] * 8

    def attempt(server):
        return call(server, "POST", "/api/auth/register", json={
            "username": "samename", "email": f"same{id(server)}-{threading.get_ident()}"
                                             "@example.com", "password": PASSWORD})

    with ThreadPoolExecutor(16) as pool:
        codes = sorted(r.json()["errorCode"] for r in pool.map(attempt, servers))
    assert codes == ["0000"] + ["3002"] * 15


def test_the_public_world_quota_holds_across_both_processes(pair):
    a, b = pair
    token = register(a, "publisher")

    def publish(n):
        server = (a, b)[n % 2]
        return call(server, "POST", "/api/worlds", token,
                    json={"name": f"Public {n}", "visibility": "public"}).json()["errorCode"]

    with ThreadPoolExecutor(10) as pool:
        codes = sorted(pool.map(publish, range(10)))
    assert codes == ["0000"] * 5 + ["0001"] * 5
    me = call(b, "GET", "/api/auth/me", token).json()["data"]["user"]
    assert me["quotas"]["public_worlds"] == {"used": 5, "limit": 5}


def test_a_change_based_on_a_version_another_process_replaced_answers_3004(pair):
    a, b = pair
    token = register(a, "editor")
    world = call(a, "POST", "/api/worlds", token, json={"name": "One"}).json()["data"]["world"]
    url = f"/api/worlds/{world['world_id']}"
    assert call(a, "PUT", url, token, json={"name": "Two", "version": 1}).status_code == 200
    stale = call(b, "PUT", url, token, json={"name": "Three", "version": 1}).json()
    assert stale["errorCode"] == "3004"
    assert stale["data"]["current"]["name"] == "Two"


def test_kill_9_of_one_process_under_writers_loses_no_acknowledged_write(tmp_path, database):
    a, b = start(tmp_path, database, "a"), start(tmp_path, database, "b")
    tokens = {server: register(server, f"writer{n}") for n, server in enumerate((a, b))}
    acked, lock, stop = {}, threading.Lock(), threading.Event()

    def write(server, n):
        session = requests.Session()
        token = tokens[server]
        while not stop.is_set():
            try:
                answer = session.post(server.url("/api/worlds"), timeout=30, json={
                    "name": f"world {n}-{len(acked)}"},
                    headers={"Authorization": f"Bearer {token}"})
            except requests.RequestException:
                return      # the server was killed: what was in flight is unacknowledged
            if answer.status_code == 201:
                world = answer.json()["data"]["world"]
                with lock:
                    acked[world["world_id"]] = (world["name"], token)

    writers = [threading.Thread(target=write, args=(server, n))
               for n, server in enumerate([a, b] * 4)]
    try:
        for thread in writers:
            thread.start()
        deadline = time.monotonic() + 60
        while len(acked) < 150 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(acked) >= 150, "the writers should have written plenty"
        a.kill9()
        time.sleep(0.5)
        stop.set()
        for thread in writers:
            thread.join(30)
        check_all(b, acked)
        a.start()
        check_all(a, acked)
    finally:
        stop.set()
        a.stop()
        b.stop()


def check_all(server, acked: dict) -> None:
    session = requests.Session()
    missing = []
    for world_id, (name, token) in list(acked.items()):
        answer = session.get(server.url(f"/api/worlds/{world_id}"), timeout=30,
                             headers={"Authorization": f"Bearer {token}"})
        if answer.status_code != 200 or answer.json()["data"]["world"]["name"] != name:
            missing.append(world_id)
    assert not missing, f"{len(missing)} of {len(acked)} acknowledged writes lost"


def master_state(server) -> str:
    """What the master process is doing, for a failure message."""
    try:
        with open(f"/proc/{server.pid}/status", encoding="ascii") as status:
            lines = [line for line in status if line.startswith(("State", "Threads"))]
        with open(f"/proc/{server.pid}/wchan", encoding="ascii") as wchan:
            return "".join(lines) + f"wchan: {wchan.read()}\n{server.log_tail()}"
    except OSError as exc:
        return f"master not readable: {exc}"


def test_workers_share_one_port_and_a_killed_worker_is_replaced(tmp_path, database):
    home = tmp_path / "home"
    home.mkdir()
    server = ServerProcess(tmp_path / "w", extra_args=("--workers", "2"), env={
        "DATABASE_URL": database, "JWT_SECRET": SECRET, "LOG_LEVEL": "WARNING",
        "HOME": str(home), "XDG_RUNTIME_DIR": ""}).start()
    try:
        workers = server.worker_pids()
        assert len(workers) == 2
        # Both workers set up the new schema's defaults at once: neither may fail doing so.
        assert "Exception in worker process" not in server.log_tail(400)
        token = register(server, "multi")
        for n in range(30):
            assert call(server, "POST", "/api/worlds", token, json={"name": f"M{n}"}
                        ).status_code == 201
        os.kill(workers[0], signal.SIGKILL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and (len(server.worker_pids()) < 2
                                               or workers[0] in server.worker_pids()):
            time.sleep(0.1)
        replaced = server.worker_pids()
        assert len(replaced) == 2 and workers[0] not in replaced, (replaced, master_state(server))
        assert list(home.iterdir()) == []      # no control socket left in the user's home
        listed = call(server, "GET", "/api/worlds?scope=mine&page_size=100", token).json()
        assert listed["data"]["total"] == 30
    finally:
        server.stop()
