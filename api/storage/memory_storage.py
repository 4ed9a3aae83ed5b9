"""Transactions over two in-memory stores: the base of the TinyDB backend, and a fast test backend.

Writers work on the head store, one transaction at a time; readers read the committed store,
which receives a transaction's changes only once they are durable (at once here; after the
journal's fsync in tinydb_storage). So a reader never sees a write a crash could still lose,
while the next writer already builds on it.

Lock order, outermost first; a thread holding one never waits for an earlier one:
  1. _write_lock    one transaction at a time; the head store and appends to the queue
  2. (journal lock) inside the TinyDB backend's Journal
  3. _publish_lock  moves durable changes into the committed store, in commit order
  4. _read_lock     the committed store and the change marks
"""

from __future__ import annotations

import threading
from collections import defaultdict, deque

from storage.base import (DuplicateKey, EndsOnFailure, StaleVersion, Storage, StorageError,
                          Transaction, TransactionScope)
from storage.memory_queries import MemoryReader
from storage.memory_store import MemoryStore, duplicate_id
from storage.schema import SPEC_BY_NAME, TABLES, change_scopes
from storage.search_index import MemorySearchIndex, search_store


class MemoryTransaction(EndsOnFailure, MemoryReader, Transaction):
    """A unit of work applied to the head store as it goes, with an undo log."""

    def __init__(self, store: MemoryStore):
        super().__init__(store)
        self.changes: list[tuple] = []     # (table, id, document before), oldest first

    def _put(self, spec, doc_id: str, doc: dict) -> None:
        try:
            before = self._store.put(spec.name, doc)
        except DuplicateKey as exc:
            raise self._fail(exc) from None
        self.changes.append((spec.name, doc_id, before))

    def insert(self, model) -> None:
        self._check_alive()
        spec = TABLES[type(model)]
        doc_id = getattr(model, spec.id_field)
        if self._store.get(spec.name, doc_id) is not None:
            raise self._fail(duplicate_id(spec.name))
        if spec.versioned:
            model.version = 1
        self._put(spec, doc_id, model.to_document())

    def update(self, model) -> None:
        self._check_alive()
        spec = TABLES[type(model)]
        doc_id = getattr(model, spec.id_field)
        stored = self._store.get(spec.name, doc_id)
        if stored is None or (spec.versioned and stored.get("version") != model.version):
            raise self._fail(StaleVersion(spec.name, doc_id, stored and stored.get("version")))
        if spec.versioned:
            model.version += 1
        try:
            self._put(spec, doc_id, model.to_document())
        except DuplicateKey:
            if spec.versioned:
                model.version -= 1
            raise

    def upsert(self, model) -> None:
        self._check_alive()
        spec = TABLES[type(model)]
        if spec.versioned:
            raise TypeError(f"{spec.name} are versioned: use insert or update")
        self._put(spec, getattr(model, spec.id_field), model.to_document())

    def delete(self, model_cls, *ids: str) -> None:
        self._check_alive()
        table = TABLES[model_cls].name
        for doc_id in ids:
            before = self._store.remove(table, doc_id)
            if before is not None:
                self.changes.append((table, doc_id, before))

    def undo(self) -> None:
        """Put the head store back as it was before this transaction."""
        undo(self._store, self.changes)
        self.changes = []

    def net_changes(self) -> list[tuple]:
        """(table, id, document or None when deleted) for each document touched, once."""
        touched = dict.fromkeys((table, doc_id) for table, doc_id, _ in self.changes)
        return [(table, doc_id, self._store.get(table, doc_id)) for table, doc_id in touched]


def undo(store: MemoryStore, changes: list[tuple]) -> None:
    """Reverse a change log on a store, newest change first."""
    for table, doc_id, before in reversed(changes):
        store.restore(table, doc_id, before)


class MemoryStorage(MemoryReader, Storage):
    """Every table in memory; transactions are durable at once (there is no disk)."""

    kind = "memory"

    def __init__(self, tables: dict | None = None):
        self._committed = MemoryStore()
        if tables:
            self._committed.load(tables)
        self._head = self._committed.copy()
        self._write_lock = threading.Lock()
        self._publish_lock = threading.Lock()
        self._read_lock = threading.Lock()
        super().__init__(self._committed, self._read_lock)
        self._queue: deque = deque()     # (ticket, net changes, change log) not yet published
        self._marks: dict[str, int] = defaultdict(int)
        self._in_transaction = threading.local()
        self._closed = False
        self._search = self._open_search_index()
        self._search.sync(self._committed.docs)

    # transactions

    def transaction(self) -> TransactionScope:
        return TransactionScope(self)

    def _begin(self) -> MemoryTransaction:
        if getattr(self._in_transaction, "active", False):
            raise RuntimeError("a transaction is already open in this thread")
        self._write_lock.acquire()
        if self._closed:
            self._write_lock.release()
            raise StorageError("storage is closed")
        self._in_transaction.active = True
        return MemoryTransaction(self._head)

    def _finish(self, tx: MemoryTransaction, failed: bool) -> None:
        ticket = None
        try:
            if failed or tx.failure is not None or not tx.changes:
                tx.undo()
                if not failed and tx.failure is not None:
                    raise StorageError("a failed transaction cannot commit") from tx.failure
                return
            net = tx.net_changes()
            try:
                ticket = self._persist(net)
            except BaseException:
                tx.undo()
                raise
            self._queue.append((ticket, net, tx.changes))
        finally:
            self._in_transaction.active = False
            self._write_lock.release()
        self._settle(ticket)

    def _settle(self, ticket) -> None:
        """Wait until the transaction is durable, then make it visible to readers."""
        try:
            self._await_durable(ticket)
        except Exception as exc:
            self._recover()
            raise StorageError(f"the write could not be made durable: {exc}") from exc
        self._publish_durable()

    def _publish_durable(self) -> None:
        """Move every durable queued change into the committed store, oldest first."""
        with self._publish_lock:
            while self._queue and self._is_durable(self._queue[0][0]):
                _, net, _ = self._queue.popleft()
                with self._read_lock:
                    self._apply(net)

    def _apply(self, net: list[tuple]) -> None:
        """Apply a committed transaction to the committed store and move its marks.

        Every old version goes before any new one is put, so documents that swapped unique
        values within the transaction never clash half-way.
        """
        before = [self._committed.remove(table, doc_id) for table, doc_id, _ in net]
        for (table, doc_id, doc), old in zip(net, before):
            if doc is not None:
                self._committed.put(table, doc)
            for scope in change_scopes(SPEC_BY_NAME[table], doc or old):
                self._marks[scope] += 1
        self._search.apply_many(net)

    def _recover(self) -> None:
        """After a failed durable write: undo on the head every change that is not durable."""
        with self._write_lock, self._publish_lock:
            if not self._needs_recovery():
                return
            doomed = [entry for entry in self._queue if not self._is_durable(entry[0])]
            for _, _, changes in reversed(doomed):
                undo(self._head, changes)
            for _ in doomed:
                self._queue.pop()
            self._resume()

    # search

    def _open_search_index(self):
        """The index search answers from; the TinyDB backend keeps its own on disk."""
        return MemorySearchIndex()

    def search(self, viewer, folded, exact, world_id, kinds, page):
        with self._read_lock:
            return search_store(self._committed, self._search, viewer, folded, exact,
                                world_id, kinds, page)

    # durability hooks, overridden by backends that write to disk

    def _persist(self, net: list[tuple]):
        """Start making the changes durable (under the write lock); returns a ticket."""
        return None

    def _await_durable(self, ticket) -> None:
        """Block until the ticket's changes are durable; raise when they cannot be."""

    def _is_durable(self, ticket) -> bool:
        return True

    def _needs_recovery(self) -> bool:
        return False

    def _resume(self) -> None:
        """Accept writes again after a recovery."""

    # the rest of the contract

    def change_marks(self, scopes):
        with self._read_lock:
            return tuple(self._marks.get(scope, 0) for scope in scopes)

    def health(self) -> dict:
        return {"writable": not self._closed,
                "detail": "storage is closed" if self._closed else "writes are durable"}

    def documents(self):
        with self._read_lock:
            snapshot = [(name, list(docs.values())) for name, docs in self._committed.docs.items()]
        for name, docs in snapshot:
            for doc in docs:
                yield name, doc

    def load_documents(self, pairs) -> int:
        count = 0
        with self.transaction() as tx:
            if any(tx._store.docs.values()):
                raise StorageError("restore needs an empty storage")
            for name, doc in pairs:
                spec = SPEC_BY_NAME[name]
                try:
                    before = tx._store.put(name, doc)
                except DuplicateKey as exc:
                    raise tx._fail(exc) from None
                tx.changes.append((name, doc[spec.id_field], before))
                count += 1
        return count

    def close(self) -> None:
        with self._write_lock:
            self._closed = True
