"""Snapshots of the whole database in TinyDB's JSON format, replaced atomically."""

from __future__ import annotations

import os

from tinydb.storages import JSONStorage

from storage.journal import fsync_dir

META_TABLE = "_meta"


def read_snapshot(path: str) -> tuple[dict, int]:
    """The tables of a snapshot and the first journal segment it does not cover."""
    if not os.path.exists(path):
        return {}, 0
    storage = JSONStorage(path, access_mode="r")
    try:
        tables = storage.read() or {}
    finally:
        storage.close()
    meta = tables.pop(META_TABLE, {}).get("journal", {})
    return tables, int(meta.get("next_segment", 0))


def write_snapshot(path: str, tables: dict, next_segment: int) -> None:
    """Write tables to a temp file (fsynced by TinyDB's JSONStorage), then rename it in place."""
    temp = path + ".tmp"
    if os.path.exists(temp):
        os.remove(temp)
    data = dict(tables)
    data[META_TABLE] = {"journal": {"next_segment": next_segment}}
    storage = JSONStorage(temp, access_mode="r+", ensure_ascii=False, separators=(",", ":"))
    try:
        storage.write(data)
    finally:
        storage.close()
    os.replace(temp, path)
    fsync_dir(os.path.dirname(path) or ".")
