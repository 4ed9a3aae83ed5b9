"""`python run.py create-admin` as an operator runs it: a folder in use, field errors, success."""

import os
import subprocess
import sys

import requests

from tests.support.server import FAST_HASHING, RUN_PY, ServerProcess

IN_USE = "cannot create an admin while a server uses this folder"


def create_admin(data_dir, username="boss", email="boss@example.com",
                 password="a strong password", cwd=None):
    return subprocess.run([sys.executable, RUN_PY, "create-admin", "--username", username,
                           "--email", email, "--data-dir", str(data_dir)],
                          cwd=cwd or os.path.dirname(RUN_PY), input=password + "\n", text=True,
                          capture_output=True, timeout=60, env={**os.environ, **FAST_HASHING})


def login(server, username, password):
    return requests.post(server.url("/api/auth/login"), timeout=10, json={
        "username": username, "password": password}).json()


def test_create_admin_while_a_server_uses_the_folder_says_so_and_creates_nothing(tmp_path):
    data = tmp_path / "data"
    with ServerProcess(data) as server:
        result = create_admin(data)
        assert result.returncode != 0
        assert IN_USE in result.stderr
        assert str(data.resolve()) in result.stderr
        assert "Stop the server" in result.stderr and "ADMIN_USERNAME" in result.stderr
        assert "Traceback" not in result.stderr and "Admin boss created" not in result.stdout
        assert login(server, "boss", "a strong password")["errorCode"] == "1003"


def test_field_errors_are_one_sentence(tmp_path):
    result = create_admin(tmp_path / "data", username="x!", password="short")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("{")]
    assert lines == ["The username must be 3–32 letters, digits, _ . or -; the password must "
                     "be at least 8 characters (at most 256)."]


def test_a_bad_email_alone_is_named_alone(tmp_path):
    result = create_admin(tmp_path / "data", email="not-an-address")
    lines = [line for line in result.stderr.splitlines() if not line.startswith("{")]
    assert result.returncode == 1
    assert lines == ["The email must be an address like name@example.com."]


def test_a_taken_username_is_a_sentence_too(tmp_path):
    assert create_admin(tmp_path / "data").returncode == 0
    again = create_admin(tmp_path / "data", email="other@example.com")
    lines = [line for line in again.stderr.splitlines() if not line.startswith("{")]
    assert again.returncode == 1
    assert lines == ["This username is already taken; no admin was created."]


def test_success_names_the_data_folder_by_its_absolute_path(tmp_path):
    result = create_admin("data", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"in the data folder {tmp_path / 'data'}." in result.stdout
    with ServerProcess(tmp_path / "data") as server:
        assert login(server, "boss", "a strong password")["data"]["user"]["role"] == "admin"
