"""Shared fixtures: a real ApiBackend on a temporary TinyDB directory, its client, and users."""

from __future__ import annotations

import itertools

import pytest

from interfaces.api_backend import ApiBackend
from tests.builders import Actors, make_user

# argon2 at its production cost takes ~140 ms a hash; tests use the cheapest sound setting.
FAST_HASH = {"password_time_cost": 1, "password_memory_kib": 1024}
TEST_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789"


def build_backend(tmp_path, **overrides) -> ApiBackend:
    """An ApiBackend isolated from the machine's environment."""
    settings = {"data_dir": str(tmp_path / "data"), "jwt_secret": TEST_SECRET,
                "frontend_dist": str(tmp_path / "no-frontend"), **FAST_HASH, **overrides}
    return ApiBackend(env={}, **settings)


@pytest.fixture
def backend(tmp_path):
    """The whole backend on a fresh data directory, closed after the test."""
    instance = build_backend(tmp_path)
    yield instance
    instance.close()


@pytest.fixture
def app(backend):
    """The Flask app of the backend."""
    return backend.app


@pytest.fixture
def client(app):
    """Flask's test client for the app."""
    return app.test_client()


@pytest.fixture
def auth_headers(backend):
    """A factory: auth_headers(role) registers a new user of that role and returns headers."""
    counter = itertools.count(1)

    def factory(role: str = "user") -> dict:
        return make_user(backend, role, f"{role}{next(counter)}")[1]

    return factory


@pytest.fixture
def actors(backend):
    """Owner, other user, viewer, editor, moderator, admin and guest, each with headers."""
    return Actors(backend)
