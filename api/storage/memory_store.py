"""Every table's documents in memory with their indexes: the engine under the embedded backends.

Not thread-safe: its owner (memory_storage.MemoryStorage) decides who may touch it when.
Stored documents are never mutated, only replaced, so a document handed out stays valid.
"""

from __future__ import annotations

import heapq
import itertools

from storage.base import DuplicateKey
from storage.indexes import TableIndexes, sort_value
from storage.schema import SPEC_BY_NAME


class MemoryStore:
    """Documents by table and id, indexed as their TableSpec says."""

    def __init__(self):
        self.docs: dict[str, dict] = {name: {} for name in SPEC_BY_NAME}
        self.indexes: dict[str, TableIndexes] = {name: TableIndexes(spec)
                                                 for name, spec in SPEC_BY_NAME.items()}

    # documents

    def get(self, table: str, doc_id: str) -> dict | None:
        """The stored document, or None."""
        return self.docs[table].get(doc_id)

    def put(self, table: str, doc: dict) -> dict | None:
        """Insert or replace a document; returns the one replaced. DuplicateKey leaves all as was."""
        indexes = self.indexes[table]
        indexes.check_unique(doc)
        doc_id = doc[indexes.spec.id_field]
        old = self.docs[table].get(doc_id)
        if old is not None:
            indexes.remove(old)
        self.docs[table][doc_id] = doc
        indexes.add(doc)
        return old

    def remove(self, table: str, doc_id: str) -> dict | None:
        """Delete a document; returns it, or None when there was none."""
        old = self.docs[table].pop(doc_id, None)
        if old is not None:
            self.indexes[table].remove(old)
        return old

    def restore(self, table: str, doc_id: str, doc: dict | None) -> None:
        """Put back what a document was (None: absent), to undo a change."""
        if doc is None:
            self.remove(table, doc_id)
        else:
            self.put(table, doc)

    def load(self, tables: dict) -> None:
        """Fill an empty store with {table: {id: doc}} in bulk."""
        for name, docs in tables.items():
            if name not in self.docs:
                continue
            self.docs[name] = dict(docs)
            self.indexes[name].build(docs.values())

    def copy(self) -> "MemoryStore":
        """An independent store holding the same (shared, immutable) documents."""
        twin = MemoryStore.__new__(MemoryStore)
        twin.docs = {name: dict(docs) for name, docs in self.docs.items()}
        twin.indexes = {name: indexes.copy() for name, indexes in self.indexes.items()}
        return twin

    def check_unique(self, table: str, doc: dict) -> None:
        """Raise DuplicateKey if the document would take another one's unique value."""
        self.indexes[table].check_unique(doc)

    def owner_of(self, table: str, key: tuple, value: tuple) -> str | None:
        """The id of the document holding a unique value."""
        return self.indexes[table].owner_of(key, value)

    # selections

    def count(self, table: str, alternatives) -> int:
        """How many documents match any of the (disjoint) alternatives."""
        return sum(len(self.indexes[table].lookup(alt)) for alt in alternatives)

    def select(self, table: str, alternatives, *, order: str | None = None,
               descending: bool = False, text: str | None = None, text_fields: tuple = (),
               offset: int = 0, limit: int | None = None) -> tuple[list[dict], int]:
        """Documents matching any of the disjoint alternatives, in order, and their total.

        Every alternative must be answerable by an index. `text` keeps documents whose
        text_fields contain it (folded values). Ties in order are broken by id.
        """
        lists = [self.indexes[table].lookup(alt, order) for alt in alternatives]
        streams = [reversed(entries) if descending else iter(entries) for entries in lists]
        merged = streams[0] if len(streams) == 1 else heapq.merge(*streams, reverse=descending)
        docs = self.docs[table]
        end = None if limit is None else offset + limit
        if not text:
            total = sum(len(entries) for entries in lists)
            return [docs[entry[1]] for entry in itertools.islice(merged, offset, end)], total
        hits = [docs[entry[1]] for entry in merged
                if any(text in (docs[entry[1]].get(f) or "") for f in text_fields)]
        return hits[offset:end], len(hits)

    def in_range(self, table: str, alternative: dict, order: str, low, high) -> list[dict]:
        """Documents matching the alternative whose `order` field lies in [low, high]."""
        entries = self.indexes[table].lookup(alternative, order)
        if not entries:
            return []
        found = entries.irange((sort_value(low), ""), (sort_value(high), "\uffff"))
        return [self.docs[table][entry[1]] for entry in found]


def duplicate_id(table: str) -> DuplicateKey:
    """The error for inserting an id that is already stored."""
    return DuplicateKey(table, SPEC_BY_NAME[table].id_field)
