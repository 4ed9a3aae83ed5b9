"""An append-only, fsynced change journal in numbered segments, with group commit."""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import zlib

import orjson

from storage.base import StorageError
from storage.files import fsync_dir, make_private, open_private, write_all

log = logging.getLogger("storyloom.storage")
_SEGMENT = re.compile(r"^journal\.(\d{8})\.log$")


def encode_record(record: dict) -> bytes:
    """One journal line: crc32 of the JSON, a space, the JSON, a newline."""
    body = orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS)
    return b"%08x %s\n" % (zlib.crc32(body), body)


def decode_line(line: bytes) -> dict | None:
    """The record of a complete, intact line, or None for a torn or damaged one."""
    if not line.endswith(b"\n") or len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:-1]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        return parse_record(body)
    except ValueError:
        return None


def parse_record(body: bytes) -> dict:
    """The record in a line's JSON (older journals may hold NaN, which only json reads)."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return json.loads(body)


class Journal:
    """Numbered journal segments in a directory; one is open for appending.

    Writers append lines to memory and then call sync. Group commit: one writer at a time (the
    leader) writes everything pending and fsyncs it; writers arriving meanwhile wait and are
    usually carried by the next leader's batch, so one fsync covers many writes and no writer
    holds a lock across a write or fsync.
    """

    def __init__(self, directory: str):
        self.directory = directory
        self._lock = threading.RLock()         # guards every field below
        self._flush_done = threading.Condition(self._lock)
        self._fd: int | None = None
        self._segment = 0
        self._pending: list[bytes] = []        # appended lines not yet handed to the kernel
        self._seq = 0                          # the last sequence number handed out
        self._durable = 0                      # lines up to this number are on disk
        self._failed = 0                       # lines up to this number rode in a failed batch
        self._flushing = False                 # a leader is writing and syncing a batch
        self._size = 0                         # bytes of the open segment written so far
        self._broken = False                   # a failed batch could not be cut off the file
        self.bytes_in_segment = 0

    def segments(self) -> list[int]:
        """The numbers of the segments on disk, oldest first."""
        found = (_SEGMENT.match(name) for name in os.listdir(self.directory))
        return sorted(int(m.group(1)) for m in found if m)

    def _path(self, number: int) -> str:
        return os.path.join(self.directory, f"journal.{number:08d}.log")

    def replay(self, first_segment: int):
        """Yield the records of segments >= first_segment, cutting off a torn tail."""
        for number in self.segments():
            if number >= first_segment:
                yield from self._replay_segment(self._path(number))
        for number in self.segments():
            make_private(self._path(number))

    def _replay_segment(self, path: str):
        good_end = 0
        with open(path, "rb") as handle:
            for line in handle:
                record = decode_line(line)
                if record is None:
                    break
                good_end += len(line)
                yield record
            # A crash can only tear the end; intact records after a bad line mean real damage.
            if any(decode_line(line) is not None for line in handle):
                raise StorageError(
                    f"journal {path} is damaged at byte {good_end} and has intact records after "
                    "the damage; restore the data directory from a backup, or move this file "
                    "away to start without the changes it holds")
        if good_end < os.path.getsize(path):
            log.warning("journal %s: dropping a torn tail after byte %d",
                        os.path.basename(path), good_end)
            with open(path, "r+b") as handle:
                handle.truncate(good_end)
                os.fsync(handle.fileno())

    def open_next_segment(self) -> None:
        """Start appending to a fresh segment after the newest on disk."""
        with self._lock:
            self._open(max(self.segments(), default=0) + 1)

    def _open(self, number: int) -> None:
        self._fd = open_private(self._path(number), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        self._segment = number
        self._size = os.fstat(self._fd).st_size
        self.bytes_in_segment = self._size
        fsync_dir(self.directory)

    def append(self, line: bytes) -> int:
        """Queue a line for the current segment; returns its sequence number."""
        with self._lock:
            self._pending.append(line)
            self.bytes_in_segment += len(line)
            self._seq += 1
            return self._seq

    def sync(self, seq: int) -> None:
        """Return once the line with that sequence number is on disk.

        Raises OSError or StorageError when the write or fsync of the batch carrying the line
        failed: such a line is never reported durable.
        """
        with self._lock:
            while self._flushing and self._durable < seq:
                self._flush_done.wait()
            if self._durable >= seq:
                return
            if seq <= self._failed:
                raise StorageError("the journal write carrying this change failed")
            batch = self._take_batch()
            self._flushing = True
        try:
            self._commit(*batch)    # without the lock: writers keep appending meanwhile
        finally:
            with self._lock:
                self._flushing = False
                self._flush_done.notify_all()

    def _take_batch(self) -> tuple:
        """What a leader writes: the file, where the batch starts, the bytes, its last number."""
        if self._broken:
            raise StorageError("the journal could not undo a failed write; restart Storyloom")
        batch = b"".join(self._pending)
        self._pending.clear()
        return self._fd, self._size, batch, self._seq

    def _commit(self, fd: int, start: int, batch: bytes, last: int) -> None:
        """Write and fsync a batch; a failed one is cut off the file and its lines marked failed."""
        try:
            write_all(fd, batch)
            os.fsync(fd)
        except OSError:
            cut = _cut_back(fd, start)
            with self._lock:
                self._failed = last
                self.bytes_in_segment -= len(batch)
                self._broken = self._broken or not cut
            raise
        with self._lock:
            self._durable, self._size = last, start + len(batch)

    def _flush_locked(self) -> None:
        """Write and fsync whatever is pending, once no leader is at work (lock held)."""
        self._flush_done.wait_for(lambda: not self._flushing)
        self._commit(*self._take_batch())

    def rotate(self) -> int:
        """Close the current segment durably, open the next; returns the closed number."""
        with self._lock:
            self._flush_locked()
            closed = self._segment
            os.close(self._fd)
            self._open(closed + 1)
            return closed

    def remove_upto(self, number: int) -> None:
        """Delete the segments a snapshot now covers."""
        for segment in self.segments():
            if segment <= number:
                os.remove(self._path(segment))
        fsync_dir(self.directory)

    def close(self) -> None:
        """Write and fsync what is pending and close the open segment."""
        with self._lock:
            if self._fd is None:
                return
            try:
                self._flush_locked()
            finally:
                os.close(self._fd)
                self._fd = None


def _cut_back(fd: int, start: int) -> bool:
    """Cut a failed batch off the file so a partial line never sits before later records."""
    try:
        os.ftruncate(fd, start)
        return True
    except OSError:
        log.exception("could not cut a failed journal write off; refusing further writes")
        return False
