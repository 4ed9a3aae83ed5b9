"""Shared fixtures: a real ApiBackend on each storage backend, its client, and users.

`backend` runs a test once per durable backend (TinyDB in a temporary folder, and PostgreSQL
in a schema of its own); matrix modules use the in-memory backend instead of TinyDB
(`backend_kinds = MATRIX_BACKENDS` at module level), since they make thousands of requests
whose durability other suites already prove. Without a reachable PostgreSQL its runs are
skipped, or fail when STORYLOOM_REQUIRE_SERVICES=1 (tests/run-all.sh sets it).
"""

from __future__ import annotations

import itertools

import pytest

from interfaces.api_backend import ApiBackend
from storage.memory_storage import MemoryStorage
from tests.builders import Actors, make_user
from tests.support import postgres
from tests.support.checked_client import CheckedClient

# argon2 at its production cost takes ~140 ms a hash; tests use the cheapest sound setting.
FAST_HASH = {"password_time_cost": 1, "password_memory_kib": 1024}
TEST_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789"
API_BACKENDS = ["tinydb", "postgresql"]
MATRIX_BACKENDS = ["memory", "postgresql"]
_SCHEMAS: dict[str, str] = {}     # test folder -> its PostgreSQL schema, so a backend reopens


def build_backend(tmp_path, kind: str = "tinydb", **overrides) -> ApiBackend:
    """An ApiBackend of the storage kind, isolated from the machine's environment.

    Built twice for one tmp_path, it opens the same data again (the folder, or the schema).
    """
    settings = {"data_dir": str(tmp_path / "data"), "jwt_secret": TEST_SECRET,
                "frontend_dist": str(tmp_path / "no-frontend"), **FAST_HASH, **overrides}
    storage = MemoryStorage() if kind == "memory" else None
    if kind == "postgresql":
        postgres.require_server()
        settings["database_url"] = _SCHEMAS.setdefault(str(tmp_path), postgres.new_schema_url())
    backend = ApiBackend(env={}, storage=storage, **settings)
    backend.app.test_client_class = CheckedClient
    return backend


def pytest_generate_tests(metafunc):
    """Parametrize `backend_kind`: a test's `backends` mark, else the module's
    `backend_kinds`, else API_BACKENDS."""
    if "backend_kind" in metafunc.fixturenames:
        marker = metafunc.definition.get_closest_marker("backends")
        kinds = list(marker.args) if marker else getattr(metafunc.module, "backend_kinds",
                                                         API_BACKENDS)
        metafunc.parametrize("backend_kind", kinds, scope="function")


@pytest.fixture
def backend(tmp_path, backend_kind):
    """The whole backend on fresh, empty storage of one kind, closed after the test."""
    instance = build_backend(tmp_path, backend_kind)
    yield instance
    instance.close()


@pytest.fixture
def app(backend):
    """The Flask app of the backend."""
    return backend.app


@pytest.fixture
def client(app):
    """A test client that also checks every successful answer against its Out schema."""
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
