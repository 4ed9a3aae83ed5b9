"""Fixtures of the storage contract suite: each test runs once per backend."""

from __future__ import annotations

import pytest

from tests.storage.backends import ALL_BACKENDS, DURABLE_BACKENDS, FACTORIES


@pytest.fixture(params=ALL_BACKENDS)
def storage_backend(request, tmp_path):
    """How to open (and reopen) one backend's storage over fresh data."""
    made = FACTORIES[request.param](tmp_path)
    yield made
    made.cleanup()


@pytest.fixture(params=DURABLE_BACKENDS)
def durable_backend(request, tmp_path):
    """Like storage_backend, for the backends whose data outlives a close."""
    made = FACTORIES[request.param](tmp_path)
    yield made
    made.cleanup()


@pytest.fixture
def storage(storage_backend):
    """A fresh, empty storage of the backend under test."""
    return storage_backend.open()
