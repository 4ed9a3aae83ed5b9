"""A transaction on one pooled connection: writes, compare-and-set and unique claims.

The storage opens it with BEGIN ISOLATION LEVEL SERIALIZABLE and ends it; this class runs
the statements. Each write is one statement (plus one when unique claims change): a
data-modifying CTE writes the document and returns what was stored before it.
"""

from __future__ import annotations

import psycopg
from psycopg.types.json import Jsonb

from storage.base import DuplicateKey, EndsOnFailure, StaleVersion, StorageError, Transaction
from storage.postgres.columns import (COLUMNS, claims_of, column_list, column_values,
                                      quoted)
from storage.postgres.errors import CONFLICT_STATES, LOCK_NOT_AVAILABLE, cause_of, translate
from storage.postgres.queries import PostgresReader
from storage.schema import SPEC_BY_NAME, TABLES, TableSpec, change_scopes
from storage.upgrades import upgrade_document

BEGIN = "BEGIN ISOLATION LEVEL SERIALIZABLE"
RESTARTS = 100   # transparent reruns of a first statement that lost a race
NOWAIT = " NOWAIT"
_CLAIM = ("INSERT INTO unique_keys (tbl, key, value, doc_id) SELECT %s, c.key, c.value, {owner} "
          "FROM {source}unnest(%s::text[], %s::text[]) AS c(key, value) "
          "ON CONFLICT DO NOTHING RETURNING key, value")
_CLAIMED = "ARRAY(SELECT ARRAY[key, value] FROM claimed)"


def _placeholders(table: str) -> str:
    return ", ".join(["%s"] * (2 + len(COLUMNS[table])))


def _assignments(table: str, source: str = "%s") -> str:
    fields = ["doc", *(quoted(f) for f, _ in COLUMNS[table])]
    return ", ".join(f"{f} = {source.format(f)}" for f in fields)


def _statements(spec: TableSpec) -> dict[str, str]:
    """The write statements of one table."""
    t, cols, values = spec.name, column_list(spec.name), _placeholders(spec.name)
    new = f"INSERT INTO {t} ({cols}) VALUES ({values}) ON CONFLICT (id) DO NOTHING RETURNING id"
    if spec.unique:
        insert = (f"WITH new AS ({new}), claimed AS "
                  f"({_CLAIM.format(owner='new.id', source='new, ')}) "
                  f"SELECT EXISTS (SELECT 1 FROM new), {_CLAIMED}")
        delete = (f"WITH gone AS (DELETE FROM {t} WHERE id = ANY(%s::text[]) RETURNING id, doc), "
                  "freed AS (DELETE FROM unique_keys WHERE tbl = %s "
                  "AND doc_id IN (SELECT id FROM gone)) SELECT doc FROM gone")
    else:
        insert = f"WITH new AS ({new}) SELECT EXISTS (SELECT 1 FROM new), ARRAY[]::text[]"
        delete = f"DELETE FROM {t} WHERE id = ANY(%s::text[]) RETURNING doc"
    cas = " AND version = %s" if spec.versioned else ""
    return {
        "insert": insert,
        "delete": delete,
        "update": (f"WITH old AS (SELECT doc FROM {t} WHERE id = %s), changed AS "
                   f"(UPDATE {t} SET {_assignments(t)} WHERE id = %s{cas} RETURNING id) "
                   "SELECT (SELECT doc FROM old), EXISTS (SELECT 1 FROM changed)"),
        "upsert": (f"WITH old AS (SELECT doc FROM {t} WHERE id = %s), put AS "
                   f"(INSERT INTO {t} ({cols}) VALUES ({values}) ON CONFLICT (id) DO UPDATE "
                   f"SET {_assignments(t, 'EXCLUDED.{}')} RETURNING id) "
                   "SELECT (SELECT doc FROM old), EXISTS (SELECT 1 FROM put)"),
    }


STATEMENTS = {spec.name: _statements(spec) for spec in TABLES.values()}
RECLAIM = ("WITH dropped AS (DELETE FROM unique_keys WHERE tbl = %s AND doc_id = %s AND "
           "(key, value) IN (SELECT * FROM unnest(%s::text[], %s::text[]))), "
           f"claimed AS ({_CLAIM.format(owner='%s', source='')}) SELECT {_CLAIMED}")


def _row(spec: TableSpec, doc: dict) -> list:
    return [doc[spec.id_field], Jsonb(doc), *column_values(spec.name, doc)]


class PostgresTransaction(EndsOnFailure, PostgresReader, Transaction):
    """One unit of work on one connection; PostgresStorage begins and ends it.

    Until a statement has succeeded the caller has seen nothing of the transaction, so a
    first statement that loses a race (40001, 40P01) is run again in a new transaction
    instead of failing. A `get` as the first statement locks its row: transactions that
    begin by reading the same document (read-modify-write) queue there, where losing is
    free, rather than failing later at their write.
    """

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn
        self.scopes: set[str] = set()
        self.changed = False
        self.started = False

    def begin(self) -> None:
        """Start the database transaction."""
        self.conn.execute(BEGIN)

    def _point_lock(self, of: str = "") -> str:
        if self.started:
            return ""
        return f" FOR NO KEY UPDATE{f' OF {of}' if of else ''}{NOWAIT}"

    def _rows(self, sql, params=None, prepare=False):
        self._check_alive()
        for attempt in range(RESTARTS + 1):
            try:
                cursor = self.conn.execute(sql, params, prepare=prepare)
                rows = cursor.fetchall() if cursor.description else []
                self.started = True
                return rows
            except psycopg.Error as exc:
                retry = exc.sqlstate in CONFLICT_STATES or exc.sqlstate == LOCK_NOT_AVAILABLE
                if self.started or not retry or attempt == RESTARTS:
                    raise self._fail(translate(exc)) from cause_of(exc)
                if exc.sqlstate == LOCK_NOT_AVAILABLE:
                    self._wait_for_lock(sql.replace(NOWAIT, ""), params)
                self._restart()

    def _wait_for_lock(self, sql, params) -> None:
        """Wait until the writer holding the row ends, holding nothing meanwhile.

        The first statement locks its row without waiting, so that a transaction never starts
        from a snapshot taken before another writer of the row committed (SERIALIZABLE would
        then fail it later, after all its work).
        """
        try:
            self.conn.execute("ROLLBACK")
            self.conn.execute("BEGIN")
            self.conn.execute(sql, params)
        except psycopg.Error as exc:
            if exc.sqlstate not in CONFLICT_STATES:
                raise self._fail(translate(exc, "wait for a row")) from cause_of(exc)

    def _restart(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
            self.begin()
        except psycopg.Error as exc:
            raise self._fail(translate(exc, "restart a transaction")) from cause_of(exc)

    def _touched(self, spec: TableSpec, before: dict | None, after: dict | None) -> None:
        self.changed = True
        self.scopes.update(change_scopes(spec, before), change_scopes(spec, after))

    def _claimed(self, spec: TableSpec, wanted: list, claimed: list) -> None:
        """Raise DuplicateKey for the first wanted claim another document holds."""
        got = {tuple(pair) for pair in claimed}
        for key, value in wanted:
            if (key, value) not in got:
                raise self._fail(DuplicateKey(spec.name, key))

    def _reclaim(self, spec: TableSpec, doc_id: str, before: dict | None, after: dict) -> None:
        """Move the document's unique claims from what it was to what it is."""
        if not spec.unique:
            return
        old, new = claims_of(spec, before), claims_of(spec, after)
        dropped = [c for c in old if c not in new]
        added = [c for c in new if c not in old]
        if not dropped and not added:
            return
        claimed = self._rows(RECLAIM, (
            spec.name, doc_id, [k for k, _ in dropped], [v for _, v in dropped],
            spec.name, doc_id, [k for k, _ in added], [v for _, v in added]), True)[0][0]
        self._claimed(spec, added, claimed)

    def insert(self, model) -> None:
        self._check_alive()
        spec = TABLES[type(model)]
        was = getattr(model, "version", None)
        if spec.versioned:
            model.version = 1
        doc = model.to_document()
        claims = claims_of(spec, doc)
        params = _row(spec, doc)
        if spec.unique:
            params += [spec.name, [k for k, _ in claims], [v for _, v in claims]]
        inserted, claimed = self._rows(STATEMENTS[spec.name]["insert"], params, True)[0]
        if not inserted:
            if spec.versioned:
                model.version = was
            raise self._fail(DuplicateKey(spec.name, spec.id_field))
        self._claimed(spec, claims, claimed)
        self._touched(spec, None, doc)

    def update(self, model) -> None:
        self._check_alive()
        spec = TABLES[type(model)]
        doc_id = getattr(model, spec.id_field)
        expected = [model.version] if spec.versioned else []
        if spec.versioned:
            model.version += 1
        doc = model.to_document()
        before, changed = self._rows(STATEMENTS[spec.name]["update"],
                                     [doc_id, *_row(spec, doc)[1:], doc_id, *expected], True)[0]
        try:
            if not changed:
                raise self._fail(StaleVersion(spec.name, doc_id, before and before.get("version")))
            self._reclaim(spec, doc_id, before, doc)
        except (StaleVersion, DuplicateKey):
            if spec.versioned:
                model.version -= 1
            raise
        self._touched(spec, before, doc)

    def upsert(self, model) -> None:
        self._check_alive()
        spec = TABLES[type(model)]
        if spec.versioned:
            raise TypeError(f"{spec.name} are versioned: use insert or update")
        doc = model.to_document()
        doc_id = doc[spec.id_field]
        before, _ = self._rows(STATEMENTS[spec.name]["upsert"], [doc_id, *_row(spec, doc)],
                               True)[0]
        self._reclaim(spec, doc_id, before, doc)
        self._touched(spec, before, doc)

    def delete(self, model_cls, *ids: str) -> None:
        self._check_alive()
        spec = TABLES[model_cls]
        if not ids:
            return
        params = [list(ids), spec.name] if spec.unique else [list(ids)]
        for (before,) in self._rows(STATEMENTS[spec.name]["delete"], params, True):
            self._touched(spec, before, None)

    # restores

    def load(self, pairs) -> int:
        """Copy (table name, document) pairs into empty tables; returns how many pairs."""
        self._check_alive()
        empty = " AND ".join(f"NOT EXISTS (SELECT 1 FROM {name})" for name in SPEC_BY_NAME)
        if not self._rows(f"SELECT {empty}")[0][0]:
            raise StorageError("restore needs an empty storage")
        tables: dict[str, dict] = {name: {} for name in SPEC_BY_NAME}
        count = 0
        for name, doc in pairs:
            if name not in SPEC_BY_NAME:
                raise self._fail(StorageError(f"a backup names an unknown table: {name!r}"))
            doc = upgrade_document(name, doc)
            tables[name][doc[SPEC_BY_NAME[name].id_field]] = doc   # a later copy wins
            count += 1
        for name, docs in tables.items():
            self._copy(SPEC_BY_NAME[name], list(docs.values()))
        return count

    def _copy(self, spec: TableSpec, docs: list[dict]) -> None:
        owners, claims = {}, []
        for doc in docs:
            doc_id = doc[spec.id_field]
            for claim in claims_of(spec, doc):
                if owners.setdefault(claim, doc_id) != doc_id:
                    raise self._fail(DuplicateKey(spec.name, claim[0]))
                claims.append((spec.name, *claim, doc_id))
            self._touched(spec, None, doc)
        try:
            with self.conn.cursor() as cursor:
                with cursor.copy(f"COPY {spec.name} ({column_list(spec.name)}) FROM STDIN") as copy:
                    for doc in docs:
                        copy.write_row(_row(spec, doc))
                with cursor.copy("COPY unique_keys (tbl, key, value, doc_id) FROM STDIN") as copy:
                    for claim in claims:
                        copy.write_row(claim)
        except psycopg.Error as exc:
            raise self._fail(translate(exc, "copy documents")) from cause_of(exc)
