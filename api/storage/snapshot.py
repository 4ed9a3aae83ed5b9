"""Snapshots of the whole database in TinyDB's JSON format, replaced atomically."""

from __future__ import annotations

import json

import orjson

from storage.damage import refuse
from storage.files import replace_private_file

META_TABLE = "_meta"
_HOLDS = "the documents it holds"


def read_snapshot(path: str) -> tuple[dict, int]:
    """The tables of a snapshot and the first journal segment it does not cover.

    Raises DamagedData rather than start from less than the file once held: an empty start
    would be written over it by the next snapshot.
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return {}, 0
    except OSError as exc:
        raise refuse(path, f"cannot be read ({exc.strerror})", _HOLDS) from None
    if not raw:
        raise refuse(path, "is empty (0 bytes)", _HOLDS)
    tables = _parse(path, raw)
    next_segment = _next_segment(path, tables.pop(META_TABLE, None))
    for name, table in tables.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise refuse(path, f"is damaged: its table {name!r} is not an object of documents",
                         _HOLDS)
    return tables, next_segment


def _parse(path: str, raw: bytes) -> dict:
    """The JSON object of a snapshot (older ones may hold NaN, which only json reads)."""
    try:
        try:
            tables = orjson.loads(raw)
        except orjson.JSONDecodeError:
            tables = json.loads(raw)
    except (ValueError, RecursionError):
        raise refuse(path, "is not valid JSON (cut short or garbled)", _HOLDS) from None
    if not isinstance(tables, dict):
        raise refuse(path, "is damaged: it is not a JSON object of tables", _HOLDS)
    return tables


def _next_segment(path: str, meta) -> int:
    """The journal marker every snapshot carries: _meta.journal.next_segment."""
    journal = meta.get("journal") if isinstance(meta, dict) else None
    number = journal.get("next_segment") if isinstance(journal, dict) else None
    if type(number) is not int or number < 0:
        raise refuse(path, f"is damaged: it lacks the {META_TABLE} journal marker every "
                     "snapshot carries", _HOLDS)
    return number


def write_snapshot(path: str, tables: dict, next_segment: int) -> None:
    """Write tables to an owner-only temp file, fsync it, then rename it in place.

    On failure (a full disk) the temp file is removed and the old snapshot stays as it was.
    orjson rather than TinyDB's JSONStorage.write: the same JSON, but json.dumps holds the GIL
    for the whole database (~0.25 s at 10,000 stories), stalling every request meanwhile.
    """
    data = dict(tables)
    data[META_TABLE] = {"journal": {"next_segment": next_segment}}
    replace_private_file(path, orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS))
