"""Moving data: backups in TinyDB's file format, restores into an empty storage, and checks.

A backup is a TinyDB JSON database (`{table: {id: document}}`, readable by TinyDB itself) with
a `_meta.backup` record of the counts per table and a SHA-256 checksum of the documents, so a
restore or a migration proves it copied everything, byte for byte, in canonical form.
"""

from __future__ import annotations

import hashlib
import os
import time

import orjson

from core.clock import now_iso
from storage.base import StorageError
from storage.files import replace_private_file
from storage.journal import Journal
from storage.schema import SPEC_BY_NAME
from storage.snapshot import read_snapshot
from storage.upgrades import upgrade_tables

BACKUP_FORMAT = "storyloom.backup"
META = "_meta"


def summary(pairs) -> dict:
    """{counts: {table: n}, checksum: sha256 hex} of (table, document) pairs, in any order."""
    lines = sorted(table.encode() + b"\t" + orjson.dumps(doc, option=orjson.OPT_SORT_KEYS)
                   for table, doc in pairs)
    digest = hashlib.sha256()
    counts = dict.fromkeys(SPEC_BY_NAME, 0)
    for line in lines:
        digest.update(line + b"\n")
        counts[line.split(b"\t", 1)[0].decode()] += 1
    return {"counts": counts, "checksum": digest.hexdigest()}


def write_backup(path: str, pairs) -> dict:
    """Write the pairs to a new backup file (temp file, fsync, rename); returns its summary."""
    pairs = list(pairs)
    tables: dict[str, dict] = {name: {} for name in SPEC_BY_NAME}
    for table, doc in pairs:
        tables[table][doc[SPEC_BY_NAME[table].id_field]] = doc
    facts = summary(pairs)
    tables[META] = {"backup": {"format": BACKUP_FORMAT, "version": 1, "created_at": now_iso(),
                               **facts}}
    replace_private_file(path, orjson.dumps(tables, option=orjson.OPT_NON_STR_KEYS))
    return facts


def read_backup(path: str) -> list[tuple[str, dict]]:
    """The (table, document) pairs of a backup file, after checking its counts and checksum."""
    from tinydb import TinyDB
    from tinydb.storages import JSONStorage

    try:
        with TinyDB(path, storage=JSONStorage, access_mode="r") as db:
            raw = db.storage.read() or {}
    except (OSError, ValueError) as exc:
        raise StorageError(f"{path} is not a readable Storyloom backup ({exc})") from None
    meta = (raw.pop(META, None) or {}).get("backup")
    if not isinstance(meta, dict) or meta.get("format") != BACKUP_FORMAT:
        raise StorageError(f"{path} is not a Storyloom backup (no _meta.backup record)")
    tables = {name: dict(docs) for name, docs in raw.items() if name in SPEC_BY_NAME}
    found = summary((name, doc) for name, docs in tables.items() for doc in docs.values())
    if found["checksum"] != meta.get("checksum"):
        raise StorageError(f"{path} does not match its own checksum: it was changed or "
                           "damaged after it was written")
    upgrade_tables(tables)
    return [(name, doc) for name, docs in tables.items() for doc in docs.values()]


def read_live_folder(data_dir: str, attempts: int = 10) -> list[tuple[str, dict]]:
    """A consistent copy of a TinyDB data folder, even while its server writes to it.

    Reads the snapshot and the journal after it without touching either. If the server
    replaced the snapshot meanwhile (and dropped the journal it covered), it reads again.
    """
    from storage.tinydb_storage import SNAPSHOT_FILE

    path = os.path.join(data_dir, SNAPSHOT_FILE)
    for _ in range(attempts):
        before = _identity(path)
        try:
            tables, next_segment = read_snapshot(path)
            raw = {name: dict(tables.get(name, {})) for name in SPEC_BY_NAME}
            for record in Journal(data_dir).replay(next_segment, repair=False):
                for name, doc in record.get("p", ()):
                    raw[name][doc[SPEC_BY_NAME[name].id_field]] = doc
                for name, doc_id in record.get("d", ()):
                    raw[name].pop(doc_id, None)
        except (FileNotFoundError, StorageError):
            if _identity(path) == before:
                raise
            continue
        if _identity(path) == before:
            upgrade_tables(raw)
            return [(name, doc) for name, docs in raw.items() for doc in docs.values()]
        time.sleep(0.05)
    raise StorageError(f"{data_dir} kept changing its snapshot while being read; try again")


def _identity(path: str):
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def copy_into(pairs, target) -> dict:
    """Load the pairs into an empty storage and prove the copy equal; returns its summary."""
    pairs = list(pairs)
    expected = summary(pairs)
    target.load_documents(pairs)
    copied = summary(target.documents())
    if copied != expected:
        raise StorageError("the copy differs from the source (counts "
                           f"{copied['counts']} against {expected['counts']}); the target "
                           "holds a partial copy: empty it before trying again")
    return copied
