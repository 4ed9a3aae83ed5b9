"""Damaged data files: a start refuses them in one sentence; a torn journal tail is kept aside."""

from __future__ import annotations

import os

from storage.base import StorageError


class DamagedData(StorageError):
    """A data file holds bytes a start will not load; nothing on disk was changed."""


def refuse(path: str, problem: str, holds: str) -> DamagedData:
    """The refusal for a damaged file: what is wrong with it and the two ways out."""
    name = os.path.basename(path)
    return DamagedData(
        f"{path} {problem}; nothing was changed: restore the data directory from a backup "
        f'(README, "Backup"), or move {name} out of the data directory to start without '
        f"{holds}.")
