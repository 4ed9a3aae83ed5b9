"""How the storage tests open each backend: fresh data per test, reopened over the same data.

A backend factory has `open()` (a new Storage over this test's data; call again to reopen),
`open_code()` (Python that binds `storage` in a fresh interpreter, for crash tests),
`open_empty()` (a second storage with data of its own), `durable` (whether data
outlives close), `settle(storage)` (finish background work before a
timing) and `cleanup()`.
"""

from __future__ import annotations

import os

from storage.memory_storage import MemoryStorage
from storage.postgres_storage import PostgresStorage
from storage.tinydb_storage import TinyDBStorage
from tests.support import postgres


class MemoryBackend:
    """The in-memory backend: nothing outlives the instance."""

    name = "memory"
    durable = False

    def __init__(self, tmp_path):
        self._opened = []

    def open(self):
        storage = MemoryStorage()
        self._opened.append(storage)
        return storage

    def open_empty(self):
        """Another storage with data of its own (a restore target)."""
        return self.open()

    def open_code(self) -> str:
        raise NotImplementedError("the memory backend keeps nothing across processes")

    def settle(self, storage) -> None:
        pass

    def cleanup(self) -> None:
        for storage in self._opened:
            storage.close()


class TinyDBBackend:
    """The embedded backend over one data directory."""

    name = "tinydb"
    durable = True

    def __init__(self, tmp_path):
        self.data_dir = str(tmp_path / "tinydb-data")
        self._opened = []
        self._twins = 0

    def open(self):
        storage = TinyDBStorage(self.data_dir)
        self._opened.append(storage)
        return storage

    def open_empty(self):
        """Another storage with data of its own (a restore target)."""
        self._twins += 1
        storage = TinyDBStorage(f"{self.data_dir}-twin-{self._twins}")
        self._opened.append(storage)
        return storage

    def open_code(self) -> str:
        return ("from storage.tinydb_storage import TinyDBStorage\n"
                f"storage = TinyDBStorage({self.data_dir!r})\n")

    def settle(self, storage) -> None:
        storage.snapshot()

    def cleanup(self) -> None:
        for storage in self._opened:
            storage.close()


class PostgresBackend:
    """PostgreSQL, one fresh schema per storage in the test process's database."""

    name = "postgresql"
    durable = True

    def __init__(self, tmp_path):
        postgres.require_server()
        self.url = postgres.new_schema_url()
        self._urls = [self.url]
        self._opened = []

    def _open(self, url: str):
        storage = PostgresStorage(url, min_connections=1)
        self._opened.append(storage)
        return storage

    def open(self):
        return self._open(self.url)

    def open_empty(self):
        """Another storage with data of its own (a restore target)."""
        self._urls.append(postgres.new_schema_url())
        return self._open(self._urls[-1])

    def open_code(self) -> str:
        return ("from storage.postgres_storage import PostgresStorage\n"
                f"storage = PostgresStorage({self.url!r})\n")

    def settle(self, storage) -> None:
        pass

    def cleanup(self) -> None:
        for storage in self._opened:
            storage.close()
        for url in self._urls:
            postgres.drop_schema(url)


FACTORIES = {"memory": MemoryBackend, "tinydb": TinyDBBackend, "postgresql": PostgresBackend}
ALL_BACKENDS = list(FACTORIES)
DURABLE_BACKENDS = [name for name, factory in FACTORIES.items() if factory.durable]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
