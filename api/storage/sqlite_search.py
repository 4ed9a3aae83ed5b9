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

from core.search_text import EXACT_BONUS, KIND_OF_TABLE, KINDS, TITLE_BONUS, index_text
from storage.files import make_private
from storage.search_index import place_of

log = logging.getLogger("storyloom.storage")
INDEX_FILE = "search.sqlite3"
RULE = "2"   # raise when index_text changes: every row is made again

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (rowid INTEGER PRIMARY KEY, tbl TEXT NOT NULL,
                                 doc_id TEXT NOT NULL, stamp TEXT NOT NULL,
                                 world_id TEXT NOT NULL, level TEXT NOT NULL,
                                 kind_rank INTEGER NOT NULL, UNIQUE (tbl, doc_id));
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
        # SQLite gives the -wal and -shm files the database file's mode: create it owner-only.
        os.close(os.open(self._path, os.O_CREAT | os.O_RDWR, 0o600))
        make_private(self._path)
        db = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # No fsync per write: the journal is the durable record; start-up catches up.
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            rule = db.execute("SELECT value FROM meta WHERE key = 'rule'").fetchone()
            if rule is None or rule[0] != RULE:
                db.executescript("DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS fts;")
            db.executescript(_SCHEMA)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('rule', ?)", (RULE,))
            db.execute("CREATE TEMP TABLE seen (world_id TEXT PRIMARY KEY, levels TEXT)")
        except sqlite3.DatabaseError:
            db.close()
            raise
        for suffix in ("-wal", "-shm"):
            make_private(self._path + suffix)
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
        rowid = self._db.execute(
            "INSERT INTO docs (tbl, doc_id, stamp, world_id, level, kind_rank) "
            "VALUES (?, ?, ?, ?, ?, ?)", (table, doc_id, stamp(doc), *place_of(table, doc_id, doc),
                                          KINDS.index(KIND_OF_TABLE[table]))).lastrowid
        self._db.execute("INSERT INTO fts (rowid, title, folded, exact) VALUES (?, ?, ?, ?)",
                         (rowid, *index_text(table, doc)))

    def page(self, folded, exact, tables, seen, offset: int, limit: int) -> tuple[list, int]:
        """([(table, id, world id, score)] of one page, total), ranked and filtered in SQLite.

        `seen` maps each world the caller may search to the story levels they see (None: every
        world, every level); it goes into a temporary table joined to the matches.
        """
        tables = sorted(tables)
        params = {"f": f"{{folded}} : {_phrase(folded)}", "t": f"{{title}} : {_phrase(folded)}",
                  "x": f"{{exact}} : {_phrase(exact)}", "offset": offset, "limit": limit}
        params.update({f"t{n}": table for n, table in enumerate(tables)})
        kinds = ", ".join(f":t{n}" for n in range(len(tables)))
        join = where = ""
        if seen is not None:
            join = "JOIN seen s ON s.world_id = d.world_id"
            where = "AND (d.tbl != 'stories' OR instr(s.levels, ' ' || d.level || ' ') > 0)"
        sql = (f"WITH f AS (SELECT rowid FROM fts WHERE fts MATCH :f), "
               f"t AS (SELECT rowid FROM fts WHERE fts MATCH :t), "
               f"x AS (SELECT rowid FROM fts WHERE fts MATCH :x), "
               f"hits AS (SELECT d.tbl, d.doc_id, d.world_id, d.kind_rank, "
               f"1 + {TITLE_BONUS} * (d.rowid IN t) + {EXACT_BONUS} * (d.rowid IN x) AS score "
               f"FROM f JOIN docs d ON d.rowid = f.rowid {join} "
               f"WHERE d.tbl IN ({kinds}) {where}) "
               f"SELECT tbl, doc_id, world_id, score, count(*) OVER () FROM hits "
               f"ORDER BY score DESC, kind_rank, doc_id LIMIT :limit OFFSET :offset")
        with self._lock:
            if seen is not None:
                self._db.execute("DELETE FROM seen")
                self._db.executemany("INSERT INTO seen VALUES (?, ?)", (
                    (w, " " + " ".join(levels) + " ") for w, levels in seen.items()))
            rows = self._db.execute(sql, params).fetchall()
            if not rows and offset:   # past the last page: the total is still wanted
                first = self._db.execute(sql, {**params, "offset": 0, "limit": 1}).fetchone()
                return [], first[4] if first else 0
        return [(t, i, w, float(v)) for t, i, w, v, _ in rows], rows[0][4] if rows else 0

    def close(self) -> None:
        """Close the SQLite connection."""
        with self._lock:
            self._db.close()
