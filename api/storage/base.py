"""The storage contract every backend fulfils, in terms of models rather than queries."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from storage.schema import TABLES


class DuplicateKey(Exception):
    """A write would give a unique key a second owner."""

    def __init__(self, table: str, key: str):
        super().__init__(f"{table}.{key} already exists")
        self.table = table
        self.key = key


class StorageError(Exception):
    """The backend cannot read or durably write right now."""


@dataclass(frozen=True)
class Query:
    """A backend-neutral query.

    `any_of` lists alternatives of field equalities (a list-valued field matches when it
    contains the value); the alternatives must not overlap, so totals can be summed.
    `text` is a folded substring looked for in `text_fields`, which must hold folded text.
    """

    any_of: tuple = ({},)
    text: str | None = None
    text_fields: tuple = ()
    order_by: str | None = None
    descending: bool = True
    offset: int = 0
    limit: int | None = None


@dataclass
class Page:
    """One page of models and the number of all that matched."""

    items: list = field(default_factory=list)
    total: int = 0


class Storage(ABC):
    """Durable document storage: every write is on disk when the call returns."""

    kind = "abstract"

    def get(self, model_cls, doc_id: str):
        """The model with that id, or None."""
        doc = self._get(TABLES[model_cls].name, doc_id)
        return None if doc is None else model_cls.from_dict(doc)

    def get_many(self, model_cls, ids) -> list:
        """The models that exist among the ids, in the order of the ids."""
        docs = self._get_many(TABLES[model_cls].name, list(ids))
        return [model_cls.from_dict(doc) for doc in docs]

    def find(self, model_cls, query: Query = Query()) -> Page:
        """A page of the models matching the query, and their total."""
        docs, total = self._find(TABLES[model_cls].name, query)
        return Page([model_cls.from_dict(doc) for doc in docs], total)

    def find_ids(self, model_cls, query: Query = Query()) -> list[str]:
        """The ids of all models matching the query, in its order."""
        return self._find_ids(TABLES[model_cls].name, query)

    def count(self, model_cls, *any_of: dict) -> int:
        """How many models match any of the (non-overlapping) alternatives."""
        return self._count(TABLES[model_cls].name, any_of or ({},))

    def find_one_by(self, model_cls, key: str, value):
        """The model whose unique key has that value, or None."""
        doc = self._get_unique(TABLES[model_cls].name, key, value)
        return None if doc is None else model_cls.from_dict(doc)

    def save(self, *models) -> None:
        """Store the models (insert or replace) in one atomic, durable write."""
        self.commit(saves=models)

    def delete(self, model_cls, *ids: str) -> None:
        """Delete models by id in one atomic, durable write; missing ids are ignored."""
        self.commit(deletes=[(model_cls, doc_id) for doc_id in ids])

    def commit(self, saves=(), deletes=()) -> None:
        """Apply saves and (model class, id) deletions atomically and durably."""
        puts = [(TABLES[type(m)].name, m.to_document()) for m in saves]
        dels = [(TABLES[cls].name, doc_id) for cls, doc_id in deletes]
        if puts or dels:
            self._write(puts, dels)

    def generation(self) -> int | None:
        """A number that changes with every committed write, or None if it cannot be known here."""
        return None

    def stats(self) -> dict:
        """Backend facts for health and benchmarks (counts per table)."""
        return {spec.name: self._count(spec.name, ({},)) for spec in TABLES.values()}

    @abstractmethod
    def _get(self, table: str, doc_id: str) -> dict | None: ...

    @abstractmethod
    def _get_many(self, table: str, ids: list[str]) -> list[dict]: ...

    @abstractmethod
    def _get_unique(self, table: str, key: str, value) -> dict | None: ...

    @abstractmethod
    def _find(self, table: str, query: Query) -> tuple[list[dict], int]: ...

    @abstractmethod
    def _find_ids(self, table: str, query: Query) -> list[str]: ...

    @abstractmethod
    def _count(self, table: str, any_of: tuple) -> int: ...

    @abstractmethod
    def _write(self, puts: list, deletes: list) -> None: ...

    @abstractmethod
    def close(self) -> None:
        """Flush what is pending and release the data (idempotent)."""
