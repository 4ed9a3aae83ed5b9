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
from storage.damage import keep_aside, refuse
from storage.files import fsync_dir, make_private, open_private, write_all

log = logging.getLogger("storyloom.storage")
_SEGMENT = re.compile(r"^journal\.(\d{8})\.log$")
_HOLDS = "the changes it holds"


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
        self._halted = False                   # a batch failed: no appends until resume()
        self.bytes_in_segment = 0

    def segments(self) -> list[int]:
        """The numbers of the segments on disk, oldest first."""
        found = (_SEGMENT.match(name) for name in os.listdir(self.directory))
        return sorted(int(m.group(1)) for m in found if m)

    def _path(self, number: int) -> str:
        return os.path.join(self.directory, f"journal.{number:08d}.log")

    def replay(self, first_segment: int, repair: bool = True):
        """Yield the records of segments >= first_segment; refuse damage, keep a torn tail aside.

        Disk changes wait until every segment has been read, so a refusal changes nothing.
        Without `repair` nothing on disk is touched (reading the folder of a running server).
        """
        numbers = [n for n in self.segments() if n >= first_segment]
        torn_at = None
        for number in numbers:
            torn_at = yield from self._replay_segment(self._path(number), number == numbers[-1])
        if not repair:
            return
        if torn_at is not None:
            self._cut_torn_tail(self._path(numbers[-1]), torn_at)
        for number in self.segments():
            make_private(self._path(number))

    def _replay_segment(self, path: str, newest: bool):
        """Yield a segment's records; returns where its torn tail starts, if it has one."""
        offset = 0
        try:
            with open(path, "rb") as handle:
                for line in handle:
                    if not line.endswith(b"\n") and newest:
                        return offset   # a crash mid-write: that write was never acknowledged
                    record = decode_line(line)
                    if not isinstance(record, dict):
                        raise _damaged(path, offset, line.endswith(b"\n"))
                    offset += len(line)
                    yield record
        except OSError as exc:
            raise refuse(path, f"cannot be read ({exc.strerror})", _HOLDS) from None
        return None

    def _cut_torn_tail(self, path: str, start: int) -> None:
        aside = keep_aside(path, start)
        log.warning("journal %s: cut off an incomplete last record after byte %d (a crash "
                    "mid-write) and kept its bytes in %s", os.path.basename(path), start,
                    os.path.basename(aside))
        with open(path, "r+b") as handle:
            handle.truncate(start)
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

    @property
    def durable(self) -> int:
        """The sequence number up to which every line is on disk."""
        return self._durable

    @property
    def halted(self) -> bool:
        """Whether a failed batch stopped appends until the writer calls resume()."""
        return self._halted

    def append(self, line: bytes) -> int:
        """Queue a line for the current segment; returns its sequence number.

        Refused while halted: lines queued after a failed batch may build on its changes.
        """
        with self._lock:
            if self._broken:
                raise StorageError("the journal could not undo a failed write; restart Storyloom")
            if self._halted:
                raise StorageError("the journal is recovering from a failed write")
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
                # Lines queued meanwhile may build on this batch's changes: they fail with it.
                self._failed = self._seq
                self._pending.clear()
                self.bytes_in_segment = start
                self._halted = True
                self._broken = self._broken or not cut
            raise
        with self._lock:
            self._durable, self._size = last, start + len(batch)

    def _flush_locked(self) -> None:
        """Write and fsync whatever is pending, once no leader is at work (lock held)."""
        self._flush_done.wait_for(lambda: not self._flushing)
        self._commit(*self._take_batch())

    def resume(self) -> None:
        """Accept appends again once the writer has undone every failed line's changes."""
        with self._lock:
            self._halted = False

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


def _damaged(path: str, offset: int, complete: bool):
    """The refusal for a bad line: complete but unreadable, or cut short before a newer segment."""
    problem = ("a complete record there fails its checksum or is not JSON" if complete else
               "an incomplete record there is followed by a newer journal segment")
    return refuse(path, f"is damaged at byte {offset}: {problem}", _HOLDS)
