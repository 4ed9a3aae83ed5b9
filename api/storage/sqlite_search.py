"""The TinyDB backend's search index: SQLite FTS5 over folded words, in the data directory.

The index is a cache of the documents: each row keeps the stamp (version and update time) of
the document it was made from. Writes reach it as they are committed, without an fsync of
their own; on start, rows whose stamp differs from the loaded document (a crash after the
journal's fsync, a deleted or damaged index file, a restored backup) are made again, so the
index always catches up with the journal it lags behind.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading

from core.search_text import KIND_OF_TABLE, index_text
from storage.files import make_private

log = logging.getLogger("storyloom.storage")
INDEX_FILE = "search.sqlite3"
RULE = "1"   # raise when index_text changes: every row is made again

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (rowid INTEGER PRIMARY KEY, tbl TEXT NOT NULL,
                                 doc_id TEXT NOT NULL, stamp TEXT NOT NULL, UNIQUE (tbl, doc_id));
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, folded, exact, tokenize = "unicode61 remove_diacritics 0");
"""


def stamp(doc: dict) -> str:
    """What tells a row is out of date: version and update time (a digest when absent)."""
    if "version" in doc and "updated_at" in doc:
        return f"{doc['version']}:{doc['updated_at']}"
    return hashlib.sha1(repr(sorted(doc.items())).encode()).hexdigest()


def _phrase(words: list[str]) -> str:
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


class SqliteSearchIndex:
    """FTS5 rows per world, story, entity, location and event, kept beside the journal."""

    def __init__(self, path: str):
        self._path = path
        self._lock = threading.Lock()
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.DatabaseError:
            log.warning("search index unreadable; rebuilding it", extra={"fields": {
                "path": self._path}})
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(self._path + suffix):
                    os.remove(self._path + suffix)
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # No fsync per write: the journal is the durable record; start-up catches up.
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            rule = db.execute("SELECT value FROM meta WHERE key = 'rule'").fetchone()
            if rule is None or rule[0] != RULE:
                db.executescript("BEGIN; DELETE FROM docs; DELETE FROM fts; COMMIT;")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('rule', ?)", (RULE,))
        except sqlite3.DatabaseError:
            db.close()
            raise
        make_private(self._path)
        return db

    def sync(self, docs_by_table: dict) -> None:
        """Make again every row whose document changed since it was written; drop the rest."""
        with self._lock:
            stored = {(t, i): s for t, i, s in self._db.execute(
                "SELECT tbl, doc_id, stamp FROM docs")}
            changed = 0
            self._db.execute("BEGIN")
            for table in KIND_OF_TABLE:
                for doc_id, doc in docs_by_table.get(table, {}).items():
                    if stored.pop((table, doc_id), None) != stamp(doc):
                        self._put(table, doc_id, doc)
                        changed += 1
            for table, doc_id in stored:
                self._put(table, doc_id, None)
            self._db.execute("COMMIT")
        if changed or stored:
            log.info("search index caught up", extra={"fields": {
                "made": changed, "dropped": len(stored)}})

    def apply_many(self, changes) -> None:
        """Apply committed (table, id, document or None) changes in one SQLite transaction."""
        changes = [c for c in changes if c[0] in KIND_OF_TABLE]
        if not changes:
            return
        with self._lock:
            try:
                self._db.execute("BEGIN")
                for table, doc_id, doc in changes:
                    self._put(table, doc_id, doc)
                self._db.execute("COMMIT")
            except sqlite3.Error:
                # The data is durable; the next start re-makes the rows this missed.
                log.exception("search index update failed")
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")

    def apply(self, table: str, doc_id: str, doc: dict | None) -> None:
        """Apply one committed change."""
        self.apply_many([(table, doc_id, doc)])

    def _put(self, table: str, doc_id: str, doc: dict | None) -> None:
        row = self._db.execute("SELECT rowid FROM docs WHERE tbl = ? AND doc_id = ?",
                               (table, doc_id)).fetchone()
        if row is not None:
            self._db.execute("DELETE FROM fts WHERE rowid = ?", row)
            self._db.execute("DELETE FROM docs WHERE rowid = ?", row)
        if doc is None:
            return
        rowid = self._db.execute("INSERT INTO docs (tbl, doc_id, stamp) VALUES (?, ?, ?)",
                                 (table, doc_id, stamp(doc))).lastrowid
        self._db.execute("INSERT INTO fts (rowid, title, folded, exact) VALUES (?, ?, ?, ?)",
                         (rowid, *index_text(table, doc)))

    def _rowids(self, column: str, words: list[str]) -> set:
        return {r for (r,) in self._db.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ?", (f"{{{column}}} : {_phrase(words)}",))}

    def match(self, folded: list[str], exact: list[str], tables) -> list[tuple]:
        """(table, id, title holds the words, text holds the accented words) of each match."""
        with self._lock:
            found = self._db.execute(
                "SELECT d.rowid, d.tbl, d.doc_id FROM fts JOIN docs d ON d.rowid = fts.rowid "
                "WHERE fts MATCH ?", (f"{{folded}} : {_phrase(folded)}",)).fetchall()
            found = [row for row in found if row[1] in tables]
            if not found:
                return []
            in_title = self._rowids("title", folded)
            accented = self._rowids("exact", exact)
        return [(t, i, r in in_title, r in accented) for r, t, i in found]

    def close(self) -> None:
        """Close the SQLite connection."""
        with self._lock:
            self._db.close()
