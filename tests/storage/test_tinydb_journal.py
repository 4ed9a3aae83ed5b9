"""The TinyDB backend's journal and snapshots: group commit, failed writes, what readers see."""

from __future__ import annotations

import os
import threading
import time

import pytest

from core.models import World
from core.visibility import Viewer
from storage.base import PageRequest, StorageError
from tests.storage.builders import a_story, a_world, insert

ADMIN = Viewer("admin", sees_all=True)


def _journal_with_two_lines(directory):
    from storage.journal import Journal, encode_record
    journal = Journal(str(directory))
    journal.open_next_segment()
    seq_a = journal.append(encode_record({"p": [], "d": [["worlds", "a"]]}))
    seq_b = journal.append(encode_record({"p": [], "d": [["worlds", "b"]]}))
    return journal, seq_a, seq_b


def _replayed_deletes(directory) -> list[str]:
    from storage.journal import Journal
    return [doc_id for record in Journal(str(directory)).replay(0) for _, doc_id in record["d"]]


def test_a_failed_fsync_is_not_taken_as_durable_by_writers_in_its_batch(tmp_path, monkeypatch):
    """B's line rode in A's batch; A's fsync failed, so B is told so, and later writes go on."""
    from storage.journal import encode_record
    journal, seq_a, seq_b = _journal_with_two_lines(tmp_path)
    calls, real_fsync = [], os.fsync

    def fsync_failing_once(fd):
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_failing_once)
    with pytest.raises(OSError):
        journal.sync(seq_a)
    with pytest.raises(StorageError):
        journal.sync(seq_b)
    with pytest.raises(StorageError, match="recovering"):
        journal.append(encode_record({"p": [], "d": [["worlds", "x"]]}))
    journal.resume()       # what the storage does once it has undone the failed changes
    journal.sync(journal.append(encode_record({"p": [], "d": [["worlds", "c"]]})))
    assert len(calls) == 2
    journal.close()
    assert _replayed_deletes(tmp_path) == ["c"]


def test_a_partly_written_batch_is_cut_off_so_later_records_stay_readable(tmp_path, monkeypatch):
    """A disk-full error mid-batch must not leave half a line before the next records."""
    from storage.journal import encode_record
    journal, seq_a, _ = _journal_with_two_lines(tmp_path)
    real_write, calls = os.write, []

    def write_half_then_fail(fd, data):
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[:len(data) // 2]))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write_half_then_fail)
    with pytest.raises(OSError):
        journal.sync(seq_a)
    journal.resume()
    journal.sync(journal.append(encode_record({"p": [], "d": [["worlds", "c"]]})))
    journal.close()
    assert _replayed_deletes(tmp_path) == ["c"]


def test_lines_lost_with_a_failed_rotation_are_never_reported_durable(tmp_path, monkeypatch):
    """A snapshot's rotation flushes pending lines; if that fails, their writers hear of it."""
    journal, seq_a, _ = _journal_with_two_lines(tmp_path)
    monkeypatch.setattr(os, "fsync", _failing(OSError(5, "Input/output error")))
    with pytest.raises(OSError):
        journal.rotate()
    monkeypatch.undo()
    with pytest.raises(StorageError):
        journal.sync(seq_a)
    journal.close()


def test_a_failed_write_that_cannot_be_cut_off_stops_all_later_writes(tmp_path, monkeypatch):
    """Appending after half a line would damage the journal, so it refuses instead."""
    from storage.journal import encode_record
    journal, seq_a, _ = _journal_with_two_lines(tmp_path)
    monkeypatch.setattr(os, "fsync", _failing(OSError(5, "Input/output error")))
    monkeypatch.setattr(os, "ftruncate", _failing(OSError(5, "Input/output error")))
    with pytest.raises(OSError):
        journal.sync(seq_a)
    monkeypatch.undo()
    journal.resume()
    with pytest.raises(StorageError, match="restart"):
        journal.sync(journal.append(encode_record({"p": [], "d": [["worlds", "c"]]})))


def test_concurrent_writers_share_fsyncs_and_every_line_is_kept(tmp_path, monkeypatch):
    """Group commit: while one fsync runs, the others' lines gather into the next batch."""
    from storage.journal import Journal, encode_record
    journal = Journal(str(tmp_path))
    journal.open_next_segment()
    real_fsync, fsyncs = os.fsync, []

    def slow_fsync(fd):
        fsyncs.append(fd)
        time.sleep(0.005)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)

    def writer(n):
        for i in range(40):
            journal.sync(journal.append(encode_record({"p": [], "d": [["worlds", f"{n}-{i}"]]})))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    journal.close()
    monkeypatch.undo()
    assert sorted(_replayed_deletes(tmp_path)) == sorted(f"{n}-{i}" for n in range(8)
                                                         for i in range(40))
    assert len(fsyncs) < 320 / 2, f"{len(fsyncs)} fsyncs for 320 writes"


def _failing(error):
    def fail(*args):
        raise error
    return fail


def test_a_write_that_never_reached_the_disk_is_undone_in_memory(tmp_path, monkeypatch):
    """Memory shows only what a restart would: a failed update, insert or delete leaves no trace."""
    from storage.tinydb_storage import TinyDBStorage
    storage = TinyDBStorage(str(tmp_path / "data"))
    kept, gone = a_world(name="Kept"), a_world(name="Gone")
    insert(storage, kept, gone)
    kept.name, fresh = "Renamed", a_world(name="Fresh")
    monkeypatch.setattr(os, "fsync", _failing(OSError(5, "Input/output error")))
    with pytest.raises(StorageError):
        with storage.transaction() as tx:
            tx.update(kept)
            tx.insert(fresh)
    with pytest.raises(StorageError):
        with storage.transaction() as tx:
            tx.delete(World, gone.world_id)
    monkeypatch.undo()
    assert storage.health()["writable"] is False
    seen = sorted(w.name for w in storage.list_visible_worlds(ADMIN, "all", None,
                                                              PageRequest()).items)
    assert seen == ["Gone", "Kept"]
    with storage.transaction() as tx:      # the head store was put back too: this builds on it
        assert sorted(w.name for w in tx.list_visible_worlds(ADMIN, "all", None,
                                                             PageRequest()).items) == seen
        tx.insert(a_world(name="Later"))
    assert storage.health()["writable"] is True
    storage.close()
    reopened = TinyDBStorage(str(tmp_path / "data"))
    assert sorted(w.name for w in reopened.list_visible_worlds(
        ADMIN, "all", None, PageRequest()).items) == ["Gone", "Kept", "Later"]
    reopened.close()


def test_writers_queued_behind_a_failed_fsync_fail_with_it(tmp_path, monkeypatch):
    """A write committed after a failing one may build on it, so it must not survive alone."""
    from storage.tinydb_storage import TinyDBStorage
    storage = TinyDBStorage(str(tmp_path / "data"))
    real_fsync, started, release = os.fsync, threading.Event(), threading.Event()

    def failing_slowly(fd):
        started.set()
        release.wait(5)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_slowly)
    outcomes = {}

    def write(name):
        try:
            insert(storage, a_world(name=name))
            outcomes[name] = "ok"
        except StorageError:
            outcomes[name] = "failed"

    first = threading.Thread(target=write, args=("first",))
    first.start()
    assert started.wait(5)
    second = threading.Thread(target=write, args=("second",))
    second.start()
    time.sleep(0.05)           # the second write is now queued behind the failing fsync
    release.set()
    first.join()
    monkeypatch.setattr(os, "fsync", real_fsync)
    second.join()
    assert outcomes == {"first": "failed", "second": "failed"}
    assert storage.list_visible_worlds(ADMIN, "all", None, PageRequest()).total == 0
    insert(storage, a_world(name="third"))
    storage.close()
    reopened = TinyDBStorage(str(tmp_path / "data"))
    assert [w.name for w in reopened.list_visible_worlds(ADMIN, "all", None,
                                                         PageRequest()).items] == ["third"]
    reopened.close()


def test_readers_see_a_write_only_once_its_fsync_returned(tmp_path, monkeypatch):
    from storage.tinydb_storage import TinyDBStorage
    storage = TinyDBStorage(str(tmp_path / "data"))
    real_fsync, syncing, release = os.fsync, threading.Event(), threading.Event()

    def slow_fsync(fd):
        syncing.set()
        release.wait(5)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    world = a_world(name="Pending")
    writer = threading.Thread(target=insert, args=(storage, world))
    writer.start()
    assert syncing.wait(5)
    during = storage.get(World, world.world_id)
    release.set()
    writer.join()
    monkeypatch.undo()
    assert during is None
    assert storage.get(World, world.world_id) == world
    storage.close()


def test_the_snapshot_is_a_file_tinydb_itself_opens(tmp_path):
    """Snapshots stay in TinyDB's own format, so a data folder can be read with TinyDB alone."""
    from tinydb import TinyDB
    from tinydb.storages import JSONStorage
    from tinydb.table import Table

    from storage.tinydb_storage import SNAPSHOT_FILE, TinyDBStorage

    class UuidKeyedTable(Table):
        document_id_class = str     # our ids are uuid strings, TinyDB's default is int

    class UuidKeyedTinyDB(TinyDB):
        table_class = UuidKeyedTable

    storage = TinyDBStorage(str(tmp_path / "data"))
    world = a_world(name="Đại Việt")
    insert(storage, world, a_story(world.world_id, title="Sơn Tinh, Thủy Tinh"))
    storage.close()
    with UuidKeyedTinyDB(str(tmp_path / "data" / SNAPSHOT_FILE), storage=JSONStorage,
                         access_mode="r") as db:
        assert [doc["name"] for doc in db.table("worlds").all()] == ["Đại Việt"]
        assert [doc["title"] for doc in db.table("stories").all()] == ["Sơn Tinh, Thủy Tinh"]
