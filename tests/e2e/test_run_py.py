"""`python run.py` as a user runs it: serving, SIGTERM, create-admin, and clear refusals."""

import os
import subprocess
import sys

import requests

from tests.support.server import FAST_HASHING, RUN_PY, ServerProcess

ROOT = os.path.dirname(RUN_PY)


def run_cli(*args, stdin="", env=None):
    return subprocess.run([sys.executable, RUN_PY, *args], cwd=ROOT, input=stdin, text=True,
                          capture_output=True, timeout=60,
                          env={**os.environ, **FAST_HASHING, **(env or {})})


def register(server, username):
    response = requests.post(server.url("/api/auth/register"), timeout=10, json={
        "username": username, "email": f"{username}@example.com", "password": "long enough"})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['data']['token']}"}


def test_sigterm_stops_cleanly_and_keeps_every_write(tmp_path):
    server = ServerProcess(tmp_path / "data").start()
    try:
        headers = register(server, "writer")
        world = requests.post(server.url("/api/worlds"), headers=headers, timeout=10,
                              json={"name": "Kept"}).json()["data"]["world"]
    finally:
        code = server.stop()
    assert code == 0
    assert os.path.exists(tmp_path / "data" / "storyloom.json")
    with ServerProcess(tmp_path / "data") as again:
        response = requests.get(again.url(f"/api/worlds/{world['world_id']}"), headers=headers,
                                timeout=10)
        assert response.json()["data"]["world"]["name"] == "Kept"


def test_create_admin_reads_the_password_from_stdin(tmp_path):
    data = str(tmp_path / "data")
    result = run_cli("create-admin", "--username", "boss", "--email", "boss@example.com",
                     "--data-dir", data, stdin="a strong password\n")
    assert result.returncode == 0, result.stderr
    assert "Admin boss created" in result.stdout
    with ServerProcess(data) as server:
        session = requests.post(server.url("/api/auth/login"), timeout=10, json={
            "username": "boss", "password": "a strong password"}).json()["data"]
        assert session["user"]["role"] == "admin"


def test_create_admin_refuses_a_weak_password_and_creates_nothing(tmp_path):
    data = str(tmp_path / "data")
    result = run_cli("create-admin", "--username", "boss", "--email", "boss@example.com",
                     "--data-dir", data, stdin="short\n")
    assert result.returncode == 1
    assert "password" in result.stderr and "Traceback" not in result.stderr
    with ServerProcess(data) as server:
        response = requests.post(server.url("/api/auth/login"), timeout=10, json={
            "username": "boss", "password": "short"})
        assert response.json()["errorCode"] == "1003"


def test_short_jwt_secret_refuses_to_start_with_a_clear_message(tmp_path):
    result = run_cli("--no-build", "--port", "0", "--data-dir", str(tmp_path / "d"),
                     env={"JWT_SECRET": "too-short"})
    assert result.returncode == 2
    assert "JWT_SECRET must be at least 32 bytes" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_second_server_on_the_same_data_dir_is_refused(tmp_path):
    with ServerProcess(tmp_path / "data"):
        result = run_cli("--no-build", "--port", "0", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 2
    assert "another Storyloom process" in result.stderr


def test_admin_variables_create_the_first_admin_at_start(tmp_path):
    env = {"ADMIN_USERNAME": "chief", "ADMIN_EMAIL": "chief@example.com",
           "ADMIN_PASSWORD": "chief password"}
    with ServerProcess(tmp_path / "data", env=env) as server:
        session = requests.post(server.url("/api/auth/login"), timeout=10, json={
            "username": "chief", "password": "chief password"}).json()["data"]
        assert session["user"]["role"] == "admin"
        log = open(server.log_path, encoding="utf-8").read()
    assert "chief password" not in log


def test_what_the_http_server_refuses_is_answered_in_the_envelope_too(tmp_path):
    """gunicorn refuses a request line over 4094 bytes, or headers over its limits, before the
    app sees them: the answer is still the API's JSON envelope, not an HTML page."""
    with ServerProcess(tmp_path / "data") as server:
        long_url = requests.get(server.url("/api/worlds?q=" + "a" * 5000), timeout=10)
        assert long_url.status_code == 414
        assert long_url.headers["Content-Type"] == "application/json"
        assert long_url.json()["errorCode"] == "2007" and long_url.json()["data"] is None
        big_header = requests.get(server.url("/api/health"), timeout=10,
                                  headers={"X-Big": "b" * 9000})
        assert big_header.status_code == 400
        assert big_header.json()["errorCode"] == "2001"
        assert requests.get(server.url("/api/health"), timeout=10).status_code == 200
