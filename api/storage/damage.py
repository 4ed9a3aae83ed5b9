"""Damaged data files: a start refuses them in one sentence; a torn journal tail is kept aside."""

from __future__ import annotations

import os
from datetime import datetime, timezone

from storage.base import StorageError
from storage.files import fsync_dir, write_private_file


class DamagedData(StorageError):
    """A data file holds bytes a start will not load; nothing on disk was changed."""


def refuse(path: str, problem: str, holds: str) -> DamagedData:
    """The refusal for a damaged file: what is wrong with it and the two ways out."""
    name = os.path.basename(path)
    return DamagedData(
        f"{path} {problem}; nothing was changed: restore the data directory from a backup "
        f'(README, "Backup"), or move {name} out of the data directory to start without '
        f"{holds}.")


def keep_aside(path: str, start: int) -> str:
    """Copy the bytes of a file from start on into a new owner-only file beside it."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    aside = f"{path}.torn-{stamp}"
    with open(path, "rb") as source:
        source.seek(start)
        data = source.read()
    write_private_file(aside, data, exclusive=True)
    fsync_dir(os.path.dirname(path) or ".")
    return aside
