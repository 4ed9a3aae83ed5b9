"""PostgreSQL storage: JSONB documents with real columns and indexes, psycopg 3 and a pool.

Several processes and machines may share one database: transactions are SERIALIZABLE, so
PostgreSQL itself isolates writers, and a lost race surfaces as TransactionConflict for
retry_on_conflict. The schema is created and migrated at construction (storage.postgres
.migrations). Reads outside a transaction use pooled autocommit connections.
"""

from __future__ import annotations

import logging
import threading

import orjson
import psycopg
from psycopg.types.json import set_json_dumps, set_json_loads
from psycopg_pool import ConnectionPool, PoolClosed, PoolTimeout

from storage.base import Storage, StorageError, TransactionScope
from storage.postgres.errors import cause_of, raise_translated, translate
from storage.postgres.migrations import migrate
from storage.postgres.queries import PostgresReader
from storage.postgres.transaction import PostgresTransaction
from storage.schema import SPEC_BY_NAME

log = logging.getLogger("storyloom.storage")

CONNECT_TIMEOUT = 10   # seconds to reach the server
POOL_TIMEOUT = 30      # seconds to wait for a free pooled connection
BATCH = 500            # documents per round trip when streaming a backup
BUMP = ("INSERT INTO change_marks (scope, mark) SELECT s, 1 FROM unnest(%s::text[]) AS s "
        "ORDER BY s ON CONFLICT (scope) DO UPDATE SET mark = change_marks.mark + 1")


def _configure(conn: psycopg.Connection) -> None:
    """Pooled connections read and write JSON with orjson (several times faster)."""
    set_json_loads(orjson.loads, conn)
    set_json_dumps(orjson.dumps, conn)


def _connect(database_url: str) -> psycopg.Connection:
    """A direct autocommit connection, or StorageError saying why not (never the URL)."""
    try:
        return psycopg.connect(database_url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.OperationalError:
        raise StorageError("cannot connect to the PostgreSQL server of the database URL: "
                           "check that it runs and accepts this user") from None
    except psycopg.Error:
        raise StorageError("the database URL is not a valid PostgreSQL connection string") \
            from None


class PostgresStorage(PostgresReader, Storage):
    """Every table in one PostgreSQL schema (the first of the URL's search_path)."""

    kind = "postgresql"

    def __init__(self, database_url: str, min_connections: int = 2, max_connections: int = 10):
        self._closed = False
        self._in_transaction = threading.local()
        with _connect(database_url) as conn:
            try:
                migrate(conn)
                version, schema = conn.execute("SELECT current_setting('server_version'), "
                                               "current_schema()").fetchone()
            except psycopg.Error as exc:
                raise_translated(exc, "prepare the schema")
        self._pool = ConnectionPool(
            database_url, min_size=min_connections, max_size=max_connections, open=False,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT},
            configure=_configure, timeout=POOL_TIMEOUT, name="storyloom")
        self._pool.open()
        log.info("storage opened", extra={"fields": {"postgresql": version, "schema": schema}})

    # reads outside a transaction: one statement on a pooled autocommit connection

    def _rows(self, sql, params=None, prepare=False):
        if self._closed:
            raise StorageError("storage is closed")
        try:
            with self._pool.connection() as conn:
                return conn.execute(sql, params, prepare=prepare).fetchall()
        except (psycopg.Error, PoolTimeout, PoolClosed) as exc:
            raise_translated(exc, "read")

    # transactions

    def transaction(self) -> TransactionScope:
        return TransactionScope(self)

    def _begin(self) -> PostgresTransaction:
        if getattr(self._in_transaction, "active", False):
            raise RuntimeError("a transaction is already open in this thread")
        if self._closed:
            raise StorageError("storage is closed")
        try:
            conn = self._pool.getconn()
        except (PoolTimeout, PoolClosed) as exc:
            raise_translated(exc, "begin a transaction")
        tx = PostgresTransaction(conn)
        try:
            tx.begin()
        except psycopg.Error as exc:
            self._pool.putconn(conn)
            raise_translated(exc, "begin a transaction")
        self._in_transaction.active = True
        return tx

    def _finish(self, tx: PostgresTransaction, failed: bool) -> None:
        try:
            if failed or tx.failure is not None or not tx.changed:
                self._rollback(tx.conn)
                if not failed and tx.failure is not None:
                    raise StorageError("a failed transaction cannot commit") from tx.failure
                return
            try:
                tx.conn.execute("COMMIT")
            except psycopg.Error as exc:
                raise_translated(exc, "commit")
            self._bump(tx.conn, tx.scopes)
        finally:
            self._in_transaction.active = False
            self._pool.putconn(tx.conn)

    @staticmethod
    def _rollback(conn: psycopg.Connection) -> None:
        try:
            conn.execute("ROLLBACK")
        except psycopg.Error:
            pass   # a broken connection has no transaction left; the pool discards it

    def _bump(self, conn: psycopg.Connection, scopes: set[str]) -> None:
        """Move the change marks of a committed transaction's scopes.

        Outside the transaction on purpose: inside it every concurrent writer would
        conflict on the counter rows. Scopes are sorted so concurrent bumps never deadlock.
        """
        try:
            conn.execute(BUMP, (sorted(scopes),))
            return
        except psycopg.Error:
            pass
        try:
            with self._pool.connection() as fresh:
                fresh.execute(BUMP, (sorted(scopes),))
        except (psycopg.Error, PoolTimeout, PoolClosed) as exc:
            log.error("change marks not moved after a commit: cached reads may be stale",
                      extra={"fields": {"error": str(translate(exc))}})

    # the rest of the contract

    def change_marks(self, scopes):
        scopes = tuple(scopes)
        rows = self._rows("SELECT scope, mark FROM change_marks WHERE scope = ANY(%s::text[])",
                          (list(scopes),))
        marks = dict(rows)
        return tuple(marks.get(scope, 0) for scope in scopes)

    def health(self) -> dict:
        if self._closed:
            return {"writable": False, "detail": "storage is closed"}
        try:
            recovering, read_only = self._rows(
                "SELECT pg_is_in_recovery(), current_setting('transaction_read_only')")[0]
        except StorageError as exc:
            return {"writable": False, "detail": str(exc)}
        if recovering or read_only == "on":
            return {"writable": False, "detail": "the PostgreSQL server is read-only"}
        return {"writable": True, "detail": "writes are durable"}

    def documents(self):
        """Every document, table by table in id order, from one consistent snapshot."""
        if self._closed:
            raise StorageError("storage is closed")
        try:
            conn = self._pool.getconn()
        except (PoolTimeout, PoolClosed) as exc:
            raise_translated(exc, "read the documents")
        try:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for name in SPEC_BY_NAME:
                after = ""
                while True:
                    rows = conn.execute(f"SELECT id, doc FROM {name} WHERE id > %s "
                                        "ORDER BY id LIMIT %s", (after, BATCH)).fetchall()
                    yield from ((name, doc) for _, doc in rows)
                    if len(rows) < BATCH:
                        break
                    after = rows[-1][0]
        except psycopg.Error as exc:
            raise translate(exc, "read the documents") from cause_of(exc)
        finally:
            self._rollback(conn)
            self._pool.putconn(conn)

    def load_documents(self, pairs) -> int:
        with self.transaction() as tx:
            return tx.load(pairs)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._pool.close()
