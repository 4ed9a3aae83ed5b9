"""No N+1: a list page costs the same number of storage queries whatever its length."""

from __future__ import annotations

import pytest

from storage.base import Reader
from storage.memory_storage import MemoryStorage
from tests.api.helpers import assert_ok
from tests.builders import make_entity, make_location, make_story, make_user, make_world, share
from tests.conftest import FAST_HASH, TEST_SECRET

QUERIES = {name for name, value in vars(Reader).items()
           if getattr(value, "__isabstractmethod__", False)}


class CountingStorage:
    """A storage whose Reader queries (outside transactions too) are counted."""

    def __init__(self, inner):
        self._inner = inner
        self.calls: list[str] = []

    def __getattr__(self, name):
        value = getattr(self._inner, name)
        if name in QUERIES:
            def counted(*args, **kwargs):
                self.calls.append(name)
                return value(*args, **kwargs)
            return counted
        return value


@pytest.fixture
def counted(tmp_path):
    from interfaces.api_backend import ApiBackend
    storage = CountingStorage(MemoryStorage())
    backend = ApiBackend(env={}, storage=storage, data_dir=str(tmp_path), jwt_secret=TEST_SECRET,
                         frontend_dist=str(tmp_path / "none"), **FAST_HASH)
    yield backend, storage
    backend.close()


def queries_for(backend, storage, url: str, headers: dict) -> int:
    client = backend.app.test_client()
    storage.calls.clear()
    data = assert_ok(client.get(url, headers=headers))
    assert data["items"], url
    return len(storage.calls)


def test_list_pages_cost_the_same_queries_for_5_or_50_items(counted):
    backend, storage = counted
    owner, headers = make_user(backend, "premium", "owner")
    friend, friend_headers = make_user(backend, "user", "friend")
    costs = {}
    for size in (5, 50):
        worlds = [make_world(backend, owner, name=f"W{size}-{n}",
                             visibility=("public", "private")[n % 2]) for n in range(size)]
        first = worlds[0]["world_id"]
        share(backend, owner, first, friend, "viewer")
        for n in range(size):
            make_story(backend, owner, first, title=f"S{size}-{n}",
                       visibility=("public", "private")[n % 2])
            make_entity(backend, owner, first, name=f"E{size}-{n}")
            make_location(backend, owner, first, name=f"L{size}-{n}")
        urls = ["/api/worlds?page_size=100&q=w" + str(size), "/api/stories?page_size=100",
                f"/api/worlds/{first}/stories?page_size=100",
                f"/api/worlds/{first}/entities?page_size=100",
                f"/api/worlds/{first}/locations?page_size=100"]
        # every request is made twice, signed in and not, and with a fresh cache each time
        callers = (("anon", {}), ("owner", headers), ("friend", friend_headers))
        costs[size] = [queries_for(backend, storage, f"{url}&n={size}-{who}", h)
                       for url in urls for who, h in callers]
    assert costs[5] == costs[50], costs
    assert max(costs[50]) <= 6, costs
