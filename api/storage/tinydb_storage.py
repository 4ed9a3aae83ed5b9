"""The default backend: TinyDB in memory, an fsynced journal and periodic snapshots."""

from __future__ import annotations

import fcntl
import heapq
import itertools
import logging
import os
import threading
import time

from tinydb import Query as TinyQuery, TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from storage.base import DuplicateKey, Query, Storage, StorageError
from storage.files import make_private, open_private
from storage.indexes import TableIndexes, sort_value
from storage.journal import Journal, encode_record, parse_record
from storage.schema import SPEC_BY_NAME
from storage.snapshot import read_snapshot, write_snapshot

log = logging.getLogger("storyloom.storage")
SNAPSHOT_FILE = "storyloom.json"


class _StrIdTable(Table):
    """A TinyDB table keyed by uuid strings whose writes cost O(1), not O(table)."""

    document_id_class = str

    def _update_table(self, updater):
        # TinyDB's own version rebuilds the whole table dict on every write.
        tables = self._storage.read() or {}
        updater(tables.setdefault(self.name, {}))
        self._storage.write(tables)
        self.clear_cache()

    def put(self, doc_id: str, doc: dict) -> None:
        """Insert or replace one document."""
        self._update_table(lambda table: table.__setitem__(doc_id, doc))

    def drop(self, doc_id: str) -> None:
        """Remove one document if present."""
        self._update_table(lambda table: table.pop(doc_id, None))


class _MemoryDb(TinyDB):
    table_class = _StrIdTable


class TinyDBStorage(Storage):
    """Documents in TinyDB's memory storage; durability from the journal and snapshots."""

    kind = "tinydb"

    def __init__(self, data_dir: str, snapshot_bytes: int = 8 * 1024 * 1024):
        os.makedirs(data_dir, exist_ok=True)
        self.data_dir = data_dir
        self._snapshot_path = os.path.join(data_dir, SNAPSHOT_FILE)
        self._snapshot_bytes = snapshot_bytes
        self._lock = threading.RLock()          # TinyDB is not thread-safe: every call holds it
        self._snapshot_lock = threading.Lock()
        self._lock_file = self._take_dir_lock()
        self._db = _MemoryDb(storage=MemoryStorage)
        self._tables = {name: self._db.table(name, cache_size=0) for name in SPEC_BY_NAME}
        self._indexes = {name: TableIndexes(spec) for name, spec in SPEC_BY_NAME.items()}
        self._journal = Journal(data_dir)
        try:
            self._load()
        except StorageError:
            self._lock_file.close()     # a refused start leaves the directory free to repair
            raise
        self._journal.open_next_segment()
        self._closed = False
        self._generation = 0
        self._snapshot_size = self._file_size(self._snapshot_path)
        self._wanted = threading.Event()
        self._snapshotter = threading.Thread(target=self._snapshot_loop, daemon=True,
                                             name="storyloom-snapshot")
        self._snapshotter.start()

    def _take_dir_lock(self):
        handle = os.fdopen(open_private(os.path.join(self.data_dir, ".lock"),
                                        os.O_WRONLY | os.O_CREAT | os.O_APPEND), "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise StorageError(f"another Storyloom process is using {self.data_dir}; "
                               "stop it first") from None
        return handle

    def _load(self) -> None:
        started = time.perf_counter()
        tables, next_segment = read_snapshot(self._snapshot_path)
        raw = {name: dict(tables.get(name, {})) for name in SPEC_BY_NAME}
        replayed = 0
        for record in self._journal.replay(next_segment):
            for name, doc in record.get("p", ()):
                raw[name][doc[SPEC_BY_NAME[name].id_field]] = doc
            for name, doc_id in record.get("d", ()):
                raw[name].pop(doc_id, None)
            replayed += 1
        make_private(self._snapshot_path)
        self._db.storage.write(raw)
        for name, docs in raw.items():
            indexes = self._indexes[name]
            for doc in docs.values():
                indexes.add(doc)
        log.info("storage loaded", extra={"fields": {
            "documents": sum(len(d) for d in raw.values()), "journal_records": replayed,
            "ms": round((time.perf_counter() - started) * 1000, 1)}})

    @staticmethod
    def _file_size(path: str) -> int:
        return os.path.getsize(path) if os.path.exists(path) else 0

    def _raw(self, table: str) -> dict:
        return self._db.storage.read()[table]

    # reads

    def _get(self, table, doc_id):
        with self._lock:
            doc = self._tables[table].get(doc_id=doc_id)
        return None if doc is None else dict(doc)

    def _get_many(self, table, ids):
        with self._lock:
            raw = self._raw(table)
            return [dict(raw[i]) for i in ids if i in raw]

    def _get_unique(self, table, key, value):
        with self._lock:
            doc_id = self._indexes[table].unique_id(key, value)
            return None if doc_id is None else dict(self._raw(table)[doc_id])

    def _count(self, table, any_of):
        with self._lock:
            lists = self._lookups(table, any_of)
            if lists is not None:
                return sum(len(entries) for entries in lists)
            return sum(len(self._scan(table, alt)) for alt in any_of)

    def _find_ids(self, table, query):
        with self._lock:
            return self._matching_ids(table, Query(
                any_of=query.any_of, text=query.text, text_fields=query.text_fields,
                order_by=query.order_by, descending=query.descending))[0]

    def _find(self, table, query):
        with self._lock:
            ids, total = self._matching_ids(table, query)
            raw = self._raw(table)
            # Read-only documents: the contract copies them into models before anyone sees them.
            return [raw[i] for i in ids], total

    def _lookups(self, table, any_of, order=None):
        lists = [self._indexes[table].lookup(alt, order) for alt in any_of]
        return None if any(entries is None for entries in lists) else lists

    def _scan(self, table, alternative: dict) -> list[dict]:
        """Documents matching one alternative, found by TinyDB's query engine."""
        condition = None
        for field, value in alternative.items():
            term = TinyQuery()[field].test(
                lambda v, value=value: v == value or (isinstance(v, list) and value in v))
            condition = term if condition is None else condition & term
        docs = self._tables[table].all() if condition is None else \
            self._tables[table].search(condition)
        return [dict(doc) for doc in docs]

    def _matching_ids(self, table, query: Query) -> tuple[list[str], int]:
        end = None if query.limit is None else query.offset + query.limit
        lists = self._lookups(table, query.any_of, query.order_by)
        if lists is not None:
            ordered = [reversed(entries) if query.descending else iter(entries)
                       for entries in lists]
            merged = ordered[0] if len(ordered) == 1 else heapq.merge(
                *ordered, reverse=query.descending)
            ids = (entry[1] for entry in merged)
            if not query.text:
                total = sum(len(entries) for entries in lists)
                return list(itertools.islice(ids, query.offset, end)), total
            raw = self._raw(table)
            hits = [i for i in ids if self._text_matches(raw[i], query)]
            return hits[query.offset:end], len(hits)
        return self._sorted_scan(table, query, end)

    def _sorted_scan(self, table, query, end):
        spec = SPEC_BY_NAME[table]
        unordered = self._lookups(table, query.any_of)
        if unordered is not None:
            raw = self._raw(table)
            docs = [raw[entry[1]] for entries in unordered for entry in entries]
        else:
            docs = [doc for alt in query.any_of for doc in self._scan(table, alt)]
        if query.text:
            docs = [doc for doc in docs if self._text_matches(doc, query)]
        order = query.order_by or spec.sort_field
        docs.sort(key=lambda d: (sort_value(d.get(order)), d[spec.id_field]),
                  reverse=query.descending)
        return [d[spec.id_field] for d in docs[query.offset:end]], len(docs)

    @staticmethod
    def _text_matches(doc: dict, query: Query) -> bool:
        return any(query.text in (doc.get(f) or "") for f in query.text_fields)

    # writes

    def _write(self, puts, deletes):
        record = {"p": [[name, doc] for name, doc in puts], "d": [list(d) for d in deletes]}
        line = encode_record(record)
        # The stored copies come from the journal line, so memory equals what a replay gives.
        stored = parse_record(line[9:-1])
        with self._lock:
            if self._closed:
                raise StorageError("storage is closed")
            self._check_batch_unique(stored["p"])
            for name, doc in stored["p"]:
                self._indexes[name].check_unique(doc)
            try:
                seq = self._journal.append(line)
            except (OSError, ValueError) as exc:
                raise StorageError(f"journal write failed: {exc}") from exc
            changes = [(name, doc[SPEC_BY_NAME[name].id_field], self._apply_put(name, doc), doc)
                       for name, doc in stored["p"]]
            changes += [(name, doc_id, self._apply_delete(name, doc_id), None)
                        for name, doc_id in stored["d"]]
            self._generation += 1
        try:
            self._journal.sync(seq)
        except (OSError, ValueError, StorageError) as exc:
            self._roll_back(changes)
            raise StorageError(f"journal fsync failed: {exc}") from exc
        # Snapshot once the journal outgrows the last snapshot: each one costs O(database), so
        # waiting for that much new data keeps the cost per write constant.
        if self._journal.bytes_in_segment > max(self._snapshot_bytes, self._snapshot_size):
            self._wanted.set()

    @staticmethod
    def _check_batch_unique(puts) -> None:
        """Two documents of one write may not claim the same unique key value."""
        claimed = {}
        for name, doc in puts:
            spec = SPEC_BY_NAME[name]
            for key in spec.unique:
                if doc.get(key) is not None and claimed.setdefault(
                        (name, key, doc[key]), doc[spec.id_field]) != doc[spec.id_field]:
                    raise DuplicateKey(name, key)

    def _apply_put(self, name, doc):
        """Store a document; returns the one it replaced, if any."""
        spec = SPEC_BY_NAME[name]
        doc_id = doc[spec.id_field]
        old = self._raw(name).get(doc_id)
        if old is not None:
            self._indexes[name].remove(old)
        self._tables[name].put(doc_id, doc)
        self._indexes[name].add(doc)
        return old

    def _apply_delete(self, name, doc_id):
        """Remove a document; returns it, or None when there was none."""
        old = self._raw(name).get(doc_id)
        if old is not None:
            self._indexes[name].remove(old)
            self._tables[name].drop(doc_id)
        return old

    def _roll_back(self, changes) -> None:
        """Undo a write that never reached the disk, so memory shows only what a restart would.

        A document a later write has replaced since is left alone: that write carries it whole.
        """
        with self._lock:
            for name, doc_id, old, new in reversed(changes):
                if self._raw(name).get(doc_id) is not new:
                    continue
                if old is None:
                    self._apply_delete(name, doc_id)
                else:
                    self._apply_put(name, old)
            self._generation += 1

    def generation(self) -> int:
        """Counts committed writes: every change in this process goes through _write."""
        return self._generation

    # snapshots and shutdown

    def snapshot(self) -> None:
        """Write the whole database to the snapshot file and drop the journal it covers."""
        with self._snapshot_lock:
            with self._lock:
                # Documents are replaced, never mutated, so shallow copies are a stable view.
                tables = {name: dict(self._raw(name)) for name in SPEC_BY_NAME}
                covered = self._journal.rotate()
            write_snapshot(self._snapshot_path, tables, covered + 1)
            self._journal.remove_upto(covered)
            self._snapshot_size = self._file_size(self._snapshot_path)

    def _snapshot_loop(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            if self._closed:
                return
            try:
                self.snapshot()
            except Exception:  # a failed snapshot loses nothing: the journal still holds it all
                log.exception("snapshot failed; the journal keeps every write")

    def close(self) -> None:
        """Snapshot, close the journal and release the data directory; a full disk loses nothing.

        Failures are logged, not raised: the previous snapshot and the journal still hold every
        acknowledged write, and the next start replays them.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._wanted.set()
        try:
            self.snapshot()
        except (OSError, StorageError) as exc:
            log.error("the snapshot on stop failed (%s); the journal and the previous "
                      "storyloom.json still hold every acknowledged write and the next start "
                      "replays them", exc)
        try:
            self._journal.close()
        except (OSError, StorageError) as exc:
            log.error("closing the journal failed (%s); writes still waiting for an answer "
                      "were not saved, every acknowledged one was", exc)
        finally:
            self._lock_file.close()
