"""The default backend: TinyDB's file format on disk, an fsynced journal, the memory engine.

The database lives in DATA_DIR as a snapshot (`storyloom.json`, a TinyDB JSON database that
TinyDB itself opens) plus the journal of every change since (journal.py). In memory the
documents sit in a MemoryStore with indexes rather than in TinyDB's tables, whose every write
rebuilds the whole table.

A transaction holds the write lock while it works on the head store, appends one journal line
and lets go; it then waits for the group commit's fsync, and only then are its changes moved
into the store readers see (memory_storage.py). Lock order: snapshot lock, then the order
stated in memory_storage.py.
"""

from __future__ import annotations

import fcntl
import gc
import logging
import os
import threading
import time
from contextlib import contextmanager

from storage.base import FolderInUse, StorageError
from storage.damage import DamagedData
from storage.files import make_private, open_private
from storage.journal import Journal, encode_record
from storage.memory_storage import MemoryStorage
from storage.schema import SPEC_BY_NAME
from storage.snapshot import read_snapshot, write_snapshot
from storage.sqlite_search import INDEX_FILE, SqliteSearchIndex
from storage.upgrades import upgrade_tables

log = logging.getLogger("storyloom.storage")
SNAPSHOT_FILE = "storyloom.json"


class TinyDBStorage(MemoryStorage):
    """Durable embedded storage over one data directory, for one process at a time."""

    kind = "tinydb"

    def __init__(self, data_dir: str, snapshot_bytes: int = 8 * 1024 * 1024):
        os.makedirs(data_dir, exist_ok=True)
        self.data_dir = data_dir
        self._snapshot_path = os.path.join(data_dir, SNAPSHOT_FILE)
        self._snapshot_bytes = snapshot_bytes
        self._snapshot_lock = threading.Lock()
        self._lock_file = self._take_dir_lock()
        try:
            self._journal = Journal(data_dir)
            with _no_cycle_collection():
                super().__init__(self._load())
            self._journal.open_next_segment()
        except BaseException:
            self._lock_file.close()
            raise
        self._snapshot_size = _file_size(self._snapshot_path)
        self._write_error: str | None = None
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
            raise FolderInUse(f"another Storyloom process is using {self.data_dir}; "
                              "stop it first") from None
        return handle

    def _load(self) -> dict:
        """The tables of the snapshot with the journal after it replayed on top."""
        started = time.perf_counter()
        tables, next_segment = read_snapshot(self._snapshot_path)
        raw = {name: dict(tables.get(name, {})) for name in SPEC_BY_NAME}
        replayed = 0
        for record in self._journal.replay(next_segment):
            try:
                for name, doc in record.get("p", ()):
                    raw[name][doc[SPEC_BY_NAME[name].id_field]] = doc
                for name, doc_id in record.get("d", ()):
                    raw[name].pop(doc_id, None)
            except (KeyError, TypeError, ValueError):
                raise DamagedData(
                    f"a journal in {self.data_dir} holds an intact record this version cannot "
                    "apply (an unknown table or a document without its id); nothing was "
                    'changed: restore the data directory from a backup (README, "Backup")'
                ) from None
            replayed += 1
        upgrade_tables(raw)
        make_private(self._snapshot_path)
        log.info("storage loaded", extra={"fields": {
            "documents": sum(len(d) for d in raw.values()), "journal_records": replayed,
            "ms": round((time.perf_counter() - started) * 1000, 1)}})
        return raw

    # durability

    def _persist(self, net):
        record = {"p": [[table, doc] for table, _, doc in net if doc is not None],
                  "d": [[table, doc_id] for table, doc_id, doc in net if doc is None]}
        return self._journal.append(encode_record(record))

    def _await_durable(self, ticket) -> None:
        try:
            self._journal.sync(ticket)
        except (OSError, ValueError, StorageError):
            self._write_error = ("the last write could not be made durable (the disk refused "
                                 "it); see the server log")
            raise
        self._write_error = None
        # Snapshot once the journal outgrows the last snapshot: each one costs O(database), so
        # waiting for that much new data keeps the cost per write constant.
        if self._journal.bytes_in_segment > max(self._snapshot_bytes, self._snapshot_size):
            self._wanted.set()

    def _is_durable(self, ticket) -> bool:
        return ticket <= self._journal.durable

    def _needs_recovery(self) -> bool:
        return self._journal.halted

    def _resume(self) -> None:
        self._journal.resume()

    def _open_search_index(self):
        return SqliteSearchIndex(os.path.join(self.data_dir, INDEX_FILE))

    def health(self) -> dict:
        if self._closed:
            return {"writable": False, "detail": "storage is closed"}
        if self._write_error:
            return {"writable": False, "detail": self._write_error}
        return {"writable": True, "detail": "writes are durable"}

    # snapshots and shutdown

    def snapshot(self) -> None:
        """Write the whole database to the snapshot file and drop the journal it covers."""
        with self._snapshot_lock:
            with self._write_lock:
                covered = self._journal.rotate()
                self._publish_durable()
                with self._read_lock:
                    # Documents are replaced, never mutated, so shallow copies are a stable view.
                    tables = {name: dict(docs) for name, docs in self._committed.docs.items()}
            write_snapshot(self._snapshot_path, tables, covered + 1)
            self._journal.remove_upto(covered)
            self._snapshot_size = _file_size(self._snapshot_path)

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
        with self._write_lock:
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
            self._search.close()
            self._lock_file.close()

@contextmanager
def _no_cycle_collection():
    """Load without the cycle collector, then exempt what was loaded from its later passes.

    Loading makes millions of long-lived objects; collecting while they are made repeatedly
    rescans them all (2.7 s instead of 0.9 s to parse 100,000 stories), and every later full
    collection would rescan them again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _file_size(path: str) -> int:
    return os.path.getsize(path) if os.path.exists(path) else 0
