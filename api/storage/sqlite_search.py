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

from core.search_text import EXACT_BONUS, KIND_OF_TABLE, KINDS, TITLE_BONUS, index_text, score
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


def _column(column: str, words: list[str]) -> str:
    """FTS5: the column holds every word (the filter spans the group, not just its first)."""
    phrases = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    return f"{{{column}}} : ({phrases})"


def _tiers(words: str, title: str, accents: str | None) -> list[tuple[float, str]]:
    """(score, FTS5 query) of each tier of matches, best first; together they are every match.
    `words`, `title` and `accents` are the column queries of the folded, title and accented
    words (`accents` None when the query has none).

    A title's words are among the folded words, so a title match needs no other; accented
    words are not always (a mark may split a word), so an accent match is checked with them.
    """
    if accents is None:
        return [(score(True, False), title), (score(False, False), f"{words} NOT {title}")]
    tiers = [(score(True, True), f"{title} AND {accents}"),
             (score(False, True), f"{words} AND {accents} NOT {title}"),
             (score(True, False), f"{title} NOT {accents}"),
             (score(False, False), f"{words} NOT ({title} OR {accents})")]
    return sorted(tiers, key=lambda tier: -tier[0])


class _RankedMatches:
    """The statements answering one search over the matches the caller may see.

    The score takes four values, one per tier of matches (title and accents, accents, title,
    neither), and FTS5 finds each tier by itself. So a page reads only the tiers it spans,
    each sorted by kind and id: no statement keeps or sorts every hit of a common word.
    """

    def __init__(self, db: sqlite3.Connection, folded, exact, tables, seen):
        self._db = db
        self.words = _column("folded", folded)
        self._title = _column("title", folded)
        self._accents = _column("exact", exact) if exact else None
        self._tiers = _tiers(self.words, self._title, self._accents)
        tables = sorted(tables)
        self._params = {f"t{n}": table for n, table in enumerate(tables)}
        kinds = ", ".join(f":t{n}" for n in range(len(tables)))
        join = where = ""
        if seen is not None:
            join = "JOIN seen s ON s.world_id = d.world_id"
            where = "AND (d.tbl != 'stories' OR instr(s.levels, ' ' || d.level || ' ') > 0)"
        self._hits = (f"FROM fts JOIN docs d ON d.rowid = fts.rowid {join} "
                      f"WHERE fts MATCH :match AND d.tbl IN ({kinds}) {where}")

    def count(self, match: str) -> int:
        """How many documents the caller sees match the FTS5 query."""
        return self._db.execute(f"SELECT count(*) {self._hits}",
                                {**self._params, "match": match}).fetchone()[0]

    def scored(self, offset: int, limit: int) -> list:
        """[(table, id, world id, score)] of a page, every match scored in one statement: the
        cheaper way when the page reaches the last match."""
        bonus = f"{TITLE_BONUS} * (d.rowid IN (SELECT rowid FROM fts WHERE fts MATCH :title))"
        if self._accents:
            bonus += (f" + {EXACT_BONUS} * "
                      f"(d.rowid IN (SELECT rowid FROM fts WHERE fts MATCH :accents))")
        sql = (f"SELECT d.tbl, d.doc_id, d.world_id, 1 + {bonus} AS score {self._hits} "
               f"ORDER BY score DESC, d.kind_rank, d.doc_id LIMIT :limit OFFSET :offset")
        values = {"match": self.words, "title": self._title, "limit": limit, "offset": offset}
        if self._accents:
            values["accents"] = self._accents
        return self._db.execute(sql, {**self._params, **values}).fetchall()

    def tiered(self, offset: int, limit: int) -> list:
        """[(table, id, world id, score)] of a page, read tier by tier."""
        sql = (f"SELECT d.tbl, d.doc_id, d.world_id, :score {self._hits} "
               f"ORDER BY d.kind_rank, d.doc_id LIMIT :limit OFFSET :offset")
        found, start = [], 0
        for value, match in self._tiers:
            if len(found) == limit:
                break
            skip = max(0, offset - start)
            got = self._db.execute(sql, {**self._params, "match": match, "score": value,
                                         "limit": limit - len(found), "offset": skip}).fetchall()
            found += got
            # A tier that ended on this page is as long as what was skipped and read, unless
            # the page starts past its end.
            start += skip + len(got) if got or not skip else self.count(match)
        return found


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
            db.execute("CREATE TEMP TABLE seen (world_id TEXT PRIMARY KEY, levels TEXT) "
                       "WITHOUT ROWID")
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
        with self._lock:
            if seen is not None:
                self._db.execute("DELETE FROM seen")
                self._db.executemany("INSERT INTO seen VALUES (?, ?)", (
                    (w, " " + " ".join(levels) + " ") for w, levels in seen.items()))
            matches = _RankedMatches(self._db, folded, exact, tables, seen)
            total = matches.count(matches.words)
            if offset >= total:
                return [], total
            if offset + limit >= total:
                return matches.scored(offset, limit), total
            return matches.tiered(offset, limit), total

    def close(self) -> None:
        """Close the SQLite connection."""
        with self._lock:
            self._db.close()
