"""Damage never becomes loss: a start refuses damaged files, keeps torn tails aside, files 0600.

Test data is written straight to disk with the journal's and the snapshot's own encoders. What a
data directory holds is read back by opening it and closing it cleanly: the snapshot that close
writes holds the whole database.
"""

from __future__ import annotations

import errno
import glob
import json
import logging
import os
import stat
import zlib

import pytest
import requests

from core.models import Story
from core.models._base import new_id
from storage.base import StorageError
from storage.journal import encode_record
from storage.snapshot import write_snapshot
from storage.sqlite_search import INDEX_FILE
from storage.tinydb_storage import SNAPSHOT_FILE, TinyDBStorage
from tests.support.server import ServerError, ServerProcess

STAMP = "2031-01-01T00:00:00.000000Z"
BACKUP_ADVICE = 'restore the data directory from a backup (README, "Backup")'


# writing a data directory by hand

def a_story(title: str) -> dict:
    return Story(story_id=new_id(), world_id="w", title=title, owner_id="o",
                 created_at=STAMP, updated_at=STAMP).to_document()


def put(*docs: dict) -> bytes:
    return encode_record({"p": [["stories", doc] for doc in docs], "d": []})


def segment_path(data_dir, number: int) -> str:
    return os.path.join(str(data_dir), f"journal.{number:08d}.log")


def write_segment(data_dir, number: int, lines: list[bytes]) -> str:
    path = segment_path(data_dir, number)
    with open(path, "wb") as segment:
        segment.writelines(lines)
    return path


def seed(data_dir) -> dict:
    """A snapshot of three stories covering segment 1, then segments 2 and 3 of three records.

    Returns story id -> title of everything the directory holds.
    """
    os.makedirs(data_dir, exist_ok=True)
    in_snapshot = [a_story(f"snapshot {n}") for n in range(3)]
    write_snapshot(os.path.join(str(data_dir), SNAPSHOT_FILE),
                   {"stories": {d["story_id"]: d for d in in_snapshot}}, next_segment=2)
    in_journal = {number: [a_story(f"segment {number} record {n}") for n in range(3)]
                  for number in (2, 3)}
    for number, docs in in_journal.items():
        write_segment(data_dir, number, [put(doc) for doc in docs])
    every = in_snapshot + [doc for docs in in_journal.values() for doc in docs]
    return {doc["story_id"]: doc["title"] for doc in every}


def stories_after_reopen(data_dir) -> dict:
    """Story id -> title, as a start finds them (a clean close snapshots them all)."""
    TinyDBStorage(str(data_dir)).close()
    with open(os.path.join(str(data_dir), SNAPSHOT_FILE), encoding="utf-8") as snapshot:
        return {i: doc["title"] for i, doc in json.load(snapshot)["stories"].items()}


def files_of(data_dir) -> dict:
    """Every data file's name -> bytes: what "nothing changed on disk" compares.

    `.lock` is left out: a start takes it (creating it if need be) before reading anything.
    """
    found = {}
    for name in sorted(os.listdir(data_dir)):
        if name != ".lock":
            with open(os.path.join(str(data_dir), name), "rb") as handle:
                found[name] = handle.read()
    return found


def refusal(data_dir) -> str:
    """Start on the directory, expect a refusal and return its message."""
    with pytest.raises(StorageError) as refused:
        TinyDBStorage(str(data_dir))
    return str(refused.value)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# the snapshot

def test_an_empty_snapshot_refuses_to_start_and_is_left_byte_identical(tmp_path):
    data = tmp_path / "data"
    seed(data)
    (data / SNAPSHOT_FILE).write_bytes(b"")
    before = files_of(data)
    message = refusal(data)
    assert f"{data / SNAPSHOT_FILE} is empty" in message and BACKUP_ADVICE in message
    assert f"move {SNAPSHOT_FILE} out of the data directory" in message
    assert (data / SNAPSHOT_FILE).read_bytes() == b""
    assert files_of(data) == before


def _snapshot_bytes(tmp_path) -> bytes:
    seed(tmp_path / "seeded")
    return (tmp_path / "seeded" / SNAPSHOT_FILE).read_bytes()


DAMAGED_SNAPSHOTS = {
    "truncated": lambda good: good[: len(good) // 2],
    "bit_flip": lambda good: good.replace(b'"stories":{', b'"stories"\x3b{', 1),
    "whitespace": lambda good: b"  \n",
    "not_an_object": lambda good: b"[1, 2, 3]",
    "table_not_an_object": lambda good: b'{"stories": [1], "_meta": {"journal": '
                                        b'{"next_segment": 2}}}',
    "no_journal_marker": lambda good: json.dumps(
        {k: v for k, v in json.loads(good).items() if k != "_meta"}).encode(),
    "marker_not_a_number": lambda good: good.replace(b'"next_segment":2', b'"next_segment":"2"'),
}


@pytest.mark.parametrize("damage", sorted(DAMAGED_SNAPSHOTS))
def test_a_damaged_snapshot_refuses_with_a_sentence_naming_it_and_changes_nothing(
        tmp_path, damage):
    data = tmp_path / "data"
    seed(data)
    damaged = DAMAGED_SNAPSHOTS[damage](_snapshot_bytes(tmp_path))
    (data / SNAPSHOT_FILE).write_bytes(damaged)
    before = files_of(data)
    message = refusal(data)
    assert message.startswith(f"{data / SNAPSHOT_FILE} ") and BACKUP_ADVICE in message
    assert (data / SNAPSHOT_FILE).read_bytes() == damaged
    assert files_of(data) == before


@pytest.mark.slow
def test_the_server_refuses_a_truncated_snapshot_in_one_sentence_without_a_traceback(tmp_path):
    data = tmp_path / "data"
    seed(data)
    good = (data / SNAPSHOT_FILE).read_bytes()
    (data / SNAPSHOT_FILE).write_bytes(good[: len(good) - 40])
    before = files_of(data)
    server = ServerProcess(data)
    try:
        with pytest.raises(ServerError):
            server.start()
        assert server.process.returncode == 2
    finally:
        server.stop()
    log = open(server.log_path, encoding="utf-8").read()
    said = [line for line in log.splitlines() if line.startswith("Storyloom cannot start: ")]
    assert len(said) == 1, log
    assert f"{data / SNAPSHOT_FILE} is not valid JSON" in said[0] and BACKUP_ADVICE in said[0]
    assert "Traceback" not in log and "JSONDecodeError" not in log
    assert files_of(data) == before, "a refused start writes nothing, not even jwt_secret"


# the journal

def _flip_a_bit_in_the_json(line: bytes) -> bytes:
    at = line.index(b"segment")
    return line[:at] + bytes([line[at] ^ 0x01]) + line[at + 1:]


def _flip_a_bit_in_the_checksum(line: bytes) -> bytes:
    return b"%08x" % (int(line[:8], 16) ^ 0x10) + line[8:]


def _a_list_not_a_record(line: bytes) -> bytes:
    body = b"[1, 2]"
    return b"%08x %s\n" % (zlib.crc32(body), body)


BAD_COMPLETE_LINES = {
    "bit_flip_in_json": _flip_a_bit_in_the_json,
    "bit_flip_in_checksum": _flip_a_bit_in_the_checksum,
    "garbage": lambda line: b"\x00\xff\xfe not a record {{{\n",
    "blank": lambda line: b"\n",
    "not_a_record": _a_list_not_a_record,
}


@pytest.mark.parametrize("damage", sorted(BAD_COMPLETE_LINES))
def test_damage_in_the_last_complete_journal_record_refuses_and_changes_nothing(
        tmp_path, damage):
    data = tmp_path / "data"
    seed(data)
    path = segment_path(data, 3)
    lines = open(path, "rb").readlines()
    lines[-1] = BAD_COMPLETE_LINES[damage](lines[-1])
    write_segment(data, 3, lines)
    before = files_of(data)
    message = refusal(data)
    at = sum(len(line) for line in lines[:-1])
    assert message.startswith(f"{path} is damaged at byte {at}: a complete record")
    assert BACKUP_ADVICE in message and "move journal.00000003.log out of" in message
    assert files_of(data) == before


@pytest.mark.parametrize("segment", [2, 3])
def test_damage_in_the_middle_of_a_journal_refuses_and_changes_nothing(tmp_path, segment):
    data = tmp_path / "data"
    seed(data)
    path = segment_path(data, segment)
    lines = open(path, "rb").readlines()
    lines[1] = _flip_a_bit_in_the_json(lines[1])
    write_segment(data, segment, lines)
    before = files_of(data)
    message = refusal(data)
    assert message.startswith(f"{path} is damaged at byte {len(lines[0])}: ")
    assert files_of(data) == before


def test_an_incomplete_last_line_of_an_older_segment_refuses_and_changes_nothing(tmp_path):
    data = tmp_path / "data"
    seed(data)
    path = segment_path(data, 2)
    lines = open(path, "rb").readlines()
    lines[-1] = lines[-1][:-1]     # only its newline is missing
    write_segment(data, 2, lines)
    before = files_of(data)
    message = refusal(data)
    at = sum(len(line) for line in lines[:-1])
    assert message.startswith(f"{path} is damaged at byte {at}: an incomplete record")
    assert files_of(data) == before


def test_a_torn_tail_is_cut_kept_aside_and_everything_before_it_survives(tmp_path, caplog):
    data = tmp_path / "data"
    expected = seed(data)
    path = segment_path(data, 3)
    good = open(path, "rb").read()
    torn = put(a_story("never acknowledged"))[:-25]
    with open(path, "ab") as segment:
        segment.write(torn)

    with caplog.at_level(logging.WARNING, logger="storyloom.storage"):
        storage = TinyDBStorage(str(data))
    try:
        assert open(path, "rb").read() == good
    finally:
        storage.close()
    kept = glob.glob(path + ".torn-*")
    assert len(kept) == 1 and open(kept[0], "rb").read() == torn
    assert mode(kept[0]) == 0o600
    assert any(os.path.basename(kept[0]) in record.getMessage() for record in caplog.records)
    assert stories_after_reopen(data) == expected


def test_a_segment_gap_or_a_snapshot_past_the_newest_segment_is_fine(tmp_path):
    data = tmp_path / "data"
    expected = seed(data)
    os.rename(segment_path(data, 3), segment_path(data, 7))
    assert stories_after_reopen(data) == expected
    other = tmp_path / "other"
    os.makedirs(other)
    doc = a_story("in the snapshot")
    write_snapshot(str(other / SNAPSHOT_FILE), {"stories": {doc["story_id"]: doc}}, 9)
    write_segment(other, 4, [put(a_story("covered by the snapshot"))])
    assert stories_after_reopen(other) == {doc["story_id"]: "in the snapshot"}


# file modes

@pytest.fixture
def no_umask():
    """A umask of 0, so only explicit modes keep files private."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_data_files_are_owner_only_after_a_start_and_after_a_snapshot(tmp_path, no_umask):
    data = tmp_path / "data"
    seed(data)
    (data / ".lock").write_bytes(b"")
    for name in os.listdir(data):            # as older versions left them
        os.chmod(data / name, 0o644)

    storage = TinyDBStorage(str(data))
    try:
        assert {name: mode(data / name) for name in os.listdir(data)} == \
            {name: 0o600 for name in os.listdir(data)}
        assert len(glob.glob(str(data / "journal.*.log"))) == 3   # 2, 3 and the new 4
        storage.snapshot()
    finally:
        storage.close()
    assert {name: mode(data / name) for name in os.listdir(data)} == \
        {name: 0o600 for name in os.listdir(data)}
    assert len(os.listdir(data)) >= 3


def test_a_fresh_data_directory_is_created_owner_only(tmp_path, no_umask):
    data = tmp_path / "data"
    TinyDBStorage(str(data)).close()
    names = os.listdir(data)
    assert {SNAPSHOT_FILE, ".lock"} <= set(names) and any(n.startswith("journal.") for n in names)
    assert {name: mode(data / name) for name in names} == {name: 0o600 for name in names}


# a snapshot that cannot be written

def _fd_path(fd: int) -> str:
    return os.readlink(f"/proc/self/fd/{fd}")


def fill_the_disk_for_the_snapshot(monkeypatch) -> list:
    """The temp snapshot takes half its bytes, then ENOSPC; returns the temp file's modes seen."""
    real_write, modes = os.write, []

    def write(fd, data):
        if not _fd_path(fd).endswith(SNAPSHOT_FILE + ".tmp"):
            return real_write(fd, data)
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        if len(modes) == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write)
    return modes


def fail_the_snapshot_fsync(monkeypatch) -> None:
    """fsync of the temp snapshot fails with EIO."""
    real_fsync = os.fsync

    def fsync(fd):
        if _fd_path(fd).endswith(SNAPSHOT_FILE + ".tmp"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_a_snapshot_failing_on_a_full_disk_at_close_leaves_no_temp_and_loses_nothing(
        tmp_path, caplog, monkeypatch, no_umask):
    data = tmp_path / "data"
    expected = seed(data)
    storage = TinyDBStorage(str(data))
    before = files_of(data)
    temp_modes = fill_the_disk_for_the_snapshot(monkeypatch)
    with caplog.at_level(logging.ERROR, logger="storyloom.storage"):
        storage.close()                                         # does not raise
    assert temp_modes and temp_modes[0] == 0o600
    assert not os.path.exists(data / (SNAPSHOT_FILE + ".tmp"))
    after = files_of(data)
    # The search index is a cache that checkpoints its WAL at close; the journal and snapshot
    # are what must be untouched.
    assert {k: v for k, v in after.items() if k in before and not k.startswith(INDEX_FILE)} \
        == {k: v for k, v in before.items() if not k.startswith(INDEX_FILE)}
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "No space left on device" in errors[0].getMessage()
    assert errors[0].exc_info is None, "one clear line, not a traceback"

    monkeypatch.undo()                                          # the disk has room again
    assert stories_after_reopen(data) == expected


def test_a_snapshot_whose_fsync_fails_at_close_leaves_no_temp_and_loses_nothing(
        tmp_path, monkeypatch):
    data = tmp_path / "data"
    expected = seed(data)
    snapshot_before = (data / SNAPSHOT_FILE).read_bytes()
    storage = TinyDBStorage(str(data))
    fail_the_snapshot_fsync(monkeypatch)
    storage.close()
    assert not os.path.exists(data / (SNAPSHOT_FILE + ".tmp"))
    assert (data / SNAPSHOT_FILE).read_bytes() == snapshot_before
    monkeypatch.undo()
    assert stories_after_reopen(data) == expected


@pytest.mark.slow
def test_the_server_stops_cleanly_when_its_snapshot_cannot_be_written(tmp_path):
    data = tmp_path / "data"
    server = ServerProcess(data)
    try:
        server.start()
        answer = requests.post(server.url("/api/auth/register"), timeout=10, json={
            "username": "keeper", "email": "keeper@example.com", "password": "correct horse"})
        assert answer.status_code == 201, answer.text
        token = answer.json()["data"]["token"]
        # A directory where the temp snapshot goes makes every snapshot write fail.
        os.mkdir(data / (SNAPSHOT_FILE + ".tmp"))
        assert server.stop() == 0
        log = open(server.log_path, encoding="utf-8").read()
        assert "Traceback" not in log
        assert "the snapshot on stop failed" in log

        os.rmdir(data / (SNAPSHOT_FILE + ".tmp"))
        server.start()
        me = requests.get(server.url("/api/auth/me"), timeout=10,
                          headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200 and me.json()["data"]["user"]["username"] == "keeper"
    finally:
        server.stop()
