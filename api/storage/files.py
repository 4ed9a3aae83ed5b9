"""Owner-only data files (they hold password hashes) and durable directory changes."""

from __future__ import annotations

import os

from storage.base import StorageError

PRIVATE = 0o600


def open_private(path: str, flags: int) -> int:
    """Open (or create) a data file as an fd whose mode is 0600, whatever the umask."""
    fd = os.open(path, flags, PRIVATE)
    try:
        _restrict(fd, path)
    except BaseException:
        os.close(fd)
        raise
    return fd


def make_private(path: str) -> None:
    """Narrow an existing data file (older versions left them 0644) to 0600; none is fine."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        _restrict(fd, path)
    finally:
        os.close(fd)


def _restrict(fd: int, path: str) -> None:
    if os.fstat(fd).st_mode & 0o777 == PRIVATE:
        return
    try:
        os.fchmod(fd, PRIVATE)
    except OSError as exc:
        raise StorageError(f"cannot make {path} readable by its owner only ({exc.strerror}); "
                           "give this user ownership of the data directory") from None


def write_all(fd: int, data: bytes) -> None:
    """Write every byte (a regular file may take a write in parts)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def fsync_dir(path: str) -> None:
    """Make a rename or unlink in the directory durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private_file(path: str, data: bytes, exclusive: bool = False) -> None:
    """Write bytes to an owner-only file and fsync it (refuse an existing one if exclusive)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = open_private(path, flags)
    try:
        write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_private_file(path: str, data: bytes) -> None:
    """Replace a file atomically: a temp file beside it, fsynced, renamed over it.

    A failure (a full disk) leaves no temp file behind and the old file as it was.
    """
    temp = path + ".tmp"
    try:
        write_private_file(temp, data)
        os.replace(temp, path)
    except BaseException:
        try:
            os.remove(temp)
        except OSError:
            pass
        raise
    fsync_dir(os.path.dirname(os.path.abspath(path)))
