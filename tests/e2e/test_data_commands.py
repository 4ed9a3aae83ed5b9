"""`python run.py backup / restore / migrate` and what the running server refuses early."""

from __future__ import annotations

import json
import os
import socket
import time

import pytest
import requests

from tests.e2e.test_run_py import register, run_cli
from tests.support import postgres
from tests.support.server import ServerProcess


def _write_some(server) -> tuple[dict, list[str]]:
    headers = register(server, "writer")
    world = requests.post(server.url("/api/worlds"), headers=headers, timeout=10,
                          json={"name": "Đại Việt", "visibility": "public"}).json()["data"]
    titles = [f"Chương {n}" for n in range(5)]
    for title in titles:
        answer = requests.post(server.url("/api/stories"), headers=headers, timeout=10, json={
            "world_id": world["world"]["world_id"], "title": title, "visibility": "public"})
        assert answer.status_code == 201, answer.text
    return headers, titles


def _titles(server) -> list[str]:
    items = requests.get(server.url("/api/stories?page_size=100"), timeout=10).json()["data"]
    return sorted(s["title"] for s in items["items"])


def test_a_backup_of_a_serving_folder_restores_into_an_empty_one(tmp_path):
    backup_file = str(tmp_path / "backup.json")
    with ServerProcess(tmp_path / "live") as server:
        _, titles = _write_some(server)
        made = run_cli("backup", backup_file, "--data-dir", str(tmp_path / "live"))
        assert made.returncode == 0, made.stderr
        assert "5 stories" in made.stdout and "checksum" in made.stdout
        assert oct(os.stat(backup_file).st_mode & 0o777) == "0o600"
    restored = run_cli("restore", backup_file, "--data-dir", str(tmp_path / "copy"))
    assert restored.returncode == 0, restored.stderr
    with ServerProcess(tmp_path / "copy") as copy:
        assert _titles(copy) == sorted(titles)
        login = requests.post(copy.url("/api/auth/login"), timeout=10, json={
            "username": "writer", "password": "long enough"})
        assert login.status_code == 200


def test_restore_refuses_a_folder_that_holds_data_and_a_changed_backup(tmp_path):
    backup_file = tmp_path / "backup.json"
    with ServerProcess(tmp_path / "live") as server:
        _write_some(server)
    assert run_cli("backup", str(backup_file), "--data-dir", str(tmp_path / "live")).returncode == 0
    again = run_cli("restore", str(backup_file), "--data-dir", str(tmp_path / "live"))
    assert again.returncode == 2 and "empty" in again.stderr and "Traceback" not in again.stderr
    data = json.loads(backup_file.read_text())
    next(iter(data["stories"].values()))["title"] = "tampered"
    backup_file.write_text(json.dumps(data))
    tampered = run_cli("restore", str(backup_file), "--data-dir", str(tmp_path / "fresh"))
    assert tampered.returncode == 2 and "checksum" in tampered.stderr


def test_workers_above_one_are_refused_on_tinydb_with_a_clear_message(tmp_path):
    result = run_cli("--no-build", "--port", "0", "--workers", "2",
                     "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 2
    assert "needs PostgreSQL" in result.stderr and "Traceback" not in result.stderr


def test_a_body_over_the_limit_is_refused_before_it_is_read(tmp_path):
    with ServerProcess(tmp_path / "data", env={"MAX_BODY_MB": "1"}) as server:
        started = time.perf_counter()
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(b"POST /api/worlds HTTP/1.1\r\nHost: x\r\nContent-Type: "
                         b"application/json\r\nContent-Length: 600000000\r\n\r\n")
            sock.sendall(b"x" * 65536)      # a little of the 600 MB announced
            head, body = _read_answer(sock)
        took = time.perf_counter() - started
    assert " 413 " in head.split("\r\n", 1)[0]
    body = json.loads(body)
    assert body["errorCode"] == "2006" and body["data"] is None
    assert took < 5, f"the refusal took {took:.1f} s"


def _read_answer(sock) -> tuple[str, bytes]:
    """The head and the body of one HTTP answer (by its Content-Length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, body = data.split(b"\r\n\r\n", 1)
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length")))
    while len(body) < length:
        body += sock.recv(65536)
    return head.decode("latin-1"), body


@pytest.mark.parametrize("entries", [5_000])
def test_a_lorebook_of_thousands_of_keyless_entries_imports_in_linear_time(tmp_path, entries):
    with ServerProcess(tmp_path / "data") as server:
        headers = register(server, "importer")
        book = {"name": "Big book", "entries": {
            str(n): {"uid": n, "key": [], "comment": "Same comment", "content": f"Entry {n}"}
            for n in range(entries)}}
        started = time.perf_counter()
        answer = requests.post(server.url("/api/worlds/import"), headers=headers, timeout=120,
                               json=book)
        took = time.perf_counter() - started
    assert answer.status_code == 201, answer.text[:300]
    assert answer.json()["data"]["world"]["counts"]["entities"] == entries
    assert took < 20, f"{entries} entries took {took:.1f} s"


@pytest.fixture
def schema_url():
    postgres.require_server()
    return postgres.new_schema_url()


def test_migrate_copies_a_tinydb_folder_to_postgresql_and_it_serves_from_there(tmp_path,
                                                                             schema_url):
    with ServerProcess(tmp_path / "folder") as server:
        _, titles = _write_some(server)
    moved = run_cli("migrate", "--to", schema_url, "--data-dir", str(tmp_path / "folder"))
    assert moved.returncode == 0, moved.stderr
    assert "5 stories" in moved.stdout and "verified" in moved.stdout
    env = {"DATABASE_URL": schema_url}
    with ServerProcess(tmp_path / "pg", env=env) as server:
        assert _titles(server) == sorted(titles)
        assert requests.post(server.url("/api/auth/login"), timeout=10, json={
            "username": "writer", "password": "long enough"}).status_code == 200
    again = run_cli("migrate", "--to", schema_url, "--data-dir", str(tmp_path / "folder"))
    assert again.returncode == 2 and "empty" in again.stderr


def test_a_postgresql_backup_taken_while_serving_restores_into_another_database(tmp_path,
                                                                              schema_url):
    backup_file = str(tmp_path / "pg-backup.json")
    with ServerProcess(tmp_path / "pg", env={"DATABASE_URL": schema_url}) as server:
        _, titles = _write_some(server)
        made = run_cli("backup", backup_file, env={"DATABASE_URL": schema_url})
        assert made.returncode == 0, made.stderr
    target = postgres.new_schema_url()
    restored = run_cli("restore", backup_file, env={"DATABASE_URL": target})
    assert restored.returncode == 0, restored.stderr
    with ServerProcess(tmp_path / "copy", env={"DATABASE_URL": target}) as copy:
        assert _titles(copy) == sorted(titles)
    into_folder = run_cli("restore", backup_file, "--data-dir", str(tmp_path / "folder"))
    assert into_folder.returncode == 0, into_folder.stderr
    with ServerProcess(tmp_path / "folder") as folder:
        assert _titles(folder) == sorted(titles)
