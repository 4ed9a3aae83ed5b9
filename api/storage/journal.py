"""An append-only, fsynced change journal in numbered segments, with group commit."""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import zlib

from storage.base import StorageError

log = logging.getLogger("storyloom.storage")
_SEGMENT = re.compile(r"^journal\.(\d{8})\.log$")


def encode_record(record: dict) -> bytes:
    """One journal line: crc32 of the JSON, a space, the JSON, a newline."""
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    return b"%08x %s\n" % (zlib.crc32(body), body)


def decode_line(line: bytes) -> dict | None:
    """The record of a complete, intact line, or None for a torn or damaged one."""
    if not line.endswith(b"\n") or len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:-1]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        return json.loads(body)
    except ValueError:
        return None


def fsync_dir(path: str) -> None:
    """Make a rename or unlink in the directory durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Journal:
    """Numbered journal segments in a directory; one is open for appending."""

    def __init__(self, directory: str):
        self.directory = directory
        self._write_lock = threading.Lock()   # guards the open file and the sequence number
        # Signalled when an fsync ends, so rotate and close never close a file being synced.
        self._syncs_done = threading.Condition(self._write_lock)
        self._syncing = 0
        self._file = None
        self._segment = 0
        self._seq = 0
        self._synced = 0
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
        with self._write_lock:
            self._open(max(self.segments(), default=0) + 1)

    def _open(self, number: int) -> None:
        self._file = open(self._path(number), "ab")
        self._segment = number
        self.bytes_in_segment = 0
        fsync_dir(self.directory)

    def append(self, line: bytes) -> int:
        """Buffer a line for the current segment; returns its sequence number."""
        with self._write_lock:
            self._file.write(line)
            self.bytes_in_segment += len(line)
            self._seq += 1
            return self._seq

    def sync(self, seq: int) -> None:
        """Return once the line with that sequence number is on disk.

        Writers fsync side by side rather than one after another: the kernel lets concurrent
        fsyncs of a file share one journal commit, and no writer waits on a lock that a
        thread back from fsync holds while it waits for the GIL.
        """
        with self._write_lock:
            if self._synced >= seq:
                return
            target, handle = self._seq, self._file
            self._syncing += 1
        durable = False
        try:
            # Everything appended up to `target` is in the buffer; BufferedWriter locks itself.
            handle.flush()
            os.fsync(handle.fileno())
            durable = True
        finally:
            with self._write_lock:
                self._syncing -= 1
                if durable:  # a failed fsync must not let later writers skip their own
                    self._synced = max(self._synced, target)
                self._syncs_done.notify_all()

    def _quiesce(self) -> None:
        """Wait (holding the write lock) until no fsync uses the open file."""
        self._syncs_done.wait_for(lambda: self._syncing == 0)

    def rotate(self) -> int:
        """Close the current segment durably, open the next; returns the closed number."""
        with self._write_lock:
            self._quiesce()
            closed = self._segment
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            self._synced = self._seq
            self._open(closed + 1)
            return closed

    def remove_upto(self, number: int) -> None:
        """Delete the segments a snapshot now covers."""
        for segment in self.segments():
            if segment <= number:
                os.remove(self._path(segment))
        fsync_dir(self.directory)

    def close(self) -> None:
        """Flush, fsync and close the open segment."""
        with self._write_lock:
            self._quiesce()
            if self._file is not None and not self._file.closed:
                self._file.flush()
                os.fsync(self._file.fileno())
                self._file.close()
