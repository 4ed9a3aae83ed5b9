"""Throttles: password guesses per account, login attempts and registrations per address,
password hashing, trusted proxies, and counts shared through Redis."""

import os
import threading
import time
import uuid

import pytest
import redis
from limits.errors import StorageError as LimitsStorageError

from interfaces.client_address import parse_networks
from interfaces.config import ConfigError
from tests.api.helpers import assert_error, assert_ok
from tests.builders import store
from tests.conftest import build_backend

PASSWORD = "mat-khau-123"
REDIS_URL = os.environ.get("STORYLOOM_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture
def make_backend(tmp_path):
    """A factory of ApiBackends with overridden settings, each closed after the test."""
    made = []

    def factory(name="data", **overrides):
        made.append(build_backend(tmp_path / name, **overrides))
        return made[-1]

    yield factory
    for backend in made:
        backend.close()


def at(address, **headers):
    """Request arguments that make the test client come from `address`."""
    return {"environ_base": {"REMOTE_ADDR": address}, "headers": headers}


def register(client, username="linh", address="10.0.0.1", **headers):
    return client.post("/api/auth/register", json={
        "username": username, "email": f"{username}@example.com", "password": PASSWORD},
        **at(address, **headers))


def login(client, password=PASSWORD, address="10.0.0.1", **who):
    body = {"password": password, **(who or {"username": "linh"})}
    return client.post("/api/auth/login", json=body, **at(address))


def assert_throttled(response, code):
    """A 429 with the code, Retry-After and the same number in data.retry_after."""
    body = assert_error(response, 429, code)
    wait = int(response.headers["Retry-After"])
    assert wait >= 1 and body["data"] == {"retry_after": wait}
    return wait


# logins: the account's budget, not the address's

def test_made_up_names_slow_an_address_for_seconds_never_minutes(make_backend):
    client = make_backend().app.test_client()
    assert_ok(register(client), 201)
    answers = [login(client, "guess-guess", "10.0.0.7", username=f"ghost{n}") for n in range(100)]
    answers.append(login(client, address="10.0.0.7"))
    waits = [assert_throttled(r, "1007") for r in answers if r.status_code == 429]
    assert waits and max(waits) <= 10


def test_a_real_user_gets_in_from_an_address_full_of_made_up_names(make_backend):
    backend = make_backend(login_attempts_per_ip=5, login_ip_window_seconds=1)
    client = backend.app.test_client()
    assert_ok(register(client), 201)
    answers = [login(client, "guess-guess", "10.0.0.7", username=f"ghost{n}") for n in range(100)]
    wait = max(assert_throttled(r, "1007") for r in answers if r.status_code == 429)
    assert wait == 1
    time.sleep(wait)
    assert_ok(login(client, address="10.0.0.7"))


def test_an_account_is_throttled_across_every_address(make_backend):
    client = make_backend(login_max_failures=3, login_window_seconds=60).app.test_client()
    assert_ok(register(client), 201)
    for n in range(3):
        assert_error(login(client, "wrong-pass", f"10.0.1.{n}"), 401, "1003")
    assert 1 <= assert_throttled(login(client, address="10.0.2.1"), "1007") <= 60
    assert_ok(register(client, "minh"), 201)
    assert_ok(login(client, username="minh"))


def test_a_username_and_its_email_share_one_budget(make_backend):
    client = make_backend(login_max_failures=4).app.test_client()
    assert_ok(register(client), 201)
    for who in ({"username": "linh"}, {"email": "LINH@example.com"}) * 2:
        assert_error(login(client, "wrong-pass", **who), 401, "1003")
    assert_throttled(login(client, email="linh@example.com"), "1007")
    assert_throttled(login(client, username="Linh"), "1007")


def test_a_successful_login_clears_the_account_count(make_backend):
    client = make_backend(login_max_failures=3).app.test_client()
    assert_ok(register(client), 201)
    for _ in range(2):
        for _ in range(2):
            assert_error(login(client, "wrong-pass"), 401, "1003")
        assert_ok(login(client))


def test_parallel_wrong_logins_get_exactly_the_budget_of_password_checks(make_backend):
    backend = make_backend(login_max_failures=10)
    assert_ok(register(backend.app.test_client()), 201)
    start, codes = threading.Barrier(40), []

    def guess(n):
        client = backend.app.test_client()
        start.wait()
        codes.append(login(client, f"wrong-{n}", f"10.0.3.{n}").get_json()["errorCode"])

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (codes.count("1003"), codes.count("1007")) == (10, 30)


# password changes

def test_wrong_old_passwords_are_throttled_per_account(make_backend):
    client = make_backend(login_max_failures=3).app.test_client()
    first = assert_ok(register(client), 201)["token"]
    second = assert_ok(login(client))["token"]
    for token in (first, second, first):
        assert_error(client.post("/api/auth/change-password", json={
            "old_password": "not-it-at-all", "new_password": "brand-new-pass"},
            headers={"Authorization": f"Bearer {token}"}), 401, "1003")
    assert_throttled(client.post("/api/auth/change-password", json={
        "old_password": PASSWORD, "new_password": "brand-new-pass"},
        headers={"Authorization": f"Bearer {second}"}), "1007")


# registrations and hashing

def test_registrations_are_throttled_per_address(make_backend):
    client = make_backend(registrations_per_hour=3).app.test_client()
    for n in range(3):
        assert_ok(register(client, f"writer{n}", "10.0.0.7"), 201)
    assert 3500 <= assert_throttled(register(client, "writer3", "10.0.0.7"), "0005") <= 3600
    assert_ok(register(client, "writer3", "10.0.0.8"), 201)


def test_password_hashing_waits_a_bounded_time_then_answers_0005(make_backend):
    backend = make_backend(password_hash_concurrency=1, password_hash_wait_ms=50)
    client = backend.app.test_client()
    assert_ok(register(client), 201)
    with backend.passwords.slot():
        started = time.monotonic()
        assert_throttled(register(client, "minh"), "0005")
        assert_throttled(login(client), "0005")
        assert time.monotonic() - started < 1
    assert_ok(register(client, "minh"), 201)
    assert_ok(login(client))


# the client's address

def test_forwarded_for_is_ignored_unless_a_trusted_proxy_sent_it(make_backend):
    client = make_backend(registrations_per_hour=1).app.test_client()
    assert_ok(register(client, "writer1", "10.0.0.7", **{"X-Forwarded-For": "203.0.113.1"}), 201)
    assert_throttled(register(client, "writer2", "10.0.0.7",
                              **{"X-Forwarded-For": "203.0.113.2"}), "0005")


def test_behind_a_trusted_proxy_each_client_has_its_own_budget(make_backend):
    backend = make_backend(registrations_per_hour=1,
                           trusted_proxies=parse_networks("10.0.0.1, 172.16.0.0/12"))
    client = backend.app.test_client()
    for n, chain in enumerate(["203.0.113.1", "203.0.113.2, 172.16.5.5"]):
        assert_ok(register(client, f"writer{n}", "10.0.0.1", **{"X-Forwarded-For": chain}), 201)
    # A client cannot escape its budget by writing addresses of its own into the header.
    assert_throttled(register(client, "writer2", "10.0.0.1",
                              **{"X-Forwarded-For": "198.51.100.9, 203.0.113.1"}), "0005")


# several processes: counts shared through Redis

@pytest.fixture
def redis_prefix():
    """A unique key prefix on the test Redis, its keys deleted afterwards; skip without Redis."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        client.close()
        if os.environ.get("STORYLOOM_REQUIRE_SERVICES") == "1":
            pytest.fail(f"Redis at {REDIS_URL} is unreachable: {exc}")
        pytest.skip(f"Redis at {REDIS_URL} is unreachable")
    prefix = f"storyloom-test-{uuid.uuid4().hex}"
    yield prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


def test_two_backends_on_one_redis_share_an_account_and_an_address(make_backend, redis_prefix):
    shared = {"redis_url": REDIS_URL, "redis_key_prefix": redis_prefix,
              "login_max_failures": 4, "login_attempts_per_ip": 6, "registrations_per_hour": 1}
    first, second = make_backend("a", **shared), make_backend("b", **shared)
    assert_ok(register(first.app.test_client(), address="10.0.0.9"), 201)
    # The same account in both, as two processes on one database would see it.
    store(second, first.storage.user_by("username_key", "linh"))
    clients = [first.app.test_client(), second.app.test_client()]
    for n in range(4):
        assert_error(login(clients[n % 2], "wrong-pass"), 401, "1003")
    for client in clients:
        assert_throttled(login(client), "1007")
    # Six logins from 10.0.0.1 so far, half on each backend: the address's budget is spent.
    refused = login(clients[0], username="nobody")
    assert_throttled(refused, "1007")
    assert "from this address" in refused.get_json()["errorDetail"]
    assert_throttled(register(clients[1], "minh", "10.0.0.9"), "0005")


def test_an_unreachable_redis_stops_the_start_with_a_clear_message(tmp_path):
    with pytest.raises(ConfigError, match="cannot reach the Redis server"):
        build_backend(tmp_path, redis_url="redis://127.0.0.1:1/0")


def test_a_failing_throttle_store_answers_5002(make_backend, monkeypatch):
    backend = make_backend()
    client = backend.app.test_client()
    assert_ok(register(client), 201)

    def down(*args, **kwargs):
        raise LimitsStorageError(ConnectionError("connection refused"))

    monkeypatch.setattr(backend.limits_storage, "acquire_entry", down)
    assert_error(login(client), 503, "5002")
