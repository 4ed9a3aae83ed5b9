"""Accounts: register, login, me, verify, change-password, logout, bans and token rules."""

import time

import jwt
import pytest

from core.models import User
from tests.api.helpers import assert_error, assert_ok
from tests.builders import store, stored
from tests.conftest import TEST_SECRET, build_backend

REGISTER = {"username": "linh", "email": "linh@example.com", "password": "mat-khau-123"}


def register(client, **overrides):
    return client.post("/api/auth/register", json={**REGISTER, **overrides})


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_register_creates_a_user_with_role_user_and_a_working_token(client):
    data = assert_ok(register(client, display_name="Linh"), 201)
    assert data["user"]["role"] == "user"
    assert data["user"]["display_name"] == "Linh"
    assert "password_hash" not in data["user"] and "password" not in str(data["user"])
    me = assert_ok(client.get("/api/auth/me", headers=bearer(data["token"])))
    assert me["user"]["username"] == "linh"
    assert me["user"]["quotas"] == {"public_worlds": {"used": 0, "limit": 5},
                                    "public_stories": {"used": 0, "limit": 50},
                                    "ai_requests_today": {"used": 0, "limit": 50}}


@pytest.mark.parametrize("field", ["role", "owner_id", "user_id"])
def test_register_rejects_undefined_fields_naming_them(client, field):
    body = assert_error(register(client, **{field: "admin"}), 400, "2001")
    assert body["data"]["fields"] == {field: "unknown field"}


@pytest.mark.parametrize("overrides, field", [
    ({"username": "ab"}, "username"), ({"username": "a" * 33}, "username"),
    ({"username": "bad name!"}, "username"), ({"email": "not-an-email"}, "email"),
    ({"password": "short"}, "password"),
])
def test_register_rejects_invalid_fields(client, overrides, field):
    body = assert_error(register(client, **overrides), 400, "2001")
    assert field in body["data"]["fields"]


def test_register_names_missing_fields(client):
    body = assert_error(client.post("/api/auth/register", json={"username": "linh"}), 400, "2002")
    assert set(body["data"]["fields"]) == {"email", "password"}


def test_usernames_and_emails_are_unique_without_case(client):
    assert_ok(register(client), 201)
    body = assert_error(register(client, username="LINH", email="x@example.com"), 409, "3002")
    assert "username" in body["data"]["fields"]
    body = assert_error(register(client, username="other", email="Linh@Example.com"), 409, "3002")
    assert "email" in body["data"]["fields"]


def test_login_by_username_or_email(client):
    assert_ok(register(client), 201)
    by_name = assert_ok(client.post("/api/auth/login", json={"username": "linh",
                                                             "password": REGISTER["password"]}))
    by_mail = assert_ok(client.post("/api/auth/login", json={"email": "LINH@example.com",
                                                             "password": REGISTER["password"]}))
    assert by_name["user"]["user_id"] == by_mail["user"]["user_id"]
    assert by_name["expires_at"].endswith("Z")


def test_login_needs_a_username_or_email(client):
    body = assert_error(client.post("/api/auth/login", json={"password": "x"}), 400, "2002")
    assert "username" in body["data"]["fields"]


def test_unknown_user_and_wrong_password_get_the_same_answer(client):
    assert_ok(register(client), 201)
    wrong = assert_error(client.post("/api/auth/login", json={"username": "linh",
                                                              "password": "wrong-pass"}), 401, "1003")
    unknown = assert_error(client.post("/api/auth/login", json={"username": "nobody",
                                                                "password": "wrong-pass"}), 401, "1003")
    assert wrong == unknown


def test_login_is_rate_limited_with_retry_after(tmp_path, backend_kind):
    backend = build_backend(tmp_path, backend_kind, login_max_failures=3,
                            login_window_seconds=60)
    try:
        client = backend.app.test_client()
        assert_ok(register(client), 201)
        for _ in range(3):
            assert_error(client.post("/api/auth/login", json={"username": "linh",
                                                              "password": "nope-nope"}), 401, "1003")
        blocked = client.post("/api/auth/login", json={"username": "linh",
                                                       "password": REGISTER["password"]})
        assert_error(blocked, 429, "1007")
        assert 1 <= int(blocked.headers["Retry-After"]) <= 60
        # another account from the same address is not locked out by linh's failures
        assert_ok(register(client, username="minh", email="minh@example.com"), 201)
        assert_ok(client.post("/api/auth/login", json={"username": "minh",
                                                       "password": REGISTER["password"]}))
    finally:
        backend.close()


def test_banned_account_cannot_log_in_and_its_tokens_stop(backend, client):
    token = assert_ok(register(client), 201)["token"]
    user = backend.storage.user_by("username_key", "linh")
    user.banned = True
    store(backend, user)
    assert_error(client.get("/api/auth/me", headers=bearer(token)), 403, "1005")
    assert_error(client.post("/api/auth/login", json={"username": "linh",
                                                      "password": REGISTER["password"]}), 403, "1005")
    assert_error(client.post("/api/auth/login", json={"username": "linh",
                                                      "password": "wrong-pass"}), 401, "1003")


def test_role_is_read_from_storage_on_every_request(backend, client):
    token = assert_ok(register(client), 201)["token"]
    user = backend.storage.user_by("username_key", "linh")
    user.role = "premium"
    store(backend, user)
    me = assert_ok(client.get("/api/auth/verify", headers=bearer(token)))
    assert me["user"]["role"] == "premium"
    assert me["user"]["quotas"]["public_worlds"]["limit"] == 50


@pytest.mark.parametrize("header", [None, "Token abc", "Bearer", "Bearer not-a-jwt", "Basic eA=="])
def test_missing_or_malformed_tokens_answer_1001(client, header):
    headers = {} if header is None else {"Authorization": header}
    assert_error(client.get("/api/auth/me", headers=headers), 401, "1001")


def _claims(user_id, **overrides):
    now = int(time.time())
    return {"sub": user_id, "iat": now, "exp": now + 600, "jti": "j1", "ver": 0, **overrides}


@pytest.mark.parametrize("make_token", [
    lambda uid: jwt.encode(_claims(uid, exp=int(time.time()) - 10), TEST_SECRET, "HS256"),
    lambda uid: jwt.encode(_claims(uid), "another-secret-that-is-also-long-enough!!", "HS256"),
    lambda uid: jwt.encode(_claims(uid), TEST_SECRET, "HS512"),
    lambda uid: jwt.encode(_claims(uid), None, "none"),
    lambda uid: jwt.encode({k: v for k, v in _claims(uid).items() if k != "exp"}, TEST_SECRET,
                           "HS256"),
    lambda uid: jwt.encode(_claims("no-such-user"), TEST_SECRET, "HS256"),
], ids=["expired", "wrong-secret", "hs512", "alg-none", "no-exp", "unknown-sub"])
# The HS512 forgery reuses the server's 52-byte secret on purpose; PyJWT warns it is short for SHA-512.
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_invalid_tokens_answer_1002(backend, client, make_token):
    assert_ok(register(client), 201)
    user = backend.storage.user_by("username_key", "linh")
    assert_error(client.get("/api/auth/me", headers=bearer(make_token(user.user_id))), 401, "1002")


def test_change_password_revokes_earlier_tokens(client):
    old_token = assert_ok(register(client), 201)["token"]
    new_token = assert_ok(client.post("/api/auth/change-password", headers=bearer(old_token), json={
        "old_password": REGISTER["password"], "new_password": "brand-new-pass"}))["token"]
    assert_error(client.get("/api/auth/me", headers=bearer(old_token)), 401, "1002")
    assert_ok(client.get("/api/auth/me", headers=bearer(new_token)))
    assert_error(client.post("/api/auth/login", json={"username": "linh",
                                                      "password": REGISTER["password"]}), 401, "1003")
    assert_ok(client.post("/api/auth/login", json={"username": "linh",
                                                   "password": "brand-new-pass"}))


def test_change_password_needs_the_current_password(client):
    token = assert_ok(register(client), 201)["token"]
    assert_error(client.post("/api/auth/change-password", headers=bearer(token), json={
        "old_password": "not-it-at-all", "new_password": "brand-new-pass"}), 401, "1003")
    assert_ok(client.get("/api/auth/me", headers=bearer(token)))


def test_logout_stops_only_the_token_used(client):
    first = assert_ok(register(client), 201)["token"]
    second = assert_ok(client.post("/api/auth/login", json={
        "username": "linh", "password": REGISTER["password"]}))["token"]
    assert_ok(client.post("/api/auth/logout", headers=bearer(first)))
    assert_error(client.get("/api/auth/me", headers=bearer(first)), 401, "1002")
    assert_ok(client.get("/api/auth/me", headers=bearer(second)))


def test_admin_from_environment_is_created_once_without_a_default_password(tmp_path,
                                                                           backend_kind):
    backend = build_backend(tmp_path, backend_kind, admin_username="root",
                            admin_email="root@example.com", admin_password="admin-pass-123")
    backend.close()
    again = build_backend(tmp_path, backend_kind, admin_username="root2",
                          admin_email="root2@example.com", admin_password="admin-pass-123")
    try:
        admins = [u for u in stored(again, User) if u.role == "admin"]
        assert [a.username for a in admins] == ["root"]
        session = again.auth_service.login("admin-pass-123", username="root")
        assert session["user"].model.role == "admin"
    finally:
        again.close()

