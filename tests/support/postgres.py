"""Throwaway PostgreSQL for tests: one database per test process, one schema per storage.

The server is named by env STORYLOOM_TEST_POSTGRES (a postgresql:// URL of a role that may
create databases). The database `storyloom_test_<pid>` is created on first use and dropped
when the process exits; `new_schema_url()` gives a URL whose search_path is a fresh schema.
When the server is unreachable, `require_server()` skips the test, or fails it when
STORYLOOM_REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import atexit
import functools
import itertools
import os
import threading
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import psycopg
import pytest

DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
_lock = threading.Lock()
_numbers = itertools.count(1)
_state: dict = {}


def admin_url() -> str:
    """The URL of the server's maintenance database."""
    return os.environ.get("STORYLOOM_TEST_POSTGRES") or DEFAULT_ADMIN_URL


def with_parts(url: str, dbname: str | None = None, schema: str | None = None) -> str:
    """The URL with another database and/or a search_path of one schema."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    if schema:
        query["options"] = (query.get("options", "") + f" -csearch_path={schema}").strip()
    path = f"/{dbname}" if dbname else parts.path
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query, quote_via=quote),
                       parts.fragment))


@functools.cache
def unavailable_reason() -> str | None:
    """Why the test server cannot be used, or None when it can."""
    try:
        with psycopg.connect(admin_url(), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return f"PostgreSQL at STORYLOOM_TEST_POSTGRES is unreachable ({type(exc).__name__})"


def require_server() -> None:
    """Skip the calling test without a server (fail instead when services are required)."""
    reason = unavailable_reason()
    if reason is None:
        return
    if os.environ.get("STORYLOOM_REQUIRE_SERVICES") == "1":
        pytest.fail(reason + " and STORYLOOM_REQUIRE_SERVICES=1")
    pytest.skip(reason)


def database_url() -> str:
    """The URL of this process's test database, created on first use."""
    with _lock:
        if "url" not in _state:
            name = f"storyloom_test_{os.getpid()}"
            with psycopg.connect(admin_url(), autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                admin.execute(f"CREATE DATABASE {name}")
            _state["name"], _state["url"] = name, with_parts(admin_url(), dbname=name)
            _state["conn"] = psycopg.connect(_state["url"], autocommit=True)
            atexit.register(drop_database)
        return _state["url"]


def new_schema_url() -> str:
    """The URL of a new, empty schema in the test database."""
    base = database_url()
    schema = f"s{next(_numbers)}_{os.urandom(3).hex()}"
    with _lock:
        _state["conn"].execute(f"CREATE SCHEMA {schema}")
    return with_parts(base, schema=schema)


def drop_schema(url: str) -> None:
    """Drop the schema a URL of new_schema_url() points at, with everything in it."""
    options = dict(parse_qsl(urlsplit(url).query)).get("options", "")
    schema = options.rsplit("search_path=", 1)[-1]
    with _lock:
        if "conn" in _state:
            _state["conn"].execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def drop_database() -> None:
    """Drop this process's test database (its remaining sessions are ended)."""
    with _lock:
        if "name" not in _state:
            return
        _state.pop("conn").close()
        with psycopg.connect(admin_url(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {_state.pop('name')} WITH (FORCE)")
        _state.pop("url")
